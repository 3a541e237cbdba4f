"""What every quote reader shares: the quote found, an attribution's clean-up, the words for
a time of speaking ("na afloop") and first-person words. The readers are in
intake.quotelabels, intake.quotemarks and intake.quoteunmarked; intake.quotes runs them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from intake.speech import ABBREVIATION_END_RE

# "Gerrit na afloop: nu snap ik …": a time of speaking after someone named, then a colon.
SPOKEN_WHEN = (
    r"(?:na\s+afloop|achteraf|naderhand|bij\s+het\s+weggaan|bij\s+vertrek|"
    r"aan\s+het\s+eind(?:e)?|bij\s+het\s+afscheid)"
)
# "Gerrit na afloop: '…'", "- Riek na afloop": the time of speaking is no part of who.
TRAILING_WHEN_RE = re.compile(rf"\s+{SPOKEN_WHEN}\s*$", re.I)
_SENTENCE_END_RE = re.compile(r"[.;!?](?:\s|$)")
# An attribution never runs into a count ("- moeder van Isa, 12 kinderen"); an age written
# with "van" is no count ("een man van 67 die …").
_COUNT_START_RE = re.compile(r",?\s*(?<!\bvan\s)\b\d+\s+(?!jaar\b|jr\b)[^\W\d_]{3,}", re.I)
# "zei een man van 67 die al voor de derde keer kwam": a long relative clause is the
# writer's story about the speaker, no part of who spoke.
_RELATIVE_RE = re.compile(r",?\s+(?:die|dat)\s+", re.I)
MAX_RELATIVE_WORDS = 6
MAX_ATTRIBUTION_WORDS = 8
# Who-words that name nobody in particular.
NOBODY = {"iemand", "someone", "somebody", "immen"}
# First-person words: the speaker's own voice.
FIRST_PERSON_RE = re.compile(r"\b(?:ik|mij|me|mijn|m'n|mn|jullie|ikke)\b", re.I)


# A dash part that goes on with the writer's sentence rather than naming who spoke:
# "'…' – en de rest moest lachen", "- daarna gingen we koffie drinken".
GOES_ON_RE = re.compile(
    r"\s*(?:en|maar|want|dus|toen|waarna|daarna|waarop|wat|die|dat|we|wij|ik|het|er|"
    r"iedereen|zo|daar|hier)\b",
    re.I,
)


DOUBLE_RE = re.compile(r"[\"“„«»]\s*([^\"“”„«»\n]+?)\s*[\"”“»«]")
# Opening: not right after a letter/digit, not the elision in 's/'t/'k/'n; closing: not
# followed by a letter/digit (so the apostrophe in "opa's" never closes).
SINGLE_RE = re.compile(
    r"(?<![^\W_])['‘’‚](?!(?:s|t|k|n|e|r)\s)(?=[^\s'‘’])([^\n]*?[^\s])['’‘](?![^\W_])"
)


def inside_marks(text: str, start: int, end: int, patterns: tuple[re.Pattern[str], ...]) -> bool:
    """Whether `start` to `end` lies inside text in quote marks (of `patterns`) that starts
    before it: "Moeder: 'hij zegt het na: ik wil …'" has its "zegt" inside her words."""
    return any(
        span.start() < start and end < span.end()
        for pattern in patterns
        for span in pattern.finditer(text)
    )


@dataclass(frozen=True)
class FoundQuote:
    text: str
    attribution: str | None
    # "quote": a participant's words; "ask": a sentence in quote marks without a speech cue,
    # so the leader is asked whether someone said it.
    status: str = "quote"


def clean_attribution(raw: str) -> str | None:
    text = raw
    for end in _SENTENCE_END_RE.finditer(raw):
        if raw[end.start()] == "." and ABBREVIATION_END_RE.search(raw[: end.start()]):
            continue  # "mevr. B." is no sentence end
        text = raw[: end.start()]
        break
    count = _COUNT_START_RE.search(text)
    if count and count.start() > 0:
        text = text[: count.start()]
    relative = _RELATIVE_RE.search(text)
    if (
        relative
        and len(text.split()) > MAX_RELATIVE_WORDS
        and len(text[: relative.start()].split()) > 1
    ):
        text = text[: relative.start()]
    parts = [p.strip() for p in text.split(",")]
    kept = [parts[0]]
    # "Jan, 72" keeps its short addition; "moeder van Isa, ze komt elke week" does not.
    for part in parts[1:]:
        # "zei een van de deelnemers, dat raakte me": the writer's sentence goes on.
        if not part or len(part.split()) > 2 or GOES_ON_RE.match(part):
            break
        kept.append(part)
    result = ", ".join(p for p in kept if p).strip(" -–—:")
    if not result or len(result.split()) > MAX_ATTRIBUTION_WORDS:
        return None
    return result
