"""Reading what a leader types: counts, a date, a quote, who said it. Pure functions.

Every rejection is an `InputError` whose message (from bot.texts) says what to type instead;
the draft is never touched by a rejected input.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from bot import texts
from store.sessions import MAX_COUNT, MAX_QUOTE

# Above this a count is possible but unusual: the bot asks "klopt dat?".
PLAUSIBLE_MAX = 500
MAX_AGE_DAYS = 366

try:  # The parser's numeral reading ("twaalf"), when available.
    from intake.numbers import count_group as _count_group
    from intake.numbers import numeral as _numeral
except ImportError:  # pragma: no cover - the intake package is optional here
    _numeral = None
    _count_group = None


class InputError(ValueError):
    """Input that cannot be used; str(error) is the Dutch answer for the leader."""


_TOKEN_RE = re.compile(r"-?\d+(?:[.,]\d+)?|[^\W\d_]+(?:'[^\W\d_]+)?")
# Which count a word after a number points at, for "8 volwassenen 12 kinderen".
_GROUP_FIELDS = {
    "kinderen": ("kinderen",),
    "volwassenen": ("volwassenen",),
    "mensen": ("deelnemers", "bezoekers"),
    "vragen": ("vragen",),
}


def _word_number(word: str) -> int | None:
    if _numeral is None:
        return None
    try:
        return _numeral(word, word)
    except Exception:  # a helper of another module must never break input reading
        return None


def read_numbers(text: str) -> list[tuple[int, str | None]]:
    """Whole numbers in `text` with the count word right after each (if any)."""
    tokens = _TOKEN_RE.findall(text.strip().lower())
    found: list[tuple[int, str | None]] = []
    for i, token in enumerate(tokens):
        if token[0].isdigit() or token.startswith("-"):
            if not re.fullmatch(r"\d+", token):
                raise InputError(texts.NOT_WHOLE_NUMBER)
            value = int(token)
        else:
            number = _word_number(token)
            if number is None:
                continue
            value = number
        group = None
        if i + 1 < len(tokens) and _count_group is not None:
            group = _count_group(tokens[i + 1])
        found.append((value, group))
    if not found:
        raise InputError(texts.NOT_WHOLE_NUMBER)
    for value, _ in found:
        if value > MAX_COUNT:
            raise InputError(texts.TOO_MANY.format(max=MAX_COUNT))
    return found


def assign_counts(text: str, fields: list[str]) -> dict[str, int]:
    """Numbers typed for the still missing `fields`: by count word, else in order."""
    numbers = read_numbers(text)
    if len(numbers) > len(fields):
        raise InputError(texts.TOO_MANY_NUMBERS.format(n=len(fields)))
    result: dict[str, int] = {}
    rest: list[int] = []
    for value, group in numbers:
        target = next(
            (f for f in _GROUP_FIELDS.get(group or "", ()) if f in fields and f not in result),
            None,
        )
        if target is None:
            rest.append(value)
        else:
            result[target] = value
    free = [f for f in fields if f not in result]
    for field, value in zip(free, rest, strict=False):
        result[field] = value
    return result


def read_single(text: str, low: int = 0, high: int | None = None) -> int:
    """One whole number between `low` and `high`."""
    numbers = read_numbers(text)
    if len(numbers) != 1:
        raise InputError(texts.ONE_NUMBER)
    value = numbers[0][0]
    if value < low or (high is not None and value > high):
        raise InputError(texts.NUMBER_RANGE.format(low=low, high=high))
    return value


_DATE_RE = re.compile(r"(\d{1,2})[-/. ](\d{1,2})(?:[-/. ](\d{2}|\d{4}))?")
_ISO_RE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def check_date(day: date, today: date) -> date:
    if day > today:
        raise InputError(texts.DATE_FUTURE)
    if (today - day).days > MAX_AGE_DAYS:
        raise InputError(texts.DATE_TOO_OLD)
    return day


def read_date(text: str, today: date) -> date:
    """A typed day: 14-3, 14-3-2025, 2025-03-14, vandaag, gisteren, eergisteren."""
    plain = text.strip().lower()
    relative = {"vandaag": 0, "gisteren": 1, "eergisteren": 2}
    if plain in relative:
        return today - timedelta(days=relative[plain])
    try:
        iso = _ISO_RE.fullmatch(plain)
        if iso:
            day = date(int(iso[1]), int(iso[2]), int(iso[3]))
        else:
            match = _DATE_RE.fullmatch(plain)
            if match is None:
                raise InputError(texts.DATE_UNREADABLE)
            year = match[3]
            if year is None:
                day = date(today.year, int(match[2]), int(match[1]))
                if day > today:
                    day = day.replace(year=today.year - 1)
            else:
                full = int(year) + 2000 if len(year) == 2 else int(year)
                day = date(full, int(match[2]), int(match[1]))
    except ValueError as exc:
        if isinstance(exc, InputError):
            raise
        raise InputError(texts.DATE_UNREADABLE) from exc
    return check_date(day, today)


def read_quote(text: str) -> str:
    quote = text.strip().strip("\"'“”‘’„").strip()
    if not quote:
        raise InputError(texts.QUOTE_EMPTY)
    if len(quote) > MAX_QUOTE:
        raise InputError(texts.QUOTE_TOO_LONG.format(max=MAX_QUOTE, n=len(quote)))
    return quote


# -- who said it: never a full name ---------------------------------------------------------

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
    free_names = family_names = 0
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
        _, after = _after_particles(tokens, i + 1)
        if _name_like(after):
            return True  # "Henk jansen", "Isa van Dijk"
        if in_family:
            family_names += 1
        else:
            free_names += 1
    return bool(free_names and family_names)  # "Isa (8), dochter van Jansen"


def read_attribution(text: str) -> str:
    attribution = text.strip().strip("-–— ").strip()
    if not attribution:
        raise InputError(texts.ATTRIBUTION_EMPTY)
    if len(attribution) > 60:
        raise InputError(texts.ATTRIBUTION_TOO_LONG)
    if looks_like_full_name(attribution):
        raise InputError(texts.ATTRIBUTION_FULL_NAME)
    return attribution
