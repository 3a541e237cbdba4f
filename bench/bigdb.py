"""A generated database of many sessions (nine gemeenten, five years) for the benchmarks.

Rows are written with executemany straight into the schema (the write path is measured
elsewhere); the file is cached next to the benchmark outputs so reruns start at once.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from store.aggregates import bulk_load
from store.db import now_iso, open_db, transaction
from toc.loader import default_catalogue

YEARS = (2021, 2022, 2023, 2024, 2025)


def build(path: Path, sessions: int = 1_000_000, seed: int = 7) -> Path:
    """Create (once) a database with `sessions` sessions spread over YEARS."""
    marker = path.with_suffix(f".{sessions}.ok")
    if path.exists() and marker.exists():
        return path
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    catalogue = default_catalogue()
    db = open_db(path)
    rng = random.Random(seed)
    activities = list(catalogue.activities.values())
    effects = {a.id: a.effects for a in activities}
    vestigingen = list(catalogue.vestigingen.values())
    per_year = sessions // len(YEARS)
    created = now_iso()
    db.conn.execute("PRAGMA synchronous = OFF")
    next_id = 1
    for year in YEARS:
        start = date(year, 1, 1)
        rows = []
        observations = []
        for _ in range(per_year):
            activity = rng.choice(activities)
            vestiging = rng.choice(vestigingen)
            day = start + timedelta(days=rng.randrange(365))
            kinderen = rng.randrange(0, 25)
            volwassenen = rng.randrange(0, 15)
            rows.append(
                (
                    next_id,
                    day.isoformat(),
                    year,
                    activity.id,
                    vestiging.id,
                    vestiging.gemeente,
                    kinderen + volwassenen,
                    kinderen,
                    volwassenen,
                    "bench",
                    created,
                )
            )
            if rng.random() < 0.3:
                observations.append((next_id, rng.choice(effects[activity.id])))
            next_id += 1
        # The importer's path: triggers stand aside, aggregates are added set-wise.
        with transaction(db), bulk_load(db):
            db.conn.executemany(
                "INSERT INTO sessions (id, date, year, activity, vestiging, gemeente, "
                "deelnemers, kinderen, volwassenen, source, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            db.conn.executemany(
                "INSERT OR IGNORE INTO observations (session_id, effect) VALUES (?, ?)",
                observations,
            )
    db.execute("ANALYZE")
    db.conn.close()
    marker.touch()
    return path
