"""Annual figures per gemeente (leden, bezoekers, …) entered one at a time, e.g. from the bot."""

from __future__ import annotations

import sqlite_utils

from ground.errors import ImpactbotError
from store import audit
from store.db import now_iso, transaction

MAX_VALUE = 1_000_000_000


class KengetalInvalid(ImpactbotError):
    """A value that cannot be stored; the message says why."""


def get_kengetal(
    db: sqlite_utils.Database, year: int, gemeente: str, kengetal: str
) -> float | None:
    row = db.execute(
        "SELECT value FROM kengetallen WHERE year = ? AND gemeente = ? AND kengetal = ?",
        [year, gemeente, kengetal],
    ).fetchone()
    return float(row[0]) if row else None


def set_kengetal(
    db: sqlite_utils.Database,
    year: int,
    gemeente: str,
    kengetal: str,
    value: float,
    actor: str,
    source: str = "bot",
) -> float | None:
    """Insert or replace one figure, with an audit row; returns the previous value (or None)."""
    if not 0 <= value <= MAX_VALUE:
        raise KengetalInvalid(f"Een kengetal ligt tussen 0 en {MAX_VALUE:,}.".replace(",", "."))
    with transaction(db):
        row = db.execute(
            "SELECT value FROM kengetallen WHERE year = ? AND gemeente = ? AND kengetal = ?",
            [year, gemeente, kengetal],
        ).fetchone()
        old = float(row[0]) if row else None
        db.execute(
            "INSERT INTO kengetallen (year, gemeente, kengetal, value, source, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (year, gemeente, kengetal) DO UPDATE SET "
            "value = excluded.value, source = excluded.source, updated_at = excluded.updated_at",
            [year, gemeente, kengetal, value, source, now_iso()],
        )
        audit.record(
            db,
            actor,
            "create" if old is None else "update",
            "kengetal",
            f"{year}/{gemeente}/{kengetal}",
            old=old,
            new=value,
            source=source,
        )
    return old
