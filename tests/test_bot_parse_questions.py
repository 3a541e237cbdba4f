"""Issue 17 in the chat: a question about figures is no report, and a day that cannot be the
session's is named in one sentence before the date is asked."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime

import pytest
import sqlite_utils
from fakes import count
from manager_fakes import LEADER, MANAGER, ManagerHarness, seed_people

from bot.leader import texts
from ground.settings import Settings
from toc.models import Catalogue

NOW = datetime(2025, 11, 20, 16, 0)  # a Thursday in November
QUESTION = "hoeveel mensen kwamen er in november naar het taalcafé in Havelte?"


@pytest.fixture
async def bot(
    settings: Settings, catalogue: Catalogue, db: sqlite_utils.Database
) -> AsyncIterator[ManagerHarness]:
    seed_people(db)
    harness = ManagerHarness(settings, catalogue)
    await harness.start()
    harness.set_now(NOW)
    yield harness
    await harness.stop()


async def test_a_managers_question_gets_the_stand_command(
    bot: ManagerHarness, db: sqlite_utils.Database
) -> None:
    await bot.send(QUESTION, user_id=MANAGER)
    answer = bot.text_to(MANAGER)
    assert answer == texts.FIGURES_QUESTION.format(command="/stand Havelte maand")
    assert count(db, "drafts") == 0  # no draft report was started


async def test_a_leaders_question_gets_what_the_bot_can_do(
    bot: ManagerHarness, db: sqlite_utils.Database
) -> None:
    await bot.send(QUESTION, user_id=LEADER)
    assert bot.text_to(LEADER) == texts.NOT_A_REPORT
    assert count(db, "drafts") == 0


async def test_a_report_with_a_question_mark_in_it_is_still_a_report(bot: ManagerHarness) -> None:
    await bot.send("Taalcafé Havelte 8 deelnemers, wie had dat gedacht?", user_id=LEADER)
    assert bot.text_to(LEADER).startswith(texts.UNDERSTOOD)


@pytest.mark.parametrize(
    ("day", "sentence"),
    [
        ("31-02-2025", texts.DAY_DOES_NOT_EXIST.format(day="31-02-2025")),
        ("12-12-2025", texts.DAY_AHEAD.format(day="12-12-2025")),
        ("31-11", texts.DAY_DOES_NOT_EXIST.format(day="31-11")),
    ],
)
async def test_an_impossible_or_future_day_is_named_then_asked(
    bot: ManagerHarness, day: str, sentence: str
) -> None:
    await bot.send(f"Voorleesuurtje Havelte {day} 12 kinderen", user_id=LEADER)
    shown = bot.text_to(LEADER)
    assert sentence in shown
    assert texts.ASK_DATE in shown
    # Everything else the message said is kept.
    assert "12 kinderen" in shown


async def test_two_readings_of_a_count_are_settled_with_one_tap(
    bot: ManagerHarness, db: sqlite_utils.Database
) -> None:
    await bot.send("Voorleesuurtje Havelte 15 of 16 kinderen en 6 ouders", user_id=LEADER)
    shown = bot.text_to(LEADER)
    assert shown.startswith(texts.UNDERSTOOD) and shown.endswith("15 of 16 kinderen?")
    labels = [label for label, _ in bot.request.calls[-1].buttons]
    assert labels == ["15", "16", texts.BUTTON_OTHER]
    await bot.press("16", user_id=LEADER)
    summary = bot.text_to(LEADER)
    assert summary.startswith(texts.SUMMARY_HEAD) and "16 kinderen, 6 volwassenen" in summary
    await bot.press(texts.BUTTON_SAVE, user_id=LEADER)
    assert db.execute("SELECT kinderen, volwassenen FROM sessions").fetchone() == (16, 6)


async def test_some_of_them_or_more_is_settled_with_one_tap(
    bot: ManagerHarness, db: sqlite_utils.Database
) -> None:
    # "1 kwam voor het eerst" after "7 cursisten": one of the seven, or an eighth?
    await bot.send("Taalhuis Havelte: 7 cursisten, 1 kwam voor het eerst", user_id=LEADER)
    assert bot.text_to(LEADER).endswith("7 of 8 deelnemers?")
    labels = [label for label, _ in bot.request.calls[-1].buttons]
    assert labels == ["7", "8", texts.BUTTON_OTHER]
    await bot.press("7", user_id=LEADER)
    assert bot.text_to(LEADER).startswith(texts.SUMMARY_HEAD)
    await bot.press(texts.BUTTON_SAVE, user_id=LEADER)
    assert db.execute("SELECT deelnemers FROM sessions").fetchone() == (7,)


async def test_a_title_or_a_quote_is_asked_and_a_title_is_not_stored(
    bot: ManagerHarness, db: sqlite_utils.Database
) -> None:
    await bot.send(
        "Voorleesuurtje Havelte 12 kinderen 5 ouders, we deden 'De Gruffalo' na", user_id=LEADER
    )
    assert bot.text_to(LEADER).endswith(
        "Is 'De Gruffalo' iets wat iemand zei, of een titel of iets anders?"
    )
    await bot.press(texts.BUTTON_NOT_SAID, user_id=LEADER)
    assert bot.text_to(LEADER).startswith(texts.SUMMARY_HEAD)
    await bot.press(texts.BUTTON_SAVE, user_id=LEADER)
    assert count(db, "quotes") == 0 and count(db, "sessions") == 1


async def test_other_leaves_the_count_to_be_typed(bot: ManagerHarness) -> None:
    await bot.send("Taalcafé Havelte, we zaten met z'n achten", user_id=LEADER)
    assert "of 7 (zonder jou)?" in bot.text_to(LEADER)
    await bot.press(texts.BUTTON_OTHER, user_id=LEADER)
    await bot.send("6", user_id=LEADER)
    assert "6 deelnemers" in bot.text_to(LEADER)


async def test_a_form_starting_with_wat_is_a_report(bot: ManagerHarness) -> None:
    await bot.send("Wat: taalcafé\nWaar: Havelte", user_id=LEADER)
    assert bot.text_to(LEADER).startswith(texts.UNDERSTOOD)
