"""A leader's tally of a paper or hand-raise version, through the real bot."""

from __future__ import annotations

import sqlite_utils
from fakes import BotHarness, register_person

from bot.leader import texts


def tally_rows(db: sqlite_utils.Database) -> list[tuple]:
    return db.execute(
        "SELECT effect, dimension, moment, score, sum(agrees), count(*) FROM survey_answers "
        "WHERE source = 'telling' GROUP BY effect, dimension, moment, score"
    ).fetchall()


async def test_tally_after_saving(bot: BotHarness, db: sqlite_utils.Database) -> None:
    await bot.send("Klik & Tik Havelte 8 deelnemers")
    await bot.press("Nieuwe cursus")
    await bot.send("8")  # enrolled
    while not bot.last_text().startswith(texts.SUMMARY_HEAD):
        await bot.press(texts.BUTTON_SKIP)  # the before counts
    # the summary, its signals as toggles: nothing ticked, Opslaan
    assert bot.last_text().endswith(texts.SIGNALS_ON_SUMMARY)
    await bot.press(texts.BUTTON_SAVE)
    assert bot.last_text().startswith(texts.SAVED)
    assert [b for b, _ in bot.request.calls[-1].buttons][-1] == texts.BUTTON_TALLY
    await bot.press(texts.BUTTON_TALLY)
    assert bot.last_text() == texts.TALLY_ASK_STATEMENT
    assert all(len(d.encode()) <= 64 for _, d in bot.request.calls[-1].buttons)
    await bot.press(texts.TALLY_STATEMENTS["kennis"])
    assert bot.last_text() == texts.TALLY_ASK_EFFECT
    labels = [b for b, _ in bot.request.calls[-1].buttons]
    assert all(len(label) <= 40 for label in labels)
    await bot.press("Kan zelfstandig een e-mail versturen")
    assert "hoeveel mensen zeiden ja" in bot.last_text()
    await bot.send("9 van 8")
    assert bot.last_text() == texts.TALLY_TOO_MANY_YES
    await bot.send("6 van 20")
    assert bot.last_text() == texts.TALLY_OVER_ATTENDANCE.format(n=8)
    await bot.send("zes")
    assert bot.last_text() == texts.TALLY_FORMAT
    assert tally_rows(db) == []
    await bot.send("zes van de acht")
    assert bot.last_text().startswith("Opgeslagen ✅ 6 van de 8 zeiden ja")
    assert tally_rows(db) == [("zelfstandig-email", "kennis", "direct", None, 6, 8)]
    # The next message is a report again, not a tally.
    await bot.send("Lezing Diever 40 bezoekers")
    assert bot.last_text().startswith(texts.UNDERSTOOD)


async def test_tally_from_mijnverslagen_and_stop(
    bot: BotHarness, db: sqlite_utils.Database
) -> None:
    await bot.send("Lezing Diever 40 bezoekers")
    await bot.press(texts.BUTTON_SAVE)
    await bot.send("/mijnverslagen")
    await bot.press(texts.BUTTON_TALLY)
    await bot.press(texts.TALLY_STATEMENTS["bewustzijn"])
    await bot.press("Ontmoeting")
    await bot.send("/annuleer")
    assert bot.last_text() == texts.CANCELLED
    await bot.send("30 van 40")
    assert bot.last_text() != texts.TALLY_SAVED.format(
        agreed=30, total=40, statement=texts.TALLY_STATEMENTS["bewustzijn"]
    )
    assert tally_rows(db) == []
    # Again, to the end; a second tally of the same question replaces the first.
    for _ in range(2):
        await bot.send("/mijnverslagen")
        await bot.press(texts.BUTTON_TALLY)
        await bot.press(texts.TALLY_STATEMENTS["bewustzijn"])
        await bot.press("Ontmoeting")
        await bot.send("30 van 40")
    assert tally_rows(db) == [("ontmoeting", "bewustzijn", "direct", None, 30, 40)]


async def test_someone_elses_report_cannot_be_tallied(
    bot: BotHarness, db: sqlite_utils.Database
) -> None:
    register_person(db, telegram_id=777, name="Bo")
    await bot.send("Lezing Diever 40 bezoekers", user_id=777)
    await bot.press(texts.BUTTON_SAVE, user_id=777)
    session_id = db.execute("SELECT id FROM sessions").fetchone()[0]
    await bot.press_data(f"tl:{session_id}:0:0")
    assert bot.answers()[-1] == texts.REPORT_GONE
    assert tally_rows(db) == []
