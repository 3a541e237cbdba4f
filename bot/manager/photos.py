"""/fotos: a manager reviews the photos leaders added to their reports, like a quote: each
new photo in their scope with Goedkeuren / Afwijzen. Only approved photos go into the
gemeente edition of the report (reports.review)."""

from __future__ import annotations

import logging

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.core import buttons
from bot.core.guards import registered_press
from bot.core.services import services
from bot.manager import texts as mt
from bot.manager.access import manager_only, own_scope, reply
from bot.manager.prefixes import PHOTO
from ground.dutch import long_date as date_nl
from store.photos import photo_gemeente, photos_to_review, review_photo

log = logging.getLogger(__name__)


async def cmd_fotos(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    person = await manager_only(update, context)
    chat = update.effective_chat
    if person is None or chat is None:
        return
    s = services(context)
    found = photos_to_review(s.db, own_scope(person).gemeente)
    if not found:
        await reply(update, context, mt.PHOTOS_NONE)
        return
    for p in found:
        activity = s.catalogue.activities.get(p.activity)
        vestiging = s.catalogue.vestigingen.get(p.vestiging)
        caption = mt.PHOTO_CAPTION.format(
            id=p.id,
            alt=p.alt,
            activity=activity.name if activity else p.activity,
            place=vestiging.name if vestiging else p.vestiging,
            day=date_nl(p.date),
        )
        markup = InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton(
                        mt.BUTTON_PHOTO_OK, callback_data=buttons.data(PHOTO, "ok", p.id)
                    ),
                    InlineKeyboardButton(
                        mt.BUTTON_PHOTO_NO, callback_data=buttons.data(PHOTO, "no", p.id)
                    ),
                ]
            ]
        )
        await context.bot.send_photo(chat.id, p.data, caption=caption, reply_markup=markup)


async def on_photo_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    pressed = await registered_press(update, context, manager_only)
    if pressed is None:
        return
    query, person = pressed
    verdict, raw = buttons.fields(query.data, 2)
    photo = int(raw) if raw.isdigit() else -1
    s = services(context)
    scope = own_scope(person).gemeente
    where = photo_gemeente(s.db, photo)
    if where is None or (scope is not None and where != scope):
        await query.answer(mt.PHOTO_NOT_YOURS, show_alert=True)
        return
    await query.answer()
    try:
        await query.edit_message_reply_markup(reply_markup=None)
    except TelegramError:
        pass
    approved = verdict == "ok"
    review_photo(s.db, photo, "approved" if approved else "rejected", person.id)
    log.info("photo reviewed", extra={"photo": photo, "approved": approved, "by": person.id})
    text = mt.PHOTO_APPROVED if approved else mt.PHOTO_REJECTED
    await reply(update, context, text.format(id=photo))
