"""Dutch notation for everything a person reads: numbers, percentages, plurals and dates.

One module for the bot, the reports and the command line, so "1.171", "3,5%", "14 maart 2025"
and "vr 14 mrt" read the same everywhere:

    number(1171) -> "1.171"          number(3.5) -> "3,5"        number(-3) -> "−3"
    percent(0.125) -> "13%"          count(1, "bijeenkomst", "bijeenkomsten") -> "1 bijeenkomst"
    long_date(date(2025, 3, 14)) -> "14 maart 2025"
    weekday_date(date(2025, 3, 14)) -> "vrijdag 14 maart 2025"
    day_month(...) -> "14 maart"     short_day(...) -> "vr 14 mrt"

Written here rather than taken from Babel: Babel's Dutch locale rounds half to even (12,5 ->
"12", 0,125 -> "12%"), writes the hyphen-minus and needs a pattern per call, while our readers
expect half up (as they round themselves), a typeset minus and "–" for a missing figure; the
wrappers would be longer than these tables, and Babel's locale data is a large dependency.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december",
)  # fmt: skip
MONTHS_SHORT = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
WEEKDAYS_SHORT = ("ma", "di", "wo", "do", "vr", "za", "zo")
# The minus sign as typeset (U+2212), so "−3" reads as a difference, not a hyphen.
MINUS = "\u2212"
# A figure that is not there (no data, no target): an en dash, not "0".
MISSING = "–"


# -- numbers ----------------------------------------------------------------------------------


def number(value: float | int | None, digits: int = 0) -> str:
    """1171 -> '1.171'; 1234.5 with digits=1 -> '1.234,5'; 3.5 -> '3,5'; None -> '–'.

    A value with a fraction keeps one decimal even when digits is 0 (a kengetal like 3.5)."""
    if value is None:
        return MISSING
    if digits == 0 and abs(float(value) - round(float(value))) > 1e-9:
        digits = 1
    text = f"{abs(value):,.{digits}f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return (MINUS if value < 0 and text.strip("0.,") else "") + text


def half_up(value: float, digits: int = 0) -> float:
    """Round half away from zero, as people do: 12.5 -> 13 (Python's round() gives 12).

    The value is first cut to 9 decimals, so 0.145 * 100 (14.499999999999998) counts as 14.5.
    """
    exact = Decimal(repr(round(value, 9)))
    return float(exact.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP))


def percent(fraction: float | None, digits: int = 0) -> str:
    """0.035 with digits=1 -> '3,5%'; 0.574 -> '57%'; 1/8 -> '13%'; None -> '–'."""
    if fraction is None:
        return MISSING
    return f"{number(half_up(fraction * 100, digits), digits)}%"


def signed(value: float | int | None, digits: int = 0) -> str:
    """A difference: 12 -> '+12', -3 -> '−3', 0 -> '0'."""
    if value is None:
        return MISSING
    if value > 0:
        return "+" + number(value, digits)
    return number(value, digits)


# -- plurals ----------------------------------------------------------------------------------


def plural(n: int, one: str, many: str) -> str:
    """The word for n things: 1 -> one, anything else (0 too) -> many."""
    return one if n == 1 else many


def count(value: int, one: str, many: str) -> str:
    """1 -> '1 bijeenkomst', 3 -> '3 bijeenkomsten', 1200 -> '1.200 bijeenkomsten'."""
    return f"{number(value)} {plural(value, one, many)}"


def change(diff: int, one: str, many: str) -> str:
    """A difference in words: 5 -> '5 bijeenkomsten meer', -1 -> '1 bijeenkomst minder',
    0 -> 'evenveel bijeenkomsten'."""
    if diff == 0:
        return f"evenveel {many}"
    return f"{count(abs(diff), one, many)} {'meer' if diff > 0 else 'minder'}"


def compared(value: int, previous: int, year: int) -> str:
    """Against last year: '20 meer dan in 2024', '5 minder dan in 2024', 'evenveel als in 2024'."""
    if value == previous:
        return f"evenveel als in {year}"
    more = "meer" if value > previous else "minder"
    return f"{number(abs(value - previous))} {more} dan in {year}"


# -- dates ------------------------------------------------------------------------------------


def long_date(day: date | str | None) -> str:
    """date(2025, 3, 14) or '2025-03-14' -> '14 maart 2025'; None or '' -> '–'."""
    if day is None or day == "":
        return MISSING
    if isinstance(day, str):
        day = date.fromisoformat(day)
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def weekday_date(day: date) -> str:
    """date(2025, 3, 14) -> 'vrijdag 14 maart 2025': a day a person recognises in a chat."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def day_month(day: date) -> str:
    """date(2025, 3, 14) -> '14 maart' (the year is clear from the context)."""
    return f"{day.day} {MONTHS[day.month - 1]}"


def short_day(day: date) -> str:
    """date(2025, 3, 14) -> 'vr 14 mrt': short enough for a list on a phone."""
    return f"{WEEKDAYS_SHORT[day.weekday()]} {day.day} {MONTHS_SHORT[day.month - 1]}"
