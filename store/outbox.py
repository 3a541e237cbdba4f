"""Confirmations waiting to be delivered: written only when Telegram did not take one right
after the report was committed, and sent again at start-up and by a job."""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from store.db import insert, now_iso, transaction

# After this many failed tries (about five hours with the job every minute) a confirmation is
# given up: the report itself is stored and shows in /mijnverslagen.
MAX_ATTEMPTS = 300


@dataclass(frozen=True)
class Waiting:
    id: int
    chat_id: int
    text: str
    attempts: int


def add(db: sqlite_utils.Database, chat_id: int, text: str) -> int:
    with transaction(db):
        return insert(
            db, "outbox", {"chat_id": chat_id, "text": text, "attempts": 0, "created_at": now_iso()}
        )


def waiting(db: sqlite_utils.Database, limit: int = 50) -> list[Waiting]:
    rows = db.execute(
        "SELECT id, chat_id, text, attempts FROM outbox ORDER BY id LIMIT ?", [limit]
    ).fetchall()
    return [Waiting(*row) for row in rows]


def delivered(db: sqlite_utils.Database, item_id: int) -> None:
    with transaction(db):
        db.execute("DELETE FROM outbox WHERE id = ?", [item_id])


def failed(db: sqlite_utils.Database, item_id: int) -> bool:
    """Count a failed try; True when the confirmation is given up (and removed)."""
    with transaction(db):
        db.execute("UPDATE outbox SET attempts = attempts + 1 WHERE id = ?", [item_id])
        cursor = db.execute(
            "DELETE FROM outbox WHERE id = ? AND attempts >= ?", [item_id, MAX_ATTEMPTS]
        )
        return bool(cursor.rowcount)
