"""Where do we stand: output so far this year, month or week, for a manager's phone screen.

Pure figures (SQL over indexes, then a small mapping in Python); the chat text is made in
bot/. Compared with the same period last year and with the contracted output.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

import sqlite_utils

from toc.models import Catalogue

Period = Literal["jaar", "maand", "week"]
PERIODS: tuple[Period, ...] = ("jaar", "maand", "week")


@dataclass(frozen=True)
class Scope:
    """Whose figures: the whole organisation, one gemeente, or one vestiging."""

    gemeente: str | None = None
    vestiging: str | None = None

    def where(self) -> tuple[str, list[object]]:
        if self.vestiging:
            return " AND vestiging = ?", [self.vestiging]
        if self.gemeente:
            return " AND gemeente = ?", [self.gemeente]
        return "", []

    def label(self, catalogue: Catalogue) -> str:
        if self.vestiging:
            return catalogue.vestigingen[self.vestiging].name
        if self.gemeente:
            return f"gemeente {catalogue.gemeenten[self.gemeente].name}"
        return catalogue.organisation_name


@dataclass
class Line:
    id: str
    name: str
    bijeenkomsten: int = 0
    deelnemers: int = 0
    vorig_bijeenkomsten: int = 0
    vorig_deelnemers: int = 0
    # Participants' own answers right after a session (survey or tally) in the period.
    antwoorden: int = 0
    eens: int = 0


@dataclass
class Stand:
    scope: Scope
    period: Period
    start: date
    end: date
    opgaven: list[Line]
    programmalijnen: dict[str, list[Line]]  # opgave id -> its programmalijnen
    totaal: Line
    # Contracted activities for the year in scope, and sessions so far this year.
    contract_target: int | None = None
    contract_done: int = 0
    contract_expected: float | None = None
    notes: list[str] = field(default_factory=list)


def period_bounds(period: Period, today: date) -> tuple[date, date]:
    if period == "jaar":
        return date(today.year, 1, 1), today
    if period == "maand":
        return today.replace(day=1), today
    return today - timedelta(days=today.weekday()), today


def year_earlier(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


# Totals (table `totals`, a month or a year per row) count in a period when their whole month
# or year lies inside it: a March total counts in the year so far from April on, never in a
# week. Spreading a total over days would invent dates; this never counts more than happened.
_TOTALS_IN_RANGE = "period_start >= ? AND period_end <= ?"


def per_activity(
    db: sqlite_utils.Database, scope: Scope, start: date, end: date
) -> dict[str, tuple[int, int]]:
    """activity -> (sessions, participants) between start and end, both included."""
    where, params = scope.where()
    bounds = [start.isoformat(), end.isoformat()]
    sql = (
        "SELECT activity, count(*), coalesce(sum(deelnemers), 0) FROM sessions "
        f"WHERE date BETWEEN ? AND ?{where} GROUP BY activity UNION ALL "
        "SELECT activity, sum(bijeenkomsten), sum(deelnemers) FROM totals "
        f"WHERE {_TOTALS_IN_RANGE}{where} GROUP BY activity"
    )
    out: dict[str, tuple[int, int]] = {}
    for activity, n, people in db.execute(sql, [*bounds, *params, *bounds, *params]):
        before = out.get(activity, (0, 0))
        out[activity] = (before[0] + n, before[1] + people)
    return out


def answers_per_activity(
    db: sqlite_utils.Database, scope: Scope, start: date, end: date
) -> dict[str, tuple[int, int]]:
    """activity -> (participants' answers right after, of which agreeing) in the period."""
    where, params = scope.where()
    rows = db.execute(
        "SELECT activity, count(*), coalesce(sum(agrees), 0) FROM survey_answers a "
        "JOIN sessions ON sessions.id = a.session_id WHERE a.moment = 'direct' "
        f"AND date BETWEEN ? AND ?{where} GROUP BY activity",
        [start.isoformat(), end.isoformat(), *params],
    ).fetchall()
    return {activity: (n, agree) for activity, n, agree in rows}


def per_gemeente_activity(
    db: sqlite_utils.Database, gemeenten: list[str], start: date, end: date
) -> dict[tuple[str, str], tuple[int, int]]:
    """(gemeente, activity) -> (sessions, participants) for the given gemeenten."""
    marks = ", ".join("?" for _ in gemeenten)
    bounds = [start.isoformat(), end.isoformat()]
    rows = db.execute(
        "SELECT gemeente, activity, count(*), coalesce(sum(deelnemers), 0) FROM sessions "
        f"WHERE gemeente IN ({marks}) AND date BETWEEN ? AND ? GROUP BY gemeente, activity "
        "UNION ALL SELECT gemeente, activity, sum(bijeenkomsten), sum(deelnemers) FROM totals "
        f"WHERE gemeente IN ({marks}) AND {_TOTALS_IN_RANGE} GROUP BY gemeente, activity",
        [*gemeenten, *bounds, *gemeenten, *bounds],
    ).fetchall()
    out: dict[tuple[str, str], tuple[int, int]] = {}
    for g, a, n, people in rows:
        before = out.get((g, a), (0, 0))
        out[(g, a)] = (before[0] + n, before[1] + people)
    return out


def compute_stand(
    db: sqlite_utils.Database, catalogue: Catalogue, scope: Scope, period: Period, today: date
) -> Stand:
    start, end = period_bounds(period, today)
    now = per_activity(db, scope, start, end)
    before = per_activity(db, scope, year_earlier(start), year_earlier(end))

    lines_pl: dict[str, Line] = {
        pl.id: Line(pl.id, pl.name) for pl in catalogue.programmalijnen.values()
    }
    lines_op: dict[str, Line] = {op.id: Line(op.id, op.name) for op in catalogue.opgaven.values()}
    totaal = Line("totaal", "Totaal")
    for figures, current in ((now, True), (before, False)):
        for activity_id, (n, people) in figures.items():
            activity = catalogue.activities.get(activity_id)
            if activity is None:
                continue  # removed from the catalogue since; still in the database
            pl = lines_pl[activity.programmalijn]
            op = lines_op[catalogue.programmalijnen[activity.programmalijn].opgave]
            for line in (pl, op, totaal):
                if current:
                    line.bijeenkomsten += n
                    line.deelnemers += people
                else:
                    line.vorig_bijeenkomsten += n
                    line.vorig_deelnemers += people

    for activity_id, (n, agree) in answers_per_activity(db, scope, start, end).items():
        activity = catalogue.activities.get(activity_id)
        if activity is not None:
            line = lines_op[catalogue.programmalijnen[activity.programmalijn].opgave]
            line.antwoorden += n
            line.eens += agree

    by_opgave: dict[str, list[Line]] = {}
    for pl in catalogue.programmalijnen.values():
        by_opgave.setdefault(pl.opgave, []).append(lines_pl[pl.id])

    stand = Stand(
        scope=scope,
        period=period,
        start=start,
        end=end,
        opgaven=list(lines_op.values()),
        programmalijnen=by_opgave,
        totaal=totaal,
    )
    _add_contract(db, catalogue, scope, today, stand, now if period == "jaar" else None)
    return stand


def _add_contract(
    db: sqlite_utils.Database,
    catalogue: Catalogue,
    scope: Scope,
    today: date,
    stand: Stand,
    year_so_far: dict[str, tuple[int, int]] | None,
) -> None:
    """Progress against the contracted number of activities (for a gemeente or the whole)."""
    if scope.vestiging:
        return
    gemeenten = [scope.gemeente] if scope.gemeente else list(catalogue.gemeenten)
    contracts = [catalogue.contract(g, today.year) for g in gemeenten]
    agreed = [c for c in contracts if c is not None and c.activities_per_year]
    if not agreed:
        return
    stand.contract_target = sum(c.activities_per_year or 0 for c in agreed)
    year_start = date(today.year, 1, 1)
    if scope.gemeente and year_so_far is not None:
        done = {(scope.gemeente, a): v for a, v in year_so_far.items()}
    else:
        done = per_gemeente_activity(db, [c.gemeente for c in agreed], year_start, today)
    # Each gemeente's contract counts that gemeente's own sessions of the contracted lines.
    stand.contract_done = sum(
        n
        for c in agreed
        for (g, activity), (n, _) in done.items()
        if g == c.gemeente and catalogue.counts_for_contract(c, activity)
    )
    days_in_year = (date(today.year, 12, 31) - year_start).days + 1
    elapsed = (today - year_start).days + 1
    stand.contract_expected = stand.contract_target * elapsed / days_in_year
