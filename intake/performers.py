"""Who is not a participant: performers (auteur, spreker, rapper…) and staff (collega,
vrijwilliger, begeleider, docent, and compounds of them). What they say is no participant's
quote. A class's own teacher (juf, meester) came with the group: what they say is kept.
Who the session was given by ("Lezing … door een casemanager") is no participant either,
unless a people word names them ("voorgelezen door een moeder").
The readers of quotes (intake.quotes) ask `is_performer` of every speaker they find.
"""

from __future__ import annotations

import re

from intake.countwords import STAFF_WORDS
from intake.speech import PERSON_END_RE, PERSON_WORDS, STANDING_ADJECTIVES, head_word

# Who is not a participant: what they say is no participant's quote.
PERFORMERS = {
    "auteur", "schrijver", "schrijfster", "spreker", "spreekster", "dichter", "dichteres",
    "rapper", "boswachter", "gastspreker", "presentator", "presentatrice", "burgemeester",
    "wethouder", "tolk", "ik", "wij", "we", "verteller", "verteltster", "illustrator", "author",
    "speaker", "i",
}  # fmt: skip
# Performers and staff (colleagues, volunteers, teachers): their words are no participant's.
# A class's own teacher (juf, meester) came with the group: what they say is kept.
_GUEST_STAFF = {"juf", "juffen", "juffrouw", "meester", "meesters", "leerkracht", "leerkrachten"}
NOT_PARTICIPANTS = PERFORMERS - {"ik", "wij", "we", "i"} | set(STAFF_WORDS.split()) - _GUEST_STAFF


# Staff forms the count words do not hold: singular forms and taalmaatje.
_MORE_STAFF = {
    "taalmaatje", "medewerkster", "medewerksters", "pedagogisch-medewerker", "coach", "trainer",
    "trainster", "mentor", "voorleesster", "voorleesvrouw", "gastvrouw", "gastheer",
    "reparateur", "reparateurs", "instructeur", "instructrice",
}  # fmt: skip


# Compounds that end in a staff word are staff: "voorleesvrijwilliger", "bibliotheekmedewerker".
_STAFF_END_RE = re.compile(
    r"\w{3,}(?:vrijwilliger|vrijwilligster|medewerker|medewerkster|begeleider|begeleidster|"
    r"co[oö]rdinator|consulent|docent|coach|leider|leidster|trainer|voorlezer)$"
)


def _staff_form(word: str) -> str:
    """ "pm'er", "PM-er", "pm’er" -> "pmer"; trailing punctuation goes."""
    return re.sub(r"['’\-]", "", word.lower()).strip(".,:;()")


def is_performer(speaker: str | None, text: str) -> bool:
    """A speaker who is not a participant: a performer word, or a name that the message
    introduces with one ("Auteur Tommy Wieringa" … "Wieringa antwoordde")."""
    if not speaker:
        return False
    words = speaker.lower().split()
    if words[0] in PERFORMERS or head_word(speaker).replace("'", "") in NOT_PARTICIPANTS:
        return True
    # "Een van de leidsters", "een pedagogisch medewerker", "een pm-er": the first word that
    # names a person is the head, past a partitive and adjectives.
    for word in words:
        plain = _staff_form(word)
        if plain in STANDING_ADJECTIVES:
            continue  # "de oudste verteller": the adjective is no head
        if plain in NOT_PARTICIPANTS or plain in _MORE_STAFF or _STAFF_END_RE.search(plain):
            return True
        if plain in PERSON_WORDS or (len(plain) > 4 and PERSON_END_RE.search(plain)):
            break  # "de moeder van een vrijwilliger" is a parent
    head = head_word(speaker).strip("()")
    if (
        len(head) > 2
        and head not in PERSON_WORDS
        and re.search(rf"\bdoor\s+(?:een|de|onze|mijn)\s+{re.escape(head)}\b", text, re.I)
    ):
        # "Lezing 'Leven met dementie' door een casemanager … De casemanager zei": who the
        # session was given by is no participant; a people word ("voorgelezen door een
        # moeder") stays one.
        return True
    if len(words) == 1 and speaker[:1].isupper():
        known = "|".join(sorted(NOT_PARTICIPANTS))
        pattern = rf"\b(?:{known})\s+(?:[A-Z]\w+\s+){{0,2}}{re.escape(speaker)}\b"
        return re.search(pattern, text, re.IGNORECASE) is not None
    return False
