"""`impactbot check`: is this installation ready to run? Exit 0 only when everything holds.

Looks at the settings, the catalogue, the database (opened read-only), disk space, the token
(getMe) and bot_username, the webhook settings and whether a PDF can be made. Each problem is
one sentence that says what to do.
"""

from __future__ import annotations

import argparse

from impactbot.settings import Settings


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "check",
        help="controleer of alles klaar is om de bot te draaien",
        description=(
            "Controleer de instellingen, de catalogus, de database, de schijfruimte, het token "
            "en de botnaam (bij Telegram), de webhook en of er een PDF gemaakt kan worden. "
            "Verandert niets. Geeft 0 terug als alles in orde is."
        ),
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from impactbot.checks import run_checks

    checks = run_checks(settings)
    width = max(len(c.name) for c in checks)
    for check in checks:
        print(f"{'OK  ' if check.ok else 'FOUT'}  {check.name.ljust(width)}  {check.text}")
    problems = sum(1 for c in checks if not c.ok)
    if problems:
        print(f"{problems} {'probleem' if problems == 1 else 'problemen'} gevonden.")
        return 1
    print("Alles in orde.")
    return 0
