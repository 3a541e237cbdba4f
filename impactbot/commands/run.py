"""`impactbot run`: start the bot. Long polling, or a webhook when [telegram.webhook] url is set.

The webhook checks Telegram's secret-token header (X-Telegram-Bot-Api-Secret-Token) on every
request; python-telegram-bot answers 403 to anything without the right secret.
"""

from __future__ import annotations

import argparse
import logging
from typing import Any

from telegram import Update

from impactbot.errors import SettingsError
from impactbot.settings import WEBHOOK_SECRET_ENV, Settings

log = logging.getLogger("impactbot.bot")


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "run",
        help="start de Telegram-bot",
        description=(
            "Start de bot: long polling, of een webhook als [telegram.webhook] url is ingesteld. "
            "Het token komt uit de omgevingsvariabele IMPACTBOT_TELEGRAM_TOKEN."
        ),
    )
    parser.set_defaults(func=run)


def serve(app: Any, settings: Settings) -> str:
    """Run `app` until stopped; returns the mode used ("webhook" or "polling")."""
    webhook = settings.telegram.webhook
    if webhook.url:
        if webhook.secret_token is None or not webhook.secret_token.get_secret_value():
            raise SettingsError(
                f"Voor een webhook is een geheim nodig: zet het in de omgevingsvariabele "
                f"{WEBHOOK_SECRET_ENV} (letters, cijfers, _ en -)."
            )
        log.info("starting webhook", extra={"listen": webhook.listen, "port": webhook.port})
        app.run_webhook(
            listen=webhook.listen,
            port=webhook.port,
            url_path=webhook.path,
            webhook_url=webhook.url,
            secret_token=webhook.secret_token.get_secret_value(),
            allowed_updates=Update.ALL_TYPES,
        )
        return "webhook"
    log.info("starting long polling")
    app.run_polling(timeout=settings.telegram.poll_timeout, allowed_updates=Update.ALL_TYPES)
    return "polling"


def run(args: argparse.Namespace, settings: Settings) -> int:
    from bot.app import build_application
    from bot.core.logging import setup_logging
    from store.backup import database_lock
    from store.db import open_db

    settings.token()  # a clear message before anything starts when the token is missing
    setup_logging(settings)
    # One bot per database, and `impactbot restore` waits for it to stop (the lock).
    with database_lock(settings.storage.database):
        # Migrate here, with a backup into [storage] backups first, before the bot starts.
        open_db(settings.storage.database, settings.storage.backup_folder()).conn.close()
        serve(build_application(settings), settings)
    return 0
