"""/verslag through the real Application: a bijeenkomst, a spreekuur, a course of lessons."""

from __future__ import annotations

from datetime import timedelta

import sqlite_utils
from fakes import BotHarness

from bot.leader import texts
from toc.models import Catalogue


def sessions(db: sqlite_utils.Database) -> list[dict]:
    return list(db.query("SELECT * FROM sessions ORDER BY id"))


async def test_bijeenkomst_with_quote(bot: BotHarness, db: sqlite_utils.Database) -> None:
    await bot.send("/verslag")
    assert bot.last_text() == texts.ASK_ACTIVITY
    await bot.press("Drenthe leest: leesbevordering")
    await bot.press("Voorleesuurtje")
    assert bot.last_text().startswith("Waar was het?")
    # The leader's own vestiging comes first.
    assert bot.request.calls[-1].buttons[0][0] == "Bibliotheek Havelte"
    await bot.press("Havelte")
    await bot.press("Vandaag")
    assert "kinderen en hoeveel volwassenen" in bot.last_text()
    await bot.send("12 8")
    assert bot.last_text() == texts.ASK_SIGNALS
    # The question names the button that is there: Overslaan until something is ticked.
    assert bot.request.calls[-1].buttons[-1][0] == texts.BUTTON_SKIP
    assert texts.BUTTON_SKIP in texts.ASK_SIGNALS and texts.BUTTON_DONE in texts.ASK_SIGNALS
    # Short signals, at most six, no effect sentences; button data stays short.
    shown = [label for label, _ in bot.request.calls[-1].buttons[:-1]]
    assert len(shown) == 6 and all(len(label) <= 43 for label in shown)
    assert all(len(data.encode()) <= 64 for _, data in bot.request.calls[-1].buttons)
    await bot.press("luisterden tot het eind")
    assert bot.request.of("editMessageReplyMarkup")[-1].buttons[-1][0] == texts.BUTTON_DONE
    assert bot.request.of("editMessageReplyMarkup")[-1].buttons[1][0].startswith("✅")
    await bot.press("nieuwe woorden na")
    await bot.press("Klaar")
    await bot.send("Isa wil nu elke avond voorlezen")
    await bot.send("moeder van Isa")
    consent_buttons = [label for label, _ in bot.request.calls[-1].buttons]
    assert consent_buttons == [
        "Ja, met „moeder van Isa” erbij",
        texts.CONSENT_ANON,
        texts.CONSENT_NO,
    ]
    await bot.press("Ja, met")
    summary = bot.last_text()
    assert summary.startswith(texts.SUMMARY_HEAD)
    assert "12 kinderen, 8 volwassenen" in summary
    assert sessions(db) == []  # nothing before Opslaan
    await bot.press(texts.BUTTON_SAVE)
    assert bot.last_text().startswith(texts.SAVED)
    [row] = sessions(db)
    today = bot.services.today().isoformat()
    assert (row["activity"], row["vestiging"], row["date"]) == ("voorleesuurtje", "havelte", today)
    assert (row["kinderen"], row["volwassenen"], row["deelnemers"]) == (12, 8, 20)
    seen = set(db.execute("SELECT signal, effect FROM session_signals").fetchall())
    assert seen == {
        ("luisterden-tot-eind", "luistervaardigheid"),
        ("woorden-nagezegd", "woordenschat"),
    }
    assert "Gezien: Kinderen luisterden tot het eind; Kinderen zeiden nieuwe woorden na" in summary
    quote = db.execute("SELECT text, attribution, consent FROM quotes").fetchone()
    assert quote == ("Isa wil nu elke avond voorlezen", "moeder van Isa", "ja")
    assert db.execute("SELECT count(*) FROM drafts").fetchone()[0] == 0


async def test_typical_report_fits_the_tap_budget(
    bot: BotHarness, db: sqlite_utils.Database
) -> None:
    """Second report of a known activity: six taps and one typed number at most."""
    await bot.send("/verslag")
    await bot.press("Drenthe leert en ontwikkelt")
    await bot.press("Lezing")
    await bot.press("Havelte")
    await bot.press("Vandaag")
    await bot.send("30")
    await bot.press(texts.BUTTON_SKIP)
    await bot.press(texts.BUTTON_NO_QUOTE)
    await bot.press(texts.BUTTON_SAVE)
    bot.presses = bot.typed = 0

    await bot.send("/verslag")
    # Recent activities come first.
    assert bot.request.calls[-1].buttons[0][0] == "Lezing"
    await bot.press("Lezing")
    await bot.press("Havelte")
    await bot.press("Gisteren")
    await bot.send("25")
    await bot.press(texts.BUTTON_SKIP)
    await bot.press(texts.BUTTON_NO_QUOTE)
    await bot.press(texts.BUTTON_SAVE)
    assert bot.last_text().startswith(texts.SAVED)
    assert bot.presses <= 6 and bot.typed == 1
    rows = sessions(db)
    assert [r["deelnemers"] for r in rows] == [30, 25]
    assert rows[1]["kinderen"] is None


async def test_spreekuur_asks_visitors_and_questions(
    bot: BotHarness, db: sqlite_utils.Database
) -> None:
    await bot.send("/verslag")
    await bot.send("IDO")  # search by typing
    await bot.press("Havelte")
    await bot.press("Vandaag")
    assert "bezoekers en hoeveel vragen" in bot.last_text()
    await bot.send("5")
    assert bot.last_text() == texts.ASK_COUNT_ONE.format(label="vragen")
    await bot.send("9")
    await bot.press(texts.BUTTON_SKIP)
    await bot.press(texts.BUTTON_NO_QUOTE)
    assert "5 bezoekers, 9 vragen" in bot.last_text()
    await bot.press(texts.BUTTON_SAVE)
    [row] = sessions(db)
    assert (row["activity"], row["deelnemers"], row["vragen"]) == ("ido-spreekuur", 5, 9)


async def _lesson_start(bot: BotHarness) -> None:
    await bot.send("/verslag")
    await bot.send("Klik & Tik")
    await bot.press("Havelte")
    await bot.press("Vandaag")
    assert bot.last_text() == texts.ASK_SERIES


async def test_course_first_next_and_last_lesson(
    bot: BotHarness, db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    measurable = [
        e
        for e in catalogue.activities["klik-en-tik"].effects
        if catalogue.effects[e].measurable and catalogue.effects[e].measure_question
    ]
    assert measurable, "the default catalogue has before/after counts for Klik & Tik"

    # First lesson: a new course, enrolment, attendance, before counts.
    await _lesson_start(bot)
    await bot.press(texts.BUTTON_NEW_COURSE)
    assert bot.last_text() == texts.ASK_ENROLLED
    await bot.send("10")
    await bot.press("Iedereen (10)")
    assert texts.MEASURE_BEFORE in bot.last_text()
    assert catalogue.effects[measurable[0]].measure_question in bot.last_text()
    await bot.send("3")
    for _ in measurable[1:]:
        await bot.press(texts.BUTTON_SKIP)
    await bot.press(texts.BUTTON_SKIP)  # effects
    await bot.press(texts.BUTTON_NO_QUOTE)
    # The count reads as a sentence from the meetvraag, not next to the effect's long name.
    question = catalogue.effects[measurable[0]].measure_question or ""
    sentence = "3 " + question.removeprefix("Hoeveel ").rstrip("?")
    assert f"Voormeting: {sentence}" in bot.last_text()
    assert catalogue.effects[measurable[0]].name not in bot.last_text()
    await bot.press(texts.BUTTON_SAVE)
    assert bot.last_text().startswith(texts.SAVED)
    [series] = db.query("SELECT * FROM series")
    assert (series["enrolled"], series["closed"]) == (10, 0)
    before = db.execute("SELECT effect, moment, able, measured FROM measurements").fetchall()
    assert before == [(measurable[0], "voor", 3, 10)]

    # Second lesson: the running course is a button; not the last lesson.
    await _lesson_start(bot)
    await bot.press(f"{series['name']}: les 2")
    assert "Is dit de laatste les?" in bot.last_text()
    await bot.press(texts.BUTTON_NO)
    await bot.send("8")
    await bot.press(texts.BUTTON_SKIP)
    await bot.press(texts.BUTTON_NO_QUOTE)
    await bot.press(texts.BUTTON_SAVE)

    # Last lesson: after counts, and the course is closed.
    await _lesson_start(bot)
    await bot.press(f"{series['name']}: les 3")
    await bot.press(texts.BUTTON_YES)
    await bot.send("9")
    assert texts.MEASURE_AFTER in bot.last_text()
    await bot.send("12")  # more than were there
    assert bot.last_text() == texts.NUMBER_RANGE.format(low=0, high=9)
    await bot.send("7")
    for _ in measurable[1:]:
        await bot.press(texts.BUTTON_SKIP)
    await bot.press(texts.BUTTON_SKIP)
    await bot.press(texts.BUTTON_NO_QUOTE)
    assert "les 3, laatste les" in bot.last_text()
    await bot.press(texts.BUTTON_SAVE)
    rows = sessions(db)
    assert [(r["series_id"], r["lesson"], r["deelnemers"]) for r in rows] == [
        (series["id"], 1, 10),
        (series["id"], 2, 8),
        (series["id"], 3, 9),
    ]
    assert db.execute("SELECT closed FROM series").fetchone()[0] == 1
    after = db.execute("SELECT able, measured FROM measurements WHERE moment = 'na'").fetchall()
    assert after == [(7, 9)]
    # A closed course is no longer offered.
    await _lesson_start(bot)
    assert [label for label, _ in bot.request.calls[-1].buttons] == [texts.BUTTON_NEW_COURSE]


async def test_change_from_summary_asks_only_that_field(
    bot: BotHarness, db: sqlite_utils.Database
) -> None:
    await bot.send("/verslag")
    await bot.send("lezing")
    await bot.press("Havelte")
    await bot.press("Vandaag")
    await bot.send("30")
    await bot.press(texts.BUTTON_SKIP)
    await bot.press(texts.BUTTON_NO_QUOTE)
    await bot.press(texts.BUTTON_EDIT)
    assert [label for label, _ in bot.request.calls[-1].buttons][:2] == ["Activiteit", "Plaats"]
    await bot.press("Plaats")
    await bot.press("Diever")
    assert bot.last_text().startswith(texts.SUMMARY_HEAD)
    assert "Diever" in bot.last_text() and "30 deelnemers" in bot.last_text()
    await bot.press(texts.BUTTON_SAVE)
    [row] = sessions(db)
    assert row["vestiging"] == "diever"


async def test_browse_by_programmalijn_and_back(bot: BotHarness) -> None:
    await bot.send("/verslag")
    await bot.press("Heel Drenthe doet mee")
    labels = [label for label, _ in bot.request.calls[-1].buttons]
    assert "Klik & Tik" in labels and texts.BUTTON_BACK in labels
    await bot.press(texts.BUTTON_BACK)
    labels = [label for label, _ in bot.request.calls[-1].buttons]
    assert "Heel Drenthe doet mee" in labels


async def test_other_day_and_other_place(bot: BotHarness, db: sqlite_utils.Database) -> None:
    await bot.send("/verslag")
    await bot.send("lezing")
    await bot.press(texts.BUTTON_OTHER_PLACE)
    await bot.press("Midden-Drenthe")
    await bot.press("Beilen")
    await bot.press(texts.BUTTON_OTHER_DAY)
    assert bot.last_text() == texts.ASK_DATE_TYPED
    day = bot.services.today().replace(day=1)
    await bot.send(f"{day:%d-%m-%Y}")
    await bot.send("twaalf")  # a numeral typed as a word
    await bot.press(texts.BUTTON_SKIP)
    await bot.press(texts.BUTTON_NO_QUOTE)
    await bot.press(texts.BUTTON_SAVE)
    [row] = sessions(db)
    assert (row["vestiging"], row["date"], row["deelnemers"]) == ("beilen", day.isoformat(), 12)


def test_measure_line_reads_naturally() -> None:
    question = "Hoeveel cursisten kunnen zelfstandig een e-mail versturen?"
    assert texts.measure_line(question, "Digitale vaardigheden", 5) == (
        "5 cursisten kunnen zelfstandig een e-mail versturen"
    )
    assert texts.measure_line(question, "Digitale vaardigheden", 1) == (
        "1 van de cursisten kan zelfstandig een e-mail versturen"
    )
    assert texts.measure_line(None, "Digitale vaardigheden", 4) == "Digitale vaardigheden: 4"


async def test_typed_answers_are_read_like_the_parser(
    bot: BotHarness, db: sqlite_utils.Database
) -> None:
    """The date and count steps take what the one-message parser takes, and refuse the same."""
    await bot.send("/verslag")
    await bot.send("lezing")
    await bot.press("Havelte")
    await bot.press(texts.BUTTON_OTHER_DAY)
    await bot.send("zaterdag")
    await bot.send("-5")
    assert bot.last_text() == texts.NEGATIVE_COUNT
    await bot.send("8 à 10")
    assert bot.last_text() == texts.RANGE_COUNT
    await bot.send("een stuk of tien")
    await bot.press(texts.BUTTON_SKIP)
    await bot.send("Mooi verteld, zei de moeder van Sem de Vries")
    assert bot.last_text() == texts.QUOTE_FULL_NAME
    await bot.send("Mooi verteld, zei de moeder van Sem")
    await bot.send("moeder van Sem")
    await bot.press(texts.CONSENT_ANON)
    await bot.press(texts.BUTTON_SAVE)
    assert bot.last_text().startswith(texts.SAVED)
    [row] = sessions(db)
    today = bot.services.today()
    saturday = today - timedelta(days=(today.weekday() - 5) % 7)
    assert (row["date"], row["deelnemers"]) == (saturday.isoformat(), 10)
    texts_saved = [r[0] for r in db.execute("SELECT text FROM quotes")]
    assert texts_saved == ["Mooi verteld, zei de moeder van Sem"]


async def test_typed_activity_and_place_are_found_like_the_parser(
    bot: BotHarness, db: sqlite_utils.Database
) -> None:
    await bot.send("/verslag")
    await bot.send("Makersplaats 3D printen workshop")  # the specific name beats the generic
    assert bot.last_text().startswith("Waar was het?")
    await bot.press(texts.BUTTON_OTHER_PLACE)
    await bot.send("in de bieb van Beilen")
    await bot.press("Vandaag")
    await bot.send("6 kids en een opa")
    await bot.press(texts.BUTTON_SKIP)
    await bot.press(texts.BUTTON_NO_QUOTE)
    await bot.press(texts.BUTTON_SAVE)
    [row] = sessions(db)
    assert (row["activity"], row["vestiging"]) == ("makersplaats", "beilen")
    assert (row["kinderen"], row["volwassenen"], row["deelnemers"]) == (6, 1, 7)
