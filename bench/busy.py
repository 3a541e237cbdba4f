"""Benchmark: what a leader waits for while `impactbot import sessies` stores 100,000 rows,
next to the same without an import.

    python bench/busy.py [--rows 100000] [--reports 40]

The real `impactbot run` (a process of its own, long polling) against the Telegram stand-in
on 127.0.0.1, on a fresh database with a few registered leaders. Leaders report one after
another: a free-text report, the summary, Opslaan, "Opgeslagen". Each answer's wait is
measured (message -> summary, press -> the answer to it).

Two runs on the same database: first without an import (the baseline), then while a second
process imports a CSV of `--rows` rows (bench/import.py's generator) into the same file; the
import holds the write lock while it stores everything in one transaction. A save that meets
the lock is refused after the bot's wait (bot.core.dbthread.WAIT_MS) with "Het is even
te druk ... tik over een minuut nog eens op Opslaan"; the leader here taps again after one
second, and the time to the real "Opgeslagen" is counted as well.

Printed: p50, p95 and max of each wait, side by side for both runs; how many saves were
asked to wait; /healthz's slowest answer during each run; how long the import took. Every
report must be stored exactly once; otherwise the exit code is 1.
"""

from __future__ import annotations

import argparse
import importlib
import os
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.machine import machine_line, percentile  # noqa: E402

TOKEN = "123456:DEMO"
LEADER_BASE = 930_000_001
LEADERS = 4
WAIT = 60.0
# Offsets that make every report unique, so the store can be checked per report.
FIRST_COUNT = 100


@dataclass
class Run:
    name: str
    summary: list[float] = field(default_factory=list)  # message -> summary
    saved: list[float] = field(default_factory=list)  # first press -> "Opgeslagen"
    answer: list[float] = field(default_factory=list)  # press -> any answer to it
    busy: int = 0  # saves asked to wait
    health: list[float] = field(default_factory=list)
    counts: list[int] = field(default_factory=list)
    import_seconds: float | None = None


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _prepare(folder: Path) -> tuple[Path, list[int]]:
    from store.db import open_db
    from store.people import create_invite, redeem_invite

    database = folder / "bot.db"
    db = open_db(database)
    ids = [LEADER_BASE + n for n in range(LEADERS)]
    for n, telegram_id in enumerate(ids, start=1):
        invite = create_invite(db, "leider", "westerveld", "havelte", actor="bench")
        redeem_invite(db, invite.code, telegram_id, f"Leider {n}")
    db.conn.close()
    return database, ids


def _config(folder: Path, database: Path, base_url: str, port: int) -> Path:
    config = folder / "impactbot.toml"
    config.write_text(
        f'[storage]\ndatabase = "{database}"\n\n'
        f'[telegram]\nbase_url = "{base_url}"\npoll_timeout = 1\nretry_delay = 0.2\n\n'
        f'[telegram.webhook]\nlisten = "127.0.0.1"\nport = {port}\n\n'
        '[participants]\npublic_url = "https://bieb.example/"\n\n'
        '[logging]\nlevel = "INFO"\nformat = "text"\n',
        encoding="utf-8",
    )
    return config


def _report(tg: Any, telegram_id: int, count: int, run: Run) -> None:
    from bot.core import texts as core_texts
    from bot.leader import texts

    user = tg.user(telegram_id, "Leider")
    mine = f"{count} deelnemers"
    sent = time.monotonic()
    while True:
        last = user.sent()[-1].message_id if user.sent() else 0
        user.send(f"Taalcafé Havelte vandaag {mine}")
        message = user.wait(
            lambda m, last=last: (
                m.message_id > last
                and (
                    (texts.BUTTON_SAVE in m.button_labels and mine in (m.text or ""))
                    or m.text == core_texts.BUSY_DATABASE
                )
            ),
            WAIT,
        )
        if message.text != core_texts.BUSY_DATABASE:
            break
        run.busy += 1  # the draft could not be written: send it again, as asked
        time.sleep(1.0)
    run.summary.append(time.monotonic() - sent)
    first_press = time.monotonic()
    while True:
        seen = {m.message_id: m.text for m in user.sent()}
        pressed = time.monotonic()
        user.tap(texts.BUTTON_SAVE)

        def answered(m: Any, seen: dict[int, str | None] = seen) -> bool:
            text = m.text or ""
            changed = seen.get(m.message_id) != text
            return changed and (
                text.startswith(texts.SAVED)
                or text == texts.NOT_SAVED_BUSY
                or text in (core_texts.BUSY_DATABASE, texts.NOT_SAVED)
            )

        message = user.wait(answered, WAIT)
        run.answer.append(time.monotonic() - pressed)
        if (message.text or "").startswith(texts.SAVED):
            run.saved.append(time.monotonic() - first_press)
            run.counts.append(count)
            return
        run.busy += 1
        time.sleep(1.0)


def _watch_health(port: int, run: Run, stop: threading.Event) -> None:
    while not stop.is_set():
        started = time.monotonic()
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=30):
                pass
        except OSError:
            pass
        run.health.append(time.monotonic() - started)
        time.sleep(0.25)


def _leaders(
    tg: Any,
    ids: list[int],
    reports: int,
    first: int,
    run: Run,
    busy: Callable[[], bool] | None = None,
) -> int:
    """At least `reports` reports, and more as long as `busy()` (the import) is running."""
    n = 0
    while n < reports or (busy is not None and busy()):
        _report(tg, ids[n % len(ids)], first + n, run)
        n += 1
    return n


def _measure(
    tg: Any, ids: list[int], port: int, reports: int, first: int, run: Run, csv: Path | None
) -> None:
    stop = threading.Event()
    watcher = threading.Thread(target=_watch_health, args=(port, run, stop))
    watcher.start()
    importer = None
    started = time.monotonic()
    try:
        if csv is not None:
            env = {**os.environ, "IMPACTBOT_TELEGRAM_TOKEN": TOKEN}
            importer = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "impactbot",
                    "--config",
                    str(csv.parent / "impactbot.toml"),
                    "import",
                    "sessies",
                    str(csv),
                ],  # fmt: skip
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            time.sleep(0.5)  # the import reads and checks first; leaders start meanwhile
        running = importer
        _leaders(
            tg, ids, reports, first, run, lambda: running is not None and running.poll() is None
        )
        if importer is not None:
            _, err = importer.communicate(timeout=600)
            run.import_seconds = time.monotonic() - started
            if importer.returncode != 0:
                print(f"the import failed: {err.decode(errors='replace')[-500:]}")
    finally:
        stop.set()
        watcher.join()


def _stored(database: Path, counts: list[int]) -> list[str]:
    import sqlite3

    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        found = dict(
            conn.execute(
                "SELECT deelnemers, count(*) FROM sessions WHERE source = 'bot' GROUP BY deelnemers"
            ).fetchall()
        )
    finally:
        conn.close()
    return [f"report {c}: stored {found.get(c, 0)} times" for c in counts if found.get(c) != 1]


def _line(label: str, base: list[float], busy: list[float]) -> str:
    def cell(values: list[float]) -> str:
        if not values:
            return f"{'-':>28}"
        p50, p95 = percentile(values, 50) * 1000, percentile(values, 95) * 1000
        return f"{p50:8.0f} {p95:8.0f} {max(values) * 1000:9.0f} ms"

    return f"  {label:<34} {cell(base)}   {cell(busy)}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--reports", type=int, default=40)
    parser.add_argument("--log", help="copy the bot's log here at the end")
    args = parser.parse_args()
    from standin import StandIn

    generate = importlib.import_module("bench.import").generate  # "import" is a keyword

    print(machine_line())
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        database, ids = _prepare(folder)
        csv = folder / "sessies.csv"
        generate(csv, args.rows)
        port = _free_port()
        with StandIn(token=TOKEN) as tg:
            config = _config(folder, database, tg.base_url, port)
            env = {**os.environ, "IMPACTBOT_TELEGRAM_TOKEN": TOKEN}
            env.pop("IMPACTBOT_CONFIG", None)
            polls = tg.state.polls_started
            log = (folder / "bot.log").open("wb")
            bot = subprocess.Popen(
                [sys.executable, "-m", "impactbot", "--config", str(config), "run"],
                env=env, stdout=log, stderr=subprocess.STDOUT, cwd=folder,
            )  # fmt: skip
            try:
                tg.state.wait_until(lambda: tg.state.polls_started > polls, 60)
                base, busy = Run("zonder import"), Run("tijdens import")
                _measure(tg, ids, port, args.reports, FIRST_COUNT, base, None)
                first = FIRST_COUNT + args.reports
                _measure(tg, ids, port, args.reports, first, busy, csv)
            finally:
                bot.terminate()
                bot.wait(60)
                log.close()
                if args.log:  # the bot's log, to read after a failed run
                    Path(args.log).write_bytes((folder / "bot.log").read_bytes())
        problems = _stored(database, base.counts + busy.counts)
    print(
        f"reports one after another by {LEADERS} leaders: {len(base.counts)} without an import, "
        f"{len(busy.counts)} during the import of {args.rows:,} rows (until it ended)"
    )
    print(f"  {'':<34} {'without an import':>28}   {'during the import':>28}")
    print(f"  {'':<34} {'p50':>8} {'p95':>8} {'max':>9}      {'p50':>8} {'p95':>8} {'max':>9}")
    print(_line("message -> summary", base.summary, busy.summary))
    print(_line("press Opslaan -> an answer", base.answer, busy.answer))
    print(_line("first press -> Opgeslagen", base.saved, busy.saved))
    print(_line("/healthz", base.health, busy.health))
    print(f"  saves asked to wait and tap again: {base.busy} without, {busy.busy} during")
    if busy.import_seconds is not None:
        print(f"  the import (with the leaders beside it) took {busy.import_seconds:.1f} s")
    print(f"  every report stored exactly once: {'yes' if not problems else 'NO'}")
    for problem in problems[:10]:
        print(f"    {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
