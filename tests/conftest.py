"""Shared fixtures: settings on a temporary database, the real default catalogue, the store."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import sqlite_utils
from pydantic import SecretStr

from ground.settings import Settings
from store.db import open_db
from toc.models import Catalogue

if TYPE_CHECKING:
    from fakes import BotHarness


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "breaks_telegram_limits: the test sends too much on purpose (stand-in tests)"
    )


@pytest.fixture(autouse=True)
def telegram_limits(request: pytest.FixtureRequest) -> Iterator[None]:
    """Every request the bot makes in any test keeps Telegram's limits: text <= 4096
    characters, caption <= 1024, callback_data <= 64 bytes (recorded by tests/fakes.py and
    the stand-in)."""
    import fakes

    from standin.faults import VIOLATIONS

    VIOLATIONS.clear()
    fakes.VIOLATIONS.clear()
    yield
    if request.node.get_closest_marker("breaks_telegram_limits"):
        return
    broken = [*VIOLATIONS, *fakes.VIOLATIONS]
    assert not broken, f"a request broke Telegram's limits: {broken[:5]}"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Default settings, with the database in tmp_path and a fake (test) bot token."""
    from fakes import BOT_TOKEN

    result = Settings()
    result.storage.database = tmp_path / "impactbot.db"
    result.telegram.token = SecretStr(BOT_TOKEN)
    return result


@pytest.fixture(scope="session")
def default_catalogue() -> Catalogue:
    from toc.loader import default_catalogue as load_default

    return load_default()


@pytest.fixture
def catalogue(default_catalogue: Catalogue) -> Catalogue:
    """The shipped catalogue (modules may override this with a small one of their own)."""
    return default_catalogue


def with_agreed_examples(catalogue: Catalogue) -> Catalogue:
    """The catalogue with the shipped example afspraken taken as real ones: for tests of how
    an agreement is compared and printed (the shipped examples themselves never are)."""
    contracts = [c.model_copy(update={"example": False}) for c in catalogue.contracts]
    return catalogue.model_copy(update={"contracts": contracts})


@pytest.fixture
def agreed_catalogue(default_catalogue: Catalogue) -> Catalogue:
    return with_agreed_examples(default_catalogue)


@pytest.fixture
def db(settings: Settings) -> Iterator[sqlite_utils.Database]:
    database = open_db(settings.storage.database)
    yield database
    database.conn.close()


@pytest.fixture
async def bot(
    settings: Settings, catalogue: Catalogue, db: sqlite_utils.Database
) -> AsyncIterator[BotHarness]:
    """The real Application with one registered leader (tests/fakes.py); a module with other
    people or another clock defines its own `bot`."""
    from fakes import BotHarness, register_person

    register_person(db)
    harness = BotHarness(settings, catalogue)
    await harness.start()
    yield harness
    await harness.stop()
