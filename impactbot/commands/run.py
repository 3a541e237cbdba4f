"""`impactbot run`: start the bot. Long polling, or a webhook when [telegram.webhook] url is set.

Both run in one asyncio loop with the bot's own web server (bot/core/web.py: the webhook
route, a health route and any extra routes) when there is something to serve. The webhook
checks Telegram's secret-token header (X-Telegram-Bot-Api-Secret-Token) on every request and
answers 403 to anything without the right secret.

At start-up an unreachable Bot API is tried again with a growing pause, one Dutch line per
try, until it answers ([telegram] start_attempts limits the tries; 0 keeps trying).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
import sys
from collections.abc import Iterator, Sequence
from typing import Any

from telegram import Update
from telegram.error import InvalidToken, NetworkError

from ground.errors import ImpactbotError, SettingsError
from ground.settings import WEBHOOK_SECRET_ENV, Settings

log = logging.getLogger("impactbot.bot")
MAX_PAUSE = 60.0


class BotApiUnreachable(ImpactbotError):
    """The Bot API did not answer within the allowed start attempts."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "run",
        help="start de Telegram-bot",
        description=(
            "Start de bot: long polling, of een webhook als [telegram.webhook] url is ingesteld. "
            "Het token komt uit de omgevingsvariabele IMPACTBOT_TELEGRAM_TOKEN."
        ),
    )
    parser.set_defaults(func=run)


def check_webhook(settings: Settings) -> None:
    webhook = settings.telegram.webhook
    if webhook.url and (
        webhook.secret_token is None or not webhook.secret_token.get_secret_value()
    ):
        raise SettingsError(
            f"Voor een webhook is een geheim nodig: zet het in de omgevingsvariabele "
            f"{WEBHOOK_SECRET_ENV} (letters, cijfers, _ en -)."
        )


def say(line: str) -> None:
    """One line for the person starting the bot (the logs have the details)."""
    print(line, file=sys.stderr, flush=True)


async def connect(app: Any, settings: Settings) -> None:
    """getMe until the Bot API answers; a wrong token stops at once."""
    tg = settings.telegram
    attempt = 0
    while True:
        attempt += 1
        try:
            await app.bot.initialize()
            break
        except InvalidToken as exc:
            raise SettingsError(
                "Telegram kent dit bot-token niet. Controleer IMPACTBOT_TELEGRAM_TOKEN "
                "(het token dat BotFather gaf)."
            ) from exc
        except NetworkError:
            if tg.start_attempts and attempt >= tg.start_attempts:
                raise BotApiUnreachable(
                    f"De Telegram Bot API op {tg.base_url} antwoordt niet na {attempt} "
                    "pogingen. Controleer de netwerkverbinding en [telegram] base_url."
                ) from None
            pause = min(MAX_PAUSE, max(tg.retry_delay, 0.1) * 2 ** (attempt - 1))
            unit = "seconde" if pause == 1 else "seconden"
            say(
                f"De Telegram Bot API op {tg.base_url} antwoordt niet (poging {attempt}); "
                f"ik probeer het over {f'{pause:g}'.replace('.', ',')} {unit} opnieuw."
            )
            await asyncio.sleep(pause)
    warn_name(app.bot.username, settings)


def warn_name(actual: str | None, settings: Settings) -> None:
    configured = settings.telegram.bot_username.lstrip("@")
    if configured and actual and configured.lower() != actual.lower():
        say(
            f"Let op: [telegram] bot_username is '{configured}', maar dit token hoort bij "
            f"'{actual}'; uitnodigingslinks wijzen dan naar de verkeerde bot."
        )


class _Server:
    """uvicorn without its own signal handling: `serve_app` owns SIGINT/SIGTERM."""

    def __init__(self, web: Any, settings: Settings) -> None:
        import uvicorn

        from bot.core.web import uvicorn_options
        from bot.core.webserver import BACKLOG, KEEP_ALIVE_SECONDS, guarded_protocol

        class Quiet(uvicorn.Server):
            @contextlib.contextmanager
            def capture_signals(self) -> Iterator[None]:
                yield

        webhook = settings.telegram.webhook
        config = uvicorn.Config(
            web,
            host=webhook.listen,
            port=webhook.port,
            log_config=None,
            access_log=False,
            lifespan="off",
            # Idle and slow visitors are disconnected, open connections capped (webserver.py).
            http=guarded_protocol(),
            timeout_keep_alive=KEEP_ALIVE_SECONDS,
            backlog=BACKLOG,
            server_header=False,
            **uvicorn_options(settings),
        )
        self.server = Quiet(config)

    async def serve(self) -> None:
        await self.server.serve()

    def stop(self) -> None:
        self.server.should_exit = True


async def serve_app(app: Any, settings: Settings, extra_routes: Sequence[Any] = ()) -> str:
    """Run `app` until SIGINT/SIGTERM; returns the mode ("webhook" or "polling")."""
    from bot.core.web import build_web_app

    check_webhook(settings)
    webhook = settings.telegram.webhook
    mode = "webhook" if webhook.url else "polling"
    await connect(app, settings)
    stopped = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stopped.set)
    server: _Server | None = None
    try:
        await app.initialize()
        if app.post_init is not None:
            await app.post_init(app)
        if mode == "polling":
            await app.updater.start_polling(
                timeout=settings.telegram.poll_timeout, allowed_updates=Update.ALL_TYPES
            )
        await app.start()
        if mode == "polling" and not extra_routes:
            log.info("bot running", extra={"mode": mode})
            await stopped.wait()
            return mode
        from bot.core.webserver import quiet_accept_errors

        quiet_accept_errors(loop)
        server = _Server(build_web_app(app, settings, extra_routes), settings)
        serving = asyncio.create_task(server.serve())
        while not server.server.started and not serving.done():
            await asyncio.sleep(0.02)
        if serving.done():
            with contextlib.suppress(BaseException):
                await serving  # uvicorn exits when it cannot bind; say it in one sentence
            raise SettingsError(
                f"De webserver kan niet luisteren op {webhook.listen}:{webhook.port}. Is die "
                "poort al in gebruik? Kies een andere in [telegram.webhook] port."
            )
        if mode == "webhook":
            # Only now: Telegram delivers as soon as the webhook is set.
            assert webhook.secret_token is not None
            await app.bot.set_webhook(
                url=webhook.url,
                secret_token=webhook.secret_token.get_secret_value(),
                allowed_updates=Update.ALL_TYPES,
            )
        log.info("bot running", extra={"mode": mode})
        waiting = asyncio.create_task(stopped.wait())
        await asyncio.wait({serving, waiting}, return_when=asyncio.FIRST_COMPLETED)
        server.stop()
        waiting.cancel()
        await serving
    finally:
        log.info("bot stopping")
        if app.updater is not None and app.updater.running:
            await app.updater.stop()
        if app.running:
            await app.stop()
        if app.post_stop is not None:
            await app.post_stop(app)
        await app.shutdown()
        if app.post_shutdown is not None:
            await app.post_shutdown(app)
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.remove_signal_handler(sig)
    return mode


def run(args: argparse.Namespace, settings: Settings) -> int:
    from bot.app import build_application
    from bot.core.logging import setup_logging
    from bot.participant.web import routes_for_application
    from store.backup import database_lock
    from store.db import open_db

    settings.token()  # a clear message before anything starts when the token is missing
    check_webhook(settings)
    setup_logging(settings)
    # One bot per database, and `impactbot restore` waits for it to stop (the lock).
    with database_lock(settings.storage.database):
        # Migrate here, with a backup into [storage] backups first, before the bot starts.
        open_db(settings.storage.database, settings.storage.backup_folder()).conn.close()
        app = build_application(settings)
        # The participants' page is served beside the webhook, or on its own when a public
        # address for participants is set in polling mode.
        routes = (
            routes_for_application(app, settings)
            if settings.telegram.webhook.url or settings.participants.public_url
            else []
        )
        asyncio.run(serve_app(app, settings, routes))
    return 0
