"""The stand-in's update queue: what users send, handed to the bot by getUpdates (long
polling) or webhook delivery, and how long the bot took to answer each update.

A part of BotApiState (standin/state.py), moved unchanged from there: the attributes below
are set in BotApiState.__init__, and the same lock guards them.
"""

from __future__ import annotations

import copy
import itertools
import threading
import time
from typing import Any

from standin.model import ApiError, HandlingTime

# Update types Telegram delivers when allowed_updates is empty or not given.
_NOT_BY_DEFAULT = {"chat_member", "message_reaction", "message_reaction_count"}


class UpdateQueue:
    lock: threading.RLock
    changed: threading.Condition
    closing: bool
    webhook: dict[str, Any] | None
    polls_started: int
    deliveries: dict[int, int]
    handling_times: list[HandlingTime]
    _updates: list[dict[str, Any]]
    _update_ids: itertools.count[int]
    _allowed: list[str]
    _handed_out: dict[int, tuple[int, str, float]]
    _pending: dict[int, list[int]]

    # --- incoming (user -> bot) ------------------------------------------------------------

    def enqueue(self, update: dict[str, Any]) -> int:
        with self.lock:
            if "update_id" not in update:
                update = {"update_id": next(self._update_ids), **update}
            else:
                self._update_ids = itertools.count(
                    max(next(self._update_ids), update["update_id"] + 1)
                )
            self._updates.append(update)
            self.changed.notify_all()
            return int(update["update_id"])

    # --- long polling ------------------------------------------------------------------------

    def take_updates(
        self, offset: int | None, limit: int, timeout: float, allowed: list[str] | None
    ) -> list[dict[str, Any]]:
        """getUpdates: confirm everything below `offset`, then wait up to `timeout` seconds."""
        deadline = time.monotonic() + max(0.0, timeout)
        with self.lock:
            if self.webhook is not None:
                raise ApiError(
                    409,
                    "Conflict: can't use getUpdates method while webhook is active; use "
                    "deleteWebhook to delete the webhook first",
                )
            self.polls_started += 1
            generation = self.polls_started
            self.changed.notify_all()  # an older long poll is now terminated (409)
            if allowed is not None:
                self._allowed = list(allowed)
            if offset is not None:
                if offset < 0:
                    self._updates = self._updates[offset:]
                else:
                    self._updates = [u for u in self._updates if u["update_id"] >= offset]
            while True:
                if generation != self.polls_started:
                    raise ApiError(
                        409,
                        "Conflict: terminated by other getUpdates request; make sure that only "
                        "one bot instance is running",
                    )
                self._updates = [u for u in self._updates if self._is_allowed(u)]
                batch = self._updates[: max(1, min(limit, 100))]
                remaining = deadline - time.monotonic()
                if batch or remaining <= 0 or self.closing:
                    break
                self.changed.wait(remaining)
            now = time.monotonic()
            for update in batch:
                self._hand_out(update, now)
            return copy.deepcopy(batch)

    def webhook_backlog(self) -> list[dict[str, Any]]:
        """Updates waiting for webhook delivery, oldest first."""
        with self.lock:
            self._updates = [u for u in self._updates if self._is_allowed(u)]
            return copy.deepcopy(self._updates[:1])

    def webhook_delivered(self, update: dict[str, Any]) -> None:
        with self.lock:
            self._updates = [u for u in self._updates if u["update_id"] != update["update_id"]]
            self._hand_out(update, time.monotonic())
            self.changed.notify_all()

    def _is_allowed(self, update: dict[str, Any]) -> bool:
        kinds = set(update) - {"update_id"}
        if self._allowed:
            return bool(kinds & set(self._allowed))
        return not kinds <= _NOT_BY_DEFAULT

    def _hand_out(self, update: dict[str, Any], now: float) -> None:
        update_id = update["update_id"]
        self.deliveries[update_id] = self.deliveries.get(update_id, 0) + 1
        if self.deliveries[update_id] > 1:
            return  # handed out before: the first hand-out counts
        kind = next((k for k in update if k != "update_id"), "unknown")
        chat_id = _chat_of(update.get(kind))
        if chat_id is None:
            return
        self._handed_out[update_id] = (chat_id, kind, now)
        self._pending.setdefault(chat_id, []).append(update_id)

    def responded(self, chat_id: int | None, method: str) -> None:
        """The bot answered in `chat_id`: every handed-out update there now has its time."""
        if chat_id is None:
            return
        now = time.monotonic()
        with self.lock:
            for update_id in self._pending.pop(chat_id, []):
                _, kind, handed_out = self._handed_out.pop(update_id)
                self.handling_times.append(
                    HandlingTime(update_id, chat_id, kind, handed_out, now, method)
                )

    def pending_updates(self) -> int:
        with self.lock:
            return len(self._updates)


def _chat_of(payload: Any) -> int | None:
    if not isinstance(payload, dict):
        return None
    if isinstance(payload.get("chat"), dict):
        return payload["chat"].get("id")
    message = payload.get("message")
    if isinstance(message, dict) and isinstance(message.get("chat"), dict):
        return message["chat"].get("id")
    return None
