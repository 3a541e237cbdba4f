"""`impactbot restore BESTAND`: put a backup back in place of the database.

Refuses while a bot runs on the database, checks the file first (whole, from Impactbot, not
from a newer version), and keeps the old database next to it under another name.
"""

from __future__ import annotations

import argparse

from ground.settings import Settings


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "restore",
        help="zet een reservekopie terug (stop eerst de bot)",
        description=(
            "Zet een reservekopie terug als database. Stop eerst de bot. Het bestand wordt "
            "eerst gecontroleerd; de oude database blijft bewaard onder een andere naam."
        ),
    )
    parser.add_argument("file", metavar="BESTAND", help="de reservekopie")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from store.backup import database_lock, describe, restore
    from store.migrations import LATEST

    database = settings.storage.database
    with database_lock(database):
        done = restore(args.file, database)
    print(f"Teruggezet: {done.info.path} als {done.database} ({describe(done.info)}).")
    if done.kept_aside is not None:
        print(f"De oude database staat nog in {done.kept_aside}.")
    if done.info.schema < LATEST:
        print(
            f"Deze kopie heeft een oudere schemaversie; bij de volgende start werkt de bot hem "
            f"bij naar versie {LATEST} (met eerst een reservekopie)."
        )
    return 0
