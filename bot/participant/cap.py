"""A survey closed by its cap (store.survey.respondent_limit): the leader hears it once."""

from __future__ import annotations

import logging
from datetime import date

from telegram import Bot
from telegram.error import TelegramError

from bot.core.dbthread import DatabaseThread
from bot.participant import texts
from ground.dutch import weekday_date
from store.survey import Survey, leader_chat
from toc.models import Catalogue

log = logging.getLogger("impactbot.bot")


async def tell_leader(
    bot: Bot, store: DatabaseThread, catalogue: Catalogue, survey: Survey, limit: int
) -> None:
    chat = await store(leader_chat, survey)
    log.warning("survey closed at its cap", extra={"session_id": survey.session_id})
    if chat is None:
        return
    activity = catalogue.activities.get(survey.activity)
    text = texts.CAPPED_LEADER.format(
        activity=activity.name if activity else survey.activity,
        day=weekday_date(date.fromisoformat(survey.date)),
        limit=limit,
    )
    try:
        await bot.send_message(chat, text)
    except TelegramError:
        log.warning("could not tell the leader their survey closed", exc_info=True)
