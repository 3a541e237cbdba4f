"""The days a message names, collected: DateFinding, and the readers of explicit dates.

DateFinding gathers every day mentioned (with what corrected, doubted or set it aside)
and resolves them to one day or none. Here too: adding a date with or without its year
(a yearless date is the most recent such day unless it comes again soon), and
find_explicit_dates, which reads dates with a year or a month name, holidays, ordinals
("dinsdag de 28e", "van de 3e"). See intake.dates for the rules as a whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from intake.dateroles import (
    apart_from_session_day,
    blank_not_session_days,
    in_parentheses,
    other_meeting,
    plan_before,
    topic_before,
)
from intake.daywords import (
    ABBREVIATION_WORDS,
    DAY_PART,
    FEAST_WORDS,
    FEASTS,
    HOLIDAYS,
    MONTH_WORDS,
    MONTHS,
    WEEKDAY_WORDS,
    weekday_of,
)
from intake.text import blank

# A yearless date this many days after today (or fewer) is not read as last year's.
FUTURE_DATE_DAYS = 60
# A date this many days before today or earlier is the topic ("een lezing over 4 mei 1945"),
# not the session's day.
TOPIC_DAYS = 400

# Explicit dates with a year or a month name: safe to take before other numbers are read.
_ISO_RE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_DMY_RE = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.]'?(\d{4}|\d{2})\b")
# A day of the month said in words, as dictation writes it: "op elf december".
_UNITS = ("een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen")
DAY_WORDS = {
    **{w: i for i, w in enumerate(_UNITS[1:], 2)},
    **{w: i for i, w in enumerate(
        ("tien", "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien",
         "achttien", "negentien", "twintig"), 10)},
    **{f"{w}entwintig": 20 + i for i, w in enumerate(_UNITS, 1)},
    "dertig": 30,
    "eenendertig": 31,
}  # fmt: skip
_DAY_WORD = "|".join(sorted(DAY_WORDS, key=len, reverse=True))
_DAY_MONTH_RE = re.compile(
    rf"\b(?:(?P<wd>{WEEKDAY_WORDS}|{ABBREVIATION_WORDS})\.?,?\s+)?"
    rf"(\d{{1,2}}|{_DAY_WORD})(?:e|ste|de)?\s+({MONTH_WORDS})\b\.?"
    rf"(?:\s+(\d{{4}})\b)?"
)
# "dinsdag de 28e": a weekday and a day of the month.
_WEEKDAY_ORDINAL_RE = re.compile(
    rf"\b({WEEKDAY_WORDS}){DAY_PART}\s+(?:de\s+)?(\d{{1,2}})(?:e|ste|de)\b"
)
# "de dinsdag voor Kerst", "de zaterdag na oud en nieuw": a weekday counted from a named day.
_WEEKDAY_BY_FEAST_RE = re.compile(
    rf"\b({WEEKDAY_WORDS}){DAY_PART}\s+(voor|na)\s+(?:de\s+|het\s+)?({FEAST_WORDS})\b"
)
# "van de 3e", "op de 28ste": a day of the month without its month; "op de 3e plek" is no day.
_ORDINAL_DAY_RE = re.compile(r"\b(?:op|van)\s+de\s+(\d{1,2})(?:e|ste|de)\b(?![ \t]*[^\W\d_])")


def _weekday_from(feast: date, weekday: int, after: bool) -> date:
    """The nearest `weekday` before (or after) the named day, the day itself not included."""
    step = 1 if after else -1
    day = feast + timedelta(days=step)
    while day.weekday() != weekday:
        day += timedelta(days=step)
    return day


@dataclass
class DateFinding:
    """The days mentioned and whether a mention could not be pinned down."""

    dates: set[date] = field(default_factory=set)
    unclear: bool = False
    # A day soon after today was written: whatever else is said, there is no date.
    future: bool = False
    # A day as written that does not exist ("31-02-2025") or lies ahead: named to the leader.
    impossible: str | None = None
    ahead: str | None = None
    # Days written with a weekday that fits them.
    strong: set[date] = field(default_factory=set)
    # A yearless day soon after today: a plan mentioned in passing when another day is given.
    upcoming: bool = False
    # Days the message corrects away ("dinsdag, sorry woensdag", "niet vandaag", "ipv
    # vrijdag"): never the session's day.
    rejected: set[date] = field(default_factory=set)
    # The writer doubts the day ("of was het de 22e?", "zaterdag geloof ik"): no date.
    doubted: bool = False
    # Dates written in an aside in parentheses ("(op 5 dec was hij al geweest)"): the day
    # only when no other day is given.
    aside: set[date] = field(default_factory=set)
    # A day the writer confirms after a doubt ("dus gisteren klopt"): it settles the doubt.
    confirmed: set[date] = field(default_factory=set)
    # Where a holiday word opening its line ends ("zomervakantie knutselmiddag"): it names
    # the session's kind when the activity's name follows right after, else it is vague.
    holiday_before_name: list[int] = field(default_factory=list)

    def settle_holiday_names(self, text: str, activity_at: int | None) -> None:
        """Vague after all, unless the activity's name follows the holiday word."""
        for end in self.holiday_before_name:
            if activity_at is None or text[end:activity_at].strip(" \t-"):
                self.unclear = True

    def resolve(self, today: date) -> date | None:
        """One clear day, today when none was mentioned, None when unclear."""
        if self.rejected:
            kept = self.dates - self.rejected
            if not kept:
                return None  # every day named was corrected away: what was meant is unsure
            self.dates = kept
        settled = self.confirmed & self.dates
        if len(settled) == 1 and not self.impossible and next(iter(settled)) <= today:
            return next(iter(settled))
        if self.doubted:
            return None
        if self.aside and self.dates - self.aside:
            self.dates -= self.aside
        ahead = sorted(day for day in self.dates if day > today)
        if ahead:
            self.future = True
            self.ahead = self.ahead or f"{ahead[0].day}-{ahead[0].month}-{ahead[0].year}"
        if len(self.dates) > 1 and len(self.strong & self.dates) == 1 and not self.future:
            return next(iter(self.strong & self.dates))
        if self.future or len(self.dates) > 1 or (self.unclear and not self.dates):
            return None
        if self.impossible:
            return None
        return next(iter(self.dates)) if self.dates else today


def calendar_day(year: int, month: int, day: int) -> date | None:
    """The day, or None when the calendar has no such day ("31-02-2025"). The importer's
    date reader (intake.tables.parse_date) uses it too."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _add(
    finding: DateFinding,
    year: int,
    month: int,
    day: int,
    written: str = "",
    today: date | None = None,
    plan: bool = False,
) -> None:
    found = calendar_day(year, month, day)
    if found is not None and today is not None and (today - found).days >= TOPIC_DAYS:
        return  # a date long ago is what the session was about, not when it was
    if found is not None and today is not None and plan and found > today:
        finding.upcoming = True  # "Volgende: 13-01-2026": the next session, ahead
        return
    if found is None:
        finding.unclear = True
        finding.impossible = finding.impossible or written.strip() or None
    else:
        finding.dates.add(found)


def _date_or_none(year: int, month: int, day: int) -> date | None:
    return calendar_day(year, month, day)


def add_yearless(
    finding: DateFinding,
    today: date,
    month: int,
    day: int,
    plan: bool = False,
    passing: bool = False,
) -> None:
    """Add a date without its year. `plan`: a plan word goes with it; `passing`: it stands
    apart from the session's day word (intake.dateroles.apart_from_session_day), so a day
    soon ahead is mentioned in passing, like a plan."""
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
        if plan or passing:
            finding.upcoming = True
        else:
            finding.future = True
        finding.ahead = finding.ahead or f"{upcoming.day}-{upcoming.month}"
    elif (
        plan
        and upcoming is not None
        and past is not None
        and (upcoming - today).days < (today - past).days
    ):
        # "tot 1 september" in May: a plan word takes the nearer reading, which is ahead.
        finding.upcoming = True
    elif past is not None:
        finding.dates.add(past)
    else:
        finding.unclear = True  # no such day ("31-2"), or 29 February not in a recent year
        if calendar_day(2024, month, day) is None:  # 2024: a leap year, so 29-2 exists
            finding.impossible = finding.impossible or f"{day}-{month}"


_HOLIDAY_RE = re.compile(rf"\b({'|'.join(sorted(HOLIDAYS, key=len, reverse=True))})\b")


def find_explicit_dates(
    text: str, today: date, finding: DateFinding, context: str | None = None
) -> str:
    """Read dates with a year or a month name; return the text with them blanked.
    `context`: the text before plans were blanked, to see "… 11 november volgende keer"."""
    for match in list(_WEEKDAY_ORDINAL_RE.finditer(text)):
        weekday, day = weekday_of(match.group(1)), int(match.group(2))
        fits = [
            d for back in range(0, 370)
            if (d := today - timedelta(days=back)).day == day and d.weekday() == weekday
        ][:1]  # fmt: skip
        if fits:
            finding.dates.add(fits[0])
        else:
            finding.unclear = True
        text = blank(text, match.start(), match.end())
    for match in list(_WEEKDAY_BY_FEAST_RE.finditer(text)):
        # The most recent such day, today included: "de dinsdag voor Kerst" in January is
        # last December's.
        weekday, after = weekday_of(match.group(1)), match.group(2) == "na"
        month, day = FEASTS[match.group(3)]
        found = [
            d
            for year in (today.year, today.year - 1)
            if (d := _weekday_from(date(year, month, day), weekday, after)) <= today
        ]
        if found:
            finding.dates.add(max(found))
        text = blank(text, match.start(), match.end())
    for match in list(_ORDINAL_DAY_RE.finditer(text)):
        # "van de 3e": the most recent 3rd, today included (this month or the one before).
        day = int(match.group(1))
        fits = [d for back in range(0, 62) if (d := today - timedelta(days=back)).day == day]
        if fits and not plan_before(context or text, match.start(), match.end()):
            finding.dates.add(fits[0])
        text = blank(text, match.start(), match.end())
    text = blank_not_session_days(text)
    for match in list(_HOLIDAY_RE.finditer(text)):
        month, day = HOLIDAYS[match.group(1)]
        plan = plan_before(context or text, match.start(), match.end())
        add_yearless(finding, today, month, day, plan)
        text = blank(text, match.start(), match.end())
    for match in list(_ISO_RE.finditer(text)):
        _add(
            finding,
            int(match.group(1)),
            int(match.group(2)),
            int(match.group(3)),
            match.group(),
            today,
            plan_before(context or text, match.start(), match.end()),
        )
        text = blank(text, match.start(), match.end())
    for match in list(_DMY_RE.finditer(text)):
        year = int(match.group(3))
        full = year + 2000 if year < 100 else year
        plan = plan_before(context or text, match.start(), match.end())
        _add(finding, full, int(match.group(2)), int(match.group(1)), match.group(), today, plan)
        text = blank(text, match.start(), match.end())
    for match in list(_DAY_MONTH_RE.finditer(text)):
        said = match.group(2)
        day, month = DAY_WORDS.get(said) or int(said), MONTHS[match.group(3)]
        if not match.group(4) and topic_before(context or text, match.start()):
            finding.unclear = True
            text = blank(text, match.start(), match.end())
            continue
        before = set(finding.dates)
        if match.group(4):
            plan = plan_before(context or text, match.start(), match.end())
            _add(finding, int(match.group(4)), month, day, match.group(), today, plan)
        else:
            plan = plan_before(context or text, match.start(), match.end())
            aside = in_parentheses(text, match.start(), match.end()) or other_meeting(
                context or text, match.start()
            )
            passing = apart_from_session_day(context or text, match.start(), match.end())
            add_yearless(finding, today, month, day, plan or aside, passing)
            if aside:
                finding.aside |= {d for d in finding.dates if (d.month, d.day) == (month, day)}
        if match.group("wd"):
            # "maandag 29 december": a weekday that fits the date makes it the session's day
            # beside another date mentioned ("de krant van 28 december").
            added = finding.dates - before
            finding.strong |= {d for d in added if d.weekday() == weekday_of(match.group("wd"))}
        text = blank(text, match.start(), match.end())
    return text
