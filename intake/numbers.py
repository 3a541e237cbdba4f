"""Numbers and count words in a leader's message: Dutch numerals, the tokens, and which
number goes with which people word (pairs). intake.counting reads the pairs into counts.

Works on folded text (see intake.text.fold): lower case, no accents, plain apostrophes.

Decisions:
- "een" is read as the article ("een moeder zei …"), except right before a one-person word
  that ends a list item ("12 kinderen en een opa"); "één" with accents, or the digit 1, is one.
- A count below zero ("-5 kinderen") is refused, never read as 5.
- People who came along without a number ("8 kinderen met hun ouders") make the total unknown.
- An approximate number the leader gives ("ongeveer 12", "zo'n 20", "een stuk of tien",
  "ca. 15") is their own estimate and is taken as is: the bot shows it for confirmation.
- A range ("15-20 kinderen", "tien à twaalf kinderen") is left empty: picking a number would
  be our guess, so the count is asked instead.
- Volunteers, begeleiders and staff words take their number away (so it is not given to a
  neighbouring word) but never count as participants.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from intake.attendance import Roles, attendance_roles
from intake.countwords import (
    COUNT_GROUPS,
    DRENTS_PEOPLE,
    NOT_COUNT_WORDS,
    OLD_WORDS,
    ONE_ENDS_RE,
    SINGULAR_WORDS,
    abbreviated_group,
)
from intake.cues import apply_corrections, label_pairs, presence_pairs

UNITS = {
    "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9,
    "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15,
    "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19,
}  # fmt: skip
TENS = {
    "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70,
    "tachtig": 80, "negentig": 90, "honderd": 100,
}  # fmt: skip
_SMALL = {"een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8}
_SMALL["negen"] = 9
_COMPOUND_RE = re.compile(rf"^({'|'.join(_SMALL)})en({'|'.join(TENS)})$")
# Words that make the next number a range bound ("tien à twaalf", "15 tot 20").
RANGE_WORDS = {"a", "tot", "of", "-"}
FUZZY_WORD_CUTOFF = 85.0


# Drents, Fries and English number words leaders use, and "dozijn".
DIALECT_NUMERALS = {
    "vief": 5, "zeuven": 7, "twie": 2, "trije": 3, "fjouwer": 4, "fiif": 5, "seis": 6,
    "njoggen": 9, "tsien": 10, "dozijn": 12, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "eleven": 11,
    "twelve": 12, "twenty": 20, "ien": 1,
}  # fmt: skip


def numeral(word: str, original: str = "") -> int | None:
    """The value of a (folded) number word or digits: '12' -> 12, 'vijfentwintig' -> 25."""
    if word.isdigit():
        return int(word)
    if word in DIALECT_NUMERALS:
        return DIALECT_NUMERALS[word]
    if word in UNITS:
        return UNITS[word]
    if word in TENS:
        return TENS[word]
    if word == "een":
        # Only "één"/"eén" (accented) is the numeral; plain "een" is the article.
        return 1 if any(ch in original for ch in "éè") else None
    compound = _COMPOUND_RE.match(word)
    if compound:
        return _SMALL[compound.group(1)] + TENS[compound.group(2)]
    return None


_WORDS_BY_INITIAL: dict[str, list[str]] = {}
for _word in COUNT_GROUPS:
    _WORDS_BY_INITIAL.setdefault(_word[0], []).append(_word)


def count_group(word: str) -> str | None:
    """The group of a count word, allowing small typos in longer words ("kinderne")."""
    word = word.replace("'", "")
    if word in COUNT_GROUPS:
        return COUNT_GROUPS[word]
    if word in NOT_COUNT_WORDS:
        return None
    if len(word) < 5:
        return None
    # A typo keeps its first letter in most cases ("kinderne", "deelnmers"); without that
    # rule ordinary words come too close ("eerder" ~ "leerder").
    # A typo keeps the last letter too: "voorlezen" is no "voorlezers", "meeste" no
    # "meester", "bezoek" no "bezoeker" (a verb or a noun of its own, not a slip).
    candidates = [w for w in _WORDS_BY_INITIAL.get(word[0], []) if w[-1] == word[-1]]
    if word in _NOT_SLIPS:
        return None
    best = process.extractOne(word, candidates, scorer=fuzz.ratio, score_cutoff=FUZZY_WORD_CUTOFF)
    return COUNT_GROUPS[best[0]] if best else None


# Common words a letter away from a people word: "kopen" (koppen), "herken" (heren).
_NOT_SLIPS = {
    "kopen", "kloppen", "herken", "heuren", "peter", "kleine", "leren", "voorlees", "kleinste",
}  # fmt: skip


def count_words_pattern() -> str:
    """A regex alternation of the exact count words (apostrophes optional)."""
    forms = sorted(COUNT_GROUPS, key=len, reverse=True)
    return "|".join(re.escape(w[:-1]) + "'?s" if w.endswith("s") else re.escape(w) for w in forms)


@dataclass
class Token:
    text: str
    original: str
    value: int | None = None
    group: str | None = None
    colon: bool = False
    start: int = 0
    end: int = 0
    # "-5": a minus glued to the number (not a range "8-10", not a separator " - ").
    negative: bool = False


# Words with letters and digits ("nt2", "a2", "mbo4", "3d") are one token: never a number.
_TOKEN_RE = re.compile(r"[^\W_]*[^\W\d_][^\W_]*(?:'[^\W\d_]+)?|\d+|[:=+]|(?<=\s)-(?=\s)")
# "12kinderen" typed without a space: digits glued to a count word are still a count.
_GLUED_RE = re.compile(r"(\d+)([^\W\d_]+(?:'[^\W\d_]+)?)")
_NEGATIVE_BEFORE_RE = re.compile(r"(?:^|[\s(:;,=])-$")


# A label of up to four words alone at the start of a line, right before a dash:
# "Bezoekers - 5", "Ouders die meelazen - 2".
_LINE_LABEL_RE = re.compile(r"(?:^|\n)[ \t]*[^\W\d_]+(?:[ \t]+[^\W\d_]+){0,3}[ \t]*$")


# Where a list item ends: the message, a line, a mark, "en", a sign or the next number.
_ITEM_END_RE = re.compile(r"[ \t]*(?:$|[\n.,;:!?)/+&]|en\b|\d)")


def _group_named_before(tokens: list[Token], folded: str, number: int) -> str | None:
    """The people word nearest before a number in its sentence ("baby's van 3 tot 11
    maanden: 6 stuks"), of children or adults only."""
    for k in range(number - 1, -1, -1):
        if re.search(r"[.!?\n]", folded[tokens[k].end : tokens[k + 1].start]):
            return None
        if tokens[k].group in ("kinderen", "volwassenen"):
            return tokens[k].group
    return None


def tokens_of(folded: str, original: str) -> list[Token]:
    tokens: list[Token] = []
    for m in _TOKEN_RE.finditer(folded):
        text = m.group()
        if text in (":", "=") or (text == "-" and _LINE_LABEL_RE.search(folded, 0, m.start())):
            if tokens:
                tokens[-1].colon = True  # "Aantal: 9"; a form's "Bezoekers - 5" too
            continue
        glued = _GLUED_RE.fullmatch(text)
        if glued and (
            glued.group(2).replace("'", "") in COUNT_GROUPS
            or (abbreviated_group(glued.group(2)) and _ITEM_END_RE.match(folded, m.end()))
        ):  # "12kinderen", "8kds"
            split = m.start() + len(glued.group(1))
            number = Token(glued.group(1), original[m.start() : split], int(glued.group(1)))
            number.start, number.end = m.start(), split
            number.negative = bool(_NEGATIVE_BEFORE_RE.search(folded, 0, m.start()))
            tokens.append(number)
            word = glued.group(2)
            tokens.append(
                Token(word, original[split : m.end()], group=count_group(word), start=split,
                       end=m.end())
            )  # fmt: skip
            continue
        token = Token(text, original[m.start() : m.end()], start=m.start(), end=m.end())
        if any(ch.isdigit() for ch in text) and not text.isdigit():
            tokens.append(token)  # "nt2", "a2", "groep7": a name, not a number or count word
            continue
        token.value = numeral(text, token.original)
        if token.value is None and text != "-":
            token.group = count_group(text)
        if text.isdigit():
            token.negative = bool(_NEGATIVE_BEFORE_RE.search(folded, 0, m.start()))
        tokens.append(token)
    for i, token in enumerate(tokens[:-1]):
        nxt = tokens[i + 1]
        if (
            token.value is not None
            and nxt.value is None
            and nxt.group is None
            and re.fullmatch(r"[ \t]*", folded[token.end : nxt.start])
            and _ITEM_END_RE.match(folded, nxt.end)
        ):
            # "5 bez 7 vrgn", "11 mns.", "18 kindren en 9 oduers": a list item, shortened.
            nxt.group = abbreviated_group(nxt.text)
        if token.value is not None and nxt.text == "stuks" and nxt.group is None:
            nxt.group = _group_named_before(tokens, folded, i)  # "kindjes …: 9 stuks"
        if token.text in OLD_WORDS and nxt.text in DRENTS_PEOPLE:
            nxt.group = "volwassenen"  # "olde luu"
        if (
            token.text == "een"
            and token.value is None
            and nxt.text.replace("'", "") in SINGULAR_WORDS
            and ONE_ENDS_RE.match(folded, nxt.end)
        ):
            token.value = 1  # "en een opa"
    apply_corrections(tokens)
    return tokens


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


PEOPLE_GROUPS = ("kinderen", "volwassenen", "mensen")
# Words before a lone number that make it something else than people: "zaal 2", "nr 3".
_NOT_PEOPLE_BEFORE = {
    "zaal", "lokaal", "ruimte", "kamer", "nr", "nummer", "no", "tafel", "week", "blok", "editie",
    "deel", "ronde", "seizoen", "jaargang", "niveau", "level", "versie", "thema", "hoofdstuk",
    "pagina", "blz", "boek", "bus", "lijn", "huisnummer", "stap", "module", "dag",
}  # fmt: skip


def bare_number(folded: str, original: str, after: int) -> int | None:
    """A lone number after the activity or place names the participants: "Samenlezen
    Havelte 6", "Klik & Tik - Beilen - 5". Only when it is the one number left, comes after
    position `after`, is not negative and is followed by no word ("12 boeken" is no count)."""
    tokens = tokens_of(folded, original)
    numbers = [i for i, t in enumerate(tokens) if t.value is not None]
    if len(numbers) != 1:
        return None
    i = numbers[0]
    token = tokens[i]
    if token.negative or token.start < after or not token.text.isdigit():
        return None
    if (
        i + 1 < len(tokens)
        and tokens[i + 1].text != "-"
        and not re.match(r"[ \t]*(?:\n|[.!;](?:\s|$))", folded[token.end :])
    ):
        return None  # "12 boeken"; but "zuidwolde\n10\nk moet rennen": alone on its line
    if i > 0 and tokens[i - 1].text in _NOT_PEOPLE_BEFORE:
        return None
    if re.match(r"\s*['#%]", folded[token.end :]):
        return None
    return token.value


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
    from intake.text import fold  # a leaf module; imported here to keep this one standalone

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


def masked_groups(before: str, after: str, original: str) -> set[str]:
    """People groups whose number was blanked as something else between `before` and
    `after` (the same text, offsets kept): "groepje 1-2 jaar 4 kinderen", "Scratch-groep 7
    kinderen". A people word right after a number is a count in most messages, so a reading
    that lost it is unsure of the total."""
    groups: set[str] = set()
    tokens = tokens_of(before, original)
    for i, token in enumerate(tokens):
        if token.group not in PEOPLE_GROUPS or i == 0:
            continue
        number = tokens[i - 1]
        if number.value is None and i > 1 and tokens[i - 2].value is not None:
            number = tokens[i - 2]  # "6 enthousiaste kinderen"
        if number.value is None or not number.text.isdigit():
            continue
        if re.search(r"[^\w\s'-]|\n", before[number.end : token.start]):
            continue  # "groep 5\nAantal kinderen: 24", "les 7. Een deelnemer": not one phrase
        if not after[number.start : number.end].strip() and after[token.start : token.end].strip():
            groups.add(token.group or "")
    return groups
