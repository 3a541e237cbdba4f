"""Someone's words without quote marks: a speaker, a speech verb, then words to the end of
the sentence ("een cursist zei het is makkelijker dan ik dacht"). After "vertelde" or
"vroeg" only a main clause is someone's own; "zei dat …", "vroeg of …" are reported.
See intake.quotes for the rules as a whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from intake.performers import is_performer
from intake.quoteparts import SPOKEN_WHEN, FoundQuote
from intake.speech import (
    looks_like_person,
    speaker_before,
)
from intake.text import blank

# "een cursist zei het is makkelijker dan ik dacht": a speaker, a speech verb, then words to
# the end of the sentence, without quote marks.
_UNMARKED_SAID_RE = re.compile(
    r"\b(?P<verb>zei|zegt|zeg|zee|sei|riep|vertelde|vroeg|vertelden|vroegen|zeiden|zij)\b"
    r"[ \t]*[:,]?"
    r"(?:[ \t]+tegen[ \t]+(?:mij|me|ons|(?:de|het|mijn|haar|zijn)[ \t]+\w+|[A-Z]\w+)"
    r"|[ \t]+(?:mij|me|ons|hem|haar)(?=[ \t]))?"
    r"[ \t]+(?P<said>[^\n.!?\"“”„«»]{8,}?[.!?]?)"
    # The words end at the sentence's end, at "en toen" or ", en/maar …" going on with the
    # story, or where a count starts ("… meenemen, 8 deelnemers").
    r"(?=[ \t]*,?[ \t]+en[ \t]+toen\b|[ \t]+toen[ \t]+(?:we|wij|gingen|moesten|hebben|"
    r"hadden|zijn|waren|kwam|kwamen|ging)\b|[ \t]*,[ \t]*(?:en|maar|dus|want)\b"
    r"|[ \t]*,?[ \t]+\d+[ \t]+[^\W\d_]{3,}|[\n.!?\"“”„«»]|$"
    # Dictated: "… nooit gedacht einde bericht", "… met die mail punt" at the end.
    r"|[ \t]+(?:einde|eind)[ \t]+(?:bericht|verslag|citaat|quote)\b"
    r"|[ \t]+punt(?=[ \t]*(?:\n|$)))",
    re.I,
)
# After "vertelde" or "vroeg" words are someone's own only when they read as a main clause:
# the speaker's "ik"/"we", a question with its verb first ("mag ik …", "waarom moet …"), or
# a pronoun with its verb right after it ("ze wil …"); "vertelde dat …", "vroeg of …" and
# "vertelde over …" are reported, not quoted.
_FINITE = (
    r"(?:kan|kun|kunt|kunnen|mag|mogen|moet|moeten|wil|wilt|willen|is|ben|bent|zijn|heb|"
    r"hebt|heeft|hebben|ga|gaat|gaan|doe|doet|doen|zal|zou|zullen|kom|komt|komen|word|wordt|"
    r"was|waren|had|hadden|weet|weten|vind|vindt)"
)
_STRICT_VERBS = {"vertelde", "vroeg", "vertelden", "vroegen", "zeiden"}
_DIRECT_RE = re.compile(
    rf"^(?:{_FINITE}\s+(?:ik|we|wij|jij|je|u|jullie|dit|dat|die|het|ze|hij|zij)\b"
    rf"|(?:waarom|hoe|wat|wanneer|waar|wie)\s+{_FINITE}\b"
    rf"|(?:ze|zij|hij|het|dit)\s+{_FINITE}\b|dat\s+(?!zijn\b){_FINITE}\b"
    r"|(?!(?:dat|of|over|hoe|waarom|wat|wanneer|waar|wie|van|iets|niets|niks|nog|ook|al|"
    r"er|zijn|haar|hun|toen|het|een|de)\b)(?:\S+\s+){0,3}(?:ik|mijn|m'n|mn|we|wij)\b)",
    re.I,
)
# Adverbs between the speech verb and the words: "zei na afloop dat …" is reported all the
# same, "zei letterlijk ik …" quotes; they are no part of the words.
_LEADING_ADVERB_RE = re.compile(
    rf"^(?:(?:{SPOKEN_WHEN}|daarna|daarop|later|toen|meteen|nog|ook|letterlijk|spontaan|"
    r"zachtjes|lachend|trots|nadien|tussendoor|ineens|opeens)\s+)+",
    re.I,
)
# The person right before an NT2 "zij": "een jongetje", "mevrouw Jansen", "Meneer Hof".
_NT2_SPEAKER_RE = re.compile(
    r"(?:^|(?<=[\s,.]))(?P<who>(?i:een|één|de|die|mijn|n|'n)\s+[^\W\d_]+"
    r"(?:\s+(?i:uit|van)\s+[^\W\d_]+)?"
    r"|(?i:mevrouw|meneer|mevr\.?|mw\.?|dhr\.?|opa|oma)\s+[A-Z][\w'’-]+"
    r"|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)[ \t]+$"
)
# After the verb, one person with an indefinite article, then the words: "zei een meneer …".
_INVERTED_RE = re.compile(
    r"(?P<who>(?i:een|één|eén|n|'n|ene)\s+[^\W\d_]+(?:\s+van\s+\d{1,3}(?:\s*(?:jaar|jr))?)?)"
    r"\s+(?P<rest>\S.*)$",
    re.S,
)
_WH_RE = re.compile(r"(?:waarom|hoe|wat|wanneer|waar|wie|welke)\b", re.I)
_INDIRECT = {
    "dat", "of", "niets", "niks", "weinig", "tegen", "iets", "geen", "ook", "er", "toen", "al",
}  # fmt: skip


# "Een moeder: ze wil nu elke dag naar de bieb.": one person with an indefinite article,
# a colon, then words without marks to the end of the sentence.
_PERSON_COLON_RE = re.compile(
    r"(?:^|(?<=[.!?\n])[ \t]*|(?<=[.!?\n][ \t]))(?P<who>(?i:een|één|eén)[ \t]+[^\W\d_]+"
    r"(?:[ \t]+van[ \t]+\d{1,3}(?:[ \t]*(?:jaar|jr))?)?)[ \t]*:[ \t]*"
    r"(?P<said>[^\n.!?\"“”„«»'‘]{8,}?[.!?]?)(?=[\n.!?]|$)",
)


def _person_colon(
    text: str, found: list[tuple[int, FoundQuote]], mentions_name: Callable[[str], bool]
) -> str:
    """Read "Een moeder: ze wil …" into `found` when the words are a main clause of their own."""
    for match in list(_PERSON_COLON_RE.finditer(text)):
        who, said = match.group("who"), match.group("said").strip()
        if (
            not looks_like_person(who)
            or is_performer(who, text)
            or mentions_name(who)
            or len(said.split()) < 3
            or not _DIRECT_RE.match(said)
        ):
            continue
        found.append((match.start("who"), FoundQuote(said, who)))
        text = blank(text, match.start("who"), match.end())
    return text


def read_unmarked(
    text: str,
    found: list[tuple[int, FoundQuote]],
    mentions_name: Callable[[str], bool],
) -> str:
    """Read words after a speech verb without marks into `found` (with where each starts);
    return `text` with them blanked."""
    text = _person_colon(text, found, mentions_name)
    for match in list(_UNMARKED_SAID_RE.finditer(text)):
        said = match.group("said").strip()
        said = _LEADING_ADVERB_RE.sub("", said)
        # "zei ja, en ging zitten": the story goes on after ", en"; the words end there.
        goes_on = re.search(r"[ \t]*,[ \t]*(?:en|maar|dus|want)\b", said, re.I)
        if goes_on is not None:
            said = said[: goes_on.start()]
        first = said.lower().split()[:2]
        verb_first = re.match(rf"{_FINITE}\b", said, re.I) is not None  # "moet dat echt …"
        # "zei dat is best eng": "dat" with its verb right after it is a main clause.
        # ("zei dat zijn zoon …" is reported: "zijn" may be his).
        demonstrative = re.match(rf"(?:dat|dit)\s+(?!zijn\b){_FINITE}\b", said, re.I) is not None
        if len(said.split()) < 3 or (
            _INDIRECT & set(first) and not verb_first and not demonstrative
        ):
            continue  # "zei dat ze …", "zei niets": no one's own words
        if match.group("verb").lower() == "zij":
            # NT2 "zij" for "zei" ("Meneer Hof zij dat is best eng"): only right after someone
            # named and before a main clause; "Een moeder zij was blij" is the pronoun.
            nt2 = _NT2_SPEAKER_RE.search(text, 0, match.start())
            if nt2 is None or not looks_like_person(nt2.group("who")):
                continue
            if re.search(r"(?i)\b(?:uit|van|in|naar|met|bij|aan|voor)\s+$", text[: nt2.start()]):
                continue  # "een vrouw uit Syrië zij": a place, not who
            if not (_DIRECT_RE.match(said) or demonstrative) or mentions_name(nt2.group("who")):
                continue
            found.append((nt2.start("who"), FoundQuote(said, nt2.group("who"))))
            text = blank(text, nt2.start("who"), match.end())
            continue
        group = re.match(r"(?:de|die|deze|alle|veel|sommige)\s+([^\W\d_]+)", said, re.I)
        if group is not None and looks_like_person(group.group(1)):
            # "Juf zei de kids vroegen er al naar": others as the subject, reported (or the
            # speaker after the verb, "zei de juf het is tijd"): too unsure to quote.
            continue
        if match.group("verb").lower() in _STRICT_VERBS and not _DIRECT_RE.match(said):
            continue  # "vertelde over haar reis", "vroeg of …": reported, not quoted
        if match.group("verb").lower().startswith("vertelde") and _WH_RE.match(said):
            continue  # "vertelde hoe zijn vader …": only "vroeg" takes a direct question
        inverted = _INVERTED_RE.match(said)
        if (
            inverted is not None
            and looks_like_person(inverted.group("who"))
            and _DIRECT_RE.match(inverted.group("rest"))
            and len(inverted.group("rest").split()) >= 3
            and not is_performer(inverted.group("who"), text)
        ):
            # "… 8 mensen zei een meneer dit is mijn tweede thuis": the verb first, then one
            # person and the words, a main clause of their own.
            found.append((match.start(), FoundQuote(inverted.group("rest"), inverted.group("who"))))
            text = blank(text, match.start(), match.end())
            continue
        before = text[: match.start()].split()
        if before and before[-1].lower() in ("hij", "zij", "ze", "ik", "we", "wij", "jij", "je"):
            continue  # "hij zei ja en ging zitten": too little to tell whose words
        speaker, spoken = speaker_before(text, match.start("said"))
        if not spoken or speaker is None or mentions_name(speaker) or is_performer(speaker, text):
            continue
        if not looks_like_person(speaker):
            continue  # "de folder zegt het al …": without marks only a person's words
        at = text.rfind(speaker, 0, match.start())
        start = at if at >= 0 else match.start()
        found.append((start, FoundQuote(said, speaker)))
        text = blank(text, start, match.end())
    return text
