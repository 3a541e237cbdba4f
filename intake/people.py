"""Who came: the participants from the count readings, a correction later in the message,
and the whole-message hints (nobody came, the writer counted in, "met z'n achten").

Precision first: where the readings disagree the total stays empty and the bot asks.
"""

from __future__ import annotations

import re
from functools import lru_cache

from intake.counting import CountReading, read_counts
from intake.readings import (
    Ambiguity,
    PeopleHints,
    first_number_after,
    restated_number,
    with_us_ambiguity,
)
from intake.text import blank

# "20 deelnemers, waarvan 12 kinderen": the smaller count is a part of the bigger one.
PART_MARK_RE = re.compile(
    r"\b(?:waarvan|van\s+wie|onder\s+wie|waaronder|incl|inclusief|totaal|in\s+totaal|"
    r"samen|namelijk|daarvan|derfan)\b"
)


_ALL_OF_THEM_RE = re.compile(r"\b\d+[ \t]+[a-z']+,?[ \t]+(?:waarvan|van\s+wie|onder\s+wie)\b")


def participants_of(
    counts: dict[str, int],
    total: int | None,
    generic_key: str,
    reading: CountReading,
    folded: str = "",
) -> int | None:
    if total is not None:
        return total
    if reading.negative:
        return None  # a refused count: the total is unknown
    if reading.uncounted and not (generic_key in counts and _ALL_OF_THEM_RE.search(folded)):
        # People who came uncounted: the total is unknown. Not when a count of all is
        # followed by its parts ("12 mensen, waarvan 2 kleinkinderen die met opa kwamen").
        return None
    parts = counts.get("kinderen", 0) + counts.get("volwassenen", 0)
    generic = counts.get(generic_key)
    if generic is not None and parts:
        return generic if generic >= parts else generic + parts
    if generic is not None:
        return generic
    return parts if ("kinderen" in counts or "volwassenen" in counts) else None


def corrected_reading(folded: str, original: str, at: int) -> CountReading:
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
        restated = restated_number(blank(folded, 0, at))
        if number is not None and restated is not None and restated != number:
            # "Nee wacht, Hennie kwam nog binnen, dus 9. … 3 mensen hebben zelf …": the
            # correction says two numbers; which one is the count is asked.
            return CountReading({}, head.negative or tail.negative)
        if number is None:
            number = restated
        if number is None:
            number = first_number_after(folded, at)  # "9 aanwezig. Nee 8, Gerda was …"
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


def mentions_people(text: str) -> bool:
    """Any people word left in a message ("moeder", "papa's")."""
    return _people_word_re().search(text.replace("'", "")) is not None


# The writer named apart from the count: "vier oefenaars en ik", "8 aanwezig plus ik".
_WRITER_APART_RE = re.compile(r"\b(?:en|plus|\+)\s+ik\b")


def apply_hints(
    hints: PeopleHints,
    counts: dict[str, int],
    participants: int | None,
    generic_key: str,
    ambiguities: list[Ambiguity],
    folded: str = "",
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
            came = hints.with_us - 1 - hints.staff_with_self  # "incl mij en Joost (vrijw)"
            counts[generic_key] = came
            return came
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
    if hints.self_in and participants and _WRITER_APART_RE.search(folded):
        return participants  # "vier oefenaars en ik, dus vijf met mij erbij": four without
    if hints.self_in and participants:
        out = 1 + hints.staff_with_self  # the writer, and staff named with them
        if set(counts) == {generic_key} and counts[generic_key] == participants:
            counts[generic_key] -= out
            return participants - out
        ambiguities.append(with_us_ambiguity(participants, generic_key))
        counts.clear()
        return None
    return participants
