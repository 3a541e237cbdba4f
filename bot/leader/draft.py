"""A report in progress and the order in which the bot asks for what is still missing.

Pure: no Telegram, no database. The guided report (/verslag), the one-message report and a
correction (/mijnverslagen) share this one state machine: each fills what it knows, and
`next_step` names the first thing still to ask. So a leader is never asked twice, and after a
"Wijzigen" the bot asks only the field that was cleared and then shows the summary again.
A draft to the store's session and back is in draft_session.py.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from pydantic import BaseModel, Field

from store.sessions import Consent
from toc.models import Activity, Catalogue, Effect, Signal

Step = Literal[
    "confirm",  # a count above the plausible maximum: "klopt dat?"
    "ambiguity",  # the message read two ways: "15 of 16 kinderen?" (one tap)
    "activity",
    "vestiging",
    "date",
    "series",  # reeks: new course or a lesson of a running one
    "enrolled",  # reeks, new course: how many enrolled
    "last_lesson",  # reeks, running course: is this the last lesson?
    "counts",
    "measure",  # reeks: before/after count for one measurable effect
    "effects",
    "quote",
    "attribution",
    "consent",
    # Extras a leader may add from the summary (never asked unasked): "Met wie?" and
    # "Wat was bijzonder?" with its consent.
    "partners",
    "story",
    "story_consent",
    "summary",
]
Extra = Literal["partners", "story"]
Mode = Literal["guided", "quick", "edit"]
# Fields a summary's "Wijzigen" can clear.
EditField = Literal["activiteit", "vestiging", "datum", "aantallen", "effecten", "citaat"]
EDIT_FIELDS: tuple[EditField, ...] = (
    "activiteit",
    "vestiging",
    "datum",
    "aantallen",
    "effecten",
    "citaat",
)
SHORT_ID = 8


class DraftQuote(BaseModel):
    text: str
    attribution: str | None = None
    attribution_asked: bool = False
    consent: Consent | None = None
    # Set when correcting a stored quote: keeps its identity, review state and effect tags.
    id: int | None = None
    effects: list[str] = Field(default_factory=list)


class DraftQuestion(BaseModel):
    """A field the one-message report read two ways (intake.readings.Ambiguity), asked with
    one button per candidate. `kind`: count, date or quote; candidates as text."""

    field: str
    kind: str
    candidates: list[str]
    question: str


class DraftStory(BaseModel):
    """'Wat was bijzonder?': one or two sentences, no participant's name (bot.leader.inputs)."""

    text: str
    consent: Consent | None = None
    id: int | None = None  # the stored story a correction keeps


class Draft(BaseModel):
    """Everything a leader entered so far; stored as JSON in the drafts table at every step."""

    draft_id: str = Field(default_factory=lambda: uuid.uuid4().hex)
    telegram_id: int
    person_id: int
    mode: Mode = "guided"
    # The stored session a correction replaces.
    session_id: int | None = None
    activity: str | None = None
    vestiging: str | None = None
    date: dt.date | None = None
    # "Andere dag" was pressed: the next text is a date.
    date_typing: bool = False
    # kinderen, volwassenen, deelnemers, bezoekers, vragen.
    counts: dict[str, int] = Field(default_factory=dict)
    # Counts above the plausible maximum, waiting for "klopt dat?".
    pending: dict[str, int] = Field(default_factory=dict)
    # What the one-message report could not decide, asked first (one tap each).
    questions: list[DraftQuestion] = Field(default_factory=list)
    # Course (reeks).
    series_choice: Literal["new", "running"] | None = None
    series_id: int | None = None
    series_name: str | None = None
    series_enrolled: int | None = None
    enrolled: int | None = None
    lesson: int | None = None
    last_lesson: bool | None = None
    # Before/after counts: effect id -> how many could do it (None = skipped).
    measurements: dict[str, int | None] = Field(default_factory=dict)
    # Effects ticked as such: only in corrections of reports from before signals.
    effects: list[str] = Field(default_factory=list)
    # Signal ids the leader ticked ("what did you see or hear?").
    signals: list[str] = Field(default_factory=list)
    effects_asked: bool = False
    quotes: list[DraftQuote] = Field(default_factory=list)
    quote_asked: bool = False
    partners: list[str] = Field(default_factory=list)
    stories: list[DraftStory] = Field(default_factory=list)
    # The extra the leader chose on the summary and is typing now.
    extra: Extra | None = None
    step: Step = "activity"

    @property
    def short_id(self) -> str:
        return self.draft_id[:SHORT_ID]

    @property
    def source_key(self) -> str:
        return f"draft:{self.draft_id}"


# -- what to ask ------------------------------------------------------------------------------


def count_fields(activity: Activity) -> list[str]:
    """The counts a leader gives for this activity, in the order they are asked."""
    if activity.kind == "spreekuur":
        return ["bezoekers", "vragen"]
    if activity.kind == "reeks":
        return ["deelnemers"]
    parts: list[str] = [name for name in ("kinderen", "volwassenen") if name in activity.indicators]
    return parts or ["deelnemers"]


def fit_counts(counts: dict[str, int], fields: list[str]) -> dict[str, int]:
    """The counts an activity asks for, carrying a total over where it fits."""
    fitted = {name: counts[name] for name in fields if name in counts}
    total = counts.get("deelnemers", counts.get("bezoekers"))
    if total is None and ("kinderen" in counts or "volwassenen" in counts):
        total = counts.get("kinderen", 0) + counts.get("volwassenen", 0)
    for name in ("deelnemers", "bezoekers"):
        if name in fields and name not in fitted and total is not None:
            fitted[name] = total
    return fitted


def missing_counts(draft: Draft, catalogue: Catalogue) -> list[str]:
    if draft.activity is None:
        return []
    fields = count_fields(catalogue.activities[draft.activity])
    return [name for name in fields if name not in draft.counts and name not in draft.pending]


def measure_moment(draft: Draft) -> Literal["voor", "na"] | None:
    """A before count at the first lesson of a course, an after count at its last lesson."""
    if draft.mode == "edit":
        return None
    if draft.series_choice == "new":
        return "voor"
    if draft.series_choice == "running" and draft.last_lesson:
        return "na"
    return None


def measurable_effects(draft: Draft, catalogue: Catalogue) -> list[Effect]:
    if draft.activity is None or measure_moment(draft) is None:
        return []
    activity = catalogue.activities[draft.activity]
    if activity.kind != "reeks":
        return []
    effects = [catalogue.effects[e] for e in activity.effects if e in catalogue.effects]
    return [e for e in effects if e.measurable and e.measure_question]


def next_measure(draft: Draft, catalogue: Catalogue) -> Effect | None:
    for effect in measurable_effects(draft, catalogue):
        if effect.id not in draft.measurements:
            return effect
    return None


def signal_choices(draft: Draft, catalogue: Catalogue) -> list[tuple[Signal, str]]:
    """The signals a leader can tick for the draft's activity: (signal, effect id)."""
    if draft.activity is None or draft.activity not in catalogue.activities:
        return []
    return catalogue.signals_for(draft.activity)


def _fits(catalogue: Catalogue, activity: Activity, signal_id: str) -> bool:
    found = catalogue.signal(signal_id)
    return found is not None and found[1] in activity.effects


def first_quote_without(draft: Draft, what: Literal["attribution", "consent"]) -> int | None:
    for index, quote in enumerate(draft.quotes):
        if what == "attribution" and not quote.attribution_asked:
            return index
        if what == "consent" and quote.consent is None:
            return index
    return None


def next_step(draft: Draft, catalogue: Catalogue) -> Step:
    """The first thing still missing; "summary" when the report is complete."""
    if draft.pending:
        return "confirm"
    if draft.questions:
        return "ambiguity"
    if draft.activity is None:
        return "activity"
    if draft.vestiging is None:
        return "vestiging"
    if draft.date is None:
        return "date"
    activity = catalogue.activities[draft.activity]
    if activity.kind == "reeks":
        if draft.series_choice is None:
            return "series"
        if draft.series_choice == "new" and draft.enrolled is None:
            return "enrolled"
        if draft.series_choice == "running" and draft.last_lesson is None:
            return "last_lesson"
    if missing_counts(draft, catalogue):
        return "counts"
    if next_measure(draft, catalogue) is not None:
        return "measure"
    # Guided: what you saw, then a quote. One message: the signals are toggles on the summary
    # itself, so a leader who saw nothing special saves with the same one tap as before.
    signals_due = not draft.effects_asked and bool(signal_choices(draft, catalogue))
    if signals_due and draft.mode != "quick":
        return "effects"
    if not draft.quote_asked:
        return "quote"
    if first_quote_without(draft, "attribution") is not None:
        return "attribution"
    if first_quote_without(draft, "consent") is not None:
        return "consent"
    if draft.extra is not None:
        return draft.extra
    if any(story.consent is None for story in draft.stories):
        return "story_consent"
    return "summary"


def advance(draft: Draft, catalogue: Catalogue) -> Draft:
    draft.step = next_step(draft, catalogue)
    return draft


# -- changes ----------------------------------------------------------------------------------


def _clear_course(draft: Draft) -> None:
    draft.series_choice = None
    draft.series_id = None
    draft.series_name = None
    draft.series_enrolled = None
    draft.enrolled = None
    draft.lesson = None
    draft.last_lesson = None
    draft.measurements = {}


def set_activity(draft: Draft, catalogue: Catalogue, activity_id: str) -> None:
    """Choose (or change) the activity; what depends on it is asked again."""
    if draft.activity == activity_id:
        return
    draft.activity = activity_id
    activity = catalogue.activities[activity_id]
    fields = count_fields(activity)
    draft.counts = fit_counts(draft.counts, fields)
    draft.pending = {k: v for k, v in draft.pending.items() if k in fields}
    _clear_course(draft)
    draft.effects = [e for e in draft.effects if e in activity.effects]
    draft.signals = [s for s in draft.signals if _fits(catalogue, activity, s)]
    if draft.mode != "edit":
        draft.effects_asked = False


def set_vestiging(draft: Draft, vestiging_id: str) -> None:
    if draft.vestiging != vestiging_id and draft.series_choice == "running":
        _clear_course(draft)
    draft.vestiging = vestiging_id


def clear_field(draft: Draft, field: EditField) -> None:
    """'Wijzigen': forget one field so `next_step` asks it again."""
    if field == "activiteit":
        draft.activity = None
    elif field == "vestiging":
        draft.vestiging = None
        if draft.series_choice == "running":
            _clear_course(draft)
    elif field == "datum":
        draft.date = None
        draft.date_typing = False
    elif field == "aantallen":
        draft.counts = {}
        draft.pending = {}
        if draft.mode != "edit":
            draft.measurements = {}
            if draft.series_choice == "new":
                draft.enrolled = None
    elif field == "effecten":
        draft.effects_asked = False
    elif field == "citaat":
        draft.quotes = []
        draft.quote_asked = False


def toggle_signal(draft: Draft, signal_id: str) -> None:
    if signal_id in draft.signals:
        draft.signals.remove(signal_id)
    else:
        draft.signals.append(signal_id)


def apply_counts(draft: Draft, values: dict[str, int], plausible_max: int) -> None:
    """Store counts; those above `plausible_max` wait for a "klopt dat?"."""
    for name, value in values.items():
        if value > plausible_max:
            draft.pending[name] = value
        elif name == "enrolled":
            draft.enrolled = value
        else:
            draft.counts[name] = value


def confirm_pending(draft: Draft, yes: bool) -> list[str]:
    """Accept or drop the counts waiting for confirmation; returns the dropped names."""
    pending, draft.pending = draft.pending, {}
    if yes:
        for name, value in pending.items():
            if name == "enrolled":
                draft.enrolled = value
            else:
                draft.counts[name] = value
        return []
    return list(pending)


def resolve_question(draft: Draft, choice: int | None) -> dict[str, int]:
    """Close the first open question with the candidate at `choice` (None: "Anders", the
    field stays empty and is asked the usual way). Returns counts for `apply_counts`; a day
    or a quote is set on the draft here."""
    question = draft.questions.pop(0)
    if choice is None or not 0 <= choice < len(question.candidates):
        return {}
    value = question.candidates[choice]
    if question.kind == "date":
        draft.date = dt.date.fromisoformat(value)
        return {}
    if question.kind == "quote":
        if choice == 0:  # "Iemand zei het"
            draft.quotes.append(DraftQuote(text=value))
        return {}
    return {question.field.removeprefix("counts."): int(value)}
