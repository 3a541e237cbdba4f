"""How many came: the count reader's pairs (intake.numbers) read into counts per group, with
the readings that qualify them (restated sums, some of them, helpers, people not counted,
absentees, parallel counts) and the doubts that leave a group to be asked (intake.doubts).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from intake.attendance import Roles
from intake.countwords import SINGULAR_WORDS
from intake.cues import NEW_WORDS, PRESENCE_VERBS_AND_WORDS
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
from intake.numbers import PEOPLE_GROUPS, Token, count_group, tokens_of
from intake.pairs import pairings
from intake.sums import (
    SENTENCE_END_RE,
    STAFF_OR_ME_RE,
    counted_again,
    one_group_of_several,
    restated_total,
    restates,
    said_number,
    sentence_start,
)


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


# "met hun ouders", "+ ouders", "en hun moeders": a group that came along, without a number.
_ALONG_RE = re.compile(
    r"(?:\bmet|\ben|\+|&)\s+(?:(?:hun|de|haar|zijn|z'n|zn|alle|eigen|wat|enkele)\s+)*$"
)


def find_counts(folded: str, original: str) -> dict[str, int]:
    """Counts per group; see `read_counts`."""
    return read_counts(folded, original).counts


# Words between a people word and its count that the reader does not pair across:
# "ouders ook 6", "Ouders waren er ook, een stuk of 12".
_BETWEEN_WORD_AND_COUNT = {
    "ook", "waren", "was", "er", "d'r", "zijn", "nog", "een", "stuk", "of", "zo'n", "zon",
    "ongeveer", "ca", "circa", "rond", "de", "maar", "wel", "toch",
}  # fmt: skip
_SINGULAR_PEOPLE = SINGULAR_WORDS | {"mevrouw", "meneer", "iemand", "niemand"}
_ADDS_IN_BRACKETS_RE = re.compile(r"\(\s*(?:en|plus|\+|ook|nog)\s*$")


_BE = {"waren", "zijn", "was", "is", "were", "are"}
_HELPING_WORDS = {"begeleidende", "helpende", "meehelpende", "assisterende", "ondersteunende"}


_JOINED_IN_RE = re.compile(r"\s+die\s+(?:ook\s+)?(?:mee\w+|deden\s+mee)")


_UNKNOWN_COUNT_RE = re.compile(r"\bhoeveel\s+([a-z']+)\s+(?:weet|wist|weten)\b")


def _unread_near(
    folded: str, tokens: list[Token], chosen: list[tuple[int, int]], roles: Roles
) -> set[str]:
    """People words (plural) the reading left without a number while a number it did not
    read follows them after only small words ("ouders ook 6"): the count the writer gave for
    them was not understood, so the total is asked, not left short."""
    paired = {i for pair in chosen for i in pair} | roles.indexes
    groups: set[str] = set()
    for i, token in enumerate(tokens):
        if token.group not in PEOPLE_GROUPS or i in paired or token.text in _SINGULAR_PEOPLE:
            continue
        for k in range(i + 1, min(i + 8, len(tokens))):
            if re.search(r"[.!?\n;:]", folded[tokens[k - 1].end : tokens[k].start]):
                break
            if tokens[k].value is not None and k not in paired:
                groups.add(str(token.group))
                break
            if tokens[k].text not in _BETWEEN_WORD_AND_COUNT:
                break
    return groups


def _parallel_counts(
    folded: str, tokens: list[Token], chosen: list[tuple[int, int]], roles: Roles
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


def _not_counted(folded: str, tokens: list[Token], word: int) -> bool:
    """ "Twee moeders bleven kijken, die tel ik niet mee": said of this count, with no
    other number or staff word between ("11 (+2 vrijwilligers, niet meegeteld)" is about
    the volunteers)."""
    match = NOT_COUNTED_RE.match(folded, tokens[word].end)
    if match is None:
        return False
    between = [t for t in tokens[word + 1 :] if t.start < match.end() - 8]
    return not any(t.value is not None or t.group == "staf" for t in between)


def _message_doubts(folded: str, tokens: list[Token], chosen: list[tuple[int, int]]) -> set[str]:
    """Groups the whole message makes unsure (intake.doubts): several sittings, a group size
    the writer does not know, "elk met een kindje", the writer's own question mark, staff
    said to be inside the count, a count over several sessions, "nog N" as the only count."""
    doubtful: set[str] = set()
    if TWO_SESSIONS_RE.search(folded) and len(chosen) > 1:
        # "ochtend 9 kinderen + 6 ouders, middag nog een keer 5 + 4": one report, or two?
        doubtful.update(PEOPLE_GROUPS)
    unknown = _UNKNOWN_COUNT_RE.search(folded)
    if unknown and count_group(unknown.group(1)) in PEOPLE_GROUPS:
        doubtful.add(str(count_group(unknown.group(1))))  # "hoeveel ouders weet ik niet meer"
    if any(r.search(folded) for r in (EACH_RE, UNSURE_RE, STAFF_IN_RE, SEVERAL_RE)):
        doubtful.update(PEOPLE_GROUPS)
    people_pairs = [(n, w) for n, w in chosen if tokens[w].group in PEOPLE_GROUPS]
    if people_pairs and all(n > 0 and tokens[n - 1].text in MORE for n, _ in people_pairs):
        # "… en nog 2 mensen moesten staan" as the only count: more than whom?
        doubtful.update(str(tokens[w].group) for _, w in people_pairs)
    return doubtful


def _uncounted(
    folded: str, tokens: list[Token], chosen: list[tuple[int, int]], unclear: set[str]
) -> set[str]:
    """People groups that came without a number ("8 kinderen met hun ouders"), so the total
    is unknown; companions ("hun mama's") also make that group's own count unclear."""
    paired = {i for pair in chosen for i in pair}
    uncounted: set[str] = set()
    for i, token in enumerate(tokens):
        if token.group not in PEOPLE_GROUPS or i in paired or token.group is None:
            continue
        if folded[token.end : token.end + 1] == "-" or folded[token.start - 1 : token.start] == "-":
            continue  # "de ouder-kind challenge": a compound, not people who came along
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
    return uncounted


def _enrolled_group(
    folded: str, tokens: list[Token], roles: Roles, number: int, word: int
) -> str | None:
    """ "18 kinderen aangemeld, 14 gekomen": a count read from a presence word right after
    an enrolled count of children or adults, in the same sentence, is of that group."""
    if tokens[word].text not in PRESENCE_VERBS_AND_WORDS:
        return None
    enrolled = [i for i in roles.indexes if i < number and tokens[i].value in roles.enrolled]
    if not enrolled:
        return None
    at = max(enrolled)
    if SENTENCE_END_RE.search(folded, tokens[at].end, tokens[number].start):
        return None
    if (tokens[number].value or 0) > (tokens[at].value or 0):
        return None  # "10 kinderen aangemeld, 14 aanwezig met de mama's"
    after = tokens[at + 1] if at + 1 < len(tokens) else None
    if after is not None and after.group in ("kinderen", "volwassenen"):
        return after.group
    return None


def _heads_a_list(
    folded: str, tokens: list[Token], number: int, word: int, chosen: list[tuple[int, int]]
) -> bool:
    """A number read from a presence word, then a colon and counts of children or adults:
    the counts after the colon say who came ("4 kwamen: 5 kinderen en 4 moeders" counts
    families first, people after)."""
    if tokens[word].text not in PRESENCE_VERBS_AND_WORDS:
        return False
    end = max(tokens[number].end, tokens[word].end)
    if not re.match(r"[ \t]*:", folded[end:]):
        return False
    line_end = folded.find("\n", end)
    return any(
        tokens[n].start > end
        and (line_end < 0 or tokens[n].start < line_end)
        and tokens[w].group in ("kinderen", "volwassenen")
        for n, w in chosen
    )


def read_counts(folded: str, original: str) -> CountReading:
    """Counts per group ('kinderen', 'volwassenen', 'mensen', 'vragen', 'totaal').

    Staff counts are read (so their number is not misread) but left out of the result.
    """
    tokens = tokens_of(folded, original)
    roles = Roles()
    chosen, unclear = pairings(tokens, folded, roles)
    counts: dict[str, int] = {}
    values: dict[str, list[int]] = {}
    restated: dict[str, int] = {}
    restated_in: dict[str, int] = {}  # where the sentence of each group's sum begins
    labelled: list[int] = []
    first_at: dict[str, int] = {}
    parts_at: dict[str, list[int]] = {}
    # A minus before a count of people ("-5 kinderen") or before the one number ("taalcafe
    # -3"); not a dash inside a code ("DS-2025-07").
    numbers = [t for t in tokens if t.value is not None]
    negative = any(tokens[n].negative and tokens[w].group in PEOPLE_GROUPS for n, w in chosen) or (
        len(numbers) == 1 and numbers[0].negative
    )
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
    doubtful |= _message_doubts(folded, tokens, chosen)
    paired_numbers = {n for n, _ in chosen}
    for number_index, word_index in chosen:
        group = (
            _enrolled_group(folded, tokens, roles, number_index, word_index)
            or tokens[word_index].group
        )
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
        if number_index >= 2 and [t.text for t in tokens[number_index - 2 : number_index]] in (
            ["elk", "met"],
            ["ieder", "met"],
        ):
            continue  # "8 kids elk met 1 ouder": one each, not one in all
        if is_speaker(folded, tokens, number_index, word_index, chosen):
            continue  # "1 oma zei dat …", "Twee moeders vroegen …": who spoke, not who came
        if group == "totaal" and STAFF_OR_ME_RE.search(
            folded,
            max(
                [tokens[n].end for n, _ in chosen if n < number_index]
                + [sentence_start(folded, tokens[number_index].start)]
            ),
            tokens[number_index].start,
        ):
            continue  # "8 aanwezig plus ik en vrijwilliger Bert, dus tien in totaal"
        if restates(folded, tokens, number_index):
            # "6 volw … oja de oma, dus 7 volw": the sum said again; "Samen 4 moeder, 1
            # vader en 7 kind": one sum of a group in parts, added.
            clause = sentence_start(folded, tokens[number_index].start)
            listed = re.match(r"[ \t]*(?:$|[,.;!?\n]|en\b)", folded[tokens[word_index].end :])
            if restated_in.get(group) != clause:
                restated[group] = value
            elif listed:
                restated[group] += value
            restated_in[group] = clause
        if _heads_a_list(folded, tokens, number_index, word_index, chosen):
            continue  # "6 gezinnen aangemeld, 4 kwamen: 5 kinderen en 4 moeders": the list
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
        if (
            number_index >= 2
            and tokens[number_index - 1].text in _BE
            and tokens[number_index - 2].group == "staf"
        ):
            continue  # "mentors were 3 students", "begeleiders waren 2 ouders": staff
        if helps(folded, tokens, word_index, number_index):
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
    for group in _unread_near(folded, tokens, chosen, roles):
        doubtful.add(group)  # "ouders ook 6", "Ouders waren er ook, een stuk of 12": unread
    for group, starts in parts_at.items():
        if group not in restated and counted_again(folded, tokens, starts):
            doubtful.add(group)  # "8 kinderen en 8 ouders. Oh wacht, … 7 kinderen": which?
    for group, value in _parallel_counts(folded, tokens, chosen, roles):
        values.setdefault(group, []).append(value)  # "groep 6 met 22 leerlingen en groep 8 met 25"
    values.update({group: [value] for group, value in restated.items()})
    if len(labelled) == 1:
        values["mensen"] = labelled  # "Aantal: 9 … Opmerking: 2 mensen willen door"
    merge_presence(folded, tokens, chosen, values)
    for group, found in values.items():
        counts[group] = total_of(folded, found, first_at.get(group), parts_at.get(group, []))
    staff_within(folded, tokens, chosen, counts)
    uncounted = _uncounted(folded, tokens, chosen, unclear)
    total = restated_total(folded, tokens, chosen)
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
    one_of_several = False
    if total is not None and "totaal" not in counts:
        value = said_number(total)
        if value is not None:
            counts["totaal"] = value  # "… en een kearl bij, dus 10": the total said again
            people = [g for g in counts if g in PEOPLE_GROUPS]
            one_of_several = one_group_of_several(folded, tokens, chosen, roles, total, value)
            if one_of_several:
                # "Groep 1/2a: 21 kleuters. Groep 1/2b: 19 op de lijst, 2 ziek, dus 17": the
                # 17 came of the second group, not of both. Asked.
                counts.pop("totaal")
                unclear.update(people)
            elif len(people) == 1 and counts[people[0]] != value:
                # "groep 4 (21 kinderen) en groep 5 (19). Samen dus 40": the one group is
                # the total said again.
                counts[people[0]] = value
    if (
        "mensen" in restated
        and "totaal" not in counts
        and ({"kinderen", "volwassenen"} & set(counts))
    ):
        # "8 kids elk met 1 ouder dus 16 man": the people said again after the groups are
        # their total.
        counts["totaal"] = counts.pop("mensen", restated["mensen"])
    specific = [g for g in ("kinderen", "volwassenen") if g in counts]
    if len(specific) == 2 and restated.get("mensen") == sum(counts[g] for g in specific):
        # "acht volwassenen en drie kinderen die met hun opa kwamen, totaal dus elf mensen":
        # the sum said again shows the companions were counted.
        unclear -= set(specific)
        uncounted -= set(specific)
    counts = {group: value for group, value in counts.items() if group not in unclear}
    people = [g for g in counts if g in PEOPLE_GROUPS]
    if roles.within and len(people) == 1 and counts[people[0]] > sum(roles.within):
        counts[people[0]] -= sum(roles.within)  # "29 leerlingen waarvan 4 afwezig": 25 came
    if roles.bracketed and len(people) == 1 and choice is None:
        # "groep 7 (26 kinderen, 2 ziek thuis)": 24 came, or 26 and 2 more who did not?
        group, whole = people[0], counts[people[0]]
        said_present = re.search(
            rf"\b{whole}[ \t]+(?:[a-z']+[ \t]+)?(?:aanwezig|present|gekomen|kwamen)\b", folded
        )  # "27 kinderen aanwezig (klas van 28, 1 ziek)": the present count is said
        if whole > sum(roles.bracketed) and not said_present:
            choice = (group, whole - sum(roles.bracketed), whole)
            counts.pop(group)
            uncounted.add(group)
    present = set(counts) & {*PEOPLE_GROUPS, "totaal"}
    if not present and len(roles.enrolled) == 1 and roles.absent and not one_of_several:
        # "van de 8 cursisten waren er 2 afwezig": who came is who could, less who did not.
        came = roles.enrolled[0] - sum(roles.absent)
        if came >= 0:
            counts["mensen"] = came
    return CountReading(counts, negative, {g for g in uncounted if g not in counts}, choice)


# Speech reported in the message: what follows is a story, not who came.
_REPORTED_RE = re.compile(r"\b(?:vertelde|vertelt|zei|zegt|zeiden|vertelden|vroeg)\b")
_CAME_UNCOUNTED_RE = re.compile(r"[ \t]+(?:erbij|ook|mee)\b[^.!?\n]{0,20}\bniet\s+geteld\b")
_COMPANION_RE = re.compile(r"\b(?:hun|haar|zijn|z'n|zn|eigen)\b")
