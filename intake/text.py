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


# Speech-to-text writes punctuation as words: "taalcafé komma meppel", "aantal dubbele punt
# acht", "nieuwe regel". Only whole-word spoken marks, so "punt" in "uitgangspunt" stays.
_SPOKEN_MARKS = (
    # "die meneer zei aanhalingstekens openen … aanhalingstekens sluiten".
    (re.compile(r"\b(?:aanhalingstekens?|quote)\s+(?:openen|open)\b\s*", re.IGNORECASE), '"'),
    (re.compile(r"\s*\b(?:aanhalingstekens?|quote)\s+(?:sluiten|dicht)\b", re.IGNORECASE), '"'),
    (re.compile(r"\s*\bdubbele\s+punt\b", re.IGNORECASE), ":"),
    (re.compile(r"\s*\bnieuwe\s+(?:regel|alinea)\b\s*", re.IGNORECASE), "\n"),
    (re.compile(r"\s*\bpuntkomma\b", re.IGNORECASE), ";"),
    (re.compile(r"\s*\bkomma\b", re.IGNORECASE), ","),
    (re.compile(r"\s*\bvraagteken\b", re.IGNORECASE), "?"),
    (re.compile(r"\s*\buitroepteken\b", re.IGNORECASE), "!"),
    (re.compile(r"\s+\bpunt\b(?=\s|$)", re.IGNORECASE), "."),
)


_QUOTE_WORD_PAIR_RE = re.compile(
    r"\baanhalingstekens?\b[^\n]*?\baanhalingstekens?\b", re.IGNORECASE
)
# "aanhalingstekens" without "openen"/"sluiten": on each line they open and close in turn
# ("zei aanhalingstekens ik durf … aanhalingstekens sluiten", "… aanhalingstekens ik ben
# blij aanhalingstekens").
_QUOTE_WORD_RE = re.compile(
    r"[ \t]*\baanhalingstekens?\b(?:[ \t]+(?P<how>openen|open|sluiten|dicht)\b)?[ \t]*",
    re.IGNORECASE,
)


def _quote_words(line: str) -> str:
    matches = list(_QUOTE_WORD_RE.finditer(line))
    if len(matches) < 2:
        return line
    out: list[str] = []
    at, opened = 0, False
    for match in matches:
        how = (match.group("how") or "").lower()
        opening = how in ("openen", "open") or (not how and not opened)
        out.append(line[at : match.start()])
        out.append(' "' if opening else '" ')
        opened = opening
        at = match.end()
    out.append(line[at:])
    return "".join(out).strip(" ") if line[:1] != " " else "".join(out)


def spoken_marks(text: str) -> str:
    """Punctuation dictated as words, written as marks (only when two or more such words
    occur, so one "punt" in a sentence is left alone)."""
    hits = sum(len(pattern.findall(text)) for pattern, _ in _SPOKEN_MARKS)
    # A pair of "aanhalingstekens" on one line is two marks by itself.
    hits += 2 * len(_QUOTE_WORD_PAIR_RE.findall(text))
    if hits < 2:
        return text
    text = "\n".join(_quote_words(line) for line in text.split("\n"))
    for pattern, mark in _SPOKEN_MARKS:
        text = pattern.sub(mark, text)
    return text


# Speech-to-text splits compound numbers: "twee en twintig" is 22. Rewritten to the one
# word with the same length (padding after it), so offsets stay valid.
_SPLIT_NUMBER_RE = re.compile(
    r"\b(een|twee|drie|vier|vijf|zes|zeven|acht|negen) en "
    r"(twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig)\b",
    re.IGNORECASE,
)


# "acht tien mensen" is 18 as dictated: a unit from three to nine before "tien", then a
# word (never "om acht, tien minuten later": a mark between; nor "les zes van de zes tien
# cursisten", where the unit ends "van de zes").
_SPLIT_TEEN_RE = re.compile(
    r"(?<!\bde )(?<!\bles )\b(drie|vier|vijf|zes|zeven|acht|negen) (tien)\b(?= [^\W\d_])",
    re.IGNORECASE,
)


_TEEN_STEMS = {"drie": "der", "vier": "veer"}


def _teen(match: re.Match[str]) -> str:
    unit = match.group(1)
    joined = _TEEN_STEMS.get(unit.lower(), unit) + match.group(2)
    return joined.ljust(len(match.group()))


# Not a teen after these: "groep zes tien kinderen" (group six, ten children), "zo'n acht
# tien" (eight to ten).
_NO_TEEN_BEFORE_RE = re.compile(
    r"\b(?:groep|klas|gr|nummer|nr|zo'?n|ongeveer|circa|ca|rond|of|tot)\s*$", re.IGNORECASE
)


def join_split_numbers(text: str) -> str:
    text = _SPLIT_TEEN_RE.sub(
        lambda m: m.group() if _NO_TEEN_BEFORE_RE.search(text, 0, m.start()) else _teen(m), text
    )
    return _SPLIT_NUMBER_RE.sub(lambda m: f"{m.group(1)}en{m.group(2)}  ", text)
