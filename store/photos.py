"""Photos a leader adds to a session's report (migration 13, `session_photos`).

A photo is stored only with one of the consents a library needs; it leaves the database (in a
report) only when not rejected, and the gemeente edition shows only approved ones. It lives in
the SQLite file, so backups carry it; /vergeet foto N erases it for good.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import sqlite_utils

from ground.errors import ImpactbotError
from store import audit
from store.db import erasing, now_iso, transaction

PhotoConsent = Literal["niemand-herkenbaar", "toestemming", "ouder-toestemming"]
CONSENTS: tuple[PhotoConsent, ...] = ("niemand-herkenbaar", "toestemming", "ouder-toestemming")
MAX_PHOTO_BYTES = 2_000_000  # the schema's CHECK holds the same cap
MAX_ALT = 200
PUBLISHABLE_SQL = "p.review != 'rejected'"


class PhotoRefused(ImpactbotError):
    """A photo that cannot be stored: too large, without consent or without a description."""


@dataclass(frozen=True)
class SessionPhoto:
    id: int
    data: bytes
    mime: str
    alt: str
    activity: str
    vestiging: str
    date: str
    approved: bool


def add_photo(
    db: sqlite_utils.Database,
    session_id: int,
    data: bytes,
    alt: str,
    consent: str,
    mime: str = "image/jpeg",
    file_unique_id: str | None = None,
) -> int:
    """Store a photo with its consent and alt text; the same Telegram photo twice is one."""
    if consent not in CONSENTS:
        raise PhotoRefused(
            "Een foto bewaar ik alleen als er niemand herkenbaar op staat, als de mensen op de "
            "foto het goed vinden, of bij een kind als een ouder het goed vindt."
        )
    if len(data) > MAX_PHOTO_BYTES:
        raise PhotoRefused(
            f"Deze foto is te groot ({len(data) // 1000} kB). Stuur een foto van hoogstens "
            f"{MAX_PHOTO_BYTES // 1_000_000} MB."
        )
    text = " ".join(alt.split())
    if not text:
        raise PhotoRefused("Schrijf in een paar woorden wat er op de foto te zien is.")
    if file_unique_id is not None:
        row = db.execute(
            "SELECT id FROM session_photos WHERE file_unique_id = ?", [file_unique_id]
        ).fetchone()
        if row:
            return int(row[0])
    with transaction(db):
        cursor = db.execute(
            "INSERT INTO session_photos (session_id, data, mime, alt, consent, file_unique_id, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [session_id, data, mime, text[:MAX_ALT], consent, file_unique_id, now_iso()],
        )
    return int(cursor.lastrowid or 0)


def publishable_photos(
    db: sqlite_utils.Database, year: int, gemeente: str | None
) -> list[SessionPhoto]:
    """Every photo of the year and scope that may leave the database: approved first."""
    where, params = ("", []) if gemeente is None else (" AND s.gemeente = ?", [gemeente])
    rows = db.execute(
        "SELECT p.id, p.data, p.mime, p.alt, s.activity, s.vestiging, s.date, p.review "
        "FROM session_photos p CROSS JOIN sessions s ON s.id = p.session_id "
        f"WHERE s.year = ?{where} AND {PUBLISHABLE_SQL} "
        "ORDER BY p.review = 'approved' DESC, s.date DESC, p.id DESC",
        [year, *params],
    ).fetchall()
    return [
        SessionPhoto(
            id=i,
            data=d,
            mime=m,
            alt=a,
            activity=act,
            vestiging=v,
            date=day,
            approved=r == "approved",
        )
        for i, d, m, a, act, v, day, r in rows
    ]


def review_photo(
    db: sqlite_utils.Database, photo_id: int, review: str, reviewer: int | None
) -> bool:
    """A manager's approval or rejection, like a quote's."""
    if review not in ("approved", "rejected", "new"):
        raise ValueError(review)
    with transaction(db):
        cursor = db.execute(
            "UPDATE session_photos SET review = ?, reviewed_by = ?, reviewed_at = ? WHERE id = ?",
            [review, reviewer, now_iso(), photo_id],
        )
    return cursor.rowcount > 0


def forget_photo(db: sqlite_utils.Database, photo_id: int, actor: str) -> bool:
    """/vergeet foto N: delete it, its bytes zeroed in the file (store.db.erasing)."""
    with erasing(db), transaction(db):
        done = db.execute("DELETE FROM session_photos WHERE id = ?", [photo_id]).rowcount > 0
        if done:
            audit.record(db, actor, "erase", "photo", photo_id)
    return done


def photos_to_review(
    db: sqlite_utils.Database, gemeente: str | None, limit: int = 5
) -> list[SessionPhoto]:
    """New photos (not yet approved or rejected) in a manager's scope, oldest first."""
    where, params = ("", []) if gemeente is None else (" AND s.gemeente = ?", [gemeente])
    rows = db.execute(
        "SELECT p.id, p.data, p.mime, p.alt, s.activity, s.vestiging, s.date, p.review "
        "FROM session_photos p CROSS JOIN sessions s ON s.id = p.session_id "
        f"WHERE p.review = 'new'{where} ORDER BY p.id LIMIT ?",
        [*params, limit],
    ).fetchall()
    return [
        SessionPhoto(
            id=i, data=d, mime=m, alt=a, activity=act, vestiging=v, date=day, approved=False
        )
        for i, d, m, a, act, v, day, _r in rows
    ]


def photo_gemeente(db: sqlite_utils.Database, photo_id: int) -> str | None:
    row = db.execute(
        "SELECT s.gemeente FROM session_photos p CROSS JOIN sessions s ON s.id = p.session_id "
        "WHERE p.id = ?",
        [photo_id],
    ).fetchone()
    return None if row is None else str(row[0])


def photo_alt(db: sqlite_utils.Database, photo_id: int) -> str | None:
    """What the photo shows (to name it in /vergeet's question); None if there is none."""
    row = db.execute("SELECT alt FROM session_photos WHERE id = ?", [photo_id]).fetchone()
    return None if row is None else str(row[0])
