"""Evidence per intended effect (outcome), and the label that sums it up.

Five sources, each aggregated in SQL per activity over the year and scope:
- deelnemers: participants' own answers right after a session (Telegram, web page, or a
  leader's tally of a paper or hand-raise version), and at the follow-up weeks later;
- meting: before/after counts in courses (of the cursisten measured, how many could do it at
  the first and at the last lesson), only for courses with both counts and a comparable number
  of cursisten measured at both (see MAX_MEASURED_CHANGE);
- signalen: sessions in which the leader ticked a signal of the effect (or, in older reports,
  the effect itself), as a share of the sessions of the activities that aim at it;
- verhalen: publishable quotes tagged to the effect;
- bronnen: the literature the catalogue cites (shown, never counted in the label).
The rule that weighs them lives in reports/grading.py.

The evidence is summed over a set of activities: in an opgave's chapter over that opgave's
activities only (`opgave_evidence`), under "effecten" in the json over every activity
(`compute_evidence`), so an effect that activities of two opgaven aim at can carry a different
label in each chapter.
"""

from __future__ import annotations

from collections.abc import Collection

from pydantic import BaseModel, Field

from reports.evidence_data import ActivityEffect, EvidenceData
from reports.figures import Figures
from reports.grading import (  # noqa: F401  re-exported for the report and its tests
    EVIDENCE_RULE,
    LABEL_WORDS,
    LABELS,
    MAX_MEASURED_CHANGE,
    MIN_AGREE_SHARE,
    MIN_ANSWERS,
    MIN_FOLLOWUP,
    MIN_GAIN_POINTS,
    MIN_MEASURED,
    MIN_OBSERVED_SESSIONS,
    MIN_QUOTES,
    Label,
    grounds_for,
    label_for,
    measurement_counts,
    signals_count,
    stories_count,
)
from toc.models import Catalogue


class EffectEvidence(BaseModel):
    effect: str
    name: str
    measurable: bool = False
    activities: list[str] = Field(default_factory=list)  # catalogue activities aiming at it
    active_activities: list[str] = Field(default_factory=list)  # ... that had sessions
    sessions: int = 0  # sessions of the aiming activities in year and scope
    observed: int = 0  # ... in which a leader ticked a signal of it (or the effect itself)
    top_signal: str | None = None  # the signal seen most often (its text)
    opgave: str | None = None  # None: summed over every opgave
    # Participants right after: answers, how many agreed, by source; the estimated number of
    # people who answered and the attendance of the sessions where they were asked.
    answers: int = 0
    agrees: int = 0
    answers_by_source: dict[str, int] = Field(default_factory=dict)
    respondents: int = 0
    asked_attendance: int = 0
    asked_sessions: int = 0
    followup_answers: int = 0
    followup_agrees: int = 0
    courses_measured: int = 0  # courses with comparable voor and na counts
    courses_incomparable: int = 0  # courses with both counts, but too different a group
    courses_only_before: int = 0  # courses with a voor count and no na count (yet)
    able_before: int = 0
    measured_before: int = 0
    able_after: int = 0
    measured_after: int = 0
    quotes: int = 0  # publishable quotes tagged to it
    # One publishable quote about it: a participant's own words (text and attribution).
    quote_text: str | None = None
    quote_van: str | None = None
    quote_options: list[tuple[str, str]] = Field(default_factory=list, exclude=True)
    label: Label = "niet-gemeten"
    grounds: list[str] = Field(default_factory=list)  # Dutch: what the label rests on
    sources: list[str] = Field(default_factory=list)
    assumptions: list[str] = Field(default_factory=list)

    @property
    def observed_share(self) -> float | None:
        return self.observed / self.sessions if self.sessions else None

    @property
    def agree_share(self) -> float | None:
        return self.agrees / self.answers if self.answers else None

    @property
    def response(self) -> float | None:
        """People who answered / attendance of the sessions where they were asked."""
        return self.respondents / self.asked_attendance if self.asked_attendance else None

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
        return measurement_counts(self)

    @property
    def waarneming(self) -> bool:
        return signals_count(self)

    @property
    def verhalen(self) -> bool:
        return stories_count(self)

    @property
    def own_data(self) -> bool:
        """Whether the label rests on our own data (sterk or redelijk)."""
        return self.label in ("sterk", "redelijk")

    @property
    def oordeel(self) -> str:
        return LABEL_WORDS[self.label]

    def contract(self) -> dict[str, object]:
        """The JSON form under "effecten"."""
        return {
            "oordeel": self.oordeel,
            "signalen": {"bijeenkomsten": self.sessions, "gezien": self.observed},
            "deelnemers": {
                "antwoorden": self.answers,
                "eens": self.agrees,
                "respons": _round(self.response),
                "aandeel_eens": _round(self.agree_share),
                "bijeenkomsten": self.asked_sessions,
                "aanwezig": self.asked_attendance,
                "per_bron": dict(self.answers_by_source),
            },
            "vervolg": {"antwoorden": self.followup_answers, "eens": self.followup_agrees},
            "bronnen": self.sources,
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


def _sum_over(
    values: dict[ActivityEffect, int], effect: str, within: Collection[str] | None
) -> int:
    return sum(n for (a, e), n in values.items() if e == effect and (within is None or a in within))


def _sum_rows(
    values: dict[ActivityEffect, tuple[int, ...]],
    effect: str,
    within: Collection[str] | None,
    width: int,
) -> list[int]:
    totals = [0] * width
    for (a, e), row in values.items():
        if e == effect and (within is None or a in within):
            totals = [t + v for t, v in zip(totals, row, strict=True)]
    return totals


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
    courses, able_v, n_v, able_n, n_n = _sum_rows(data.measured, effect_id, within, 5)
    answers, agrees, respondents = _sum_rows(data.answers, effect_id, within, 3)
    asked_sessions, asked_attendance = _sum_rows(data.asked, effect_id, within, 2)
    followup_answers, followup_agrees = _sum_rows(data.followup, effect_id, within, 2)
    by_source: dict[str, int] = {}
    for (a, e_id, source), n in data.answers_by_source.items():
        if e_id == effect_id and a in aiming:
            by_source[source] = by_source.get(source, 0) + n
    signal_totals: dict[str, int] = {}
    for a in aiming:
        for signal_id, n in data.signals_seen.get((a, effect_id), {}).items():
            found = catalogue.signal(signal_id)
            text = found[0].text if found else signal_id
            signal_totals[text] = signal_totals.get(text, 0) + n
    options = list(
        dict.fromkeys(q for a in aiming for q in data.quote_examples.get((a, effect_id), []))
    )
    example = options[0] if options else None
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
        top_signal=max(signal_totals, key=lambda t: signal_totals[t]) if signal_totals else None,
        answers=answers,
        agrees=agrees,
        answers_by_source=by_source,
        respondents=respondents,
        asked_attendance=asked_attendance,
        asked_sessions=asked_sessions,
        followup_answers=followup_answers,
        followup_agrees=followup_agrees,
        courses_measured=courses,
        courses_incomparable=_sum_over(data.incomparable, effect_id, within),
        courses_only_before=_sum_over(data.only_before, effect_id, within),
        able_before=able_v,
        measured_before=n_v,
        able_after=able_n,
        measured_after=n_n,
        quotes=_sum_over(data.quotes, effect_id, within),
        quote_text=example[0] if example else None,
        quote_van=example[1] if example else None,
        quote_options=options,
        sources=effect.sources,
        assumptions=effect.assumptions,
    )
    e.label = label_for(e)
    e.grounds = grounds_for(e)
    return e


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
    catalogue: Catalogue, figures: Figures, data: EvidenceData, opgave: str
) -> dict[str, EffectEvidence]:
    """Evidence for the effects of one opgave, from that opgave's activities only."""
    mine = opgave_activities(catalogue, opgave)
    return {
        e: effect_evidence(catalogue, figures, data, e, within=mine, opgave=opgave)
        for e in effects_of_opgave(catalogue, opgave)
    }


def compute_evidence(
    catalogue: Catalogue, figures: Figures, data: EvidenceData
) -> dict[str, EffectEvidence]:
    """Evidence for every effect in the catalogue, summed over every activity (the json's
    "effecten"); a chapter uses `opgave_evidence` instead."""
    return {e: effect_evidence(catalogue, figures, data, e) for e in catalogue.effects}
