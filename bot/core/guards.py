"""Checks that run before any handler: once per update, private chats only, registered only."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Awaitable, Callable

import sqlite_utils
from telegram import CallbackQuery, Chat, Update
from telegram.ext import Application, ApplicationHandlerStop, ContextTypes

from bot.core import claims, texts
from bot.core.services import SERVICES_KEY, services
from store import drafts
from store.db import cannot_write, waiting_at_most
from store.people import Person, person_by_telegram

log = logging.getLogger("impactbot.bot")


def _claim_at_once(db: sqlite_utils.Database, keys: tuple[str, ...]) -> None:
    with waiting_at_most(db, 0):
        drafts.claim_all(db, keys)


async def once_per_update(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Telegram may deliver an update twice (a retry, a webhook redelivery, a message under a
    new update id): handle it once. The keys are claimed with the handler's own write."""
    if not isinstance(update, Update):
        return
    keys = claims.keys_of(update, context.bot.token.encode())
    claims.begin(())
    if await services(context).store.read(drafts.claimed_any, keys):
        log.info("duplicate update skipped", extra={"update_id": update.update_id})
        raise ApplicationHandlerStop
    claims.begin(keys)


async def claim_rest(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """After the handlers: claim what no write of theirs claimed (a reply, a refusal)."""
    with claims.claiming() as keys:
        if not keys:
            return
        # Without waiting: when the handler already met a busy database, this would only
        # hold the person's queue up once more; unclaimed, a redelivery is handled again,
        # which is safe.
        try:
            await services(context).store(_claim_at_once, keys)
        except sqlite3.OperationalError as exc:
            if not cannot_write(exc):
                raise
            log.info("handled input not claimed: database not writable")


async def private_only(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Reports and quotes never land in a group: say so once per group, then stay silent."""
    if not isinstance(update, Update):
        return
    chat = update.effective_chat
    if chat is None or chat.type == Chat.PRIVATE:
        return
    if update.callback_query is not None:
        await update.callback_query.answer()
    elif chat.type != Chat.CHANNEL and await services(context).store(
        drafts.claim, f"group:{chat.id}"
    ):
        await context.bot.send_message(chat.id, texts.PRIVATE_ONLY)
    raise ApplicationHandlerStop


async def registered(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Person | None:
    """The registered person behind this update; tells anyone else how to get access."""
    user = update.effective_user
    person = await services(context).store.read(person_by_telegram, user.id) if user else None
    if person is not None:
        return person
    if update.callback_query is not None:
        await update.callback_query.answer(texts.NOT_REGISTERED, show_alert=True)
    elif update.effective_chat is not None:
        await context.bot.send_message(update.effective_chat.id, texts.NOT_REGISTERED)
    return None


async def is_known(app: Application, user_id: int) -> bool:
    """Whether a Telegram user is a registered person (for the participants' room, which reads
    no store but the survey's)."""
    s = app.bot_data[SERVICES_KEY]
    return await s.store.read(person_by_telegram, user_id) is not None


Guard = Callable[[Update, ContextTypes.DEFAULT_TYPE], Awaitable[Person | None]]


async def registered_press(
    update: Update, context: ContextTypes.DEFAULT_TYPE, who: Guard = registered
) -> tuple[CallbackQuery, Person] | None:
    """A button press with data, by a registered person whom `who` lets in (managers pass
    bot.manager.access.manager_only or admin_only); anyone else is told why not."""
    query = update.callback_query
    if query is None or query.data is None:
        return None
    person = await who(update, context)
    return None if person is None else (query, person)
