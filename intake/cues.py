"""Token readings that qualify a count: corrections, presence and enrolment, attendance verbs.

These work on the count reader's tokens (intake.numbers) by their typed role, not on whole
sentences, so they compose: "15 kinderen, sorry 16" (a correction marker between two numbers
of one group), "12 ingeschreven, 9 aanwezig" (an enrolment word and a presence word), "er
kwamen er maar vier" (an attendance verb before a number, only filler words between).

Decisions:
- A correction ("15, sorry 16", "15 kinderen nee 16", "niet 15 maar 16") keeps the later
  number, in the place of the first: the writer said which one is right.
- A number with a presence word or attendance verb and no count word is a count of people in
  general ("9 aanwezig", "aanwezig: 9", "er kwamen er maar vier", "opkomst 9"); after a count
  word the word's own group wins ("kinderen aanwezig: 9").
- Enrolment words (ingeschreven, aangemeld) and absence words (afgemeld, ziek) take their
  number out of play: enrolled is not attendance.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol


class Tok(Protocol):
    text: str
    value: int | None
    group: str | None
    start: int
    end: int
    colon: bool


CORRECTION_MARKERS = {
    "sorry", "sry", "sorrie", "soz", "nee", "neee", "eh", "uh", "euh", "ehh", "oeps", "oops",
    "correctie", "bedoel", "bedoelde", "eigenlijk", "wacht", "oh", "o", "ik", "moet", "zijn",
    "het", "waren", "verbetering", "typfout", "tikfout", "huh", "pardon", "er", "toch", "dat",
    "of", "eerder", "nou", "precies", "zeg", "verkeerd", "geteld", "fout", "foutje",
}  # fmt: skip
# At least one of these must be there: "ik" or "het" alone are no correction.
STRONG_CORRECTION = {
    "sorry", "sry", "sorrie", "soz", "nee", "neee", "eh", "uh", "euh", "ehh", "oeps", "oops",
    "correctie", "bedoel", "bedoelde", "eigenlijk", "wacht", "verbetering", "typfout",
    "tikfout", "huh", "pardon",
}  # fmt: skip
PRESENCE_WORDS = {
    "aanwezig", "present", "gekomen", "opgekomen", "kwamen", "kwam", "verschenen", "opkomst",
    "aantal", "aanw", "opgedaagd", "showed", "attended", "came", "hoeveel", "turnout",
    "attendance",
}  # fmt: skip
ATTENDANCE_VERBS = {
    "kwamen", "kwam", "waren", "zaten", "verschenen", "opkomst", "aantal", "werden", "hadden",
    "gekomen", "warn", "waarn", "wazzen", "wienen", "wieren", "hoeveel",
}  # fmt: skip
# After a number: "9 aanwezig", "9 kwamen", "12 showed up".
PRESENCE_AFTER = (PRESENCE_WORDS - {"aantal", "opkomst"}) | {"bezet"}  # "48 bezet": seats taken
PRESENCE_VERBS_AND_WORDS = PRESENCE_WORDS | ATTENDANCE_VERBS | {"waren", "zaten"}
# What may follow a number read from an attendance verb: "er waren 12 boeken" is no count.
AFTER_ATTENDANCE = {
    "er", "en", "van", "op", "in", "bij", "vandaag", "waarvan", "maar", "man", "door", "ivm",
    "want", "omdat", "vanwege", "wegens", "dus", "toch", "vanochtend", "vanmiddag", "vanavond",
}  # fmt: skip
FILLERS = {
    "er", "maar", "slechts", "zon", "zo'n", "ongeveer", "wel", "toch", "nog", "ook", "precies",
    "in", "totaal", "uiteindelijk", "we", "wij", "nu", "vandaag", "dit", "keer", "deze",
    "bijna", "ruim", "circa", "ca", "plm", "zelfs", "al", "gewoon", "weer", "is", "volgens",
    "mij", "me", "denk", "schat", "up",
}  # fmt: skip
ENROLMENT_WORDS = {
    "ingeschreven", "aangemeld", "aanmeldingen", "inschrijvingen", "opgegeven", "afgemeld",
    "afwezig", "ziek", "afgezegd", "verwacht", "uitgenodigd", "aanmelding", "inschrijving",
    "plekken", "plaatsen",
}  # fmt: skip


NEW_WORDS = {"nieuw", "nieuwe", "new", "nieuwelingen", "nije", "nij"}


def apply_corrections(tokens: Sequence[Tok]) -> None:
    """'15 kinderen, sorry 16' -> the 16 takes the 15's place; the 15 is gone."""
    for i, token in enumerate(tokens):
        if token.value is None:
            continue
        k = i + 1
        group: str | None = None
        if k < len(tokens) and tokens[k].group is not None:
            group = tokens[k].group
            k += 1
        markers: list[str] = []
        while k < len(tokens) and tokens[k].text in CORRECTION_MARKERS | {"maar"}:
            markers.append(tokens[k].text)
            k += 1
        negated = i > 0 and tokens[i - 1].text == "niet" and markers[:1] == ["maar"]
        if not markers or len(markers) > 6 or k >= len(tokens) or tokens[k].value is None:
            continue
        if not (negated or STRONG_CORRECTION & set(markers)):
            continue
        after = tokens[k + 1].group if k + 1 < len(tokens) else None
        if after is not None and group is not None and after != group:
            continue  # "15 kinderen, nee 3 ouders" names another group
        if after is None:
            # "15 kinderen, sorry 16", "Aanwezig 10, nee 11": the later number in the place
            # of the first, so the first's word or label counts it.
            token.value, tokens[k].value = tokens[k].value, None
        else:
            token.value = None


_SEATS_RE = re.compile(r"\b(?:stoelen|plaatsen|plekken|zitplaatsen|stoel)\b")


def presence_pairs(folded: str, tokens: Sequence[Tok], used: set[int]) -> list[tuple[int, int]]:
    """(number, word) pairs read from presence words and attendance verbs; enrolled numbers
    are added to `used` so no other reading takes them."""
    pairs: list[tuple[int, int]] = []
    for i, token in enumerate(tokens):
        if token.value is None or i in used or folded[: token.start].rstrip().endswith("("):
            continue  # "Noor (5) waren er": an age in brackets, not a count
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if (
            nxt is not None
            and nxt.text in ENROLMENT_WORDS
            and not re.search(r"[,.;:()\n]", folded[token.end : nxt.start])
        ):
            used.add(i)
            continue
        more = i > 0 and tokens[i - 1].text in ("nog", "plus", "extra", "ook")
        sentence = re.split(r"[.!?\n]", folded[: token.start])[-1]
        if i > 0 and tokens[i - 1].text == "en" and re.search(r"\bvaste\b", sentence):
            more = True  # "8 vaste breisters en 3 nieuwe dames": the new ones came too
        if nxt is not None and nxt.text in NEW_WORDS and not more:
            # "2 nieuw mensen", "1 nieuwe": who was new among those counted, not more people.
            used.update((i, i + 1))
            if i + 2 < len(tokens) and tokens[i + 2].group is not None:
                used.add(i + 2)
            continue
        if (
            nxt is not None
            and nxt.group is not None
            and within(tokens, i + 2, ENROLMENT_WORDS, folded)
        ):
            used.update((i, i + 1))  # "twee deelnemers hadden zich afgemeld", "6 volk ingeschreven"
            continue
        if (
            nxt is not None
            and nxt.group is not None
            and not re.search(r"[,.;:!?\n]", folded[token.end : nxt.start])
        ):
            continue  # "9 kinderen": the count reader pairs it; not "Aanwezig: 9\nBegeleiders"
        # "9 aanwezig", "9 waren er", "9 gekomen"
        j = i + 1
        while j < len(tokens) and tokens[j].text in {"er", "zijn", "is"} and j < i + 3:
            j += 1  # "7 is gekomen" (second-language Dutch)
        there = j + 1 < len(tokens) and tokens[j + 1].text in ("er", "d'r")
        present = j < len(tokens) and (
            tokens[j].text in PRESENCE_AFTER
            or (tokens[j].text in ("waren", "zaten", "warn", "waarn", "wazzen") and there)
        )
        if present and re.search(r"[\n.!?;]", folded[token.end : tokens[j].start]):
            present = False  # "6\nAantal: 9", "lesson 2. Attendance 5": the next one's label
        if present and tokens[j].text == "bezet" and not _SEATS_RE.search(sentence):
            present = False  # "48 bezet" after "60 stoelen"; not "pc 1 t/m 6 bezet"
        if (
            present
            and j + 1 < len(tokens)
            and tokens[j + 1].text in ("terug", "weer", "twee", "2x")
        ):
            present = False  # "1 kwam terug voor een tweede vraag": one of them, again
        if present and tokens[j].value is None:
            pairs.append((i, _as_people(tokens, j)))
            used.update((i, j))
            continue
        # "er kwamen er maar vier", "aanwezig: 9", "opkomst 9"
        j = i - 1
        while j >= 0 and tokens[j].text in FILLERS and j > i - 5:
            j -= 1
        if (
            j >= 0
            and j not in used
            and tokens[j].value is None
            and (tokens[j].text in PRESENCE_WORDS or tokens[j].text in ATTENDANCE_VERBS)
            and _ends_clause(folded, token, nxt)
        ):
            pairs.append((i, _as_people(tokens, j)))
            used.update((i, j))
    return pairs


def _as_people(tokens: Sequence[Tok], j: int) -> int:
    """The word a presence count belongs to: the count word right before it ("kinderen
    aanwezig") or else the presence word itself, read as people in general."""
    if j > 0 and tokens[j - 1].group is not None and tokens[j - 1].value is None:
        return j - 1
    tokens[j].group = "mensen"
    return j


def _ends_clause(folded: str, token: Tok, nxt: Tok | None) -> bool:
    if nxt is None or nxt.text in AFTER_ATTENDANCE:
        return True
    rest = folded[token.end :].lstrip(" \t")
    return not rest or rest[0] in ".,;!?\n)("


LABEL_FILLERS = {"ca", "circa", "ongeveer", "zon", "zo'n", "plm", "bijna", "ruim", "totaal", "ong"}


def _presence_like(word: str) -> bool:
    """A presence word or attendance verb, or a slip of "waren" ("warn", "wazzen")."""
    if word in PRESENCE_WORDS or word in ATTENDANCE_VERBS or word in ("er", "d'r", "aanwezig"):
        return True
    return word.startswith("wa") and len(word) <= 7


def label_pairs(tokens: Sequence[Tok], used: set[int], folded: str = "") -> list[tuple[int, int]]:
    """Counts written as a label: "kinderen: 12", "bezoekers: ca. 45", "Mensen die werk
    zoeken: 7" (a people word earlier in the label), "6 van de 8 cursisten", "5 vd 8"."""
    pairs: list[tuple[int, int]] = []
    for i, t in enumerate(tokens[:-1]):
        if not t.colon:
            continue
        k = i + 1
        while k < len(tokens) and tokens[k].text in LABEL_FILLERS and k < i + 3:
            k += 1
        if k >= len(tokens) or tokens[k].value is None:
            continue
        word = i if t.group is not None else None
        if (
            word is not None
            and i > 0
            and tokens[i - 1].value is not None
            and not folded[tokens[i - 1].end : t.start].strip()
        ):
            continue  # "10 deelnemers: 4 uit Polen, 3 uit …": the parts of a counted group
        if k + 1 < len(tokens) and tokens[k + 1].text in ENROLLED_WORDS:
            continue  # "jongeren: 8 ingeschreven": who enrolled, not who came
        if [t.text for t in tokens[k + 1 : k + 3]] == ["op", "de"]:
            continue  # "Leerlingen: 26 op de lijst, 3 ziek": the list, not who came
        if word is None:
            # "Mensen die werk zoeken: 7": a people word a few words back, with no number.
            for j in range(i - 1, max(i - 5, -1), -1):
                if tokens[j].value is not None or tokens[j].colon:
                    break
                if tokens[j].group in ("kinderen", "volwassenen", "mensen", "vragen"):
                    word = j
                    break
        counted = (
            word is not None
            and word > 0
            and tokens[word - 1].value is not None
            and not re.search(r"[,.;:!?\n]", folded[tokens[word - 1].end : tokens[word].start])
        )
        if word is None or counted:
            continue  # "samen 9 vragen: 4 huur, 3 arbeid": the parts of a counted group
        pairs.append((k, word))
    # "6 van de 8 cursisten", "5 vd 8": six came; the eight (enrolled) is not attendance.
    for i, token in enumerate(tokens):
        if token.value is None:
            continue
        texts = [t.text for t in tokens[i + 1 : i + 3]]
        skip = (
            3
            if texts in (["van", "de"], ["out", "of"])
            else 2
            if texts[:1] in (["vd"], ["van"])
            else 0
        )
        if not skip or i + skip >= len(tokens) or tokens[i + skip].value is None:
            continue
        if i > 0 and tokens[i - 1].text in ("behalve", "op"):
            continue  # "iedereen behalve 1 van de 9", "op 2 na": who did not come (absent)
        bare = texts[:1] == ["van"] and texts != ["van", "de"]
        j = i + skip + 1
        word = j if j < len(tokens) and tokens[j].group is not None else None
        if word is None and not bare and j + 1 < len(tokens) and tokens[j + 1].group is not None:
            word = j + 1  # "6 van de 8 ingeschreven cursisten"
        if word is not None and re.search(
            r"[,.;:!?\n]", folded[tokens[i + skip].end : tokens[word].start]
        ):
            # "2 van 4, 4 ouders", "5 out of 6. One lady": the word belongs to what follows
            word = None
            if bare:
                continue
        if word is not None:
            pairs.append((i, word))
        else:
            after = tokens[j].text if j < len(tokens) else ""
            if after and re.search(r"[,.;:!?\n]", folded[tokens[j - 1].end : tokens[j].start]):
                after = ""  # "Wie: 5 vd 8\nLes: 4": the line ends after the eight
            if not bare and after and not _presence_like(after) and after not in ENROLLED_WORDS:
                continue  # "2 van de 15 wilden niet opstarten": not people
            if bare and after not in PRESENCE_WORDS:
                continue  # "7 van 8 aanwezig" is people; "41 van 50 punten", "2 van 4" (jaar) not
            tokens[i + 1].group = "mensen"  # "5 vd 8", "7 van 8 aanwezig": people
            pairs.append((i, i + 1))
        used.add(i + skip)
    # "9 deelnemers van de 11 leden": the eleven are who could have come.
    for i in range(len(tokens) - 4):
        texts = [t.text for t in tokens[i + 2 : i + 4]]
        if (
            tokens[i].value is not None
            and tokens[i + 1].group is not None
            and (texts == ["van", "de"] or texts[:1] == ["vd"])
        ):
            k = i + 4 if texts == ["van", "de"] else i + 3
            if tokens[k].value is not None:
                used.add(k)
                if k + 1 < len(tokens) and tokens[k + 1].group is not None:
                    used.add(k + 1)
    for pair in pairs:
        used.update(pair)
    return pairs


# Who could have come, and who did not: enrolled, on the list, the group's size; absent.
ENROLLED_WORDS = {
    "ingeschreven", "aangemeld", "aanmeldingen", "inschrijvingen", "opgegeven", "aanmelding",
    "inschrijving", "enrolled", "registered", "signed",
}  # fmt: skip


def within(tokens: Sequence[Tok], start: int, words: set[str], folded: str = "") -> bool:
    """One of `words` within four words from `start`, no number or people word before it:
    "2 hebben zich afgemeld", "één is zonder bericht weggebleven"."""
    for k in range(start, min(start + 4, len(tokens))):
        if (
            folded
            and k > 0
            and re.search(r"[,.!?;:()\n]", folded[tokens[k - 1].end : tokens[k].start])
        ):
            return False  # "14 gekomen. Wachtlijst van 6": another clause
        if tokens[k].text in words:
            return True
        if tokens[k].value is not None or tokens[k].group is not None:
            return False
    return False
