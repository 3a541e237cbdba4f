"""Another process holds the database's write lock (an import, a sqlite3 session): the real
`impactbot run` against the stand-in keeps answering /healthz and other chats, and a report
made meanwhile is stored exactly once (the leader is told to try again, the draft is kept).
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from e2e_helpers import (
    WAIT,
    assert_for_people,
    bot_config,
    bot_process,
    free_port,
    has_button,
    people_only_database,
    person_id,
    register_leaders,
    sessions_of,
    text_starts,
)

from bot.core import texts as core_texts
from bot.leader import texts as leader_texts
from demo.people import ANNE, MANAGER
from demo.runner import DEMO_TOKEN
from standin import StandIn
from toc.models import Catalogue

HOLD = 20.0
BRAM = 940_000_001

_HOLDER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], timeout=30, isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("held", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
print("released", flush=True)
"""


def _health(port: int) -> tuple[float, int, str]:
    started = time.monotonic()
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=10) as answer:
            status, text = answer.status, answer.read().decode()
    except Exception as exc:  # noqa: BLE001 - a failure is a finding of the test
        status, text = 0, repr(exc)
    return time.monotonic() - started, status, text


def test_a_held_write_lock_leaves_the_bot_answering(
    tmp_path: Path, default_catalogue: Catalogue
) -> None:
    database = people_only_database(tmp_path / "bot.db", default_catalogue)
    anne_id = person_id(database, ANNE.telegram_id)
    bram_id = register_leaders(database, [BRAM])[BRAM]
    port = free_port()
    with StandIn(token=DEMO_TOKEN) as tg:
        config = bot_config(
            tmp_path,
            database,
            tg.base_url,
            "persistence_interval = 1.0\n\n"
            f'[telegram.webhook]\nlisten = "127.0.0.1"\nport = {port}\n\n'
            '[participants]\npublic_url = "https://bieb.example/"\n',
        )
        polls = tg.state.polls_started
        with bot_process(config, tmp_path / "bot.log") as proc:
            started = tg.state.wait_until(
                lambda: tg.state.polls_started > polls or proc.poll() is not None, 30
            )
            assert started and proc.poll() is None, (tmp_path / "bot.log").read_text()
            anne = tg.user(ANNE.telegram_id, "Anne")
            johan = tg.user(MANAGER.telegram_id, "Johan")
            anne.send("Taalcafé Havelte vandaag 8 deelnemers")
            anne.wait(has_button(leader_texts.BUTTON_SAVE), WAIT)
            assert _health(port)[1] == 200

            holder = subprocess.Popen(
                [sys.executable, "-c", _HOLDER, str(database), str(HOLD)],
                stdout=subprocess.PIPE,
                text=True,
            )
            assert holder.stdout is not None
            assert holder.stdout.readline().strip() == "held"
            held_at = time.monotonic()
            checks: list[tuple[float, int, str]] = []
            stop = threading.Event()

            def watch() -> None:
                while not stop.is_set():
                    checks.append(_health(port))
                    time.sleep(0.2)

            watcher = threading.Thread(target=watch)
            watcher.start()
            try:
                # While held: the save is refused with one sentence, the draft stays.
                last = anne.sent()[-1].message_id
                anne.tap(leader_texts.BUTTON_SAVE)
                told = anne.wait(
                    lambda m: m.message_id > last and leader_texts.BUTTON_SAVE in m.button_labels,
                    WAIT,
                )
                assert told.text == leader_texts.NOT_SAVED_BUSY
                assert_for_people(told)
                # A new report meanwhile cannot be written: one sentence, nothing claimed kept.
                bram = tg.user(BRAM, "Bram")
                bram.send("Taalcafé Havelte vandaag 5 deelnemers")
                busy = bram.wait(None, WAIT)
                assert busy.text == core_texts.BUSY_DATABASE
                # Another chat gets its answer meanwhile.
                asked = time.monotonic()
                johan.send("/help")
                assert_for_people(johan.wait(None, WAIT))
                assert time.monotonic() - asked < 5
                assert time.monotonic() - held_at < HOLD, "the test was too slow to prove it"
                assert sessions_of(database, anne_id) == []
            finally:
                assert holder.wait(HOLD + 30) == 0
                holder.stdout.close()
                stop.set()
                watcher.join()

            # Throughout the hold /healthz answered, and at once.
            assert len(checks) >= 10
            slow = [c for c in checks if c[0] >= 2 or c[1] != 200]
            assert not slow, slow
            assert any("bezet" in c[2] for c in checks)

            # After the lock the same draft is saved by one more tap: stored exactly once.
            anne.tap(leader_texts.BUTTON_SAVE)
            anne.wait(lambda m: (m.text or "").startswith(leader_texts.SAVED), WAIT)
            bram.send("Taalcafé Havelte vandaag 5 deelnemers")
            bram.wait(has_button(leader_texts.BUTTON_SAVE), WAIT)
            bram.tap(leader_texts.BUTTON_SAVE)
            bram.wait(text_starts(leader_texts.SAVED), WAIT)
            time.sleep(1)  # a double would be written by now
            stored = sessions_of(database, anne_id)
            assert len(stored) == 1 and stored[0]["deelnemers"] == 8
            assert [s["deelnemers"] for s in sessions_of(database, bram_id)] == [5]
            # No second "try again" text claiming more than what happened.
            assert core_texts.ERROR not in [m.text for m in anne.sent()]
        log = (tmp_path / "bot.log").read_text(errors="replace")
        assert "Traceback" not in log, log[-3000:]
