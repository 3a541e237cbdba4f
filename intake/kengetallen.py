"""`impactbot import kengetallen`: yearly figures per gemeente (jaar, gemeente, kengetal,
waarde); a later import of the same figure replaces the value. All rows or none."""

from __future__ import annotations

from collections import Counter
from contextlib import nullcontext
from pathlib import Path

import sqlite_utils

from intake.sheets import read_for_import
from intake.tables import (
    CellError,
    ImportFailed,
    ImportReport,
    Resolver,
    parse_number,
    parse_year,
)
from store import audit
from store.db import now_iso, transaction
from toc.matcher import Matcher
from toc.models import Catalogue

KENGETAL_COLUMNS = ("jaar", "gemeente", "kengetal", "waarde")
NO_ROWS = "Er staan geen gegevens in het bestand, alleen een kopregel."


def import_kengetallen(
    db: sqlite_utils.Database,
    catalogue: Catalogue,
    path: str | Path,
    *,
    dry_run: bool = False,
    actor: str = "import",
) -> ImportReport:
    """Store yearly figures per gemeente; every sheet with the right header is read."""
    path = Path(path)
    sheets = read_for_import(
        path, KENGETAL_COLUMNS, lambda found: [c for c in KENGETAL_COLUMNS if c not in found]
    )
    gemeenten = Resolver(
        Matcher((g.id, [g.name]) for g in catalogue.gemeenten.values()), "gemeente"
    )
    kengetallen = Resolver(
        Matcher((k.id, [k.name]) for k in catalogue.kengetallen.values()), "kengetal"
    )
    problems: list[str] = []
    values: dict[tuple[int, str, str], tuple[float, str]] = {}
    for table, cols, line, row in sheets.rows():
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
                problems.append(f"{table.where(line)}: {exc}")
        if len(parsed) < 4:
            continue
        year, gemeente, kengetal, value = parsed
        key = (int(year), str(gemeente), str(kengetal))  # type: ignore[call-overload]  # parsed: number and texts
        if key in values:
            problems.append(
                f"{table.where(line)}: {kengetal} voor {gemeente} in {year} staat al op "
                f"{values[key][1]}"
            )
            continue
        values[key] = (float(value), table.where(line))  # type: ignore[arg-type]  # parsed: parse_number gives a float
    if problems:
        raise ImportFailed(path, problems)
    if not values:
        raise ImportFailed(path, [NO_ROWS])

    report = sheets.report("kengetallen", path, dry_run)
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
