"""Confirmations that could not be delivered right after a commit (store/outbox.py) go out
at start-up and then every OUTBOX_INTERVAL seconds, oldest first, each once.

A confirmation meant to replace the summary is first tried as that same edit again: when the
first edit got no answer but was applied, Telegram answers "message is not modified"
(success, see bot.core.telegram), so the leader does not get "Opgeslagen" twice. Only when the
summary cannot be edited any more does it become a new message. (A new message whose answer
was lost cannot be told apart from one never sent; it may then come twice.)"""

from __future__ import annotations

import json
import logging

from telegram import Bot, InlineKeyboardMarkup
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import Application, CallbackContext

from bot.core.dbthread import DatabaseThread
from bot.core.services import services
from store import outbox

log = logging.getLogger("impactbot.bot")
OUTBOX_JOB = "outbox"
OUTBOX_INTERVAL = 60.0


async def _deliver(bot: Bot, store: DatabaseThread, item: outbox.Waiting) -> None:
    markup = None
    if item.reply_markup:
        markup = InlineKeyboardMarkup.de_json(json.loads(item.reply_markup), bot)
    if item.message_id is not None:
        try:
            await bot.edit_message_text(
                item.text, chat_id=item.chat_id, message_id=item.message_id, reply_markup=markup
            )
            return
        except BadRequest:  # the summary is gone or cannot be edited: a new message
            log.info("summary not editable; confirming in a new message")
            await store(outbox.not_editable, item.id)
    await bot.send_message(item.chat_id, item.text, reply_markup=markup)


async def flush_outbox(context: CallbackContext) -> None:
    s = services(context)
    for item in await s.store(outbox.waiting):
        try:
            await _deliver(context.bot, s.store, item)
        except (Forbidden, BadRequest):
            # Blocked, or this chat refuses it: try this one again later (they may unblock),
            # up to MAX_ATTEMPTS, without holding up the others.
            await s.store(outbox.failed, item.id)
            continue
        except TelegramError:
            if await s.store(outbox.failed, item.id):
                log.warning("confirmation given up", extra={"outbox": item.id})
            break  # Telegram is not taking messages now: the next round tries again
        await s.store(outbox.delivered, item.id)
        log.info("confirmation delivered from the outbox", extra={"outbox": item.id})


def schedule_outbox(app: Application) -> None:
    if app.job_queue is None:
        return
    for job in app.job_queue.get_jobs_by_name(OUTBOX_JOB):
        job.schedule_removal()
    app.job_queue.run_repeating(flush_outbox, OUTBOX_INTERVAL, first=0.5, name=OUTBOX_JOB)
