"""The few reads the bot's questions need (recent activities, running courses, own reports)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlite_utils

from store.sessions import SessionIn


@dataclass(frozen=True)
class Course:
    id: int
    name: str
    enrolled: int | None
    lessons: int
    last_lesson_no: int

    @property
    def next_lesson(self) -> int:
        return max(self.lessons, self.last_lesson_no) + 1


@dataclass(frozen=True)
class OwnReport:
    id: int
    date: date
    activity: str
    vestiging: str
    counts: dict[str, int]


def recent_activities(db: sqlite_utils.Database, person_id: int, limit: int = 4) -> list[str]:
    rows = db.execute(
        "SELECT activity FROM sessions WHERE reporter_id = ? GROUP BY activity "
        "ORDER BY max(id) DESC LIMIT ?",
        [person_id, limit],
    ).fetchall()
    return [r[0] for r in rows]


_COURSE_SQL = (
    "SELECT s.id, s.name, s.enrolled, "
    "(SELECT count(*) FROM sessions x WHERE x.series_id = s.id), "
    "(SELECT coalesce(max(x.lesson), 0) FROM sessions x WHERE x.series_id = s.id) "
    "FROM series s"
)


def running_courses(
    db: sqlite_utils.Database, activity: str, vestiging: str, limit: int = 5
) -> list[Course]:
    rows = db.execute(
        _COURSE_SQL + " WHERE s.activity = ? AND s.vestiging = ? AND s.closed = 0 "
        "ORDER BY s.last_lesson DESC, s.id DESC LIMIT ?",
        [activity, vestiging, limit],
    ).fetchall()
    return [Course(*row) for row in rows]


def course(db: sqlite_utils.Database, series_id: int) -> Course | None:
    row = db.execute(_COURSE_SQL + " WHERE s.id = ?", [series_id]).fetchone()
    return Course(*row) if row else None


def free_course_name(db: sqlite_utils.Database, activity: str, vestiging: str, base: str) -> str:
    """`base`, or `base (2)`, … when a course of that name already exists here."""
    name, n = base, 1
    while db.execute(
        "SELECT 1 FROM series WHERE activity = ? AND vestiging = ? AND name = ?",
        [activity, vestiging, name],
    ).fetchone():
        n += 1
        name = f"{base} ({n})"
    return name


def own_reports(
    db: sqlite_utils.Database, person_id: int, limit: int = 5, offset: int = 0
) -> list[OwnReport]:
    """A person's reports, the last saved (or changed) first: one saved a minute ago for
    "gisteren", or one whose date was moved back, is at the top; `offset` pages back."""
    rows = db.execute(
        "SELECT id, date, activity, vestiging, deelnemers, kinderen, volwassenen, vragen "
        "FROM sessions WHERE reporter_id = ? "
        "ORDER BY coalesce(edited_at, created_at) DESC, id DESC LIMIT ? OFFSET ?",
        [person_id, limit, offset],
    ).fetchall()
    reports = []
    for sid, day, activity, vestiging, deelnemers, kinderen, volwassenen, vragen in rows:
        counts = {"deelnemers": deelnemers}
        if kinderen is not None or volwassenen is not None:
            counts = {"kinderen": kinderen or 0, "volwassenen": volwassenen or 0}
        if vragen is not None:
            counts["vragen"] = vragen
        reports.append(OwnReport(sid, date.fromisoformat(day), activity, vestiging, counts))
    return reports


def report_owner(db: sqlite_utils.Database, session_id: int) -> int | None:
    row = db.execute("SELECT reporter_id FROM sessions WHERE id = ?", [session_id]).fetchone()
    return None if row is None else row[0]


def saved_draft(db: sqlite_utils.Database, short_id: str) -> int | None:
    """The session stored from the draft whose id starts with `short_id`, if any."""
    row = db.execute(
        "SELECT id FROM sessions WHERE source_key >= ? AND source_key < ? LIMIT 1",
        [f"draft:{short_id}", f"draft:{short_id}\uffff"],
    ).fetchone()
    return int(row[0]) if row else None


def same_report_saved(db: sqlite_utils.Database, session: SessionIn, since: str) -> str | None:
    """When the same person saved a session with the same activity, place, day and counts
    (created at or after `since`, ISO UTC); None if they did not."""
    row = db.execute(
        "SELECT max(created_at) FROM sessions WHERE reporter_id = ? AND date = ? "
        "AND activity = ? AND vestiging = ? AND deelnemers IS ? AND kinderen IS ? "
        "AND volwassenen IS ? AND vragen IS ? AND created_at >= ?",
        [
            session.reporter_id,
            session.date.isoformat(),
            session.activity,
            session.vestiging,
            session.total(),
            session.kinderen,
            session.volwassenen,
            session.vragen,
            since,
        ],
    ).fetchone()
    return row[0] if row and row[0] else None
