"""The location fact box ("De bibliotheek in Westerveld") from organisation.toml.

Bibliotheken and servicepunten are counted from the vestigingen; IDO, dBos, BoekStart and
Taalhuis only where organisation.toml has a number: a number nobody entered is left out,
never printed as 0. Checked on the catalogue, the box itself, and the rendered report.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
import sqlite_utils
from manager_fakes import add_session

from impactbot.cli import main
from reports.locations import location_box
from reports.model import build_report
from reports.render import render_html, render_json, render_markdown
from store.kengetallen import set_kengetal
from toc.loader import CatalogueError, load_catalogue
from toc.models import Catalogue, Locations

ORGANISATION = Path(__file__).parent.parent / "toc" / "data" / "organisation.toml"
WESTERVELD_LINE = (
    "locaties = { ido-locaties = 4, dbos-locaties = 12, boekstart-locaties = 16, taalhuizen = 1, "
    'bron = "Jaarbericht 2024 Westerveld" }'
)


def _organisation(tmp_path: Path, westerveld: str) -> Path:
    """The shipped organisation.toml with Westerveld's `locaties` line replaced."""
    text = ORGANISATION.read_text(encoding="utf-8")
    assert WESTERVELD_LINE in text
    path = tmp_path / "organisation.toml"
    path.write_text(text.replace(WESTERVELD_LINE, westerveld), encoding="utf-8")
    return path


def _facts(catalogue: Catalogue, gemeente: str | None) -> dict[str, tuple[int, str]]:
    return {f.id: (f.value, f.label) for f in location_box(catalogue, gemeente).facts}


def test_catalogue_loads_the_optional_numbers(default_catalogue: Catalogue) -> None:
    westerveld = default_catalogue.gemeenten["westerveld"].locations
    assert (westerveld.ido, westerveld.dbos, westerveld.boekstart, westerveld.taalhuis) == (
        4,
        12,
        16,
        1,
    )
    assert westerveld.source == "Jaarbericht 2024 Westerveld"
    # Midden-Drenthe's Visie gives IDO, dBos and the Taalhuis, not BoekStart
    midden = default_catalogue.gemeenten["midden-drenthe"].locations
    assert (midden.ido, midden.dbos, midden.boekstart, midden.taalhuis) == (3, 18, None, 1)
    # no source gives Meppel's numbers: nothing is filled in
    meppel = default_catalogue.gemeenten["meppel"].locations
    assert (meppel.ido, meppel.dbos, meppel.boekstart, meppel.taalhuis) == (None,) * 4


def test_westerveld_box_as_in_the_jaarbericht(default_catalogue: Catalogue) -> None:
    assert _facts(default_catalogue, "westerveld") == {
        "bibliotheken": (3, "Bibliotheken"),  # Havelte, Diever, Vledder
        "servicepunten": (1, "Servicepunt"),  # Dwingeloo: singular for one
        "ido-locaties": (4, "IDO-locaties"),
        "dbos-locaties": (12, "dBos-locaties"),
        "boekstart-locaties": (16, "BoekStart-locaties"),
        "taalhuizen": (1, "Taalhuis"),
    }
    assert location_box(default_catalogue, "westerveld").sources == ["Jaarbericht 2024 Westerveld"]


def test_unknown_numbers_are_left_out_never_zero(default_catalogue: Catalogue) -> None:
    # Meppel: one vestiging, no servicepunt, no entered numbers
    assert _facts(default_catalogue, "meppel") == {"bibliotheken": (1, "Bibliotheek")}
    assert location_box(default_catalogue, "meppel").sources == []
    # Midden-Drenthe: four bibliotheken and what its Visie says; BoekStart is not known
    assert _facts(default_catalogue, "midden-drenthe") == {
        "bibliotheken": (4, "Bibliotheken"),
        "ido-locaties": (3, "IDO-locaties"),
        "dbos-locaties": (18, "dBos-locaties"),
        "taalhuizen": (1, "Taalhuis"),
    }


def test_whole_organisation_sums_only_what_every_gemeente_knows(
    default_catalogue: Catalogue,
) -> None:
    vestigingen = default_catalogue.vestigingen.values()
    facts = _facts(default_catalogue, None)
    assert facts == {
        "bibliotheken": (sum(v.type == "vestiging" for v in vestigingen), "Bibliotheken"),
        "servicepunten": (1, "Servicepunt"),
    }
    # when every gemeente has a number, the organisation's box is their sum
    gemeenten = {
        g.id: g.model_copy(update={"locations": Locations(taalhuizen=1 if g.id == "meppel" else 2)})
        for g in default_catalogue.gemeenten.values()
    }
    everywhere = default_catalogue.model_copy(update={"gemeenten": gemeenten})
    assert _facts(everywhere, None)["taalhuizen"] == (17, "Taalhuizen")  # 8 x 2 + 1
    assert "ido-locaties" not in _facts(everywhere, None)


def test_a_gemeente_without_any_numbers_loads(tmp_path: Path) -> None:
    catalogue = load_catalogue(None, _organisation(tmp_path, ""))
    assert catalogue.gemeenten["westerveld"].locations.ido is None
    assert _facts(catalogue, "westerveld") == {
        "bibliotheken": (3, "Bibliotheken"),
        "servicepunten": (1, "Servicepunt"),
    }


def test_validate_names_every_mistake_in_locaties(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = 'locaties = { Bibliotheken = 3, ido-locaties = -4, idolocaties = 2, taalhuizen = "een" }'
    path = _organisation(tmp_path, bad)
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(None, path)
    problems = "\n".join(caught.value.problems)
    assert len(caught.value.problems) == 4
    assert all("gemeente 'westerveld': veld 'locaties'" in p for p in caught.value.problems)
    assert "'Bibliotheken' bestaat hier niet; bibliotheken en servicepunten telt het rapport" in (
        problems
    )
    assert "'idolocaties' bestaat hier niet; bedoel je 'ido-locaties'?" in problems
    assert "dit moet 0 of meer zijn (onderdeel ido-locaties), niet -4" in problems
    assert "dit moet een heel getal zijn (onderdeel taalhuizen), niet 'een'" in problems
    # the command line says the same, without a stack trace
    assert main(["toc", "validate", "--organisatie", str(path)]) == 1
    err = capsys.readouterr().err
    assert "4 problemen" in err and "Traceback" not in err


def _box(html: str) -> str:
    start = html.index('<ul class="facts"')
    return html[start : html.index("</ul>", start)]


def test_report_shows_the_box_for_westerveld(
    db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    add_session(db, catalogue, date(2025, 3, 4), "voorleesuurtje", "havelte", 12)
    report = build_report(db, catalogue, 2025, "westerveld", today=date(2025, 12, 1))
    html = render_html(report)
    assert "<h3>De bibliotheek in Westerveld</h3>" in html
    items = re.findall(
        r'<span class="value">([^<]+)</span> <span class="what">([^<]+)</span>', _box(html)
    )
    assert items == [
        ("3", "Bibliotheken"),
        ("1", "Servicepunt"),
        ("4", "IDO-locaties"),
        ("12", "dBos-locaties"),
        ("16", "BoekStart-locaties"),
        ("1", "Taalhuis"),
    ]
    assert "Bron: Jaarbericht 2024 Westerveld." in html
    assert json.loads(render_json(report))["locaties"] == {
        "bibliotheken": 3,
        "servicepunten": 1,
        "ido-locaties": 4,
        "dbos-locaties": 12,
        "boekstart-locaties": 16,
        "taalhuizen": 1,
    }
    md = render_markdown(report)
    assert "Locaties: 3 Bibliotheken, 1 Servicepunt, 4 IDO-locaties" in md
    assert "(bron: Jaarbericht 2024 Westerveld)" in md


def test_report_for_a_gemeente_without_the_extra_numbers(
    db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    add_session(db, catalogue, date(2025, 3, 4), "voorleesuurtje", "meppel", 9)
    report = build_report(db, catalogue, 2025, "meppel", today=date(2025, 12, 1))
    html = render_html(report)
    box = _box(html)
    assert "<h3>De bibliotheek in Meppel</h3>" in html
    assert '<span class="value">1</span> <span class="what">Bibliotheek</span>' in box
    for unknown in ("Servicepunt", "IDO", "dBos", "BoekStart", "Taalhuis"):
        assert unknown not in box, unknown
    assert '<span class="value">0</span>' not in box
    assert "Bron:" not in html
    assert json.loads(render_json(report))["locaties"] == {"bibliotheken": 1}


def test_report_for_the_whole_organisation(
    db: sqlite_utils.Database, agreed_catalogue: Catalogue
) -> None:
    catalogue = agreed_catalogue  # the Afspraken section needs real afspraken
    add_session(db, catalogue, date(2025, 3, 4), "voorleesuurtje", "havelte", 12)
    report = build_report(db, catalogue, 2025, None, today=date(2025, 12, 1))
    html = render_html(report)
    assert "<h3>De bibliotheken van Biblionet Drenthe</h3>" in html
    assert "Verantwoording aan de gemeenten<" in html  # all nine, not one
    assert "Afspraken met de gemeenten</a>" in html
    box = _box(html)
    assert "Bibliotheken" in box and "Servicepunt" in box
    # only Westerveld and Midden-Drenthe know their IDO-locaties: no organisation total
    assert "IDO" not in box and "Taalhu" not in box


def test_boekstart_locaties_is_the_years_kengetal_where_there_is_one(
    db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    """One number per page: the box and De cijfers show the same BoekStart-locaties."""
    add_session(db, catalogue, date(2025, 3, 4), "voorleesuurtje", "havelte", 12)
    set_kengetal(db, 2025, "westerveld", "boekstart-locaties", 17, "test")
    set_kengetal(db, 2025, "meppel", "boekstart-locaties", 5, "test")
    report = build_report(db, catalogue, 2025, "westerveld", today=date(2025, 12, 1))
    facts = {f.id: f.value for f in report.locations.facts}
    assert facts["boekstart-locaties"] == 17  # not the jaarbericht's 16 of 2024
    assert facts["ido-locaties"] == 4  # the rest from organisation.toml
    assert [f.id for f in report.locations.facts] == [
        "bibliotheken", "servicepunten", "ido-locaties", "dbos-locaties", "boekstart-locaties",
        "taalhuizen",
    ]  # fmt: skip
    html = render_html(report)
    assert "Bron: Jaarbericht 2024 Westerveld; BoekStart-locaties: De cijfers 2025." in html
    cijfers = next(r for g in report.cijfers for r in g.rows if r.id == "boekstart-locaties")
    assert cijfers.value == 17
    # Meppel has no entered numbers: the kengetal alone, with where it comes from
    meppel = build_report(db, catalogue, 2025, "meppel", today=date(2025, 12, 1))
    assert meppel.locations.contract() == {"bibliotheken": 1, "boekstart-locaties": 5}
    assert meppel.locations.sources == ["BoekStart-locaties: De cijfers 2025"]
    # the year before has no kengetal: the box falls back to organisation.toml
    earlier = build_report(db, catalogue, 2024, "westerveld", today=date(2025, 12, 1))
    assert {f.id: f.value for f in earlier.locations.facts}["boekstart-locaties"] == 16
