"""The bot's own web server (Starlette + uvicorn), as in python-telegram-bot's
customwebhookbot example: Telegram posts updates to the webhook route, other parts of
Impactbot (participants' pages) add their routes beside it.

    web = build_web_app(application, settings, extra_routes=[...])

The webhook route is there only when [telegram.webhook] url is set; without it the same
server can serve other pages while the bot polls. Every webhook request must carry Telegram's
secret header (X-Telegram-Bot-Api-Secret-Token); anything else gets 403 and is not read.

Behind a reverse proxy every request comes from the proxy's address; uvicorn reads the
visitor's from X-Forwarded-For, but only from the proxies in [web] forwarded_allow_ips
(`uvicorn_options`), so a visitor cannot make up an address to dodge the rate limit.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import ClientDisconnect, Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import BaseRoute, Route
from telegram import Update
from telegram.ext import Application

from bot.core import texts
from bot.core.webheaders import SecurityHeaders
from ground.settings import Settings
from store.db import cannot_write
from store.health import Health, check_writable

log = logging.getLogger("impactbot.bot")

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
# Telegram sends at most a few hundred kB per update; a larger body is not an update.
MAX_UPDATE_BYTES = 1_000_000


MAX_DEPTH = 24  # a real update nests about 8 deep (a reply to a message with entities)
MAX_UPDATE_ID = 2**53


def _refuse_constant(name: str) -> object:
    raise ValueError(f"no {name} in an update")


def _depth_ok(value: object) -> bool:
    """No deeper than MAX_DEPTH, checked without recursion (a deep list must not crash us)."""
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            return False
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return True


def read_update(body: bytes) -> dict[str, Any] | None:
    """The update in a webhook body, or None for junk: not JSON (NaN and Infinity are not),
    not an object, nested too deep, no whole-number update_id, or a field that should be an
    object and is not. python-telegram-bot only ever sees what passes here."""
    try:
        data = json.loads(body, parse_constant=_refuse_constant)
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or not _depth_ok(data):
        return None
    update_id = data.get("update_id")
    if type(update_id) is not int or not 0 <= update_id < MAX_UPDATE_ID:
        return None
    if any(not isinstance(v, dict) for k, v in data.items() if k != "update_id"):
        return None  # every other field of an Update is an object (a message, a press, …)
    return data


def uvicorn_options(settings: Settings) -> dict[str, Any]:
    """How uvicorn treats proxy headers: set here, not by its FORWARDED_ALLOW_IPS variable."""
    trusted = settings.web.forwarded_allow_ips
    # Nobody trusted: proxy headers are not read at all.
    return {"proxy_headers": bool(trusted), "forwarded_allow_ips": trusted}


def webhook_path(settings: Settings) -> str:
    return "/" + settings.telegram.webhook.path.strip("/")


def build_web_app(
    application: Application,
    settings: Settings,
    extra_routes: Sequence[BaseRoute] = (),
) -> SecurityHeaders:
    webhook = settings.telegram.webhook
    routes: list[BaseRoute] = [
        Route("/healthz", HealthRoute(settings.storage.database).answer, methods=["GET"])
    ]
    if webhook.url:
        secret = webhook.secret_token.get_secret_value() if webhook.secret_token else ""
        if not secret:
            raise ValueError("a webhook needs a secret token")

        async def receive(request: Request) -> Response:
            given = request.headers.get(SECRET_HEADER, "")
            if not hmac.compare_digest(given.encode(), secret.encode()):
                log.warning("webhook request without the right secret refused")
                return PlainTextResponse("Forbidden", status_code=403)
            try:
                body = await request.body()
            except ClientDisconnect:  # too slow (bot.core.webserver) or gone: nothing to answer
                return Response(status_code=400)
            if len(body) > MAX_UPDATE_BYTES:
                return PlainTextResponse("Too large", status_code=413)
            data = read_update(body)
            update = None
            if data is not None:
                try:
                    update = Update.de_json(data, application.bot)
                except Exception:  # noqa: BLE001 - any shape the library cannot read is junk
                    update = None
            if update is None:
                log.warning("webhook request that is no update refused")
                return PlainTextResponse("Bad Request", status_code=400)
            # Handled in the background, like a polled update; Telegram only needs the 200.
            await application.update_queue.put(update)
            return Response(status_code=200)

        routes.append(Route(webhook_path(settings), receive, methods=["POST"]))
    routes.extend(extra_routes)
    handlers = {404: _not_found, 405: _not_allowed, 500: _server_error}
    return SecurityHeaders(Starlette(routes=routes, exception_handlers=handlers))


# Plain Dutch for whoever finds these; never a stack trace.
async def _not_found(request: Request, exc: Exception) -> Response:
    return PlainTextResponse(texts.WEB_NOT_FOUND, status_code=404)


async def _not_allowed(request: Request, exc: Exception) -> Response:
    return PlainTextResponse(texts.WEB_NOT_ALLOWED, status_code=405)


async def _server_error(request: Request, exc: Exception) -> Response:
    if cannot_write(exc):
        return PlainTextResponse(
            texts.WEB_CANNOT_WRITE, status_code=503, headers={"Retry-After": "60"}
        )
    return PlainTextResponse(texts.WEB_ERROR, status_code=500)


HEALTH_BROKEN = "fout: de database kan niet worden geschreven (de reden staat in het log)"


class HealthRoute:
    """`ok` (200) while the database can be written or is only busy for a while (another
    program holds the lock: the bot waits and answers meanwhile); 503 with the reason when it
    cannot be written at all. The check runs in a worker thread, at most every few seconds,
    so the page answers at once also when the database is held."""

    EVERY = 5.0

    def __init__(self, database: str | Path) -> None:
        self.database = Path(database)
        self.last: tuple[float, Health] | None = None
        self.lock = asyncio.Lock()

    async def answer(self, request: Request) -> Response:
        health = await self.check()
        if not health.writable:
            log.warning("health check: database not writable", extra={"reason": health.reason})
            # The page is on the open internet: the reason (paths, free space) goes to the log
            # only, for whoever keeps the server; the page says where to look.
            return PlainTextResponse(HEALTH_BROKEN, status_code=503)
        return PlainTextResponse("ok" if health.state == "ok" else "ok (database even bezet)")

    async def check(self) -> Health:
        async with self.lock:
            now = time.monotonic()
            if self.last is None or now - self.last[0] > self.EVERY:
                found = await asyncio.to_thread(check_writable, self.database)
                self.last = (time.monotonic(), found)
            return self.last[1]
