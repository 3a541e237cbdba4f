"""Small text helpers for the free-text parser that keep character offsets intact."""

from __future__ import annotations

import re
import unicodedata


def fold(text: str) -> str:
    """Lower case without accents, one output character per input character.

    Offsets found in the folded text are valid in the original, so spans can be blanked
    or reported. Characters that would expand (ligatures) are kept as they are.
    """
    out: list[str] = []
    for ch in text:
        plain = "".join(
            c for c in unicodedata.normalize("NFKD", ch.lower()) if not unicodedata.combining(c)
        )
        out.append(plain if len(plain) == 1 else ch)
    # Typographic apostrophes become plain ones, so "foto’s" and "foto's" read the same.
    return "".join(out).replace("\u2019", "'").replace("\u2018", "'")


def blank(text: str, start: int, end: int) -> str:
    """Replace text[start:end] by spaces (keeping newlines), so offsets stay valid."""
    middle = "".join("\n" if ch == "\n" else " " for ch in text[start:end])
    return text[:start] + middle + text[end:]


def blank_all(text: str, pattern: re.Pattern[str]) -> tuple[str, list[re.Match[str]]]:
    """Blank every match of `pattern`; return the new text and the matches."""
    matches = list(pattern.finditer(text))
    for match in matches:
        text = blank(text, match.start(), match.end())
    return text, matches
