"""Telegram on a bad day, end to end: the real bot over HTTP against the stand-in, which
answers 429, drops connections, expires presses and reports a blocked user. Every report
still ends in exactly one "Opgeslagen" and is stored once."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import (
    BOT_TOKEN,
    WAIT,
    bot_config,
    bot_process,
    free_port,
    has_button,
    people_only_database,
    person_id,
    read_only,
    register_leaders,
    sessions_of,
    start_demo,
)

from bot.leader import texts
from demo.people import ANNE
from demo.runner import DemoEnvironment
from standin import ChatMessage, StandIn
from toc.models import Catalogue

REPORT = "Voorleesuurtje Havelte vandaag 14 kinderen 6 volwassenen"


@pytest.fixture
def env(tmp_path: Path, default_catalogue: Catalogue) -> Iterator[DemoEnvironment]:
    environment = start_demo(tmp_path, default_catalogue)
    try:
        yield environment
    finally:
        environment.close()


def _tg(env: DemoEnvironment) -> StandIn:
    assert env.standin is not None
    return env.standin


def _saved(m: ChatMessage) -> bool:
    return (m.text or "").startswith(texts.SAVED)


def _confirmations(tg: StandIn, chat_id: int) -> int:
    return sum(1 for m in tg.sent(chat_id) if _saved(m))


def _stored(env: DemoEnvironment) -> list[dict[str, object]]:
    return sessions_of(env.database, person_id(env.database, ANNE.telegram_id))


def test_429_and_network_errors_on_every_send_end_in_one_confirmation(env: DemoEnvironment):
    anne, tg = env.anne, _tg(env)
    for method in ("sendMessage", "editMessageText", "answerCallbackQuery"):
        tg.fail_next(method, kind="429", retry_after=1)
        tg.fail_next(method, kind="drop")
    # The confirmation's edit is done, but its answer is lost: the retry must not double it.
    tg.fail_next("editMessageText", kind="drop_after")

    anne.send(REPORT)
    anne.wait(has_button(texts.BUTTON_SAVE), WAIT)
    anne.tap(texts.BUTTON_SAVE)
    anne.wait(_saved, WAIT)
    assert tg.state.wait_until(lambda: tg.faults_left() == 0, WAIT)
    assert _confirmations(tg, anne.chat_id) == 1
    assert [(s["kinderen"], s["volwassenen"]) for s in _stored(env)] == [(14, 6)]


def test_a_redelivered_message_and_the_same_report_again_store_one_session(env: DemoEnvironment):
    anne, tg = env.anne, _tg(env)
    anne.send(REPORT)
    anne.wait(has_button(texts.BUTTON_SAVE), WAIT)
    anne.tap(texts.BUTTON_SAVE)
    anne.wait(_saved, WAIT)

    # Telegram hands the same message out again under a new update id.
    first = next(m for m in tg.history(anne.chat_id) if not m.from_bot and m.text == REPORT)
    tg.inject({"message": copy.deepcopy(first.api)})
    # Anne did not see the confirmation and sends her report again.
    anne.send(REPORT)
    asked = anne.wait(has_button(texts.BUTTON_DONT_SAVE), WAIT)
    assert "al opgeslagen" in (asked.text or "")
    anne.tap(texts.BUTTON_DONT_SAVE)
    anne.wait(lambda m: m.text == texts.NOT_SAVED_AGAIN, WAIT)
    assert len(_stored(env)) == 1
    assert _confirmations(tg, anne.chat_id) == 1


def test_expired_presses_still_save_and_confirm(env: DemoEnvironment):
    anne, tg = env.anne, _tg(env)
    tg.state.query_ttl = 0.0  # every press is too old to answer by the time the bot does
    anne.send(REPORT)
    anne.wait(has_button(texts.BUTTON_SAVE), WAIT)
    anne.tap(texts.BUTTON_SAVE)
    anne.wait(_saved, WAIT)
    assert len(_stored(env)) == 1
    assert any("too old" in (c.error or "") for c in tg.calls_to("answerCallbackQuery"))
    assert all(not (m.text or "").startswith("Sorry") for m in tg.sent(anne.chat_id))


def test_a_blocked_leader_gets_the_confirmation_after_unblocking(env: DemoEnvironment):
    anne, tg = env.anne, _tg(env)
    anne.send(REPORT)
    anne.wait(has_button(texts.BUTTON_SAVE), WAIT)
    tg.block(anne.id)  # she blocks the bot right after pressing Opslaan
    anne.tap(texts.BUTTON_SAVE)
    assert tg.state.wait_until(lambda: len(_stored(env)) == 1, WAIT)
    with read_only(env.database) as conn:
        waiting = lambda: conn.execute("SELECT count(*) FROM outbox").fetchone()[0]  # noqa: E731
        assert tg.state.wait_until(lambda: waiting() == 1, WAIT)
    assert _confirmations(tg, anne.chat_id) == 0

    tg.unblock(anne.id)
    env.stop_bot()
    env.start_bot()  # the outbox goes out at start-up
    anne.wait(_saved, WAIT)
    assert _confirmations(tg, anne.chat_id) == 1
    assert len(_stored(env)) == 1


def test_a_confirmation_edit_whose_answer_was_lost_is_not_sent_twice(env: DemoEnvironment):
    """The edit into "Opgeslagen" is applied, but its answer and every retry are lost: the
    confirmation waits in the outbox, whose own try (the same edit) finds it there already."""
    anne, tg = env.anne, _tg(env)
    anne.send(REPORT)
    anne.wait(has_button(texts.BUTTON_SAVE), WAIT)
    tg.fail_next("editMessageText", kind="drop_after")
    tg.fail_next("editMessageText", 3, kind="drop")  # the bot's three network retries
    anne.tap(texts.BUTTON_SAVE)
    anne.wait(_saved, WAIT)  # applied by Telegram; the bot cannot know
    with read_only(env.database) as conn:
        waiting = lambda: conn.execute("SELECT count(*) FROM outbox").fetchone()[0]  # noqa: E731
        assert tg.state.wait_until(lambda: waiting() == 1, WAIT)
        env.stop_bot()
        env.start_bot()  # the outbox goes out at start-up
        assert tg.state.wait_until(lambda: waiting() == 0, WAIT)
    assert _confirmations(tg, anne.chat_id) == 1
    assert any("not modified" in (c.error or "") for c in tg.calls_to("editMessageText"))
    assert len(_stored(env)) == 1


def test_faults_during_a_guided_report_end_in_one_confirmation(env: DemoEnvironment):
    """The guided report also removes old buttons (editMessageReplyMarkup) at every step."""
    anne, tg = env.anne, _tg(env)
    for method in ("sendMessage", "editMessageReplyMarkup", "answerCallbackQuery"):
        tg.fail_next(method, kind="429", retry_after=1)
        tg.fail_next(method, kind="drop")
        tg.fail_next(method, kind="drop_after")
    anne.send("/verslag")
    for label in ("Drenthe leest: leesbevordering", "Voorleesuurtje", "Havelte"):
        anne.wait(has_button(label), WAIT)
        anne.tap(label)
    anne.wait(has_button(texts.BUTTON_TODAY), WAIT)
    anne.tap(texts.BUTTON_TODAY)
    anne.wait(lambda m: (m.text or "").startswith("Hoeveel"), WAIT)
    anne.send("9 kinderen 4 ouders")
    anne.wait(has_button(texts.BUTTON_SKIP), WAIT)
    anne.tap(texts.BUTTON_SKIP)
    anne.wait(has_button(texts.BUTTON_NO_QUOTE), WAIT)
    anne.tap(texts.BUTTON_NO_QUOTE)
    anne.wait(has_button(texts.BUTTON_SAVE), WAIT)
    anne.tap(texts.BUTTON_SAVE)
    anne.wait(_saved, WAIT)
    assert tg.state.wait_until(lambda: tg.faults_left() == 0, WAIT)
    assert _confirmations(tg, anne.chat_id) == 1
    assert [(s["kinderen"], s["volwassenen"]) for s in _stored(env)] == [(9, 4)]


@pytest.mark.parametrize("mode", ["polling", "webhook"])
def test_the_real_impactbot_run_survives_faults_and_duplicates(
    tmp_path: Path, default_catalogue: Catalogue, mode: str
):
    """`impactbot run` as a process, polling or by webhook: 429 and dropped connections on
    every send, a message delivered twice, the same report sent again: one session, one
    "Opgeslagen"."""
    leader_id = 830_000_001
    database = people_only_database(tmp_path / "bot.db", default_catalogue)
    register_leaders(database, [leader_id])
    with StandIn(token=BOT_TOKEN) as tg:
        extra = ""
        if mode == "webhook":
            port = free_port()
            extra = (
                f'\n[telegram.webhook]\nurl = "http://127.0.0.1:{port}/telegram"\nport = {port}\n'
            )
        config = bot_config(tmp_path, database, tg.base_url, extra)
        with bot_process(config, tmp_path / "bot.log") as proc:
            started = tg.state.wait_until(
                lambda: tg.webhook_url if mode == "webhook" else tg.state.polls_started > 0,
                WAIT,
            )
            assert started and proc.poll() is None, (tmp_path / "bot.log").read_text()
            leader = tg.user(leader_id, "Lotte")
            for method in ("sendMessage", "editMessageText", "answerCallbackQuery"):
                tg.fail_next(method, kind="429", retry_after=1)
                tg.fail_next(method, kind="drop")
            tg.fail_next("editMessageText", kind="drop_after")

            leader.send(REPORT)
            leader.wait(has_button(texts.BUTTON_SAVE), WAIT)
            leader.tap(texts.BUTTON_SAVE)
            leader.wait(_saved, WAIT)
            assert tg.state.wait_until(lambda: tg.faults_left() == 0, WAIT)

            first = next(m for m in tg.history(leader_id) if not m.from_bot and m.text == REPORT)
            tg.inject({"message": copy.deepcopy(first.api)})  # delivered again
            leader.send(REPORT)  # and sent again by the leader
            leader.wait(has_button(texts.BUTTON_DONT_SAVE), WAIT)
            leader.tap(texts.BUTTON_DONT_SAVE)
            leader.wait(lambda m: m.text == texts.NOT_SAVED_AGAIN, WAIT)
            assert _confirmations(tg, leader_id) == 1
        log = (tmp_path / "bot.log").read_text(errors="replace")
        assert proc.returncode == 0, log
    stored = sessions_of(database, person_id(database, leader_id))
    assert [(s["kinderen"], s["volwassenen"]) for s in stored] == [(14, 6)]
