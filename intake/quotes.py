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

Words without marks after a speech verb end with their first sentence: whether the next one
is still the speaker's or the writer's again nothing says, so only the first is stored.
"zei na afloop dat …" is reported like "zei dat …". Dictated "citaat … einde citaat" are quote
marks; "Citaat:" with the next form field on the next line ("Citaat:\nVan:") is empty.

Speakers: after a clause the verb comes second and the speaker after it ("Toen de sneeuw
kwam riep een meisje:"), also without marks ("… zei een meneer dit is …" when the words are
a main clause); "hoorde ik een bezoeker zeggen"; a feeling named before a colon ("Mevrouw Smit
was zo trots: '…!'"); whom the words were for ("tegen zijn kleindochter") and a long
relative clause are no part of who; the writer as inverted subject ("zei ik") speaks no quote;
staff by compound ("voorleesvrijwilliger", "digicoach") neither (intake.performers). NT2 "zij"
for "zei" needs someone right before it and a main clause after it.
Not someone's words: a speech verb or a word in double marks inside someone's single-marked
words; Title Case text ("De Boekenwurmen") is never stated, only asked; a term the writer's
sentence goes on from ("'De Gruffalo' was favoriet") is asked whatever cue stands before it;
first-person words after a label that names no one ("Vraag van de dag:") are asked; the
writer's own label ("Mijn tip:") holds no one's words; "citaat in het boek" is a text's; a
label's note that there is none ("Citaat: geen bijzonderheden", "volgt nog") is no quote.

Who said it around the words: "'…' - zei Wim" drops the dash and the verb; "een man van 67
die al …" keeps the age written with "van" and drops a long relative clause; a line in
brackets under the words ("\n(een vrouw van in de tachtig)") or brackets after an emoji
name the speaker; a form's "Wat zei iemand:" names nobody, so brackets after the words do.
"Wie het zei weet ik niet", "wat ze zei": a clause about words is no speech act. Items of a
list under a speech label on its own line ("Citaten:\n- '…'\n- '…'") are quotes.
"Vraag van een deelnemer:" names who after its noun for words; "Na afloop: 'Ik …'" heads
words said then; "kreeg te horen '…'" are words said to the writer (by whom only after
"van"); "verwoordde het als volgt" is a speech verb; "Tijn (10) na zijn eerste spelletje:"
drops the time phrase after a name with its age or a people word; "de een … de ander" are
people; "hij" after the writer's own sentence is never the writer; who the session was
given by ("lezing … door een casemanager") is no participant (intake.performers); an agent
noun names a person ("tuinliefhebber", "mantelzorger"); a gesture before a colon ("hield
zijn ei omhoog: '…!'") is the speaker's, as a feeling is. "Wat iemand zei:" heads words by
nobody named; "Tip voor de ouders:" names no speaker; "Reactie na afloop van een cursist:"
and "- Riek (80) na afloop" drop the time; "Vragen van bezoekers:" heads a list of quotes.
A dash line under words on a line of their own signs them ("\n- Daan, 4"), but only a name
with an age, a title or a surname, or a people phrase: "- Gezellig" may be a comment.

Text in quote marks that is exactly an activity or vestiging name is not a quote, and a dash
part that names one stays in the report ("Sem zei: nog een keer - voorleesuurtje Havelte").

This module runs the readers in turn, each blanking what it read: labels and form lines
(intake.quotelabels), text in quote marks (intake.quotemarks, with the speaker before the
marks in intake.quotebefore and after them in intake.quoteafter), words after a speech verb
without marks (intake.quoteunmarked); intake.quoteparts holds what they share.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from intake.quotelabels import read_labels
from intake.quotemarks import read_marked
from intake.quoteparts import NOBODY, FoundQuote
from intake.quoteunmarked import read_unmarked

_TITLED_RE = re.compile(
    r"(?:mevrouw|meneer|mevr|mw|dhr|hr|mr|mrs|ms|juf|meester|opa|oma)\.?\s+\S", re.I
)
_LOW_HIGH_RE = re.compile(r",,(?=\S)([^\n]*?\S)''(?!')")
# Dictated quote marks: "citaat ik heb … einde citaat zei een mevrouw" (speech-to-text).
_DICTATED_RE = re.compile(
    r"\b(?:citaat|quote)[ \t]+(?!(?:van|by|from)\b)(?P<body>[^\n\"“”„«»]+?)"
    r"[ \t]+(?:einde|eind|end)[ \t]+(?:citaat|quote)\b",
    re.I,
)


def _dictated_marks(match: re.Match[str]) -> str:
    """ "citaat … einde citaat" as quote marks of the same length, so offsets stay valid."""
    opening = match.start("body") - match.start()
    closing = match.end() - match.end("body")
    # "citaat " keeps its label, as 'quote:"' of the same length: a speech cue for the words.
    head = 'quote:"' + " " * (opening - 7) if opening >= 7 else '"' + " " * (opening - 1)
    return head + match.group("body") + " " * (closing - 1) + '"'


# Emoji and other symbols (with their joiners and variation selectors) at the end.
_TRAILING_SYMBOLS_RE = re.compile("[\\s\u200d\ufe0f\u2600-\u27bf\U0001f000-\U0001faff]+$")


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
    text = _DICTATED_RE.sub(_dictated_marks, text)
    text = read_labels(text, found, is_name, mentions_name, extract_quotes)
    text = read_marked(text, found, is_name, mentions_name, cued)
    text = read_unmarked(text, found, mentions_name)
    quotes = [q for _, q in sorted(found, key=lambda item: item[0])]
    # "… niet voor de wol 😂": an emoji after the words is the writer's, no word of theirs.
    quotes = [
        FoundQuote(_TRAILING_SYMBOLS_RE.sub("", q.text), q.attribution, q.status) for q in quotes
    ]
    quotes = [q for q in quotes if q.text]
    # "Iemand zei: …": an indefinite pronoun names nobody, so there is no attribution.
    quotes = [
        FoundQuote(q.text, None, q.status)
        if q.attribution and q.attribution.strip().lower() in NOBODY
        else q
        for q in quotes
    ]
    return quotes, text
