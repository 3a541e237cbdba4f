"""A Telegram Bot API stand-in on the loopback interface, for tests, demos and benchmarks.

The real bot (python-telegram-bot with its own polling loop and HTTP stack) talks to it
through settings.telegram.base_url = StandIn().base_url. Standard library only.
"""

from standin.controller import FakeUser, StandIn
from standin.model import (
    AnsweredCallback,
    ApiError,
    Button,
    Call,
    ChatMessage,
    HandlingTime,
    SentDocument,
)

__all__ = [
    "AnsweredCallback",
    "ApiError",
    "Button",
    "Call",
    "ChatMessage",
    "FakeUser",
    "HandlingTime",
    "SentDocument",
    "StandIn",
]
