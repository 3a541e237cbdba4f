"""/start with an invitation code, the name to show in reports (also later: /naam), /help."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.core import awaiting, buttons
from bot.core.awaiting import Awaiting
from bot.core.guards import registered
from bot.core.services import services
from bot.leader import keyboards, texts
from bot.leader.prefixes import ROOM, TYPED_NAME
from ground.strict import has_hidden_characters
from store.people import (
    ROLE_RANK,
    InviteError,
    invite_role,
    person_by_telegram,
    redeem_invite,
    set_display_name,
)

log = logging.getLogger("impactbot.bot")
MAX_NAME = 40
MAX_NAME_WORDS = 5


async def cmd_start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None:
        return
    s = services(context)
    if not context.args:
        person = await s.store(person_by_telegram, user.id)
        if person is None:
            await context.bot.send_message(chat.id, texts.NOT_REGISTERED)
        else:
            await context.bot.send_message(
                chat.id, texts.WELCOME_BACK.format(name=person.display_name)
            )
        return
    code = context.args[0]
    current = await s.store(person_by_telegram, user.id)
    new_role = await s.store(invite_role, code)
    if current is not None and new_role is not None:
        if ROLE_RANK[new_role] < ROLE_RANK[current.role]:
            names = {
                "current": texts.ROLE_NAMES[current.role],
                "new": texts.ROLE_NAMES[new_role],
            }
            await context.bot.send_message(
                chat.id,
                texts.LOWER_INVITE.format(**names),
                reply_markup=keyboards.lower_invite(code, **names),
            )
            return
    await _redeem(update, context, code)


async def on_lower_invite(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The answer to "you would have fewer rights; do you want that?"."""
    query = update.callback_query
    person = await registered(update, context)
    if query is None or query.data is None or person is None:
        return
    await query.answer()
    try:
        await query.edit_message_reply_markup(reply_markup=None)
    except BadRequest:
        pass
    answer, code = buttons.fields(query.data, 2)
    if answer == "yes":
        await _redeem(update, context, code)
    else:
        current = texts.ROLE_NAMES[person.role]
        await context.bot.send_message(
            query.from_user.id, texts.LOWER_INVITE_KEPT.format(current=current)
        )


async def _redeem(update: Update, context: ContextTypes.DEFAULT_TYPE, code: str) -> None:
    user, chat = update.effective_user, update.effective_chat
    assert user is not None and chat is not None
    s = services(context)
    known = await s.store(person_by_telegram, user.id)
    first_name = (user.first_name or "").strip()[:MAX_NAME] or "Onbekend"
    # Someone already registered keeps the name they chose.
    name = known.display_name if known is not None else first_name
    try:
        person = await s.store(redeem_invite, code, user.id, name)
    except InviteError as exc:
        log.info("invite refused", extra={"reason": type(exc).__name__})
        await context.bot.send_message(chat.id, str(exc))
        return
    log.info("person registered", extra={"person_id": person.id, "role": person.role})
    awaiting.expect(context, ROOM, TYPED_NAME)
    await context.bot.send_message(
        chat.id,
        texts.ASK_NAME.format(role=texts.ROLE_NAMES[person.role]),
        reply_markup=keyboards.use_name(name),
    )


def looks_like_name(text: str) -> bool:
    """A name has no digits and a few words at most; anything else is read as a report."""
    return not any(c.isdigit() for c in text) and len(text.split()) <= MAX_NAME_WORDS


def is_valid_name(name: str) -> bool:
    """The name check at registration and for /naam (spaces already normalised)."""
    return (
        bool(name)
        and len(name) <= MAX_NAME
        and not name.startswith("/")
        and looks_like_name(name)
        and not has_hidden_characters(name)  # no right-to-left override, no zero-width
    )


async def on_name(update: Update, context: ContextTypes.DEFAULT_TYPE, _: Awaiting) -> bool:
    """The typed name right after registering; False when the message is not a name (then it
    is read as a report)."""
    message, user = update.effective_message, update.effective_user
    if message is None or message.text is None or user is None:
        return False
    s = services(context)
    person = await s.store(person_by_telegram, user.id)
    if person is None:
        awaiting.clear(context, ROOM, TYPED_NAME)
        return False
    name = " ".join(message.text.split())
    if not looks_like_name(name):
        # "Voorleesuurtje Havelte 12 kinderen": a report, not a name. The Telegram first name
        # (set at registration) stays; the message is read as a report.
        awaiting.clear(context, ROOM, TYPED_NAME)
        return False
    if not is_valid_name(name):
        await message.reply_text(texts.NAME_INVALID)
        return True
    await s.store(set_display_name, person.id, name)
    awaiting.clear(context, ROOM, TYPED_NAME)
    await message.reply_text(texts.NAME_SAVED.format(name=name))
    return True


async def on_use_name(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The button 'Ana is goed': keep the Telegram first name."""
    query = update.callback_query
    person = await registered(update, context)
    if query is None or person is None:
        return
    await query.answer()
    awaiting.clear(context, ROOM, TYPED_NAME)
    try:
        await query.edit_message_reply_markup(reply_markup=None)
    except BadRequest:  # an old message; the name is kept all the same
        pass
    await context.bot.send_message(
        query.from_user.id, texts.NAME_SAVED.format(name=person.display_name)
    )


async def cmd_naam(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/naam NIEUWE NAAM: change the name shown in reports, for anyone registered."""
    chat = update.effective_chat
    person = await registered(update, context)
    if person is None or chat is None:
        return
    name = " ".join(context.args or [])
    if not name:
        await context.bot.send_message(chat.id, texts.NAME_USAGE)
        return
    if not is_valid_name(name):
        await context.bot.send_message(chat.id, texts.NAME_CHANGE_INVALID)
        return
    await services(context).store(set_display_name, person.id, name)
    awaiting.clear(context, ROOM, TYPED_NAME)  # just registered: this is the answer
    log.info("name changed", extra={"person_id": person.id})
    await context.bot.send_message(chat.id, texts.NAME_CHANGED.format(name=name))


async def cmd_help(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if await registered(update, context) is None or update.effective_chat is None:
        return
    await context.bot.send_message(update.effective_chat.id, texts.HELP_LEADER)
