"""Evidence per intended effect (outcome), and the label that sums it up.

Three kinds of evidence, each aggregated in SQL over the year and scope:
- waarneming: sessions in which the leader ticked the effect, as a share of all sessions of
  the activities that aim at it;
- meting: before/after counts in courses (of the cursisten measured, how many could do it at
  the first and at the last lesson), only for courses with both counts;
- verhalen: publishable quotes tagged to the effect.
"""

from __future__ import annotations

from typing import Literal

import sqlite_utils
from pydantic import BaseModel, Field

from reports.figures import Figures, scope_sql, series_in_scope_sql
from reports.format import number, percent
from toc.models import Catalogue

Label = Literal["sterk", "redelijk", "beperkt", "geen"]
LABELS: tuple[Label, ...] = ("sterk", "redelijk", "beperkt", "geen")

# The thresholds of the rule below. Change them here; the text follows.
MIN_MEASURED = 10  # cursisten measured at the last lesson, summed over courses
MIN_GAIN_POINTS = 10.0  # percentage points more who can do it after than before
MIN_OBSERVED_SHARE = 0.5  # share of the sessions in which leaders saw the effect
MIN_OBSERVED_SESSIONS = 5  # sessions of the aiming activities, at least
MIN_QUOTES = 3  # publishable quotes about the effect

EVIDENCE_RULE = (
    "Per beoogd effect kijken we naar drie soorten bewijs. "
    f"Meting: een voor/na-telling in cursussen bij samen minstens {MIN_MEASURED} cursisten, "
    f"waarbij het aandeel dat het kan met minstens {number(MIN_GAIN_POINTS)} procentpunten "
    "stijgt. "
    "Waarneming: de begeleiders zagen het effect bij minstens "
    f"{percent(MIN_OBSERVED_SHARE)} van de bijeenkomsten van de activiteiten die erop gericht "
    f"zijn, en dat over minstens {MIN_OBSERVED_SESSIONS} bijeenkomsten. "
    f"Verhalen: minstens {MIN_QUOTES} publiceerbare citaten over het effect. "
    "Het bewijs is sterk bij een meting én een waarneming; bij een effect dat je niet met een "
    "telling meet, bij een waarneming én verhalen. Het is redelijk bij een meting of een "
    "waarneming. Het is beperkt als er wel iets is (een waarneming, een telling of een "
    "citaat), maar te weinig voor redelijk. Anders is er geen bewijs. "
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
    courses_measured: int = 0  # courses with both a voor and a na count
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
    if e.sessions:
        out.append(
            f"Begeleiders zagen dit bij {number(e.observed)} van de {number(e.sessions)} "
            f"bijeenkomsten ({percent(e.observed_share)})."
        )
    elif e.activities:
        out.append("Er waren geen bijeenkomsten van de activiteiten die hierop gericht zijn.")
    if e.has_measurement:
        cursussen = "cursus" if e.courses_measured == 1 else "cursussen"
        out.append(
            f"Voor/na-telling in {number(e.courses_measured)} {cursussen}: bij de eerste les kon "
            f"{percent(e.share_before)} het, bij de laatste les {percent(e.share_after)} "
            f"({number(e.measured_after)} cursisten gemeten)."
        )
    elif e.measurable:
        out.append("Er is geen voor/na-telling gedaan.")
    if e.courses_only_before:
        out.append(
            f"Bij {number(e.courses_only_before)} cursus(sen) ontbreekt de telling bij de "
            "laatste les."
        )
    if e.quotes:
        citaten = "citaat gaat" if e.quotes == 1 else "citaten gaan"
        out.append(f"{number(e.quotes)} {citaten} over dit effect.")
    return out


def compute_evidence(
    db: sqlite_utils.Database,
    catalogue: Catalogue,
    figures: Figures,
    quote_effects: dict[str, int],
) -> dict[str, EffectEvidence]:
    """Evidence for every effect in the catalogue; `quote_effects` counts publishable quotes."""
    year, gemeente = figures.year, figures.gemeente
    scope, params = scope_sql(gemeente, "s.gemeente")
    observed: dict[tuple[str, str], int] = {}
    for activity, effect, n in db.execute(
        "SELECT s.activity, o.effect, count(*) FROM observations o "
        f"JOIN sessions s ON s.id = o.session_id WHERE s.year = ?{scope} "
        "GROUP BY s.activity, o.effect",
        [year, *params],
    ).fetchall():
        observed[(activity, effect)] = n
    subquery, sub_params = series_in_scope_sql(gemeente)
    measured: dict[str, tuple[int, int, int, int, int]] = {}
    for effect, courses, able_v, n_v, able_n, n_n in db.execute(
        "SELECT v.effect, count(*), sum(v.able), sum(v.measured), sum(n.able), sum(n.measured) "
        "FROM measurements v JOIN measurements n ON n.series_id = v.series_id "
        "AND n.effect = v.effect AND n.moment = 'na' "
        f"WHERE v.moment = 'voor' AND v.series_id IN ({subquery}) GROUP BY v.effect",
        [year, *sub_params],
    ).fetchall():
        measured[effect] = (courses, able_v, n_v, able_n, n_n)
    only_before: dict[str, int] = {
        effect: n
        for effect, n in db.execute(
            "SELECT v.effect, count(*) FROM measurements v "
            f"WHERE v.moment = 'voor' AND v.series_id IN ({subquery}) AND NOT EXISTS ("
            "SELECT 1 FROM measurements n WHERE n.series_id = v.series_id "
            "AND n.effect = v.effect AND n.moment = 'na') GROUP BY v.effect",
            [year, *sub_params],
        ).fetchall()
    }
    out: dict[str, EffectEvidence] = {}
    for effect in catalogue.effects.values():
        aiming = [a.id for a in catalogue.activities_for_effect(effect.id)]
        active = [a for a in aiming if not figures.activity(a).empty]
        courses, able_v, n_v, able_n, n_n = measured.get(effect.id, (0, 0, 0, 0, 0))
        e = EffectEvidence(
            effect=effect.id,
            name=effect.name,
            measurable=effect.measurable,
            activities=aiming,
            active_activities=active,
            sessions=sum(figures.activity(a).bijeenkomsten for a in aiming),
            # only sessions of aiming activities, so the share never exceeds 100%
            observed=sum(observed.get((a, effect.id), 0) for a in aiming),
            courses_measured=courses,
            courses_only_before=only_before.get(effect.id, 0),
            able_before=able_v,
            measured_before=n_v,
            able_after=able_n,
            measured_after=n_n,
            quotes=quote_effects.get(effect.id, 0),
            sources=effect.sources,
            assumptions=effect.assumptions,
        )
        e.label = label_for(e)
        e.grounds = grounds_for(e)
        out[effect.id] = e
    return out


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
