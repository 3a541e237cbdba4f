"""`impactbot import sessies`: a whole spreadsheet in, all or nothing.

Every row of every sheet with the right header is checked first; one bad row and nothing is
stored, and every bad row is listed with the line number the spreadsheet shows (and the
sheet's name when a workbook has several). A good file is stored in one transaction through
`store.bulk.store_many` (executemany, one audit row for the file), after the same checks the
bot's sessions get (`store.sessions.validate_session`, the shared `day_problem`).

Idempotency: each session gets source_key "import:<hash>", a hash of what the row means (date,
activity, vestiging, counts, reeks, ingeschreven, as resolved ids and numbers) plus how many
identical rows came before it in the file. Importing the same file again, or the same data as
XLSX instead of CSV, adds nothing; two genuinely identical sessions in one file both count.
The quote is deliberately not part of the key: correcting a typo in a quote and importing the
file again must not count the session twice (the corrected quote is then not stored either;
the report says how many rows were already there).

An export (reports/export.py) names each session's key in `bron`; read back, every session is
recognised. A session with more than one publishable quote is exported as one row plus a row
per further quote with the same `bron` and no counts: such a row adds its quote to the session.
"""

from __future__ import annotations

import gc
import hashlib
import json
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import sqlite_utils

from intake.kengetallen import import_kengetallen
from intake.session_rows import (
    ACTOR,
    ATTENDANCE,
    NO_ROWS,
    SESSION_COLUMNS,
    Progress,
    RowParser,
    SessionRow,
    session_missing,
    tick,
)
from intake.sheets import Sheets, read_for_import
from intake.tables import Cell, ImportFailed, ImportReport, cell_text, is_empty
from intake.totals import TOTALS_HINT, fits_totals
from store import audit
from store.bulk import store_many
from store.db import transaction
from store.sessions import SessionIn, SessionInvalid, default_series_name
from store.sessions import validate_session as check_session
from toc.models import Catalogue

__all__ = [
    "SESSION_COLUMNS",
    "ImportFailed",
    "ImportReport",
    "import_kengetallen",
    "import_sessions",
    "session_missing",
]

_KEY_JSON = json.JSONEncoder(ensure_ascii=False)
_ENCODED: dict[str, str] = {}  # a few hundred distinct texts: each encoded once


def _json(value: object) -> str:
    if value is None:
        return "null"
    if type(value) is int:
        return str(value)
    text = str(value)
    if text not in _ENCODED:
        _ENCODED[text] = _KEY_JSON.encode(text)
    return _ENCODED[text]


def _number(value: int | None) -> str:
    return "null" if value is None else str(value)


def content_key(s: SessionIn) -> str:
    """What the row means, as JSON: the very text json.dumps(list, ensure_ascii=False) gives,
    so the keys of earlier imports still hold (built by hand: a fifth of the storing time)."""
    texts = (_json(s.date.isoformat()), _json(s.activity), _json(s.vestiging))
    counts = map(_number, (s.deelnemers, s.kinderen, s.volwassenen, s.vragen))
    return (
        f"[{', '.join(texts)}, {', '.join(counts)}, {_json(s.series_name)}, {_number(s.enrolled)}]"
    )


def _assign_keys(rows: list[SessionRow]) -> int:
    """Give every row without a 'bron' its content key; returns how many rows repeat an
    earlier row of the file exactly (they count as separate sessions, but may be a slip)."""
    seen: dict[str, int] = {}
    repeated = 0
    sha256 = hashlib.sha256
    for row in rows:
        session = row.session
        content = content_key(session)
        occurrence = seen.get(content, 0)
        seen[content] = occurrence + 1
        if occurrence:
            repeated += 1
        if session.source_key is None:
            digest = sha256(f"{content}#{occurrence}".encode()).hexdigest()[:40]
            session.source_key = f"import:{digest}"
    return repeated


def _existing_keys(db: sqlite_utils.Database, keys: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        marks = ",".join("?" * len(chunk))
        sql = f"SELECT source_key FROM sessions WHERE source_key IN ({marks})"
        found.update(r[0] for r in db.execute(sql, chunk))
    return found


def _series_conflicts(rows: list[SessionRow]) -> list[str]:
    """A course has one number of enrolled people; two different numbers is a mistake."""
    first: dict[tuple[str, str, str], tuple[int, str]] = {}
    problems: list[str] = []
    for row in rows:
        s = row.session
        if s.series_name is None or s.enrolled is None:
            continue
        key = (s.activity, s.vestiging, s.series_name)
        if key not in first:
            first[key] = (s.enrolled, row.where)
        elif first[key][0] != s.enrolled:
            enrolled, where = first[key]
            problems.append(
                f"{row.where}: reeks '{s.series_name}' heeft op {where} {enrolled} "
                f"ingeschrevenen, hier {s.enrolled}; gebruik één aantal per reeks"
            )
    return problems


def _new_series(db: sqlite_utils.Database, catalogue: Catalogue, rows: list[SessionRow]) -> int:
    existing = {tuple(r) for r in db.execute("SELECT activity, vestiging, name FROM series")}
    wanted = {
        (s.activity, s.vestiging, s.series_name or default_series_name(catalogue, s))
        for r in rows
        if catalogue.activities[(s := r.session).activity].kind == "reeks"
    }
    return len(wanted - existing)


def _extra_quote(
    parser: RowParser, cols: dict[str, str], raw: dict[str, Cell], earlier: SessionRow
) -> list[str]:
    """A row with the `bron` of an earlier row and no counts: one more quote (or story) of
    that session."""
    counts = [c for c in (*ATTENDANCE, "vragen", "ingeschreven") if c in cols]
    if any(not is_empty(raw.get(cols[c])) for c in counts):
        return [f"bron '{earlier.session.source_key}' staat al op {earlier.where}"]
    problems: list[str] = []

    def cell(column: str) -> Cell:
        return raw.get(cols[column]) if column in cols else None

    quotes = parser.quotes(cell, problems)
    stories = parser.stories(cell, problems)
    if not problems and not quotes and not stories:
        return [f"bron '{earlier.session.source_key}' staat al op {earlier.where}"]
    earlier.session.quotes.extend(quotes)
    earlier.session.stories.extend(stories)
    if not problems:
        try:
            check_session(parser.catalogue, earlier.session)
        except SessionInvalid as exc:
            problems.append(str(exc))
    return problems


def _check_rows(
    sheets: Sheets, catalogue: Catalogue, today: date, progress: Progress | None
) -> tuple[list[SessionRow], list[str]]:
    parser = RowParser(catalogue, today)
    problems: list[str] = []
    rows: list[SessionRow] = []
    by_source: dict[str, SessionRow] = {}
    total = sheets.total
    for done, (table, cols, line, raw) in enumerate(sheets.rows(), start=1):
        source = cell_text(raw.get(cols["bron"])) if "bron" in cols else ""
        if source and source in by_source:
            where = table.where(line)
            problems.extend(
                f"{where}: {p}" for p in _extra_quote(parser, cols, raw, by_source[source])
            )
        else:
            session, row_problems = parser.parse(cols, raw)
            if row_problems:
                where = table.where(line)
                problems.extend(f"{where}: {p}" for p in row_problems)
            if session is not None:
                rows.append(SessionRow(table, line, session))
                if source:
                    by_source[source] = rows[-1]
        tick(progress, "controleren", done, total)
    problems.extend(_series_conflicts(rows))
    return rows, problems


def import_sessions(
    db: sqlite_utils.Database,
    catalogue: Catalogue,
    path: str | Path,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    actor: str = ACTOR,
    today: date | None = None,
) -> ImportReport:
    """Check every row of a sessions spreadsheet, then store all of them or none.

    `today` (default: the machine's date) bounds the dates, as in the chat.
    Raises ImportFailed listing every problem when any row is wrong.
    """
    path = Path(path)
    with _without_cyclic_gc():
        return _import_sessions(db, catalogue, path, dry_run, progress, actor, today)


@contextmanager
def _without_cyclic_gc() -> Iterator[None]:
    """A big file makes hundreds of thousands of small objects that all stay alive until the
    end; Python's cyclic collector would scan them again and again (half the checking time
    of 100,000 rows). They hold no reference cycles, so reference counting frees them."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _import_sessions(
    db: sqlite_utils.Database,
    catalogue: Catalogue,
    path: Path,
    dry_run: bool,
    progress: Progress | None,
    actor: str,
    today: date | None,
) -> ImportReport:
    try:
        sheets = read_for_import(path, SESSION_COLUMNS, session_missing)
    except ImportFailed as failed:
        if not fits_totals(path):
            raise
        raise ImportFailed(path, [*failed.problems, TOTALS_HINT]) from None
    rows, problems = _check_rows(sheets, catalogue, today or date.today(), progress)
    if problems:
        raise ImportFailed(path, problems)
    if not rows:
        raise ImportFailed(path, [NO_ROWS])

    repeated = _assign_keys(rows)
    report = sheets.report("sessies", path, dry_run)
    report.repeated = repeated
    if dry_run:
        new = _new_rows(db, rows)
        report.series_created = _new_series(db, catalogue, new)
        _count(report, rows, new)
        return report
    # A bigger page cache for this connection while a large batch goes in (64 MB, was ~2 MB).
    cache_size = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute("PRAGMA cache_size = -65536")
    try:
        with transaction(db):
            new = _new_rows(db, rows)
            # In date order (stable: same day keeps the file's order): session ids follow the
            # calendar, and the date-led indexes get appends instead of scattered inserts
            # (a fifth to a third less storing time for a year of rows).
            chronological = sorted((r.session for r in new), key=lambda s: s.date)
            report.series_created = store_many(db, catalogue, chronological)
            tick(progress, "opslaan", len(new), len(new))
            _count(report, rows, new)
            # One audit row for the file: the sessions are found by their source "import".
            audit.record(
                db, actor, "import", "sessions", path.name, rows=report.rows,
                stored=report.stored, duplicates=report.duplicates,
                series=report.series_created, quotes=report.quotes,
            )  # fmt: skip
    finally:
        db.execute(f"PRAGMA cache_size = {int(cache_size)}")
    return report


def _new_rows(db: sqlite_utils.Database, rows: list[SessionRow]) -> list[SessionRow]:
    known = _existing_keys(db, [r.session.source_key or "" for r in rows])
    return [r for r in rows if r.session.source_key not in known]


def _count(report: ImportReport, rows: list[SessionRow], new: list[SessionRow]) -> None:
    report.stored = len(new)
    report.duplicates = len(rows) - len(new)
    report.quotes = sum(len(r.session.quotes) for r in new)
    report.per_year = dict(sorted(Counter(r.session.date.year for r in new).items()))
