"""Sessions as a spreadsheet: XLSX, and CSV that Dutch Excel opens correctly (';', UTF-8 BOM).

The columns are the import columns (`impactbot import sessies`), plus context columns the
importer ignores (gemeente, programmalijn), so an export read back adds nothing and loses
nothing the report uses: the observations ('signalen/effecten', ids separated by ', ': today
effect ids, signal ids where leaders tick signals), the before/after counts of a course
('voor/na': 'effect-id voor 3/8'), each publishable quote with its consent, review state
('beoordeling') and effects, the partners a leader named ('partners', separated by '; '),
each publishable story ('bijzonder', with its consent and review), and the session's own key
('bron').

One row per session. A session with more than one publishable quote (or story) gets one more
row per further quote (or story): the same bron, datum, activiteit and vestiging, the quote
or story columns, and no counts, so a sum over a count column in Excel stays right and the
importer adds the quote or story to its session. Only publishable quotes and stories are
exported (store.quotes.PUBLISHABLE_SQL), and an anonymous quote without the name it was given
with.

The year's totals (`impactbot import totalen`) and the participants' answers
(reports.export_answers, `impactbot import antwoorden`) are tables of their own: sheets of
their own in the XLSX, CSV files of their own (a CSV holds one table).

Cells that start with '=', '+', '-', '@', a tab or a carriage return get a leading "'" (the
OWASP rule against CSV/formula injection), in CSV and XLSX alike: a quote typed as
"=HYPERLINK(…)" is text in Excel, never a formula. The importer removes that one "'" again
(intake.tables.cell_text), so the text reads back as it was.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

import sqlite_utils
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter

from reports.export_answers import ANSWER_COLUMNS, ANSWER_SHEET
from store.quotes import PUBLISHABLE_SQL, STORY_PUBLISHABLE_SQL, strip_control
from toc.models import Catalogue

COLUMNS = [
    "datum",
    "activiteit",
    "vestiging",
    "gemeente",
    "programmalijn",
    "deelnemers",
    "kinderen",
    "volwassenen",
    "vragen",
    "reeks",
    "ingeschreven",
    "signalen/effecten",
    "voor/na",
    "citaat",
    "citaat van",
    "toestemming",
    "beoordeling",
    "citaat effecten",
    # "Met wie?" and "Wat was bijzonder?" (store.session_notes)
    "partners",
    "bijzonder",
    "bijzonder toestemming",
    "bijzonder beoordeling",
    # The session's own key: reading the export back in adds nothing twice.
    "bron",
]
# The review state in Dutch, as the importer reads it back (intake.importer.REVIEWS).
REVIEW_NAMES = {"new": "nieuw", "approved": "goedgekeurd", "rejected": "afgewezen"}
# OWASP: a cell starting with one of these may be run as a formula by a spreadsheet.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """Text that a spreadsheet could read as a formula, made plain text with a leading "'"."""
    if isinstance(value, str):
        # what was stored before control characters were removed at entry never breaks an
        # export (openpyxl refuses them)
        value = strip_control(value)
        if value.startswith(FORMULA_START):
            return "'" + value
    return value


_SQL = f"""
    SELECT s.id, s.date, s.activity, s.vestiging, s.gemeente, s.deelnemers, s.kinderen,
           s.volwassenen, s.vragen, r.name, r.enrolled,
           (SELECT group_concat(id, ', ') FROM (
                SELECT effect AS id FROM observations WHERE session_id = s.id
                UNION ALL
                SELECT * FROM (SELECT signal FROM session_signals WHERE session_id = s.id
                               ORDER BY rowid))),
           (SELECT group_concat(effect || ' ' || moment || ' ' || able || '/' || measured, ', ')
            FROM (SELECT * FROM measurements m WHERE m.series_id = s.series_id
                  AND m.session_id = s.id ORDER BY effect, moment DESC)),
           q.text, q.attribution, q.consent, q.review,
           (SELECT group_concat(effect, ', ') FROM (
                SELECT effect FROM quote_effects WHERE quote_id = q.id ORDER BY effect)),
           s.source_key,
           (SELECT group_concat(partner, '; ') FROM (
                SELECT partner FROM session_partners WHERE session_id = s.id ORDER BY rowid))
    FROM sessions s
    LEFT JOIN series r ON r.id = s.series_id
    LEFT JOIN quotes q ON q.session_id = s.id AND {PUBLISHABLE_SQL}
    WHERE {{where}}
    ORDER BY s.date, s.id, q.id
"""


Story = tuple[str, str, str]  # text, consent, review (Dutch)


def _stories(db: sqlite_utils.Database, where: str, params: list[object]) -> dict[int, list[Story]]:
    """The publishable stories of the sessions in scope, per session (few: one query)."""
    out: dict[int, list[Story]] = {}
    for session_id, text, consent, review in db.execute(
        "SELECT q.session_id, q.text, q.consent, q.review FROM session_stories q "
        f"JOIN sessions s ON s.id = q.session_id WHERE {where} AND {STORY_PUBLISHABLE_SQL} "
        "ORDER BY q.id",
        params,
    ):
        out.setdefault(session_id, []).append((text, consent, REVIEW_NAMES.get(review, "")))
    return out


def export_rows(
    db: sqlite_utils.Database, catalogue: Catalogue, year: int, gemeente: str | None = None
) -> Iterator[list[object]]:
    """One row per session (and per further quote or story), oldest first; streamed."""
    params: list[object] = [year]
    where = "s.year = ?"
    if gemeente:
        where += " AND s.gemeente = ?"
        params.append(gemeente)
    stories = _stories(db, where, params)
    left: list[Story] = []  # stories of the previous session not yet on one of its rows
    head: list[object] = []  # datum … programmalijn of the previous session
    key = ""
    previous = None
    for (
        session_id,
        day,
        activity_id,
        vestiging_id,
        gemeente_id,
        deelnemers,
        kinderen,
        volwassenen,
        vragen,
        series,
        enrolled,
        observed,
        measured,
        text,
        attribution,
        consent,
        review,
        quote_effects,
        source_key,
        partners,
    ) in db.execute(_SQL.format(where=where), params):
        first = session_id != previous
        if first:
            yield from _story_rows(head, left, key)
            activity = catalogue.activities.get(activity_id)
            vestiging = catalogue.vestigingen.get(vestiging_id)
            gemeente_obj = catalogue.gemeenten.get(gemeente_id)
            head = [
                date.fromisoformat(day),
                activity.name if activity else activity_id,
                vestiging.name if vestiging else vestiging_id,
                gemeente_obj.name if gemeente_obj else gemeente_id,
                catalogue.programmalijnen[activity.programmalijn].name if activity else "",
            ]
            left = list(stories.get(session_id, ()))
            key = source_key or ""
        previous = session_id
        counts = [deelnemers, kinderen, volwassenen, vragen, series or "", enrolled]
        details = [observed or "", measured or ""]
        story = left.pop(0) if left else ("", "", "")
        yield [
            *head,
            *(counts if first else [None, None, None, None, "", None]),
            *(details if first else ["", ""]),
            text or "",
            (attribution or "") if consent == "ja" else "",
            consent or "",
            REVIEW_NAMES.get(review, "") if text else "",
            quote_effects or "",
            (partners or "") if first else "",
            *story,
            key,
        ]
    yield from _story_rows(head, left, key)


def _story_rows(head: list[object], stories: list[Story], key: str) -> Iterator[list[object]]:
    """A further row per story a session's rows had no room for: no counts, no quote."""
    for story in stories:
        yield [*head, None, None, None, None, "", None, "", "", "", "", "", "", "", "", *story, key]


TOTAL_COLUMNS = ["activiteit", "vestiging", "gemeente", "periode", "bijeenkomsten", "deelnemers",
                 "kinderen", "volwassenen", "vragen", "cursussen", "ingeschreven"]  # fmt: skip


def total_rows(
    db: sqlite_utils.Database, catalogue: Catalogue, year: int, gemeente: str | None = None
) -> list[list[object]]:
    """The year's totals (impactbot import totalen), in the columns that import reads."""
    where, params = ("year = ?", [year]) if not gemeente else ("year = ? AND gemeente = ?",
                                                               [year, gemeente])  # fmt: skip
    out: list[list[object]] = []
    for a, v, g, period, *counts in db.execute(
        "SELECT activity, vestiging, gemeente, period, bijeenkomsten, deelnemers, kinderen, "
        f"volwassenen, vragen, cursussen, ingeschreven FROM totals WHERE {where} "
        "ORDER BY period, activity, vestiging",
        params,
    ):
        activity, vestiging = catalogue.activities.get(a), catalogue.vestigingen.get(v)
        gemeente_obj = catalogue.gemeenten.get(g)
        out.append([activity.name if activity else a, vestiging.name if vestiging else v,
                    gemeente_obj.name if gemeente_obj else g, period, *counts])  # fmt: skip
    return out


# Column widths (in characters) where the header's own width is too narrow: a date shows as
# "###" in a narrow column, and names and quotes are cut off.
WIDTHS = {"datum": 11, "activiteit": 30, "vestiging": 24, "gemeente": 16, "programmalijn": 24,
          "signalen/effecten": 30, "voor/na": 24, "citaat": 48, "citaat van": 20,
          "citaat effecten": 30, "bron": 28, "effect": 26, "stelling": 12, "via": 10,
          "periode": 10}  # fmt: skip


def _layout(sheet: Any, columns: list[str]) -> None:
    """Readable columns and a header row that stays in view; before the first row is written
    (write-only sheets take these only then)."""
    for n, name in enumerate(columns, start=1):
        letter = get_column_letter(n)
        sheet.column_dimensions[letter].width = max(WIDTHS.get(name, 0), len(name) + 3)
    sheet.freeze_panes = "A2"


def _xlsx_cell(sheet: Any, value: object) -> object:
    if isinstance(value, date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "dd-mm-yyyy"
        return cell
    return "" if value is None else neutralise(value)


def _cell(value: object) -> object:
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    return "" if value is None else neutralise(value)


def to_csv(rows: Iterable[list[object]], columns: list[str] = COLUMNS) -> bytes:
    """Semicolon CSV with a BOM: Dutch Excel opens it with columns and accents intact. The
    sessions by default; the totals (TOTAL_COLUMNS) and the participants' answers
    (reports.export_answers.ANSWER_COLUMNS) go in CSV files of their own."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(
    rows: Iterator[list[object]],
    title: str = "Sessies",
    totals: list[list[object]] | None = None,
    answers: list[list[object]] | None = None,
) -> bytes:
    """The sessions on one sheet; totals, if any, on a sheet "Totalen" (read back with
    `impactbot import totalen`), participants' answers, if any, on a sheet "Antwoorden
    deelnemers" (`impactbot import antwoorden`); `import sessies` skips both and says so."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31])
    _layout(sheet, COLUMNS)
    sheet.append(COLUMNS)
    for row in rows:
        sheet.append([_xlsx_cell(sheet, value) for value in row])
    for name, columns, extra in (
        ("Totalen", TOTAL_COLUMNS, totals),
        (ANSWER_SHEET, ANSWER_COLUMNS, answers),
    ):
        if extra:
            other = workbook.create_sheet(name)
            _layout(other, columns)
            other.append(columns)
            for values in extra:
                other.append([_xlsx_cell(other, v) for v in values])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
