"""python-telegram-bot persistence in the Impactbot database, as JSON (never pickle).

Everything lives in the `ptb_state` table as (kind, key) -> JSON text: kind is `user`, `chat`,
`bot`, `callback` or `conv:<handler name>`. Every write is one committed transaction, so a
crash leaves either the old or the new value. Values must be plain JSON (dicts, lists, text,
numbers); dictionary keys come back as text, like with PTB's own DictPersistence.

The bot's reports in progress do not depend on this: they are written to the `drafts` table
at every step (see store.drafts). This keeps the library's own state (user_data, chat_data,
conversations) across restarts as well.

Writes run in one worker thread of their own (never on the bot's event loop, never two at a
time): a write lock held by another process makes them wait there, not the bot.
"""

from __future__ import annotations

import asyncio
import functools
import json
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import sqlite_utils
from telegram.ext import BasePersistence, PersistenceInput
from telegram.ext._utils.types import CDCData, ConversationDict, ConversationKey

from store.db import open_db, transaction

JSONDict = dict[str, Any]


class SQLitePersistence(BasePersistence[JSONDict, JSONDict, JSONDict]):
    """Stores user_data, chat_data, bot_data, callback_data and conversations in SQLite."""

    def __init__(
        self,
        path: str | Path,
        store_data: PersistenceInput | None = None,
        update_interval: float = 60,
    ) -> None:
        super().__init__(store_data=store_data, update_interval=update_interval)
        self.path = Path(path)
        self._db: sqlite_utils.Database | None = None
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="persistence")

    async def _off_loop(self, write: Callable[..., None], *args: Any) -> None:
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(self._worker, functools.partial(write, *args))

    # -- storage ----------------------------------------------------------------------------

    @property
    def db(self) -> sqlite_utils.Database:
        if self._db is None:
            self._db = open_db(self.path)
        return self._db

    def _all(self, kind: str) -> dict[str, Any]:
        rows = self.db.execute("SELECT key, data FROM ptb_state WHERE kind = ?", [kind])
        return {key: json.loads(data) for key, data in rows.fetchall()}

    def _one(self, kind: str, key: str) -> Any:
        row = self.db.execute(
            "SELECT data FROM ptb_state WHERE kind = ? AND key = ?", [kind, key]
        ).fetchone()
        return json.loads(row[0]) if row else None

    async def _store(self, kind: str, key: str, value: Any) -> None:
        # Serialised here, on the loop: the handlers change these dicts while the worker runs.
        payload = json.dumps(value, ensure_ascii=False, sort_keys=True)
        await self._off_loop(self._put, kind, key, payload, not value)

    def _put(self, kind: str, key: str, payload: str, empty: bool) -> None:
        # python-telegram-bot flushes the data of everyone who sent an update, changed or
        # not: a read spares a commit (and an fsync) per person per flush.
        row = self.db.execute(
            "SELECT data FROM ptb_state WHERE kind = ? AND key = ?", [kind, key]
        ).fetchone()
        if (row is not None and row[0] == payload) or (row is None and empty):
            return
        with transaction(self.db, durable=False):
            self.db.execute(
                "INSERT INTO ptb_state (kind, key, data) VALUES (?, ?, ?) "
                "ON CONFLICT (kind, key) DO UPDATE SET data = excluded.data",
                [kind, key, payload],
            )

    def _drop(self, kind: str, key: str) -> None:
        if self._one(kind, key) is None:
            return  # nothing to delete: write nothing at all
        with transaction(self.db):
            self.db.execute("DELETE FROM ptb_state WHERE kind = ? AND key = ?", [kind, key])

    # -- reading ----------------------------------------------------------------------------

    async def get_user_data(self) -> dict[int, JSONDict]:
        return {int(key): value for key, value in self._all("user").items()}

    async def get_chat_data(self) -> dict[int, JSONDict]:
        return {int(key): value for key, value in self._all("chat").items()}

    async def get_bot_data(self) -> JSONDict:
        return self._one("bot", "") or {}

    async def get_callback_data(self) -> CDCData | None:
        stored = self._one("callback", "")
        if stored is None:
            return None
        buttons, queries = stored
        return [(uuid, float(at), data) for uuid, at, data in buttons], queries

    async def get_conversations(self, name: str) -> ConversationDict:
        return {tuple(json.loads(key)): state for key, state in self._all(f"conv:{name}").items()}

    # -- writing ----------------------------------------------------------------------------

    async def update_conversation(
        self, name: str, key: ConversationKey, new_state: object | None
    ) -> None:
        if new_state is None:
            await self._off_loop(self._drop, f"conv:{name}", json.dumps(list(key)))
        else:
            await self._store(f"conv:{name}", json.dumps(list(key)), new_state)

    # python-telegram-bot hands over an (empty) entry for everyone who sent an update, also
    # strangers and anonymous participants. An empty entry is not kept: their Telegram id must
    # not end up in the file for nothing.
    async def update_user_data(self, user_id: int, data: JSONDict) -> None:
        if data:
            await self._store("user", str(user_id), data)
        else:
            await self._off_loop(self._drop, "user", str(user_id))

    async def update_chat_data(self, chat_id: int, data: JSONDict) -> None:
        if data:
            await self._store("chat", str(chat_id), data)
        else:
            await self._off_loop(self._drop, "chat", str(chat_id))

    async def update_bot_data(self, data: JSONDict) -> None:
        await self._store("bot", "", data)

    async def update_callback_data(self, data: CDCData) -> None:
        buttons, queries = data
        await self._store("callback", "", [[list(item) for item in buttons], queries])

    async def drop_chat_data(self, chat_id: int) -> None:
        await self._off_loop(self._drop, "chat", str(chat_id))

    async def drop_user_data(self, user_id: int) -> None:
        await self._off_loop(self._drop, "user", str(user_id))

    # The data in memory is always the newest: nothing to refresh from the database.
    async def refresh_user_data(self, user_id: int, user_data: JSONDict) -> None:
        return None

    async def refresh_chat_data(self, chat_id: int, chat_data: JSONDict) -> None:
        return None

    async def refresh_bot_data(self, bot_data: JSONDict) -> None:
        return None

    async def flush(self) -> None:
        """Every write is already committed; close the connection."""
        await asyncio.get_running_loop().run_in_executor(self._worker, self._close)

    def _close(self) -> None:
        if self._db is not None:
            self._db.conn.close()
            self._db = None
