"""Numbers and count words in a leader's message: Dutch numerals and the tokens. Which
number goes with which people word is intake.pairs; intake.counting reads the pairs into
counts.

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

from intake.countwords import (
    COUNT_GROUPS,
    DRENTS_PEOPLE,
    NOT_COUNT_WORDS,
    OLD_WORDS,
    ONE_ENDS_RE,
    SINGULAR_WORDS,
    abbreviated_group,
)
from intake.cues import apply_corrections

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
        glued_group = None
        if glued:  # "12kinderen"; "8kds" as a list item
            word = glued.group(2)
            glued_group = count_group(word) if word.replace("'", "") in COUNT_GROUPS else None
            if glued_group is None and _ITEM_END_RE.match(folded, m.end()):
                glued_group = abbreviated_group(word)
        if glued and glued_group is not None:
            split = m.start() + len(glued.group(1))
            number = Token(glued.group(1), original[m.start() : split], int(glued.group(1)))
            number.start, number.end = m.start(), split
            number.negative = bool(_NEGATIVE_BEFORE_RE.search(folded, 0, m.start()))
            tokens.append(number)
            tokens.append(
                Token(glued.group(2), original[split : m.end()], group=glued_group, start=split,
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
            token.text in ("een", "ene", "ien")  # Drents "ene", Fries "ien"
            and token.value is None
            and nxt.text.replace("'", "") in SINGULAR_WORDS
            and ONE_ENDS_RE.match(folded, nxt.end)
        ):
            token.value = 1  # "en een opa"
    apply_corrections(tokens)
    return tokens


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
