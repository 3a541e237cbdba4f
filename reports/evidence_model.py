"""The evidence of one effect for one scope and year: a typed object, computed once.

`reports.evidence.compute_evidence` fills one `EffectEvidence` per effect; every page, the
summary, the JSON (`contract()`), /stand and the intern reflection read that object. A
chapter shows the same object (so the same verdict) with `contribution` set: what its own
activities add, with their n.

People, not answers: a respondent is one person's submission at one session (Telegram or
web) or one person in a leader's tally; an answer is one statement answered.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from reports.thresholds import LOW_COVERAGE, share, wilson

Label = Literal["goed-onderbouwd", "aannemelijk", "eerste-aanwijzingen", "niet-gemeten", "impact"]
LABELS: tuple[Label, ...] = (
    "goed-onderbouwd",
    "aannemelijk",
    "eerste-aanwijzingen",
    "niet-gemeten",
    "impact",
)
# The words in the JSON ("oordeel"), on the badge and in every sentence: none says proof or
# cause (self-report right after a session is the first level of evidence, not the last).
LABEL_WORDS: dict[Label, str] = {
    "goed-onderbouwd": "goed onderbouwd",
    "aannemelijk": "aannemelijk",
    "eerste-aanwijzingen": "eerste aanwijzingen",
    "niet-gemeten": "nog niet gemeten",
    "impact": "maatschappelijke impact: niet beoordeeld",
}


class StatementFigures(BaseModel):
    """One statement kind (kennis, vertrouwen, toepassing, bewustzijn) of one effect."""

    dimension: str
    respondents: int = 0  # people who rated it (one answer each)
    agrees: int = 0  # ... 4 or 5 of 5, or "ja" in a tally

    @property
    def share(self) -> float | None:
        return share(self.agrees, self.respondents)

    @property
    def interval(self) -> tuple[float, float] | None:
        return wilson(self.agrees, self.respondents)

    def contract(self) -> dict[str, object]:
        interval = self.interval
        return {
            "respondenten": self.respondents,
            "eens": self.agrees,
            "aandeel": _round(self.share),
            "interval": [_round(interval[0]), _round(interval[1])] if interval else None,
        }


class Coverage(BaseModel):
    """Where participants were asked, against all reported sessions of the effect's
    activities in scope (sessions reported one by one)."""

    asked_sessions: int = 0
    sessions: int = 0
    asked_attendance: int = 0
    # of those present at the asked sessions, who could answer (the adults where a parent
    # answers for a young child): the response's denominator
    answerable: int = 0
    attendance: int = 0
    # Ask by lot: sessions the lot picked (drawn), of which asked (drawn_sessions), and asked
    # sessions the lot did not pick (ad hoc).
    drawn: int = 0
    drawn_sessions: int = 0
    adhoc_sessions: int = 0
    # the catalogue's "1 op de N" per activity (its name) that has a plan and ran
    plans: dict[str, int] = Field(default_factory=dict)

    @property
    def session_share(self) -> float | None:
        return self.asked_sessions / self.sessions if self.sessions else None

    @property
    def attendance_share(self) -> float | None:
        return self.asked_attendance / self.attendance if self.attendance else None

    @property
    def low(self) -> bool:
        s = self.session_share
        return s is not None and self.asked_sessions > 0 and s < LOW_COVERAGE


class FollowUp(BaseModel):
    invited: int = 0  # people who asked for the question weeks later (as recorded)
    respondents: int = 0
    agrees: int = 0

    @property
    def share(self) -> float | None:
        return share(self.agrees, self.respondents)

    @property
    def interval(self) -> tuple[float, float] | None:
        return wilson(self.agrees, self.respondents)

    @property
    def response(self) -> float | None:
        """Answered / invited; None when the invitations were not recorded (answers from
        before they were counted, or read in without them)."""
        if not self.invited or self.invited < self.respondents:
            return None
        return self.respondents / self.invited


class Contribution(BaseModel):
    """What one chapter's own activities add to an effect (never a verdict of its own)."""

    activities: list[str] = Field(default_factory=list)  # names, with sessions
    sessions: int = 0
    respondents: int = 0
    observed: int = 0
    # The chapter that shows what the verdict rests on (the opgave whose activities held the
    # most sessions for it); None: this chapter shows it.
    grounds_in: str | None = None


class EffectEvidence(BaseModel):
    effect: str
    name: str
    level: Literal["outcome", "impact"] = "outcome"
    measured_by: str | None = None  # what would measure it, when no statement can
    askable: bool = False  # the catalogue has a statement for it
    measurable: bool = False  # a before/after count in courses makes sense
    activities: list[str] = Field(default_factory=list)  # catalogue activities aiming at it
    active_activities: list[str] = Field(default_factory=list)  # ... that had sessions
    sessions: int = 0  # sessions (reported one by one) of the aiming activities
    observed: int = 0  # ... in which a leader ticked a signal of it
    top_signal: str | None = None
    # Participants right after: people, answers, per statement kind, coverage.
    respondents: int = 0
    answers: int = 0
    tallied: int = 0  # of the respondents, counted by a leader on paper or by hands
    per_statement: dict[str, StatementFigures] = Field(default_factory=dict)
    coverage: Coverage = Field(default_factory=Coverage)
    followup: FollowUp = Field(default_factory=FollowUp)
    locations: int = 0  # vestigingen with participants' answers or a before/after count
    # Before/after counts in courses (the leader's count of the group, both moments).
    courses_measured: int = 0
    courses_incomparable: int = 0
    courses_only_before: int = 0
    able_before: int = 0
    measured_before: int = 0
    able_after: int = 0
    measured_after: int = 0
    quotes: int = 0
    quote_text: str | None = None
    quote_van: str | None = None
    quote_options: list[tuple[str, str]] = Field(default_factory=list, exclude=True)
    label: Label = "niet-gemeten"
    grounds: list[str] = Field(default_factory=list)  # Dutch: what the label rests on
    sources: list[str] = Field(default_factory=list)
    assumptions: list[str] = Field(default_factory=list)
    contribution: Contribution | None = None  # set in a chapter only

    @property
    def response(self) -> float | None:
        """Respondents / attendance at the sessions where participants were asked (the adults,
        where a parent answers for a young child)."""
        a = self.coverage.answerable or self.coverage.asked_attendance
        return self.respondents / a if a else None

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
        return round((self.share_after - self.share_before) * 100, 6)

    @property
    def has_measurement(self) -> bool:
        return self.courses_measured > 0

    @property
    def graded(self) -> bool:
        """Impact-level effects are shown as what outcomes contribute to, never graded."""
        return self.level == "outcome"

    @property
    def own_data(self) -> bool:
        """Whether the verdict rests on participants' own data with enough people."""
        return self.label in ("goed-onderbouwd", "aannemelijk")

    @property
    def oordeel(self) -> str:
        return LABEL_WORDS[self.label]

    def contract(self) -> dict[str, object]:
        """The JSON form under "effecten.<id>" (PRODUCT.md, Evidence)."""
        c = self.coverage
        return {
            "oordeel": self.oordeel,
            "label": self.label,
            "niveau": self.level,
            "signalen": {"bijeenkomsten": self.sessions, "gezien": self.observed},
            "deelnemers": {
                "respondenten": self.respondents,
                "antwoorden": self.answers,
                "respons": _round(min(self.response, 1.0)) if self.response is not None else None,
                "per_stelling": {d: s.contract() for d, s in self.per_statement.items()},
                "dekking": {
                    "bijeenkomsten_gevraagd": c.asked_sessions,
                    "bijeenkomsten": c.sessions,
                    "aanwezig_gevraagd": c.asked_attendance,
                    "aanwezig": c.attendance,
                    "geloot": c.drawn,
                    "door_loting": c.drawn_sessions,
                    "op_eigen_keuze": c.adhoc_sessions,
                },
            },
            "vervolg": {
                "uitgenodigd": self.followup.invited,
                "respondenten": self.followup.respondents,
                "eens": self.followup.agrees,
                "respons": _round(self.followup.response),
            },
            "meting": {
                "cursussen": self.courses_measured,
                "voor": {"kan": self.able_before, "gemeten": self.measured_before},
                "na": {"kan": self.able_after, "gemeten": self.measured_after},
            },
            "citaten": self.quotes,
            "locaties": self.locations,
            "te_meten_met": self.measured_by,
            "bronnen": self.sources,
            "activiteiten": self.activities,
            "onderbouwing": self.grounds,
            "bijdrage": self.contribution.model_dump() if self.contribution else None,
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)
