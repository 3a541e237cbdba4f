"""The impactreflectie as one typed object: built once, rendered as json, html, md or pdf.

`build_report(db, catalogue, year, gemeente)` runs the SQL (figures, evidence, quotes) and
assembles everything a reader needs, names included, so the templates need no catalogue. The
typed parts it fills (rows, chapters, the report itself) are in `reports.parts`.
"""

from __future__ import annotations

import re
from datetime import date

import sqlite_utils

from ground.errors import ImpactbotError
from reports.council import best_per_effect, first_event, first_story, headlines, highlights
from reports.evidence import EffectEvidence, opgave_evidence, spread_quotes, year_evidence
from reports.evidence_data import (
    activities_without_evidence,
)
from reports.figures import ContractProgress, Figures, compute_figures, contract_progress
from reports.locations import location_box
from reports.money import build_money
from reports.parts import (
    WSOB_FUNCTIONS,
    ActivityRow,
    Chapter,
    GemeenteRow,
    Impactreflectie,
    KengetalRow,
    LijnSection,
    VestigingRow,
)
from reports.period import Period, report_period
from reports.reflection import Reflection, build_reflection
from reports.review import ReviewCounts
from reports.stories import (
    PublicQuote,
    events_for,
    long_stories_for,
    photos_for,
    publishable_quotes,
    stories_for,
)
from reports.summary import (
    NOT_MEASURED,
    Summary,
    cijfer_groups,
    framing,
    key_figures,
    learned,
    platform_group,
)
from store.long_stories import publishable_long_stories
from store.photos import publishable_photos
from store.session_notes import partners_per_activity, publishable_stories
from toc.matcher import Matcher
from toc.models import Catalogue


class UnknownGemeente(ImpactbotError):
    """A gemeente (id or name) that is not in the organisation."""


def resolve_gemeente(catalogue: Catalogue, gemeente: str | None) -> str | None:
    """The gemeente id for an id or a name as typed ("Westerveld", "de wolden"), through the
    one name matcher; an unknown or ambiguous one is refused with the valid ids."""
    if gemeente is None:
        return None
    if gemeente in catalogue.gemeenten:
        return gemeente
    matcher = Matcher((g.id, [g.name]) for g in catalogue.gemeenten.values())
    found = matcher.match(gemeente)
    if found is None:
        valid = ", ".join(sorted(catalogue.gemeenten))
        raise UnknownGemeente(
            f"De gemeente '{gemeente}' ken ik niet. Kies uit: {valid} (de naam mag ook)."
        )
    return found


def check_gemeente(catalogue: Catalogue, gemeente: str | None) -> None:
    resolve_gemeente(catalogue, gemeente)


def contract_lijnen(catalogue: Catalogue, contract: ContractProgress | None) -> str:
    """The names of the programmalijnen the agreed total counts; '' for all of them."""
    if contract is None or contract.total is None or not contract.programmalijnen:
        return ""
    names = [
        catalogue.programmalijnen[p].name if p in catalogue.programmalijnen else p
        for p in contract.programmalijnen
    ]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


def contract_total_label(catalogue: Catalogue, contract: ContractProgress | None) -> str:
    """The row label of the agreed total: what it counts, never a bare 'in totaal'."""
    if contract is None or contract.total is None:
        return ""
    lijnen = contract_lijnen(catalogue, contract)
    return (
        f"Activiteiten in {lijnen}" if lijnen else "Activiteiten in totaal (alle programmalijnen)"
    )


def build_report(
    db: sqlite_utils.Database,
    catalogue: Catalogue,
    year: int,
    gemeente: str | None = None,
    today: date | None = None,
    approved_only: bool = False,
) -> Impactreflectie:
    """`approved_only`: print only quotes, stories and photos a manager approved (the gemeente
    edition's default, reports.review); figures and counts are the same either way."""
    gemeente = resolve_gemeente(catalogue, gemeente)
    today = today or date.today()
    period = report_period(db, year, gemeente, today)
    figures = compute_figures(db, catalogue, year, gemeente)
    previous = _previous(db, catalogue, period, gemeente)
    every_quote = publishable_quotes(db, year, gemeente)
    quotes = [q for q in every_quote if q.approved] if approved_only else every_quote
    # counts are figures: over every publishable quote; texts only of those printed
    quote_activities: dict[str, int] = {}
    for q in every_quote:
        quote_activities[q.activity] = quote_activities.get(q.activity, 0) + 1
    data, evidence = year_evidence(db, catalogue, figures, quotes)
    per_opgave = {
        o: opgave_evidence(catalogue, figures, data, o, evidence) for o in catalogue.opgaven
    }
    contract = contract_progress(db, catalogue, year, gemeente)
    targets = {t.activity: t.target for t in contract.per_activity} if contract else {}
    without = activities_without_evidence(catalogue, figures, db, set(quote_activities), data)
    reflection = build_reflection(
        db, catalogue, figures, previous, evidence, per_opgave, contract, without
    )
    named = partners_per_activity(db, year, gemeente)
    activities = {
        a.id: ActivityRow(
            id=a.id,
            name=a.name,
            kind=a.kind,
            programmalijn=a.programmalijn,
            wsob=a.wsob,
            counts=figures.activity(a.id),
            previous=previous.activity(a.id),
            quotes=quote_activities.get(a.id, 0),
            target=targets.get(a.id),
            partners=_partners(a.partners, named.get(a.id, [])),
        )
        for a in catalogue.activities.values()
    }
    chapters = [
        _chapter(catalogue, figures, previous, per_opgave[o], activities, quotes, reflection, o)
        for o in catalogue.opgaven
    ]
    kengetallen = [
        KengetalRow(
            id=k.id,
            name=k.name,
            unit=k.unit,
            value=figures.kengetallen.get(k.id),
            previous=previous.kengetallen.get(k.id),
        )
        for k in catalogue.kengetallen.values()
    ]
    wsob = {
        n: [a for a in activities.values() if n in a.wsob and not a.counts.empty]
        for n in WSOB_FUNCTIONS
    }
    scope_name = catalogue.gemeenten[gemeente].name if gemeente else catalogue.organisation_name
    effect_labels = {e.id: e.short for e in catalogue.effects.values()}
    every_event = publishable_stories(db, year, gemeente)
    events = [e for e in every_event if e.approved] if approved_only else every_event
    every_photo = publishable_photos(db, year, gemeente)
    photos = [p for p in every_photo if p.approved] if approved_only else every_photo
    every_long = publishable_long_stories(db, year, gemeente)
    long_stories = [s for s in every_long if s.approved] if approved_only else every_long
    unreviewed = ReviewCounts(
        quotes=sum(1 for q in every_quote if not q.approved),
        stories=sum(1 for e in every_event if not e.approved)
        + sum(1 for s in every_long if not s.approved),
        photos=sum(1 for p in every_photo if not p.approved),
    )
    for c in chapters:
        c.events = events_for(catalogue, events, c.id)
        c.photos = photos_for(catalogue, photos, c.id)
        c.long_stories = long_stories_for(catalogue, long_stories, c.id)
        # the agreement's own count (only the gemeenten that agreed it), as in the Afspraken table
        shortfalls = [
            (activities[t.activity].name, t.realised, t.target)
            for t in (contract.per_activity if contract else [])
            if t.activity in activities and catalogue.opgave_of(t.activity) == c.id and t.short
        ]
        c.framing = framing(c.effects, effect_labels, shortfalls, year)
    lijnen_label = contract_lijnen(catalogue, contract)
    kengetal_pairs = {k.id: (k.value, k.previous) for k in kengetallen}
    story, event = first_story(chapters), first_event(chapters)
    # per opgave, as each chapter prints it: the best of an effect over the chapters
    outcomes = headlines(best_per_effect(chapters), effect_labels)
    summary = Summary(
        headlines=outcomes,
        figures=key_figures(figures.total, previous.total, kengetal_pairs, contract, lijnen_label),
        highlights=highlights(
            chapters, best_per_effect(chapters), story, event, period.compare, effect_labels
        ),
        story=story,
        event=event,
        learned=learned(best_per_effect(chapters), len(quotes), contract),
        next_year=[s for c in chapters for s in c.framing.agreement_steps][:2],
    )
    if any(e.label in NOT_MEASURED for e in best_per_effect(chapters)):
        summary.next_year.insert(
            0,
            f"We gaan meten wat de activiteiten inwoners opleveren: we vragen het begeleiders en "
            f"deelnemers, zodat we in {year + 1} meer kunnen zeggen over wat we nog niet weten.",
        )
    cijfers = cijfer_groups(
        [
            (k.id, k.name, catalogue.kengetallen[k.id].group, k.value, k.previous)
            for k in kengetallen
        ]
    )
    platform = [
        lijn
        for c in chapters
        for lijn in c.lijnen
        if (found := catalogue.programmalijnen.get(lijn.id)) is not None and found.platform
    ]
    if platform and not (platform[0].counts.empty and platform[0].previous.empty):
        # The jaarbericht's De cijfers opens with the platformactiviteiten: the same figures
        # as that programmalijn's table, not a second count.
        lijn = platform[0]
        cijfers.insert(0, platform_group(lijn.counts, lijn.previous))
    money = build_money(
        catalogue,
        catalogue.contract(gemeente, year) if gemeente else None,
        figures,
        {e: best.label for e, best in ((b.effect, b) for b in best_per_effect(chapters))},
    )
    return Impactreflectie(
        unreviewed=unreviewed,
        approved_only=approved_only,
        money=money,
        year=year,
        gemeente=gemeente,
        organisation=catalogue.organisation_name,
        scope_name=scope_name,
        made_on=today,
        period=period,
        total=figures.total,
        previous_total=previous.total,
        from_totals={a: c.bijeenkomsten for a, c in sorted(figures.totals.items())},
        chapters=chapters,
        activities=activities,
        kengetallen=kengetallen,
        effects=evidence,
        quotes=quotes,
        contract=contract,
        contract_total_label=contract_total_label(catalogue, contract),
        contract_lijnen=contract_lijnen(catalogue, contract),
        reflection=reflection,
        wsob=wsob,
        summary=summary,
        cijfers=cijfers,
        locations=location_box(catalogue, gemeente, year, figures.kengetallen),
        effect_labels=effect_labels,
        per_gemeente=[] if gemeente else _per_gemeente(db, catalogue, period),
    )


def _partners(catalogue: list[str], named: list[str]) -> list[str]:
    """The catalogue's partners, then those leaders named ("Met wie?") that it lacks; one name
    per partner: "Kunst van Lezen (Stichting Lezen)" and "Stichting Lezen (Kunst van Lezen)"
    are the same partner, shown as first written."""
    out: list[str] = []
    seen: set[frozenset[str]] = set()
    for name in [*catalogue, *named]:
        key = partner_key(name)
        if key not in seen:
            seen.add(key)
            out.append(name)
    return out


def partner_key(name: str) -> frozenset[str]:
    """The names inside and outside brackets, without case or punctuation, in any order."""
    parts = re.split(r"[()]", name)
    words = (" ".join(re.findall(r"\w+", p.casefold())) for p in parts)
    return frozenset(w for w in words if w)


def _previous(
    db: sqlite_utils.Database, catalogue: Catalogue, period: Period, gemeente: str | None
) -> Figures:
    """The year before as far as it may stand beside this one (reports.period): the same
    months for a year to date; only its kengetallen (annual figures) when it is incomplete."""
    before = compute_figures(db, catalogue, period.year - 1, gemeente, period.until_month)
    if period.compare:
        return before
    return Figures(year=period.year - 1, gemeente=gemeente, kengetallen=before.kengetallen)


def _per_gemeente(
    db: sqlite_utils.Database, catalogue: Catalogue, period: Period
) -> list[GemeenteRow]:
    rows = []
    for g in catalogue.gemeenten.values():
        now = compute_figures(db, catalogue, period.year, g.id)
        before = _previous(db, catalogue, period, g.id)
        rows.append(
            GemeenteRow(
                id=g.id,
                name=g.name,
                counts=now.total,
                previous=before.total,
                leden=now.kengetallen.get("leden"),
            )
        )
    return rows


def _once_per_chapter(effects: list[EffectEvidence], cards: set[str]) -> None:
    """A quote appears once in a chapter: not in the evidence table when it is a story card,
    and beside one effect only; another quote of the effect takes its place, or none."""
    used = set(cards)
    for e in effects:
        if e.quote_text in used:
            other = [q for q in e.quote_options if q[0] not in used]
            e.quote_text, e.quote_van = other[0] if other else (None, None)
        if e.quote_text:
            used.add(e.quote_text)


def _chapter(
    catalogue: Catalogue,
    figures: Figures,
    previous: Figures,
    evidence: dict[str, EffectEvidence],
    activities: dict[str, ActivityRow],
    quotes: list[PublicQuote],
    reflection: Reflection,
    opgave_id: str,
) -> Chapter:
    opgave = catalogue.opgaven[opgave_id]
    lijnen = [
        LijnSection(
            id=p.id,
            name=p.name,
            counts=figures.programmalijn(p.id),
            previous=previous.programmalijn(p.id),
            activities=[activities[a.id] for a in catalogue.activities_in(p.id)],
        )
        for p in catalogue.programmalijnen.values()
        if p.opgave == opgave_id
    ]
    per_vestiging = figures.opgave_vestigingen.get(opgave_id, {})
    vestigingen = [
        VestigingRow(
            id=v,
            name=catalogue.vestigingen[v].name if v in catalogue.vestigingen else v,
            counts=c,
        )
        for v, c in sorted(per_vestiging.items(), key=lambda item: -item[1].deelnemers)
    ]
    effect_ids: dict[str, None] = {}
    links: list[tuple[str, str]] = []
    for lijn in lijnen:
        for a in lijn.activities:
            for e in catalogue.activities[a.id].effects:
                if e in evidence:
                    effect_ids[e] = None
                    links.append((a.id, e))
    spread_quotes([evidence[e] for e in effect_ids])
    stories = stories_for(catalogue, quotes, opgave_id)
    _once_per_chapter([evidence[e] for e in effect_ids], {s.quote.text for s in stories})
    return Chapter(
        id=opgave.id,
        name=opgave.name,
        goal=opgave.goal,
        age_range=opgave.age_range,
        counts=figures.opgave(opgave_id),
        previous=previous.opgave(opgave_id),
        lijnen=lijnen,
        vestigingen=vestigingen,
        effects=[evidence[e] for e in effect_ids],
        links=links,
        stories=stories,
        verdict=reflection.verdicts[opgave_id],
    )
