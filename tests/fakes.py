"""Driving the real bot without a network: a recording request layer and update builders.

    harness = BotHarness(settings, catalogue)
    await harness.start()                      # initialize + post_init (opens the store)
    await harness.send("/verslag")             # a text message from the default user
    await harness.press("Voorleesuurtje")      # press a button (by label) of the latest keyboard
    harness.texts()                            # every text the bot sent, in order
    await harness.stop()

`RecordingRequest` replaces python-telegram-bot's HTTP layer: every Bot API call is recorded
(`calls`), and plausible results are returned for the methods the bot uses.
"""

from __future__ import annotations

import itertools
import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils
from telegram import Update
from telegram.error import NetworkError
from telegram.ext import Application
from telegram.request import BaseRequest, RequestData

from bot.app import build_application
from bot.core.services import SERVICES_KEY, Services
from ground.settings import Settings
from store.people import Person, create_invite, redeem_invite
from toc.models import Catalogue

BOT_ID = 7000001
BOT_USERNAME = "ImpactbotBot"
# Shaped like a real token, so log tests can check it is masked.
BOT_TOKEN = "7000001:AAHfake-token-for-tests-0123456789abcdef"
USER_ID = 424242

_update_ids = itertools.count(1_000)
# Telegram's limits every request of the bot must keep (tests/conftest.py checks this list).
MAX_TEXT, MAX_CAPTION, MAX_CALLBACK_DATA = 4096, 1024, 64
VIOLATIONS: list[tuple[str, str]] = []


def limit_problems(endpoint: str, params: dict[str, Any]) -> list[str]:
    """What in one request breaks Telegram's documented limits."""
    problems = []
    text = params.get("text")
    if endpoint in ("sendMessage", "editMessageText") and len(str(text or "")) > MAX_TEXT:
        problems.append(f"text of {len(str(text))} characters")
    caption = params.get("caption")
    if caption is not None and len(str(caption)) > MAX_CAPTION:
        problems.append(f"caption of {len(str(caption))} characters")
    markup = params.get("reply_markup")
    if isinstance(markup, str):
        markup = json.loads(markup)
    if isinstance(markup, dict):
        for row in markup.get("inline_keyboard", []):
            for button in row:
                data = button.get("callback_data")
                if data is not None and len(str(data).encode()) > MAX_CALLBACK_DATA:
                    problems.append(f"callback_data {data!r}")
    return problems


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    result: Any = None

    @property
    def text(self) -> str | None:
        return self.params.get("text")

    @property
    def buttons(self) -> list[tuple[str, str]]:
        markup = self.params.get("reply_markup")
        if isinstance(markup, str):
            markup = json.loads(markup)
        if not isinstance(markup, dict):
            return []
        return [
            (b["text"], b.get("callback_data", ""))
            for row in markup.get("inline_keyboard", [])
            for b in row
        ]


class FailOnce(Exception):
    pass


@dataclass
class RecordingRequest(BaseRequest):
    """A BaseRequest that records every call and answers like the Bot API would."""

    calls: list[Call] = field(default_factory=list)
    # method name -> (HTTP status, description) to answer with once, e.g. for error tests.
    failures: dict[str, tuple[int, str]] = field(default_factory=dict)
    # method name -> answers for the next calls, in order; status 0 is a network error
    # (the request never got an answer), see `fail`.
    queued: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    _message_ids: itertools.count = field(default_factory=lambda: itertools.count(1))

    def __hash__(self) -> int:
        return id(self)

    @property
    def read_timeout(self) -> float | None:
        return 1.0

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = None,
        write_timeout: Any = None,
        connect_timeout: Any = None,
        pool_timeout: Any = None,
    ) -> tuple[int, bytes]:
        endpoint = url.rsplit("/", 1)[-1]
        params = dict(request_data.parameters) if request_data else {}
        call = Call(endpoint, params)
        self.calls.append(call)
        problems = limit_problems(endpoint, params)
        if problems:
            VIOLATIONS.extend((endpoint, p) for p in problems)
            body = {"ok": False, "error_code": 400, "description": "Bad Request: " + problems[0]}
            return 400, json.dumps(body).encode()
        if self.queued.get(endpoint):
            status, description = self.queued[endpoint].pop(0)
            if status == 0:
                raise NetworkError(f"httpx.ReadError: {description}")
            body = {"ok": False, "error_code": status, "description": description}
            if status == 429:
                body["parameters"] = {"retry_after": 0}
            return status, json.dumps(body).encode()
        if endpoint in self.failures:
            status, description = self.failures.pop(endpoint)
            body = {"ok": False, "error_code": status, "description": description}
            return status, json.dumps(body).encode()
        call.result = self._result(endpoint, params)
        return 200, json.dumps({"ok": True, "result": call.result}).encode()

    def _message(self, params: dict[str, Any], message_id: int | None = None) -> dict[str, Any]:
        chat_id = int(params.get("chat_id", USER_ID))
        message: dict[str, Any] = {
            "message_id": message_id or next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"},
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "Impactbot"},
            "text": params.get("text", ""),
        }
        if params.get("reply_markup"):
            markup = params["reply_markup"]
            message["reply_markup"] = json.loads(markup) if isinstance(markup, str) else markup
        return message

    def _result(self, endpoint: str, params: dict[str, Any]) -> Any:
        if endpoint == "getMe":
            return {
                "id": BOT_ID,
                "is_bot": True,
                "first_name": "Impactbot",
                "username": BOT_USERNAME,
                "can_join_groups": True,
                "can_read_all_group_messages": False,
                "supports_inline_queries": False,
            }
        if endpoint == "sendMessage":
            return self._message(params)
        if endpoint == "sendPhoto":
            message = self._message(params)
            size = {"file_id": "photo", "file_unique_id": "photo", "width": 410, "height": 410}
            return {**message, "photo": [size], "caption": params.get("caption", "")}
        if endpoint in ("editMessageText", "editMessageReplyMarkup"):
            return self._message(params, int(params.get("message_id", 0)) or None)
        if endpoint == "getUpdates":
            return []
        return True

    def fail(self, method: str, times: int = 1, status: int = 0, description: str = "") -> None:
        """The next `times` calls of `method` fail: status 0 a network error, 429 a rate
        limit (retry_after 0), anything else a Bot API error with `description`."""
        self.queued.setdefault(method, []).extend([(status, description)] * times)

    # -- reading what happened ------------------------------------------------------------

    def of(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]


def message_update(
    text: str,
    *,
    user_id: int = USER_ID,
    chat_id: int | None = None,
    chat_type: str = "private",
    first_name: str = "Ana",
    update_id: int | None = None,
    reply_to: int | None = None,
) -> dict[str, Any]:
    """A new text message; `reply_to` makes it a reply to the bot's message with that id."""
    chat_id = user_id if chat_id is None else chat_id
    message: dict[str, Any] = {
        "message_id": next(_update_ids),
        "date": int(time.time()),
        "chat": {"id": chat_id, "type": chat_type},
        "from": {"id": user_id, "is_bot": False, "first_name": first_name},
        "text": text,
    }
    if chat_type != "private":
        message["chat"]["title"] = "Team"
    if reply_to is not None:
        message["reply_to_message"] = {
            "message_id": reply_to,
            "date": int(time.time()),
            "chat": message["chat"],
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "Impactbot"},
            "text": "",
        }
    if text.startswith("/"):
        length = len(text.split()[0])
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
    return {"update_id": update_id or next(_update_ids), "message": message}


def callback_update(
    data: str,
    *,
    message_id: int,
    message_text: str = "",
    user_id: int = USER_ID,
    chat_id: int | None = None,
    chat_type: str = "private",
    update_id: int | None = None,
) -> dict[str, Any]:
    chat_id = user_id if chat_id is None else chat_id
    return {
        "update_id": update_id or next(_update_ids),
        "callback_query": {
            "id": str(next(_update_ids)),
            "from": {"id": user_id, "is_bot": False, "first_name": "Ana"},
            "chat_instance": "ci",
            "data": data,
            "message": {
                "message_id": message_id,
                "date": int(time.time()),
                "chat": {"id": chat_id, "type": chat_type},
                "from": {"id": BOT_ID, "is_bot": True, "first_name": "Impactbot"},
                "text": message_text,
            },
        },
    }


def register_person(
    db: Any,
    telegram_id: int = USER_ID,
    role: str = "leider",
    gemeente: str | None = "westerveld",
    vestiging: str | None = "havelte",
    name: str = "Ana",
) -> Person:
    invite = create_invite(db, role, gemeente=gemeente, vestiging=vestiging)  # type: ignore[arg-type]
    return redeem_invite(db, invite.code, telegram_id, name)


class BotHarness:
    """The real Application on a real database file, with the recording request layer."""

    def __init__(
        self,
        settings: Settings,
        catalogue: Catalogue | None = None,
        db_path: str | Path | None = None,
        user_id: int = USER_ID,
    ) -> None:
        self.request = RecordingRequest()
        self.user_id = user_id
        self.app: Application = build_application(
            settings,
            catalogue=catalogue,
            db_path=db_path,
            request=self.request,
            get_updates_request=RecordingRequest(),
        )
        self.presses = 0
        self.typed = 0

    @property
    def services(self) -> Services:
        return self.app.bot_data[SERVICES_KEY]

    async def start(self) -> None:
        await self.app.initialize()
        assert self.app.post_init is not None
        await self.app.post_init(self.app)

    async def stop(self) -> None:
        if self.app.post_shutdown is not None:
            await self.app.post_shutdown(self.app)
        await self.app.shutdown()

    async def process(self, data: dict[str, Any]) -> list[Call]:
        before = len(self.request.calls)
        await self.app.process_update(Update.de_json(data, self.app.bot))
        return self.request.calls[before:]

    async def send(self, text: str, **kwargs: Any) -> list[Call]:
        kwargs.setdefault("user_id", self.user_id)
        if not text.startswith("/"):
            self.typed += 1
        return await self.process(message_update(text, **kwargs))

    def find_button(self, label: str) -> tuple[Call, str]:
        """The newest keyboard holding a button whose label contains `label`."""
        for call in reversed(self.request.calls):
            if call.method not in ("sendMessage", "editMessageText", "editMessageReplyMarkup"):
                continue
            for text, data in call.buttons:
                if label in text:
                    return call, data
        raise AssertionError(f"no button {label!r}; last texts: {self.texts()[-3:]}")

    async def press(self, label: str, **kwargs: Any) -> list[Call]:
        call, data = self.find_button(label)
        return await self.press_data(data, message_id=self._message_id(call), **kwargs)

    async def press_data(self, data: str, message_id: int = 1, **kwargs: Any) -> list[Call]:
        kwargs.setdefault("user_id", self.user_id)
        self.presses += 1
        return await self.process(callback_update(data, message_id=message_id, **kwargs))

    @staticmethod
    def _message_id(call: Call) -> int:
        if call.method == "sendMessage":
            return int(call.result["message_id"])
        return int(call.params["message_id"])

    def texts(self, chat_id: int | None = None) -> list[str]:
        """What the person reads, in order: sent messages and messages edited into new text
        (a confirmation replaces its summary)."""
        return [
            str(c.text)
            for c in self.request.calls
            if c.method in ("sendMessage", "editMessageText")
            and c.result is not None
            and (chat_id is None or int(c.params["chat_id"]) == chat_id)
        ]

    def last_text(self) -> str:
        return self.texts()[-1]

    def answers(self) -> list[str]:
        """Texts shown on button presses (answerCallbackQuery)."""
        return [str(c.params.get("text", "")) for c in self.request.of("answerCallbackQuery")]


def count(db: sqlite_utils.Database, table: str) -> int:
    """Rows in a table of the real test database."""
    return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
