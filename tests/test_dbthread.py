"""The bot's database work runs in its own thread (bot.core.dbthread): while another program
holds the write lock, the event loop stays free, however many leaders press Opslaan at once.

The lock is held by a second connection to the same file (BEGIN IMMEDIATE), as an import or a
sqlite3 session in another process would; SQLite's locking is the same across processes.
"""

from __future__ import annotations

import asyncio
import re
import sqlite3
import time
from collections.abc import AsyncIterator, Awaitable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import httpx
import pytest
import sqlite_utils
from fakes import BotHarness, Call, register_person

from bot.core.dbthread import DatabaseThread
from bot.core.web import build_web_app
from bot.leader import texts
from bot.participant.web import routes_for_application
from ground.settings import Settings
from store import drafts
from store.db import is_busy, open_db
from toc.models import Catalogue

T = TypeVar("T")
LEADERS = [5_100_001 + i for i in range(10)]
ASKER = 5_100_099  # a leader who only asks /help meanwhile
WAIT_S = 1.0  # the test's wait for the lock (the bot's own is WAIT_MS): short, to stay quick


@contextmanager
def held(path: Path) -> Iterator[None]:
    """Another program holds the write lock for as long as the block runs."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.execute("COMMIT")
        other.close()


class LoopWatch:
    """How late the event loop comes back to a task that sleeps 10 ms, again and again: the
    longest such delay is the longest time anything on the loop had to wait."""

    def __init__(self) -> None:
        self.worst = 0.0
        self._task: asyncio.Task[None] | None = None

    async def _run(self) -> None:
        while True:
            before = time.monotonic()
            await asyncio.sleep(0.01)
            self.worst = max(self.worst, time.monotonic() - before - 0.01)

    async def __aenter__(self) -> LoopWatch:
        self._task = asyncio.create_task(self._run())
        await asyncio.sleep(0)
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._task is not None
        self._task.cancel()
        try:
            await self._task
        except asyncio.CancelledError:
            pass


async def timed(work: Awaitable[T]) -> tuple[float, T]:
    started = time.monotonic()
    result = await work
    return time.monotonic() - started, result


# -- the mechanism ---------------------------------------------------------------------------


def _claim(db: sqlite_utils.Database, key: str) -> bool:
    return drafts.claim(db, key)


async def test_calls_wait_for_the_lock_in_the_thread_and_the_loop_stays_free(
    tmp_path: Path,
) -> None:
    path = tmp_path / "bot.db"
    store = DatabaseThread(open_db(path), wait_ms=int(WAIT_S * 1000))
    try:
        assert await store(_claim, "before") is True
        with held(path):
            async with LoopWatch() as watch:
                asked = time.monotonic()
                results = await asyncio.gather(
                    *(store(_claim, f"press:{i}") for i in range(20)), return_exceptions=True
                )
                took = time.monotonic() - asked
                # A read does not need the write lock (WAL): answered, even while held.
                assert await store(drafts.claimed_any, ("before",)) is True
        # Every write met the lock and said so; none waited its own full wait after the
        # others (20 x 1 s): the wait counts from when a call was asked, queueing included.
        assert all(isinstance(r, sqlite3.OperationalError) and is_busy(r) for r in results)
        assert WAIT_S * 0.9 < took < WAIT_S * 3, took
        assert watch.worst < 0.25, watch.worst
        # Nothing half-written; after the lock the same writes go through, once.
        assert await store(drafts.claimed_any, ("press:0",)) is False
        assert await store(_claim, "press:0") is True
        assert await store(_claim, "press:0") is False
    finally:
        store.close()


async def test_a_lock_shorter_than_the_wait_is_waited_out(tmp_path: Path) -> None:
    path = tmp_path / "bot.db"
    store = DatabaseThread(open_db(path), wait_ms=int(WAIT_S * 1000))
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        loop = asyncio.get_running_loop()
        loop.call_later(0.3, other.execute, "COMMIT")
        took, claimed = await timed(store(_claim, "after a short lock"))
        assert claimed is True and 0.25 < took < WAIT_S
    finally:
        other.close()
        store.close()


# -- the bot: many leaders press Opslaan while another program holds the lock ----------------


@pytest.fixture
async def crowd(
    settings: Settings, catalogue: Catalogue, db: sqlite_utils.Database
) -> AsyncIterator[BotHarness]:
    for telegram_id in [*LEADERS, ASKER]:
        register_person(db, telegram_id, name=f"Leider{telegram_id % 100}")
    harness = BotHarness(settings, catalogue)
    await harness.start()
    harness.services.store.wait_ms = int(WAIT_S * 1000)
    yield harness
    await harness.stop()


def save_button(bot: BotHarness, chat_id: int) -> tuple[int, str]:
    """(message id, data) of the newest Opslaan in this chat."""
    for call in reversed(bot.request.calls):
        if call.method != "sendMessage" or int(call.params["chat_id"]) != chat_id:
            continue
        for label, data in call.buttons:
            if label == texts.BUTTON_SAVE:
                return int(call.result["message_id"]), data
    raise AssertionError(f"no Opslaan for {chat_id}")


def sessions(db: sqlite_utils.Database) -> int:
    return int(db.execute("SELECT count(*) FROM sessions").fetchone()[0])


async def test_ten_leaders_meet_a_held_lock_and_the_bot_stays_free(
    crowd: BotHarness, settings: Settings, db: sqlite_utils.Database
) -> None:
    bot = crowd
    for leader in LEADERS:
        await bot.send("Lezing Diever 40 bezoekers", user_id=leader)
    buttons = {leader: save_button(bot, leader) for leader in LEADERS}
    web = build_web_app(bot.app, settings, routes_for_application(bot.app, settings))
    client = httpx.AsyncClient(transport=httpx.ASGITransport(app=web), base_url="http://bot")
    with held(Path(settings.storage.database)):
        async with client, LoopWatch() as watch:

            async def press(leader: int) -> list[Call]:
                message_id, data = buttons[leader]
                return await bot.press_data(data, message_id=message_id, user_id=leader)

            pressed = time.monotonic()
            presses = asyncio.gather(*(press(leader) for leader in LEADERS))
            await asyncio.sleep(0.1)  # the presses are waiting for the lock now
            # Another chat that needs only to know who asks (two reads) is answered at once:
            # reads go to their own thread and never queue behind a write that waits.
            asked = time.monotonic()
            helping = asyncio.create_task(bot.send("/help", user_id=ASKER))
            while not bot.texts(ASKER):
                await asyncio.sleep(0.005)
            help_took = time.monotonic() - asked
            # Meanwhile the web server answers at once: /healthz and a page that needs no
            # database, again and again while the leaders wait.
            web_times: list[float] = []
            while not presses.done():
                took, answer = await timed(client.get("/healthz"))
                assert answer.status_code == 200
                web_times.append(took)
                took, answer = await timed(client.get("/d/static/style.css"))
                assert answer.status_code == 200
                web_times.append(took)
                await asyncio.sleep(0.05)
            await presses
            took = time.monotonic() - pressed
            await helping
        # Ten presses, each waiting for the lock: together about two waits (reads queue behind
        # a write that waits; a write that waited its turn has less of its own wait left),
        # not ten after each other.
        assert took < WAIT_S * 4, took
        assert len(web_times) >= 10 and max(web_times) < 0.5, web_times
        assert watch.worst < 0.25, watch.worst
        assert bot.texts(ASKER)[-1] == texts.HELP_LEADER and help_took < 0.5, help_took
        # Each leader heard the one sentence and kept the Opslaan button; nothing stored.
        for leader in LEADERS:
            said = [c for c in bot.request.of("sendMessage") if c.params["chat_id"] == leader]
            assert said[-1].text == texts.NOT_SAVED_BUSY
            assert texts.BUTTON_SAVE in [label for label, _ in said[-1].buttons]
        assert sessions(db) == 0
    # After the lock the same drafts are saved by one more press each: stored exactly once,
    # also when a leader's press arrives twice.
    for leader in LEADERS:
        message_id, data = save_button(bot, leader)
        await bot.press_data(data, message_id=message_id, user_id=leader)
        assert bot.texts(leader)[-1].startswith(texts.SAVED)
        await bot.press_data(data, message_id=message_id, user_id=leader)
    assert sessions(db) == len(LEADERS)


def test_no_handler_reaches_the_connection_itself() -> None:
    """Handlers, jobs and pages reach the store only through Services.store (the database
    thread): a `.db` of the services in bot/ would run SQLite on the event loop again."""
    root = Path(__file__).resolve().parent.parent / "bot"
    allowed = {root / "core" / "dbthread.py", root / "core" / "services.py"}
    found = [
        f"{path.relative_to(root.parent)}:{number}: {line.strip()}"
        for path in sorted(root.rglob("*.py"))
        if path not in allowed
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if re.search(r"\.db\b(?!\s*import)", line) and not line.lstrip().startswith("from ")
    ]
    assert found == []
