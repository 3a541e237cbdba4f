"""Reading what a leader types: counts, a date, a quote, who said it. Pure functions.

Every rejection is an `InputError` whose message (from bot.leader.texts) says what to type instead;
the draft is never touched by a rejected input.
"""

from __future__ import annotations

import re
from datetime import date

from bot.leader import texts
from intake.dates import read_day
from intake.names import full_name_in_quote, looks_like_full_name
from intake.pairs import read_typed_numbers
from store.session_notes import MAX_PARTNER, MAX_PARTNERS, MAX_STORY, clean_partners
from store.sessions import CHAT_MAX_AGE_DAYS, MAX_COUNT, MAX_QUOTE, day_problem
from toc.models import Catalogue

# Above this a count is possible but unusual: the bot asks "klopt dat?".
PLAUSIBLE_MAX = 500
MAX_AGE_DAYS = CHAT_MAX_AGE_DAYS


class InputError(ValueError):
    """Input that cannot be used; str(error) is the Dutch answer for the leader."""


# Which count a word after a number points at, for "8 volwassenen 12 kinderen".
_GROUP_FIELDS = {
    "kinderen": ("kinderen",),
    "volwassenen": ("volwassenen",),
    "mensen": ("deelnemers", "bezoekers"),
    "vragen": ("vragen",),
}


def read_numbers(text: str) -> list[tuple[int, str | None]]:
    """Whole numbers in `text` with the group of their count word (if any), read like the
    parser reads counts (intake.numbers): "twaalf", "een stuk of tien", "12 kinderen"."""
    typed = read_typed_numbers(text)
    if typed.negative:
        raise InputError(texts.NEGATIVE_COUNT)
    if typed.decimal:
        raise InputError(texts.NOT_WHOLE_NUMBER)
    if typed.range:
        raise InputError(texts.RANGE_COUNT)
    if not typed.numbers:
        raise InputError(texts.NOT_WHOLE_NUMBER)
    for value, _ in typed.numbers:
        if value > MAX_COUNT:
            raise InputError(texts.TOO_MANY.format(max=MAX_COUNT))
    return typed.numbers


def assign_counts(text: str, fields: list[str]) -> dict[str, int]:
    """Numbers typed for the still missing `fields`: by count word (added up, like the parser:
    "5 moeders en een opa" is 6 volwassenen), else in order."""
    numbers = read_numbers(text)
    result: dict[str, int] = {}
    rest: list[int] = []
    for value, group in numbers:
        target = next((f for f in _GROUP_FIELDS.get(group or "", ()) if f in fields), None)
        if target is None:
            rest.append(value)
        else:
            result[target] = result.get(target, 0) + value
    free = [f for f in fields if f not in result]
    if len(rest) > len(free):
        raise InputError(texts.TOO_MANY_NUMBERS.format(n=len(fields)))
    for field, value in zip(free, rest, strict=False):
        result[field] = value
    return result


def read_tally(text: str, attendance: int | None) -> tuple[int, int]:
    """'6 van 8' (or 'zes van de acht') -> (6, 8): how many said yes, of how many."""
    try:
        numbers = [value for value, _group in read_numbers(text)]
    except InputError:
        raise InputError(texts.TALLY_FORMAT) from None
    if len(numbers) != 2 or numbers[1] == 0:
        raise InputError(texts.TALLY_FORMAT)
    agreed, total = numbers
    if agreed > total:
        raise InputError(texts.TALLY_TOO_MANY_YES)
    if attendance and total > attendance:
        raise InputError(texts.TALLY_OVER_ATTENDANCE.format(n=attendance))
    return agreed, total


def read_single(text: str, low: int = 0, high: int | None = None) -> int:
    """One whole number between `low` and `high`."""
    numbers = read_numbers(text)
    if len(numbers) != 1:
        raise InputError(texts.ONE_NUMBER)
    value = numbers[0][0]
    if value < low or (high is not None and value > high):
        raise InputError(texts.NUMBER_RANGE.format(low=low, high=high))
    return value


# Typed forms the guided step accepted before it used the parser's reader: "14 3", "14.3".
_DATE_RE = re.compile(r"(\d{1,2})[-/. ](\d{1,2})(?:[-/. ](\d{2}|\d{4}))?")


def check_date(day: date, today: date) -> date:
    problem = day_problem(day, today, MAX_AGE_DAYS)  # the same rule as the import's
    if problem == "toekomst":
        raise InputError(texts.DATE_FUTURE)
    if problem == "te-oud":
        raise InputError(texts.DATE_TOO_OLD)
    return day


def read_date(text: str, today: date) -> date:
    """A typed day, read like the parser reads days (intake.dates): 14-3, 14-3-2025,
    2025-03-14, 28 nov, zaterdag, za, gisteren, vorige week dinsdag."""
    finding = read_day(text, today)
    if finding.future:
        raise InputError(texts.DATE_FUTURE)
    if len(finding.dates) == 1 and not finding.unclear:
        return check_date(next(iter(finding.dates)), today)
    if finding.dates or finding.unclear:
        raise InputError(texts.DATE_UNREADABLE)
    match = _DATE_RE.fullmatch(text.strip())
    if match is None:
        raise InputError(texts.DATE_UNREADABLE)
    year = match[3]
    try:
        if year is None:
            day = date(today.year, int(match[2]), int(match[1]))
            if day > today:
                day = day.replace(year=today.year - 1)
        else:
            day = date(
                int(year) + 2000 if len(year) == 2 else int(year), int(match[2]), int(match[1])
            )
    except ValueError as exc:
        raise InputError(texts.DATE_UNREADABLE) from exc
    return check_date(day, today)


def read_quote(text: str, catalogue: Catalogue | None = None) -> str:
    quote = text.strip().strip("\"'“”‘’„").strip()
    if not quote:
        raise InputError(texts.QUOTE_EMPTY)
    if len(quote) > MAX_QUOTE:
        raise InputError(texts.QUOTE_TOO_LONG.format(max=MAX_QUOTE, n=len(quote)))
    if full_name_in_quote(quote, catalogue):
        raise InputError(texts.QUOTE_FULL_NAME)
    return quote


# -- who said it: never a full name (the rule lives in intake.names) ----------------------------


def read_attribution(text: str, catalogue: Catalogue | None = None) -> str:
    attribution = text.strip().strip("-–— ").strip()
    if not attribution:
        raise InputError(texts.ATTRIBUTION_EMPTY)
    if len(attribution) > 60:
        raise InputError(texts.ATTRIBUTION_TOO_LONG)
    if looks_like_full_name(attribution, catalogue):
        raise InputError(texts.ATTRIBUTION_FULL_NAME)
    return attribution


# -- "Met wie?" and "Wat was bijzonder?" ------------------------------------------------------

# Only commas, semicolons and new lines: "en" and "&" are part of names ("Stichting Lezen en
# Schrijven"), so the question asks for commas.
_PARTNER_SPLIT = re.compile(r"[,;\n]")


# Typed instead of tapping Terug: no partners, no story (never stored as a name or a story).
NOTHING = frozenset({"geen", "nee", "niemand", "niks", "niets", "nvt", "n.v.t.", "-"})


def says_nothing(text: str) -> bool:
    return " ".join(text.split()).strip(" .!").casefold() in NOTHING


def read_partners(text: str, catalogue: Catalogue | None = None) -> list[str]:
    """'Theater Havelte, Dorpshuis Dwingeloo' -> two partners, each once, in order; "geen"
    -> none. Partners are organisations: a person's full name is refused (the report shows
    them to the gemeente, and nobody reviews them)."""
    if says_nothing(text):
        return []
    parts = [" ".join(p.split()).strip(" .-–—\"'“”„") for p in _PARTNER_SPLIT.split(text)]
    if any(len(p) > MAX_PARTNER for p in parts):
        raise InputError(texts.PARTNER_TOO_LONG.format(max=MAX_PARTNER))
    partners = clean_partners(p for p in parts if p)
    if not partners:
        raise InputError(texts.PARTNERS_EMPTY)
    if len(partners) > MAX_PARTNERS:
        raise InputError(texts.PARTNERS_TOO_MANY.format(max=MAX_PARTNERS))
    for partner in partners:
        if full_name_in_quote(partner, catalogue):
            raise InputError(texts.PARTNER_PERSON.format(name=partner))
    return partners


def read_story(text: str, catalogue: Catalogue | None = None) -> str:
    """One or two sentences of what was special; never a participant's full name (the same
    check as a quote's text: intake.names)."""
    story = " ".join(text.split()).strip("\"'“”„")
    if not story:
        raise InputError(texts.STORY_EMPTY)
    if len(story) > MAX_STORY:
        raise InputError(texts.STORY_TOO_LONG.format(max=MAX_STORY, n=len(story)))
    if full_name_in_quote(story, catalogue):
        raise InputError(texts.STORY_FULL_NAME)
    return story
