"""Readings of a whole message that the token reader cannot see, and the questions they raise.

Each reading says what a field is, or, when two readings disagree or one rests on a weak cue,
leaves the field empty and returns an `Ambiguity`: the candidates and one question that a
leader answers with one tap. Precision first: a question costs a tap, a wrong value that a
tired leader confirms is stored.

- "met z'n achten", "we waren met 9": the writer may be one of them; asked (8 or 7).
- "met mij erbij", "inclusief mezelf": the writer counted themselves in; taken out.
- "niemand kwam", "geen deelnemers": nobody came, 0.
- "15 of 16 kinderen", "15-20 kinderen": a range; asked with both ends.
- two different days: asked with both.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from intake import texts
from intake.numbers import count_group, numeral

# "met z'n achten", "met zijn 8en", "met ons vieren", "we waren met 9".
_GROUP_FORM = {
    "tweeen": 2, "drieen": 3, "vieren": 4, "vijven": 5, "zessen": 6, "zevenen": 7, "achten": 8,
    "negenen": 9, "tienen": 10, "elven": 11, "twaalven": 12, "dertienen": 13, "veertienen": 14,
    "vijftienen": 15, "twintigen": 20,
}  # fmt: skip
_WITH_US_RE = re.compile(
    r"\b(?:met|mit|mei)\s+(?:z'n|zn|zijn|zien|ons|onze|z'on|us)\s+(\d+|[a-z]+?)"
    r"(?:\s*-?\s*(?:e?n))?\b"
    r"|\b(?:we|wij)\s+(?:waren|zaten|zijn)\s+(?:\w+\s+)?met\s+(?:(?:z'n|zn|zijn|ons)\s+)?"
    r"(\d+|[a-z]+)\b(?P<people>\s+(?:[a-z]+\s+)?[a-z']+)?"
)
# A staff count right before "incl mezelf": "3 begeleiders incl mezelf", "2 vrijwilligers (incl.".
_STAFF_BEFORE_RE = re.compile(
    r"\b\d+\s+(?:begeleiders|vrijwilligers|vrijw|leiders|leiding|coaches|mentoren|docenten|"
    r"medewerkers|collega's|collegas)\s*[(,]?\s*$"
)
# Right after "incl mij": more staff in the count ("en de 2 andere begeleiders", "en Joost
# (vrijw)", "en collega Anja").
_STAFF_WITH_SELF_RE = re.compile(
    r"\s+(?:en|&|\+)\s+(?:de\s+|mijn\s+|onze\s+)?(?:(\d+|twee|drie|vier)\s+(?:andere\s+)?"
    r"(?:begeleiders|vrijwilligers|collega'?s|leiders|mentoren)\b"
    r"|(?:collega|vrijwilliger|vrijwilligster|begeleider|mentor)\s+[a-z]+\b"
    r"|[a-z]+\s*\((?:vrijw|vrijwilliger|vrijwilligster|collega|begeleider|mentor)\w*\.?\))"
)
_SELF_IN_RE = re.compile(
    r"\b(?:met\s+(?:mij|mijzelf|mezelf|mn\s*zelf)\s+(?:erbij|mee)|(?:inclusief|incl\.?|inc\.?)\s+"
    r"(?:mij|mijzelf|mezelf|mij\s+zelf)|(?:ik|mezelf|mijzelf)\s+(?:ook\s+)?(?:meegeteld|"
    r"meegerekend|inbegrepen|incluis|erbij\s+geteld)|ikzelf\s+(?:ook\s+)?(?:meegeteld|"
    r"meegerekend|inbegrepen)|ik\s+tel\s+(?:mezelf|mijzelf|mij)\s+mee|"
    r"(?:mij|mezelf)\s+(?:meegeteld|meegerekend)|(?:ik|mezelf|mijzelf)\s+inbegrepen|"
    r"ik\s+tel\s+(?:mij|mezelf|mijzelf)\s+(?:ook\s+)?(?:mee)?(?!\s*niet\b)|"
    r"(?<=[a-z])\s+met\s+(?:mij|mezelf)(?=\s*(?:[.,!;]|$))|"
    r"mij\s+(?:d'r|der|er)\s*bij(?:\s+(?:ge)?teld)?|ik\s+meiteld|"
    # "met z'n negenen, ik dus ook": right after the group form only.
    r"(?<=en)[,\s]+(?:en\s+)?ik\s+(?:dus\s+)?ook(?:\s+meegeteld)?)\b"
)
# "mezelf niet meegeteld", "zonder mij": the number is without the writer.
_SELF_OUT_RE = re.compile(
    r"\b(?:(?:ik|mezelf|mijzelf|mij)\s+(?:niet|nie)\s+(?:meegeteld|meegerekend|inbegrepen)|"
    r"zonder\s+(?:mij|mezelf|mijzelf)(?:\s+(?:erbij|meegeteld))?|(?:exclusief|excl\.?)\s+"
    r"(?:mij|mezelf|mijzelf))\b"
)
_NOBODY_RE = re.compile(
    r"\bniemand\b(?:\s+[a-z']+){0,3}?\s+(?:gekomen|kwam|verschenen|aanwezig|opgedaagd|"
    r"geweest|komen\s+opdagen|op\s+komen\s+dagen)\b"
    r"|\b(?:kwam|was|waren)\s+(?:er\s+)?(?:helemaal\s+)?niemand\b"
    r"|\bgeen\s+(?:enkele\s+)?(?:deelnemers|deelnemer|bezoekers|bezoeker|aanmeldingen|opkomst|"
    r"mensen)\b"
)


@dataclass(frozen=True)
class Ambiguity:
    """A field left empty because the message can be read in two ways; `candidates` are the
    values a leader chooses from, `question` asks it in one sentence."""

    field: str
    candidates: list[Any]
    question: str
    kind: str = "count"

    def to_contract(self) -> dict[str, Any]:
        values = [c.isoformat() if isinstance(c, date) else c for c in self.candidates]
        return {"field": self.field, "candidates": values, "question": self.question}


@dataclass
class PeopleHints:
    """What the whole-message readings say about the people who came."""

    # The writer counted themselves in: take one off the total.
    self_in: bool = False
    # Staff counted in with the writer: "incl mij en de 2 andere begeleiders" (2).
    staff_with_self: int = 0
    # The writer said they are not in the number.
    self_out: bool = False
    # Nobody came.
    nobody: bool = False
    # "met z'n achten": the number said, the writer perhaps among them.
    with_us: int | None = None
    ambiguities: list[Ambiguity] = field(default_factory=list)


def _value(word: str) -> int | None:
    if word in _GROUP_FORM:
        return _GROUP_FORM[word]
    if word + "en" in _GROUP_FORM:
        return _GROUP_FORM[word + "en"]  # "twaalv|en", "elv|en": the form's stem
    if word.isdigit():
        return int(word)
    return numeral(word, word)


def _names_people(words: str) -> bool:
    return any(count_group(w) in ("kinderen", "volwassenen", "mensen") for w in words.split())


def read_people_hints(folded: str) -> tuple[PeopleHints, str]:
    """The hints, and `folded` with the phrases read blanked (their numbers are no counts)."""
    from intake.text import blank

    hints = PeopleHints()
    self_out = _SELF_OUT_RE.search(folded)
    if self_out:
        hints.self_out = True
        folded = blank(folded, self_out.start(), self_out.end())
    self_in = _SELF_IN_RE.search(folded)
    if self_in and re.search(r"\bhad(?:den)?\s+$", folded[: self_in.start()]):
        self_in = None  # "sorry 12, had mezelf meegeteld": the correction took it out
    if self_in and _STAFF_BEFORE_RE.search(folded[: self_in.start()]):
        # "3 begeleiders incl mezelf": the writer is in the staff count, not the people's.
        folded = blank(folded, self_in.start(), self_in.end())
        self_in = None
    if self_in:
        hints.self_in = True
        folded = blank(folded, self_in.start(), self_in.end())
        staff = _STAFF_WITH_SELF_RE.match(folded, self_in.end())
        if staff:
            said = staff.group(1)
            hints.staff_with_self = (_value(said) or 0) if said else 1
            folded = blank(folded, staff.start(), staff.end())
    if _NOBODY_RE.search(folded):
        hints.nobody = True
    match = _WITH_US_RE.search(folded)
    if match and match.group(2) and _names_people(match.group("people") or ""):
        match = None  # "we zaten met 9 bewoners": a count of people, the writer not in it
    if match:
        value = _value(match.group(1) or match.group(2) or "")
        if value is not None and value > 1:
            hints.with_us = value
            end = match.end(1) if match.group(1) else match.end(2)
            folded = blank(folded, match.start(), end)
    return hints, folded


def with_us_ambiguity(value: int, key: str) -> Ambiguity:
    return Ambiguity(
        f"counts.{key}", [value, value - 1], texts.WITH_US.format(n=value, m=value - 1), "count"
    )


def range_ambiguities(folded: str, matches: list[re.Match[str]], generic: str) -> list[Ambiguity]:
    """'15 of 16 kinderen': both numbers offered, with the group of the word after them."""
    found: list[Ambiguity] = []
    for match in matches:
        numbers = [int(n) for n in re.findall(r"\d+", match.group())]
        words = re.findall(r"[^\W\d_']+(?:'s)?", folded[match.end() : match.end() + 40])[:2]
        groups = [count_group(w) for w in words]
        group = next((g for g in groups if g is not None), None)
        if len(numbers) != 2 or group not in ("kinderen", "volwassenen", "mensen"):
            continue
        key = generic if group == "mensen" else str(group)
        label = texts.GROUP_LABEL.get(key, key)
        question = texts.WHICH_COUNT.format(a=numbers[0], b=numbers[1], label=label)
        found.append(Ambiguity(f"counts.{key}", numbers, question, "count"))
    return found


def dates_ambiguity(days: set[date]) -> Ambiguity | None:
    if len(days) != 2:
        return None
    first, second = sorted(days, reverse=True)
    question = texts.WHICH_DAY.format(a=texts.short_day(first), b=texts.short_day(second))
    return Ambiguity("date", [first, second], question, "date")


def quote_ambiguity(text: str) -> Ambiguity:
    return Ambiguity("quotes", [text], texts.QUOTE_OR_TITLE.format(text=text), "quote")


# "Yasmina (5) en Adam (8)": people named with their age.
_NAMED_RE = re.compile(r"\b([A-Z][a-z\u00e0-\u00ff]+)\s*\(\s*(\d{1,2})\s*(?:jaar|jr)?\s*\)")
ADULT_AGE = 18


def named_people(
    original: str, folded: str, is_place: Callable[[str], bool] = lambda _: False
) -> tuple[dict[str, int], str]:
    """Counts of people named with an age (children under 18, adults from 18), and `folded`
    with them blanked, so a people word left over ("en moeder las") can be seen."""
    from intake.text import blank

    counts: dict[str, int] = {}
    for match in _NAMED_RE.finditer(original):
        if is_place(match.group(1)):
            continue  # "Breicafé in Norg (9)": a place with its count, not a child of nine
        group = "kinderen" if int(match.group(2)) < ADULT_AGE else "volwassenen"
        counts[group] = counts.get(group, 0) + 1
        folded = blank(folded, match.start(), match.end())
    return counts, folded


# A correction of what was said before, anywhere in the message: "Nee wacht, …", "Correctie:",
# "o nee dat laatste klopt niet", "ik had Bert dubbel geteld". The inline kind ("15, sorry
# 16") is read by the count reader itself (intake.cues.apply_corrections).
_LATE_CORRECTION_RE = re.compile(
    r"(?<!\S)\*(?=\s*\d)|\bnee+\b(?=[\s,.!:]*\d)|\b(?:sorry|sry|sorrie|oeps|oops|correctie|"
    r"verbetering|edit|typfout|tikfout|wacht|nagevraagd|nageteld|nagerekend|nagekeken|"
    r"andersom|o+h?\s+nee+|of\s+nee|nee+\s+toch|klopt\s+niet|was\s+fout|is\s+fout|"
    r"dubbel\s+geteld|verkeerd\s+geteld|fout\s+geteld|bedoel\s+ik|ik\s+bedoel(?:de)?)\b"
)
_NUMBER_WORD_RE = re.compile(
    r"\b(?:\d+|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|"
    r"vijftien|zestien|zeventien|achttien|negentien|twintig|dertig|veertig|vijftig)\b"
)


def _number_after(folded: str, at: int) -> tuple[int, str | None] | None:
    """The number within the three words after `at` (digits or a word, not the article
    "een"), with the people group of the word after it, or None."""
    words = re.findall(r"[a-z0-9']+", folded[at : at + 60])[:4]
    for k, word in enumerate(words[:3]):
        value = numeral(word, word)
        if value is not None and (word.isdigit() or word != "een"):
            nxt = words[k + 1] if k + 1 < len(words) else ""
            return value, count_group(nxt) if nxt else None
    return None


def first_number_after(folded: str, at: int) -> int | None:
    """The number right after a correction marker, with no people word after it ("Nee 8,
    Gerda was alleen …"), or None."""
    found = _number_after(folded, at)
    return found[0] if found is not None and found[1] is None else None


def _number_right_after(folded: str, at: int, group: str | None = None) -> bool:
    """A number right after `at` with no people word of its own after it ("sorry 12", "nee
    wacht tweeëntwintig") or the same group's word ("10 ouders... nee 9 ouders")."""
    found = _number_after(folded, at)
    return found is not None and (found[1] is None or (group is not None and found[1] == group))


_FILLER_MARKS = {"nee", "neee", "o", "oh", "eh", "uh", "euh", "sorry", "wacht", "oeps", "of"}


def late_correction(folded: str) -> int | None:
    """Where a correction starts that comes after the first number and has a number after
    it: the counts after it replace the ones before ("8 kinderen en 6 volwassenen. Nee
    wacht, … dus 10 kinderen en 7 volwassenen"). Not the inline kind, a number and at most
    its people word right before the marker and a number right after ("13 mensen sorry
    12"): the count reader corrects that in place."""
    first = _NUMBER_WORD_RE.search(folded)
    if first is None:
        return None
    found = None
    for match in _LATE_CORRECTION_RE.finditer(folded, first.end()):
        if not _NUMBER_WORD_RE.search(folded, match.end()):
            continue
        before = [m for m in _NUMBER_WORD_RE.finditer(folded, 0, match.start())]
        words = re.findall(r"[a-z]+", folded[before[-1].end() : match.start()]) if before else []
        gap = [w for w in words if w not in _FILLER_MARKS]
        # Inline when only the number's people word stands between ("13 mensen sorry 12");
        # "9 aanwezig. Nee 8" the count reader cannot correct in place.
        group = count_group(gap[0]) if gap else None
        inline = (
            all(count_group(w) is not None for w in gap)
            and len(gap) <= 1
            and _number_right_after(folded, match.end(), group)
        )
        found = None if inline and match.group() != "*" else match.start()
    return found


# The total said again after a correction: "dus 11", "Het zijn er 10", "het waren er 7".
_RESTATED_RE = re.compile(
    r"\b(?:dus|totaal|het\s+(?:zijn|waren)\s+er|er\s+waren\s+er|waren\s+er|=)\s*"
    r"(\d+|[a-z]+)\b"
)


def restated_number(folded: str) -> int | None:
    """The one number restated in `folded` without a people word, or None."""
    values = [numeral(m.group(1), m.group(1)) for m in _RESTATED_RE.finditer(folded)]
    found = [v for v in values if v is not None]
    return found[-1] if found else None
