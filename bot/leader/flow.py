"""Moving a report forward: store the draft, ask the next question, save or drop it.

Every change to a draft is written to the database before the next question is sent, so a
restart (or a crash) in the middle of a report loses nothing.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from telegram import CallbackQuery, InlineKeyboardMarkup, Update
from telegram.error import BadRequest, TelegramError
from telegram.ext import ContextTypes

from bot.core import claims
from bot.core.services import Services, services
from bot.leader import keyboards, queries, survey, texts
from bot.leader.draft import (
    Draft,
    advance,
    first_quote_without,
    measure_moment,
    missing_counts,
    next_measure,
)
from bot.leader.draft_session import attendance, to_session
from store import drafts, outbox
from store.db import is_busy
from store.people import get_person
from store.sessions import SessionInvalid

log = logging.getLogger("impactbot.bot")
# A report identical to one the same person saved this many hours ago is asked about first.
SAME_REPORT_HOURS = 12


async def load(s: Services, telegram_id: int) -> Draft | None:
    data = await s.store(drafts.load_draft, telegram_id)
    if data is None:
        return None
    try:
        return Draft.model_validate(data)
    except ValueError:
        # A draft from an older bot version that no longer fits: start afresh.
        log.warning("unreadable draft dropped", extra={"telegram_id": telegram_id})
        await s.store(drafts.delete_draft, telegram_id)
        return None


async def store(s: Services, draft: Draft) -> None:
    """Write the draft, claiming the input that changed it in the same transaction."""
    data = draft.model_dump(mode="json")
    with claims.claiming() as keys:
        await s.store(drafts.save_draft, draft.telegram_id, draft.draft_id, data, claims=keys)


async def advance_and_store(s: Services, draft: Draft) -> Draft:
    advance(draft, s.catalogue)
    await store(s, draft)
    return draft


async def close_buttons(query: CallbackQuery | None) -> None:
    """Remove the keyboard of the message whose button was pressed (old questions stay text)."""
    if query is None or query.message is None:
        return
    try:
        await query.edit_message_reply_markup(reply_markup=None)
    except BadRequest:
        pass  # too old to edit, or already without buttons


def course_text(s: Services, draft: Draft) -> str | None:
    return texts.course_label(draft.series_name, draft.lesson, draft.last_lesson)


async def prompt(s: Services, draft: Draft) -> tuple[str, InlineKeyboardMarkup | None]:
    """The question for the draft's current step, with its buttons."""
    catalogue = s.catalogue
    step = draft.step
    if step == "confirm":
        name, value = next(iter(draft.pending.items()))
        return texts.CONFIRM_COUNT.format(
            value=value, label=texts.COUNT_LABELS[name]
        ), keyboards.yes_no(draft)
    if step == "ambiguity":
        return draft.questions[0].question, keyboards.ambiguity(draft)
    if step == "activity":
        recent = await s.store(queries.recent_activities, draft.person_id)
        return texts.ASK_ACTIVITY, keyboards.activities_top(draft, catalogue, recent)
    if step == "vestiging":
        person = await s.store(get_person, draft.person_id)
        own = person.vestigingen if person else []
        if person and not own and person.gemeente:
            own = [v.id for v in catalogue.vestigingen_in(person.gemeente)]
        return texts.ASK_VESTIGING, keyboards.vestigingen_top(draft, catalogue, own)
    if step == "date":
        if draft.date_typing:
            return texts.ASK_DATE_TYPED, None
        return texts.ASK_DATE, keyboards.dates(draft)
    assert draft.activity is not None and draft.vestiging is not None
    if step == "series":
        running = await s.store(queries.running_courses, draft.activity, draft.vestiging)
        return texts.ASK_SERIES, keyboards.courses(draft, running)
    if step == "enrolled":
        return texts.ASK_ENROLLED, None
    if step == "last_lesson":
        text = texts.ASK_LAST_LESSON.format(lesson=draft.lesson, name=draft.series_name)
        return text, keyboards.yes_no(draft)
    if step == "counts":
        fields = missing_counts(draft, catalogue)
        lesson = catalogue.activities[draft.activity].kind == "reeks"
        everyone = (draft.enrolled or draft.series_enrolled) if lesson else None
        return texts.count_question(fields, lesson), keyboards.everyone(draft, everyone)
    if step == "measure":
        effect = next_measure(draft, catalogue)
        assert effect is not None
        moment = texts.MEASURE_BEFORE if measure_moment(draft) == "voor" else texts.MEASURE_AFTER
        text = texts.ASK_MEASURE.format(
            moment=moment, question=effect.measure_question, n=attendance(draft) or 0
        )
        return text, keyboards.skip(draft)
    if step == "effects":
        return texts.ASK_SIGNALS, keyboards.signals(draft, catalogue)
    if step == "quote":
        return texts.ASK_QUOTE, keyboards.no_quote(draft)
    if step == "attribution":
        return texts.ASK_ATTRIBUTION, keyboards.no_attribution(draft)
    if step == "consent":
        quote = draft.quotes[first_quote_without(draft, "consent") or 0]
        text = f"{texts.ASK_CONSENT}\n„{quote.text}”"
        return text, keyboards.consent(draft, quote.attribution)
    if step in ("partners", "story"):
        question = texts.ASK_PARTNERS if step == "partners" else texts.ASK_STORY
        return question, keyboards.extra(draft)
    if step == "story_consent":
        story = next(st for st in draft.stories if st.consent is None)
        return f"{texts.ASK_STORY_CONSENT}\n„{story.text}”", keyboards.story_consent(draft)
    summary = texts.summary(draft, catalogue, course_text(s, draft))
    when = await saved_before(s, draft)
    if when is not None:
        return f"{texts.SAME_REPORT.format(when=when)}\n\n{summary}", keyboards.duplicate(draft)
    markup = keyboards.summary(draft, catalogue)
    if keyboards.summary_signals(draft, catalogue):
        return f"{texts.SUMMARY_HEAD}\n{summary}\n\n{texts.SIGNALS_ON_SUMMARY}", markup
    return f"{texts.SUMMARY_HEAD}\n{summary}", markup


async def saved_before(s: Services, draft: Draft) -> str | None:
    """'om 14:05' / 'gisteren om 21:10' when this person saved the same report within
    SAME_REPORT_HOURS; None otherwise (and for corrections)."""
    if draft.mode == "edit":
        return None
    try:
        session = to_session(draft, s.catalogue)
    except (KeyError, ValueError):
        return None
    since = (s.now() - timedelta(hours=SAME_REPORT_HOURS)).astimezone(UTC)
    found = await s.store(queries.same_report_saved, session, since.isoformat(timespec="seconds"))
    if found is None:
        return None
    at = datetime.fromisoformat(found).astimezone(s.tz)
    day = "vandaag " if at.date() == s.today() else "gisteren "
    return f"{day}om {at:%H:%M}"


async def ask(
    context: ContextTypes.DEFAULT_TYPE,
    chat_id: int,
    draft: Draft,
    prefix: str | None = None,
    understood: bool = False,
) -> None:
    """Send the current question. `understood`: first show what a message was read as."""
    s = services(context)
    text, markup = await prompt(s, draft)
    if understood:
        known = texts.summary(draft, s.catalogue, course_text(s, draft))
        if draft.step == "summary":
            when = await saved_before(s, draft)
            head = texts.SAME_REPORT.format(when=when) if when else texts.SUMMARY_HEAD
            text = f"{texts.UNDERSTOOD}\n{known}\n\n{head}"
            # the same report again gets Opslaan toch / Niet opslaan, without the toggles
            if when is None and keyboards.summary_signals(draft, s.catalogue):
                text = f"{text}\n\n{texts.SIGNALS_ON_SUMMARY}"
        elif known:
            text = f"{texts.UNDERSTOOD}\n{known}\n\n{text}"
    if prefix:
        text = f"{prefix}\n\n{text}"
    await context.bot.send_message(chat_id, text, reply_markup=markup)


async def proceed(
    update: Update, context: ContextTypes.DEFAULT_TYPE, draft: Draft, prefix: str | None = None
) -> None:
    """Store the changed draft, then ask what comes next."""
    await advance_and_store(services(context), draft)
    await close_buttons(update.callback_query)
    await ask(context, draft.telegram_id, draft, prefix=prefix)


async def save(update: Update, context: ContextTypes.DEFAULT_TYPE, draft: Draft) -> None:
    """Opslaan: commit the session (one transaction: the press, the session, the draft gone),
    and only then say "Opgeslagen". On failure keep the draft."""
    s = services(context)
    actor = f"person:{draft.person_id}"
    try:
        session = to_session(draft, s.catalogue)
        replaces = draft.session_id if draft.mode == "edit" else None
        with claims.claiming() as keys:
            session_id = await s.store(
                drafts.save_report,
                s.catalogue,
                session,
                actor,
                telegram_id=draft.telegram_id,
                draft_id=draft.draft_id,
                replaces=replaces,
                claims=keys,
            )
    except drafts.AlreadyHandled:
        log.info("press handled before", extra={"draft": draft.short_id})
        return
    except SessionInvalid as exc:
        log.info("report refused by validation", extra={"draft": draft.short_id})
        await context.bot.send_message(
            draft.telegram_id,
            texts.NOT_SAVED_INVALID.format(reason=exc),
            reply_markup=keyboards.summary(draft, s.catalogue),
        )
        return
    except Exception as exc:
        busy = is_busy(exc)
        if busy:
            log.warning("saving a report met a busy database", extra={"draft": draft.short_id})
        else:
            log.error("saving a report failed", exc_info=True, extra={"draft": draft.short_id})
        await context.bot.send_message(
            draft.telegram_id,
            texts.NOT_SAVED_BUSY if busy else texts.NOT_SAVED,
            reply_markup=keyboards.summary(draft, s.catalogue),
        )
        return
    log.info("report saved", extra={"session_id": session_id, "draft": draft.short_id})
    done = texts.SAVED_CHANGE if draft.mode == "edit" else texts.SAVED
    summary = texts.summary(draft, s.catalogue, course_text(s, draft))
    # What a leader can add to a saved report: the participants' own answers (QR code, link),
    # or a tally of a paper or hand-raise version.
    ask = survey.saved_markup(s, draft.activity, session_id)
    rows = [
        *(ask.inline_keyboard if ask else ()),
        *keyboards.after_save(session_id).inline_keyboard,
    ]
    markup = InlineKeyboardMarkup(rows)
    # Ask by lot: a new report of an activity with a plan draws whether this session asks.
    lot = await survey.draw_lot(s, draft.activity, session_id) if draft.mode != "edit" else None
    picked = lot is not None and lot[1]
    line = survey.lot_line(lot)
    text = f"{done}\n\n{summary}" + (f"\n\n{line}" if line and not picked else "")
    await confirm(update, context, draft.telegram_id, text, markup)
    if picked:
        await survey.send_drawn_qr(context, s, session_id, draft.telegram_id)


async def confirm(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    chat_id: int,
    text: str,
    markup: InlineKeyboardMarkup | None = None,
) -> None:
    """The confirmation replaces the summary (one request: text and buttons in one edit; an
    edit done twice is harmless). Whatever Telegram does, it reaches the leader: a new
    message if the summary cannot be edited, else the outbox delivers it later."""
    s = services(context)
    query = update.callback_query
    # The summary being edited: if that edit gets no answer, the outbox repeats it.
    summary = query.message.message_id if query is not None and query.message else None
    try:
        if query is not None and summary is not None:
            try:
                await query.edit_message_text(text, reply_markup=markup)
                return
            except BadRequest:
                log.info("summary not editable; confirming in a new message")
                summary = None
        await context.bot.send_message(chat_id, text, reply_markup=markup)
    except TelegramError:
        log.warning("confirmation not delivered; kept in the outbox", exc_info=True)
        buttons = markup.to_json() if markup is not None else None
        await s.store(outbox.add, chat_id, text, message_id=summary, reply_markup=buttons)


async def cancel(
    update: Update, context: ContextTypes.DEFAULT_TYPE, draft: Draft, text: str = texts.CANCELLED
) -> None:
    await services(context).store(drafts.delete_draft, draft.telegram_id, draft.draft_id)
    await close_buttons(update.callback_query)
    await context.bot.send_message(draft.telegram_id, text)
