"""The manager room's routes: figures, review, documents, admin, kengetal and the reminders.

To add a button: a prefix in bot/manager/prefixes.py, its data built with bot.core.buttons.data
in the keyboard, and a `Button` here. To add a typed question: a kind in prefixes.py, the
question stores it with bot.core.awaiting.expect(context, ROOM, kind, ...), and its answer
sits in `answers` here. Nothing outside this room changes.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot.core.awaiting import Awaiting
from bot.core.buttons import pattern
from bot.core.routing import Button, Command, Routes
from bot.manager import admin, documents, jobs, kengetal, photos, review, stories
from bot.manager import figures as manager
from bot.manager import prefixes as P
from bot.manager import texts as mt


async def _shorter(update: Update, context: ContextTypes.DEFAULT_TYPE, record: Awaiting) -> bool:
    await review.on_shorter_text(update, context, record.data)
    return True


async def _value(update: Update, context: ContextTypes.DEFAULT_TYPE, record: Awaiting) -> bool:
    await kengetal.on_value_text(update, context, record.data)
    return True


ROUTES = Routes(
    room=P.ROOM,
    commands=[
        Command("stand", manager.cmd_stand),
        Command("gaten", manager.cmd_gaten),
        Command("citaten", manager.cmd_citaten),
        Command("fotos", photos.cmd_fotos),
        Command("verhaal", stories.cmd_verhaal),
        Command("rapport", documents.cmd_rapport),
        Command("export", documents.cmd_export),
        Command("uitnodigen", admin.cmd_uitnodigen),
        Command("kengetal", kengetal.cmd_kengetal),
        Command("vergeet", admin.cmd_vergeet),
        Command("herinneringen", admin.cmd_herinneringen),
    ],
    buttons=[
        Button(pattern(P.STAND, P.STAND_OPGAVE, P.STAND_CONTRACT), manager.on_stand_button),
        Button(pattern(P.REVIEW), review.on_review_button),
        Button(pattern(P.STORY), review.on_story_button),
        Button(pattern(P.DOCUMENTS), documents.on_year_button),
        Button(pattern(P.KENGETAL), kengetal.on_kengetal_button),
        Button(pattern(P.FORGET), admin.on_forget_button),
        Button(pattern(P.PHOTO), photos.on_photo_button),
        Button(pattern(P.REMINDER), jobs.on_reminder_button),
        Button(pattern(P.DID_NOT_HAPPEN), jobs.on_did_not_happen_button),
    ],
    answers={P.SHORTEN: _shorter, P.KENGETAL_VALUE: _value},
)

# The command menus of a manager and an admin (a leader's is the leader room's).
MENU = mt.MANAGER_COMMANDS
ADMIN_MENU = mt.ADMIN_COMMANDS
