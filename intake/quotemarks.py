"""Quotes in quote marks: "…", '…', “…”, ‘…’, „…”, «…», with who said them.

The speaker written right before the marks ("Oma Riek: “…”", "Sem (6) zei „…”"),
or the attribution after them (a dash, parentheses, "zei Sem"); quotes joined by "en" or a
comma are of one kind; and the status of text in marks without a speech cue: a quote, a
sentence to ask about, or a title. See intake.quotes for the rules as a whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from intake.performers import is_performer
from intake.quoteparts import (
    DOUBLE_RE,
    FIRST_PERSON_RE,
    GOES_ON_RE,
    NOBODY,
    SINGLE_RE,
    SPOKEN_WHEN,
    FoundQuote,
    clean_attribution,
    inside_marks,
)
from intake.speech import (
    ABBREVIATION_END_RE,
    AFTER_DROP_RE,
    FILLERS,
    WH_WORDS,
    has_clause_verb,
    looks_like_person,
    looks_spoken,
    sentence_before,
    speaker_before,
    title_before,
)
from intake.text import blank

# Emoji and other symbols, with their joiners and variation selectors.
_SYMBOLS = "\u200d\ufe0f\u2600-\u27bf\U0001f000-\U0001faff"
_AFTER_RE = re.compile(
    r"[ \t]*,?[ \t]*(?:"
    # "'…' - zei Wim": a dash before the speech verb is no part of who.
    r"(?:[-–—]+[ \t]*)?(?:zei|zegt|zee|sei|said|zeg|aldus|vertelde|volgens|riep|vroeg|schreef|"
    r"fluisterde|lachte|verzuchtte|antwoordde|reageerde|mompelde|grapte|jubelde|zuchtte)[ \t]+"
    r"(?P<said>[^\n\"“„«'‘(]+(?:\([^)\n]*\))?)"
    r"|[-–—]+[ \t]*(?P<dash>[^\n\"“„«'‘]+)"
    # "'…' 😂 (Fenna 4)": an emoji between the words and who said them is the writer's;
    # "(een vrouw van 80)" alone on the next line says who as well.
    rf"|(?:[{_SYMBOLS}]+[ \t]*)?\((?P<paren>[^)\n]+)\)"
    r"|[ \t]*\n[ \t]*\((?P<nextparen>[^)\n]+)\)[ \t]*(?=\n|$))",
    re.IGNORECASE,
)
# A trailing age: "Jan, 72", "meisje (9)", "een man van 67".
_AGE_END_RE = re.compile(
    r"\s*(?:\(\s*\d{1,3}\s*(?:jaar|jr)?\s*\)|,?\s*(?:van\s+)?\d{1,3}\s*(?:jaar|jr)?)\s*$", re.I
)
# Between two quotes that belong together: "…" en "…", "…", "…".
_JOINED_RE = re.compile(r"[ \t]*(?:,|en|of|and|or|,[ \t]*en)[ \t]*", re.I)
# "Gerrit na afloop: '…'": the time of speaking is no part of the speaker.
_TRAILING_WHEN_RE = re.compile(rf"\s+{SPOKEN_WHEN}\s*$", re.I)
_SPOKEN_WHEN_RE = re.compile(SPOKEN_WHEN, re.I)
_TO_WHOM_RE = re.compile(r"(?<=\S)\s+(?:tegen|to)\s+[^\s,]+(?:\s+[^\s,]+){0,3}\s*$", re.I)
# "een meisje uit groep 6": a school group's number is no count in a speaker.
_GROUP_NUMBER_RE = re.compile(r"\b(?:groep|klas|leerjaar|group)\s+\d{1,2}\b", re.I)
# Text in marks shorter than this is no quote.
MIN_QUOTE_CHARS = 2


# "'Nog een keer!'\n- Daan, 4": a dash line under words on a line of their own signs them.
_SIGNATURE_RE = re.compile(
    rf"[ \t]*(?:[{_SYMBOLS}]+[ \t]*)?\n[ \t]*[-–—]+[ \t]*(?P<who>[^\n]{{2,40}}?)[ \t]*(?=\n|$)"
)
_NAME_RE = re.compile(
    r"(?:(?i:mevrouw|meneer|opa|oma|juf|meester)\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
)


def _signature_below(
    text: str, match: re.Match[str], mentions_name: Callable[[str], bool]
) -> tuple[str | None, int]:
    """The signature on the line under words that stand on a line of their own: one short
    name or people phrase (an age allowed), not a count, a place or the next list item."""
    line_start = text.rfind("\n", 0, match.start()) + 1
    found = _SIGNATURE_RE.match(text, match.end())
    if found is None or text[line_start : match.start()].strip():
        return None, match.end()
    who = found.group("who").strip(" .")
    plain = _AGE_END_RE.sub("", who).strip()
    if (
        not plain
        or any(ch.isdigit() for ch in plain)
        or len(plain.split()) > 4
        or mentions_name(plain)
        # A name alone may be a one-word comment ("- Gezellig"): only with an age, a
        # title or a surname is it someone.
        or not (
            looks_like_person(plain.lower())
            or (_NAME_RE.fullmatch(plain) and (plain != who or " " in plain))
        )
        or re.match(r"[ \t]*\n[ \t]*[-–—•*]", text[found.end() :])
    ):
        return None, match.end()
    return who, found.end()


_LEADING_VERB_RE = re.compile(
    r"^\s*(?:zei|zegt|zeggen|zee|sei|aldus|volgens|vertelde|riep|vroeg|said)\s+", re.I
)


def _attribution_after(text: str, end: int) -> tuple[str | None, int]:
    """Attribution following a quote that ends at `end`, and where it ends."""
    match = _AFTER_RE.match(text, end)
    if not match:
        return None, end
    paren = match.group("paren") or match.group("nextparen")
    raw = match.group("dash") or paren or match.group("said") or ""
    if match.group("said"):
        # "zee een man naoderhaand": the adverb after the person goes; "zei heel serieus"
        # names nobody.
        raw = AFTER_DROP_RE.sub("", " " + raw).strip()
    if paren or match.group("dash"):
        # "(zei een nieuwe deelnemer)", "- aldus Wim": the speech verb is no part of who.
        raw = _LEADING_VERB_RE.sub("", raw)
    if match.group("dash") and GOES_ON_RE.match(raw):
        return None, end  # "'…' – en de rest moest lachen": the writer's sentence goes on
    if match.group("dash"):
        # "'…' - Riek (80) na afloop": the time of speaking is no part of who.
        when = _TRAILING_WHEN_RE.search(raw.rstrip(" .!"))
        raw = raw[: when.start()] if when is not None else raw
    attribution = clean_attribution(raw)
    if attribution is None or (
        (match.group("said") or match.group("nextparen")) and not looks_like_person(attribution)
    ):
        return None, end
    if match.group("nextparen") and any(ch.isdigit() for ch in _AGE_END_RE.sub("", attribution)):
        return None, end  # "(3 volwassenen)" on its own line is a count, no one who spoke
    start = match.start("dash") if match.group("dash") else match.start()
    if match.group("said"):
        start = match.start("said")
    if paren:
        return attribution, match.end()
    stop = text.find(attribution, start)
    return attribution, stop + len(attribution) if stop >= 0 else end


# Who speaks before the quote marks: "Oma Riek: “…”", "Sem (6) zei „…”".
_SAID_BEFORE_RE = re.compile(r"(?:\s*:|\s+(?:zei|zegt|vertelde|vroeg|riep)\s*:?)\s*$", re.I)
# "Twee uitspraken: Klaas: '…'": a colon before the speaker ends a label.
_SPEAKER_SPLIT_RE = re.compile(r"[\n.!?;:\"“”„«»—–]|\s-\s")
# "Citaat van een cursist: …": the label goes, the speaker stays.
_LEADING_LABEL_RE = re.compile(
    rf"^\s*(?:(?:citaat|quote|uitspraak|reactie)\s+(?:{SPOKEN_WHEN}\s+)?(?:van\s+)?"
    # "Vraag van een deelnemer:": a noun for words said, then "van" and who said them
    # ("Reactie na afloop van een cursist:" with the time in between).
    r"|(?:vraag|vragen|opmerking|opmerkingen|compliment|complimentje|tip|antwoord|"
    rf"commentaar|verzuchting|woorden|reacties|uitspraken|citaten|quotes)\s+(?:{SPOKEN_WHEN}\s+)?"
    r"van\s+)",
    re.I,
)
# "Tip voor de ouders:": a noun for words, not followed by who said them, names no one.
_LABEL_HEAD_RE = re.compile(
    r"^\s*(?:vraag|vragen|opmerking|opmerkingen|compliment|tip|tips|antwoord|commentaar|"
    rf"reactie|reacties|citaat|quote|uitspraak|advies)\b(?!\s+(?:{SPOKEN_WHEN}\s+)?van\b)",
    re.I,
)
_SAID_VERB_RE = re.compile(r"\b(?:zei|zegt|vertelde|vroeg|riep)\b", re.I)
_LEADING_DAY_RE = re.compile(
    rf"^\s*(?:(?:{FILLERS}|vandaag|gisteren|toen|daarna|later|ook|en|na afloop|achteraf|"
    r"aan het eind|aan het begin)\b[\s,]*)+",
    re.I,
)
# "Een meisje van 9", "die mevrouw van 89": an age written with "van".
_VAN_AGE_RE = re.compile(r"\s+van\s+\d{1,3}(?:\s*(?:jaar|jr))?\s*$", re.I)
# Words before a colon that label the quote rather than say who spoke: "Reactie: '…'".
_LABEL_WORDS = {
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


def _last_segment(head: str) -> str:
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


def _speaker_said_before(
    text: str, start: int, mentions_name: Callable[[str], bool], quote_text: str = ""
) -> tuple[str | None, int]:
    """The speaker written right before a quote that starts at `start`, and where it starts."""
    head = text[:start]
    said = _SAID_BEFORE_RE.search(head)
    if said is None:
        return None, start
    segment = _last_segment(head[: said.start()])
    # "Gisteren zei een moeder: …": the speaker comes after the verb; day words go.
    after_verb = _SAID_VERB_RE.split(segment)
    segment = after_verb[-1]
    if len(after_verb) > 1:
        # "zei een van de dames zacht:": the adverb after the speaker goes.
        segment = AFTER_DROP_RE.sub("", " " + segment)
    segment = _LEADING_DAY_RE.sub("", segment)
    if _LABEL_HEAD_RE.match(segment):
        return None, start  # "Tip voor de ouders: '…'": a label, whoever it is for
    segment = _LEADING_LABEL_RE.sub("", segment)
    segment = _TRAILING_WHEN_RE.sub("", segment)  # "Gerrit na afloop: '…'"
    when = _TIME_PHRASE_RE.search(segment)
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
        or plain.split()[-1].lower().strip("()") in _LABEL_WORDS
        # "Een moeder las voor: '…'": a clause with its verb is no speaker's name.
        or (said.group().strip() == ":" and has_clause_verb(plain))
    ):
        if said.group().strip() == ":" and _said_aloud(quote_text):
            return _acting_subject(head, segment, start, mentions_name)
        return None, start
    return speaker, head.rindex(speaker)


# A time phrase after who spoke: "na zijn eerste spelletje", "bij het weggaan van de les".
_TIME_PHRASE_RE = re.compile(
    r"\s+(?:na|tijdens|bij|aan\s+het\s+(?:eind|einde|begin)\s+van)\s+"
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


_SPEECH_LABEL_RE = re.compile(
    r"\b(?:reacties?|opmerking|opmerkingen|feedback|compliment|complimenten|quotes?|citaat|"
    r"citaten|uitspraak|uitspraken|reaction|reactions|comment|comments|tip|hoogtepunt|"
    r"highlight)\s*:\s*$",
    re.IGNORECASE,
)


# A list item: a bullet or a number at the start of its line, then the quote marks.
_ITEM_RE = re.compile(r"^[ \t]*(?:[-–—•*·]|\d{1,2}[.)])[ \t]*$")
# An item line before this one (its words may be blanked already, as read).
_ITEM_LINE_RE = re.compile(r"^[ \t]*(?:[-–—•*·]|\d{1,2}[.)])")


def _listed_under_label(text: str, start: int) -> bool:
    """Quote marks that open an item of a list headed by a speech label on a line of its own
    ("Citaten:\n- '…'\n- '…'"): the label is theirs as it is for words right after it."""
    line_start = text.rfind("\n", 0, start) + 1
    if not _ITEM_RE.match(text[line_start:start]):
        return False
    lines = text[: max(line_start - 1, 0)].split("\n") if line_start else []
    while lines and _ITEM_LINE_RE.match(lines[-1]):
        lines.pop()  # the items before this one
    if not lines:
        return False
    heading = sentence_before(lines[-1], len(lines[-1])).strip()
    if _SPEECH_LABEL_RE.search(heading) is not None:
        return True
    # "Vragen van bezoekers:": a noun for words said and who said them.
    who = _LEADING_LABEL_RE.sub("", heading[:-1]) if heading.endswith(":") else heading
    return who != heading[:-1] and looks_like_person(who)


# "Workshop 'Schrijf je levensverhaal' (deel 2)": a part of a title, not who said it.
_NOT_A_PERSON_RE = re.compile(
    r"^\s*(?:(?:deel|les|module|hoofdstuk|ronde|editie|seizoen|part|vol|nr)\b|\d+\s*$)", re.I
)


# The writer's sentence goes on after the closing mark: "'Mijn Overheid' vonden ze lastig".
_GOES_ON_RE = re.compile(
    r"[ \t]+(?:vonden|vond|vinden|vindt|was|waren|is|zijn|werd|werden|bleek|bleken|kregen|"
    r"kreeg|kende|kenden|begrepen|snapte|snapten)[ \t]+[a-z]"
)


# Every word capitalised, two or more, no sentence end: "De Boekenwurmen", "Harry Potter".
_TITLE_CASE_RE = re.compile(r"(?:[A-Z0-9][\w'’&-]*[ \t]+)+[A-Z0-9][\w'’&-]*")


# A perception verb, its object and a speech verb's infinitive: "hoorde ik een bezoeker zeggen".
_HEARD_RE = re.compile(
    r"\b(?:hoorde|hoorden|hoor)\s+(?:ik|we|wij|je)\s+(?P<who>[^\n,.;:!?\"“”„«»]{2,40}?)\s+"
    r"(?:zeggen|roepen|vragen|fluisteren|zuchten|mompelen)\s*:?\s*$",
    re.I,
)


# Words said to the writer: "kreeg te horen '…'", "kregen we van een moeder te horen:",
# "te horen gekregen van een cursist:"; the hearer is no speaker.
_TOLD_RE = re.compile(
    r"\b(?:(?:kreeg|kregen|krijg|krijgen)(?:\s+(?:ik|we|wij|je))?"
    r"(?:\s+van\s+(?P<who>[^\n,.;:!?\"“”„«»]{2,40}?))?\s+te\s+horen"
    r"|te\s+horen\s+(?:gekregen|kreeg|kregen)(?:\s+van\s+(?P<who2>[^\n,.;:!?\"“”„«»]{2,40}?))?)"
    r"\s*:?\s*$",
    re.I,
)


def _status(
    text: str, match: re.Match[str], quote_text: str, attribution: str | None, spoken: bool
) -> str:
    """See `_cued_status`; besides, text in Title Case is never stated as someone's words
    without a speech verb: "winnaars: 'De Boekenwurmen'", "'Harry Potter'" read as a name or
    a title, so where the cues would make it a quote it is asked."""
    own = _OWN_LABEL_RE.search(sentence_before(text, match.start()))
    if (
        own is not None
        and not spoken
        and not looks_like_person(own.group("noun"))
        # "Mijn quote van vandaag:" reports someone's words.
        and own.group("noun").lower() not in {"quote", "quotes", "citaat", "citaten", "uitspraak"}
    ):
        return "none"  # "Mijn tip: 'lees elke dag even'": the writer's own words
    status = _cued_status(text, match, quote_text, attribution, spoken)
    if status == "quote" and not spoken and _TITLE_CASE_RE.fullmatch(quote_text.strip()):
        return "ask"
    return status


# "Mijn tip: '…'", "onze slogan '…'": a thing of the writer's own, no one else's words.
_OWN_LABEL_RE = re.compile(
    r"\b(?:mijn|m'n|mn|onze|ons|my|our)\s+(?P<noun>[^\W\d_]+)\s*:?\s*$", re.I
)


def _cued_status(
    text: str, match: re.Match[str], quote_text: str, attribution: str | None, spoken: bool
) -> str:
    """'quote', 'ask' or 'none' (see intake.speech): a speech verb makes a quote; a title cue
    before it makes none; then an attribution makes a quote; a sentence standing on its own
    is a quote, one inside a clause is asked; a short phrase is the writer's own words."""
    if (
        attribution is None
        and _GOES_ON_RE.match(text, match.end())
        and not quote_text.rstrip().endswith(("!", "?", "."))
    ):
        # "opmerking: 'Mijn Overheid' vonden ze lastig", "Citaat: 'De Gruffalo' was
        # favoriet": a term inside the writer's sentence, not words someone said: asked,
        # whatever cue stands before it.
        return "ask"
    if (
        spoken
        or _SPEECH_LABEL_RE.search(sentence_before(text, match.start()))
        or _listed_under_label(text, match.start())
    ):
        return "none" if is_performer(attribution, text) else "quote"
    if attribution is not None and title_before(attribution + ": ", len(attribution) + 2):
        return "none"  # "Boek: 'Nijntje in de sneeuw'": a label of a title, not a speaker
    if (
        attribution is not None
        and title_before(text, match.start(), match.end())
        # "De vrouw na de les: '…'": the noun ends a time phrase, it heads no title.
        and not _TIME_PHRASE_RE.search(sentence_before(text, match.start()).rstrip().rstrip(":"))
    ):
        # "we lazen 'Rupsje Nooitgenoeg' (natuurlijk)", "'De Gruffalo' (Julia Donaldson)
        # voorgelezen": a title with an aside or its author, no one's words.
        return "none"
    if attribution is not None and not _NOT_A_PERSON_RE.match(attribution):
        return "none" if is_performer(attribution, text) else "quote"
    if title_before(text, match.start(), match.end()) or attribution is not None:
        return "none"
    before = sentence_before(text, match.start()).strip()
    after = text[match.end() :].lstrip(" \t")
    alone = not before or before[-1:] in ":" or not after or after[0] in ".!?\n"
    titled = quote_text[:1].isupper() and not quote_text.rstrip().endswith(("!", "?", "."))
    if titled and not alone:
        return "ask"  # "we deden 'De Gruffalo' na": a title, or someone's words?
    if not looks_spoken(quote_text):
        return "none"
    # Without any cue only a sentence in the first person reads as a participant's words
    # ("Ik kan nu de brief lezen"); any other sentence could be a title, a slogan or the
    # writer's own words, so it is asked, never stated.
    label = _last_segment(before[:-1]).lower().split() if before.endswith(":") else []
    if (
        label
        and not set(label) & (_LABEL_WORDS | {"uitspraken", "quotes"})
        # "Na afloop: 'Ik …'": a time of speaking heads words said then, like a speech label.
        and _SPOKEN_WHEN_RE.fullmatch(" ".join(label)) is None
    ):
        # "Vraag van de dag: 'Hoe maak ik …?'": a label before the colon that names no one
        # may head a topic or a title as well as someone's words: asked.
        return "ask"
    return "quote" if alone and FIRST_PERSON_RE.search(quote_text) else "ask"


def read_marked(
    text: str,
    found: list[tuple[int, FoundQuote]],
    is_name: Callable[[str], bool],
    mentions_name: Callable[[str], bool],
    cued: bool,
) -> str:
    """Read the quotes in quote marks into `found` (with where each starts); return `text`
    with them and their attributions blanked. `cued`: a speech cue came before the text."""
    for pattern in (DOUBLE_RE, SINGLE_RE):
        previous: tuple[int, str, str | None] | None = None
        for match in list(pattern.finditer(text)):
            quote_text = match.group(1).strip()
            if len(quote_text) < MIN_QUOTE_CHARS or is_name(quote_text):
                continue
            if pattern is DOUBLE_RE and inside_marks(
                text, match.start(), match.end(), (SINGLE_RE,)
            ):
                continue  # 'she says "boek" now': a word mentioned inside someone's words
            said_after = _AFTER_RE.match(text, match.end())
            if (
                previous is not None
                and _JOINED_RE.fullmatch(text, previous[0], match.start())
                # "we lazen 'De Gruffalo' en 'Nog een keer!' riep Sem": a speech verb after
                # the second makes it someone's words, whatever the first was.
                and (said_after is None or said_after.group("said") is None)
            ):
                # 'geoefend als "…?" en "…"': a quote joined to the one before is of its kind
                # (a taught phrase, or the same speaker's words).
                _, status, attribution = previous
                if status != "none":
                    found.append((match.start(), FoundQuote(quote_text, attribution, status)))
                text = blank(text, match.start(), match.end())
                previous = (match.end(), status, attribution)
                continue
            speaker, start = _speaker_said_before(text, match.start(), mentions_name, quote_text)
            said_by, spoken = speaker_before(text, match.start())
            heard = _HEARD_RE.search(sentence_before(text, match.start()))
            if heard is not None and looks_like_person(heard.group("who")):
                # "hoorde ik een bezoeker zeggen '…'": who was heard saying it spoke.
                said_by, spoken = heard.group("who").strip(), True
            told = _TOLD_RE.search(sentence_before(text, match.start()))
            if told is not None:
                # "kreeg te horen '…'": words said to the writer; by whom only with "van".
                who = (told.group("who") or told.group("who2") or "").strip()
                said_by, spoken = (who if who and looks_like_person(who) else None), True
            if spoken and (said_by is None or mentions_name(said_by)):
                speaker, start = None, match.start()  # "Ze zei:" with nobody to refer to
            elif spoken and said_by is not None:
                speaker = said_by
                at = text.rfind(said_by, 0, match.start())
                start = at if at >= 0 else match.start()
            if speaker is not None and speaker.strip().lower() in NOBODY:
                # "Wat zei iemand: '…' (moeder van Noor)": who it was follows the words.
                after, after_stop = _attribution_after(text, match.end())
                if after is not None:
                    speaker, start = None, match.start()
                    attribution, stop = after, after_stop
                else:
                    attribution, stop = speaker, match.end()
            elif speaker is not None:
                attribution, stop = speaker, match.end()
            else:
                attribution, stop = _attribution_after(text, match.end())
                if attribution is None:
                    attribution, stop = _signature_below(text, match, mentions_name)
            status = _status(text, match, quote_text, attribution, spoken or cued)
            if status != "none":
                found.append((start, FoundQuote(quote_text, attribution, status)))
            text = blank(text, start, max(stop, match.end()))
            previous = (match.end(), status, attribution) if stop <= match.end() else None
    return text
