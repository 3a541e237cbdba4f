"""The bot's web server on the open internet: idle and slow clients cannot make it deaf.

uvicorn's own HTTP protocol, with three additions (`GuardedH11`):

- a request (its headers and its body) must have arrived within REQUEST_SECONDS of the
  connection opening or of its first byte after a previous answer; a client that sends half a
  header, or a Content-Length that never comes, is disconnected then;
- at most `connection_cap()` connections are open at once; a new one beyond that closes the
  oldest connection that is still only waiting (never one whose answer is being made), so
  Telegram, /healthz and real visitors get in while a flood of idle connections goes stale;
- the cap fits the process's limit of open files (RLIMIT_NOFILE; LimitNOFILE in
  deploy/impactbot.service), and a short listen backlog (BACKLOG) bounds how many are
  accepted in one go before the cap can act, so accepting never runs out of descriptors.

`quiet_accept_errors(loop)` logs asyncio's "socket.accept() out of system resource" at most
once a minute (it came 700,000 times in 2.5 minutes when the limit was reached).
"""

from __future__ import annotations

import asyncio
import logging
import resource
import time
from typing import Any, ClassVar

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

log = logging.getLogger("impactbot.web")

REQUEST_SECONDS = 10.0
KEEP_ALIVE_SECONDS = 5
MAX_CONNECTIONS = 500
# asyncio accepts up to `backlog` connections in one go before any of them reaches
# connection_made (where the cap closes the extra ones), so the backlog bounds the overshoot.
BACKLOG = 128
# File descriptors kept for everything but visitors: the database (file, WAL, shm per
# connection), the log, and the bot's own connections to the Bot API (a pool of 256).
RESERVED_FILES = 320
LOG_EVERY = 60.0


def connection_cap(configured: int = MAX_CONNECTIONS) -> int:
    """Open web connections allowed at once, within the process's limit of open files."""
    soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY:
        return configured
    return max(16, min(configured, (soft - RESERVED_FILES - BACKLOG) // 2))


class _Once:
    """A log line at most every LOG_EVERY seconds per key."""

    def __init__(self) -> None:
        self.last: dict[str, float] = {}

    def due(self, key: str) -> bool:
        now = time.monotonic()
        if now - self.last.get(key, -LOG_EVERY) < LOG_EVERY:
            return False
        self.last[key] = now
        return True


_once = _Once()


class GuardedH11(H11Protocol):
    """uvicorn's h11 protocol with a request deadline and a cap on open connections."""

    cap: ClassVar[int] = MAX_CONNECTIONS
    request_seconds: ClassVar[float] = REQUEST_SECONDS

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._opened = self.loop.time()
        self._deadline: asyncio.TimerHandle | None = None
        self._arm()
        if len(self.connections) > self.cap:
            self._make_room()

    def data_received(self, data: bytes) -> None:
        if self._deadline is None and self.conn.their_state is h11.IDLE:
            self._opened = self.loop.time()  # the next request on a kept-alive connection
            self._arm()
        super().data_received(data)

    def connection_lost(self, exc: Exception | None) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None
        super().connection_lost(exc)

    # -- the deadline -------------------------------------------------------------------------

    def _arm(self) -> None:
        self._deadline = self.loop.call_later(self.request_seconds, self._too_slow)

    def _waiting_for_client(self) -> bool:
        """Still reading the request (or idle): nothing of ours is being made."""
        state = self.conn.their_state
        if state is h11.SEND_BODY:  # a body still coming in: the app waits for the client
            return True
        answering = self.cycle is not None and not self.cycle.response_complete
        return state is h11.IDLE and not answering

    def _too_slow(self) -> None:
        self._deadline = None
        if self._waiting_for_client():
            self._too_slow_now()

    # -- the cap ------------------------------------------------------------------------------

    def _make_room(self) -> None:
        waiting = [
            c
            for c in self.connections
            if isinstance(c, GuardedH11) and c is not self and c._waiting_for_client()
        ]
        victim: GuardedH11 = min(waiting, key=lambda c: c._opened) if waiting else self
        if _once.due("cap"):
            log.warning(
                "web connections at their cap: the oldest waiting one is closed",
                extra={"cap": self.cap},
            )
        victim._too_slow_now()

    def _too_slow_now(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None
        if not self.transport.is_closing():
            if self.cycle is not None and not self.cycle.response_complete:
                self.cycle.disconnected = True
                self.cycle.message_event.set()
            self.transport.close()


def guarded_protocol(cap: int | None = None) -> type[GuardedH11]:
    """The protocol class for uvicorn.Config(http=...), with the cap for this process."""

    class Capped(GuardedH11):
        pass

    Capped.cap = cap if cap is not None else connection_cap()
    return Capped


def quiet_accept_errors(loop: asyncio.AbstractEventLoop) -> None:
    """asyncio reports every failed accept(); say it once a minute, in the bot's own log."""
    previous = loop.get_exception_handler()

    def handler(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        message = str(context.get("message", ""))
        if "accept" in message or "_start_serving" in message:
            if _once.due("accept"):
                log.error(
                    "web server cannot accept connections (out of open files?); "
                    "said at most once a minute",
                    extra={"reason": message},
                )
            return
        if previous is not None:
            previous(loop, context)
        else:
            loop.default_exception_handler(context)

    loop.set_exception_handler(handler)
