"""Which number goes with which people word: number first ("12 kinderen"), word first
("kinderen 12", "Aantal: 9"), presence and label readings (intake.cues), enrolled and absent
numbers (intake.attendance), and one number for two groups ("15 ouders en kinderen").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from intake.attendance import Roles, attendance_roles
from intake.countwords import SINGULAR_WORDS
from intake.cues import label_pairs, presence_pairs
from intake.numbers import PEOPLE_GROUPS, RANGE_WORDS, Token, tokens_of
from intake.text import fold


def _word_has_own_number(tokens: list[Token], word: int) -> bool:
    return (
        word + 1 < len(tokens)
        and tokens[word].group is not None
        and tokens[word + 1].value is not None
    )


def _pairs_before(tokens: list[Token], used: set[int], folded: str = "") -> list[tuple[int, int]]:
    """Number first: '12 kinderen', '8 enthousiaste ouders'; never across a line or a
    sentence end ("Aanwezig: 9\nBegeleiders: 2")."""
    pairs: list[tuple[int, int]] = []
    taken = set(used)
    for i, token in enumerate(tokens):
        if token.value is None or i in taken:
            continue
        if i + 2 < len(tokens) and tokens[i + 1].text in ("vd", "vn") and tokens[i + 2].group:
            taken.update((i, i + 2))  # "2 vd kids waren er vorige keer ook": some of them
            continue
        if (
            i + 3 < len(tokens)
            and [t.text for t in tokens[i + 1 : i + 3]] == ["van", "de"]
            and tokens[i + 3].group
        ):
            taken.update((i, i + 3))  # "3 van de kinderen …": some of them
            continue
        reach = [i + 1, i + 2]
        if i + 3 < len(tokens) and tokens[i + 1].text in _OF_THEM and tokens[i + 2].text in _ARE:
            reach = [i + 3]  # "2 daarvan zijn vrijwilligers", "2 dêrfan binne frijwilligers"
        for j in reach:
            if j >= len(tokens) or j in taken:
                break
            nxt = tokens[j]
            if folded and re.search(r"[.!?;:\n]", folded[token.end : nxt.start]):
                break
            if folded and "," in folded[token.end : nxt.start] and _word_has_own_number(tokens, j):
                break  # "Kinderen 5, moeders 4": the mothers' number comes after them
            if j == i + 2 and folded and "," in folded[tokens[i + 1].end : nxt.start]:
                break  # "8 teams, … man": the word after the comma is not the eight's
            if nxt.group is not None:
                pairs.append((i, j))
                taken.update((i, j))
                _both_groups(tokens, j, taken)
                break
            if nxt.value is not None or nxt.text in RANGE_WORDS or nxt.text == "en":
                break
    # "27 + 25 lln": both numbers count the word after the second ("24 en 22 leerlingen"
    # may be a sum or a range: read in read_counts as a choice).
    for i, token in enumerate(tokens[:-2]):
        if token.value is None or i in taken or tokens[i + 1].text not in ("+", "plus"):
            continue
        if tokens[i + 2].value is None:
            continue
        if (i > 0 and tokens[i - 1].group in PEOPLE_GROUPS) or "," in folded[
            token.end : tokens[i + 1].start
        ]:
            continue  # "kleuters 9, plus 10 ouders": the nine have their own word
        word = next((w for n, w in pairs if n == i + 2), None)
        if word is not None and tokens[word].group in PEOPLE_GROUPS:
            pairs.append((i, word))
            taken.add(i)
    return pairs


_OF_THEM = {"daarvan", "ervan", "derfan"}


_ARE = {"zijn", "waren", "binne", "wiene", "was"}


_JOINS = {"en", "&", "/"}  # not "+": "10 kids + ouders" came with uncounted parents


def _both_groups(tokens: list[Token], word: int, taken: set[int]) -> None:
    """ "een stuk of vijftien ouders en kinderen": one number for two groups is a count of
    people in general, not of the first group."""
    k = word + 1
    if k + 1 >= len(tokens) or tokens[k].text not in _JOINS:
        return
    other = tokens[k + 1]
    after = tokens[k + 2] if k + 2 < len(tokens) else None
    if (
        other.group in PEOPLE_GROUPS
        and other.group != tokens[word].group
        and other.value is None
        and (after is None or after.value is None)
    ):
        tokens[word].group = "mensen"
        other.group = None  # counted in the one number, not a group that came uncounted
        taken.add(k + 1)


# A number followed by a word of its own (not a mark, "en", a presence word or a people
# word): it counts that word.
_THING_AFTER_RE = re.compile(
    r"[ \t]+(?!(?:en|n|man|stuks|aanwezig|waren|er|erbij|ook|nog|present|kwamen|totaal)\b)"
    r"[^\W\d_]{3,}"
)


def _pairs_after(tokens: list[Token], used: set[int], folded: str = "") -> list[tuple[int, int]]:
    """Word first: 'kinderen 12', 'kinderen: 12', 'totaal 20'. Not an age in brackets after
    one person: "een meneer (88)"."""
    pairs: list[tuple[int, int]] = []
    taken = set(used)
    for i, token in enumerate(tokens[:-1]):
        nxt = tokens[i + 1]
        if token.group is None or i in taken or i + 1 in taken or nxt.value is None:
            continue
        between = folded[token.end : nxt.start] if folded else ""
        if re.search(r"[.!?;]|\n\s*\n", between):
            continue  # "ik ben vrijwilliger. 10 deelnemers": a word ends its sentence
        one = SINGULAR_WORDS | {"meneer", "mevrouw"}
        if "(" in between and token.text.replace("'", "") in one:
            continue
        if "," in between and _THING_AFTER_RE.match(folded, nxt.end):
            continue  # "met hun baby's, 3 koffertjes uitgedeeld": the three are things
        pairs.append((i + 1, i))
        taken.update((i, i + 1))
    return pairs


def pairings(
    tokens: list[Token], folded: str = "", roles: Roles | None = None
) -> tuple[list[tuple[int, int]], set[str]]:
    """(number index, word index) pairs, and the groups whose count is unclear."""
    used: set[int] = set()
    # "19/11", "3/4": a date or a pair of grades, never a count; nor a number glued to a
    # slash whose other half was read as something else.
    for i, token in enumerate(tokens):
        if token.value is None or not token.start:
            continue
        if "/" in (folded[token.end : token.end + 1], folded[token.start - 1 : token.start]):
            used.add(i)
    # Ranges ("tien à twaalf kinderen"): both bounds are taken out of play.
    for i in range(1, len(tokens) - 1):
        if tokens[i].text in RANGE_WORDS and tokens[i - 1].value is not None and i - 1 not in used:
            if tokens[i + 1].value is not None and tokens[i - 1].text != "stuk":
                used.update((i - 1, i + 1))
    # "kinderen: 12" binds first; "6 van de 8" before the eight is read as enrolled.
    strong = label_pairs(tokens, used, folded)
    for pair in strong:
        used.update(pair)
    found = attendance_roles(folded, tokens, used)
    if roles is not None:
        roles.enrolled, roles.absent, roles.indexes = found.enrolled, found.absent, found.indexes
        roles.within, roles.bracketed = found.within, found.bracketed
    for pair in strong:
        used.update(pair)
    strong += presence_pairs(folded, tokens, used)
    # Number-first and word-first readings: the one that pairs more wins ("kinderen 12
    # ouders 8" is word-first), then the other fills in what is left ("totaal 25 waarvan 15
    # kinderen").
    before = _pairs_before(tokens, used, folded)
    after = _pairs_after(tokens, used, folded)
    word_first = len(after) > len(before)
    first = after if word_first else before
    used.update(i for pair in first for i in pair)
    rest = _pairs_before(tokens, used, folded) if word_first else _pairs_after(tokens, used, folded)
    chosen = strong + first + rest
    unclear = _elliptic_groups(tokens, chosen, used, folded)
    return chosen, unclear


def _elliptic_groups(
    tokens: list[Token], chosen: list[tuple[int, int]], used: set[int], folded: str = ""
) -> set[str]:
    """Groups whose count is unclear because a bare number follows them elliptically.

    "3 kinderen van 6 jaar en 2 van 4": the "2" probably means two more children, but that is
    our reading, not the leader's words. Reporting 3 would silently drop them, so the group is
    left empty and asked instead. A bare number is one after "en" that pairs with no count
    word and is followed by "van", another number or nothing.
    """
    paired = {i for pair in chosen for i in pair} | used
    unclear: set[str] = set()
    for i, token in enumerate(tokens):
        if token.value is None or i in paired or i == 0:
            continue
        if tokens[i - 1].text not in ("en", "nog") and not folded[: token.start].rstrip().endswith(
            ","
        ):
            continue  # "… en 2 van 4", "'s middags nog 4", "3 mensen met een laptop, 1 met …"
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and nxt.text not in ("van", "met") and nxt.value is None:
            continue
        if nxt is not None and i + 2 < len(tokens) and tokens[i + 2].text in ("hen", "hun"):
            continue  # "18 kids, 3 van hen deden al Python": some of them
        before = [pair for pair in chosen if pair[0] < i and pair[1] < i]
        if before:
            group = tokens[max(before, key=max)[1]].group
            if group is not None:
                unclear.add(group)
    return unclear


@dataclass
class TypedNumbers:
    """The numbers in a typed answer ("12 8", "twaalf kinderen en acht ouders"), in order, each
    with the group of its count word (None when it stands alone). Staff numbers are left out.
    `negative`, `range` and `decimal` say why an answer cannot be used as it is."""

    numbers: list[tuple[int, str | None]]
    negative: bool = False
    range: bool = False
    decimal: bool = False


_TYPED_RANGE_RE = re.compile(r"\d+\s*(?:-|–|a|tot|of|t/m)\s*\d+")
_DECIMAL_RE = re.compile(r"\d+[.,]\d+")


def read_typed_numbers(text: str) -> TypedNumbers:
    """Read an answer to "how many?" the way the parser reads counts in a message."""
    folded = fold(text)
    tokens = tokens_of(folded, text)
    chosen, _ = pairings(tokens, folded)
    group_of = {number: tokens[word].group for number, word in chosen}
    ranged = bool(_TYPED_RANGE_RE.search(folded))
    for i in range(1, len(tokens) - 1):
        if tokens[i].text in RANGE_WORDS and tokens[i - 1].value is not None:
            ranged = ranged or (tokens[i + 1].value is not None and tokens[i - 1].text != "stuk")
    numbers = [
        (token.value, group_of.get(i))
        for i, token in enumerate(tokens)
        if token.value is not None and group_of.get(i) != "staf"
    ]
    return TypedNumbers(
        numbers=[(value, group) for value, group in numbers if value is not None],
        negative=any(t.negative for t in tokens),
        range=ranged,
        decimal=bool(_DECIMAL_RE.search(folded)),
    )
