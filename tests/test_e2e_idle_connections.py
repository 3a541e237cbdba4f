"""1,100 idle and slow connections against the real `impactbot run`, limited to 1,024 open files
(as a service without a higher LimitNOFILE): /healthz and a leader still get their answers,
and the log stays small (no line per failed accept)."""

from __future__ import annotations

import os
import resource
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from e2e_helpers import (
    BOT_TOKEN,
    WAIT,
    assert_for_people,
    bot_config,
    free_port,
    people_only_database,
)

from demo.people import ANNE
from standin import StandIn
from toc.models import Catalogue

IDLE = 1_100
FILES = 1_024


def _limit_files() -> None:
    resource.setrlimit(resource.RLIMIT_NOFILE, (FILES, FILES))


def _health(port: int) -> int:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as answer:
            return int(answer.status)
    except OSError:
        return 0


def _open_idle(port: int, n: int) -> list[socket.socket]:
    """Half a header, a body that never comes, or nothing at all."""
    opened = []
    for i in range(n):
        sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        sock.setblocking(False)
        try:
            if i % 3 == 0:
                sock.send(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
            elif i % 3 == 1:
                sock.send(b"POST /d/abc HTTP/1.1\r\nHost: x\r\nContent-Length: 900\r\n\r\nab")
        except OSError:
            pass  # closed at once to make room: that is allowed
        opened.append(sock)
    return opened


def test_idle_connections_do_not_make_the_bot_deaf(
    tmp_path: Path, default_catalogue: Catalogue
) -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < IDLE + 200:  # this test's own sockets
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, IDLE + 500), hard))
    database = people_only_database(tmp_path / "bot.db", default_catalogue)
    port = free_port()
    log = tmp_path / "bot.log"
    idle: list[socket.socket] = []
    with StandIn(token=BOT_TOKEN) as tg:
        config = bot_config(
            tmp_path,
            database,
            tg.base_url,
            f'[telegram.webhook]\nlisten = "127.0.0.1"\nport = {port}\n\n'
            '[participants]\npublic_url = "https://bieb.example/"\n',
        )
        env = {**os.environ, "IMPACTBOT_TELEGRAM_TOKEN": BOT_TOKEN}
        env.pop("IMPACTBOT_CONFIG", None)
        polls = tg.state.polls_started
        with log.open("wb") as out:
            proc = subprocess.Popen(
                [sys.executable, "-m", "impactbot", "--config", str(config), "run"],
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                cwd=tmp_path,
                preexec_fn=_limit_files,
            )
        try:
            started = tg.state.wait_until(
                lambda: tg.state.polls_started > polls or proc.poll() is not None, 30
            )
            assert started and proc.poll() is None, log.read_text(errors="replace")[-3000:]
            assert _health(port) == 200
            # Over real HTTP: no server name, the security headers (also on a 404).
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/nergens", timeout=5)
            except urllib.error.HTTPError as missing:
                assert missing.code == 404
                assert missing.headers["X-Content-Type-Options"] == "nosniff"
                assert missing.headers.get("Server") is None
            idle = _open_idle(port, IDLE)

            # While they hang on: /healthz answers, and so does the bot to a leader.
            answered = 0
            for _ in range(5):
                answered += _health(port) == 200
                time.sleep(0.3)
            assert answered >= 4
            anne = tg.user(ANNE.telegram_id, "Anne")
            anne.send("/help")
            assert_for_people(anne.wait(None, WAIT))
            assert proc.poll() is None

            # A second wave after the first went stale: the same.
            idle += _open_idle(port, 300)
            assert _health(port) == 200
        finally:
            for sock in idle:
                sock.close()
            if proc.poll() is None:
                proc.terminate()
            assert proc.wait(30) == 0
    text = log.read_text(errors="replace")
    assert log.stat().st_size < 20_000, text[-3000:]
    assert text.count("cannot accept") <= 1
    assert "Traceback" not in text, text[-3000:]
