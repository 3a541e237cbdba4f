"""`impactbot report --year Y [--gemeente ID] --format json|html|md|pdf [-o PATH]
[--editie gemeente|intern] [--voorwoord FILE] [--onbeoordeeld]`.

--gemeente takes the id or the name ("westerveld", "Westerveld", "De Wolden").
--editie gemeente (the default) is the public account; intern adds data sufficiency,
measurement plans, bijsturing and the full method. The figures, and the json, are the same.
--onbeoordeeld: the gemeente edition also prints quotes, stories and photos not reviewed yet
(without it: approved ones only); the maker is told on stderr how many are not reviewed.
--voorwoord is a Markdown file shown after the Samenvatting; without it, [reports] voorwoorden
may hold <jaar>-<gemeente id>.md (or <jaar>-organisatie.md).

json, md and html go to stdout unless -o is given; pdf is binary, so it goes to -o or to a file
in [reports] output_dir.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ground.errors import ImpactbotError
from ground.settings import Settings
from impactbot.yearly import check_year_and_database

if TYPE_CHECKING:
    from reports.parts import Impactreflectie


class ReportCommandError(ImpactbotError):
    """The report cannot be made as asked."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "report",
        help="maak de impactreflectie van een jaar (json, html, md of pdf)",
        description=(
            "Maak de impactreflectie van een jaar: de cijfers per opgave, het bewijs per "
            "effect, verhalen en de reflectie. Zonder --gemeente voor de hele organisatie."
        ),
    )
    parser.add_argument("--year", type=int, required=True, metavar="JAAR", help="bijv. 2025")
    parser.add_argument(
        "--gemeente", metavar="GEMEENTE", help="id of naam, bijv. westerveld of 'De Wolden'"
    )
    parser.add_argument(
        "--format",
        choices=("json", "html", "md", "pdf"),
        default="html",
        help="json (voor scripts), html (één bestand), md (om te plakken) of pdf",
    )
    parser.add_argument(
        "-o", "--output", metavar="BESTAND", help="schrijf naar dit bestand in plaats van stdout"
    )
    parser.add_argument(
        "--editie",
        choices=("gemeente", "intern"),
        default="gemeente",
        help="gemeente (de verantwoording, standaard) of intern (met meetplannen en methode)",
    )
    parser.add_argument(
        "--voorwoord", metavar="BESTAND", help="een voorwoord in Markdown, na de samenvatting"
    )
    parser.add_argument(
        "--onbeoordeeld",
        action="store_true",
        help=(
            "neem in de gemeente-versie ook citaten, verhalen en foto's op die nog niet "
            "beoordeeld zijn (zonder dit: alleen goedgekeurde)"
        ),
    )
    parser.set_defaults(func=run)


def default_pdf_path(
    settings: Settings, year: int, gemeente: str | None, edition: str = "gemeente"
) -> Path:
    suffix = "-intern" if edition == "intern" else ""
    return (
        settings.reports.output_dir
        / f"impactreflectie-{year}-{gemeente or 'organisatie'}{suffix}.pdf"
    )


def read_foreword(
    settings: Settings, year: int, gemeente: str | None, given: str | None
) -> str | None:
    """The foreword given with --voorwoord, else the one in [reports] voorwoorden for this year
    and gemeente, else none."""
    if given:
        path = Path(given)
    elif settings.reports.voorwoorden is not None:
        path = settings.reports.voorwoorden / f"{year}-{gemeente or 'organisatie'}.md"
        if not path.exists():
            return None
    else:
        return None
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ReportCommandError(
            f"Kan het voorwoord {path} niet lezen. Geef een tekstbestand (Markdown, UTF-8)."
        ) from exc


def run(args: argparse.Namespace, settings: Settings) -> int:
    from reports.model import build_report, resolve_gemeente
    from reports.period import check_report_year
    from reports.render import render
    from store.db import open_db
    from toc.loader import get_catalogue

    check_year_and_database(
        args.year,
        settings.storage.database,
        ", of importeer eerst verslagen met 'impactbot import sessies'",
    )
    catalogue = get_catalogue(settings.organisation.catalogue, settings.organisation.organisation)
    db = open_db(settings.storage.database)
    try:
        gemeente = resolve_gemeente(catalogue, args.gemeente)
        scope = f"gemeente {catalogue.gemeenten[gemeente].name}" if gemeente else "de organisatie"
        check_report_year(db, args.year, gemeente, scope, date.today())
        # the gemeente edition leaves before review only when asked; json stays the contract
        approved_only = (
            args.editie == "gemeente" and args.format != "json" and not args.onbeoordeeld
        )
        report = build_report(db, catalogue, args.year, gemeente, approved_only=approved_only)
        foreword = read_foreword(settings, args.year, report.gemeente, args.voorwoord)
        output = render(report, args.format, args.editie, foreword)
    finally:
        db.conn.close()
    target: Path | None = Path(args.output) if args.output else None
    if target is None and args.format == "pdf":
        target = default_pdf_path(settings, args.year, report.gemeente, args.editie)
    if target is None:
        assert isinstance(output, str)
        sys.stdout.write(output)
        _tell_review(report)
        return 0
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(output, bytes):
            target.write_bytes(output)
        else:
            target.write_text(output, encoding="utf-8")
    except OSError as exc:
        raise ReportCommandError(f"Kan {target} niet schrijven: {exc.strerror or exc}.") from exc
    print(f"De impactreflectie staat in {target}.")
    _tell_review(report)
    return 0


def _tell_review(report: Impactreflectie) -> None:
    """Whoever makes the report hears what is not reviewed yet (on stderr: stdout may be the
    report itself)."""
    from reports.review import review_notice

    print(review_notice(report.unreviewed, report.approved_only, "--onbeoordeeld"), file=sys.stderr)
