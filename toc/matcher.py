"""The one name matcher: what people type -> an activity id or a vestiging id.

Everything that resolves a typed name (the free-text parser, the CSV importer, the bot's
"did you mean") goes through `Matcher`, so "Klik & Tik", "klik-en-tik" and "Klik&Tik" mean the
same everywhere.

Names are compared as *keys*: lower case, accents stripped, '&' read as 'en', and every space,
hyphen and punctuation mark removed ("Klik & Tik" -> "klikentik", "Taalcafé" -> "taalcafe").
Exact keys always win. Otherwise rapidfuzz's `fuzz.ratio` on keys decides, and the matcher
refuses (returns None) when the best candidate is not close enough or when a different
candidate is about as close: a question is better than a wrong guess. A typed name that is the
beginning of the names of several candidates ("BoekStart": BoekStart kdv, BoekStartcoach,
BoekStart voor baby's) is refused too, however close one of them scores.

Short forms of names of several words are found when nothing else fits: each typed word is the
name's word or begins like it with its letters in order ("vl uurtje", "kl&tik", "nw buinen"),
at least one word is typed in full, and only one candidate fits.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from toc.models import Catalogue

# A whole typed name (a button, a CSV cell) must score at least this (0-100, fuzz.ratio on keys).
MATCH_THRESHOLD = 80.0
# Inside a longer message a window of words must score at least this, and fuzzy matching is
# only tried for keys of at least FUZZY_MIN_KEY characters: short words collide too easily.
TEXT_THRESHOLD = 88.0
FUZZY_MIN_KEY = 6
# When the runner-up (a different id) is within this many points of the best, refuse.
AMBIGUITY_MARGIN = 5.0
# Suggestions ("bedoel je …?") below this score are noise.
SUGGEST_CUTOFF = 62.0
# A suggestion far behind the best one is noise ("klik tik" is not like Kleintje Bieb).
SUGGEST_WINDOW = 15.0

# A short form ("vl uurtje") counts as this sure inside a message: below an exact name.
SHORT_FORM_SCORE = 90.0
MIN_SHORT_WORD = 2

_TOKEN_RE = re.compile(r"[^\W_]+|&")


def _shortens(typed: str, word: str) -> bool:
    """`typed` is `word`, or a short form of it: same first letter, its letters in order."""
    if typed == word:
        return True
    if len(typed) < MIN_SHORT_WORD or len(typed) >= len(word) or typed[0] != word[0]:
        return False
    rest = iter(word[1:])
    return all(ch in rest for ch in typed[1:])


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    """Lower-case, accent-free words; '&' becomes the word 'en'."""
    plain = _strip_accents(text).lower().replace("&", " en ")
    return re.findall(r"[^\W_]+", plain)


def _has_digit(token: str) -> bool:
    return any(ch.isdigit() for ch in token)


def normalise(text: str) -> str:
    """The comparison key of a name: 'Klik & Tik' -> 'klikentik', 'Taalcafé' -> 'taalcafe'."""
    return "".join(words(text))


@dataclass(frozen=True)
class Mention:
    """A candidate found inside a longer text: its id and the character span it came from."""

    id: str
    start: int
    end: int
    score: float


class Matcher:
    """Resolves typed names to candidate ids. Build it once per catalogue and reuse it."""

    def __init__(self, candidates: Iterable[tuple[str, Iterable[str]]]) -> None:
        # key -> ids having that key (a key shared by two ids is ambiguous, never matched).
        self._ids_by_key: dict[str, set[str]] = {}
        # Names of several words, for short forms: "vl uurtje", "kl&tik", "nw buinen".
        self._word_names: list[tuple[tuple[str, ...], str]] = []
        max_words = 1
        for candidate_id, names in candidates:
            for name in [candidate_id, *names]:
                key = normalise(name)
                if key:
                    self._ids_by_key.setdefault(key, set()).add(candidate_id)
                    max_words = max(max_words, len(words(name)))
                if len(words(name)) >= 2:
                    self._word_names.append((tuple(words(name)), candidate_id))
        self._keys: list[str] = sorted(self._ids_by_key)
        self._long_keys: list[str] = [k for k in self._keys if len(k) >= FUZZY_MIN_KEY]
        # Windows in find_in_text span up to one word more than the longest name, so a name
        # typed with an extra space ("voorlees uurtje") is still found.
        self._max_words = max_words + 1

    @classmethod
    def for_activities(cls, catalogue: Catalogue) -> Matcher:
        return cls((a.id, [a.name, *a.aliases]) for a in catalogue.activities.values())

    @classmethod
    def for_vestigingen(cls, catalogue: Catalogue) -> Matcher:
        return cls((v.id, [v.name, *v.aliases]) for v in catalogue.vestigingen.values())

    # -- scoring --------------------------------------------------------------------------

    def _exact(self, key: str) -> str | None:
        ids = self._ids_by_key.get(key)
        if ids is not None and len(ids) == 1:
            return next(iter(ids))
        return None

    def _ranked(
        self,
        key: str,
        cutoff: float,
        scorer: Callable[..., float] = fuzz.ratio,
        keys: list[str] | None = None,
    ) -> list[tuple[str, float]]:
        """Every id with its best score against `key`, best first."""
        best: dict[str, float] = {}
        choices = self._keys if keys is None else keys
        hits = process.extract(key, choices, scorer=scorer, score_cutoff=cutoff, limit=None)
        for candidate_key, score, _ in hits:
            for candidate_id in self._ids_by_key[candidate_key]:
                if score > best.get(candidate_id, -1.0):
                    best[candidate_id] = score
        return sorted(best.items(), key=lambda item: (-item[1], item[0]))

    def _prefix_ids(self, key: str) -> set[str]:
        """The ids with a (longer) key that starts with `key`."""
        ids: set[str] = set()
        start = bisect.bisect_right(self._keys, key)
        for candidate_key in self._keys[start:]:
            if not candidate_key.startswith(key):
                break
            ids.update(self._ids_by_key[candidate_key])
        return ids

    def _short_form(self, typed: list[str]) -> str | None:
        """The one id with a name of as many words, each typed in full or shortened (its first
        letter, then letters of it in order: "vl" for "voorlees", "kl" for "klik"), at least
        one word in full and one shortened."""
        if len(typed) < 2:
            return None
        ids = {
            candidate_id
            for name, candidate_id in self._word_names
            if len(name) == len(typed)
            and all(_shortens(t, n) for t, n in zip(typed, name, strict=True))
            and any(t == n for t, n in zip(typed, name, strict=True))
            and any(t != n for t, n in zip(typed, name, strict=True))
        }
        return next(iter(ids)) if len(ids) == 1 else None

    def _decide(
        self, key: str, threshold: float, keys: list[str] | None = None
    ) -> tuple[str, float] | None:
        """Exact key, or a clear fuzzy winner at or above `threshold`, else None."""
        if not key:
            return None
        if key in self._ids_by_key:
            exact = self._exact(key)
            return (exact, 100.0) if exact is not None else None
        if len(self._prefix_ids(key)) > 1:
            return None
        ranked = self._ranked(key, cutoff=threshold - AMBIGUITY_MARGIN, keys=keys)
        if not ranked or ranked[0][1] < threshold:
            return None
        if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < AMBIGUITY_MARGIN:
            return None
        return ranked[0]

    # -- public API -----------------------------------------------------------------------

    def match(self, text: str) -> str | None:
        """The id `text` names, or None when nothing is close enough or it is ambiguous."""
        decided = self._decide(normalise(text), MATCH_THRESHOLD)
        return decided[0] if decided else self._short_form(words(text))

    def exact(self, text: str) -> str | None:
        """The id whose name or alias normalises exactly to `text`, else None."""
        return self._exact(normalise(text))

    def suggest(self, text: str, n: int = 3) -> list[str]:
        """Up to `n` closest ids, best first, for a "bedoel je …?" question."""
        key = normalise(text)
        if not key or n <= 0:
            return []
        ranked = self._ranked(key, cutoff=SUGGEST_CUTOFF, scorer=fuzz.WRatio)
        if not ranked:
            return []
        best = ranked[0][1]
        return [cid for cid, score in ranked[:n] if score >= best - SUGGEST_WINDOW]

    def single_word_keys(self, min_length: int) -> dict[str, str]:
        """Keys of one-word names of at least `min_length` letters that name one id."""
        return {
            key: next(iter(ids))
            for key, ids in self._ids_by_key.items()
            if len(ids) == 1 and len(key) >= min_length and key.isalpha()
        }

    def find_in_text(self, text: str) -> list[Mention]:
        """Non-overlapping mentions of candidates inside a longer message, in text order.

        Every window of 1..N consecutive words is compared (as a key) with the candidate keys;
        exact keys always count, fuzzy ones only for longer keys and a stricter threshold.
        Overlapping finds are resolved best score first, then longest span.
        """
        tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]
        found: list[Mention] = []
        for i in range(len(tokens)):
            if tokens[i][0] == "&":
                continue
            for size in range(1, self._max_words + 1):
                window = tokens[i : i + size]
                if len(window) < size or window[-1][0] == "&":
                    continue
                # Numbers are never part of a name: "beilen 8" must not be a window.
                if _has_digit(window[0][0]) or _has_digit(window[-1][0]):
                    continue
                key = normalise(" ".join(token for token, _, _ in window))
                decided = self._decide_in_text(key)
                if decided is None and size > 1:
                    short = self._short_form(words(" ".join(token for token, _, _ in window)))
                    decided = (short, SHORT_FORM_SCORE) if short else None
                if decided is not None:
                    found.append(Mention(decided[0], window[0][1], window[-1][2], decided[1]))
        chosen: list[Mention] = []
        for mention in sorted(found, key=lambda m: (-m.score, -(m.end - m.start), m.start)):
            if all(mention.end <= c.start or mention.start >= c.end for c in chosen):
                chosen.append(mention)
        return sorted(chosen, key=lambda m: m.start)

    def _decide_in_text(self, key: str) -> tuple[str, float] | None:
        if key in self._ids_by_key:
            return self._decide(key, TEXT_THRESHOLD)
        if len(key) < FUZZY_MIN_KEY or key.isdigit():
            return None
        # Only long candidate keys take part: "beilen" ~ "bellen" must not be a hit.
        return self._decide(key, TEXT_THRESHOLD, keys=self._long_keys)
