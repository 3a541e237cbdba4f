"""A backup taken while 20 leaders report, with the real `impactbot run` and the real
`impactbot backup` and `impactbot restore` as separate processes (as cron or a systemd timer
runs them), restores to a database with every report that was confirmed before it began.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import sqlite_utils
from e2e_helpers import people_only_database, read_only, register_leaders
from test_e2e_crash import REPORT_DEADLINE, BotProcess, Leader, _config

from demo.runner import DEMO_TOKEN
from standin import StandIn
from store.db import migrate
from store.migrations import LATEST
from toc.models import Catalogue

LEADERS = 20
REPORTS_EACH = 3
FIRST_LEADER = 820_000_001
CONFIRMED_BEFORE_BACKUP = 15


def impactbot(config: Path, *args: str, token: bool = False) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("IMPACTBOT_")}
    if token:
        env["IMPACTBOT_TELEGRAM_TOKEN"] = DEMO_TOKEN
    return subprocess.run(
        [sys.executable, "-m", "impactbot", "--config", str(config), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=config.parent,
    )


def test_backup_while_20_leaders_report_restores_every_confirmed_report(
    tmp_path: Path, default_catalogue: Catalogue
):
    database = people_only_database(tmp_path / "bot.db", default_catalogue)
    ids = [FIRST_LEADER + n for n in range(LEADERS)]
    people = register_leaders(database, ids)
    person_of = {person: telegram_id for telegram_id, person in people.items()}
    logs = tmp_path / "logs"
    logs.mkdir()
    backup = tmp_path / "nacht.sqlite"

    with StandIn(host="127.0.0.1", port=0, token=DEMO_TOKEN) as tg:
        config = _config(tmp_path, database, tg.base_url)
        bot = BotProcess(tg, config, logs)
        bot.start()
        leaders = []
        for n, telegram_id in enumerate(ids):
            tg.user(telegram_id, f"Leider {n + 1}")
            reports = [
                (f"Voorleesuurtje Havelte {k} kinderen 3 ouders", k)
                for k in (100 + n * REPORTS_EACH + r for r in range(REPORTS_EACH))
            ]
            leaders.append(Leader(tg, telegram_id, reports))
        threads = [threading.Thread(target=x.run, name=f"leader-{x.telegram_id}") for x in leaders]
        for thread in threads:
            thread.start()
        try:
            tg.state.wait_until(
                lambda: sum(len(x.confirmed) for x in leaders) >= CONFIRMED_BEFORE_BACKUP, 90
            )
            # What every leader had seen confirmed before the backup began.
            before = {x.telegram_id: list(x.confirmed) for x in leaders}
            made = impactbot(config, "backup", str(backup))
            restore_while_running = impactbot(config, "restore", str(backup))
            second_bot = impactbot(config, "run", token=True)
            for thread in threads:
                thread.join(REPORT_DEADLINE * REPORTS_EACH)
        finally:
            exit_code = bot.stop()

    problems = [f"{x.telegram_id}: {x.error!r}" for x in leaders if x.error is not None]
    assert not problems, "\n".join(problems) + "\n" + bot.log_text()
    assert exit_code == 0, bot.log_text()
    assert made.returncode == 0, made.stderr
    assert "Reservekopie gemaakt" in made.stdout
    # The bot holds the database: restore says so in one sentence and touches nothing.
    assert restore_while_running.returncode == 1
    assert restore_while_running.stderr.startswith("Fout: Er draait een bot op de database")
    assert "Traceback" not in restore_while_running.stderr
    # Nor can a second bot start on the same database.
    assert second_bot.returncode == 1
    assert "Er draait een bot op de database" in second_bot.stderr
    confirmed_before = sum(len(v) for v in before.values())
    assert confirmed_before >= CONFIRMED_BEFORE_BACKUP
    # The backup was taken while leaders were still reporting.
    assert confirmed_before < LEADERS * REPORTS_EACH

    with read_only(database) as conn:
        assert conn.execute("SELECT count(*) FROM sessions").fetchone()[0] == LEADERS * 3

    restored = impactbot(config, "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    with read_only(database) as conn:
        rows = conn.execute("SELECT reporter_id, kinderen FROM sessions").fetchall()
    print(f"{confirmed_before} reports confirmed before the backup began, {len(rows)} in it")
    stored: dict[int, list[int]] = {}
    for reporter, kinderen in rows:
        stored.setdefault(person_of[reporter], []).append(kinderen)
    for leader in leaders:
        mine = sorted(stored.get(leader.telegram_id, []))
        assert len(mine) == len(set(mine)), f"leader {leader.telegram_id}: doubled {mine}"
        assert set(before[leader.telegram_id]) <= set(mine), (leader.telegram_id, mine)
        assert set(mine) <= {k for _, k in leader.reports}
    # The old database, with all reports, was kept aside.
    [aside] = [
        p
        for p in database.parent.iterdir()
        if ".voor-terugzetten-" in p.name and not p.name.endswith(("-wal", "-shm"))
    ]
    with read_only(aside) as conn:
        assert conn.execute("SELECT count(*) FROM sessions").fetchone()[0] == LEADERS * 3


def test_run_backs_up_an_older_database_before_it_updates_it(tmp_path: Path):
    database = tmp_path / "oud.db"
    conn = sqlite3.connect(database)
    migrate(sqlite_utils.Database(conn), target=1)
    conn.execute(
        "INSERT INTO people (telegram_id, display_name, role, created_at) "
        "VALUES (42, 'Anne', 'leider', '2025-01-01')"
    )
    conn.commit()
    conn.close()
    logs = tmp_path / "logs"
    logs.mkdir()
    with StandIn(host="127.0.0.1", port=0, token=DEMO_TOKEN) as tg:
        config = _config(tmp_path, database, tg.base_url)
        config.write_text(
            config.read_text().replace("[storage]\n", '[storage]\nbackups = "kopieen"\n'),
            encoding="utf-8",
        )
        bot = BotProcess(tg, config, logs)
        bot.start()
        assert bot.stop() == 0, bot.log_text()
    [copy] = list((tmp_path / "kopieen").iterdir())
    assert copy.name.startswith("impactbot-") and copy.name.endswith("-schema1.sqlite")
    with read_only(copy) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert conn.execute("SELECT display_name FROM people").fetchone()[0] == "Anne"
    with read_only(database) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
    assert "backup before migrating" in bot.log_text()
