"""Which activity and which vestiging a message names (toc.matcher on folded text).

A specific activity beats a generic word ("Makersplaats … workshop" is makersplaats); of
several places, the one written as the place wins ("in Zuidlaren" beside "Kamp
Westerbork"); short forms are found by the matcher ("vl uurtje", "kl&tik"). Of mentions that
name different activities, the one a form gives ("Wat: …"), the one after a correction ("…,
eh sorry het was Digisterker") or the only exact one is meant.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import DamerauLevenshtein

from intake.text import blank, fold
from toc.matcher import Matcher, Mention, normalise
from toc.models import Catalogue

# Location written with a marker: "in Havelte", "bieb Diever", "@Beilen".
_LOCATION_MARK_RE = re.compile(
    r"(?:\b(?:in|te|bieb|bib|bibliotheek|vestiging|locatie)\s+|@\s*)"
    r"([^\W\d_]+(?:[\s-][^\W\d_]+)?)"
)

# A place name of at least this many letters is still found with one slip of the finger (a
# letter too many, too few, wrong or two swapped: "havlete"); shorter names are too close to
# words ("bellen" is not Beilen).
SLIP_MIN_LETTERS = 7


class _Matchers:
    def __init__(self, catalogue: Catalogue) -> None:
        self.activities = Matcher.for_activities(catalogue)
        self.vestigingen = Matcher.for_vestigingen(catalogue)
        # One-word place keys that are long enough for a slip -> vestiging id.
        self.place_slips: dict[str, str] = {}
        for vestiging in catalogue.vestigingen.values():
            for name in (vestiging.id, vestiging.name, *vestiging.aliases):
                key = normalise(name)
                if len(key) >= SLIP_MIN_LETTERS and key.isalpha() and " " not in name.strip():
                    self.place_slips.setdefault(key, vestiging.id)


_matcher_cache: dict[int, tuple[Catalogue, _Matchers]] = {}


def matchers_for(catalogue: Catalogue) -> _Matchers:
    # Catalogues are frozen; build the matchers once per catalogue object.
    cached = _matcher_cache.get(id(catalogue))
    if cached is None or cached[0] is not catalogue:
        if len(_matcher_cache) >= 8:
            _matcher_cache.clear()
        cached = (catalogue, _Matchers(catalogue))
        _matcher_cache[id(catalogue)] = cached
    return cached[1]


# Activity words that name a kind of session rather than one activity: when a message also
# names a specific activity ("Makersplaats Beilen 3D printen workshop"), the specific one wins.
GENERIC_ACTIVITY_KEYS = {
    "workshop", "lezing", "cursus", "spreekuur", "bijeenkomst", "activiteit", "voorstelling",
    "interview", "les", "informatiebijeenkomst",
}  # fmt: skip
# A place written as the place: "in Zuidlaren", "bieb van Beilen", "@Beilen".
_PLACE_MARK_BEFORE_RE = re.compile(
    r"(?:\b(?:in|te|bieb|bib|bibliotheek|vestiging|locatie)(?:\s+van)?\s+|@\s*)$"
)


def _one_id(mentions: list[Mention]) -> str | None:
    ids = {mention.id for mention in mentions}
    return next(iter(ids)) if len(ids) == 1 else None


def find_activity(matcher: Matcher, text: str) -> tuple[str | None, int | None, str]:
    """The one activity mentioned (a specific name beats a generic word), where the first
    mention starts, and `text` with the mentions blanked."""
    mentions = matcher.find_in_text(text)
    found = _one_id(mentions)
    if found is None and mentions:
        specific = [
            m for m in mentions if normalise(text[m.start : m.end]) not in GENERIC_ACTIVITY_KEYS
        ]
        found = _one_id(specific) if len(specific) < len(mentions) else None
        found = found or _settle(text, specific or mentions)
    for mention in mentions:
        text = blank(text, mention.start, mention.end)
    return found, (mentions[0].start if mentions else None), text


# "Klik & Tik, eh sorry het was Digisterker": the name after a correction is meant.
_CORRECTION_RE = re.compile(r"\b(?:sorry|sry|eh+\s+nee|nee\s+wacht|correctie|ik\s+bedoel|oeps)\b")
# "Wat: Klik & Tik" in a form: the name the form gives.
_FORM_LABEL_RE = re.compile(r"\b(?:wat|activiteit|activity|what|soort)\s*:\s*$")


def _settle(text: str, mentions: list[Mention]) -> str | None:
    """Of mentions that name different activities, the one the message means: the one
    named as a form's answer, the one after a correction, or the only one written exactly
    (the others were near misses: "samen gelezen" is not Samenlezen)."""
    labelled = [m for m in mentions if _FORM_LABEL_RE.search(text, 0, m.start)]
    if _one_id(labelled):
        return _one_id(labelled)
    first, last = mentions[0], mentions[-1]
    if _one_id(mentions[1:]) and _CORRECTION_RE.search(text, first.end, last.start):
        return last.id
    best = max(m.score for m in mentions)
    return _one_id([m for m in mentions if m.score >= best]) if best >= 100 else None


def find_location(
    matcher: Matcher, text: str, slips: dict[str, str] | None = None
) -> tuple[str | None, int | None, str]:
    """The one vestiging mentioned; of several, the one written as the place ("in Zuidlaren"
    beside "Kamp Westerbork"); else one found after a marker, matched less strictly."""
    mentions = matcher.find_in_text(text)
    found = _one_id(mentions)
    if found is None and mentions:
        found = _one_id([m for m in mentions if _PLACE_MARK_BEFORE_RE.search(text, 0, m.start)])
    for mention in mentions:
        text = blank(text, mention.start, mention.end)
    if not mentions:
        found = _location_by_marker(matcher, text) or _location_by_one_slip(slips, text)
    return found, (mentions[0].start if mentions else None), text


def _location_by_marker(matcher: Matcher, text: str) -> str | None:
    """'in Havlte', 'bieb Diever': the words after a marker, matched less strictly."""
    ids: set[str] = set()
    for match in _LOCATION_MARK_RE.finditer(text):
        two_words = match.group(1)
        found = matcher.match(two_words) or matcher.match(two_words.split()[0])
        if found:
            ids.add(found)
    return next(iter(ids)) if len(ids) == 1 else None


def read_activity(text: str, catalogue: Catalogue) -> str | None:
    """The one activity a typed answer names, found as the parser finds it in a message."""
    return find_activity(matchers_for(catalogue).activities, fold(text))[0]


def read_location(text: str, catalogue: Catalogue) -> str | None:
    """The one vestiging a typed answer names ("in Havelte", "bieb van Beilen")."""
    matchers = matchers_for(catalogue)
    return find_location(matchers.vestigingen, fold(text), matchers.place_slips)[0]


_SLIP_WORD_RE = re.compile(rf"[^\W\d_]{{{SLIP_MIN_LETTERS - 1},}}")


def _location_by_one_slip(slips: dict[str, str] | None, text: str) -> str | None:
    """A word one slip away from exactly one long place name: "havlete" is Havelte."""
    ids: set[str] = set()
    for word in _SLIP_WORD_RE.findall(text):
        for key, place in (slips or {}).items():
            if DamerauLevenshtein.distance(word, key) <= 1:
                ids.add(place)
    return next(iter(ids)) if len(ids) == 1 else None
