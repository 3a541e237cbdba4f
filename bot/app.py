"""The Telegram bot assembled from its rooms: `build_application()`.

Each room (leader, manager, participant) owns its routes (`bot/<room>/routes.py`); this module
only assembles them, runs the services' lifecycle and holds the one error handler.

The Bot API address is a setting (a self-hosted Bot API server works the same), the rate
limiter is always on, times are in the organisation's time zone. The store is opened in
`post_init` (run by run_polling/run_webhook; tests call it themselves) and closed in
`post_shutdown`. Handlers get it through `bot.core.services.services(context)` and call it
only through `services(context).store` (bot.core.dbthread): never on the event loop.
"""

from __future__ import annotations

import logging
from pathlib import Path
from zoneinfo import ZoneInfo

from telegram import BotCommand, BotCommandScopeAllPrivateChats, Chat, Update
from telegram.error import TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    ContextTypes,
    Defaults,
    PersistenceInput,
)
from telegram.request import BaseRequest, HTTPXRequest

from bot import menus
from bot.core import delivery
from bot.core import texts as core_texts
from bot.core.ordering import PerPersonUpdateProcessor
from bot.core.routing import Otherwise, Routes, assemble
from bot.core.services import SERVICES_KEY, Services
from bot.core.telegram import ImpactBot
from bot.leader import routes as leader_routes
from bot.leader import texts
from bot.manager import jobs
from bot.manager import routes as manager_routes
from bot.participant import followups
from bot.participant import routes as participant_routes
from ground.settings import Settings
from store import drafts
from store.db import cannot_write, is_full, open_db
from store.persistence import SQLitePersistence
from toc.models import Catalogue

log = logging.getLogger("impactbot.bot")
# The rooms, by audience; their order does not matter (bot.core.routing).
ROOMS: list[Routes] = [
    participant_routes.ROUTES,
    leader_routes.ROUTES,
    manager_routes.ROUTES,
    menus.ROUTES,
]


def build_application(
    settings: Settings,
    *,
    catalogue: Catalogue | None = None,
    db_path: str | Path | None = None,
    request: BaseRequest | None = None,
    get_updates_request: BaseRequest | None = None,
) -> Application:
    """The bot, ready for run_polling/run_webhook (or, in tests, initialize + post_init)."""
    path = Path(db_path or settings.storage.database)

    async def post_init(app: Application) -> None:
        # Opened (and migrated) before the bot serves anyone; from here on the connection
        # belongs to the database thread (Services.store, bot.core.dbthread).
        db = open_db(path)
        if catalogue is None:
            from toc.loader import load_catalogue

            cat = load_catalogue(
                settings.organisation.catalogue, settings.organisation.organisation
            )
        else:
            cat = catalogue
        s = Services(db=db, catalogue=cat, settings=settings)
        app.bot_data[SERVICES_KEY] = s
        pruned = await s.store(drafts.prune_processed)
        log.info("bot ready", extra={"activities": len(cat.activities), "pruned": pruned})
        commands = [BotCommand(name, text) for name, text in texts.COMMANDS.items()]
        try:
            await app.bot.set_my_commands(commands, scope=BotCommandScopeAllPrivateChats())
        except TelegramError:
            log.warning("could not register the command menu", exc_info=True)
        await menus.set_all_menus(app)
        jobs.schedule_jobs(app)
        followups.schedule(app)
        delivery.schedule_outbox(app)

    async def post_shutdown(app: Application) -> None:
        found = app.bot_data.pop(SERVICES_KEY, None)
        if found is not None:
            found.store.close()

    persistence = SQLitePersistence(
        path,
        # Services live in bot_data and must never be serialised; buttons carry plain text.
        store_data=PersistenceInput(bot_data=False, callback_data=False),
        update_interval=settings.telegram.persistence_interval,
    )
    tg = settings.telegram
    bot = ImpactBot(
        token=settings.token(),
        base_url=tg.base_url,
        base_file_url=tg.base_file_url,
        # Honour Telegram's retry_after on a 429 and try again, instead of losing the answer.
        rate_limiter=AIORateLimiter(
            overall_max_rate=tg.max_messages_per_second, max_retries=tg.send_retries
        ),
        defaults=Defaults(tzinfo=ZoneInfo(settings.organisation.timezone)),
        request=request or HTTPXRequest(connection_pool_size=256),
        get_updates_request=get_updates_request or HTTPXRequest(connection_pool_size=1),
        send_retries=tg.send_retries,
        retry_delay=tg.retry_delay,
    )
    builder = (
        ApplicationBuilder()
        .bot(bot)
        .concurrent_updates(PerPersonUpdateProcessor(tg.concurrent_updates))
        .persistence(persistence)
        .post_init(post_init)
        .post_shutdown(post_shutdown)
    )
    app = builder.build()
    add_handlers(app)
    return app


def add_handlers(app: Application) -> None:
    """The rooms, assembled (bot.core.routing): each room's routes module says what it takes."""
    assemble(
        app,
        ROOMS,
        Otherwise(
            text=leader_routes.READ_TEXT,
            command=menus.on_unknown_command,
            press=leader_routes.UNKNOWN_PRESS,
            other=menus.on_other_message,
        ),
    )
    app.add_error_handler(on_error)


async def _tell_cannot_write(
    update: object, context: ContextTypes.DEFAULT_TYPE, error: BaseException
) -> None:
    """The database could not be written (another process holds it, the disk is full): one
    sentence, never the claim that what they just sent was kept."""
    update_id = update.update_id if isinstance(update, Update) else None
    log.warning("database not writable", extra={"update_id": update_id, "reason": str(error)})
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    if update.effective_chat.type != Chat.PRIVATE:
        return
    answer = core_texts.DISK_FULL if is_full(error) else core_texts.BUSY_DATABASE
    try:
        if update.callback_query is not None:
            await update.callback_query.answer()
        await context.bot.send_message(update.effective_chat.id, answer)
    except TelegramError:
        log.warning("could not report an error to the user", extra={"update_id": update_id})


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The one error handler: log the failure (never its message text), tell the person."""
    update_id = update.update_id if isinstance(update, Update) else None
    error = context.error
    if isinstance(error, drafts.AlreadyHandled):
        log.info("update handled before", extra={"update_id": update_id})
        return
    if error is not None and cannot_write(error):
        await _tell_cannot_write(update, context, error)
        return
    log.error(
        "update failed",
        exc_info=(type(error), error, error.__traceback__) if error else None,
        extra={"update_id": update_id},
    )
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    if update.effective_chat.type != Chat.PRIVATE:
        return
    if update.callback_query is not None:
        # Answering may fail (the press is too old); the sentence below must still go out.
        try:
            await update.callback_query.answer()
        except TelegramError:
            log.info("could not answer the press after an error", extra={"update_id": update_id})
    try:
        await context.bot.send_message(update.effective_chat.id, texts.ERROR)
    except TelegramError:
        log.warning("could not report an error to the user", extra={"update_id": update_id})
