"""A manager's next typed message answers a question (a shortened quote, a kengetal value).

The question is remembered in user_data (persisted), and a message filter sends that one
message to the manager handler instead of the leader's report flow. Any button press or
"Stoppen" clears it.
"""

from __future__ import annotations

from typing import Any

from telegram import Message, Update
from telegram.ext import Application, ContextTypes, filters

from bot.manager.access import manager_only
from store.people import Person

KEY = "manager_wait"


def set_waiting(context: ContextTypes.DEFAULT_TYPE, kind: str, **data: Any) -> None:
    if context.user_data is not None:
        context.user_data[KEY] = {"kind": kind, **data}


def clear_waiting(context: ContextTypes.DEFAULT_TYPE) -> None:
    if context.user_data is not None:
        context.user_data.pop(KEY, None)


def waiting(context: ContextTypes.DEFAULT_TYPE) -> dict[str, Any] | None:
    if not context.user_data:
        return None
    found = context.user_data.get(KEY)
    return found if isinstance(found, dict) else None


async def answering_manager(
    update: Update, context: ContextTypes.DEFAULT_TYPE
) -> tuple[Person, str] | None:
    """The manager and the text they typed in answer; anyone else, or no text, ends the wait."""
    person = await manager_only(update, context)
    message = update.effective_message
    if person is None or message is None or message.text is None:
        clear_waiting(context)
        return None
    return person, message.text


class AwaitingText(filters.MessageFilter):
    """True for a text message from someone the bot asked a manager question."""

    def __init__(self, app: Application) -> None:
        super().__init__(name="AwaitingText")
        self._app = app

    def filter(self, message: Message) -> bool:
        if message.from_user is None or message.text is None or message.text.startswith("/"):
            return False
        data = self._app.user_data.get(message.from_user.id)
        return bool(data and data.get(KEY))
