"""The bot's own Bot API client: Telegram's limits kept, harmless answers taken as success,
network errors retried.

Every request of the bot passes `ImpactBot._do_post`, above python-telegram-bot's rate
limiter (which itself waits out a 429's retry_after and tries again), so:

- No text leaves longer than Telegram takes (4096 characters, a caption 1024). Handlers keep
  their answers short; this is the safety net, and it says where the rest is.
- "message is not modified" (an edit to what is already there) is success, not an error.
- "query is too old" on answerCallbackQuery (a press answered after Telegram's ~15 s, or
  twice) is success as well: the little popup is lost, the action goes on.
- A network error is retried with a short back-off. Retrying may double a message when the
  first request did reach Telegram and only its answer was lost (a ReadError): for the
  questions of a report that is harmless (both copies carry the same buttons, and a saved
  report is stored once whatever is pressed); the confirmation of a saved report is an edit of
  the summary, which is idempotent. Only getUpdates is left to the updater's own retries.
"""

from __future__ import annotations

import asyncio
import logging
import os
from typing import Any

from telegram.error import BadRequest, NetworkError
from telegram.ext import ExtBot

from bot.core import texts

log = logging.getLogger("impactbot.bot")
# python-telegram-bot 22 moves durations (a 429's retry_after) to timedelta and warns on every
# 429 until one opts in; nothing of ours reads those attributes, so opt in.
os.environ.setdefault("PTB_TIMEDELTA", "1")

MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_DATA = 64
_TEXT_METHODS = {"sendMessage", "editMessageText"}
_CAPTION_METHODS = {"sendDocument", "sendPhoto", "editMessageCaption"}
# getUpdates has its own loop; getMe is only asked at start-up, where `impactbot run` tries
# again itself with one Dutch line per try (and the wait it says is the wait it does).
_NOT_RETRIED = {"getUpdates", "getMe"}


def fit(text: str, limit: int = MAX_TEXT) -> str:
    """`text`, or its start with a pointer to where the rest is, within `limit` characters."""
    if len(text) <= limit:
        return text
    tail = texts.SHORTENED
    cut = text[: limit - len(tail)]
    # End at a line break where there is one nearby, so no line is cut halfway.
    newline = cut.rfind("\n")
    if newline > limit // 2:
        cut = cut[:newline]
    return cut.rstrip() + tail


def _benign(endpoint: str, error: BadRequest) -> bool:
    message = error.message.lower()
    if endpoint.startswith("editMessage") and "message is not modified" in message:
        return True
    return endpoint == "answerCallbackQuery" and (
        "query is too old" in message or "query id is invalid" in message
    )


class ImpactBot(ExtBot):
    """ExtBot with the rules above; `send_retries` network retries, `retry_delay` doubling."""

    def __init__(self, *args: Any, send_retries: int = 3, retry_delay: float = 0.5, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._send_retries = send_retries
        self._retry_delay = retry_delay

    async def _do_post(self, endpoint: str, data: dict[str, Any], **kwargs: Any) -> Any:
        if endpoint in _TEXT_METHODS and isinstance(data.get("text"), str):
            data["text"] = fit(data["text"])
        if endpoint in _CAPTION_METHODS and isinstance(data.get("caption"), str):
            data["caption"] = fit(data["caption"], MAX_CAPTION)
        retries = 0 if endpoint in _NOT_RETRIED else self._send_retries
        for attempt in range(retries + 1):
            try:
                return await super()._do_post(endpoint, data, **kwargs)
            except BadRequest as error:  # a subclass of NetworkError: never retried
                if _benign(endpoint, error):
                    log.info("harmless Bot API answer", extra={"method": endpoint})
                    return True
                raise
            except NetworkError:
                if attempt == retries:
                    raise
                log.warning(
                    "network error, trying again", extra={"method": endpoint, "try": attempt + 1}
                )
                await asyncio.sleep(self._retry_delay * 2**attempt)
        raise AssertionError("unreachable")  # pragma: no cover
