"""/verhaal Activiteit: tekst — a manager writes a longer story (up to about 250 words, no
full names) for their gemeente's report of this year; written by a manager, it is approved."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import ContextTypes

from bot.core.services import services
from bot.manager import texts as mt
from bot.manager.access import manager_only, own_scope, reply
from ground.errors import ImpactbotError
from intake.names import full_name_in_quote
from store.long_stories import add_long_story
from toc.matcher import Matcher

log = logging.getLogger(__name__)


async def cmd_verhaal(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    person = await manager_only(update, context)
    message = update.effective_message
    if person is None or message is None or message.text is None:
        return
    s = services(context)
    gemeente = own_scope(person).gemeente
    if gemeente is None:
        await reply(update, context, mt.LONG_STORY_NO_GEMEENTE)
        return
    body = message.text.partition(" ")[2]
    name, colon, text = body.partition(":")
    if not colon or not name.strip() or not text.strip():
        await reply(update, context, mt.LONG_STORY_USAGE)
        return
    matcher = Matcher((a.id, [a.name, *a.aliases]) for a in s.catalogue.activities.values())
    activity = matcher.match(name.strip())
    if activity is None:
        await reply(update, context, mt.LONG_STORY_UNKNOWN.format(text=name.strip()[:40]))
        return
    year = s.today().year
    try:
        add_long_story(
            s.db, gemeente, year, activity, text.strip(), person.id,
            full_name=full_name_in_quote(text, s.catalogue),
        )  # fmt: skip
    except ImpactbotError as exc:
        await reply(update, context, str(exc))
        return
    log.info("long story stored", extra={"activity": activity, "by": person.id})
    await reply(
        update,
        context,
        mt.LONG_STORY_SAVED.format(
            activity=s.catalogue.activities[activity].name,
            year=year,
            gemeente=s.catalogue.gemeenten[gemeente].name,
        ),
    )
