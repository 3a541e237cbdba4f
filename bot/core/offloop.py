"""Figures a manager asks for are computed in a worker thread on a connection of its own, so
a leader's report is never held up by a /stand over millions of sessions (as /rapport).

SQLite in WAL mode lets the worker read while the bot writes; the worker sees the last
committed state. Its connection is read-only: nothing a manager reads can change data.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable
from typing import TypeVar

import sqlite_utils

from bot.core.dbthread import DatabaseThread

T = TypeVar("T")


def _read_only(path: str) -> sqlite_utils.Database:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 30000")
    return sqlite_utils.Database(conn)


async def read_off_loop(store: DatabaseThread, work: Callable[[sqlite_utils.Database], T]) -> T:
    """`work(reader)` in a worker thread, with a read-only connection to the same file."""
    path = store.path
    if not path:  # an in-memory database has no file to share: read it in the database thread
        return await store(work)

    def run() -> T:
        reader = _read_only(path)
        try:
            return work(reader)
        finally:
            reader.conn.close()

    return await asyncio.to_thread(run)
