"""What every handler needs, built once at start-up and kept in `application.bot_data`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

import sqlite_utils
from telegram.ext import CallbackContext

from bot.core.dbthread import DatabaseThread
from ground.settings import Settings
from toc.matcher import Matcher
from toc.models import Catalogue

SERVICES_KEY = "services"


@dataclass
class Services:
    # The bot's connection. Handlers never call it themselves: `await self.store(fn, *args)`
    # runs `fn(db, *args)` in the database thread (bot.core.dbthread), off the event loop.
    db: sqlite_utils.Database
    catalogue: Catalogue
    settings: Settings
    activities: Matcher = field(init=False)
    vestigingen: Matcher = field(init=False)
    store: DatabaseThread = field(init=False)
    # The clock; tests may replace it. Always aware, in the organisation's time zone.
    now: Callable[[], datetime] = field(default=lambda: datetime.now(ZoneInfo("UTC")))

    def __post_init__(self) -> None:
        self.activities = Matcher.for_activities(self.catalogue)
        self.vestigingen = Matcher.for_vestigingen(self.catalogue)
        self.tz = ZoneInfo(self.settings.organisation.timezone)
        self.store = DatabaseThread(self.db)

    def today(self) -> date:
        """Today where the library is (Europe/Amsterdam), not in UTC."""
        return self.now().astimezone(self.tz).date()


def services(context: CallbackContext) -> Services:
    return context.application.bot_data[SERVICES_KEY]
