"""Reading a spreadsheet file into `Table`s: CSV, .xlsx, .xls (Excel 97-2003) and .ods.

What libraries really have: CSV from Dutch Excel (';', UTF-8 with BOM, or Windows-1252) and
from Dutch LibreOffice (',' or ';', Windows-1252 or UTF-8, dates as 14-03-25), workbooks with
several sheets, a title line above the header, old .xls files. Workbooks (.xlsx, .xls, .ods)
are read with python-calamine (Rust's calamine, one reader for all three), never by hand; CSV
with the standard library.

The kind of file is decided by its first bytes, not by its name: a zip (.xlsx/.ods) or an OLE
compound file (.xls) goes to calamine, anything else is read as CSV text. Whatever the file
holds, the result is either tables or one Dutch sentence (TableError): never a traceback.

Line numbers are the ones the spreadsheet shows: sheet row 1 is line 1, a CSV row that holds a
quoted line break is still one line.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from intake.tables import (
    Cell,
    ImportFailed,
    ImportKind,
    ImportReport,
    Table,
    TableError,
    build_table,
    column_name,
    header_key,
    is_empty,
    map_columns,
    missing_columns,
)

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DELIMITERS = (";", ",", "\t")
# A header is looked for in the first lines of a sheet: above it may be a title or a note.
HEADER_SEARCH = 20
WORKBOOK = "een Excel- of LibreOffice-bestand (.xlsx, .xls of .ods)"
NOT_A_TABLE = (
    "{name} is geen spreadsheet die Impactbot kan lezen. Sla het op als .xlsx, .ods, .xls of "
    "CSV en probeer het opnieuw."
)

# Decides whether a header row is the right one: the mapped required columns are all there.
HeaderCheck = Callable[[list[str]], bool]


def _decode(data: bytes, name: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise TableError(
            f"Kan de tekens in {name} niet lezen. Sla het bestand op als 'CSV UTF-8'."
        ) from exc


def _delimiter(line: str) -> str:
    plain = re.sub(r'"[^"]*"', "", line)
    counts = {d: plain.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ";"


def _looks_binary(data: bytes) -> bool:
    """Text files hold no NUL bytes and few control characters."""
    sample = data[:4096]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 13))
    return controls > len(sample) // 20


def _csv_rows(path: Path) -> list[tuple[int, list[Cell]]]:
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Excel's "Unicode-tekst (*.txt)": UTF-16 with a BOM, tabs between cells.
        text = data.decode("utf-16", errors="replace")
    elif _looks_binary(data):
        raise TableError(NOT_A_TABLE.format(name=path.name))
    else:
        text = _decode(data, path.name)
    lines = text.splitlines()
    first = next((line for line in lines if line.strip()), "")
    if not first:
        raise TableError(f"Het bestand {path.name} is leeg.")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first))
    try:
        return [(n, list(cells)) for n, cells in enumerate(reader, start=1)]
    except csv.Error as exc:  # e.g. one "cell" longer than csv's field limit: not a table
        raise TableError(NOT_A_TABLE.format(name=path.name)) from exc


def _cell(value: object) -> Cell:
    """Calamine's values as the importer's cells: '' is empty; a time alone is text."""
    if value == "" or value is None:
        return None
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, datetime | date | int | float | str):
        return value
    if isinstance(value, time | timedelta):
        return str(value)
    return str(value)


def _workbook_sheets(path: Path) -> list[tuple[str, list[tuple[int, list[Cell]]]]]:
    from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

    try:
        with path.open("rb") as handle:
            book = CalamineWorkbook.from_filelike(handle)
            sheets = []
            for meta in book.sheets_metadata:
                if meta.visible != SheetVisibleEnum.Visible or meta.typ != SheetTypeEnum.WorkSheet:
                    continue  # a hidden sheet or a chart: not what the person sees as data
                values = book.get_sheet_by_name(meta.name).to_python(skip_empty_area=False)
                rows = [(n, [_cell(v) for v in row]) for n, row in enumerate(values, start=1)]
                sheets.append((meta.name, rows))
    except Exception as exc:  # noqa: BLE001 - any reader failure is one sentence for a person
        raise TableError(
            f"Kan {path.name} niet openen als {WORKBOOK}. Is het bestand beschadigd of met een "
            "wachtwoord beveiligd? Sla het opnieuw op en probeer het nog eens."
        ) from exc
    return sheets


def _find_header(
    rows: list[tuple[int, list[Cell]]], fits: HeaderCheck | None
) -> tuple[int, list[Cell]] | None:
    """The header row: the first of the first lines whose columns fit, else the first
    non-empty row (so the message about missing columns shows what the file has)."""
    filled = [(i, cells) for i, (_, cells) in enumerate(rows) if not all(map(is_empty, cells))]
    if not filled:
        return None
    if fits is not None:
        for i, cells in filled[:HEADER_SEARCH]:
            if fits([header_key(c) for c in cells]):
                return i, cells
    return filled[0]


def _table(
    rows: list[tuple[int, list[Cell]]], fits: HeaderCheck | None, sheet: str | None
) -> Table | None:
    found = _find_header(rows, fits)
    if found is None:
        return None
    index, header = found
    table = build_table(header, rows[index + 1 :])
    table.sheet = sheet
    table.header_line = rows[index][0]
    return table


def read_tables(path: str | Path, fits: HeaderCheck | None = None) -> list[Table]:
    """Every non-empty sheet of the file as a Table (a CSV is one table, `sheet` None).

    With `fits`, a sheet's header is the first row (of its first lines) that fits; the caller
    then keeps the tables whose headers fit and names the others.
    """
    file = Path(path)
    if not file.is_file():
        raise TableError(f"Het bestand {file} bestaat niet.")
    with file.open("rb") as handle:
        magic = handle.read(8)
    if not magic:
        raise TableError(f"Het bestand {file.name} is leeg.")
    if magic.startswith(_ZIP_MAGIC) or magic == _OLE_MAGIC:
        tables = [
            table
            for name, rows in _workbook_sheets(file)
            if (table := _table(rows, fits, name)) is not None
        ]
        if not tables:
            raise TableError(f"Er staat niets in {file.name}: alle werkbladen zijn leeg.")
        return tables
    if file.suffix.lower() in {".xlsx", ".xlsm", ".xls", ".ods"}:
        raise TableError(NOT_A_TABLE.format(name=file.name))
    table = _table(_csv_rows(file), fits, None)
    if table is None:
        raise TableError(f"Het bestand {file.name} is leeg.")
    return [table]


def sheet_names(tables: Iterable[Table]) -> str:
    return ", ".join(f"'{t.sheet}'" for t in tables if t.sheet)


# -- what every import shares -------------------------------------------------------------------


@dataclass
class Sheets:
    """The tables of a file that an import reads, each with its column mapping."""

    tables: list[tuple[Table, dict[str, str]]]
    ignored_columns: list[str]
    skipped: list[str]  # names of sheets left out: their header lacks needed columns

    @property
    def names(self) -> list[str]:
        return [t.sheet for t, _ in self.tables if t.sheet]

    def rows(self) -> Iterator[tuple[Table, dict[str, str], int, dict[str, Cell]]]:
        for table, cols in self.tables:
            for line, row in table.rows:
                yield table, cols, line, row

    @property
    def total(self) -> int:
        return sum(len(t.rows) for t, _ in self.tables)

    def report(self, kind: ImportKind, path: Path, dry_run: bool) -> ImportReport:
        """The report every import starts from: rows, sheets read and left out, columns
        not used."""
        return ImportReport(
            kind, str(path), dry_run, rows=self.total, ignored_columns=self.ignored_columns,
            sheets=self.names, skipped_sheets=self.skipped,
        )  # fmt: skip


def read_for_import(
    path: Path, known: Iterable[str], missing: Callable[[set[str]], list[str]]
) -> Sheets:
    """Every sheet whose header has the columns the import needs (`missing` of the mapped
    column names is empty); ImportFailed (naming what is missing) when no sheet has them."""
    known = list(known)

    def fits(headers: list[str]) -> bool:
        return not missing({column_name(h) for h in headers})

    try:
        tables = read_tables(path, fits)
    except TableError as exc:
        raise ImportFailed(path, [str(exc)]) from exc
    chosen: list[tuple[Table, dict[str, str]]] = []
    ignored: dict[str, None] = {}
    skipped: list[str] = []
    for table in tables:
        cols, unused = map_columns(table, known)
        if missing(set(cols)):
            skipped.append(table.sheet or path.name)
            continue
        chosen.append((table, cols))
        ignored.update(dict.fromkeys(unused))
    if not chosen:
        cols, _ = map_columns(tables[0], known)
        raise ImportFailed(path, [missing_columns(tables[0], missing(set(cols)))])
    if len(chosen) == 1 and not skipped:
        chosen[0][0].sheet = None  # one sheet: "regel 5" says enough
    return Sheets(chosen, list(ignored), skipped)
