"""What is missing: planned sessions without a report, silent leaders, effects without evidence."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta

import sqlite_utils

from reports.stand import Scope
from store.cancellations import cancelled_dates
from toc.models import Catalogue

SILENT_AFTER = timedelta(weeks=4)


@dataclass(frozen=True)
class MissingSession:
    activity: str
    vestiging: str
    date: date


@dataclass(frozen=True)
class SilentLeader:
    person_id: int
    name: str
    last_report: date | None


@dataclass
class Gaps:
    missing_sessions: list[MissingSession]
    silent_leaders: list[SilentLeader]
    effects_without_evidence: list[str]


def _in_scope(catalogue: Catalogue, scope: Scope, vestiging: str) -> bool:
    if scope.vestiging:
        return vestiging == scope.vestiging
    if scope.gemeente:
        return catalogue.vestigingen[vestiging].gemeente == scope.gemeente
    return True


def missing_sessions(
    db: sqlite_utils.Database, catalogue: Catalogue, scope: Scope, start: date, end: date
) -> list[MissingSession]:
    """Planned (rooster) sessions between start and end that nobody reported and that did
    take place (not marked "Ging niet door")."""
    out: list[MissingSession] = []
    for item in catalogue.schedules:
        if not _in_scope(catalogue, scope, item.vestiging):
            continue
        reported = {
            row[0]
            for row in db.execute(
                "SELECT DISTINCT date FROM sessions WHERE vestiging = ? AND activity = ? "
                "AND date BETWEEN ? AND ?",
                [item.vestiging, item.activity, start.isoformat(), end.isoformat()],
            )
        }
        cancelled = cancelled_dates(db, item.vestiging, item.activity, start, end)
        # A month or year imported as a total (impactbot import totalen) is reported.
        covered = db.execute(
            "SELECT period_start, period_end FROM totals WHERE vestiging = ? AND activity = ? "
            "AND period_end >= ? AND period_start <= ?",
            [item.vestiging, item.activity, start.isoformat(), end.isoformat()],
        ).fetchall()
        for day in item.dates(start, end):
            iso = day.isoformat()
            if any(first <= iso <= last for first, last in covered):
                continue
            if iso not in reported and day not in cancelled:
                out.append(MissingSession(item.activity, item.vestiging, day))
    return sorted(out, key=lambda m: (m.date, m.vestiging, m.activity))


def silent_leaders(
    db: sqlite_utils.Database, catalogue: Catalogue, scope: Scope, today: date
) -> list[SilentLeader]:
    """Leaders in scope with no report in the last four weeks (or never)."""
    params: list[object] = []
    where = ""
    if scope.gemeente:
        where = " AND p.gemeente = ?"
        params.append(scope.gemeente)
    rows = db.execute(
        "SELECT p.id, p.display_name, p.vestigingen, max(s.date) FROM people p "
        "LEFT JOIN sessions s ON s.reporter_id = p.id "
        f"WHERE p.role = 'leider' AND p.active = 1{where} GROUP BY p.id ORDER BY p.display_name",
        params,
    ).fetchall()
    cutoff = today - SILENT_AFTER
    out = []
    for person_id, name, vestigingen, last in rows:
        if scope.vestiging and scope.vestiging not in json.loads(vestigingen or "[]"):
            continue
        last_day = date.fromisoformat(last) if last else None
        if last_day is None or last_day < cutoff:
            out.append(SilentLeader(person_id, name, last_day))
    return out


def effects_without_evidence(
    db: sqlite_utils.Database, catalogue: Catalogue, scope: Scope, year: int
) -> list[str]:
    """Intended effects of activities run this year in scope, with no signal, observation,
    participant's answer, measurement or quote this year."""
    where, params = scope.where()
    where = where.replace("gemeente", "s.gemeente").replace("vestiging", "s.vestiging")
    plain, _ = scope.where()
    run = {
        r[0]
        for r in db.execute(
            f"SELECT DISTINCT activity FROM agg_month WHERE year = ?{plain}", [year, *params]
        )
    }
    # Ticks and signals from agg_effect (migration 11); answers and before/after counts are
    # far fewer rows, read from their side (CROSS JOIN); quotes carry their own year.
    evidenced = {
        r[0]
        for r in db.execute(
            f"SELECT effect FROM agg_effect WHERE year = ?{plain} "
            "UNION SELECT a.effect FROM survey_answers a CROSS JOIN sessions s "
            f"ON s.id = a.session_id WHERE s.year = ?{where} "
            "UNION SELECT m.effect FROM measurements m CROSS JOIN sessions s "
            f"ON s.id = m.session_id WHERE s.year = ?{where} "
            "UNION SELECT qe.effect FROM quotes s CROSS JOIN quote_effects qe "
            f"ON qe.quote_id = s.id WHERE s.year = ?{where}",
            [year, *params] * 4,
        )
    }
    wanted: dict[str, None] = {}
    for activity_id in sorted(run):
        activity = catalogue.activities.get(activity_id)
        for effect in activity.effects if activity else []:
            if effect not in evidenced:
                wanted[effect] = None
    return list(wanted)


def find_gaps(db: sqlite_utils.Database, catalogue: Catalogue, scope: Scope, today: date) -> Gaps:
    """Gaps so far this year: the rooster from 1 January up to yesterday (today may still come)."""
    start = date(today.year, 1, 1)
    return Gaps(
        missing_sessions=missing_sessions(db, catalogue, scope, start, today - timedelta(days=1)),
        silent_leaders=silent_leaders(db, catalogue, scope, today),
        effects_without_evidence=effects_without_evidence(db, catalogue, scope, today.year),
    )
