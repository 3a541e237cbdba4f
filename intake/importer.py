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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import sqlite_utils

from intake.kengetallen import import_kengetallen
from intake.names import looks_like_full_name
from intake.sheets import Sheets, read_for_import
from intake.tables import (
    Cell,
    CellError,
    ImportFailed,
    ImportReport,
    Resolver,
    Table,
    cell_text,
    is_empty,
    parse_count,
    parse_date,
)
from store import audit
from store.bulk import store_many
from store.db import transaction
from store.sessions import (
    MeasurementIn,
    QuoteIn,
    SessionIn,
    SessionInvalid,
    day_problem,
    default_series_name,
)
from store.sessions import validate_session as check_session
from toc.matcher import Matcher
from toc.models import Catalogue

# progress(phase, done, total); phase is a Dutch word for the terminal ("controleren", "opslaan").
Progress = Callable[[str, int, int], None]
PROGRESS_EVERY = 1000
ACTOR = "import"

SESSION_REQUIRED = ("datum", "activiteit", "vestiging")
ATTENDANCE = ("deelnemers", "kinderen", "volwassenen")
FULL_NAME = (
    "'citaat van' ({attribution}) lijkt een volledige naam; schrijf een rol, leeftijd of "
    "voornaam, bijvoorbeeld 'moeder van Isa' of 'Jan, 72'"
)
# Columns an export writes besides the basic ones, so reading it back loses nothing.
EXPORT_ONLY = ("signalen/effecten", "voor/na", "beoordeling", "citaat effecten")
OPTIONAL = ("vragen", "reeks", "ingeschreven", "citaat", "citaat van", "toestemming", "bron")
SESSION_COLUMNS = (*SESSION_REQUIRED, *ATTENDANCE, *OPTIONAL, *EXPORT_ONLY)
CONSENTS = ("ja", "anoniem", "nee")
# The review state as the export writes it (Dutch) and as the store keeps it.
REVIEWS = {"nieuw": "new", "goedgekeurd": "approved", "afgewezen": "rejected"}
REVIEW_NAMES = {v: k for k, v in REVIEWS.items()}
NO_ROWS = "Er staan geen gegevens in het bestand, alleen een kopregel."

__all__ = ["ImportFailed", "ImportReport", "import_kengetallen", "import_sessions"]


def tick(progress: Progress | None, phase: str, done: int, total: int) -> None:
    if progress is not None and (done % PROGRESS_EVERY == 0 or done == total):
        progress(phase, done, total)


def session_missing(found: set[str]) -> list[str]:
    missing = [c for c in SESSION_REQUIRED if c not in found]
    if not any(c in found for c in ATTENDANCE):
        missing.append("deelnemers")
    return missing


def day_reader(today: date) -> Callable[[Cell], date]:
    """parse_date plus the chat's rule for a session's day (store.sessions.day_problem)."""

    def read(value: Cell) -> date:
        day = parse_date(value)
        problem = day_problem(day, today)
        shown = f"{day.day:02d}-{day.month:02d}-{day.year:04d}"  # strftime drops zeros of 0001
        if problem == "toekomst":
            raise CellError(f"datum {shown} ligt in de toekomst; is het jaartal goed?")
        if problem == "te-oud":
            raise CellError(f"datum {shown} is vóór het jaar 2000; is het jaartal goed?")
        return day

    return read


def split_ids(value: Cell) -> list[str]:
    """'effect-a, effect-b' (an export's list of ids) -> ['effect-a', 'effect-b']."""
    text = cell_text(value).replace(";", ",")
    return [part.strip() for part in text.split(",") if part.strip()]


# -- sessions -----------------------------------------------------------------------------------


@dataclass(slots=True)
class _Row:
    table: Table
    line: int
    session: SessionIn

    @property
    def where(self) -> str:
        return self.table.where(self.line)


class _RowParser:
    """One spreadsheet row -> a checked SessionIn. Each distinct cell value is parsed once:
    100,000 rows hold only a few hundred different dates, names and counts."""

    def __init__(self, catalogue: Catalogue, today: date) -> None:
        self.catalogue = catalogue
        activities = Resolver(Matcher.for_activities(catalogue), "activiteit")
        vestigingen = Resolver(Matcher.for_vestigingen(catalogue), "vestiging")

        def count(column: str) -> Callable[[Cell], int | None]:
            return lambda value: parse_count(value, column)

        self.parsers: list[tuple[str, str, Callable[[Cell], object]]] = [
            ("date", "datum", day_reader(today)),
            ("activity", "activiteit", activities),
            ("vestiging", "vestiging", vestigingen),
            *((name, name, count(name)) for name in (*ATTENDANCE, "vragen")),
            ("enrolled", "ingeschreven", count("ingeschreven")),
        ]
        # per field: cell value -> parsed value or CellError (a str is its own key; other
        # cells carry their type, since 1 == 1.0 == True)
        self.memos: dict[str, dict[object, object]] = {name: {} for name, _, _ in self.parsers}
        self.bound: dict[int, list[tuple[str, str, Callable[[Cell], object], dict]]] = {}

    def _bind(self, cols: dict[str, str]) -> list[tuple[str, str, Callable[[Cell], object], dict]]:
        """The parsers of the columns this sheet has (a missing count column is None)."""
        return [
            (name, cols[column], parse, self.memos[name])
            for name, column, parse in self.parsers
            if column in cols
        ]

    def parse(
        self, cols: dict[str, str], row: dict[str, Cell]
    ) -> tuple[SessionIn | None, list[str]]:
        """The session, or every problem found in the row (without the 'regel' prefix)."""

        def cell(column: str) -> Cell:
            header = cols.get(column)
            return None if header is None else row.get(header)

        bound = self.bound.get(id(cols))
        if bound is None:
            bound = self.bound[id(cols)] = self._bind(cols)
        problems: list[str] = []
        values: dict[str, object] = {}
        for name, header, parse, memo in bound:
            value = row.get(header)
            key = value if type(value) is str else (type(value), value)
            result = memo.get(key, memo)
            if result is memo:
                try:
                    result = memo[key] = parse(value)
                except CellError as exc:
                    result = memo[key] = exc
            if isinstance(result, CellError):
                problems.append(str(result))
            values[name] = result  # a CellError here is never used: the row has problems
        counts = [values.get(n) for n in ATTENDANCE]
        if all(c is None for c in counts):
            problems.append("geen aantal: vul 'deelnemers' in, of 'kinderen' en 'volwassenen'")
        total, parts = counts[0], counts[1:]
        if isinstance(total, int) and total < sum(p for p in parts if isinstance(p, int)):
            problems.append(f"'deelnemers' ({total}) is kleiner dan kinderen plus volwassenen")
        quotes = self.quotes(cell, problems)
        # Most cells of these columns are empty: read them only when they hold something.
        observed, measured = cell("signalen/effecten"), cell("voor/na")
        measurements = self.measurements(measured, problems) if measured else []
        if problems:
            return None, problems
        series, source = cell("reeks"), cell("bron")
        session = SessionIn(
            **values,  # type: ignore[arg-type]
            series_name=(cell_text(series) or None) if series is not None else None,
            quotes=quotes,
            effects=split_ids(observed) if observed else [],
            measurements=measurements,
            source="import",
            # An export names each session's own key ('bron'): read back, the same session.
            source_key=(cell_text(source) or None) if source is not None else None,
        )
        try:
            check_session(self.catalogue, session)
        except SessionInvalid as exc:
            return None, [str(exc)]
        return session, []

    def quotes(self, cell: Callable[[str], Cell], problems: list[str]) -> list[QuoteIn]:
        raw_text, raw_consent = cell("citaat"), cell("toestemming")
        if not raw_text and not raw_consent:
            return []
        text, written = cell_text(raw_text), cell_text(raw_consent)
        if not text and not written:
            return []
        consent = written.lower() or "nee"
        if consent not in CONSENTS:
            problems.append(f"toestemming '{written}' is onbekend; kies ja, anoniem of nee")
            return []
        if not text:
            return []
        attribution = cell_text(cell("citaat van")) or None
        if attribution and looks_like_full_name(attribution):
            problems.append(FULL_NAME.format(attribution=attribution))
            return []
        state = cell_text(cell("beoordeling")).lower()
        review = REVIEWS.get(state, state if state in REVIEW_NAMES else None)
        if state and review is None:
            problems.append(
                f"beoordeling '{state}' is onbekend; kies nieuw, goedgekeurd of afgewezen"
            )
            return []
        effects = split_ids(cell("citaat effecten"))
        quote = QuoteIn(
            text=text, attribution=attribution, consent=consent, effects=effects, review=review
        )
        return [quote]  # type: ignore[list-item]

    @staticmethod
    def measurements(value: Cell, problems: list[str]) -> list[MeasurementIn]:
        """'effect voor 3/8, effect na 6/8' (the export's form) -> before/after counts."""
        out: list[MeasurementIn] = []
        for item in split_ids(value):
            parts = item.split()
            try:
                effect, moment, fraction = parts
                able, measured = (int(n) for n in fraction.split("/"))
                out.append(
                    MeasurementIn(effect=effect, moment=moment, able=able, measured=measured)
                )  # type: ignore[arg-type]
            except ValueError:
                problems.append(
                    f"voor/na '{item}' is onleesbaar; schrijf bijvoorbeeld 'effect-id voor 3/8'"
                )
        return out


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


def _assign_keys(rows: list[_Row]) -> int:
    """Give every row without a 'bron' its content key; returns how many rows repeat an
    earlier row of the file exactly (they count as separate sessions, but may be a slip)."""
    seen: Counter[str] = Counter()
    repeated = 0
    for row in rows:
        content = content_key(row.session)
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


def _series_conflicts(rows: list[_Row]) -> list[str]:
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


def _new_series(db: sqlite_utils.Database, catalogue: Catalogue, rows: list[_Row]) -> int:
    existing = {tuple(r) for r in db.execute("SELECT activity, vestiging, name FROM series")}
    wanted = {
        (s.activity, s.vestiging, s.series_name or default_series_name(catalogue, s))
        for r in rows
        if catalogue.activities[(s := r.session).activity].kind == "reeks"
    }
    return len(wanted - existing)


def _extra_quote(
    parser: _RowParser, cols: dict[str, str], raw: dict[str, Cell], earlier: _Row
) -> list[str]:
    """A row with the `bron` of an earlier row and no counts: one more quote of that session."""
    counts = [c for c in (*ATTENDANCE, "vragen", "ingeschreven") if c in cols]
    if any(not is_empty(raw.get(cols[c])) for c in counts):
        return [f"bron '{earlier.session.source_key}' staat al op {earlier.where}"]
    problems: list[str] = []
    quotes = parser.quotes(lambda c: raw.get(cols[c]) if c in cols else None, problems)
    if not problems and not quotes:
        return [f"bron '{earlier.session.source_key}' staat al op {earlier.where}"]
    earlier.session.quotes.extend(quotes)
    if not problems:
        try:
            check_session(parser.catalogue, earlier.session)
        except SessionInvalid as exc:
            problems.append(str(exc))
    return problems


def _check_rows(
    sheets: Sheets, catalogue: Catalogue, today: date, progress: Progress | None
) -> tuple[list[_Row], list[str]]:
    parser = _RowParser(catalogue, today)
    problems: list[str] = []
    rows: list[_Row] = []
    by_source: dict[str, _Row] = {}
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
                rows.append(_Row(table, line, session))
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
        from intake.totals import TOTALS_HINT, fits_totals  # totals builds on this module

        if not fits_totals(path):
            raise
        raise ImportFailed(path, [*failed.problems, TOTALS_HINT]) from None
    rows, problems = _check_rows(sheets, catalogue, today or date.today(), progress)
    if problems:
        raise ImportFailed(path, problems)
    if not rows:
        raise ImportFailed(path, [NO_ROWS])

    repeated = _assign_keys(rows)
    report = ImportReport("sessies", str(path), dry_run, rows=sheets.total)
    report.ignored_columns = sheets.ignored_columns
    report.sheets, report.skipped_sheets = sheets.names, sheets.skipped
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
            report.series_created = store_many(db, catalogue, [r.session for r in new])
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


def _new_rows(db: sqlite_utils.Database, rows: list[_Row]) -> list[_Row]:
    known = _existing_keys(db, [r.session.source_key or "" for r in rows])
    return [r for r in rows if r.session.source_key not in known]


def _count(report: ImportReport, rows: list[_Row], new: list[_Row]) -> None:
    report.stored = len(new)
    report.duplicates = len(rows) - len(new)
    report.quotes = sum(len(r.session.quotes) for r in new)
    report.per_year = dict(sorted(Counter(r.session.date.year for r in new).items()))
