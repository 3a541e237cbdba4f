"""Telegram's bad days, on demand: what a test asks the stand-in to do to the next requests.

    telegram.fail_next("sendMessage", 2, kind="429", retry_after=1)
    telegram.fail_next("editMessageText", kind="drop")        # connection reset, not handled
    telegram.fail_next("sendMessage", kind="drop_after")      # handled, then the reply is lost
    telegram.block(user_id)                                   # 403: bot was blocked by the user

Kinds: "429" (Too Many Requests with retry_after), "500", "drop" (the connection closes
before the request is handled: it never happened) and "drop_after" (handled, then the
connection closes before the answer: the client cannot know it happened).

Every limit Telegram enforces that a bot can break is also written to `VIOLATIONS` (the test
suite fails a test that broke one, see tests/conftest.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

FAULT_KINDS = ("429", "500", "drop", "drop_after")
# Limits the bot broke, in any stand-in of this process: (method, what).
VIOLATIONS: list[tuple[str, str]] = []


@dataclass
class Fault:
    kind: str
    retry_after: int = 1


def error_body(fault: Fault) -> tuple[int, dict[str, Any]]:
    if fault.kind == "429":
        return 429, {
            "ok": False,
            "error_code": 429,
            "description": f"Too Many Requests: retry after {fault.retry_after}",
            "parameters": {"retry_after": fault.retry_after},
        }
    return 500, {"ok": False, "error_code": 500, "description": "Internal Server Error"}


BLOCKED = (403, "Forbidden: bot was blocked by the user")
