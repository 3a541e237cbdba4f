"""Where do we stand: output so far this year, month or week, for a manager's phone screen.

Pure figures (SQL over indexes, then a small mapping in Python); the chat text is made in
bot/. Compared with the same period last year and with the contracted output.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

import sqlite_utils

from reports.evidence import evidence_of_year, verdict_counts
from reports.evidence_model import Label
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
    # Participants' own answers right after a session (survey or tally) in the period, and
    # the people who gave them (per session the most answers to one statement).
    antwoorden: int = 0
    eens: int = 0
    respondenten: int = 0


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
    # The one verdict per effect of the year so far (reports.evidence.evidence_of_year, as
    # the year report computes it): label -> number of effects whose activities ran.
    verdicts: dict[Label, int] = field(default_factory=dict)


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


def _month_end(day: date) -> date:
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following - timedelta(days=1)


def split_period(
    start: date, end: date
) -> tuple[tuple[date, date] | None, list[tuple[date, date]]]:
    """The whole months of [start, end] (first and last day of that run), and the day ranges
    outside them: the months are read from agg_month, the days from agg_day, so a year so
    far reads at most 12 month rows and 30 day rows per activity and vestiging."""
    first = start if start.day == 1 else _month_end(start) + timedelta(days=1)
    last = end if end == _month_end(end) else end.replace(day=1) - timedelta(days=1)
    if first > last:
        return None, [(start, end)]
    days = []
    if start < first:
        days.append((start, first - timedelta(days=1)))
    if last < end:
        days.append((last + timedelta(days=1), end))
    return (first, last), days


def _output(
    db: sqlite_utils.Database,
    group: str,
    where: str,
    params: Sequence[object],
    start: date,
    end: date,
) -> dict[tuple[str, ...], list[int]]:
    """(group columns) -> [sessions, participants, answers right after, of which agreeing] in
    [start, end]: whole months from agg_month, the other days from agg_day, plus the totals
    that lie inside the period (they have no answers). `where` narrows all three the same way
    with `params`."""
    months, days = split_period(start, end)
    sums = "sum(bijeenkomsten), sum(deelnemers)"
    parts: list[str] = []
    bound: list[object] = []
    if months is not None:
        parts.append(
            f"SELECT {group}, {sums}, sum(antwoorden), sum(eens) FROM agg_month "
            # the year range is the key's prefix; (year, month) bounds the months in it
            f"WHERE year BETWEEN ? AND ? AND (year, month) BETWEEN (?, ?) AND (?, ?){where} "
            f"GROUP BY {group}"
        )
        first, last = months
        bound += [first.year, last.year, first.year, first.month, last.year, last.month, *params]
    for first, last in days:
        parts.append(
            f"SELECT {group}, {sums}, sum(antwoorden), sum(eens) FROM agg_day "
            f"WHERE date BETWEEN ? AND ?{where} GROUP BY {group}"
        )
        bound += [first.isoformat(), last.isoformat(), *params]
    parts.append(
        f"SELECT {group}, {sums}, 0, 0 FROM totals WHERE {_TOTALS_IN_RANGE}{where} GROUP BY {group}"
    )
    bound += [start.isoformat(), end.isoformat(), *params]
    width = group.count(",") + 1
    out: dict[tuple[str, ...], list[int]] = {}
    for row in db.execute(" UNION ALL ".join(parts), bound).fetchall():
        counts = out.setdefault(tuple(row[:width]), [0, 0, 0, 0])
        for i, value in enumerate(row[width:]):
            counts[i] += int(value or 0)
    return out


def per_activity(
    db: sqlite_utils.Database, scope: Scope, start: date, end: date
) -> dict[str, tuple[int, int]]:
    """activity -> (sessions, participants) between start and end, both included."""
    where, params = scope.where()
    out = _output(db, "activity", where, params, start, end)
    return {a: (v[0], v[1]) for (a,), v in out.items()}


def answers_per_activity(
    db: sqlite_utils.Database, scope: Scope, start: date, end: date
) -> dict[str, tuple[int, int]]:
    """activity -> (participants' answers right after, of which agreeing) in the period."""
    where, params = scope.where()
    out = _output(db, "activity", where, params, start, end)
    return {a: (v[2], v[3]) for (a,), v in out.items() if v[2]}


def per_gemeente_activity(
    db: sqlite_utils.Database, gemeenten: list[str], start: date, end: date
) -> dict[tuple[str, str], tuple[int, int]]:
    """(gemeente, activity) -> (sessions, participants) for the given gemeenten."""
    marks = ", ".join("?" for _ in gemeenten)
    out = _output(db, "gemeente, activity", f" AND gemeente IN ({marks})", gemeenten, start, end)
    return {(g, a): (v[0], v[1]) for (g, a), v in out.items()}


def _respondents(db: sqlite_utils.Database, scope: Scope, start: date, end: date) -> dict[str, int]:
    """activity -> people who answered right after a session in the period: one submission
    rates every statement once, so per session the most answers to one statement."""
    where, params = scope.where()
    where = where.replace(" AND ", " AND s.")
    rows = db.execute(
        "SELECT s.activity, sum(t.n) FROM (SELECT session_id, max(c) AS n FROM (SELECT "
        "session_id, effect, dimension, count(*) AS c FROM survey_answers WHERE moment = "
        "'direct' GROUP BY session_id, effect, dimension) GROUP BY session_id) t CROSS JOIN "
        f"sessions s ON s.id = t.session_id WHERE s.date BETWEEN ? AND ?{where} "
        "GROUP BY s.activity",
        [start.isoformat(), end.isoformat(), *params],
    ).fetchall()
    return {a: int(n) for a, n in rows}


def compute_stand(
    db: sqlite_utils.Database, catalogue: Catalogue, scope: Scope, period: Period, today: date
) -> Stand:
    start, end = period_bounds(period, today)
    where, params = scope.where()
    # One read per period: by gemeente and activity now (the contract needs the gemeente),
    # by activity a year earlier.
    now_by_gemeente = _output(db, "gemeente, activity", where, params, start, end)
    now: dict[str, list[int]] = {}
    for (_, activity_id), counts in now_by_gemeente.items():
        total = now.setdefault(activity_id, [0, 0, 0, 0])
        for i, value in enumerate(counts):
            total[i] += value
    before = {
        a: counts
        for (a,), counts in _output(
            db, "activity", where, params, year_earlier(start), year_earlier(end)
        ).items()
    }

    lines_pl: dict[str, Line] = {
        pl.id: Line(pl.id, pl.name) for pl in catalogue.programmalijnen.values()
    }
    lines_op: dict[str, Line] = {op.id: Line(op.id, op.name) for op in catalogue.opgaven.values()}
    totaal = Line("totaal", "Totaal")
    for figures, current in ((now, True), (before, False)):
        for activity_id, (n, people, *_) in figures.items():
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

    for activity_id, (_, _, n, agree) in now.items():
        activity = catalogue.activities.get(activity_id)
        if activity is not None and n:
            line = lines_op[catalogue.programmalijnen[activity.programmalijn].opgave]
            line.antwoorden += n
            line.eens += agree

    for activity_id, people in _respondents(db, scope, start, end).items():
        activity = catalogue.activities.get(activity_id)
        if activity is not None:
            lines_op[
                catalogue.programmalijnen[activity.programmalijn].opgave
            ].respondenten += people

    by_opgave: dict[str, list[Line]] = {}
    for programmalijn in catalogue.programmalijnen.values():
        by_opgave.setdefault(programmalijn.opgave, []).append(lines_pl[programmalijn.id])

    stand = Stand(
        scope=scope,
        period=period,
        start=start,
        end=end,
        opgaven=list(lines_op.values()),
        programmalijnen=by_opgave,
        totaal=totaal,
    )
    year_so_far = now_by_gemeente if period == "jaar" else None
    _add_contract(db, catalogue, scope, today, stand, year_so_far)
    if not scope.vestiging:
        # the evidence is the report's (a gemeente or the whole organisation), never a
        # second count; a vestiging has no verdict of its own
        stand.verdicts = verdict_counts(evidence_of_year(db, catalogue, today.year, scope.gemeente))
    return stand


def _add_contract(
    db: sqlite_utils.Database,
    catalogue: Catalogue,
    scope: Scope,
    today: date,
    stand: Stand,
    year_so_far: dict[tuple[str, ...], list[int]] | None,
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
    if year_so_far is not None:
        done = {(g, a): (v[0], v[1]) for (g, a), v in year_so_far.items()}
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
