"""The files of one export, as `/export` sends them and `impactbot export` writes them: the
workbook (sessions, and the totals and participants' answers on sheets of their own) and, since
a CSV file holds one table, a CSV of the sessions plus one of the totals and one of the answers
when there are any. Each reads back with its own `impactbot import`.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field

import sqlite_utils

from reports.export import TOTAL_COLUMNS, export_rows, to_csv, to_xlsx, total_rows
from reports.export_answers import ANSWER_COLUMNS, answer_rows
from toc.models import Catalogue


@dataclass
class ExportBundle:
    sessions: int
    xlsx: bytes
    csv: bytes
    # ("totalen"|"antwoorden", csv) and ("fotos", zip): the photos with a list of what they show
    more: list[tuple[str, bytes]] = field(default_factory=list)

    def files(self, stem: str) -> list[tuple[str, bytes]]:
        """(file name, content), in the order a person reads them."""
        return [
            (f"sessies-{stem}.xlsx", self.xlsx),
            (f"sessies-{stem}.csv", self.csv),
            *((more_name(kind, stem), data) for kind, data in self.more),
        ]


def more_name(kind: str, stem: str) -> str:
    return f"{kind}-{stem}.{'zip' if kind == 'fotos' else 'csv'}"


def photos_zip(db: sqlite_utils.Database, year: int, gemeente: str | None) -> bytes | None:
    """The year's publishable photos (not rejected) as JPEG files, with fotos.csv saying what
    each shows, its consent and review; None without photos."""
    where, params = ("", []) if gemeente is None else (" AND s.gemeente = ?", [gemeente])
    rows = db.execute(
        "SELECT p.id, p.data, s.date, s.activity, s.vestiging, p.alt, p.consent, p.review "
        "FROM session_photos p CROSS JOIN sessions s ON s.id = p.session_id "
        f"WHERE s.year = ?{where} AND p.review != 'rejected' ORDER BY p.id",
        [year, *params],
    ).fetchall()
    if not rows:
        return None
    listing = io.StringIO()
    out = csv.writer(listing, delimiter=";")
    out.writerow(["foto", "datum", "activiteit", "vestiging", "wat_er_op_staat", "toestemming",
                  "beoordeling"])  # fmt: skip
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for ident, data, day, activity, vestiging, alt, consent, review in rows:
            name = f"foto-{ident}.jpg"
            archive.writestr(name, data)
            out.writerow([name, day, activity, vestiging, alt, consent, review])
        archive.writestr("fotos.csv", listing.getvalue().encode("utf-8-sig"))
    return buffer.getvalue()


def export_bundle(
    db: sqlite_utils.Database, catalogue: Catalogue, year: int, gemeente: str | None = None
) -> ExportBundle | None:
    """The year's export for a gemeente or the whole organisation; None when the year has
    neither sessions nor totals."""
    sql, params = "SELECT count(*) FROM sessions WHERE year = ?", list[object]([year])
    if gemeente:
        sql, params = sql + " AND gemeente = ?", [year, gemeente]
    count = int(db.execute(sql, params).fetchone()[0])
    totals = total_rows(db, catalogue, year, gemeente)
    if count == 0 and not totals:
        return None
    answers = answer_rows(db, catalogue, year, gemeente)
    xlsx = to_xlsx(
        export_rows(db, catalogue, year, gemeente),
        title=f"Sessies {year}",
        totals=totals,
        answers=answers,
    )
    more = [("totalen", to_csv(totals, TOTAL_COLUMNS))] if totals else []
    more += [("antwoorden", to_csv(answers, ANSWER_COLUMNS))] if answers else []
    photos = photos_zip(db, year, gemeente)
    more += [("fotos", photos)] if photos else []
    return ExportBundle(count, xlsx, to_csv(export_rows(db, catalogue, year, gemeente)), more)
