"""`impactbot demo [--script] [--out MAP]`: try the bot without a token, setup or network.

Starts a temporary database with a year of example data, the Telegram stand-in on 127.0.0.1
and the real bot. Without --script you chat with it in the terminal; with --script a tour
plays by itself and the report files and the conversation are written to a folder.
"""

from __future__ import annotations

import argparse
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ground.errors import ImpactbotError
from ground.settings import Settings

if TYPE_CHECKING:
    from demo.runner import DemoEnvironment


class DemoError(ImpactbotError):
    """The demo could not run; the message says why."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "demo",
        help="probeer de bot in de terminal, zonder token en zonder internet",
        description=(
            "Start de echte bot met voorbeeldgegevens en een nagebootste Telegram op je eigen "
            "computer. Je chat in de terminal als activiteitenleider, manager of beheerder. "
            "Met --script speelt een rondleiding zichzelf af."
        ),
    )
    parser.add_argument(
        "--script",
        action="store_true",
        help="speel de rondleiding af en bewaar het gesprek en de rapporten",
    )
    parser.add_argument(
        "--out",
        metavar="MAP",
        help="map voor het gesprek en de bestanden (standaard een nieuwe map hier)",
    )
    parser.set_defaults(func=run)


def default_folder(now: datetime | None = None) -> Path:
    return Path.cwd() / f"impactbot-demo-{(now or datetime.now()):%Y%m%d-%H%M%S}"


@contextmanager
def bot_log(path: Path) -> Iterator[None]:
    """The bot's log goes to a file: the terminal is for the chat."""
    from bot.core.logging import QUIET_LOGGERS, SafeTextFormatter

    handler = logging.FileHandler(path, encoding="utf-8", delay=True)
    handler.setFormatter(SafeTextFormatter())
    root = logging.getLogger()
    old_level = root.level
    quiet = {name: logging.getLogger(name).level for name in QUIET_LOGGERS}
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    try:
        yield
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
        for name, level in quiet.items():
            logging.getLogger(name).setLevel(level)
        handler.close()


def run(args: argparse.Namespace, settings: Settings) -> int:
    from demo.runner import BotStartError, DemoEnvironment

    folder = Path(args.out) if args.out else default_folder()
    print("De demo start: voorbeeldgegevens maken en de bot opstarten…", flush=True)
    started = time.monotonic()
    env = DemoEnvironment()
    try:
        with bot_log(env.folder / "bot.log"):
            try:
                env.start()
                return _script(env, folder, started) if args.script else _chat(env, folder)
            except BotStartError as exc:
                raise DemoError("De bot kon niet starten. Probeer het nog eens.") from exc
            finally:
                env.stop()  # while the log file still listens
    finally:
        env.close()


def _chat(env: DemoEnvironment, folder: Path) -> int:
    from demo.chat import TerminalChat

    return TerminalChat(env, folder).run()


def _script(env: DemoEnvironment, folder: Path, started: float) -> int:
    from demo.tour import TourError, run_tour

    try:
        result = run_tour(env, folder)
    except TourError as exc:
        raise DemoError(f"De rondleiding liep vast: {exc}.") from exc
    seconds = time.monotonic() - started
    print(f"Klaar in {seconds:.0f} seconden. Alles staat in {folder}:")
    for path in [result.transcript, *result.documents, *result.intern]:
        print(f"  {path.name}")
    for note in result.notes:
        print(f"Let op: {note}")
    return 0
