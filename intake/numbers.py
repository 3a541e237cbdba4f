"""Counts in a leader's message: Dutch numerals, count words and what is *not* a count.

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
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from intake.countwords import (
    COUNT_GROUPS,
    DRENTS_PEOPLE,
    NOT_COUNT_WORDS,
    OLD_WORDS,
    ONE_ENDS_RE,
    SINGULAR_WORDS,
)
from intake.cues import (
    NEW_WORDS,
    Roles,
    apply_corrections,
    attendance_roles,
    label_pairs,
    presence_pairs,
)
from intake.doubts import (
    EACH_RE,
    MORE,
    NOT_COUNTED_RE,
    SEVERAL_RE,
    STAFF_IN_RE,
    TWO_SESSIONS_RE,
    UNSURE_RE,
    far_counts,
    helps,
    later_presence,
)
from intake.groups import (
    RESTATE_WORDS,
    counted_in_brackets,
    in_brackets,
    is_labelled,
    is_one_of_them,
    is_speaker,
    merge_presence,
    some_of_them,
    staff_within,
    total_of,
)

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
    candidates = _WORDS_BY_INITIAL.get(word[0], [])
    best = process.extractOne(word, candidates, scorer=fuzz.ratio, score_cutoff=FUZZY_WORD_CUTOFF)
    return COUNT_GROUPS[best[0]] if best else None


def count_words_pattern() -> str:
    """A regex alternation of the exact count words (apostrophes optional)."""
    forms = sorted(COUNT_GROUPS, key=len, reverse=True)
    return "|".join(re.escape(w[:-1]) + "'?s" if w.endswith("s") else re.escape(w) for w in forms)


@dataclass
class _Token:
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


# A label word alone at the start of a line, right before a dash: "Bezoekers - 5".
_LINE_LABEL_RE = re.compile(r"(?:^|\n)[ \t]*[^\W\d_]+[ \t]*$")


def _tokens(folded: str, original: str) -> list[_Token]:
    tokens: list[_Token] = []
    for m in _TOKEN_RE.finditer(folded):
        text = m.group()
        if text in (":", "=") or (text == "-" and _LINE_LABEL_RE.search(folded, 0, m.start())):
            if tokens:
                tokens[-1].colon = True  # "Aantal: 9"; a form's "Bezoekers - 5" too
            continue
        glued = _GLUED_RE.fullmatch(text)
        if glued and glued.group(2).replace("'", "") in COUNT_GROUPS:
            split = m.start() + len(glued.group(1))
            number = _Token(glued.group(1), original[m.start() : split], int(glued.group(1)))
            number.start, number.end = m.start(), split
            number.negative = bool(_NEGATIVE_BEFORE_RE.search(folded, 0, m.start()))
            tokens.append(number)
            word = glued.group(2)
            tokens.append(
                _Token(word, original[split : m.end()], group=count_group(word), start=split,
                       end=m.end())
            )  # fmt: skip
            continue
        token = _Token(text, original[m.start() : m.end()], start=m.start(), end=m.end())
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


def _pairs_before(tokens: list[_Token], used: set[int], folded: str = "") -> list[tuple[int, int]]:
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
        for j in (i + 1, i + 2):
            if j >= len(tokens) or j in taken:
                break
            nxt = tokens[j]
            if folded and re.search(r"[.!?;:\n]", folded[token.end : nxt.start]):
                break
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
        word = next((w for n, w in pairs if n == i + 2), None)
        if word is not None and tokens[word].group in PEOPLE_GROUPS:
            pairs.append((i, word))
            taken.add(i)
    return pairs


_JOINS = {"en", "&", "/"}  # not "+": "10 kids + ouders" came with uncounted parents


def _both_groups(tokens: list[_Token], word: int, taken: set[int]) -> None:
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


def _pairs_after(tokens: list[_Token], used: set[int], folded: str = "") -> list[tuple[int, int]]:
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
        pairs.append((i + 1, i))
        taken.update((i, i + 1))
    return pairs


@dataclass
class CountReading:
    """What the counts in a message say.

    `counts` per group ('kinderen', 'volwassenen', 'mensen', 'vragen', 'totaal'); `negative`:
    a count was written below zero ("-5 kinderen"), refused, never read as 5; `uncounted`:
    people groups that came but were not counted ("8 kinderen met hun ouders"), so the total
    is unknown.
    """

    counts: dict[str, int]
    negative: bool = False
    uncounted: set[str] = field(default_factory=set)
    # One group read two ways ("7 cursisten, 1 kwam voor het eerst": 7 or 8): the group and
    # both counts, offered as buttons.
    choice: tuple[str, int, int] | None = None


PEOPLE_GROUPS = ("kinderen", "volwassenen", "mensen")
# "met hun ouders", "+ ouders", "en hun moeders": a group that came along, without a number.
_ALONG_RE = re.compile(
    r"(?:\bmet|\ben|\+|&)\s+(?:(?:hun|de|haar|zijn|z'n|zn|alle|eigen|wat|enkele)\s+)*$"
)
# Words before a lone number that make it something else than people: "zaal 2", "nr 3".
_NOT_PEOPLE_BEFORE = {
    "zaal", "lokaal", "ruimte", "kamer", "nr", "nummer", "no", "tafel", "week", "blok", "editie",
    "deel", "ronde", "seizoen", "jaargang", "niveau", "level", "versie", "thema", "hoofdstuk",
    "pagina", "blz", "boek", "bus", "lijn", "huisnummer", "stap", "module", "dag",
}  # fmt: skip


def find_counts(folded: str, original: str) -> dict[str, int]:
    """Counts per group; see `read_counts`."""
    return read_counts(folded, original).counts


def bare_number(folded: str, original: str, after: int) -> int | None:
    """A lone number after the activity or place names the participants: "Samenlezen
    Havelte 6", "Klik & Tik - Beilen - 5". Only when it is the one number left, comes after
    position `after`, is not negative and is followed by no word ("12 boeken" is no count)."""
    tokens = _tokens(folded, original)
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


def _pairings(
    tokens: list[_Token], folded: str = "", roles: Roles | None = None
) -> tuple[list[tuple[int, int]], set[str]]:
    """(number index, word index) pairs, and the groups whose count is unclear."""
    # Ranges ("tien à twaalf kinderen"): both bounds are taken out of play.
    used: set[int] = set()
    for i in range(1, len(tokens) - 1):
        if tokens[i].text in RANGE_WORDS and tokens[i - 1].value is not None:
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


# The total said again without a people word after the counts: "dus 10", "dus zestien in
# totaal", "= 46", "Dus 8 aan tafel".
_RESTATED_TOTAL_RE = re.compile(
    r"(?:\bdus|=)[ \t]+(\d+|[a-z]+)(?=[ \t]*(?:$|[.,;!?)\n]|(?:in[ \t]+)?totaal\b|aan[ \t]+tafel\b|"
    r"aanwezig\b|pp\b|p\.p\.))"
)


_ADDS_IN_BRACKETS_RE = re.compile(r"\(\s*(?:en|plus|\+|ook|nog)\s*$")


_HELPING_WORDS = {"begeleidende", "helpende", "meehelpende", "assisterende", "ondersteunende"}


_JOINED_IN_RE = re.compile(r"\s+die\s+(?:ook\s+)?(?:mee\w+|deden\s+mee)")


def _restates(folded: str, tokens: list[_Token], number: int) -> bool:
    """ "dus 7 volw", "Dus 10 kinderen, 8 volwassenen": a count after "dus" (or another
    restating word) earlier in its clause says the sum again."""
    if number > 0 and tokens[number - 1].text in RESTATE_WORDS:
        return True
    clause = re.split(r"[.!?\n;]", folded[: tokens[number].start])[-1]
    return re.match(r"\s*(?:dus|oftewel|ofwel|samen|totaal)\b", clause) is not None


_UNKNOWN_COUNT_RE = re.compile(r"\bhoeveel\s+([a-z']+)\s+(?:weet|wist|weten)\b")


def _parallel_counts(
    folded: str, tokens: list[_Token], chosen: list[tuple[int, int]], roles: Roles
) -> list[tuple[str, int]]:
    """A bare number in the same sentence after a people count, written the same way: "groep
    6 met 22 leerlingen en groep 8 met 25", "babygroep 5 kindjes, peutergroep 8"."""
    paired = {i for pair in chosen for i in pair} | roles.indexes
    found: list[tuple[str, int]] = []
    for n, w in chosen:
        group = tokens[w].group
        if group not in PEOPLE_GROUPS or n == 0:
            continue
        lead = tokens[n - 1].text
        for k in range(w + 1, min(w + 6, len(tokens))):
            token = tokens[k]
            if re.search(r"[.!?\n]", folded[tokens[k - 1].end : token.start]):
                break
            if token.value is None or k in paired or k == 0:
                continue
            before = tokens[k - 1].text
            same = before == lead == "met" or (
                before.endswith("groep") and lead.endswith("groep") and before != lead
            )
            nxt = tokens[k + 1] if k + 1 < len(tokens) else None
            if same and (nxt is None or re.match(r"[ \t]*(?:[.,;!?\n]|$)", folded[token.end :])):
                found.append((str(group), token.value))
            break
    return found


def _not_counted(folded: str, tokens: list[_Token], word: int) -> bool:
    """ "Twee moeders bleven kijken, die tel ik niet mee": said of this count, with no
    other number or people word between ("11 (+2 vrijwilligers, niet meegeteld)" is about
    the volunteers)."""
    match = NOT_COUNTED_RE.match(folded, tokens[word].end)
    if match is None:
        return False
    between = [t for t in tokens[word + 1 :] if t.start < match.end() - 8]
    return not any(t.value is not None or t.group is not None for t in between)


def read_counts(folded: str, original: str) -> CountReading:
    """Counts per group ('kinderen', 'volwassenen', 'mensen', 'vragen', 'totaal').

    Staff counts are read (so their number is not misread) but left out of the result.
    """
    tokens = _tokens(folded, original)
    roles = Roles()
    chosen, unclear = _pairings(tokens, folded, roles)
    counts: dict[str, int] = {}
    values: dict[str, list[int]] = {}
    restated: dict[str, int] = {}
    labelled: list[int] = []
    first_at: dict[str, int] = {}
    parts_at: dict[str, list[int]] = {}
    negative = any(t.negative for t in tokens)
    doubtful: set[str] = set()
    extra: dict[str, list[int]] = {}
    # "9 kinderen (3 broertjes)": a count in brackets of a group already counted is a part.
    outside = {tokens[w].group for n, w in chosen if not in_brackets(folded, tokens[n].start)}
    # Not "de dames (4)": the word outside the brackets, the number its count; nor "13
    # breisters (en 1 breier!)": brackets that add.
    chosen = [
        (n, w)
        for n, w in chosen
        if not (
            in_brackets(folded, tokens[n].start)
            and in_brackets(folded, tokens[w].start)
            and tokens[w].group in outside
            and not _ADDS_IN_BRACKETS_RE.search(folded, 0, tokens[n].start)
        )
    ]
    far = far_counts(folded, tokens, chosen) | later_presence(folded, tokens, chosen)
    if TWO_SESSIONS_RE.search(folded) and len(chosen) > 1:
        # "ochtend 9 kinderen + 6 ouders, middag nog een keer 5 + 4": one report, or two?
        doubtful.update(("kinderen", "volwassenen", "mensen"))
    unknown = _UNKNOWN_COUNT_RE.search(folded)
    if unknown and count_group(unknown.group(1)) in PEOPLE_GROUPS:
        doubtful.add(str(count_group(unknown.group(1))))  # "hoeveel ouders weet ik niet meer"
    if any(r.search(folded) for r in (EACH_RE, UNSURE_RE, STAFF_IN_RE, SEVERAL_RE)):
        doubtful.update(("kinderen", "volwassenen", "mensen"))
    people_pairs = [(n, w) for n, w in chosen if tokens[w].group in PEOPLE_GROUPS]
    if people_pairs and all(n > 0 and tokens[n - 1].text in MORE for n, _ in people_pairs):
        # "… en nog 2 mensen moesten staan" as the only count: more than whom?
        doubtful.update(str(tokens[w].group) for _, w in people_pairs)
    paired_numbers = {n for n, _ in chosen}
    for number_index, word_index in chosen:
        group = tokens[word_index].group
        value = tokens[number_index].value
        if group is None or value is None or group == "staf":
            continue
        before = number_index - 2
        if (
            group in PEOPLE_GROUPS
            and before >= 0
            and tokens[number_index - 1].text == "en"
            and tokens[before].value is not None
            and before not in paired_numbers
            and before not in roles.indexes
        ):
            # "24 en 22 leerlingen": two classes (46), or a range (22)? Asked.
            doubtful.add(group)
            extra.setdefault(group, []).append(tokens[before].value or 0)
        if tokens[number_index].negative:
            unclear.add(group)
            continue
        if is_speaker(folded, tokens, number_index, word_index, chosen):
            continue  # "1 oma zei dat …", "Twee moeders vroegen …": who spoke, not who came
        if _restates(folded, tokens, number_index):
            restated[group] = value  # "6 volw … oja de oma, dus 7 volw": the sum said again
        if is_one_of_them(folded, tokens, number_index, word_index, chosen):
            continue  # "8 cursisten. Eén mevrouw had …": one of the eight
        if some_of_them(folded, tokens, number_index, word_index, chosen) == "maybe":
            doubtful.add(group)  # "10 kids, 9 laptops, 2 kinderen deelden": some, or more?
            extra.setdefault(group, []).append(value)
            continue
        if number_index > 0 and tokens[number_index - 1].text in NEW_WORDS:
            continue  # "nieuw: 2 vrouwen uit Syrië": who was new among them
        if _not_counted(folded, tokens, word_index):
            continue  # "Twee moeders bleven kijken, die tel ik niet mee"
        if (
            word_index > 0
            and tokens[word_index - 1].text in _HELPING_WORDS
            and not _JOINED_IN_RE.match(folded, tokens[word_index].end)
        ):
            continue  # "2 begeleidende ouders": they helped (unless "die ook meededen")
        if helps(folded, tokens, word_index):
            continue  # "Twee ouders en ondergetekende begeleidden de groep": helpers
        if number_index in far:
            doubtful.add(group)  # "… 9 bewoners. [a story] … 11 kinderen!": who came?
            extra.setdefault(group, []).append(value)
            continue
        if group == "mensen" and is_labelled(folded, tokens, number_index, word_index):
            labelled.append(value)
        values.setdefault(group, []).append(value)
        # Where the first count ends: after its word ("8 kinderen: …") or its number
        # ("dames (4) en …"), so its own brackets are not read as its parts.
        first_at.setdefault(group, max(tokens[word_index].end, tokens[number_index].end + 1))
        parts_at.setdefault(group, [])
        parts_at[group].append(tokens[number_index].start)
    for group, value in _parallel_counts(folded, tokens, chosen, roles):
        values.setdefault(group, []).append(value)  # "groep 6 met 22 leerlingen en groep 8 met 25"
    values.update({group: [value] for group, value in restated.items()})
    if len(labelled) == 1:
        values["mensen"] = labelled  # "Aantal: 9 … Opmerking: 2 mensen willen door"
    merge_presence(folded, tokens, chosen, values)
    for group, found in values.items():
        counts[group] = total_of(folded, found, first_at.get(group), parts_at.get(group, []))
    staff_within(folded, tokens, chosen, counts)
    paired = {i for pair in chosen for i in pair}
    uncounted: set[str] = set()
    for i, token in enumerate(tokens):
        if token.group not in PEOPLE_GROUPS or i in paired or token.group is None:
            continue
        along = _ALONG_RE.search(folded, 0, token.start)
        if along is None and _CAME_UNCOUNTED_RE.match(folded, token.end):
            uncounted.add(token.group)  # "7 kinderen, ouders erbij maar niet geteld"
            unclear.add(token.group)
            continue
        if along is None:
            continue
        sentence = re.split(r"[.!?\n]", folded[: token.start])[-1]
        if _REPORTED_RE.search(sentence):
            continue  # "een opa vertelde dat hij dit nooit deed met zijn eigen kinderen"
        if any(
            tokens[w].group == token.group
            and tokens[w].start > token.start
            and re.search(r"[.!?\n]", folded[token.end : tokens[w].start])
            for _, w in chosen
        ):
            continue  # "… en hun ouders. Aanwezig waren 41 kinderen en 17 ouders": counted
        uncounted.add(token.group)
        # "met papa of mama": parents who came along, so no adult count either.
        along_parents = token.group == "volwassenen" and "met" in along.group()
        companions = _COMPANION_RE.search(along.group()) or along_parents
        if companions and not counted_in_brackets(folded, tokens, i):
            # "9 kids en hun mama's, 1 oma": the mothers came uncounted, so no adult count.
            unclear.add(token.group)
    last = max((tokens[i].end for pair in chosen for i in pair), default=0)
    total = _RESTATED_TOTAL_RE.search(folded, last)
    # The writer settles the doubt with the sum said again: "35 aanwezigen, maar daar zitten
    # de schrijver en 2 mensen van de uitgeverij bij, dus 32 publiek", "… dus 5 mensen".
    settled = set(restated) & {*PEOPLE_GROUPS}
    if total is not None or settled:
        doubtful, extra = set(), {}
    choice = None
    if len(doubtful) == 1 and len(extra) == 1:
        group, more = next(iter(extra.items()))
        if group in counts and len(more) == 1 and group not in unclear:
            choice = (group, counts[group], counts[group] + more[0])
    unclear |= doubtful
    uncounted |= doubtful
    if total is not None and "totaal" not in counts:
        value = numeral(total.group(1), total.group(1))
        if value is not None:
            counts["totaal"] = value  # "… en een kearl bij, dus 10": the total said again
            people = [g for g in counts if g in PEOPLE_GROUPS]
            if len(people) == 1 and counts[people[0]] != value:
                # "groep 4 (21 kinderen) en groep 5 (19). Samen dus 40": the one group is
                # the total said again.
                counts[people[0]] = value
    counts = {group: value for group, value in counts.items() if group not in unclear}
    people = [g for g in counts if g in PEOPLE_GROUPS]
    if roles.within and len(people) == 1 and counts[people[0]] > sum(roles.within):
        counts[people[0]] -= sum(roles.within)  # "29 leerlingen waarvan 4 afwezig": 25 came
    if roles.bracketed and len(people) == 1 and choice is None:
        # "groep 7 (26 kinderen, 2 ziek thuis)": 24 came, or 26 and 2 more who did not?
        group, whole = people[0], counts[people[0]]
        said_present = re.search(
            rf"\b{whole}[ \t]+[a-z']+[ \t]+(?:aanwezig|present|gekomen|kwamen)\b", folded
        )  # "27 kinderen aanwezig (klas van 28, 1 ziek)": the present count is said
        if whole > sum(roles.bracketed) and not said_present:
            choice = (group, whole - sum(roles.bracketed), whole)
            counts.pop(group)
            uncounted.add(group)
    present = set(counts) & {*PEOPLE_GROUPS, "totaal"}
    if not present and len(roles.enrolled) == 1 and roles.absent:
        # "van de 8 cursisten waren er 2 afwezig": who came is who could, less who did not.
        came = roles.enrolled[0] - sum(roles.absent)
        if came >= 0:
            counts["mensen"] = came
    return CountReading(counts, negative, {g for g in uncounted if g not in counts}, choice)


# Speech reported in the message: what follows is a story, not who came.
_REPORTED_RE = re.compile(r"\b(?:vertelde|vertelt|zei|zegt|zeiden|vertelden|vroeg)\b")
_CAME_UNCOUNTED_RE = re.compile(r"[ \t]+(?:erbij|ook|mee)\b[^.!?\n]{0,20}\bniet\s+geteld\b")
_COMPANION_RE = re.compile(r"\b(?:hun|haar|zijn|z'n|zn|eigen)\b")


def _elliptic_groups(
    tokens: list[_Token], chosen: list[tuple[int, int]], used: set[int], folded: str = ""
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
    tokens = _tokens(folded, text)
    chosen, _ = _pairings(tokens, folded)
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
    tokens = _tokens(before, original)
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
