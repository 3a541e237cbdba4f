"""State the bot keeps between messages: reports in progress and keys of handled updates.

A draft is one JSON document per Telegram user, rewritten at every step, so a crash or a
restart of the bot loses nothing a leader already entered. The `processed` table remembers
which Telegram updates were handled, so a redelivered update is not handled twice.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlite_utils

from store.db import now_iso, transaction


def save_draft(
    db: sqlite_utils.Database, telegram_id: int, draft_id: str, data: dict[str, Any]
) -> None:
    """Write (or overwrite) the user's draft in one committed transaction."""
    payload = json.dumps(data, ensure_ascii=False, default=str, sort_keys=True)
    with transaction(db):
        db.execute(
            "INSERT INTO drafts (telegram_id, draft_id, data, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (telegram_id) DO UPDATE SET draft_id = excluded.draft_id, "
            "data = excluded.data, updated_at = excluded.updated_at",
            [telegram_id, draft_id, payload, now_iso()],
        )


def load_draft(db: sqlite_utils.Database, telegram_id: int) -> dict[str, Any] | None:
    row = db.execute("SELECT data FROM drafts WHERE telegram_id = ?", [telegram_id]).fetchone()
    return json.loads(row[0]) if row else None


def delete_draft(db: sqlite_utils.Database, telegram_id: int, draft_id: str | None = None) -> bool:
    """Remove the user's draft (only if it is still `draft_id`, when given)."""
    sql = "DELETE FROM drafts WHERE telegram_id = ?"
    params: list[object] = [telegram_id]
    if draft_id is not None:
        sql += " AND draft_id = ?"
        params.append(draft_id)
    with transaction(db):
        return bool(db.execute(sql, params).rowcount)


def claim(db: sqlite_utils.Database, key: str, result: str | None = None) -> bool:
    """Record `key` as handled; False when it was handled before (a redelivery)."""
    with transaction(db):
        cursor = db.execute(
            "INSERT OR IGNORE INTO processed (key, result, at) VALUES (?, ?, ?)",
            [key, result, now_iso()],
        )
        return bool(cursor.rowcount)


def was_claimed(db: sqlite_utils.Database, key: str) -> bool:
    return db.execute("SELECT 1 FROM processed WHERE key = ?", [key]).fetchone() is not None


def prune_processed(db: sqlite_utils.Database, days: int = 14, prefix: str = "update:") -> int:
    """Forget handled update ids older than `days`; Telegram never redelivers that late."""
    cutoff = (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="seconds")
    with transaction(db):
        cursor = db.execute(
            "DELETE FROM processed WHERE key LIKE ? AND at < ?", [prefix + "%", cutoff]
        )
        return cursor.rowcount
