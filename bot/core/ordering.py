"""Updates of different people are handled side by side; one person's updates, in order.

Handling one update at a time makes every leader wait for the Bot API round trips of all
the others (tens of milliseconds each against Telegram). Handling everything at once could
let two presses of the same person race over their report in progress. So: concurrency
across people, a queue per person.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

_BACKSTOP = 100_000


def person_key(update: object) -> int | None:
    """Whose queue an update joins: the sender, else the chat; None runs unqueued."""
    if isinstance(update, Update):
        if update.effective_user is not None:
            return update.effective_user.id
        if update.effective_chat is not None:
            return update.effective_chat.id
    return None


class PerPersonUpdateProcessor(BaseUpdateProcessor):
    def __init__(self, max_concurrent_updates: int) -> None:
        # python-telegram-bot takes its slot before do_process_update; a person's queued
        # updates would then hold slots while they wait for their own earlier update, and one
        # busy person could stall everybody. So its limit is only a backstop, and the real
        # one is taken inside the person's queue.
        super().__init__(_BACKSTOP)
        self._slots = asyncio.Semaphore(max_concurrent_updates)
        self._limit = max_concurrent_updates
        # A lock per person with work in flight; dropped when their queue is empty, so the
        # table holds only people being served right now.
        self._locks: dict[int, tuple[asyncio.Lock, int]] = {}

    @property
    def limit(self) -> int:
        """How many people's updates run side by side."""
        return self._limit

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = person_key(update)
        if key is None:
            async with self._slots:
                await coroutine
            return
        lock, waiting = self._locks.get(key, (asyncio.Lock(), 0))
        self._locks[key] = (lock, waiting + 1)
        try:
            async with lock, self._slots:
                await coroutine
        finally:
            lock, waiting = self._locks[key]
            if waiting <= 1:
                del self._locks[key]
            else:
                self._locks[key] = (lock, waiting - 1)

    async def initialize(self) -> None:
        """Nothing to set up: locks are made on demand."""

    async def shutdown(self) -> None:
        """Nothing to release: the application waits for running updates itself."""
