"""The words that name who came, by group, as leaders write them (folded, no apostrophes).

Children, adults, people in general ("deelnemers", or "bezoekers" at a spreekuur), questions,
staff (read so their number is not given to a neighbouring word, never participants) and the
total. Drents and Frisian words that leaders in Drenthe use are here too ("luu", "olde lu",
"pake en beppe").
"""

from __future__ import annotations

import re

from rapidfuzz.distance import OSA

# Count words -> group. Keys are folded and without apostrophes ("opa's" -> "opas").
CHILD_WORDS = (
    "kinderen kind kinders kindjes kindje kindertjes kids kidz kid peuters peuter kleuters "
    "kleuter babys babies baby dreumesen dreumes leerlingen leerling jongeren jongere tieners "
    "tiener pubers puber jongens jongen meisjes meisje meiden meid scholieren scholier "
    "broertjes zusjes broertje zusje kleinkinderen kleinkind kinder wichter "
    "kndr knd kinderres kiender kiendjes bern bernsjes famkes jonges maegies lutjes kleintjes "
    "children child kiddies kiddos kiddo toddlers toddler pupils pupil kinnen kindertjes "
    "bairns jongetjes jongetje meisjes wichties wichtjes jongies jonkies luttjes lln ll "
    "ukkies ukkie ukjes hummels hummeltjes lutjen lutje famke kleintje"
)
ADULT_WORDS = (
    "volwassenen volwassene ouders ouder opas omas opa oma grootouders grootouder verzorgers "
    "verzorger vaders moeders vader moeder papas mamas papa mama ouderen oudere senioren senior "
    "bejaarden pake beppe beppes opoe opoes "
    "volw volwas vw olders alders heit mem heiten memmen grootmoeders grootvaders "
    "grootmoeder grootvader alden pap mam paps mams parents parent adults adult "
    "grandparents mothers fathers moms mums dads grandmas grandpas mamas papas oudjes "
    "grown grownups pa"
)
# Generic people: "deelnemers", or "bezoekers" when the activity is a spreekuur.
PEOPLE_WORDS = (
    "deelnemers deelnemer deeln cursisten cursist bezoekers bezoeker mensen aanwezigen "
    "personen persoon pers man gasten gast luisteraars toehoorders belangstellenden dames dame "
    "heren heer vrouwen vrouw mannen leden lid anderstaligen anderstalige werkzoekenden "
    "werkzoekende breisters breister nieuwkomers nieuwkomer statushouders statushouder "
    "inwoners inwoner bewoners bewoner lezers lezer deelneemsters deelneemster cursistes "
    "cursiste mantelzorgers mantelzorger vluchtelingen luu lu lui "
    "deeln dln prs pers pax minsken volk vrouwlu manlu vrouwluu manluu taalvragers taalvrager "
    "genodigden genodigde mevrouw meneer mevrouwen meneren participants participant "
    "visitors visitor people attendees attendee guests guest seekers members neuzen koppen mensjes "
    "women woman men ladies lady gentlemen learners learner persons leerders leerder "
    "taalleerders cursusleden bezoeksters bezoekster wiefies wief kearls kearl kerels kerel "
    "vrouwlui manlui mans mens leu leut lieden clienten client klanten klant "
    "oefenaars oefenaar breiers breier breisters publiek spelers speler ppl "
    "inloop inlopers inloopers froulju frouljue manlju frou dielnimmers dielnimmer students "
    "student alleenstaanden alleenstaande lopers wandelaars vertellers keerl keerls "
    "knitters walkers readers"
)
# Drents "olde luu" (old people) are adults, like "ouderen".
OLD_WORDS = {"olde", "oale", "olle", "oude"}
DRENTS_PEOPLE = {"lu", "luu", "lui"}
# One person written with the article: "12 kinderen en een opa". Only when the word ends a
# list item (end, punctuation, "en", a number): "een moeder zei …" is no count.
SINGULAR_WORDS = {
    "kind", "kindje", "baby", "peuter", "kleuter", "dreumes", "leerling", "jongen", "meisje",
    "tiener", "puber", "opa", "oma", "vader", "moeder", "ouder", "papa", "mama", "grootouder",
    "verzorger", "oudere", "senior", "volwassene", "deelnemer", "cursist", "cursiste",
    "bezoeker", "man", "vrouw", "heer", "dame", "gast", "persoon", "vraag", "hulpvraag",
    "vrijwilliger", "begeleider", "medewerker", "collega", "kleinkind", "lid", "nieuwkomer",
    "client", "klant", "bezoekster", "deelneemster", "bewoner", "inwoner",
}  # fmt: skip
ONE_ENDS_RE = re.compile(
    r"\s*(?:$|[,.;:!?+&)\n]|en\b|dus\b|erbij\b|ook\b|die\s+(?:ook\s+)?mee\w*|\d)"
)  # "en een opa", "een vader ook.", "en een heer die ook mee breide"
QUESTION_WORDS = "vragen vraag hulpvragen hulpvraag questions question"
STAFF_WORDS = (
    "vrijwilligers vrijwilliger vrijwilligster vrijwilligsters vrijw vrijwillgers begeleiders "
    "begeleider begeleiding medewerkers medewerker collegas collega juf juffen juffrouw "
    "meester meesters leidsters leidster leiders leider pmers pmer docenten docent leerkrachten "
    "leerkracht stagiairs stagiaires stagiair stagiaire "
    "medewerkster medewerksters taalmaatje voorlezers voorlezer taalmaatjes coaches "
    "trainers mentoren bibliothecaris leesconsulent leesconsulenten taalvrijwilligers "
    "taalvrijwilliger tolken tolk mentors volunteers volunteer staff frijwilligers frijwilliger"
)
TOTAL_WORDS = "totaal"

COUNT_GROUPS: dict[str, str] = {}
for _group, _words in (
    ("kinderen", CHILD_WORDS),
    ("volwassenen", ADULT_WORDS),
    ("mensen", PEOPLE_WORDS),
    ("vragen", QUESTION_WORDS),
    ("staf", STAFF_WORDS),
    ("totaal", TOTAL_WORDS),
):
    for _word in _words.split():
        COUNT_GROUPS[_word] = _group

# Words that look like count words but say something else about people: "9 leden aanwezig,
# 2 afgemeld" (two did not come). Never a count word, not even as a typo of one.
NOT_COUNT_WORDS = {
    "aanwezig", "afwezig", "afgemeld", "aangemeld", "afgezegd", "ingeschreven", "nieuw", "nieuwe",
    "ziek", "weg", "thuis",
}  # fmt: skip


# Written right after a number, a shortened or slipped people word is still one: "5 bez",
# "11 mns", "4 werkz", "18 kindren en 9 oduers". Never units or other shortenings.
_NOT_ABBREVIATIONS = {
    "min", "sec", "uur", "jr", "jaar", "km", "kg", "cm", "mb", "gb", "eur", "euro", "st",
    "stk", "pag", "blz", "nr", "ml", "pp", "ltr", "mnd", "wk", "dgn", "dag", "keer", "x",
    "boe", "boek", "boeken", "kop", "koppen", "tafels", "stoel", "stoelen", "les", "lessen",
    # Small words that begin a people word: "8 tot 10", "5 voor 12", "de meeste".
    "tot", "voor", "meeste", "mee", "die", "aan", "wie", "per", "van", "met", "over", "keren",
    "stuks", "maal", "procent",
    # Adjectives and nouns that begin a people word: "6 klein en 3 groot", "3 jong", "2 bezoeken".
    "klein", "kleine", "jong", "jonge", "groot", "grote", "bezoeken", "nieuw", "nieuwe", "vast",
    "vaste",
}  # fmt: skip
_VOWELS_RE = re.compile(r"[aeiou]")


def _skeleton(word: str) -> str:
    return _VOWELS_RE.sub("", word)


def abbreviated_group(word: str) -> str | None:
    """The group of a people word shortened or slipped after a number: a prefix of three or
    more letters of words of one group only ("bez", "werkz"); the consonants alone ("mns",
    "dlnmrs", "kds"); one swapped, missing or extra letter in a word of five or more
    ("oduers", "kindren"). Called only for the word right after a count."""
    word = word.replace("'", "")
    if len(word) < 3 or word in _NOT_ABBREVIATIONS or word in NOT_COUNT_WORDS:
        return None
    groups = {g for w, g in COUNT_GROUPS.items() if w.startswith(word)}
    if not _VOWELS_RE.search(word):
        groups |= {g for w, g in COUNT_GROUPS.items() if _skeleton(w).startswith(word)}
    if len(word) >= 5:
        groups |= {
            g for w, g in COUNT_GROUPS.items() if w[0] == word[0] and OSA.distance(w, word) <= 1
        }
    return groups.pop() if len(groups) == 1 else None
