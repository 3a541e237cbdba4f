"""The free-text parser: one message from a leader -> what the bot understood.

`parse_message` is pure (no clock, no database): the caller passes the catalogue and today.
When the text does not say something, the value stays empty and the field is listed in
`missing`, so the bot asks instead of guessing: a wrong value a tired leader confirms is worse
than a question.

Order of reading: quotes (and who said them) are taken out first, so words inside a quote never
become an activity, a place or a count. Then time ranges ("10.00-11.30", never a date) and
explicit dates; then times, ages, lesson and group numbers, percentages, money and years are
blanked (they are never counts); then the remaining day words; then the activity and the
vestiging (toc.matcher); then weekday abbreviations ("za", "di."), once names are out of the
way; what is left is read for counts.

Design (issue 17): the message is read as typed tokens, and each field is derived from a few
readings that compose: numbers and number words (intake.numbers), people words by group
(intake.countwords), presence, enrolment, correction and label words (intake.cues), how a
group's counts combine (intake.groups), speech verbs, speech marks and title nouns
(intake.speech, intake.quotes), day and month words (intake.dates), activity and place names
(intake.mentions), and whole-message readings (intake.readings). Where two readings of a field
disagree or one rests on a weak cue, the field stays empty and `ambiguities` holds the
candidates and one question ("15 of 16 kinderen?"): the chat offers them as buttons.

Counts: kinderen/kids/peuters/… -> "kinderen"; ouders/opa's/volwassenen/… -> "volwassenen";
deelnemers/cursisten/bezoekers/mensen/… -> "deelnemers" ("bezoekers" for a spreekuur);
vragen -> "vragen". participants = the stated total ("totaal 20") or else the people counts
added up; a generic count that is at least kinderen + volwassenen is read as the total
("20 deelnemers, waarvan 12 kinderen"). Staff and volunteers are never participants.
Without any count word, one lone number after the activity or place is the participants
("Samenlezen Havelte 6"). People who came along uncounted ("8 kinderen met hun ouders") or a
count below zero ("-5 kinderen", refused: `negative`) leave the total unknown.
See intake.dates for the day rules and intake.numbers for numerals and vague numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from intake import texts
from intake.dates import (
    DateFinding,
    find_abbreviated_days,
    find_explicit_dates,
    find_other_dates,
)
from intake.mentions import (
    find_activity,
    find_location,
    matchers_for,
)
from intake.numbers import (
    CountReading,
    bare_number,
    count_words_pattern,
    masked_groups,
    read_counts,
)
from intake.quotes import extract_quotes
from intake.readings import (
    Ambiguity,
    PeopleHints,
    dates_ambiguity,
    late_correction,
    named_people,
    quote_ambiguity,
    range_ambiguities,
    read_people_hints,
    restated_number,
    with_us_ambiguity,
)
from intake.text import blank, blank_all, fold, join_split_numbers, spoken_marks
from toc.models import Catalogue

_AGE_UNITS = r"(?:jaar|jr|jarigen|jarige|maanden|maand|mnd)"
_HOURS = "een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf"
_LESSON_WORDS = r"(?:les|bijeenkomst|sessie|module|keer|dag|week|deel|ronde|stap|hoofdstuk)"
_LESSON_NUMBER_WORDS = ("les", "bijeenkomst", "sessie", "module")

# Numbers that are never counts, blanked in this order.
NON_COUNT_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern)
    for pattern in (
        # Times: "van 10 tot 12 uur", "10:30", "10.30 uur", "14u", "om 10".
        r"\b(?:van\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:-|tot|t/m)\s*\d{1,2}(?:[:.]\d{2})?\s*(?:uur|u)\b",
        r"\b\d{1,2}[:.]\d{2}(?:\s*(?:uur|u)\b)?",
        r"\b\d{1,2}\s*(?:uur|u)\b",
        r"\bom\s+\d{1,2}\b",
        # "om half drie", "kwart over 3", "om drie uur": times in words.
        rf"\b(?:om\s+)?(?:half|kwart\s+(?:over|voor)|tien\s+(?:over|voor))\s+(?:\d{{1,2}}|{_HOURS})\b",
        rf"\b(?:{_HOURS})\s+uur\b",
        rf"\bom\s+(?:{_HOURS})\b",
        # Ages: "4-6 jaar", "4 jaar", "4-jarigen", "65+", "65-plussers", "leeftijd 4-6".
        r"\b(?:leeftijd|tussen)\s+\d+\s*(?:-|tot|t/m|en)\s*\d+\b",
        rf"\b\d+\s*(?:-|tot|t/m|a)\s*\d+\s*-?\s*{_AGE_UNITS}\b",
        rf"\b\d+\s*-?\s*{_AGE_UNITS}\b",
        r"\b\d+\+",
        r"\b\d+\s*-?\s*plus(?:sers|ser)?\b",
        r"\b(?:leeftijd|tussen|van)\s+\d+\s*(?:-|tot|t/m|en)\s*\d+\b",
        # "tussen de 10 en 15 kinderen": a range, so the count is asked.
        r"\btussen\s+(?:de\s+)?\d+\s*(?:-|tot|t/m|en)\s*\d+\b",
        # Groups: "groep 5", "groep 7/8", "gr. 3 en 4", "klas 2", "groepje 3". How many groups
        # and their size are not a count either: "3 groepjes van 4 kinderen" does not say how
        # many children came (the total is asked, not multiplied out).
        # A number after a comma or dash that a word follows is a count: "groep 3, 24 leerlingen".
        r"\b(?:groep(?:en|je|jes)?|gr|klas|leerjaar)\.?[ \t]{0,2}\d+"
        r"(?:\s*(?:/|-|en|&|,)\s*\d+\b(?!\s*[^\W\d_]))*\b",
        r"(?:\b\d+\s*)?\b(?:groep(?:en|je|jes)?|klassen|tafels|tafeltjes)\s+van\s+\d+\b",
        r"\b\d+\s*(?:groep(?:en|je|jes)?|klassen|tafels|tafeltjes)\b",
        r"\b\d+[.,]\d+\b",
        # Units and rates: "3 kilometer", "22 graden", "2 kinderen per iPad", "klas van 28".
        r"\b\d+\s*(?:km|kilometer|kilometers|meter|graden|minuten|min|kwartier|seconden|uren|"
        r"dagen|weken|kg|kilo|gram|liter|cm|stuks|keer|x|panelen|pagina's|paginas)\b",
        r"\b\d+\s+[^\W\d_]+\s+per\b",
        # Per unit and capacity: "9 teams van 4 personen", "rijen van 9", "ingericht voor
        # 60 personen", "plek voor 20", "op 6 deelnemers gerekend", "max 12".
        r"\b\d+\s+(?:teams?|tafels?|tafeltjes|rijen|rij|ploegen|groepjes|gezinnen|families|"
        r"auto's|bussen)\s+van\s+\d+\b",
        r"\b(?:ingericht|plek|plekken|plaats|plaatsen|ruimte|stoelen|zitplaatsen|capaciteit|"
        r"berekend|klaargezet|gedekt)\s+(?:\w+\s+)?voor\s+\d+\b",
        r"\b(?:max|maximaal|maximum|capaciteit)\.?\s*:?\s*\d+\b",
        r"\bop\s+\d+\s+\w+\s+(?:gerekend|berekend)\b",
        r"\bklas\s+van\s+\d+\b",
        # A letter's closing is no count: "Kind regards" ("kind" is a child word).
        r"\bkind\s+regards\b",
        # Money, percentages, decimals, years, long numbers (phone numbers).
        r"€\s*\d+(?:[.,]\d+)?|\b\d+(?:[.,]\d+)?\s*(?:euro|eur)\b",
        r"\b\d+(?:[.,]\d+)?\s*(?:%|procent)",
        r"\b\d+[.,]\d+\b",
        r"\b(?:19|20)\d{2}\b",
        r"\b\d{5,}\b",
    )
)
# Plans for the future are not about this session: "volgende keer 3 april".
_FUTURE_RE = re.compile(
    r"\b(?:volgende|komende|de\s+volgende)\s+(?:keer|week|maand|les|bijeenkomst|sessie)\b[^.!?\n]*"
)
# Another, earlier session mentioned in passing: "vorige keer op 21 oktober waren het er 12".
_PAST_EVENT_RE = re.compile(
    r"\b(?:de\s+)?(?:vorige|afgelopen|eerdere)\s+(?:keer|les|bijeenkomst|sessie)\b[^.!?\n]*"
    # "Vorige maand hadden we er maar 4, nu 11 kinderen": a past count set against today's.
    r"|\b(?:vorige|afgelopen|vorig)\s+(?:maand|jaar|week|seizoen)\b[^.!?\n,]*,\s*"
    r"(?=(?:en\s+)?(?:nu|vandaag|deze\s+keer|dit\s+keer)\b)"
)
# Lessons: "les 3", "bijeenkomst 2 van 6", "3e les", "2de keer". Not after "vorige week",
# "deze week", "afgelopen week": there the week is a day word and the number a count.
_LESSON_RE = re.compile(rf"\b({_LESSON_WORDS})\.?\s*:?\s*(\d+)(?:\s*(?:van|/|uit)\s*\d+)?\b")
_DAY_WEEK_BEFORE_RE = re.compile(r"\b(?:vorige|deze|afgelopen|verleden)\s+$")
# Time ranges ("10.00-11.30", "10:00 - 11:30", "10-12 uur"): blanked before dates are read, so
# "10.00-11" is never taken for a (wrong) date.
_TIME_RANGE_RE = re.compile(
    r"\b(?:van\s+)?(?:[01]?\d|2[0-3])[:.][0-5]\d\s*(?:-|–|tot|t/m)\s*(?:[01]?\d|2[0-3])[:.][0-5]\d\b"
    r"(?:\s*(?:uur|u)\b)?"
    r"|\b(?:van\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:-|–|tot|t/m)\s*\d{1,2}(?:[:.]\d{2})?\s*(?:uur|u)\b"
)
_ORDINAL_RE = re.compile(rf"\b(\d+)(?:e|de|ste)\b(?:\s+({_LESSON_WORDS})\b)?")


@lru_cache(maxsize=8)
def _range_re() -> re.Pattern[str]:
    # "15-20 kinderen", "15 a 20 kids": a range is not a count (the count is asked instead).
    return re.compile(
        rf"(?<!datum: )(?<!datum:)\b\d+[ \t]*(?:-|a|tot|of)[ \t]*\d+"
        rf"(?=[ \t]+(?:[^\W\d_]+[ \t]+)?(?:{count_words_pattern()})\b)"
    )


@dataclass(frozen=True)
class Quote:
    text: str
    attribution: str | None = None


@dataclass
class ParseResult:
    """What the parser understood. `to_contract()` is the `impactbot parse --json` object."""

    activity: str | None = None
    location: str | None = None
    date: date | None = None
    counts: dict[str, int] = field(default_factory=dict)
    participants: int | None = None
    quotes: list[Quote] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    # The lesson number of a course ("les 3"), when given; not part of the contract.
    lesson: int | None = None
    # A count below zero was written ("-5 kinderen"): refused, so the bot says why.
    negative: bool = False
    # Fields left empty because the message reads two ways: the candidates and the question.
    ambiguities: list[Ambiguity] = field(default_factory=list)
    # A day as written that cannot be the session's ("31-02-2025", a day ahead): named.
    impossible_date: str | None = None
    future_date: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The contract plus, when there is something to ask, "ambiguities": each a field,
        its candidates and the question (`impactbot parse --json` prints this)."""
        found = self.to_contract()
        if self.ambiguities:
            found["ambiguities"] = [a.to_contract() for a in self.ambiguities]
        return found

    def to_contract(self) -> dict[str, Any]:
        """Exactly the keys PRODUCT.md names."""
        contract: dict[str, Any] = {
            "activity": self.activity,
            "location": self.location,
            "date": self.date.isoformat() if self.date else None,
            "counts": dict(self.counts),
            "participants": self.participants,
            "quotes": [{"text": q.text, "attribution": q.attribution} for q in self.quotes],
            "missing": list(self.missing),
        }
        return contract


def _mask_lessons(text: str) -> tuple[str, int | None]:
    """Blank lesson and ordinal numbers ("3e les", "les 4 van 6"); return the lesson number."""
    lesson: int | None = None
    for match in list(_ORDINAL_RE.finditer(text)):
        if lesson is None and match.group(2) in _LESSON_NUMBER_WORDS:
            lesson = int(match.group(1))
        text = blank(text, match.start(), match.end())
    for match in list(_LESSON_RE.finditer(text)):
        if match.group(1) == "week" and _DAY_WEEK_BEFORE_RE.search(text, 0, match.start()):
            continue  # "vorige week 8 ouderen": a day word, then a count
        if lesson is None and match.group(1) in _LESSON_NUMBER_WORDS:
            lesson = int(match.group(2))
        text = blank(text, match.start(2), match.end())
    return text, lesson


def _mask_non_counts(text: str) -> str:
    for pattern in NON_COUNT_PATTERNS:
        text, _ = blank_all(text, pattern)
    for match in list(_age_after_person_re().finditer(text)):
        text = blank(text, match.start(1), match.end(1))
    return text


@lru_cache(maxsize=1)
def _age_after_person_re() -> re.Pattern[str]:
    # "een mevrouw van 79", "2 kinderen van 6 en 9": an age after a people word, unless a
    # people word follows the number ("9 deelnemers van de 11 leden" has "de").
    words = count_words_pattern()
    return re.compile(
        rf"\b(?:{words})[ \t]+(van[ \t]+\d{{1,3}}(?:[ \t]*(?:en|,|-|tot|t/m)[ \t]*\d{{1,3}})*)\b"
        rf"(?![ \t]+(?:[a-z]+[ \t]+)?(?:{words})\b)"
    )


# "20 deelnemers, waarvan 12 kinderen": the smaller count is a part of the bigger one.
_PART_MARK_RE = re.compile(
    r"\b(?:waarvan|van\s+wie|onder\s+wie|waaronder|incl|inclusief|totaal|in\s+totaal|"
    r"allemaal|samen|namelijk)\b|[:(]"
)


def _participants(
    counts: dict[str, int], total: int | None, generic_key: str, reading: CountReading
) -> int | None:
    if total is not None:
        return total
    if reading.negative or reading.uncounted:
        return None  # a refused count, or people who came uncounted: the total is unknown
    parts = counts.get("kinderen", 0) + counts.get("volwassenen", 0)
    generic = counts.get(generic_key)
    if generic is not None and parts:
        return generic if generic >= parts else generic + parts
    if generic is not None:
        return generic
    return parts if ("kinderen" in counts or "volwassenen" in counts) else None


def parse_message(text: str, catalogue: Catalogue, today: date) -> ParseResult:
    """Read one free-text report. Pure: the same input always gives the same result."""
    matchers = matchers_for(catalogue)

    def is_name(candidate: str) -> bool:
        exact = matchers.activities.exact(candidate) or matchers.vestigingen.exact(candidate)
        return exact is not None

    def mentions_name(candidate: str) -> bool:
        folded_candidate = fold(candidate)
        return bool(
            matchers.activities.find_in_text(folded_candidate)
            or matchers.vestigingen.find_in_text(folded_candidate)
        )

    text = join_split_numbers(spoken_marks(text))
    found_quotes, rest = extract_quotes(text, is_name, mentions_name)
    original = rest
    folded = fold(rest)

    unblanked = folded
    folded, _ = blank_all(folded, _FUTURE_RE)
    folded, _ = blank_all(folded, _PAST_EVENT_RE)
    folded, _ = blank_all(folded, _TIME_RANGE_RE)
    hints, folded = read_people_hints(folded)
    finding = DateFinding()
    folded = find_explicit_dates(folded, today, finding, unblanked)
    premask = folded
    folded, lesson = _mask_lessons(folded)
    folded = _mask_non_counts(folded)
    masked = masked_groups(premask, folded, original)
    folded, ranges = blank_all(folded, _range_re())
    range_folded = folded
    folded = find_other_dates(folded, today, finding, unblanked)

    activity, activity_at, folded = find_activity(matchers.activities, folded)
    location, location_at, folded = find_location(
        matchers.vestigingen, folded, matchers.place_slips
    )
    folded = find_abbreviated_days(folded, today, finding)

    kind = catalogue.activities[activity].kind if activity else None
    generic_key = "bezoekers" if kind == "spreekuur" else "deelnemers"
    reading = read_counts(folded, original)
    corrected = late_correction(folded)
    if corrected is not None:
        reading = _corrected_reading(folded, original, corrected)
    groups = dict(reading.counts)
    total = groups.pop("totaal", None)
    keys = {"kinderen": "kinderen", "volwassenen": "volwassenen", "vragen": "vragen"}
    keys["mensen"] = generic_key
    counts = {keys[group]: value for group, value in groups.items() if group in keys}
    named_at = [at for at in (activity_at, location_at) if at is not None]
    if not reading.counts and not reading.negative and named_at:
        bare = bare_number(folded, original, min(named_at))
        if bare is not None:
            counts = {generic_key: bare}

    if total is not None and "kinderen" in counts and "volwassenen" in counts:
        if counts["kinderen"] + counts["volwassenen"] != total:
            # "8 kinderen, 7 ouders en een oma, dus 16": the parts do not add up to the
            # total said, so which of them is off is not known; the total stands.
            counts.pop("kinderen")
            counts.pop("volwassenen")
    if total is not None and set(counts) == {generic_key}:
        counts[generic_key] = total  # "9 wiefies … en n kearl bij, dus 10"
    if generic_key in counts and "volwassenen" in counts and "kinderen" not in counts:
        # "14 deelnemers: 11 ouderen en 3 mantelzorgers": adults apart from children only
        # make sense when children came; the count of all stands.
        if counts["volwassenen"] < counts[generic_key]:
            counts.pop("volwassenen")
    participants = _participants(counts, total, generic_key, reading)
    hinted: Ambiguity | None = None
    parts = counts.get("kinderen", 0) + counts.get("volwassenen", 0)
    generic = counts.get(generic_key)
    if (
        total is None
        and participants is not None
        and generic is not None
        and parts
        and generic > parts
        and not _PART_MARK_RE.search(folded)
    ):
        # "9 lu en 3 kinder": nine of whom three children, or twelve? Asked, not guessed.
        participants = None
        counts.pop(generic_key)
        question = texts.TOTAL_OR_MORE.format(a=generic, b=generic + parts)
        hinted = Ambiguity(f"counts.{generic_key}", [generic, generic + parts], question)
    if not counts and participants is None and not reading.negative and not hints.nobody:
        # "Sem (4), Isa (6) en Noor (5)": named children are counted; the total only when
        # nobody else is mentioned ("… en moeder las voor" leaves it open).
        named, rest_folded = named_people(original, folded, mentions_name)
        counts.update(named)
        others = read_counts(rest_folded, original)
        if named and not others.counts and not _mentions_people(rest_folded):
            participants = sum(named.values())
    ambiguities: list[Ambiguity] = [] if hinted is None else [hinted]
    participants = _apply_hints(hints, counts, participants, generic_key, ambiguities)
    in_range = [
        a for a in range_ambiguities(range_folded, ranges, generic_key)
        if a.field.removeprefix("counts.") not in counts
    ]  # fmt: skip
    if in_range:
        # "15 of 16 kinderen en 6 ouders": the total waits for the answer.
        ambiguities += in_range
        participants = None
    masked -= set(reading.counts)  # "2 klassen van 22 en 24 leerlingen = 46": read after all
    if masked and participants is not None:
        # A number before a people word was read as a time, age or group number: the count
        # read without it cannot be the total ("groepje 1-2 jaar 4 kinderen, … 9 ouders").
        participants = None
        for group in masked:
            counts.pop(keys.get(group, group), None)
    ambiguities += [quote_ambiguity(q.text) for q in found_quotes if q.status == "ask"]
    day = finding.resolve(today)
    if day is None:
        two_days = dates_ambiguity(finding.dates)
        if two_days is not None and all(d <= today for d in finding.dates):
            ambiguities.append(two_days)
    result = ParseResult(
        activity=activity,
        location=location,
        date=day,
        counts=counts,
        participants=participants,
        quotes=[Quote(q.text, q.attribution) for q in found_quotes if q.status == "quote"],
        lesson=lesson,
        negative=reading.negative,
        ambiguities=ambiguities,
        impossible_date=finding.impossible,
        future_date=finding.ahead if finding.future else None,
    )
    result.missing = [
        name
        for name in ("activity", "location", "date", "participants")
        if getattr(result, name) is None
    ]
    return result


def _corrected_reading(folded: str, original: str, at: int) -> CountReading:
    """The counts when the message corrects itself at `at`: the groups counted after the
    correction replace the same groups before it. When the part after it counts no group
    ("Het zijn er 10", "dus 11") the correction's subject is unclear, so nothing is read
    and the bot asks for the count."""
    head = read_counts(blank(folded, at, len(folded)), original)
    tail = read_counts(blank(folded, 0, at), original)
    people = {"kinderen", "volwassenen", "mensen", "totaal"}
    if set(tail.counts) & people <= {"mensen"} or set(tail.counts) & people == {"totaal"}:
        # "12 deelnemers … dubbel geteld, dus 11", "… het waren er 7": one number after the
        # correction corrects the one group before it; with two groups before, which one
        # it corrects is unclear, so nothing is read and the bot asks.
        number = tail.counts.get("mensen", tail.counts.get("totaal"))
        if number is None:
            number = restated_number(blank(folded, 0, at))
        groups = [g for g in head.counts if g in people - {"totaal"}]
        if number is not None and len(groups) <= 1:
            return CountReading({groups[0] if groups else "mensen": number}, head.negative)
        return CountReading({}, head.negative or tail.negative)
    head_groups = [g for g in head.counts if g in people - {"totaal"}]
    if "mensen" in tail.counts and len(head_groups) > 1:
        # "8 kinderen en 8 ouders, o nee dat laatste klopt niet, het waren er 7 …": which
        # group the seven are is the writer's to say.
        return CountReading({}, head.negative or tail.negative)
    counts = dict(head.counts)
    counts.update(tail.counts)
    if "totaal" in tail.counts:
        counts = {g: v for g, v in counts.items() if g in tail.counts or g == "vragen"}
    uncounted = (head.uncounted | tail.uncounted) - set(counts)
    return CountReading(counts, head.negative or tail.negative, uncounted)


@lru_cache(maxsize=1)
def _people_word_re() -> re.Pattern[str]:
    from intake.countwords import COUNT_GROUPS

    words = [w for w, g in COUNT_GROUPS.items() if g in ("kinderen", "volwassenen", "mensen")]
    return re.compile(rf"\b(?:{'|'.join(sorted(words, key=len, reverse=True))})\b")


def _mentions_people(text: str) -> bool:
    """Any people word left in a message ("moeder", "papa's")."""
    return _people_word_re().search(text.replace("'", "")) is not None


def _apply_hints(
    hints: PeopleHints,
    counts: dict[str, int],
    participants: int | None,
    generic_key: str,
    ambiguities: list[Ambiguity],
) -> int | None:
    """What the whole-message readings change: nobody came (0), the writer counted in (one
    off), "met z'n achten" (asked unless the writer said whether they are in it)."""
    if hints.nobody and not counts and participants is None:
        counts[generic_key] = 0
        return 0
    if hints.with_us is not None and not counts and participants is None:
        if hints.self_out:
            counts[generic_key] = hints.with_us
            return hints.with_us
        if hints.self_in:
            counts[generic_key] = hints.with_us - 1
            return hints.with_us - 1
        ambiguities.append(with_us_ambiguity(hints.with_us, generic_key))
        return None
    if hints.self_in and participants and hints.with_us is not None:
        # "we waren met z'n elven, ik meegeteld. Tien dames": the count agrees with the
        # eleven less the writer; any other count is asked.
        if participants == hints.with_us - 1:
            return participants
        ambiguities.append(with_us_ambiguity(hints.with_us, generic_key))
        counts.clear()
        return None
    if hints.self_in and participants:
        if set(counts) == {generic_key} and counts[generic_key] == participants:
            counts[generic_key] -= 1
            return participants - 1
        ambiguities.append(with_us_ambiguity(participants, generic_key))
        counts.clear()
        return None
    return participants
