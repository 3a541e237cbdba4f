"""What a leader may add to a session beyond the counts: the partners it was done with
("Met wie?") and a short story of what was special ("Wat was bijzonder?").

A story is one or two sentences in the leader's words. It never names a participant (the caller
checks that with intake.names before it gets here), and it has the same consent and review as
a quote: only PUBLISHABLE_SQL stories leave the database.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import sqlite_utils
from pydantic import BaseModel

from store import audit
from store.db import now_iso, transaction
from store.quotes import STORY_PUBLISHABLE_SQL as PUBLISHABLE_SQL

MAX_PARTNER = 80  # characters of one partner's name
MAX_PARTNERS = 10  # partners of one session
MAX_STORY = 400  # characters: one or two sentences
# Awaiting a manager's review: new, and the leader agreed to publication.
AWAITING_STORY_SQL = "q.review = 'new' AND q.consent IN ('ja', 'anoniem')"


class StoryIn(BaseModel):
    """A session's story as a report, a correction or an import gives it (store.sessions)."""

    text: str
    consent: Literal["ja", "anoniem", "nee"] = "nee"
    # The stored story this is (corrections): its id and review state are kept when unchanged.
    id: int | None = None
    # A review already made (an export read back); None: a new story, to be reviewed.
    review: Literal["new", "approved", "rejected"] | None = None


@dataclass(frozen=True)
class SessionStory:
    id: int
    text: str
    activity: str
    vestiging: str
    date: str  # ISO
    approved: bool
    consent: str = "ja"  # 'anoniem': published without place and date


def _clean(text: str) -> str:
    return " ".join(text.split())


def note_problems(partners: list[str], stories: list[StoryIn]) -> list[str]:
    """What store.sessions.validate_session says about a session's partners and stories."""
    problems = []
    if len(partners) > MAX_PARTNERS:
        problems.append(f"Noem hoogstens {MAX_PARTNERS} partners.")
    if any(len(_clean(p)) > MAX_PARTNER for p in partners):
        problems.append(f"Een partnernaam is langer dan {MAX_PARTNER} tekens; maak hem korter.")
    for story in stories:
        if not story.text.strip():
            problems.append("Wat er bijzonder was, is leeg.")
        elif len(_clean(story.text)) > MAX_STORY:
            problems.append(f"Wat er bijzonder was, is langer dan {MAX_STORY} tekens.")
    return problems


def clean_partners(partners: Iterable[str]) -> list[str]:
    """Tidy names, each once (case and spacing do not make another partner), in order."""
    names: dict[str, str] = {}  # casefolded -> as first written
    for p in partners:
        name = _clean(p)[:MAX_PARTNER]
        if name:
            names.setdefault(name.casefold(), name)
    return list(names.values())


def insert_partners(db: sqlite_utils.Database, session_id: int, partners: Iterable[str]) -> int:
    """add_partners inside the caller's transaction; returns how many were new."""
    added = 0
    for name in clean_partners(partners):
        added += db.execute(
            "INSERT OR IGNORE INTO session_partners (session_id, partner) VALUES (?, ?)",
            [session_id, name],
        ).rowcount
    return added


def add_partners(db: sqlite_utils.Database, session_id: int, partners: Iterable[str]) -> int:
    """Store the partners of one session; a name given twice (or again later) is stored once.
    Returns how many were new."""
    with transaction(db):
        return insert_partners(db, session_id, partners)


def replace_partners(db: sqlite_utils.Database, session_id: int, partners: Iterable[str]) -> None:
    """A correction's partners, inside the caller's transaction: exactly these afterwards."""
    db.execute("DELETE FROM session_partners WHERE session_id = ?", [session_id])
    insert_partners(db, session_id, partners)


def insert_story(
    db: sqlite_utils.Database, session_id: int, story: StoryIn, created: str | None = None
) -> int:
    """add_story inside the caller's transaction; the same text for a session is stored once."""
    text = _clean(story.text)[:MAX_STORY]
    if not text:
        raise ValueError("a story needs a text")
    row = db.execute(
        "SELECT id FROM session_stories WHERE session_id = ? AND text = ?", [session_id, text]
    ).fetchone()
    if row:
        return int(row[0])
    cursor = db.execute(
        "INSERT INTO session_stories (session_id, text, consent, review, created_at) "
        "VALUES (?, ?, ?, ?, ?)",
        [session_id, text, story.consent, story.review or "new", created or now_iso()],
    )
    return int(cursor.lastrowid or 0)


def add_story(db: sqlite_utils.Database, session_id: int, text: str, consent: str = "nee") -> int:
    """Store the story of one session; the same text for the same session is stored once.
    Returns the story's id."""
    if consent not in ("ja", "anoniem", "nee"):
        raise ValueError(f"consent must be ja, anoniem or nee, not {consent!r}")
    with transaction(db):
        return insert_story(db, session_id, StoryIn(text=text, consent=consent))


def correct_stories(db: sqlite_utils.Database, session_id: int, stories: list[StoryIn]) -> None:
    """Bring a session's stories in line with a correction, inside the caller's transaction,
    as store.sessions does with quotes: an unchanged story keeps its review (a rejected one
    stays rejected), a changed one goes back to review, one left out is deleted."""
    stored = {
        i: (t, c)
        for i, t, c in db.execute(
            "SELECT id, text, consent FROM session_stories WHERE session_id = ?", [session_id]
        )
    }
    kept: set[int] = set()
    for story in stories:
        if story.id is None:
            kept.add(insert_story(db, session_id, story))
            continue
        if story.id not in stored:
            continue  # erased meanwhile: never bring it back
        kept.add(story.id)
        text = _clean(story.text)[:MAX_STORY]
        if stored[story.id] != (text, story.consent):
            db.execute(
                "UPDATE session_stories SET text = ?, consent = ?, review = 'new', "
                "reviewed_by = NULL, reviewed_at = NULL WHERE id = ?",
                [text, story.consent, story.id],
            )
    for story_id in stored.keys() - kept:
        db.execute("DELETE FROM session_stories WHERE id = ?", [story_id])


def load_notes(db: sqlite_utils.Database, session_id: int) -> tuple[list[str], list[StoryIn]]:
    """A session's partners (as written) and stories, for a correction."""
    partners = [
        r[0]
        for r in db.execute(
            "SELECT partner FROM session_partners WHERE session_id = ? ORDER BY rowid",
            [session_id],
        )
    ]
    stories = [
        StoryIn(id=i, text=t, consent=c, review=r)
        for i, t, c, r in db.execute(
            "SELECT id, text, consent, review FROM session_stories WHERE session_id = ? "
            "ORDER BY id",
            [session_id],
        )
    ]
    return partners, stories


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
        "SELECT q.id, q.text, s.activity, s.vestiging, s.date, q.review, q.consent "
        "FROM session_stories q CROSS JOIN sessions s ON s.id = q.session_id "
        f"WHERE s.year = ?{where} AND {PUBLISHABLE_SQL} "
        "ORDER BY q.review = 'approved' DESC, s.date DESC, q.id DESC",
        [year, *params],
    ).fetchall()
    return [
        SessionStory(
            id=i, text=t, activity=a, vestiging=v, date=d, approved=r == "approved", consent=c
        )
        for i, t, a, v, d, r, c in rows
    ]


# -- a manager's review (bot.manager.review), like store.reviews does for quotes ----------------


@dataclass(frozen=True)
class ReviewStory:
    id: int
    text: str
    consent: str
    activity: str
    vestiging: str
    gemeente: str
    date: str


_STORY_COLUMNS = "q.id, q.text, q.consent, s.activity, s.vestiging, s.gemeente, s.date"
# CROSS JOIN: from the stories (few), never from every session
_STORY_FROM = "session_stories q CROSS JOIN sessions s ON s.id = q.session_id"


def _in_gemeente(gemeente: str | None) -> tuple[str, list[object]]:
    return (" AND s.gemeente = ?", [gemeente]) if gemeente else ("", [])


def awaiting_stories(
    db: sqlite_utils.Database, gemeente: str | None = None, after_id: int = 0, limit: int = 1
) -> list[ReviewStory]:
    """Stories awaiting review in a gemeente (None: all), oldest first, with id > after_id."""
    where, params = _in_gemeente(gemeente)
    rows = db.execute(
        f"SELECT {_STORY_COLUMNS} FROM {_STORY_FROM} WHERE {AWAITING_STORY_SQL} AND q.id > ?"
        f"{where} ORDER BY q.id LIMIT ?",
        [after_id, *params, limit],
    ).fetchall()
    return [ReviewStory(*row) for row in rows]


def count_awaiting_stories(db: sqlite_utils.Database, gemeente: str | None = None) -> int:
    where, params = _in_gemeente(gemeente)
    sql = f"SELECT count(*) FROM {_STORY_FROM} WHERE {AWAITING_STORY_SQL}{where}"
    return int(db.execute(sql, params).fetchone()[0])


def get_story(db: sqlite_utils.Database, story_id: int) -> ReviewStory | None:
    row = db.execute(
        f"SELECT {_STORY_COLUMNS} FROM {_STORY_FROM} WHERE q.id = ?", [story_id]
    ).fetchone()
    return ReviewStory(*row) if row else None


def decide_story(db: sqlite_utils.Database, story_id: int, approved: bool, person_id: int) -> bool:
    """Approve or reject a story awaiting review; False when it was decided before or is gone.
    The audit trail records the decision, never the words."""
    with transaction(db):
        cursor = db.execute(
            "UPDATE session_stories SET review = ?, reviewed_by = ?, reviewed_at = ? "
            "WHERE id = ? AND review = 'new'",
            ["approved" if approved else "rejected", person_id, now_iso(), story_id],
        )
        if not cursor.rowcount:
            return False
        action = "approve" if approved else "reject"
        audit.record(db, f"person:{person_id}", action, "story", story_id)
    return True
