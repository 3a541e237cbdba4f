"""Quotes in a leader's message, with who said them.

Recognised:
- text in quote marks: "…", '…', “…”, ‘…’, „…”, «…». An apostrophe inside or right after a
  word (foto's, baby's, opa’s) is not a quote mark, nor is the one in 's ochtends / 't;
- a label to the end of the line: "Quote: …", "Citaat: …", "Zei: …" ("moeder zei: …");
- attribution after a dash ("- moeder van Isa", "– Jan, 72"), in parentheses right after the
  quote ("(vader van Sem)"), or after "zei"/"aldus" ("'leuk!' zei Sem", "zei Fenna (9)");
- a speaker right before the quote marks: "Oma Riek: “…”", "Sem (6) zei „…”"; then a dash
  after the quote starts the rest of the report ("… — voorleesuurtje Peize"), it is no
  attribution. A label ("Reactie: '…'"), a day word or an activity or place is no speaker.

A quote joined to the one before by "en" or a comma is of the same kind ('geoefend als "…?"
en "…"'). A speaker must look like a person (a people word or a capitalised name, an age
allowed: "een meisje van 9"): "Quote van vandaag:", "Citaat van na afloop:", "zei heel
serieus:" name nobody; fillers before ("oja een mama") and adverbs after ("een man
naoderhaand") are cut. A form line "Van: …", "Wie: …", "Door: …" right after "Citaat: …" gives
the attribution. Staff and performers (collega, vrijwilliger, begeleider, docent, schrijver)
are no participants, so their words are no quote.

"Citaat leerling: …" names the speaker between the label and its colon. "Mw. K. (78): '…'"
keeps the dots of its title and initial; "1 meisje: '…'" reads "1" as the article; "kwam een
mevrouw naar me toe: '…'" names who came up. "Iemand" names nobody: no attribution.

Dutch low-high quotes typed as ,,…'' are quote marks. A label before the speaker's colon
("Twee uitspraken: Klaas: '…'") and a pronoun taking up the speaker ("Een vrouw zij: '…'",
NT2 for "zei") are no part of the speaker. Words without marks after a speech verb and colon
end where the writer goes on about the speaker ("… bellen. Zij is heel blij.") or the
session ("Verder …"). A title with an aside after it ("lazen 'Rupsje Nooitgenoeg'
(natuurlijk)") or before a reading or singing verb ("'…' zongen ze mee") is no quote.

Text in quote marks that is exactly an activity or vestiging name is not a quote, and a dash
part that names one stays in the report ("Sem zei: nog een keer - voorleesuurtje Havelte").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from intake.speech import (
    ABBREVIATION_END_RE,
    AFTER_DROP_RE,
    FILLERS,
    SPEECH_VERBS,
    is_performer,
    looks_like_person,
    looks_spoken,
    sentence_before,
    speaker_before,
    title_before,
)
from intake.text import blank

_DOUBLE_RE = re.compile(r"[\"“„«»]\s*([^\"“”„«»\n]+?)\s*[\"”“»«]")
# Opening: not right after a letter/digit, not the elision in 's/'t/'k/'n; closing: not
# followed by a letter/digit (so the apostrophe in "opa's" never closes).
_SINGLE_RE = re.compile(
    r"(?<![^\W_])['‘’‚](?!(?:s|t|k|n)\s)(?=[^\s'‘’])([^\n]*?[^\s])['’‘](?![^\W_])"
)
# "Gerrit na afloop: nu snap ik …": a time of speaking after someone named, then a colon.
_SPOKEN_WHEN = (
    r"(?:na\s+afloop|achteraf|naderhand|bij\s+het\s+weggaan|bij\s+vertrek|"
    r"aan\s+het\s+eind(?:e)?|bij\s+het\s+afscheid)"
)
_LABEL_RE = re.compile(
    rf"\b(quote|citaat|uitspraak|zij(?=[ \t]*:)|{_SPOKEN_WHEN}(?=[ \t]*:)"
    rf"|(?:{SPEECH_VERBS})(?:[ \t]+[^\s:,.!?\"“”„«»'‘]+){{0,3}}?)"
    r"(?:\s+(?:van\s+de\s+dag|v/d\s+dag|vd\s+dag)|\s+(?:van|from|by)\s+(?P<who>[^:\n\"“„«'‘]{2,40}?)"
    # "Citaat leerling: …", "Quote bezoeker: …": who spoke, between the label and its colon.
    r"|(?:(?<=citaat)|(?<=quote)|(?<=uitspraak))[ \t]+"
    r"(?P<bywho>[^\s:,.!?\"“”„«»'‘]+(?:[ \t]+[^\s:,.!?\"“”„«»'‘]+){0,2}(?:[ \t]*\(\d{1,3}\))?)"
    r"(?=[ \t]*:))?"
    r"(?:\s*:|\s+[—–-](?=\s))\s*(?P<content>.+)$",
    re.IGNORECASE | re.M,
)
_LABEL_WORD = {"quote", "citaat", "uitspraak"}
# "een cursist zei het is makkelijker dan ik dacht": a speaker, a speech verb, then words to
# the end of the sentence, without quote marks.
_UNMARKED_SAID_RE = re.compile(
    r"\b(?P<verb>zei|zegt|zeg|zee|sei|riep|vertelde|vroeg|vertelden|vroegen|zeiden)\b"
    r"[ \t]*[:,]?"
    r"(?:[ \t]+tegen[ \t]+(?:mij|me|ons|(?:de|het|mijn|haar|zijn)[ \t]+\w+|[A-Z]\w+)"
    r"|[ \t]+(?:mij|me|ons|hem|haar)(?=[ \t]))?"
    r"[ \t]+(?P<said>[^\n.!?\"“”„«»]{8,}?[.!?]?)"
    # The words end at the sentence's end, at "en toen" or ", en/maar …" going on with the
    # story, or where a count starts ("… meenemen, 8 deelnemers").
    r"(?=[ \t]*,?[ \t]+en[ \t]+toen\b|[ \t]+toen[ \t]+(?:we|wij|gingen|moesten|hebben|"
    r"hadden|zijn|waren|kwam|kwamen|ging)\b|[ \t]*,[ \t]*(?:en|maar|dus|want)\b"
    r"|[ \t]*,?[ \t]+\d+[ \t]+[^\W\d_]{3,}|[\n.!?\"“”„«»]|$)",
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
    rf"^(?:{_FINITE}\s+(?:ik|we|wij|jij|je|u|jullie|dit|dat|het|ze|hij|zij)\b"
    rf"|(?:waarom|hoe|wat|wanneer|waar|wie)\s+{_FINITE}\b"
    rf"|(?:ze|zij|hij|het|dit)\s+{_FINITE}\b"
    r"|(?!(?:dat|of|over|hoe|waarom|wat|wanneer|waar|wie|van|iets|niets|niks|nog|ook|al|"
    r"er|zijn|haar|hun|toen|het|een|de)\b)(?:\S+\s+){0,3}(?:ik|mijn|m'n|mn|we|wij)\b)",
    re.I,
)
_INDIRECT = {
    "dat", "of", "niets", "niks", "weinig", "tegen", "iets", "geen", "ook", "er", "toen", "al",
}  # fmt: skip
_MARKS = "\"'“”„‘’«»‚"
# "citaat dit was zo leuk": a label typed without its colon (the length stays the same).
_BARE_LABEL_RE = re.compile(r"\b(citaat|quote)\s(?!\s*(?:van|by|from)\b)(?=\s*[^\s:—–-])", re.I)
_AFTER_RE = re.compile(
    r"[ \t]*,?[ \t]*(?:[-–—]+[ \t]*(?P<dash>[^\n\"“„«'‘]+)"
    r"|\((?P<paren>[^)\n]+)\)"
    r"|(?:zei|zegt|zee|sei|said|zeg|aldus|vertelde|volgens|riep|vroeg|schreef|fluisterde|"
    r"lachte|verzuchtte)[ \t]+"
    r"(?P<said>[^\n\"“„«'‘(]+(?:\([^)\n]*\))?))",
    re.IGNORECASE,
)
_DASH_SPLIT_RE = re.compile(r"\s+[-–—]+\s*|\s*\((?=[^)]*\)\s*$)")
# Between two quotes that belong together: "…" en "…", "…", "…".
_JOINED_RE = re.compile(r"[ \t]*(?:,|en|of|and|or|,[ \t]*en)[ \t]*", re.I)
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
    r"leuk|ontroerend)|(?:volgende|next)\s+(?:keer|les|bijeenkomst|sessie|week|time|session)"
    r"\s+(?:is|op|wordt|gaan|is\s+op)"
    r")\b)",
    re.I,
)
_SPOKEN_WHEN_RE = re.compile(_SPOKEN_WHEN, re.I)
_TRAILING_WHEN_RE = re.compile(rf"\s+{_SPOKEN_WHEN}\s*$", re.I)
# The person phrase right before an NT2 "zij:": "Een vrouw", "een man uit Syrië".
_NT2_PERSON_RE = re.compile(
    r"(?:^|[\s,])((?i:een|de|die|mijn|n|'n|1)\s+[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,3}"
    r"|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s*$"
)
_TITLED_RE = re.compile(
    r"(?:mevrouw|meneer|mevr|mw|dhr|hr|mr|mrs|ms|juf|meester|opa|oma)\.?\s+\S", re.I
)
_LOW_HIGH_RE = re.compile(r",,(?=\S)([^\n]*?\S)''(?!')")
_SENTENCE_END_RE = re.compile(r"[.;!?](?:\s|$)")
# An attribution never runs into a count ("- moeder van Isa, 12 kinderen").
_COUNT_START_RE = re.compile(r",?\s*\b\d+\s+[^\W\d_]{3,}")
MAX_ATTRIBUTION_WORDS = 8
MIN_QUOTE_CHARS = 2


@dataclass(frozen=True)
class FoundQuote:
    text: str
    attribution: str | None
    # "quote": a participant's words; "ask": a sentence in quote marks without a speech cue,
    # so the leader is asked whether someone said it.
    status: str = "quote"


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


def _clean_attribution(raw: str) -> str | None:
    text = raw
    for end in _SENTENCE_END_RE.finditer(raw):
        if raw[end.start()] == "." and ABBREVIATION_END_RE.search(raw[: end.start()]):
            continue  # "mevr. B." is no sentence end
        text = raw[: end.start()]
        break
    count = _COUNT_START_RE.search(text)
    if count and count.start() > 0:
        text = text[: count.start()]
    parts = [p.strip() for p in text.split(",")]
    kept = [parts[0]]
    # "Jan, 72" keeps its short addition; "moeder van Isa, ze komt elke week" does not.
    for part in parts[1:]:
        if not part or len(part.split()) > 2:
            break
        kept.append(part)
    result = ", ".join(p for p in kept if p).strip(" -–—:")
    if not result or len(result.split()) > MAX_ATTRIBUTION_WORDS:
        return None
    return result


def _attribution_after(text: str, end: int) -> tuple[str | None, int]:
    """Attribution following a quote that ends at `end`, and where it ends."""
    match = _AFTER_RE.match(text, end)
    if not match:
        return None, end
    raw = match.group("dash") or match.group("paren") or match.group("said") or ""
    if match.group("said"):
        # "zee een man naoderhaand": the adverb after the person goes; "zei heel serieus"
        # names nobody.
        raw = AFTER_DROP_RE.sub("", " " + raw).strip()
    attribution = _clean_attribution(raw)
    if attribution is None or (match.group("said") and not looks_like_person(attribution)):
        return None, end
    start = match.start("dash") if match.group("dash") else match.start()
    if match.group("said"):
        start = match.start("said")
    if match.group("paren"):
        return attribution, match.end()
    stop = text.find(attribution, start)
    return attribution, stop + len(attribution) if stop >= 0 else end


# A form line after "Citaat: …" that says who: "Van: cursist (67)", "Wie: een moeder".
_FORM_WHO_RE = re.compile(
    r"[ \t]*\n[ \t]*(?:van|wie|door|naam|spreker|gezegd\s+door)[ \t]*[:\-–][ \t]*"
    r"(?P<who>[^\n]{2,60}?)[ \t]*(?=\n|$)",
    re.I,
)
# A closing greeting after a quote without marks: "zei: ik wil elke week komen. Goede dag."
_CLOSING_RE = re.compile(
    r"(?<=[.!?])\s+(?:goede\s+dag|goedendag|groet(?:en|jes)?|mvg|met\s+vriendelijke\s+"
    r"groet(?:en)?|doei|fijne\s+dag|fijn\s+weekend|tot\s+ziens|bedankt|dank\s+je(?:\s+wel)?|"
    r"hartelijke\s+groet(?:en)?)\W*$",
    re.I,
)


# A short phrase and a colon right after a label: "Citaat leerling: …".
_WHO_COLON_RE = re.compile(
    r"[ \t]*(?P<who>[^\s:,.!?\"“”„«»'‘]+(?:[ \t]+[^\s:,.!?\"“”„«»'‘]+){0,2}"
    r"(?:[ \t]*\(\d{1,3}\))?)[ \t]*:"
)


def _bare_label(text: str, match: re.Match[str]) -> str:
    """ "citaat dit was leuk" gets its colon; "citaat leerling: …" has one after its
    speaker already."""
    who = _WHO_COLON_RE.match(text, match.end())
    if who is not None and (
        _label_speaker(who.group("who")) is not None
        or who.group("who").lower().startswith(("uit ", "from "))
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
    return _clean_attribution(match.group("who")), match.end()


def _speaker_before(text: str, start: int) -> str | None:
    """'moeder van Isa zei: …' -> 'moeder van Isa' (short, no digits, same sentence)."""
    before = re.split(r"[\n.,;!?]", text[:start])[-1].strip()
    if not before or any(ch.isdigit() for ch in before) or len(before.split()) > 5:
        return None
    return before


# Who speaks before the quote marks: "Oma Riek: “…”", "Sem (6) zei „…”".
_SAID_BEFORE_RE = re.compile(r"(?:\s*:|\s+(?:zei|zegt|vertelde|vroeg|riep)\s*:?)\s*$", re.I)
# "Twee uitspraken: Klaas: '…'": a colon before the speaker ends a label.
_SPEAKER_SPLIT_RE = re.compile(r"[\n.!?;:\"“”„«»—–]|\s-\s")
# "Citaat van een cursist: …": the label goes, the speaker stays.
_LEADING_LABEL_RE = re.compile(r"^\s*(?:citaat|quote|uitspraak|reactie)\s+(?:van\s+)?", re.I)
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
    text: str, start: int, mentions_name: Callable[[str], bool]
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
    segment = _LEADING_LABEL_RE.sub("", segment)
    segment = _TRAILING_WHEN_RE.sub("", segment)  # "Gerrit na afloop: '…'"
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
    plain = _VAN_AGE_RE.sub("", _SPEAKER_AGE_RE.sub("", speaker))
    if (
        not plain.strip()
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
    ):
        return None, start
    return speaker, head.rindex(speaker)


def _surname_aware(mentions_name: Callable[[str], bool]) -> Callable[[str], bool]:
    """ "Mevrouw de Vries zei": a place name after a title is a surname, no place."""

    def names(words: str) -> bool:
        return _TITLED_RE.match(words.strip()) is None and mentions_name(words)

    return names


def extract_quotes(
    text: str,
    is_name: Callable[[str], bool] = lambda _: False,
    mentions_name: Callable[[str], bool] = lambda _: False,
    cued: bool = False,
) -> tuple[list[FoundQuote], str]:
    """The quotes in `text`, and `text` with the quotes and attributions blanked.

    `is_name`: text that is exactly an activity or place name is no quote; `mentions_name`:
    words before a quote that name an activity or place are no speaker."""
    mentions_name = _surname_aware(mentions_name)
    found: list[tuple[int, FoundQuote]] = []
    if ">>" in text and "<<" in text:
        # ">> … <<" typed for « … »: the same length, so offsets stay valid.
        text = text.replace(">>", " «").replace("<<", "» ")
    # ",,…''": Dutch low-high quotes typed with commas and apostrophes (same length).
    text = _LOW_HIGH_RE.sub(lambda m: " „" + m.group(1) + "” ", text)
    text = _BARE_LABEL_RE.sub(lambda m: _bare_label(text, m), text)
    for label in list(_LABEL_RE.finditer(text)):
        content = label.group("content")
        if label.group(1).lower() not in _LABEL_WORD and content.lstrip()[:1] in _MARKS:
            continue  # "zei: '…'": the quote marks say where it ends; read below
        if (label.group("bywho") or "").lower().startswith(("uit ", "from ")):
            continue  # "Citaat uit het boek: …": words from a text, no one's here
        nt2_said = label.group(1).lower() == "zij" or _SPOKEN_WHEN_RE.fullmatch(label.group(1))
        if nt2_said:
            # "Een vrouw zij: ik heb werk" (NT2 for "zei"), "Gerrit na afloop: …": only
            # after someone named.
            nt2_who = _NT2_PERSON_RE.search(sentence_before(text, label.start()))
            if nt2_who is None or not looks_like_person(nt2_who.group(1)):
                continue
            if label.group(1).lower() != "zij" and (
                not _FIRST_PERSON_RE.search(content)
                or not looks_like_person(nt2_who.group(1).lower())
            ):
                # "Koffie na afloop: heel gezellig", "Gesprek na afloop: ik heb …": the
                # writer's own note; a time of speaking needs a people word before it
                # ("Een cursist achteraf:"), as a capital alone may open any sentence.
                continue
        inner, inner_rest = extract_quotes(content, is_name, mentions_name, cued=True)
        if nt2_said:
            speaker = nt2_who.group(1).strip() if nt2_who else None
        else:
            speaker = (
                speaker_before(text, label.start("content"))[0]
                if label.group(1).lower() not in _LABEL_WORD
                else _label_speaker(label.group("who") or label.group("bywho"))
            )
        form_who, form_end = _form_speaker(text, label.end())
        if form_who is not None:
            speaker = speaker or form_who
        # What stays readable after the quote: the rest of the line when the quote has its
        # own marks, or a dash part that names an activity or place ("… - voorleesuurtje").
        rest_start: int | None = None
        if inner:
            quotes = [FoundQuote(q.text, q.attribution or speaker) for q in inner]
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
            elif len(parts) > 1:
                attribution = _clean_attribution(parts[1].rstrip(")"))
            quotes = (
                [FoundQuote(quote_text, attribution or speaker)]
                if quote_text
                and quote_text.lower().strip(" .!") not in _NOTHING
                and quote_text.lower() not in _NOTHING
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
            text = text[: label.start("content")] + inner_rest + text[label.end("content") :]
        else:
            text = blank(text, start, label.end() if rest_start is None else rest_start)
        if form_who is not None:
            text = blank(text, label.end(), form_end)
    for pattern in (_DOUBLE_RE, _SINGLE_RE):
        previous: tuple[int, str, str | None] | None = None
        for match in list(pattern.finditer(text)):
            quote_text = match.group(1).strip()
            if len(quote_text) < MIN_QUOTE_CHARS or is_name(quote_text):
                continue
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
            speaker, start = _speaker_said_before(text, match.start(), mentions_name)
            said_by, spoken = speaker_before(text, match.start())
            if spoken and (said_by is None or mentions_name(said_by)):
                speaker, start = None, match.start()  # "Ze zei:" with nobody to refer to
            elif spoken and said_by is not None:
                speaker = said_by
                at = text.rfind(said_by, 0, match.start())
                start = at if at >= 0 else match.start()
            if speaker is not None:
                attribution, stop = speaker, match.end()
            else:
                attribution, stop = _attribution_after(text, match.end())
            status = _status(text, match, quote_text, attribution, spoken or cued)
            if status != "none":
                found.append((start, FoundQuote(quote_text, attribution, status)))
            text = blank(text, start, max(stop, match.end()))
            previous = (match.end(), status, attribution) if stop <= match.end() else None
    for match in list(_UNMARKED_SAID_RE.finditer(text)):
        said = match.group("said").strip()
        first = said.lower().split()[:2]
        verb_first = re.match(rf"{_FINITE}\b", said, re.I) is not None  # "moet dat echt …"
        if len(said.split()) < 3 or (_INDIRECT & set(first) and not verb_first):
            continue  # "zei dat ze …", "zei niets": no one's own words
        if match.group("verb").lower() in _STRICT_VERBS and not _DIRECT_RE.match(said):
            continue  # "vertelde over haar reis", "vroeg of …": reported, not quoted
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
    quotes = [q for _, q in sorted(found, key=lambda item: item[0])]
    # "Iemand zei: …": an indefinite pronoun names nobody, so there is no attribution.
    quotes = [
        FoundQuote(q.text, None, q.status)
        if q.attribution and q.attribution.strip().lower() in _NOBODY
        else q
        for q in quotes
    ]
    return quotes, text


# Who-words that name nobody in particular.
_NOBODY = {"iemand", "someone", "somebody", "immen"}


_FIRST_PERSON_RE = re.compile(r"\b(?:ik|mij|me|mijn|m'n|mn|jullie|ikke)\b", re.I)
_SPEECH_LABEL_RE = re.compile(
    r"\b(?:reacties?|opmerking|feedback|compliment|quotes?|citaat|citaten|uitspraak|"
    r"reaction|comment|tip|hoogtepunt|highlight)\s*:\s*$",
    re.IGNORECASE,
)


# "Workshop 'Schrijf je levensverhaal' (deel 2)": a part of a title, not who said it.
_NOT_A_PERSON_RE = re.compile(
    r"^\s*(?:(?:deel|les|module|hoofdstuk|ronde|editie|seizoen|part|vol|nr)\b|\d+\s*$)", re.I
)


def _status(
    text: str, match: re.Match[str], quote_text: str, attribution: str | None, spoken: bool
) -> str:
    """'quote', 'ask' or 'none' (see intake.speech): a speech verb makes a quote; a title cue
    before it makes none; then an attribution makes a quote; a sentence standing on its own
    is a quote, one inside a clause is asked; a short phrase is the writer's own words."""
    if spoken or _SPEECH_LABEL_RE.search(sentence_before(text, match.start())):
        return "none" if is_performer(attribution, text) else "quote"
    if attribution is not None and title_before(attribution + ": ", len(attribution) + 2):
        return "none"  # "Boek: 'Nijntje in de sneeuw'": a label of a title, not a speaker
    if attribution is not None and title_before(text, match.start(), match.end()):
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
    return "quote" if alone and _FIRST_PERSON_RE.search(quote_text) else "ask"
