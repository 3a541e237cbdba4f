"""Which input an update is, so it is handled once: its update id, the message (chat and
message id: Telegram may redeliver a message under a new update id) or the button press
(callback query id).

The guard (`once_per_update`) stops input whose key is known. The keys of the update being
handled wait here (a context variable: each update is handled in its own task) until the
first write the handler makes claims them in that write's own transaction (a draft step, a
saved report). A handler that writes nothing gets them claimed after it ran (`claim_rest`).
So a report costs no extra commit for its bookkeeping, and a crash between a write and its
claim cannot happen.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from telegram import Update

# A list, changed in place: a task a handler starts shares it, so nothing is claimed twice.
_PENDING: ContextVar[list[str]] = ContextVar("impactbot_claims")


def chat_tag(secret: bytes, chat_id: int) -> str:
    """A keyed digest of a chat id: the table of handled input must not hold the Telegram id
    of a participant, who leaves no id behind (a plain hash of a 10-digit id is reversible)."""
    return hmac.new(secret, str(chat_id).encode(), hashlib.sha256).hexdigest()[:20]


def keys_of(update: Update, secret: bytes) -> tuple[str, ...]:
    """`secret` is the bot's token: stable across restarts, never stored."""
    keys = [f"update:{update.update_id}"]
    if update.message is not None:
        tag = chat_tag(secret, update.message.chat.id)
        keys.append(f"msg:{tag}:{update.message.message_id}")
    if update.callback_query is not None:
        keys.append(f"cbq:{update.callback_query.id}")
    return tuple(keys)


def begin(keys: tuple[str, ...]) -> None:
    _PENDING.set(list(keys))


def pending() -> tuple[str, ...]:
    return tuple(_PENDING.get([]))


@contextmanager
def claiming() -> Iterator[tuple[str, ...]]:
    """The keys to claim in the write about to happen; cleared once that write returned
    (not when it failed: then they are still to be claimed)."""
    keys = _PENDING.get([])
    yield tuple(keys)
    keys.clear()
