"""Who said words in quote marks, written right before them: "Oma Riek: “…”", "Sem (6) zei
„…”", "Vraag van een deelnemer:", "Tijn (10) na zijn eerste spelletje:", a feeling or a
gesture before the colon ("Een jongetje hield zijn ei omhoog: '…!'"). A label, a day word,
a question word or an activity or place is no speaker. See intake.quotes for the rules as
a whole; intake.quotemarks uses these.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from intake.quoteparts import (
    FIRST_PERSON_RE,
    SPOKEN_WHEN,
    TRAILING_WHEN_RE,
)
from intake.speech import (
    ABBREVIATION_END_RE,
    AFTER_DROP_RE,
    FILLERS,
    WH_WORDS,
    has_clause_verb,
    looks_like_person,
)

SPOKEN_WHEN_RE = re.compile(SPOKEN_WHEN, re.I)
_TO_WHOM_RE = re.compile(r"(?<=\S)\s+(?:tegen|to)\s+[^\s,]+(?:\s+[^\s,]+){0,3}\s*$", re.I)
# "een meisje uit groep 6": a school group's number is no count in a speaker.
_GROUP_NUMBER_RE = re.compile(r"\b(?:groep|klas|leerjaar|group)\s+\d{1,2}\b", re.I)

# Who speaks before the quote marks: "Oma Riek: “…”", "Sem (6) zei „…”".
_SAID_BEFORE_RE = re.compile(r"(?:\s*:|\s+(?:zei|zegt|vertelde|vroeg|riep)\s*:?)\s*$", re.I)
# "Twee uitspraken: Klaas: '…'": a colon before the speaker ends a label.
_SPEAKER_SPLIT_RE = re.compile(r"[\n.!?;:\"“”„«»—–]|\s-\s")
# "Citaat van een cursist: …": the label goes, the speaker stays.
LEADING_LABEL_RE = re.compile(
    rf"^\s*(?:(?:citaat|quote|uitspraak|reactie)\s+(?:{SPOKEN_WHEN}\s+)?(?:van\s+)?"
    # "Vraag van een deelnemer:": a noun for words said, then "van" and who said them
    # ("Reactie na afloop van een cursist:" with the time in between).
    r"|(?:vraag|vragen|opmerking|opmerkingen|compliment|complimentje|tip|antwoord|"
    rf"commentaar|verzuchting|woorden|reacties|uitspraken|citaten|quotes)\s+(?:{SPOKEN_WHEN}\s+)?"
    r"van\s+"
    # "Question from a participant:", "Comment by a mum:".
    r"|(?:question|questions|comment|comments|reaction|words|feedback|quote|quotes)\s+"
    r"(?:from|by|of)\s+)",
    re.I,
)
# "Tip voor de ouders:": a noun for words, not followed by who said them, names no one.
_LABEL_HEAD_RE = re.compile(
    r"^\s*(?:vraag|vragen|opmerking|opmerkingen|compliment|tip|tips|antwoord|commentaar|"
    r"reactie|reacties|citaat|quote|uitspraak|advies|question|comment|tip)\b"
    rf"(?!\s+(?:{SPOKEN_WHEN}\s+)?(?:van|from|by|of)\b)",
    re.I,
)
_FUNCTION_WORDS = {
    "maar", "en", "dus", "want", "of", "toen", "ook", "nog", "daarna", "later", "wel", "niet",
    "zo", "dan", "nu", "hier", "daar", "even", "eerst", "echt", "gewoon", "letterlijk",
}  # fmt: skip
_SAID_VERB_RE = re.compile(r"\b(?:zei|zegt|vertelde|vroeg|riep)\b", re.I)
_LEADING_DAY_RE = re.compile(
    rf"^\s*(?:(?:{FILLERS}|vandaag|gisteren|toen|daarna|later|ook|en|na afloop|achteraf|"
    r"aan het eind|aan het begin)\b[\s,]*)+",
    re.I,
)
# "Een meisje van 9", "die mevrouw van 89": an age written with "van".
_VAN_AGE_RE = re.compile(r"\s+van\s+\d{1,3}(?:\s*(?:jaar|jr))?\s*$", re.I)
# Words before a colon that label the quote rather than say who spoke: "Reactie: '…'".
LABEL_WORDS = {
    "reactie", "reacties", "opmerking", "tip", "hoogtepunt", "highlight", "feedback",
    "compliment", "quote", "citaat", "uitspraak", "notitie", "noot", "ps", "nb", "conclusie",
    "sfeer", "verslag", "samenvatting", "toelichting", "vandaag", "gisteren", "quotes", "citaten",
    "gehoord", "opgevangen", "overheard",
}  # fmt: skip
# A number in a speaker is an age: "Fenna (9)", "Jan, 84".
_SPEAKER_AGE_RE = re.compile(
    r"\(\s*\d{1,3}(?:\s*(?:jaar|jr))?\s*\)|,\s*\d{1,3}(?:\s*(?:jaar|jr))?$"
    # "meisje 9jr", "jongen 10 jaar": an age with its unit needs no comma.
    r"|(?<=[^\W\d_])\s+\d{1,3}\s*(?:jaar|jr|j)\.?$",
    re.I,
)


# "kwam een mevrouw naar me toe", "liep een man op ons af": the one who came up.
_CAME_UP_RE = re.compile(
    r"^\s*(?:(?:kwam|liep|stapte)\s+(?P<who>.+?)|(?P<first>.+?)\s+(?:kwam|liep|stapte))"
    r"\s+(?:naar\s+(?:me|mij|ons)\s+toe|op\s+(?:me|mij|ons)\s+af)\s*$",
    re.I,
)


def last_segment(head: str) -> str:
    """The part of `head` after its last sentence or clause break; "Mw. K. (78)" keeps the
    dots of its title and initial."""
    for split in reversed(list(_SPEAKER_SPLIT_RE.finditer(head))):
        if split.group() == "." and (
            _TITLE_END_RE.search(head[: split.start()])
            or (
                ABBREVIATION_END_RE.search(head[: split.start()])
                and _INITIAL_NEXT_RE.match(head, split.end())
            )
        ):
            continue  # "Mw. K. (78)"; but "in zaal B. Een moeder" ends a sentence
        return head[split.end() :]
    return head


_TITLE_END_RE = re.compile(r"(?:^|[\s(])(?:mevr|mw|dhr|hr|mr|mrs|ms|dr)(?:\.\s*[A-Z])*$", re.I)
_INITIAL_NEXT_RE = re.compile(r"\s*(?:[A-Z]\.|\(|$)")


def speaker_said_before(
    text: str, start: int, mentions_name: Callable[[str], bool], quote_text: str = ""
) -> tuple[str | None, int]:
    """The speaker written right before a quote that starts at `start`, and where it starts."""
    head = text[:start]
    said = _SAID_BEFORE_RE.search(head)
    if said is None:
        return None, start
    # "- Noor (4): '…'": a list item's bullet is no part of who.
    segment = re.sub(r"^\s*[-–—•*·]+\s*", "", last_segment(head[: said.start()]))
    # "Gisteren zei een moeder: …": the speaker comes after the verb; day words go.
    after_verb = _SAID_VERB_RE.split(segment)
    segment = after_verb[-1]
    if len(after_verb) > 1:
        # "zei een van de dames zacht:": the adverb after the speaker goes.
        segment = AFTER_DROP_RE.sub("", " " + segment)
    segment = _LEADING_DAY_RE.sub("", segment)
    if _LABEL_HEAD_RE.match(segment):
        return None, start  # "Tip voor de ouders: '…'": a label, whoever it is for
    segment = LEADING_LABEL_RE.sub("", segment)
    segment = TRAILING_WHEN_RE.sub("", segment)  # "Gerrit na afloop: '…'"
    when = TIME_PHRASE_RE.search(segment)
    if when is not None and _plainly_a_person(segment[: when.start()]):
        segment = segment[: when.start()]  # "Tijn (10) na zijn eerste spelletje: '…'"
    # "Opa Henk tegen zijn kleindochter: '…'": whom the words were for is no part of who.
    segment = _TO_WHOM_RE.sub("", segment)
    # "Na afloop kwam een mevrouw naar me toe: «…»": who came up to the writer spoke.
    segment = _CAME_UP_RE.sub(lambda m: m.group("who") or m.group("first"), segment)
    parts = segment.split(",")
    keep = 2 if len(parts) > 1 and parts[-1].strip().isdigit() else 1
    # ", en een ander:": the filler after the comma is no part of the speaker.
    speaker = _LEADING_DAY_RE.sub("", ",".join(parts[-keep:])).strip()
    words = speaker.split()
    if len(words) > 1 and words[-1].lower() in ("zij", "ze", "hij"):
        # "Een jonge vrouw zij: '…'" (NT2 for "zei"), "een man hij: '…'": the pronoun that
        # takes up the speaker is no part of it.
        speaker = speaker[: speaker.lower().rindex(words[-1].lower())].strip()
    plain = _VAN_AGE_RE.sub("", _SPEAKER_AGE_RE.sub("", _GROUP_NUMBER_RE.sub("groep", speaker)))
    if (
        not plain.strip()
        # "Wat iemand zei: '…'": a question word opens a clause about words, no speaker.
        or plain.split()[0].lower() in WH_WORDS
        # "… wie het zei maar: '…'": a conjunction or adverb alone names no one.
        or plain.strip().lower() in _FUNCTION_WORDS
        # "Label voor de foto: '…'": before a bare colon only someone named is a speaker (one
        # word may be a name typed without its capital: "sem: '…'").
        or (
            said.group().strip() == ":"
            and not looks_like_person(speaker)
            and not re.fullmatch(r"[^\W\d_]{2,15}", plain.strip())
        )
        # "1 meisje: '…'": the numeral one is the article.
        or any(ch.isdigit() for ch in re.sub(r"^\s*1\s+(?=[^\W\d_])", "", plain))
        or len(plain.split()) > 5
        or mentions_name(speaker)
        or plain.split()[-1].lower().strip("()") in LABEL_WORDS
        # "Een moeder las voor: '…'": a clause with its verb is no speaker's name.
        or (said.group().strip() == ":" and has_clause_verb(plain))
    ):
        if said.group().strip() == ":" and _said_aloud(quote_text):
            return _acting_subject(head, segment, start, mentions_name)
        return None, start
    return speaker, head.rindex(speaker)


# A time phrase after who spoke: "na zijn eerste spelletje", "bij het weggaan van de les".
TIME_PHRASE_RE = re.compile(
    r",?\s+(?:na|tijdens|bij|aan\s+het\s+(?:eind|einde|begin)\s+van)\s+"
    r"(?:de|het|een|zijn|haar|hun|mijn|onze)\s+[^:\n]{1,40}$",
    re.I,
)


def _plainly_a_person(words: str) -> bool:
    """A people word ("een vader"), or a name with its age ("Tijn (10)"): a capital alone
    may open any sentence ("Koffie na de les:")."""
    return looks_like_person(words.lower()) or (
        _SPEAKER_AGE_RE.search(words.strip()) is not None and looks_like_person(words)
    )


def _said_aloud(quote_text: str) -> bool:
    """Words that read as said aloud: an exclamation, a question or the first person."""
    return (
        quote_text.rstrip().endswith(("!", "?")) or FIRST_PERSON_RE.search(quote_text) is not None
    )


# "Mevrouw Smit van 82 was zo trots: '…!'", "Een opa lachte: '…'": before a colon, a person
# whose feeling, reaction or gesture the writer names, then words said aloud: that person
# spoke.
_FEELING_RE = re.compile(
    r"^\s*(?P<who>.+?)\s+(?:(?:was|is|waren|zijn|werd|werden|leek|keek)\s+(?:(?:zo|heel|erg|echt|super|"
    r"zichtbaar|helemaal|toch)\s+)*(?:trots|blij|enthousiast|verbaasd|verrast|ontroerd|"
    r"opgetogen|gelukkig|emotioneel|dankbaar|opgelucht|tevreden|teleurgesteld|happy)"
    r"|lachte|straalde|glunderde|huilde|juichte|zuchtte|grinnikte"
    # A gesture that goes with the words: "Een jongetje hield zijn tekening omhoog: '…!'".
    r"|hield|hielden|wees|toonde|zwaaide|sprong|klapte|stak)\b[^:]*$",
    re.I,
)


def _acting_subject(
    head: str, segment: str, start: int, mentions_name: Callable[[str], bool]
) -> tuple[str | None, int]:
    """The person whose feeling or reaction comes right before the colon, if any: only a
    person phrase with an article, a title or a name."""
    feeling = _FEELING_RE.match(segment)
    if feeling is None:
        return None, start
    subject = feeling.group("who").strip()
    plain = _VAN_AGE_RE.sub("", _SPEAKER_AGE_RE.sub("", subject)).strip()
    words = plain.split()
    if (
        not words
        or len(words) > 4
        or any(ch.isdigit() for ch in plain)
        or mentions_name(subject)
        or not looks_like_person(plain)
        or not (words[0].lower() in _SUBJECT_OPENERS or words[0][:1].isupper())
    ):
        return None, start
    at = head.rfind(subject)
    return (subject, at) if at >= 0 else (None, start)


_SUBJECT_OPENERS = {
    "een",
    "de",
    "die",
    "mijn",
    "onze",
    "één",
    "eén",
    "n",
    "'n",
    "mevrouw",
    "meneer",
}
