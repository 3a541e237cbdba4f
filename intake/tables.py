"""Spreadsheet rows as `Table`s, and reading their cells (dates, counts, numbers, names).

The importer works on `Table`: lower-cased, trimmed headers and, per data row, the line number
a person sees in the spreadsheet and the raw cell values. Reading files into tables is
intake.sheets (CSV, .xlsx, .xls, .ods). Cells from a CSV are strings; cells from a workbook
may also be numbers, dates or datetimes. Parsing the cells into dates and counts is shared
here, so sessions, totals and kengetallen read numbers alike, as are the import's result and
error types (`ImportReport`, `ImportFailed`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Literal

from ground.errors import ImpactbotError
from intake.datefinding import calendar_day
from toc.matcher import Matcher

Cell = str | int | float | date | datetime | None

# Other ways people head a column. A leading "aantal " goes first ("aantal deelnemers"), then
# the header is looked up here; keys are header_key() forms.
HEADER_SYNONYMS = {
    "datum activiteit": "datum",
    "datum bijeenkomst": "datum",
    "activiteitdatum": "datum",
    "dag": "datum",
    "naam activiteit": "activiteit",
    "activiteitnaam": "activiteit",
    "soort activiteit": "activiteit",
    "locatie": "vestiging",
    "plaats": "vestiging",
    "bibliotheek": "vestiging",
    "bieb": "vestiging",
    "filiaal": "vestiging",
    "vestigingsplaats": "vestiging",
    "bezoekers": "deelnemers",
    "aanwezigen": "deelnemers",
    "aanwezig": "deelnemers",
    "deelnemers totaal": "deelnemers",
    "totaal deelnemers": "deelnemers",
    "kids": "kinderen",
    "cursus": "reeks",
    "cursusnaam": "reeks",
    "naam reeks": "reeks",
    "inschrijvingen": "ingeschreven",
    "ingeschrevenen": "ingeschreven",
    "cursisten": "ingeschreven",
    "quote": "citaat",
    "uitspraak": "citaat",
    "citaat door": "citaat van",
    "wie zei het": "citaat van",
    # totals (looked up with "aantal " still on, so a bare "activiteiten" stays a name)
    "aantal keer": "bijeenkomsten",
    "aantal activiteiten": "bijeenkomsten",
    "aantal sessies": "bijeenkomsten",
    "aantal bijeenkomsten": "bijeenkomsten",
    "maand": "periode",
    "maand/jaar": "periode",
    "reeksen": "cursussen",
    "cursussen/reeksen": "cursussen",
    # an export's observations (effect ids, later also signal ids)
    "effecten": "signalen/effecten",
    "signalen": "signalen/effecten",
    "signalen en effecten": "signalen/effecten",
    "status citaat": "beoordeling",
    # "Met wie?" and "Wat was bijzonder?"
    "met wie": "partners",
    "met wie?": "partners",
    "partner": "partners",
    "samenwerkingspartners": "partners",
    "wat was bijzonder": "bijzonder",
    "wat was bijzonder?": "bijzonder",
    "verhaal": "bijzonder",
    "toestemming bijzonder": "bijzonder toestemming",
}


class TableError(ImpactbotError):
    """The file cannot be read as a table at all (missing, empty, wrong kind)."""


@dataclass
class Table:
    headers: list[str]
    # (line number as the spreadsheet shows it, cells by header); fully empty rows are left out.
    rows: list[tuple[int, dict[str, Cell]]] = field(default_factory=list)
    sheet: str | None = None  # the sheet's name in a workbook; None for a CSV
    header_line: int = 1

    def where(self, line: int) -> str:
        """'regel 5', or "werkblad 'Taalcafé', regel 5" in a workbook of several sheets."""
        return f"werkblad '{self.sheet}', regel {line}" if self.sheet else f"regel {line}"


class CellError(ValueError):
    """A cell that does not hold what its column needs; the message is Dutch, without 'regel'."""


def header_key(text: object) -> str:
    """'  Citaat_Van ' -> 'citaat van'; 'Aantal deelnemers:' -> 'aantal deelnemers'."""
    plain = str(text or "").replace("\ufeff", "").replace("_", " ").replace("-", " ")
    plain = re.sub(r"[.:*()\[\]]", " ", plain)
    return " ".join(plain.lower().split())


def column_name(header: str) -> str:
    """The importer's name for a header: 'aantal deelnemers' and 'bezoekers' are 'deelnemers'."""
    if header in HEADER_SYNONYMS:
        return HEADER_SYNONYMS[header]
    name = header.removeprefix("aantal ").strip()
    return HEADER_SYNONYMS.get(name, name)


def is_empty(value: Cell) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def build_table(header_row: list[Cell], body: list[tuple[int, list[Cell]]]) -> Table:
    headers = [header_key(h) for h in header_row]
    seen: set[str] = set()
    for name in headers:
        if name and name in seen:
            raise TableError(f"De kolom '{name}' staat twee keer in de kopregel. Haal er één weg.")
        seen.add(name)
    table = Table(headers=[h for h in headers if h])
    width = len(headers)
    plain = all(headers)  # no unnamed columns: a row is zip(headers, cells)
    append = table.rows.append
    for line, cells in body:
        if _all_empty(cells):
            continue
        if len(cells) < width:
            cells = [*cells, *([None] * (width - len(cells)))]
        if plain:
            append((line, dict(zip(headers, cells, strict=False))))  # extra cells: no header
        else:
            append((line, {name: cell for name, cell in zip(headers, cells, strict=False) if name}))
    return table


def _all_empty(cells: list[Cell]) -> bool:
    try:  # a CSV row (only text): one join instead of a test per cell
        return not "".join(cells).strip()  # type: ignore[arg-type]  # CSV cells are str; else TypeError below
    except TypeError:
        return all(is_empty(c) for c in cells)


# -- what an import reports (intake.importer re-exports these) ------------------------------


_WHERE = re.compile(r"(?:werkblad '[^']*', )?regel \d+")


class ImportFailed(ImpactbotError):
    """Nothing was stored; `problems` lists every reason, one line each."""

    def __init__(self, path: str | Path, problems: list[str]) -> None:
        self.problems = problems
        lines = {m[0] for p in problems if (m := _WHERE.match(p))}
        if lines:
            what = "1 regel klopt" if len(lines) == 1 else f"{len(lines)} regels kloppen"
            head = f"{Path(path).name} is niet ingelezen: {what} niet. Er is niets opgeslagen."
        else:
            head = f"{Path(path).name} is niet ingelezen. Er is niets opgeslagen."
        super().__init__("\n".join([head, *(f"- {p}" for p in problems)]))


ImportKind = Literal["sessies", "kengetallen", "totalen", "antwoorden"]


@dataclass
class ImportReport:
    kind: ImportKind
    path: str
    dry_run: bool
    rows: int = 0
    # Sessions (or kengetal values) stored, or in a dry run: that would be stored.
    stored: int = 0
    # Already in the database (same source key, or a kengetal with the same value).
    duplicates: int = 0
    # Kengetallen only: values that replaced a different earlier value.
    updated: int = 0
    series_created: int = 0
    quotes: int = 0
    per_year: dict[int, int] = field(default_factory=dict)
    ignored_columns: list[str] = field(default_factory=list)
    # Sessions only: rows exactly like an earlier row of the same file.
    repeated: int = 0
    # The sheets read, and the sheets left out (no header with the needed columns).
    sheets: list[str] = field(default_factory=list)
    skipped_sheets: list[str] = field(default_factory=list)
    # Totals only: bijeenkomsten in the stored totals; totals that overlap reported sessions.
    sessions_in_totals: int = 0
    skipped_empty: int = 0  # rows with 0 bijeenkomsten and no participants
    overlaps: list[str] = field(default_factory=list)
    # Answers only: sessions where participants were asked and nobody answered (a closed survey)
    asked_only: int = 0


# -- cells ------------------------------------------------------------------------------------

# dd-mm-jjjj, and dd-mm-jj as Dutch LibreOffice and Excel write a short date (14-03-25).
_DMY = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})")
_YMD = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
# Dutch thousands grouping: "1.171", "89.350", "1.234.567".
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_EXAMPLE_DATE = "schrijf dd-mm-jjjj, bijvoorbeeld 14-03-2024"


def cell_text(value: Cell) -> str:
    """A cell as trimmed text ('' when empty); 12.0 from Excel reads as '12'."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    text = str(value)
    if text[:1] == "'" and text[1:2] in _FORMULA_START:
        text = text[1:]  # an export's guard against formulas (reports/export.py), removed
    return text.strip()


def parse_date(value: Cell) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        # An Excel date serial in a cell formatted as a number.
        from openpyxl.utils.datetime import from_excel

        if 1 <= value < 2_958_466:
            return from_excel(value).date()
        raise CellError(f"datum '{cell_text(value)}' is geen datum; {_EXAMPLE_DATE}")
    text = cell_text(value)
    if not text:
        raise CellError("'datum' is leeg")
    text = text.split(" ")[0] if " " in text and ":" in text else text  # "14-03-2024 00:00"
    match = _DMY.fullmatch(text)
    parts: tuple[int, int, int] | None = None
    if match:
        year = int(match[3]) + (2000 if len(match[3]) == 2 else 0)  # '25' is 2025, never 1925
        parts = (year, int(match[2]), int(match[1]))
    elif match := _YMD.fullmatch(text):
        parts = (int(match[1]), int(match[2]), int(match[3]))
    if parts is None:
        raise CellError(f"datum '{text}' is geen datum; {_EXAMPLE_DATE}")
    day = calendar_day(*parts)  # the chat's reader too (intake.datefinding): "31-02-2025" is no day
    if day is None:
        raise CellError(f"datum '{text}' bestaat niet")
    return day


def parse_count(value: Cell, column: str) -> int | None:
    """A whole, non-negative number, or None for an empty cell. '1.171' is 1171."""
    if is_empty(value):
        return None
    if isinstance(value, bool):
        raise CellError(f"'{column}' is geen heel getal")
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if not value.is_integer():
            raise CellError(f"'{column}' is geen heel getal")
        number = int(value)
    else:
        text = cell_text(value).replace(" ", "")
        if _THOUSANDS.fullmatch(text):
            text = text.replace(".", "")
        if not re.fullmatch(r"-?\d+", text):
            raise CellError(f"'{column}' is geen heel getal")
        number = int(text)
    if number < 0:
        raise CellError(f"'{column}' mag niet negatief zijn")
    return number


def parse_year(value: Cell) -> int:
    try:
        year = parse_count(value, "jaar")
    except CellError:
        year = None
    if year is None or not 1900 <= year <= 2200:
        raise CellError(
            f"jaar '{cell_text(value)}' is geen jaartal; schrijf het hele jaar, bijvoorbeeld 2024"
        )
    return year


def parse_number(value: Cell, column: str, *, negative: bool = True) -> float:
    """A number written the Dutch way: '4.110' is 4110, '20,6' and '20,6%' are 20.6."""
    number = _number(value, column)
    if number < 0 and not negative:
        raise CellError(f"'{column}' mag niet negatief zijn")
    return number


def _number(value: Cell, column: str) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    text = cell_text(value).replace(" ", "").replace("\u00a0", "").removesuffix("%")
    if not text:
        raise CellError(f"'{column}' is leeg")
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    elif _THOUSANDS.fullmatch(text):
        text = text.replace(".", "")
    if not re.fullmatch(r"-?\d+(?:\.\d+)?", text):
        raise CellError(f"'{column}' is geen getal")
    return float(text)


# -- columns and names ------------------------------------------------------------------------


def _one_of(ids: list[str]) -> str:
    return ids[0] if len(ids) == 1 else ", ".join(ids[:-1]) + " of " + ids[-1]


class Resolver:
    """A matcher with a cache per distinct text: 100,000 rows name only a few dozen things."""

    def __init__(self, matcher: Matcher, label: str) -> None:
        self.matcher = matcher
        self.label = label
        self._cache: dict[str, str | None] = {}
        self._hints: dict[str, str] = {}

    def __call__(self, value: Cell) -> str:
        text = cell_text(value)
        if not text:
            raise CellError(f"'{self.label}' is leeg")
        if text not in self._cache:
            self._cache[text] = self.matcher.match(text)
        found = self._cache[text]
        if found is not None:
            return found
        if text not in self._hints:
            ideas = self.matcher.suggest(text, n=3)
            self._hints[text] = (
                f"; bedoel je {_one_of(ideas)}?" if ideas else "; kijk in de catalogus hoe het heet"
            )
        raise CellError(f"onbekende {self.label} '{text}'{self._hints[text]}")


def map_columns(table: Table, known: Iterable[str]) -> tuple[dict[str, str], list[str]]:
    """Map each known column to the header used in the file; also the headers not used."""
    known = list(known)
    mapping: dict[str, str] = {}
    ignored: list[str] = []
    for header in table.headers:
        name = column_name(header)
        if name in known and name not in mapping:
            mapping[name] = header
        else:
            ignored.append(header)
    return mapping, ignored


def missing_columns(table: Table, missing: list[str]) -> str:
    """One message naming the missing columns and the columns that are there."""
    found = ", ".join(table.headers) if table.headers else "(geen)"
    return (
        f"De kopregel ({table.where(table.header_line)}) mist de kolom(men): "
        f"{', '.join(missing)}. "
        f"Gevonden kolommen: {found}."
    )
