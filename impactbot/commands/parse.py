"""`impactbot parse [--today JJJJ-MM-DD] [--json] TEKST`: what the bot reads in a message.

With --json it prints exactly one JSON object (the contract in PRODUCT.md); without it a short
Dutch summary, handy to try out how a leader's message is understood.
"""

from __future__ import annotations

import argparse
import json
from datetime import date, datetime
from zoneinfo import ZoneInfo

from ground.dutch import weekday_date
from ground.errors import ImpactbotError
from ground.settings import Settings
from intake.parse import ParseResult, parse_message
from toc.models import Catalogue

FIELD_NAMES = {
    "activity": "activiteit",
    "location": "vestiging",
    "date": "datum",
    "participants": "aantal deelnemers",
}


class BadDateError(ImpactbotError):
    """--today is not a date."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "parse",
        help="laat zien wat de bot uit een vrij bericht haalt",
        description="Laat zien wat de bot uit een vrij bericht van een activiteitleider haalt.",
    )
    parser.add_argument(
        "--today",
        metavar="JJJJ-MM-DD",
        help="de datum van vandaag (standaard: vandaag in de tijdzone van de organisatie)",
    )
    parser.add_argument("--json", action="store_true", help="geef één JSON-object")
    parser.add_argument("text", nargs="+", metavar="TEKST", help="het bericht")
    parser.set_defaults(func=run)


def _today(value: str | None, settings: Settings) -> date:
    if value is None:
        return datetime.now(ZoneInfo(settings.organisation.timezone)).date()
    try:
        return date.fromisoformat(value.strip())
    except ValueError as exc:
        raise BadDateError(
            f"'{value}' is geen datum. Schrijf --today als JJJJ-MM-DD, bijvoorbeeld 2025-03-14."
        ) from exc


def _catalogue(settings: Settings) -> Catalogue:
    from toc.loader import load_catalogue

    return load_catalogue(settings.organisation.catalogue, settings.organisation.organisation)


def summary(result: ParseResult, catalogue: Catalogue) -> str:
    """A short Dutch summary of what was understood."""
    lines: list[str] = []
    if result.activity:
        lines.append(f"Activiteit: {catalogue.activities[result.activity].name}")
    if result.location:
        lines.append(f"Vestiging: {catalogue.vestigingen[result.location].name}")
    if result.date:
        lines.append(f"Datum: {weekday_date(result.date)}")
    if result.counts:
        parts = ", ".join(f"{n} {key}" for key, n in result.counts.items())
        lines.append(f"Aantallen: {parts}")
    if result.participants is not None:
        lines.append(f"Deelnemers in totaal: {result.participants}")
    for quote in result.quotes:
        who = f" ({quote.attribution})" if quote.attribution else ""
        lines.append(f"Citaat: “{quote.text}”{who}")
    if result.lesson is not None:
        lines.append(f"Les: {result.lesson}")
    if result.missing:
        missing = ", ".join(FIELD_NAMES.get(name, name) for name in result.missing)
        lines.append(f"Nog niet gevonden: {missing}")
    else:
        lines.append("Alles gevonden.")
    return "\n".join(lines)


def run(args: argparse.Namespace, settings: Settings) -> int:
    today = _today(args.today, settings)
    catalogue = _catalogue(settings)
    result = parse_message(" ".join(args.text), catalogue, today)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
    else:
        print(summary(result, catalogue))
    return 0
