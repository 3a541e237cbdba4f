"""The Dutch questions the parser raises when a message can be read in two ways, and the
sentences that name a day that cannot be the session's day. The chat shows them as they are;
`impactbot parse --json` lists them under "ambiguities"."""

from __future__ import annotations

from datetime import date

from ground.dutch import WEEKDAYS_SHORT

GROUP_LABEL = {
    "kinderen": "kinderen",
    "volwassenen": "volwassenen",
    "deelnemers": "deelnemers",
    "bezoekers": "bezoekers",
}
WHICH_COUNT = "{a} of {b} {label}?"
TOTAL_OR_MORE = "Waren er {a} mensen in totaal, of {b}?"
WITH_US = "Met z'n {n}: was dat {n} deelnemers, of {m} (zonder jou)?"
WHICH_DAY = "Welke dag was het: {a} of {b}?"
QUOTE_OR_TITLE = "Is '{text}' iets wat iemand zei, of een titel of iets anders?"
# A day written that cannot be the session's: named in one sentence, then asked.
DATE_IMPOSSIBLE = "{text} bestaat niet; welke dag was het?"
DATE_FUTURE = "{text} ligt in de toekomst; welke dag was het?"


def short_day(day: date) -> str:
    """'do 30-10': how a leader recognises a day on a button, beside the date they typed
    (ground.dutch.short_day writes the month as a word: 'do 30 okt')."""
    return f"{WEEKDAYS_SHORT[day.weekday()]} {day.day}-{day.month}"
