"""`impactbot check`: is this installation ready to run? Exit 0 only when everything holds.

Looks at the settings, the catalogue, the database (opened read-only), whether its aggregate
tables add up to its sessions, disk space, the token (getMe) and bot_username, the webhook
settings and whether a PDF can be made. Each problem is one sentence that says what to do.
`--herstel-tellingen` first refills the aggregate tables from the sessions (store.aggregates).
"""

from __future__ import annotations

import argparse

from ground.settings import Settings


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "check",
        help="controleer of alles klaar is om de bot te draaien",
        description=(
            "Controleer de instellingen, de catalogus, de database, de schijfruimte, het token "
            "en de botnaam (bij Telegram), de webhook en of er een PDF gemaakt kan worden. "
            "Verandert niets. Geeft 0 terug als alles in orde is."
        ),
    )
    parser.add_argument(
        "--herstel-tellingen",
        action="store_true",
        help=(
            "tel /stand en het jaarverslag opnieuw uit alle verslagen (als de controle zegt "
            "dat de tellingen niet kloppen; stop de bot eerst); de verslagen zelf veranderen niet"
        ),
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from pathlib import Path

    from impactbot.checks import check_database, run_checks

    # Only a database that is there and at this version's schema: open_db would create a
    # missing one or migrate an older one; the checks below then say what is wrong instead.
    # Not under a running bot either: the rebuild holds the write lock for about half a minute
    # at 3 M sessions, longer than the bot waits to save a report (DatabaseInUse says so).
    database = Path(settings.storage.database)
    if args.herstel_tellingen and not database.is_file():
        print(f"Er zijn nog geen tellingen om te herstellen: de database {database} bestaat niet.")
        return 1
    if args.herstel_tellingen and check_database(database).ok:
        from store.aggregates import rebuild
        from store.backup import database_lock
        from store.db import open_db

        with database_lock(settings.storage.database):
            db = open_db(settings.storage.database)
            try:
                rebuild(db)
            finally:
                db.conn.close()
        print("De tellingen zijn opnieuw uitgerekend uit alle verslagen.")
    checks = run_checks(settings)
    width = max(len(c.name) for c in checks)
    for check in checks:
        state = ("LET OP" if check.warning else "OK") if check.ok else "FOUT"
        print(f"{state.ljust(6)}  {check.name.ljust(width)}  {check.text}")
    problems = sum(1 for c in checks if not c.ok)
    if problems:
        print(f"{problems} {'probleem' if problems == 1 else 'problemen'} gevonden.")
        return 1
    print("Alles in orde.")
    return 0
