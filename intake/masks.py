"""Numbers in a leader's message that are never counts, and the spans that are not about
this session: times, ages, lesson and group numbers, units, money, years, per-unit and
capacity numbers ("9 teams van 4", "ingericht voor 60"), plans and earlier sessions.

Each mask blanks its span (offsets stay valid), so the count reader never sees it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from intake.numbers import count_words_pattern
from intake.text import blank, blank_all

_AGE_UNITS = r"(?:jaar|jr|jarigen|jarige|maanden|maand|mnd)"
_HOURS = "een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf"
_LESSON_WORDS = (
    r"(?:les|bijeenkomst|sessie|module|keer|dag|week|deel|ronde|stap|hoofdstuk|lesson|session)"
)
_LESSON_NUMBER_WORDS = ("les", "bijeenkomst", "sessie", "module")
# Right after a time label or a day part ("vanochtend", "dinsdagavond"), which stay readable.
_TIME_BEFORE = (
    "(?:"
    + "|".join(
        f"(?<={word})"
        for word in ("tijd", "tijdstip", "time", "ochtend", "morgen", "middag", "avond", "middeg")
    )
    + r")\b"
)

# Numbers that are never counts, blanked in this order. A number and its unit are on one
# line ("Aantal - 5\nKm - 3,8" is five people and a distance).
NON_COUNT_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern)
    for pattern in (
        # A decimal with its unit first, whole: "1,5 uur" is never "1," and a time.
        r"\b\d+,\d+[ \t]*(?:uur|u|km|kilometer|meter|kilo|kg|liter|euro)\b",
        # Times: "van 10 tot 12 uur", "10:30", "10.30 uur", "14u", "om 10".
        r"\b(?:van[ \t]+)?\d{1,2}(?:[:.]\d{2})?[ \t]*(?:-|tot|t/m)[ \t]*"
        r"\d{1,2}(?:[:.]\d{2})?[ \t]*(?:uur|u)\b",
        r"\b\d{1,2}[:.]\d{2}(?:[ \t]*(?:uur|u)\b)?",
        r"\b\d{1,2}[ \t]*(?:uur|u)\b",
        r"\bom[ \t]+\d{1,2}\b",
        # "om half drie", "kwart over 3", "om drie uur": times in words.
        rf"\b(?:om[ \t]+)?(?:half|kwart[ \t]+(?:over|voor)|tien[ \t]+(?:over|voor))[ \t]+"
        rf"(?:\d{{1,2}}|{_HOURS})\b",
        rf"\b(?:van[ \t]+)?(?:{_HOURS})[ \t]+(?:tot|-)[ \t]+(?:{_HOURS})[ \t]+uur\b",
        rf"\b(?:{_HOURS})[ \t]+uur\b",
        rf"\bom[ \t]+(?:{_HOURS})\b",
        # Ages: "4-6 jaar", "4 jaar", "4-jarigen", "65+", "65-plussers", "leeftijd 4-6".
        r"\b(?:leeftijd|tussen|tusken|age|ages|aged)[ \t]+\d+[ \t]*(?:-|tot|t/m|en|to)[ \t]*\d+\b",
        rf"\b\d+[ \t]*(?:-|tot|t/m|a)[ \t]*\d+[ \t]*-?[ \t]*{_AGE_UNITS}\b",
        rf"\b\d+[ \t]*-?[ \t]*{_AGE_UNITS}\b",
        r"\b\d+\+",
        r"\b\d+[ \t]*-?[ \t]*plus(?:sers|ser)?\b",
        r"\b(?:leeftijd|tussen|tusken|van)[ \t]+\d+[ \t]*(?:-|tot|t/m|en)[ \t]*\d+\b",
        # "tussen de 10 en 15 kinderen": a range, so the count is asked.
        r"\b(?:tussen|tusken)[ \t]+(?:de[ \t]+)?\d+[ \t]*(?:-|tot|t/m|en)[ \t]*\d+\b",
        # Groups: "groep 5", "groep 7/8", "gr. 3 en 4", "klas 2", "groepje 3". How many groups
        # and their size are not a count either: "3 groepjes van 4 kinderen" does not say how
        # many children came (the total is asked, not multiplied out).
        # A number after a comma or dash that a word follows is a count: "groep 3, 24 leerlingen".
        # "Combigroep 3/4", "jaargroep 7-8": grades, never a date.
        r"\b[^\W\d_]+groep[ \t]*\d{1,2}[ \t]*[/-][ \t]*\d{1,2}\b",
        # "grp 3/4" too; a form's "Groep: 5/6" only with its pair ("Groep: 28 kinderen" counts).
        r"\b(?:groep|grp|klas)[ \t]*:[ \t]*\d{1,2}[ \t]*[/-][ \t]*\d{1,2}\b",
        r"\b(?:groep(?:en|je|jes)?|gr\.?|grp\.?|klas|leerjaar)[ \t]{0,2}\d+"
        r"(?:[ \t]*(?:/|-|en|&|,)[ \t]*\d+\b(?![ \t]*[^\W\d_]))*\b",
        r"(?:\b\d+[ \t]*)?\b(?:groep(?:en|je|jes)?|klassen|tafels|tafeltjes)[ \t]+van[ \t]+\d+\b",
        r"\b\d+[ \t]*(?:groep(?:en|je|jes)?|klassen|tafels|tafeltjes)\b",
        r"\b\d+[.,]\d+\b",
        # Units and rates: "3 kilometer", "22 graden", "2 kinderen per iPad", "klas van 28".
        r"\b\d+[ \t]*(?:km|kilometer|kilometers|meter|graden|minuten|min|kwartier|seconden|uren|"
        r"dagen|weken|kg|kilo|gram|liter|cm|keer|x|panelen|pagina's|paginas)\b",
        r"\b\d+[ \t]+[^\W\d_]+[ \t]+per\b",
        # Per unit and capacity: "9 teams van 4 personen", "rijen van 9", "ingericht voor
        # 60 personen", "plek voor 20", "op 6 deelnemers gerekend", "max 12".
        r"\b\d+[ \t]+(?:teams?|tafels?|tafeltjes|rijen|rij|ploegen|groepjes|gezinnen|families|"
        r"auto's|bussen)[ \t]+van[ \t]+\d+\b",
        r"\b(?:ingericht|plek|plekken|plaats|plaatsen|ruimte|stoelen|zitplaatsen|capaciteit|"
        r"berekend|klaargezet|gedekt|gezet|besteld|gekocht|gebakken)[ \t]+(?:\w+[ \t]+)?"
        r"voor[ \t]+(?:\d+|twintig|dertig|veertig|vijftig|zestig|honderd|tien|vijftien)\b",
        r"\b(?:max|maximaal|maximum|capaciteit)\.?[ \t]*:?[ \t]*\d+\b",
        r"\bop[ \t]+\d+[ \t]+\w+[ \t]+(?:gerekend|berekend)\b",
        r"\bklas[ \t]+van[ \t]+\d+\b",
        # Rooms and pages: "kamer 6", "(zaal 2)", "lokaal nr. 3", "bladzijde 12", "blz. 1 t/m
        # 16"; a language level: "A2", "niveau B1".
        # Not "in de zaal 7 kinderen": a number before a people word is a count.
        r"\b(?<!de )(?:zaal|lokaal|kamer|kamertje|ruimte|room)[ \t]*(?:nr\.?|nummer)?[ \t]*"
        rf"\d+[a-z]?\b(?![ \t]*(?:-|tot|t/m|a)?[ \t]*\d)(?![ \t]+(?:{count_words_pattern()})\b)",
        r"\b(?:bladzijde|bladzijden|blz|pagina|pag|page)\.?[ \t]*\d+"
        r"(?:[ \t]*(?:-|t/m|tot|en)[ \t]*\d+)?\b",
        r"\b(?:niveau[ \t]+)?[abc][12]\b",
        # A letter's closing is no count: "Kind regards" ("kind" is a child word).
        r"\bkind[ \t]+regards\b",
        # Money, percentages, decimals, years, long numbers (phone numbers).
        r"€[ \t]*\d+(?:[.,]\d+)?|\b\d+(?:[.,]\d+)?[ \t]*(?:euro|eur)\b",
        r"\b\d+(?:[.,]\d+)?[ \t]*(?:%|procent)",
        r"\b\d+[.,]\d+\b",
        r"\b(?:19|20)\d{2}\b",
        r"\b\d{5,}\b",
    )
)
# Plans for the future are not about this session: "volgende keer 3 april".
# A worked example is no session: "We rekenden met een voorbeeldgezin: … 2 kinderen van 6".
EXAMPLE_RE = re.compile(
    r"\b(?:bijvoorbeeld|voorbeeldgezin|voorbeeld|rekenvoorbeeld|stel\s+dat|casus)\b"
    r"(?:[^.!?\n]|\.(?!\s|$))*"
)
FUTURE_RE = re.compile(
    r"\b(?:volgende|komende|de\s+volgende)\s+(?:keer|week|maand|les|bijeenkomst|sessie)\b[^.!?\n]*"
)
# Another, earlier session mentioned in passing: "vorige keer op 21 oktober waren het er 12".
PAST_EVENT_RE = re.compile(
    r"\b(?:de\s+)?(?:vorige|afgelopen|eerdere)\s+(?:keer|les|bijeenkomst|sessie)\b"
    r"(?:(?!,\s*(?:en|maar)\b)[^.!?\n])*"
    # "In 2024 begonnen we met 4 dames": how the series started, years ago.
    r"|\b(?:in|sinds)\s+(?:19|20)\d{2}\s+(?:zijn\s+|waren\s+)?(?:we\s+|wij\s+)?"
    r"(?:begonnen|gestart|startten|begon|startte)\b[^.!?\n]*"
    # "Vorige maand hadden we er maar 4, nu 11 kinderen": a past count set against today's.
    r"|\b(?:vorige|afgelopen|vorig)\s+(?:maand|jaar|week|seizoen)\b[^.!?\n,]*,\s*"
    r"(?=(?:en\s+)?(?:nu|vandaag|deze\s+keer|dit\s+keer)\b)"
)
# Lessons: "les 3", "bijeenkomst 2 van 6", "3e les", "2de keer". Not after "vorige week",
# "deze week", "afgelopen week": there the week is a day word and the number a count.
_LESSON_RE = re.compile(
    rf"\b({_LESSON_WORDS})[ \t]*:?[ \t]*(?:(?:nummer|nr\.?)[ \t]*)?(\d+)"
    r"(?:[ \t]*(?:van|/|uit)[ \t]*\d+)?\b"
)
_DAY_WEEK_BEFORE_RE = re.compile(r"\b(?:vorige|deze|afgelopen|verleden)\s+$")
# "les drie van de zes", "les zes van zes": a lesson number in words, said with its series.
_LESSON_WORDS_RE = re.compile(
    r"\b(?:les|bijeenkomst|sessie|module)[ \t]+((?:een|twee|drie|vier|vijf|zes|zeven|acht|negen|"
    r"tien)[ \t]+van[ \t]+(?:de[ \t]+)?(?:twee|drie|vier|vijf|zes|zeven|acht|negen|tien))\b"
    # "les nummer twee": the number said as a word after "nummer".
    r"|\b(?:les|bijeenkomst|sessie)[ \t]+(?:nummer|nr\.?)[ \t]+((?:een|twee|drie|vier|vijf|zes|"
    r"zeven|acht|negen|tien))\b"
)
# Time ranges ("10.00-11.30", "10:00 - 11:30", "10-12 uur"): blanked before dates are read, so
# "10.00-11" is never taken for a (wrong) date.
TIME_RANGE_RE = re.compile(
    r"\b(?:van[ \t]+)?(?:[01]?\d|2[0-3])[:.][0-5]\d[ \t]*(?:-|–|tot|t/m)[ \t]*"
    r"(?:[01]?\d|2[0-3])[:.][0-5]\d\b"
    r"(?:[ \t]*(?:uur|u)\b)?"
    r"|\b(?:van[ \t]+)?\d{1,2}(?:[:.]\d{2})?[ \t]*(?:-|–|tot|t/m)[ \t]*"
    r"\d{1,2}(?:[:.]\d{2})?[ \t]*(?:uur|u)\b"
    # Hours without a unit where a time is meant: after a time label ("Tijd: 10-12") or a
    # day part ("vanochtend 10-12", "woensdagmiddag 2-4"), and not before a word ("10-12
    # kinderen" is a range of people, asked). Never a date: the day is said already.
    rf"|{_TIME_BEFORE}[ \t]*[:\-–]?[ \t]*"
    # Hours of a working day only: "vanochtend 4-11" may be 4 November.
    r"(?:van[ \t]+)?(?:0?[7-9]|1\d|2[0-3])[ \t]*(?:-|–)[ \t]*(?:0?[8-9]|1\d|2[0-4])\b"
    r"(?![ \t]*[-/]?[ \t]*[^\W\d_])"
)
_ORDINAL_RE = re.compile(rf"\b(\d+)(?:e|de|ste)\b(?:\s+({_LESSON_WORDS})\b)?")


@lru_cache(maxsize=8)
def range_re() -> re.Pattern[str]:
    # "15-20 kinderen", "15 a 20 kids": a range is not a count (the count is asked instead).
    return re.compile(
        rf"(?<!datum: )(?<!datum:)(?<!/)\b\d+[ \t]*(?:-|a|tot|of)[ \t]*\d+"
        rf"(?=[ \t]+(?:[^\W\d_]+[ \t]+)?(?:{count_words_pattern()})\b)"
    )


def mask_lessons(text: str) -> tuple[str, int | None]:
    """Blank lesson and ordinal numbers ("3e les", "les 4 van 6"); return the lesson number."""
    lesson: int | None = None
    for match in list(_ORDINAL_RE.finditer(text)):
        if lesson is None and match.group(2) in _LESSON_NUMBER_WORDS:
            lesson = int(match.group(1))
        text = blank(text, match.start(), match.end())
    for match in list(_LESSON_RE.finditer(text)):
        if match.group(1) == "week" and _DAY_WEEK_BEFORE_RE.search(text, 0, match.start()):
            continue  # "vorige week 8 ouderen": a day word, then a count
        if lesson is None and match.group(1) in _LESSON_NUMBER_WORDS:
            lesson = int(match.group(2))
        text = blank(text, match.start(2), match.end())
    for match in list(_LESSON_WORDS_RE.finditer(text)):
        said = 1 if match.group(1) is not None else 2
        text = blank(text, match.start(said), match.end(said))
    return text, lesson


_STUKS_RE = re.compile(r"\b\d+[ \t]*stuks\b")
# "12 stuks, met 9 ouders", "9 stuks 😄": an item of a list; not "20 stuks uitgedeeld".
_ITEM_AFTER_RE = re.compile(r"[ \t]*(?:$|\n|[^\w\s]|met\b|en\b)")
_CLAUSE_START_RE = re.compile(r"[.!?;\n]")


def _mask_pieces(text: str) -> str:
    """ "24 stuks" counts things, but "kinderen van 2 tot 4 jaar, 12 stuks" counts the people
    named right before it in its sentence, with no other number between."""
    for match in list(_STUKS_RE.finditer(text)):
        opened = max(
            (m.end() for m in _CLAUSE_START_RE.finditer(text, 0, match.start())), default=0
        )
        before = text[opened : match.start()]
        people = re.search(rf"\b(?:{count_words_pattern()})\b", before)
        listed = _ITEM_AFTER_RE.match(text, match.end())
        if people is None or re.search(r"\d", before) or not listed:
            text = blank(text, match.start(), match.end())
    return text


def mask_non_counts(text: str) -> str:
    for pattern in NON_COUNT_PATTERNS:
        text, _ = blank_all(text, pattern)
    for match in list(_age_after_person_re().finditer(text)):
        text = blank(text, match.start(1), match.end(1))
    return _mask_pieces(text)  # after the ages: "kindjes van 2 en 3 jaar: 9 stuks"


@lru_cache(maxsize=1)
def _age_after_person_re() -> re.Pattern[str]:
    # "een mevrouw van 79", "2 kinderen van 6 en 9": an age after a people word, unless a
    # people word follows the number ("9 deelnemers van de 11 leden" has "de").
    words = count_words_pattern()
    return re.compile(
        rf"\b(?:{words})[ \t]+(van[ \t]+\d{{1,3}}(?:[ \t]*(?:en|,|-|tot|t/m)[ \t]*\d{{1,3}})*)\b"
        rf"(?![ \t]+(?:[a-z]+[ \t]+)?(?:{words})\b)"
    )
