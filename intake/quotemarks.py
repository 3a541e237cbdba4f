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
from intake.quoteafter import AFTER_RE, attribution_after, signature_below
from intake.quotebefore import (
    LABEL_WORDS,
    LEADING_LABEL_RE,
    SPOKEN_WHEN_RE,
    TIME_PHRASE_RE,
    last_segment,
    speaker_said_before,
)
from intake.quoteparts import (
    DOUBLE_RE,
    FIRST_PERSON_RE,
    NOBODY,
    SINGLE_RE,
    FoundQuote,
    inside_marks,
)
from intake.speech import (
    looks_like_person,
    looks_spoken,
    sentence_before,
    speaker_before,
    title_before,
)
from intake.text import blank

# Between two quotes that belong together: "…" en "…", "…", "…".
_JOINED_RE = re.compile(r"[ \t]*(?:,|en|of|and|or|,[ \t]*en)[ \t]*", re.I)
# Text in marks shorter than this is no quote.
MIN_QUOTE_CHARS = 2


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
    who = LEADING_LABEL_RE.sub("", heading[:-1]) if heading.endswith(":") else heading
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
        and not TIME_PHRASE_RE.search(sentence_before(text, match.start()).rstrip().rstrip(":"))
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
    label = last_segment(before[:-1]).lower().split() if before.endswith(":") else []
    if (
        label
        and not set(label) & (LABEL_WORDS | {"uitspraken", "quotes"})
        # "Na afloop: 'Ik …'": a time of speaking heads words said then, like a speech label.
        and SPOKEN_WHEN_RE.fullmatch(" ".join(label)) is None
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
            said_after = AFTER_RE.match(text, match.end())
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
            speaker, start = speaker_said_before(text, match.start(), mentions_name, quote_text)
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
                after, after_stop = attribution_after(text, match.end())
                if after is not None:
                    speaker, start = None, match.start()
                    attribution, stop = after, after_stop
                else:
                    attribution, stop = speaker, match.end()
            elif speaker is not None:
                attribution, stop = speaker, match.end()
            else:
                attribution, stop = attribution_after(text, match.end())
                if attribution is None:
                    attribution, stop = signature_below(text, match, mentions_name)
            status = _status(text, match, quote_text, attribution, spoken or cued)
            if status != "none":
                found.append((start, FoundQuote(quote_text, attribution, status)))
            text = blank(text, start, max(stop, match.end()))
            previous = (match.end(), status, attribution) if stop <= match.end() else None
    return text
