"""Which day a leader's message is about. Works on folded text (see intake.text.fold).

Rules (documented in the parser too):
- No day in the message: today.
- vandaag/vanochtend/vanmiddag/vanavond = today; gisteren (gisteravond, …) = today - 1;
  eergisteren = today - 2.
- A bare weekday ("woensdag", "woensdagmiddag") is the most recent such day, today included:
  leaders report after the session, so it is never a future day. So is an abbreviation ("za",
  "di.", "ZO") that stands alone among the message's fields; "zo leuk", "zo'n 12", "ma zei"
  are words.
- "afgelopen woensdag", "vorige woensdag", "woensdag jl." is the most recent one *before*
  today; "vorige week woensdag" is the woensdag of the previous calendar week (ma-zo).
- Dates: "14 maart", "14-3", "14/3", "za 4 okt", "4 oktober 2025", "2025-10-04",
  "4-10-2025". A date without a year is the most recent such day, today included ("14
  december" in March is last year's), unless that day comes again within
  FUTURE_DATE_DAYS after today: then it is a typo or a planned session, and there is no date
  ("15 maart" on 14 March, "15 januari" on 20 December).
- A day that cannot be pinned down ("vorige week", "31-2") or two different days: no date.

`read_day` reads a typed answer (the guided report's date step) by these same rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from intake.text import blank, fold

WEEKDAYS = {
    "maandag": 0, "dinsdag": 1, "woensdag": 2, "donderdag": 3, "vrijdag": 4, "zaterdag": 5,
    "zondag": 6,
}  # fmt: skip
WEEKDAY_ABBREVIATIONS = {"ma": 0, "di": 1, "wo": 2, "do": 3, "vr": 4, "za": 5, "zo": 6}
MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "febr": 2, "feb": 2, "maart": 3, "mrt": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8,
    "aug": 8, "september": 9, "sept": 9, "sep": 9, "oktober": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
RELATIVE_DAYS = {
    "vandaag": 0, "vanochtend": 0, "vanmorgen": 0, "vanmiddag": 0, "vanavond": 0,
    "gisteren": 1, "gister": 1, "gisterochtend": 1, "gistermorgen": 1, "gistermiddag": 1,
    "gisteravond": 1, "eergisteren": 2, "eergister": 2,
}  # fmt: skip
# Mentions of a time that give no day: the date is then unknown, not today.
VAGUE_DAYS = (
    r"vorige\s+week|afgelopen\s+week|vorige\s+maand|afgelopen\s+maand|laatst|onlangs|"
    r"eerder\s+deze\s+week|deze\s+week|vorig\s+weekend|afgelopen\s+weekend"
)
# A yearless date this many days after today (or fewer) is not read as last year's.
FUTURE_DATE_DAYS = 60

_WD = "|".join(WEEKDAYS)
_ABBR = "|".join(WEEKDAY_ABBREVIATIONS)
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_PART = r"(?:ochtend|morgen|middag|avond)?"

# Explicit dates with a year or a month name: safe to take before other numbers are read.
_ISO_RE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_DMY_RE = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})\b")
_DAY_MONTH_RE = re.compile(
    rf"\b(?:(?:{_WD}|{_ABBR})\.?,?\s+)?(\d{{1,2}})(?:e|ste|de)?\s+({_MONTH})\b\.?"
    rf"(?:\s+(\d{{4}})\b)?"
)
# "14-3", "14/3": read only after times, ages, groups and ranges are out of the way.
_DM_RE = re.compile(
    rf"(?<![\w/.-])(?:(?:{_WD}|{_ABBR})\.?\s+)?(\d{{1,2}})[-/](\d{{1,2}})(?![\w/-])"
)
_LAST_WEEK_RE = re.compile(
    rf"\bvorige\s+week\s+(?:op\s+)?({_WD}|{_ABBR})\b{_PART}\.?|\b({_WD}){_PART}\s+vorige\s+week\b"
)
_BEFORE_TODAY_RE = re.compile(
    rf"\b(?:afgelopen|vorige)\s+({_WD}|{_ABBR})\b{_PART}\.?|\b({_WD}){_PART}\s+j\.?l\b\.?"
)
_THIS_WEEK_RE = re.compile(rf"\bdeze\s+week\s+({_WD}){_PART}\b")
_WEEKDAY_RE = re.compile(rf"\b({_WD}){_PART}\b")
_RELATIVE_RE = re.compile(rf"\b({'|'.join(sorted(RELATIVE_DAYS, key=len, reverse=True))})\b")
_VAGUE_RE = re.compile(rf"\b(?:{VAGUE_DAYS})\b")
# "za", "di.", "ZO" standing alone among the message's fields: what follows is nothing, a
# number, a day part ("za middag") or, for the abbreviations that are no words, a mark.
# "zo" and "ma" are words too: "Zo, dat zit erop", "zo leuk", "zo'n 12", "ma zei" are no days.
_ABBR_DAY_RE = re.compile(rf"\b({_ABBR})\b\.?")
_WORD_ABBREVIATIONS = {"zo", "ma"}
_AFTER_ABBR_RE = re.compile(r"\s*(?:$|\d|(?:ochtend|morgen|middag|avond)\b|(?P<mark>[^\w\s'’]))")


@dataclass
class DateFinding:
    """The days mentioned and whether a mention could not be pinned down."""

    dates: set[date] = field(default_factory=set)
    unclear: bool = False
    # A day soon after today was written: whatever else is said, there is no date.
    future: bool = False

    def resolve(self, today: date) -> date | None:
        """One clear day, today when none was mentioned, None when unclear."""
        if self.future or len(self.dates) > 1 or (self.unclear and not self.dates):
            return None
        return next(iter(self.dates)) if self.dates else today


def _weekday(name: str) -> int:
    return WEEKDAYS.get(name, WEEKDAY_ABBREVIATIONS.get(name, 0))


def _add(finding: DateFinding, year: int, month: int, day: int) -> None:
    try:
        finding.dates.add(date(year, month, day))
    except ValueError:
        finding.unclear = True


def _date_or_none(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _add_yearless(finding: DateFinding, today: date, month: int, day: int) -> None:
    # The most recent such day (this year or last year, today included) and the next one
    # after today (this year or next year).
    past = next(
        (d for y in (0, 1) if (d := _date_or_none(today.year - y, month, day)) and d <= today),
        None,
    )
    upcoming = next(
        (d for y in (0, 1) if (d := _date_or_none(today.year + y, month, day)) and d > today),
        None,
    )
    if upcoming is not None and (upcoming - today).days <= FUTURE_DATE_DAYS:
        finding.future = True
    elif past is not None:
        finding.dates.add(past)
    else:
        finding.unclear = True  # no such day ("31-2"), or 29 February not in a recent year


def find_explicit_dates(text: str, today: date, finding: DateFinding) -> str:
    """Read dates with a year or a month name; return the text with them blanked."""
    for match in list(_ISO_RE.finditer(text)):
        _add(finding, int(match.group(1)), int(match.group(2)), int(match.group(3)))
        text = blank(text, match.start(), match.end())
    for match in list(_DMY_RE.finditer(text)):
        year = int(match.group(3))
        _add(finding, year + 2000 if year < 100 else year, int(match.group(2)), int(match.group(1)))
        text = blank(text, match.start(), match.end())
    for match in list(_DAY_MONTH_RE.finditer(text)):
        day, month = int(match.group(1)), MONTHS[match.group(2)]
        if match.group(3):
            _add(finding, int(match.group(3)), month, day)
        else:
            _add_yearless(finding, today, month, day)
        text = blank(text, match.start(), match.end())
    return text


def find_abbreviated_days(text: str, today: date, finding: DateFinding) -> str:
    """Read weekday abbreviations ("za", "di.") once names are blanked: the most recent such
    day, today included, like a bare weekday. Return the text with them blanked."""
    for match in list(_ABBR_DAY_RE.finditer(text)):
        before = text[: match.start()].rstrip()
        if before and before[-1].isalpha():
            continue  # "was het zo" : a word, not a day
        after = _AFTER_ABBR_RE.match(text, match.end())
        if after is None or (after.group("mark") and match.group(1) in _WORD_ABBREVIATIONS):
            continue
        back = (today.weekday() - _weekday(match.group(1))) % 7
        finding.dates.add(today - timedelta(days=back))
        text = blank(text, match.start(), match.end())
    return text


def find_other_dates(text: str, today: date, finding: DateFinding) -> str:
    """Read numeric day-month dates and day words; return the text with them blanked."""
    for match in list(_DM_RE.finditer(text)):
        day, month = int(match.group(1)), int(match.group(2))
        if not 1 <= month <= 12:
            continue
        _add_yearless(finding, today, month, day)
        text = blank(text, match.start(), match.end())
    monday = today - timedelta(days=today.weekday())
    for match in list(_LAST_WEEK_RE.finditer(text)):
        weekday = _weekday(match.group(1) or match.group(2))
        finding.dates.add(monday - timedelta(days=7) + timedelta(days=weekday))
        text = blank(text, match.start(), match.end())
    for match in list(_BEFORE_TODAY_RE.finditer(text)):
        back = (today.weekday() - _weekday(match.group(1) or match.group(2))) % 7 or 7
        finding.dates.add(today - timedelta(days=back))
        text = blank(text, match.start(), match.end())
    for match in list(_THIS_WEEK_RE.finditer(text)):
        this_week = monday + timedelta(days=_weekday(match.group(1)))
        if this_week <= today:
            finding.dates.add(this_week)
        else:
            finding.unclear = True
        text = blank(text, match.start(), match.end())
    for match in list(_WEEKDAY_RE.finditer(text)):
        back = (today.weekday() - _weekday(match.group(1))) % 7
        finding.dates.add(today - timedelta(days=back))
        text = blank(text, match.start(), match.end())
    for match in list(_RELATIVE_RE.finditer(text)):
        finding.dates.add(today - timedelta(days=RELATIVE_DAYS[match.group(1)]))
        text = blank(text, match.start(), match.end())
    for match in list(_VAGUE_RE.finditer(text)):
        finding.unclear = True
        text = blank(text, match.start(), match.end())
    return text


def read_day(text: str, today: date) -> DateFinding:
    """The day in a typed answer ("28 nov", "zaterdag", "za", "gisteren", "vorige week
    dinsdag", "14-3"), read by the same rules as a whole message. Nothing found: no dates."""
    folded = fold(text)
    finding = DateFinding()
    folded = find_explicit_dates(folded, today, finding)
    folded = find_other_dates(folded, today, finding)
    find_abbreviated_days(folded, today, finding)
    return finding
