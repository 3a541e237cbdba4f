"""Reflectie: does the verandertheorie hold, is the data sufficient, where must we adjust.

Pure code over the figures and the evidence; the only SQL is the count of quotes by consent and
review state (never their texts). What to measure next year, per activity, is in suggestions.py.
"""

from __future__ import annotations

from typing import Literal

import sqlite_utils
from pydantic import BaseModel, Field

from ground.dutch import count, number, percent
from reports.evidence import EffectEvidence, effects_of_opgave
from reports.figures import ContractProgress, Figures, scope_sql
from reports.grading import (
    followup_counts,
    leaders_count,
    measurement_counts,
    participants_count,
)
from reports.suggestions import suggestions_per_activity
from reports.thresholds import MIN_GAIN_POINTS, MIN_MEASURED
from toc.models import Catalogue

Verdict = Literal["ondersteund", "deels", "onvoldoende", "niet-gemeten", "geen-gegevens"]
# A drop of this share or more in bijeenkomsten against last year is worth a look.
DROP_SHARE = 0.2

VERDICT_RULE = (
    "Per opgave kijken we naar de beoogde effecten van de activiteiten die dit jaar zijn "
    "uitgevoerd (maatschappelijke impact telt niet mee). Is het bewijs voor minstens de helft "
    "van die effecten aannemelijk of goed onderbouwd, en voor geen enkel effect afwezig, dan "
    "ondersteunen de gegevens de verandertheorie. Is het voor minstens één effect aannemelijk "
    "of goed onderbouwd, dan deels. Is er wel iets gemeten, "
    "maar te weinig, dan is er nog te weinig bewijs om iets te zeggen. Is voor geen enkel "
    "effect iets gemeten, dan zeggen we dat: de effecten zijn nog niet gemeten. Dat is iets "
    "anders dan dat de activiteiten niet werken."
)

VERDICT_TITLES: dict[Verdict, str] = {
    "ondersteund": "De gegevens ondersteunen de verandertheorie",
    "deels": "De gegevens ondersteunen de verandertheorie deels",
    "onvoldoende": "Nog te weinig bewijs om te zeggen of de verandertheorie werkt",
    "niet-gemeten": "De effecten zijn nog niet gemeten",
    "geen-gegevens": "Geen gegevens",
}


class OpgaveVerdict(BaseModel):
    opgave: str
    verdict: Verdict
    title: str
    text: str
    labels: dict[str, int] = Field(default_factory=dict)  # label -> number of effects


class Reflection(BaseModel):
    verdicts: dict[str, OpgaveVerdict] = Field(default_factory=dict)
    contracted: int = 0  # activities with a per-activity target
    contracted_reported: int = 0  # ... of which at least one session was reported
    unreported_contracted: list[str] = Field(default_factory=list)
    activities_without_evidence: list[str] = Field(default_factory=list)
    effects_without_evidence: list[str] = Field(default_factory=list)  # ran, nothing measured
    # Which assumptions rest on our own data (aannemelijk/goed onderbouwd), which only on the
    # literature the catalogue cites, and which on neither yet (effect ids of activities that ran).
    assumptions_own: list[str] = Field(default_factory=list)
    assumptions_literature: list[str] = Field(default_factory=list)
    assumptions_open: list[str] = Field(default_factory=list)
    grounding: list[str] = Field(default_factory=list)  # Dutch sentences about the above
    effects_not_run: list[str] = Field(default_factory=list)  # no aiming activity ran
    quotes_waiting: int = 0  # publishable once reviewed (consent ja/anoniem, review new)
    quotes_internal: int = 0  # consent 'nee': for internal learning only
    # Surveys closed because more people answered than took part (store.survey's cap): their
    # answers still count, so a reader must know some may have been given twice.
    surveys_capped: int = 0
    sufficiency: list[str] = Field(default_factory=list)  # Dutch sentences
    suggestions: list[str] = Field(default_factory=list)
    adjustments: list[str] = Field(default_factory=list)

    @property
    def contracted_share(self) -> float | None:
        return self.contracted_reported / self.contracted if self.contracted else None

    def contract(self) -> dict[str, object]:
        return {
            "verandertheorie": {k: v.verdict for k, v in self.verdicts.items()},
            "afgesproken_activiteiten": self.contracted,
            "afgesproken_met_verslag": self.contracted_reported,
            "activiteiten_zonder_bewijs": self.activities_without_evidence,
            "effecten_zonder_bewijs": self.effects_without_evidence,
            "effecten_niet_uitgevoerd": self.effects_not_run,
            "aannames_eigen_gegevens": self.assumptions_own,
            "aannames_alleen_literatuur": self.assumptions_literature,
            "aannames_nog_open": self.assumptions_open,
            "onderbouwing": self.grounding,
            "citaten_wachten_op_beoordeling": self.quotes_waiting,
            "citaten_alleen_intern": self.quotes_internal,
            "vragen_gesloten_te_veel_antwoorden": self.surveys_capped,
            "voldoende_gegevens": self.sufficiency,
            "suggesties": self.suggestions,
            "bijsturing": self.adjustments,
        }


def _names(catalogue: Catalogue, activity_ids: list[str]) -> str:
    names = [catalogue.activities[a].name for a in activity_ids if a in catalogue.activities]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " en " + names[-1]


def verdict_for(
    catalogue: Catalogue, figures: Figures, evidence: dict[str, EffectEvidence], opgave: str
) -> OpgaveVerdict:
    """The rule in VERDICT_RULE for one opgave, over the effects its activities ran for;
    `evidence` holds the one verdict per effect (`reports.evidence.opgave_evidence`)."""
    relevant = [
        evidence[e]
        for e in effects_of_opgave(catalogue, opgave)
        if e in evidence
        and evidence[e].graded
        and any(catalogue.opgave_of(a) == opgave for a in evidence[e].active_activities)
    ]
    labels = {
        label: sum(1 for e in relevant if e.label == label)
        for label in ("goed-onderbouwd", "aannemelijk", "eerste-aanwijzingen", "niet-gemeten")
    }
    good = labels["goed-onderbouwd"] + labels["aannemelijk"]
    if figures.opgave(opgave).empty or not relevant:
        verdict: Verdict = "geen-gegevens"
        text = f"In {figures.year} is voor deze opgave geen activiteit met beoogde effecten gemeld."
    elif good * 2 >= len(relevant) and labels["niet-gemeten"] == 0:
        verdict = "ondersteund"
        text = (
            f"Voor {good} van de {len(relevant)} beoogde effecten is het bewijs aannemelijk of "
            "goed onderbouwd. De gegevens wijzen erop dat wat we doen bijdraagt aan wat we willen "
            "bereiken."
        )
    elif good:
        verdict = "deels"
        text = (
            f"Voor {good} van de {len(relevant)} beoogde effecten is het bewijs aannemelijk of "
            "goed onderbouwd. Voor de andere effecten weten we nog te weinig."
        )
    elif labels["niet-gemeten"] == len(relevant):
        verdict = "niet-gemeten"
        text = (
            f"Voor geen van de {len(relevant)} beoogde effecten is dit jaar iets vastgelegd: "
            "geen antwoorden van deelnemers, geen signalen, geen telling en geen citaat. Dat "
            "zegt niets over de werking; we weten het nog niet. Hieronder staat wat we "
            "volgend jaar meten."
        )
    else:
        verdict = "onvoldoende"
        text = (
            f"Voor geen van de {len(relevant)} beoogde effecten is het bewijs al "
            "aannemelijk. Dat betekent niet dat de activiteiten niet werken, wel dat we het nog "
            "niet kunnen laten zien."
        )
    return OpgaveVerdict(
        opgave=opgave, verdict=verdict, title=VERDICT_TITLES[verdict], text=text, labels=labels
    )


def _quote_counts(db: sqlite_utils.Database, year: int, gemeente: str | None) -> tuple[int, int]:
    scope, params = scope_sql(gemeente)
    waiting = internal = 0
    for consent, review, n in db.execute(
        f"SELECT consent, review, count(*) FROM quotes WHERE year = ?{scope} "
        "GROUP BY consent, review",
        [year, *params],
    ).fetchall():
        if consent == "nee":
            internal += n
        elif review == "new":
            waiting += n
    return waiting, internal


def _capped_surveys(db: sqlite_utils.Database, year: int, gemeente: str | None) -> int:
    scope, params = scope_sql(gemeente, "s.gemeente")
    row = db.execute(
        "SELECT count(*) FROM surveys v JOIN sessions s ON s.id = v.session_id "
        f"WHERE v.capped_at IS NOT NULL AND s.year = ?{scope}",
        [year, *params],
    ).fetchone()
    return int(row[0])


def _grounding(catalogue: Catalogue, evidence: dict[str, EffectEvidence], r: Reflection) -> None:
    """Which assumptions rest on our own data, which only on literature, which on neither."""
    ran = [e for e in evidence.values() if e.active_activities and e.graded]
    r.assumptions_own = [e.effect for e in ran if e.own_data]
    r.assumptions_literature = [e.effect for e in ran if not e.own_data and e.sources]
    r.assumptions_open = [e.effect for e in ran if not e.own_data and not e.sources]
    names = {e.effect: f"'{e.name}'" for e in ran}
    if r.assumptions_own:
        listed = "; ".join(
            f"{names[e]} ({evidence[e].oordeel}: {_own_sources(evidence[e])})"
            for e in r.assumptions_own
        )
        r.grounding.append(
            f"Op onze eigen gegevens ({count(len(r.assumptions_own), 'effect', 'effecten')}): "
            f"{listed}."
        )
    if r.assumptions_literature:
        listed = "; ".join(
            f"{names[e]} ({', '.join(evidence[e].sources)})" for e in r.assumptions_literature
        )
        r.grounding.append(
            "Alleen op landelijk onderzoek, nog niet op eigen gegevens "
            f"({count(len(r.assumptions_literature), 'effect', 'effecten')}): {listed}."
        )
    if r.assumptions_open:
        listed = "; ".join(names[e] for e in r.assumptions_open)
        r.grounding.append(
            "Nog nergens op: geen eigen gegevens die tellen en geen onderzoek in de catalogus "
            f"({count(len(r.assumptions_open), 'effect', 'effecten')}): {listed}."
        )


def _own_sources(e: EffectEvidence) -> str:
    parts = [
        name
        for name, counts in (
            ("deelnemers", participants_count(e)),
            ("vervolg", followup_counts(e)),
            ("voor/na-telling", measurement_counts(e)),
            ("signalen en citaten van begeleiders", leaders_count(e)),
        )
        if counts
    ]
    return ", ".join(parts)


def build_reflection(
    db: sqlite_utils.Database,
    catalogue: Catalogue,
    figures: Figures,
    previous: Figures,
    evidence: dict[str, EffectEvidence],
    per_opgave: dict[str, dict[str, EffectEvidence]],
    contract: ContractProgress | None,
    activities_without_evidence: list[str],
) -> Reflection:
    """`evidence` is summed over every activity; `per_opgave` holds each opgave's own."""
    r = Reflection()
    r.verdicts = {
        o: verdict_for(catalogue, figures, per_opgave.get(o, {}), o) for o in catalogue.opgaven
    }
    r.activities_without_evidence = activities_without_evidence
    r.effects_without_evidence = [
        e.effect for e in evidence.values() if e.active_activities and e.label == "niet-gemeten"
    ]
    _grounding(catalogue, evidence, r)
    r.effects_not_run = [
        e.effect for e in evidence.values() if e.activities and not e.active_activities
    ]
    r.quotes_waiting, r.quotes_internal = _quote_counts(db, figures.year, figures.gemeente)
    r.surveys_capped = _capped_surveys(db, figures.year, figures.gemeente)
    if contract is not None:
        r.contracted = len(contract.per_activity)
        r.contracted_reported = sum(1 for t in contract.per_activity if t.realised > 0)
        r.unreported_contracted = [
            t.activity for t in contract.per_activity if t.activity and not t.realised
        ]
    _sufficiency(catalogue, figures, r, contract)
    r.suggestions = suggestions_per_activity(catalogue, figures, per_opgave)
    _adjustments(catalogue, figures, previous, evidence, contract, r)
    return r


def _sufficiency(
    catalogue: Catalogue, figures: Figures, r: Reflection, contract: ContractProgress | None
) -> None:
    if figures.total.empty:
        r.sufficiency.append(f"Er zijn geen gegevens over {figures.year}: niets is gemeld.")
        return
    if contract is None:
        r.sufficiency.append(
            f"Voor {figures.year} zijn geen prestatieafspraken vastgelegd, dus we kunnen de "
            "cijfers niet naast een afspraak leggen."
        )
    elif r.contracted:
        r.sufficiency.append(
            f"Van {r.contracted} afgesproken activiteiten is van {r.contracted_reported} "
            f"minstens één bijeenkomst gemeld ({percent(r.contracted_share)})."
        )
        if r.unreported_contracted:
            r.sufficiency.append(f"Niet gemeld: {_names(catalogue, r.unreported_contracted)}.")
    from_totals = sum(c.bijeenkomsten for c in figures.totals.values())
    if from_totals:
        zijn = "is" if from_totals == 1 else "zijn"
        r.sufficiency.append(
            f"{count(from_totals, 'bijeenkomst', 'bijeenkomsten')} {zijn} alleen als totaal "
            f"(per maand of jaar) ingelezen, van {_names(catalogue, sorted(figures.totals))}: "
            "daarvan zijn er geen waarnemingen, tellingen of citaten per bijeenkomst."
        )
    ran = len(figures.activities)
    r.sufficiency.append(
        f"Van {ran} uitgevoerde activiteiten hebben er {ran - len(r.activities_without_evidence)}"
        " iets vastgelegd over hun effect (een antwoord van deelnemers, een signaal, een "
        "telling of een citaat)."
    )
    if r.activities_without_evidence:
        r.sufficiency.append(
            "Over het effect nog niets vastgelegd: "
            f"{_names(catalogue, r.activities_without_evidence)}."
        )
    if r.effects_without_evidence:
        names = ", ".join(f"'{catalogue.effects[e].name}'" for e in r.effects_without_evidence)
        r.sufficiency.append(f"Nog niet gemeten, terwijl de activiteiten wel liepen: {names}.")
    if r.quotes_waiting:
        waren = "was" if r.quotes_waiting == 1 else "waren"
        r.sufficiency.append(
            f"{count(r.quotes_waiting, 'citaat', 'citaten')} {waren} nog niet beoordeeld toen dit "
            "verslag werd gemaakt."
        )
    if r.surveys_capped:
        r.sufficiency.append(
            f"Bij {count(r.surveys_capped, 'bijeenkomst', 'bijeenkomsten')} antwoordden meer "
            "mensen dan er deelnemers waren; daar zijn de vragen toen gesloten. Hun antwoorden "
            "tellen mee, maar misschien vulde iemand ze vaker in."
        )
    if r.quotes_internal:
        zijn = "is" if r.quotes_internal == 1 else "zijn"
        r.sufficiency.append(
            f"{count(r.quotes_internal, 'citaat', 'citaten')} {zijn} alleen voor intern "
            "gebruik: de deelnemer gaf geen toestemming om te publiceren."
        )


def _adjustments(
    catalogue: Catalogue,
    figures: Figures,
    previous: Figures,
    evidence: dict[str, EffectEvidence],
    contract: ContractProgress | None,
    r: Reflection,
) -> None:
    for e in evidence.values():
        gain = e.gain_points
        if e.measured_after >= MIN_MEASURED and gain is not None and gain < MIN_GAIN_POINTS:
            r.adjustments.append(
                f"De voor/na-telling voor '{e.name}' laat weinig vooruitgang zien "
                f"({percent(e.share_before)} voor, {percent(e.share_after)} na). Bekijk met de "
                "begeleiders of de aanpak past bij de cursisten."
            )
    if contract is not None and contract.total is not None and contract.total.target:
        t = contract.total
        if t.short:
            r.adjustments.append(
                f"Er zijn {number(t.realised)} van de {number(t.target)} afgesproken "
                f"activiteiten gemeld ({percent(t.share)})."
            )
    for t in contract.per_activity if contract else []:
        if 0 < t.realised and t.short and t.activity in catalogue.activities:
            r.adjustments.append(
                f"{catalogue.activities[t.activity].name}: {number(t.realised)} van de "
                f"{number(t.target)} afgesproken bijeenkomsten gemeld."
            )
    for o in catalogue.opgaven.values():
        now, before = figures.opgave(o.id), previous.opgave(o.id)
        if before.bijeenkomsten and now.bijeenkomsten < before.bijeenkomsten * (1 - DROP_SHARE):
            r.adjustments.append(
                f"{o.name}: {count(now.bijeenkomsten, 'bijeenkomst', 'bijeenkomsten')}, tegen "
                f"{number(before.bijeenkomsten)} in {previous.year}. Is dat een keuze, of "
                "wordt er minder gemeld?"
            )
