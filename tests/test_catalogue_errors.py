"""Broken catalogue and organisation files: every problem is named, all at once, in Dutch."""

from __future__ import annotations

from pathlib import Path

import pytest

from ground.errors import ImpactbotError
from toc.loader import CatalogueError, load_catalogue

CATALOGUE = """\
[[opgave]]
id = "participatie"
naam = "Participatie"
doel = "Wij vergroten de zelfredzaamheid."

[[programmalijn]]
id = "meedoen"
naam = "Heel Drenthe doet mee"
opgave = "participatie"
wsob = [1, 2]

[[effect]]
id = "zelfstandig-email"
naam = "Kan zelfstandig een e-mail versturen"
meetbaar = true
meetvraag = "Hoeveel cursisten kunnen zelfstandig een e-mail versturen?"
signalen = [{ id = "zelf-email", tekst = "Deelnemer verstuurde zelf een e-mail" }]

[[effect]]
id = "zelfredzaamheid"
naam = "Verhoogde zelfredzaamheid"
signalen = [{ id = "vraag-opgelost", tekst = "Vraag opgelost" }]

[[activiteit]]
id = "klik-en-tik"
naam = "Klik & Tik"
programmalijn = "meedoen"
soort = "reeks"
wsob = [1, 2]
aliassen = ["klik en tik"]
indicatoren = ["deelnemers"]
effecten = ["zelfstandig-email"]

[[activiteit]]
id = "ido-spreekuur"
naam = "IDO-spreekuur"
programmalijn = "meedoen"
soort = "spreekuur"
aliassen = ["IDO"]
indicatoren = ["bezoekers", "vragen"]
effecten = ["zelfredzaamheid"]

[[kengetal]]
id = "leden"
naam = "Leden"
"""

ORGANISATION = """\
naam = "Testbieb"

[[gemeente]]
id = "westerveld"
naam = "Westerveld"

[[vestiging]]
id = "havelte"
naam = "Bibliotheek Havelte"
gemeente = "westerveld"
aliassen = ["Havelte"]

[[contract]]
gemeente = "westerveld"
jaar = 2025
activiteiten = 15
per_activiteit = { klik-en-tik = 8 }

[[rooster]]
activiteit = "ido-spreekuur"
vestiging = "havelte"
regel = "wekelijks:wo"
tijd = "10:00"
"""


def write(tmp_path: Path, catalogue: str = CATALOGUE, organisation: str = ORGANISATION):
    cat = tmp_path / "catalogus.toml"
    org = tmp_path / "organisatie.toml"
    cat.write_text(catalogue, encoding="utf-8")
    org.write_text(organisation, encoding="utf-8")
    return cat, org


def problems(tmp_path: Path, catalogue: str = CATALOGUE, organisation: str = ORGANISATION):
    cat, org = write(tmp_path, catalogue, organisation)
    with pytest.raises(CatalogueError) as info:
        load_catalogue(cat, org)
    return info.value.problems


def only(found: list[str], *needles: str) -> str:
    """The one problem that mentions every needle."""
    hits = [p for p in found if all(n in p for n in needles)]
    assert len(hits) == 1, (needles, found)
    return hits[0]


def test_the_small_files_are_valid(tmp_path: Path) -> None:
    cat, org = write(tmp_path)
    catalogue = load_catalogue(str(cat), str(org))
    assert catalogue.organisation_name == "Testbieb"
    assert catalogue.contract("westerveld", 2025).per_activity == {"klik-en-tik": 8}


def test_error_is_an_impactbot_error_listing_every_problem(tmp_path: Path) -> None:
    cat, org = write(tmp_path, CATALOGUE.replace('opgave = "participatie"', 'opgave = "x"'))
    with pytest.raises(ImpactbotError) as info:
        load_catalogue(cat, org)
    text = str(info.value)
    assert text.startswith("De verandertheorie klopt niet (1 probleem):")
    assert "- " + info.value.problems[0] in text


def test_toml_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    broken = CATALOGUE.replace('naam = "Heel Drenthe doet mee"', 'naam = "Heel Drenthe doet mee')
    found = problems(tmp_path, broken, ORGANISATION.replace('naam = "Testbieb"', "naam = "))
    cat_problem = only(found, "catalogus.toml", "geen geldige TOML")
    assert "regel 8" in cat_problem
    org_problem = only(found, "organisatie.toml", "geen geldige TOML")
    assert "regel 1" in org_problem


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError) as info:
        load_catalogue(tmp_path / "bestaat-niet.toml")
    assert "bestaat-niet.toml: dit bestand bestaat niet" in info.value.problems[0]


def test_pydantic_errors_name_file_line_item_and_dutch_key(tmp_path: Path) -> None:
    broken = (
        CATALOGUE.replace('soort = "reeks"', 'soort = "cursus"')
        .replace('naam = "Verhoogde zelfredzaamheid"', 'naam = "Zelfredzaam"\nkleur = "rood"')
        .replace('naam = "Leden"', 'naam = "Leden"\neenheden = "leden"')
        .replace('wsob = [1, 2]\naliassen = ["klik', 'wsob = ["een"]\naliassen = ["klik')
    )
    broken = broken.replace('doel = "Wij vergroten de zelfredzaamheid."\n', "")
    found = problems(tmp_path, broken)
    soort = only(found, "activiteit 'klik-en-tik'", "veld 'soort'")
    line = broken.splitlines().index("[[activiteit]]") + 1
    assert soort.startswith(f"{tmp_path / 'catalogus.toml'}, regel {line}: ")
    assert "'cursus' is geen geldige waarde" in soort and "'reeks'" in soort
    assert "kies uit" in soort
    only(found, "opgave 'participatie'", "veld 'doel'", "ontbreekt")
    assert "sleutel bestaat niet" in only(found, "effect 'zelfredzaamheid'", "veld 'kleur'")
    assert "Bedoel je 'eenheid'?" in only(found, "kengetal 'leden'", "veld 'eenheden'")
    assert "heel getal" in only(found, "activiteit 'klik-en-tik'", "veld 'wsob'")
    assert len(found) >= 5  # all at once


def test_duplicate_and_malformed_ids(tmp_path: Path) -> None:
    extra = '\n[[effect]]\nid = "zelfredzaamheid"\nnaam = "Nog een keer"\n'
    extra += '\n[[kengetal]]\nid = "Aantal Leden"\nnaam = "Leden"\n'
    org = (
        ORGANISATION
        + '\n[[vestiging]]\nid = "havelte"\nnaam = "Havelte 2"\ngemeente = "westerveld"\n'
    )
    found = problems(tmp_path, CATALOGUE + extra, org)
    assert "komt vaker voor" in only(found, "effect 'zelfredzaamheid'", "veld 'id'", "vaker")
    assert "kleine letters" in only(found, "kengetal 'Aantal Leden'", "veld 'id'")
    only(found, "organisatie.toml", "vestiging 'havelte'", "veld 'id'", "komt vaker voor")


def test_unknown_references(tmp_path: Path) -> None:
    cat = (
        CATALOGUE.replace('opgave = "participatie"', 'opgave = "meedoen-opgave"')
        .replace(
            'programmalijn = "meedoen"\nsoort = "spreekuur"',
            'programmalijn = "digitaal"\nsoort = "spreekuur"',
        )
        .replace('effecten = ["zelfstandig-email"]', 'effecten = ["zelfstandig-email", "e-mailen"]')
    )
    org = (
        ORGANISATION.replace('gemeente = "westerveld"\naliassen', 'gemeente = "diever"\naliassen')
        .replace("jaar = 2025", 'jaar = 2025\npakket = "groot"')
        .replace("klik-en-tik = 8", "klikentik = 8")
        .replace('vestiging = "havelte"', 'vestiging = "dwingeloo"')
        .replace('activiteit = "ido-spreekuur"', 'activiteit = "ido"')
    )
    org += '\n[[contract]]\ngemeente = "emmen"\njaar = 2025\nprogrammalijnen = ["lezen"]\n'
    found = problems(tmp_path, cat, org)
    only(found, "programmalijn 'meedoen'", "veld 'opgave'", "'meedoen-opgave' bestaat niet")
    only(found, "activiteit 'ido-spreekuur'", "veld 'programmalijn'", "'digitaal' bestaat niet")
    only(found, "activiteit 'klik-en-tik'", "veld 'effecten'", "'e-mailen' bestaat niet")
    only(found, "vestiging 'havelte'", "veld 'gemeente'", "'diever' bestaat niet")
    only(found, "contract 1 (westerveld 2025)", "veld 'per_activiteit'", "'klikentik'")
    only(found, "contract 2 (emmen 2025)", "veld 'gemeente'", "'emmen' bestaat niet")
    only(found, "contract 2 (emmen 2025)", "veld 'programmalijnen'", "'lezen' bestaat niet")
    only(found, "rooster 1 (ido in dwingeloo)", "veld 'activiteit'", "'ido' bestaat niet")
    only(found, "rooster 1 (ido in dwingeloo)", "veld 'vestiging'", "'dwingeloo' bestaat niet")
    assert len(found) == 9


def test_activity_without_effects_or_programmalijn_and_unused_effect(tmp_path: Path) -> None:
    cat = CATALOGUE.replace('effecten = ["zelfredzaamheid"]', "effecten = []").replace(
        'programmalijn = "meedoen"\nsoort = "reeks"', 'soort = "reeks"'
    )
    found = problems(tmp_path, cat)
    only(found, "activiteit 'ido-spreekuur'", "veld 'effecten'", "geen effecten")
    assert "programmalijn" in only(found, "activiteit 'klik-en-tik'", "veld 'programmalijn'")
    assert "geen enkele activiteit" in only(found, "effect 'zelfredzaamheid'", "veld 'id'")


def test_empty_programmalijn(tmp_path: Path) -> None:
    cat = CATALOGUE.replace(
        'programmalijn = "meedoen"\nsoort = "reeks"', 'programmalijn = ""\nsoort = "reeks"'
    )
    found = problems(tmp_path, cat)
    assert found == [
        f"{tmp_path / 'catalogus.toml'}, regel 24: activiteit 'klik-en-tik': veld 'programmalijn': "
        "leeg; elke activiteit hoort bij een programmalijn"
    ]


def test_wsob_outside_one_to_five(tmp_path: Path) -> None:
    cat = CATALOGUE.replace("wsob = [1, 2]\n\n[[effect]]", "wsob = [0, 2]\n\n[[effect]]")
    cat = cat.replace('wsob = [1, 2]\naliassen = ["klik', 'wsob = [1, 6]\naliassen = ["klik')
    found = problems(tmp_path, cat)
    assert "1 tot en met 5" in only(found, "programmalijn 'meedoen'", "veld 'wsob'", "0 is geen")
    only(found, "activiteit 'klik-en-tik'", "veld 'wsob'", "6 is geen kernfunctie")


def test_unsuitable_indicators(tmp_path: Path) -> None:
    cat = CATALOGUE.replace('indicatoren = ["deelnemers"]', 'indicatoren = ["vragen"]').replace(
        'indicatoren = ["bezoekers", "vragen"]', 'indicatoren = ["kinderen", "volwassenen"]'
    )
    found = problems(tmp_path, cat)
    assert "'deelnemers'" in only(found, "activiteit 'klik-en-tik'", "veld 'indicatoren'")
    spreekuur = only(found, "activiteit 'ido-spreekuur'", "veld 'indicatoren'")
    assert "een spreekuur telt 'bezoekers' en 'vragen'" in spreekuur
    found = problems(tmp_path, cat.replace('indicatoren = ["vragen"]', "indicatoren = []"))
    only(found, "activiteit 'klik-en-tik'", "veld 'indicatoren'", "minstens één")


def test_alias_collisions(tmp_path: Path) -> None:
    cat = CATALOGUE.replace('aliassen = ["IDO"]', 'aliassen = ["IDO", "Klik en Tik"]')
    org = ORGANISATION + (
        '\n[[vestiging]]\nid = "diever"\nnaam = "Bibliotheek Diever"\n'
        'gemeente = "westerveld"\naliassen = ["havelte"]\n'
    )
    found = problems(tmp_path, cat, org)
    collision = only(found, "activiteit 'ido-spreekuur'", "veld 'aliassen'")
    assert "'Klik en Tik' hoort ook bij activiteit 'klik-en-tik'" in collision
    only(found, "vestiging 'diever'", "veld 'aliassen'", "vestiging 'havelte'")


def test_bad_schedule_rule_time_contract_and_unknown_section(tmp_path: Path) -> None:
    org = (
        ORGANISATION.replace('regel = "wekelijks:wo"', 'regel = "elke woensdag"')
        .replace('tijd = "10:00"', 'tijd = "10 uur"\nmaanden = [0, 7]')
        .replace("klik-en-tik = 8", "klik-en-tik = -1")
    )
    org += '\n[[contract]]\ngemeente = "westerveld"\njaar = 2025\n\n[[gemeenten]]\nid = "x"\n'
    found = problems(tmp_path, CATALOGUE.replace("[[kengetal]]", "[[kengetallen]]"), org)
    assert "wekelijks:wo" in only(found, "rooster 1", "veld 'regel'", "elke woensdag")
    only(found, "rooster 1", "veld 'tijd'", "UU:MM")
    only(found, "rooster 1", "veld 'maanden'", "1 tot en met 12")
    only(found, "contract 1", "veld 'per_activiteit'", "negatief")
    only(found, "contract 2 (westerveld 2025)", "veld 'jaar'", "al een contract")
    only(found, "organisatie.toml: veld 'gemeenten'", "Bedoel je 'gemeente'?")
    only(found, "catalogus.toml: veld 'kengetallen'", "bestaat niet")


def test_empty_sections_are_reported(tmp_path: Path) -> None:
    found = problems(tmp_path, 'naam = "x"\n', "")
    for section in ("opgave", "programmalijn", "effect", "activiteit"):
        only(found, "catalogus.toml", f"veld '{section}'", "geen enkel")
    for section in ("gemeente", "vestiging"):
        only(found, "organisatie.toml", f"veld '{section}'", "geen enkel")


def test_ids_too_long_for_the_bots_buttons_are_refused(tmp_path: Path) -> None:
    long_activity = "a" + "-klik" * 6  # 31 characters
    catalogue = CATALOGUE.replace('id = "ido-spreekuur"', f'id = "{long_activity}"').replace(
        'activiteit = "ido-spreekuur"', f'activiteit = "{long_activity}"'
    )
    found = problems(tmp_path, catalogue)
    assert "hoogstens 28 tekens" in only(found, f"'{long_activity}'", "veld 'id'")


def test_the_longest_ids_fit_every_button_of_the_bot() -> None:
    """With every id at its maximum, each kind of callback_data stays within 64 bytes."""
    from datetime import date

    from bot.leader.draft import Draft
    from bot.leader.keyboards import draft_data
    from bot.manager.jobs import reminder_button
    from reports.stand import PERIODS
    from toc.loader import MAX_ID_LENGTH
    from toc.models import Schedule

    longest = {section: "x" * n for section, n in MAX_ID_LENGTH.items()}
    draft = Draft(telegram_id=1, person_id=1)
    data = []
    for step, value in (
        ("activity", f"a:{longest['activiteit']}"),
        ("activity", f"p:{longest['programmalijn']}"),
        ("vestiging", f"v:{longest['vestiging']}"),
        ("vestiging", f"g:{longest['gemeente']}"),
        ("effects", f"t:{longest['effect']}"),
        ("last_lesson", "yes"),
    ):
        draft.step = step  # type: ignore[assignment]
        data.append(draft_data(draft, value))
    item = Schedule.model_construct(activity=longest["activiteit"], vestiging=longest["vestiging"])
    markup = reminder_button(item, date(2026, 12, 31))
    data += [b.callback_data for row in markup.inline_keyboard for b in row]  # type: ignore[misc]
    for period in PERIODS:
        where = f"v:{longest['vestiging']}"
        data.append(f"so:{period}:{where}:{longest['opgave']}")
        data.append(f"st:{period}:g:{longest['gemeente']}")
    data.append(f"kg:2026:{longest['gemeente']}:{longest['kengetal']}")
    too_long = [d for d in data if len(str(d).encode()) > 64]
    assert not too_long


def test_signals_present_few_and_short(tmp_path: Path) -> None:
    long_text = "Deelnemer regelde zelf iets online bij de gemeente"  # 50 characters
    cat = CATALOGUE.replace(
        'signalen = [{ id = "zelf-email", tekst = "Deelnemer verstuurde zelf een e-mail" }]\n',
        "",
    ).replace(
        'signalen = [{ id = "vraag-opgelost", tekst = "Vraag opgelost" }]',
        "signalen = [\n"
        '  { id = "a", tekst = "Een" }, { id = "b", tekst = "Twee" },\n'
        '  { id = "c", tekst = "Drie" }, { id = "d", tekst = "' + long_text + '" },\n'
        "]",
    )
    found = problems(tmp_path, cat)
    missing = only(found, "effect 'zelfstandig-email'", "veld 'signalen'")
    assert "geen signalen" in missing and "1 tot 3" in missing
    assert "hoogstens 3" in only(found, "effect 'zelfredzaamheid'", "4 signalen")
    too_long = only(found, "effect 'zelfredzaamheid'", "signaal 'd'")
    assert "50 tekens" in too_long and "hoogstens 40" in too_long
    assert all(", regel " in p for p in found if "effect '" in p)  # file and line are named


def test_signal_ids_unique_and_activity_choice_checked(tmp_path: Path) -> None:
    cat = CATALOGUE.replace('id = "vraag-opgelost"', 'id = "zelf-email"').replace(
        'effecten = ["zelfstandig-email"]\n',
        'effecten = ["zelfstandig-email"]\nsignalen = ["onbekend", "zelf-email"]\n',
    )
    found = problems(tmp_path, cat)
    dup = only(found, "effect 'zelfredzaamheid'", "veld 'signalen'")
    assert "staat ook bij effect 'zelfstandig-email'" in dup
    assert "'onbekend'" in only(found, "activiteit 'klik-en-tik'", "veld 'signalen'")


def test_valid_signals_load_and_activity_gets_at_most_six(tmp_path: Path) -> None:
    cat_path, org_path = tmp_path / "c.toml", tmp_path / "o.toml"
    cat_path.write_text(CATALOGUE, encoding="utf-8")
    org_path.write_text(ORGANISATION, encoding="utf-8")
    catalogue = load_catalogue(cat_path, org_path)
    chosen = catalogue.signals_for("klik-en-tik")
    assert [(s.id, e) for s, e in chosen] == [("zelf-email", "zelfstandig-email")]
    assert catalogue.signal("vraag-opgelost") is not None


def test_a_real_afspraak_must_name_known_pakketten(tmp_path: Path) -> None:
    from toc.loader import CatalogueError, load_catalogue

    shipped = (Path(__file__).parent.parent / "toc" / "data" / "organisation.toml").read_text(
        encoding="utf-8"
    )
    org = tmp_path / "organisation.toml"
    org.write_text(
        shipped.replace(
            'pakketten = ["llo-1-middelgroot", "llo-2-groot"]', 'pakketten = ["llo-9"]'
        ),
        encoding="utf-8",
    )
    load_catalogue(None, org)  # examples only illustrate: an unknown pakket there is no error
    org.write_text(
        shipped.replace("voorbeeld = true\n", "").replace(
            'pakketten = ["llo-1-middelgroot", "llo-2-groot"]', 'pakketten = ["llo-9"]'
        ),
        encoding="utf-8",
    )
    with pytest.raises(CatalogueError) as found:
        load_catalogue(None, org)
    assert "het pakket 'llo-9' bestaat niet" in str(found.value)
