"""What a reported session is, and the rules it must meet before it is stored.

store/sessions.py writes it; the bot, the importer and the corrections build a `SessionIn`
and get `SessionInvalid` (one Dutch sentence per problem) when it breaks a rule.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field, field_validator

from ground.errors import ImpactbotError
from store.quotes import strip_control
from store.session_notes import StoryIn, note_problems
from toc.models import Catalogue

Consent = Literal["ja", "anoniem", "nee"]
MAX_COUNT = 10_000
MAX_QUOTE = 500
# The one rule for a session's day, shared by the chat (bot.inputs.check_date) and the import
# (intake): never after today (a session is reported after it took place) and never before
# EARLIEST_DAY (0001 or 1925 is a typo). The chat also refuses days more than a year back
# (CHAT_MAX_AGE_DAYS: a leader reports recent work); an import may bring in older years.
EARLIEST_DAY = date(2000, 1, 1)
CHAT_MAX_AGE_DAYS = 366
DayProblem = Literal["toekomst", "te-oud"]


def day_problem(day: date, today: date, max_age_days: int | None = None) -> DayProblem | None:
    """Why a session cannot be on `day` ('toekomst', 'te-oud'), or None when it can."""
    if day > today:
        return "toekomst"
    if day < EARLIEST_DAY or (max_age_days is not None and (today - day).days > max_age_days):
        return "te-oud"
    return None


def attendance_problem(
    deelnemers: int | None, kinderen: int | None, volwassenen: int | None
) -> str | None:
    """The one rule on a session's counts, for the chat, the store and every import:
    deelnemers is the whole attendance and kinderen and volwassenen are parts of it, so it
    is never smaller than their sum. Returns the Dutch problem, or None when it holds."""
    if deelnemers is not None and deelnemers < (kinderen or 0) + (volwassenen or 0):
        return f"'deelnemers' ({deelnemers}) is kleiner dan kinderen plus volwassenen"
    return None


class SessionInvalid(ImpactbotError):
    """A session that cannot be stored as given; the message says what to fix."""


class QuoteIn(BaseModel):
    text: str
    attribution: str | None = None
    consent: Consent = "nee"
    effects: list[str] = Field(default_factory=list)
    # The stored quote this is (for corrections): its review state and id are kept.
    id: int | None = None
    # A review already made (an export read back); None: a new quote, to be reviewed.
    review: Literal["new", "approved", "rejected"] | None = None

    @field_validator("text", "attribution")
    @classmethod
    def _no_control_characters(cls, value: str | None) -> str | None:
        # every route a quote takes (chat, import) stores it without control characters,
        # which would break an export later
        return None if value is None else strip_control(value)


class MeasurementIn(BaseModel):
    """Before/after count in a course: of `measured` enrolled, `able` could do it."""

    effect: str
    moment: Literal["voor", "na"]
    able: int = Field(ge=0)
    measured: int = Field(gt=0)


class SessionIn(BaseModel):
    date: date
    activity: str
    vestiging: str
    # Total attendance; when None it is the sum of kinderen and volwassenen.
    deelnemers: int | None = None
    kinderen: int | None = None
    volwassenen: int | None = None
    vragen: int | None = None
    # Series (reeks): either an existing series id, or a name for a new/known course.
    series_id: int | None = None
    series_name: str | None = None
    enrolled: int | None = None
    lesson: int | None = None
    last_lesson: bool = False
    # Effects ticked as such (older reports); new reports tick signals (catalogue ids).
    effects: list[str] = Field(default_factory=list)
    signals: list[str] = Field(default_factory=list)
    quotes: list[QuoteIn] = Field(default_factory=list)
    measurements: list[MeasurementIn] = Field(default_factory=list)
    # "Met wie?": partners the session was done with; "Wat was bijzonder?": its story.
    partners: list[str] = Field(default_factory=list)
    stories: list[StoryIn] = Field(default_factory=list)
    reporter_id: int | None = None
    source: str = "bot"
    source_key: str | None = None
    note: str | None = None

    def total(self) -> int:
        if self.deelnemers is not None:
            return self.deelnemers
        return (self.kinderen or 0) + (self.volwassenen or 0)


class SaveResult(BaseModel):
    session_id: int
    created: bool


def validate_session(catalogue: Catalogue, s: SessionIn) -> None:
    """Raise SessionInvalid with every problem in plain Dutch."""
    problems: list[str] = []
    activity = catalogue.activities.get(s.activity)
    if activity is None:
        problems.append(f"De activiteit '{s.activity}' staat niet in de catalogus.")
    if s.vestiging not in catalogue.vestigingen:
        problems.append(f"De vestiging '{s.vestiging}' is onbekend.")
    for name in ("deelnemers", "kinderen", "volwassenen", "vragen", "enrolled"):
        value = getattr(s, name)
        if value is not None and not 0 <= value <= MAX_COUNT:
            label = "ingeschreven" if name == "enrolled" else name
            problems.append(f"Het aantal {label} ({value}) moet tussen 0 en {MAX_COUNT} liggen.")
    if problem := attendance_problem(s.deelnemers, s.kinderen, s.volwassenen):
        problems.append(problem)
    if activity is not None:
        for effect in [*s.effects, *(m.effect for m in s.measurements)]:
            if effect not in activity.effects:
                problems.append(f"Het effect '{effect}' hoort niet bij {activity.name}.")
        for signal_id in s.signals:
            found = catalogue.signal(signal_id)
            if found is None or found[1] not in activity.effects:
                problems.append(f"Het signaal '{signal_id}' hoort niet bij {activity.name}.")
        for q in s.quotes:
            for effect in q.effects:
                if effect not in activity.effects:
                    problems.append(f"Het effect '{effect}' hoort niet bij {activity.name}.")
        if activity.kind != "reeks" and (s.series_id or s.series_name or s.measurements):
            problems.append(f"{activity.name} is geen cursusreeks.")
    for m in s.measurements:
        if m.able > m.measured:
            problems.append("Bij de voor/na-telling kunnen niet meer mensen iets dan er meededen.")
    for q in s.quotes:
        if not q.text.strip():
            problems.append("Een citaat is leeg.")
        elif len(q.text) > MAX_QUOTE:
            problems.append(f"Een citaat is langer dan {MAX_QUOTE} tekens; maak het korter.")
    problems += note_problems(s.partners, s.stories)
    if problems:
        raise SessionInvalid(" ".join(dict.fromkeys(problems)))


def default_series_name(catalogue: Catalogue, s: SessionIn) -> str:
    """A course reported without a name is named after its activity and month."""
    return f"{catalogue.activities[s.activity].name} {s.date:%Y-%m}"
