"""Sessions as a spreadsheet: XLSX, and CSV that Dutch Excel opens correctly (';', UTF-8 BOM).

The columns are the import columns (`impactbot import sessies`), plus context columns the
importer ignores, so an export can be read back. Only publishable quotes are exported, and an
anonymous quote without the name it was given with.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date

import sqlite_utils
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from store.quotes import PUBLISHABLE_SQL
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
    "citaat",
    "citaat van",
    "toestemming",
    # The session's own key: reading the export back in adds nothing twice.
    "bron",
]


def export_rows(
    db: sqlite_utils.Database, catalogue: Catalogue, year: int, gemeente: str | None = None
) -> Iterator[list[object]]:
    """One row per session, oldest first; streamed, never the whole year in memory."""
    params: list[object] = [year]
    where = "s.year = ?"
    if gemeente:
        where += " AND s.gemeente = ?"
        params.append(gemeente)
    # The first publishable quote of each session (by id), if any.
    sql = f"""
        SELECT s.date, s.activity, s.vestiging, s.gemeente, s.deelnemers, s.kinderen,
               s.volwassenen, s.vragen, r.name, r.enrolled, q.text, q.attribution, q.consent,
               s.source_key
        FROM sessions s
        LEFT JOIN series r ON r.id = s.series_id
        LEFT JOIN quotes q ON q.id = (
            SELECT min(q.id) FROM quotes q WHERE q.session_id = s.id AND {PUBLISHABLE_SQL}
        )
        WHERE {where}
        ORDER BY s.date, s.id
    """
    for (
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
        text,
        attribution,
        consent,
        source_key,
    ) in db.execute(sql, params):
        activity = catalogue.activities.get(activity_id)
        vestiging = catalogue.vestigingen.get(vestiging_id)
        gemeente_obj = catalogue.gemeenten.get(gemeente_id)
        yield [
            date.fromisoformat(day),
            activity.name if activity else activity_id,
            vestiging.name if vestiging else vestiging_id,
            gemeente_obj.name if gemeente_obj else gemeente_id,
            catalogue.programmalijnen[activity.programmalijn].name if activity else "",
            deelnemers,
            kinderen,
            volwassenen,
            vragen,
            series or "",
            enrolled,
            text or "",
            (attribution or "") if consent == "ja" else "",
            consent or "",
            source_key or "",
        ]


def _cell(value: object) -> object:
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    return "" if value is None else value


def to_csv(rows: Iterator[list[object]]) -> bytes:
    """Semicolon CSV with a BOM: Dutch Excel opens it with columns and accents intact."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(rows: Iterator[list[object]], title: str = "Sessies") -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31])
    sheet.append(COLUMNS)
    for row in rows:
        cells: list[object] = []
        for value in row:
            if isinstance(value, date):
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = "dd-mm-yyyy"
                cells.append(cell)
            else:
                cells.append("" if value is None else value)
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
