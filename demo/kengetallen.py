"""Demo kengetallen per gemeente: the jaarbericht's Westerveld figures for 2024, the other
gemeenten in proportion to their inhabitants, and a yearly trend."""

from __future__ import annotations

import random

import sqlite_utils

from demo import plans as p
from store import audit
from store.db import now_iso, transaction
from toc.models import Catalogue


def demo_kengetallen(c: Catalogue, year: int, seed: int) -> list[tuple[str, str, float]]:
    rows = []
    for gemeente in c.gemeenten:
        inhabitants = p.INHABITANTS.get(gemeente, p.DEFAULT_INHABITANTS)
        values: dict[str, float] = {}
        for kengetal in c.kengetallen:
            if kengetal in p.SUMS and all(part in c.kengetallen for part in p.SUMS[kengetal]):
                continue  # added up below from its parts
            if kengetal not in p.PER_INHABITANT:
                continue
            base_rng = random.Random(f"{seed}:kengetal:{gemeente}:{kengetal}")
            if gemeente == "westerveld" and kengetal in p.WESTERVELD_2024:
                base = p.WESTERVELD_2024[kengetal]
            else:
                base = inhabitants * base_rng.uniform(*p.PER_INHABITANT[kengetal])
            value = base * p.GROWTH.get(kengetal, 1.0) ** (year - p.REFERENCE_YEAR)
            if not (gemeente == "westerveld" and year == p.REFERENCE_YEAR):
                value *= 1 + random.Random(f"{seed}:{year}:{gemeente}:{kengetal}").uniform(
                    -0.015, 0.015
                )
            values[kengetal] = float(max(1, round(value)))
        for total, parts in p.SUMS.items():
            if total in c.kengetallen and all(part in values for part in parts):
                values[total] = sum(values[part] for part in parts)
        rows += [(gemeente, k, values[k]) for k in c.kengetallen if k in values]
    return rows


def store_kengetallen(db: sqlite_utils.Database, c: Catalogue, year: int, seed: int) -> int:
    rows = demo_kengetallen(c, year, seed)
    now = now_iso()
    changed = 0
    with transaction(db):
        for gemeente, kengetal, value in rows:
            # Never overwrite a figure a manager entered or imported.
            changed += db.execute(
                "INSERT INTO kengetallen (year, gemeente, kengetal, value, source, updated_at) "
                "VALUES (?, ?, ?, ?, 'demo', ?) ON CONFLICT (year, gemeente, kengetal) DO UPDATE "
                "SET value = excluded.value, updated_at = excluded.updated_at "
                "WHERE kengetallen.source = 'demo' AND kengetallen.value != excluded.value",
                [year, gemeente, kengetal, value, now],
            ).rowcount
        if changed:
            audit.record(db, "demo", "import", "kengetallen", year, count=changed)
    return len(rows)
