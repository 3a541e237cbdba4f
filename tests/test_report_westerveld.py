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
import sqlite_utils

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


def test_the_shipped_example_afspraken_are_never_printed_as_westervelds(
    report: Impactreflectie,
) -> None:
    # organisation.toml ships example afspraken for Westerveld 2024 (IDO 150, 34 activiteiten)
    assert report.contract is None
    html, md = render_html(report), render_markdown(report)
    data = json.loads(render_json(report))
    assert data["afspraken"] is None
    for text in (html, md):
        assert "afgesproken" not in text and "Afspraken met de gemeente" not in text
        assert "van de 150" not in text and "afspraak" not in text.lower().replace(
            "prestatieafspraak", ""
        )
    assert not any("afgesproken" in s for c in report.chapters for s in c.framing.next_steps)


@pytest.fixture(scope="module")
def agreed(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Catalogue, sqlite_utils.Database]]:
    """The replay with Westerveld's 2024 afspraak taken as real, with its pakketten."""
    from conftest import with_agreed_examples

    from toc.loader import default_catalogue

    catalogue = with_agreed_examples(default_catalogue())
    db = open_db(tmp_path_factory.mktemp("westerveld-geld") / "westerveld.db")
    import_sessions(db, catalogue, DATA / "westerveld-2024-sessies.csv")
    import_kengetallen(db, catalogue, DATA / "westerveld-2024-kengetallen.csv")
    yield catalogue, db
    db.conn.close()


def test_geld_with_tariffs_and_pakketten(agreed: tuple[Catalogue, sqlite_utils.Database]) -> None:
    catalogue, db = agreed
    report = build_report(db, catalogue, 2024, "westerveld", today=date(2025, 3, 14))
    data = json.loads(render_json(report))
    geld = data["geld"]
    # the catalogue's tariffs (Activiteitencatalogus 2025, § 3.2): pakket 1 middelgroot and
    # pakket 2 groot
    assert [(p["id"], p["bedrag"]) for p in geld["pakketten"]] == [
        ("llo-1-middelgroot", 17553),
        ("llo-2-groot", 41221),
    ]
    assert geld["totaal"] == 17553 + 41221 and geld["bijdrage_bekend"] is False
    acts = data["activiteiten"]
    for p in geld["pakketten"]:
        covered = catalogue.pakketten[p["id"]].activities
        assert p["bijeenkomsten"] == sum(acts[a]["bijeenkomsten"] for a in covered)
        assert p["deelnemers"] == sum(acts[a]["deelnemers"] for a in covered)
        assert "Activiteitencatalogus 2025" in p["bron"]
    reached = sum(p["deelnemers"] for p in geld["pakketten"])
    assert reached > 0 and geld["deelnemers"] == reached
    assert geld["per_deelnemer"] == round(geld["totaal"] / reached, 2)
    html = render_html(report)
    page2 = html.split('id="samenvatting"')[1].split("</section>")[0]
    assert "volgens de tarieven kosten die samen € 58.774" in page2 and "per deelnemer" in page2
    assert f"{reached:,}".replace(",", ".") in page2
    assert 'id="geld"' in html and "€ 41.221" in html
    # in its own unit: the pakketten's 34 activiteiten against their activities' sessions
    assert report.contract is not None and report.contract.total is not None
    assert report.contract.total.comparable
    assert report.contract.total.realised == geld["bijeenkomsten"]


def test_geld_uses_the_contribution_when_known(
    agreed: tuple[Catalogue, sqlite_utils.Database],
) -> None:
    catalogue, db = agreed
    contracts = [
        c.model_copy(update={"contribution": 50000.0})
        if (c.gemeente, c.year) == ("westerveld", 2024)
        else c
        for c in catalogue.contracts
    ]
    paid = catalogue.model_copy(update={"contracts": contracts})
    report = build_report(db, paid, 2024, "westerveld", today=date(2025, 3, 14))
    geld = json.loads(render_json(report))["geld"]
    assert geld["totaal"] == 50000 and geld["bijdrage_bekend"] is True
    assert "De gemeente betaalde € 50.000 voor 2 pakketten." in render_html(report)


def test_no_geld_without_a_real_agreement(report: Impactreflectie) -> None:
    data = json.loads(render_json(report))
    assert "geld" not in data and report.money is None
    html = render_html(report)
    assert "Wat het kostte" not in html and "€" not in html
