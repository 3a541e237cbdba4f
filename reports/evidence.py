"""Evidence per intended effect (outcome): computed once per scope and year.

Sources, each aggregated in SQL per activity (reports/evidence_data.py):
- deelnemers: participants' own answers right after a session (Telegram, web page, or a
  leader's tally), counted as people per statement kind, with coverage and response;
- vervolg: the follow-up weeks later (invited, answered, agreeing);
- meting: before/after counts in courses (the leader's count of the group at both moments);
- signalen + verhalen: what leaders saw and the quotes they passed on (one source);
- bronnen: the literature the catalogue cites (shown, never counted).
The rule that weighs them lives in reports/grading.py, its thresholds in reports/thresholds.py.

One verdict per effect: `compute_evidence` grades every effect over every activity in scope;
a chapter shows that same object with `contribution` (`opgave_evidence`): its own activities
and their n, never a verdict of its own.

API for other parts of the report (e.g. page-2 headlines): `EffectEvidence` (re-exported
from reports/evidence_model.py) with `label`/`oordeel`, `respondents`, `per_statement`
(kind -> StatementFigures with respondents, agrees, share, interval), `coverage` (Coverage),
`followup` (FollowUp), `grounds` (Dutch sentences) and `contract()` (the JSON).
"""

from __future__ import annotations

import sqlite_utils

from reports.evidence_data import (
    ActivityEffect,
    EvidenceData,
    collect_evidence,
    quote_counts_of,
    quote_examples_of,
)
from reports.evidence_model import (
    LABEL_WORDS,
    LABELS,
    Contribution,
    Coverage,
    EffectEvidence,
    FollowUp,
    Label,
    StatementFigures,
)
from reports.figures import Figures, compute_figures
from reports.grading import EVIDENCE_RULE, grounds_for, label_for
from reports.stories import PublicQuote, publishable_quotes
from toc.models import DIMENSIONS, Catalogue

__all__ = [
    "EVIDENCE_RULE",
    "LABELS",
    "LABEL_WORDS",
    "Contribution",
    "Coverage",
    "EffectEvidence",
    "FollowUp",
    "Label",
    "StatementFigures",
    "compute_evidence",
    "effect_evidence",
    "opgave_evidence",
]


def _sum(
    values: dict[ActivityEffect, tuple[int, ...]], keys: list[ActivityEffect], width: int
) -> list[int]:
    totals = [0] * width
    for key in keys:
        row = values.get(key)
        if row is not None:
            totals = [t + v for t, v in zip(totals, row, strict=True)]
    return totals


def effect_evidence(
    catalogue: Catalogue, figures: Figures, data: EvidenceData, effect_id: str
) -> EffectEvidence:
    """The evidence for one effect over every activity aiming at it, graded."""
    effect = catalogue.effects[effect_id]
    aiming = [a.id for a in catalogue.activities_for_effect(effect_id)]
    keys = [(a, effect_id) for a in aiming]
    active = [a for a in aiming if not figures.activity(a).empty]
    courses, able_v, n_v, able_n, n_n = _sum(data.measured, keys, 5)
    answers, respondents, tallied = _sum(data.answers, keys, 3)
    asked_sessions, asked_attendance, drawn, adhoc, answerable = _sum(data.asked, keys, 5)
    invited, f_people, f_agree = _sum(data.followup, keys, 3)
    kinds: dict[str, StatementFigures] = {}
    for d in DIMENSIONS:
        n = sum(data.per_kind.get(k, {}).get(d, (0, 0))[0] for k in keys)
        agree = sum(data.per_kind.get(k, {}).get(d, (0, 0))[1] for k in keys)
        if n:
            kinds[d] = StatementFigures(dimension=d, respondents=n, agrees=agree)
    signal_totals: dict[str, int] = {}
    for a in aiming:
        for signal_id, n in data.signals_seen.get((a, effect_id), {}).items():
            found = catalogue.signal(signal_id)
            text = found[0].text if found else signal_id
            signal_totals[text] = signal_totals.get(text, 0) + n
    options = list(dict.fromkeys(q for k in keys for q in data.quote_examples.get(k, [])))
    example = options[0] if options else None
    plans: dict[str, int] = {}
    for a in active:
        one_in = catalogue.survey_plans[a].ask_one_in if a in catalogue.survey_plans else None
        if one_in:
            plans[catalogue.activities[a].name] = one_in
    sessions = sum(figures.detailed_sessions(a) for a in aiming)
    e = EffectEvidence(
        effect=effect.id,
        name=effect.name,
        level=effect.level,
        measured_by=effect.measured_by,
        askable=any(s.effect == effect_id for s in catalogue.statements),
        measurable=effect.measurable,
        activities=aiming,
        active_activities=active,
        # bijeenkomsten reported one by one: totals (figures.totals) carry no observations
        sessions=sessions,
        observed=sum(data.observed.get(k, 0) for k in keys),
        top_signal=max(signal_totals, key=lambda t: signal_totals[t]) if signal_totals else None,
        respondents=respondents,
        answers=answers,
        tallied=tallied,
        per_statement=kinds,
        coverage=Coverage(
            asked_sessions=asked_sessions,
            sessions=max(sessions, asked_sessions),
            asked_attendance=asked_attendance,
            answerable=answerable,
            attendance=max(_attendance(figures, aiming), asked_attendance),
            drawn=sum(data.drawn.get(a, 0) for a in active),
            drawn_sessions=drawn,
            adhoc_sessions=adhoc,
            plans=plans,
        ),
        followup=FollowUp(invited=invited, respondents=f_people, agrees=f_agree),
        locations=len(set().union(*(data.locations.get(k, set()) for k in keys))),
        courses_measured=courses,
        courses_incomparable=sum(data.incomparable.get(k, 0) for k in keys),
        courses_only_before=sum(data.only_before.get(k, 0) for k in keys),
        able_before=able_v,
        measured_before=n_v,
        able_after=able_n,
        measured_after=n_n,
        quotes=sum(data.quotes.get(k, 0) for k in keys),
        quote_text=example[0] if example else None,
        quote_van=example[1] if example else None,
        quote_options=options,
        sources=effect.sources,
        assumptions=effect.assumptions,
    )
    e.label = label_for(e)
    e.grounds = grounds_for(e)
    return e


def _attendance(figures: Figures, activities: list[str]) -> int:
    """Attendance at the sessions reported one by one (a total carries no survey)."""
    total = 0
    for a in activities:
        from_totals = figures.totals.get(a)
        total += figures.activity(a).deelnemers - (from_totals.deelnemers if from_totals else 0)
    return total


def contribution(
    catalogue: Catalogue, figures: Figures, data: EvidenceData, effect_id: str, within: set[str]
) -> Contribution:
    """What the activities in `within` add to an effect: names with sessions, people."""
    mine = [
        a.id
        for a in catalogue.activities_for_effect(effect_id)
        if a.id in within and not figures.activity(a.id).empty
    ]
    keys = [(a, effect_id) for a in mine]
    return Contribution(
        activities=[catalogue.activities[a].name for a in mine],
        sessions=sum(figures.detailed_sessions(a) for a in mine),
        respondents=_sum(data.answers, keys, 3)[1],
        observed=sum(data.observed.get(k, 0) for k in keys),
    )


def spread_quotes(effects: list[EffectEvidence]) -> None:
    """Show each quote beside one effect only where another quote is at hand, so a chapter
    does not repeat the same words under every effect it speaks to."""
    used: set[str] = set()
    for e in effects:
        fresh = [q for q in e.quote_options if q[0] not in used]
        if fresh:
            e.quote_text, e.quote_van = fresh[0]
        if e.quote_text:
            used.add(e.quote_text)


def opgave_activities(catalogue: Catalogue, opgave: str) -> set[str]:
    return {
        a.id
        for a in catalogue.activities.values()
        if a.programmalijn in catalogue.programmalijnen and catalogue.opgave_of(a.id) == opgave
    }


def effects_of_opgave(catalogue: Catalogue, opgave: str) -> list[str]:
    """Effect ids the activities of this opgave aim at, in catalogue order."""
    seen: dict[str, None] = {}
    mine = opgave_activities(catalogue, opgave)
    for a in catalogue.activities.values():
        if a.id in mine:
            for e in a.effects:
                if e in catalogue.effects:
                    seen[e] = None
    return list(seen)


def opgave_evidence(
    catalogue: Catalogue,
    figures: Figures,
    data: EvidenceData,
    opgave: str,
    evidence: dict[str, EffectEvidence] | None = None,
) -> dict[str, EffectEvidence]:
    """The effects of one opgave: each the one graded object of the whole scope (so the same
    verdict as everywhere), with `contribution` telling what this opgave's activities add;
    `active_activities` narrowed to this opgave's, so a chapter lists what it ran."""
    graded = evidence if evidence is not None else compute_evidence(catalogue, figures, data)
    mine = opgave_activities(catalogue, opgave)
    out: dict[str, EffectEvidence] = {}
    for e in effects_of_opgave(catalogue, opgave):
        whole = graded[e]
        own = contribution(catalogue, figures, data, e, mine)
        # Named only where other opgaven's activities add to the effect too: otherwise the
        # chapter's activities are the whole of it and the grounds already say so.
        shared = any(a not in mine for a in whole.active_activities)
        home = home_opgave(catalogue, figures, whole)
        if shared and home is not None and home != opgave:
            own.grounds_in = catalogue.opgaven[home].name
        out[e] = whole.model_copy(
            update={
                "contribution": own if shared else None,
                "active_activities": [a for a in whole.active_activities if a in mine],
            }
        )
    return out


def home_opgave(catalogue: Catalogue, figures: Figures, e: EffectEvidence) -> str | None:
    """The opgave whose activities held the most sessions for an effect: its chapter shows
    what the one verdict rests on, the others refer to it."""
    sessions: dict[str, int] = {}
    for a in e.active_activities:
        o = catalogue.opgave_of(a)
        if o is not None:
            sessions[o] = sessions.get(o, 0) + figures.detailed_sessions(a)
    if not sessions:
        return None
    order = list(catalogue.opgaven)
    return max(sessions, key=lambda o: (sessions[o], -order.index(o) if o in order else 0))


def compute_evidence(
    catalogue: Catalogue, figures: Figures, data: EvidenceData
) -> dict[str, EffectEvidence]:
    """Evidence for every effect in the catalogue over every activity in scope: the one
    verdict per effect that every page reads."""
    return {e: effect_evidence(catalogue, figures, data, e) for e in catalogue.effects}


def year_evidence(
    db: sqlite_utils.Database,
    catalogue: Catalogue,
    figures: Figures,
    quotes: list[PublicQuote],
) -> tuple[EvidenceData, dict[str, EffectEvidence]]:
    """The one evidence of a scope and year (figures.year, figures.gemeente): what the report,
    its summary and json, /stand and the reflection all read."""
    examples = quote_examples_of(
        [
            (q.activity, q.effects, q.text, q.van)
            for q in sorted(quotes, key=lambda q: not q.approved)
        ]
    )
    parents = {a for a, p in catalogue.survey_plans.items() if p.respondent == "ouder"}
    data = collect_evidence(
        db, figures, quote_counts_of([(q.activity, q.effects) for q in quotes]), examples, parents
    )
    return data, compute_evidence(catalogue, figures, data)


def evidence_of_year(
    db: sqlite_utils.Database, catalogue: Catalogue, year: int, gemeente: str | None
) -> dict[str, EffectEvidence]:
    """`year_evidence` from the database alone (for /stand), the same as the report's."""
    figures = compute_figures(db, catalogue, year, gemeente)
    return year_evidence(db, catalogue, figures, publishable_quotes(db, year, gemeente))[1]


def verdict_counts(evidence: dict[str, EffectEvidence]) -> dict[Label, int]:
    """Label -> number of graded effects whose activities ran, in the rule's order."""
    ran = [e for e in evidence.values() if e.active_activities and e.graded]
    counts = {label: sum(1 for e in ran if e.label == label) for label in LABELS}
    return {label: n for label, n in counts.items() if n}
