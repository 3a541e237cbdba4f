"""What the participants' room keeps between two messages: in memory only, never stored.

A participant answers in under a minute. The statements need no state at all (each button
carries the answers so far); only the open question "Wat neem je mee?" waits for a typed
message, and that wait is kept here, in the bot's memory, for a short while. So neither their
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
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from telegram import Message
from telegram.ext import Application, filters

from ground.settings import Settings
from store.survey import load_key

ROOM_KEY = "participant_room"
WAIT_SECONDS = 30 * 60  # after this, a typed message is no longer read as their words


@dataclass
class Pending:
    survey_id: int
    code: str
    until: float
    asked: int  # the message id of "Wat neem je mee?"
    text: str | None = None  # their words, until they choose the consent


@dataclass
class Room:
    # Whether a Telegram user is a registered person; wired in bot.app (this room reads no
    # other store than the survey's).
    is_registered: Callable[[int], bool] = lambda _user_id: False
    pending: dict[int, Pending] = field(default_factory=dict)
    _key: bytes | None = None

    def key(self, settings: Settings) -> bytes:
        if self._key is None:
            given = settings.participants.secret
            self._key = load_key(
                settings.participant_key_file(), given.get_secret_value() if given else None
            )
        return self._key

    def wait_for_words(self, user_id: int, survey_id: int, code: str, asked: int) -> None:
        self.pending[user_id] = Pending(survey_id, code, time.monotonic() + WAIT_SECONDS, asked)

    def waiting(self, user_id: int) -> Pending | None:
        found = self.pending.get(user_id)
        if found is not None and found.until < time.monotonic():
            del self.pending[user_id]
            return None
        return found

    def forget(self, user_id: int) -> None:
        self.pending.pop(user_id, None)
        # Drop old waits of others on the way: the table only holds people answering now.
        now = time.monotonic()
        for other in [u for u, p in self.pending.items() if p.until < now]:
            del self.pending[other]

    def tag(self, settings: Settings, code: str, chat_id: int) -> str:
        """A short keyed tag on the follow-up buttons: only that chat can answer it."""
        digest = hmac.new(self.key(settings), f"vervolg:{code}:{chat_id}".encode(), hashlib.sha256)
        return digest.hexdigest()[:10]


def room(app: Application) -> Room:
    return app.bot_data[ROOM_KEY]


class AwaitingWords(filters.MessageFilter):
    """A text (not a command) from someone the bot asked "Wat neem je mee?"; from a registered
    person only as a reply to that question."""

    def __init__(self, app: Application) -> None:
        super().__init__(name="AwaitingWords")
        self._app = app

    def filter(self, message: Message) -> bool:
        if message.from_user is None or message.text is None or message.text.startswith("/"):
            return False
        here = room(self._app)
        pending = here.waiting(message.from_user.id)
        if pending is None:
            return False
        if not here.is_registered(message.from_user.id):
            return True
        reply = message.reply_to_message
        return reply is not None and reply.message_id == pending.asked
