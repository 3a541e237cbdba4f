"""Commands per role: the command menu in each person's chat, /help per role, and the answers
to what no room takes (an unknown command, a message that is not text), which also differ by
role.

The menus are read from the rooms' routes: a leader's holds the leader room's commands; a
manager's adds the manager room's; an admin's adds /vergeet. Menus are set per chat
(BotCommandScopeChat) at registration and at every start, so a changed role shows up without
the person doing anything.
"""

from __future__ import annotations

import logging

from telegram import Bot, BotCommand, BotCommandScopeChat, Update
from telegram.error import TelegramError
from telegram.ext import Application, CallbackContext, CommandHandler, ContextTypes, filters

from bot.core.guards import registered
from bot.core.routing import Command, Routes
from bot.core.services import SERVICES_KEY, services
from bot.leader import routes as leader_routes
from bot.leader import texts
from bot.manager import routes as manager_routes
from bot.manager import texts as mt
from store.people import Person, list_people, person_by_telegram

log = logging.getLogger("impactbot.bot")
MENU_JOB = "menu"


def commands_for(role: str) -> list[BotCommand]:
    menu = dict(leader_routes.MENU)
    if role in ("manager", "admin"):
        menu = {**manager_routes.MENU, **menu}
    if role == "admin":
        menu = {**menu, **manager_routes.ADMIN_MENU}
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
    for person in await app.bot_data[SERVICES_KEY].store(list_people):
        await set_menu(app.bot, person)


async def after_start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Runs after /start (group 1): a new or re-scoped person gets the menu of their role.

    Set from a job that runs at once, after the welcome has gone out, so the welcome is never
    held up (or lost) by a menu call.
    """
    user = update.effective_user
    if user is None or context.job_queue is None:
        return
    if await services(context).store(person_by_telegram, user.id) is not None:
        context.job_queue.run_once(menu_job, 0, data=user.id, name=f"{MENU_JOB}:{user.id}")


async def menu_job(context: CallbackContext) -> None:
    telegram_id = context.job.data if context.job else None
    if isinstance(telegram_id, int):
        person = await services(context).store(person_by_telegram, telegram_id)
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


async def on_unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    person = await registered(update, context)
    if person is not None and update.effective_chat:
        # A manager has more commands than the leader's list: point to /help instead.
        answer = mt.UNKNOWN_COMMAND if person.is_manager else texts.UNKNOWN_COMMAND
        await context.bot.send_message(update.effective_chat.id, answer)


async def on_other_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if await registered(update, context) is not None and update.effective_chat:
        await context.bot.send_message(update.effective_chat.id, texts.ONLY_TEXT)


# /help for every role; after /start, the menu of the person's role.
ROUTES = Routes(
    room="menus",
    commands=[Command("help", cmd_help)],
    after=[CommandHandler("start", after_start, filters=filters.UpdateType.MESSAGE)],
)
