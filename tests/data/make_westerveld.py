"""Write the Westerveld 2024 test files from the Jaarbericht 2024 Westerveld figures.

Run once from the repository root: `python tests/data/make_westerveld.py`. The output is
deterministic (fixed random seed), so running it again gives the same files. The mapping from
the jaarbericht's "De cijfers" tables to activities is in tests/data/README.md.

Both files are written the way Dutch Excel saves "CSV UTF-8 (gescheiden door
lijstscheidingsteken)": ';' between cells, a UTF-8 BOM, CRLF line ends, dates as dd-mm-jjjj.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
YEAR = 2024
VESTIGINGEN = ["Havelte", "Diever", "Dwingeloo", "Vledder"]
# How staff write a vestiging now and then: the importer's matcher must resolve these too.
VESTIGING_VARIANTS = {
    "Havelte": ["Havelte", "havelte", "Bibliotheek Havelte", "Bieb Havelte"],
    "Diever": ["Diever", "Bibliotheek Diever", "DIEVER"],
    "Dwingeloo": ["Dwingeloo", "Servicepunt Dwingeloo", "dwingeloo"],
    "Vledder": ["Vledder", "Bibliotheek Vledder"],
}
HEADER = [
    "datum",
    "activiteit",
    "vestiging",
    "deelnemers",
    "kinderen",
    "volwassenen",
    "vragen",
    "reeks",
    "ingeschreven",
    "citaat",
    "citaat van",
    "toestemming",
]

rng = random.Random(YEAR)
Months = set[int] | frozenset[int]


@dataclass
class Row:
    day: date
    activity: str  # as written in the spreadsheet (a name or alias, not always the id)
    vestiging: str
    deelnemers: int | None = None
    kinderen: int | None = None
    volwassenen: int | None = None
    vragen: int | None = None
    reeks: str = ""
    ingeschreven: int | None = None
    citaat: str = ""
    citaat_van: str = ""
    toestemming: str = ""

    def cells(self) -> list[str]:
        def n(value: int | None) -> str:
            return "" if value is None else str(value)

        written = rng.choice(VESTIGING_VARIANTS[self.vestiging])
        return [
            self.day.strftime("%d-%m-%Y"),
            self.activity,
            written,
            n(self.deelnemers),
            n(self.kinderen),
            n(self.volwassenen),
            n(self.vragen),
            self.reeks,
            n(self.ingeschreven),
            self.citaat,
            self.citaat_van,
            self.toestemming,
        ]


def spread(total: int, parts: int, low: int = 1) -> list[int]:
    """`parts` whole numbers >= low that add up to exactly `total`."""
    assert total >= low * parts
    out = [low] * parts
    for _ in range(total - low * parts):
        out[rng.randrange(parts)] += 1
    return out


def days(weekdays: set[int], skip_months: Months = frozenset()) -> list[date]:
    first = date(YEAR, 1, 8)  # after the Christmas holidays
    out = []
    for i in range(350):
        day = first + timedelta(days=i)
        if day.year == YEAR and day.weekday() in weekdays and day.month not in skip_months:
            out.append(day)
    return out


def sample_days(n: int, weekdays: set[int], skip_months: Months = frozenset()) -> list[date]:
    return sorted(rng.sample(days(weekdays, skip_months), n))


def nth_weekday(month: int, weekday: int, nth: int) -> date:
    day = date(YEAR, month, 1)
    while day.weekday() != weekday:
        day += timedelta(days=1)
    return day + timedelta(weeks=nth - 1)


def children_adults(total: int) -> tuple[int, int]:
    kinderen = max(1, round(total * rng.uniform(0.5, 0.65)))
    return kinderen, total - kinderen


def simple(activity: str, total: int, dates: list[date], places: list[str]) -> list[Row]:
    counts = spread(total, len(dates))
    return [
        Row(d, activity, places[i % len(places)], deelnemers=c)
        for i, (d, c) in enumerate(zip(dates, counts, strict=True))
    ]


# -- Drenthe leest: leesbevordering: 56 activiteiten, 334 deelnemers -----------------------------


def leesbevordering() -> list[Row]:
    rows = [
        # De Nationale Voorleesdagen: voorstelling "Een verrassend gebaar", 20 deelnemers.
        Row(date(YEAR, 1, 27), "Kleintje Bieb", "Havelte", kinderen=11, volwassenen=9),
        # Media Ukkie-dagen: informatie- en inspiratieochtend "Ontspannen met Media".
        Row(
            date(YEAR, 4, 10),
            "Kleintje Bieb",
            "Dwingeloo",
            kinderen=4,
            volwassenen=4,
            citaat="Niet alleen komen onze kinderen op een laagdrempelige manier in aanraking "
            "met boeken, maar wij halen als mama's ook heel veel steun bij elkaar in de "
            "bibliotheek.",
            citaat_van="Merel, moeder van Isa",
            toestemming="ja",
        ),
    ]
    # 18 more Kleintje Bieb mornings: 92 participants (120 in all).
    for i, (d, total) in enumerate(zip(sample_days(18, {1, 3}), spread(92, 18, 3), strict=True)):
        k, v = children_adults(total)
        rows.append(Row(d, "Kleintje Bieb", VESTIGINGEN[i % 4], kinderen=k, volwassenen=v))
    # 36 Voorleesuurtjes: 214 participants; some give only the total, some both parts.
    dates = sample_days(36, {2, 5})
    for i, (d, total) in enumerate(zip(dates, spread(214, 36, 2), strict=True)):
        place = VESTIGINGEN[i % 4]
        name = "Voorleesuurtje" if i % 3 else "voorleesuurtje"
        if i % 4 == 0:
            rows.append(Row(d, name, place, deelnemers=total))
        else:
            k, v = children_adults(total)
            rows.append(
                Row(
                    d,
                    name,
                    place,
                    deelnemers=total if i % 4 == 1 else None,
                    kinderen=k,
                    volwassenen=v,
                )
            )
    rows[-5].citaat = "Mag ik volgende week weer komen?"
    rows[-5].citaat_van = "kind, 5 jaar"  # no toestemming given: counts as 'nee'
    return rows


# -- Drenthe leest: werken aan geletterdheid: 51 activiteiten, 343 deelnemers --------------------


def geletterdheid() -> list[Row]:
    # Week van lezen en schrijven: escapespel with Gea Mulder, 54 leerlingen, Diever, 10-9.
    rows = [Row(date(YEAR, 9, 10), "Taalhuis", "Diever", deelnemers=54)]
    rows += simple("Taalhuis", 66, sample_days(10, {0, 3}), ["Havelte", "Diever"])
    thursdays = days({3}, {7, 8})[:40]
    rows += simple("Taalcafé", 223, thursdays, ["Havelte", "Vledder"])
    rows[
        20
    ].citaat = "Thuis weet nog niemand dat ik hier leer lezen; mijn schoonzus mag het nooit horen."  # noqa: E501
    rows[20].citaat_van = "Hendrik, deelnemer Taalcafé"
    rows[20].toestemming = "nee"
    return rows


# -- Heel Drenthe doet mee ----------------------------------------------------------------------


def courses() -> list[Row]:
    """13 cursussen with 46 cursusdagdelen (Klik&Tik, Digisterker, DigiVitaler)."""
    plan = [  # (activity as written, vestiging, course name, lessons, enrolled)
        ("DigiVitaler", "Havelte", "DigiVitaler Havelte voorjaar", 3, 10),
        ("DigiVitaler", "Havelte", "DigiVitaler Havelte 2", 3, 10),
        ("Digivitaler", "Havelte", "DigiVitaler Havelte 3", 3, 9),
        ("DigiVitaler", "Havelte", "DigiVitaler Havelte najaar", 3, 8),
        ("Digisterker", "Diever", "Digisterker Diever", 4, 8),
        ("DigiSterker", "Vledder", "Digisterker Vledder", 4, 7),
        ("Digisterker", "Dwingeloo", "Digisterker Dwingeloo", 4, 6),
        ("Digisterker", "Havelte", "Digisterker Havelte", 4, 8),
        ("Klik & Tik", "Vledder", "Klik&Tik Vledder voorjaar", 4, 6),
        ("Klik&Tik", "Havelte", "Klik&Tik Havelte", 4, 5),
        ("klik-en-tik", "Diever", "Klik&Tik Diever", 4, 6),
        ("Klik & Tik", "Dwingeloo", "Klik&Tik Dwingeloo", 3, 4),
        ("Klik & Tik", "Vledder", "Klik&Tik Vledder najaar", 3, 6),
    ]
    rows: list[Row] = []
    for number, (activity, place, name, lessons, enrolled) in enumerate(plan):
        start = date(YEAR, 2, 5) + timedelta(weeks=3 * number)
        if start.month in (7, 8):
            start += timedelta(weeks=6)
        for lesson in range(lessons):
            came = enrolled - rng.choice([0, 0, 1, 1, 2])
            # Half of the courses repeat 'ingeschreven' on every lesson, half only on the first.
            given = enrolled if lesson == 0 or number % 2 == 0 else None
            rows.append(
                Row(
                    start + timedelta(weeks=lesson),
                    activity,
                    place,
                    deelnemers=came,
                    reeks=name,
                    ingeschreven=given,
                )
            )
    quote = rows[4]
    quote.citaat = "Nu bel ik zelf met de tablet met mijn kleinkinderen in Canada."
    quote.citaat_van = "Wubbolt (84), cursist DigiVitaler"
    quote.toestemming = "anoniem"
    return rows


def spreekuren() -> list[Row]:
    # Belasting en overige spreekuren: 15 spreekuren, 19 deelnemers (bezoekers), in tax season.
    rows = simple(
        "Belastingspreekuur", 19, sample_days(15, {0, 2, 4}, set(range(6, 13))), VESTIGINGEN
    )
    # IDO: 92 spreekuren with 302 vragen. Visitors are not in the jaarbericht: 1-3 each.
    # One spreekuur in Havelte is held twice on the same day with the same counts: two
    # identical rows, and both must count.
    dates = sample_days(91, {1, 2, 3})
    twice = 10
    visitors = [rng.choice([1, 1, 2, 2, 3]) for _ in dates]
    visitors[twice] = 2
    others = [v for i, v in enumerate(visitors) if i != twice]
    extra = spread(302 - 2 * 3 - sum(others), len(others), 0)
    extra.insert(twice, 1)
    ido = []
    for i, (d, v, e) in enumerate(zip(dates, visitors, extra, strict=True)):
        place = "Havelte" if i == twice else VESTIGINGEN[i % 4]
        ido.append(Row(d, "IDO-spreekuur", place, deelnemers=v, vragen=v + e))
    ido.append(Row(dates[twice], "IDO-spreekuur", "Havelte", deelnemers=2, vragen=3))
    rows += ido
    rows[30].citaat = (
        "Ik ben zo blij dat IDO er is. Iemand die tijd voor je heeft en naar je "
        "luistert. Ik wil een mens. Ik wil dat iemand naast me gaat zitten."
    )
    rows[30].citaat_van, rows[30].toestemming = "Berend, bezoeker IDO", "ja"
    rows[60].citaat = (
        "Er komen veel vragen over DigiD bij ons binnen. Dat blijkt voor veel "
        "mensen een struikelblok om online zaken te regelen."
    )
    rows[60].citaat_van, rows[60].toestemming = "IDO-medewerker", "ja"
    return rows


def basisvaardigheden() -> list[Row]:
    return simple(
        "Programmering basisvaardigheden", 181, sample_days(11, {0, 1, 2, 3}), VESTIGINGEN
    )


# -- Drenthe leert en ontwikkelt: 116 activiteiten, 732 deelnemers -------------------------------


def leren() -> list[Row]:
    rows = [
        Row(date(YEAR, 3, 6), "Lezing", "Diever", deelnemers=45),  # Bloedwraak, Marcella Kleine
        Row(date(YEAR, 3, 12), "lezing", "Dwingeloo", deelnemers=28),  # Boekenweek
        Row(date(YEAR, 3, 14), "Lezing", "Havelte", deelnemers=65),  # Leestekens, Wim v.d. Wijk
        Row(date(YEAR, 11, 13), "Lezing", "Vledder", deelnemers=22),
        Row(date(YEAR, 4, 16), "Workshop", "Dwingeloo", deelnemers=8),  # workshop op maat
        Row(date(YEAR, 4, 23), "Workshop", "Dwingeloo", deelnemers=9),  # workshop op maat
        Row(date(YEAR, 5, 22), "Workshop", "Vledder", kinderen=12),  # fantasiedier
        Row(date(YEAR, 9, 17), "Workshop", "Diever", deelnemers=25),  # spoken word, havo 3
        Row(date(YEAR, 10, 5), "Workshop", "Diever", kinderen=11),  # theaterworkshop Garage TDI
        Row(date(YEAR, 10, 9), "Workshop", "Havelte", kinderen=11),  # Mad Science
    ]
    # BiebFabriek in Havelte: fourteen workshops, on average six children: 84.
    biebfabriek = simple("BiebFabriek", 84, sample_days(14, {2}, {7, 8}), ["Havelte"])
    biebfabriek[3].citaat = "Ik heb vandaag zelf een robot laten rijden!"
    biebfabriek[3].citaat_van, biebfabriek[3].toestemming = "Sem, 9 jaar", "ja"
    rows += biebfabriek
    # Samenlezen: first Monday of the month except August, Havelte, about five: 55.
    # (In January the second: the first Monday is New Year's Day.)
    mondays = [nth_weekday(m, 0, 2 if m == 1 else 1) for m in range(1, 13) if m != 8]
    rows += simple("Samenlezen", 55, mondays, ["Havelte"])
    # Drents veurlezen: once a month in all four, not in July: 44 sessions, 176.
    veurlezen = [nth_weekday(m, 2 + i % 2, 3) for m in range(1, 13) if m != 7 for i in range(4)]
    counts = spread(176, 44, 2)
    for i, (d, c) in enumerate(zip(veurlezen, counts, strict=True)):
        rows.append(Row(d, "Drents veurlezen", VESTIGINGEN[i % 4], deelnemers=c))
    rows += simple("Knutseluurtje", 120, sample_days(24, {2, 5}), VESTIGINGEN)
    rows += simple("Breicafé", 61, sample_days(13, {1}), ["Vledder", "Diever"])
    return rows


# -- De robuuste bibliotheek: platformactiviteiten, 21 activiteiten, 50 deelnemers ---------------


def platform() -> list[Row]:
    return simple("Platformactiviteit", 50, sample_days(21, {0, 1, 2, 3, 4}), VESTIGINGEN)


KENGETALLEN = [  # (kengetal as written, waarde as Dutch Excel shows it)
    ("leden", "4.110"),
    ("Bezoekers", "89.350"),
    ("uitleningen", "103.135"),
    ("boekstart-locaties", "16"),
    ("BoekStartkoffertjes uitgedeeld", "128"),
    ("dbos-scholen", "11"),
    ("dbos-leerlingen", "1.171"),
    ("vo-scholen", "1"),
    # The rest of "De cijfers" (lines 118-176); deelneming (20,6%) is computed, not imported.
    ("Bezoekers via de website", "221.938"),
    ("Leden: betalend", "1.233"),
    ("leden-jeugd", "2.520"),
    ("leden-start", "177"),
    ("leden-overig", "180"),
    ("Inwoners", "19.983"),
    ("Actieve e-bookaccounts", "6.160"),
    ("uitleningen-boeken", "95.768"),
    ("uitleningen-avm", "568"),
    ("Uitleningen: tijdschriften", "6.799"),
    ("uitleningen-dbos", "21.118"),
    ("E-books", "89.894"),
    ("luisterboeken", "33.657"),
    ("uitleningen-online", "123.551"),
]


def main() -> None:
    rows = (
        leesbevordering()
        + geletterdheid()
        + courses()
        + spreekuren()
        + basisvaardigheden()
        + leren()
        + platform()
    )
    rows.sort(key=lambda r: (r.day, r.activity.lower(), r.vestiging))
    with (HERE / "westerveld-2024-sessies.csv").open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, delimiter=";", lineterminator="\r\n")
        writer.writerow(HEADER)
        writer.writerows(r.cells() for r in rows)
    with (HERE / "westerveld-2024-kengetallen.csv").open(
        "w", encoding="utf-8-sig", newline=""
    ) as f:
        writer = csv.writer(f, delimiter=";", lineterminator="\r\n")
        writer.writerow(["jaar", "gemeente", "kengetal", "waarde"])
        writer.writerows([str(YEAR), "Westerveld", k, v] for k, v in KENGETALLEN)
    print(f"{len(rows)} sessies, {len(KENGETALLEN)} kengetallen geschreven naar {HERE}")


if __name__ == "__main__":
    main()
