"""What a leader may add to a session beyond the counts: the partners it was done with
("Met wie?") and a short story of what was special ("Wat was bijzonder?").

A story is one or two sentences in the leader's words. It never names a participant (the caller
checks that with intake.names before it gets here), and it has the same consent and review as
a quote: only PUBLISHABLE_SQL stories leave the database.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import sqlite_utils

from store.db import now_iso, transaction
from store.quotes import PUBLISHABLE_SQL

MAX_PARTNER = 80  # characters of one partner's name
MAX_STORY = 400  # characters: one or two sentences


@dataclass(frozen=True)
class SessionStory:
    id: int
    text: str
    activity: str
    vestiging: str
    date: str  # ISO
    approved: bool


def _clean(text: str) -> str:
    return " ".join(text.split())


def add_partners(db: sqlite_utils.Database, session_id: int, partners: Iterable[str]) -> int:
    """Store the partners of one session; a name given twice (or again later) is stored once.
    Returns how many were new."""
    names: dict[str, str] = {}  # casefolded -> as first written
    for p in partners:
        name = _clean(p)[:MAX_PARTNER]
        if name:
            names.setdefault(name.casefold(), name)
    added = 0
    with transaction(db):
        for name in names.values():
            added += db.execute(
                "INSERT OR IGNORE INTO session_partners (session_id, partner) VALUES (?, ?)",
                [session_id, name],
            ).rowcount
    return added


def add_story(db: sqlite_utils.Database, session_id: int, text: str, consent: str = "nee") -> int:
    """Store the story of one session; the same text for the same session is stored once.
    Returns the story's id."""
    if consent not in ("ja", "anoniem", "nee"):
        raise ValueError(f"consent must be ja, anoniem or nee, not {consent!r}")
    text = _clean(text)[:MAX_STORY]
    if not text:
        raise ValueError("a story needs a text")
    with transaction(db):
        row = db.execute(
            "SELECT id FROM session_stories WHERE session_id = ? AND text = ?", [session_id, text]
        ).fetchone()
        if row:
            return int(row[0])
        cursor = db.execute(
            "INSERT INTO session_stories (session_id, text, consent, created_at) "
            "VALUES (?, ?, ?, ?)",
            [session_id, text, consent, now_iso()],
        )
        return int(cursor.lastrowid or 0)


def set_story_review(db: sqlite_utils.Database, story_id: int, review: str, by: int | None) -> None:
    if review not in ("new", "approved", "rejected"):
        raise ValueError(f"review must be new, approved or rejected, not {review!r}")
    with transaction(db):
        db.execute(
            "UPDATE session_stories SET review = ?, reviewed_by = ?, reviewed_at = ? WHERE id = ?",
            [review, by, now_iso(), story_id],
        )


def partners_per_activity(
    db: sqlite_utils.Database, year: int, gemeente: str | None
) -> dict[str, list[str]]:
    """The partners leaders named, per activity, in the year and scope (alphabetical)."""
    where, params = ("", []) if gemeente is None else (" AND s.gemeente = ?", [gemeente])
    rows = db.execute(
        # CROSS JOIN: from the partners (few), never from all of the year's sessions
        "SELECT DISTINCT s.activity, p.partner FROM session_partners p "
        "CROSS JOIN sessions s ON s.id = p.session_id "
        f"WHERE s.year = ?{where} ORDER BY s.activity, p.partner COLLATE NOCASE",
        [year, *params],
    ).fetchall()
    out: dict[str, list[str]] = {}
    for activity, partner in rows:
        out.setdefault(activity, []).append(partner)
    return out


def publishable_stories(
    db: sqlite_utils.Database, year: int, gemeente: str | None
) -> list[SessionStory]:
    """Every story of the year and scope that may be published: approved first, then newest."""
    where, params = ("", []) if gemeente is None else (" AND s.gemeente = ?", [gemeente])
    rows = db.execute(
        "SELECT q.id, q.text, s.activity, s.vestiging, s.date, q.review FROM session_stories q "
        "CROSS JOIN sessions s ON s.id = q.session_id "
        f"WHERE s.year = ?{where} AND {PUBLISHABLE_SQL} "
        "ORDER BY q.review = 'approved' DESC, s.date DESC, q.id DESC",
        [year, *params],
    ).fetchall()
    return [
        SessionStory(id=i, text=t, activity=a, vestiging=v, date=d, approved=r == "approved")
        for i, t, a, v, d, r in rows
    ]
