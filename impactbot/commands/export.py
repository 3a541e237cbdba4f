"""`impactbot export --year JAAR [--gemeente ID] [--map MAP]`: the files `/export` sends in the
chat, written to a folder: sessies-JAAR-SCOPE.xlsx (sessions, totals and participants' answers
on sheets of their own) and the CSV files (sessions, and totals and answers when there are any).
Each reads back with its own `impactbot import`.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ground.errors import ImpactbotError
from ground.settings import Settings
from impactbot.yearly import check_year_and_database


class ExportCommandError(ImpactbotError):
    """The export cannot be made as asked."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        help="de verslagen van een jaar als Excel- en CSV-bestanden (zoals /export)",
        description=(
            "Schrijf de verslagen van een jaar als Excel-bestand en als CSV-bestanden, zoals "
            "/export in de chat: de sessies, en de totalen en de antwoorden van deelnemers als "
            "die er zijn. Zonder --gemeente voor de hele organisatie."
        ),
    )
    parser.add_argument("--year", type=int, required=True, metavar="JAAR", help="bijv. 2025")
    parser.add_argument(
        "--gemeente", metavar="GEMEENTE", help="id of naam, bijv. westerveld of 'De Wolden'"
    )
    parser.add_argument(
        "--map",
        metavar="MAP",
        help="de map voor de bestanden; zonder deze optie [reports] output_dir",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from ground.dutch import count
    from reports.export_bundle import export_bundle
    from reports.model import resolve_gemeente
    from store.db import open_db
    from toc.loader import get_catalogue

    check_year_and_database(args.year, settings.storage.database)
    database = settings.storage.database
    catalogue = get_catalogue(settings.organisation.catalogue, settings.organisation.organisation)
    gemeente = resolve_gemeente(catalogue, args.gemeente)
    db = open_db(database)
    try:
        bundle = export_bundle(db, catalogue, args.year, gemeente)
    finally:
        db.conn.close()
    scope = f"gemeente {catalogue.gemeenten[gemeente].name}" if gemeente else "de organisatie"
    if bundle is None:
        print(f"Er zijn geen verslagen uit {args.year} voor {scope}.")
        return 0
    folder = Path(args.map) if args.map else settings.reports.output_dir
    written = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in bundle.files(f"{args.year}-{gemeente or 'organisatie'}"):
            (folder / name).write_bytes(data)
            written.append(name)
    except OSError as exc:
        raise ExportCommandError(f"Kan niet schrijven in {folder}: {exc.strerror or exc}.") from exc
    sessions = count(bundle.sessions, "bijeenkomst", "bijeenkomsten")
    print(f"Verslagen {args.year}, {scope}: {sessions}. In {folder}:")
    print("\n".join(f"  {name}" for name in written))
    return 0
