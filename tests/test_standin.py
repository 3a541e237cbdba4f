"""The Telegram stand-in, driven by a real python-telegram-bot Application over loopback HTTP."""

from __future__ import annotations

import asyncio
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import AsyncIterator, Iterator

import pytest
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from standin import StandIn

TOKEN = "123:ABC"


async def _start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_message is not None
    code = " ".join(context.args or []) or "-"
    keyboard = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton("Ja", callback_data="ja"),
                InlineKeyboardButton("Nee", callback_data="nee"),
            ]
        ]
    )
    await update.effective_message.reply_text(f"Welkom! Code: {code}", reply_markup=keyboard)


async def _echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_message is not None
    text = update.effective_message.text or ""
    if text == "rapport":
        await update.effective_message.reply_document(
            b"jaar;deelnemers\n2025;12\n", filename="rapport-2025.csv", caption="Je rapport"
        )
        return
    await update.effective_message.reply_text(f"Je zei: {text}", parse_mode="HTML")


async def _edited(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.edited_message is not None
    await update.edited_message.reply_text(f"Aangepast: {update.edited_message.text}")


async def _other(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_message is not None
    kind = "sticker" if update.effective_message.sticker else "foto"
    await update.effective_message.reply_text(f"Dank voor je {kind}")


async def _button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None
    await query.answer(f"Gekozen: {query.data}")
    await query.edit_message_text(f"Je koos {query.data}.")


def _build(standin: StandIn) -> Application:
    app = ApplicationBuilder().token(TOKEN).base_url(standin.base_url).build()
    app.add_handler(CommandHandler("start", _start))
    app.add_handler(MessageHandler(filters.UpdateType.EDITED_MESSAGE, _edited))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, _echo))
    app.add_handler(MessageHandler(filters.Sticker.ALL | filters.PHOTO, _other))
    app.add_handler(CallbackQueryHandler(_button))
    return app


@pytest.fixture
def standin() -> Iterator[StandIn]:
    with StandIn(token=TOKEN) as server:
        yield server


@pytest.fixture
async def bot(standin: StandIn) -> AsyncIterator[Application]:
    app = _build(standin)
    await app.initialize()
    await app.start()
    assert app.updater is not None
    await app.updater.start_polling(poll_interval=0, timeout=1)
    try:
        yield app
    finally:
        await app.updater.stop()
        await app.stop()
        await app.shutdown()


async def test_command_reply_and_button_edit(standin: StandIn, bot: Application) -> None:
    anne = standin.user(1001, "Anne")
    anne.send("/start abc123")
    welcome = await anne.wait_async()
    assert welcome.text == "Welkom! Code: abc123"
    assert welcome.button_labels == ["Ja", "Nee"]
    assert welcome.api["from"]["is_bot"] is True

    query_id = anne.press(welcome, "ja")
    edited = await anne.wait_async()
    assert edited.message_id == welcome.message_id
    assert edited.text == "Je koos ja."
    assert edited.buttons == []  # editMessageText without reply_markup drops the keyboard
    assert edited.edits == 1
    assert standin.last_bot_message(1001) == edited
    await asyncio.to_thread(standin.wait_for_call, "answerCallbackQuery")
    [answer] = standin.answered_callbacks
    assert (answer.callback_query_id, answer.text, answer.data) == (query_id, "Gekozen: ja", "ja")
    # The keyboard is gone, so a real client could not press it again.
    with pytest.raises(ValueError, match="no button"):
        anne.press(welcome, "nee")


async def test_offsets_confirm_updates_without_redelivery(
    standin: StandIn, bot: Application
) -> None:
    ids = [standin.send_text(2002, f"bericht {n}") for n in range(3)]
    replies = [await standin.wait_for_bot_message_async(2002) for _ in ids]
    assert [r.text for r in replies] == [f"Je zei: bericht {n}" for n in range(3)]
    # The next long poll confirms them; nothing is handed out twice.
    await asyncio.to_thread(standin.state.wait_until, lambda: standin.pending_updates() == 0, 3)
    assert standin.pending_updates() == 0
    await asyncio.sleep(0.2)
    assert len(standin.sent(2002)) == 3
    assert standin.deliveries() == {1: 1, 2: 1, 3: 1}
    # Each update got one handling time, from hand-out to the first reply in the chat.
    times = [t for t in standin.handling_times if t.chat_id == 2002]
    assert sorted(t.update_id for t in times) == [1, 2, 3]
    assert all(0 <= t.seconds < 3 and t.method == "sendMessage" for t in times)
    # Both directions are kept in the chat, with Telegram-style message ids.
    history = standin.history(2002)
    assert sum(m.from_bot for m in history) == 3
    assert [m.message_id for m in history] == list(range(1, 7))
    assert sorted(ids) == [m.message_id for m in history if not m.from_bot]


async def test_edits_stickers_and_photos(standin: StandIn, bot: Application) -> None:
    message_id = standin.send_text(3003, "Voorleesuurtje 12")
    await standin.wait_for_bot_message_async(3003)
    standin.edit_text(3003, message_id, "Voorleesuurtje 14")
    assert (await standin.wait_for_bot_message_async(3003)).text == "Aangepast: Voorleesuurtje 14"
    assert standin.message(3003, message_id).text == "Voorleesuurtje 14"
    standin.send_sticker(3003)
    assert (await standin.wait_for_bot_message_async(3003)).text == "Dank voor je sticker"
    standin.send_photo(3003, caption="De groep")
    assert (await standin.wait_for_bot_message_async(3003)).text == "Dank voor je foto"


async def test_send_document_arrives_with_filename_and_bytes(
    standin: StandIn, bot: Application
) -> None:
    standin.send_text(4004, "rapport")
    message = await standin.wait_for_bot_message_async(4004)
    [document] = standin.documents(4004)
    assert document.message_id == message.message_id
    assert document.filename == "rapport-2025.csv"
    assert document.data == b"jaar;deelnemers\n2025;12\n"
    assert document.caption == "Je rapport"
    assert message.api["document"]["file_size"] == len(document.data)
    sent = await bot.bot.send_document(4004, "één twee".encode(), filename="verslag-één.txt")
    assert sent.document is not None and sent.document.file_name == "verslag-één.txt"
    assert standin.documents(4004)[-1].data == "één twee".encode()


@pytest.mark.breaks_telegram_limits
async def test_telegram_refusals_reach_the_bot(standin: StandIn, bot: Application) -> None:
    standin.send_text(5005, "hallo")
    reply = await standin.wait_for_bot_message_async(5005)
    with pytest.raises(BadRequest, match="(?i)can't parse entities"):
        await bot.bot.send_message(5005, "a <script> b", parse_mode="HTML")
    with pytest.raises(BadRequest, match="(?i)button_data_invalid"):
        await bot.bot.send_message(
            5005,
            "te lang",
            reply_markup=InlineKeyboardMarkup(
                [[InlineKeyboardButton("x", callback_data="x" * 65)]]
            ),
        )
    with pytest.raises(BadRequest, match="(?i)not modified"):
        await bot.bot.edit_message_text(reply.text or "", chat_id=5005, message_id=reply.message_id)
    with pytest.raises(BadRequest, match="(?i)too long"):
        await bot.bot.send_message(5005, "x" * 4097)
    with pytest.raises(BadRequest, match="(?i)chat not found"):
        await bot.bot.send_message(999, "niemand")
    html = await bot.bot.send_message(5005, "<b>Opgeslagen</b> &amp; klaar", parse_mode="HTML")
    assert html.text == "Opgeslagen & klaar"
    assert standin.last_bot_message(5005).source_text == "<b>Opgeslagen</b> &amp; klaar"


async def test_commands_and_chat_actions(standin: StandIn, bot: Application) -> None:
    from telegram import BotCommand

    await bot.bot.set_my_commands([BotCommand("verslag", "Een activiteit melden")])
    assert standin.commands() == [{"command": "verslag", "description": "Een activiteit melden"}]
    assert [c.command for c in await bot.bot.get_my_commands()] == ["verslag"]
    with pytest.raises(BadRequest, match="(?i)bot_command_invalid"):
        await bot.bot.set_my_commands([BotCommand("Verslag!", "fout")])
    await bot.bot.delete_my_commands()
    assert standin.commands() == []
    standin.send_text(6006, "hoi")
    await standin.wait_for_bot_message_async(6006)
    assert await bot.bot.send_chat_action(6006, "typing") is True
    info = await bot.bot.get_webhook_info()
    assert info.url == ""


def _post(standin: StandIn, method: str, params: dict, token: str = TOKEN) -> tuple[int, dict]:
    request = urllib.request.Request(
        f"{standin.base_url}{token}/{method}",
        data=json.dumps(params).encode(),
        headers={"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        with error:
            return error.code, json.loads(error.read())


def test_unknown_method_wrong_token_and_remote_webhook_are_refused(standin: StandIn) -> None:
    assert _post(standin, "sendPoll", {"chat_id": 1}) == (
        404,
        {"ok": False, "error_code": 404, "description": "Not Found: method sendPoll"},
    )
    status, body = _post(standin, "getMe", {}, token="999:XYZ")
    assert (status, body["ok"], body["error_code"]) == (401, False, 401)
    status, body = _post(standin, "setWebhook", {"url": "https://example.org/hook"})
    assert status == 400 and body["ok"] is False and "loopback" in body["description"]
    status, body = _post(standin, "getMe", {})
    assert status == 200 and body["result"]["id"] == 123 and body["result"]["is_bot"]
    assert [(c.method, c.ok) for c in standin.calls] == [
        ("sendPoll", False),
        ("setWebhook", False),
        ("getMe", True),
    ]


def test_long_poll_waits_and_returns_promptly(standin: StandIn) -> None:
    started = time.monotonic()
    assert _post(standin, "getUpdates", {"timeout": 1}) == (200, {"ok": True, "result": []})
    assert 0.9 <= time.monotonic() - started < 2

    result: list[tuple[int, dict]] = []
    poller = threading.Thread(
        target=lambda: result.append(_post(standin, "getUpdates", {"timeout": 5}))
    )
    started = time.monotonic()
    poller.start()
    time.sleep(0.2)
    update_id = standin.send_text(7007, "nu")
    poller.join(3)
    elapsed = time.monotonic() - started
    assert elapsed < 1, elapsed
    [(status, body)] = result
    assert status == 200 and [u["message"]["text"] for u in body["result"]] == ["nu"]
    assert update_id == 1
    # Not confirmed yet: handed out again; an offset past it confirms it.
    assert len(_post(standin, "getUpdates", {"timeout": 0})[1]["result"]) == 1
    assert _post(standin, "getUpdates", {"offset": 2, "timeout": 0})[1]["result"] == []
    assert standin.pending_updates() == 0


def test_second_long_poll_terminates_the_first(standin: StandIn) -> None:
    result: list[tuple[int, dict]] = []
    first = threading.Thread(
        target=lambda: result.append(_post(standin, "getUpdates", {"timeout": 5}))
    )
    first.start()
    assert standin.state.wait_until(lambda: standin.state.polls_started == 1, 2)
    assert _post(standin, "getUpdates", {"timeout": 0})[0] == 200
    first.join(3)
    [(status, body)] = result
    assert status == 409 and "Conflict" in body["description"]


def test_form_and_query_parameters_are_decoded(standin: StandIn) -> None:
    standin.user(8008, "Berend")
    standin.send_text(8008, "hoi")
    markup = json.dumps({"inline_keyboard": [[{"text": "Ja", "callback_data": "1"}]]})
    body = urllib.parse.urlencode({"chat_id": "8008", "text": "123", "reply_markup": markup})
    request = urllib.request.Request(
        f"{standin.base_url}{TOKEN}/sendMessage",
        data=body.encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    with urllib.request.urlopen(request, timeout=5) as response:
        result = json.loads(response.read())["result"]
    assert result["text"] == "123" and result["chat"]["id"] == 8008
    assert standin.last_bot_message(8008).callback_data == ["1"]
    with urllib.request.urlopen(f"{standin.base_url}{TOKEN}/getMe?x=1", timeout=5) as response:
        assert json.loads(response.read())["result"]["username"] == "ImpactbotBot"


async def test_stops_cleanly(standin: StandIn) -> None:
    app = _build(standin)
    await app.initialize()
    await app.start()
    assert app.updater is not None
    await app.updater.start_polling(poll_interval=0, timeout=1)
    standin.send_text(9009, "laatste")
    assert (await standin.wait_for_bot_message_async(9009)).text == "Je zei: laatste"
    started = time.monotonic()
    await app.updater.stop()
    await app.stop()
    await app.shutdown()
    standin.stop()
    assert time.monotonic() - started < 1.5
    assert not [t for t in threading.enumerate() if t.name == "telegram-standin"]
    assert standin.pending_updates() == 0


async def test_bot_may_message_a_user_who_started_it_before(
    standin: StandIn, bot: Application
) -> None:
    anne = standin.user(1212, "Anne")
    await bot.bot.send_message(1212, "Herinnering: hoe ging het Voorleesuurtje?")
    reminder = await anne.wait_async()
    assert reminder.text == "Herinnering: hoe ging het Voorleesuurtje?"
    assert reminder.api["chat"] == {"id": 1212, "type": "private", "first_name": "Anne"}


def test_webhook_blocks_long_polling_and_long_texts_cannot_be_sent(standin: StandIn) -> None:
    status, body = _post(
        standin, "setWebhook", {"url": "http://127.0.0.1:9/hook", "secret_token": "s"}
    )
    assert (status, body["result"]) == (200, True)
    status, body = _post(standin, "getUpdates", {})
    assert status == 409 and "webhook is active" in body["description"]
    assert _post(standin, "getWebhookInfo", {})[1]["result"]["url"] == "http://127.0.0.1:9/hook"
    _post(standin, "deleteWebhook", {})
    assert _post(standin, "getUpdates", {})[0] == 200
    with pytest.raises(ValueError, match="4096"):
        standin.send_text(5005, "x" * 4097)
    standin.send_text(5005, "x" * 4096)  # the longest a client sends


def test_faults_and_blocked_users(standin: StandIn) -> None:
    standin.send_text(5005, "hallo")
    standin.fail_next("sendMessage", kind="429", retry_after=3)
    status, body = _post(standin, "sendMessage", {"chat_id": 5005, "text": "a"})
    assert status == 429 and body["parameters"] == {"retry_after": 3}
    assert _post(standin, "sendMessage", {"chat_id": 5005, "text": "b"})[0] == 200
    standin.block(5005)
    status, body = _post(standin, "sendMessage", {"chat_id": 5005, "text": "c"})
    assert status == 403 and body["description"] == "Forbidden: bot was blocked by the user"
    with pytest.raises(ValueError):
        standin.fail_next("sendMessage", kind="explode")


def _fetch(url: str) -> bytes:
    with urllib.request.urlopen(url) as response:
        return bytes(response.read())


def test_a_photo_can_be_fetched_with_getfile_and_downloaded(standin: StandIn) -> None:
    """As Telegram: getFile gives a file_path, the bytes come from /file/bot<token>/<path>."""
    standin.send_photo(7, caption="Voorlezen", data=b"\xff\xd8" + b"j" * 5000)
    update = json.loads(_fetch(f"{standin.base_url}{TOKEN}/getUpdates"))["result"][-1]
    sizes = update["message"]["photo"]
    largest = max(sizes, key=lambda p: p["file_size"])
    assert largest["file_size"] == 5002 and update["message"]["caption"] == "Voorlezen"
    found = json.loads(_fetch(f"{standin.base_url}{TOKEN}/getFile?file_id={largest['file_id']}"))[
        "result"
    ]
    base = standin.base_url.removesuffix("/bot")
    assert _fetch(f"{base}/file/bot{TOKEN}/{found['file_path']}") == b"\xff\xd8" + b"j" * 5000
    for wrong in (f"bot{TOKEN}/photos/nothing.jpg", f"botnot-the-token/{found['file_path']}"):
        with pytest.raises(urllib.error.HTTPError) as refused:
            _fetch(f"{base}/file/{wrong}")
        assert refused.value.code == 404
        refused.value.close()
