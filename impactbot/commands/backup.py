"""`impactbot backup [BESTAND] [--keep N]`: a checked copy of the database, also while the bot runs.

Without BESTAND the copy gets a dated name (impactbot-2026-12-03T0412.sqlite) in
[storage] backups. --keep N then deletes all but the newest N of those dated copies.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from zoneinfo import ZoneInfo

from ground.settings import Settings


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "backup",
        help="maak een reservekopie van de database (ook terwijl de bot draait)",
        description=(
            "Maak een gecontroleerde reservekopie van de database. Dat kan terwijl de bot "
            "draait. Zonder BESTAND krijgt de kopie een naam met datum en tijd in de map "
            "[storage] backups (standaard: de map backups naast de database)."
        ),
    )
    parser.add_argument("file", nargs="?", metavar="BESTAND", help="waar de kopie komt")
    parser.add_argument(
        "--keep",
        type=int,
        metavar="AANTAL",
        help="bewaar alleen de nieuwste AANTAL kopieën met een datum in de naam",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from store.backup import BackupError, backup_database, describe, prune

    if args.keep is not None and args.keep < 1:
        raise BackupError("Bij --keep hoort een getal van 1 of meer.")
    folder = settings.storage.backup_folder()
    new_folder = args.file is None and not folder.exists()
    # Named in the organisation's time, like every other time Impactbot shows.
    now = datetime.now(ZoneInfo(settings.organisation.timezone))
    info = backup_database(settings.storage.database, args.file, folder, when=now)
    if new_folder:
        print(f"De map {folder} bestond nog niet en is nu gemaakt.")
    print(f"Reservekopie gemaakt: {info.path} ({describe(info)}).")
    if args.keep is not None:
        removed = prune(info.path.parent if args.file else folder, args.keep)
        if removed:
            word = "oude kopie" if len(removed) == 1 else "oude kopieën"
            kept = (
                "alleen de nieuwste blijft"
                if args.keep == 1
                else f"de nieuwste {args.keep} blijven"
            )
            print(f"{len(removed)} {word} verwijderd; {kept}.")
    return 0
