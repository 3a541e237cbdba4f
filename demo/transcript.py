"""What the bot did in a chat, as lines for a terminal: shared by the chat and the tour.

`ChatLog` follows the stand-in: new bot messages, edits that change what a person sees, and
the short notices a button press can get ("Deze knop is verlopen."). `render` turns them into
text with numbered buttons, and `save_document` writes a file the bot sent.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from standin import ChatMessage, StandIn

BOT = "Bot"
INDENT = " " * 8
WIDTH = 88


@dataclass(frozen=True)
class Event:
    chat_id: int
    kind: Literal["new", "edit", "notice"]
    message: ChatMessage | None = None
    text: str | None = None


@dataclass
class _Seen:
    edits: int
    text: str | None
    labels: tuple[str, ...]


class ChatLog:
    """New things the bot did since the last `take()`, per chat. Thread-safe reads only."""

    def __init__(self, standin: StandIn) -> None:
        self.standin = standin
        self._seen: dict[tuple[int, int], _Seen] = {}
        self._answered = 0

    def mark(self) -> tuple[int, int]:
        """A cheap fingerprint of the stand-in: changes whenever the bot sends or answers."""
        state = self.standin.state
        with state.lock:
            return state.seq, len(state.answered)

    def take(self, chat_ids: list[int]) -> list[Event]:
        events: list[Event] = []
        for chat_id in chat_ids:
            for message in self.standin.sent(chat_id):
                key = (chat_id, message.message_id)
                seen = self._seen.get(key)
                now = _Seen(message.edits, message.text, tuple(message.button_labels))
                self._seen[key] = now
                if seen is None:
                    events.append(Event(chat_id, "new", message))
                elif message.edits != seen.edits and _visible_change(seen, now):
                    events.append(Event(chat_id, "edit", message))
        answered = self.standin.answered_callbacks
        for answer in answered[self._answered :]:
            if answer.text and answer.chat_id in chat_ids:
                events.append(Event(answer.chat_id, "notice", text=answer.text))
        self._answered = len(answered)
        return events

    def wait(self, since: tuple[int, int], timeout: float) -> bool:
        """Block until the bot did something after `since` (a `mark()`); False on timeout."""
        return self.standin.state.wait_until(lambda: self.mark() != since, timeout)


def _visible_change(before: _Seen, after: _Seen) -> bool:
    """An edit that only removes the buttons of an answered question is not worth showing."""
    if before.text != after.text:
        return True
    return bool(after.labels) and after.labels != before.labels


def numbered_buttons(message: ChatMessage) -> list[tuple[int, str, str]]:
    """(number, label, callback data) for every button with data, numbered from 1."""
    found: list[tuple[int, str, str]] = []
    for row in message.buttons:
        for button in row:
            if button.callback_data is not None:
                found.append((len(found) + 1, button.text, button.callback_data))
    return found


def _wrap(text: str, first: str) -> list[str]:
    lines: list[str] = []
    for n, paragraph in enumerate(text.splitlines() or [""]):
        prefix = first if n == 0 else INDENT
        wrapped = textwrap.wrap(
            paragraph, WIDTH, initial_indent=prefix, subsequent_indent=INDENT
        ) or [prefix.rstrip()]
        lines.extend(wrapped)
    return lines


def speaker(name: str) -> str:
    return f"{name:<5} › "


def render(event: Event, saved: Path | None = None) -> list[str]:
    """The lines a person sees for one event; buttons as [1] [2] … per row."""
    if event.kind == "notice":
        return _wrap(f"(melding) {event.text}", speaker(BOT))
    message = event.message
    assert message is not None
    lines: list[str] = []
    if message.document is not None:
        doc = message.document
        name = doc.filename or "bestand"
        where = f"bewaard als {saved}" if saved else "niet bewaard"
        size = f"{max(1, round(len(doc.data) / 1024))} kB"
        lines += _wrap(f"📎 {name} ({size}), {where}", speaker(BOT))
        if message.caption:
            lines += _wrap(message.caption, INDENT)
    else:
        text = message.text or ""
        if event.kind == "edit":
            text = f"(aangepast) {text}"
        lines += _wrap(text, speaker(BOT))
    number = 0
    for row in message.buttons:
        cells = []
        for button in row:
            if button.callback_data is None:
                cells.append(f"[link] {button.text}")
                continue
            number += 1
            cells.append(f"[{number}] {button.text}")
        lines += _wrap("  ".join(cells), INDENT)
    return lines


def save_document(message: ChatMessage, folder: Path) -> Path | None:
    """Write the file in `message` to `folder` (never overwriting); its path, or None."""
    doc = message.document
    if doc is None or not doc.data:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    name = Path(doc.filename or f"bestand-{message.message_id}").name
    target = folder / name
    stem, suffix, n = target.stem, target.suffix, 1
    while target.exists():
        n += 1
        target = folder / f"{stem}-{n}{suffix}"
    target.write_bytes(doc.data)
    return target
