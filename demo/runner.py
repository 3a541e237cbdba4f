"""The demo's machinery: a seeded temporary database, the Telegram stand-in and the real bot.

    with DemoEnvironment() as env:           # seeds the data, starts the stand-in and the bot
        env.anne.send("/verslag")
        print(env.anne.wait().text)

The bot is the one `impactbot run` starts (`bot.app.build_application`, python-telegram-bot's
own polling loop and HTTP stack); only the Bot API address points at the stand-in on
127.0.0.1, and the token is a fake one. The bot runs in its own thread with its own event loop
(`BotThread`), so the caller may block while waiting for answers. Nothing leaves the machine.
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
import threading
from datetime import date
from pathlib import Path

from pydantic import SecretStr
from telegram import Update
from telegram.ext import Application

from demo.data import DemoSummary, generate_demo_year, generate_year_to_date
from demo.people import ADMIN, ANNE, MANAGER, create_demo_people
from ground.settings import Settings
from standin import FakeUser, StandIn
from store.db import open_db
from toc.models import Catalogue

DEMO_TOKEN = "123456:DEMO"
# Short long polls: stopping the bot never waits long for the current one to end.
POLL_TIMEOUT = 2


class BotStartError(RuntimeError):
    """The bot did not come up (the cause is chained)."""


def demo_year(today: date | None = None) -> int:
    """The last full year: the year the demo report is about."""
    return (today or date.today()).year - 1


def years_text(year: int, today: date | None = None) -> str:
    """Which years the demo data covers, in Dutch (see seed_database)."""
    today = today or date.today()
    if year == today.year - 1:
        return f"{year - 1}, {year} en {today.year} tot vandaag"
    return f"{year - 1} en {year}"


def demo_settings(database: Path, base_url: str, token: str = DEMO_TOKEN) -> Settings:
    """Default settings with the database and the Bot API address of the demo."""
    settings = Settings()
    settings.storage.database = database
    settings.telegram.base_url = base_url
    settings.telegram.base_file_url = base_url.replace("/bot", "/file/bot")
    settings.telegram.token = SecretStr(token)
    settings.telegram.poll_timeout = POLL_TIMEOUT
    settings.telegram.persistence_interval = 1.0
    settings.reports.output_dir = database.parent / "rapporten"
    settings.source = "(demo)"
    return settings


def seed_database(
    path: Path, catalogue: Catalogue, year: int, seed: int = 2025, today: date | None = None
) -> DemoSummary:
    """The demo people, a demo `year` plus the year before it, and, when `year` is last
    year, this year up to today (so /stand compares with something), in the file `path`."""
    today = today or date.today()
    db = open_db(path)
    try:
        create_demo_people(db, catalogue)
        summary = generate_demo_year(db, catalogue, year, seed=seed)
        if year == today.year - 1:
            generate_year_to_date(db, catalogue, today, seed=seed)
        return summary
    finally:
        db.conn.close()


class BotThread:
    """One bot Application, polling in its own thread and event loop until `stop()`.

    Start-up and shut-down follow `Application.run_polling`: initialize, post_init, start,
    start_polling; then updater.stop, stop, post_stop, shutdown, post_shutdown.
    """

    def __init__(
        self, settings: Settings, catalogue: Catalogue | None = None, name: str = "impactbot-bot"
    ) -> None:
        self.settings = settings
        self.catalogue = catalogue
        self.name = name
        self.app: Application | None = None
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._ready = threading.Event()
        self._error: BaseException | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, timeout: float = 30) -> BotThread:
        if self._thread is not None:
            raise RuntimeError("this bot thread was started before; make a new one")
        self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
        self._thread.start()
        if not self._ready.wait(timeout):
            self.stop()
            raise BotStartError(f"the bot did not start within {timeout} s")
        if self._error is not None:
            self._thread.join(timeout)
            raise BotStartError("the bot did not start") from self._error
        return self

    def stop(self, timeout: float = 30) -> None:
        """Stop polling, finish the update in hand, close the store; wait for the thread."""
        loop, stop = self._loop, self._stop
        if loop is not None and stop is not None and not loop.is_closed():
            try:
                loop.call_soon_threadsafe(stop.set)
            except RuntimeError:  # the loop closed in the meantime
                pass
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                raise RuntimeError(f"the bot thread did not stop within {timeout} s")

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            loop.run_until_complete(self._main())
        except BaseException as exc:  # reported to start(); a thread must not die loudly
            self._error = self._error or exc
        finally:
            self._ready.set()
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    async def _main(self) -> None:
        from bot.app import build_application  # loads python-telegram-bot: only when used

        self._stop = asyncio.Event()
        app = build_application(self.settings, catalogue=self.catalogue)
        self.app = app
        await app.initialize()
        started = polling = False
        try:
            if app.post_init is not None:
                await app.post_init(app)
            await app.start()
            started = True
            assert app.updater is not None
            await app.updater.start_polling(
                poll_interval=0,
                timeout=self.settings.telegram.poll_timeout,
                allowed_updates=Update.ALL_TYPES,
            )
            polling = True
        except BaseException as exc:
            self._error = exc
        self._ready.set()
        try:
            if self._error is None:
                await self._stop.wait()
        finally:
            if polling and app.updater is not None:
                await app.updater.stop()
            if started:
                await app.stop()
                if app.post_stop is not None:
                    await app.post_stop(app)
            await app.shutdown()
            if app.post_shutdown is not None:
                await app.post_shutdown(app)


class DemoEnvironment:
    """A temporary demo: database, stand-in and bot. Use as a context manager.

    `folder`: where the database lives (default: a new temporary folder, removed on close).
    `database`: use this already seeded SQLite file instead of seeding a new one.
    """

    def __init__(
        self,
        *,
        year: int | None = None,
        folder: Path | None = None,
        catalogue: Catalogue | None = None,
        database: Path | None = None,
        seed: int = 2025,
    ) -> None:
        self.year = year or demo_year()
        self._own_folder = folder is None
        self.folder = Path(folder or tempfile.mkdtemp(prefix="impactbot-demo-"))
        self.seed = seed
        self._catalogue = catalogue
        self.database = database or self.folder / "demo.db"
        self.summary: DemoSummary | None = None
        self.standin: StandIn | None = None
        self.bot: BotThread | None = None
        self.settings: Settings | None = None

    @property
    def catalogue(self) -> Catalogue:
        if self._catalogue is None:
            from toc.loader import default_catalogue

            self._catalogue = default_catalogue()
        return self._catalogue

    def start(self) -> DemoEnvironment:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            if not self.database.exists():
                self.summary = seed_database(self.database, self.catalogue, self.year, self.seed)
            self.standin = StandIn(host="127.0.0.1", port=0, token=DEMO_TOKEN).start()
            for person in (ANNE, MANAGER, ADMIN):
                self.standin.user(person.telegram_id, person.display_name)
            self.settings = demo_settings(self.database, self.standin.base_url)
            self.start_bot()
        except BaseException:
            self.close()
            raise
        return self

    def start_bot(self) -> BotThread:
        """Start the bot (again): a new Application on the same database."""
        assert self.settings is not None
        if self.bot is not None and self.bot.running:
            raise RuntimeError("the bot is already running")
        self.bot = BotThread(self.settings, self.catalogue)
        return self.bot.start()

    def stop_bot(self) -> None:
        if self.bot is not None:
            self.bot.stop()

    def stop(self) -> None:
        """Stop the bot, then the stand-in. Safe to call more than once."""
        try:
            self.stop_bot()
        finally:
            if self.standin is not None:
                self.standin.stop()

    def close(self) -> None:
        """Stop everything and remove the temporary folder if it is ours."""
        try:
            self.stop()
        finally:
            if self._own_folder:
                shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> DemoEnvironment:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- the demo people in the chat ------------------------------------------------------------

    def person(self, telegram_id: int) -> FakeUser:
        assert self.standin is not None, "start the demo first"
        return self.standin.user(telegram_id)

    @property
    def anne(self) -> FakeUser:
        return self.person(ANNE.telegram_id)

    @property
    def johan(self) -> FakeUser:
        return self.person(MANAGER.telegram_id)

    @property
    def marieke(self) -> FakeUser:
        return self.person(ADMIN.telegram_id)
