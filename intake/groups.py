"""How the counts of one people group combine: parts and totals, restated sums, one of
them, speakers, presence counts that continue a group, companions counted in brackets.

Decisions:
- Sub-groups that add up to a count said first are its parts ("8 kinderen: 5 jongens en 3
  meisjes" is 8), only after ":", "(", "waarvan" or "namelijk"; else counts add up.
- "dus 7 volw" restates the group's sum: that number wins.
- "Eén mevrouw had …", "1 kindje moest huilen" beside "8 cursisten": one of them, no extra;
  "en nog 1 nieuwe mevrouw" is one more.
- A number and people word before a speech verb name who spoke ("1 oma zei", "Twee moeders
  vroegen" beside "6 mama's").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from intake.countwords import SINGULAR_WORDS
from intake.cues import PRESENCE_VERBS_AND_WORDS, Tok


def in_brackets(text: str, position: int) -> bool:
    before = text[:position]
    return before.count("(") > before.count(")")


_SPEECH_AFTER_RE = re.compile(
    r"\s*(?:zei|zegt|zeiden|vertelde|vertelden|vond|vonden|riep|riepen|vroeg|vroegen)\b"
    # "1 meisje: “mama kijk …”": the words in quote marks are already taken out (blank).
    r"|[ \t]*:[ \t]*(?:$|\n|[ \t]{3,}|[\"“„'‘«])"
)


RESTATE_WORDS = {"dus", "oftewel", "ofwel", "totaal", "samen"}
# Words that add people to those counted ("n" is "en" typed short).
ADDED_AFTER = {"en", "n", "erbij", "extra", "ook", "nog", "meer", "bij", "plus"}
_PARTS_RE = re.compile(
    r"^[ \t]*[:(]|^[^.;:\n]{0,12}?(?:\bwaarvan\b|\bnamelijk\b|\bnl\b|\bbestaande\s+uit\b|"
    r"\bincl\b|\binclusief\b|\bwaaronder\b|\bvan\s+wie\b|\bonder\s+wie\b|\bdaarvan\b|"
    r"\bderfan\b)"
)


def total_of(folded: str, found: list[int], word_end: int | None, starts: list[int]) -> int:
    """Sub-groups that add up to a count said first are its parts: "8 kinderen: 5 jongens
    en 3 meisjes" is 8, not 16. Only when the parts follow the total with ":", "(",
    "waarvan" or "namelijk"; else the counts add up ("3 moeders …, 2 moeders, 1 vader")."""
    biggest = found[0]
    mark = (
        _PARTS_RE.match(folded[word_end : starts[1]])
        if word_end is not None and len(starts) > 1
        else None
    )
    # A bracket marks parts only when the next count is inside it ("9 kinderen (3
    # broertjes)"), not "5 jongens (10-13 jr), 2 meiden".
    marked = mark is not None and (
        not mark.group().rstrip().endswith("(") or in_brackets(folded, starts[1])
    )
    if marked and re.match(r"[ \t]*\([ \t]*(?:en|plus|\+|ook|nog)\b", folded[word_end or 0 :]):
        marked = False  # "13 breisters (en 1 breier!)": the brackets add
    if marked and len(found) > 2 and biggest == sum(found[1:]):
        return biggest
    if marked and len(found) == 2 and found[1] < biggest:
        return biggest  # "6 deelnemers waarvan 2 mannen": a part of the six
    return sum(found)


def is_labelled(folded: str, tokens: Sequence[Tok], number: int, word: int) -> bool:
    """A count given as a form's answer: "Aantal: 9", "deelnemers: 12"."""
    return tokens[word].colon and word < number


# A verb right after "1 oma": a sentence about one of them ("negen ouders één oma was jarig").
_DOES = {
    "was", "is", "had", "heeft", "zei", "zegt", "kwam", "ging", "moest", "wilde", "werd",
    "vond", "deed", "bleef", "las", "zat", "liep", "kon", "mocht", "huilde", "sliep", "vroeg",
}  # fmt: skip


def is_one_of_them(
    folded: str, tokens: Sequence[Tok], number: int, word: int, chosen: list[tuple[int, int]]
) -> bool:
    """'Eén mevrouw had …' beside '8 cursisten': one person of a group already counted, not
    one more (unless added: "en nog 1 nieuwe mevrouw")."""
    singular = SINGULAR_WORDS | {"mevrouw", "meneer"}
    if (tokens[number].value or 0) > 1:
        return some_of_them(folded, tokens, number, word, chosen) == "yes"
    if tokens[number].value != 1 or tokens[word].text not in singular:
        return False
    before = folded[: tokens[number].start].rstrip()
    nxt = tokens[word + 1] if word + 1 < len(tokens) else None
    acts = (
        nxt is not None
        and nxt.value is None
        and nxt.group is None
        and nxt.text not in ADDED_AFTER
        and not re.match(r"\s*[,.;:!?)(+&\n]", folded[tokens[word].end :])
    )
    starts = not before or before[-1] in ".!?\n"
    if not starts and number > 0 and tokens[number - 1].text in ADDED_AFTER:
        return False  # "er kwam nog 1 nieuwe mevrouw": one more
    if (
        number > 0
        and tokens[number - 1].group in ("kinderen", "volwassenen", "mensen")
        and re.fullmatch(r"[ \t]*", folded[tokens[number - 1].end : tokens[number].start])
        and not (nxt is not None and nxt.text in _DOES)
    ):
        return False  # "11 dames 1 heer gezellig": the next item of a list; not "één oma was jarig"
    if not starts and not acts:
        return False  # one of them when a sentence is about them: "Eén mevrouw had …", "1
        # kindje moest huilen"; else one more: "12 dames, 1 heer"
    group = tokens[word].group
    if {t.text for t in tokens[word + 1 : word + 5]} & {"later", "nog", "erbij", "extra"}:
        return False  # "1 moeder kwam later ook nog": one more
    return any(
        w != word
        and (tokens[w].group == group or (starts and tokens[w].group == "mensen" and n < number))
        and (tokens[n].value or 0) > 1
        for n, w in chosen
    )  # "4 bezoekers. Eén moeder had …": one of the visitors too


def _some_of_them(
    folded: str, tokens: Sequence[Tok], number: int, word: int, chosen: list[tuple[int, int]]
) -> bool:
    """ "9 deelnemers. 3 mensen hebben een afspraak …", "7 mensen. 2 mensen nieuw": a new
    sentence that says something about fewer people of a group already counted is about
    some of them, not more people ("en nog 3 dames" and "3 dames kwamen ook" are more)."""
    value = tokens[number].value or 0
    group = tokens[word].group
    earlier = [
        tokens[n].value or 0
        for n, w in chosen
        if w != word and n < number and tokens[w].group == group
    ]
    if not earlier or value >= max(earlier):
        return False
    if number > 0 and tokens[number - 1].text in ADDED_AFTER | {"en", "plus"}:
        return False  # "en twee mannen", "Plus 2 broertjes": more people
    nxt = tokens[word + 1] if word + 1 < len(tokens) else None
    if nxt is None or nxt.value is not None or nxt.group is not None:
        return False
    if nxt.text in ADDED_AFTER or re.match(r"\s*[,.;:!?)(+&\n]", folded[tokens[word].end :]):
        return False
    following = {t.text for t in tokens[word + 1 : word + 4]}
    return not following & ADDED_AFTER


# A sentence that opens with "afterwards" and a verb, right before the count.
_AFTERWARDS_RE = re.compile(
    r"(?:^|[.!?\n:])\s*(?:na\s+afloop|daarna|achteraf|aan\s+het\s+einde?|tot\s+slot|"
    r"na\s+de\s+pauze|in\s+de\s+pauze)\s+(?!kwam|schoof|schoven|sloot|sloten|stroomde|liep\s*binnen)"
    r"[a-z]+$"
)


def some_of_them(
    folded: str, tokens: Sequence[Tok], number: int, word: int, chosen: list[tuple[int, int]]
) -> str | None:
    """ "yes" when a count is about some of a group counted before, "maybe" when it may be
    ("10 kids, 9 laptops, 2 kinderen deelden er eentje": inside a list), else None."""
    value = tokens[number].value or 0
    before = folded[: tokens[number].start].rstrip()
    earlier = [
        tokens[n].value or 0
        for n, w in chosen
        if w != word and n < number and tokens[w].group == tokens[word].group
    ]
    if (
        re.search(
            r"\b(?:had|heeft|hadden|hebben|bracht|nam|namen|die\s+met|met\s+(?:haar|zijn|hun))$",
            before,
        )
        and earlier
        and value < max(earlier)
    ):
        return "maybe"  # "1 vader had 2 kinderen bij zich": his, among them, or more?
    if value < 2 or not _some_of_them(folded, tokens, number, word, chosen):
        return None
    if not before or before[-1] in ".!?\n:" or re.search(r"\b(?:dat|toen)$", before):
        return "yes"  # a new sentence, a remark's label, "Leuk was dat twee dames elkaar …"
    if _AFTERWARDS_RE.search(before):
        return "yes"  # "Na afloop leenden 8 mensen een boek": what some of them did after
    if re.search(r"\bdie$", before):
        return "maybe"  # "1 oma die 2 kleinkinderen meenam": among them, or more?
    return "maybe" if before[-1] in ",;" else None


def is_speaker(
    folded: str, tokens: Sequence[Tok], number: int, word: int, chosen: list[tuple[int, int]]
) -> bool:
    """A number and people word before a speech verb name who spoke: one person ("1 oma
    zei"), or people of a group already counted ("6 mama's. Twee moeders vroegen")."""
    if word != number + 1 or not _SPEECH_AFTER_RE.match(folded, tokens[word].end):
        return False
    group = tokens[word].group
    counted_elsewhere = any(w != word and tokens[w].group == group for _, w in chosen)
    return tokens[number].value == 1 or counted_elsewhere


def merge_presence(
    folded: str,
    tokens: Sequence[Tok],
    chosen: list[tuple[int, int]],
    values: dict[str, list[int]],
) -> None:
    """ "groep 3 met 22 kinderen en groep 4 met 19 kwamen": a number read from a presence
    word alone continues the one group the message counts; it is not a second group."""
    from_presence = [
        tokens[n].value for n, w in chosen if tokens[w].text in PRESENCE_VERBS_AND_WORDS
    ]
    specific = [g for g in values if g in ("kinderen", "volwassenen")]
    if not from_presence or len(specific) != 1 or "mensen" not in values:
        return
    # Only a continuation in the same sentence: "… 22 kinderen en groep 4 met 19 kwamen".
    starts = [tokens[n].start for n, w in chosen if tokens[w].text in PRESENCE_VERBS_AND_WORDS]
    firsts = [tokens[w].end for n, w in chosen if tokens[w].group == specific[0]]
    if not firsts or any(
        s < min(firsts) or re.search(r"[.!?\n]", folded[min(firsts) : s]) for s in starts
    ):
        return  # only a presence count after the group's count continues it
    if any(
        tokens[w].group == "mensen" and tokens[w].text not in PRESENCE_VERBS_AND_WORDS
        for _, w in chosen
    ):
        return
    values[specific[0]] += values.pop("mensen")


def counted_in_brackets(folded: str, tokens: Sequence[Tok], i: int) -> bool:
    """ "hun papa's en mama's (8)": the companions are counted after all."""
    for k in range(i + 1, min(i + 4, len(tokens))):
        if tokens[k].value is not None:
            return in_brackets(folded, tokens[k].start)
    return False


_WITHIN_NEXT_RE = re.compile(
    r"^[^.!?\n]*[.!?\n]\s*(?:waarvan|daarvan|incl\.?|inclusief)\W*(?:(?:ons|onze|de|mijn)\s+)?$"
)
_WITHIN_RE = re.compile(
    r"\b(?:incl|inclusief|waarvan|waaronder|met\s+inbegrip\s+van)\W*"
    r"(?:(?:ons|onze|de|mijn|mij\s+en|mezelf\s+en)\s+)?$"
)  # "incl. 2 vrijwilligers", "inclusief ons drie begeleiders"


# "2 daarvan zijn vrijwilligers", "2 dêrfan binne frijwilligers": staff among the count.
_OF_THEM_AFTER_RE = re.compile(
    r"\s+(?:daarvan|ervan|derfan|dêrfan)\s+(?:zijn|waren|binne|wiene)\s+"
)


def staff_within(
    folded: str, tokens: Sequence[Tok], chosen: list[tuple[int, int]], counts: dict[str, int]
) -> None:
    """'10 mensen incl. 2 vrijwilligers': the staff inside a people count are taken out of
    it (volunteers are never participants)."""
    for number, word in chosen:
        if tokens[word].group != "staf" or tokens[number].value is None:
            continue
        ahead = folded[max(0, tokens[number].start - 20) : tokens[number].start]
        behind = folded[tokens[number].end : tokens[word].start]
        if not (_WITHIN_RE.search(ahead) or _OF_THEM_AFTER_RE.match(behind)):
            continue
        before = [
            (n, w) for n, w in chosen
            if n < number and tokens[w].group in ("mensen", "kinderen", "volwassenen", "totaal")
        ]  # fmt: skip
        between = folded[tokens[max(before)[0]].end : tokens[number].start] if before else ""
        between = re.sub(r"\b(?:incl|ca|excl|o\.a)\.", "", between)  # "(incl. 3 …)": no end
        if not before or (re.search(r"[.!?\n]", between) and not _WITHIN_NEXT_RE.search(between)):
            continue  # a count in the same sentence holds its staff, or "16 mensen. Waarvan 2 …"
        group = tokens[max(before)[1]].group
        staff = tokens[number].value or 0
        if group in counts and counts[group] > staff:
            counts[group] -= staff
