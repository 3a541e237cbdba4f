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

import hmac
import json
import logging
from collections.abc import Sequence
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import BaseRoute, Route
from telegram import Update
from telegram.ext import Application

from ground.settings import Settings

log = logging.getLogger("impactbot.bot")

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
# Telegram sends at most a few hundred kB per update; a larger body is not an update.
MAX_UPDATE_BYTES = 1_000_000


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
) -> Starlette:
    webhook = settings.telegram.webhook
    routes: list[BaseRoute] = [Route("/healthz", _health, methods=["GET"])]
    if webhook.url:
        secret = webhook.secret_token.get_secret_value() if webhook.secret_token else ""
        if not secret:
            raise ValueError("a webhook needs a secret token")

        async def receive(request: Request) -> Response:
            given = request.headers.get(SECRET_HEADER, "")
            if not hmac.compare_digest(given.encode(), secret.encode()):
                log.warning("webhook request without the right secret refused")
                return PlainTextResponse("Forbidden", status_code=403)
            body = await request.body()
            if len(body) > MAX_UPDATE_BYTES:
                return PlainTextResponse("Too large", status_code=413)
            try:
                data = json.loads(body)
                update = Update.de_json(data, application.bot)
            except (ValueError, TypeError, KeyError):
                log.warning("webhook request that is no update refused")
                return PlainTextResponse("Bad Request", status_code=400)
            # Handled in the background, like a polled update; Telegram only needs the 200.
            await application.update_queue.put(update)
            return Response(status_code=200)

        routes.append(Route(webhook_path(settings), receive, methods=["POST"]))
    routes.extend(extra_routes)
    return Starlette(routes=routes)


async def _health(request: Request) -> Response:
    return PlainTextResponse("ok")
