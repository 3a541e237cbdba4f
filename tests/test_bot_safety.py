"""A leader never loses a report and never stores one twice; bad input gets a Dutch answer."""

from __future__ import annotations

import io
import json
import logging
from datetime import timedelta

import pytest
import sqlite_utils
from fakes import BOT_TOKEN, BotHarness, callback_update, count, message_update, register_person

from bot.core.logging import setup_logging
from bot.leader import texts
from ground.settings import Settings
from toc.models import Catalogue

OTHER_USER = 515151


async def _to_summary(bot: BotHarness) -> None:
    await bot.send("Lezing Diever 40 bezoekers")
    # Straight to the summary: the signals are toggles on it, Opslaan is the one tap left.
    assert texts.SUMMARY_HEAD in bot.last_text()
    assert bot.last_text().endswith(texts.SIGNALS_ON_SUMMARY)


async def test_restart_in_the_middle_of_a_report(
    settings: Settings, catalogue: Catalogue, db: sqlite_utils.Database
) -> None:
    register_person(db)
    first = BotHarness(settings, catalogue)
    await first.start()
    await first.send("/verslag")
    await first.press("Drenthe leest: leesbevordering")
    await first.press("Voorleesuurtje")
    await first.press("Havelte")
    _, today_button = first.find_button(texts.BUTTON_TODAY)
    # The process dies here: no shutdown, no persistence flush.

    second = BotHarness(settings, catalogue)
    await second.start()
    # The button on the message sent before the restart still works.
    await second.press_data(today_button, message_id=99)
    assert "kinderen en hoeveel volwassenen" in second.last_text()
    # /verslag resumes instead of starting over.
    await second.send("/verslag")
    assert second.last_text().startswith(texts.BUSY)
    await second.send("9 4")
    await second.press(texts.BUTTON_SKIP)
    await second.press(texts.BUTTON_NO_QUOTE)
    assert "Voorleesuurtje" in second.last_text() and "Havelte" in second.last_text()
    await second.press(texts.BUTTON_SAVE)
    assert second.last_text().startswith(texts.SAVED)
    assert db.execute("SELECT kinderen, volwassenen FROM sessions").fetchall() == [(9, 4)]
    await second.stop()
    await first.stop()


async def test_duplicated_update_is_handled_once(
    bot: BotHarness, db: sqlite_utils.Database
) -> None:
    update = message_update("Lezing Diever 40 bezoekers")
    await bot.process(update)
    replies = len(bot.texts())
    await bot.process(update)
    assert len(bot.texts()) == replies
    _, save = bot.find_button(texts.BUTTON_SAVE)
    press = callback_update(save, message_id=4)
    await bot.process(press)
    await bot.process(press)
    assert count(db, "sessions") == 1
    assert sum(t.startswith(texts.SAVED) for t in bot.texts()) == 1


async def test_opslaan_pressed_twice_stores_once(
    bot: BotHarness, db: sqlite_utils.Database
) -> None:
    await _to_summary(bot)
    _, save = bot.find_button(texts.BUTTON_SAVE)
    await bot.press_data(save)
    await bot.press_data(save)
    assert count(db, "sessions") == 1
    assert sum(t.startswith(texts.SAVED) for t in bot.texts()) == 1
    assert bot.answers()[-1] == texts.ALREADY_SAVED


async def test_failed_save_says_so_and_keeps_the_draft(
    bot: BotHarness, db: sqlite_utils.Database
) -> None:
    await _to_summary(bot)
    db.execute(
        "CREATE TRIGGER refuse BEFORE INSERT ON sessions BEGIN SELECT RAISE(ABORT, 'x'); END"
    )
    await bot.press(texts.BUTTON_SAVE)
    assert bot.last_text() == texts.NOT_SAVED
    assert not any(t.startswith(texts.SAVED) for t in bot.texts())
    assert count(db, "sessions") == 0 and count(db, "drafts") == 1
    db.execute("DROP TRIGGER refuse")
    await bot.press(texts.BUTTON_SAVE)
    assert bot.last_text().startswith(texts.SAVED)
    assert count(db, "sessions") == 1 and count(db, "drafts") == 0


async def test_stale_buttons_change_nothing(bot: BotHarness, db: sqlite_utils.Database) -> None:
    await bot.send("/verslag")
    await bot.press("Drenthe leest: leesbevordering")
    _, voorlees = bot.find_button("Voorleesuurtje")
    await bot.press_data(voorlees)
    draft_before = db.execute("SELECT data FROM drafts").fetchone()
    await bot.press_data(voorlees)  # the same question, pressed again
    assert bot.answers()[-1] == texts.STALE_BUTTON
    assert db.execute("SELECT data FROM drafts").fetchone() == draft_before
    await bot.send("/annuleer")
    assert bot.last_text() == texts.CANCELLED
    _, havelte = bot.find_button("Havelte")
    await bot.press_data(havelte)  # a button of the cancelled report
    assert bot.answers()[-1] == texts.STALE_BUTTON
    assert count(db, "drafts") == 0
    await bot.send("/annuleer")
    assert bot.last_text() == texts.NOTHING_TO_CANCEL


async def test_group_chat_is_refused_once(bot: BotHarness, db: sqlite_utils.Database) -> None:
    group = {"chat_id": -100123, "chat_type": "supergroup"}
    await bot.send("Voorleesuurtje Havelte 12 kinderen 'geheim citaat'", **group)
    await bot.send("/verslag", **group)
    group_texts = bot.texts(chat_id=-100123)
    assert group_texts == [texts.PRIVATE_ONLY]
    assert count(db, "drafts") == 0


async def test_unregistered_person_gets_no_access(
    bot: BotHarness, db: sqlite_utils.Database
) -> None:
    for text in ("/verslag", "Lezing Diever 40 bezoekers", "/mijnverslagen", "/start"):
        await bot.send(text, user_id=OTHER_USER)
    assert bot.texts(chat_id=OTHER_USER) == [texts.NOT_REGISTERED] * 4
    assert count(db, "drafts") == 0


async def _at_counts(bot: BotHarness) -> None:
    await bot.send("/verslag")
    await bot.send("lezing")
    await bot.press("Havelte")
    await bot.press("Vandaag")


async def test_bad_counts(bot: BotHarness, db: sqlite_utils.Database) -> None:
    await _at_counts(bot)
    question = bot.last_text()
    await bot.send("12,5")
    assert bot.last_text() == texts.NOT_WHOLE_NUMBER
    await bot.send("veel")
    assert bot.last_text() == texts.NOT_WHOLE_NUMBER
    await bot.send("600")
    assert bot.last_text() == texts.CONFIRM_COUNT.format(value=600, label="deelnemers")
    await bot.press(texts.BUTTON_NO)
    assert bot.last_text().startswith(texts.RETYPE_COUNT.format(labels="deelnemers"))
    assert bot.last_text().endswith(question)
    await bot.send("60")
    assert bot.last_text() == texts.ASK_SIGNALS
    data = json.loads(db.execute("SELECT data FROM drafts").fetchone()[0])
    assert data["activity"] == "lezing" and data["counts"] == {"deelnemers": 60}


async def test_bad_dates(bot: BotHarness) -> None:
    await bot.send("/verslag")
    await bot.send("lezing")
    await bot.press("Havelte")
    await bot.press(texts.BUTTON_OTHER_DAY)
    today = bot.services.today()
    await bot.send(f"{today + timedelta(days=1):%d-%m-%Y}")
    assert bot.last_text() == texts.DATE_FUTURE
    await bot.send(f"{today - timedelta(days=400):%d-%m-%Y}")
    assert bot.last_text() == texts.DATE_TOO_OLD
    await bot.send("ergens vorige week")
    assert bot.last_text() == texts.DATE_UNREADABLE
    await bot.send("gisteren")
    assert "Hoeveel deelnemers" in bot.last_text()


async def test_long_quote_and_unknown_activity(bot: BotHarness) -> None:
    await bot.send("/verslag")
    await bot.send("voorleesuurtj")
    # Close enough to match; a typo further off gets suggestions.
    assert bot.last_text().startswith("Waar was het?")
    await bot.send("/annuleer")
    await bot.send("/verslag")
    await bot.send("digi")
    assert bot.last_text() == texts.ACTIVITY_SUGGEST
    assert any("Digisterker" in label for label, _ in bot.request.calls[-1].buttons)
    await bot.send("qqqqqqqq")
    assert bot.last_text() == texts.ACTIVITY_UNKNOWN
    await bot.send("lezing")
    await bot.press("Havelte")
    await bot.press("Vandaag")
    await bot.send("30")
    await bot.press(texts.BUTTON_SKIP)
    await bot.send("a" * 501)
    assert bot.last_text() == texts.QUOTE_TOO_LONG.format(max=500, n=501)
    await bot.send("Heel interessant")
    assert bot.last_text() == texts.ASK_ATTRIBUTION


async def test_error_handler_tells_the_person_without_details(
    bot: BotHarness, db: sqlite_utils.Database, caplog: pytest.LogCaptureFixture
) -> None:
    await bot.send("/verslag")
    bot.request.failures["sendMessage"] = (400, "Bad Request: something internal")
    await bot.press("Drenthe leest: leesbevordering")
    await bot.press("Voorleesuurtje")
    assert bot.last_text() == texts.ERROR
    assert "internal" not in bot.last_text()
    assert any(r.message == "update failed" for r in caplog.records)
    # What was entered is kept: the draft already has the activity.
    data = json.loads(db.execute("SELECT data FROM drafts").fetchone()[0])
    assert data["activity"] == "voorleesuurtje"


async def test_logs_hold_no_quote_texts_or_token(
    settings: Settings, catalogue: Catalogue, db: sqlite_utils.Database
) -> None:
    settings.logging.level = "DEBUG"
    stream = io.StringIO()
    handler = setup_logging(settings, stream=stream)
    try:
        register_person(db)
        bot = BotHarness(settings, catalogue)
        await bot.start()
        secret = "Isa wil nu elke avond voorlezen"
        story = "Drie ouders spreken nu elke week samen af in de bibliotheek"
        await bot.send(f"Voorleesuurtje Havelte 12 kinderen 8 ouders '{secret}' - moeder van Isa")
        await bot.press(texts.CONSENT_NO)
        # "Wat was bijzonder?": its words stay out of the logs as well, refused or kept.
        await bot.press(texts.BUTTON_STORY)
        await bot.send(f"{story}, zegt Anna de Vries")
        await bot.send(story)
        await bot.press(texts.STORY_CONSENT_YES)
        # the confirmation edits the summary; a refused edit falls back to a new message
        bot.request.failures["editMessageText"] = (400, f"Bad Request: {secret}")
        bot.request.failures["sendMessage"] = (400, f"Bad Request: {secret}")
        await bot.press(texts.BUTTON_SAVE)
        await bot.stop()
        logging.getLogger("impactbot.test").error("token %s", BOT_TOKEN)
    finally:
        logging.getLogger().removeHandler(handler)
    output = stream.getvalue()
    assert output
    assert secret not in output and BOT_TOKEN not in output
    assert story not in output and "Anna de Vries" not in output
    assert db.execute("SELECT text FROM session_stories").fetchall() == [(story,)]
    for line in output.splitlines():
        if line.startswith("{"):
            json.loads(line)
    assert "report saved" in output


def test_error_text_only_promises_what_is_true() -> None:
    # The same text follows a failed manager command: only a report in progress is kept.
    assert "Wat je al had ingevuld" not in texts.ERROR
    assert "een verslag waar je mee bezig was, is bewaard" in texts.ERROR
