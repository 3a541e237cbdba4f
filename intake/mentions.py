"""Which activity and which vestiging a message names (toc.matcher on folded text).

A specific activity beats a generic word ("Makersplaats … workshop" is makersplaats); of
several places, the one written as the place wins ("in Zuidlaren" beside "Kamp
Westerbork"); short forms are found by the matcher ("vl uurtje", "kl&tik"). Of mentions that
name different activities, the one a form gives ("Wat: …"), the one after a correction ("…,
eh sorry het was Digisterker") or the only exact one is meant; the one the message says it
is about ("dit bericht is voor het Breicafé") wins, and a negated one ("geen Taalcafé maar
Taalhuis"), one deferred to another report ("Makersplaats stuur ik zo") or one named as a
topic or another session ("vroegen naar de BoekStartcoach", "komen ook naar het Taalcafé")
is not it; nor is one called off ("Taalcafé van 8 jan gaat niet door"), one someone else
has reported ("… maar dat heeft Sanne al gemeld") or what a staff meeting was about ("overleg
over de BoekStartcoach") or one at another time ("Morgen is het Breicafé"), beside
another. "X? nee, Y" and "X, maar het was Y" are Y. With no name found: a compound ending
in a long one-word name ("kerstvoorstelling") or a name with one finger's slip ("taslcafe",
or its doubled letter typed on the next: "tallcafe").

Places by role: a surname after a title ("mevrouw de Vries") is no place; a place negated
("niet Bovensmilde") or corrected ("Diever, oh nee Dwingeloo", "Smilde bedoel ik") is
dropped; a home town ("een mevrouw uit Dwingeloo", but
the writer's own "hier Petra uit Odoorn"), a place passed by ("langs De Wijk"), another time
or a habit ("vorige week zaten we nog in Beilen", "ik sta normaal in Dalen") and an aside in
brackets are not where the session was, nor the next session's place ("De volgende
presentatie is … in Rolde"). Two places left: the one written as the place, or
the one beside the reported activity when the caller passes `activity_spans`; else none.
Shorter place names are found with one vowel left out ("rodn", "diver").
"""

from __future__ import annotations

import re

from intake.slips import (
    DROP_MIN_LETTERS,
    activity_as_compound_tail,
    activity_by_one_slip,
    location_by_one_slip,
)
from intake.text import blank, fold
from toc.matcher import Matcher, Mention, normalise
from toc.models import Catalogue

# Location written with a marker: "in Havelte", "bieb Diever", "@Beilen".
_LOCATION_MARK_RE = re.compile(
    r"(?:\b(?:in|te|bieb|bib|bibliotheek|vestiging|locatie)\s+|@\s*)"
    r"([^\W\d_]+(?:[\s-][^\W\d_]+)?)"
)


class _Matchers:
    def __init__(self, catalogue: Catalogue) -> None:
        self.activities = Matcher.for_activities(catalogue)
        self.vestigingen = Matcher.for_vestigingen(catalogue)
        # One-word place keys that are long enough for a slip -> vestiging id.
        self.place_slips: dict[str, str] = {}
        for vestiging in catalogue.vestigingen.values():
            for name in (vestiging.id, vestiging.name, *vestiging.aliases):
                key = normalise(name)
                if len(key) >= DROP_MIN_LETTERS and key.isalpha() and " " not in name.strip():
                    self.place_slips.setdefault(key, vestiging.id)


_matcher_cache: dict[int, tuple[Catalogue, _Matchers]] = {}


def matchers_for(catalogue: Catalogue) -> _Matchers:
    # Catalogues are frozen; build the matchers once per catalogue object.
    cached = _matcher_cache.get(id(catalogue))
    if cached is None or cached[0] is not catalogue:
        if len(_matcher_cache) >= 8:
            _matcher_cache.clear()
        cached = (catalogue, _Matchers(catalogue))
        _matcher_cache[id(catalogue)] = cached
    return cached[1]


# Activity words that name a kind of session rather than one activity: when a message also
# names a specific activity ("Makersplaats Beilen 3D printen workshop"), the specific one wins.
GENERIC_ACTIVITY_KEYS = {
    "workshop", "lezing", "cursus", "spreekuur", "bijeenkomst", "activiteit", "voorstelling",
    "interview", "les", "informatiebijeenkomst",
    # An exhibition is a kind of session too, often only mentioned beside the one reported.
    "tentoonstelling", "expositie",
}  # fmt: skip
# A place written as the place: "in Zuidlaren", "bieb van Beilen", "@Beilen".
_PLACE_MARK_BEFORE_RE = re.compile(
    r"(?:\b(?:in|te|bieb|bib|bibliotheek|vestiging|locatie)(?:\s+van)?\s+|@\s*)$"
)


def _one_id(mentions: list[Mention]) -> str | None:
    ids = {mention.id for mention in mentions}
    return next(iter(ids)) if len(ids) == 1 else None


def find_activity(
    matcher: Matcher, text: str, before_days: str | None = None
) -> tuple[str | None, int | None, str]:
    """The one activity mentioned (a specific name beats a generic word), where the first
    mention starts, and `text` with the mentions blanked. `before_days`: the same text before
    day words were blanked ("Taalcafé van 8 jan gaat niet door" loses its day and the words
    after it to the date reader)."""
    mentions = matcher.find_in_text(text)
    if not mentions and _GLUED_GENERIC_RE.search(text):
        # "BoekStart-bijeenkomst op het kinderdagverblijf": a generic session noun glued to
        # a name's first part keeps its parts apart; read the name without it.
        mentions = matcher.find_in_text(_GLUED_GENERIC_RE.sub(lambda m: " " * len(m[0]), text))
    meant = _activities_meant(text, mentions, before_days)
    found = _one_id(meant)
    if found is None and meant:
        specific = [
            m for m in meant if normalise(text[m.start : m.end]) not in GENERIC_ACTIVITY_KEYS
        ]
        found = _one_id(specific) if len(specific) < len(meant) else None
        found = found or _settle(text, specific or meant)
    for mention in mentions:
        text = blank(text, mention.start, mention.end)
    if not mentions:
        slipped = activity_as_compound_tail(matcher, text) or activity_by_one_slip(matcher, text)
        if slipped is not None:
            return slipped[0], slipped[1], blank(text, slipped[1], slipped[2])
    return found, (mentions[0].start if mentions else None), text


_GLUED_GENERIC_RE = re.compile(
    r"(?<=[^\W\d_])-(?:bijeenkomst|sessie|ochtend|middag|avond|activiteit|les)\b"
)
# "Dit bericht is voor het Breicafé", "dit gaat over het Taalcafé": the one it is about.
_ABOUT_BEFORE_RE = re.compile(
    r"\b(?:dit|deze|het|mijn)(?:\s+(?:bericht|berichtje|verslag|melding|rapport))?\s+"
    r"(?:gaat\s+over|is\s+voor|is\s+over|gaat\s+om|betreft)\s+(?:het\s+|de\s+|een\s+)?$"
)
# "geen Taalcafé maar Taalhuis", "niet de Makersplaats": the writer says it was not that.
_NOT_BEFORE_RE = re.compile(r"\b(?:geen|niet)\s+(?:het\s+|de\s+)?$")
# "Makersplaats stuur ik zo", "het Voorleesuurtje gedaan, dat meld ik apart": another report.
_DEFERRED_AFTER_RE = re.compile(
    r"(?:\s+\w+){0,3}?[\s,]*(?:(?:dat|die|dit)\s+)?(?:stuur|meld|doe|mail|app|rapporteer|"
    r"geef)\s+ik\s+(?:zo|apart|straks|later|morgen|nog|los|door)\b"
)
# After the name, in its sentence: someone else has reported it ("… dat heeft Sanne al gemeld").
_REPORTED_BY_OTHER_RE = re.compile(
    r"[^.!?\n]{0,80}?\b(?:heeft|had|hebben)\s+(?!ik\b|we\b|wij\b)\w+\s+"
    r"(?:al\s+|ook\s+al\s+)?(?:doorgegeven|gemeld|ingestuurd|gestuurd|ingevuld)\b"
)
# "Taalcafé van 8 jan gaat niet door": a session called off is not the one reported.
_CALLED_OFF_AFTER_RE = re.compile(
    r"[^.!?\n]{0,40}?\b(?:gaat|ging|is|was|werd|wordt)\s+(?:helaas\s+|dus\s+|ook\s+)?"
    r"(?:niet\s+door|afgelast|geannuleerd|vervallen|afgezegd|cancelled|canceled)\b"
    # "… dat het voorleesuurtje van volgende week niet doorgaat"
    r"|[^.!?\n]{0,40}?\bniet\s+(?:doorgaat|doorging|door\s+gaat)\b"
)
# "overleg met het consultatiebureau over de BoekStartcoach": what a meeting of staff was
# about is a topic.
_TOPIC_BEFORE_RE = re.compile(
    r"\b(?:overleg|gesprek|vergadering|vergaderd|gesproken|gepraat|overlegd)\b"
    r"(?:\s+[^\W\d_]+){0,4}\s+over\s+(?:het\s+|de\s+|een\s+)?$"
)
# "Twee van hen komen ook naar het Taalcafé": another session, not this one.
# "Twee moeders vroegen naar de BoekStartcoach": what someone asked about is a topic.
_ELSEWHERE_BEFORE_RE = re.compile(
    r"\b(?:ook\s+naar|ook\s+bij|ook\s+op|(?:vroeg|vroegen|informeerde|informeerden)"
    r"(?:\s+\w+)?\s+(?:naar|over)"
    # "doorverwezen naar het Taalcafé": where someone was sent on to is another session.
    r"|(?:door)?(?:verwezen|gestuurd)\s+naar)\s+(?:het\s+|de\s+|een\s+)?$"
)


def _activities_meant(
    text: str, mentions: list[Mention], before_days: str | None = None
) -> list[Mention]:
    """The mentions of the activity the message reports: the one it says it is about; else
    all but those it negates, defers to another report or places elsewhere."""
    about = [m for m in mentions if _ABOUT_BEFORE_RE.search(text, 0, m.start)]
    if _one_id(about):
        return [m for m in mentions if m.id == about[0].id]
    # Another report or another session: every mention of that activity is out. A negated
    # mention is out by itself ("… dus dan geen Kleintje Bieb" after one that took place).
    dropped = {
        m.id
        for m in mentions
        if _DEFERRED_AFTER_RE.match(text, m.end) or _ELSEWHERE_BEFORE_RE.search(text, 0, m.start)
    }
    # "Vorige week was de CoderDojo, maar dat heeft Sanne al gemeld": another's report, out
    # when another activity is named (alone, the message may be about that very session).
    elsewhere = {
        m.id
        for m in mentions
        if _REPORTED_BY_OTHER_RE.match(before_days or text, m.end)
        or _CALLED_OFF_AFTER_RE.match(before_days or text, m.end)
        or _TOPIC_BEFORE_RE.search(text, 0, m.start)
        # "Morgen is het Breicafé", "vorige week was de Makersplaats": another time.
        or _OTHER_TIME_RE.search(_clause_before(before_days or text, m.start))
    }
    if {m.id for m in mentions} - dropped - elsewhere:
        dropped |= elsewhere
    return [
        m for m in mentions if m.id not in dropped and not _NOT_BEFORE_RE.search(text, 0, m.start)
    ]


# "Klik & Tik, eh sorry het was Digisterker": the name after a correction is meant.
# "Taalcafé Beilen, o nee het was het Taalhuis": "nee" after an interjection or before
# "het was" takes the first name back too.
_CORRECTION_RE = re.compile(
    r"\b(?:sorry|sry|(?:eh+|o|oh|ah)\s+nee|nee\s+wacht|correctie|ik\s+bedoel|oeps|"
    r"nee,?\s+het\s+was|maar\s+het\s+was)\b"
    # "Belastingspreekuur? nee, juridisch spreekuur": the writer answers their own question.
    r"|\?+[\s,]*nee+\b"
)
# "Wat: Klik & Tik" in a form: the name the form gives.
_FORM_LABEL_RE = re.compile(r"\b(?:wat|activiteit|activity|what|soort)\s*:\s*$")


def _settle(text: str, mentions: list[Mention]) -> str | None:
    """Of mentions that name different activities, the one the message means: the one
    named as a form's answer, the one after a correction, or the only one written exactly
    (the others were near misses: "samen gelezen" is not Samenlezen)."""
    labelled = [m for m in mentions if _FORM_LABEL_RE.search(text, 0, m.start)]
    if _one_id(labelled):
        return _one_id(labelled)
    first, last = mentions[0], mentions[-1]
    if _one_id(mentions[1:]) and _CORRECTION_RE.search(text, first.end, last.start):
        return last.id
    best = max(m.score for m in mentions)
    return _one_id([m for m in mentions if m.score >= best]) if best >= 100 else None


def activity_spans(
    matcher: Matcher, text: str, activity: str | None
) -> list[tuple[int, int, bool]]:
    """Where `text` names activities (before find_activity blanks the names), each with
    whether it is the reported `activity`: for find_location, the place written right by
    the reported activity when the other places stand by other activities."""
    if activity is None:
        return []
    return [(m.start, m.end, m.id == activity) for m in matcher.find_in_text(text)]


# Between an activity's name and its place: nothing, a comma, "in", "te", "bij", "@".
_BESIDE_RE = re.compile(r"[\s,]*(?:(?:in|te|bij|@)\s+(?:de\s+bieb\s+|bibliotheek\s+)?)?$")


def _beside(text: str, end: int, place: Mention) -> bool:
    return end <= place.start and _BESIDE_RE.match(text[end : place.start]) is not None


def _place_by_activity(
    text: str, meant: list[Mention], activity_at: list[tuple[int, int, bool]]
) -> str | None:
    """The place written right after the reported activity, when every other place is
    written right after another activity ("Breicafé in Norg en Samenlezen in Roden");
    "knutseluurtje in Gieten en in Rolde" stays open."""
    ours = [m for m in meant if any(_beside(text, end, m) for _, end, own in activity_at if own)]
    found = _one_id(ours)
    if found is None:
        return None
    others = [m for m in meant if m.id != found]
    if all(any(_beside(text, end, m) for _, end, own in activity_at if not own) for m in others):
        return found
    return None


def find_location(
    matcher: Matcher,
    text: str,
    slips: dict[str, str] | None = None,
    activity_at: list[tuple[int, int, bool]] | None = None,
    before_days: str | None = None,
) -> tuple[str | None, int | None, str]:
    """The one vestiging mentioned; of several, the one written as the place ("in Zuidlaren"
    beside "Kamp Westerbork"), or the one written right after the reported activity
    (`activity_at`, from activity_spans: "Breicafé in Norg (9) en Samenlezen in Roden (6).
    Dit bericht is voor het Breicafé"); else one found after a marker, matched less
    strictly."""
    mentions = matcher.find_in_text(text)
    meant = _places_meant(text, mentions, before_days)
    found = _one_id(meant)
    if found is None and meant and activity_at:
        found = _place_by_activity(text, meant, activity_at)
    if found is None and meant:
        found = _one_id([m for m in meant if _PLACE_MARK_BEFORE_RE.search(text, 0, m.start)])
    for mention in mentions:
        text = blank(text, mention.start, mention.end)
    if not mentions:
        found = _location_by_marker(matcher, text) or location_by_one_slip(slips, text)
    return found, (mentions[0].start if mentions else None), text


# "niet Bovensmilde", "geen Emmen": the writer says it was not there.
_NEGATED_BEFORE_RE = re.compile(
    r"\b(?:niet|geen|not|ipv|i\.p\.v\.?|in\s+plaats\s+van)\s+(?:in\s+|te\s+)?$"
)
# A place in another role: where someone comes from ("een vrouw uit Dwingeloo"), a place
# passed by ("langs De Wijk"), where things came from ("geleend van bieb Gieten").
_OTHER_ROLE_BEFORE_RE = re.compile(
    r"\b(?:uit|langs|geleend\s+(?:van|bij)(?:\s+(?:de\s+)?(?:bieb|bib|bibliotheek))?|"
    # "de sleutel lag bij een collega in Diever": a person's place, not the session's.
    r"bij\s+(?:een|de|mijn|m'n|onze)\s+(?!bieb|bib|bibliotheek|vestiging)[^\W\d_]+\s+(?:in|te)|"
    r"(?:samen|in\s+samenwerking)\s+met(?:\s+(?:de\s+)?(?:bieb|bib|bibliotheek|collega'?s))?"
    r"(?:\s+(?:van|uit))?|(?:woon|woont|wonen|woonde|woonden)(?:\s+\w+){0,2}\s+(?:in|te))"
    r"\s+(?:het\s+|de\s+)?$"
)
# "hier even Petra uit Odoorn", "groetjes, Anja uit Borger": the writer's own library.
_WRITER_FROM_RE = re.compile(
    r"\b(?:hier|ik\s+ben|groetjes|groet|groeten|gr)\W+(?:even\s+|is\s+)?[^\W\d_]+\s+uit\s+$"
)
# A clause about another time or a habit: "vorige week zaten we nog in Beilen", "ik sta
# normaal in Dalen", "komen ook naar het Taalcafé in Peize".
_OTHER_TIME_RE = re.compile(
    r"\b(?:normaal|normaliter|meestal|altijd|gewoonlijk|vorige\s+(?:week|keer|maand)|"
    r"volgende\s+(?:week|keer|maand)|ook\s+naar|zoals\s+in\s+de\s+planning|"
    r"morgen|overmorgen|straks|binnenkort|vorig\s+(?:jaar|seizoen)|volgend\s+(?:jaar|seizoen)|"
    r"in\s+de\s+planning|"
    # "De volgende presentatie is 12 september in Rolde": the next session's place.
    r"volgende\s+(?:[^\W\d_]+\s+)?(?:is|wordt|komt|gaat|zal))\b"
)
_CLAUSE_END_RE = re.compile(r"[.,;:!?()\n]|\s(?:maar|en|want)\s")
# "Diever, oh nee Dwingeloo", "in de wijk nee sorry in … zuidwolde", "ik schreef Vledder
# maar het was Diever", "Smilde bedoel ik": a correction between two places.
_PLACE_CORRECTION_RE = re.compile(
    r"\b(?:nee|neen|sorry|sry|oeps|correctie|ik\s+bedoel|bedoel\s+ik|maar\s+het\s+was|"
    r"het\s+was\s+(?:gewoon\s+)?(?:in\s+)?$)"
)


# "Mevrouw de Vries", "dhr. Roden", "Ms. de Wijk": a place name after a title is a surname.
_SURNAME_BEFORE_RE = re.compile(
    r"\b(?:mevrouw|meneer|mevr|mw|dhr|hr|mr|mrs|ms|juf|meester|familie|fam)\.?\s+"
    r"(?:(?:van|der|den|ter|ten|'t|de)\s+){0,3}$"
)


def _clause_before(text: str, start: int) -> str:
    head = text[:start]
    ends = list(_CLAUSE_END_RE.finditer(head))
    return head[ends[-1].end() :] if ends else head


def _in_brackets(text: str, at: int) -> bool:
    return text.rfind("(", 0, at) > text.rfind(")", 0, at)


def _places_meant(
    text: str, mentions: list[Mention], before_days: str | None = None
) -> list[Mention]:
    """The place mentions that name where the session was: a place the writer negates or
    corrects away is dropped, and so is one in another role (someone's home town, a place
    passed by, another time or a habit) when a place remains."""
    mentions = [m for m in mentions if not _SURNAME_BEFORE_RE.search(text, 0, m.start)]
    if not mentions:
        return mentions
    negated = {m.id for m in mentions if _NEGATED_BEFORE_RE.search(text, 0, m.start)}
    meant = [m for m in mentions if m.id not in negated]
    # "X bedoel ik": the place right before it is meant.
    for m in meant:
        if re.match(r"[\s,]*(?:bedoel\s+ik|i\.?p\.?v\.?)\b", text[m.end :]):
            return [m]
    ids = {m.id for m in meant}
    timed = before_days if before_days is not None and len(ids) > 1 else text
    kept = [
        m
        for m in meant
        if (
            not _OTHER_ROLE_BEFORE_RE.search(text, 0, m.start)
            or _WRITER_FROM_RE.search(text, 0, m.start)
        )
        # Beside another place, read where the day words still stand ("vorige week in
        # Beilen"): the date reader blanks them (`before_days`, the same offsets). A place
        # alone stays the session's ("Ergens vorige maand in Borger …").
        and not _OTHER_TIME_RE.search(_clause_before(timed, m.start))
    ]
    if len({m.id for m in kept}) > 1:
        # The correction stands right before the place it brings ("Diever, oh nee
        # Dwingeloo"); a "sorry" further back ("sorry te laat! …") corrects no place.
        first = kept[0]
        corrected = [
            m
            for m in kept[1:]
            if m.id != first.id
            and _PLACE_CORRECTION_RE.search(text, max(first.end, m.start - 40), m.start)
        ]
        if corrected and _one_id(corrected):
            return corrected
    if len({m.id for m in kept}) > 1:
        # "in Westerbork (vorige week zaten we nog in Beilen)": an aside in brackets is not
        # where the session was, when a place stands outside them.
        outside = [m for m in kept if not _in_brackets(text, m.start)]
        kept = outside or kept
    if kept or len(ids) > 1:
        return kept
    return [] if negated else kept


def _location_by_marker(matcher: Matcher, text: str) -> str | None:
    """'in Havlte', 'bieb Diever': the words after a marker, matched less strictly."""
    ids: set[str] = set()
    for match in _LOCATION_MARK_RE.finditer(text):
        two_words = match.group(1)
        found = matcher.match(two_words) or matcher.match(two_words.split()[0])
        if found:
            ids.add(found)
    return next(iter(ids)) if len(ids) == 1 else None


def read_activity(text: str, catalogue: Catalogue) -> str | None:
    """The one activity a typed answer names, found as the parser finds it in a message."""
    return find_activity(matchers_for(catalogue).activities, fold(text))[0]


def read_location(text: str, catalogue: Catalogue) -> str | None:
    """The one vestiging a typed answer names ("in Havelte", "bieb van Beilen")."""
    matchers = matchers_for(catalogue)
    return find_location(matchers.vestigingen, fold(text), matchers.place_slips)[0]
