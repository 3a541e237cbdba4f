"""Never a full name: the one check the bot and the importer share.

Participants are named by a role, an age or a first name ("moeder van Isa", "Jan, 72"),
never by a surname: not in "wie zei het" (`looks_like_full_name`, which errs on the side of
refusing: a leader can always write a role) and not inside the quote's own text
(`full_name_in_quote`: "…zei de moeder van Sem de Vries"; prose, so only clear name shapes).

A phone number, an e-mail address or an @handle reaches a person as surely as a full name:
both checks refuse them too (`contact_details`).

Given the catalogue, activity, place and gemeente names (and their aliases) are never a
surname: "deelnemer Drents veurlezen" and "bezoeker uit Vries" are fine. A place name right
after a surname particle still is one: "Jan de Vries", "mevrouw de Vries", "Sem van Beilen".
"""

from __future__ import annotations

import re
from functools import lru_cache

from toc.matcher import normalise
from toc.models import Catalogue

# Words that say who someone is to others; "van" after one of these is "of": "moeder van Isa".
_RELATION_WORDS = {
    "moeder", "vader", "mama", "papa", "mam", "pap", "oma", "opa", "dochter", "zoon", "tante",
    "oom", "broer", "zus", "zusje", "broertje", "kleinzoon", "kleindochter", "kleinkind", "kind",
    "ouder", "ouders", "buurman", "buurvrouw", "buurmeisje", "buurjongen", "vriend", "vriendin",
    "vriendje", "vriendinnetje", "juf", "juffrouw", "meester", "man", "vrouw", "partner",
    "leerling", "klasgenoot", "collega", "oppas", "nicht", "neef", "nichtje", "neefje",
    "grootmoeder", "grootvader", "stiefmoeder", "stiefvader", "pleegmoeder", "pleegvader",
}  # fmt: skip
# Courtesy and role titles: "mevrouw Jansen" names someone by their surname.
_TITLE_WORDS = {
    "mevrouw", "mevr", "mw", "mvr", "meneer", "mnr", "dhr", "heer", "juf", "juffrouw", "meester",
    "dokter", "dr", "mr", "drs", "ir", "ds", "dominee", "pastoor",
}  # fmt: skip
# Words that describe someone without naming them.
_ROLE_WORDS = _RELATION_WORDS | {
    "deelnemer", "deelneemster", "cursist", "cursiste", "bezoeker", "bezoekster", "vrijwilliger",
    "jongen", "meisje", "baby", "peuter", "kleuter", "puber", "tiener", "student", "studente",
    "scholier", "senior", "oudere", "inwoner", "inwoonster", "lezer", "lezeres", "lid", "gast",
    "nieuwkomer", "statushouder", "mantelzorger", "medewerker", "begeleider", "docent",
    "taalmaatje", "maatje", "dame", "jongeman", "jongedame", "mevrouw", "meneer", "heer",
    "deelnemers", "kinderen", "jongens", "meisjes", "ouders", "tweeling", "gezin", "groep",
    "klas", "school", "cursus", "les", "bieb", "bibliotheek", "taalcafé", "taalhuis",
    "voorleesuurtje", "spreekuur", "koffieochtend", "leesclub", "boekenclub",
}  # fmt: skip
# Words around an age or a description: "jongen van 8 jaar", "een trotse oma uit Diever".
_PLAIN_WORDS = {
    "jaar", "jr", "jaren", "maand", "maanden", "oud", "jong", "bijna", "ruim", "ongeveer",
    "circa", "ca", "rond", "en", "of", "uit", "met", "bij", "in", "op", "aan", "voor", "na", "over",
    "een", "die", "dat", "wie", "zei", "zegt", "vertelde", "als", "ook", "nog", "al", "is", "was",
    "mijn", "zijn", "haar", "hun", "onze", "ons", "eigen", "zelf", "iemand", "anoniem",
    "nieuwe", "nieuw", "vaste", "vast", "trotse", "trots", "blije", "blij", "oude", "jonge",
    "kleine", "klein", "grote", "groot", "hele", "heel", "erg", "echt", "zeer", "trouwe",
    "enthousiaste", "enthousiast", "eerste", "tweede", "derde", "laatste", "andere", "ander",
    "oudste", "jongste", "lieve", "aardige", "gepensioneerde", "alleenstaande", "jarige",
    "groepje", "moeders", "vaders", "opa's", "oma's",
    # Everyday words, so prose around a name is not read as one ("Vrouwen van Nu").
    "nu", "hier", "daar", "toen", "dan", "wel", "niet", "geen", "veel", "alles", "iets",
    "niets", "ik", "jij", "je", "u", "hij", "zij", "ze", "wij", "we", "jullie", "het", "dit",
    "deze", "wat", "waar", "hoe", "waarom", "want", "maar", "omdat", "dus", "om", "te", "tot",
    "zo", "weer", "vandaag", "gisteren", "morgen", "thuis", "samen", "alleen", "altijd",
    "nooit", "elke", "iedere", "ieder", "alle", "twee", "drie", "vier", "vijf", "zes", "zeven",
    "acht", "negen", "tien", "kan", "kon", "wil", "wilde", "mag", "mocht", "moet", "heb",
    "hebben", "had", "ben", "bent", "waren", "werd", "wordt", "ga", "gaat", "ging",
    "gingen", "kom", "komt", "kwam", "kwamen", "zie", "zag", "vind", "vond", "leuk", "mooi",
    "fijn", "goed", "lekker", "gezellig", "boek", "boeken", "verhaal", "verhalen",
}  # fmt: skip
# Roles in schools, care and the library: "leescoördinator basisschool", "mentor havo 3".
_WORK_WORDS = {
    "coördinator", "coordinator", "leescoördinator", "leescoordinator", "voorleescoördinator",
    "voorleescoordinator", "basisschool", "school", "mentor", "leraar", "lerares",
    "onderwijzer", "onderwijzeres", "directeur", "directrice", "pedagogisch", "medewerkster",
    "bibliothecaris", "leesconsulent", "kinderopvang", "peuterspeelzaal", "consultatiebureau",
    "verpleegkundige", "wijkverpleegkundige", "havo", "vwo", "vmbo", "mbo", "hbo", "atheneum",
    "gymnasium", "brugklas", "klasgenoten", "schilderclub", "club", "vereniging", "koor",
    "dorpshuis", "buurthuis", "kerk", "zorgcentrum", "verzorgingshuis", "workshop",
}  # fmt: skip
# Particles that start a surname: "de Vries", "van der Meer", "ter Horst".
_PARTICLES = {
    "van", "de", "der", "den", "ter", "ten", "te", "het", "t", "la", "le", "di", "du", "da",
    "von", "des", "del", "el", "al", "op", "in",
}  # fmt: skip
# Particles that are also ordinary words: a surname only when a capital follows ("de Vries").
_ARTICLES = {"de", "het", "t", "te", "op", "in", "al", "el", "la", "le", "da", "di", "du"}
_KNOWN = _ROLE_WORDS | _TITLE_WORDS | _PLAIN_WORDS | _PARTICLES | _WORK_WORDS
# The most common surnames in the Netherlands and Drenthe (one-word part, without particles):
# on their own with a capital they name someone ("dochter van Jansen"). Lowercase "bakker" or
# "visser" stays a word.
_COMMON_SURNAMES = {
    "jansen", "janssen", "jong", "vries", "berg", "dijk", "bakker", "visser", "smit", "meijer",
    "meyer", "boer", "mulder", "groot", "bos", "vos", "peters", "hendriks", "leeuwen",
    "dekker", "brouwer", "wit", "dijkstra", "smits", "graaf", "meer", "linden", "kok", "jacobs",
    "haan", "vermeulen", "heuvel", "veen", "broek", "bruijn", "bruin", "heijden", "schouten",
    "beek", "willems", "vliet", "ven", "hoekstra", "maas", "verhoeven", "koster", "dam", "wal",
    "prins", "blom", "huisman", "peeters", "jonge", "kuipers", "post", "kuiper", "veenstra",
    "kramer", "brink", "scholten", "wijk", "postma", "martens", "vink", "ruiter", "timmermans",
    "groen", "gerritsen", "jonker", "loon", "velde", "willemsen", "smeets", "lange", "bosch",
    "dongen", "schipper", "koning", "laan", "velden", "driessen", "doorn", "hermans", "evers",
    "meulen", "hofman", "bosman", "wolters", "sanders", "horst", "mol", "kuijpers", "molenaar",
    "pol", "leeuw", "verbeek", "hoving", "kruizinga", "boelens", "wiersma", "bouwman", "nijboer",
    "oosting", "brinkman", "hulshof", "zwiers", "drenth", "lubbers", "tiesing", "seinen",
}  # fmt: skip
# Common surnames that are no ordinary Dutch word: a name in any case, even in prose ("zei
# sem jansen", "de vries"). "bakker", "visser", "de boer", "op de dijk" are words too.
_NON_WORD_SURNAMES = {
    "jansen", "janssen", "vries", "dijkstra", "hoekstra", "meijer", "meyer", "mulder", "smit",
    "smits", "peters", "hendriks", "leeuwen", "vermeulen", "willems", "verhoeven", "huisman",
    "peeters", "kuipers", "veenstra", "scholten", "postma", "martens", "timmermans",
    "gerritsen", "jonker", "willemsen", "smeets", "driessen", "hermans", "hofman", "bosman",
    "wolters", "kuijpers", "verbeek", "hoving", "kruizinga", "boelens", "wiersma", "bouwman",
    "nijboer", "oosting", "brinkman", "hulshof", "zwiers", "drenth", "lubbers", "tiesing",
    "bruijn", "heijden", "dekker", "brouwer",
}  # fmt: skip
# After "de" these are no Dutch ("de jonge", "de grote" would be): "de jong", "de groot".
_AFTER_DE_SURNAMES = {"jong", "groot", "wit", "bruin", "bruijn"}
# Surnames that are ordinary words (and so in the word lists above), a surname only right
# after a capitalised first name, capitalised themselves: "Jan Klein", "Jan Groot".
_WORD_SURNAMES = {
    "klein", "groot", "kleine", "lange", "jong", "jonge", "wit", "zwart", "rood", "bruin",
    "oude", "schoon", "vos", "haan", "post", "kok", "mol", "bos", "blom", "prins", "koning",
    "visser", "bakker", "boer", "smit", "vries", "dam", "laan", "brink", "groen",
}  # fmt: skip
# A phone number (nine digits or more, with the usual separators), an e-mail address, an
# @handle (Telegram, Instagram, X).
_CONTACT_RE = re.compile(
    r"(?<![\w+])(?:\+|00)?\d(?:[\s().-]{0,2}\d){8,}"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?<![\w.@])@[A-Za-z0-9_]{5,}"
)


def contact_details(text: str) -> bool:
    """Whether `text` holds a phone number, an e-mail address or an @handle."""
    return _CONTACT_RE.search(text) is not None


_NAME_PARTICLES = {"van", "de", "der", "den", "ter", "ten", "te"}
# Words, and the marks that separate parts: "Isa (8), dochter van Jansen".
_NAME_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+|[,()&/;:+!?]")


def _surname_after(chain: list[str], after: str) -> bool:
    """Whether `after`, following the particles `chain`, is a common surname: 'de Vries',
    'van Dijk', 'de jong', 'de vries' (capitals do not matter where it is no Dutch word)."""
    low = after.lower()
    if low in _NON_WORD_SURNAMES or (chain == ["de"] and low in _AFTER_DE_SURNAMES):
        return True
    return after[:1].isupper() and low in _COMMON_SURNAMES and chain[0] in _NAME_PARTICLES


def _is_word(token: str) -> bool:
    return token[:1].isalpha()


def _name_like(token: str | None) -> bool:
    """A word that is no role, age or other known word: perhaps a name."""
    return token is not None and _is_word(token) and len(token) > 1 and token.lower() not in _KNOWN


def _after_particles(tokens: list[str], i: int) -> tuple[list[str], str | None]:
    """The particles from position i on, and the token right after them (None at the end)."""
    chain: list[str] = []
    while i < len(tokens) and _is_word(tokens[i]) and tokens[i].lower() in _PARTICLES:
        chain.append(tokens[i].lower())
        i += 1
    return chain, tokens[i] if i < len(tokens) else None


def looks_like_full_name(text: str, catalogue: Catalogue | None = None) -> bool:
    """A first and a last name ('Henk jansen', 'Jan de Vries'), a title with a name ('mevrouw
    Jansen', 'dhr. Bakker'), a bare surname with a particle ('van Dijk'), or a name next to a
    family ('Isa, dochter van Jansen'). Roles, ages and one first name are fine: 'moeder van
    Isa', 'Jan, 72', 'juf'. Capitals do not matter: 'henk jansen' is a full name too. With the
    catalogue, its activity and place names are no names: 'deelnemer Drents veurlezen'.
    """
    if contact_details(text):
        return True
    tokens = _NAME_TOKEN_RE.findall(text)
    if catalogue is not None:
        tokens = _without_catalogue_names(tokens, catalogue)
    in_family = False  # inside "moeder van Isa en Sem"
    for i, token in enumerate(tokens):
        if not _is_word(token):
            in_family = False
            continue
        low = token.lower()
        before = tokens[i - 1].lower() if i else ""
        if low in _PARTICLES:
            if before in _PARTICLES:
                continue  # the chain was judged at its first particle
            chain, after = _after_particles(tokens, i)
            if after is not None and _surname_after(chain, after):
                return True  # "de Vries", "Sem de Jong", "sem de vries", "zoon van Dijk"
            if chain[0] == "van" and before in _RELATION_WORDS:
                if len(chain) > 1 and _name_like(after):
                    return True  # "zoon van de Vries"
                in_family = True  # "moeder van Isa"
                continue
            if after is not None and _name_like(after):
                if chain[0] not in _ARTICLES or len(chain) > 1 or after[:1].isupper():
                    return True  # "van Dijk", "de Vries"
            continue
        if low in _TITLE_WORDS:
            chain, after = _after_particles(tokens, i + 1)
            possessive = chain[:1] == ["van"] and low in _RELATION_WORDS
            if not possessive and _name_like(after):
                return True  # "mevrouw Jansen", "meneer de Vries"
            continue
        if not _name_like(token):
            in_family = in_family and low in ("en", "of")
            continue
        if token[:1].isupper() and low in _COMMON_SURNAMES:
            return True  # "Isa (8), dochter van Jansen", "Bakker, 72"
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        if _capital(token) and _capital(following) and following.lower() in _WORD_SURNAMES:
            return True  # "Jan Klein", "Jan Groot", "Jan Vries"
        _, after = _after_particles(tokens, i + 1)
        if _name_like(after):
            return True  # "Henk jansen", "Isa van Dijk"
    # Two first names ("Merel, moeder van Isa") are fine; a known surname is not.
    return False


# -- catalogue names are no names -----------------------------------------------------------

# A neutral known word put in place of a catalogue name.
_PLACEHOLDER = "bieb"
_SURNAME_PARTICLES = {"de", "der", "den", "ter", "ten", "te"}


_Keys = tuple[frozenset[str], frozenset[str]]
_keys_cache: dict[int, tuple[Catalogue, _Keys]] = {}


def _catalogue_keys(catalogue: Catalogue) -> _Keys:
    """The keys of every activity, vestiging and gemeente name and alias, and every beginning
    of one (to stop looking early). Built once per catalogue object (they are not changed)."""
    cached = _keys_cache.get(id(catalogue))
    if cached is None or cached[0] is not catalogue:
        if len(_keys_cache) >= 8:
            _keys_cache.clear()
        cached = (catalogue, _build_keys(catalogue))
        _keys_cache[id(catalogue)] = cached
    return cached[1]


def _build_keys(catalogue: Catalogue) -> _Keys:
    names: list[str] = [catalogue.organisation_name]
    for activity in catalogue.activities.values():
        names += [activity.id, activity.name, *activity.aliases]
    for vestiging in catalogue.vestigingen.values():
        names += [vestiging.id, vestiging.name, *vestiging.aliases]
    for gemeente in catalogue.gemeenten.values():
        names += [gemeente.id, gemeente.name]
    keys = frozenset(key for name in names if (key := normalise(name)))
    return keys, frozenset(key[:n] for key in keys for n in range(1, len(key) + 1))


def _surname_here(out: list[str], token: str) -> bool:
    """Whether a name after what is already read stands where a surname stands: right after
    'de', 'ter', … ("Jan de Vries"), after 'van' that follows a name ("Sem van Beilen"), or
    a place that is a common surname right after a capitalised name ("Jan Vries")."""
    if not out:
        return False
    last = out[-1].lower()
    if last in _SURNAME_PARTICLES:
        return True
    if _capital(out[-1]) and _name_like(out[-1]) and _capital(token):
        if token.lower() in _WORD_SURNAMES or token.lower() in _COMMON_SURNAMES:
            return True
    return last == "van" and len(out) > 1 and _name_like(out[-2])


@lru_cache(maxsize=8192)
def _token_key(token: str) -> str:
    return normalise(token)


def _name_end(tokens: list[str], keys: frozenset[str], prefixes: frozenset[str], i: int) -> int:
    """The end of the longest catalogue name that starts at token i, or i when none does."""
    end, key = i, ""
    if not _is_word(tokens[i]):
        return end
    for j in range(i, len(tokens)):
        key += _token_key(tokens[j])
        if key not in prefixes:
            break
        if key in keys and _is_word(tokens[j]):
            end = j + 1
    return end


def _without_catalogue_names(tokens: list[str], catalogue: Catalogue) -> list[str]:
    keys, prefixes = _catalogue_keys(catalogue)
    out: list[str] = []
    i = 0
    while i < len(tokens):
        found = _name_end(tokens, keys, prefixes, i)
        end = None if found == i else found
        if end is None or _surname_here(out, tokens[i]):
            out.append(tokens[i])
            i += 1
            continue
        out.append(_PLACEHOLDER)
        i = end
    return out


# -- a full name inside a quote's text --------------------------------------------------------

_PROSE_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|[.!?:;\"“”„«»()]")
_SENTENCE_MARKS = set('.!?:;"“”„«»()')
# Titles before a surname in prose: "mevrouw Jansen", "meneer de Vries". "juf" and "meester"
# take a first name ("juf Anja"); with a common surname they are a full name ("juf Bakker").
_PROSE_TITLES = {
    "mevrouw", "mevr", "mw", "mvr", "meneer", "mnr", "dhr", "juffrouw", "dokter", "dr", "drs",
    "ir", "ds", "dominee", "pastoor",
}  # fmt: skip
_FIRST_NAME_TITLES = {"juf", "meester"}
_PROSE_PARTICLES = {"van", "de", "der", "den", "ter", "ten"}
# Words after which a first name is expected: "moeder van Sem", "zei Henk".
_INTRO_WORDS = _RELATION_WORDS | {"van", "zei", "zegt", "aldus", "volgens", "vertelde"}


def _capital(word: str) -> bool:
    return word[:1].isupper()


def full_name_in_quote(text: str, catalogue: Catalogue | None = None) -> bool:
    """Whether a quote's text names someone in full: 'Sem de Vries', 'sem jansen', 'mevrouw
    Jansen', 'Henk Bakker', 'de Vries'. Prose is full of ordinary words, so only these shapes
    count: a capitalised name, particles and a capitalised surname; a title and a name; a
    name and a common surname; and the common surnames that are no ordinary word in any case.
    Book titles like 'Harry Potter' or 'de boer' (the farmer) are not names."""
    if contact_details(text):
        return True
    raw = _PROSE_TOKEN_RE.findall(text)
    if catalogue is not None:
        raw = _without_catalogue_names(raw, catalogue)
    words: list[tuple[str, bool]] = []  # (word, first of its sentence)
    start = True
    for token in raw:
        if token in _SENTENCE_MARKS:
            start = True
            continue
        words.append((token, start))
        start = False
    for i, (word, _) in enumerate(words):
        low = word.lower()
        before = words[i - 1][0] if i else None
        name_before = before is not None and _capital(before) and _name_like(before)
        if _capital(word) and not words[i][1] and low in _WORD_SURNAMES and name_before:
            return True  # "Jan Klein" inside a sentence
        chain: list[str] = []
        j = i + 1
        while j < len(words) and words[j][0].lower() in _PROSE_PARTICLES:
            chain.append(words[j][0].lower())
            j += 1
        after = words[j][0] if j < len(words) else None
        if low in _PROSE_TITLES and after is not None:
            if _capital(after) and _name_like(after) or after.lower() in _NON_WORD_SURNAMES:
                return True  # "mevrouw Jansen", "meneer de Vries", "mevrouw jansen"
        if low in _FIRST_NAME_TITLES and after is not None and not chain:
            if _capital(after) and after.lower() in _COMMON_SURNAMES:
                return True  # "juf Bakker"
        if low in _PROSE_PARTICLES and (before is None or before.lower() not in _PROSE_PARTICLES):
            rest, k = [low], i + 1
            while k < len(words) and words[k][0].lower() in _PROSE_PARTICLES:
                rest.append(words[k][0].lower())
                k += 1
            surname = words[k][0] if k < len(words) else None
            if surname is None:
                continue
            if _surname_after(rest, surname):
                return True  # "de vries", "sem de jong", "van Dijk", "De Boer"
            if _capital(surname) and name_before and _name_like(surname):
                return True  # "Sem de Wever", "Annie van Gogh"
        if before is None or not _name_like(word):
            continue
        if before.lower() in _INTRO_WORDS and after is not None:
            if after.lower() in _COMMON_SURNAMES and (not chain or chain[0] in _NAME_PARTICLES):
                return True  # "de moeder van sem bakker", "zei henk bos", "van sem de boer"
        if low in _NON_WORD_SURNAMES and _name_like(before):
            return True  # "Sem Jansen", "sem jansen"
        if _capital(word) and low in _COMMON_SURNAMES and name_before:
            return True  # "Henk Bakker"
    return False


# The import's reasons (a line number is put before them).
IMPORT_FULL_NAME = (
    "'citaat van' ({attribution}) lijkt een volledige naam; schrijf een rol, leeftijd of "
    "voornaam, bijvoorbeeld 'moeder van Isa' of 'Jan, 72'"
)
IMPORT_FULL_NAME_IN_QUOTE = (
    "het citaat noemt iemand met voor- en achternaam; laat de achternaam weg, bijvoorbeeld "
    "'de moeder van Sem'"
)


def full_name_problem(
    text: str, attribution: str | None, catalogue: Catalogue | None = None
) -> str | None:
    """Why an imported quote cannot be stored as it is (a full name in who said it or in the
    quote's text), or None."""
    if attribution and looks_like_full_name(attribution, catalogue):
        return IMPORT_FULL_NAME.format(attribution=attribution)
    if full_name_in_quote(text, catalogue):
        return IMPORT_FULL_NAME_IN_QUOTE
    return None
