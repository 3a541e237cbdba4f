"""`impactbot toc validate|show`: check and show the Theory of Change (verandertheorie)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ground.settings import Settings
from toc.loader import CatalogueError, example_warning, load_catalogue
from toc.models import Catalogue
from toc.overview import RENDERERS, render


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "toc",
        help="verandertheorie controleren of tonen",
        description="Controleer of toon de verandertheorie: opgaven, programmalijnen, "
        "activiteiten, effecten en de organisatie (gemeenten, vestigingen, afspraken).",
    )
    sub = parser.add_subparsers(dest="toc_command", metavar="ACTIE")
    sub.required = True

    validate = sub.add_parser(
        "validate",
        help="controleer de catalogus en de organisatie",
        description="Controleer de catalogus (catalogue.toml) en de organisatie "
        "(organisation.toml) en noem alle problemen tegelijk.",
    )
    validate.add_argument(
        "file",
        nargs="?",
        metavar="BESTAND",
        help="de catalogus (TOML); zonder dit de ingestelde of meegeleverde catalogus",
    )
    validate.add_argument(
        "--organisatie",
        metavar="BESTAND",
        help="de organisatie (TOML); zonder dit de ingestelde of meegeleverde organisatie",
    )
    validate.set_defaults(func=run_validate)

    show = sub.add_parser(
        "show",
        help="toon de keten opgave → programmalijn → activiteit → effect",
        description="Toon de verandertheorie als tekst, als mermaid-schema of als JSON.",
    )
    show.add_argument(
        "--format",
        choices=sorted(RENDERERS),
        default="text",
        help="text (standaard), mermaid (voor GitHub) of json (alle id's)",
    )
    show.set_defaults(func=run_show)


def _paths(
    settings: Settings, catalogue: str | None = None, organisation: str | None = None
) -> tuple[Path | None, Path | None]:
    cat = Path(catalogue) if catalogue else settings.organisation.catalogue
    org = Path(organisation) if organisation else settings.organisation.organisation
    return cat, org


def _summary(catalogue: Catalogue) -> str:
    return (
        f"OK: de verandertheorie klopt. {len(catalogue.opgaven)} opgaven, "
        f"{len(catalogue.programmalijnen)} programmalijnen, "
        f"{len(catalogue.activities)} activiteiten, {len(catalogue.effects)} effecten, "
        f"{len(catalogue.kengetallen)} kengetallen; "
        f"{len(catalogue.gemeenten)} gemeenten, {len(catalogue.vestigingen)} vestigingen, "
        f"{len(catalogue.contracts)} prestatieafspraken, {len(catalogue.schedules)} roosterregels."
    )


def run_validate(args: argparse.Namespace, settings: Settings) -> int:
    catalogue_path, organisation_path = _paths(settings, args.file, args.organisatie)
    try:
        catalogue = load_catalogue(catalogue_path, organisation_path)
    except CatalogueError as exc:
        own, note = _own_problems(exc, catalogue_path, organisation_path)
        print(str(own), file=sys.stderr)
        if note:
            print(note, file=sys.stderr)
        print("Pas de bestanden aan en controleer opnieuw.", file=sys.stderr)
        return 1
    print(_summary(catalogue))
    warning = example_warning(catalogue)
    if warning:
        print(warning)
    return 0


SHIPPED_PREFIX = "toc/data/"


def _own_problems(
    exc: CatalogueError, catalogue: Path | None, organisation: Path | None
) -> tuple[CatalogueError, str]:
    """Only the mistakes in the user's own files. Checking their own catalogue against the
    example organisation shipped with Impactbot (a file they did not write), every activity
    they renamed would otherwise show up again and again in that example."""
    if catalogue is None or organisation is not None:
        return exc, ""
    own = [p for p in exc.problems if not p.startswith(SHIPPED_PREFIX)]
    others = len(exc.problems) - len(own)
    if not others or not own:
        return exc, ""
    word = "verwijzing" if others == 1 else "verwijzingen"
    note = (
        f"Daarnaast kloppen {others} {word} in het voorbeeld van Impactbot "
        f"({SHIPPED_PREFIX}organisation.toml) niet met jouw catalogus. Dat bestand schreef "
        "je niet zelf: geef je eigen organisatie mee met --organisatie BESTAND."
    )
    return CatalogueError(own), note


def run_show(args: argparse.Namespace, settings: Settings) -> int:
    catalogue = load_catalogue(*_paths(settings))
    sys.stdout.write(render(catalogue, args.format))
    return 0
