"""Doubts about a count reading: structures where a number next to a people word may not
be who came (helpers, people not taken part, several sittings, a count far from the others,
"elk met een kindje", the writer's own question mark). The count reader (intake.numbers)
leaves such groups empty, so the bot asks instead of storing a guess.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from intake.cues import PRESENCE_VERBS_AND_WORDS, Tok

PEOPLE_GROUPS = ("kinderen", "volwassenen", "mensen")

MORE = {"nog", "extra"}
# Two sittings in one message: a morning and an afternoon group, "nog een keer".
TWO_SESSIONS_RE = re.compile(
    r"(?=[\s\S]*\b(?:'s\s+)?(?:ochtend|ochtends|morgens|ochtendgroep|eerste\s+ronde)\b)"
    r"(?=[\s\S]*\b(?:'s\s+)?(?:middag|middags|avond|avonds|middaggroep|tweede\s+ronde)\b)"
    r"|\bnog\s+een\s+keer\s+\d"
)


def later_presence(folded: str, tokens: Sequence[Tok], chosen: list[tuple[int, int]]) -> set[int]:
    """A count read from a presence word alone in a later sentence than the people counts:
    "33 aanwezigen. Na de pauze waren er nog 27", "7 cursisten. 1 kwam voor het eerst"."""
    people = [n for n, w in chosen if tokens[w].text not in PRESENCE_VERBS_AND_WORDS]
    people = [n for n in people if tokens[n].value is not None]
    later: set[int] = set()
    for n, w in chosen:
        if tokens[w].text not in PRESENCE_VERBS_AND_WORDS or not people:
            continue
        first = min(tokens[p].start for p in people)
        if first >= tokens[n].start:
            continue
        if SENTENCE_END_RE.search(folded, first, tokens[n].start):
            later.add(n)
        elif folded[: tokens[n].start].rstrip().endswith(","):
            later.add(n)  # "7 cursisten, 1 kwam voor het eerst": one of them, or one more?
    return later


# Verbs that make the people before them helpers, not participants.
HELPING_RE = re.compile(
    r"[^.!?\n,;]{0,40}?\b(?:begeleidden|begeleidde|hielpen|hielp|assisteerden|"
    r"ondersteunden|verzorgden|leidden|organiseerden|hebben\s+geholpen|hielpen\s+mee|"
    r"helped(?:\s+out)?|assisted|die\s+de\s+\w+\s+gaven)\b"
    # Right after the word only: "4 moeders (meegenomen) voor de begeleiding".
    r"|[ \t]*(?:[a-z]+[ \t]+){0,6}(?:voor[ \t]+de[ \t]+begeleiding|ter[ \t]+begeleiding|"
    r"als[ \t]+begeleid(?:ing|ers?))\b"
)
# "begeleid door twee leerkrachten en drie ouders": who helped, named after the verb.
_HELPED_BY_RE = re.compile(
    r"\b(?:begeleid|geholpen|ondersteund|bijgestaan)\s+door\b[^.!?\n;:,]{0,40}$"
)
# "elk met een kindje", "ieder met hun kind": a count multiplied, not said.
EACH_RE = re.compile(
    r"\b(?:elk|ieder|allemaal|allen)\s+met\s+(?:een|hun|haar|zijn|z'n|\d+|twee|drie)\b"
    r"|\b(?:met|mei)\s+(?:elk|ieder)\b|\b(?:elk|ieder)\s+\w+\s+(?:met|mei)\s+(?:een|ien|hun)\b"
    r"|\b(?:aan|in|bij)\s+(?:elke|iedere|ieder|elk)\s+(?:tafel|groep|groepje|team|klas)\s+"
    r"(?:zaten\s+|waren\s+|er\s+)*(?:\d|een|twee|drie|vier|vijf|zes)"
)
# A count over several sessions: "de afgelopen weken steeds rond de 5", "meestal 12".
SEVERAL_RE = re.compile(
    r"\b(?:meestal|elke\s+keer|iedere\s+keer|telkens|steeds|gemiddeld|"
    r"afgelopen\s+(?:weken|maanden)[^.!?\n]{0,30}?)\s+(?:rond\s+de|zo'n|ongeveer|"
    r"een\s+stuk\s+of|\d+)"
    # couples on one appointment: how many people came is not said
    r"|\b(?:echtparen|stellen\s+kwamen|koppels)\b"
)
# Staff inside a count, said after it: "17 man, maar daar zitten 3 mentoren en ik bij".
STAFF_IN_RE = re.compile(
    r"\b(?:daar|hier)\s+(?:zit|zitten|zaten|zat|zijn|waren|is|was)\b[^.!?\n]{0,50}\bbij\b"
)
# The writer asks their own count: "Ik denk al met al 20 kinderen?" (an estimate without
# the question mark is the writer's number: "een stuk of tien, niet precies geteld").
UNSURE_RE = re.compile(
    r"\b\d+\s+[a-z']+\s*\?"
    # "evenveel ouders als kinderen, namelijk zes kinderen": the one count stands for two.
    r"|\bevenveel\b|\beven\s+veel\b"
    # "ruim 40 mensen, nou, precies 43": about one number, then exactly another; asked.
    r"|\b(?:ruim|ongeveer|zo'?n|circa|ca|rond|bijna)\s+\d+[^.!?\n]{0,40}\bprecies\s+\d+"
)


# The writer says a count is not counted: "die tel ik niet mee", "(telt niet mee)".
NOT_COUNTED_RE = re.compile(
    r"[^.!?\n]{0,100}?\b(?:tel(?:t|len)?\s+(?:ik|we|wij)?\s*niet\s+mee|telt\s+niet\s+mee|"
    r"niet\s+meegeteld|tellen\s+niet\s+mee|deden\s+niet\s+mee|deed\s+niet\s+mee|"
    r"tel\s+ik\s+(?:\w+\s+)?niet\b|telt\s+niet\b|(?<!precies\s)niet\s+geteld|"
    r"niet\s+meeded(?:en)?|niet\s+mee\s*deden|\w+(?:de|te|den|ten)\s+niet\s+mee\b|niet\s+mee(?:lazen|lezen|speelden|spelen|zongen|"
    r"knutselden|deden|doen|praatten|liepen)|(?:alleen\s+)?(?:even\s+)?kwam(?:en)?\s+kijken|"
    r"doen\s+niet\s+mee|doet\s+niet\s+mee|(?:alleen\s+)?meekeek|(?:alleen\s+)?meekeken|"
    r"not\s+count(?:ed)?|don't\s+count)\b"
)


def helps(folded: str, tokens: Sequence[Tok], word: int, number: int | None = None) -> bool:
    """The people of this count helped: "2 ouders hielpen mee", "4 moeders voor de
    begeleiding", "begeleid door 3 ouders"."""
    if number is not None and _HELPED_BY_RE.search(folded, 0, tokens[number].start):
        return True
    return HELPING_RE.match(folded, tokens[word].end) is not None


SENTENCE_END_RE = re.compile(r"[.!?](?=\s)|\n")


def far_counts(folded: str, tokens: Sequence[Tok], chosen: list[tuple[int, int]]) -> set[int]:
    """People counts that come a whole sentence or more after the previous count, without a
    word that adds them ("ook", "nog", "plus", "en"): a report says who came in one place,
    so a count further on may be about something else (a photo, a story, a plan)."""
    people = sorted(
        (n for n, w in chosen if tokens[w].group in PEOPLE_GROUPS and tokens[n].value is not None),
        key=lambda n: tokens[n].start,
    )
    far: set[int] = set()
    for previous, number in zip(people, people[1:], strict=False):
        between = folded[tokens[previous].end : tokens[number].start]
        ends = len(SENTENCE_END_RE.findall(between))
        before = {t.text for t in tokens[max(0, number - 3) : number]}
        same = _group_of(tokens, chosen, previous) == _group_of(tokens, chosen, number)
        if ends >= 1 and same and "nog" in before:
            far.add(number)  # "15 deelnemers. Eerst zei ik 12, daarna kwamen nog 3 mensen"
        elif ends >= 2 and not before & {"ook", "nog", "plus", "en", "extra", "erbij"}:
            far.add(number)
    return far


def _group_of(tokens: Sequence[Tok], chosen: list[tuple[int, int]], number: int) -> str | None:
    return next((tokens[w].group for n, w in chosen if n == number), None)
