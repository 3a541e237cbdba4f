"""The one follow-up question, weeks later, to those who asked for it; then their chat id goes.

A repeating job looks for due follow-ups (`Services.now`, so tests move the clock). Each is
sent once and its row, the only place the chat id was kept, is erased right after. A chat
that blocked the bot or no longer exists is erased too; a network failure leaves the row for
the next run. The answer buttons carry a keyed tag of the chat, so only that chat can answer.

  pv:CODE:TAG:SCORE   the follow-up answer (1-5)
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import BadRequest, Forbidden, NetworkError
from telegram.ext import Application, CallbackContext, ContextTypes

from bot.core import buttons
from bot.core.services import services
from bot.participant import keyboards, texts
from bot.participant.handlers import is_parent, place, who_hash
from bot.participant.room import room
from store.survey import (
    Survey,
    drop_followup,
    due_followups,
    record_answers,
    survey_by_code,
    survey_by_id,
)
from toc.survey import FOLLOW_UP_DIMENSION

log = logging.getLogger("impactbot.bot")
JOB_NAME = "participant-followups"
INTERVAL = 10 * 60  # seconds between two looks for due follow-ups


def followup_statement(survey: Survey, parent: bool) -> dict[str, str]:
    """What the follow-up asks: did they use it, counted for the effect of the 'toepassing'
    statement they answered right after (else the first statement's effect)."""
    effect = next(
        (st["effect"] for st in survey.statements if st["dimension"] == FOLLOW_UP_DIMENSION),
        survey.statements[0]["effect"],
    )
    text = texts.FOLLOWUP_STATEMENT_PARENT if parent else texts.FOLLOWUP_STATEMENT
    return {"effect": effect, "dimension": FOLLOW_UP_DIMENSION, "text": text}


def schedule(app: Application) -> None:
    if app.job_queue is not None:
        app.job_queue.run_repeating(send_due, interval=INTERVAL, first=30, name=JOB_NAME)


async def send_due(context: CallbackContext) -> int:
    """Send every due follow-up; how many were sent."""
    s = services(context)
    sent = 0
    for due in await s.store(due_followups, s.now()):
        survey = await s.store(survey_by_id, due.survey_id)
        if survey is None:  # the session was deleted: nothing to ask
            await s.store(drop_followup, due.id)
            continue
        activity, vestiging, _day = place(s, survey)
        statement = followup_statement(survey, is_parent(s, survey))
        tag = room(context.application).tag(s.settings, survey.code, due.chat_id)
        try:
            await context.bot.send_message(
                due.chat_id,
                texts.FOLLOWUP_QUESTION.format(
                    activity=activity, place=vestiging, text=statement["text"]
                ),
                reply_markup=keyboards.followup_statement(survey.code, tag),
            )
        except (Forbidden, BadRequest):
            log.info("follow-up not deliverable; erased", extra={"followup": due.id})
            await s.store(drop_followup, due.id)
            continue
        except NetworkError:
            log.warning("follow-up not sent; will try again", extra={"followup": due.id})
            continue
        await s.store(drop_followup, due.id)
        sent += 1
    if sent:
        log.info("follow-ups sent", extra={"count": sent})
    return sent


async def on_answer(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query, user, chat = update.callback_query, update.effective_user, update.effective_chat
    if query is None or user is None or chat is None or query.data is None:
        return
    s = services(context)
    parts = buttons.fields(query.data)
    survey = await s.store(survey_by_code, parts[0]) if len(parts) == 3 else None
    valid = (
        survey is not None
        and parts[1] == room(context.application).tag(s.settings, survey.code, chat.id)
        and parts[2] in ("1", "2", "3", "4", "5")
    )
    if not valid or survey is None:
        await query.answer(texts.STALE_BUTTON)
        return
    statement = followup_statement(survey, is_parent(s, survey))
    await s.store(
        record_answers,
        survey,
        who_hash(s, context, survey, user.id),
        [int(parts[2])],
        "telegram",
        s.now(),
        moment="vervolg",
        statements=[statement],
    )
    await query.answer()
    try:
        await query.edit_message_text(texts.FOLLOWUP_THANKS)
    except BadRequest:
        pass
