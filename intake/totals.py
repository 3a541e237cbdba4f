"""`impactbot import totalen`: the figures libraries kept before the bot, as totals.

One row per activity, vestiging and period (a month: "2025-03", "03-2025", "maart 2025",
"mrt 25", a date cell in that month; or a year: "2025"; or separate columns `jaar` and
`maand`), with `bijeenkomsten` and `deelnemers` (or `kinderen` and `volwassenen`), and if kept
`vragen`, `cursussen` and `ingeschreven`. Stored in the `totals` table (see store/migrations.py
for why a table of its own): every figure counts a total like the sessions it stands for.

Like the session import: every sheet with the right header, every row checked first, all or
nothing, line numbers in every message, --dry-run. Idempotent: a total is known by activity,
vestiging and period; the same file again changes nothing, a corrected figure replaces the
old one (and is reported as changed). A row with 0 bijeenkomsten and no participants (an
August without sessions) is skipped. Two rows for the same activity and vestiging whose
periods overlap (a year and one of its months) are refused: they would count twice. Totals
for a period in which sessions of that activity and vestiging were also reported are stored,
and the report names them, because both count.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import sqlite_utils

from intake.daywords import MONTHS
from intake.session_rows import SESSION_COLUMNS, session_missing
from intake.sheets import read_for_import
from intake.tables import (
    Cell,
    CellError,
    ImportFailed,
    ImportReport,
    Resolver,
    cell_text,
    parse_count,
    parse_year,
)
from store import audit
from store.db import now_iso, transaction
from store.session_model import attendance_problem
from toc.matcher import Matcher
from toc.models import Catalogue

COUNTS = ("bijeenkomsten", "deelnemers", "kinderen", "volwassenen", "vragen", "cursussen",
          "ingeschreven")  # fmt: skip
TOTAL_COLUMNS = ("activiteit", "vestiging", "periode", "jaar", "maand", *COUNTS)
NO_ROWS = "Er staan geen totalen in het bestand, alleen een kopregel."
TOTALS_HINT = (
    "Dit bestand heeft totalen per periode (een kolom periode of jaar en het aantal "
    "bijeenkomsten): lees het in met 'impactbot import totalen'."
)
SESSIONS_HINT = (
    "Dit bestand heeft een datum per regel: dat zijn losse bijeenkomsten. Lees het in met "
    "'impactbot import sessies'."
)
_EXAMPLE = "schrijf een maand als 2025-03 of maart 2025, of een heel jaar als 2025"
_MONTH_YEAR = re.compile(r"(\d{1,2})[-/.](\d{4})|(\d{4})[-/.](\d{1,2})")
_NAME_YEAR = re.compile(r"([a-z]+)\.?[\s-]+'?(\d{4}|\d{2})")


def fits_sessions(path: Path) -> bool:
    try:
        read_for_import(path, SESSION_COLUMNS, session_missing)
    except ImportFailed:
        return False
    return True


def fits_totals(path: Path) -> bool:
    try:
        read_for_import(path, TOTAL_COLUMNS, total_missing)
    except ImportFailed:
        return False
    return True


def total_missing(found: set[str]) -> list[str]:
    missing = [c for c in ("activiteit", "vestiging", "bijeenkomsten") if c not in found]
    if "periode" not in found and "jaar" not in found:
        missing.append("periode")
    if not {"deelnemers", "kinderen", "volwassenen"} & found:
        missing.append("deelnemers")
    return missing


@dataclass(frozen=True)
class Period:
    label: str  # 'YYYY-MM' or 'YYYY'
    start: date
    end: date

    @staticmethod
    def month(year: int, month: int) -> Period:
        last = calendar.monthrange(year, month)[1]
        return Period(f"{year}-{month:02d}", date(year, month, 1), date(year, month, last))

    @staticmethod
    def year(year: int) -> Period:
        return Period(str(year), date(year, 1, 1), date(year, 12, 31))


def _month_number(value: Cell) -> int | None:
    if isinstance(value, date):
        return value.month
    text = cell_text(value).lower().rstrip(".")
    if text.isdigit() and 1 <= int(text) <= 12:
        return int(text)
    return MONTHS.get(text)


def _full_year(text: str) -> int:
    return int(text) + 2000 if len(text) == 2 else int(text)


def parse_period(value: Cell, year_cell: Cell = None, month_cell: Cell = None) -> Period:
    """A month or a year, from one `periode` cell or from `jaar` (+ `maand`) cells."""
    if value is None or cell_text(value) == "":
        if year_cell is None or cell_text(year_cell) == "":
            raise CellError(f"de periode is leeg; {_EXAMPLE}")
        year = parse_year(year_cell)
        if month_cell is None or cell_text(month_cell) == "":
            return Period.year(year)
        month = _month_number(month_cell)
        if month is None:
            raise CellError(f"maand '{cell_text(month_cell)}' is geen maand; schrijf bijv. maart")
        return Period.month(year, month)
    if isinstance(value, date):  # a date cell shown as "mrt-25": that month
        return Period.month(value.year, value.month)
    text = cell_text(value).lower()
    if year_cell is not None and cell_text(year_cell) and (month := _month_number(value)):
        return Period.month(parse_year(year_cell), month)  # 'maart' beside a 'jaar' column
    if re.fullmatch(r"\d{4}", text):
        return Period.year(parse_year(text))
    if match := _MONTH_YEAR.fullmatch(text):
        number, written_year = (match[1], match[2]) if match[1] else (match[4], match[3])
        if 1 <= int(number) <= 12:
            return Period.month(parse_year(written_year), int(number))
    if (match := _NAME_YEAR.fullmatch(text)) and match[1] in MONTHS:
        return Period.month(parse_year(_full_year(match[2])), MONTHS[match[1]])
    raise CellError(f"periode '{cell_text(value)}' is geen maand of jaar; {_EXAMPLE}")


@dataclass
class TotalRow:
    where: str
    activity: str
    vestiging: str
    period: Period
    counts: dict[str, int | None]


def _parse_row(
    cols: dict[str, str],
    row: dict[str, Cell],
    activities: Resolver,
    vestigingen: Resolver,
    today: date,
) -> tuple[TotalRow | None, list[str]]:
    def cell(column: str) -> Cell:
        return row.get(cols[column]) if column in cols else None

    problems: list[str] = []
    found: dict[str, object] = {}
    parsers: list[tuple[str, Callable[[Cell], object]]] = [
        ("activiteit", activities),
        ("vestiging", vestigingen),
        ("periode", lambda v: parse_period(v, cell("jaar"), cell("maand"))),
        *((c, lambda v, c=c: parse_count(v, c)) for c in COUNTS),
    ]
    for name, parse in parsers:
        try:
            found[name] = parse(cell(name))
        except CellError as exc:
            problems.append(str(exc))
    if problems:
        return None, problems
    counts: dict[str, int | None] = {c: found[c] for c in COUNTS}  # type: ignore[misc]  # parsed: parse_count gives int | None
    period: Period = found["periode"]  # type: ignore[assignment]  # parsed: parse_period gives a Period
    if period.start > today:
        problems.append(f"periode {period.label} ligt in de toekomst; is het jaartal goed?")
    if period.start.year < 2000:
        problems.append(f"periode {period.label} is vóór het jaar 2000; is het jaartal goed?")
    parts = [counts["kinderen"], counts["volwassenen"]]
    if counts["deelnemers"] is None and any(p is not None for p in parts):
        counts["deelnemers"] = sum(p or 0 for p in parts)
    if problem := attendance_problem(counts["deelnemers"], *parts):
        problems.append(problem)
    if not counts["bijeenkomsten"] and (counts["deelnemers"] or counts["cursussen"]):
        problems.append("er zijn deelnemers maar geen bijeenkomsten; vul 'bijeenkomsten' in")
    elif counts["bijeenkomsten"] and counts["deelnemers"] is None:
        problems.append("geen aantal: vul 'deelnemers' in, of 'kinderen' en 'volwassenen'")
    if problems:
        return None, problems
    return TotalRow("", str(found["activiteit"]), str(found["vestiging"]), period, counts), []


def _overlaps(a: Period, b: Period) -> bool:
    return a.start <= b.end and b.start <= a.end


def _check_overlaps(
    db: sqlite_utils.Database, catalogue: Catalogue, rows: list[TotalRow]
) -> list[str]:
    """Two totals of one activity and vestiging whose periods overlap would count twice."""
    problems: list[str] = []
    by_place: dict[tuple[str, str], list[TotalRow]] = {}
    for row in rows:
        by_place.setdefault((row.activity, row.vestiging), []).append(row)
    for (activity_id, vestiging_id), group in by_place.items():
        activity = catalogue.activities[activity_id].name
        vestiging = catalogue.vestigingen[vestiging_id].name
        for i, row in enumerate(group):
            for earlier in group[:i]:
                if row.period == earlier.period:
                    problems.append(
                        f"{row.where}: {activity} in {vestiging} over {row.period.label} staat "
                        f"al op {earlier.where}"
                    )
                elif _overlaps(row.period, earlier.period):
                    problems.append(
                        f"{row.where}: {row.period.label} overlapt met {earlier.period.label} "
                        f"op {earlier.where} ({activity}, {vestiging}); dan telt het dubbel"
                    )
        stored = db.execute(
            "SELECT period, period_start, period_end FROM totals "
            "WHERE activity = ? AND vestiging = ?",
            [activity_id, vestiging_id],
        ).fetchall()
        for label, first, last in stored:
            period = Period(label, date.fromisoformat(first), date.fromisoformat(last))
            for row in group:
                if row.period.label != label and _overlaps(row.period, period):
                    problems.append(
                        f"{row.where}: {row.period.label} overlapt met het al ingelezen totaal "
                        f"over {label} ({activity}, {vestiging}); dan telt het dubbel"
                    )
    return problems


def import_totals(
    db: sqlite_utils.Database,
    catalogue: Catalogue,
    path: str | Path,
    *,
    dry_run: bool = False,
    actor: str = "import",
    today: date | None = None,
) -> ImportReport:
    """Check every row, then store all totals or none. Raises ImportFailed with every problem."""
    path = Path(path)
    today = today or date.today()
    try:
        sheets = read_for_import(path, TOTAL_COLUMNS, total_missing)
    except ImportFailed as failed:
        if not fits_sessions(path):
            raise
        raise ImportFailed(path, [*failed.problems, SESSIONS_HINT]) from None
    activities = Resolver(Matcher.for_activities(catalogue), "activiteit")
    vestigingen = Resolver(Matcher.for_vestigingen(catalogue), "vestiging")
    problems: list[str] = []
    rows: list[TotalRow] = []
    empty = 0
    for table, cols, line, raw in sheets.rows():
        total, row_problems = _parse_row(cols, raw, activities, vestigingen, today)
        problems.extend(f"{table.where(line)}: {p}" for p in row_problems)
        if total is None:
            continue
        if not total.counts["bijeenkomsten"]:
            empty += 1
            continue
        total.where = table.where(line)
        rows.append(total)
    problems.extend(_check_overlaps(db, catalogue, rows))
    if problems:
        raise ImportFailed(path, problems)
    if not rows:
        raise ImportFailed(path, [NO_ROWS])

    report = sheets.report("totalen", path, dry_run)
    report.skipped_empty = empty
    with transaction(db) if not dry_run else nullcontext():
        _store(db, catalogue, rows, report, dry_run)
        if not dry_run:
            audit.record(
                db, actor, "import", "totals", path.name, rows=report.rows,
                stored=report.stored, updated=report.updated, unchanged=report.duplicates,
                sessions=report.sessions_in_totals,
            )  # fmt: skip
    return report


def _store(
    db: sqlite_utils.Database,
    catalogue: Catalogue,
    rows: list[TotalRow],
    report: ImportReport,
    dry_run: bool,
) -> None:
    existing = {
        (a, v, p): tuple(rest)
        for a, v, p, *rest in db.execute(
            f"SELECT activity, vestiging, period, {', '.join(COUNTS)} FROM totals"
        )
    }
    years: Counter[int] = Counter()
    now = now_iso()
    for row in rows:
        values = tuple(row.counts[c] for c in COUNTS)
        old = existing.get((row.activity, row.vestiging, row.period.label))
        if old == values:
            report.duplicates += 1
            continue
        report.updated += old is not None
        report.stored += old is None
        report.sessions_in_totals += row.counts["bijeenkomsten"] or 0
        years[row.period.start.year] += 1
        overlap = db.execute(
            "SELECT count(*) FROM sessions WHERE activity = ? AND vestiging = ? "
            "AND date BETWEEN ? AND ?",
            [row.activity, row.vestiging, row.period.start.isoformat(), row.period.end.isoformat()],
        ).fetchone()[0]
        if overlap:
            report.overlaps.append(
                f"{row.where}: {catalogue.activities[row.activity].name} in "
                f"{catalogue.vestigingen[row.vestiging].name} over {row.period.label} "
                f"(ook {overlap} losse bijeenkomst{'en' if overlap != 1 else ''} gemeld)"
            )
        if dry_run:
            continue
        db.execute(
            f"INSERT INTO totals (activity, vestiging, gemeente, year, period, period_start, "
            f"period_end, {', '.join(COUNTS)}, source, created_at) "
            f"VALUES ({', '.join('?' for _ in range(7 + len(COUNTS)))}, 'import', ?) "
            "ON CONFLICT (activity, vestiging, period) DO UPDATE SET "
            + ", ".join(f"{c} = excluded.{c}" for c in COUNTS)
            + ", updated_at = excluded.created_at",
            [row.activity, row.vestiging, catalogue.vestigingen[row.vestiging].gemeente,
             row.period.start.year, row.period.label, row.period.start.isoformat(),
             row.period.end.isoformat(), *values, now],
        )  # fmt: skip
    report.per_year = dict(sorted(years.items()))
