"""A whole report in one message: shown back, only the missing parts asked, saved on Opslaan."""

from __future__ import annotations

import sqlite_utils
from fakes import BotHarness, count

from bot.leader import texts


async def test_one_message_report(bot: BotHarness, db: sqlite_utils.Database) -> None:
    await bot.send(
        "Voorleesuurtje Havelte 12 kinderen 8 ouders 'Isa wil nu elke avond voorlezen'"
        " - moeder van Isa"
    )
    shown = bot.last_text()
    assert shown.startswith(texts.UNDERSTOOD)
    assert "Voorleesuurtje" in shown and "12 kinderen, 8 volwassenen" in shown
    # Only the consent for the quote is missing; it is asked with buttons.
    assert texts.ASK_CONSENT in shown
    assert len(bot.request.calls[-1].buttons) == 3
    assert count(db, "sessions") == 0
    await bot.press(texts.CONSENT_ANON)
    # Straight to the summary; the activity's signals are toggles on it, above Opslaan.
    shown = bot.last_text()
    assert shown.startswith(texts.SUMMARY_HEAD) and shown.endswith(texts.SIGNALS_ON_SUMMARY)
    labels = [label for label, _ in bot.request.calls[-1].buttons]
    assert "▫️ Kinderen luisterden tot het eind" in labels
    assert labels[-3:] == [texts.BUTTON_SAVE, texts.BUTTON_EDIT, texts.BUTTON_CANCEL]
    summary_id = bot.request.calls[-1].result["message_id"]
    # A tap ticks the signal on the same message: only its buttons change.
    calls = await bot.press("Kinderen luisterden tot het eind")
    edited = [c for c in calls if c.method == "editMessageReplyMarkup"]
    assert len(edited) == 1 and int(edited[0].params["message_id"]) == summary_id
    labels = [label for label, _ in edited[0].buttons]
    assert "✅ Kinderen luisterden tot het eind" in labels
    assert "▫️ Kinderen luisterden tot het eind" not in labels
    assert labels[-3:] == [texts.BUTTON_SAVE, texts.BUTTON_EDIT, texts.BUTTON_CANCEL]
    assert not [c for c in calls if c.method == "sendMessage"]
    assert count(db, "sessions") == 0
    await bot.press(texts.BUTTON_SAVE)
    assert bot.last_text().startswith(texts.SAVED)
    assert "Gezien: Kinderen luisterden tot het eind" in bot.last_text()
    row = db.execute("SELECT activity, vestiging, kinderen, volwassenen FROM sessions").fetchone()
    assert row == ("voorleesuurtje", "havelte", 12, 8)
    assert db.execute("SELECT signal FROM session_signals").fetchall() == [("luisterden-tot-eind",)]
    assert db.execute("SELECT consent, attribution FROM quotes").fetchone() == (
        "anoniem",
        "moeder van Isa",
    )


async def test_complete_message_goes_straight_to_the_summary(
    bot: BotHarness, db: sqlite_utils.Database
) -> None:
    await bot.send("Lezing Diever 40 bezoekers")
    shown = bot.last_text()
    assert shown.startswith(texts.UNDERSTOOD) and shown.endswith(texts.SIGNALS_ON_SUMMARY)
    assert texts.SUMMARY_HEAD in shown and "40 deelnemers" in shown
    # Nothing ticked: Opslaan is the one tap, and no signal is stored.
    await bot.press(texts.BUTTON_SAVE)
    assert bot.last_text().startswith(texts.SAVED)
    assert db.execute("SELECT activity, deelnemers FROM sessions").fetchone() == ("lezing", 40)
    assert count(db, "session_signals") == 0


async def test_missing_parts_are_asked_with_buttons(
    bot: BotHarness, db: sqlite_utils.Database
) -> None:
    await bot.send("vandaag 12 kinderen en 5 ouders")
    assert texts.ASK_ACTIVITY in bot.last_text()
    assert bot.request.calls[-1].buttons  # programmalijnen to choose from
    await bot.send("voorleesuurtje")
    assert texts.ASK_VESTIGING in bot.last_text()
    await bot.press("Havelte")
    # Date, counts: already known. No quote question in a quick report, and the signals are
    # toggles on the summary itself: no question left.
    assert bot.last_text().startswith(texts.SUMMARY_HEAD)
    assert bot.last_text().endswith(texts.SIGNALS_ON_SUMMARY)
    assert "12 kinderen, 5 volwassenen" in bot.last_text()
    assert count(db, "sessions") == 0
    await bot.press(texts.BUTTON_SAVE)
    assert count(db, "sessions") == 1


async def test_quote_without_attribution_asks_who_said_it(bot: BotHarness) -> None:
    # Words in quote marks in the first person are a participant's (without "ik" they
    # could be the writer's own, and are asked: tests/test_parse_readings.py).
    await bot.send('Lezing Havelte 20 deelnemers "Ik kom zeker terug"')
    assert texts.ASK_ATTRIBUTION in bot.last_text()
    await bot.send("Jan de Vries")
    assert bot.last_text() == texts.ATTRIBUTION_FULL_NAME
    await bot.press(texts.BUTTON_NO_ATTRIBUTION)
    # Without a name there is nothing to publish "with attribution": two choices.
    assert [label for label, _ in bot.request.calls[-1].buttons] == [
        texts.CONSENT_ANON,
        texts.CONSENT_NO,
    ]


async def test_text_without_a_report_gets_help(bot: BotHarness, db: sqlite_utils.Database) -> None:
    await bot.send("hoi")
    assert bot.last_text() == texts.NOT_UNDERSTOOD
    assert count(db, "drafts") == 0


async def test_cancel_from_summary_saves_nothing(
    bot: BotHarness, db: sqlite_utils.Database
) -> None:
    await bot.send("Lezing Diever 40 bezoekers")
    await bot.press("▫️")  # a ticked signal is dropped with the rest
    await bot.press(texts.BUTTON_CANCEL)
    assert bot.last_text() == texts.CANCELLED
    assert count(db, "sessions") == 0 and count(db, "drafts") == 0


async def test_big_count_in_message_asks_klopt_dat(
    bot: BotHarness, db: sqlite_utils.Database
) -> None:
    await bot.send("Lezing Diever 800 bezoekers")
    assert bot.last_text().endswith(texts.CONFIRM_COUNT.format(value=800, label="deelnemers"))
    await bot.press(texts.BUTTON_YES)
    await bot.press(texts.BUTTON_SAVE)
    assert db.execute("SELECT deelnemers FROM sessions").fetchone() == (800,)


async def test_full_name_in_one_message_is_dropped_and_the_bot_says_why(
    bot: BotHarness, db: sqlite_utils.Database
) -> None:
    await bot.send("Lezing Havelte 20 deelnemers 'Wat een mooie avond' - Henk Jansen")
    shown = bot.last_text()
    # The name is not kept, the reason comes with the question who said it.
    assert "Jansen" not in shown
    assert shown.startswith(texts.ATTRIBUTION_FULL_NAME)
    assert shown.endswith(texts.ASK_ATTRIBUTION)
    await bot.send("Henk")
    await bot.press(texts.CONSENT_ANON)
    await bot.press(texts.BUTTON_SAVE)
    assert db.execute("SELECT attribution FROM quotes").fetchall() == [("Henk",)]


async def test_full_name_dropped_before_other_questions_is_announced(bot: BotHarness) -> None:
    # ("Lezing 'Wat een mooie avond' - mevrouw Jansen" reads as a lecture's title and its
    # speaker: no quote. A speech verb makes it someone's words.)
    await bot.send("Lezing, 'Wat een mooie avond' zei mevrouw Jansen")
    shown = bot.last_text()
    assert "Jansen" not in shown
    assert shown.startswith(texts.ATTRIBUTION_DROPPED)
    assert texts.ASK_VESTIGING in shown


async def test_a_negative_count_is_refused_not_read_as_positive(
    bot: BotHarness, db: sqlite_utils.Database
) -> None:
    await bot.send("Lezing Havelte -5 bezoekers")
    shown = bot.last_text()
    assert shown.startswith(texts.NEGATIVE_COUNT)
    assert "5 deelnemers" not in shown
    await bot.send("12")
    await bot.press(texts.BUTTON_SAVE)
    assert db.execute("SELECT deelnemers FROM sessions").fetchall() == [(12,)]


async def test_a_full_name_inside_the_quote_text_is_asked_to_be_left_out(
    bot: BotHarness, db: sqlite_utils.Database
) -> None:
    await bot.send("Lezing Havelte 20 deelnemers 'Mooi, zei de moeder van Sem de Vries' - moeder")
    shown = bot.last_text()
    assert shown.startswith(texts.QUOTE_FULL_NAME)
    assert "Vries" not in shown
    assert count(db, "sessions") == 0
    await bot.send("Mooi, zei de moeder van Sem")
    await bot.send("moeder")
    await bot.press(texts.CONSENT_ANON)
    await bot.press(texts.BUTTON_SAVE)
    assert db.execute("SELECT text, attribution FROM quotes").fetchall() == [
        ("Mooi, zei de moeder van Sem", "moeder")
    ]
