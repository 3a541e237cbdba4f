"""Shared by the end-to-end tests: the real bot over real HTTP on 127.0.0.1, against the
Telegram stand-in (standin/), on real SQLite files.

Waits are generous (the suite runs on two loaded CI cores); a healthy run needs a fraction.
"""

from __future__ import annotations

import os
import re
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from demo.people import create_demo_people
from demo.runner import DemoEnvironment
from standin import ChatMessage
from store.db import open_db
from store.people import create_invite, redeem_invite
from toc.models import Catalogue

WAIT = 20.0  # seconds for one answer of the bot
# What must never reach a person: Python's error output, or English error words.
_NOT_FOR_PEOPLE = re.compile(
    r"Traceback|File \"|Exception|Error\b|error:|KeyError|ValueError|None\b|\{|\}"
)


def library_today() -> date:
    """The bot dates a report in the library's time zone, not the machine's."""
    return datetime.now(ZoneInfo("Europe/Amsterdam")).date()


def people_only_database(path: Path, catalogue: Catalogue) -> Path:
    """A fresh SQLite file with just the demo people (Anne, Johan, Marieke): quick to make."""
    db = open_db(path)
    try:
        create_demo_people(db, catalogue)
    finally:
        db.conn.close()
    return path


def register_leaders(
    path: Path,
    telegram_ids: list[int],
    gemeente: str = "westerveld",
    vestiging: str = "havelte",
) -> dict[int, int]:
    """Register leaders the way real ones are (invite + redeem); telegram id -> person id."""
    db = open_db(path)
    try:
        people = {}
        for n, telegram_id in enumerate(telegram_ids, start=1):
            invite = create_invite(db, "leider", gemeente, vestiging, actor="test")
            person = redeem_invite(db, invite.code, telegram_id, f"Leider {n}")
            people[telegram_id] = person.id
        return people
    finally:
        db.conn.close()


@contextmanager
def read_only(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only look at the database, also while the bot writes to it."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
    try:
        yield conn
    finally:
        conn.close()


def sessions_of(path: Path, person_id: int) -> list[dict[str, object]]:
    with read_only(path) as conn:
        conn.row_factory = sqlite3.Row
        rows = conn.execute(
            "SELECT id, date, activity, vestiging, deelnemers, kinderen, volwassenen, "
            "source, source_key FROM sessions WHERE reporter_id = ? ORDER BY id",
            [person_id],
        ).fetchall()
    return [dict(r) for r in rows]


def person_id(path: Path, telegram_id: int) -> int:
    with read_only(path) as conn:
        row = conn.execute("SELECT id FROM people WHERE telegram_id = ?", [telegram_id]).fetchone()
    assert row is not None, f"nobody registered with telegram id {telegram_id}"
    return int(row[0])


def drafts_of(path: Path, telegram_id: int) -> int:
    with read_only(path) as conn:
        return conn.execute(
            "SELECT count(*) FROM drafts WHERE telegram_id = ?", [telegram_id]
        ).fetchone()[0]


def assert_for_people(message: ChatMessage | str | None) -> None:
    """A bot text meant for a person: present, and without error output or stray markup."""
    text = message.text if isinstance(message, ChatMessage) else message
    assert text, "the bot sent an empty message"
    found = _NOT_FOR_PEOPLE.search(text)
    assert found is None, f"not for people ({found.group(0)!r}): {text[:300]!r}"


def has_button(label: str):  # noqa: ANN201 - a predicate for FakeUser.wait
    return lambda m: any(label.lower() in b.lower() for b in m.button_labels)


def text_starts(prefix: str):  # noqa: ANN201
    return lambda m: (m.text or "").startswith(prefix)


def start_demo(folder: Path, catalogue: Catalogue, *, full_year: bool = False) -> DemoEnvironment:
    """The demo environment in `folder` (kept for inspection): people only, or a full year."""
    folder.mkdir(parents=True, exist_ok=True)
    database = None if full_year else people_only_database(folder / "demo.db", catalogue)
    return DemoEnvironment(folder=folder, catalogue=catalogue, database=database).start()


# -- the real `impactbot run` as a process ---------------------------------------------------

BOT_TOKEN = "123456:DEMO"  # demo.runner.DEMO_TOKEN: the stand-in's default in these tests
WEBHOOK_SECRET = "webhook-secret_123"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def bot_config(tmp_path: Path, database: Path, base_url: str, extra: str = "") -> Path:
    """A config file for `impactbot run` against the stand-in; `extra` goes in [telegram]."""
    config = tmp_path / "impactbot.toml"
    if "retry_delay" not in extra:
        extra = "retry_delay = 0.2\n" + extra
    config.write_text(
        f'[storage]\ndatabase = "{database}"\n\n'
        f'[telegram]\nbase_url = "{base_url}"\npoll_timeout = 1\n{extra}\n'
        '[logging]\nlevel = "INFO"\nformat = "text"\n',
        encoding="utf-8",
    )
    return config


@contextmanager
def bot_process(config: Path, log: Path) -> Iterator[subprocess.Popen[bytes]]:
    """`python -m impactbot --config CONFIG run`, stopped with SIGTERM at the end."""
    env = {
        **os.environ,
        "IMPACTBOT_TELEGRAM_TOKEN": BOT_TOKEN,
        "IMPACTBOT_WEBHOOK_SECRET": WEBHOOK_SECRET,
    }
    env.pop("IMPACTBOT_CONFIG", None)
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "impactbot", "--config", str(config), "run"],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=config.parent,
        )
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.terminate()
        proc.wait(30)
