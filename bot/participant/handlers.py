"""The survey in Telegram: /start s_CODE, statements on a 5-point scale, their words, the
follow-up opt-in, /stop. For anyone, registered or not; this room reaches only store.survey.

Buttons: see bot/participant/prefixes.py. The typed words ("Wat neem je mee?") are awaited in
memory (bot.core.awaiting.Memory), never in the database.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta

from telegram import Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.core import buttons
from bot.core.awaiting import Awaiting
from bot.core.services import Services, services
from bot.participant import keyboards, texts
from bot.participant.cap import tell_leader
from bot.participant.room import Pending, room
from ground.dutch import weekday_date
from intake.names import full_name_in_quote
from store.survey import (
    START_PREFIX,
    Survey,
    SurveyFull,
    add_followup,
    add_participant_quote,
    drop_followup_of,
    has_answered,
    record_answers,
    respondent_hash,
    stop_followups,
    strip_control,
    survey_by_code,
)
from toc.survey import respondent

log = logging.getLogger("impactbot.bot")
MAX_WORDS = 500


# -- what a survey looks like to its participant ---------------------------------------------


def place(s: Services, survey: Survey) -> tuple[str, str, str]:
    """(activity name, vestiging name, the day in words)."""
    activity = s.catalogue.activities.get(survey.activity)
    vestiging = s.catalogue.vestigingen.get(survey.vestiging)
    day = weekday_date(date.fromisoformat(survey.date))
    return (
        activity.name if activity else survey.activity,
        vestiging.name if vestiging else survey.vestiging,
        day,
    )


def is_parent(s: Services, survey: Survey) -> bool:
    return respondent(s.catalogue, survey.activity) == "ouder"


def attribution(s: Services, survey: Survey) -> str:
    who = texts.ATTRIBUTION_PARENT if is_parent(s, survey) else texts.ATTRIBUTION
    return f"{who} bij {place(s, survey)[0]}"


def statement_text(survey: Survey, index: int) -> str:
    n = len(survey.statements)
    return texts.STATEMENT.format(i=index + 1, n=n, text=survey.statements[index]["text"])


def who_hash(s: Services, context: ContextTypes.DEFAULT_TYPE, survey: Survey, user_id: int) -> str:
    key = room(context.application).key(s.settings)
    return respondent_hash(key, survey.id, "telegram", user_id)


async def _tell(update: Update, context: ContextTypes.DEFAULT_TYPE, text: str) -> None:
    """Say `text`: on a pressed button by editing its message, else as a new message."""
    query = update.callback_query
    if query is not None and query.message is not None:
        await query.answer()
        try:
            await query.edit_message_text(text)
            return
        except BadRequest:
            pass
    if update.effective_chat is not None:
        await context.bot.send_message(update.effective_chat.id, text)


async def _open_survey(
    update: Update, context: ContextTypes.DEFAULT_TYPE, code: str
) -> Survey | None:
    """The survey behind a link or button, or None after saying it is unknown or closed."""
    s = services(context)
    survey = await s.store(survey_by_code, code)
    if survey is None:
        await _tell(update, context, texts.UNKNOWN)
        return None
    if not survey.is_open(s.now()):
        await _tell(update, context, texts.CLOSED_FULL if survey.capped_at else texts.CLOSED)
        return None
    return survey


# -- /start s_CODE ---------------------------------------------------------------------------


async def cmd_start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None or not context.args:
        return
    s = services(context)
    code = context.args[0].removeprefix(START_PREFIX)
    survey = await _open_survey(update, context, code)
    if survey is None:
        return
    if await s.store(has_answered, survey.id, who_hash(s, context, survey, user.id)):
        await context.bot.send_message(chat.id, texts.ALREADY)
        return
    activity, vestiging, day = place(s, survey)
    intro = texts.INTRO_PARENT if is_parent(s, survey) else texts.INTRO
    n = len(survey.statements)
    await context.bot.send_message(
        chat.id, intro.format(activity=activity, place=vestiging, day=day, n=n)
    )
    await context.bot.send_message(
        chat.id,
        statement_text(survey, 0),
        reply_markup=keyboards.statement(survey.code),
    )


# -- a score ---------------------------------------------------------------------------------


async def on_score(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query, user = update.callback_query, update.effective_user
    if query is None or user is None or query.data is None:
        return
    s = services(context)
    code, scores_text = buttons.fields(query.data, 2)
    survey = await _open_survey(update, context, code)
    if survey is None:
        return
    scores = [int(c) for c in scores_text if c in "12345"]
    n = len(survey.statements)
    if not scores or len(scores) != len(scores_text) or len(scores) > n:
        await query.answer(texts.STALE_BUTTON)
        return
    if len(scores) < n:
        await query.answer()
        try:
            await query.edit_message_text(
                statement_text(survey, len(scores)),
                reply_markup=keyboards.statement(survey.code, scores_text),
            )
        except BadRequest:  # pressed twice: the message already shows the next statement
            pass
        return
    try:
        stored = await s.store(
            record_answers,
            survey,
            who_hash(s, context, survey, user.id),
            scores,
            "telegram",
            s.now(),
        )
    except SurveyFull as full:
        await _tell(update, context, texts.CLOSED_FULL)
        if full.newly:
            await tell_leader(context.bot, s.store, s.catalogue, survey, full.limit)
        return
    if not stored:
        await _tell(update, context, texts.ALREADY)
        return
    log.info("participant answered", extra={"session_id": survey.session_id, "via": "telegram"})
    await _tell(update, context, texts.ANSWERED)
    here = room(context.application)
    registered = await here.is_registered(user.id)
    ask = texts.ASK_WORDS
    if registered:
        ask = f"{ask}\n\n{texts.ASK_WORDS_REPLY}"
    asked = await context.bot.send_message(
        user.id, ask, reply_markup=keyboards.skip_words(survey.code)
    )
    here.wait_for_words(user.id, survey.id, survey.code, asked.message_id, registered)


# -- "Wat neem je mee?" ----------------------------------------------------------------------


async def on_words(update: Update, context: ContextTypes.DEFAULT_TYPE, record: Awaiting) -> bool:
    """Their typed words (the text router hands over only a message that answers the record)."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None or message.text is None:
        return True
    pending = Pending.of(record)
    text = strip_control(message.text)
    if len(text) > MAX_WORDS:
        await message.reply_text(texts.WORDS_TOO_LONG.format(n=MAX_WORDS))
        return True
    if full_name_in_quote(text, services(context).catalogue):
        # the same check as a leader's quote: a participant's words may name no one in full
        await message.reply_text(texts.WORDS_FULL_NAME)
        return True
    survey = await services(context).store(survey_by_code, pending.code)
    if survey is None or not text:
        return True
    record.data["text"] = text
    who = attribution(services(context), survey)
    markup = keyboards.consent(survey.code, who)
    await message.reply_text(texts.ASK_CONSENT.format(text=text), reply_markup=markup)
    return True


async def on_consent(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query, user = update.callback_query, update.effective_user
    if query is None or user is None or query.data is None:
        return
    s = services(context)
    code, consent = buttons.fields(query.data, 2)
    pending = room(context.application).waiting(user.id)
    survey = await s.store(survey_by_code, code)
    if pending is None or pending.text is None or survey is None or pending.code != code:
        await query.answer(texts.STALE_BUTTON)
        return
    if consent not in ("ja", "anoniem", "nee"):
        await query.answer(texts.STALE_BUTTON)
        return
    await s.store(add_participant_quote, survey, pending.text, consent, attribution(s, survey))
    room(context.application).forget(user.id)
    log.info("participant quote stored", extra={"session_id": survey.session_id})
    await _tell(update, context, texts.WORDS_SAVED)
    await ask_followup(context, user.id, survey)


async def on_skip_words(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query, user = update.callback_query, update.effective_user
    if query is None or user is None or query.data is None:
        return
    (code,) = buttons.fields(query.data, 1)
    pending = room(context.application).waiting(user.id)
    survey = await services(context).store(survey_by_code, code)
    if pending is None or survey is None or pending.code != code:
        await query.answer(texts.STALE_BUTTON)
        return
    room(context.application).forget(user.id)
    await query.answer()
    try:
        await query.edit_message_reply_markup(reply_markup=None)
    except BadRequest:
        pass
    await ask_followup(context, user.id, survey)


# -- the follow-up opt-in, and stopping ------------------------------------------------------


async def ask_followup(context: ContextTypes.DEFAULT_TYPE, chat_id: int, survey: Survey) -> None:
    weeks = texts.weeks(services(context).settings.participants.followup_days)
    await context.bot.send_message(
        chat_id,
        texts.ASK_FOLLOWUP.format(weeks=weeks),
        reply_markup=keyboards.followup(survey.code),
    )


async def on_followup_choice(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query, chat, user = update.callback_query, update.effective_chat, update.effective_user
    if query is None or chat is None or user is None or query.data is None:
        return
    s = services(context)
    code, choice = buttons.fields(query.data, 2)
    survey = await s.store(survey_by_code, code)
    if survey is None:
        await _tell(update, context, texts.UNKNOWN)
        return
    if choice != "ja":
        # "Ja" may have been tapped a moment before: DONE says nothing is kept, so it is not.
        if await s.store(drop_followup_of, survey.id, chat.id):
            log.info("participant follow-up dropped", extra={"session_id": survey.session_id})
        await _tell(update, context, texts.DONE)
        return
    days = s.settings.participants.followup_days
    who = who_hash(s, context, survey, user.id)
    outcome = await s.store(add_followup, survey.id, chat.id, who, s.now() + timedelta(days=days))
    if outcome == "not answered":
        await query.answer(texts.STALE_BUTTON)
        return
    if outcome == "planned":
        log.info("participant follow-up planned", extra={"session_id": survey.session_id})
        await query.answer()
    else:  # a second press: one follow-up is enough; the message keeps its Stop button
        await query.answer(texts.FOLLOWUP_ALREADY)
    try:
        await query.edit_message_text(
            texts.FOLLOWUP_SET.format(weeks=texts.weeks(days)),
            reply_markup=keyboards.stop(),
        )
    except BadRequest:  # already edited by the first press
        pass


async def cmd_stop(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/stop or the Stop button: no follow-up, and the chat id is erased."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None:
        return
    if user is not None:
        room(context.application).forget(user.id)
    dropped = await services(context).store(stop_followups, chat.id)
    if dropped:
        log.info("participant stopped the follow-up")
    await _tell(update, context, texts.STOPPED if dropped else texts.NOTHING_TO_STOP)
