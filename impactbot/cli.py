"""`impactbot [--config FILE] COMMAND …`: a thin layer over the packages.

Library errors (ImpactbotError) become one Dutch sentence on stderr and exit code 1; nobody
at the keyboard sees a stack trace for a mistake they can fix themselves.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from ground.errors import ImpactbotError
from ground.settings import load_settings
from impactbot import __version__, commands


def command_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(commands.__path__))


class _DutchFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        # add_subparsers passes "" to build a subcommand's name: keep that one empty.
        super().add_usage(usage, actions, groups, "gebruik: " if prefix is None else prefix)


# argparse's own error messages, in Dutch (the rest of what they say is names and values).
_ERRORS = [
    (re.compile(r"the following arguments are required: (.*)"), "dit ontbreekt nog: {0}"),
    (re.compile(r"argument (\S+): invalid int value: (.*)"), "bij {0}: {1} is geen heel getal"),
    (
        re.compile(r"argument (\S+): invalid choice: (.*) \(choose from (.*)\)"),
        "bij {0}: {1} kan niet; kies uit {2}",
    ),
    (re.compile(r"argument (\S+): expected one argument"), "na {0} hoort een waarde"),
    (re.compile(r"unrecognized arguments: (.*)"), "dit begrijp ik niet: {0}"),
]


class DutchArgumentParser(argparse.ArgumentParser):
    """argparse with Dutch headings, help and errors; subcommands inherit it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _DutchFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        self.add_argument("-h", "--help", action="help", help="toon deze uitleg en stop")

    def error(self, message: str) -> NoReturn:
        for pattern, dutch in _ERRORS:
            found = pattern.fullmatch(message)
            if found:
                message = dutch.format(*found.groups())
                break
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout: {message}\nMeer uitleg: {self.prog} --help\n")


def build_parser() -> argparse.ArgumentParser:
    parser = DutchArgumentParser(
        prog="impactbot",
        description="Impactbot: verslagen van activiteiten, cijfers en de impactreflectie.",
    )
    parser.add_argument(
        "--version", action="version", version=f"impactbot {__version__}", help="toon de versie"
    )
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
