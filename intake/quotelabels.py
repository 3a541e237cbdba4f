"""Quotes given by a label or a form line: "Quote: …", "Citaat leerling: …", "moeder zei:
…" to the end of the line, "citaat dit was leuk" typed without its colon, NT2 "Een vrouw
zij: …", "Gerrit na afloop: …", and a form line "Van: …" after the label that says
who. Words without marks end where the writer goes on about the speaker or the session.
See intake.quotes for the rules as a whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from intake.performers import is_performer
from intake.quoteparts import (
    DOUBLE_RE,
    FIRST_PERSON_RE,
    GOES_ON_RE,
    MAX_ATTRIBUTION_WORDS,
    SINGLE_RE,
    SPOKEN_WHEN,
    FoundQuote,
    clean_attribution,
    inside_marks,
)
from intake.speech import (
    ABBREVIATION_END_RE,
    SPEECH_VERBS,
    looks_like_person,
    sentence_before,
    speaker_before,
)
from intake.text import blank

_LABEL_RE = re.compile(
    rf"\b(quote|citaat|uitspraak|zij(?=[ \t]*:)|{SPOKEN_WHEN}(?=[ \t]*:)"
    rf"|(?:{SPEECH_VERBS})(?:[ \t]+[^\s:,.!?\"“”„«»'‘]+){{0,3}}?)"
    # "Quote van de week:", "Quote of the day:": a time, no one.
    r"(?:\s+(?:van\s+de|v/d|vd|of\s+the)\s+(?:dag|week|avond|middag|ochtend|les|day|"
    r"session|evening|morning)"
    r"|\s+(?:van|from|by)\s+(?P<who>[^:\n\"“„«'‘]{2,40}?)"
    # "Citaat leerling: …", "Quote bezoeker: …": who spoke, between the label and its colon.
    r"|(?:(?<=citaat)|(?<=quote)|(?<=uitspraak))[ \t]+"
    r"(?P<bywho>[^\s:,.!?\"“”„«»'‘]+(?:[ \t]+[^\s:,.!?\"“”„«»'‘]+){0,2}(?:[ \t]*\(\d{1,3}\))?)"
    r"(?=[ \t]*:))?"
    r"(?:\s*:|\s+[—–-](?=\s))\s*(?P<content>.+)$",
    re.IGNORECASE | re.M,
)
_LABEL_WORD = {"quote", "citaat", "uitspraak"}
# A label's content that opens with one of these is read by the marked-quote reader.
_MARKS = "\"'“”„‘’«»‚"
# "citaat dit was zo leuk": a label typed without its colon (the length stays the same).
_BARE_LABEL_RE = re.compile(
    # "geen quote vandaag" is no label.
    r"(?<!geen )\b(citaat|quote)\s(?!\s*(?:van|by|from|of|vd|v/d)\b)(?=\s*[^\s:—–-])",
    re.I,
)
# "… - moeder van Isa", "… (vader van Sem)": the attribution part after the words.
_DASH_SPLIT_RE = re.compile(r"\s+[-–—]+\s*|\s*\((?=[^)]*\)\s*$)")
# A sentence after words without marks that is the writer's again: about the speaker in the
# third person ("Zij is heel blij") or going on with the session ("Verder nog vijf …").
# The speaker's reaction is the writer's ("Zij is heel blij", "Hij straalde"); "Hij was
# visser" may go on with the speaker's own story, so only a feeling ends the words.
_NARRATIVE_NEXT_RE = re.compile(
    r"(?<=[.!?])\s+(?=(?:(?:zij|ze|hij)\s+(?:(?:is|was|werd|leek|keek)\s+(?:(?:heel|erg|zo|"
    r"echt|super|zichtbaar)\s+)?(?:blij|trots|tevreden|gelukkig|ontroerd|enthousiast|verbaasd|"
    r"opgelucht|verrast|emotioneel|happy)|lachte|straalde|huilde|glunderde|moest\s+lachen)"
    r"|verder|daarna|daarnaast|daarop|iedereen"
    # The writer's own comment on the words, or the next session's plan.
    r"|(?:dat|dit|wat)\s+(?:vond|vind)\s+ik|(?:dat|dit)\s+(?:was|is)\s+(?:zo\s+)?(?:mooi|fijn|"
    r"leuk|ontroerend)|(?:wat\s+)?(?:mooi|leuk|prachtig|geweldig|fijn|lief)(?:\s+(?:toch|hoor))?"
    r"(?=\s*[!.])|(?:volgende|next)\s+(?:keer|les|bijeenkomst|sessie|week|time|session)"
    r"\s+(?:is|op|wordt|gaan|is\s+op)"
    r")\b)",
    re.I,
)
_SPOKEN_WHEN_RE = re.compile(SPOKEN_WHEN, re.I)
# The person phrase right before an NT2 "zij:": "Een vrouw", "een man uit Syrië".
_NT2_PERSON_RE = re.compile(
    r"(?:^|[\s,])((?i:een|de|die|mijn|n|'n|1)\s+[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,3}"
    r"|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s*$"
)


# A label with nothing after it: "Citaat: n.v.t.".
_NOTHING = {
    "nvt",
    "n.v.t",
    "n.v.t.",
    "geen",
    "-",
    "--",
    "nee",
    "niks",
    "niets",
    "x",
    "/",
    "geen citaat",
    "geen quote",
    "geen quotes",
    "none",
    "n/a",
    "na",
    "nope",
    "helaas geen",
    "...",
    "…",
}


# A label's note that there is no quote: "Citaat: geen bijzonderheden", "geen, te druk",
# "niet gehoord", "volgt nog", "zie foto", "weet ik niet meer", "-/-".
_NOTHING_NOTE_RE = re.compile(
    r"\s*(?:(?:geen|nvt|n\.?v\.?t\.?|niks|niets|nee|none|n/?a|x)(?=\s*[,(.!;:]|\s*$|\s+(?:citaat|"
    r"quote|quotes|citaten|bijzonderheden|opmerkingen|reacties?|gehoord|vandaag|want|te|"
    r"helaas|dit\s+keer|deze\s+keer)\b)"
    r"|[-–—/.\s]+$"
    r"|(?:niet|niets|niks)\s+(?:gehoord|opgevangen|genoteerd)\b|volgt(?:\s+(?:nog|later))?\s*[.!]?$"
    r"|zie\s+(?:foto|bijlage|mail|hierboven|boven)\b"
    r"|weet\s+(?:ik\s+)?(?:het\s+)?niet(?:\s+meer)?\s*[.!]?$|vergeten\b)",
    re.I,
)


# A form line after "Citaat: …" that says who: "Van: cursist (67)", "Wie: een moeder".
_FORM_WHO_RE = re.compile(
    # "\n— meneer (68)": a dash line under the quote says who, as a signature does.
    r"[ \t]*\n[ \t]*(?:(?:van|wie|door|naam|spreker|gezegd\s+door)[ \t]*[:\-–]"
    r"|(?P<dash>[-–—]+)|(?P<paren>\())[ \t]*"
    # "\n(een vrouw van in de tachtig)": a line in brackets under the quote says who too.
    r"(?P<who>[^\n]{2,60}?)(?(paren)\)|)[ \t]*(?=\n|$)",
    re.I,
)
# A closing greeting after a quote without marks: "zei: ik wil elke week komen. Goede dag."
_CLOSING_RE = re.compile(
    r"(?<=[.!?])\s+(?:goede\s+dag|goedendag|groet(?:en|jes)?|mvg|met\s+vriendelijke\s+"
    r"groet(?:en)?|doei|fijne\s+dag|fijn\s+weekend|tot\s+ziens|bedankt|dank\s+je(?:\s+wel)?|"
    r"hartelijke\s+groet(?:en)?)\W*$",
    re.I,
)


# A form field's own label: "Van:", "CITAAT VAN:", "Datum: 3 maart".
_FORM_FIELD_RE = re.compile(r"[ \t]*[^\W\d_][^\W\d_ \t/]*(?:[ \t/]+[^\W\d_]+){0,2}[ \t]*:", re.M)
# The end of a sentence: "…, dit is de eerste. Ik heb …"; "mevr. B." and "10.30" are none.
_SENTENCE_STOP_RE = re.compile(r"[.!?]+(?=\s)|\s+(?:einde|eind)\s+(?:bericht|verslag)\b", re.I)


def _sentence_end(content: str) -> int | None:
    """Where the first sentence of `content` ends, if another follows it."""
    for stop in _SENTENCE_STOP_RE.finditer(content):
        if stop.group().startswith(".") and ABBREVIATION_END_RE.search(content[: stop.start()]):
            continue
        if not content[stop.end() :].strip():
            return None
        if stop.group()[:1] in ".!?" and len(content[: stop.start()].split()) < 3:
            continue  # "Wauw! Dit is mooi.": an interjection opens the words, no sentence
        return stop.end() if stop.group()[:1] in ".!?" else stop.start()
    return None


# A short phrase and a colon right after a label: "Citaat leerling: …".
_WHO_COLON_RE = re.compile(
    r"[ \t]*(?P<who>[^\s:,.!?\"“”„«»'‘]+(?:[ \t]+[^\s:,.!?\"“”„«»'‘]+){0,2}"
    r"(?:[ \t]*\(\d{1,3}\))?)[ \t]*:"
)


# "Citaat uit het boek:", "citaat in het gedicht:": words from a text, no one's here.
_SOURCE_STARTS = ("uit ", "from ", "in ", "op ", "bij ", "achterop ")


def _bare_label(text: str, match: re.Match[str]) -> str:
    """ "citaat dit was leuk" gets its colon; "citaat leerling: …" has one after its
    speaker already."""
    who = _WHO_COLON_RE.match(text, match.end())
    if who is not None and (
        _label_speaker(who.group("who")) is not None
        or who.group("who").lower().startswith(_SOURCE_STARTS)
    ):
        return match.group()
    return match.group(1) + ":"


def _label_speaker(who: str | None) -> str | None:
    """ "Citaat van een cursist": the speaker; "Quote van vandaag", "Citaat van na afloop":
    a time, no one."""
    who = (who or "").strip()
    return who if who and looks_like_person(who) else None


def _form_speaker(text: str, end: int) -> tuple[str | None, int]:
    """The speaker on the form line right after a label's line, and where that line ends."""
    match = _FORM_WHO_RE.match(text, end)
    if match is None or not looks_like_person(match.group("who")):
        return None, end
    if match.group("dash") is not None or match.group("paren") is not None:
        # A dash line is a signature only when it is one short name ("— meneer (68)"); a
        # count ("- 8 deelnemers") or a list of dash lines is the report going on.
        who = _AGE_END_RE.sub("", match.group("who"))
        # Brackets close the line, so a longer phrase in them is still one who.
        longest = 4 if match.group("dash") is not None else MAX_ATTRIBUTION_WORDS
        if any(ch.isdigit() for ch in who) or len(who.split()) > longest:
            return None, end
        if re.match(r"[ \t]*\n[ \t]*[-–—•*]", text[match.end() :]):
            return None, end
    return clean_attribution(match.group("who")), match.end()


_AGE_END_RE = re.compile(r"\s*(?:\(\s*\d{1,3}\s*(?:jaar|jr)?\s*\)|,\s*\d{1,3}\s*(?:jaar|jr)?)\s*$")


# The reader of a whole text, run again on a label's content (intake.quotes.extract_quotes).
Extract = Callable[
    [str, Callable[[str], bool], Callable[[str], bool], bool], tuple[list[FoundQuote], str]
]


def read_labels(
    text: str,
    found: list[tuple[int, FoundQuote]],
    is_name: Callable[[str], bool],
    mentions_name: Callable[[str], bool],
    extract: Extract,
) -> str:
    """Read the labelled quotes into `found` (with where each starts); return `text` with
    them blanked. A label's content in quote marks is read by `extract` as a text of its
    own."""
    text = _BARE_LABEL_RE.sub(lambda m: _bare_label(text, m), text)
    for label in list(_LABEL_RE.finditer(text)):
        content = label.group("content")
        if inside_marks(text, label.start(), label.end(1), (DOUBLE_RE, SINGLE_RE)):
            continue  # "Moeder: 'hij zegt het na: …'": a speech verb inside someone's words
        if label.group(1).lower() not in _LABEL_WORD and content.lstrip()[:1] in _MARKS:
            continue  # "zei: '…'": the quote marks say where it ends; read below
        if "\n" in text[label.end(1) : label.start("content")] and _FORM_FIELD_RE.match(content):
            continue  # "Citaat:\nVan:": an empty form field, the next line is another field
        content_end = label.end("content")
        if label.group(1).lower() not in _LABEL_WORD:
            # "Een moeder zei: wij hebben … de eerste. Ik heb ook …": without marks the words
            # end with their sentence; what follows is the writer's again, read as such.
            cut = _sentence_end(content)
            if cut is not None:
                content, content_end = content[:cut], label.start("content") + cut
        if (label.group("bywho") or "").lower().startswith(_SOURCE_STARTS):
            continue  # "Citaat uit het boek: …": words from a text, no one's here
        nt2_said = label.group(1).lower() == "zij" or _SPOKEN_WHEN_RE.fullmatch(label.group(1))
        if nt2_said:
            # "Een vrouw zij: ik heb werk" (NT2 for "zei"), "Gerrit na afloop: …": only
            # after someone named.
            nt2_who = _NT2_PERSON_RE.search(sentence_before(text, label.start()))
            if nt2_who is None or not looks_like_person(nt2_who.group(1)):
                continue
            if label.group(1).lower() != "zij" and (
                not FIRST_PERSON_RE.search(content)
                or not looks_like_person(nt2_who.group(1).lower())
            ):
                # "Koffie na afloop: heel gezellig", "Gesprek na afloop: ik heb …": the
                # writer's own note; a time of speaking needs a people word before it
                # ("Een cursist achteraf:"), as a capital alone may open any sentence.
                continue
        inner, inner_rest = extract(content, is_name, mentions_name, True)
        if nt2_said:
            speaker = nt2_who.group(1).strip() if nt2_who else None
        else:
            speaker = (
                speaker_before(text, label.start("content"))[0]
                if label.group(1).lower() not in _LABEL_WORD
                else _label_speaker(label.group("who") or label.group("bywho"))
            )
        form_who, form_end = _form_speaker(text, content_end)
        if form_who is not None:
            # The form line names who spoke outright; a label's role word ("Uitspraak
            # deelnemer:") is less exact.
            speaker = form_who if label.group(1).lower() in _LABEL_WORD else speaker or form_who
        # What stays readable after the quote: the rest of the line when the quote has its
        # own marks, or a dash part that names an activity or place ("… - voorleesuurtje").
        rest_start: int | None = None
        if inner:
            # An inner text asked about stays asked ("Citaat: 'De Gruffalo' was favoriet").
            quotes = [FoundQuote(q.text, q.attribution or speaker, q.status) for q in inner]
        else:
            parts = _DASH_SPLIT_RE.split(content.strip(), maxsplit=1)
            quote_text = parts[0].strip().strip("\"'“”„‘’«»")
            quote_text = _CLOSING_RE.sub("", quote_text).strip()
            if label.group(1).lower() not in _LABEL_WORD:
                # "Een vrouw zeg: ik kan nu … bellen. Zij is heel blij.": without marks the
                # words end where the writer goes on about the speaker or the session.
                quote_text = _NARRATIVE_NEXT_RE.split(quote_text, maxsplit=1)[0].strip()
            attribution = None
            if len(parts) > 1 and mentions_name(parts[1]):
                dash = _DASH_SPLIT_RE.search(content)
                rest_start = label.start("content") + (dash.start() if dash else len(content))
            elif len(parts) > 1 and not GOES_ON_RE.match(parts[1]):
                attribution = clean_attribution(parts[1].rstrip(")"))
            quotes = (
                [FoundQuote(quote_text, attribution or speaker)]
                if quote_text
                and quote_text.lower().strip(" .!") not in _NOTHING
                and quote_text.lower() not in _NOTHING
                and not (
                    label.group(1).lower() in _LABEL_WORD and _NOTHING_NOTE_RE.match(quote_text)
                )
                else []
            )
        start = label.start()
        if speaker:
            at = text.rfind(speaker, 0, label.start())
            start = at if at >= 0 else label.start()
        if is_performer(speaker, text):
            quotes = []
        elif (
            speaker is not None
            and label.group(1).lower() not in _LABEL_WORD
            and not looks_like_person(speaker)
        ):
            # "de folder zegt het duidelijk: …": maybe no one's words; asked, not stated.
            quotes = [FoundQuote(q.text, None, "ask") for q in quotes]
        found.extend((start, q) for q in quotes)
        if inner:
            text = blank(text, start, label.start("content"))
            text = text[: label.start("content")] + inner_rest + text[content_end:]
        else:
            text = blank(text, start, content_end if rest_start is None else rest_start)
        if form_who is not None:
            text = blank(text, content_end, form_end)
    return text
