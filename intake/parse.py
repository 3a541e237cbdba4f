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
(intake.mentions), whole-message readings (intake.readings), numbers that are never counts
(intake.masks), doubts about a count (intake.doubts) and who came in the end (intake.people).
Where two readings of a field disagree or one rests on a weak cue, the field stays empty and
`ambiguities` holds the candidates and one question ("15 of 16 kinderen?"): the chat offers
them as buttons.

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
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from intake import texts
from intake.counting import read_counts
from intake.datefinding import DateFinding, find_explicit_dates
from intake.dates import find_abbreviated_days, find_other_dates
from intake.masks import (
    EXAMPLE_RE,
    FUTURE_RE,
    PAST_EVENT_RE,
    TIME_RANGE_RE,
    mask_lessons,
    mask_non_counts,
    range_re,
)
from intake.mentions import (
    activity_spans,
    find_activity,
    find_location,
    matchers_for,
)
from intake.numbers import bare_number, masked_groups, numeral
from intake.people import (
    PART_MARK_RE,
    apply_hints,
    corrected_reading,
    mentions_people,
    participants_of,
)
from intake.quotes import FoundQuote, extract_quotes
from intake.readings import (
    Ambiguity,
    PeopleHints,
    dates_ambiguity,
    late_correction,
    named_people,
    quote_ambiguity,
    range_ambiguities,
    read_people_hints,
)
from intake.text import blank_all, fold, join_split_numbers, spoken_marks
from toc.models import Catalogue


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


@dataclass
class Prepared:
    """A message made ready for the count readers: quotes taken out, dates, times, ages and
    other numbers that are never counts blanked, and the activity and place found."""

    folded: str
    original: str
    found_quotes: list[FoundQuote]
    hints: PeopleHints
    finding: DateFinding
    lesson: int | None
    masked: set[str]
    ranges: list[re.Match[str]]
    range_folded: str
    activity: str | None
    activity_at: int | None
    location: str | None
    location_at: int | None
    generic_key: str
    mentions_name: Callable[[str], bool]


def prepare_message(text: str, catalogue: Catalogue, today: date) -> Prepared:
    """Everything before the counts are read; pure, like `parse_message`."""
    matchers = matchers_for(catalogue)

    def is_name(candidate: str) -> bool:
        exact = matchers.activities.exact(candidate) or matchers.vestigingen.exact(candidate)
        # "de eerste 'Zomeravond-lezing'": one word whose last part is an activity's name
        # names the session, as the name alone would.
        word = candidate.strip()
        if exact is None and " " not in word and "-" in word:
            exact = matchers.activities.exact(word.rsplit("-", 1)[1])
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
    folded, _ = blank_all(folded, FUTURE_RE)
    folded, _ = blank_all(folded, EXAMPLE_RE)
    folded, _ = blank_all(folded, PAST_EVENT_RE)
    folded, _ = blank_all(folded, TIME_RANGE_RE)
    hints, folded = read_people_hints(folded)
    finding = DateFinding()
    folded = find_explicit_dates(folded, today, finding, unblanked)
    premask = folded
    folded, lesson = mask_lessons(folded)
    folded = mask_non_counts(folded)
    masked = masked_groups(premask, folded, original)
    folded, ranges = blank_all(folded, range_re())
    range_folded = folded
    folded = find_other_dates(folded, today, finding, unblanked)

    before_names = folded
    activity, activity_at, folded = find_activity(matchers.activities, folded, unblanked)
    location, location_at, folded = find_location(
        matchers.vestigingen,
        folded,
        matchers.place_slips,
        activity_spans(matchers.activities, before_names, activity),
        range_folded,
    )
    folded = find_abbreviated_days(folded, today, finding)
    finding.settle_holiday_names(before_names, activity_at)

    kind = catalogue.activities[activity].kind if activity else None
    return Prepared(
        folded=folded,
        original=original,
        found_quotes=found_quotes,
        hints=hints,
        finding=finding,
        lesson=lesson,
        masked=masked,
        ranges=ranges,
        range_folded=range_folded,
        activity=activity,
        activity_at=activity_at,
        location=location,
        location_at=location_at,
        generic_key="bezoekers" if kind == "spreekuur" else "deelnemers",
        mentions_name=mentions_name,
    )


# More people besides those named: "en nog 4 anderen", "plus nog twee mensen".
_OTHERS_RE = re.compile(
    r"\bnog\s+(\d+|[a-z]+)\s+(?:anderen|andere|mensen|personen)\b"
    r"(?=\s*(?:$|[.,;!?)\n]|erbij\b|kwamen\b|waren\b))"
)


def parse_message(text: str, catalogue: Catalogue, today: date) -> ParseResult:
    """Read one free-text report. Pure: the same input always gives the same result."""
    prepared = prepare_message(text, catalogue, today)
    folded, original = prepared.folded, prepared.original
    found_quotes, hints, finding = prepared.found_quotes, prepared.hints, prepared.finding
    masked, ranges, range_folded = prepared.masked, prepared.ranges, prepared.range_folded
    activity, activity_at = prepared.activity, prepared.activity_at
    location, location_at = prepared.location, prepared.location_at
    generic_key, mentions_name, lesson = (
        prepared.generic_key,
        prepared.mentions_name,
        prepared.lesson,
    )
    reading = read_counts(folded, original)
    corrected = late_correction(folded)
    if corrected is not None:
        reading = corrected_reading(folded, original, corrected)
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
    parted = PART_MARK_RE.search(folded) or re.search(r"\b\d+[ \t]+[a-z']+[ \t]*:", folded)
    if generic_key in counts and "volwassenen" in counts and "kinderen" not in counts and parted:
        # "14 deelnemers: 11 ouderen en 3 mantelzorgers": adults apart from children only
        # make sense when children came; the count of all stands.
        if counts["volwassenen"] < counts[generic_key]:
            counts.pop("volwassenen")
    participants = participants_of(counts, total, generic_key, reading, folded)
    hinted: Ambiguity | None = None
    parts = counts.get("kinderen", 0) + counts.get("volwassenen", 0)
    generic = counts.get(generic_key)
    if (
        total is None
        and participants is not None
        and generic is not None
        and parts
        and generic > parts
        and not PART_MARK_RE.search(folded)
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
        besides = _OTHERS_RE.search(rest_folded)
        others_said = numeral(besides.group(1), besides.group(1)) if besides else None
        if named and others_said:
            # "Henk (81), Mien (79) en nog 4 anderen": the named and the others; of which
            # group the others are is not said.
            participants = sum(named.values()) + others_said
            counts.clear()
        elif named and not others.counts and not mentions_people(rest_folded):
            participants = sum(named.values())
    ambiguities: list[Ambiguity] = [] if hinted is None else [hinted]
    if reading.choice is not None and participants is None:
        # "7 cursisten, 1 kwam voor het eerst": seven, or eight? One tap.
        group, fewer, more = reading.choice
        key = keys.get(group, group)
        label = texts.GROUP_LABEL.get(key, key)
        question = texts.WHICH_COUNT.format(a=fewer, b=more, label=label)
        ambiguities.append(Ambiguity(f"counts.{key}", [fewer, more], question))
    participants = apply_hints(hints, counts, participants, generic_key, ambiguities, folded)
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
