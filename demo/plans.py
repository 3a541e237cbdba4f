"""What a demo year holds: how often each activity runs, where, and how many people come.

Numbers follow the Jaarbericht 2024 Westerveld: a Voorleesuurtje once a month in every
bibliotheek, an IDO-spreekuur every week in every vestiging and servicepunt, BiebFabriek
fourteen times in Havelte with about six children, Samenlezen on the first Monday of the
month in Havelte with about five people, Drents veurlezen monthly in Vledder, Dwingeloo,
Diever and Havelte, Leerplein on Tuesday evenings in Vledder, courses (Klik & Tik,
Digisterker, DigiVitaler) with six to ten enrolled. Other gemeenten get a similar mix,
scaled by their number of inhabitants.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

Rhythm = Literal["monthly", "weekly", "biweekly", "count"]
Where = Literal["every", "every-with-servicepunt", "main", "random"]

ALL_MONTHS = tuple(range(1, 13))
NO_AUGUST = (1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12)


@dataclass(frozen=True)
class Plan:
    activity: str
    rhythm: Rhythm
    where: Where
    # Attendance range per session (kinderen for children's activities, bezoekers at a
    # spreekuur, deelnemers otherwise).
    people: tuple[int, int]
    # For rhythm "count": sessions per gemeente per year, for a gemeente of 25,000 inhabitants.
    count: tuple[int, int] = (0, 0)
    # Share of gemeenten (outside `places`) that run this activity at all.
    share: float = 1.0
    months: tuple[int, ...] = NO_AUGUST
    # Adults per child, where the activity counts kinderen and volwassenen.
    adults: tuple[float, float] = (0.3, 0.6)
    # Chance that the leader ticked one or two intended effects.
    observed: float = 0.3


@dataclass(frozen=True)
class CoursePlan:
    activity: str
    courses: tuple[int, int]  # per gemeente per year
    lessons: int
    enrolled: tuple[int, int]


PLANS: tuple[Plan, ...] = (
    Plan("voorleesuurtje", "monthly", "every", (4, 12), adults=(0.7, 1.0), observed=0.45),
    Plan("kleintje-bieb", "count", "main", (4, 10), count=(3, 6), adults=(0.9, 1.0)),
    Plan("boekstart-kinderopvang", "count", "random", (8, 16), count=(4, 9), adults=(0.1, 0.3)),
    Plan(
        "dbos-po",
        "count",
        "random",
        (18, 28),
        count=(6, 12),
        months=(1, 2, 3, 4, 5, 6, 9, 10, 11, 12),
    ),
    Plan("dbos-vo", "count", "main", (25, 60), count=(1, 3), months=(2, 3, 9, 10, 11)),
    Plan("taalhuis", "monthly", "main", (2, 6), observed=0.4),
    Plan("taalcafe", "biweekly", "main", (4, 10), share=0.8, observed=0.35),
    Plan(
        "ido-spreekuur",
        "weekly",
        "every-with-servicepunt",
        (1, 5),
        months=ALL_MONTHS,
        observed=0.15,
    ),
    Plan("belastingspreekuur", "weekly", "main", (3, 8), months=(3, 4, 5), observed=0.1),
    Plan("digitaal-inloopspreekuur", "weekly", "main", (2, 6), share=0.0, months=ALL_MONTHS),
    Plan("leerplein", "weekly", "main", (3, 9), share=0.5, observed=0.3),
    Plan("basisvaardigheden", "count", "main", (4, 10), count=(2, 5)),
    Plan("verhalenbrink", "count", "random", (10, 30), count=(1, 3), share=0.5),
    Plan("lezing", "count", "random", (20, 65), count=(3, 7), observed=0.25),
    Plan("workshop", "count", "random", (8, 16), count=(3, 6), adults=(0.0, 0.3)),
    Plan("biebfabriek", "count", "main", (4, 8), count=(6, 10), share=0.4, adults=(0.0, 0.0)),
    Plan("makersplaats", "biweekly", "main", (5, 12), share=0.3, adults=(0.5, 1.2)),
    Plan("coderdojo", "monthly", "main", (6, 14), share=0.4),
    Plan("samenlezen", "monthly", "main", (4, 7), share=0.3),
    Plan("drents-veurlezen", "monthly", "main", (6, 14), share=0.3),
    Plan("breicafe", "biweekly", "main", (6, 12), share=0.4),
    Plan("knutseluurtje", "count", "random", (6, 14), count=(2, 5), adults=(0.3, 0.6)),
    Plan("platformactiviteit", "count", "random", (10, 40), count=(2, 6)),
)

COURSES: tuple[CoursePlan, ...] = (
    CoursePlan("klik-en-tik", (1, 3), 6, (6, 10)),
    CoursePlan("digisterker", (1, 2), 4, (5, 9)),
    CoursePlan("digivitaler", (0, 2), 4, (6, 10)),
)

# Where the jaarbericht says an activity runs; these gemeenten always take part.
PLACES: dict[str, dict[str, tuple[str, ...]]] = {
    "biebfabriek": {"westerveld": ("havelte",)},
    "samenlezen": {"westerveld": ("havelte",)},
    "drents-veurlezen": {"westerveld": ("vledder", "dwingeloo", "diever", "havelte")},
    "leerplein": {"westerveld": ("vledder", "havelte")},
    "digitaal-inloopspreekuur": {"westerveld": ("dwingeloo",)},
    "digivitaler": {"westerveld": ("havelte",)},
}
# Fixed counts where the jaarbericht gives them (BiebFabriek: fourteen workshops).
FIXED_COUNT: dict[tuple[str, str], int] = {("biebfabriek", "westerveld"): 14}
FIXED_COURSES: dict[tuple[str, str], int] = {("digivitaler", "westerveld"): 4}

# What changed from the year before the demo year to the demo year (for trends): the
# Leerplein was a pilot in Vledder from March; the inloopspreekuur in Dwingeloo started in
# October; fewer count-based activities and somewhat lower attendance.
PREVIOUS_YEAR_MONTHS: dict[str, tuple[int, ...]] = {
    "leerplein": (3, 4, 5, 6, 7, 9, 10, 11, 12),
    "digitaal-inloopspreekuur": (10, 11, 12),
}
PREVIOUS_YEAR_PLACES: dict[str, dict[str, tuple[str, ...]]] = {
    "leerplein": {"westerveld": ("vledder",)},
}
PREVIOUS_YEAR_SCALE = 0.88

# Inhabitants (about 2024); the Westerveld figure is the jaarbericht's.
INHABITANTS: dict[str, int] = {
    "aa-en-hunze": 25_800,
    "borger-odoorn": 25_900,
    "coevorden": 35_800,
    "de-wolden": 24_700,
    "meppel": 35_100,
    "midden-drenthe": 33_900,
    "noordenveld": 32_700,
    "tynaarlo": 34_700,
    "westerveld": 19_983,
}
DEFAULT_INHABITANTS = 25_000

# Kengetallen 2024 for Westerveld, from the jaarbericht ("De cijfers").
WESTERVELD_2024: dict[str, float] = {
    "leden": 4_110,
    "bezoekers": 89_350,
    "uitleningen": 103_135,
    "boekstart-locaties": 16,
    "boekstart-koffertjes": 128,
    "dbos-scholen": 11,
    "dbos-leerlingen": 1_171,
    "vo-scholen": 1,
    "bezoekers-website": 221_938,
    "leden-betalend": 1_233,
    "leden-jeugd": 2_520,
    "leden-start": 177,
    "leden-overig": 180,
    "inwoners": 19_983,
    "ebook-accounts": 6_160,
    "uitleningen-boeken": 95_768,
    "uitleningen-avm": 568,
    "uitleningen-tijdschrift": 6_799,
    "uitleningen-dbos": 21_118,
    "ebooks": 89_894,
    "luisterboeken": 33_657,
    "uitleningen-online": 123_551,
}
# Totals that are the sum of their parts, so a De cijfers table adds up.
SUMS: dict[str, tuple[str, ...]] = {
    "leden": ("leden-betalend", "leden-jeugd", "leden-start", "leden-overig"),
    "uitleningen": ("uitleningen-boeken", "uitleningen-avm", "uitleningen-tijdschrift"),
    "uitleningen-online": ("ebooks", "luisterboeken"),
}
# Per inhabitant (ranges), for the other gemeenten in 2024.
PER_INHABITANT: dict[str, tuple[float, float]] = {
    "leden": (0.17, 0.24),
    "bezoekers": (3.6, 4.8),
    "uitleningen": (4.4, 5.6),
    "boekstart-locaties": (0.0006, 0.0009),
    "boekstart-koffertjes": (0.0055, 0.0075),
    "dbos-scholen": (0.00045, 0.0006),
    "dbos-leerlingen": (0.05, 0.065),
    "vo-scholen": (0.00003, 0.00009),
    "bezoekers-website": (9.5, 12.0),
    "leden-betalend": (0.05, 0.07),
    "leden-jeugd": (0.11, 0.14),
    "leden-start": (0.007, 0.011),
    "leden-overig": (0.007, 0.011),
    "inwoners": (1.0, 1.0),
    "ebook-accounts": (0.26, 0.33),
    "uitleningen-boeken": (4.2, 5.2),
    "uitleningen-avm": (0.02, 0.04),
    "uitleningen-tijdschrift": (0.3, 0.4),
    "uitleningen-dbos": (0.9, 1.2),
    "ebooks": (4.0, 4.8),
    "luisterboeken": (1.5, 1.9),
}
# Yearly change: more members and visitors, fewer physical loans.
GROWTH: dict[str, float] = {
    "leden": 1.02,
    "bezoekers": 1.035,
    "uitleningen": 0.985,
    "boekstart-locaties": 1.06,
    "boekstart-koffertjes": 1.04,
    "dbos-scholen": 1.03,
    "dbos-leerlingen": 1.02,
    "vo-scholen": 1.0,
    "bezoekers-website": 1.05,
    "leden-betalend": 0.99,
    "leden-jeugd": 1.03,
    "leden-start": 1.05,
    "leden-overig": 1.0,
    "inwoners": 1.003,
    "ebook-accounts": 1.07,
    "uitleningen-boeken": 0.985,
    "uitleningen-avm": 0.9,
    "uitleningen-tijdschrift": 0.97,
    "uitleningen-dbos": 1.02,
    "ebooks": 1.04,
    "luisterboeken": 1.14,
}
REFERENCE_YEAR = 2024


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    first = date(year, month, 1)
    day = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * nth)
    return day if day.month == month else day - timedelta(weeks=1)


def on_weekday(day: date) -> date:
    """A weekend day moves to the Friday before (or the Monday after, early in a month)."""
    if day.weekday() < 5:
        return day
    if day.day > 2:
        return day - timedelta(days=day.weekday() - 4)
    return day + timedelta(days=7 - day.weekday())


def is_holiday(day: date) -> bool:
    """Summer holiday and the Christmas break: no weekly activities."""
    summer = date(day.year, 7, 14) <= day <= date(day.year, 8, 24)
    christmas = day >= date(day.year, 12, 22) or day <= date(day.year, 1, 4)
    return summer or christmas
