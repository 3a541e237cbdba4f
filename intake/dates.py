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

- Hours without a unit after a time label or a day part ("Tijd: 10-12", "vanochtend
  10-12") and grades ("grp 3/4", "Groep: 5/6") are no dates (intake.masks).
- A season with a determiner ("deze zomer", "ergens dit voorjaar") is vague; "in de winter"
  may be a topic and is not read. A period given as a reason ("ivm herfstvakantie") or the
  vague time of a session someone else has reported ("Vorige week was …, maar dat heeft
  Sanne al gemeld", in a later sentence) says nothing of the day.
- A weekday after "pas", "tot", "vanaf", "komende", or before "is de volgende" / "weer.",
  is later than the session: not its day, and alone it leaves the day unknown. The
  writer's own day ("Zondag was ik ziek", "Vrijdag ben ik er niet") is not a session's.
- A holiday word opening its line right before the activity's name ("zomervakantie
  knutselmiddag") names the session's kind: no vague period; before anything else it is.
- "zat.", "woe.", "dond." with their dot, right after the names or a day label, are days.
- A correction to the same day is a check ("maandag 28 december, nee 28 december is toch
  een maandag?"); a correction may open the next sentence ("gisteren … . Oh nee,
  eergisteren"); "Ik bedoel (natuurlijk) <day>" takes back the different days named before.
- "*donderdag bedoel ik" and "eergisteren?? nee donderdag" correct the day. After the
  writer's other days ("Maandag ziek, woensdag tandarts, en vanmiddag dan eindelijk …")
  the awaited day is the session's. "weet niet meer precies hoeveel" doubts the count, not
  the day. A date right after "over" ("lezing over 4 mei") or asked about is a topic: the
  day is then unknown unless another is given. "… van 22 december gaat wel door" is a plan.
- "ma." opening the message or its line is Monday.
- A weekday counted from a named day ("de dinsdag voor Kerst", "de zaterdag na
  koningsdag") is the most recent such day.
- A yearless day soon ahead, in a sentence with no day word while another sentence names
  the session's day, is mentioned in passing ("vandaag … . Op 11 april de voorstelling"):
  not a typo of the session's day. A full date ahead after a plan word or label
  ("Volgende: 13-01-2026") is a plan. A conversation's or letter's day ("ons gesprek van
  20 mei") is another event's; a numeric day closed ("ma. 17/11 gesloten") is none.

`read_day` reads a typed answer (the guided report's date step) by these same rules.

This module reads weekdays, day words, numeric dates and abbreviations. The word tables and
slip readers are in intake.daywords, DateFinding and the explicit dates in
intake.datefinding, plans, asides and other meetings' days in intake.dateroles, and
corrections, doubts and earlier messages in intake.datecorrections.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from intake.datecorrections import CORRECTS_MESSAGE_RE, EARLIER_MESSAGE_RE, read_corrections
from intake.datefinding import DateFinding, add_yearless, find_explicit_dates
from intake.dateroles import (
    apart_from_session_day,
    blank_not_session_days,
    in_parentheses,
    other_meeting,
    plan_before,
    reported_by_other,
    topic_before,
)
from intake.daywords import (
    ABBR_DAY_RE,
    ABBREVIATION_WORDS,
    DAY_PART,
    MONTHS,
    RELATIVE_DAYS,
    RELATIVE_RE,
    SLIP_WORD_RE,
    VAGUE_DAYS,
    WEEKDAY_RE,
    WEEKDAY_WORDS,
    slip_day,
    slip_weekday,
    weekday_of,
)
from intake.text import blank, fold

# "14-3", "14/3": read only after times, ages, groups and ranges are out of the way.
_DM_RE = re.compile(
    rf"(?<![\w/.-])(?:(?P<wd>{WEEKDAY_WORDS}|{ABBREVIATION_WORDS})\.?\s+)?"
    r"(\d{1,2})[-/](\d{1,2})(?![\w/-])"
)
# "vorige week dinsdag", Fries "ferline/foarige wike tiisdei", English "last week Thursday".
_PREVIOUS_WEEK = (
    r"(?:vorige|verleden)\s+week|(?:veurige|vorige|verleden)\s+weke|"
    r"(?:ferline|foarige|foarrige)\s+wike|last\s+week"
)
_LAST_WEEK_RE = re.compile(
    rf"\b(?:{_PREVIOUS_WEEK})\s+(?:op\s+)?({WEEKDAY_WORDS}|{ABBREVIATION_WORDS})\b{DAY_PART}\.?"
    rf"|\b({WEEKDAY_WORDS}){DAY_PART}\s+(?:{_PREVIOUS_WEEK})\b"
)
_BEFORE_TODAY_RE = re.compile(
    rf"\b(?:afgelopen|vorige|last)\s+({WEEKDAY_WORDS}|{ABBREVIATION_WORDS})\b{DAY_PART}\.?(?:'s)?"
    rf"|\b({WEEKDAY_WORDS}|{ABBREVIATION_WORDS})\b\.?{DAY_PART}\s*j\.?\s?l\b\.?"
)
# "eind maart", "begin oktober", "in november": a month without its day is no date.
_FULL_MONTHS = "|".join(
    m for m in sorted(MONTHS, key=len, reverse=True) if len(m) > 3 or m == "mei"
)
_VAGUE_MONTH_RE = re.compile(
    rf"\b(?:eind|einde|begin|half|medio|midden|halverwege|ergens\s+in|in|rond|heel|hele)"
    rf"\s+(?:(?:de\s+)?maand\s+)?(?:{_FULL_MONTHS})\b"
)
# Before a weekday: a later day than the session's ("pas maandag", "vanaf dinsdag").
_LATER_DAY_BEFORE_RE = re.compile(
    r"\b(?:pas|tot|t/m|vanaf|volgende|komende|aanstaande|a\.s\.|next|coming)\s+(?:op\s+)?$"
    # "vanaf januari op woensdag", "vanaf nu op dinsdag": a plan from then on.
    r"|\bvanaf(?:\s+[^\W\d_]+){1,2}\s+(?:op\s+)?$"
)
# "zomervakantie knutselmiddag" opening its line: a holiday word that names the session's
# kind ("the summer-holiday crafts afternoon"), not when it was ("in de zomervakantie").
_HOLIDAY_NAME_RE = re.compile(r"(?:zomer|herfst|kerst|voorjaars|mei|krokus|winter)vakantie")
_NAME_AFTER_RE = re.compile(r"(?:[ \t]+|-)[^\W\d_]")
# "rustig ivm herfstvakantie": a period given as a reason says nothing of the day.
_REASON_BEFORE_RE = re.compile(r"\b(?:ivm|i\.v\.m\.?|vanwege|wegens|door\s+de)\s+$")
# After a weekday: the next session ("Donderdag is de volgende", "donderdag weer.").
_NEXT_AFTER_RE = re.compile(
    r"[ \t,]*(?:(?:is|wordt|komt)\s+(?:de|het|er)\s+(?:volgende|weer|nog)\b"
    r"|(?:weer|opnieuw)[ \t]*(?:[.!]|$))"
)
_DAY_RANGE_BEFORE_RE = re.compile(rf"\bvan\s+(?:{WEEKDAY_WORDS}){DAY_PART}\s+(?:tot|t/m)\s+$")
_THIS_WEEK_RE = re.compile(rf"\bdeze\s+week\s+({WEEKDAY_WORDS}){DAY_PART}\b")
_VAGUE_RE = re.compile(rf"\b(?:{VAGUE_DAYS})\b")
# "za", "di.", "ZO" standing alone among the message's fields: what follows is nothing, a
# number, a day part ("za middag") or, for the abbreviations that are no words, a mark.
# "zo" and "ma" are words too: "Zo, dat zit erop", "zo leuk", "zo'n 12", "ma zei" are no days.
_WORD_ABBREVIATIONS = {"zo", "ma", "sat", "sun", "wed"}
_AFTER_ABBR_RE = re.compile(r"\s*(?:$|\d|(?:ochtend|morgen|middag|avond)\b|(?P<mark>[^\w\s'’]))")
_LINE_END_RE = re.compile(r"[ \t]*\n")
# Right after the names (blanked by now) or an aside about them: "Eelde za", "(opening) za".
_AFTER_NAMES_RE = re.compile(r"(?:^|[^ \t])[ \t]{3,}$|\)[ \t]*$")
# "Dag: do.", "Datum - za": a form's label before an abbreviation at the end of its line.
_FORM_DAY_BEFORE_RE = re.compile(r"(?:^|\n)[ \t]*(?:dag|datum|wanneer|date|day)[ \t]*[:\-–][ \t]*$")


def _check_weekday(finding: DateFinding, today: date, name: str | None, added: set[date]) -> None:
    """ "ma 29-10" where 29-10 is a Wednesday: the weekday's own day is a second candidate, so
    the leader is asked which one."""
    if not name or not added:
        return
    day = next(iter(added))
    if day.weekday() != weekday_of(name):
        back = (today.weekday() - weekday_of(name)) % 7
        finding.dates.add(today - timedelta(days=back))


def find_abbreviated_days(text: str, today: date, finding: DateFinding) -> str:
    """Read weekday abbreviations ("za", "di.") once names are blanked: the most recent such
    day, today included, like a bare weekday. Return the text with them blanked."""
    text = find_long_abbreviations(text, today, finding)
    for match in list(ABBR_DAY_RE.finditer(text)):
        before = text[: match.start()].rstrip()
        if before and before[-1].isalpha():
            continue  # "was het zo" : a word, not a day
        if before[-1:].isdigit():
            continue  # "2 vr." (two volunteers): a count's word, not a day
        after = _AFTER_ABBR_RE.match(text, match.end())
        word = match.group(1) in _WORD_ABBREVIATIONS
        opens_line = not text[text.rfind("\n", 0, match.start()) + 1 : match.start()].strip()
        if match.group() == "ma." and opens_line:
            pass  # "ma. Digisterker Peize, 5": opening its line with its dot, Monday
        elif not word and (
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
        back = (today.weekday() - weekday_of(match.group(1))) % 7
        finding.dates.add(today - timedelta(days=back))
        text = blank(text, match.start(), match.end())
    return text


# Longer abbreviations with their dot ("zat.", "woe.", "dond."): several are words too ("ik
# zat", "de zon", "vrij"), so only right after the names or a day label.
_LONG_ABBR_RE = re.compile(r"\b(maan|maa|dins|din|woens|woe|dond|don|vrij|zat|zon)\.(?!\w)")
_LONG_ABBR_DAYS = {
    "maan": 0, "maa": 0, "dins": 1, "din": 1, "woens": 2, "woe": 2, "dond": 3, "don": 3,
    "vrij": 4, "zat": 5, "zon": 6,
}  # fmt: skip


def find_long_abbreviations(text: str, today: date, finding: DateFinding) -> str:
    """ "Taalcafé Sleen zat. 8 mensen", "Dag: woe.": the most recent such day."""
    for match in list(_LONG_ABBR_RE.finditer(text)):
        before = text[: match.start()]
        if not (_AFTER_NAMES_RE.search(before) or _FORM_DAY_BEFORE_RE.search(before)):
            continue
        back = (today.weekday() - _LONG_ABBR_DAYS[match.group(1)]) % 7
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
    read_corrections(context or text, today, finding)
    text = blank_not_session_days(text)
    for match in list(EARLIER_MESSAGE_RE.finditer(text)):
        finding.unclear = True
        text = blank(text, match.start(), match.end())
    if CORRECTS_MESSAGE_RE.search(text):
        finding.unclear = True
    for match in list(_DM_RE.finditer(text)):
        day, month = int(match.group(2)), int(match.group(3))
        if not 1 <= month <= 12:
            continue
        if topic_before(context or text, match.start()):
            finding.unclear = True  # "het ging over 4/5": a topic, not the day
            text = blank(text, match.start(), match.end())
            continue
        plan = plan_before(context or text, match.start(), match.end())
        aside = in_parentheses(text, match.start(), match.end()) or other_meeting(
            context or text, match.start()
        )
        before = set(finding.dates)
        passing = apart_from_session_day(context or text, match.start(), match.end())
        add_yearless(finding, today, month, day, plan or aside, passing)
        _check_weekday(finding, today, match.group("wd"), finding.dates - before)
        if aside:  # the same day named twice ("Koningsdag (27/4)") is still an aside
            finding.aside |= {d for d in finding.dates if (d.month, d.day) == (month, day)}
        text = blank(text, match.start(), match.end())
    monday = today - timedelta(days=today.weekday())
    for match in list(_LAST_WEEK_RE.finditer(text)):
        weekday = weekday_of(match.group(1) or match.group(2))
        finding.dates.add(monday - timedelta(days=7) + timedelta(days=weekday))
        text = blank(text, match.start(), match.end())
    for match in list(_BEFORE_TODAY_RE.finditer(text)):
        back = (today.weekday() - weekday_of(match.group(1) or match.group(2))) % 7 or 7
        finding.dates.add(today - timedelta(days=back))
        text = blank(text, match.start(), match.end())
    for match in list(_THIS_WEEK_RE.finditer(text)):
        this_week = monday + timedelta(days=weekday_of(match.group(1)))
        if this_week <= today:
            finding.dates.add(this_week)
        else:
            finding.unclear = True
        text = blank(text, match.start(), match.end())
    for match in list(WEEKDAY_RE.finditer(text)):
        head = (context or text)[max(0, match.start() - 30) : match.start()]
        later = _LATER_DAY_BEFORE_RE.search(head) and not _DAY_RANGE_BEFORE_RE.search(head)
        if later or _NEXT_AFTER_RE.match(context or text, match.end()):
            # "kregen ze pas maandag mee", "tot zaterdag", "komende dinsdag": a day after the
            # session (or ahead), never the session's own; alone, the day is unknown ("pas
            # maandag begonnen" may be the session after all). "van maandag tot woensdag"
            # is a stretch of days: both are read, so no one day is taken.
            finding.unclear = True
            text = blank(text, match.start(), match.end())
            continue
        back = (today.weekday() - weekday_of(match.group(1))) % 7
        finding.dates.add(today - timedelta(days=back))
        text = blank(text, match.start(), match.end())
    for match in list(RELATIVE_RE.finditer(text)):
        finding.dates.add(today - timedelta(days=RELATIVE_DAYS[match.group(1)]))
        text = blank(text, match.start(), match.end())
    for match in list(SLIP_WORD_RE.finditer(text)):
        slipped = slip_day(match.group())
        if slipped is not None:
            finding.dates.add(today - timedelta(days=slipped))
            text = blank(text, match.start(), match.end())
            continue
        slipped_weekday = slip_weekday(match.group())
        if slipped_weekday is not None:
            finding.dates.add(today - timedelta(days=(today.weekday() - slipped_weekday) % 7))
            text = blank(text, match.start(), match.end())
    for match in list(_VAGUE_MONTH_RE.finditer(text)):
        finding.unclear = True
        text = blank(text, match.start(), match.end())
    for match in list(_VAGUE_RE.finditer(text)):
        line_start = text.rfind("\n", 0, match.start()) + 1
        if (
            _HOLIDAY_NAME_RE.fullmatch(match.group())
            and not text[line_start : match.start()].strip()
            and _NAME_AFTER_RE.match(text, match.end())
        ):
            # Only if the activity's name follows (the caller checks, see
            # DateFinding.holiday_before_name); else it is vague after all.
            finding.holiday_before_name.append(match.end())
            text = blank(text, match.start(), match.end())
            continue
        if not _REASON_BEFORE_RE.search(text[max(0, match.start() - 12) : match.start()]):
            if not reported_by_other(context or text, match.start()):
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
    finding.settle_holiday_names(folded, None)  # an answer names no activity
    if finding.upcoming and not finding.dates:
        finding.future = True  # a typed answer that is only a day ahead
    return finding
