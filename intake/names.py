"""Who said it, never a full name: the one check the bot and the importer share.

Participants are named by a role, an age or a first name ("moeder van Isa", "Jan, 72"),
never by a surname. The check errs on the side of refusing: a leader can always write a role.
"""

from __future__ import annotations

import re

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
}  # fmt: skip
# Particles that start a surname: "de Vries", "van der Meer", "ter Horst".
_PARTICLES = {
    "van", "de", "der", "den", "ter", "ten", "te", "het", "t", "la", "le", "di", "du", "da",
    "von", "des", "del", "el", "al", "op", "in",
}  # fmt: skip
# Particles that are also ordinary words: a surname only when a capital follows ("de Vries").
_ARTICLES = {"de", "het", "t", "te", "op", "in", "al", "el", "la", "le", "da", "di", "du"}
_KNOWN = _ROLE_WORDS | _TITLE_WORDS | _PLAIN_WORDS | _PARTICLES
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
# Words, and the marks that separate parts: "Isa (8), dochter van Jansen".
_NAME_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+|[,()&/;:+!?]")


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


def looks_like_full_name(text: str) -> bool:
    """A first and a last name ('Henk jansen', 'Jan de Vries'), a title with a name ('mevrouw
    Jansen', 'dhr. Bakker'), a bare surname with a particle ('van Dijk'), or a name next to a
    family ('Isa, dochter van Jansen'). Roles, ages and one first name are fine: 'moeder van
    Isa', 'Jan, 72', 'juf'. Capitals do not matter: 'henk jansen' is a full name too.
    """
    tokens = _NAME_TOKEN_RE.findall(text)
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
        _, after = _after_particles(tokens, i + 1)
        if _name_like(after):
            return True  # "Henk jansen", "Isa van Dijk"
    # Two first names ("Merel, moeder van Isa") are fine; a known surname is not.
    return False
