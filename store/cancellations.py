"""Planned (rooster) sessions that did not take place ("Ging niet door").

A cancelled date is no gap in /gaten or the digest and gets no reminder. A session reported
for that date later still counts as usual: the cancellation only hides the missing report.
"""

from __future__ import annotations

from datetime import date

import sqlite_utils

from store import audit
from store.db import now_iso, transaction


def cancel(
    db: sqlite_utils.Database, vestiging: str, activity: str, day: date, person_id: int | None
) -> bool:
    """Record that the session did not take place; True when new, False when already known."""
    with transaction(db):
        cursor = db.execute(
            "INSERT OR IGNORE INTO cancellations (vestiging, activity, date, person_id, at) "
            "VALUES (?, ?, ?, ?, ?)",
            [vestiging, activity, day.isoformat(), person_id, now_iso()],
        )
        new = bool(cursor.rowcount)
        if new:
            actor = f"person:{person_id}" if person_id is not None else "system"
            key = f"{vestiging}:{activity}:{day.isoformat()}"
            audit.record(db, actor, "cancel", "session", key)
    return new


def is_cancelled(db: sqlite_utils.Database, vestiging: str, activity: str, day: date) -> bool:
    row = db.execute(
        "SELECT 1 FROM cancellations WHERE vestiging = ? AND activity = ? AND date = ?",
        [vestiging, activity, day.isoformat()],
    ).fetchone()
    return row is not None


def cancelled_dates(
    db: sqlite_utils.Database, vestiging: str, activity: str, start: date, end: date
) -> set[date]:
    """The cancelled days of one rooster entry from start to end (both included)."""
    rows = db.execute(
        "SELECT date FROM cancellations WHERE vestiging = ? AND activity = ? "
        "AND date BETWEEN ? AND ?",
        [vestiging, activity, start.isoformat(), end.isoformat()],
    )
    return {date.fromisoformat(row[0]) for row in rows}
