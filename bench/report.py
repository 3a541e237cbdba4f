"""Benchmark: the annual impactreflectie (`reports.model.build_report`) on a million sessions.

    python bench/report.py [--year 2025] [--gemeente westerveld] [--repeat 5]

The database is bench/bigdb.py's (nine gemeenten, five years, a million sessions, observations)
plus courses, measurements, quotes and kengetallen (bench/fulldb.py), built once and cached in
/tmp. Printed, each next to its floor:

- build_report for the whole organisation for one year, and for one gemeente (median of
  --repeat runs after one warm-up run, so the page cache is warm for both);
- the floor: hand-written SQL for the same aggregation on the same database and indexes:
  per activity x vestiging counts and sums for the year and the year before (a thousand rows,
  from which per activity, per vestiging, per programmalijn and per opgave are sums), courses
  and enrolment per activity, observations per effect, before/after counts per effect, and
  publishable quotes per activity;
- where build_report spends its time: each SQL statement it runs, with its EXPLAIN QUERY PLAN;
- rendering the organisation's year as HTML (reports.render.render_html);
- peak memory of a child process that builds the organisation's report, minus a child that
  only imports the same modules, loads the catalogue and opens the database (VmHWM from
  /proc/self/status; ru_maxrss is printed too but is inherited across fork/exec on Linux);

Targets: organisation year under 3 s; peak memory of the build under 200 MB.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.machine import machine_line, verdict  # noqa: E402

TARGET_SECONDS = 3.0
TARGET_MB = 200.0

FLOOR_SQL = [
    # output per activity x vestiging, this year and last year (the report shows both)
    "SELECT activity, vestiging, count(*), sum(deelnemers), sum(kinderen), sum(volwassenen), "
    "sum(vragen) FROM sessions WHERE year = :year{scope} GROUP BY activity, vestiging",
    "SELECT activity, vestiging, count(*), sum(deelnemers), sum(kinderen), sum(volwassenen), "
    "sum(vragen) FROM sessions WHERE year = :previous{scope} GROUP BY activity, vestiging",
    # courses with a lesson in the year, and their enrolment: the course's first/last lesson
    # narrow it down, one session lookup per candidate confirms it
    "SELECT se.activity, count(*), sum(se.enrolled) FROM series se "
    "WHERE se.first_lesson <= :end AND se.last_lesson >= :start{se_scope} AND EXISTS ("
    "SELECT 1 FROM sessions s WHERE s.series_id = se.id AND +s.year = :year) "
    "GROUP BY se.activity",
    # observations per effect (CROSS JOIN: drive from the year's sessions)
    "SELECT o.effect, count(*) FROM sessions s CROSS JOIN observations o "
    "ON o.session_id = s.id WHERE s.year = :year{s_scope} GROUP BY o.effect",
    # before/after counts per effect, for the same courses
    "SELECT m.effect, m.moment, count(*), sum(m.able), sum(m.measured) FROM series se "
    "CROSS JOIN measurements m ON m.series_id = se.id "
    "WHERE se.first_lesson <= :end AND se.last_lesson >= :start{se_scope} AND EXISTS ("
    "SELECT 1 FROM sessions s WHERE s.series_id = se.id AND +s.year = :year) "
    "GROUP BY m.effect, m.moment",
    # publishable quotes per activity
    "SELECT activity, count(*) FROM quotes WHERE year = :year{scope} "
    "AND consent IN ('ja', 'anoniem') AND review != 'rejected' GROUP BY activity",
]
CHILD_IMPORTS = "reports.model, reports.render, store.db, toc.loader"


def floor_queries(gemeente: str | None) -> list[str]:
    scopes = {
        f"{prefix}scope": f" AND {prefix.replace('_', '.')}gemeente = :gemeente" if gemeente else ""
        for prefix in ("", "s_", "se_")
    }
    return [q.format(**scopes) for q in FLOOR_SQL]


def timed(fn: Callable[[], Any], repeat: int) -> list[float]:
    fn()  # warm-up: the page cache, the catalogue, Jinja's template cache
    out = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        out.append(time.perf_counter() - started)
    return out


def line(label: str, seconds: list[float]) -> str:
    return (
        f"  {label:<46} median {statistics.median(seconds) * 1000:9.1f} ms   "
        f"min {min(seconds) * 1000:9.1f}   max {max(seconds) * 1000:9.1f}  (n={len(seconds)})"
    )


class StatementTimer:
    """Wraps db.execute to time every statement (fetching included) of one call."""

    def __init__(self, db: Any) -> None:
        self.db = db
        self.original = db.execute
        self.seen: dict[str, list[float]] = {}
        self.params: dict[str, Any] = {}

    def __enter__(self) -> StatementTimer:
        def execute(sql: str, parameters: Any = None) -> Any:
            started = time.perf_counter()
            rows = self.original(sql, parameters or []).fetchall()
            self.seen.setdefault(sql, []).append(time.perf_counter() - started)
            self.params.setdefault(sql, parameters)
            return _Rows(rows)

        self.db.execute = execute
        return self

    def __exit__(self, *exc: object) -> None:
        del self.db.execute  # back to the class's method


class _Rows:
    def __init__(self, rows: list) -> None:
        self.rows = rows

    def fetchall(self) -> list:
        return self.rows

    def fetchone(self) -> Any:
        return self.rows[0] if self.rows else None

    def __iter__(self) -> Any:
        return iter(self.rows)


def breakdown(db: Any, run: Callable[[], Any], top: int) -> None:
    with StatementTimer(db) as timer:
        started = time.perf_counter()
        run()
        total = time.perf_counter() - started
    in_sql = sum(sum(v) for v in timer.seen.values())
    runs = sum(len(v) for v in timer.seen.values())
    print(
        f"  one organisation-year build: {total * 1000:.1f} ms, of which {in_sql * 1000:.1f} ms "
        f"in {runs} SQL statements ({len(timer.seen)} distinct); slowest:"
    )
    ranked = sorted(timer.seen.items(), key=lambda item: -sum(item[1]))
    for sql, times in ranked[:top]:
        print(f"  {sum(times) * 1000:8.1f} ms  x{len(times)}  {' '.join(sql.split())[:150]}")
        plan = db.conn.execute("EXPLAIN QUERY PLAN " + sql, timer.params[sql] or []).fetchall()
        for row in plan:
            print(f"{'':22}plan: {row[3]}")


def child(kind: str, db_path: Path, year: int) -> None:
    """Runs in a subprocess: the baseline, or the build (and, for 'html', the rendering).
    Prints its peak resident memory (VmHWM, KiB) as the last line."""
    from reports.model import build_report
    from reports.render import render_html
    from store.db import open_db
    from toc.loader import default_catalogue

    catalogue = default_catalogue()
    db = open_db(db_path)
    if kind in ("build", "html"):
        report = build_report(db, catalogue, year)
        if kind == "html":
            render_html(report)
    db.conn.close()
    status = Path("/proc/self/status").read_text().splitlines()
    print(next(x.split()[1] for x in status if x.startswith("VmHWM:")))


def peak_rss_mb(kind: str, db_path: Path, year: int) -> tuple[float, float]:
    """Peak resident memory of one child process, in MB: (VmHWM, ru_maxrss).

    VmHWM (the child's own high-water mark, reset by exec) is the figure to use. ru_maxrss
    (os.wait4: this child's rusage) is printed beside it but is not usable here: Linux keeps
    the high-water mark across fork and exec, so a child of a large process reports at least
    the parent's size at the fork.
    """
    proc = subprocess.Popen(
        [sys.executable, __file__, "--child", kind, "--full-db", str(db_path), "--year", str(year)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"the {kind} child failed with exit code {proc.returncode}")
    return int(out.split()[-1]) / 1024, usage.ru_maxrss / 1024  # KiB on Linux


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/impactbot-bench.db"))
    parser.add_argument("--full-db", type=Path, default=Path("/tmp/impactbot-bench-full.db"))
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--gemeente", default="westerveld")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--child", choices=("baseline", "build", "html"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.full_db, args.year)
        return 0

    from bench.fulldb import build_full
    from reports.model import build_report
    from reports.render import render_html
    from store.db import open_db
    from toc.loader import default_catalogue

    print(machine_line())
    started = time.perf_counter()
    build_full(args.full_db, args.sessions, args.db)
    print(f"database: {args.full_db}, ready in {time.perf_counter() - started:.1f} s")
    db = open_db(args.full_db)
    counts = {
        t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("sessions", "observations", "series", "measurements", "quotes")
    }
    print("  " + ", ".join(f"{n:,} {t}" for t, n in counts.items()))
    in_year = db.execute("SELECT count(*) FROM sessions WHERE year = ?", [args.year]).fetchone()
    print(f"  {in_year[0]:,} sessions in {args.year}")
    catalogue = default_catalogue()
    ok = True

    for gemeente in (None, args.gemeente):
        scope = gemeente or "whole organisation"
        params = {
            "year": args.year,
            "previous": args.year - 1,
            "start": f"{args.year}-01-01",
            "end": f"{args.year}-12-31",
            "gemeente": gemeente,
        }
        queries = floor_queries(gemeente)

        def ours(g: str | None = gemeente) -> Any:
            return build_report(db, catalogue, args.year, g)

        def floor(qs: list[str] = queries, p: dict = params) -> list[list]:
            return [db.execute(q, p).fetchall() for q in qs]

        mine = timed(ours, args.repeat)
        base = timed(floor, args.repeat)
        print(f"\n== build_report {args.year}, {scope}")
        print(line("build_report (ours)", mine))
        print(line(f"floor: {len(queries)} hand-written queries", base))
        got, rows = ours().total, floor()
        same = (
            got.bijeenkomsten == sum(r[2] for r in rows[0])
            and got.deelnemers == sum(r[3] for r in rows[0])
            and got.reeksen == sum(r[1] for r in rows[2])
            and got.ingeschreven == sum(r[2] for r in rows[2])
        )
        print(
            f"  same totals from both (bijeenkomsten {got.bijeenkomsten:,}, deelnemers "
            f"{got.deelnemers:,}, reeksen {got.reeksen:,}, ingeschreven {got.ingeschreven:,}): "
            f"{'yes' if same else 'NO'}"
        )
        ratio = statistics.median(mine) / statistics.median(base)
        print(f"  ratio ours/floor: {ratio:.2f}", end="")
        if gemeente is None:
            met = statistics.median(mine) < TARGET_SECONDS
            ok = ok and met
            print(f"; target median < {TARGET_SECONDS:.0f} s: {verdict(met)}")
        else:
            print()

    print(f"\n== where build_report spends its time ({args.year}, whole organisation)")
    breakdown(db, lambda: build_report(db, catalogue, args.year), top=6)

    report = build_report(db, catalogue, args.year)
    html_times = timed(lambda: render_html(report), args.repeat)
    size = len(render_html(report).encode())
    print(f"\n== render_html {args.year}, whole organisation ({size / 1024:.0f} KiB of HTML)")
    print(line("render_html", html_times))
    print(f"  ({len(report.quotes):,} publishable quotes in the report object)")
    db.conn.close()

    (baseline, b_rss), (built, r_rss), (rendered, h_rss) = (
        peak_rss_mb(kind, args.full_db, args.year) for kind in ("baseline", "build", "html")
    )
    print(f"\n== peak memory of a child process (VmHWM), {args.year}, whole organisation")
    print(f"  baseline: imports {CHILD_IMPORTS}, loads the catalogue, opens the db")
    print(f"  baseline:                      {baseline:7.1f} MB")
    print(f"  build_report:                  {built:7.1f} MB  (+{built - baseline:.1f} MB)")
    print(f"  build_report + render_html:    {rendered:7.1f} MB  (+{rendered - baseline:.1f} MB)")
    print(
        f"  (ru_maxrss from os.wait4 for the same three: {b_rss:.1f}, {r_rss:.1f}, {h_rss:.1f} "
        "MB: inherited from this process across fork/exec, so not used)"
    )
    met = built - baseline < TARGET_MB
    ok = ok and met
    print(f"  target: build under {TARGET_MB:.0f} MB above the baseline: {verdict(met)}")
    print(f"\nresult: {'all targets met' if ok else 'a target is NOT MET'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
