"""What a person's next typed message answers: one record (room, kind, data) per person.

A room that asks a question stores the record with `expect`; the one text router
(`bot.core.routing.TextRouter`) reads it and hands the message to that room's answer for the
kind; the answer, or a button of the room, clears it. Setting a record replaces the one before:
the latest question is the one a person answers.

Two places, by privacy, not by kind:
- a registered person's record sits in python-telegram-bot's user_data, which
  store.persistence keeps over a restart;
- a participant's record stays in the bot's memory (`Memory`), with a time limit: a
  participant leaves no Telegram id in the database. A registered person trying their own
  survey link may have one of each; then only a reply to the participant question
  (`reply_to`) counts as the participant's answer, so a report typed meanwhile is never taken
  for their words, nor their words for a report.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from telegram import Message
from telegram.ext import Application, ContextTypes

KEY = "awaiting"  # in user_data
MEMORY_KEY = "awaiting_in_memory"  # in bot_data (never persisted)


@dataclass
class Awaiting:
    room: str
    kind: str
    data: dict[str, Any] = field(default_factory=dict)
    # Only a reply to this message answers the record (a participant record only).
    reply_to: int | None = None

    def is_answered_by(self, message: Message) -> bool:
        if self.reply_to is None:
            return True
        reply = message.reply_to_message
        return reply is not None and reply.message_id == self.reply_to


# -- registered people: user_data, persisted -------------------------------------------------


def expect(context: ContextTypes.DEFAULT_TYPE, room: str, kind: str, **data: Any) -> None:
    """The person's next typed message answers `kind` of `room` (JSON-safe `data`)."""
    if context.user_data is not None:
        context.user_data[KEY] = {"room": room, "kind": kind, "data": data}


def current(context: ContextTypes.DEFAULT_TYPE) -> Awaiting | None:
    found = context.user_data.get(KEY) if context.user_data else None
    if not isinstance(found, dict):
        return None
    data = found.get("data")
    return Awaiting(
        str(found.get("room")), str(found.get("kind")), data if isinstance(data, dict) else {}
    )


def clear(context: ContextTypes.DEFAULT_TYPE, room: str, *kinds: str) -> Awaiting | None:
    """Drop the record when it is `room`'s (and of one of `kinds`, when given); the dropped
    record, or None. Another room's question stays open."""
    found = current(context)
    if found is None or found.room != room or (kinds and found.kind not in kinds):
        return None
    if context.user_data is not None:
        context.user_data.pop(KEY, None)
    return found


# -- participants: memory only ---------------------------------------------------------------


@dataclass
class Memory:
    """Records kept in the bot's memory for a while, per Telegram user id."""

    waits: dict[int, tuple[Awaiting, float]] = field(default_factory=dict)

    def expect(self, user_id: int, record: Awaiting, seconds: float) -> None:
        self.waits[user_id] = (record, time.monotonic() + seconds)

    def get(self, user_id: int) -> Awaiting | None:
        found = self.waits.get(user_id)
        if found is None:
            return None
        if found[1] < time.monotonic():
            del self.waits[user_id]
            return None
        return found[0]

    def forget(self, user_id: int) -> None:
        self.waits.pop(user_id, None)
        # Drop old records of others on the way: the table only holds people answering now.
        now = time.monotonic()
        for other in [u for u, (_, until) in self.waits.items() if until < now]:
            del self.waits[other]

    def __len__(self) -> int:
        return len(self.waits)


def memory(app: Application) -> Memory:
    found = app.bot_data.get(MEMORY_KEY)
    if not isinstance(found, Memory):
        found = app.bot_data[MEMORY_KEY] = Memory()
    return found


def answered_by(context: ContextTypes.DEFAULT_TYPE, message: Message) -> Awaiting | None:
    """The one record this typed message answers: the in-memory one when the message answers
    it, else the stored one, else None."""
    user = message.from_user
    if user is not None:
        held = memory(context.application).get(user.id)
        if held is not None and held.is_answered_by(message):
            return held
    return current(context)
