"""intake.parse: free-text reports as tired leaders type them on a phone.

Every row is checked against a small hand-built catalogue with the fixed ids from PRODUCT.md and,
when it is there, against the shipped default catalogue: the ids are fixed, so the answers are
the same. Today is Friday 14 March 2025 throughout.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from intake.parse import ParseResult, parse_message
from toc.models import Activity, Catalogue, Gemeente, Opgave, Programmalijn, Vestiging

TODAY = date(2025, 3, 14)  # a Friday
T = "2025-03-14"

ACTIVITIES: dict[str, tuple[str, str, list[str]]] = {
    # id: (name, kind, aliases)
    "voorleesuurtje": ("Voorleesuurtje", "bijeenkomst", ["voorlees uurtje"]),
    # Bare "BoekStart" is no alias: it could be any of the three BoekStart activities.
    "kleintje-bieb": ("Kleintje Bieb", "bijeenkomst", ["BoekStart voor baby's"]),
    "boekstart-kinderopvang": (
        "BoekStart in de kinderopvang",
        "bijeenkomst",
        [
            "BoekStart kinderopvang",
            "BoekStart op de kinderopvang",
            "BoekStart kdv",
            "BoekStart op het kdv",
            "BoekStart kinderdagverblijf",
        ],
    ),
    "boekstartcoach": ("BoekStartcoach", "bijeenkomst", ["BoekStart-coach"]),
    "dbos-po": ("De Bibliotheek op school (PO)", "bijeenkomst", ["dBos"]),
    "dbos-vo": ("De Bibliotheek op school (VO)", "bijeenkomst", ["dBos VO"]),
    "taalhuis": ("Taalhuis", "bijeenkomst", ["Taalpunt"]),
    "taalcafe": ("Taalcafé", "bijeenkomst", []),
    "klik-en-tik": ("Klik & Tik", "reeks", []),
    "digisterker": ("Digisterker", "reeks", []),
    "digivitaler": ("DigiVitaler", "reeks", []),
    "ido-spreekuur": ("IDO-spreekuur", "spreekuur", ["IDO", "IDO spreekuur"]),
    "belastingspreekuur": ("Belastingspreekuur", "spreekuur", ["belasting spreekuur"]),
    "leerplein": ("Leerplein", "bijeenkomst", []),
    "basisvaardigheden": ("Basisvaardigheden", "bijeenkomst", []),
    "verhalenbrink": ("Verhalenbrink", "bijeenkomst", []),
    "lezing": ("Lezing", "bijeenkomst", ["boekpresentatie"]),
    "workshop": ("Workshop", "bijeenkomst", []),
    "biebfabriek": ("BiebFabriek", "bijeenkomst", []),
    "makersplaats": ("Makersplaats", "bijeenkomst", []),
    "coderdojo": ("CoderDojo", "bijeenkomst", []),
    "samenlezen": ("Samenlezen", "bijeenkomst", []),
    "drents-veurlezen": ("Drents veurlezen", "bijeenkomst", []),
    "breicafe": ("Breicafé", "bijeenkomst", []),
    "knutseluurtje": ("Knutseluurtje", "bijeenkomst", []),
    "platformactiviteit": ("Platformactiviteit", "bijeenkomst", []),
}
VESTIGINGEN = {
    "havelte": "westerveld", "diever": "westerveld", "dwingeloo": "westerveld",
    "vledder": "westerveld", "beilen": "midden-drenthe", "bovensmilde": "midden-drenthe",
    "smilde": "midden-drenthe", "westerbork": "midden-drenthe", "zuidwolde": "de-wolden",
    "ruinerwold": "de-wolden", "de-wijk": "de-wolden", "gieten": "aa-en-hunze",
    "rolde": "aa-en-hunze", "odoorn": "borger-odoorn", "nieuw-buinen": "borger-odoorn",
}  # fmt: skip


def fixture_catalogue() -> Catalogue:
    activities = {
        aid: Activity(id=aid, name=name, programmalijn="p", kind=kind, aliases=aliases)
        for aid, (name, kind, aliases) in ACTIVITIES.items()
    }
    vestigingen = {
        vid: Vestiging(
            id=vid,
            name="Bibliotheek " + vid.replace("-", " ").title(),
            gemeente=gemeente,
            aliases=[vid.replace("-", " ").title()],
        )
        for vid, gemeente in VESTIGINGEN.items()
    }
    return Catalogue(
        opgaven={"o": Opgave(id="o", name="Opgave", goal="Doel")},
        programmalijnen={"p": Programmalijn(id="p", name="Lijn", opgave="o")},
        activities=activities,
        effects={},
        kengetallen={},
        gemeenten={g: Gemeente(id=g, name=g) for g in set(VESTIGINGEN.values())},
        vestigingen=vestigingen,
    )


@pytest.fixture(scope="module", params=["fixture", "default"])
def catalogue(request: pytest.FixtureRequest) -> Catalogue:
    if request.param == "fixture":
        return fixture_catalogue()
    loader = pytest.importorskip("toc.loader")
    return loader.default_catalogue()


def row(
    text: str,
    activity: str | None = None,
    location: str | None = None,
    day: str | None = T,
    counts: dict[str, int] | None = None,
    participants: int | None = None,
    quotes: list[tuple[str, str | None]] | None = None,
) -> Any:
    """One table row: the message and the full contract object expected for it."""
    expected = {
        "activity": activity,
        "location": location,
        "date": day,
        "counts": counts or {},
        "participants": participants,
        "quotes": [{"text": q, "attribution": a} for q, a in quotes or []],
        "missing": [
            name
            for name, value in (
                ("activity", activity),
                ("location", location),
                ("date", day),
                ("participants", participants),
            )
            if value is None
        ],
    }
    return pytest.param(text, expected, id=text[:50])


K, V = "kinderen", "volwassenen"
ROWS = [
    # The example from the product brief.
    row(
        "Voorleesuurtje Havelte 12 kinderen 8 ouders 'Isa wil nu elke avond voorlezen' "
        "- moeder van Isa",
        "voorleesuurtje", "havelte", T, {K: 12, V: 8}, 20,
        [("Isa wil nu elke avond voorlezen", "moeder van Isa")],
    ),
    # Counts in many shapes.
    row("voorleesuurtje havelte 12 kinderen en 8 ouders", "voorleesuurtje", "havelte", T,
        {K: 12, V: 8}, 20),
    row("voorleesuurtje havelte kinderen: 12 ouders: 8", "voorleesuurtje", "havelte", T,
        {K: 12, V: 8}, 20),
    row("Voorleesuurtje\nHavelte\nKinderen: 12\nOuders: 8", "voorleesuurtje", "havelte", T,
        {K: 12, V: 8}, 20),
    row("voorleesuurtje diever 12 kids + 8 volwassenen", "voorleesuurtje", "diever", T,
        {K: 12, V: 8}, 20),
    row("voorleesuurtje diever kinderen 12 ouders 8", "voorleesuurtje", "diever", T,
        {K: 12, V: 8}, 20),
    row("voorleesuurtje diever totaal 20", "voorleesuurtje", "diever", T, {}, 20),
    row("voorleesuurtje diever 12 kinderen 8 ouders, totaal 20", "voorleesuurtje", "diever",
        T, {K: 12, V: 8}, 20),
    row("knutseluurtje gieten totaal 25 waarvan 15 kinderen", "knutseluurtje", "gieten", T,
        {K: 15}, 25),
    row("kleintje bieb vledder 6 peuters 5 mama's 1 opa", "kleintje-bieb", "vledder", T,
        {K: 6, V: 6}, 12),
    row("kleintje bieb vledder 7 baby's en 7 ouders 📚", "kleintje-bieb", "vledder", T,
        {K: 7, V: 7}, 14),
    row("kleintje bieb rolde 4 babies, 3 dreumesen, 6 moeders en 1 vader", "kleintje-bieb",
        "rolde", T, {K: 7, V: 7}, 14),
    row("voorleesuurtje zuidwolde twaalf kinderen acht ouders", "voorleesuurtje",
        "zuidwolde", T, {K: 12, V: 8}, 20),
    row("voorleesuurtje zuidwolde vijfentwintig kinderen", "voorleesuurtje", "zuidwolde", T,
        {K: 25}, 25),
    row("voorleesuurtje zuidwolde tweeëntwintig kids en één oma", "voorleesuurtje",
        "zuidwolde", T, {K: 22, V: 1}, 23),
    row("voorleesuurtje ruinerwold dertig kinderen veertig ouders", "voorleesuurtje",
        "ruinerwold", T, {K: 30, V: 40}, 70),
    row("voorleesuurtje ruinerwold 12 kinderne 8 oudrs", "voorleesuurtje", "ruinerwold", T,
        {K: 12, V: 8}, 20),
    row("voorleesuurtje ruinerwold 9 kinders", "voorleesuurtje", "ruinerwold", T, {K: 9}, 9),
    row("voorleesuurtje smilde 10 kleuters, 4 grootouders, 2 verzorgers", "voorleesuurtje",
        "smilde", T, {K: 10, V: 6}, 16),
    row("dbos vo westerbork 28 leerlingen 2 docenten", "dbos-vo", "westerbork", T, {K: 28}, 28),
    row("verhalenbrink westerbork 14 jongeren en 3 begeleiders", "verhalenbrink",
        "westerbork", T, {K: 14}, 14),
    row("taalcafé dwingeloo 9 deelnemers 3 vrijw.", "taalcafe", "dwingeloo", T,
        {"deelnemers": 9}, 9),
    row("taalcafe dwingeloo 9 deelnemers, 4 vrijwilligers, 1 medewerker", "taalcafe",
        "dwingeloo", T, {"deelnemers": 9}, 9),
    row("lezing beilen 45 bezoekers", "lezing", "beilen", T, {"deelnemers": 45}, 45),
    row("boekpresentatie beilen 30 mensen", "lezing", "beilen", T, {"deelnemers": 30}, 30),
    row("lezing beilen 30 aanwezigen", "lezing", "beilen", T, {"deelnemers": 30}, 30),
    row("breicafé gieten 8 dames", "breicafe", "gieten", T, {"deelnemers": 8}, 8),
    row("workshop rolde 12 personen", "workshop", "rolde", T, {"deelnemers": 12}, 12),
    row("makersplaats odoorn 20 deelnemers waarvan 12 kinderen", "makersplaats", "odoorn", T,
        {"deelnemers": 20, K: 12}, 20),
    row("coderdojo nieuw-buinen 11 kids, 2 vrijwilligers, 1 collega", "coderdojo",
        "nieuw-buinen", T, {K: 11}, 11),
    row("coderdojo nieuw buinen ongeveer 15 kinderen", "coderdojo", "nieuw-buinen", T,
        {K: 15}, 15),
    row("taalcafe dwingeloo een stuk of tien deelnemers", "taalcafe", "dwingeloo", T,
        {"deelnemers": 10}, 10),
    row("taalcafe dwingeloo zo'n 12 mensen", "taalcafe", "dwingeloo", T,
        {"deelnemers": 12}, 12),
    # Ranges and vague words: the count is asked, not guessed.
    row("breicafe westerbork 15-20 dames", "breicafe", "westerbork", T),
    row("breicafe westerbork tien à twaalf dames", "breicafe", "westerbork", T),
    row("voorleesuurtje havelte veel kinderen!! 😅", "voorleesuurtje", "havelte", T),
    row("voorleesuurtje havelte een paar ouders en kinderen", "voorleesuurtje", "havelte", T),
    # Reeks lessons: lesson numbers are not counts.
    row("les 3 klik en tik beilen 8 cursisten", "klik-en-tik", "beilen", T,
        {"deelnemers": 8}, 8),
    row("Klik & Tik Beilen les 4 van 6, 7 cursisten", "klik-en-tik", "beilen", T,
        {"deelnemers": 7}, 7),
    row("klik-en-tik vledder 3e les 6 cursisten", "klik-en-tik", "vledder", T,
        {"deelnemers": 6}, 6),
    row("Klik&Tik vledder 2de les, 5 pers.", "klik-en-tik", "vledder", T,
        {"deelnemers": 5}, 5),
    row("digi sterker smilde bijeenkomst 2 van 6, 5 deelnemers", "digisterker", "smilde", T,
        {"deelnemers": 5}, 5),
    row("digisterker smilde les 5 van 5 - 9 cursisten 🎉", "digisterker", "smilde", T,
        {"deelnemers": 9}, 9),
    row("digivitaler gieten les 1", "digivitaler", "gieten", T),
    # Spreekuren: visitors and questions.
    row("ido spreekuur diever 6 bezoekers 11 vragen", "ido-spreekuur", "diever", T,
        {"bezoekers": 6, "vragen": 11}, 6),
    row("IDO Beilen: 4 mensen, 7 vragen", "ido-spreekuur", "beilen", T,
        {"bezoekers": 4, "vragen": 7}, 4),
    row("belastingspreekuur smilde 12 bezoekers", "belastingspreekuur", "smilde", T,
        {"bezoekers": 12}, 12),
    row("belasting spreekuur smilde vragen: 9", "belastingspreekuur", "smilde", T,
        {"vragen": 9}),
    # Times, ages, groups, percentages, years: never counts.
    row("voorleesuurtje havelte om 10:30, 14 kinderen", "voorleesuurtje", "havelte", T,
        {K: 14}, 14),
    row("voorleesuurtje havelte 10.30 uur 14 kids 6 ouders", "voorleesuurtje", "havelte", T,
        {K: 14, V: 6}, 20),
    row("knutseluurtje gieten 14u 9 kinderen van 4 jaar", "knutseluurtje", "gieten", T,
        {K: 9}, 9),
    row("knutseluurtje gieten van 14 tot 16 uur 9 kinderen (4-6 jaar)", "knutseluurtje",
        "gieten", T, {K: 9}, 9),
    row("dbos po havelte groep 5 28 leerlingen", "dbos-po", "havelte", T, {K: 28}, 28),
    row("dbos havelte groep 7/8 met juf, 24 kinderen", "dbos-po", "havelte", T, {K: 24}, 24),
    row("digisterker beilen 65+ 8 deelnemers", "digisterker", "beilen", T,
        {"deelnemers": 8}, 8),
    row("lezing beilen 80% vol, 40 bezoekers", "lezing", "beilen", T, {"deelnemers": 40}, 40),
    row("voorleesuurtje havelte kinderen van 2 tot 4 jaar", "voorleesuurtje", "havelte", T),
    # Days relative to Friday 14 March 2025, and dates.
    row("gisteren voorleesuurtje havelte 12 kids", "voorleesuurtje", "havelte", "2025-03-13",
        {K: 12}, 12),
    row("gisteravond lezing beilen 30 mensen", "lezing", "beilen", "2025-03-13",
        {"deelnemers": 30}, 30),
    row("eergisteren taalcafe dwingeloo 7 deelnemers", "taalcafe", "dwingeloo", "2025-03-12",
        {"deelnemers": 7}, 7),
    row("vanochtend kleintje bieb vledder 5 peuters 5 ouders", "kleintje-bieb", "vledder", T,
        {K: 5, V: 5}, 10),
    row("woensdag voorleesuurtje havelte 12 kinderen", "voorleesuurtje", "havelte",
        "2025-03-12", {K: 12}, 12),
    row("woensdagmiddag knutseluurtje gieten 9 kids", "knutseluurtje", "gieten", "2025-03-12",
        {K: 9}, 9),
    row("vrijdag voorleesuurtje havelte 12 kinderen", "voorleesuurtje", "havelte", T,
        {K: 12}, 12),
    row("zaterdag coderdojo odoorn 10 kids", "coderdojo", "odoorn", "2025-03-08", {K: 10}, 10),
    row("afgelopen dinsdag taalcafe dwingeloo 6 deelnemers", "taalcafe", "dwingeloo",
        "2025-03-11", {"deelnemers": 6}, 6),
    row("afgelopen vrijdag taalcafe dwingeloo 6 deelnemers", "taalcafe", "dwingeloo",
        "2025-03-07", {"deelnemers": 6}, 6),
    row("vorige week woensdag voorleesuurtje havelte 10 kinderen", "voorleesuurtje",
        "havelte", "2025-03-05", {K: 10}, 10),
    row("voorleesuurtje havelte 14 maart 11 kinderen", "voorleesuurtje", "havelte", T,
        {K: 11}, 11),
    row("voorleesuurtje havelte 7-3 11 kinderen", "voorleesuurtje", "havelte", "2025-03-07",
        {K: 11}, 11),
    row("voorleesuurtje havelte 7/3: 11 kinderen", "voorleesuurtje", "havelte", "2025-03-07",
        {K: 11}, 11),
    row("za 4 okt coderdojo odoorn 12 kids", "coderdojo", "odoorn", "2024-10-04", {K: 12}, 12),
    row("lezing beilen 4 oktober 2024, 60 bezoekers", "lezing", "beilen", "2024-10-04",
        {"deelnemers": 60}, 60),
    row("lezing beilen 2025-03-01 35 bezoekers", "lezing", "beilen", "2025-03-01",
        {"deelnemers": 35}, 35),
    row("lezing beilen 1-3-2025 35 bezoekers", "lezing", "beilen", "2025-03-01",
        {"deelnemers": 35}, 35),
    row("vorige week taalcafe dwingeloo 8 deelnemers", "taalcafe", "dwingeloo", None,
        {"deelnemers": 8}, 8),
    row("taalcafe dwingeloo 31-2 8 deelnemers", "taalcafe", "dwingeloo", None,
        {"deelnemers": 8}, 8),
    row("gisteren of woensdag? taalcafe dwingeloo 8 deelnemers", "taalcafe", "dwingeloo",
        None, {"deelnemers": 8}, 8),
    # Locations written with a marker, or with a typo.
    row("voorleesuurtje in Havelte 12 kids", "voorleesuurtje", "havelte", T, {K: 12}, 12),
    row("voorleesuurtje bieb Diever 12 kids", "voorleesuurtje", "diever", T, {K: 12}, 12),
    row("voorleesuurtje @Beilen 12 kids", "voorleesuurtje", "beilen", T, {K: 12}, 12),
    row("voorleesuurtje in havlte 12 kids", "voorleesuurtje", "havelte", T, {K: 12}, 12),
    row("voorleesuurtje bovensmilde 12 kids", "voorleesuurtje", "bovensmilde", T, {K: 12}, 12),
    row("samenlezen de wijk 6 deelnemers", "samenlezen", "de-wijk", T, {"deelnemers": 6}, 6),
    # Typos and spelling variants of activities.
    row("voorlees uurtje havelte 12 kids", "voorleesuurtje", "havelte", T, {K: 12}, 12),
    row("voorleesuutje havelte 12 kids", "voorleesuurtje", "havelte", T, {K: 12}, 12),
    row("VOORLEESUURTJE HAVELTE 12 KIDS", "voorleesuurtje", "havelte", T, {K: 12}, 12),
    row("klik en tik beilen 8 cursisten", "klik-en-tik", "beilen", T, {"deelnemers": 8}, 8),
    row("Digi sterker beilen 8 cursisten", "digisterker", "beilen", T, {"deelnemers": 8}, 8),
    row("drents veurlezen ruinerwold 25 bezoekers", "drents-veurlezen", "ruinerwold", T,
        {"deelnemers": 25}, 25),
    # Quotes: marks, apostrophes inside words, labels, attribution styles.
    row('voorleesuurtje havelte 12 kids "Mag ik morgen weer komen?" (Sem, 5)',
        "voorleesuurtje", "havelte", T, {K: 12}, 12, [("Mag ik morgen weer komen?", "Sem, 5")]),
    row("klik en tik beilen 8 cursisten „Eindelijk kan ik zelf mailen” – Jan, 72",
        "klik-en-tik", "beilen", T, {"deelnemers": 8}, 8,
        [("Eindelijk kan ik zelf mailen", "Jan, 72")]),
    row("kleintje bieb vledder 6 baby's, foto's gemaakt. ‘Ze kijkt nu zelf boekjes’ "
        "(moeder van Noor)", "kleintje-bieb", "vledder", T, {K: 6}, 6,
        [("Ze kijkt nu zelf boekjes", "moeder van Noor")]),
    row("voorleesuurtje havelte 12 kids. Citaat: opa's verhaal was het leukst - Mila",
        "voorleesuurtje", "havelte", T, {K: 12}, 12, [("opa's verhaal was het leukst", "Mila")]),
    row("taalcafe dwingeloo 9 deelnemers\nQuote: ik durf nu te bellen met de huisarts",
        "taalcafe", "dwingeloo", T, {"deelnemers": 9}, 9,
        [("ik durf nu te bellen met de huisarts", None)]),
    row("taalcafe dwingeloo 9 deelnemers\ncursist zei: ik praat nu met de buren",
        "taalcafe", "dwingeloo", T, {"deelnemers": 9}, 9,
        [("ik praat nu met de buren", "cursist")]),
    row("voorleesuurtje havelte 12 kids 'leuk!' zei Sem 'nog een keer!' - Lotte",
        "voorleesuurtje", "havelte", T, {K: 12}, 12,
        [("leuk!", "Sem"), ("nog een keer!", "Lotte")]),
    row('voorleesuurtje havelte 12 kids\n"Isa wil nu elke avond voorlezen" - moeder van Isa\n'
        '"ik ook!" - Sem (6)', "voorleesuurtje", "havelte", T, {K: 12}, 12,
        [("Isa wil nu elke avond voorlezen", "moeder van Isa"), ("ik ook!", "Sem (6)")]),
    row("«Mijn zoon leest nu elke dag» - vader, 8 ouders 10 kinderen voorleesuurtje havelte",
        "voorleesuurtje", "havelte", T, {K: 10, V: 8}, 18,
        [("Mijn zoon leest nu elke dag", "vader")]),
    row("'s ochtends voorleesuurtje havelte 12 kids 'super' - juf Anja", "voorleesuurtje",
        "havelte", T, {K: 12}, 12, [("super", "juf Anja")]),
    # Words in quote marks never count; without a speech cue a sentence in them is asked
    # (someone's words, or the writer's?), not stated as a quote.
    row("voorleesuurtje havelte “12 kinderen lazen mee” 3 ouders", "voorleesuurtje",
        "havelte", T, {V: 3}, 3, []),
    row("'Klik & Tik' beilen 8 cursisten", "klik-en-tik", "beilen", T, {"deelnemers": 8}, 8),
    # "6 van de 8": six came. Plans for next time are not this session's date.
    row("vandaag in Beilen Klik & Tik les 2. 6 van de 8 cursisten waren er", "klik-en-tik",
        "beilen", T, {"deelnemers": 6}, 6),
    row("voorleesuurtje havelte 12 kinderen, volgende keer 3 april", "voorleesuurtje",
        "havelte", T, {K: 12}, 12),
    row("voorleesuurtje havelte 8 kids en 2 broertjes", "voorleesuurtje", "havelte", T,
        {K: 10}, 10),
    row("voorleesuurtje havelte, 12 kids, bel me op 0612345678", "voorleesuurtje", "havelte",
        T, {K: 12}, 12),
    # Letter-digit words are names, never numbers: NT2, A2, mbo4, 3D.
    row("taalcafe beilen 5 NT2 deelnemers", "taalcafe", "beilen", T, {"deelnemers": 5}, 5),
    row("taalcafe beilen 5 NT2-cursisten", "taalcafe", "beilen", T, {"deelnemers": 5}, 5),
    row("taalcafe beilen niveau A2 7 cursisten", "taalcafe", "beilen", T,
        {"deelnemers": 7}, 7),
    row("workshop rolde 3D printen 6 deelnemers", "workshop", "rolde", T,
        {"deelnemers": 6}, 6),
    row("dbos vo westerbork mbo4 20 leerlingen", "dbos-vo", "westerbork", T, {K: 20}, 20),
    row("voorleesuurtje havelte 12kinderen", "voorleesuurtje", "havelte", T, {K: 12}, 12),
    # BoekStart alone is ambiguous (kleintje-bieb, in de kinderopvang, coach): asked.
    row("boekstart kdv smilde 6 peuters", "boekstart-kinderopvang", "smilde", T, {K: 6}, 6),
    row("BoekStart kinderdagverblijf smilde 6 peuters", "boekstart-kinderopvang", "smilde",
        T, {K: 6}, 6),
    row("boekstart op de kinderopvang smilde 6 peuters", "boekstart-kinderopvang", "smilde",
        T, {K: 6}, 6),
    row("boekstart smilde 6 peuters", None, "smilde", T, {K: 6}, 6),
    row("boekstart"),
    # Groups of children and elliptic numbers: how many came is unclear, so it is asked.
    row("knutseluurtje gieten 3 groepjes van 4 kinderen", "knutseluurtje", "gieten", T),
    row("knutseluurtje gieten in groepjes van 4, 12 kinderen", "knutseluurtje", "gieten", T,
        {K: 12}, 12),
    row("knutseluurtje gieten groepje 2 had 5 kinderen", "knutseluurtje", "gieten", T,
        {K: 5}, 5),
    row("knutseluurtje gieten 3 kinderen van 6 jaar en 2 van 4", "knutseluurtje", "gieten",
        T),
    row("knutseluurtje gieten 3 kinderen van 6 jaar en 2 van 4, 4 ouders", "knutseluurtje",
        "gieten", T, {V: 4}, 4),
    # A date soon after today is a typo or a planned session: no date. Far ahead: last year.
    row("voorleesuurtje diever 15 maart 12 kinderen", "voorleesuurtje", "diever", None,
        {K: 12}, 12),
    row("voorleesuurtje diever 15-3 12 kinderen", "voorleesuurtje", "diever", None,
        {K: 12}, 12),
    row("gisteren voorleesuurtje diever 10 mei 12 kinderen", "voorleesuurtje", "diever",
        None, {K: 12}, 12),
    row("voorleesuurtje diever 14 december 12 kinderen", "voorleesuurtje", "diever",
        "2024-12-14", {K: 12}, 12),
    # "vorige week 8": a day word and a count, not week number 8.
    row("verhalenbrink dwingeloo vorige week 8 ouderen", "verhalenbrink", "dwingeloo", None,
        {V: 8}, 8),
    row("verhalenbrink dwingeloo afgelopen week 8 ouderen", "verhalenbrink", "dwingeloo",
        None, {V: 8}, 8),
    row("verhalenbrink dwingeloo deze week 8 ouderen", "verhalenbrink", "dwingeloo", None,
        {V: 8}, 8),
    row("verhalenbrink dwingeloo week 8 ouderen", "verhalenbrink", "dwingeloo", T),
    # Time ranges are times, not impossible dates.
    row("voorleesuurtje diever 10.00-11.30 12 kinderen", "voorleesuurtje", "diever", T,
        {K: 12}, 12),
    row("voorleesuurtje diever 10:00 - 11:30 12 kinderen", "voorleesuurtje", "diever", T,
        {K: 12}, 12),
    row("voorleesuurtje diever 10-12 uur 12 kinderen", "voorleesuurtje", "diever", T,
        {K: 12}, 12),
    row("voorleesuurtje diever 7-3 van 10.00-11.30 12 kinderen", "voorleesuurtje", "diever",
        "2025-03-07", {K: 12}, 12),
    # Nothing (or little) recognisable.
    row("hallo"),
    row("👍👍"),
    row("was weer gezellig vandaag!"),
    row("12 kinderen", counts={K: 12}, participants=12),
    row("havelte", location="havelte"),
    row("kunnen jullie mij bellen?"),
    row("voorleesuurtje", "voorleesuurtje"),
    # A lone number after the activity or place is the participants; other lone numbers not.
    row("SAMENLEZEN HAVELTE 6", "samenlezen", "havelte", T, {"deelnemers": 6}, 6),
    row("Klik & Tik - Beilen - 5", "klik-en-tik", "beilen", T, {"deelnemers": 5}, 5),
    row("ido spreekuur diever 4", "ido-spreekuur", "diever", T, {"bezoekers": 4}, 4),
    row("breicafe havelte vrijdag 7", "breicafe", "havelte", T, {"deelnemers": 7}, 7),
    row("lezing beilen zaal 2", "lezing", "beilen", T),
    row("lezing beilen 12 boeken verkocht", "lezing", "beilen", T),
    row("6 lezing beilen", "lezing", "beilen", T),
    row("lezing beilen 3 en 4", "lezing", "beilen", T),
    # Who came along uncounted leaves the total unknown; "een" before one person is one.
    row("voorleesuurtje havelte 8 kinderen met hun ouders", "voorleesuurtje", "havelte", T,
        {K: 8}),
    row("voorleesuurtje havelte 8 kinderen en een opa", "voorleesuurtje", "havelte", T,
        {K: 8, V: 1}, 9),
    row("voorleesuurtje havelte 8 kinderen, een moeder zei dat het leuk was",
        "voorleesuurtje", "havelte", T, {K: 8}, 8),
    # A count in brackets of a group already counted is a part of it, not more people.
    row("knutseluurtje gieten 9 kinderen (3 broertjes/zusjes)", "knutseluurtje", "gieten", T,
        {K: 9}, 9),
    row("voorleesuurtje havelte (12 kinderen, 3 ouders)", "voorleesuurtje", "havelte", T,
        {K: 12, V: 3}, 15),
    # Who was absent or signed off is no count, not even as a typo of one.
    row("samenlezen beilen 9 deelnemers aanwezig, 2 afgemeld", "samenlezen", "beilen", T,
        {"deelnemers": 9}, 9),
    # Below zero is refused, never read as a positive count.
    row("voorleesuurtje havelte -5 kinderen", "voorleesuurtje", "havelte", T),
    row("voorleesuurtje havelte 12 kinderen -2 ouders", "voorleesuurtje", "havelte", T,
        {K: 12}),
    # Weekday abbreviations stand alone; "zo" and "ma" as words are no days.
    row("za coderdojo odoorn 10 kids", "coderdojo", "odoorn", "2025-03-08", {K: 10}, 10),
    row("taalcafe dwingeloo di 7 deelnemers", "taalcafe", "dwingeloo", "2025-03-11",
        {"deelnemers": 7}, 7),
    row("zo leuk bij voorleesuurtje havelte, 9 kids", "voorleesuurtje", "havelte", T,
        {K: 9}, 9),
    row("lezing beilen zo'n 40 mensen", "lezing", "beilen", T, {"deelnemers": 40}, 40),
    row("Zo, voorleesuurtje zit erop. Havelte 12 kinderen", "voorleesuurtje", "havelte", T,
        {K: 12}, 12),
    row("breicafe zo. 8 dames havelte", "breicafe", "havelte", "2025-03-09",
        {"deelnemers": 8}, 8),
    # A speaker before the quote; a label, a day or a name is no speaker.
    row("Oma Riek: “Ik lees nu elke avond voor” — voorleesuurtje havelte, 9 kinderen",
        "voorleesuurtje", "havelte", T, {K: 9}, 9, [("Ik lees nu elke avond voor", "Oma Riek")]),
    row("Reactie: 'super leuk' lezing beilen 30 mensen", "lezing", "beilen", T,
        {"deelnemers": 30}, 30, [("super leuk", None)]),
    row("gisteren zei een moeder: “Ze leest nu zelf” voorleesuurtje havelte 6 kids",
        "voorleesuurtje", "havelte", "2025-03-13", {K: 6}, 6,
        [("Ze leest nu zelf", "een moeder")]),
    row("Sem zei: ik wil nog een keer - voorleesuurtje havelte", "voorleesuurtje", "havelte",
        T, quotes=[("ik wil nog een keer", "Sem")]),
    row("'leuk!' zei Fenna (9) knutseluurtje gieten 8 kinderen", "knutseluurtje", "gieten", T,
        {K: 8}, 8, [("leuk!", "Fenna (9)")]),
    row("“Mam, nog een!” riep Daan (4). Voorleesuurtje Smilde, 8 kids", "voorleesuurtje",
        "smilde", T, {K: 8}, 8, [("Mam, nog een!", "Daan (4)")]),
    row('taalcafe beilen 9 deelnemers. Citaat van een cursist: "Ik bel nu zelf"', "taalcafe",
        "beilen", T, {"deelnemers": 9}, 9, [("Ik bel nu zelf", "een cursist")]),
    # One slip in a long place name is still the place; a short one would be a word.
    row("voorleesuurtje havlete 11 kinderen", "voorleesuurtje", "havelte", T, {K: 11}, 11),
    row("lezing, we gingen bellen, 40 mensen", "lezing", None, T, {"deelnemers": 40}, 40),
    # Short forms of a name; the specific activity beats a generic word; a marked place wins.
    row("kl&tik beilen 6 cursisten", "klik-en-tik", "beilen", T, {"deelnemers": 6}, 6),
    row("makersplaats beilen 3D printen workshop 8 deelnemers", "makersplaats", "beilen", T,
        {"deelnemers": 8}, 8),
    row("lezing en workshop beilen 8 deelnemers", None, "beilen", T, {"deelnemers": 8}, 8),
    row("lezing over Kamp Westerbork in Havelte, 45 bezoekers", "lezing", "havelte", T,
        {"deelnemers": 45}, 45),
    row("knutseluurtje in gieten en in rolde 8 kinderen", "knutseluurtje", None, T, {K: 8}, 8),
    # Two different activities or places: leave it empty and ask.
    row("voorleesuurtje en knutseluurtje havelte 12 kids", None, "havelte", T, {K: 12}, 12),
    row("voorleesuurtje havelte of diever 12 kids", "voorleesuurtje", None, T, {K: 12}, 12),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), ROWS)
def test_parse_table(catalogue: Catalogue, text: str, expected: dict[str, Any]) -> None:
    assert parse_message(text, catalogue, TODAY).to_contract() == expected


def test_table_is_big_enough() -> None:
    assert len(ROWS) >= 70


def test_contract_keys_and_types(catalogue: Catalogue) -> None:
    result = parse_message("voorleesuurtje havelte 12 kids", catalogue, TODAY)
    assert isinstance(result, ParseResult)
    contract = result.to_contract()
    assert list(contract) == [
        "activity", "location", "date", "counts", "participants", "quotes", "missing",
    ]  # fmt: skip
    assert contract["date"] == T


def test_lesson_number_is_kept_outside_the_contract(catalogue: Catalogue) -> None:
    result = parse_message("les 3 klik en tik beilen 8 cursisten", catalogue, TODAY)
    assert result.lesson == 3
    assert parse_message("klik en tik beilen 3e les", catalogue, TODAY).lesson == 3
    assert parse_message("voorleesuurtje havelte", catalogue, TODAY).lesson is None


def test_pure(catalogue: Catalogue) -> None:
    text = "gisteren voorleesuurtje havelte 12 kids 'leuk' - Sem"
    first = parse_message(text, catalogue, TODAY).to_contract()
    assert parse_message(text, catalogue, TODAY).to_contract() == first
    assert parse_message(text, catalogue, date(2025, 1, 1)).to_contract()["date"] == "2024-12-31"


def test_date_later_than_today_without_year_is_last_year(catalogue: Catalogue) -> None:
    result = parse_message("lezing beilen 20 december 30 bezoekers", catalogue, TODAY)
    assert result.date == date(2024, 12, 20)
    result = parse_message("lezing beilen 20-12 30 bezoekers", catalogue, TODAY)
    assert result.date == date(2024, 12, 20)


def test_date_soon_after_today_is_asked_also_over_new_year(catalogue: Catalogue) -> None:
    december = date(2025, 12, 20)
    result = parse_message("lezing beilen 15 januari 30 bezoekers", catalogue, december)
    assert result.date is None and "date" in result.missing
    result = parse_message("lezing beilen 15 maart 30 bezoekers", catalogue, december)
    assert result.date == date(2025, 3, 15)
    result = parse_message("lezing beilen 13 mei 30 bezoekers", catalogue, TODAY)
    assert result.date is None  # 60 days after 14 March
    result = parse_message("lezing beilen 14 mei 30 bezoekers", catalogue, TODAY)
    assert result.date == date(2024, 5, 14)
