"""Dutch notation for numbers, percentages and dates, as a manager expects to read them.

1171 -> "1.171", 3.5 -> "3,5", 0.035 -> "3,5%", date(2025, 3, 14) -> "14 maart 2025".
"""

from __future__ import annotations

from datetime import date

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


def percent(fraction: float | None, digits: int = 0) -> str:
    """0.035 with digits=1 -> '3,5%'; 0.574 -> '57%'; None -> '–'."""
    if fraction is None:
        return "–"
    return f"{number(round(fraction * 100, digits), digits)}%"


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
