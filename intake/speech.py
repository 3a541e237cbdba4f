"""Who spoke, and whether words in quote marks were spoken at all.

Typed roles, not sentences: speech verbs (zei, zee, sei, said, vroeg, merkte op…), speech
labels (citaat, quote, uitspraak), title nouns and verbs of reading (boek, thema, workshop,
lazen, uit…), teaching verbs (oefenden, leerden), performers (auteur, spreker, rapper…).

- Words in quote marks are a quote when a speech cue stands by them: a speech verb or label
  before them in the same sentence, a speaker before a colon, or an attribution after them.
- A title cue right before them ("boek: 'Nijntje'", "thema 'de jaren 60'", "lazen 'De
  Gruffalo'", "oefenden 'Mag ik…'") makes them no quote; so does a performer as speaker.
- Without either cue: a whole sentence ("…!", four words or more) is asked (quote or title?);
  a short phrase is the writer's own words in quote marks ("'gezellig druk' haha").

Without quote marks (intake.quotes): the words after zei/zegt/zee/riep, or after
vertelde/vroeg when they read as a main clause ("vertelde ik heb …", "vroeg mag ik …",
"vroeg waarom moet …"); "vertelde dat …", "vroeg of …", "vertelde over …" are reported
speech, no quote. An addressee ("zei tegen mij") is skipped; "en toen" ends the words.

The speaker before a speech verb is the subject of its clause ("… en een jongen zei": the
person phrase after "en"; "mevrouw de Boer", "een jongen van 10" keep title and age):
"Een meneer (retired teacher, 74) said:" -> "Een meneer"; "Olde Jan (91) vertelde over … en
zee:" -> "Olde Jan" (the subject of the sentence, as "en" continues it); "Na afloop zei een
bezoekster tegen mij:" -> "een bezoekster" (after the verb when only an adverb precedes it);
"hij" refers back to the sentence's subject; a relative "die" to the person phrase before it
("Opmerkelijk was een dame van 91 jaar die zei:" -> "een dame van 91 jaar"). A modal or Drents
verb ends the subject too ("Eén man mag volgende week … en zei:" -> "Eén man").
"""

from __future__ import annotations

import re

from intake.countwords import ADULT_WORDS, CHILD_WORDS, PEOPLE_WORDS, STAFF_WORDS

SPEECH_VERBS = (
    r"zei|zegt|zeg|zee|zeed|sei|seit|zeiden|said|says|told|riep|vroeg|vertelde|antwoordde|"
    r"geroepen|gezegd|riepen|vroegen|vertelden|"
    r"merkte\s+op|reageerde|verzuchtte|fluisterde|schreef|sprak|lachte|jubelde|concludeerde|"
    # "Een bezoeker gaf aan: '…'", "liet weten:": formal speech verbs of two words.
    r"gaf\s+aan|gaven\s+aan|liet\s+weten|lieten\s+weten|benadrukte|verklaarde|"
    # "verwoordde het als volgt:": putting into words is saying.
    r"verwoordde|verwoordden|formuleerde|formuleerden|mompelde|grapte|"
    r"asked|shouted"
)
_VERB_END_RE = re.compile(
    rf"\b(?P<verb>{SPEECH_VERBS})\b(?P<after>(?:[ \t]+[^\s:,.!?\"“”„«»]+){{0,4}}?)"
    r"[ \t]*[:,]?[ \t]*$",
    re.IGNORECASE,
)
# Words between a speech verb and quote marks that make the quote something talked about.
_NOT_SPOKEN_AFTER_VERB_RE = re.compile(
    r"\b(?:dat|of|over|naar|om|van(?!\s+\d{1,3}\b)|uit|about|het\s+boek|zijn\s+boek|"
    r"haar\s+boek)\b",
    re.I,
)
# Verbs that end the subject at the start of a sentence ("Olde Jan (91) vertelde over …").
_ANY_VERB_RE = re.compile(
    rf"\b(?:{SPEECH_VERBS}|las|lazen|kwam|kwamen|was|waren|had|hadden|zat|zaten|ging|gaf|"
    r"keek|maakte|liet|deed|speelde|zong|wilde|begon|hoorde|zag|stond|heeft|is|kon|vond|"
    r"bracht|kreeg|werd|leerde|wist|"
    # Modal and Drents verbs: "Eén man mag volgende week …", "Eén vrouw har een foto …".
    r"mag|mocht|moet|moest|wil|kan|zou|har|hef|"
    # Present tense: "Meneer Kuipers werkt nu aan module 5 en zei", "Een man hij maakt …".
    r"werkt|maakt|komt|gaat|zit|staat|doet|leest|speelt|oefent|woont|kijkt|vindt|krijgt|"
    r"loopt|neemt|brengt|leert|weet|heb|hebt)\b",
    re.IGNORECASE,
)
# Discourse fillers that open a sentence but are no part of who spoke: "oja een mama zei".
FILLERS = r"oja|o\s+ja|oh\s+ja|ohja|trouwens|btw|nou|haha|ps|p\.s\.|oh|o|en\s+toen"
_LEADING_RE = re.compile(
    rf"^(?:(?:{FILLERS}|en|toen|daarna|later|na\s+afloop|achteraf|ook|nog|maar|want|waarop|dus|"
    r"vandaag|gisteren|tenslotte|ten\s+slotte|uiteindelijk|op\s+het\s+eind|aan\s+het\s+eind|"
    r"naderhand|naoderhand|hjoed|juster)\b[\s,]*)+",
    re.IGNORECASE,
)
# Adverbs after the speaker ("zei een man naoderhaand", "zei een jongen aan het begin").
AFTER_DROP_RE = re.compile(
    r"\s+(?:tegen\s+\w+|via\s+de\s+\w+|naoderhand|naoderhaand|naderhand|achteraf|later|nog|"
    r"ook|lachend|spontaan|zachtjes|me|mij|us|to\s+me|toen|meteen|daarna|na\s+afloop|"
    r"aan\s+het\s+(?:begin|eind|einde)|bij\s+(?:de|het)\s+\w+|heel\s+\w+|trots|blij|serieus|"
    r"enthousiast|verbaasd|verrast|opgetogen|vrolijk|zuchtend|glunderend|stralend|zacht|"
    r"hardop|luid|stil|stilletjes|ontroerd|emotioneel|geëmotioneerd|verlegen|voorzichtig|"
    r"op\s+(?:de|het|een)\s+\w+)\b.*$",
    re.IGNORECASE,
)
_AFTER_DROP_RE = AFTER_DROP_RE
# Words that name a person: "een man", "die mevrouw van 89", "mijn buurvrouw", "een ander".
PERSON_WORDS = set(f"{CHILD_WORDS} {ADULT_WORDS} {PEOPLE_WORDS} {STAFF_WORDS}".split()) | {
    "ander", "andere", "iemand", "buurvrouw", "buurman", "vriendin", "vriend", "dochter",
    "zoon", "kleindochter", "kleinzoon", "wicht", "knul", "jochie", "ventje", "kereltje",
    "oudje", "bezoekster", "mevr", "mw", "dhr", "hr", "lady", "gentleman", "woman", "boy",
    "girl", "guy", "student", "studente", "klant", "lener", "moeke", "vrouwtje", "mannetje",
    "mevrouwtje", "meneertje", "dametje", "heertje", "auteur", "schrijver", "schrijfster",
    "spreker", "spreekster", "dichter", "kleuter", "peuter", "man", "mens", "weduwe",
    "weduwnaar", "echtgenote", "echtgenoot", "bewoner", "bewoonster", "nieuwkomer",
    "statushouder", "inburgeraar", "gast", "gasten", "bezoeker", "vader", "moeder",
    # Drents and Fries: "zee n olde kerel", "sei in âlde frou".
    "frou", "froulju", "kearel", "kerel", "keerl", "wief", "wiefke", "deern", "jong", "jonkje",
    "famke", "feint", "manlu", "vrouwlu", "vrouwgien", "mannegien", "mensk",
}  # fmt: skip
# "de jongste", "de oudste": an adjective standing for a person.
STANDING_ADJECTIVES = {"jongste", "oudste", "kleinste"}
PERSON_WORDS |= STANDING_ADJECTIVES
# Compounds end in a person word: "schoonmoeder", "buurjongen", "kleinkind".
# Agent nouns name a person by what they do: "tuinliefhebber", "mantelzorger", "kerkganger".
PERSON_END_RE = re.compile(
    r"(?:moeder|vader|vrouw|man|jongen|meisje|zoon|dochter|kind|oma|opa|liefhebber|"
    r"liefhebster|zorger|ganger|bezoeker|bezoekster|deelnemer|deelneemster|bewoner|"
    r"bewoonster|luisteraar|gebruiker)$"
)
_DETERMINERS = {
    "een", "de", "het", "die", "dat", "deze", "ene", "n", "'n", "mijn", "m'n", "mn", "onze",
    "ons", "zijn", "haar", "hun", "a", "an", "the", "one", "my", "our",
}  # fmt: skip


def looks_like_person(words: str | None) -> bool:
    """Words that name someone: a people word ("een man", "die mevrouw van 89") or a
    capitalised name ("Noor (4)", "mevrouw Hofman"); never an adverb ("heel serieus"), a day
    ("vandaag") or a time ("na afloop")."""
    if not words:
        return False
    plain = _PARENS_RE.sub("", words)
    if plain.strip().lower() in _ONE_AND_OTHER:
        return True  # "zei de een, … zei de ander": the one of two people
    found = re.findall(r"[^\W\d_][\w'’.-]*", plain)
    for at, raw in enumerate(found):
        word = raw.lower().replace("'", "").replace("’", "").rstrip(".")
        if word in PERSON_WORDS or (len(word) > 4 and PERSON_END_RE.search(word)):
            return True
        if not raw[:1].isupper() or word in _DETERMINERS or word in _NOT_NAMES:
            continue
        # A capital inside the phrase is a name; one at its start only when the rest is a
        # name too ("Sem", "Truus van Dijk"), not a sentence's first word ("Naam van …").
        if at > 0 or all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in found):
            return True
    return False


# "de een … de ander": each of two people, as a pronoun.
_ONE_AND_OTHER = {"de een", "de ene", "de één", "de eén", "de ander", "de andere"}
_NAME_PARTICLES = {"van", "de", "der", "den", "het", "ter", "ten", "en", "'t"}


# Capitalised words that are no names at the start of a phrase.
_NOT_NAMES = {
    "vandaag", "gisteren", "toen", "daarna", "later", "na", "aan", "bij", "heel", "echt", "ook",
    "nog", "label", "foto", "thema", "quote", "citaat", "reactie", "opmerking",
}  # fmt: skip


def head_word(speaker: str) -> str:
    """The first word after determiners: "Mijn collega die meehielp" -> "collega"."""
    words = [w.lower().strip(",.:") for w in speaker.split()]
    while words and words[0] in _DETERMINERS:
        words.pop(0)
    return words[0] if words else ""


# Question words: a clause they open is a question or about words, not a speech act.
WH_WORDS = {"wie", "wat", "welke", "waar", "hoe", "wanneer", "waarom"}
_WRITER = {"ik", "we", "wij", "i", "k", "ikke"}
_PRONOUNS = {"hij", "zij", "ze", "he", "she", "hy", "hja", "die", "dizze"}
_PARENS_RE = re.compile(r"\s*\([^)]*\)")
_AGE_PARENS_RE = re.compile(r"\s*\(\s*\d{1,3}\s*(?:jaar|jr)?\s*\)$")
# Right before quote marks: what follows is a title, a theme or a taught phrase.
_TITLE_BEFORE_RE = re.compile(
    r"(?:\b(?:\w*(?:boek|boekje|titel|thema|expositie|tentoonstelling|workshop|lezing|"
    r"cursus|liedje|lied|film|voorstelling|project|spel|spelletje|serie|verhaal|gedicht|"
    r"presentatie|programma|bijeenkomst|training|quiz|module|avond)|onderwerp|opdracht|les|"
    r"boeken|roman|bundel|uit|over|lazen|las|"
    r"lezen|voorgelezen|gelezen|uut|veurlezen|zongen|zingen|zong|speelden|keken|oefenden|"
    r"geoefend|oefenen|leerden|geleerd|leren|woord|woorden|zin|zinnen|uitdrukking|"
    r"spreekwoord|groep|team|club|noemen|noemden|heet|heette|genaamd|getiteld|van|de|het|"
    r"topic|theme|title|book|subject|song|poem|called|read|"
    r"het\s+boek|met|liedje|zinnetjes|zinnetje|woordjes|zegswijze)"
    # "Het boek van de maand was 'Ik wil mijn hoed terug'".
    r"(?:\s+(?:was|is|heette|heet|van\s+vandaag|als|van\s+(?:de|het|deze)\s+"
    r"(?:dag|week|maand|avond|middag|ochtend|les|keer|jaar))){0,2}"
    r"\s*:?\s*)$",
    re.IGNORECASE,
)
_SENTENCE_RE = re.compile(r"[.!?][\"'’”»]?(?=\s|$)|\n")
ABBREVIATION_END_RE = re.compile(
    r"(?:^|[\s(])(?:mevr|mw|dhr|hr|mr|mrs|ms|dr|st|ca|bijv|o\.a|nr|jl|jr|plm|incl|excl|evt|vd|"
    r"[A-Za-z])$",
    re.IGNORECASE,
)


def sentence_before(text: str, start: int) -> str:
    """The part of the sentence before `start`."""
    head = text[:start]
    ends = list(_SENTENCE_RE.finditer(head))
    # "mevr. B." and "o.a." are no sentence ends.
    while ends and ends[-1].group() == "." and ABBREVIATION_END_RE.search(head[: ends[-1].start()]):
        ends.pop()
    return head[ends[-1].end() :] if ends else head


def speaker_before(text: str, start: int) -> tuple[str | None, bool]:
    """(speaker, spoken): the speaker of quote marks at `start`, and whether a speech verb
    stands right before them."""
    head = sentence_before(text, start)
    verb = _last_speech_verb(head)
    if verb is None:
        return None, False
    not_spoken = _NOT_SPOKEN_AFTER_VERB_RE.search(verb.group("after"))
    if not_spoken and not (
        # "vertelde over de watersnood: '…'": the topic, then a colon that opens the words.
        not_spoken.group().lower() in ("over", "about") and head.rstrip().endswith(":")
    ):
        return None, False  # "zei dat haar zoon 'De Gruffalo' …", "vroeg naar 'Het Achterhuis'"
    pre = head[: verb.start()]
    after = verb.group("after").strip()
    ages = _AGE_PARENS_RE.search(pre.rstrip())
    clause = re.split(r"[,;:]", _PARENS_RE.sub("", pre))[-1]
    plain = _LEADING_RE.sub("", clause.strip()).strip()
    plain_words = [w.lower() for w in plain.split()]
    if any(w in WH_WORDS for w in plain_words[-3:]):
        # "Wat zei iemand: '…'" asks who spoke, the verb first and its subject after it;
        # "Wie het zei weet ik niet meer", "ik weet niet wie het zei", "wat ze zei": a
        # clause about words, no one's.
        speaker = _AFTER_DROP_RE.sub("", " " + after).strip()
        if plain_words == [plain_words[0]] and speaker and looks_like_person(speaker):
            return _clean(speaker, keep_age=False), True
        if not after and head.rstrip().endswith(":"):
            return None, True  # "Wat iemand zei: '…'": a heading of words said, by nobody named
        return None, False
    if ages and plain and ages.start() >= len(pre.rstrip()) - len(ages.group()):
        plain += ages.group()  # "Sem (6) zei": the age stays with the name
    if after:
        speaker = _AFTER_DROP_RE.sub("", " " + after).strip()
        # "zei heel serieus:" names nobody; the subject before the verb is the speaker then.
        # After other words the verb comes second and its subject after it: "Toen de
        # sneeuw kwam riep een meisje:", "… liet zien zei Yonas:" (an article or a name).
        inverted = bool(speaker) and (
            speaker.split()[0].lower() in _ARTICLES | {"één", "eén"} or _is_named(speaker)
        )
        if speaker and looks_like_person(speaker) and (not plain or inverted):
            return _clean(speaker, keep_age=False), True
        if speaker.lower() in ("ik", "we", "wij", "i"):
            return speaker, True  # "Daarna zei ik tegen de groep:": the writer's own words
    relative = _RELATIVE_END_RE.search(_PARENS_RE.sub("", pre))
    if relative is not None:
        antecedent = _antecedent(relative.group("np"))
        if antecedent is not None:
            return antecedent, True  # "Opmerkelijk was een dame van 91 jaar die zei:"
    one = _ONE_PERSON_RE.search(plain)
    if one is not None and looks_like_person(one.group(2)):
        return one.group(1), True  # "1 jongen zei": "1" is the article "een"
    coordinated = _coordinated_speaker(plain) if plain else None
    if coordinated is not None:
        return _clean(coordinated, keep_age=True), True
    indefinite = _last_phrase(plain) if plain else ""
    if (
        indefinite != plain
        and indefinite.split()[:1]
        and indefinite.split()[0].lower() in {"een", "'n", "n", "ene", "één", "eén"}
        and not any(ch.isdigit() for ch in indefinite)
        and looks_like_person(indefinite)
    ):
        return _clean(indefinite, keep_age=True), True  # "taalcafe beilen een man vroeg"
    if not plain or any(ch.isdigit() for ch in _AGE_PARENS_RE.sub("", plain)):
        aged = _last_phrase(plain) if plain else ""
        if (
            aged.split()[:1]
            and aged.split()[0].lower() in _ARTICLES
            and not any(ch.isdigit() for ch in _VAN_AGE_END_RE.sub("", aged))
            and looks_like_person(_VAN_AGE_END_RE.sub("", aged))
        ):
            # "…, een jongen van 10 vroeg", "… 9 mensen een vrouw vertelde"
            return _clean(aged, keep_age=True), True
        found = _clean(_subject(head), keep_age=False)
        if found is None and plain:
            found = _clean(_last_phrase(plain), keep_age=True)  # "… 4 ouders een vader zei"
        return found, True
    words = plain.split()
    if not words or words[-1].lower() in _PRONOUNS or _ANY_VERB_RE.search(plain):
        subject = _subject(head)
        if (
            subject is not None
            and words
            and words[-1].lower() in _PRONOUNS
            and subject.split()[0].lower() in _WRITER
        ):
            # "Ik zei tegen de meneer '…' en hij zei": "hij" is never the writer; whom it
            # takes up the sentence does not say for sure.
            return None, True
        if subject is None and words and words[-1].lower() in _PRONOUNS and len(words) > 1:
            subject = " ".join(words[:-1])  # "Een man uit Eritrea hij zeg:"
        if subject is None and words and words[-1].lower() in _PRONOUNS:
            # "Een vrouw vertelde … . Ze zei: '…'": who the sentence before was about.
            previous = text[: start - len(head)].rstrip().rstrip(".!?")
            subject = _subject(sentence_before(previous, len(previous)))
            # "Een vrouw …" or "Mevrouw Hofman (89) vertelde …": someone introduced by an
            # article or by name; any other subject ("Het verhaal") is no one to refer to.
            named = subject is not None and _is_named(_PARENS_RE.sub("", subject))
            if (
                subject
                and not named
                and not re.match(r"(?i)(?:een|de|het|ene|n|one|a|the)\b", subject)
            ):
                subject = None
        return _clean(subject, keep_age=False), True
    if len(words) > 6:
        plain = _last_phrase(plain)
    return _clean(plain, keep_age=True), True


# "…, een jongen van 16, die zei": the relative "die" takes up the person phrase before it.
_RELATIVE_END_RE = re.compile(r"(?P<np>\S.*?)[\s,]+die\s*$", re.I)
_ANTECEDENT_RE = re.compile(
    r"(?:een|de|ene|'n|n|mijn|onze|a|the)\s+(?:(?P<head>[^\W\d_][\w'’-]*)\s*)"
    r"(?:\s+(?:van|uit|met|of|from)\s+[^,;:.!?]{1,30}?)?\s*",
    re.I,
)


def _antecedent(words_before: str) -> str | None:
    """The person phrase that ends `words_before`: its article, a person word, and what
    follows it ("van 91 jaar", "uit Syrië"); the leftmost such phrase that reaches the end."""
    text = words_before.rstrip(" ,")
    for start in re.finditer(r"(?:^|(?<=\s))\S", text):
        found = _ANTECEDENT_RE.fullmatch(text, start.start())
        if found is None:
            continue
        head = found.group("head").lower()
        if head in PERSON_WORDS or (len(head) > 4 and PERSON_END_RE.search(head)):
            phrase = found.group().strip()
            return phrase if len(phrase.split()) <= 8 else None
    return None


# "1 jongen zei", "… 7 deelnemers 1 moeder vroeg": the numeral one as an article.
_ONE_PERSON_RE = re.compile(r"(?:^|\s)(1\s+([^\W\d_]+))$")
_VAN_AGE_END_RE = re.compile(r"\s+van\s+\d{1,3}(?:\s*(?:jaar|jr))?$", re.I)
_TITLE_RE = re.compile(r"^(?:mevrouw|meneer|mevr\.?|mw\.?|dhr\.?|opa|oma|juf|meester)\s+", re.I)


def _is_named(subject: str) -> bool:
    """ "Mevrouw Hofman", "Jan", "Olde Jan": one or two capitalised words (after a title)."""
    words = _TITLE_RE.sub("", subject.strip()).split()
    return 0 < len(words) <= 2 and all(
        w[:1].isupper() and w.lower() not in _DETERMINERS for w in words
    )


def _last_phrase(words_before: str) -> str:
    """ "… zes cursisten een cursist": the noun phrase right before the verb, from its
    article; the words as they are when there is no article."""
    words = words_before.split()
    starts = [i for i, w in enumerate(words) if w.lower() in _ARTICLES]
    if not starts:
        return words_before
    at = starts[-1]
    # "de moeder van een vrijwilliger zei": the phrase after "van" belongs to the one before.
    while at > 0 and words[at - 1].lower() in ("van", "of"):
        earlier = [i for i in starts if i < at - 1]
        at = earlier[-1] if earlier else max(0, at - 2)
    # "mevrouw de Boer zei": a title before the article belongs to the name.
    if at > 0 and _TITLE_RE.match(words[at - 1] + " "):
        at -= 1
    return " ".join(words[at:])


def _coordinated_speaker(plain: str) -> str | None:
    """ "we hadden … en een jongen zei": after "en" a new subject starts; a person phrase
    right before the verb is who spoke, not the subject of the sentence."""
    parts = re.split(r"\s(?:en|maar|want|toen)\s", " " + plain + " ", flags=re.I)
    if len(parts) < 2:
        return None
    last = parts[-1].strip()
    words = last.split()
    if not words or len(words) > 5:
        return None
    before = parts[-2].strip()
    if (
        0 < len(before.split()) <= 3
        and not any(ch.isdigit() for ch in before)
        and looks_like_person(before)
    ):
        return f"{before} en {last}"  # "Truus en Jan zeiden": both spoke
    if _is_named(_PARENS_RE.sub("", last)):
        return last  # "… 9 dames en Jannie (74) zei"
    if words[0].lower() not in _ARTICLES | {"mevrouw", "meneer"}:
        return None
    return last if looks_like_person(last) else None


_ARTICLES = {"een", "de", "ene", "n", "'n", "mijn", "onze", "die", "a", "the", "one", "één", "eén"}


_VERB_WORD_RE = re.compile(rf"\b(?:{SPEECH_VERBS})\b", re.IGNORECASE)


def _last_speech_verb(head: str) -> re.Match[str] | None:
    """The speech verb nearest the quote ("vertelde over 1944 en zei:" is "zei")."""
    for word in reversed(list(_VERB_WORD_RE.finditer(head))):
        found = _VERB_END_RE.match(head, word.start())
        if found is not None:
            return found
    return None


def has_clause_verb(words: str) -> bool:
    """Whether `words` hold a finite verb other than a speech verb ("Een moeder las voor")."""
    return any(
        _VERB_WORD_RE.fullmatch(verb.group()) is None for verb in _ANY_VERB_RE.finditer(words)
    )


def _subject(sentence: str) -> str | None:
    """The words at the start of a sentence before its first verb."""
    start = _LEADING_RE.sub("", sentence.strip())
    verb = _ANY_VERB_RE.search(start)
    if verb is None:
        return None
    subject = start[: verb.start()].strip(" ,")
    if re.search(r"\S\s+(?:die|dat)(?:\s|$)", subject, re.I):
        # "Een man die niet kan lezen zei": the first verb ends a relative clause; the
        # subject runs to the verb after it.
        after = _ANY_VERB_RE.search(start, verb.end())
        if after is not None:
            subject = start[: after.start()].strip(" ,")
        relative = re.search(r"[\s,]+(?:die|dat)\s", subject, re.I)
        if relative is not None and len(_PARENS_RE.sub("", subject).split()) > 6:
            # "Een mevrouw van 69 die nog nooit geschilderd had zei": a long relative clause
            # is no part of the name; the person phrase before it is.
            subject = subject[: relative.start()]
    parts = subject.split(",")
    subject = parts[0]  # "One gentleman, 91 years old, told me"
    # "Een meisje, Noor (4), zei": a name in apposition is who spoke.
    # "De leerkracht van groep 3, juf Ineke, liet weten": a title may go before the name.
    if len(parts) > 1 and re.fullmatch(
        r"\s*(?:(?i:juf|meester|mevrouw|meneer|opa|oma|mevr\.?|mw\.?|dhr\.?)\s+)?"
        r"[A-Z][a-z]\w*(?:\s+[A-Z]\w+)?\s*(?:\(\s*\d{1,3}\s*\))?\s*",
        parts[1],
    ):
        subject = parts[1].strip()
    words = subject.split()
    if words and words[-1].lower() in _PRONOUNS:
        subject = " ".join(words[:-1])
    return subject or None


def _clean(speaker: str | None, keep_age: bool) -> str | None:
    if not speaker:
        return None
    speaker = speaker.strip(" ,-–—")
    age = _AGE_PARENS_RE.search(speaker) if keep_age else None
    speaker = _PARENS_RE.sub("", speaker).strip()
    if age:
        speaker += age.group()
    plain = _AGE_PARENS_RE.sub("", speaker)
    if not plain or len(plain.split()) > 6 or any(ch.isdigit() for ch in plain.split()[0]):
        return None
    words = plain.split()
    if words[0].lower() in _PRONOUNS and not (len(words) > 1 and looks_like_person(words[1])):
        return None  # "die zei", but "die meneer zei" names someone
    return speaker


# Right after quote marks: "we hebben 'wat doe je in het weekend?' geoefend".
_TAUGHT_AFTER_RE = re.compile(
    r"^\s*(?:\w+\s+)?(?:geoefend|geleerd|gelezen|voorgelezen|gezongen|gespeeld|besproken|"
    r"bekeken|gekeken|nagespeeld|uitgelegd|behandeld|geoefend|herhaald|nagezegd|"
    # "'Ik ben een boekenwurm' zongen ze allemaal mee": the verb first, its subject after.
    r"zongen|zong|lazen|las|oefenden|oefende|leerden|speelden|keken)\b",
    re.IGNORECASE,
)


_BRACKET_AFTER_RE = re.compile(r"^\s*\([^)\n]*\)")


def title_before(text: str, start: int, end: int | None = None) -> bool:
    """Quote marks at `start` right after a title noun or a verb of reading or teaching, or
    (with `end`) right before a verb of reading or teaching."""
    # "'De Gruffalo' (van Julia Donaldson) voorgelezen": an aside in brackets is passed by.
    after = _BRACKET_AFTER_RE.sub("", text[end : end + 80]) if end is not None else ""
    if end is not None and _TAUGHT_AFTER_RE.match(after[:40]):
        return True
    return _TITLE_BEFORE_RE.search(sentence_before(text, start)) is not None


def looks_spoken(quote: str) -> bool:
    """A whole sentence rather than a name or a phrase."""
    return quote.rstrip().endswith(("!", "?", ".")) or len(quote.split()) >= 4
