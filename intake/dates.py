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
- A day that cannot be pinned down ("vorige week", "31-2", "in de zomervakantie") or two
  different days: no date.
- A day corrected inside the message is never the day: "dinsdag, sorry woensdag" and "het
  was woensdag, niet dinsdag" and "donderdag (ipv vrijdag)" leave the corrected day; a day
  taken back for one not read ("koningsdag nee hemelvaart") leaves no date.
- Doubt about the day ("of was het de 22e?", "zaterdag geloof ik", "weet de datum niet
  meer"): no date, unless the writer then confirms one ("nee zondag klopt wel", "dus
  gisteren klopt").
- A holiday is a yearless date. A day given as a reason
  ("ivm koningsdag"), a closing day ("oudejaarsdag zijn we dicht") or the writer's own day
  ("ik kwam er gisteren niet aan toe") is not the session's.
- A weekday typed with one slip ("zaterdg") is that weekday; "vrijdags" (a habit) is none.
- A date in an aside in parentheses ("(op 5 dec was hij al geweest)", "Koningsdag (27/4)")
  or another meeting's day ("gestart op 26 aug", "les 1 op 7 nov") is the day only when no
  other day is given; a numbered meeting ahead ("Les 4 is 21 oktober"), "laatste les …" or a
  day followed by "komt er" is a plan. "Gisteren had ik geen tijd" is the writer's day.
- "vorige week dinsdag" also in Fries ("fan ferline/foarige wike tiisdei") and English
  ("last week Thursday"); "earlier this week", "foarige wike" alone are vague.
- A session called off ("dinsdag was cancelled", "de lezing van 15 januari gaat niet door",
  "het breicafe van vandaag is vervallen"), a deadline ("de deadline was 1 mei"), a session
  someone else reports ("… die heeft Petra al doorgegeven") and a day the writer first wrote
  ("ik schreef eerst zondag maar …") are not the session's day. A plan word before a
  yearless date ("tot 1 september") takes the nearer reading; ahead, it is a plan.
- English abbreviations ("Sat:", "Thu") like the Dutch ones; "sat", "sun", "wed" are words
  too, so only right after the names or with a dot. "van de 3e", "op de 28ste": the most
  recent such day of the month; "op de 3e plek" is no day.
- "ma" right after the names that open its line ("Leesgroep Peize ma, 9 lezers") is Monday.
- A stretch of time ("de afgelopen weken", "van paar weken terug", "deze maand") is vague:
  no date.
- A day that dates an earlier message ("correctie op mijn melding van vanmorgen",
  "correction for yesterday message") is not the session's, and a message correcting an
  earlier one ("correctie op mijn vorige bericht") does not repeat its day: no date (not
  today), unless the message names the day itself.
- An abbreviation that is no word (di, wo, do, vr, za) with its dot ("Havelte do.") or right
  after the names ("Eelde za", "(opening) za") is a day. Fries month names are months.

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
    "juster": 1, "hjoed": 0, "vanmörgen": 0, "today": 0, "tonight": 0, "yesterday": 1,
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
    r"een\s+dezer\s+dagen"
)
# A yearless date this many days after today (or fewer) is not read as last year's.
FUTURE_DATE_DAYS = 60

_WD = "|".join(WEEKDAYS)
_ABBR = "|".join(WEEKDAY_ABBREVIATIONS)
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
# Day parts, also Fries ("tiisdeitejun", "tiisdeimoarn").
_PART = r"(?:ochtend|morgen|middag|avond|tejun|jun|moarn|middei)?"

# Explicit dates with a year or a month name: safe to take before other numbers are read.
_ISO_RE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_DMY_RE = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.]'?(\d{4}|\d{2})\b")
_DAY_MONTH_RE = re.compile(
    rf"\b(?:(?P<wd>{_WD}|{_ABBR})\.?,?\s+)?(\d{{1,2}})(?:e|ste|de)?\s+({_MONTH})\b\.?"
    rf"(?:\s+(\d{{4}})\b)?"
)
# "14-3", "14/3": read only after times, ages, groups and ranges are out of the way.
_DM_RE = re.compile(
    rf"(?<![\w/.-])(?:(?P<wd>{_WD}|{_ABBR})\.?\s+)?(\d{{1,2}})[-/](\d{{1,2}})(?![\w/-])"
)
# "dinsdag de 28e": a weekday and a day of the month.
_WEEKDAY_ORDINAL_RE = re.compile(rf"\b({_WD}){_PART}\s+(?:de\s+)?(\d{{1,2}})(?:e|ste|de)\b")
# "vorige week dinsdag", Fries "ferline/foarige wike tiisdei", English "last week Thursday".
_PREVIOUS_WEEK = (
    r"(?:vorige|verleden)\s+week|(?:veurige|vorige|verleden)\s+weke|"
    r"(?:ferline|foarige|foarrige)\s+wike|last\s+week"
)
# "van de 3e", "op de 28ste": a day of the month without its month; "op de 3e plek" is no day.
_ORDINAL_DAY_RE = re.compile(r"\b(?:op|van)\s+de\s+(\d{1,2})(?:e|ste|de)\b(?![ \t]*[^\W\d_])")
_LAST_WEEK_RE = re.compile(
    rf"\b(?:{_PREVIOUS_WEEK})\s+(?:op\s+)?({_WD}|{_ABBR})\b{_PART}\.?"
    rf"|\b({_WD}){_PART}\s+(?:{_PREVIOUS_WEEK})\b"
)
_BEFORE_TODAY_RE = re.compile(
    rf"\b(?:afgelopen|vorige|last)\s+({_WD}|{_ABBR})\b{_PART}\.?(?:'s)?"
    rf"|\b({_WD}|{_ABBR})\b\.?{_PART}\s*j\.?\s?l\b\.?"
)
# "eind maart", "begin oktober", "in november": a month without its day is no date.
_FULL_MONTHS = "|".join(
    m for m in sorted(MONTHS, key=len, reverse=True) if len(m) > 3 or m == "mei"
)
_VAGUE_MONTH_RE = re.compile(
    rf"\b(?:eind|einde|begin|half|medio|midden|halverwege|ergens\s+in|in|rond|heel|hele)"
    rf"\s+(?:(?:de\s+)?maand\s+)?(?:{_FULL_MONTHS})\b"
)
# A date this many days before today or earlier is the topic ("een lezing over 4 mei 1945"),
# not the session's day.
TOPIC_DAYS = 400
_THIS_WEEK_RE = re.compile(rf"\bdeze\s+week\s+({_WD}){_PART}\b")
_WEEKDAY_RE = re.compile(rf"\b({_WD}){_PART}\b")
_RELATIVE_RE = re.compile(rf"\b({'|'.join(sorted(RELATIVE_DAYS, key=len, reverse=True))})\b")
_VAGUE_RE = re.compile(rf"\b(?:{VAGUE_DAYS})\b")
# "za", "di.", "ZO" standing alone among the message's fields: what follows is nothing, a
# number, a day part ("za middag") or, for the abbreviations that are no words, a mark.
# "zo" and "ma" are words too: "Zo, dat zit erop", "zo leuk", "zo'n 12", "ma zei" are no days.
_ABBR_DAY_RE = re.compile(rf"\b({_ABBR})\b\.?")
_WORD_ABBREVIATIONS = {"zo", "ma", "sat", "sun", "wed"}
_AFTER_ABBR_RE = re.compile(r"\s*(?:$|\d|(?:ochtend|morgen|middag|avond)\b|(?P<mark>[^\w\s'’]))")
_LINE_END_RE = re.compile(r"[ \t]*\n")
# Right after the names (blanked by now) or an aside about them: "Eelde za", "(opening) za".
_AFTER_NAMES_RE = re.compile(r"(?:^|[^ \t])[ \t]{3,}$|\)[ \t]*$")
# "Dag: do.", "Datum - za": a form's label before an abbreviation at the end of its line.
_FORM_DAY_BEFORE_RE = re.compile(r"(?:^|\n)[ \t]*(?:dag|datum|wanneer|date|day)[ \t]*[:\-–][ \t]*$")


_SLIP_WORD_RE = re.compile(r"\b[a-z]{6,12}\b")
# Words one slip from a day word that are words of their own.
_NOT_DAY_WORDS = {"vandaan", "vandaar", "gistere", "vanavond", "vandage"}


def _slip_weekday(word: str) -> int | None:
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


def _slip_day(word: str) -> int | None:
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


def _weekday(name: str) -> int:
    return WEEKDAYS.get(name, WEEKDAY_ABBREVIATIONS.get(name, 0))


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
) -> None:
    found = calendar_day(year, month, day)
    if found is not None and today is not None and (today - found).days >= TOPIC_DAYS:
        return  # a date long ago is what the session was about, not when it was
    if found is None:
        finding.unclear = True
        finding.impossible = finding.impossible or written.strip() or None
    else:
        finding.dates.add(found)


def _date_or_none(year: int, month: int, day: int) -> date | None:
    return calendar_day(year, month, day)


# Words before a day that make it a plan, not the session: "hangt tot 31 januari", "pas op
# 28 maart", "Next time: 11 november", "beginnen we op 12 januari".
_PLAN_BEFORE_RE = re.compile(
    r"\b(?:tot|t/m|voor|naar|pas|volgende|volgend|next|beginnen|begint|starten|start|vanaf|"
    r"komende|deadline|uiterlijk|weer|time|verplaatst|doorgezet|gepland|planned|scheduled|"
    r"laatste|eerstvolgende)\b(?:\W+\w+){0,3}?\W*$"
    # "Les 4 is 21 oktober": a numbered meeting that is (or will be) on a day ahead.
    r"|\b(?:les|bijeenkomst|sessie|deel|week)\s+\d{1,2}\s+(?:is|wordt|zal\s+zijn)\s+(?:op\s+)?$"
)


# After the day: "Op 11 november volgende bijeenkomst", "12 dec weer".
_PLAN_AFTER_RE = re.compile(
    r"^\W*(?:\w+\W+){0,2}?(?:volgende|weer|opnieuw|next|gepland|"
    # "op 13 juni komt er een extra sessie"; "10 nov kwamen er 8" is no plan.
    r"(?:komt|komen|is)\s+(?:er|d'r|der)\s+(?:een|nog|weer)|zal|zullen)\b"
)
# Another meeting's day: "gestart op 26 aug", "les 1 op 7 nov": the session's day only when
# no other day is given (as an aside in parentheses).
_OTHER_MEETING_BEFORE_RE = re.compile(
    r"\b(?:gestart|begonnen|startte|begon|(?:les|bijeenkomst|sessie|deel)\s+\d{1,2})"
    r"\s+(?:op\s+)?$"
)


def _other_meeting(text: str, start: int) -> bool:
    return _OTHER_MEETING_BEFORE_RE.search(text[max(0, start - 30) : start]) is not None


# A form's line for the next session: "Volgende: 2 juli, nee … 9 juli".
_PLAN_LABEL_RE = re.compile(
    r"[ \t]*(?:volgende(?:[ \t]+\w+)?|next(?:[ \t]+\w+)?|planning|gepland|komende(?:[ \t]+\w+)?)"
    r"[ \t]*[:\-–]"
)


def _plan_before(text: str, start: int, end: int | None = None) -> bool:
    """A plan word before the day (or, given `end`, right after it), or a plan label
    opening its line."""
    if end is not None and _PLAN_AFTER_RE.match(text[end : end + 40]):
        return True
    if _PLAN_LABEL_RE.match(text, text.rfind("\n", 0, start) + 1):
        return True
    return _PLAN_BEFORE_RE.search(text[max(0, start - 40) : start]) is not None


def _add_yearless(
    finding: DateFinding, today: date, month: int, day: int, plan: bool = False
) -> None:
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
        if plan:
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


# Days with a name: a yearless date like "31 december".
HOLIDAYS = {
    "oudejaarsdag": (12, 31), "oudjaar": (12, 31), "oudejaarsavond": (12, 31),
    "nieuwjaarsdag": (1, 1), "kerstavond": (12, 24), "eerste kerstdag": (12, 25),
    "tweede kerstdag": (12, 26), "koningsdag": (4, 27), "pakjesavond": (12, 5),
    "sinterklaasavond": (12, 5), "bevrijdingsdag": (5, 5), "dodenherdenking": (5, 4),
}  # fmt: skip
_HOLIDAY_RE = re.compile(rf"\b({'|'.join(sorted(HOLIDAYS, key=len, reverse=True))})\b")


def _check_weekday(finding: DateFinding, today: date, name: str | None, added: set[date]) -> None:
    """ "ma 29-10" where 29-10 is a Wednesday: the weekday's own day is a second candidate, so
    the leader is asked which one."""
    if not name or not added:
        return
    day = next(iter(added))
    if day.weekday() != _weekday(name):
        back = (today.weekday() - _weekday(name)) % 7
        finding.dates.add(today - timedelta(days=back))


def find_explicit_dates(
    text: str, today: date, finding: DateFinding, context: str | None = None
) -> str:
    """Read dates with a year or a month name; return the text with them blanked.
    `context`: the text before plans were blanked, to see "… 11 november volgende keer"."""
    for match in list(_WEEKDAY_ORDINAL_RE.finditer(text)):
        weekday, day = _weekday(match.group(1)), int(match.group(2))
        fits = [
            d for back in range(0, 370)
            if (d := today - timedelta(days=back)).day == day and d.weekday() == weekday
        ][:1]  # fmt: skip
        if fits:
            finding.dates.add(fits[0])
        else:
            finding.unclear = True
        text = blank(text, match.start(), match.end())
    for match in list(_ORDINAL_DAY_RE.finditer(text)):
        # "van de 3e": the most recent 3rd, today included (this month or the one before).
        day = int(match.group(1))
        fits = [d for back in range(0, 62) if (d := today - timedelta(days=back)).day == day]
        if fits and not _plan_before(context or text, match.start(), match.end()):
            finding.dates.add(fits[0])
        text = blank(text, match.start(), match.end())
    text = _blank_not_session_days(text)
    for match in list(_HOLIDAY_RE.finditer(text)):
        month, day = HOLIDAYS[match.group(1)]
        plan = _plan_before(context or text, match.start(), match.end())
        _add_yearless(finding, today, month, day, plan)
        text = blank(text, match.start(), match.end())
    for match in list(_ISO_RE.finditer(text)):
        _add(
            finding,
            int(match.group(1)),
            int(match.group(2)),
            int(match.group(3)),
            match.group(),
            today,
        )
        text = blank(text, match.start(), match.end())
    for match in list(_DMY_RE.finditer(text)):
        year = int(match.group(3))
        full = year + 2000 if year < 100 else year
        _add(finding, full, int(match.group(2)), int(match.group(1)), match.group(), today)
        text = blank(text, match.start(), match.end())
    for match in list(_DAY_MONTH_RE.finditer(text)):
        day, month = int(match.group(2)), MONTHS[match.group(3)]
        before = set(finding.dates)
        if match.group(4):
            _add(finding, int(match.group(4)), month, day, match.group(), today)
        else:
            plan = _plan_before(context or text, match.start(), match.end())
            aside = _in_parentheses(text, match.start(), match.end()) or _other_meeting(
                context or text, match.start()
            )
            _add_yearless(finding, today, month, day, plan or aside)
            if aside:
                finding.aside |= {d for d in finding.dates if (d.month, d.day) == (month, day)}
        if match.group("wd"):
            # "maandag 29 december": a weekday that fits the date makes it the session's day
            # beside another date mentioned ("de krant van 28 december").
            added = finding.dates - before
            finding.strong |= {d for d in added if d.weekday() == _weekday(match.group("wd"))}
        text = blank(text, match.start(), match.end())
    return text


def _in_parentheses(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands inside "( … )" on its line."""
    opened = text.rfind("(", 0, start)
    return (
        opened >= 0
        and ")" not in text[opened:start]
        and "\n" not in text[opened:start]
        and re.match(r"[^()\n]*\)", text[end:]) is not None
    )


def find_abbreviated_days(text: str, today: date, finding: DateFinding) -> str:
    """Read weekday abbreviations ("za", "di.") once names are blanked: the most recent such
    day, today included, like a bare weekday. Return the text with them blanked."""
    for match in list(_ABBR_DAY_RE.finditer(text)):
        before = text[: match.start()].rstrip()
        if before and before[-1].isalpha():
            continue  # "was het zo" : a word, not a day
        if before[-1:].isdigit():
            continue  # "2 vr." (two volunteers): a count's word, not a day
        after = _AFTER_ABBR_RE.match(text, match.end())
        word = match.group(1) in _WORD_ABBREVIATIONS
        if not word and (
            match.group().endswith(".") or _AFTER_NAMES_RE.search(text[: match.start()])
        ):
            # "Taalhuis Havelte do.", "(opening expositie) za 40-50 man": an abbreviation
            # that is no word, with its dot or right after the names, is a day.
            pass
        elif after is None and _LINE_END_RE.match(text, match.end()):
            # Ending its line ("Dag: do."): a day, but "zo" or "ma" only after a day label.
            if match.group(1) in _WORD_ABBREVIATIONS and not _FORM_DAY_BEFORE_RE.search(
                text[: match.start()]
            ):
                continue
        elif after is None or (
            after.group("mark")
            and match.group(1) in _WORD_ABBREVIATIONS
            and not _after_names(text, match.start(), match.group(1))
        ):
            continue
        back = (today.weekday() - _weekday(match.group(1))) % 7
        finding.dates.add(today - timedelta(days=back))
        text = blank(text, match.start(), match.end())
    return text


def _after_names(text: str, start: int, word: str) -> bool:
    """ "Leesgroep Peize ma, 9 lezers": "ma" right after the names that open its line (read
    and blanked by now) is a day; "zo," stays a word ("Taalcafé zo, leuk")."""
    line = text[text.rfind("\n", 0, start) + 1 : start]
    return word in {"ma", "sat", "sun", "wed"} and len(line) >= 3 and not line.strip()


def find_other_dates(
    text: str, today: date, finding: DateFinding, context: str | None = None
) -> str:
    """Read numeric day-month dates and day words; return the text with them blanked."""
    _read_corrections(context or text, today, finding)
    text = _blank_not_session_days(text)
    for match in list(_EARLIER_MESSAGE_RE.finditer(text)):
        finding.unclear = True
        text = blank(text, match.start(), match.end())
    if _CORRECTS_MESSAGE_RE.search(text):
        finding.unclear = True
    for match in list(_DM_RE.finditer(text)):
        day, month = int(match.group(2)), int(match.group(3))
        if not 1 <= month <= 12:
            continue
        plan = _plan_before(context or text, match.start(), match.end())
        aside = _in_parentheses(text, match.start(), match.end()) or _other_meeting(
            context or text, match.start()
        )
        before = set(finding.dates)
        _add_yearless(finding, today, month, day, plan or aside)
        _check_weekday(finding, today, match.group("wd"), finding.dates - before)
        if aside:  # the same day named twice ("Koningsdag (27/4)") is still an aside
            finding.aside |= {d for d in finding.dates if (d.month, d.day) == (month, day)}
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
    for match in list(_SLIP_WORD_RE.finditer(text)):
        slipped = _slip_day(match.group())
        if slipped is not None:
            finding.dates.add(today - timedelta(days=slipped))
            text = blank(text, match.start(), match.end())
            continue
        slip_weekday = _slip_weekday(match.group())
        if slip_weekday is not None:
            finding.dates.add(today - timedelta(days=(today.weekday() - slip_weekday) % 7))
            text = blank(text, match.start(), match.end())
    for match in list(_VAGUE_MONTH_RE.finditer(text)):
        finding.unclear = True
        text = blank(text, match.start(), match.end())
    for match in list(_VAGUE_RE.finditer(text)):
        finding.unclear = True
        text = blank(text, match.start(), match.end())
    return text


# A day word as written: a weekday (also abbreviated), a relative day, a holiday, a date.
_RELATIVE_WORDS = "|".join(sorted(RELATIVE_DAYS, key=len, reverse=True))
_HOLIDAY_WORDS = "|".join(sorted(HOLIDAYS, key=len, reverse=True))
# "zo" and "ma" are words too often to be read as days here.
_DAY_WORD = (
    rf"(?:(?:{_WD}){_PART}|(?:di|wo|do|vr|za)\b\.?|{_RELATIVE_WORDS}|{_HOLIDAY_WORDS}"
    rf"|\d{{1,2}}(?:e|ste|de)?\s+(?:{_MONTH}))"
)
# "dinsdag, sorry woensdag bedoel ik", "zaterdag nee vrijdag", "koningsdag oh nee …": the
# first day is corrected away.
_CORRECTED_RE = re.compile(
    rf"\b(?P<x>{_DAY_WORD})\b(?:[^.!?\n]{{0,25}}?[\s,;:(-])?[\s,.!:;(-]*(?:(?:oh|o|eh|uh)\s+)?"
    rf"(?:sorry|sry|sorrie|nee+|oeps|correctie|ik\s+bedoel|nee\s+wacht)\b[\s,.!:;-]*"
    rf"(?:(?:ik\s+bedoel|het\s+was|was\s+het|het\s+is|was|is|niet|maar|op|eh|oh|o|toch)\s+)*"
    rf"(?P<y>{_DAY_WORD})\b"
)
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
_EARLIER_MESSAGE_RE = re.compile(
    rf"{_TAKEN_UP}{_MESSAGE_WORDS}\s+(?:van|from|of)\s+(?:{_DAY_WORD})(?!\w)"
    rf"|{_TAKEN_UP}(?:{_DAY_WORD})(?:'s)?\s+{_MESSAGE_WORDS}\b"
)
# "Correctie op mijn vorige bericht: …", "my last message was wrong": the message corrects
# an earlier one, whose day it does not repeat; unless it names one, the day is unknown.
_CORRECTS_MESSAGE_RE = re.compile(
    rf"\b(?:correctie|correction|aanvulling|verbetering|edit|fix)\b[^.\n]{{0,20}}?"
    rf"{_TAKEN_UP}(?:vorige\s+|eerdere\s+|previous\s+|earlier\s+|last\s+)?{_MESSAGE_WORDS}\b"
    rf"|\b(?:mijn|m'n|het|my|the)\s+(?:vorige\s+|eerdere\s+|previous\s+|earlier\s+|last\s+)?"
    rf"{_MESSAGE_WORDS}\s+(?:klopte|klopt|was)\s+(?:niet|wrong|incorrect|fout)\b"
)
# "koningsdag nee …": a day taken back for one not read; which day is unsure.
# Only a named day: "vandaag nee helaas geen foto's" takes nothing back.
_TAKEN_BACK_RE = re.compile(
    rf"\b(?:(?:{_WD}){_PART}|{_HOLIDAY_WORDS})\b[\s,]*(?:(?:oh|o)\s+)?nee+\s+(?!wacht\b)\w"
)
# "niet vandaag", "was niet zaterdag maar vrijdag", "(ipv vrijdag)", "in plaats van dinsdag".
_NEGATED_DAY_RE = re.compile(
    rf"\b(?:niet|ipv|i\.p\.v\.?|in\s+plaats\s+van)\s+(?:op\s+)?(?P<x>{_DAY_WORD})(?!\w)"
)
# The writer doubts the day: an alternative day asked ("of was het de 22e?"), the date not
# remembered, or a hedge right by a day word ("zaterdag geloof ik", "volgens mij dinsdag").
_DOUBT_RE = re.compile(
    # "of was het 22?" doubts a count; "de 22e", "de 22" or a day word doubts the day.
    rf"\bof\s+was\s+(?:het|t|'t)\s+(?:nou\s+|toch\s+)?(?:op\s+)?"
    rf"(?:de\s+\d{{1,2}}(?:e|ste|de)?\b|\d{{1,2}}(?:e|ste|de)\b|(?:de\s+)?{_DAY_WORD})"
    r"|\bweet\s+(?:ik\s+)?(?:de\s+)?(?:datum|dag)\s+niet"
    r"|\b(?:datum|dag)\s+weet\s+ik\s+niet"
    rf"|\b{_DAY_WORD}\b\W{{0,3}}(?:geloof\s+ik|denk\s+ik|meen\s+ik|of\s+zo|ofzo|"
    r"volgens\s+mij|weet\s+(?:het\s+|ik\s+)?(?:echt\s+)?niet\s+(?:meer|zeker))\b"
    # "volgens mij dinsdag." hedges the day; "volgens mij was het vandaag drukker" does not.
    rf"|\b(?:volgens\s+mij|ik\s+geloof|ik\s+denk|denk\s+ik|geloof\s+ik)\s+(?:was\s+"
    rf"(?:het|dat)\s+)?(?:op\s+)?{_DAY_WORD}\b(?=\s*(?:[,.!?;)\n]|$))"
)


# "Ik schreef eerst zondag maar …", "had eerst dinsdag gezet": a day the writer takes back.
_FIRST_WRITTEN_RE = re.compile(
    rf"\b(?:schreef|typte|stuurde|zette|had|heb)\s+(?:ik\s+)?eerst\s+(?:op\s+)?"
    rf"(?P<x>{_DAY_WORD})(?!\w)"
)


# "Dus gisteren klopt", "dinsdag klopt wel": the writer confirms that day after doubting.
_CONFIRMED_RE = re.compile(
    rf"\b(?P<x>{_DAY_WORD})\s+(?:klopt|klopte|is\s+goed|was\s+goed|is\s+juist|was\s+juist)"
    r"(?:\s+(?:wel|toch|dus|gewoon))?\s*(?:[.!\n]|$)"
)


def _read_corrections(text: str, today: date, finding: DateFinding) -> None:
    """Days corrected away and doubts about the day, read on the whole (folded) message."""
    text = _blank_not_session_days(text)
    for match in _CONFIRMED_RE.finditer(text):
        finding.confirmed |= _day_of(match.group("x"), today)
    for match in _CORRECTED_RE.finditer(text):
        if not _plan_before(text, match.start()):
            finding.rejected |= _day_of(match.group("x"), today)
    for match in _TAKEN_BACK_RE.finditer(text):
        if not _CORRECTED_RE.match(text, match.start()):
            finding.doubted = True
    for match in _NEGATED_DAY_RE.finditer(text):
        # "Volgende keer niet op maandag maar dinsdag" corrects a plan, not the session.
        if not _plan_before(text, match.start()):
            finding.rejected |= _day_of(match.group("x"), today)
    for match in _FIRST_WRITTEN_RE.finditer(text):
        finding.rejected |= _day_of(match.group("x"), today)
    if _DOUBT_RE.search(text):
        finding.doubted = True


def _day_of(written: str, today: date) -> set[date]:
    """The day a single day word stands for ("dinsdag", "gisteren", "di")."""
    finding = DateFinding()
    folded = find_explicit_dates(written, today, finding)
    for match in list(_WEEKDAY_RE.finditer(folded)) + list(_RELATIVE_RE.finditer(folded)):
        word = match.group(1)
        if word in RELATIVE_DAYS:
            finding.dates.add(today - timedelta(days=RELATIVE_DAYS[word]))
        else:
            finding.dates.add(today - timedelta(days=(today.weekday() - _weekday(word)) % 7))
        folded = blank(folded, match.start(), match.end())
    for match in _ABBR_DAY_RE.finditer(folded):
        back = (today.weekday() - _weekday(match.group(1))) % 7
        finding.dates.add(today - timedelta(days=back))
    return finding.dates


# Day words that are not about the session: a reason ("afgezegd ivm koningsdag"), a closing
# day ("oudejaarsdag zijn we dicht"), the writer's own day ("ik kwam er gisteren niet aan
# toe").
_NOT_SESSION_DAY_RE = re.compile(
    rf"\b(?:ivm|i\.v\.m\.?|vanwege|wegens)\s+(?:de\s+|het\s+)?{_DAY_WORD}\b"
    rf"|\b{_DAY_WORD}\s+(?:\w+\s+){{0,2}}?(?:dicht|gesloten)\b"
    rf"|\b(?:kwam|kom|kwamen)\s+(?:er\s+|ik\s+|we\s+)?(?:pas\s+)?{_DAY_WORD}\s+niet\s+"
    r"(?:aan\s+)?toe\b"
    # "Gisteren had ik geen tijd", "ik had gisteren geen tijd": the writer's own day.
    rf"|\b{_DAY_WORD}\s+(?:had|heb)\s+ik\s+(?:geen|even\s+geen)\s+tijd\b"
    rf"|\bik\s+(?:had|heb)\s+{_DAY_WORD}\s+(?:geen|even\s+geen)\s+tijd\b"
    # A session called off is not the one reported: "dinsdag was cancelled", "de lezing
    # van 15 januari gaat niet door", "het breicafe van vandaag is vervallen".
    rf"|\b(?:(?:van|op)\s+)?{_DAY_WORD}\s+(?:\w+\s+){{0,1}}?(?:is|was|werd|wordt|gaat|ging)\s+"
    r"(?:helaas\s+|dus\s+|ook\s+)?(?:cancelled|canceled|afgelast|geannuleerd|vervallen|"
    r"afgezegd|niet\s+door|niet\s+doorgegaan|verzet|verplaatst|verschoven|uitgesteld)\b"
    # A deadline is no session: "de deadline was 1 mei".
    rf"|\b(?:deadline|inleverdatum)\s+(?:was|is|van|op|:)?\s*(?:op\s+)?{_DAY_WORD}"
)


# A session someone else reports: "zaterdag was de voorstelling, die heeft Petra al
# doorgegeven", "die van 27 december ging ook door, daar heeft Petra het lijstje van". Only
# beside another day: without one, the message may be about that very session.
_REPORTED_ELSEWHERE_RE = re.compile(
    rf"\b{_DAY_WORD}\b[^.!?\n]{{0,120}}?\b(?:heeft|had|hebben)\s+(?!ik\b|we\b|wij\b)\w+\s+"
    r"(?:al\s+|ook\s+al\s+)?(?:doorgegeven|gemeld|ingestuurd|gestuurd|ingevuld|"
    r"(?:het|de)\s+(?:lijstje|lijst|verslag|cijfers|aantallen)\s+van)\b"
)
_ANY_DAY_RE = re.compile(rf"\b{_DAY_WORD}(?!\w)")


def _blank_not_session_days(text: str) -> str:
    for match in list(_NOT_SESSION_DAY_RE.finditer(text)):
        text = blank(text, match.start(), match.end())
    for match in list(_REPORTED_ELSEWHERE_RE.finditer(text)):
        if _ANY_DAY_RE.search(blank(text, match.start(), match.end())):
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
    if finding.upcoming and not finding.dates:
        finding.future = True  # a typed answer that is only a day ahead
    return finding
