"""Telegram on a bad day, through the real Application: duplicates, rate limits, network
errors, expired presses, undeliverable confirmations, long texts; and what a report costs."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import sqlite_utils
from fakes import BotHarness, callback_update, count, message_update, register_person
from telegram.ext import CallbackContext

from bot.core import texts as core_texts
from bot.core.delivery import flush_outbox
from bot.core.telegram import MAX_TEXT, fit
from bot.leader import texts
from ground.settings import Settings
from toc.models import Catalogue

REPORT = "Lezing Diever 40 bezoekers"


@pytest.fixture
async def bot(
    settings: Settings, catalogue: Catalogue, db: sqlite_utils.Database
) -> AsyncIterator[BotHarness]:
    settings.telegram.retry_delay = 0  # network retries without waiting
    register_person(db)
    harness = BotHarness(settings, catalogue)
    await harness.start()
    yield harness
    await harness.stop()


def confirmations(bot: BotHarness) -> list[str]:
    return [t for t in bot.texts() if t.startswith(texts.SAVED)]


async def test_a_message_redelivered_under_a_new_update_id_is_handled_once(
    bot: BotHarness, db: sqlite_utils.Database
) -> None:
    update = message_update(REPORT)
    await bot.process(update)
    summaries = len(bot.texts())
    again = {**update, "update_id": update["update_id"] + 50_000}
    assert await bot.process(again) == []  # not answered, not stored again
    assert len(bot.texts()) == summaries
    await bot.press(texts.BUTTON_SAVE)
    assert count(db, "sessions") == 1


async def test_a_press_redelivered_under_a_new_update_id_is_handled_once(
    bot: BotHarness, db: sqlite_utils.Database
) -> None:
    await bot.send(REPORT)
    call, data = bot.find_button(texts.BUTTON_SAVE)
    press = callback_update(data, message_id=int(call.result["message_id"]))
    await bot.process(press)
    again = {**press, "update_id": press["update_id"] + 50_000}
    assert await bot.process(again) == []
    assert count(db, "sessions") == 1
    assert len(confirmations(bot)) == 1


async def test_the_same_report_again_asks_first(bot: BotHarness, db: sqlite_utils.Database) -> None:
    await bot.send(REPORT)
    await bot.press(texts.BUTTON_SAVE)
    await bot.send(REPORT)  # a new message: the leader did not see the confirmation
    asked = bot.last_text()
    assert "Dit verslag heb je vandaag om " in asked and "Bibliotheek Diever" in asked
    labels = [label for label, _ in bot.request.calls[-1].buttons]
    assert labels[:2] == [texts.BUTTON_SAVE_ANYWAY, texts.BUTTON_DONT_SAVE]
    # no signal toggles on this question, so no line asking to tick them
    assert texts.SIGNALS_ON_SUMMARY not in asked
    await bot.press(texts.BUTTON_DONT_SAVE)
    assert bot.last_text() == texts.NOT_SAVED_AGAIN
    assert count(db, "sessions") == 1 and count(db, "drafts") == 0

    await bot.send(REPORT)
    await bot.press(texts.BUTTON_SAVE_ANYWAY)  # it really happened twice
    assert count(db, "sessions") == 2
    await bot.send("Lezing Diever 41 bezoekers")  # other counts: no question
    assert texts.SUMMARY_HEAD in bot.last_text()
    assert bot.last_text().endswith(texts.SIGNALS_ON_SUMMARY)


async def test_rate_limits_and_network_errors_on_every_send_end_in_one_confirmation(
    bot: BotHarness, db: sqlite_utils.Database
) -> None:
    for method in ("sendMessage", "editMessageText", "answerCallbackQuery"):
        bot.request.fail(method, status=429, description="Too Many Requests: retry after 0")
        bot.request.fail(method, status=0, description="connection reset")
    await bot.send(REPORT)
    assert texts.SUMMARY_HEAD in bot.last_text()
    await bot.press(texts.BUTTON_SAVE)
    assert count(db, "sessions") == 1
    assert len(confirmations(bot)) == 1
    assert count(db, "outbox") == 0
    assert not any(bot.request.queued.values())  # every injected failure was met


async def test_an_expired_press_on_opslaan_still_saves(
    bot: BotHarness, db: sqlite_utils.Database
) -> None:
    await bot.send(REPORT)
    bot.request.fail(
        "answerCallbackQuery",
        status=400,
        description="Bad Request: query is too old and response timeout expired or query ID is "
        "invalid",
    )
    await bot.press(texts.BUTTON_SAVE)
    assert count(db, "sessions") == 1
    assert len(confirmations(bot)) == 1
    assert texts.ERROR not in bot.texts()


async def test_message_is_not_modified_is_no_error(bot: BotHarness) -> None:
    await bot.send(REPORT)
    bot.request.fail(
        "editMessageText", status=400, description="Bad Request: message is not modified"
    )
    await bot.press(texts.BUTTON_SAVE)
    # The edit "did nothing" (it was there already): no second message, no apology.
    assert texts.ERROR not in bot.texts()
    assert bot.request.of("sendMessage")[-1].text != texts.ERROR


async def test_an_error_after_a_press_reaches_the_person(
    bot: BotHarness, monkeypatch: pytest.MonkeyPatch
) -> None:
    await bot.send(REPORT)
    from bot.leader import flow

    async def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(flow, "save", broken)
    # Answering the press fails too (too old): the sentence must still go out.
    bot.request.fail("answerCallbackQuery", status=400, description="Bad Request: query is old")
    bot.request.fail("answerCallbackQuery", status=400, description="Bad Request: query is old")
    await bot.press(texts.BUTTON_SAVE)
    assert bot.last_text() == texts.ERROR


async def test_an_undeliverable_confirmation_waits_in_the_outbox(
    bot: BotHarness, db: sqlite_utils.Database
) -> None:
    await bot.send(REPORT)
    tries = bot.app.bot._send_retries + 1  # type: ignore[attr-defined]
    bot.request.fail("editMessageText", tries, status=0, description="network down")
    await bot.press(texts.BUTTON_SAVE)
    assert count(db, "sessions") == 1  # stored: only the word did not arrive
    assert confirmations(bot) == []
    assert count(db, "outbox") == 1
    assert texts.ERROR not in bot.texts()

    bot.request.fail("editMessageText", tries, status=0, description="still down")
    context = CallbackContext(bot.app)
    await flush_outbox(context)  # the first round fails: kept
    assert count(db, "outbox") == 1 and confirmations(bot) == []
    await flush_outbox(context)
    assert len(confirmations(bot)) == 1
    assert count(db, "outbox") == 0


async def test_a_timed_out_confirmation_edit_is_retried_not_sent_again(
    bot: BotHarness, db: sqlite_utils.Database
) -> None:
    """A read timeout on the edit into "Opgeslagen": Telegram may have applied it. The
    outbox does the same edit again; "message is not modified" means it had arrived."""
    await bot.send(REPORT)
    summary, _ = bot.find_button(texts.BUTTON_SAVE)
    tries = bot.app.bot._send_retries + 1  # type: ignore[attr-defined]
    bot.request.fail("editMessageText", tries, status=0, description="ReadTimeout")
    await bot.press(texts.BUTTON_SAVE)
    assert count(db, "outbox") == 1
    edit = bot.request.of("editMessageText")[-1]

    sent_before = len(bot.request.of("sendMessage"))
    not_modified = "Bad Request: message is not modified: specified new message content and"
    bot.request.fail("editMessageText", status=400, description=not_modified)
    await flush_outbox(CallbackContext(bot.app))
    assert count(db, "outbox") == 0
    assert len(bot.request.of("sendMessage")) == sent_before  # no second "Opgeslagen"
    again = bot.request.of("editMessageText")[-1]
    # The very same edit: the same message, text and buttons.
    assert int(again.params["message_id"]) == int(summary.result["message_id"])
    assert again.text == edit.text and again.buttons == edit.buttons


async def test_an_outbox_confirmation_whose_summary_is_gone_comes_as_a_new_message(
    bot: BotHarness, db: sqlite_utils.Database
) -> None:
    await bot.send(REPORT)
    tries = bot.app.bot._send_retries + 1  # type: ignore[attr-defined]
    bot.request.fail("editMessageText", tries, status=0, description="ReadTimeout")
    await bot.press(texts.BUTTON_SAVE)
    edit = bot.request.of("editMessageText")[-1]

    bot.request.fail(
        "editMessageText", status=400, description="Bad Request: message to edit not found"
    )
    await flush_outbox(CallbackContext(bot.app))
    assert count(db, "outbox") == 0
    new = bot.request.of("sendMessage")[-1]
    assert str(new.text).startswith(texts.SAVED)
    assert new.buttons == edit.buttons  # with the buttons a saved report has


async def test_a_quick_report_costs_two_commits_and_two_limited_requests(
    bot: BotHarness, db: sqlite_utils.Database
) -> None:
    statements: list[str] = []
    bot.services.db.conn.set_trace_callback(
        lambda sql: statements.append(" ".join(sql.split()).upper())
    )
    before = len(bot.request.calls)
    await bot.send(REPORT)
    await bot.press(texts.BUTTON_SAVE)
    bot.services.db.conn.set_trace_callback(None)
    assert count(db, "sessions") == 1
    commits = [n for n, sql in enumerate(statements) if sql.startswith("COMMIT")]
    assert len(commits) == 2, statements
    # The draft step commits without waiting for the disk; the saved report waits for it.
    sync = [sql for sql in statements if sql.startswith("PRAGMA SYNCHRONOUS")]
    assert sync == ["PRAGMA SYNCHRONOUS = NORMAL", "PRAGMA SYNCHRONOUS = FULL"]
    draft_commit, report_commit = commits
    assert statements.index("PRAGMA SYNCHRONOUS = FULL") == draft_commit + 1
    assert "INSERT INTO SESSIONS" in " ".join(statements[draft_commit:report_commit])
    calls = bot.request.calls[before:]
    # Requests with a chat_id are the ones Telegram's 30 messages/s applies to.
    limited = [c.method for c in calls if "chat_id" in c.params]
    assert limited == ["sendMessage", "editMessageText"]
    assert [c.method for c in calls if "chat_id" not in c.params] == ["answerCallbackQuery"]


def test_long_texts_are_shortened_with_a_pointer() -> None:
    short = "kort"
    assert fit(short) == short
    lines = "\n".join(f"regel {n}: " + "x" * 60 for n in range(200))
    shortened = fit(lines)
    assert len(shortened) <= MAX_TEXT
    assert shortened.endswith(core_texts.SHORTENED)
    assert "/rapport" in shortened
    # Cut at a line end, never halfway a line.
    body = shortened[: -len(core_texts.SHORTENED)]
    assert body.splitlines()[-1].endswith("x" * 60)


def test_a_summary_with_many_long_quotes_fits_one_message(catalogue: Catalogue) -> None:
    from bot.leader.draft import Draft, DraftQuote

    quote = "Het was een heel fijne ochtend en iedereen deed mee. " * 9  # 477 characters
    draft = Draft(telegram_id=1, person_id=1, activity="lezing", vestiging="diever")
    draft.quotes = [
        DraftQuote(text=quote, attribution="een bezoeker", consent="ja") for _ in range(10)
    ]
    shown = texts.summary(draft, catalogue)
    assert len(shown) < MAX_TEXT - 500  # room for the question around it
    assert shown.count("Citaat: „Het was een heel fijne ochtend") == 10
    assert "(een bezoeker) [" in shown
    draft.quotes = draft.quotes[:2]  # two fit whole
    assert texts.summary(draft, catalogue).count(quote.strip()) == 2


async def test_a_start_redelivered_is_handled_once(
    settings: Settings, catalogue: Catalogue, db: sqlite_utils.Database
) -> None:
    from store.people import create_invite

    harness = BotHarness(settings, catalogue)
    await harness.start()
    try:
        invite = create_invite(db, "leider", gemeente="westerveld", vestiging="havelte")
        update = message_update(f"/start {invite.code}")
        await harness.process(update)
        asked = harness.last_text()
        again = {**update, "update_id": update["update_id"] + 50_000}
        assert await harness.process(again) == []
        assert harness.last_text() == asked  # not "this invite was used already"
    finally:
        await harness.stop()
