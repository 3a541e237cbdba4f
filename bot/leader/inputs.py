"""Reading what a leader types: counts, a date, a quote, who said it. Pure functions.

Every rejection is an `InputError` whose message (from bot.leader.texts) says what to type instead;
the draft is never touched by a rejected input.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from bot.leader import texts
from intake.names import looks_like_full_name
from store.sessions import MAX_COUNT, MAX_QUOTE

# Above this a count is possible but unusual: the bot asks "klopt dat?".
PLAUSIBLE_MAX = 500
MAX_AGE_DAYS = 366

try:  # The parser's numeral reading ("twaalf"), when available.
    from intake.numbers import count_group as _count_group
    from intake.numbers import numeral as _numeral
except ImportError:  # pragma: no cover - the intake package is optional here
    _numeral = None
    _count_group = None


class InputError(ValueError):
    """Input that cannot be used; str(error) is the Dutch answer for the leader."""


_TOKEN_RE = re.compile(r"-?\d+(?:[.,]\d+)?|[^\W\d_]+(?:'[^\W\d_]+)?")
# Which count a word after a number points at, for "8 volwassenen 12 kinderen".
_GROUP_FIELDS = {
    "kinderen": ("kinderen",),
    "volwassenen": ("volwassenen",),
    "mensen": ("deelnemers", "bezoekers"),
    "vragen": ("vragen",),
}


def _word_number(word: str) -> int | None:
    if _numeral is None:
        return None
    try:
        return _numeral(word, word)
    except Exception:  # a helper of another module must never break input reading
        return None


def read_numbers(text: str) -> list[tuple[int, str | None]]:
    """Whole numbers in `text` with the count word right after each (if any)."""
    tokens = _TOKEN_RE.findall(text.strip().lower())
    found: list[tuple[int, str | None]] = []
    for i, token in enumerate(tokens):
        if token[0].isdigit() or token.startswith("-"):
            if not re.fullmatch(r"\d+", token):
                raise InputError(texts.NOT_WHOLE_NUMBER)
            value = int(token)
        else:
            number = _word_number(token)
            if number is None:
                continue
            value = number
        group = None
        if i + 1 < len(tokens) and _count_group is not None:
            group = _count_group(tokens[i + 1])
        found.append((value, group))
    if not found:
        raise InputError(texts.NOT_WHOLE_NUMBER)
    for value, _ in found:
        if value > MAX_COUNT:
            raise InputError(texts.TOO_MANY.format(max=MAX_COUNT))
    return found


def assign_counts(text: str, fields: list[str]) -> dict[str, int]:
    """Numbers typed for the still missing `fields`: by count word, else in order."""
    numbers = read_numbers(text)
    if len(numbers) > len(fields):
        raise InputError(texts.TOO_MANY_NUMBERS.format(n=len(fields)))
    result: dict[str, int] = {}
    rest: list[int] = []
    for value, group in numbers:
        target = next(
            (f for f in _GROUP_FIELDS.get(group or "", ()) if f in fields and f not in result),
            None,
        )
        if target is None:
            rest.append(value)
        else:
            result[target] = value
    free = [f for f in fields if f not in result]
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


_DATE_RE = re.compile(r"(\d{1,2})[-/. ](\d{1,2})(?:[-/. ](\d{2}|\d{4}))?")
_ISO_RE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def check_date(day: date, today: date) -> date:
    if day > today:
        raise InputError(texts.DATE_FUTURE)
    if (today - day).days > MAX_AGE_DAYS:
        raise InputError(texts.DATE_TOO_OLD)
    return day


def read_date(text: str, today: date) -> date:
    """A typed day: 14-3, 14-3-2025, 2025-03-14, vandaag, gisteren, eergisteren."""
    plain = text.strip().lower()
    relative = {"vandaag": 0, "gisteren": 1, "eergisteren": 2}
    if plain in relative:
        return today - timedelta(days=relative[plain])
    try:
        iso = _ISO_RE.fullmatch(plain)
        if iso:
            day = date(int(iso[1]), int(iso[2]), int(iso[3]))
        else:
            match = _DATE_RE.fullmatch(plain)
            if match is None:
                raise InputError(texts.DATE_UNREADABLE)
            year = match[3]
            if year is None:
                day = date(today.year, int(match[2]), int(match[1]))
                if day > today:
                    day = day.replace(year=today.year - 1)
            else:
                full = int(year) + 2000 if len(year) == 2 else int(year)
                day = date(full, int(match[2]), int(match[1]))
    except ValueError as exc:
        if isinstance(exc, InputError):
            raise
        raise InputError(texts.DATE_UNREADABLE) from exc
    return check_date(day, today)


def read_quote(text: str) -> str:
    quote = text.strip().strip("\"'“”‘’„").strip()
    if not quote:
        raise InputError(texts.QUOTE_EMPTY)
    if len(quote) > MAX_QUOTE:
        raise InputError(texts.QUOTE_TOO_LONG.format(max=MAX_QUOTE, n=len(quote)))
    return quote


# -- who said it: never a full name (the rule lives in intake.names) ----------------------------


def read_attribution(text: str) -> str:
    attribution = text.strip().strip("-–— ").strip()
    if not attribution:
        raise InputError(texts.ATTRIBUTION_EMPTY)
    if len(attribution) > 60:
        raise InputError(texts.ATTRIBUTION_TOO_LONG)
    if looks_like_full_name(attribution):
        raise InputError(texts.ATTRIBUTION_FULL_NAME)
    return attribution
