"""The controller: start the stand-in, act as Telegram users, and look at what the bot did.

    with StandIn() as telegram:
        settings.telegram.base_url = telegram.base_url
        anne = telegram.user(1001, "Anne")
        anne.send("/start abc")
        reply = anne.wait()              # blocking; in async code: await anne.wait_async()
        anne.tap("Voorleesuurtje")       # press a button on the last bot message

Every method is thread-safe. The blocking waits must not run on the bot's event loop; use
the *_async variants there.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import Any

from standin import incoming
from standin.faults import FAULT_KINDS, Fault
from standin.markup import MAX_TEXT, command_entities
from standin.model import AnsweredCallback, Call, ChatMessage, HandlingTime, SentDocument
from standin.server import make_server
from standin.state import BotApiState
from standin.webhook import Deliverer

_LOOPBACK = {"127.0.0.1", "::1", "localhost"}

Predicate = Callable[[ChatMessage], bool] | None


class StandIn:
    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        token: str = "123:ABC",
        *,
        username: str = "ImpactbotBot",
        first_name: str = "Impactbot",
    ) -> None:
        if host not in _LOOPBACK:
            raise ValueError("the Telegram stand-in only listens on the loopback interface")
        self.host = host
        self.token = token
        self.state = BotApiState(token, username, first_name)
        self._server = make_server(host, port, self.state)
        self._thread: threading.Thread | None = None
        self._deliverer = Deliverer(self.state)

    # --- lifecycle -----------------------------------------------------------------------------

    def start(self) -> StandIn:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._server.serve_forever,
                kwargs={"poll_interval": 0.05},
                name="telegram-standin",
                daemon=True,
            )
            self._thread.start()
            self._deliverer.start()
        return self

    def stop(self) -> None:
        """Wake every long poll, stop serving and close the listening socket."""
        self.state.close()
        self._deliverer.join()
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join()
            self._thread = None
        self._server.server_close()

    def __enter__(self) -> StandIn:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        """What goes in settings.telegram.base_url (the token and method are appended)."""
        return f"http://{self.host}:{self.port}/bot"

    @property
    def bot_user(self) -> dict[str, Any]:
        return dict(self.state.bot_user)

    # --- Telegram's bad days (standin/faults.py) ------------------------------------------

    def fail_next(self, method: str, times: int = 1, *, kind: str = "429", retry_after: int = 1):
        """The next `times` requests to `method` fail as `kind` (429, 500, drop, drop_after)."""
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault {kind!r}; one of {FAULT_KINDS}")
        with self.state.lock:
            waiting = self.state.faults.setdefault(method.lower(), [])
            waiting.extend(Fault(kind, retry_after) for _ in range(times))

    def faults_left(self) -> int:
        with self.state.lock:
            return sum(len(f) for f in self.state.faults.values())

    def block(self, user_id: int) -> None:
        """The user blocked the bot: sending to them answers 403."""
        with self.state.lock:
            self.state.blocked.add(user_id)

    def unblock(self, user_id: int) -> None:
        with self.state.lock:
            self.state.blocked.discard(user_id)

    @property
    def webhook_url(self) -> str:
        with self.state.lock:
            return self.state.webhook["url"] if self.state.webhook else ""

    def webhook_posts(self) -> list[tuple[int, int]]:
        """(update id, HTTP status) of every webhook delivery attempt."""
        with self.state.lock:
            return list(self.state.webhook_posts)

    # --- acting as users -------------------------------------------------------------------

    def user(self, user_id: int, first_name: str | None = None, **extra: Any) -> FakeUser:
        """A user who has started the bot before: the bot may send them a message first
        (a reminder), as it may on Telegram."""
        self.state.user(user_id, first_name, **extra)
        self.state.chat(user_id, "private", user_id)
        return FakeUser(self, user_id)

    def send_text(
        self, user_id: int, text: str, chat_type: str = "private", chat_id: int | None = None
    ) -> int:
        """A text message from the user; /commands get their bot_command entity. Like a
        Telegram client, it never sends more than 4096 characters in one message."""
        if len(text) > MAX_TEXT:
            raise ValueError(f"Telegram splits a text over {MAX_TEXT} characters; send parts")
        content: dict[str, Any] = {"text": text}
        if entities := command_entities(text):
            content["entities"] = entities
        return incoming.user_message(
            self.state, user_id, _chat(user_id, chat_type, chat_id), chat_type, content
        )

    def send_sticker(self, user_id: int, emoji: str = "👍", chat_id: int | None = None) -> int:
        sticker = {
            "file_id": "standin-sticker",
            "file_unique_id": "standin-sticker",
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
        }
        return incoming.user_message(
            self.state, user_id, _chat(user_id, "private", chat_id), "private", {"sticker": sticker}
        )

    def send_photo(
        self,
        user_id: int,
        caption: str | None = None,
        chat_id: int | None = None,
        data: bytes | None = None,
    ) -> int:
        """A photo in three sizes, as Telegram sends one. With `data`, the sizes can be
        fetched with getFile and downloaded: the largest is `data`, the smaller ones a part."""
        photo = []
        for size in (90, 320, 1280):
            file_id = f"standin-photo-{size}" if data is None else f"photo-{len(data)}-{size}"
            item = {
                "file_id": file_id,
                "file_unique_id": file_id,
                "width": size,
                "height": size * 3 // 4,
                "file_size": size * 90,
            }
            if data is not None:
                part = data if size == 1280 else data[: max(1, len(data) * size // 1280)]
                self.state.user_files[file_id] = part
                item["file_size"] = len(part)
            photo.append(item)
        content: dict[str, Any] = {"photo": photo}
        if caption:
            content["caption"] = caption
        return incoming.user_message(
            self.state, user_id, _chat(user_id, "private", chat_id), "private", content
        )

    def edit_text(
        self, user_id: int, message_id: int, text: str, chat_id: int | None = None
    ) -> int:
        """The user edits an earlier message: an edited_message update. Returns its update id."""
        return incoming.user_edit(
            self.state, user_id, _chat(user_id, "private", chat_id), message_id, text
        )

    def press(
        self,
        user_id: int,
        message_id: int,
        callback_data: str,
        *,
        chat_id: int | None = None,
        strict: bool = True,
    ) -> str:
        """Press an inline button; returns the callback query id. With strict (the default)
        the button must be on the message as it currently reads, as in a real client."""
        return incoming.press(
            self.state,
            user_id,
            _chat(user_id, "private", chat_id),
            message_id,
            callback_data,
            strict=strict,
        )

    def press_button(
        self, user_id: int, message_id: int, label: str, *, chat_id: int | None = None
    ) -> str:
        """Press the button whose text is (or uniquely contains) `label`."""
        message = self.state.message(_chat(user_id, "private", chat_id), message_id)
        if message is None:
            raise ValueError(f"no message {message_id}")
        data = message.button(label).callback_data
        if data is None:
            raise ValueError(f"button {label!r} has no callback_data")
        return self.press(user_id, message_id, data, chat_id=chat_id)

    def inject(self, update: dict[str, Any]) -> int:
        """Queue any update as given (update_id is added when missing); returns the update id."""
        return self.state.enqueue(update)

    # --- what the bot did ------------------------------------------------------------------

    def history(self, chat_id: int) -> list[ChatMessage]:
        """Every message in the chat, both directions, as it currently reads."""
        return self.state.history(chat_id)

    def sent(self, chat_id: int) -> list[ChatMessage]:
        """The bot's messages in the chat, edits applied, deleted ones left out."""
        return [m for m in self.state.history(chat_id) if m.from_bot]

    def last_bot_message(self, chat_id: int) -> ChatMessage | None:
        sent = self.sent(chat_id)
        return sent[-1] if sent else None

    def message(self, chat_id: int, message_id: int) -> ChatMessage | None:
        return self.state.message(chat_id, message_id)

    def wait_for_bot_message(
        self, chat_id: int, predicate: Predicate = None, timeout: float = 5
    ) -> ChatMessage:
        """Block until the bot sends or edits a message in the chat (matching `predicate`)
        after the user's last action there, or after the message this returned last time.
        Returns the message as it read at that moment. Raises TimeoutError."""
        return self.state.wait_for_bot_message(chat_id, predicate, timeout)

    async def wait_for_bot_message_async(
        self, chat_id: int, predicate: Predicate = None, timeout: float = 5
    ) -> ChatMessage:
        return await asyncio.to_thread(self.wait_for_bot_message, chat_id, predicate, timeout)

    def documents(self, chat_id: int) -> list[SentDocument]:
        return [m.document for m in self.sent(chat_id) if m.document is not None]

    @property
    def calls(self) -> list[Call]:
        with self.state.lock:
            return list(self.state.calls)

    def calls_to(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method.lower() == method.lower()]

    def wait_for_call(self, method: str, count: int = 1, timeout: float = 5) -> list[Call]:
        """Block until the bot has called `method` at least `count` times."""
        if not self.state.wait_until(lambda: len(self.calls_to(method)) >= count, timeout):
            raise TimeoutError(f"{method} was not called {count} times within {timeout}s")
        return self.calls_to(method)

    @property
    def answered_callbacks(self) -> list[AnsweredCallback]:
        with self.state.lock:
            return list(self.state.answered)

    @property
    def handling_times(self) -> list[HandlingTime]:
        """Per handed-out update: seconds until the bot's first response in that chat."""
        with self.state.lock:
            return list(self.state.handling_times)

    def deliveries(self) -> dict[int, int]:
        """Update id -> how often getUpdates handed it out (1 = confirmed after one delivery)."""
        with self.state.lock:
            return dict(self.state.deliveries)

    def pending_updates(self) -> int:
        """Updates not yet confirmed by the bot (getUpdates with a higher offset)."""
        return self.state.pending_updates()

    def commands(self, scope: dict[str, Any] | None = None, language_code: str = "") -> list:
        from standin.methods import get_my_commands

        return get_my_commands(self.state, {"scope": scope, "language_code": language_code}, {})


class FakeUser:
    """One Telegram user in a private chat with the bot."""

    def __init__(self, standin: StandIn, user_id: int) -> None:
        self.standin = standin
        self.id = user_id
        self.chat_id = user_id

    def send(self, text: str) -> int:
        return self.standin.send_text(self.id, text)

    def press(self, message: int | ChatMessage, callback_data: str, *, strict: bool = True) -> str:
        message_id = message if isinstance(message, int) else message.message_id
        return self.standin.press(self.id, message_id, callback_data, strict=strict)

    def tap(self, label: str) -> str:
        """Press the button labelled `label` on the newest bot message that has it."""
        for message in reversed(self.sent()):
            try:
                message.button(label)
            except KeyError:
                continue
            return self.standin.press_button(self.id, message.message_id, label)
        raise KeyError(f"no bot message with a button {label!r}")

    def edit(self, message_id: int, text: str) -> int:
        return self.standin.edit_text(self.id, message_id, text)

    def wait(self, predicate: Predicate = None, timeout: float = 5) -> ChatMessage:
        return self.standin.wait_for_bot_message(self.chat_id, predicate, timeout)

    async def wait_async(self, predicate: Predicate = None, timeout: float = 5) -> ChatMessage:
        return await self.standin.wait_for_bot_message_async(self.chat_id, predicate, timeout)

    def sent(self) -> list[ChatMessage]:
        return self.standin.sent(self.chat_id)

    def last(self) -> ChatMessage | None:
        return self.standin.last_bot_message(self.chat_id)

    def documents(self) -> list[SentDocument]:
        return self.standin.documents(self.chat_id)


def _chat(user_id: int, chat_type: str, chat_id: int | None) -> int:
    if chat_id is not None:
        return chat_id
    return user_id if chat_type == "private" else -abs(user_id)
