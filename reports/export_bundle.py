"""The files of one export, as `/export` sends them and `impactbot export` writes them: the
workbook (sessions, and the totals and participants' answers on sheets of their own) and, since
a CSV file holds one table, a CSV of the sessions plus one of the totals and one of the answers
when there are any. Each reads back with its own `impactbot import`.
"""

from __future__ import annotations

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
    more: list[tuple[str, bytes]] = field(default_factory=list)  # ("totalen"|"antwoorden", csv)

    def files(self, stem: str) -> list[tuple[str, bytes]]:
        """(file name, content), in the order a person reads them."""
        return [
            (f"sessies-{stem}.xlsx", self.xlsx),
            (f"sessies-{stem}.csv", self.csv),
            *((f"{kind}-{stem}.csv", data) for kind, data in self.more),
        ]


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
    return ExportBundle(count, xlsx, to_csv(export_rows(db, catalogue, year, gemeente)), more)
