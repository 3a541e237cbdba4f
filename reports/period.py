"""Which period a report covers and whether the year before can stand beside it.

A year is set beside the year before only when that year is complete enough by COMPARE_RULE;
otherwise the report says it cannot compare, instead of "351 meer dan in 2023" against a year
with five sessions. A year that is not over yet is a year to date: named so, and set beside
the same months of the year before.
"""

from __future__ import annotations

import math
from datetime import date

import sqlite_utils
from pydantic import BaseModel

from ground.dutch import MONTHS
from ground.errors import ImpactbotError
from reports.figures import months_reported, scope_sql

# The year before must have reports from at least this share of the months this year has:
# enough to keep out a year with one month of trial reports (the Westerveld replay's 2023),
# while a young library's two busy months still stand beside five.
MIN_SHARE = 1 / 3

COMPARE_RULE = (
    "We zetten een jaar alleen naast het jaar ervoor als er over het jaar ervoor uit minstens "
    "een derde zoveel maanden iets gemeld is als over dit jaar (een jaartotaal telt voor alle "
    "maanden); anders zeggen we dat we niet kunnen vergelijken. Is het jaar nog niet om, dan "
    "staat er 'tot en met' de maand van vandaag, en zetten we het naast dezelfde maanden van "
    "het jaar ervoor."
)


class Period(BaseModel):
    year: int
    until_month: int | None = None  # a year to date: January up to this month
    compare: bool = True  # the year before is complete enough to stand beside this one
    months_before: int = 12  # months of the year before with something reported
    note: str = ""  # why we do not compare, in one sentence; '' when we do

    @property
    def label(self) -> str:
        """'2025', or 'januari tot en met mei 2026' for a year to date."""
        if self.until_month is None:
            return str(self.year)
        return f"januari tot en met {MONTHS[self.until_month - 1]} {self.year}"

    @property
    def previous_label(self) -> str:
        if self.until_month is None:
            return str(self.year - 1)
        return f"januari tot en met {MONTHS[self.until_month - 1]} {self.year - 1}"


def report_period(
    db: sqlite_utils.Database, year: int, gemeente: str | None, today: date
) -> Period:
    until = today.month if year == today.year and (today.month, today.day) != (12, 31) else None
    months = months_reported(db, year - 1, gemeente, until)
    if months == 0:
        # nothing to compare with: the tables simply have no column for it
        return Period(year=year, until_month=until, compare=False, months_before=0)
    now = months_reported(db, year, gemeente, until)
    if months >= math.ceil(MIN_SHARE * now):
        return Period(year=year, until_month=until, months_before=months)
    note = (
        f"Met {year - 1} vergelijken we niet: daarover is uit {months} "
        f"{'maand' if months == 1 else 'maanden'} iets gemeld, over {year} uit {now}; "
        "dan zegt een verschil niets."
    )
    return Period(year=year, until_month=until, compare=False, months_before=months, note=note)


FIRST_YEAR = 2000


class NoReport(ImpactbotError):
    """A year for which no report can be made: one sentence instead of empty pages."""


def check_report_year(
    db: sqlite_utils.Database, year: int, gemeente: str | None, scope: str, today: date
) -> None:
    """Refuse, in one Dutch sentence, a year outside 2000 up to this year, or one without any
    reported session or imported total in the scope (`scope`: 'gemeente Westerveld')."""
    if not FIRST_YEAR <= year <= today.year:
        raise NoReport(
            f"Over {year} kan ik geen verslag maken. Kies een jaar van {FIRST_YEAR} tot en met "
            f"{today.year}."
        )
    where, params = scope_sql(gemeente)
    found = (
        db.execute(
            f"SELECT 1 FROM agg_month WHERE year = ?{where} LIMIT 1", [year, *params]
        ).fetchone()
        or db.execute(
            f"SELECT 1 FROM totals WHERE year = ?{where} LIMIT 1", [year, *params]
        ).fetchone()
    )
    if not found:
        raise NoReport(
            f"Over {year} is voor {scope} nog niets gemeld of geïmporteerd, dus er is geen "
            "verslag te maken. Kies een ander jaar, of importeer eerst de verslagen."
        )
