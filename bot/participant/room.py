"""What the participants' room keeps between two messages: in memory only, never stored.

A participant answers in under a minute. The statements need no state at all (each button
carries the answers so far); only the open question "Wat neem je mee?" waits for a typed
message. That wait is the participant's awaiting record (room "participant", kind "words"),
kept in the bot's memory (bot.core.awaiting.Memory) for a short while. So neither their
Telegram id nor their words sit in the database while they are busy, and a finished
participant leaves nothing behind (python-telegram-bot's user_data and chat_data stay empty
for them, and empty entries are not persisted: see store.persistence).

A registered person (a leader trying their own link) also types reports and answers to their
own flows, so for them only a reply to the question itself counts as their words: a report
typed while the question waits is never taken for words, nor words for a report.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from telegram.ext import Application

from bot.core.awaiting import Awaiting, Memory
from bot.participant.prefixes import ROOM, WORDS
from ground.settings import Settings
from store.survey import load_key

ROOM_KEY = "participant_room"
WAIT_SECONDS = 30 * 60  # after this, a typed message is no longer read as their words


@dataclass
class Pending:
    """The participant's record, read as what it holds."""

    record: Awaiting

    @classmethod
    def of(cls, record: Awaiting) -> Pending:
        return cls(record)

    @property
    def survey_id(self) -> int:
        return int(self.record.data["survey"])

    @property
    def code(self) -> str:
        return str(self.record.data["code"])

    @property
    def text(self) -> str | None:
        """Their words, until they choose the consent."""
        found = self.record.data.get("text")
        return found if isinstance(found, str) else None


async def _nobody() -> bool:
    return False


@dataclass
class Room:
    # Whether a Telegram user is a registered person; wired in bot.participant.routes (this
    # room reads no other store than the survey's). Asked of the database thread, hence async.
    is_registered: Callable[[int], Awaitable[bool]] = field(default=lambda _user_id: _nobody())
    # The in-memory awaiting records (bot.core.awaiting.memory of the Application).
    pending: Memory = field(default_factory=Memory)
    _key: bytes | None = None

    def key(self, settings: Settings) -> bytes:
        if self._key is None:
            given = settings.participants.secret
            self._key = load_key(
                settings.participant_key_file(), given.get_secret_value() if given else None
            )
        return self._key

    def wait_for_words(
        self, user_id: int, survey_id: int, code: str, asked: int, registered: bool
    ) -> None:
        """A registered person answers only by replying to `asked`."""
        record = Awaiting(
            ROOM, WORDS, {"survey": survey_id, "code": code}, asked if registered else None
        )
        self.pending.expect(user_id, record, WAIT_SECONDS)

    def waiting(self, user_id: int) -> Pending | None:
        found = self.pending.get(user_id)
        return Pending(found) if found is not None and found.room == ROOM else None

    def forget(self, user_id: int) -> None:
        self.pending.forget(user_id)

    def tag(self, settings: Settings, code: str, chat_id: int) -> str:
        """A short keyed tag on the follow-up buttons: only that chat can answer it."""
        digest = hmac.new(self.key(settings), f"vervolg:{code}:{chat_id}".encode(), hashlib.sha256)
        return digest.hexdigest()[:10]


def room(app: Application) -> Room:
    return app.bot_data[ROOM_KEY]
