"""State the bot keeps between messages: reports in progress and keys of handled updates.

A draft is one JSON document per Telegram user, rewritten at every step, so a crash or a
restart of the bot loses nothing a leader already entered. The `processed` table remembers
which Telegram updates were handled, so a redelivered update is not handled twice.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlite_utils

from store.db import now_iso, transaction
from store.sessions import (
    SessionIn,
    replace_in_transaction,
    store_in_transaction,
    validate_session,
)
from toc.models import Catalogue

# Keys of handled Telegram input: an update, a message (chat + message id, so a message
# redelivered under a new update id counts too) and a button press (callback query id).
HANDLED_PREFIXES = ("update:", "msg:", "cbq:")


class AlreadyHandled(Exception):
    """A key was claimed before: this input was handled already; nothing was written."""


def claim_in_transaction(db: sqlite_utils.Database, keys: Sequence[str]) -> None:
    """Claim every key inside the caller's transaction; raises AlreadyHandled (the caller's
    transaction rolls back) when one was claimed before."""
    at = now_iso()
    for key in keys:
        cursor = db.execute(
            "INSERT OR IGNORE INTO processed (key, result, at) VALUES (?, NULL, ?)", [key, at]
        )
        if not cursor.rowcount:
            raise AlreadyHandled(key)


def save_draft(
    db: sqlite_utils.Database,
    telegram_id: int,
    draft_id: str,
    data: dict[str, Any],
    claims: Sequence[str] = (),
) -> None:
    """Write (or overwrite) the user's draft in one committed transaction, claiming the keys
    of the input that changed it (see claim_in_transaction)."""
    payload = json.dumps(data, ensure_ascii=False, default=str, sort_keys=True)
    # Not durable: a report in progress may lose its last step on a power failure (never on
    # a crash of the bot); a saved report is always durable (save_report).
    with transaction(db, durable=False):
        claim_in_transaction(db, claims)
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


def save_report(
    db: sqlite_utils.Database,
    catalogue: Catalogue,
    session: SessionIn,
    actor: str,
    *,
    telegram_id: int,
    draft_id: str,
    replaces: int | None = None,
    claims: Sequence[str] = (),
) -> int:
    """Opslaan in one transaction (one commit): claim the press, store (or correct) the
    session, drop the draft. Returns the session id; raises SessionInvalid, AlreadyHandled."""
    validate_session(catalogue, session)
    with transaction(db):
        claim_in_transaction(db, claims)
        if replaces is not None:
            replace_in_transaction(db, catalogue, replaces, session, actor)
            session_id = replaces
        else:
            session_id = store_in_transaction(db, catalogue, session, actor).session_id
        db.execute(
            "DELETE FROM drafts WHERE telegram_id = ? AND draft_id = ?", [telegram_id, draft_id]
        )
    return session_id


def claim_all(db: sqlite_utils.Database, keys: Sequence[str]) -> bool:
    """Claim keys in their own transaction; False (nothing written) if one was claimed."""
    try:
        with transaction(db, durable=False):
            claim_in_transaction(db, keys)
    except AlreadyHandled:
        return False
    return True


def claimed_any(db: sqlite_utils.Database, keys: Sequence[str]) -> bool:
    if not keys:
        return False
    marks = ", ".join("?" for _ in keys)
    row = db.execute(f"SELECT 1 FROM processed WHERE key IN ({marks}) LIMIT 1", list(keys))
    return row.fetchone() is not None


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


def prune_processed(
    db: sqlite_utils.Database, days: int = 14, prefixes: Sequence[str] = HANDLED_PREFIXES
) -> int:
    """Forget handled input older than `days`; Telegram never redelivers that late."""
    cutoff = (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="seconds")
    removed = 0
    with transaction(db):
        for prefix in prefixes:
            cursor = db.execute(
                "DELETE FROM processed WHERE key LIKE ? AND at < ?", [prefix + "%", cutoff]
            )
            removed += cursor.rowcount
    return removed
