"""Benchmark: saving one report (store.sessions.save_session), the path every "Opgeslagen" takes.

    python bench/save.py [--reports 2000]

Saves reports one by one, each in its own durable transaction (WAL, synchronous FULL, as the
bot does): a Voorleesuurtje-like session with kinderen and volwassenen, two signals, and on
one report in five a quote with an effect. Three ways:

- **ours**: save_session (validation, the series, the audit line, the aggregate triggers).
- **table API**: the same, with store.db.insert swapped for sqlite-utils' `db[table].insert`
  (which wraps each row in `db.atomic()`, a savepoint, and reads the table's columns). This is
  the measurement behind keeping plain SQL for single rows on this path.
- **floor**: the same rows written by hand with plain INSERTs in one BEGIN IMMEDIATE ... COMMIT
  per report (no validation, no audit line; the schema's triggers still run).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sqlite_utils  # noqa: E402

import store.sessions  # noqa: E402
from bench.machine import machine_line, ms, percentile  # noqa: E402
from store.db import now_iso, open_db  # noqa: E402
from store.sessions import QuoteIn, SessionIn, save_session, session_row  # noqa: E402
from toc.loader import default_catalogue  # noqa: E402
from toc.models import Catalogue  # noqa: E402

Save = Callable[[sqlite_utils.Database, Catalogue, SessionIn], None]


def reports(catalogue: Catalogue, n: int) -> list[SessionIn]:
    activity = next(a for a in catalogue.activities.values() if a.kind == "bijeenkomst")
    signals = [s.id for s, _ in catalogue.signals_for(activity.id)][:2]
    places = list(catalogue.vestigingen)
    start = date.today() - timedelta(days=300)
    out: list[SessionIn] = []
    for i in range(n):
        quotes = []
        if i % 5 == 0 and activity.effects:
            quotes = [
                QuoteIn(text="Isa wil nu elke avond voorlezen.", effects=activity.effects[:1])
            ]
        out.append(
            SessionIn(
                date=start + timedelta(days=i % 300),
                activity=activity.id,
                vestiging=places[i % len(places)],
                kinderen=12,
                volwassenen=8,
                signals=signals,
                quotes=quotes,
                source="bot",
                source_key=f"draft:{i:08d}",
            )
        )
    return out


def run(
    path: Path, catalogue: Catalogue, sessions: list[SessionIn], save: Save
) -> tuple[list[float], float]:
    """Seconds per report, and the CPU seconds of all (steadier than the clock on a busy
    machine, where the disk's fsync dominates the wall time)."""
    db = open_db(path)
    times = []
    cpu = time.process_time()
    for s in sessions:
        started = time.perf_counter()
        save(db, catalogue, s)
        times.append(time.perf_counter() - started)
    cpu = time.process_time() - cpu
    db.conn.close()
    return times, cpu


def ours(db: sqlite_utils.Database, catalogue: Catalogue, s: SessionIn) -> None:
    save_session(db, catalogue, s, "person:1")


def floor(db: sqlite_utils.Database, catalogue: Catalogue, s: SessionIn) -> None:
    """The rows of one report, by hand: session, its signals, the quote and its effect."""
    conn = db.conn
    row = session_row(catalogue, s, None)
    row.update(source="bot", source_key=s.source_key, created_at=now_iso())
    conn.execute("BEGIN IMMEDIATE")
    cursor = conn.execute(
        f"INSERT INTO sessions ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})",
        list(row.values()),
    )
    session_id = cursor.lastrowid
    for signal_id in s.signals:
        found = catalogue.signal(signal_id)
        if found is None:
            continue
        conn.execute(
            "INSERT INTO session_signals (session_id, signal, effect) VALUES (?, ?, ?)",
            [session_id, signal_id, found[1]],
        )
    for q in s.quotes:
        quote = conn.execute(
            "INSERT INTO quotes (session_id, activity, vestiging, gemeente, date, year, text, "
            "consent, review, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'new', ?)",
            [session_id, row["activity"], row["vestiging"], row["gemeente"], row["date"],
             row["year"], q.text, q.consent, row["created_at"]],
        )  # fmt: skip
        for effect in q.effects:
            conn.execute(
                "INSERT INTO quote_effects (quote_id, effect) VALUES (?, ?)",
                [quote.lastrowid, effect],
            )
    conn.execute("COMMIT")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reports", type=int, default=2000)
    args = parser.parse_args()
    catalogue = default_catalogue()
    sessions = reports(catalogue, args.reports)
    print(machine_line())
    print(f"{args.reports} reports, each saved in its own durable transaction\n")

    def with_table_api(db: sqlite_utils.Database, table: str, row: dict[str, object]) -> int:
        return int(db.table(table).insert(row).last_rowid or 0)

    # Each way runs three times, in turn, on a fresh database; the fastest run counts (the
    # first pays for warming up, and the machine may be busy with something else meanwhile).
    results: dict[str, list[float]] = {}
    cpus: dict[str, float] = {}
    original = store.sessions.insert
    for _ in range(3):
        for name, save in (("ours", ours), ("table API", ours), ("floor", floor)):
            store.sessions.insert = with_table_api if name == "table API" else original
            try:
                with tempfile.TemporaryDirectory(prefix="impactbot-save-") as tmp:
                    times, cpu = run(Path(tmp) / "save.db", catalogue, sessions, save)
            finally:
                store.sessions.insert = original
            if name not in results or sum(times) < sum(results[name]):
                results[name] = times
            cpus[name] = min(cpu, cpus.get(name, cpu))
    for name, times in results.items():
        total = sum(times)
        cpu = cpus[name] / len(times) * 1e6
        print(
            f"{name:>10}: {len(times) / total:7.0f} reports/s   p50 {ms(percentile(times, 50))}"
            f"   p95 {ms(percentile(times, 95))}   CPU {cpu:4.0f} µs/report"
        )
    ratio = sum(results["ours"]) / sum(results["floor"])
    table = sum(results["table API"]) / sum(results["ours"])
    print(f"\nratio ours/floor: {ratio:.2f} (CPU {cpus['ours'] / cpus['floor']:.2f})")
    print(f"ratio table API/ours: {table:.2f} (CPU {cpus['table API'] / cpus['ours']:.2f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
