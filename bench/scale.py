"""Benchmark: do /stand and the year report stay fast as the sessions grow? (0.1 / 1 / 3 M)

    python bench/scale.py [--sizes 100000,1000000,3000000] [--repeat 7]

For each size, a database of bench/fulldb.py (nine gemeenten, five years, courses, quotes,
observations; built once per size and cached in /tmp, which takes minutes for 3 M) is
measured with:

- /stand for the whole organisation, the year so far (compute_stand, which reads the
  aggregate tables of migration 11), next to its floor: hand-written SQL over the raw
  sessions and totals for the same figures (this year and the same days last year, per
  activity), on the covering index `sessions_date_cover`;
- the organisation's year report (reports.model.build_report), next to the floor of
  bench/report.py: the hand-written queries over the raw tables that compute the same
  counts (output this year and last, courses, observations, before/after, quotes).

Each line gives the median of --repeat runs after a warm-up run (a warm page cache for both).
At the end, the growth from the smallest size to the largest for ours and the floor: linear
growth would multiply the time by the ratio of the sizes. Targets (issue 13): /stand at 3 M
at most 50 ms, the year report at 3 M at most 1 s, both growing less than linearly.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.machine import machine_line, verdict  # noqa: E402

STAND_TARGET_MS = 50.0
REPORT_TARGET_MS = 1000.0
TODAY = date(2025, 10, 15)
YEAR = 2025

STAND_FLOOR = (
    "SELECT activity, count(*), sum(deelnemers) FROM sessions WHERE date BETWEEN ? AND ? "
    "GROUP BY activity UNION ALL SELECT activity, sum(bijeenkomsten), sum(deelnemers) "
    "FROM totals WHERE period_start >= ? AND period_end <= ? GROUP BY activity"
)


def median_ms(fn: Callable[[], Any], repeat: int) -> float:
    fn()  # warm-up
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - started) * 1000)
    return statistics.median(runs)


def measure(size: int, repeat: int) -> dict[str, float]:
    from bench.fulldb import build_full
    from bench.report import floor_queries
    from reports.model import build_report
    from reports.stand import Scope, compute_stand
    from store.db import open_db
    from toc.loader import default_catalogue

    started = time.perf_counter()
    path = build_full(
        Path(f"/tmp/impactbot-scale-full-{size}.db"), size, Path(f"/tmp/impactbot-scale-{size}.db")
    )
    db = open_db(path)
    catalogue = default_catalogue()
    sessions = db.execute("SELECT count(*) FROM sessions").fetchone()[0]
    in_year = db.execute("SELECT count(*) FROM sessions WHERE year = ?", [YEAR]).fetchone()[0]
    agg_rows = db.execute("SELECT count(*) FROM agg_month WHERE year = ?", [YEAR]).fetchone()[0]
    print(
        f"\n== {sessions:,} sessions ({in_year:,} in {YEAR}; {agg_rows:,} agg_month rows for "
        f"{YEAR}); database ready in {time.perf_counter() - started:.1f} s"
    )

    def stand() -> Any:
        return compute_stand(db, catalogue, Scope(), "jaar", TODAY)

    now = [f"{YEAR}-01-01", TODAY.isoformat()]
    before = [f"{YEAR - 1}-01-01", TODAY.replace(year=YEAR - 1).isoformat()]

    def stand_floor() -> Any:
        return [db.execute(STAND_FLOOR, [*bounds, *bounds]).fetchall() for bounds in (now, before)]

    params = {
        "year": YEAR,
        "previous": YEAR - 1,
        "start": f"{YEAR}-01-01",
        "end": f"{YEAR}-12-31",
        "gemeente": None,
    }
    queries = floor_queries(None)

    def report() -> Any:
        return build_report(db, catalogue, YEAR)

    def report_floor() -> Any:
        return [db.execute(q, params).fetchall() for q in queries]

    # The same figures from both sides, or the comparison means nothing.
    ours_total = stand().totaal
    floor_rows = stand_floor()
    assert ours_total.bijeenkomsten == sum(r[1] for r in floor_rows[0]), "stand differs"
    assert ours_total.vorig_bijeenkomsten == sum(r[1] for r in floor_rows[1]), "stand differs"
    got = report().total
    rows = report_floor()
    assert got.bijeenkomsten == sum(r[2] for r in rows[0]), "report differs"
    assert got.reeksen == sum(r[1] for r in rows[2]), "report differs"

    out = {
        "stand": median_ms(stand, repeat),
        "stand_floor": median_ms(stand_floor, repeat),
        "report": median_ms(report, max(3, repeat // 2)),
        "report_floor": median_ms(report_floor, max(3, repeat // 2)),
    }
    print(f"  /stand whole organisation, year so far   ours {out['stand']:9.1f} ms   "
          f"floor (raw SQL) {out['stand_floor']:9.1f} ms")  # fmt: skip
    print(f"  year report, whole organisation          ours {out['report']:9.1f} ms   "
          f"floor (raw SQL) {out['report_floor']:9.1f} ms")  # fmt: skip
    db.conn.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100000,1000000,3000000")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(machine_line())
    results = {size: measure(size, args.repeat) for size in sizes}

    small, large = sizes[0], sizes[-1]
    factor = large / small
    print(
        f"\n== growth from {small:,} to {large:,} sessions (x{factor:.0f}; linear = x{factor:.0f})"
    )
    sublinear = True
    for key, label in (("stand", "/stand"), ("report", "year report")):
        for suffix, who in (("", "ours"), ("_floor", "floor")):
            grown = results[large][key + suffix] / results[small][key + suffix]
            print(f"  {label:<12} {who:<6} x{grown:6.1f}")
            if not suffix:
                sublinear = sublinear and grown < factor
    last = results[large]
    stand_met = last["stand"] <= STAND_TARGET_MS
    report_met = last["report"] <= REPORT_TARGET_MS
    print(f"\ntarget /stand at {large:,}: <= {STAND_TARGET_MS:.0f} ms: {verdict(stand_met)}")
    print(f"target year report at {large:,}: <= {REPORT_TARGET_MS:.0f} ms: {verdict(report_met)}")
    print(f"target: both grow less than linearly: {verdict(sublinear)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
