"""Dutch notation for numbers, percentages and dates, as a manager expects to read them.

1171 -> "1.171", 3.5 -> "3,5", 0.035 -> "3,5%", date(2025, 3, 14) -> "14 maart 2025".
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
# The minus sign as typeset (U+2212), so "−3" reads as a difference, not a hyphen.
MINUS = "\u2212"


def number(value: float | int | None, digits: int = 0) -> str:
    """1171 -> '1.171'; 1234.5 with digits=1 -> '1.234,5'; None -> '–'."""
    if value is None:
        return "–"
    if digits == 0 and abs(float(value) - round(float(value))) > 1e-9:
        digits = 1  # a kengetal like 3.5 keeps its decimal
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
        return "–"
    return f"{number(half_up(fraction * 100, digits), digits)}%"


def count(value: int, singular: str, plural: str) -> str:
    """1 -> '1 bijeenkomst', 3 -> '3 bijeenkomsten', 1200 -> '1.200 bijeenkomsten'."""
    return f"{number(value)} {singular if value == 1 else plural}"


def change(diff: int, singular: str, plural: str) -> str:
    """A difference in words: 5 -> '5 bijeenkomsten meer', -1 -> '1 bijeenkomst minder',
    0 -> 'evenveel bijeenkomsten'."""
    if diff == 0:
        return f"evenveel {plural}"
    return f"{count(abs(diff), singular, plural)} {'meer' if diff > 0 else 'minder'}"


def compared(value: int, previous: int, year: int) -> str:
    """Against last year: '20 meer dan in 2024', '5 minder dan in 2024', 'evenveel als in 2024'."""
    if value == previous:
        return f"evenveel als in {year}"
    more = "meer" if value > previous else "minder"
    return f"{number(abs(value - previous))} {more} dan in {year}"


def signed(value: float | int | None, digits: int = 0) -> str:
    """A difference: 12 -> '+12', -3 -> '−3', 0 -> '0'."""
    if value is None:
        return "–"
    if value > 0:
        return "+" + number(value, digits)
    return number(value, digits)


def date_nl(day: date | str | None) -> str:
    """date(2025, 3, 14) or '2025-03-14' -> '14 maart 2025'."""
    if day is None or day == "":
        return "–"
    if isinstance(day, str):
        day = date.fromisoformat(day)
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def kengetal(value: float | None) -> str:
    """A kengetal is usually a count; keep one decimal only when it has one."""
    return number(value)
