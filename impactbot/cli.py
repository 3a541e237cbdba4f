"""`impactbot [--config FILE] COMMAND …`: a thin layer over the packages.

Library errors (ImpactbotError) become one Dutch sentence on stderr and exit code 1; nobody
at the keyboard sees a stack trace for a mistake they can fix themselves.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence

from impactbot import __version__, commands
from impactbot.errors import ImpactbotError
from impactbot.settings import load_settings


def command_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(commands.__path__))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="impactbot",
        description="Impactbot: verslagen van activiteiten, cijfers en de impactreflectie.",
    )
    parser.add_argument("--version", action="version", version=f"impactbot {__version__}")
    parser.add_argument(
        "--config",
        metavar="BESTAND",
        help="instellingen (TOML); zonder dit gelden de standaardinstellingen",
    )
    sub = parser.add_subparsers(dest="command", metavar="OPDRACHT")
    for name in command_modules():
        module = importlib.import_module(f"impactbot.commands.{name}")
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        settings = load_settings(args.config)
        return int(args.func(args, settings) or 0)
    except ImpactbotError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Gestopt.", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
