"""Longer stories (migration 13, `long_stories`): what a manager writes or approves about a
person or a project, up to about 250 words, never with a full name. Only approved ones leave
the database, in the gemeente edition beside their opgave."""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from ground.errors import ImpactbotError
from store import audit
from store.db import erasing, now_iso, transaction

MAX_WORDS = 250


class StoryRefused(ImpactbotError):
    """A story that cannot be stored: too long, empty or with a full name."""


@dataclass(frozen=True)
class LongStory:
    id: int
    gemeente: str
    year: int
    activity: str
    text: str
    approved: bool


def add_long_story(
    db: sqlite_utils.Database,
    gemeente: str,
    year: int,
    activity: str,
    text: str,
    author_id: int | None,
    full_name: bool,
    approved: bool = True,
) -> int:
    """`full_name`: intake.names.full_name_in_quote(text) (the one name check, in intake)."""
    words = text.split()
    if not words:
        raise StoryRefused("Het verhaal is leeg. Schrijf na de dubbele punt wat er gebeurde.")
    if len(words) > MAX_WORDS:
        raise StoryRefused(
            f"Het verhaal heeft {len(words)} woorden; houd het bij hoogstens {MAX_WORDS}."
        )
    if full_name:
        raise StoryRefused(
            "Er staat een volledige naam in het verhaal. Gebruik alleen een voornaam of een rol, "
            "zoals 'een vader' of 'Sem (9)'."
        )
    with transaction(db):
        cursor = db.execute(
            "INSERT INTO long_stories (gemeente, year, activity, text, review, author_id, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [gemeente, year, activity, " ".join(words), "approved" if approved else "new",
             author_id, now_iso()],
        )  # fmt: skip
    return int(cursor.lastrowid or 0)


def publishable_long_stories(
    db: sqlite_utils.Database, year: int, gemeente: str | None
) -> list[LongStory]:
    where, params = ("", []) if gemeente is None else (" AND gemeente = ?", [gemeente])
    rows = db.execute(
        "SELECT id, gemeente, year, activity, text, review FROM long_stories "
        f"WHERE year = ?{where} AND review != 'rejected' ORDER BY review = 'approved' DESC, id",
        [year, *params],
    ).fetchall()
    return [LongStory(i, g, y, a, t, r == "approved") for i, g, y, a, t, r in rows]


def forget_long_story(db: sqlite_utils.Database, story_id: int, actor: str) -> bool:
    with erasing(db), transaction(db):
        done = db.execute("DELETE FROM long_stories WHERE id = ?", [story_id]).rowcount > 0
        if done:
            audit.record(db, actor, "erase", "long_story", story_id)
    return done
