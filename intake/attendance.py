"""Who could have come and who did not: enrolled, listed, the group's size, room for people,
and absentees ("Ingeschreven: 12", "van de 8 cursisten", "de klas heeft 28", "plek voor 20",
"2 afwezig", "1 kwam gewoon niet"). Their numbers are taken out of the counts; when no one
is counted as present, present = enrolled - absent (intake.counting).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from intake.cues import ENROLLED_WORDS, PRESENCE_WORDS, Tok, within

# Absent words that label a number without a colon ("afgemeld 2"); the others need one
# ("Vakantie: 2"): "ondanks de vakantie zes kindjes" is six who came.
_ABSENT_LABELS = {"afwezig", "afgemeld", "afgezegd", "absent", "afmeldingen", "ziek"}
ABSENT_WORDS = {
    "afwezig", "afgemeld", "afgezegd", "ziek", "weggebleven", "absent", "afmeldingen",
    "vakantie", "verhinderd", "thuisgebleven", "wachtlijst", "dropped", "cancelled",
    "canceled", "missing", "sick", "afbeld", "afgebeld", "noshows", "no-shows", "griep",
}  # fmt: skip
# "ingeschreven zijn er 10" (not "van de 12 aanmeldingen waren er 9": those came).
_ENROLLED_ARE = [
    [done, verb]
    for done in ("ingeschreven", "aangemeld", "opgegeven")
    for verb in ("zijn", "waren")
]
_GROUP_SIZE_WORDS = {"groep", "klas", "club", "lijst", "vaste", "kring"}
# Room for people, not people: "plek voor 20", "max 12", "konden er 12 mee", "er passen 30".
_ROOM_LABELS = {"max", "maximaal", "maximum", "plekken"}  # right before the number
_ROOM_NOUNS = {"plek", "plekken", "plaats", "ruimte"}  # before "voor" and the number
_MAY_COME = {"konden", "kunnen", "mogen", "mochten", "passen", "past", "pasten"}


@dataclass
class Roles:
    """Numbers that say who could have come (`enrolled`) and who did not (`absent`), taken
    out of the count; when no one is counted as present, present = enrolled - absent."""

    enrolled: list[int] = field(default_factory=list)
    absent: list[int] = field(default_factory=list)
    # The token indexes of those numbers.
    indexes: set[int] = field(default_factory=set)
    # Absent among a group counted before: "29 leerlingen waarvan 4 afwezig".
    within: list[int] = field(default_factory=list)
    # Absent said in brackets after a count: "(26 kinderen, 2 ziek)", "8 (1 afgemeld)": among
    # them or besides them? Asked.
    bracketed: list[int] = field(default_factory=list)
    # Room for: "er konden 12 mensen meedoen", "plek voor 20", "maximaal 15". Never a count.
    capacity: list[int] = field(default_factory=list)


# "2 mensen niet komt", "3 zijn niet gekomen": absent; not "20 kinderen, niet precies geteld".
_NOT_CAME_RE = re.compile(
    r"[ \t]+(?:zijn[ \t]+)?niet[ \t]+(?:\w+[ \t]+)?(?:komt|komen|kwam|kwamen|gekomen|aanwezig|"
    r"verschenen|opgedaagd|er)\b"
    r"|[ \t]+(?:kwam|kwamen|is|zijn|was|waren)[ \t]+(?:\w+[ \t]+){0,2}niet\b"
    r"(?![ \t]+(?:alleen|meer|pas|op[ \t]+tijd|te[ \t]+laat))"
)  # also "1 kwam gewoon niet"; not "2 kwamen niet alleen"


_AWAY_ON = {"vakantie", "kamp", "excursie", "reis", "schoolreis", "stage", "cursus"}


def _in_counted_brackets(folded: str, at: int) -> bool:
    """`at` is inside brackets that follow a count or hold one before it."""
    opened = folded.rfind("(", 0, at)
    if opened < 0 or folded.rfind(")", 0, at) > opened:
        return False
    return bool(re.search(r"\d", folded[max(0, opened - 25) : at]))


def _class_size(folded: str, tokens: Sequence[Tok], i: int) -> bool:
    """A count in brackets right after a class or group name, with a presence count beside
    it: "Klas 2B (28 lln), 26 aanwezig"."""
    opened = folded.rfind("(", 0, tokens[i].start)
    if opened < 0 or folded[opened + 1 : tokens[i].start].strip():
        return False
    named = re.search(r"\b(?:klas|groep|gr)\b[^()\n]{0,8}$", folded[:opened])
    after = re.search(r"\)[^.\n]{0,6}\b\d+\s+(?:aanwezig|present|gekomen)", folded[tokens[i].end :])
    return named is not None and after is not None


def attendance_roles(folded: str, tokens: Sequence[Tok], used: set[int]) -> Roles:
    """Mark enrolled and absent numbers as used and return them:
    "Ingeschreven: 12", "ingeschreven 10 personen", "12 ingeschreven", "van de 8 cursisten
    (waren er 2 afwezig)", "de groep is 10 man", "groep van 10", "11 op de lijst", "7 van 8
    aanwezig" (the 8); "2 afwezig", "afwezig: 1", "2 mensen niet komt", "1 op vakantie"."""
    roles = Roles()

    def take(i: int, into: list[int]) -> None:
        value = tokens[i].value
        if value is None or i in used:
            return
        into.append(value)
        roles.indexes.add(i)
        used.add(i)
        if i + 1 < len(tokens) and tokens[i + 1].group is not None:
            used.add(i + 1)  # "ingeschreven 10 personen": the word goes with it

    for i, token in enumerate(tokens):
        if token.value is None or i in used:
            continue
        prev = [t.text for t in tokens[max(0, i - 3) : i]]
        nxt = [t.text for t in tokens[i + 1 : i + 5]]
        word_after = 1 if nxt and i + 1 < len(tokens) and tokens[i + 1].group else 0
        after = nxt[word_after : word_after + 3]
        # A label right before the number, nothing but a colon or dash between.
        gap = folded[tokens[i - 1].end : token.start] if i > 0 else ""
        label = prev[-1] if i > 0 and re.fullmatch(r"[ \t]*[:=-]?[ \t]*", gap) else ""
        if (
            label
            and not re.search(r"[:=-]", gap)
            and nxt[:1]
            and nxt[0] in PRESENCE_WORDS
            and not re.search(r"[,.;!?\n]", folded[token.end : tokens[i + 1].start])
        ):
            label = ""  # "negen ingeschreven acht gekomen": the eight came
        if (
            label in ENROLLED_WORDS
            or (len(prev) >= 2 and prev[-2] in ENROLLED_WORDS and prev[-1] in ("waren", "zijn"))
            or (prev[-3:-1] in _ENROLLED_ARE and prev[-1] == "er")
        ):
            take(i, roles.enrolled)  # "Ingeschreven: 12", "aangemeld waren 9"
        elif (
            label in ABSENT_WORDS and (re.search(r"[:=-]", gap) or label in _ABSENT_LABELS)
        ) or prev[-1:] == ["behalve"]:
            take(i, roles.absent)  # "Afwezig: 1", "iedereen behalve 1 van de 9"
        elif (
            after[:1]
            and after[0] in ENROLLED_WORDS
            and not re.search(r"[(),.;:\n]", folded[token.end : tokens[i + 1 + word_after].start])
        ):
            take(i, roles.enrolled)  # "12 ingeschreven", "8 aanmeldingen"; not "6 (ingeschr…"
        elif (
            prev[-1:]
            and prev[-1] in ("waarvan", "daarvan")
            and within(tokens, i + 1 + word_after, ABSENT_WORDS, folded)
        ):
            take(i, roles.absent)
            roles.within.append(roles.absent[-1])  # "29 leerlingen waarvan 4 afwezig"
        elif within(tokens, i + 1 + word_after, ABSENT_WORDS, folded) or (
            after[:1] == ["op"] and after[1:2] and after[1] in _AWAY_ON
        ):
            take(i, roles.absent)  # "2 afwezig", "1 op vakantie", "4 op kamp"
            if _in_counted_brackets(folded, token.start):
                roles.bracketed.append(roles.absent[-1])  # "26 kinderen, 2 ziek thuis)"
        elif (
            after[:1] == ["niet"]
            or after[:2] == ["zijn", "niet"]
            or (after[:1] and after[0] in ("kwam", "kwamen", "is", "zijn", "was", "waren"))
        ) and _NOT_CAME_RE.match(folded, tokens[i + word_after].end):
            take(i, roles.absent)  # "2 mensen niet komt", "3 zijn niet gekomen"
        elif (
            label in _ROOM_LABELS
            or (prev[-2:-1] and prev[-2] in _ROOM_NOUNS and prev[-1] == "voor")
            or (prev[-2:-1] and prev[-2] in _MAY_COME and prev[-1] == "er")
            or (prev[-1:] and prev[-1] in _MAY_COME and any(w.startswith("mee") for w in after[:2]))
        ):
            take(i, roles.capacity)  # "plek voor 20", "er konden 12 mensen meedoen"
        elif _class_size(folded, tokens, i):
            take(i, roles.enrolled)  # "Klas 2B (28 lln), 26 aanwezig": the class, not who came
        elif after[:2] == ["op", "de"] and after[2:3] and after[2] in ("lijst", "lieste", "liest"):
            take(i, roles.enrolled)  # "11 op de lijst"
        elif prev[-2:] == ["de", "lijst"] or prev[-2:] == ["op", "lijst"]:
            take(i, roles.enrolled)  # "op de lijst 29 lln, aanwezig 24"
        elif prev[-2:] == ["van", "de"] and not (i >= 3 and tokens[i - 3].value is not None):
            take(i, roles.enrolled)  # "van de 8 cursisten waren er 2 afwezig"
        elif (
            len(prev) >= 2
            and prev[-1] in ("van", "is", "heeft", "telt")
            and prev[-2] in _GROUP_SIZE_WORDS
        ):
            take(i, roles.enrolled)  # "groep van 10", "de groep is 10 man", "de klas heeft 28"
        elif (
            prev[-1:] == ["van"]
            and i >= 2
            and tokens[i - 2].value is not None
            and after[:1]
            and after[0] in PRESENCE_WORDS
        ):
            take(i, roles.enrolled)  # "7 van 8 aanwezig": the eight could have come
    return roles
