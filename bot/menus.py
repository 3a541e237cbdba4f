"""Commands per role: the command menu in each person's chat, /help per role, and the wiring of
the manager and admin handlers into the Application.

A leader's menu holds the leader commands only; a manager's adds the manager commands; an
admin's adds /vergeet. Menus are set per chat (BotCommandScopeChat) at registration and at
every start, so a changed role shows up without the person doing anything.
"""

from __future__ import annotations

import logging

from telegram import Bot, BotCommand, BotCommandScopeChat, Update
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    CallbackContext,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.core.guards import registered
from bot.core.services import SERVICES_KEY, services
from bot.leader import texts
from bot.manager import admin, documents, jobs, kengetal, review
from bot.manager import figures as manager
from bot.manager import texts as mt
from bot.manager.awaiting import AwaitingText, clear_waiting, waiting
from store.people import Person, list_people, person_by_telegram

log = logging.getLogger("impactbot.bot")
NEW_MESSAGE = filters.UpdateType.MESSAGE
MENU_JOB = "menu"


def commands_for(role: str) -> list[BotCommand]:
    menu = dict(mt.LEADER_COMMANDS)
    if role in ("manager", "admin"):
        menu = {**mt.MANAGER_COMMANDS, **menu}
    if role == "admin":
        menu = {**menu, **mt.ADMIN_COMMANDS}
    return [BotCommand(name, text) for name, text in menu.items()]


async def set_menu(bot: Bot, person: Person) -> None:
    if person.telegram_id is None:
        return
    try:
        await bot.set_my_commands(
            commands_for(person.role), scope=BotCommandScopeChat(person.telegram_id)
        )
    except TelegramError:
        log.warning("could not set a command menu", extra={"person_id": person.id})


async def set_all_menus(app: Application) -> None:
    """At start-up: every registered person's menu, for their current role."""
    for person in list_people(app.bot_data[SERVICES_KEY].db):
        await set_menu(app.bot, person)


async def after_start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Runs after /start (group 1): a new or re-scoped person gets the menu of their role.

    Set from a job that runs at once, after the welcome has gone out, so the welcome is never
    held up (or lost) by a menu call.
    """
    user = update.effective_user
    if user is None or context.job_queue is None:
        return
    if person_by_telegram(services(context).db, user.id) is not None:
        context.job_queue.run_once(menu_job, 0, data=user.id, name=f"{MENU_JOB}:{user.id}")


async def menu_job(context: CallbackContext) -> None:
    telegram_id = context.job.data if context.job else None
    if isinstance(telegram_id, int):
        person = person_by_telegram(context.application.bot_data[SERVICES_KEY].db, telegram_id)
        if person is not None:
            await set_menu(context.bot, person)


async def cmd_help(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    person = await registered(update, context)
    if person is None or update.effective_chat is None:
        return
    if person.is_manager:
        text = mt.HELP_MANAGER
        if person.role == "admin":
            text += mt.HELP_ADMIN_EXTRA
    else:
        text = texts.HELP_LEADER
    await context.bot.send_message(update.effective_chat.id, text)


async def on_awaited_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The typed answer to a manager question (shortened quote, kengetal value)."""
    data = waiting(context)
    if data is None:
        return
    if data.get("kind") == "shorten":
        await review.on_shorter_text(update, context, data)
    elif data.get("kind") == "kengetal":
        await kengetal.on_value_text(update, context, data)
    else:
        clear_waiting(context)


def add_manager_handlers(app: Application) -> None:
    """Manager, admin and reminder handlers; add before the leader's button and text handlers."""
    commands = [
        ("stand", manager.cmd_stand),
        ("gaten", manager.cmd_gaten),
        ("citaten", manager.cmd_citaten),
        ("rapport", documents.cmd_rapport),
        ("export", documents.cmd_export),
        ("uitnodigen", admin.cmd_uitnodigen),
        ("kengetal", kengetal.cmd_kengetal),
        ("vergeet", admin.cmd_vergeet),
        ("herinneringen", admin.cmd_herinneringen),
    ]
    for name, callback in commands:
        app.add_handler(CommandHandler(name, callback, filters=NEW_MESSAGE))
    buttons = [
        (r"^(st|so|sa):", manager.on_stand_button),
        (r"^rv:", review.on_review_button),
        (r"^rs:", review.on_story_button),
        (r"^dc:", documents.on_year_button),
        (r"^kg:", kengetal.on_kengetal_button),
        (r"^vg:", admin.on_forget_button),
        (r"^hr:", jobs.on_reminder_button),
        (r"^hn:", jobs.on_did_not_happen_button),
    ]
    for pattern, callback in buttons:
        app.add_handler(CallbackQueryHandler(callback, pattern=pattern))
    app.add_handler(MessageHandler(NEW_MESSAGE & filters.TEXT & AwaitingText(app), on_awaited_text))
    app.add_handler(CommandHandler("start", after_start, filters=NEW_MESSAGE), group=1)
