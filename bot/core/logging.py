"""Structured logs (one JSON object a line) that never carry quote texts or the bot token.

Three safeguards: our own log calls never pass message texts; exceptions are logged as their
type and stack frames only (an exception message can quote user input, e.g. pydantic's
`input_value`); and anything looking like a bot token is masked. The chattiest libraries
(python-telegram-bot, httpx) log request bodies and URLs with the token at DEBUG/INFO, so they
are held at WARNING.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import traceback
from datetime import UTC, datetime
from typing import Any, TextIO

from ground.settings import Settings

TOKEN_RE = re.compile(r"\d{5,}:[A-Za-z0-9_-]{30,}")
MASK = "[token]"
QUIET_LOGGERS = ("telegram", "httpx", "httpcore", "apscheduler", "aiolimiter")
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName"}


def safe_trace(exc: BaseException) -> str:
    """Exception types and frames (file, line, function), without any exception message."""
    lines: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        kind = type(current)
        lines.append(f"{kind.__module__}.{kind.__qualname__}")
        for frame in traceback.extract_tb(current.__traceback__):
            lines.append(f"  {frame.filename}:{frame.lineno} in {frame.name}")
        current = current.__cause__ or current.__context__
    return "\n".join(lines)


def _mask(text: str, secrets: tuple[str, ...]) -> str:
    for secret in secrets:
        if secret:
            text = text.replace(secret, MASK)
    return TOKEN_RE.sub(MASK, text)


class SafeJsonFormatter(logging.Formatter):
    def __init__(self, secrets: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.secrets = secrets

    def format(self, record: logging.LogRecord) -> str:
        data: dict[str, Any] = {
            "at": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "msg": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                data[key] = value if isinstance(value, int | float | bool | None) else str(value)
        if record.exc_info and record.exc_info[1] is not None:
            data["error"] = type(record.exc_info[1]).__name__
            data["trace"] = safe_trace(record.exc_info[1])
        return _mask(json.dumps(data, ensure_ascii=False), self.secrets)


class SafeTextFormatter(SafeJsonFormatter):
    def format(self, record: logging.LogRecord) -> str:
        data = json.loads(super().format(record))
        head = f"{data.pop('at')} {data.pop('level')} {data.pop('logger')}: {data.pop('msg')}"
        trace = data.pop("trace", None)
        extra = " ".join(f"{k}={v}" for k, v in data.items())
        return "\n".join(part for part in (f"{head} {extra}".rstrip(), trace) if part)


def setup_logging(
    settings: Settings, stream: TextIO | None = None, secrets: tuple[str, ...] = ()
) -> logging.Handler:
    """Route all logging through one safe handler on `stream` (stderr by default)."""
    if settings.telegram.token is not None:
        secrets = (*secrets, settings.telegram.token.get_secret_value())
    if settings.telegram.webhook.secret_token is not None:
        secrets = (*secrets, settings.telegram.webhook.secret_token.get_secret_value())
    handler = logging.StreamHandler(stream or sys.stderr)
    formatter_class = SafeJsonFormatter if settings.logging.format == "json" else SafeTextFormatter
    handler.setFormatter(formatter_class(secrets))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    level = logging.getLevelName(settings.logging.level)
    root.setLevel(level)
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(max(level, logging.WARNING))
    return handler
