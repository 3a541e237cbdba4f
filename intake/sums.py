"""Sums said again and counts said twice: "dus 10", "Dus 9 kinderen en 7 volwassenen", "… in
totaal", "Ik reken 8", "Alle 9 hebben meegedaan"; a sum that is one group's of several; the
same group counted again in a later sentence. Read by intake.counting.
"""

from __future__ import annotations

import re

from intake.attendance import Roles
from intake.groups import ADDED_AFTER, RESTATE_WORDS
from intake.numbers import PEOPLE_GROUPS, Token, numeral

# The total said again without a people word after the counts: "dus 10", "dus zestien in
# totaal", "= 46", "Dus 8 aan tafel".
# "Ik reken 8", "Alle 9 hebben meegedaan", "dus 8 die echt meededen".
_RESTATED_TOTAL_RE = re.compile(
    r"(?:(?:\bdus|=)[ \t]+(?:(?:eigenlijk|toch|dan|maar)[ \t]+)?(\d+|[a-z]+)"
    r"(?=[ \t]*(?:$|[.,;!?)\n]|(?:in[ \t]+)?totaal\b|aan[ \t]+tafel\b|"
    r"aanwezig\b|pp\b|p\.p\.|echt\b|die[ \t]+(?:echt[ \t]+|wel[ \t]+)?(?:mee\w+|deelnamen)\b))"
    r"|\b(?:ik[ \t]+(?:reken|tel)|(?:reken|tel)[ \t]+ik)[ \t]+(?:(?:er|dus|toch|maar)[ \t]+)?"
    r"(\d+|[a-z]+)(?=[ \t]*(?:$|[.,;!?)\n]))"
    r"|\balle[ \t]+(\d+|[a-z]+)(?=[ \t]+(?:hebben|waren|deden|zijn)\b[^.!?\n]*\bmee\w*)"
    # "Negen dus.": the sum said first, "dus" after it, the sentence ends.
    r"|(?:^|(?<=[.!?\n])[ \t]*)(\d+|[a-z]+)[ \t]+dus[ \t]*(?=[.!]|$))"
)


# The writer or staff inside a sum ("8 aanwezig plus ik en vrijwilliger Bert, dus tien").
STAFF_OR_ME_RE = re.compile(
    r"\b(?:ik|mij|mezelf|vrijwilliger|vrijwilligers|begeleider|begeleiders|collega|docent|"
    r"juf|meester|stagiaire|stagiair)\b"
)


def restates(folded: str, tokens: list[Token], number: int) -> bool:
    """ "dus 7 volw", "Dus 10 kinderen, 8 volwassenen": a count after "dus" (or another
    restating word) earlier in its clause or comma clause says the sum again; so does a
    clause of counts that ends in "in totaal" or "bij elkaar"."""
    if _more_of_the_same(folded, tokens, number):
        return False  # "in totaal 8 ouders en 1 opa": more follows, so no sum said again
    if number > 0 and tokens[number - 1].text in RESTATE_WORDS:
        return True
    sentence = re.split(r"[.!?\n;]", folded[: tokens[number].start])[-1]
    clause = sentence.split(",")[-1]  # "…, dus 22 kinderen en 15 volwassenen"
    if any(_RESTATE_HEAD_RE.match(part) for part in (sentence, clause)):
        return True
    # "13 kinderen en 10 volwassenen in totaal.": the clause ends by calling its counts the sum.
    rest = re.split(r"[.!?\n;]", folded[tokens[number].end :])[0]
    end = _SUM_AT_END_RE.search(rest)
    if end is None:
        return False
    between = [t for t in tokens[number + 1 :] if t.start < tokens[number].end + end.start()]
    return all(t.value is not None or t.group or t.text in {"en", "plus", "&"} for t in between)


_RESTATE_HEAD_RE = re.compile(r"\s*(?:dus|oftewel|ofwel|samen|totaal|alles\s+bij\s+elkaar)\b")


# A clause of counts that ends by saying they are the sum: "… en 10 volwassenen in totaal".
_SUM_AT_END_RE = re.compile(r"[ \t]*\b(?:in[ \t]+totaal|bij[ \t]+elkaar)[ \t]*[,]?[ \t]*$")


def _more_of_the_same(folded: str, tokens: list[Token], number: int) -> bool:
    """ "in totaal 8 ouders en 1 opa": another count of the same group follows right after,
    so this one is a part. "dus 9 kinderen en 7 volwassenen" is two sums said again."""
    k = number + 1
    if k >= len(tokens) or tokens[k].group is None:
        return False
    if k + 1 >= len(tokens) or tokens[k + 1].text not in {"en", "plus", "+"}:
        return False
    rest = tokens[k + 2 :]
    if not rest or rest[0].value is None:
        return False
    following = next((t.group for t in rest[1:3] if t.group is not None), None)
    return following is None or following == tokens[k].group


# Unlike doubts.SENTENCE_END_RE, a line break right before a word ends no sentence here: the
# lines of a form or a list ("10 kids\n7 volw\noja ook nog 2 opa's") count one session.
SENTENCE_END_RE = re.compile(r"[.!?\n](?=\s)")


def one_group_of_several(
    folded: str,
    tokens: list[Token],
    chosen: list[tuple[int, int]],
    roles: Roles,
    total: re.Match[str],
    value: int,
) -> bool:
    """A sum said again that is the enrolled less the absent of its own sentence, while
    people were counted in an earlier sentence: it sums one group, not the message."""
    if len(roles.enrolled) != 1 or not roles.absent:
        return False
    if value != roles.enrolled[0] - sum(roles.absent):
        return False
    own = sentence_start(folded, total.start())
    return any(
        tokens[w].group in PEOPLE_GROUPS and tokens[n].end < own and n not in roles.indexes
        for n, w in chosen
    )


# Words near a second count of a group that add it ("oja, nog 2"), besides ADDED_AFTER.
_ADDS = (ADDED_AFTER - {"en", "n"}) | {"later", "daarna", "toen", "oja", "oh", "vergeten", "vergat"}


def counted_again(folded: str, tokens: list[Token], starts: list[int]) -> bool:
    """The same group counted again in a later sentence with no word that adds ("nog",
    "erbij", "ook"): a correction, the same people again, or more? Asked."""
    for earlier, later in zip(starts, starts[1:], strict=False):
        if not SENTENCE_END_RE.search(folded, earlier, later):
            continue
        at = next(i for i, t in enumerate(tokens) if t.start == later)
        sentence = sentence_start(folded, later)
        near = {t.text for t in tokens[max(0, at - 6) : at + 4] if t.start >= sentence}
        opens = re.match(r"\s*(?:en|plus|\+)\b", folded[sentence:])  # "Oja. En 2 oma's"
        if not near & _ADDS and not opens:
            return True
    return False


def said_number(match: re.Match[str]) -> int | None:
    """The number a restated total says ("dus tien", "Alle 9 hebben"), if it is one."""
    said = next(g for g in match.groups() if g is not None)
    return numeral(said, said)


def sentence_start(folded: str, at: int) -> int:
    """Where the sentence holding `at` begins ("die tel ik niet. Totaal: 9" starts at T)."""
    ends = [m.end() for m in SENTENCE_END_RE.finditer(folded, 0, at)]
    return ends[-1] if ends else 0


def restated_total(
    folded: str, tokens: list[Token], chosen: list[tuple[int, int]]
) -> re.Match[str] | None:
    """The total said again without a people word after the counts; the last one said ("dus
    toch 8? Nee, hij zit al in de 7. Dus 7."); not a sum with staff or the writer in it."""
    last = max((tokens[i].end for pair in chosen for i in pair), default=0)
    said = [m for m in _RESTATED_TOTAL_RE.finditer(folded, last) if said_number(m) is not None]
    total = said[-1] if said else None
    if total is not None and STAFF_OR_ME_RE.search(folded, last, total.start()):
        return None  # "8 aanwezig plus ik en vrijwilliger Bert, dus tien": staff in the sum
    return total
