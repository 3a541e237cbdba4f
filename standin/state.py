"""The stand-in's memory: chats, the update queue, and what the bot did. Thread-safe.

The HTTP threads (the bot's requests) and the controller (a test, the terminal chat, a
benchmark) share one lock; a condition variable wakes long polls and waiting controllers.
The update queue (what users send, getUpdates and webhook delivery) is in updates.py.
"""

from __future__ import annotations

import copy
import itertools
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from standin.faults import Fault
from standin.model import AnsweredCallback, ApiError, Call, ChatMessage, HandlingTime
from standin.updates import UpdateQueue


@dataclass
class Chat:
    id: int
    type: str
    api: dict[str, Any]
    messages: dict[int, ChatMessage] = field(default_factory=dict)
    next_message_id: int = 1
    # (sequence number, snapshot) for every message the bot sent or edited in this chat.
    events: list[tuple[int, ChatMessage]] = field(default_factory=list)
    # wait_for_bot_message returns events after this sequence number.
    cursor: int = 0


@dataclass
class Query:
    chat_id: int | None
    message_id: int | None
    data: str | None
    answered: bool = False
    created: float = field(default_factory=time.monotonic)


class BotApiState(UpdateQueue):
    def __init__(self, token: str, username: str, first_name: str) -> None:
        self.token = token
        head = token.split(":", 1)[0]
        self.bot_user: dict[str, Any] = {
            "id": int(head) if head.isdigit() else 1,
            "is_bot": True,
            "first_name": first_name,
            "username": username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }
        self.lock = threading.RLock()
        self.changed = threading.Condition(self.lock)
        self.closing = False
        self.commands: dict[str, list[dict[str, Any]]] = {}
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._query_ids = itertools.count(1)
        self._file_ids = itertools.count(1)
        # Files a user sent (photos): file_id -> bytes, served by getFile and /file/bot<token>/.
        self.user_files: dict[str, bytes] = {}
        self.seq = 0  # numbers every bot send/edit, for wait_for_bot_message
        self.polls_started = 0
        self._allowed: list[str] = []
        self.chats: dict[int, Chat] = {}
        self._users: dict[int, dict[str, Any]] = {}
        self.queries: dict[str, Query] = {}
        self._handed_out: dict[int, tuple[int, str, float]] = {}
        # How often each update id was handed out by getUpdates (more than once: not confirmed).
        self.deliveries: dict[int, int] = {}
        self._pending: dict[int, list[int]] = {}  # chat id -> handed-out unanswered update ids
        self.handling_times: list[HandlingTime] = []
        self.calls: list[Call] = []
        self.answered: list[AnsweredCallback] = []
        # setWebhook: {"url": ..., "secret_token": ...}; None is long polling.
        self.webhook: dict[str, Any] | None = None
        self.webhook_posts: list[tuple[int, int]] = []  # (update id, HTTP status)
        # Injected failures per method (lower case), and users who blocked the bot.
        self.faults: dict[str, list[Fault]] = {}
        self.blocked: set[int] = set()
        # Seconds a callback query can be answered (Telegram: some seconds, not documented).
        self.query_ttl: float = 15.0

    # --- users and chats -----------------------------------------------------------------

    def user(self, user_id: int, first_name: str | None = None, **extra: Any) -> dict[str, Any]:
        with self.lock:
            known = self._users.get(user_id)
            if known is None or first_name or extra:
                known = {
                    "id": user_id,
                    "is_bot": False,
                    "first_name": first_name
                    or (known or {}).get("first_name")
                    or f"Gebruiker {user_id}",
                    "language_code": "nl",
                    **extra,
                }
                self._users[user_id] = known
            return dict(known)

    def chat(self, chat_id: int, chat_type: str = "private", user_id: int | None = None) -> Chat:
        with self.lock:
            chat = self.chats.get(chat_id)
            if chat is None:
                if chat_type == "private":
                    user = self.user(user_id if user_id is not None else chat_id)
                    api = {"id": chat_id, "type": "private", "first_name": user["first_name"]}
                else:
                    api = {"id": chat_id, "type": chat_type, "title": f"Groep {chat_id}"}
                chat = self.chats[chat_id] = Chat(chat_id, chat_type, api)
            return chat

    def check_not_blocked(self, chat_id: int) -> None:
        from standin.faults import BLOCKED

        if chat_id in self.blocked:
            raise ApiError(*BLOCKED)

    def set_allowed(self, allowed: list[str]) -> None:
        with self.lock:
            self._allowed = list(allowed)

    def drop_pending(self) -> None:
        with self.lock:
            self._updates = []

    def existing_chat(self, chat_id: Any) -> Chat:
        if isinstance(chat_id, bool) or not isinstance(chat_id, int):
            raise ApiError(400, "Bad Request: chat not found")
        chat = self.chats.get(chat_id)
        if chat is None:
            raise ApiError(400, "Bad Request: chat not found")
        return chat

    def message(self, chat_id: int, message_id: int) -> ChatMessage | None:
        with self.lock:
            chat = self.chats.get(chat_id)
            return chat.messages.get(message_id) if chat else None

    def history(self, chat_id: int) -> list[ChatMessage]:
        with self.lock:
            chat = self.chats.get(chat_id)
            return [m for m in chat.messages.values() if not m.deleted] if chat else []

    def take_fault(self, method: str) -> Fault | None:
        with self.lock:
            waiting = self.faults.get(method.lower())
            return waiting.pop(0) if waiting else None

    # --- outgoing (bot -> user) ------------------------------------------------------------

    def bot_message(self, chat: Chat, **fields: Any) -> ChatMessage:
        """Store a new bot message in `chat`; `fields` are ChatMessage fields plus `api` extras."""
        with self.lock:
            extra = fields.pop("api_extra", {})
            message_id = chat.next_message_id
            chat.next_message_id += 1
            if fields.get("document") is not None:
                fields["document"] = replace(fields["document"], message_id=message_id)
            now = int(time.time())
            api: dict[str, Any] = {
                "message_id": message_id,
                "date": now,
                "chat": dict(chat.api),
                "from": dict(self.bot_user),
            }
            if fields.get("text") is not None:
                api["text"] = fields["text"]
            if fields.get("caption") is not None:
                api["caption"] = fields["caption"]
            if fields.get("reply_markup"):
                api["reply_markup"] = fields["reply_markup"]
            api.update(extra)
            message = ChatMessage(
                chat_id=chat.id, message_id=message_id, from_bot=True, date=now, api=api, **fields
            )
            self._record(chat, message)
            return message

    def bot_edit(self, chat: Chat, message_id: Any, **changes: Any) -> ChatMessage:
        with self.lock:
            old = chat.messages.get(message_id) if isinstance(message_id, int) else None
            if old is None or old.deleted:
                raise ApiError(400, "Bad Request: message to edit not found")
            if not old.from_bot:
                raise ApiError(400, "Bad Request: message can't be edited")
            new = replace(old, **changes)
            if (
                new.text == old.text
                and new.reply_markup == old.reply_markup
                and (new.caption == old.caption)
            ):
                raise ApiError(
                    400,
                    "Bad Request: message is not modified: specified new message content and "
                    "reply markup are exactly the same as a current content and reply markup "
                    "of the message",
                )
            now = int(time.time())
            api = copy.deepcopy(old.api)
            api["edit_date"] = now
            for key in ("text", "caption", "reply_markup"):
                value = getattr(new, key)
                if value is None:
                    api.pop(key, None)
                else:
                    api[key] = value
            new = replace(new, edit_date=now, edits=old.edits + 1, api=api)
            self._record(chat, new)
            return new

    def bot_delete(self, chat: Chat, message_id: Any) -> None:
        with self.lock:
            old = chat.messages.get(message_id) if isinstance(message_id, int) else None
            if old is None or old.deleted:
                raise ApiError(400, "Bad Request: message to delete not found")
            self._record(chat, replace(old, deleted=True))

    def _record(self, chat: Chat, message: ChatMessage) -> None:
        chat.messages[message.message_id] = message
        self.seq += 1
        chat.events.append((self.seq, message))
        self.changed.notify_all()

    def answer_query(self, query_id: Any, text: str | None, show_alert: bool) -> None:
        with self.lock:
            query = self.queries.get(str(query_id))
            expired = query is not None and time.monotonic() - query.created > self.query_ttl
            if query is None or query.answered or expired:
                raise ApiError(
                    400,
                    "Bad Request: query is too old and response timeout expired or query ID is "
                    "invalid",
                )
            query.answered = True
            self.answered.append(
                AnsweredCallback(
                    str(query_id),
                    query.chat_id,
                    query.message_id,
                    query.data,
                    text,
                    show_alert,
                    time.time(),
                )
            )
            self.changed.notify_all()
        self.responded(query.chat_id, "answerCallbackQuery")

    def new_query_id(self) -> str:
        with self.lock:
            return f"{self.bot_user['id']}{next(self._query_ids):08d}"

    def new_file_id(self) -> str:
        with self.lock:
            return f"standin-file-{next(self._file_ids)}"

    # --- what the controller waits for -----------------------------------------------------

    def wait_for_bot_message(
        self,
        chat_id: int,
        predicate: Callable[[ChatMessage], bool] | None,
        timeout: float,
    ) -> ChatMessage:
        """The first bot send/edit in `chat_id` after the last user action (or the last one
        returned here) that satisfies `predicate`."""
        deadline = time.monotonic() + timeout
        with self.lock:
            chat = self.chat(chat_id)
            while True:
                for seq, message in chat.events:
                    if seq > chat.cursor and (predicate is None or predicate(message)):
                        chat.cursor = seq
                        return message
                remaining = deadline - time.monotonic()
                if remaining <= 0 or self.closing:
                    shown = [m.text for _, m in chat.events[-3:]]
                    raise TimeoutError(
                        f"no matching bot message in chat {chat_id} within {timeout}s "
                        f"(last bot messages: {shown})"
                    )
                self.changed.wait(remaining)

    def wait_until(self, condition: Callable[[], bool], timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        with self.lock:
            while not condition():
                remaining = deadline - time.monotonic()
                if remaining <= 0 or self.closing:
                    return False
                self.changed.wait(remaining)
            return True

    def log_call(self, call: Call) -> None:
        with self.lock:
            self.calls.append(call)
            self.changed.notify_all()

    def close(self) -> None:
        with self.lock:
            self.closing = True
            self.changed.notify_all()
