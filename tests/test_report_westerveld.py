"""End to end: import the Westerveld 2024 fixture and reproduce the jaarbericht's De cijfers.

The expected numbers are the jaarbericht's own (see tests/data/README.md for where each comes
from). Figures the fixture generated itself (attendance per lesson, enrolment, IDO visitors)
are not asserted as jaarbericht figures.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from intake.importer import import_kengetallen, import_sessions
from reports.model import build_report
from reports.parts import Impactreflectie
from reports.render import render_html, render_json, render_markdown
from store.db import open_db
from toc.models import Catalogue

DATA = Path(__file__).parent / "data"
NEVER = ("schoonzus", "Mag ik volgende week weer komen", "Wubbolt")

# De cijfers 2024, gemeente Westerveld (programmalijn: bijeenkomsten, deelnemers)
PROGRAMMALIJNEN = {
    "robuuste-bibliotheek": (21, 50),  # Platformactiviteiten
    "leesbevordering": (56, 334),  # Activiteiten voor kinderen/ouders/verzorgers
    "geletterdheid": (51, 343),  # Werken aan geletterdheid
    "leven-lang-ontwikkelen": (116, 732),  # Drenthe leert en ontwikkelt
}
KENGETALLEN = {
    "leden": 4110,
    "bezoekers": 89350,
    "uitleningen": 103135,
    "boekstart-locaties": 16,
    "boekstart-koffertjes": 128,
    "dbos-scholen": 11,
    "dbos-leerlingen": 1171,
    "vo-scholen": 1,
    "bezoekers-website": 221938,
    "leden-betalend": 1233,
    "leden-jeugd": 2520,
    "leden-start": 177,
    "leden-overig": 180,
    "inwoners": 19983,
    "ebook-accounts": 6160,
    "uitleningen-boeken": 95768,
    "uitleningen-avm": 568,
    "uitleningen-tijdschrift": 6799,
    "uitleningen-dbos": 21118,
    "ebooks": 89894,
    "luisterboeken": 33657,
    "uitleningen-online": 123551,
}
COURSES = ("klik-en-tik", "digisterker", "digivitaler")


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Impactreflectie]:
    from toc.loader import default_catalogue

    catalogue: Catalogue = default_catalogue()
    db = open_db(tmp_path_factory.mktemp("westerveld") / "westerveld.db")
    import_sessions(db, catalogue, DATA / "westerveld-2024-sessies.csv")
    import_kengetallen(db, catalogue, DATA / "westerveld-2024-kengetallen.csv")
    yield build_report(db, catalogue, 2024, "westerveld", today=date(2025, 3, 14))
    db.conn.close()


def test_json_reproduces_de_cijfers(report: Impactreflectie) -> None:
    data = json.loads(render_json(report))
    for lijn, (bijeenkomsten, deelnemers) in PROGRAMMALIJNEN.items():
        assert data["programmalijnen"][lijn] == {
            "bijeenkomsten": bijeenkomsten,
            "deelnemers": deelnemers,
        }, lijn
    act = data["activiteiten"]
    # Klik&Tik, Digisterker, DigiVitaler: 13 cursussen, 46 cursusdagdelen
    assert sum(act[a]["reeksen"] for a in COURSES) == 13
    assert sum(act[a]["bijeenkomsten"] for a in COURSES) == 46
    # Spreekuren belasting en overige: 15 spreekuren, 19 deelnemers
    assert (
        act["belastingspreekuur"]["bijeenkomsten"],
        act["belastingspreekuur"]["deelnemers"],
    ) == (
        15,
        19,
    )
    # IDO: 92 spreekuren, 302 vragen
    assert (act["ido-spreekuur"]["bijeenkomsten"], act["ido-spreekuur"]["vragen"]) == (92, 302)
    # Programmering basisvaardigheden: 11, 181 deelnemers
    assert (act["basisvaardigheden"]["bijeenkomsten"], act["basisvaardigheden"]["deelnemers"]) == (
        11,
        181,
    )
    # the stories the jaarbericht names
    assert act["lezing"]["deelnemers"] >= 45 + 65
    assert data["kengetallen"] == KENGETALLEN
    assert data["jaar"] == 2024 and data["gemeente"] == "westerveld"


def test_only_publishable_quotes_with_safe_attribution(report: Impactreflectie) -> None:
    data = json.loads(render_json(report))
    by_text = {q["tekst"]: q["van"] for q in data["citaten"]}
    assert by_text["Nu bel ik zelf met de tablet met mijn kleinkinderen in Canada."] == (
        "een deelnemer"
    )
    assert (
        by_text[
            "Niet alleen komen onze kinderen op een laagdrempelige manier in aanraking met boeken, "
            "maar wij halen als mama's ook heel veel steun bij elkaar in de bibliotheek."
        ]
        == "Merel, moeder van Isa"
    )
    assert len(by_text) == 5
    for text in (render_json(report), render_html(report), render_markdown(report)):
        for word in NEVER:
            assert word not in text, word


def _cell_numbers(html: str) -> set[str]:
    return set(re.findall(r'<td class="num">([0-9.]+)</td>', html))


def test_html_shows_de_cijfers_in_dutch_notation(report: Impactreflectie) -> None:
    html = render_html(report)
    cells = _cell_numbers(html)
    for bijeenkomsten, deelnemers in PROGRAMMALIJNEN.values():
        assert str(bijeenkomsten) in cells and str(deelnemers) in cells
    for value in ("4.110", "89.350", "103.135", "1.171", "128", "16", "11"):
        assert value in cells, value
    assert "1171" not in html and "103135" not in html
    # Klik&Tik, Digisterker, DigiVitaler together, as the jaarbericht counts them
    assert "13 cursussen in 46 lessen" in html
    assert ">302<" in html and ">92<" in html
    assert "Gemeente Westerveld" in html and "Impactreflectie 2024" in html
    assert "14 maart 2025" in html


def test_markdown_shows_the_same_figures(report: Impactreflectie) -> None:
    md = render_markdown(report)
    assert "| **Totaal Drenthe leest: werken aan geletterdheid** | **51** | **343** |" in md
    assert "| Deelnemende leerlingen dBos | 1.171 | – |" in md


def test_unmeasured_effects_are_not_called_geen(report: Impactreflectie) -> None:
    """An imported year has no signals or answers: its effects are 'nog niet gemeten'."""
    html = render_html(report)
    assert ">Geen<" not in html and "badge geen" not in html
    assert "Nog niet gemeten" in html
    effecten = json.loads(render_json(report))["effecten"]
    assert "geen" not in {e["oordeel"] for e in effecten.values()}
    assert {e["label"] for e in effecten.values()} <= {
        "goed-onderbouwd",
        "aannemelijk",
        "eerste-aanwijzingen",
        "niet-gemeten",
        "impact",
    }
    verdicts = {c.id: c.verdict.title for c in report.chapters}
    assert not any(
        t.startswith("Nog te weinig bewijs") for t in verdicts.values() if "gemeten" in t
    )
