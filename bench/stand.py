"""Benchmark: /stand for one gemeente on a million sessions, next to a hand-written SQL floor.

    python bench/stand.py [--sessions 1000000] [--db /tmp/impactbot-bench.db]

Prints the median and p95 of repeated runs for our code (compute_stand) and for the floor:
one hand-written query that does the same aggregation (this year and last year, per
activity) on the same database. Target: under 50 ms and within twice the floor.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bigdb import build  # noqa: E402
from reports.stand import Scope, compute_stand  # noqa: E402
from store.db import open_db  # noqa: E402
from toc.loader import default_catalogue  # noqa: E402

FLOOR_SQL = """
SELECT activity, count(*), sum(deelnemers) FROM sessions
WHERE gemeente = ? AND date BETWEEN ? AND ? GROUP BY activity
"""


def timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def describe(name: str, ms: list[float]) -> str:
    p95 = sorted(ms)[int(len(ms) * 0.95) - 1]
    return f"{name:<34} median {statistics.median(ms):7.2f} ms   p95 {p95:7.2f} ms"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/impactbot-bench.db"))
    parser.add_argument("--repeat", type=int, default=40)
    args = parser.parse_args()

    t0 = time.perf_counter()
    build(args.db, args.sessions)
    print(
        f"database: {args.db} ({args.sessions:,} sessions), ready in "
        f"{time.perf_counter() - t0:.1f} s"
    )
    print(
        f"machine: {platform.processor() or platform.machine()}, "
        f"Python {platform.python_version()}, SQLite {__import__('sqlite3').sqlite_version}"
    )
    db = open_db(args.db)
    catalogue = default_catalogue()
    today = date(2025, 10, 15)
    scope = Scope(gemeente="westerveld")

    def ours() -> None:
        compute_stand(db, catalogue, scope, "jaar", today)

    def floor() -> None:
        db.execute(FLOOR_SQL, ["westerveld", "2025-01-01", today.isoformat()]).fetchall()
        db.execute(FLOOR_SQL, ["westerveld", "2024-01-01", "2024-10-15"]).fetchall()

    ours()
    floor()  # warm the page cache for both
    mine = timed(ours, args.repeat)
    base = timed(floor, args.repeat)
    print(describe("/stand westerveld jaar (ours)", mine))
    print(describe("floor: hand-written SQL", base))
    ratio = statistics.median(mine) / statistics.median(base)
    print(
        f"ratio ours/floor: {ratio:.2f} (target <= 2.0); "
        f"target median < 50 ms: {'ok' if statistics.median(mine) < 50 else 'NOT MET'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
