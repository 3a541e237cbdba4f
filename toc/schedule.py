"""Recurring sessions from the organisation file's rooster, expanded into dates.

Rules, as a library planner writes them:
- "wekelijks:wo"       every Wednesday
- "tweewekelijks:di"   every other Tuesday, counted from the first Tuesday of the year
- "maandelijks:1:ma"   the first Monday of every month ("maandelijks:-1:vr" = the last Friday)
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from ground.errors import ImpactbotError

WEEKDAYS = {"ma": 0, "di": 1, "wo": 2, "do": 3, "vr": 4, "za": 5, "zo": 6}


class ScheduleRuleError(ImpactbotError):
    """A rooster rule that cannot be read."""


@dataclass(frozen=True)
class Rule:
    every: str  # wekelijks | tweewekelijks | maandelijks
    weekday: int
    nth: int = 0  # for maandelijks: 1..5, or -1 for the last


def parse_rule(text: str) -> Rule:
    parts = text.strip().lower().split(":")
    try:
        if parts[0] in ("wekelijks", "tweewekelijks") and len(parts) == 2:
            return Rule(parts[0], WEEKDAYS[parts[1]])
        if parts[0] == "maandelijks" and len(parts) == 3:
            nth = int(parts[1])
            if nth not in (-1, 1, 2, 3, 4, 5):
                raise ValueError(nth)
            return Rule("maandelijks", WEEKDAYS[parts[2]], nth)
    except (KeyError, ValueError):
        pass
    raise ScheduleRuleError(
        f"De roosterregel '{text}' begrijp ik niet. Gebruik bijvoorbeeld 'wekelijks:wo', "
        "'tweewekelijks:di' of 'maandelijks:1:ma' (eerste maandag van de maand)."
    )


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date | None:
    days = [
        date(year, month, d)
        for d in range(1, calendar.monthrange(year, month)[1] + 1)
        if date(year, month, d).weekday() == weekday
    ]
    if nth == -1:
        return days[-1]
    return days[nth - 1] if nth <= len(days) else None


def occurrences(rule: str | Rule, start: date, end: date) -> list[date]:
    """Every date from start to end (both included) on which the rule plans a session."""
    r = parse_rule(rule) if isinstance(rule, str) else rule
    if end < start:
        return []
    if r.every == "maandelijks":
        out: list[date] = []
        year, month = start.year, start.month
        while (year, month) <= (end.year, end.month):
            day = _nth_weekday(year, month, r.weekday, r.nth)
            if day is not None and start <= day <= end:
                out.append(day)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return out
    step = 7 if r.every == "wekelijks" else 14
    anchor = date(start.year, 1, 1)
    anchor += timedelta(days=(r.weekday - anchor.weekday()) % 7)
    first = anchor
    if first < start:
        first += timedelta(days=-(-(start - first).days // step) * step)
    else:
        # Before the anchor (the first days of the year): step back within the range.
        while first - timedelta(days=step) >= start:
            first -= timedelta(days=step)
    out = []
    day = first
    while day <= end:
        out.append(day)
        day += timedelta(days=step)
    return out
