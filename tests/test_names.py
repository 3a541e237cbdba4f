"""intake.names: one full-name check, right both ways.

Catalogue and organisation names (activities, vestigingen, gemeenten and their aliases) are
never a surname; common Dutch surnames are found in "wie zei het" and inside a quote's text,
capitalised or not.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from intake.names import full_name_in_quote, full_name_problem, looks_like_full_name
from toc.loader import default_catalogue
from toc.models import Catalogue

SURNAMES = [
    "de Vries", "Jansen", "de Jong", "Bakker", "van Dijk", "Mulder", "Bos", "Visser", "Smit",
    "Meijer", "de Boer", "Dijkstra", "Hoekstra", "van den Berg", "van der Meer", "de Groot",
    "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Vermeulen", "Postma",
    "Jonker", "Kramer", "Huisman", "van der Linden", "Kok", "Wiersma",
]  # fmt: skip
FIRST_NAMES = ["Sem", "Isa", "Henk", "Fenna"]

# Ordinary quotes that name nobody in full (some name a catalogue activity or place).
PLAIN_QUOTES = [
    "Isa wil nu elke avond voorlezen",
    "We liepen over de dijk naar de bieb",
    "De bakker en de boer kwamen ook luisteren",
    "Ik vind Harry Potter het mooiste boek",
    "De vos was slimmer dan de haan",
    "juf Anja leest zo mooi voor",
    "Ik kom uit Den Haag en woon nu in De Wijk",
    "Van jong tot oud komt hier graag",
    "In Drents veurlezen hoor ik mijn eigen taal",
    "Bij de Makersplaats in Beilen heb ik mijn eerste ding geprint",
    "Van Kamp Westerbork wist ik nog niets",
    "Nu bel ik zelf met de tablet met mijn kleinkinderen in Canada.",
    "Thuis weet nog niemand dat ik hier leer lezen",
    "Ik ben zo blij dat IDO er is. Ik kon mijn toeslag zelf aanvragen.",
    "Mijn moeder van 80 kan nu zelf mailen",
    "De vrijwilligers van SeniorWeb hebben eindeloos geduld.",
    "Samen met de groep naar Vries, dat was mooi",
    "Klik & Tik heeft mij veel geleerd",
]


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return default_catalogue()


def catalogue_names(catalogue: Catalogue) -> list[str]:
    names = [catalogue.organisation_name]
    for activity in catalogue.activities.values():
        names += [activity.name, *activity.aliases]
    for vestiging in catalogue.vestigingen.values():
        names += [vestiging.name, *vestiging.aliases]
    names += [gemeente.name for gemeente in catalogue.gemeenten.values()]
    return sorted(set(names))


def test_catalogue_names_are_never_a_surname(catalogue: Catalogue) -> None:
    wrong = []
    for name in catalogue_names(catalogue):
        for attribution in (
            f"deelnemer {name}",
            f"deelnemer {name}, 86",
            f"Gerrit, bezoeker {name}",
            f"cursist van {name}",
            f"bezoeker uit {name}",
            f"vrijwilliger {name.lower()}",
        ):
            if looks_like_full_name(attribution, catalogue):
                wrong.append(attribution)
        quote = f"Bij {name} was het echt gezellig"
        if full_name_in_quote(quote, catalogue):
            wrong.append(quote)
    assert wrong == []


def test_the_exported_form_reads_back(catalogue: Catalogue) -> None:
    """What the export and the demo write (e.g. 'deelnemer Drents veurlezen') is no name."""
    assert looks_like_full_name("deelnemer Drents veurlezen")  # without the catalogue: unsure
    assert not looks_like_full_name("deelnemer Drents veurlezen", catalogue)
    demo = (Path(__file__).parents[1] / "demo" / "quotes.py").read_text(encoding="utf-8")
    attributions = set(re.findall(r'"([^"]{2,60})", "(?:ja|nee|anoniem)"', demo))
    assert len(attributions) > 40
    assert [a for a in sorted(attributions) if looks_like_full_name(a, catalogue)] == []


@pytest.mark.parametrize("surname", SURNAMES)
def test_a_common_surname_is_found_in_who_said_it(catalogue: Catalogue, surname: str) -> None:
    for first in FIRST_NAMES:
        for text in (f"{first} {surname}", f"{first.lower()} {surname.lower()}"):
            assert looks_like_full_name(text, catalogue), text
            assert looks_like_full_name(f"moeder van {text}", catalogue), text
    assert looks_like_full_name(f"mevrouw {surname}", catalogue)


@pytest.mark.parametrize("surname", SURNAMES)
def test_a_common_surname_is_found_inside_a_quote(catalogue: Catalogue, surname: str) -> None:
    for first in FIRST_NAMES:
        for name in (f"{first} {surname}", f"{first.lower()} {surname.lower()}"):
            text = f"Dit boek wil ik ook lezen, zei de moeder van {name}"
            assert full_name_in_quote(text, catalogue), text
    assert full_name_in_quote(f"Mevrouw {surname} las het verhaal voor", catalogue)
    assert full_name_in_quote(f"Het was leuk, toch {FIRST_NAMES[0]} {surname}?", catalogue)


@pytest.mark.parametrize("text", PLAIN_QUOTES)
def test_ordinary_quotes_name_nobody(catalogue: Catalogue, text: str) -> None:
    assert not full_name_in_quote(text, catalogue)


def test_a_place_after_a_surname_particle_is_a_surname(catalogue: Catalogue) -> None:
    assert "vries" in catalogue.vestigingen  # Vries is a vestiging and half a surname
    assert looks_like_full_name("Jan de Vries", catalogue)
    assert looks_like_full_name("mevrouw de Vries", catalogue)
    assert not looks_like_full_name("bezoeker uit Vries", catalogue)
    assert full_name_in_quote("zei de moeder van Sem de Vries", catalogue)
    assert not full_name_in_quote("We gingen samen naar Vries", catalogue)


def test_the_import_reason(catalogue: Catalogue) -> None:
    assert full_name_problem("Mooi!", "deelnemer Drents veurlezen", catalogue) is None
    assert "volledige naam" in (full_name_problem("Mooi!", "Jan de Vries", catalogue) or "")
    inside = full_name_problem("Leuk, zei de moeder van Sem de Vries", "moeder", catalogue)
    assert inside is not None and "achternaam" in inside


def test_the_attribution_lists_hold_with_the_catalogue(catalogue: Catalogue) -> None:
    from test_attribution import FULL_NAMES, NOT_FULL_NAMES

    assert [t for t in FULL_NAMES if not looks_like_full_name(t, catalogue)] == []
    assert [t for t in NOT_FULL_NAMES if looks_like_full_name(t, catalogue)] == []


def test_a_demo_year_exported_reads_back_into_a_fresh_database(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    """The README's round trip: no quote of the export is refused as a full name."""
    from demo.data import generate_demo_year
    from intake.importer import import_sessions
    from reports.export import export_rows, to_csv
    from store.db import open_db

    source = open_db(tmp_path / "source.db")
    generate_demo_year(source, catalogue, 2025)
    path = tmp_path / "export.csv"
    path.write_bytes(to_csv(export_rows(source, catalogue, 2025)))
    fresh = open_db(tmp_path / "fresh.db")
    report = import_sessions(fresh, catalogue, path)
    assert report.stored > 1000
    assert fresh.execute("SELECT count(*) FROM quotes").fetchone()[0] > 40
    source.conn.close()
    fresh.conn.close()


@pytest.mark.parametrize("name", ["Jan Vries", "Jan Klein", "Jan Groot", "Fenna Bos"])
def test_a_surname_that_is_a_word_or_a_place_after_a_first_name(
    catalogue: Catalogue, name: str
) -> None:
    assert looks_like_full_name(name, catalogue)
    assert full_name_in_quote(f"Het was een fijne ochtend. {name} las voor.", catalogue)
    assert not looks_like_full_name(name.split()[0], catalogue)


@pytest.mark.parametrize(
    "text",
    ["06-12345678", "+31 6 1234 5678", "bel 0591 123456", "@janvries", "jan.vries@example.nl"],
)
def test_contact_details_are_refused_like_a_full_name(catalogue: Catalogue, text: str) -> None:
    assert looks_like_full_name(f"Jan, {text}", catalogue)
    assert full_name_in_quote(f"Leuk! Je kunt me bereiken via {text}", catalogue)
    assert "volledige naam" in (full_name_problem("Mooi!", f"Jan {text}", catalogue) or "")


@pytest.mark.parametrize(
    "text",
    [
        "Op 12-03-2024 om 10.30 uur begon het",
        "Klein Duimpje vond ik het mooiste",
        "Ik las Klein Duimpje voor",
        "We waren met 12 kinderen en 8 ouders",
        "Ik mail nu zelf, met @ en punt erbij",
    ],
)
def test_dates_titles_and_counts_are_no_contact_or_name(catalogue: Catalogue, text: str) -> None:
    assert not full_name_in_quote(text, catalogue)
