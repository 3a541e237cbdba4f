"""What the stand-in remembers: messages in chats, sent files, API calls and timings.

Messages are immutable snapshots: an edit makes a new snapshot, so a test can hold the
message as it was when the bot sent it and compare it with the message after an edit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class ApiError(Exception):
    """A Bot API error response: {"ok": false, "error_code": code, "description": ...}."""

    def __init__(self, code: int, description: str) -> None:
        super().__init__(description)
        self.code = code
        self.description = description


@dataclass(frozen=True)
class Button:
    text: str
    callback_data: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class SentDocument:
    """A file the bot uploaded with sendDocument."""

    chat_id: int
    message_id: int
    filename: str | None
    mime_type: str | None
    data: bytes
    caption: str | None = None
    file_id: str = ""


@dataclass(frozen=True)
class ChatMessage:
    """One message in a chat, in either direction, as it currently reads."""

    chat_id: int
    message_id: int
    from_bot: bool
    date: int
    text: str | None = None
    # What the bot sent before Telegram would parse it (parse_mode HTML keeps the tags here).
    source_text: str | None = None
    parse_mode: str | None = None
    caption: str | None = None
    # Only inline keyboards are part of a Telegram Message; reply keyboards are kept apart.
    reply_markup: dict[str, Any] | None = None
    reply_keyboard: dict[str, Any] | None = None
    document: SentDocument | None = None
    edit_date: int | None = None
    edits: int = 0
    deleted: bool = False
    # The Bot API Message object as the bot got it back (or the update carried it).
    api: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def buttons(self) -> list[list[Button]]:
        """The inline keyboard as rows of buttons (empty without a keyboard)."""
        if not self.reply_markup:
            return []
        return [
            [Button(b.get("text", ""), b.get("callback_data"), b.get("url")) for b in row]
            for row in self.reply_markup.get("inline_keyboard", [])
        ]

    @property
    def button_labels(self) -> list[str]:
        return [b.text for row in self.buttons for b in row]

    @property
    def callback_data(self) -> list[str]:
        return [b.callback_data for row in self.buttons for b in row if b.callback_data]

    def button(self, label: str) -> Button:
        """The button whose text is `label`, or failing that the only one that contains it."""
        flat = [b for row in self.buttons for b in row]
        exact = [b for b in flat if b.text == label]
        if exact:
            return exact[0]
        partial = [b for b in flat if label.lower() in b.text.lower()]
        if len(partial) == 1:
            return partial[0]
        raise KeyError(f"no single button {label!r} in {[b.text for b in flat]}")


@dataclass(frozen=True)
class Call:
    """One Bot API request the bot made. File contents are left out of `params`."""

    method: str
    params: dict[str, Any]
    at: float  # time.time()
    monotonic: float  # time.monotonic(), for durations
    ok: bool = True
    error: str | None = None


@dataclass(frozen=True)
class AnsweredCallback:
    callback_query_id: str
    chat_id: int | None
    message_id: int | None
    data: str | None
    text: str | None
    show_alert: bool
    at: float


@dataclass(frozen=True)
class HandlingTime:
    """From getUpdates handing an update out to the bot's first response to that chat."""

    update_id: int
    chat_id: int
    kind: str  # message, edited_message, callback_query, ...
    handed_out: float  # monotonic
    responded: float  # monotonic
    method: str  # the method of the first response

    @property
    def seconds(self) -> float:
        return self.responded - self.handed_out
