"""Bad input over the wire: the real bot answers in plain Dutch, stores nothing it should not,
and keeps serving another leader.

Very long messages, unknown commands, stickers, photos, edited messages, presses on old
buttons and a flood of 50 messages, all as real Telegram updates through the stand-in.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import (
    WAIT,
    assert_for_people,
    drafts_of,
    has_button,
    person_id,
    register_leaders,
    sessions_of,
    start_demo,
    text_starts,
)

from bot.leader import texts
from demo.people import ANNE
from demo.runner import DemoEnvironment
from standin import StandIn
from toc.models import Catalogue

BRAM = 800_000_101  # a second leader, who must not notice Anne's trouble
FLOOD = 50


@pytest.fixture
def env(tmp_path: Path, default_catalogue: Catalogue) -> Iterator[DemoEnvironment]:
    environment = start_demo(tmp_path, default_catalogue)
    register_leaders(environment.database, [BRAM])
    try:
        yield environment
    finally:
        environment.close()


def _tg(env: DemoEnvironment) -> StandIn:
    assert env.standin is not None
    return env.standin


def _notice(tg: StandIn, query_id: str) -> str | None:
    """The short notice (answerCallbackQuery text) the bot gave for one press."""
    tg.state.wait_until(
        lambda: any(a.callback_query_id == query_id for a in tg.answered_callbacks), WAIT
    )
    found = [a.text for a in tg.answered_callbacks if a.callback_query_id == query_id]
    assert found, f"the press {query_id} was never answered"
    return found[0]


def test_odd_messages_get_a_dutch_answer_and_store_nothing(env: DemoEnvironment):
    anne, tg = env.anne, _tg(env)

    anne.send("x" * 4096)  # the longest text Telegram delivers
    assert anne.wait(timeout=WAIT).text == texts.NOT_UNDERSTOOD

    anne.send("Voorleesuurtje Havelte 12 kinderen " + "het was heel gezellig " * 180)
    long_answer = anne.wait(timeout=WAIT)
    assert_for_people(long_answer)
    assert (long_answer.text or "").startswith(texts.UNDERSTOOD)
    assert len(long_answer.text or "") < 4096
    anne.send("/annuleer")
    assert anne.wait(timeout=WAIT).text == texts.CANCELLED

    anne.send("/onzin")
    assert anne.wait(timeout=WAIT).text == texts.UNKNOWN_COMMAND
    anne.send("/verslag@ImpactbotBot " + "y" * 4000)
    assert_for_people(anne.wait(has_button("Drenthe leest"), WAIT))
    anne.send("/annuleer")
    assert anne.wait(timeout=WAIT).text == texts.CANCELLED

    tg.send_sticker(anne.id)
    assert anne.wait(timeout=WAIT).text == texts.ONLY_TEXT
    # a photo belongs with a report: without one, one sentence and nothing stored
    tg.send_photo(anne.id, caption="Voorleesuurtje Havelte 3 kinderen")
    assert anne.wait(timeout=WAIT).text == texts.PHOTO_NO_REPORT

    # An edited message is not read as a new report: the next answer is the one to /help.
    typed = anne.send("hallo")
    assert anne.wait(timeout=WAIT).text == texts.NOT_UNDERSTOOD
    before = len(anne.sent())
    anne.edit(typed, "Voorleesuurtje Havelte 12 kinderen 8 ouders")
    anne.send("/help")
    assert anne.wait(timeout=WAIT).text == texts.HELP_LEADER
    assert [m.text for m in anne.sent()[before:]] == [texts.HELP_LEADER]

    for message in anne.sent():
        assert_for_people(message)
    anne_id = person_id(env.database, ANNE.telegram_id)
    assert sessions_of(env.database, anne_id) == []
    assert drafts_of(env.database, ANNE.telegram_id) == 0


def test_old_buttons_change_nothing(env: DemoEnvironment):
    anne, tg = env.anne, _tg(env)
    anne.send("/verslag")
    old_question = anne.wait(has_button("Drenthe leest"), WAIT)
    anne.send("/annuleer")
    assert anne.wait(timeout=WAIT).text == texts.CANCELLED

    stale = anne.press(old_question, old_question.callback_data[0])
    assert _notice(tg, stale) == texts.STALE_BUTTON
    garbage = anne.press(old_question, "zomaar:iets", strict=False)
    assert _notice(tg, garbage) == texts.STALE_BUTTON

    anne.send("Voorleesuurtje Havelte 12 kinderen 8 ouders")
    summary = anne.wait(has_button(texts.BUTTON_SAVE), WAIT)
    anne.tap(texts.BUTTON_SAVE)
    assert anne.wait(text_starts("Opgeslagen"), WAIT).text.startswith(texts.SAVED)
    save = summary.button(texts.BUTTON_SAVE).callback_data or ""
    again = anne.press(summary, save, strict=False)  # a client showing the old keyboard
    assert _notice(tg, again) == texts.ALREADY_SAVED
    edit = anne.press(summary, summary.button(texts.BUTTON_EDIT).callback_data or "", strict=False)
    assert _notice(tg, edit) == texts.STALE_BUTTON

    stored = sessions_of(env.database, person_id(env.database, ANNE.telegram_id))
    assert [(s["activity"], s["kinderen"], s["volwassenen"]) for s in stored] == [
        ("voorleesuurtje", 12, 8)
    ]
    for message in anne.sent():
        assert_for_people(message)


def test_a_flood_from_one_person_does_not_stop_another_leader(env: DemoEnvironment):
    anne, tg = env.anne, _tg(env)
    bram = tg.user(BRAM, "Bram")
    before = len(anne.sent())
    for n in range(FLOOD):
        kind = n % 3
        if kind == 0:
            anne.send(f"hallo {n}")
        elif kind == 1:
            anne.send(f"Voorleesuurtje Havelte {n} kinderen 2 ouders")
        else:
            anne.send("/verslag")

    bram.send("Taalcafé Diever 9 deelnemers")
    bram.wait(has_button(texts.BUTTON_SAVE), WAIT)
    bram.tap(texts.BUTTON_SAVE)
    assert bram.wait(text_starts("Opgeslagen"), WAIT).text.startswith(texts.SAVED)

    # Every one of Anne's messages got exactly one plain Dutch answer.
    assert tg.state.wait_until(lambda: len(anne.sent()) >= before + FLOOD, WAIT)
    assert tg.state.wait_until(lambda: tg.pending_updates() == 0, WAIT)
    answers = anne.sent()[before:]
    assert len(answers) == FLOOD
    for message in answers:
        assert_for_people(message)
    assert {m.text for m in answers if not m.buttons} <= {texts.NOT_UNDERSTOOD, texts.USE_BUTTONS}

    bram_id = person_id(env.database, BRAM)
    assert [(s["activity"], s["deelnemers"]) for s in sessions_of(env.database, bram_id)] == [
        ("taalcafe", 9)
    ]
    assert sessions_of(env.database, person_id(env.database, ANNE.telegram_id)) == []
