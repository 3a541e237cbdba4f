"""The one reader for a number that comes from outside: button data, web tokens and form
fields, command arguments.

`str.isdigit()` says yes to "²" and "٣", and `int()` then fails or reads a number nobody
typed; a 23-digit id overflows SQLite's integers. Here a number is ASCII digits only, of a
bounded length; anything else is None, and the caller gives its one clear answer.
"""

from __future__ import annotations

import unicodedata

# SQLite's integers are 64-bit: 18 digits always fit.
MAX_DIGITS = 18


def read_int(text: str | None, max_digits: int = MAX_DIGITS) -> int | None:
    """The number `text` is (e.g. "42"), or None: no sign, no spaces, no other digits."""
    if text is None or not 0 < len(text) <= max_digits:
        return None
    if not (text.isascii() and text.isdigit()):
        return None
    return int(text)


def read_id(text: str | None) -> int:
    """An id from outside: the number, or -1 (which no row has) when it is none."""
    found = read_int(text)
    return -1 if found is None else found


def is_int(text: str | None, max_digits: int = MAX_DIGITS) -> bool:
    return read_int(text, max_digits) is not None


# Control (Cc), format (Cf: right-to-left override, zero-width space and joiner), surrogate,
# private-use and unassigned characters: invisible, or turning the text around for a reader.
_HIDDEN_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn"}


def has_hidden_characters(text: str) -> bool:
    """Whether `text` holds a character a person cannot see as it is (see above)."""
    return any(unicodedata.category(ch) in _HIDDEN_CATEGORIES for ch in text)
