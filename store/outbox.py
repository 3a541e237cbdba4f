"""Confirmations waiting to be delivered: written only when Telegram did not take one right
after the report was committed, and sent again at start-up and by a job.

`message_id` is the summary the confirmation was meant to replace (an edit that got no
answer may have been applied); `reply_markup` the buttons as JSON, so a retried edit is
identical to the first. Without a `message_id` the confirmation is a new message."""

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
    message_id: int | None = None
    reply_markup: str | None = None


def add(
    db: sqlite_utils.Database,
    chat_id: int,
    text: str,
    message_id: int | None = None,
    reply_markup: str | None = None,
) -> int:
    row = {
        "chat_id": chat_id,
        "text": text,
        "attempts": 0,
        "created_at": now_iso(),
        "message_id": message_id,
        "reply_markup": reply_markup,
    }
    with transaction(db):
        return insert(db, "outbox", row)


def waiting(db: sqlite_utils.Database, limit: int = 50) -> list[Waiting]:
    rows = db.execute(
        "SELECT id, chat_id, text, attempts, message_id, reply_markup FROM outbox "
        "ORDER BY id LIMIT ?",
        [limit],
    ).fetchall()
    return [Waiting(*row) for row in rows]


def not_editable(db: sqlite_utils.Database, item_id: int) -> None:
    """The summary is gone: from now on this confirmation is a new message."""
    with transaction(db):
        db.execute("UPDATE outbox SET message_id = NULL WHERE id = ?", [item_id])


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
