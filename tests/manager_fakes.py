"""Helpers for the manager tests: a request layer that also answers sendDocument (and keeps the
file), a harness with a fixed clock, four people in two gemeenten, and sessions to count.

    bot = ManagerHarness(settings, catalogue)
    await bot.start()
    people = seed_people(bot.services.db)
    await bot.send("/stand", user_id=MANAGER)
"""

from __future__ import annotations

import asyncio
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from fakes import BotHarness, Call, RecordingRequest, register_person
from telegram.request import RequestData

from bot.app import build_application
from ground.settings import Settings
from store.people import Person
from store.sessions import QuoteIn, SessionIn, save_session
from toc.models import Catalogue

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
LEADER = 1001  # leider, westerveld / havelte
MANAGER = 2002  # manager, westerveld
OTHER_MANAGER = 3003  # manager, midden-drenthe
ADMIN = 4004  # admin, the whole organisation


class DocumentRequest(RecordingRequest):
    """Also answers sendDocument with a message, and keeps each uploaded file by name."""

    def __init__(self) -> None:
        super().__init__()
        self.files: dict[str, bytes] = {}

    def __hash__(self) -> int:
        return id(self)

    async def do_request(
        self, url: str, method: str, request_data: RequestData | None = None, **kwargs: Any
    ) -> tuple[int, bytes]:
        if request_data is not None:
            for filename, content, _mime in request_data.multipart_data.values():
                if isinstance(content, bytes):
                    self.files[str(filename)] = content
        return await super().do_request(url, method, request_data, **kwargs)

    def _result(self, endpoint: str, params: dict[str, Any]) -> Any:
        if endpoint == "sendDocument":
            return self._message(params)
        return super()._result(endpoint, params)


class ManagerHarness(BotHarness):
    """BotHarness with DocumentRequest and a clock that tests set (Europe/Amsterdam)."""

    def __init__(
        self,
        settings: Settings,
        catalogue: Catalogue | None = None,
        db_path: str | Path | None = None,
    ) -> None:
        self.request = DocumentRequest()
        self.user_id = MANAGER
        self.app = build_application(
            settings,
            catalogue=catalogue,
            db_path=db_path,
            request=self.request,
            get_updates_request=RecordingRequest(),
        )
        self.presses = 0
        self.typed = 0
        self.running = False

    def set_now(self, moment: datetime) -> None:
        self.services.now = lambda: moment.replace(tzinfo=AMSTERDAM)

    async def run(self) -> None:
        """Start the Application itself (job queue, non-blocking handlers), as run_polling does."""
        await self.app.start()
        self.running = True

    async def stop(self) -> None:
        if self.running:
            await self.app.stop()
            self.running = False
        await super().stop()

    async def wait_for(self, method: str, count: int = 1, timeout: float = 30.0) -> list[Call]:
        """Wait until `count` calls of `method` were made (for work in a thread or a job)."""
        loop = asyncio.get_running_loop()
        until = loop.time() + timeout
        while len(self.request.of(method)) < count:
            if loop.time() > until:
                raise AssertionError(f"no {count}x {method}; texts: {self.texts()[-3:]}")
            await asyncio.sleep(0.02)
        return self.request.of(method)

    def text_to(self, chat_id: int) -> str:
        return self.texts(chat_id)[-1]

    async def run_job(self, name: str) -> None:
        queue = self.app.job_queue
        assert queue is not None
        [job] = [j for j in queue.jobs() if j.name == name]
        await job.run(self.app)


def seed_people(db: Any) -> dict[str, Person]:
    return {
        "leader": register_person(db, LEADER, "leider", "westerveld", "havelte", "Lotte"),
        "manager": register_person(db, MANAGER, "manager", "westerveld", None, "Mark"),
        "other": register_person(db, OTHER_MANAGER, "manager", "midden-drenthe", None, "Olga"),
        "admin": register_person(db, ADMIN, "admin", None, None, "Anke"),
    }


def add_session(
    db: Any,
    catalogue: Catalogue,
    day: date,
    activity: str = "voorleesuurtje",
    vestiging: str = "havelte",
    deelnemers: int = 10,
    quotes: list[QuoteIn] | None = None,
    reporter_id: int | None = None,
    effects: list[str] | None = None,
) -> int:
    session = SessionIn(
        date=day,
        activity=activity,
        vestiging=vestiging,
        deelnemers=deelnemers,
        quotes=quotes or [],
        effects=effects or [],
        reporter_id=reporter_id,
        source="cli",
    )
    return save_session(db, catalogue, session, "test").session_id
