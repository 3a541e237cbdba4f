"""Every manager button checks who pressed it before it reads anything: a leader or a stranger
gets one sentence in the press's popup, and nothing else happens."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime

import pytest
import sqlite_utils
from manager_fakes import LEADER, MANAGER, ManagerHarness, seed_people

from bot.core import texts as core_texts
from bot.manager import texts as mt
from ground.settings import Settings
from toc.models import Catalogue

STRANGER = 9_999_999
BUTTONS = ["st:jaar:westerveld:2025", "dc:rapport:2025", "kg:westerveld", "rv:a:1", "vg:q:1"]


@pytest.fixture
async def bot(
    settings: Settings, catalogue: Catalogue, db: sqlite_utils.Database
) -> AsyncIterator[ManagerHarness]:
    seed_people(db)
    harness = ManagerHarness(settings, catalogue)
    await harness.start()
    harness.set_now(datetime(2025, 3, 12, 11, 0))
    yield harness
    await harness.stop()


@pytest.mark.parametrize("data", BUTTONS)
async def test_a_leader_or_a_stranger_pressing_a_manager_button(
    bot: ManagerHarness, data: str
) -> None:
    refusal = mt.ADMINS_ONLY if data.startswith("vg:") else mt.MANAGERS_ONLY
    calls = await bot.press_data(data, user_id=LEADER)
    assert [c.method for c in calls] == ["answerCallbackQuery"]
    assert bot.answers()[-1] == refusal
    calls = await bot.press_data(data, user_id=STRANGER)
    assert [c.method for c in calls] == ["answerCallbackQuery"]
    assert bot.answers()[-1] == core_texts.NOT_REGISTERED


async def test_a_manager_pressing_the_admins_button(bot: ManagerHarness) -> None:
    calls = await bot.press_data("vg:p:1", user_id=MANAGER)
    assert [c.method for c in calls] == ["answerCallbackQuery"]
    assert bot.answers()[-1] == mt.ADMINS_ONLY
