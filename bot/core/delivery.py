"""Confirmations that could not be delivered right after a commit (store/outbox.py) go out
at start-up and then every OUTBOX_INTERVAL seconds, oldest first, each once."""

from __future__ import annotations

import logging

from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import Application, CallbackContext

from bot.core.services import services
from store import outbox

log = logging.getLogger("impactbot.bot")
OUTBOX_JOB = "outbox"
OUTBOX_INTERVAL = 60.0


async def flush_outbox(context: CallbackContext) -> None:  # type: ignore[type-arg]
    s = services(context)
    for item in outbox.waiting(s.db):
        try:
            await context.bot.send_message(item.chat_id, item.text)
        except (Forbidden, BadRequest):
            # Blocked, or this chat refuses it: try this one again later (they may unblock),
            # up to MAX_ATTEMPTS, without holding up the others.
            outbox.failed(s.db, item.id)
            continue
        except TelegramError:
            if outbox.failed(s.db, item.id):
                log.warning("confirmation given up", extra={"outbox": item.id})
            break  # Telegram is not taking messages now: the next round tries again
        outbox.delivered(s.db, item.id)
        log.info("confirmation delivered from the outbox", extra={"outbox": item.id})


def schedule_outbox(app: Application) -> None:  # type: ignore[type-arg]
    if app.job_queue is None:
        return
    for job in app.job_queue.get_jobs_by_name(OUTBOX_JOB):
        job.schedule_removal()
    app.job_queue.run_repeating(flush_outbox, OUTBOX_INTERVAL, first=0.5, name=OUTBOX_JOB)
