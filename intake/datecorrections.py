"""Days a message corrects, doubts or confirms, and mentions of an earlier message.

"dinsdag, sorry woensdag", "niet vandaag", "(ipv vrijdag)", "ik schreef eerst zondag"
correct a day away; "of was het de 22e?", "zaterdag geloof ik" doubt it; "dus gisteren
klopt" confirms one. A day that dates an earlier message ("correctie op mijn melding van
vanmorgen") is not the session's. See intake.dates for the rules as a whole.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from intake.datefinding import DateFinding, find_explicit_dates
from intake.dateroles import blank_not_session_days, plan_before
from intake.daywords import (
    ABBR_DAY_RE,
    DAY_PART,
    DAY_WORD,
    HOLIDAY_WORDS,
    RELATIVE_DAYS,
    RELATIVE_RE,
    WEEKDAY_BY_FEAST,
    WEEKDAY_RE,
    WEEKDAY_WORDS,
    weekday_of,
)
from intake.text import blank

# "dinsdag, sorry woensdag bedoel ik", "zaterdag nee vrijdag", "koningsdag oh nee …": the
# first day is corrected away.
_CORRECTED_RE = re.compile(
    # The correction may open the next sentence: "gisteren 40 mensen. Oh nee, eergisteren".
    rf"\b(?P<x>{DAY_WORD})\b(?:[^.!?\n]{{0,25}}?[\s,;:(-]|[^.!?\n]{{0,25}}?(?=[.!?]))?"
    rf"[\s,.!?:;(-]*(?:(?:oh|o|eh|uh)\s+)?"
    rf"(?:sorry|sry|sorrie|nee+|oeps|correctie|ik\s+bedoel|nee\s+wacht)\b[\s,.!:;-]*"
    rf"(?:(?:ik\s+bedoel|het\s+was|was\s+het|het\s+is|was|is|niet|maar|op|eh|oh|o|toch)\s+)*"
    rf"(?P<y>{DAY_WORD})\b"
)
# "Ik bedoel natuurlijk de dinsdag voor Kerst": a later sentence that says which day was
# meant takes back the different days named before it.
_I_MEAN_RE = re.compile(
    r"(?:^|[.!?\n]\s*)(?:(?:oh|o|sorry|nee)[\s,]+)*(?:ik\s+bedoel|bedoel\s+ik)\s+"
    rf"(?:natuurlijk\s+|eigenlijk\s+|dus\s+|toch\s+)?(?:op\s+)?(?:de\s+|het\s+)?"
    rf"(?P<y>{WEEKDAY_BY_FEAST}|{DAY_WORD})(?!\w)"
)
# "*donderdag bedoel ik", "donderdag, bedoel ik": the day meant, after the days before it.
_MEANT_AFTER_RE = re.compile(
    rf"(?:\*[ \t]*(?P<star>{DAY_WORD})(?!\w)|\b(?P<y>{DAY_WORD})[\s,]*bedoel\s+ik\b)"
)
# "… en vanmiddag dan eindelijk de BiebFabriek" after the writer's other days of the week:
# the awaited one is the session's.
_AT_LAST_RE = re.compile(rf"\b(?:maar|en)\s+(?:dan\s+)?(?P<x>{DAY_WORD})\s+(?:dan\s+)?eindelijk\b")
# "correctie op mijn melding van vanmorgen", "correction for yesterday message", "mijn
# bericht van gister klopte niet": the day dates an earlier message, not the session; the
# session's day was in that message, so it is unknown here (not today).
# A header ("Bericht van vandaag:") is no earlier message: the message word must be taken
# up ("mijn melding", "op het bericht", "for yesterday message").
_MESSAGE_WORDS = r"(?:melding|bericht|berichtje|appje|mail|mailtje|message|report|update)"
_TAKEN_UP = (
    r"\b(?:mijn|m'n|mn|ons|onze|my|our|het|de|the|vorige|eerdere|previous|earlier|op|for|to|"
    r"on|in|aan)\s+"
)
EARLIER_MESSAGE_RE = re.compile(
    rf"{_TAKEN_UP}{_MESSAGE_WORDS}\s+(?:van|from|of)\s+(?:{DAY_WORD})(?!\w)"
    rf"|{_TAKEN_UP}(?:{DAY_WORD})(?:'s)?\s+{_MESSAGE_WORDS}\b"
)
# "Correctie op mijn vorige bericht: …", "my last message was wrong": the message corrects
# an earlier one, whose day it does not repeat; unless it names one, the day is unknown.
CORRECTS_MESSAGE_RE = re.compile(
    rf"\b(?:correctie|correction|aanvulling|verbetering|edit|fix)\b[^.\n]{{0,20}}?"
    rf"{_TAKEN_UP}(?:vorige\s+|eerdere\s+|previous\s+|earlier\s+|last\s+)?{_MESSAGE_WORDS}\b"
    rf"|\b(?:mijn|m'n|het|my|the)\s+(?:vorige\s+|eerdere\s+|previous\s+|earlier\s+|last\s+)?"
    rf"{_MESSAGE_WORDS}\s+(?:klopte|klopt|was)\s+(?:niet|wrong|incorrect|fout)\b"
)
# "koningsdag nee …": a day taken back for one not read; which day is unsure.
# Only a named day: "vandaag nee helaas geen foto's" takes nothing back.
_TAKEN_BACK_RE = re.compile(
    rf"\b(?:(?:{WEEKDAY_WORDS}){DAY_PART}|{HOLIDAY_WORDS})\b"
    r"[\s,]*(?:(?:oh|o)\s+)?nee+\s+(?!wacht\b)\w"
)
# "niet vandaag", "was niet zaterdag maar vrijdag", "(ipv vrijdag)", "in plaats van dinsdag".
_NEGATED_DAY_RE = re.compile(
    rf"\b(?:niet|ipv|i\.p\.v\.?|in\s+plaats\s+van)\s+(?:op\s+)?(?P<x>{DAY_WORD})(?!\w)"
)
# The writer doubts the day: an alternative day asked ("of was het de 22e?"), the date not
# remembered, or a hedge right by a day word ("zaterdag geloof ik", "volgens mij dinsdag").
_DOUBT_RE = re.compile(
    # "of was het 22?" doubts a count; "de 22e", "de 22" or a day word doubts the day.
    rf"\bof\s+was\s+(?:het|t|'t)\s+(?:nou\s+|toch\s+)?(?:op\s+)?"
    rf"(?:de\s+\d{{1,2}}(?:e|ste|de)?\b|\d{{1,2}}(?:e|ste|de)\b|(?:de\s+)?{DAY_WORD})"
    r"|\bweet\s+(?:ik\s+)?(?:de\s+)?(?:datum|dag)\s+niet"
    r"|\b(?:datum|dag)\s+weet\s+ik\s+niet"
    rf"|\b{DAY_WORD}\b\W{{0,3}}(?:geloof\s+ik|denk\s+ik|meen\s+ik|of\s+zo|ofzo|"
    r"volgens\s+mij|weet\s+(?:het\s+|ik\s+)?(?:echt\s+)?niet\s+(?:meer|zeker))\b"
    # "vanochtend, weet niet meer precies hoeveel": a doubt about the count.
    r"(?!\s+(?:\w+\s+){0,2}?(?:hoeveel|hoe\s+veel|het\s+aantal|aantallen))"
    # "volgens mij dinsdag." hedges the day; "volgens mij was het vandaag drukker" does not.
    rf"|\b(?:volgens\s+mij|ik\s+geloof|ik\s+denk|denk\s+ik|geloof\s+ik)\s+(?:was\s+"
    rf"(?:het|dat)\s+)?(?:op\s+)?{DAY_WORD}\b(?=\s*(?:[,.!?;)\n]|$))"
)


# "Ik schreef eerst zondag maar …", "had eerst dinsdag gezet": a day the writer takes back.
_FIRST_WRITTEN_RE = re.compile(
    rf"\b(?:schreef|typte|stuurde|zette|had|heb)\s+(?:ik\s+)?eerst\s+(?:op\s+)?"
    rf"(?P<x>{DAY_WORD})(?!\w)"
)


# "Dus gisteren klopt", "dinsdag klopt wel": the writer confirms that day after doubting.
_CONFIRMED_RE = re.compile(
    rf"\b(?P<x>{DAY_WORD})\s+(?:klopt|klopte|is\s+goed|was\s+goed|is\s+juist|was\s+juist)"
    r"(?:\s+(?:wel|toch|dus|gewoon))?\s*(?:[.!\n]|$)"
)


def read_corrections(text: str, today: date, finding: DateFinding) -> None:
    """Days corrected away and doubts about the day, read on the whole (folded) message."""
    text = blank_not_session_days(text)
    for match in _CONFIRMED_RE.finditer(text):
        finding.confirmed |= _day_of(match.group("x"), today)
    for match in _CORRECTED_RE.finditer(text):
        corrected = _day_of(match.group("x"), today)
        if corrected == _day_of(match.group("y"), today):
            continue  # "maandag 28 december, nee 28 december is toch een maandag?": a check
        if not plan_before(text, match.start()):
            finding.rejected |= corrected
    for match in _AT_LAST_RE.finditer(text):
        finding.confirmed |= _day_of(match.group("x"), today)
    for match in _MEANT_AFTER_RE.finditer(text):
        meant = _day_of(match.group("star") or match.group("y"), today)
        for earlier in _EARLIER_DAY_RE.finditer(text, 0, match.start()):
            finding.rejected |= _day_of(earlier.group(), today) - meant
    for match in _I_MEAN_RE.finditer(text):
        meant = _day_of(match.group("y"), today)
        if not meant:
            continue
        for earlier in _EARLIER_DAY_RE.finditer(text, 0, match.start()):
            finding.rejected |= _day_of(earlier.group(), today) - meant
    for match in _TAKEN_BACK_RE.finditer(text):
        if not _CORRECTED_RE.match(text, match.start()):
            finding.doubted = True
    for match in _NEGATED_DAY_RE.finditer(text):
        # "Volgende keer niet op maandag maar dinsdag" corrects a plan, not the session.
        if not plan_before(text, match.start()):
            finding.rejected |= _day_of(match.group("x"), today)
    for match in _FIRST_WRITTEN_RE.finditer(text):
        finding.rejected |= _day_of(match.group("x"), today)
    if _DOUBT_RE.search(text):
        finding.doubted = True


_EARLIER_DAY_RE = re.compile(rf"\b(?:{DAY_WORD})(?!\w)")


def _day_of(written: str, today: date) -> set[date]:
    """The day a single day word stands for ("dinsdag", "gisteren", "di")."""
    finding = DateFinding()
    folded = find_explicit_dates(written, today, finding)
    for match in list(WEEKDAY_RE.finditer(folded)) + list(RELATIVE_RE.finditer(folded)):
        word = match.group(1)
        if word in RELATIVE_DAYS:
            finding.dates.add(today - timedelta(days=RELATIVE_DAYS[word]))
        else:
            finding.dates.add(today - timedelta(days=(today.weekday() - weekday_of(word)) % 7))
        folded = blank(folded, match.start(), match.end())
    for match in ABBR_DAY_RE.finditer(folded):
        back = (today.weekday() - weekday_of(match.group(1))) % 7
        finding.dates.add(today - timedelta(days=back))
    return finding.dates
