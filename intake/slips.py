"""Names typed with a slip: a place or activity name that the matcher (toc.matcher) does not
find, read less strictly when nothing else names one.

Places: a long name with one slip of the finger ("havlete"), a shorter one with a vowel left
out inside it ("rodn", "diver"), or spelled as it sounds ("Pijze" for Peize). Activities: a
long one-word name with one finger's slip ("taslcafe": two letters swapped, one left out, or a
neighbouring key) or at the end of a compound ("kerstvoorstelling"). Each is taken only when
exactly one name fits.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import DamerauLevenshtein

from toc.matcher import Matcher

# A place name of at least this many letters is still found with one slip of the finger (a
# letter too many, too few, wrong or two swapped: "havlete"); shorter names are too close to
# words ("bellen" is not Beilen).
SLIP_MIN_LETTERS = 7
# A shorter place name is found with one vowel left out inside it, as people type fast or
# without vowels ("rodn", "diver"); a first or last letter left out makes words ("rode").
DROP_MIN_LETTERS = 5
_VOWELS = "aeiouy"


# Keys next to each other on a phone keyboard (qwerty): "taslcafe" is a finger's slip.
_KEY_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _neighbours(a: str, b: str) -> bool:
    for row_no, row in enumerate(_KEY_ROWS):
        if a in row:
            at = row.index(a)
            near = set(row[max(0, at - 1) : at + 2])
            for other in (row_no - 1, row_no + 1):
                if 0 <= other < len(_KEY_ROWS):
                    near |= set(_KEY_ROWS[other][max(0, at - 1) : at + 2])
            return b in near
    return False


def _finger_slip(word: str, key: str) -> bool:
    """`word` is `key` with one slip of a finger: two letters swapped, one letter left out,
    or one letter replaced by a key next to it. A different letter far away on the keyboard
    makes another word ("samenleven" is not Samenlezen)."""
    if len(word) == len(key):
        diff = [i for i in range(len(key)) if word[i] != key[i]]
        if len(diff) == 1:
            return _neighbours(key[diff[0]], word[diff[0]]) or _double_moved(word, key, diff[0])
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and word[diff[0]] == key[diff[1]]
            and word[diff[1]] == key[diff[0]]
        )
    if len(word) == len(key) - 1:
        return any(key[:i] + key[i + 1 :] == word for i in range(1, len(key)))
    return False


def _double_moved(word: str, key: str, at: int) -> bool:
    """The doubling typed on the letter beside it ("tallcafe" for taalcafe, "vorrlezen"):
    the name doubles the letter at `at`, the word doubles its neighbour there instead."""
    doubled_in_key = key[at] in (key[at - 1 : at] + key[at + 1 : at + 2])
    doubled_in_word = word[at] in (word[at - 1 : at] + word[at + 1 : at + 2])
    return doubled_in_key and doubled_in_word


_ACTIVITY_SLIP_MIN = 7
_WORD_RE = re.compile(r"[^\W\d_]{6,}")


_COMPOUND_HEAD_MIN = 3


def activity_as_compound_tail(matcher: Matcher, text: str) -> tuple[str, int, int] | None:
    """A compound that ends in a long one-word activity name: "kerstvoorstelling",
    "schilderworkshop" (Dutch writes a kind of session as one word)."""
    keys = matcher.single_word_keys(_ACTIVITY_SLIP_MIN)
    hits: list[tuple[str, int, int]] = []
    for match in _WORD_RE.finditer(text):
        word = match.group()
        ids = {
            found
            for key, found in keys.items()
            if len(word) >= len(key) + _COMPOUND_HEAD_MIN and word.endswith(key)
        }
        if len(ids) > 1:
            return None
        if ids:
            hits.append((ids.pop(), match.start(), match.end()))
    return hits[0] if len({hit[0] for hit in hits}) == 1 else None


def activity_by_one_slip(matcher: Matcher, text: str) -> tuple[str, int, int] | None:
    """A word one finger's slip from exactly one long one-word activity name."""
    keys = matcher.single_word_keys(_ACTIVITY_SLIP_MIN)
    hits: list[tuple[str, int, int]] = []
    for match in _WORD_RE.finditer(text):
        ids = {found for key, found in keys.items() if _finger_slip(match.group(), key)}
        if len(ids) == 1:
            hits.append((ids.pop(), match.start(), match.end()))
        elif ids:
            return None
    return hits[0] if len({hit[0] for hit in hits}) == 1 else None


_SLIP_WORD_RE = re.compile(rf"[^\W\d_]{{{DROP_MIN_LETTERS - 1},}}")


# Spellings that sound the same in Dutch: dictation and spelling slips write "Bijlen" for
# Beilen, "Pijze" for Peize.
_SAME_SOUNDS = (("ij", "ei"), ("ei", "ij"), ("au", "ou"), ("ou", "au"))


def _sounds_alike(word: str, key: str) -> bool:
    return word != key and any(a in word and word.replace(a, b) == key for a, b in _SAME_SOUNDS)


def _dropped_vowel(word: str, key: str) -> bool:
    """`word` is `key` with one vowel inside it left out."""
    return len(word) == len(key) - 1 and any(
        key[i] in _VOWELS and key[:i] + key[i + 1 :] == word for i in range(1, len(key) - 1)
    )


def location_by_one_slip(slips: dict[str, str] | None, text: str) -> str | None:
    """A word one slip away from exactly one long place name: "havlete" is Havelte."""
    ids: set[str] = set()
    for word in _SLIP_WORD_RE.findall(text):
        for key, place in (slips or {}).items():
            if len(key) >= SLIP_MIN_LETTERS and len(word) >= SLIP_MIN_LETTERS - 1:
                if DamerauLevenshtein.distance(word, key) <= 1:
                    ids.add(place)
            elif _dropped_vowel(word, key):
                ids.add(place)
            if _sounds_alike(word, key):
                ids.add(place)
    return next(iter(ids)) if len(ids) == 1 else None
