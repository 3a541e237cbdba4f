"""The bot's database work runs in one worker thread, never on the event loop.

One thread owns the bot's connection (one writer, as SQLite allows anyway), and handlers,
jobs and web routes hand it their store calls: `await services(context).store(fn, *args)`
runs `fn(db, *args)` there and returns its result. So while another process holds the write
lock (an import, `impactbot check --herstel-tellingen`, a sqlite3 session), only the calls that
need the database wait; /healthz, the web page and every answer that needs no database stay
immediate, however many leaders press Opslaan meanwhile.

Calls run one after another in the order they were asked, each in full: a call is the unit of
atomicity (a save with its claims is one call, store.drafts), exactly as when they ran on the
loop. The context of the asking task goes with the call, so the keys that bot.core.claims keeps
in a context variable are claimed in the call's own transaction.

How long a write waits for the lock (WAIT_MS) counts from the moment it was asked, queueing
included: a call that waited its turn behind others blocked on the same lock gets only what is
left (at least nothing: then it tries once). So every call answers within about WAIT_MS of
being asked however long the queue (a handler makes a few calls, so a leader hears back within
a few times that), and no queue builds up behind a lock held for minutes.

Reads that every update makes (was this input handled before, who is this) go to a second
thread with a read-only connection of its own (`read`): in WAL a reader never waits for the
write lock, so a chat that only needs to know who is asking is answered at once even while the
writer thread waits for a lock. It sees everything committed, so everything a call of the
writer thread returned from.
"""

from __future__ import annotations

import asyncio
import contextvars
import sqlite3
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

import sqlite_utils

P = ParamSpec("P")
T = TypeVar("T")

# Why 3 s: locks taken by Impactbot's own commands (a backup's copy, a recount, a batch of an
# import, the persistence thread) are released within a second or two, so a wait of 3 s rides
# them out and the leader never notices; a lock held longer is a long job (a big import, a
# sqlite3 session left open) that waiting a little more would not outlast. On the loop the
# bot could afford only 0.6 s (the whole bot stood still meanwhile); here only the asker waits,
# and 3 s is still well inside the moment a leader looks at the phone after tapping Opslaan.
WAIT_MS = 3_000


def database_path(db: sqlite_utils.Database) -> str:
    """The file behind an open connection ("" in memory), so another thread can open its own."""
    return str(db.execute("PRAGMA database_list").fetchone()[2])


class DatabaseThread:
    """Runs store calls on `db` in one worker thread; see the module's docstring."""

    def __init__(self, db: sqlite_utils.Database, wait_ms: int = WAIT_MS) -> None:
        self.db = db
        self.wait_ms = wait_ms
        self.path = database_path(db)  # read once, before the thread owns the connection
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="impactbot-db")
        self._readers = ThreadPoolExecutor(max_workers=1, thread_name_prefix="impactbot-db-read")
        self._reader: sqlite_utils.Database | None = None

    async def __call__(
        self,
        fn: Callable[Concatenate[sqlite_utils.Database, P], T],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> T:
        """`fn(db, *args, **kwargs)` in the worker thread; its result, or its exception."""
        asked = time.monotonic()

        def work() -> T:
            queued_ms = (time.monotonic() - asked) * 1000
            left = max(0, int(self.wait_ms - queued_ms))
            self.db.conn.execute(f"PRAGMA busy_timeout = {left}")
            return fn(self.db, *args, **kwargs)

        context = contextvars.copy_context()
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._worker, context.run, work)

    async def read(
        self,
        fn: Callable[Concatenate[sqlite_utils.Database, P], T],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> T:
        """`fn(reader, *args, **kwargs)` on the read-only connection, in the reading thread;
        `fn` must only read (the connection refuses writes). In memory: the writer thread."""
        if not self.path:
            return await self(fn, *args, **kwargs)

        def work() -> T:
            if self._reader is None:
                uri = f"{Path(self.path).as_uri()}?mode=ro"
                conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
                conn.execute(f"PRAGMA busy_timeout = {int(self.wait_ms)}")
                self._reader = sqlite_utils.Database(conn)
            return fn(self._reader, *args, **kwargs)

        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._readers, contextvars.copy_context().run, work)

    def close(self) -> None:
        """Let the calls already asked finish, then close the connections."""
        self._readers.shutdown(wait=True)
        if self._reader is not None:
            self._reader.conn.close()
            self._reader = None
        self._worker.shutdown(wait=True)
        self.db.conn.close()
