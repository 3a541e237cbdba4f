"""/citaten nieuw: one quote at a time with Goedkeuren / Inkorten / Afwijzen / Later; then
the leaders' stories ("Wat was bijzonder?") with Goedkeuren / Afwijzen / Later (`rs:` buttons).

Buttons carry `rv:<action>:<quote id>`; the quote's gemeente is checked on every press. A
shortened text is typed as the next message (an awaiting record: bot/core/awaiting.py); the
original stays in quotes.original_text and the audit trail records the shortening (never the words).
"""

from __future__ import annotations

import logging
from typing import Any, Protocol

import sqlite_utils
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.core import awaiting as question
from bot.core import buttons
from bot.core.guards import registered_press
from bot.core.services import services
from bot.manager import prefixes as P
from bot.manager import texts as mt
from bot.manager.access import (
    Place,
    answering_manager,
    manager_only,
    not_your_gemeente,
    own_scope,
    place_name,
    reply,
)
from bot.manager.format import review_card, story_card
from ground.strict import read_id
from store.people import Person
from store.reviews import (
    ReviewError,
    ReviewQuote,
    approve,
    awaiting,
    count_awaiting,
    get_quote,
    reject,
    shorten,
)
from store.session_notes import (
    ReviewStory,
    awaiting_stories,
    count_awaiting_stories,
    decide_story,
    get_story,
)
from toc.models import Catalogue

log = logging.getLogger("impactbot.bot")
REVIEWABLE = ("ja", "anoniem")  # a 'nee' quote stays internal: never reviewed (store.reviews)


def _review_state(db: sqlite_utils.Database, quote_id: int) -> str | None:
    """Where a quote stands in the review ("new", ...), or None when it is gone."""
    row = db.execute("SELECT review FROM quotes WHERE id = ?", [quote_id]).fetchone()
    return None if row is None else str(row[0])


def card_keyboard(quote_id: int) -> InlineKeyboardMarkup:
    def button(text: str, action: str) -> InlineKeyboardButton:
        return InlineKeyboardButton(text, callback_data=buttons.data(P.REVIEW, action, quote_id))

    return InlineKeyboardMarkup(
        [
            [button(mt.BUTTON_APPROVE, "ok"), button(mt.BUTTON_SHORTEN, "cut")],
            [button(mt.BUTTON_REJECT, "no"), button(mt.BUTTON_LATER, "later")],
        ]
    )


def no_shorter_keyboard(quote_id: int) -> InlineKeyboardMarkup:
    """Under "type the shorter text": keep the quote as it is."""
    back = InlineKeyboardButton(
        mt.BUTTON_NO_SHORTEN, callback_data=buttons.data(P.REVIEW, "back", quote_id)
    )
    return InlineKeyboardMarkup([[back]])


async def send_card(
    update: Update, context: ContextTypes.DEFAULT_TYPE, person: Person, quote: ReviewQuote
) -> None:
    s = services(context)
    remaining = await s.store(count_awaiting, own_scope(person).gemeente)
    text = review_card(quote, s.catalogue, remaining)
    await reply(update, context, text, card_keyboard(quote.id))


async def send_next(
    update: Update, context: ContextTypes.DEFAULT_TYPE, person: Person, after_id: int = 0
) -> None:
    s = services(context)
    found = await s.store(awaiting, own_scope(person).gemeente, after_id=after_id)
    if not found:
        await send_next_story(update, context, person, reviewed=bool(after_id))
        return
    await send_card(update, context, person, found[0])


def story_keyboard(story_id: int) -> InlineKeyboardMarkup:
    def button(text: str, action: str) -> InlineKeyboardButton:
        return InlineKeyboardButton(text, callback_data=buttons.data(P.STORY, action, story_id))

    return InlineKeyboardMarkup(
        [
            [button(mt.BUTTON_APPROVE, "ok"), button(mt.BUTTON_REJECT, "no")],
            [button(mt.BUTTON_LATER, "later")],
        ]
    )


async def send_next_story(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    person: Person,
    after_id: int = 0,
    reviewed: bool = True,
) -> None:
    """The next story awaiting review (after the quotes), or that nothing waits any more."""
    s = services(context)
    gemeente = own_scope(person).gemeente
    found = await s.store(awaiting_stories, gemeente, after_id=after_id)
    if not found:
        # "Later" skips an item without deciding: it still waits, so never say nothing does.
        quotes = await s.store(count_awaiting, gemeente)
        left = quotes + await s.store(count_awaiting_stories, gemeente)
        if left:
            word = mt.REVIEW_LATER_ONE if left == 1 else mt.REVIEW_LATER_MANY.format(n=left)
            await reply(update, context, word)
        else:
            await reply(update, context, mt.REVIEW_DONE if reviewed else mt.REVIEW_NONE)
        return
    text = story_card(found[0], s.catalogue, await s.store(count_awaiting_stories, gemeente))
    await reply(update, context, text, story_keyboard(found[0].id))


async def start_review(update: Update, context: ContextTypes.DEFAULT_TYPE, person: Person) -> None:
    question.clear(context, P.ROOM)
    await send_next(update, context, person)


async def _close(update: Update) -> None:
    query = update.callback_query
    if query is None or query.message is None:
        return
    try:
        await query.edit_message_reply_markup(reply_markup=None)
    except BadRequest:
        pass


class _Reviewable(Protocol):
    @property
    def gemeente(self) -> str: ...
    @property
    def consent(self) -> str: ...


def _refusal(
    person: Person, catalogue: Catalogue, item: _Reviewable | None, gone: str, internal: str
) -> str | None:
    """Why a press on a quote's or a story's review button is refused, or None. The item's
    gemeente is checked on every press; 'nee' is never in the queue, only a forged button."""
    if item is None:
        return gone
    if not person.may_see(item.gemeente):
        place = place_name(catalogue, Place("gemeente", item.gemeente))
        return not_your_gemeente(person, catalogue, place)
    if item.consent not in REVIEWABLE:
        return internal
    return None


async def on_review_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    pressed = await registered_press(update, context, manager_only)
    if pressed is None:
        return
    query, person = pressed
    s = services(context)
    action, raw = buttons.fields(query.data, 2)
    quote = await s.store(get_quote, read_id(raw))
    refusal = _refusal(person, s.catalogue, quote, mt.FORGET_GONE, mt.REVIEW_INTERNAL)
    if refusal is not None or quote is None:
        await query.answer(refusal, show_alert=True)
        await _close(update)
        return
    question.clear(context, P.ROOM)
    try:
        if action == "ok":
            await s.store(approve, quote.id, person.id)
            await query.answer(mt.APPROVED)
        elif action == "no":
            await s.store(reject, quote.id, person.id)
            await query.answer(mt.REJECTED)
        elif action == "cut":
            await query.answer()
            await _close(update)
            question.expect(context, P.ROOM, P.SHORTEN, quote=quote.id)
            markup = no_shorter_keyboard(quote.id)
            await reply(update, context, mt.ASK_SHORTER.format(text=quote.text), markup)
            return
        elif action == "back":
            await query.answer()
            await _close(update)
            await send_card(update, context, person, quote)
            return
        else:  # later
            await query.answer()
    except ReviewError as exc:
        await query.answer(str(exc), show_alert=True)
    log.info("quote reviewed", extra={"quote_id": quote.id, "action": action})
    await _close(update)
    await send_next(update, context, person, after_id=quote.id)


async def on_story_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """`rs:<ok|no|later>:<story id>`; the story's gemeente is checked on every press."""
    pressed = await registered_press(update, context, manager_only)
    if pressed is None:
        return
    query, person = pressed
    s = services(context)
    action, raw = buttons.fields(query.data, 2)
    story: ReviewStory | None = await s.store(get_story, read_id(raw))
    refusal = _refusal(person, s.catalogue, story, mt.STORY_GONE, mt.STORY_INTERNAL)
    if refusal is not None or story is None:
        await query.answer(refusal, show_alert=True)
        await _close(update)
        return
    question.clear(context, P.ROOM)
    if action in ("ok", "no"):
        if await s.store(decide_story, story.id, action == "ok", person.id):
            await query.answer(mt.APPROVED if action == "ok" else mt.STORY_REJECTED)
        else:
            await query.answer(mt.STORY_DECIDED, show_alert=True)
    else:  # later
        await query.answer()
    log.info("story reviewed", extra={"story_id": story.id, "action": action})
    await _close(update)
    await send_next_story(update, context, person, after_id=story.id)


async def on_shorter_text(
    update: Update, context: ContextTypes.DEFAULT_TYPE, data: dict[str, Any]
) -> None:
    """The typed shorter version of the quote in `data["quote"]`."""
    answered = await answering_manager(update, context)
    if answered is None:
        return
    person, typed = answered
    s = services(context)
    quote_id = int(data.get("quote", 0))
    quote = await s.store(get_quote, quote_id)
    if quote is None or quote.consent == "nee" or not person.may_see(quote.gemeente):
        question.clear(context, P.ROOM)
        await reply(update, context, mt.FORGET_GONE)
        return
    try:
        text = await s.store(shorten, quote_id, typed, person.id)
    except ReviewError as exc:
        review = await s.store(_review_state, quote_id)
        if review != "new":  # gone or decided meanwhile: stop asking
            question.clear(context, P.ROOM)
        await reply(update, context, str(exc))
        return
    question.clear(context, P.ROOM)
    log.info("quote shortened", extra={"quote_id": quote_id})
    await reply(update, context, mt.SHORTENED.format(text=text))
    await send_next(update, context, person, after_id=quote_id)
