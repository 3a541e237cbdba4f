"""/verhaal: a manager writes a longer story for the gemeente's report; too long, with a full
name or about an unknown activity it is refused in one sentence, and nothing is stored."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date, datetime

import pytest
import sqlite_utils
from manager_fakes import ADMIN, MANAGER, ManagerHarness, add_session, seed_people

from bot.manager import texts as mt
from ground.settings import Settings
from reports.model import build_report
from reports.render import render_html
from toc.models import Catalogue

STORY = (
    "Op een regenachtige woensdag kwam een vader met zijn dochter Isa binnen. Ze had nog nooit "
    "een boek uitgelezen. Na drie voorleesuurtjes vroeg ze zelf om een boek over paarden."
)


@pytest.fixture
async def bot(
    settings: Settings, catalogue: Catalogue, db: sqlite_utils.Database
) -> AsyncIterator[ManagerHarness]:
    seed_people(db)
    add_session(db, catalogue, date(2025, 3, 3), deelnemers=14)
    harness = ManagerHarness(settings, catalogue)
    await harness.start()
    harness.set_now(datetime(2025, 5, 12, 11, 0))
    yield harness
    await harness.stop()


async def test_a_manager_writes_a_story_for_the_report(bot: ManagerHarness) -> None:
    await bot.send(f"/verhaal Voorleesuurtje: {STORY}", user_id=MANAGER)
    assert bot.text_to(MANAGER) == mt.LONG_STORY_SAVED.format(
        activity="Voorleesuurtje", year=2025, gemeente="Westerveld"
    )
    s = bot.services
    report = build_report(
        s.db, s.catalogue, 2025, "westerveld", today=date(2025, 5, 12), approved_only=True
    )
    html = render_html(report)
    chapter = html.split('id="geletterde-samenleving"')[1].split("</section>")[0]
    assert "Ze had nog nooit een boek uitgelezen." in chapter


async def test_a_story_is_refused_in_one_sentence(bot: ManagerHarness) -> None:
    await bot.send("/verhaal Voorleesuurtje: Sem de Vries las zijn eerste boek.", user_id=MANAGER)
    assert "volledige naam" in bot.text_to(MANAGER)
    await bot.send("/verhaal Voorleesuurtje: " + "woord " * 251, user_id=MANAGER)
    assert bot.text_to(MANAGER).startswith("Het verhaal heeft 251 woorden")
    await bot.send("/verhaal Ruimtevaart: een mooi verhaal", user_id=MANAGER)
    assert bot.text_to(MANAGER) == mt.LONG_STORY_UNKNOWN.format(text="Ruimtevaart")
    await bot.send("/verhaal zonder dubbele punt", user_id=MANAGER)
    assert bot.text_to(MANAGER) == mt.LONG_STORY_USAGE
    await bot.send(f"/verhaal Voorleesuurtje: {STORY}", user_id=ADMIN)  # no gemeente of their own
    assert bot.text_to(ADMIN) == mt.LONG_STORY_NO_GEMEENTE
    assert bot.services.db.execute("SELECT count(*) FROM long_stories").fetchone()[0] == 0
