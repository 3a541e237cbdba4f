"""A photo with a report: a leader sends a Telegram photo after reporting; the bot asks the
consent a library needs (nobody recognisable, the people shown agreed, a child only with a
parent's agreement) and, without a caption, what the photo shows (its alt text). Then it
downloads the largest size under the cap (getFile) and stores it with the latest report of
this leader, for a manager to review (/fotos).
"""

from __future__ import annotations

import logging
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.core import awaiting, buttons
from bot.core.awaiting import Awaiting
from bot.core.guards import registered, registered_press
from bot.core.services import services
from bot.leader import texts
from bot.leader.prefixes import PHOTO, ROOM, TYPED_PHOTO_ALT
from ground.dutch import long_date as date_nl
from ground.errors import ImpactbotError
from store.photos import MAX_PHOTO_BYTES, add_photo

log = logging.getLogger(__name__)
CONSENTS = {"n": "niemand-herkenbaar", "t": "toestemming", "o": "ouder-toestemming"}
_PENDING = "photo"  # user_data key: the photo waiting for its consent and alt text


def _keyboard() -> InlineKeyboardMarkup:
    rows = [
        (texts.BUTTON_PHOTO_NOBODY, "n"),
        (texts.BUTTON_PHOTO_AGREED, "t"),
        (texts.BUTTON_PHOTO_PARENT, "o"),
        (texts.BUTTON_PHOTO_SKIP, "x"),
    ]
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(label, callback_data=buttons.data(PHOTO, code))]
            for label, code in rows
        ]
    )


async def on_photo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is None or not message.photo:
        return
    person = await registered(update, context)
    if person is None:
        return
    s = services(context)
    row = s.db.execute(
        "SELECT id, activity, date FROM sessions WHERE reporter_id = ? ORDER BY id DESC LIMIT 1",
        [person.id],
    ).fetchone()
    if row is None:
        await message.reply_text(texts.PHOTO_NO_REPORT)
        return
    fitting = [p for p in message.photo if (p.file_size or 0) <= MAX_PHOTO_BYTES]
    if not fitting:
        await message.reply_text(texts.PHOTO_TOO_BIG)
        return
    best = max(fitting, key=lambda p: (p.file_size or 0, p.width))
    assert context.user_data is not None
    context.user_data[_PENDING] = {
        "file_id": best.file_id,
        "unique": best.file_unique_id,
        "alt": (message.caption or "").strip(),
        "session": int(row[0]),
    }
    activity = s.catalogue.activities.get(row[1])
    text = texts.PHOTO_CONSENT.format(
        activity=activity.name if activity else row[1], day=date_nl(row[2])
    )
    await message.reply_text(text, reply_markup=_keyboard())


async def on_consent(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    pressed = await registered_press(update, context)
    if pressed is None:
        return
    query, _person = pressed
    chat = update.effective_chat
    if chat is None:
        return
    code = buttons.fields(query.data, 1)[0]
    assert context.user_data is not None
    pending = context.user_data.get(_PENDING)
    await query.answer()
    try:
        await query.edit_message_reply_markup(reply_markup=None)
    except TelegramError:
        pass
    if pending is None:
        await context.bot.send_message(chat.id, texts.PHOTO_GONE)
        return
    if code not in CONSENTS:
        context.user_data.pop(_PENDING, None)
        await context.bot.send_message(chat.id, texts.PHOTO_NOT_KEPT)
        return
    pending["consent"] = CONSENTS[code]
    if not pending["alt"]:
        awaiting.expect(context, ROOM, TYPED_PHOTO_ALT)
        await context.bot.send_message(chat.id, texts.PHOTO_ASK_ALT)
        return
    await _store(update, context, pending)


async def on_alt(update: Update, context: ContextTypes.DEFAULT_TYPE, record: Awaiting) -> bool:
    message = update.effective_message
    if message is None or message.text is None:
        return False
    assert context.user_data is not None
    pending = context.user_data.get(_PENDING)
    awaiting.clear(context, ROOM, TYPED_PHOTO_ALT)
    if pending is None or "consent" not in pending:
        await message.reply_text(texts.PHOTO_GONE)
        return True
    pending["alt"] = message.text.strip()
    await _store(update, context, pending)
    return True


async def _store(
    update: Update, context: ContextTypes.DEFAULT_TYPE, pending: dict[str, Any]
) -> None:
    chat = update.effective_chat
    assert chat is not None and context.user_data is not None
    s = services(context)
    try:
        file = await context.bot.get_file(pending["file_id"])
        data = bytes(await file.download_as_bytearray())
    except TelegramError:
        log.warning("photo download failed", exc_info=True)
        await context.bot.send_message(chat.id, texts.PHOTO_FAILED)
        return
    try:
        add_photo(
            s.db, pending["session"], data, pending["alt"], pending["consent"],
            file_unique_id=pending["unique"],
        )  # fmt: skip
    except ImpactbotError as exc:
        await context.bot.send_message(chat.id, str(exc))
        return
    context.user_data.pop(_PENDING, None)
    row = s.db.execute(
        "SELECT activity, date FROM sessions WHERE id = ?", [pending["session"]]
    ).fetchone()
    activity = s.catalogue.activities.get(row[0]) if row else None
    await context.bot.send_message(
        chat.id,
        texts.PHOTO_SAVED.format(
            activity=activity.name if activity else "je verslag",
            day=date_nl(row[1] if row else None),
        ),
    )
    log.info("photo stored", extra={"session": pending["session"]})
