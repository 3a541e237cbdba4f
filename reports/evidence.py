"""Evidence per intended effect (outcome), and the label that sums it up.

Three kinds of evidence, each aggregated in SQL per activity over the year and scope:
- waarneming: sessions in which the leader ticked the effect, as a share of all sessions of
  the activities that aim at it;
- meting: before/after counts in courses (of the cursisten measured, how many could do it at
  the first and at the last lesson), only for courses with both counts and a comparable number
  of cursisten measured at both (see MAX_MEASURED_CHANGE);
- verhalen: publishable quotes tagged to the effect.

The evidence is summed over a set of activities: in an opgave's chapter over that opgave's
activities only (`opgave_evidence`), under "effecten" in the json over every activity
(`compute_evidence`), so an effect that activities of two opgaven aim at can carry a different
label in each chapter.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Literal

import sqlite_utils
from pydantic import BaseModel, Field

from reports.figures import Figures, scope_sql, series_in_scope_sql
from reports.format import count, number, percent
from toc.models import Catalogue

Label = Literal["sterk", "redelijk", "beperkt", "geen"]
LABELS: tuple[Label, ...] = ("sterk", "redelijk", "beperkt", "geen")

# The thresholds of the rule below. Change them here; the text follows.
MIN_MEASURED = 10  # cursisten measured at the last lesson, summed over courses
MIN_GAIN_POINTS = 10.0  # percentage points more who can do it after than before
MIN_OBSERVED_SHARE = 0.5  # share of the sessions in which leaders saw the effect
MIN_OBSERVED_SESSIONS = 5  # sessions of the aiming activities, at least
MIN_QUOTES = 3  # publishable quotes about the effect
# A course's before/after pair counts only when the number of cursisten measured at the last
# lesson differs at most this many percent from the number at the first lesson: otherwise
# the two shares are about different groups (drop-outs, newcomers) and not comparable.
MAX_MEASURED_CHANGE = 20

EVIDENCE_RULE = (
    "Per beoogd effect kijken we naar drie soorten bewijs. "
    f"Meting: een voor/na-telling in cursussen bij samen minstens {MIN_MEASURED} cursisten, "
    f"waarbij het aandeel dat het kan met minstens {number(MIN_GAIN_POINTS)} procentpunten "
    "stijgt. Een cursus telt alleen mee als er bij de eerste én bij de laatste les is geteld, "
    "en het aantal cursisten dat bij de laatste les is geteld hoogstens "
    f"{MAX_MEASURED_CHANGE}% afwijkt van het aantal bij de eerste les; anders gaan de twee "
    "tellingen over verschillende groepen. We vergelijken het aandeel dat het kan, niet de "
    "aantallen. "
    "Waarneming: de begeleiders zagen het effect bij minstens "
    f"{percent(MIN_OBSERVED_SHARE)} van de bijeenkomsten van de activiteiten die erop gericht "
    f"zijn, en dat over minstens {MIN_OBSERVED_SESSIONS} bijeenkomsten. "
    f"Verhalen: minstens {MIN_QUOTES} publiceerbare citaten over het effect. "
    "Het bewijs is sterk bij een meting én een waarneming; bij een effect dat je niet met een "
    "telling meet, bij een waarneming én verhalen. Het is redelijk bij een meting of een "
    "waarneming. Het is beperkt als er wel iets is (een waarneming, een telling of een "
    "citaat), maar te weinig voor redelijk. Anders is er geen bewijs. "
    "In het hoofdstuk van een opgave telt alleen wat de activiteiten van die opgave "
    "opleverden (waarnemingen, tellingen en citaten). Een effect waar activiteiten van meer "
    "opgaven op gericht zijn, kan daardoor per hoofdstuk een ander label hebben. Het overzicht "
    "per effect voor de hele organisatie (in de gegevensuitvoer onder 'effecten') telt de "
    "activiteiten van alle opgaven samen. "
    "Landelijk onderzoek dat we noemen, telt niet mee in het label: het laat zien waarom we "
    "het effect verwachten, niet dat het bij ons optreedt."
)


class EffectEvidence(BaseModel):
    effect: str
    name: str
    measurable: bool = False
    activities: list[str] = Field(default_factory=list)  # catalogue activities aiming at it
    active_activities: list[str] = Field(default_factory=list)  # ... that had sessions
    sessions: int = 0  # sessions of the aiming activities in year and scope
    observed: int = 0  # ... in which a leader ticked this effect
    opgave: str | None = None  # None: summed over every opgave
    courses_measured: int = 0  # courses with comparable voor and na counts
    courses_incomparable: int = 0  # courses with both counts, but too different a group
    courses_only_before: int = 0  # courses with a voor count and no na count (yet)
    able_before: int = 0
    measured_before: int = 0
    able_after: int = 0
    measured_after: int = 0
    quotes: int = 0  # publishable quotes tagged to it
    label: Label = "geen"
    grounds: list[str] = Field(default_factory=list)  # Dutch: what the label rests on
    sources: list[str] = Field(default_factory=list)
    assumptions: list[str] = Field(default_factory=list)

    @property
    def observed_share(self) -> float | None:
        return self.observed / self.sessions if self.sessions else None

    @property
    def share_before(self) -> float | None:
        return self.able_before / self.measured_before if self.measured_before else None

    @property
    def share_after(self) -> float | None:
        return self.able_after / self.measured_after if self.measured_after else None

    @property
    def gain_points(self) -> float | None:
        if self.share_before is None or self.share_after is None:
            return None
        # rounded, so 30% - 20% is exactly 10 points and not 9.999999999999998
        return round((self.share_after - self.share_before) * 100, 6)

    @property
    def has_measurement(self) -> bool:
        return self.courses_measured > 0

    @property
    def meting(self) -> bool:
        gain = self.gain_points
        return self.measured_after >= MIN_MEASURED and gain is not None and gain >= MIN_GAIN_POINTS

    @property
    def waarneming(self) -> bool:
        share = self.observed_share
        return (
            self.sessions >= MIN_OBSERVED_SESSIONS
            and share is not None
            and share >= MIN_OBSERVED_SHARE
        )

    @property
    def verhalen(self) -> bool:
        return self.quotes >= MIN_QUOTES

    def contract(self) -> dict[str, object]:
        """The JSON form under "effecten"."""
        return {
            "label": self.label,
            "bijeenkomsten": self.sessions,
            "waargenomen": self.observed,
            "aandeel_waargenomen": _round(self.observed_share),
            "cursussen_gemeten": self.courses_measured,
            "cursussen_niet_vergelijkbaar": self.courses_incomparable,
            "voor": {"kan": self.able_before, "gemeten": self.measured_before},
            "na": {"kan": self.able_after, "gemeten": self.measured_after},
            "procent_voor": _round(_pct(self.share_before)),
            "procent_na": _round(_pct(self.share_after)),
            "citaten": self.quotes,
            "activiteiten": self.activities,
            "onderbouwing": self.grounds,
        }


def _pct(share: float | None) -> float | None:
    return None if share is None else share * 100


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def label_for(e: EffectEvidence) -> Label:
    """The rule in EVIDENCE_RULE, as code."""
    if e.waarneming and (e.meting or (not e.measurable and e.verhalen)):
        return "sterk"
    if e.meting or e.waarneming:
        return "redelijk"
    if e.observed or e.has_measurement or e.quotes:
        return "beperkt"
    return "geen"


def grounds_for(e: EffectEvidence) -> list[str]:
    """Plain Dutch sentences saying what the evidence consists of."""
    out: list[str] = []
    if e.sessions and not e.observed:
        where = (
            "de ene bijeenkomst" if e.sessions == 1 else f"de {number(e.sessions)} bijeenkomsten"
        )
        out.append(f"Begeleiders zagen dit (nog) niet in {where}.")
    elif e.sessions == 1:
        out.append("Begeleiders zagen dit bij de enige bijeenkomst (100%).")
    elif e.sessions:
        out.append(
            f"Begeleiders zagen dit bij {number(e.observed)} van de {number(e.sessions)} "
            f"bijeenkomsten ({percent(e.observed_share)})."
        )
    elif e.activities:
        out.append("Er waren geen bijeenkomsten van de activiteiten die hierop gericht zijn.")
    if e.has_measurement:
        out.append(
            f"Voor/na-telling in {count(e.courses_measured, 'cursus', 'cursussen')}: bij de "
            f"eerste les kon {percent(e.share_before)} het, bij de laatste les "
            f"{percent(e.share_after)} ({count(e.measured_after, 'cursist', 'cursisten')} "
            "gemeten)."
        )
    elif e.measurable:
        bruikbare = "bruikbare " if e.courses_incomparable else ""
        out.append(f"Er is geen {bruikbare}voor/na-telling gedaan.")
    if e.courses_incomparable:
        verb = "telt" if e.courses_incomparable == 1 else "tellen"
        out.append(
            f"{count(e.courses_incomparable, 'cursus', 'cursussen')} {verb} niet mee in de "
            "voor/na-telling: het aantal gemeten cursisten bij de laatste les wijkt meer dan "
            f"{MAX_MEASURED_CHANGE}% af van dat bij de eerste les."
        )
    if e.courses_only_before:
        out.append(
            f"Bij {count(e.courses_only_before, 'cursus', 'cursussen')} ontbreekt de telling bij "
            "de laatste les."
        )
    if e.quotes:
        citaten = "citaat gaat" if e.quotes == 1 else "citaten gaan"
        out.append(f"{number(e.quotes)} {citaten} over dit effect.")
    return out


ActivityEffect = tuple[str, str]  # (activity id, effect id)


@dataclass
class EvidenceData:
    """The SQL results, per activity and effect, from which any set of activities is summed."""

    observed: dict[ActivityEffect, int] = field(default_factory=dict)
    # comparable courses: (courses, able voor, measured voor, able na, measured na)
    measured: dict[ActivityEffect, tuple[int, int, int, int, int]] = field(default_factory=dict)
    incomparable: dict[ActivityEffect, int] = field(default_factory=dict)
    only_before: dict[ActivityEffect, int] = field(default_factory=dict)
    quotes: dict[ActivityEffect, int] = field(default_factory=dict)  # publishable quotes


def collect_evidence(
    db: sqlite_utils.Database, figures: Figures, quote_counts: dict[ActivityEffect, int]
) -> EvidenceData:
    """Observations and before/after counts per (activity, effect) for the year and scope;
    `quote_counts` holds the publishable quotes per (activity, effect)."""
    year, gemeente = figures.year, figures.gemeente
    scope, params = scope_sql(gemeente, "s.gemeente")
    data = EvidenceData(quotes=dict(quote_counts))
    for activity, effect, n in db.execute(
        "SELECT s.activity, o.effect, count(*) FROM observations o "
        f"JOIN sessions s ON s.id = o.session_id WHERE s.year = ?{scope} "
        "GROUP BY s.activity, o.effect",
        [year, *params],
    ).fetchall():
        data.observed[(activity, effect)] = n
    subquery, sub_params = series_in_scope_sql(gemeente)
    comparable = f"abs(n.measured - v.measured) * 100 <= {MAX_MEASURED_CHANGE} * v.measured"
    for activity, effect, courses, able_v, n_v, able_n, n_n, other in db.execute(
        f"SELECT se.activity, v.effect, sum({comparable}), "
        f"sum(CASE WHEN {comparable} THEN v.able ELSE 0 END), "
        f"sum(CASE WHEN {comparable} THEN v.measured ELSE 0 END), "
        f"sum(CASE WHEN {comparable} THEN n.able ELSE 0 END), "
        f"sum(CASE WHEN {comparable} THEN n.measured ELSE 0 END), "
        f"sum(NOT ({comparable})) "
        "FROM measurements v JOIN measurements n ON n.series_id = v.series_id "
        "AND n.effect = v.effect AND n.moment = 'na' JOIN series se ON se.id = v.series_id "
        f"WHERE v.moment = 'voor' AND v.series_id IN ({subquery}) "
        "GROUP BY se.activity, v.effect",
        [year, *sub_params],
    ).fetchall():
        if courses:
            data.measured[(activity, effect)] = (courses, able_v, n_v, able_n, n_n)
        if other:
            data.incomparable[(activity, effect)] = other
    for activity, effect, n in db.execute(
        "SELECT se.activity, v.effect, count(*) FROM measurements v "
        "JOIN series se ON se.id = v.series_id "
        f"WHERE v.moment = 'voor' AND v.series_id IN ({subquery}) AND NOT EXISTS ("
        "SELECT 1 FROM measurements n WHERE n.series_id = v.series_id "
        "AND n.effect = v.effect AND n.moment = 'na') GROUP BY se.activity, v.effect",
        [year, *sub_params],
    ).fetchall():
        data.only_before[(activity, effect)] = n
    return data


def _sum_over(
    values: dict[ActivityEffect, int], effect: str, within: Collection[str] | None
) -> int:
    return sum(n for (a, e), n in values.items() if e == effect and (within is None or a in within))


def effect_evidence(
    catalogue: Catalogue,
    figures: Figures,
    data: EvidenceData,
    effect_id: str,
    within: Collection[str] | None = None,
    opgave: str | None = None,
) -> EffectEvidence:
    """The evidence for one effect from the activities in `within` (None: every activity)."""
    effect = catalogue.effects[effect_id]
    aiming = [
        a.id for a in catalogue.activities_for_effect(effect_id) if within is None or a.id in within
    ]
    active = [a for a in aiming if not figures.activity(a).empty]
    totals = [0, 0, 0, 0, 0]
    for (a, e), row in data.measured.items():
        if e == effect_id and (within is None or a in within):
            totals = [t + v for t, v in zip(totals, row, strict=True)]
    courses, able_v, n_v, able_n, n_n = totals
    e = EffectEvidence(
        effect=effect.id,
        name=effect.name,
        measurable=effect.measurable,
        opgave=opgave,
        activities=aiming,
        active_activities=active,
        # bijeenkomsten reported one by one: totals (figures.totals) carry no observations
        sessions=sum(figures.detailed_sessions(a) for a in aiming),
        # only sessions of aiming activities, so the share never exceeds 100%
        observed=sum(data.observed.get((a, effect.id), 0) for a in aiming),
        courses_measured=courses,
        courses_incomparable=_sum_over(data.incomparable, effect_id, within),
        courses_only_before=_sum_over(data.only_before, effect_id, within),
        able_before=able_v,
        measured_before=n_v,
        able_after=able_n,
        measured_after=n_n,
        quotes=_sum_over(data.quotes, effect_id, within),
        sources=effect.sources,
        assumptions=effect.assumptions,
    )
    e.label = label_for(e)
    e.grounds = grounds_for(e)
    return e


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
    catalogue: Catalogue, figures: Figures, data: EvidenceData, opgave: str
) -> dict[str, EffectEvidence]:
    """Evidence for the effects of one opgave, from that opgave's activities only."""
    mine = opgave_activities(catalogue, opgave)
    return {
        e: effect_evidence(catalogue, figures, data, e, within=mine, opgave=opgave)
        for e in effects_of_opgave(catalogue, opgave)
    }


def quote_counts_of(
    quotes: Collection[tuple[str, Collection[str]]],
) -> dict[ActivityEffect, int]:
    """(activity, effects) of each publishable quote -> quotes per (activity, effect)."""
    out: dict[ActivityEffect, int] = defaultdict(int)
    for activity, effects in quotes:
        for e in effects:
            out[(activity, e)] += 1
    return dict(out)


def compute_evidence(
    catalogue: Catalogue, figures: Figures, data: EvidenceData
) -> dict[str, EffectEvidence]:
    """Evidence for every effect in the catalogue, summed over every activity (the json's
    "effecten"); a chapter uses `opgave_evidence` instead."""
    return {e: effect_evidence(catalogue, figures, data, e) for e in catalogue.effects}


def activities_without_evidence(
    catalogue: Catalogue,
    figures: Figures,
    db: sqlite_utils.Database,
    quote_activities: set[str],
) -> list[str]:
    """Activities with sessions this year but no observation, count or quote about any effect."""
    scope, params = scope_sql(figures.gemeente, "s.gemeente")
    with_observation = {
        row[0]
        for row in db.execute(
            "SELECT DISTINCT s.activity FROM observations o JOIN sessions s "
            f"ON s.id = o.session_id WHERE s.year = ?{scope}",
            [figures.year, *params],
        ).fetchall()
    }
    subquery, sub_params = series_in_scope_sql(figures.gemeente)
    with_measurement = {
        row[0]
        for row in db.execute(
            "SELECT DISTINCT se.activity FROM measurements m JOIN series se "
            f"ON se.id = m.series_id WHERE m.series_id IN ({subquery})",
            [figures.year, *sub_params],
        ).fetchall()
    }
    evidenced = with_observation | with_measurement | quote_activities
    return [
        a
        for a in figures.activities
        if a in catalogue.activities and catalogue.activities[a].effects and a not in evidenced
    ]
