"""`impactbot import sessies|kengetallen`: a whole spreadsheet in, all or nothing.

Every row is checked first; one bad row and nothing is stored, and every bad row is listed with
the line number the spreadsheet shows (the header is line 1). A good file is stored in one
transaction through `store.sessions.store_in_transaction`, so the same rules hold as for the bot.

Idempotency: each session gets source_key "import:<hash>", a hash of what the row means (date,
activity, vestiging, counts, reeks, ingeschreven, as resolved ids and numbers) plus how many
identical rows came before it in the file. Importing the same file again, or the same data as
XLSX instead of CSV, adds nothing; two genuinely identical sessions in one file both count.
The quote is deliberately not part of the key: correcting a typo in a quote and importing the
file again must not count the session twice (the corrected quote is then not stored either;
the report says how many rows were already there).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from intake.names import full_name_problem
from intake.tables import (
    Cell,
    CellError,
    ImportFailed,
    ImportReport,
    Resolver,
    cell_text,
    map_columns,
    missing_columns,
    parse_count,
    parse_date,
    parse_number,
    parse_year,
    read_or_fail,
)
from store import audit
from store.db import now_iso, transaction
from store.sessions import QuoteIn, SessionIn, SessionInvalid, store_in_transaction
from store.sessions import validate_session as check_session
from toc.matcher import Matcher
from toc.models import Catalogue

# progress(phase, done, total); phase is a Dutch word for the terminal ("controleren", "opslaan").
Progress = Callable[[str, int, int], None]
PROGRESS_EVERY = 1000
ACTOR = "import"

SESSION_REQUIRED = ("datum", "activiteit", "vestiging")
ATTENDANCE = ("deelnemers", "kinderen", "volwassenen")
OPTIONAL = ("vragen", "reeks", "ingeschreven", "citaat", "citaat van", "toestemming", "bron")
SESSION_COLUMNS = (*SESSION_REQUIRED, *ATTENDANCE, *OPTIONAL)
KENGETAL_COLUMNS = ("jaar", "gemeente", "kengetal", "waarde")
CONSENTS = ("ja", "anoniem", "nee")
NO_ROWS = "Er staan geen gegevens in het bestand, alleen een kopregel."

__all__ = ["ImportFailed", "ImportReport", "import_kengetallen", "import_sessions"]


# -- shared helpers -----------------------------------------------------------------------------


def _tick(progress: Progress | None, phase: str, done: int, total: int) -> None:
    if progress is not None and (done % PROGRESS_EVERY == 0 or done == total):
        progress(phase, done, total)


# -- sessions -----------------------------------------------------------------------------------


@dataclass
class _Row:
    line: int
    session: SessionIn


class _RowParser:
    """One spreadsheet row -> a checked SessionIn. Each distinct cell value is parsed once:
    100,000 rows hold only a few hundred different dates, names and counts."""

    def __init__(self, cols: dict[str, str], catalogue: Catalogue) -> None:
        self.cols = cols
        self.catalogue = catalogue
        activities = Resolver(Matcher.for_activities(catalogue), "activiteit")
        vestigingen = Resolver(Matcher.for_vestigingen(catalogue), "vestiging")

        def count(column: str) -> Callable[[Cell], int | None]:
            return lambda value: parse_count(value, column)

        parsers: list[tuple[str, str, Callable[[Cell], object]]] = [
            ("date", "datum", parse_date),
            ("activity", "activiteit", activities),
            ("vestiging", "vestiging", vestigingen),
            *((name, name, count(name)) for name in (*ATTENDANCE, "vragen")),
            ("enrolled", "ingeschreven", count("ingeschreven")),
        ]
        self.parsers = [(name, cols.get(column), parse) for name, column, parse in parsers]
        self.memo: dict[tuple[str, type, Cell], object] = {}

    def _cell(self, row: dict[str, Cell], column: str) -> Cell:
        header = self.cols.get(column)
        return None if header is None else row.get(header)

    def parse(self, row: dict[str, Cell]) -> tuple[SessionIn | None, list[str]]:
        """The session, or every problem found in the row (without the 'regel' prefix)."""
        problems: list[str] = []
        values: dict[str, object] = {}
        for name, header, parse in self.parsers:
            value = None if header is None else row.get(header)
            key = (name, type(value), value)
            if key not in self.memo:
                try:
                    self.memo[key] = parse(value)
                except CellError as exc:
                    self.memo[key] = exc
            result = self.memo[key]
            if isinstance(result, CellError):
                problems.append(str(result))
            else:
                values[name] = result
        if all(values.get(n, 0) is None for n in ATTENDANCE):
            problems.append("geen aantal: vul 'deelnemers' in, of 'kinderen' en 'volwassenen'")
        total, parts = values.get("deelnemers"), [values.get(n) for n in ATTENDANCE[1:]]
        if isinstance(total, int) and total < sum(p for p in parts if isinstance(p, int)):
            problems.append(f"'deelnemers' ({total}) is kleiner dan kinderen plus volwassenen")
        written = cell_text(self._cell(row, "toestemming"))
        consent = written.lower() or "nee"
        if consent not in CONSENTS:
            problems.append(f"toestemming '{written}' is onbekend; kies ja, anoniem of nee")
        if problems:
            return None, problems
        quotes: list[QuoteIn] = []
        if text := cell_text(self._cell(row, "citaat")):
            attribution = cell_text(self._cell(row, "citaat van")) or None
            if problem := full_name_problem(text, attribution, self.catalogue):
                return None, [problem]
            quotes.append(QuoteIn(text=text, attribution=attribution, consent=consent))
        series = cell_text(self._cell(row, "reeks")) or None
        session = SessionIn(**values, series_name=series, quotes=quotes, source="import")  # type: ignore[arg-type]
        # An export names each session's own key ('bron'): read back, it is the same session.
        session.source_key = cell_text(self._cell(row, "bron")) or None
        try:
            check_session(self.catalogue, session)
        except SessionInvalid as exc:
            return None, [str(exc)]
        return session, []


def _content_key(s: SessionIn) -> str:
    meaning = (s.date.isoformat(), s.activity, s.vestiging, s.deelnemers, s.kinderen)
    rest = (s.volwassenen, s.vragen, s.series_name, s.enrolled)
    return json.dumps([*meaning, *rest], ensure_ascii=False)


def _assign_keys(rows: list[_Row]) -> int:
    """Give every row without a 'bron' its content key; returns how many rows repeat an
    earlier row of the file exactly (they count as separate sessions, but may be a slip)."""
    seen: Counter[str] = Counter()
    repeated = 0
    for row in rows:
        content = _content_key(row.session)
        occurrence = seen[content]
        seen[content] += 1
        repeated += occurrence > 0
        if row.session.source_key is None:
            digest = hashlib.sha256(f"{content}#{occurrence}".encode()).hexdigest()[:40]
            row.session.source_key = f"import:{digest}"
    return repeated


def _existing_keys(db: sqlite_utils.Database, keys: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        marks = ",".join("?" * len(chunk))
        sql = f"SELECT source_key FROM sessions WHERE source_key IN ({marks})"
        found.update(r[0] for r in db.execute(sql, chunk))
    return found


def _series_conflicts(rows: list[_Row]) -> list[tuple[int, str]]:
    """A course has one number of enrolled people; two different numbers is a mistake."""
    first: dict[tuple[str, str, str], tuple[int, int]] = {}
    problems: list[tuple[int, str]] = []
    for row in rows:
        s = row.session
        if s.series_name is None or s.enrolled is None:
            continue
        key = (s.activity, s.vestiging, s.series_name)
        if key not in first:
            first[key] = (s.enrolled, row.line)
        elif first[key][0] != s.enrolled:
            enrolled, line = first[key]
            problems.append(
                (
                    row.line,
                    f"reeks '{s.series_name}' heeft op regel {line} {enrolled} ingeschrevenen, "
                    f"hier {s.enrolled}; gebruik één aantal per reeks",
                )
            )
    return problems


def _series_name(catalogue: Catalogue, s: SessionIn) -> str | None:
    """The series a session lands in, named as store.sessions names a course without a name."""
    activity = catalogue.activities[s.activity]
    if activity.kind != "reeks":
        return None
    return s.series_name or f"{activity.name} {s.date:%Y-%m}"


def _new_series(db: sqlite_utils.Database, catalogue: Catalogue, rows: list[_Row]) -> int:
    existing = {tuple(r) for r in db.execute("SELECT activity, vestiging, name FROM series")}
    wanted = {
        (r.session.activity, r.session.vestiging, name)
        for r in rows
        if (name := _series_name(catalogue, r.session)) is not None
    }
    return len(wanted - existing)


def import_sessions(
    db: sqlite_utils.Database,
    catalogue: Catalogue,
    path: str | Path,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    actor: str = ACTOR,
) -> ImportReport:
    """Check every row of a sessions spreadsheet, then store all of them or none.

    Raises ImportFailed listing every problem when any row is wrong.
    """
    path = Path(path)
    table = read_or_fail(path)
    cols, ignored = map_columns(table, SESSION_COLUMNS)
    missing = [c for c in SESSION_REQUIRED if c not in cols]
    if not any(c in cols for c in ATTENDANCE):
        missing.append("deelnemers")
    if missing:
        raise ImportFailed(path, [missing_columns(table, missing)])

    parser = _RowParser(cols, catalogue)
    problems: list[tuple[int, str]] = []
    rows: list[_Row] = []
    total = len(table.rows)
    for done, (line, raw) in enumerate(table.rows, start=1):
        session, row_problems = parser.parse(raw)
        problems.extend((line, p) for p in row_problems)
        if session is not None:
            rows.append(_Row(line, session))
        _tick(progress, "controleren", done, total)
    problems.extend(_series_conflicts(rows))
    if problems:
        problems.sort(key=lambda item: item[0])
        raise ImportFailed(path, [f"regel {line}: {text}" for line, text in problems])
    if not rows:
        raise ImportFailed(path, [NO_ROWS])

    repeated = _assign_keys(rows)
    report = ImportReport("sessies", str(path), dry_run, rows=total, ignored_columns=ignored)
    report.repeated = repeated
    if dry_run:
        _fill_report(db, catalogue, rows, report)
        return report
    # A bigger page cache for this connection while a large batch goes in (64 MB, was ~2 MB).
    cache_size = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute("PRAGMA cache_size = -65536")
    try:
        _store(db, catalogue, rows, report, progress, actor)
    finally:
        db.execute(f"PRAGMA cache_size = {int(cache_size)}")
    return report


def _store(
    db: sqlite_utils.Database,
    catalogue: Catalogue,
    rows: list[_Row],
    report: ImportReport,
    progress: Progress | None,
    actor: str,
) -> None:
    """All new sessions in one transaction; sessions already stored are skipped."""
    years: Counter[int] = Counter()
    with transaction(db):
        known = _existing_keys(db, [r.session.source_key or "" for r in rows])
        new = [r for r in rows if r.session.source_key not in known]
        series_before = db.execute("SELECT count(*) FROM series").fetchone()[0]
        for done, row in enumerate(new, start=1):
            result = store_in_transaction(db, catalogue, row.session, actor)
            if result.created:
                report.stored += 1
                report.quotes += len(row.session.quotes)
                years[row.session.date.year] += 1
            _tick(progress, "opslaan", done, len(new))
        report.series_created = db.execute("SELECT count(*) FROM series").fetchone()[0] - (
            series_before
        )
        report.duplicates = len(rows) - report.stored
        report.per_year = dict(sorted(years.items()))
        audit.record(
            db, actor, "import", "sessions", Path(report.path).name, rows=report.rows,
            stored=report.stored, duplicates=report.duplicates, series=report.series_created,
            quotes=report.quotes,
        )  # fmt: skip


def _fill_report(
    db: sqlite_utils.Database, catalogue: Catalogue, rows: list[_Row], report: ImportReport
) -> None:
    """What a real import would store, without writing anything."""
    known = _existing_keys(db, [r.session.source_key or "" for r in rows])
    new = [r for r in rows if r.session.source_key not in known]
    report.stored = len(new)
    report.duplicates = len(rows) - len(new)
    report.quotes = sum(len(r.session.quotes) for r in new)
    report.series_created = _new_series(db, catalogue, new)
    report.per_year = dict(sorted(Counter(r.session.date.year for r in new).items()))


# -- kengetallen --------------------------------------------------------------------------------


def import_kengetallen(
    db: sqlite_utils.Database,
    catalogue: Catalogue,
    path: str | Path,
    *,
    dry_run: bool = False,
    actor: str = ACTOR,
) -> ImportReport:
    """Store yearly figures per gemeente (jaar, gemeente, kengetal, waarde); a later import of
    the same figure replaces the value. All rows or none."""
    path = Path(path)
    table = read_or_fail(path)
    cols, ignored = map_columns(table, KENGETAL_COLUMNS)
    missing = [c for c in KENGETAL_COLUMNS if c not in cols]
    if missing:
        raise ImportFailed(path, [missing_columns(table, missing)])
    gemeenten = Resolver(
        Matcher((g.id, [g.name]) for g in catalogue.gemeenten.values()), "gemeente"
    )
    kengetallen = Resolver(
        Matcher((k.id, [k.name]) for k in catalogue.kengetallen.values()), "kengetal"
    )
    problems: list[str] = []
    values: dict[tuple[int, str, str], tuple[float, int]] = {}
    for line, row in table.rows:
        parsed: list[object] = []
        for column, parse in (
            ("jaar", parse_year),
            ("gemeente", gemeenten),
            ("kengetal", kengetallen),
            ("waarde", lambda v: parse_number(v, "waarde", negative=False)),
        ):
            try:
                parsed.append(parse(row.get(cols[column])))
            except CellError as exc:
                problems.append(f"regel {line}: {exc}")
        if len(parsed) < 4:
            continue
        year, gemeente, kengetal, value = parsed
        key = (int(year), str(gemeente), str(kengetal))  # type: ignore[call-overload]
        if key in values:
            problems.append(
                f"regel {line}: {kengetal} voor {gemeente} in {year} staat al op regel "
                f"{values[key][1]}"
            )
            continue
        values[key] = (float(value), line)  # type: ignore[arg-type]
    if problems:
        raise ImportFailed(path, problems)
    if not values:
        raise ImportFailed(path, [NO_ROWS])

    report = ImportReport("kengetallen", str(path), dry_run, rows=len(table.rows))
    report.ignored_columns = ignored
    with transaction(db) if not dry_run else nullcontext(db):
        existing = {
            (y, g, k): v
            for y, g, k, v in db.execute("SELECT year, gemeente, kengetal, value FROM kengetallen")
        }
        years: Counter[int] = Counter()
        for (year, gemeente, kengetal), (value, _line) in values.items():
            old = existing.get((year, gemeente, kengetal))
            if old is not None and old == value:
                report.duplicates += 1
                continue
            years[year] += 1
            if old is None:
                report.stored += 1
            else:
                report.updated += 1
            if dry_run:
                continue
            db.execute(
                "INSERT INTO kengetallen (year, gemeente, kengetal, value, source, updated_at) "
                "VALUES (?, ?, ?, ?, 'import', ?) ON CONFLICT (year, gemeente, kengetal) DO "
                "UPDATE SET value = excluded.value, source = excluded.source, "
                "updated_at = excluded.updated_at",
                [year, gemeente, kengetal, value, now_iso()],
            )
            audit.record(
                db, actor, "create" if old is None else "update", "kengetal",
                f"{year}/{gemeente}/{kengetal}", old=old, new=value, source="import",
            )  # fmt: skip
        report.per_year = dict(sorted(years.items()))
        if not dry_run:
            audit.record(
                db, actor, "import", "kengetallen", path.name, rows=report.rows,
                stored=report.stored, updated=report.updated, unchanged=report.duplicates,
            )  # fmt: skip
    return report
