"""Security headers on every answer of the bot's web server, whoever made it: a page, a 404,
a 405, a redirect, the 500 of Starlette's error middleware. `SecurityHeaders` wraps the whole
application (outside Starlette's own middleware), so none slips past.

A route that sets its own header keeps it (the participants' page has a CSP that allows its
style sheet); the default CSP allows nothing, which fits every other answer (plain text).
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

DEFAULT_HEADERS: dict[str, str] = {
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; "
    "form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    # Ignored by browsers over plain http; behind the https proxy it keeps visitors on https.
    "Strict-Transport-Security": "max-age=31536000",
}
_ENCODED = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in DEFAULT_HEADERS.items()]


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"server"]
                present = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in _ENCODED if k not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)
