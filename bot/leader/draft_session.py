"""A complete draft to the store's SessionIn, and a stored session back to a draft for a
correction. Pure, like draft.py (moved unchanged from there).
"""

from __future__ import annotations

from bot.leader.draft import (
    Draft,
    DraftQuote,
    DraftStory,
    _fits,
    advance,
    count_fields,
    measure_moment,
)
from store.session_notes import StoryIn
from store.sessions import MeasurementIn, QuoteIn, SessionIn
from toc.models import Catalogue

# -- to the store -----------------------------------------------------------------------------


def attendance(draft: Draft) -> int | None:
    if "deelnemers" in draft.counts:
        return draft.counts["deelnemers"]
    if "bezoekers" in draft.counts:
        return draft.counts["bezoekers"]
    parts = [draft.counts[k] for k in ("kinderen", "volwassenen") if k in draft.counts]
    return sum(parts) if parts else None


def to_session(draft: Draft, catalogue: Catalogue) -> SessionIn:
    """The complete draft as the store's SessionIn (raises KeyError/ValueError if incomplete)."""
    if draft.activity is None or draft.vestiging is None or draft.date is None:
        raise ValueError("draft is not complete")
    activity = catalogue.activities[draft.activity]
    counts = draft.counts
    deelnemers = counts.get("deelnemers", counts.get("bezoekers"))
    session = SessionIn(
        date=draft.date,
        activity=draft.activity,
        vestiging=draft.vestiging,
        deelnemers=deelnemers,
        kinderen=counts.get("kinderen"),
        volwassenen=counts.get("volwassenen"),
        vragen=counts.get("vragen"),
        effects=list(draft.effects),
        signals=[s for s in draft.signals if _fits(catalogue, activity, s)],
        quotes=[
            QuoteIn(
                id=q.id,
                text=q.text,
                attribution=q.attribution,
                consent=q.consent or "nee",
                # Tags of another activity fall away when a correction changes the activity.
                effects=[e for e in q.effects if e in activity.effects],
            )
            for q in draft.quotes
        ],
        partners=list(draft.partners),
        stories=[
            StoryIn(id=story.id, text=story.text, consent=story.consent or "nee")
            for story in draft.stories
        ],
        reporter_id=draft.person_id,
        source="bot",
        source_key=None if draft.mode == "edit" else draft.source_key,
    )
    if activity.kind == "reeks":
        moment = measure_moment(draft)
        measured = attendance(draft) or 0
        session.series_id = draft.series_id
        session.series_name = draft.series_name
        session.enrolled = draft.enrolled
        session.lesson = draft.lesson
        session.last_lesson = bool(draft.last_lesson)
        if moment is not None and measured > 0:
            session.measurements = [
                MeasurementIn(effect=effect, moment=moment, able=able, measured=measured)
                for effect, able in draft.measurements.items()
                if able is not None
            ]
    return session


def from_session(
    session: SessionIn, catalogue: Catalogue, session_id: int, telegram_id: int, person_id: int
) -> Draft:
    """A correction starts from the stored session, complete, at the summary."""
    activity = catalogue.activities[session.activity]
    counts: dict[str, int] = {}
    for name in ("kinderen", "volwassenen", "vragen"):
        value = getattr(session, name)
        if value is not None:
            counts[name] = value
    if activity.kind == "spreekuur":
        counts["bezoekers"] = session.total()
    elif "deelnemers" in count_fields(activity) or not counts:
        counts["deelnemers"] = session.total()
    draft = Draft(
        telegram_id=telegram_id,
        person_id=person_id,
        mode="edit",
        session_id=session_id,
        activity=session.activity,
        vestiging=session.vestiging,
        date=session.date,
        counts=counts,
        effects=list(session.effects),
        signals=list(session.signals),
        effects_asked=True,
        quotes=[
            DraftQuote(
                id=q.id,
                text=q.text,
                attribution=q.attribution,
                attribution_asked=True,
                consent=q.consent,
                effects=q.effects,
            )
            for q in session.quotes
        ],
        quote_asked=True,
        partners=list(session.partners),
        stories=[DraftStory(id=st.id, text=st.text, consent=st.consent) for st in session.stories],
    )
    if activity.kind == "reeks":
        draft.series_choice = "running"
        draft.series_id = session.series_id
        draft.lesson = session.lesson
        draft.last_lesson = False
    return advance(draft, catalogue)
