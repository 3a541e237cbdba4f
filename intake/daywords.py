"""The day and month words a message may use, and the typed slips of day words.

Tables (weekdays, their abbreviations, months, relative days, holidays, vague times) in
Dutch, Drents, Fries and English, the regular-expression pieces built from them, and the
readers of a day word typed with one slip ("zaterdg", "gistern"). The rules that use
them are in intake.dates.
"""

from __future__ import annotations

import re

WEEKDAYS = {
    "maandag": 0, "dinsdag": 1, "woensdag": 2, "donderdag": 3, "vrijdag": 4, "zaterdag": 5,
    "zondag": 6,
    # Drents, Fries and English, as leaders in Drenthe write them.
    "maondag": 0, "dunderdag": 3, "vriedag": 4, "zaoterdag": 5, "zotterdag": 5, "zundag": 6,
    "moandei": 0, "tiisdei": 1, "woansdei": 2, "tongersdei": 3, "freed": 4, "sneon": 5,
    "snein": 6, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
}  # fmt: skip
WEEKDAY_ABBREVIATIONS = {
    "ma": 0, "di": 1, "wo": 2, "do": 3, "vr": 4, "za": 5, "zo": 6,
    # English, as in "CoderDojo Sat: 14 kids"; "sat", "sun" and "wed" are words too.
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4,
    "sat": 5, "sun": 6,
}  # fmt: skip
MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "febr": 2, "feb": 2, "maart": 3, "mrt": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8,
    "aug": 8, "september": 9, "sept": 9, "sep": 9, "oktober": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11, "december": 12, "dec": 12,
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "october": 10,
    # Fries.
    "jannewaris": 1, "febrewaris": 2, "maaie": 5, "juny": 6, "septimber": 9,
    "novimber": 11, "desimber": 12,
}  # fmt: skip
RELATIVE_DAYS = {
    "vandaag": 0, "vanochtend": 0, "vanmorgen": 0, "vanmiddag": 0, "vanavond": 0,
    "gisteren": 1, "gister": 1, "gisterochtend": 1, "gistermorgen": 1, "gistermiddag": 1,
    "gisteravond": 1, "eergisteren": 2, "eergister": 2,
    "juster": 1, "jister": 1, "earjister": 2, "hjoed": 0, "vanmörgen": 0, "vanaovend": 0,
    "today": 0, "tonight": 0, "yesterday": 1,
    "this morning": 0, "this afternoon": 0, "this evening": 0, "van middag": 0,
    "last night": 1, "yesterday evening": 1, "yesterday afternoon": 1,
    "van morgen": 0, "van avond": 0, "vanmiddeg": 0, "gisteraovend": 1, "gisterenmiddag": 1,
    "gisterenavond": 1, "gisterenochtend": 1, "gisterenmorgen": 1,
    # Short phone spellings that no slip rule reaches (too short for one).
    "gistr": 1, "gistere": 1, "gistren": 1, "gisren": 1, "vndaag": 0, "vnavond": 0,
}  # fmt: skip
# Typed with one slip: "gistern", "vsndaag", "gisteravnd" (these words are long enough).
_SLIP_DAYS = {
    word: back for word, back in RELATIVE_DAYS.items() if len(word) >= 7 and " " not in word
}
# Weekdays typed with one slip: "zaterdg", "woensag" (the seven-letter-plus Dutch names).
_SLIP_WEEKDAYS = {
    word: day for word, day in WEEKDAYS.items() if len(word) >= 7 and not word.endswith("day")
}
# Mentions of a time that give no day: the date is then unknown, not today.
VAGUE_DAYS = (
    r"vorige\s+week|afgelopen\s+week|vorige\s+maand|afgelopen\s+maand|laatst|onlangs|"
    r"(?:afgelopen|laatste|voorbije)\s+(?:weken|maanden|tijd)|"
    r"last\s+week|last\s+month|recently|"
    r"eerder\s+deze\s+week|deze\s+week|vorig\s+weekend|afgelopen\s+weekend|"
    r"(?:zomer|herfst|kerst|voorjaars|mei|krokus|winter)vakantie|"
    r"(?:in|tijdens)\s+de\s+vakantie|"
    # "van paar weken terug", "een paar dagen geleden", "deze maand": a stretch, no day.
    r"(?:(?:een\s+)?paar|enkele|wat)\s+(?:dagen|weken|maanden)\s+(?:terug|geleden)|"
    r"(?:a\s+few|some)\s+(?:days|weeks)\s+ago|deze\s+maand|this\s+month|"
    # English and Fries stretches: "earlier this week", "foarige wike", "dizze wike".
    r"(?:earlier\s+)?this\s+week|(?:ferline|foarige|foarrige|dizze|ofrune)\s+wike|"
    r"(?:ferline|foarige|foarrige)\s+moanne|(?:veurige|vorige|aofgelopen)\s+weke|"
    r"(?:last|this)\s+weekend|over\s+the\s+weekend|the\s+other\s+day|"
    r"a\s+couple\s+of\s+(?:days|weeks)\s+ago|"
    # "een van de afgelopen dagen", Fries "ien fan 'e dagen": some day, not which.
    r"(?:een|ien)\s+(?:van|fan)\s+(?:de|'e|deze|dizze)\s+(?:afgelopen\s+)?dagen|"
    r"een\s+dezer\s+dagen|"
    # A season with a determiner ("deze zomer", "ergens dit voorjaar", "afgelopen winter"):
    # a stretch, no day; "de winter van 1963" is a topic, read as its year.
    # Not "in de winter": "een lezing over vogels in de winter" is a topic.
    r"(?:deze|dit|afgelopen|vorige|vorig|het\s+afgelopen|ergens\s+in\s+(?:de|het))\s+"
    r"(?:zomer|voorjaar|najaar|herfst|winter|lente)\b(?!\s+van\s+\d)"
)

WEEKDAY_WORDS = "|".join(WEEKDAYS)
ABBREVIATION_WORDS = "|".join(WEEKDAY_ABBREVIATIONS)
MONTH_WORDS = "|".join(sorted(MONTHS, key=len, reverse=True))
# Day parts, also Fries ("tiisdeitejun", "tiisdeimoarn").
DAY_PART = r"(?:ochtend|morgen|middag|avond|aovend|tejun|jun|moarn|middei)?"  # Drents "aovend"

# Days with a name: a yearless date like "31 december".
HOLIDAYS = {
    "oudejaarsdag": (12, 31), "oudjaar": (12, 31), "oudejaarsavond": (12, 31),
    "nieuwjaarsdag": (1, 1), "kerstavond": (12, 24), "eerste kerstdag": (12, 25),
    "tweede kerstdag": (12, 26), "koningsdag": (4, 27), "pakjesavond": (12, 5),
    "sinterklaasavond": (12, 5), "bevrijdingsdag": (5, 5), "dodenherdenking": (5, 4),
}  # fmt: skip

# Named days a weekday is counted from: "de dinsdag voor Kerst", "de zaterdag na
# nieuwjaarsdag" (month, day).
FEASTS = {
    "kerst": (12, 25), "kerstmis": (12, 25), "oud en nieuw": (12, 31), "oud & nieuw": (12, 31),
    "nieuwjaar": (1, 1), "sinterklaas": (12, 5), **HOLIDAYS,
}  # fmt: skip
FEAST_WORDS = "|".join(re.escape(word) for word in sorted(FEASTS, key=len, reverse=True))
WEEKDAY_BY_FEAST = (
    rf"(?:{WEEKDAY_WORDS}){DAY_PART}\s+(?:voor|na)\s+(?:de\s+|het\s+)?(?:{FEAST_WORDS})"
)

# Words and day words read the same way by several date readers.
WEEKDAY_RE = re.compile(rf"\b({WEEKDAY_WORDS}){DAY_PART}\b")
RELATIVE_RE = re.compile(rf"\b({'|'.join(sorted(RELATIVE_DAYS, key=len, reverse=True))})\b")
# "za", "di.", "ZO": an abbreviation; intake.dates decides when it stands for a day.
ABBR_DAY_RE = re.compile(rf"\b({ABBREVIATION_WORDS})\b\.?")

# A day word as written: a weekday (also abbreviated), a relative day, a holiday, a date.
_RELATIVE_WORDS = "|".join(sorted(RELATIVE_DAYS, key=len, reverse=True))
HOLIDAY_WORDS = "|".join(sorted(HOLIDAYS, key=len, reverse=True))
# "zo" and "ma" are words too often to be read as days here.
DAY_WORD = (
    rf"(?:(?:{WEEKDAY_WORDS}){DAY_PART}|(?:di|wo|do|vr|za)\b\.?|{_RELATIVE_WORDS}|{HOLIDAY_WORDS}"
    rf"|\d{{1,2}}(?:e|ste|de)?\s+(?:{MONTH_WORDS}))"
)


def weekday_of(name: str) -> int:
    """The weekday (0 = Monday) of a weekday name or abbreviation."""
    return WEEKDAYS.get(name, WEEKDAY_ABBREVIATIONS.get(name, 0))


# A word long enough to be a day word typed with one slip.
SLIP_WORD_RE = re.compile(r"\b[a-z]{6,12}\b")
# Words one slip from a day word that are words of their own.
_NOT_DAY_WORDS = {"vandaan", "vandaar", "gistere", "vanavond", "vandage"}


def slip_weekday(word: str) -> int | None:
    """The weekday a word typed with one slip stands for ("zaterdg"), if exactly one."""
    from rapidfuzz.distance import DamerauLevenshtein

    if word in _NOT_DAY_WORDS or word in WEEKDAYS or word.removesuffix("s") in WEEKDAYS:
        return None  # "vrijdags" (on Fridays) is a habit, not a day
    found = {
        day
        for key, day in _SLIP_WEEKDAYS.items()
        if abs(len(key) - len(word)) <= 1 and DamerauLevenshtein.distance(word, key) == 1
    }
    return found.pop() if len(found) == 1 else None


def slip_day(word: str) -> int | None:
    """How many days back a day word typed with one slip means ("gistern"), if exactly one."""
    from rapidfuzz.distance import DamerauLevenshtein

    if word in _NOT_DAY_WORDS:
        return None
    found = {
        back
        for key, back in _SLIP_DAYS.items()
        if abs(len(key) - len(word)) <= 1 and DamerauLevenshtein.distance(word, key) == 1
    }
    return found.pop() if len(found) == 1 else None
