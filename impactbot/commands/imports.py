"""`impactbot import sessies|totalen|antwoorden|kengetallen BESTAND [--dry-run]`: a spreadsheet
in, all or nothing.

(The module is not called `import`: that is a Python keyword.)
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime
from typing import Any, TextIO
from zoneinfo import ZoneInfo

from ground.dutch import number
from ground.settings import Settings
from intake.answers import import_answers
from intake.importer import ImportFailed, ImportReport, import_kengetallen, import_sessions
from intake.totals import import_totals
from store.db import open_db
from toc.loader import get_catalogue


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "import",
        help="bijeenkomsten, totalen, antwoorden of kengetallen inlezen uit CSV, Excel of "
        "LibreOffice",
        description="Lees een spreadsheet in: CSV (met ; of ,), .xlsx, .xls of .ods. Elk "
        "werkblad met de goede kopregel telt mee. Alles of niets: klopt één regel niet, dan "
        "wordt niets opgeslagen en zie je welke regels niet kloppen.",
    )
    sub = parser.add_subparsers(dest="import_command", metavar="SOORT")
    sub.required = True
    sessies = sub.add_parser(
        "sessies",
        help="bijeenkomsten inlezen",
        description="Kolommen: datum, activiteit, vestiging, deelnemers; en als je wilt: "
        "kinderen, volwassenen, vragen, reeks, ingeschreven, citaat, citaat van, toestemming "
        "(ja/anoniem/nee) en bron (uit een export). Hetzelfde bestand twee keer inlezen voegt "
        "niets toe, en een export teruglezen ook niet.",
    )
    totalen = sub.add_parser(
        "totalen",
        help="totalen per maand of jaar inlezen (aantal bijeenkomsten en deelnemers)",
        description="Kolommen: activiteit, vestiging, periode (een maand zoals 2025-03 of "
        "maart 2025, of een jaar zoals 2025; of de kolommen jaar en maand), bijeenkomsten en "
        "deelnemers; en als je wilt: kinderen, volwassenen, vragen, cursussen, ingeschreven. "
        "Totalen tellen in elk cijfer mee zoals losse bijeenkomsten. Hetzelfde bestand twee "
        "keer inlezen voegt niets toe; een verbeterd getal vervangt het oude.",
    )
    antwoorden = sub.add_parser(
        "antwoorden",
        help="antwoorden van deelnemers uit een export teruglezen",
        description="Het werkblad 'Antwoorden deelnemers' van een export (of het CSV-bestand "
        "met antwoorden). Kolommen: bron, effect, stelling, moment, antwoorden; en eens, via "
        "en score 1 tot score 5. Lees eerst de verslagen in (import sessies). Wat al in de "
        "database staat, wordt overgeslagen: twee keer inlezen voegt niets toe.",
    )
    kengetallen = sub.add_parser(
        "kengetallen",
        help="jaarcijfers per gemeente inlezen",
        description="Kolommen: jaar, gemeente, kengetal, waarde. Een nieuwe waarde vervangt "
        "de oude voor hetzelfde jaar, dezelfde gemeente en hetzelfde kengetal.",
    )
    for command, func in (
        (sessies, run_sessies),
        (totalen, run_totalen),
        (antwoorden, run_antwoorden),
        (kengetallen, run_kengetallen),
    ):
        command.add_argument("file", metavar="BESTAND", help="CSV-, .xlsx-, .xls- of .ods-bestand")
        command.add_argument(
            "--dry-run",
            action="store_true",
            help="alleen controleren; er wordt niets opgeslagen",
        )
        command.set_defaults(func=func)


class ProgressBar:
    """A plain text bar on a terminal: 'controleren [#######.......]  45.000 / 100.000'."""

    WIDTH = 30

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def __call__(self, phase: str, done: int, total: int) -> None:
        filled = self.WIDTH if total == 0 else self.WIDTH * done // total
        bar = "#" * filled + "." * (self.WIDTH - filled)
        self.stream.write(f"\r{phase:<12} [{bar}] {number(done)} / {number(total)}")
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()


def _progress() -> ProgressBar | None:
    return ProgressBar(sys.stderr) if sys.stderr.isatty() else None


def _years(report: ImportReport) -> str:
    if not report.per_year:
        return ""
    parts = ", ".join(f"{year}: {number(n)}" for year, n in report.per_year.items())
    return f" ({parts})"


def _summary(report: ImportReport) -> list[str]:
    verb = "Zou opslaan" if report.dry_run else "Opgeslagen"
    regels = "1 regel" if report.rows == 1 else f"{number(report.rows)} regels"
    lines = [f"Gelezen: {regels} uit {report.path}."]
    if report.kind == "sessies":
        lines.append(f"{verb}: {number(report.stored)} bijeenkomsten{_years(report)}.")
        lines.append(f"Al eerder ingelezen (overgeslagen): {number(report.duplicates)}.")
        lines.append(f"Nieuwe cursusreeksen: {number(report.series_created)}.")
        lines.append(f"Citaten: {number(report.quotes)}.")
        if report.repeated:
            lines.append(
                f"Let op: {number(report.repeated)} regel(s) staan er precies zo al eerder in. "
                "Ze tellen als aparte bijeenkomsten. Dubbel geplakt? Haal ze dan weg en lees "
                "het bestand opnieuw in (wat al is opgeslagen, komt er niet dubbel bij)."
            )
    elif report.kind == "totalen":
        lines.append(f"{verb}: {number(report.stored)} nieuwe totalen{_years(report)}, samen "
                     f"{_bijeenkomsten(report.sessions_in_totals)}.")  # fmt: skip
        lines.append(f"Gewijzigde totalen: {number(report.updated)}.")
        lines.append(f"Al eerder ingelezen (ongewijzigd): {number(report.duplicates)}.")
        if report.skipped_empty:
            lines.append(f"Overgeslagen (0 bijeenkomsten): {number(report.skipped_empty)}.")
        if report.overlaps:
            lines.append(
                "Let op: in deze periodes zijn ook losse bijeenkomsten gemeld. Ze tellen allebei "
                "mee; staan ze ook in het totaal, haal ze dan uit het totaal of verwijder ze:"
            )
            lines.extend(f"- {o}" for o in report.overlaps)
    elif report.kind == "antwoorden":
        lines.append(f"{verb}: {_antwoorden(report.stored)}{_years(report)}.")
        regels_er = "1 regel" if report.duplicates == 1 else f"{number(report.duplicates)} regels"
        lines.append(f"Al eerder ingelezen (overgeslagen): {regels_er}.")
        if report.asked_only:
            lines.append(
                f"Gevraagd zonder antwoord: {_bijeenkomsten(report.asked_only)} (telt mee "
                "als plek waar deelnemers iets gevraagd is)."
            )
    else:
        lines.append(f"{verb}: {number(report.stored)} nieuwe kengetallen{_years(report)}.")
        lines.append(f"Gewijzigde waarden: {number(report.updated)}.")
        lines.append(f"Ongewijzigd: {number(report.duplicates)}.")
    if report.sheets:
        lines.append(f"Gelezen werkbladen: {_names(report.sheets)}.")
    if report.skipped_sheets:
        lines.append(
            "Overgeslagen werkbladen (geen kopregel met de nodige kolommen): "
            f"{_names(report.skipped_sheets)}."
        )
        lines.extend(
            hint for sheet, hint in EXPORT_SHEETS.items() if sheet in report.skipped_sheets
        )
    if report.ignored_columns:
        lines.append(f"Niet gebruikte kolommen: {', '.join(report.ignored_columns)}.")
    if report.dry_run:
        lines.append("Dit was een proef (--dry-run): er is niets opgeslagen.")
    return lines


# The other sheets of an export, and how to read them back.
EXPORT_SHEETS = {
    "Totalen": "Het werkblad 'Totalen' lees je in met 'impactbot import totalen'.",
    "Antwoorden deelnemers": (
        "Het werkblad 'Antwoorden deelnemers' lees je daarna in met 'impactbot import antwoorden'."
    ),
}


def _antwoorden(n: int) -> str:
    return "1 antwoord" if n == 1 else f"{number(n)} antwoorden"


def _names(sheets: list[str]) -> str:
    return ", ".join(f"'{name}'" for name in sheets)


def _bijeenkomsten(n: int) -> str:
    return "1 bijeenkomst" if n == 1 else f"{number(n)} bijeenkomsten"


def _today(settings: Settings) -> date:
    return datetime.now(ZoneInfo(settings.organisation.timezone)).date()


def _run(args: argparse.Namespace, settings: Settings, kind: str) -> int:
    catalogue = get_catalogue(settings.organisation.catalogue, settings.organisation.organisation)
    db = open_db(settings.storage.database)
    try:
        if kind == "sessies":
            report = import_sessions(
                db, catalogue, args.file, dry_run=args.dry_run, progress=_progress(),
                today=_today(settings),
            )  # fmt: skip
        elif kind == "totalen":
            report = import_totals(
                db, catalogue, args.file, dry_run=args.dry_run, today=_today(settings)
            )
        elif kind == "antwoorden":
            report = import_answers(db, catalogue, args.file, dry_run=args.dry_run)
        else:
            report = import_kengetallen(db, catalogue, args.file, dry_run=args.dry_run)
    except ImportFailed as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 1
    finally:
        db.close()
    print("\n".join(_summary(report)))
    return 0


def run_sessies(args: argparse.Namespace, settings: Settings) -> int:
    return _run(args, settings, "sessies")


def run_totalen(args: argparse.Namespace, settings: Settings) -> int:
    return _run(args, settings, "totalen")


def run_antwoorden(args: argparse.Namespace, settings: Settings) -> int:
    return _run(args, settings, "antwoorden")


def run_kengetallen(args: argparse.Namespace, settings: Settings) -> int:
    return _run(args, settings, "kengetallen")
