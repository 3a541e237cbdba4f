"""Issue 17: the kinds of language the parser reads by typed role, and the questions it asks
where a message reads two ways (intake/cues.py, intake/readings.py, intake/speech.py).

The messages are the team's own, one per kind the issue lists; the held-out corpora measure
how well it generalises (bench/parse_score.py, bench/RESULTS.md)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from intake.mentions import activity_spans, find_activity, find_location, matchers_for
from intake.parse import parse_message
from intake.text import fold
from toc.models import Catalogue

TODAY = date(2025, 11, 4)  # a Tuesday


def read(text: str, catalogue: Catalogue) -> dict[str, Any]:
    return parse_message(text, catalogue, TODAY).to_json()


@pytest.mark.parametrize(
    ("text", "counts", "participants"),
    [
        # A correction inside the message keeps the later number.
        ("voorleesuurtje beilen 15 kinderen, sorry 16", {"kinderen": 16}, 16),
        ("taalcafe beilen niet 9 maar 10 deelnemers", {"deelnemers": 10}, 10),
        # Present versus enrolled.
        ("taalcafe diever: 12 ingeschreven, 9 aanwezig", {"deelnemers": 9}, 9),
        ("digisterker dalen 10 ingeschreven, 8 gekomen, 2 afgemeld", {"deelnemers": 8}, 8),
        # Sub-groups that add up to the total after a colon.
        ("voorleesuurtje havelte 8 kinderen: 5 jongens en 3 meisjes", {"kinderen": 8}, 8),
        # Companions without a number: the total is unknown, and so are the adults.
        ("voorleesuurtje havelte 9 kids en hun mama's, 1 oma zei dat het leuk was",
         {"kinderen": 9}, None),
        # Attendance said as a sentence; nobody came.
        ("taalcafe beilen er kwamen er maar vier", {"deelnemers": 4}, 4),
        ("taalcafe beilen niemand gekomen", {"deelnemers": 0}, 0),
        # The writer counting themselves in is taken out.
        ("taalcafe beilen met mij erbij waren we met 9", {"deelnemers": 8}, 8),
        # Abbreviations, Drents and Fries people words, dialect numbers.
        ("taalcafe beilen 8 kndr", {"kinderen": 8}, 8),
        ("knutseluurtje peize 10 bern en 6 alden", {"kinderen": 10, "volwassenen": 6}, 16),
        ("breicafe norg 11 vrouwlu", {"deelnemers": 11}, 11),
        # Numbers that are no people: distances, temperatures, rates, a letter's closing.
        ("walk en talk meppel 6 werkzoekenden, 5 km gelopen bij 22 graden", {"deelnemers": 6}, 6),
        # A form's labelled total beats a remark further down.
        ("Wat: taalcafe\nWaar: Beilen\nAantal: 9\nOpmerking: 2 mensen willen door",
         {"deelnemers": 9}, 9),
        # A room, a page and a language level are no counts; "de zaal 7 kinderen" is.
        ("taalhuis beilen (kamer 3) 5", {"deelnemers": 5}, 5),
        ("taalhuis beilen kamer 4. 6 deelnemers, een van hen haalde A2", {"deelnemers": 6}, 6),
        ("voorleesuurtje beilen, blz. 3 t/m 12 voorgelezen aan 8 kinderen", {"kinderen": 8}, 8),
        ("voorleesuurtje beilen: in de kinderhoek 5 kinderen, in de zaal 7 kinderen",
         {"kinderen": 12}, 12),
        # A form's group line with a count is a count.
        ("Wat: klassenbezoek\nWaar: Beilen\nGroep: 28 kinderen", {"kinderen": 28}, 28),
        # "N stuks" right after the people it counts is their number; after things, none.
        ("kleintje bieb beilen, baby's tot 1 jaar: 5 stuks met 5 moeders",
         {"kinderen": 5, "volwassenen": 5}, 10),
        ("knutselen beilen 9 kinderen, 24 stuks gemaakt", {"kinderen": 9}, 9),
        # How the series started years ago is no count of today's session.
        ("breicafe beilen 12 dames. In 2022 begonnen we met 3 dames!", {"deelnemers": 12}, 12),
    ],
)  # fmt: skip
def test_counts_by_typed_role(
    catalogue: Catalogue, text: str, counts: dict[str, int], participants: int | None
) -> None:
    got = read(text, catalogue)
    assert got["counts"] == counts
    assert got["participants"] == participants


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("breicafe norg do jl. 10 dames", "2025-10-30"),  # abbreviation with jl.
        ("Taalcafe Beilen\nDatum: do 30 okt\nAantal: 7", "2025-10-30"),
        ("taalcafe beilen eind oktober 10 mensen", None),  # a vague time is no day
        ("lezing beilen over 4 mei 1945, 30 mensen", "2025-11-04"),  # the topic, not the day
        ("taalcafe beilen 10 mensen, vorige keer op 21 oktober waren het er 12", "2025-11-04"),
        ("coderdojo roden zaterdag 1 november 12 kids. Volgende is 6 december.", "2025-11-01"),
        ("knutseluurtje peize juster 8 bern", "2025-11-03"),  # Fries
        ("lezing zuidwolde gisteravnd 38 man", "2025-11-03"),  # one slip
        ("walk and talk roden on Monday 3 November, 9 participants", "2025-11-03"),
        # A day corrected inside the message: the corrected day, never the first one.
        ("breicafe norg maandag, oh sorry zondag bedoel ik. 9 dames", "2025-11-02"),
        ("taalcafe beilen 8 mensen. Het was gisteren, niet vandaag.", "2025-11-03"),
        ("knutseluurtje peize vrijdag (ipv donderdag) 7 kinderen", "2025-10-31"),
        ("lezing zuidwolde zaterdag 30 mensen. Was niet zaterdag maar zondag!", "2025-11-02"),
        ("digisterker smilde zondag, nee toch maandag. 7 mensen", "2025-11-03"),
        # A correction of a plan is no correction of the session's day.
        ("breicafe norg maandag 9 dames. Volgende keer niet op maandag maar woensdag",
         "2025-11-03"),
        # Taken back for a day that is not read: unsure, so no date.
        ("taalcafe beilen zaterdag nee de dag erna, 8 mensen", None),
        # The writer doubts the day.
        ("breicafe norg op de 28e... of was het de 27e? 9 dames", None),
        ("taalcafe beilen donderdag geloof ik, 8 mensen", None),
        ("taalcafe beilen 8 mensen, volgens mij was het vandaag drukker", "2025-11-04"),
        ("breicafe norg vandaag nee helaas geen foto, 9 dames", "2025-11-04"),
        ("taalcafe beilen gisteren 20 mensen. Of was het 22? Nee 20.", "2025-11-03"),  # a count
        ("knutselmiddag peize ergens in de herfstvakantie, weet de datum niet meer", None),
        ("knutselmiddag peize in de herfstvakantie, 12 kinderen", None),  # a vague period
        # A form's abbreviated day at the end of its line; a weekday typed with one slip.
        ("Wat: breicafe\nWaar: Norg\nDag: do.\nAantal: 9", "2025-10-30"),
        ("breicafe norg zaterdg 9 dames", "2025-11-01"),
        # A holiday as a reason or a closing day is not the session's day.
        ("taalcafe beilen 4 mensen, rest weg ivm koningsdag", "2025-11-04"),
        ("breicafe norg gisteren 9 dames. Eerste kerstdag zijn we dicht.", "2025-11-03"),
        # A date in an aside in parentheses is not the day when another day is given.
        ("voorleesuurtje havelte zondag 10 kinderen (op 31 okt was er ook al een feestje)",
         "2025-11-02"),
        ("voorleesuurtje havelte (31 okt) 10 kinderen", "2025-10-31"),
        # The writer's own day ("kwam er niet aan toe") is not the session's.
        ("ik kwam er gisteren niet aan toe: taalcafe beilen van zondag, 8 mensen",
         "2025-11-02"),
        # TODAY is Tuesday 4 November 2025.
        ("samenlezen vries van afgelopen zaterdag, 6 lezers. gisteren had ik geen tijd",
         "2025-11-01"),
        # Another meeting's day ahead or behind: a plan, or another lesson.
        ("digisterker roden les 2 was maandag 3 november, 7 mensen. Les 3 is 10 november",
         "2025-11-03"),
        ("verhalenbrink vries 1 nov: 9 deelnemers, op 15 nov komt er nog een", "2025-11-01"),
        ("klik en tik sleen, begonnen op 14 okt, vandaag les 4 met 5 cursisten", "2025-11-04"),
        ("leesklik eelde, les 1 op 21/10, les 2 op 28/10 en vandaag les 3: 8 kinderen",
         "2025-11-04"),
        ("digivitaler sleen 3 nov 5 mensen, eerstvolgende 17 nov", "2025-11-03"),
        # A day ahead that reads as the session's ("kwamen/komen er 8"): no plan, no date.
        ("taalcafe sleen 10 nov komen er 8 mensen", None),
        # A form's line for the next session holds plans.
        ("Wat: taalhuis\nWaar: sleen\nWanneer: maandag\nAantal: 5\nVolgende: eh 10 nov of "
         "toch 17 nov", "2025-11-03"),
        # A date in brackets beside the session's day is an aside.
        ("taalcafe sleen 3/11, 9 deelnemers (op 1/11 waren we dicht)", "2025-11-03"),
        # "ma" right after the names that open the line is a day; "zo," stays a word.
        ("leesgroep vries ma, 6 lezers", "2025-11-03"),
        ("taalcafe sleen zo, dat was druk: 9 deelnemers", "2025-11-04"),
        # A vague stretch of time is no day.
        ("taalhuis sleen de laatste weken steeds zo'n 6 mensen", None),
        ("taalhuis sleen van een paar weken geleden, 6 mensen", None),
        ("thuislezen sleen: 4 gezinnen deze maand", None),
        # A day that dates an earlier message: the session's day is not given here.
        ("correctie op mijn bericht van gisteren: taalhuis sleen had 6 mensen", None),
        ("small fix to yesterday's message: Taalhuis Sleen 6 people", None),
        ("Correctie op mijn vorige bericht: taalhuis sleen had 6 mensen", None),
        ("correctie op mijn bericht: taalhuis sleen van gisteren had 6 mensen", "2025-11-03"),
        # A day confirmed after a doubt is the day.
        ("taalhuis sleen zondag, 6 mensen. Of was het zaterdag.. nee zondag klopt wel.",
         "2025-11-02"),
        # A header is no earlier message.
        ("Bericht van vandaag: taalhuis sleen 6 mensen", "2025-11-04"),
        # "2 vr." counts volunteers.
        ("taalhuis sleen 6 mensen en 2 vr.", "2025-11-04"),
        # An abbreviation that is no word, with its dot or right after the names.
        ("taalhuis sleen vr. we waren met 6", "2025-10-31"),
        ("breicafe norg (met koffie) wo 9 dames", "2025-10-29"),
        # A Frisian month name.
        ("Op 1 novimber wie it taalkafee yn Sleen, 6 minsken", "2025-11-01"),
        # "Vorige week" in Fries and English before a weekday: the previous calendar week.
        ("taalkafee sleen fan foarige wike tongersdei, 6 minsken", "2025-10-30"),
        ("taalhuis sleen last week Monday, 6 people", "2025-10-27"),
        # A stretch in English or Fries is no day.
        ("taalhuis sleen earlier this week, 6 people", None),
        ("breicafe norg, ergens foarige wike, 9 froulju", None),
        ("verhalenbrink sleen veurige weke dinsdag, 8 luu", "2025-10-28"),
        ("taalkafee sleen tiisdeitejûn, 6 minsken", "2025-11-04"),
        ("CoderDojo sleen last weekend, 14 kids", None),
        ("taalhuis sleen the other day, 6 people", None),
        ("taalcafe sleen een van de afgelopen dagen, 6 mensen", None),
        # A session called off is not the one reported.
        ("breicafe norg wo: 9 dames. Maandag was afgelast (storm)", "2025-10-29"),
        ("lezing vries op 30 oktober, 40 bezoekers. De lezing van 13 november gaat niet door",
         "2025-10-30"),
        # A deadline, a plan day ahead ("tot 1 maart"), a day taken back.
        ("ido emmen zaterdag 5 bezoekers, deadline was 1 november, uitstel kan tot 1 maart",
         "2025-11-01"),
        ("verhalenbrink vries maondag, 8 luu. 20 november is d'r weer een", "2025-11-03"),
        ("taalhuis sleen 6 mensen, ik schreef eerst zaterdag maar het was zondag",
         "2025-11-02"),
        # English weekday abbreviations; a day of the month without its month.
        ("CoderDojo sleen Sat: 14 kids", "2025-11-01"),
        ("CoderDojo sleen: we sat in the big room, 14 kids", "2025-11-04"),
        ("taalcafe sleen van de 3e: 8 mensen", "2025-11-03"),
        ("taalcafe sleen 8 mensen, een van hen werd op de 3e plek gezet", "2025-11-04"),
        # A session moved to another day was not held on its day.
        ("voorleesuurtje vries 6 kinderen. Dat van zaterdag is verzet naar 20 november",
         "2025-11-04"),
        # Reported by someone else, beside the session's own day; alone, it is the day.
        ("breicafe norg op 1 november: 9 dames, die heeft Anja al doorgegeven", "2025-11-01"),
        # A session someone else reports is not this one.
        ("zaterdag was de kinderboekenweek-voorstelling, die heeft Anja al doorgegeven. "
         "Vandaag knutselen in sleen met 7 kinderen", "2025-11-04"),
        ("op 1 november ging de lezing ook door, daar heeft Kees de lijst van. Vandaag "
         "taalcafe sleen, 6 mensen", "2025-11-04"),
        # Hours without a unit after a time label or a day part are no date ("10-12" is not
        # 10 December); grades after "grp" or a "Groep:" label neither.
        ("Wat: taalhuis\nWaar: sleen\nTijd: 9-11\nAantal: 6", "2025-11-04"),
        ("taalhuis sleen gisterochtend 9-11, 6 mensen", "2025-11-03"),
        ("klassenbezoek sleen zaterdag, grp 7/8, 24 leerlingen", "2025-11-01"),
        ("Wat: klassenbezoek\nWaar: sleen\nWanneer: vrijdag\nGroep: 7/8\nAantal: 24",
         "2025-10-31"),
        # A season with a determiner is a stretch, no day.
        ("afgelopen zomer een paar keer de makersplaats in sleen open, telkens 8 man", None),
        # A weekday after "pas", "tot", "vanaf" is later than the session.
        ("knutselen sleen zaterdag 7 kinderen, de verf droogt, ze krijgen het pas maandag mee",
         "2025-11-01"),
        # Alone, such a day leaves the day unknown; "van maandag tot woensdag" is a stretch.
        ("cursus sleen, we zijn pas maandag begonnen, 6 mensen", None),
        ("kamp sleen van maandag tot woensdag, 8 kinderen", None),
        # A day corrected to the same day is a check, not a correction; a correction may
        # open the next sentence.
        ("taalcafe sleen zondag 2 november, nee 2 november is toch zondag? ja. 8 mensen",
         "2025-11-02"),
        ("lezing sleen gisteren 30 mensen. Oh nee, was eergisteren.", "2025-11-02"),
        # A day ahead in a sentence of its own beside the session's day: mentioned in passing.
        ("taalcafe sleen vandaag 8 mensen. Op 20 november de voorstelling, daar gaan ze heen",
         "2025-11-04"),
        ("walk en talk sleen gisteren, 6 werkzoekenden. Eentje mag op 1 december beginnen.",
         "2025-11-03"),
        # A period given as a reason; a vague time of a session someone else reported.
        ("voorleesuurtje sleen 4 kinderen, rustig ivm herfstvakantie", "2025-11-04"),
        ("taalhuis sleen 6 mensen. Vorige week was de lezing, maar dat heeft Ria al gemeld.",
         "2025-11-04"),
        # A weekday counted from a named day; "ik bedoel" takes back the day named before.
        ("taalcafe sleen de zaterdag na koningsdag, 8 mensen", "2025-05-03"),
        ("taalcafe sleen afgelopen maandag, 8 mensen. Ik bedoel de maandag voor "
         "bevrijdingsdag.", "2025-04-28"),
        # A conversation's or letter's day is another event's; a closed numeric day is none;
        # a full date ahead after a plan label is the next session.
        ("In vervolg op ons gesprek van 20 oktober: de lezing van gisteren in sleen had 30 "
         "bezoekers.", "2025-11-03"),
        ("taalhuis sleen di. 4/11 - 6 mensen, ma. 3/11 gesloten", "2025-11-04"),
        ("Datum: 3-11\nWat: taalhuis\nWaar: sleen\nAantal: 6\nVolgende: 1-12-2025",
         "2025-11-03"),
        # A reminder announces what is ahead; hours of a day after a day part stay a date
        # when they cannot be hours ("vanochtend 4-11").
        ("makersplaats sleen 9 kids. Reminder: de lezing is op 20 november.", "2025-11-04"),
        ("taalcafe sleen zaterdagmiddag 14-16, 8 mensen", "2025-11-01"),
        # The writer's own day; a weekday that is the next session; a longer abbreviation
        # with its dot right after the names ("ik zat." stays a word).
        ("taalcafe sleen zaterdag 8 mensen. Zondag was ik ziek.", "2025-11-01"),
        ("gisteren was ik vrij, dus vandaag pas taalcafe sleen: 8 mensen", "2025-11-04"),
        ("taalcafe sleen gisteren 8 mensen. Donderdag is de volgende.", "2025-11-03"),
        ("taalcafe sleen zat. 8 mensen", "2025-11-01"),
        ("taalcafe sleen, ik zat. 8 mensen", "2025-11-04"),
        # A holiday word opening the line right before the activity names its kind; before
        # anything else it is a vague period.
        ("herfstvakantie knutselmiddag sleen 12 kinderen", "2025-11-04"),
        ("herfstvakantie was het rustig, knutselmiddag sleen 5 kinderen", None),
        # A date right after "over" is a topic; "les over X op dinsdag 4 maart" is the day.
        ("lezing sleen gisteren over 4 mei, 30 mensen", "2025-11-03"),
        ("lezing sleen over 4 mei, 30 mensen", None),
        ("les over mediawijsheid op maandag 3 november in sleen, 24 kinderen", "2025-11-03"),
        # "vanaf januari op woensdag" is a plan.
        ("taalcafe sleen dinsdag 8 mensen. Vanaf januari op woensdag", "2025-11-04"),
        # "*X bedoel ik" and "X?? nee Y" correct the day; a doubt about the count is no doubt
        # about the day; after the writer's other days, "en vandaag eindelijk …" is the day.
        ("taalhuis sleen maandag 6 mensen\n*zondag bedoel ik", "2025-11-02"),
        ("taalhuis sleen gisteren?? nee zaterdag. 6 mensen", "2025-11-01"),
        ("breicafe norg vanmiddag, weet niet meer precies hoeveel dames, het was vol",
         "2025-11-04"),
        ("Wat een week. Maandag ziek, zondag verjaardag, en vandaag dan eindelijk taalcafe "
         "sleen: 8 mensen", "2025-11-04"),
        # A session ahead that "gaat wel door"; "ma." opening the message.
        ("taalhuis sleen: 5 mensen. De lezing van 20 november gaat wel door.", "2025-11-04"),
        ("ma. digisterker sleen, 5 deelnemers", "2025-11-03"),
        # "in de winter" may be a topic; a season with "deze" or "afgelopen" is a stretch.
        ("lezing sleen over vogels in de winter, 30 mensen", "2025-11-04"),
        # A day ahead by the session's day word is a slip: no date.
        ("taalcafe sleen vandaag 20 november 8 mensen", None),
    ],
)  # fmt: skip
def test_dates(catalogue: Catalogue, text: str, day: str | None) -> None:
    assert read(text, catalogue)["date"] == day


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ("lezing in beilen over 'De Gruffalo', 20 mensen", []),  # a title
        ("samenlezen havelte 6 deelnemers. Boek: 'De avond is ongemak'", []),
        ("taalcafe beilen 8 deelnemers, we oefenden 'hoe gaat het met u'", []),  # taught
        ("breicafe sleen weer 'gezellig druk' haha, 14 breisters", []),  # own words
        ("taalcafe beilen 8 deelnemers. Citaat: n.v.t.", []),
        ("voorleesuurtje havelte 7 kinderen. citaat dit was zo leuk",
         [{"text": "dit was zo leuk", "attribution": None}]),
        ("taalcafe roden 9 mensen. Een cursist (34) zei na afloop: 'Ik durf nu te bellen.'",
         [{"text": "Ik durf nu te bellen.", "attribution": "Een cursist (34)"}]),
        ("verhalenbrink vries 11 ouderen. Opa Geert vertelde over de oorlog en zei: "
         "\"Dat vergeet je nooit.\"",
         [{"text": "Dat vergeet je nooit.", "attribution": "Opa Geert"}]),
        ("schrijverslezing eelde 40 bezoekers. Auteur Jan Smit zei: 'Lees elke dag.'", []),
        # Standing alone in the first person: a participant's words.
        ("taalhuis roden 4 deelnemers. \"Ik kan nu de brief van school lezen\"",
         [{"text": "Ik kan nu de brief van school lezen", "attribution": None}]),
        # A quote joined to a taught phrase by "en" is taught too.
        ("taalcafe beilen 9 deelnemers, we oefenden \"Waar is het station?\" en "
         "\"Ik wil een kaartje kopen\"", []),
        ("taalcafe beilen 9 deelnemers, zinnetjes geoefend als 'Hoeveel kost dit?' en "
         "'Ik betaal met pin'.", []),
        # Staff and volunteers are no participants, with or without an article.
        ("voorleesuurtje havelte 6 kinderen. Onze vrijwilliger Gerda zei: 'Wat een drukte!'",
         []),
        ("breicafe norg 9 dames. Een collega die kwam helpen zei: \"Volgende keer meer wol\"",
         []),
        # After "zei" only a person is an attribution; adverbs and fillers are cut.
        ("knutseluurtje peize 8 kinderen. 'Mag ik nog een keer?' zei een jongen na afloop.",
         [{"text": "Mag ik nog een keer?", "attribution": "een jongen"}]),
        ("taalcafe roden 7 mensen. Een man, Karim (41), zei heel blij: 'Ik snap het nu.'",
         [{"text": "Ik snap het nu.", "attribution": "Karim"}]),
        ("voorleesuurtje havelte 5 kinderen\noja een opa zei 'ze slapen er beter van'",
         [{"text": "ze slapen er beter van", "attribution": "een opa"}]),
        ("verhalenbrink vries 10 ouderen. Een vrouw van 91 zei: 'Vroeger was alles anders.'",
         [{"text": "Vroeger was alles anders.", "attribution": "Een vrouw van 91"}]),
        # A time or a label before the colon names nobody.
        ("taalcafe roden 8 mensen. Quote van vandaag: \"Ik spreek nu elke dag Nederlands\"",
         [{"text": "Ik spreek nu elke dag Nederlands", "attribution": None}]),
        ("knutseluurtje peize 8 kinderen. Naam van het werkstuk: \"Winterbos\".", []),
        ("knutseluurtje peize 8 kinderen. isa: 'mag ik hem houden?'",
         [{"text": "mag ik hem houden?", "attribution": "isa"}]),  # a name without capital
        # A form line after "Citaat:" says who.
        ("Wat: taalcafe\nWaar: Roden\nAantal: 8\nCitaat: ik durf nu te praten\n"
         "Wie: een cursiste (52)",
         [{"text": "ik durf nu te praten", "attribution": "een cursiste (52)"}]),
        # "Ze" refers back to the named person of the sentence before.
        ("verhalenbrink vries 9 ouderen. Meneer Bakker (88) vertelde over de turf. "
         "Hij zei: 'We sliepen met z'n zessen in een bedstee.'",
         [{"text": "We sliepen met z'n zessen in een bedstee.",
           "attribution": "Meneer Bakker"}]),
        # A reading or singing verb after the quote, or a title with an aside after it.
        ("dBos groep 5 in vries: 'Wij zijn de bosbende' zongen ze in koor, 26 kids", []),
        ("voorleesuurtje havelte 8 kinderen, we lazen 'Kikker is verliefd' (weer eens)", []),
        ("taalcafe roden, 9 people. Theme: 'shopping for groceries'.", []),
        # A title with its author in brackets; a speech verb after a joined quote.
        ("voorleesuurtje havelte 8 kinderen. We hebben 'Kikker is bang' (van Max Velthuijs) "
         "voorgelezen.", []),
        ("voorleesuurtje havelte 8 kinderen. We lazen 'Kikker' en 'Nog een keer!' riep Noor",
         [{"text": "Nog een keer!", "attribution": "Noor"}]),
        # Dutch low-high quotes typed with commas and apostrophes.
        ("verhalenbrink vries 9 ouderen. Opa Jan zei: ,,Hier lag vroeger het veen.'' Mooi.",
         [{"text": "Hier lag vroeger het veen.", "attribution": "Opa Jan"}]),
        # A label before the speaker's colon is no part of the speaker.
        ("verhalenbrink vries 9 ouderen. Mooi gezegd: Geesje: 'Ik mis de markt.'",
         [{"text": "Ik mis de markt.", "attribution": "Geesje"}]),
        # NT2 "zij:" for "zei", adverbs after the speaker, "schreef" after the quote.
        ("taalcafe roden 10 mensen. Een oude man zij: 'Ik leer elke dag nieuwe woorden'",
         [{"text": "Ik leer elke dag nieuwe woorden", "attribution": "Een oude man"}]),
        ("samenlezen eelde 7 lezers. Na afloop zei een van de heren stil: 'Dit raakte me.'",
         [{"text": "Dit raakte me.", "attribution": "een van de heren"}]),
        ("taalcafe roden 10 mensen. 'Ik kom graag', schreef een cursist op het kaartje.",
         [{"text": "Ik kom graag", "attribution": "een cursist"}]),
        ("Taalcafe Roden, 9 people. Mr. Bakker said 'Now I can read the bus times'",
         [{"text": "Now I can read the bus times", "attribution": "Mr. Bakker"}]),
        ("ido emmen 4 mensen. Citaat van een bewoonster: 'Eindelijk snap ik mijn toeslag.'",
         [{"text": "Eindelijk snap ik mijn toeslag.", "attribution": "een bewoonster"}]),
        # Without marks the words end where the writer goes on about the speaker.
        ("taalcafe roden 8 mensen. Een man zeg: ik kan nu zelf de huur betalen. Hij was "
         "trots.", [{"text": "ik kan nu zelf de huur betalen.", "attribution": "Een man"}]),
        # Without marks the words end with their sentence: whether "Hij was altijd weg" is
        # still Oma's or the writer's again nothing says (the old expectation was a guess);
        # the first sentence is surely hers, so only that is stored.
        ("verhalenbrink vries 8 ouderen. Oma zei: mijn man was visser. Hij was altijd weg.",
         [{"text": "mijn man was visser.", "attribution": "Oma"}]),
        # The writer's own words after the quote stay out of it, and the rest of the
        # message is read as the writer's: a title after "de zin" is no quote.
        ("taalhuis assen 7 mensen. Een vrouw zei: nu kan ik zelf de brief lezen. Ik heb ook "
         "boeken uitgeleend. We oefenden met de zin 'Waar is het station?'",
         [{"text": "nu kan ik zelf de brief lezen.", "attribution": "Een vrouw"}]),
        # Reported speech stays reported with an adverb before "dat".
        ("Taalcafé Roden, 6 mensen. Een man zei na afloop dat hij volgende week terugkomt.",
         []),
        # After a clause the verb comes second and the speaker after it.
        ("knutselen vries 9 kinderen. Toen de lijm op was riep een jongen: 'Ik wil meer!'",
         [{"text": "Ik wil meer!", "attribution": "een jongen"}]),
        ("Taalhuis Gieten, 5 mensen. Na de toets zei Amira: Ik ben geslaagd.",
         [{"text": "Ik ben geslaagd.", "attribution": "Amira"}]),
        # A long relative clause is no part of who spoke.
        ("breicafe 7 dames. Een vrouw van 80 die nooit eerder breide zei: 'Dit is mijn eerste "
         "sjaal!'", [{"text": "Dit is mijn eerste sjaal!", "attribution": "Een vrouw van 80"}]),
        # An empty form field: the next line is the next field, no words.
        ("Activiteit: Taalcafé\nPlaats: Assen\nAanwezig: 9\nCitaat:\nWie:", []),
        # A compound of a staff word is staff: their words are no participant's.
        ("voorlezen beilen 8 kinderen. De bibliotheekmedewerker zei: 'Wat waren ze stil!'",
         []),
        # A dash part that goes on with the writer's sentence names nobody; "de oudste"
        # stands for a person.
        ("Toneel Assen 10 deelnemers. Aan het eind zei de oudste – ik voel me weer jong – "
         "en iedereen klapte.",
         [{"text": "ik voel me weer jong", "attribution": "de oudste"}]),
        # "één" is the article; whom the words were for is no part of who said them; a
        # school group's number is no count in a speaker.
        ("taalcafe sleen acht mensen één vrouw zei ik kom volgende week weer",
         [{"text": "ik kom volgende week weer", "attribution": "één vrouw"}]),
        ("Voorlezen Diever, 7 kinderen. Oma Jet tegen haar kleinzoon: 'dit las ik vroeger "
         "ook'", [{"text": "dit las ik vroeger ook", "attribution": "Oma Jet"}]),
        ("klassenbezoek Assen 24 lln. een jongen uit groep 7: 'mag ik hier elke week komen?'",
         [{"text": "mag ik hier elke week komen?", "attribution": "een jongen uit groep 7"}]),
        # Every word capitalised: a name or a title, never stated as someone's words.
        ("Quiz in Roden, 6 teams. Gewonnen door: 'De Slimme Uilen'", []),
        # Dictated: the words end at "einde bericht".
        ("taalcafe gieten zes mensen een man zei ik voel me hier welkom einde bericht",
         [{"text": "ik voel me hier welkom", "attribution": "een man"}]),
        # A feeling named before a colon: the one who felt it spoke; a clause with another
        # verb names no speaker ("las voor" may read out a book), so it is asked.
        ("Klik en Tik Assen 8 mensen. Meneer Bakker was zo blij: 'ik kan nu zelf "
         "betalen!'", [{"text": "ik kan nu zelf betalen!", "attribution": "Meneer Bakker"}]),
        ("Peuters Gieten 6 kinderen. Een moeder las voor: 'Waar is de taart?'", []),
        # A word in double marks inside someone's single-marked words stays in them; a
        # speech verb inside someone's words is no new speaker.
        ("Peuterochtend Roden 8 kinderen. Een vader: 'ze roept \"auto\" bij elke bus'",
         [{"text": 'ze roept "auto" bij elke bus', "attribution": "Een vader"}]),
        ("BoekStart Zuidwolde 5 baby's. Oma van Mila: 'ze zegt het steeds: nog een "
         "keer!'", [{"text": "ze zegt het steeds: nog een keer!", "attribution": "Oma van Mila"}]),
        # "vertelde hoe …" is reported; only "vroeg" takes a direct question.
        ("Verhalenbrink Vries 9 ouderen. Een man vertelde hoe zijn vader turf stak.", []),
        # A perception verb with a speech verb's infinitive: who was heard spoke.
        ("Lezing Assen, 40 bezoekers. Bij de koffie hoorde ik een man zeggen: 'dit boek "
         "koop ik morgen'", [{"text": "dit boek koop ik morgen", "attribution": "een man"}]),
        # A present-tense verb ends the subject too.
        ("Leerplein Gieten 9 mensen. Mevrouw Dijk oefent nu met de app en zei: 'Ik snap "
         "het eindelijk.'", [{"text": "Ik snap het eindelijk.", "attribution": "Mevrouw Dijk"}]),
        # NT2 "zij" for "zei" without a colon: only after someone and before a main clause.
        ("taalcafe vries 7 mensen meneer Bos zij dat is heel handig voor mij",
         [{"text": "dat is heel handig voor mij", "attribution": "meneer Bos"}]),
        ("Taalcafe Assen 6 mensen. Een moeder zij was heel blij met het boek.", []),
        ("Taalcafe Assen 6 mensen. Een man zei dat zijn zoon graag leest.", []),
        # An age with its unit needs no comma; a dash line under a label is its signature.
        ("knutselen annen 9 kids. jongen 8jr: 'mag ik dit mee naar huis?'",
         [{"text": "mag ik dit mee naar huis?", "attribution": "jongen 8jr"}]),
        ("Taalhuis Emmen\nAanwezig: 6\nCitaat cursist: 'Ik lees nu de krant'\n— mevrouw (71)",
         [{"text": "Ik lees nu de krant", "attribution": "mevrouw (71)"}]),
        # The writer as the inverted subject: the writer's own words, no quote.
        ("Breicafe Gieten 8 dames. Daarna zei ik tegen de groep: 'tot volgende week!'", []),
        # An interjection opens the words; it does not end them.
        ("Taalcafe Sleen 6 mensen. Een man riep: Wauw! Dit is echt mooi. Ik ben blij.",
         [{"text": "Wauw! Dit is echt mooi.", "attribution": "Een man"}]),
        # After "uit" a capital is a place, not the one who spoke.
        ("Taalcafe Beilen 6 mensen. Een vrouw uit Syrië zij ik heb nu werk gevonden",
         [{"text": "ik heb nu werk gevonden", "attribution": "Een vrouw uit Syrië"}]),
        # A term inside the writer's sentence is asked, even after a label: the label's
        # own reading keeps its doubt.
        ("Peuters Vries 8 kinderen. Citaat: 'Rupsje Nooitgenoeg' was favoriet.", []),
        # A label before the colon that names no one may head a topic: asked, not stated.
        ("Digicafé Assen 6 mensen. Vraag van de week: 'Hoe zet ik mijn foto's op een "
         "stick?'", []),
        # "citaat in het boek": words from a text, no one's here.
        ("Leesclub Vries 6 leden. Er stond een mooi citaat in het gedicht: 'de wind weet "
         "alles'.", []),
        # A short answer and the story going on: no one's own words.
        ("Taalcafé Beilen 6 mensen. Een man zei nee, en ging weer zitten.", []),
        # Verb first without marks: one person, then words that are a main clause.
        ("taalcafe emmen 7 mensen toen zei een vrouw ik heb hier mijn eerste vriendin",
         [{"text": "ik heb hier mijn eerste vriendin", "attribution": "een vrouw"}]),
        ("Taalcafe Emmen 7 mensen. Daarna vertelde een man over zijn land.", []),
        # A thing of the writer's own ("mijn tip", "onze slogan") holds no one else's words.
        ("Taalcafé Sleen 8 mensen. Mijn tip: 'lees elke dag even'.", []),
        ("Taalcafé Sleen 8 mensen. Mijn buurvrouw: 'ik kom ook eens kijken!'",
         [{"text": "ik kom ook eens kijken!", "attribution": "Mijn buurvrouw"}]),
        ("Taalcafé Sleen 8 mensen. Mijn quote: 'ik kom elke week!'",
         [{"text": "ik kom elke week!", "attribution": None}]),
        # Staff by compound or by role (coach, gespreksleider, voorleesster): no quote.
        ("Digicafé Emmen 6 mensen. De digicoach zei: 'goed bezig allemaal!'", []),
        ("Taalcafé Emmen 8 mensen. Gespreksleider Anna: 'wat een mooi gesprek'", []),
        # "Quote of the day:", "Citaat van de week:": a time after the label, no one.
        ("Taalcafé Assen 8 mensen. Quote of the day: I can finally read the bus times.",
         [{"text": "I can finally read the bus times.", "attribution": None}]),
        # A label's note that there is no quote is no quote; words that only open with
        # such a word are.
        ("Taalhuis Emmen\nAanwezig: 6\nCitaat: geen bijzonderheden", []),
        ("Taalhuis Emmen\nAanwezig: 6\nCitaat: niet gehoord, te druk", []),
        ("Taalhuis Emmen\nAanwezig: 6\nQuote: geen quote deze keer", []),
        ("Taalhuis Emmen\nAanwezig: 6\nCitaat: niks is leuker dan samen lezen",
         [{"text": "niks is leuker dan samen lezen", "attribution": None}]),
        # Formal speech verbs; a name with its title in apposition is who spoke; an
        # emoji after the words is no part of them; a comma part that goes on is the
        # writer's sentence.
        ("Taalhuis Vries 5 bezoekers. Een bezoeker gaf aan: 'Ik voel me hier welkom.'",
         [{"text": "Ik voel me hier welkom.", "attribution": "Een bezoeker"}]),
        ("Taalcafe Vries 6 mensen. Een cursist, mevrouw Bos, zei: 'ik kom graag'",
         [{"text": "ik kom graag", "attribution": "mevrouw Bos"}]),
        ("breicafe vries 8 pers citaat van Truus: ik brei hier mijn zorgen weg 😂",
         [{"text": "ik brei hier mijn zorgen weg", "attribution": "Truus"}]),
        ("Walk en talk Gieten 6 werkzoekenden. 'Ik slaap beter sinds ik meeloop' zei een "
         "van de deelnemers, dat raakte me.",
         [{"text": "Ik slaap beter sinds ik meeloop", "attribution": "een van de deelnemers"}]),
        # One person, a colon and a main clause without marks: their words; a phrase
        # after the colon is a note ("Een moeder: heel gezellig").
        ("Voorlezen Vries 7 kinderen. Een vader: hij wil nu elke avond voorlezen.",
         [{"text": "hij wil nu elke avond voorlezen.", "attribution": "Een vader"}]),
        ("Voorlezen Vries 7 kinderen. Een vader: heel gezellig.", []),
        # Without marks, others as the subject after the verb: reported, or unsure whose.
        ("BoekStart kdv Gieten 6 kindjes. Een moeder zei de kinderen vroegen er al de hele "
         "week naar", []),
        # Dictated quote marks.
        ("taalcafe beilen 6 mensen citaat ik voel me hier thuis einde citaat zei een man",
         [{"text": "ik voel me hier thuis", "attribution": "een man"}]),
        ("taalcafe sleen een vrouw zei aanhalingstekens ik snap de brief aanhalingstekens "
         "sluiten 7 mensen", [{"text": "ik snap de brief", "attribution": "een vrouw"}]),
        ("taalcafe sleen 7 mensen een man zei aanhalingstekens ik kom terug aanhalingstekens "
         "en een vrouw zei aanhalingstekens ik ook aanhalingstekens",
         [{"text": "ik kom terug", "attribution": "een man"},
          {"text": "ik ook", "attribution": "een vrouw"}]),
        # A closing greeting is no part of an unmarked quote.
        ("taalhuis roden 5 mensen. Een vrouw zei: ik kom volgende week weer. Groetjes",
         [{"text": "ik kom volgende week weer.", "attribution": "Een vrouw"}]),
        # An empty form field: the next line is the next field, no words.
        ("Activiteit: Taalcafé\nPlaats: Assen\nAanwezig: 9\nCitaat:\nWie:", []),
        # A compound of a staff word is staff: their words are no participant's.
        ("voorlezen beilen 8 kinderen. De bibliotheekmedewerker zei: 'Wat waren ze stil!'",
         []),
        # A dash part that goes on with the writer's sentence names nobody; "de oudste"
        # stands for a person.
        ("Toneel Assen 10 deelnemers. Aan het eind zei de oudste – ik voel me weer jong – "
         "en iedereen klapte.",
         [{"text": "ik voel me weer jong", "attribution": "de oudste"}]),
        # "één" is the article; whom the words were for is no part of who said them; a
        # school group's number is no count in a speaker.
        ("taalcafe sleen acht mensen één vrouw zei ik kom volgende week weer",
         [{"text": "ik kom volgende week weer", "attribution": "één vrouw"}]),
        ("Voorlezen Diever, 7 kinderen. Oma Jet tegen haar kleinzoon: 'dit las ik vroeger "
         "ook'", [{"text": "dit las ik vroeger ook", "attribution": "Oma Jet"}]),
        ("klassenbezoek Assen 24 lln. een jongen uit groep 7: 'mag ik hier elke week komen?'",
         [{"text": "mag ik hier elke week komen?", "attribution": "een jongen uit groep 7"}]),
        # Every word capitalised: a name or a title, never stated as someone's words.
        ("Quiz in Roden, 6 teams. Gewonnen door: 'De Slimme Uilen'", []),
        # Dictated: the words end at "einde bericht".
        ("taalcafe gieten zes mensen een man zei ik voel me hier welkom einde bericht",
         [{"text": "ik voel me hier welkom", "attribution": "een man"}]),
        # A feeling named before a colon: the one who felt it spoke; a clause with another
        # verb names no speaker ("las voor" may read out a book), so it is asked.
        ("Klik en Tik Assen 8 mensen. Meneer Bakker was zo blij: 'ik kan nu zelf "
         "betalen!'", [{"text": "ik kan nu zelf betalen!", "attribution": "Meneer Bakker"}]),
        ("Peuters Gieten 6 kinderen. Een moeder las voor: 'Waar is de taart?'", []),
        # A word in double marks inside someone's single-marked words stays in them; a
        # speech verb inside someone's words is no new speaker.
        ("Peuterochtend Roden 8 kinderen. Een vader: 'ze roept \"auto\" bij elke bus'",
         [{"text": 'ze roept "auto" bij elke bus', "attribution": "Een vader"}]),
        ("BoekStart Zuidwolde 5 baby's. Oma van Mila: 'ze zegt het steeds: nog een "
         "keer!'", [{"text": "ze zegt het steeds: nog een keer!", "attribution": "Oma van Mila"}]),
        # "vertelde hoe …" is reported; only "vroeg" takes a direct question.
        ("Verhalenbrink Vries 9 ouderen. Een man vertelde hoe zijn vader turf stak.", []),
        # A perception verb with a speech verb's infinitive: who was heard spoke.
        ("Lezing Assen, 40 bezoekers. Bij de koffie hoorde ik een man zeggen: 'dit boek "
         "koop ik morgen'", [{"text": "dit boek koop ik morgen", "attribution": "een man"}]),
        # A present-tense verb ends the subject too.
        ("Leerplein Gieten 9 mensen. Mevrouw Dijk oefent nu met de app en zei: 'Ik snap "
         "het eindelijk.'", [{"text": "Ik snap het eindelijk.", "attribution": "Mevrouw Dijk"}]),
        # NT2 "zij" for "zei" without a colon: only after someone and before a main clause.
        ("taalcafe vries 7 mensen meneer Bos zij dat is heel handig voor mij",
         [{"text": "dat is heel handig voor mij", "attribution": "meneer Bos"}]),
        ("Taalcafe Assen 6 mensen. Een moeder zij was heel blij met het boek.", []),
        ("Taalcafe Assen 6 mensen. Een man zei dat zijn zoon graag leest.", []),
        # An age with its unit needs no comma; a dash line under a label is its signature.
        ("knutselen annen 9 kids. jongen 8jr: 'mag ik dit mee naar huis?'",
         [{"text": "mag ik dit mee naar huis?", "attribution": "jongen 8jr"}]),
        ("Taalhuis Emmen\nAanwezig: 6\nCitaat cursist: 'Ik lees nu de krant'\n— mevrouw (71)",
         [{"text": "Ik lees nu de krant", "attribution": "mevrouw (71)"}]),
        # The writer as the inverted subject: the writer's own words, no quote.
        ("Breicafe Gieten 8 dames. Daarna zei ik tegen de groep: 'tot volgende week!'", []),
        # An interjection opens the words; it does not end them.
        ("Taalcafe Sleen 6 mensen. Een man riep: Wauw! Dit is echt mooi. Ik ben blij.",
         [{"text": "Wauw! Dit is echt mooi.", "attribution": "Een man"}]),
        # After "uit" a capital is a place, not the one who spoke.
        ("Taalcafe Beilen 6 mensen. Een vrouw uit Syrië zij ik heb nu werk gevonden",
         [{"text": "ik heb nu werk gevonden", "attribution": "Een vrouw uit Syrië"}]),
        # A term inside the writer's sentence is asked, even after a label: the label's
        # own reading keeps its doubt.
        ("Peuters Vries 8 kinderen. Citaat: 'Rupsje Nooitgenoeg' was favoriet.", []),
        # A label before the colon that names no one may head a topic: asked, not stated.
        ("Digicafé Assen 6 mensen. Vraag van de week: 'Hoe zet ik mijn foto's op een "
         "stick?'", []),
        # "citaat in het boek": words from a text, no one's here.
        ("Leesclub Vries 6 leden. Er stond een mooi citaat in het gedicht: 'de wind weet "
         "alles'.", []),
        # A short answer and the story going on: no one's own words.
        ("Taalcafé Beilen 6 mensen. Een man zei nee, en ging weer zitten.", []),
        # Verb first without marks: one person, then words that are a main clause.
        ("taalcafe emmen 7 mensen toen zei een vrouw ik heb hier mijn eerste vriendin",
         [{"text": "ik heb hier mijn eerste vriendin", "attribution": "een vrouw"}]),
        ("Taalcafe Emmen 7 mensen. Daarna vertelde een man over zijn land.", []),
        # A thing of the writer's own ("mijn tip", "onze slogan") holds no one else's words.
        ("Taalcafé Sleen 8 mensen. Mijn tip: 'lees elke dag even'.", []),
        ("Taalcafé Sleen 8 mensen. Mijn buurvrouw: 'ik kom ook eens kijken!'",
         [{"text": "ik kom ook eens kijken!", "attribution": "Mijn buurvrouw"}]),
        ("Taalcafé Sleen 8 mensen. Mijn quote: 'ik kom elke week!'",
         [{"text": "ik kom elke week!", "attribution": None}]),
        # Staff by compound or by role (coach, gespreksleider, voorleesster): no quote.
        ("Digicafé Emmen 6 mensen. De digicoach zei: 'goed bezig allemaal!'", []),
        ("Taalcafé Emmen 8 mensen. Gespreksleider Anna: 'wat een mooi gesprek'", []),
        # "Quote of the day:", "Citaat van de week:": a time after the label, no one.
        ("Taalcafé Assen 8 mensen. Quote of the day: I can finally read the bus times.",
         [{"text": "I can finally read the bus times.", "attribution": None}]),
        # A label's note that there is no quote is no quote; words that only open with
        # such a word are.
        ("Taalhuis Emmen\nAanwezig: 6\nCitaat: geen bijzonderheden", []),
        ("Taalhuis Emmen\nAanwezig: 6\nCitaat: niet gehoord, te druk", []),
        ("Taalhuis Emmen\nAanwezig: 6\nQuote: geen quote deze keer", []),
        ("Taalhuis Emmen\nAanwezig: 6\nCitaat: niks is leuker dan samen lezen",
         [{"text": "niks is leuker dan samen lezen", "attribution": None}]),
        # Formal speech verbs; a name with its title in apposition is who spoke; an
        # emoji after the words is no part of them; a comma part that goes on is the
        # writer's sentence.
        ("Taalhuis Vries 5 bezoekers. Een bezoeker gaf aan: 'Ik voel me hier welkom.'",
         [{"text": "Ik voel me hier welkom.", "attribution": "Een bezoeker"}]),
        ("Taalcafe Vries 6 mensen. Een cursist, mevrouw Bos, zei: 'ik kom graag'",
         [{"text": "ik kom graag", "attribution": "mevrouw Bos"}]),
        ("breicafe vries 8 pers citaat van Truus: ik brei hier mijn zorgen weg 😂",
         [{"text": "ik brei hier mijn zorgen weg", "attribution": "Truus"}]),
        ("Walk en talk Gieten 6 werkzoekenden. 'Ik slaap beter sinds ik meeloop' zei een "
         "van de deelnemers, dat raakte me.",
         [{"text": "Ik slaap beter sinds ik meeloop", "attribution": "een van de deelnemers"}]),
        # One person, a colon and a main clause without marks: their words; a phrase
        # after the colon is a note ("Een moeder: heel gezellig").
        ("Voorlezen Vries 7 kinderen. Een vader: hij wil nu elke avond voorlezen.",
         [{"text": "hij wil nu elke avond voorlezen.", "attribution": "Een vader"}]),
        ("Voorlezen Vries 7 kinderen. Een vader: heel gezellig.", []),
        # Without marks, others as the subject after the verb: reported, or unsure whose.
        ("BoekStart kdv Gieten 6 kindjes. Een moeder zei de kinderen vroegen er al de hele "
         "week naar", []),
        # Dictated quote marks.
        ("taalhuis roden komma vijf mensen punt een vrouw zei aanhalingstekens openen ik "
         "begrijp de brief nu aanhalingstekens sluiten",
         [{"text": "ik begrijp de brief nu", "attribution": "een vrouw"}]),
    ],
)  # fmt: skip
def test_quotes_need_a_speaker_or_a_speech_cue(
    catalogue: Catalogue, text: str, quotes: list[dict[str, str | None]]
) -> None:
    assert read(text, catalogue)["quotes"] == quotes


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        # After "vertelde"/"vroeg" without marks: a main clause is the speaker's own words.
        ("taalhuis assen 6 mensen, een vrouw vertelde ik kan nu zelf bellen",
         [{"text": "ik kan nu zelf bellen", "attribution": "een vrouw"}]),
        ("ido emmen 3 bezoekers, een man vroeg moet dat echt via de app",
         [{"text": "moet dat echt via de app", "attribution": "een man"}]),
        ("ido emmen 3 bezoekers, een man vroeg waarom is alles zo ingewikkeld",
         [{"text": "waarom is alles zo ingewikkeld", "attribution": "een man"}]),
        ("biebfabriek sleen 9 kinderen, de kinderen vroegen mogen we volgende week weer",
         [{"text": "mogen we volgende week weer", "attribution": "de kinderen"}]),
        # Run-on dictation: the words end where the story or a count goes on.
        ("taalcafe sleen 9 mensen een vrouw vertelde mijn zoon is geslaagd toen gingen we "
         "koffie drinken", [{"text": "mijn zoon is geslaagd", "attribution": "een vrouw"}]),
        ("taalcafe sleen een man vroeg mag ik mijn vrouw meenemen 8 deelnemers",
         [{"text": "mag ik mijn vrouw meenemen", "attribution": "een man"}]),
        # Without marks only a person's words: a thing that "says" something is no speaker.
        ("taalcafe sleen 8 mensen, de nieuwe folder zegt het heel duidelijk: kom gewoon langs",
         []),
        # Reported speech is no quote.
        ("ido emmen 3 bezoekers, een man vertelde dat hij nu zelf mailt", []),
        ("ido emmen 3 bezoekers, een man vroeg of het ook op zaterdag kan", []),
        ("taalcafe assen 5 mensen, een vrouw vertelde over haar dorp in syrie", []),
        ("taalcafe assen 5 mensen, een vrouw vertelde me dat ik goed uitleg", []),
        ("taalcafe assen 5 mensen, een man vroeg mij wat ik ervan vond", []),
        ("verhalenbrink assen 7 ouderen, een man vertelde het verhaal van mijn opa", []),
        ("taalcafe assen 5 mensen, een vrouw vertelde me ik ben zo blij met deze groep",
         [{"text": "ik ben zo blij met deze groep", "attribution": "een vrouw"}]),
        # An addressee after the verb, "en toen" ending the words, a speaker after "en".
        ("taalcafe assen 5 mensen, een vrouw zei tegen mij ik snap het nu",
         [{"text": "ik snap het nu", "attribution": "een vrouw"}]),
        ("we hadden vandaag de makersplaats in assen met 7 kinderen en een meisje zei dit "
         "wil ik thuis ook en toen gingen we opruimen",
         [{"text": "dit wil ik thuis ook", "attribution": "een meisje"}]),
        ("breicafe assen 6 dames en Riek (80) zei ik brei al zestig jaar",
         [{"text": "ik brei al zestig jaar", "attribution": "Riek (80)"}]),
        ("biebfabriek assen 9 kinderen, een meisje van 8 vroeg mag ik morgen terugkomen",
         [{"text": "mag ik morgen terugkomen", "attribution": "een meisje van 8"}]),
        ("samenlezen assen 5 lezers, meneer de Boer zei ik lees nu elke avond",
         [{"text": "ik lees nu elke avond", "attribution": "meneer de Boer"}]),
        # Two people named together both spoke; a count before "en" is no speaker.
        ("taalcafe sleen 8 mensen, Truus en Jan zeiden we komen zeker terug",
         [{"text": "we komen zeker terug", "attribution": "Truus en Jan"}]),
        ("taalcafe sleen 8 dames en Riek zei ik brei al zestig jaar",
         [{"text": "ik brei al zestig jaar", "attribution": "Riek"}]),
        # NT2 "zij:" for "zei" after someone named; a bare "Zij:" names nobody.
        ("taalcafe roden 8 mensen. Een vrouw zij: ik heb werk gevonden. Zij is heel blij.",
         [{"text": "ik heb werk gevonden.", "attribution": "Een vrouw"}]),
        ("taalcafe roden 8 mensen. Ik vroeg wat vind je ervan en zij: heel leuk", []),
        # A time of speaking after a people word, then a colon; a note is no quote.
        ("leerplein sleen 6 mensen. Een cursist achteraf: dit was de beste les voor mij",
         [{"text": "dit was de beste les voor mij", "attribution": "Een cursist"}]),
        ("leerplein sleen 6 mensen. Gesprek na afloop: ik heb haar doorverwezen", []),
        ("leerplein sleen 6 mensen. Truus achteraf: 'dit ga ik thuis oefenen'",
         [{"text": "dit ga ik thuis oefenen", "attribution": "Truus"}]),
        # Staff past a partitive or an adjective, or spelt "pm-er", are no participants;
        # a parent of a volunteer is.
        ("boekstart kdv sleen 5 baby's. Een van de leidsters zei: 'Ze kijken echt.'", []),
        ("boekstart kdv sleen 5 baby's. Een pedagogisch medewerker zei: 'Ze kijken.'", []),
        ("boekstart kdv sleen 5 baby's. Een pm-er zei: 'Ze kijken echt.'", []),
        ("taalcafe sleen 9 mensen. De moeder van een vrijwilliger zei: 'Ik kom vaker.'",
         [{"text": "Ik kom vaker.", "attribution": "De moeder van een vrijwilliger"}]),
        # A surname that is also a place name still names the speaker.
        ("taalcafe sleen 9 mensen. Mevrouw de Vries zei: 'Ik kom elke week.'",
         [{"text": "Ik kom elke week.", "attribution": "Mevrouw de Vries"}]),
        # "1" as the article before one person.
        ("makersplaats sleen 6 kids\n1 meisje zei 'ik wil hier elke dag zijn'",
         [{"text": "ik wil hier elke dag zijn", "attribution": "1 meisje"}]),
        # A topic after "vertelde over", then a colon that opens the words.
        ("verhalenbrink vries 8 ouderen. Opa Roelof vertelde over de turf: 'Wij sliepen er "
         "op.'", [{"text": "Wij sliepen er op.", "attribution": "Opa Roelof"}]),
        # The who-word between a label and its colon is the speaker.
        ("lezing assen 30 bezoekers. Citaat bezoekster: ik kom volgend jaar zeker weer",
         [{"text": "ik kom volgend jaar zeker weer", "attribution": "bezoekster"}]),
        # A relative "die" takes up the person phrase before it.
        ("ido emmen 5 bezoekers. Bijzonder was een man van 88 die zei: 'Ik mail nu zelf.'",
         [{"text": "Ik mail nu zelf.", "attribution": "een man van 88"}]),
        # A modal or Drents verb ends the subject; a title and initial keep their dots.
        ("walk en talk assen 7 mensen. Een vrouw wil gaan solliciteren en zei: 'Ik durf "
         "het weer.'", [{"text": "Ik durf het weer.", "attribution": "Een vrouw"}]),
        ("digisterker assen 6 mensen. Dhr. B. (81): 'Nu lukt het wel!'",
         [{"text": "Nu lukt het wel!", "attribution": "Dhr. B. (81)"}]),
        ("leesclub assen in zaal B. Een moeder: 'Wat een rust hier.'",
         [{"text": "Wat een rust hier.", "attribution": "Een moeder"}]),
        ("knutselen assen\n7 kinderen\n1 jongen: 'kijk mijn raket'",
         [{"text": "kijk mijn raket", "attribution": "1 jongen"}]),
        ("lezing assen 40 bezoekers. Daarna kwam een meneer naar me toe: 'Wat een verhaal!'",
         [{"text": "Wat een verhaal!", "attribution": "een meneer"}]),
        # A relative clause with its own verb stays with the speaker.
        ("taalhuis assen 6 mensen. Een man die niet kan lezen zei: 'Nu lukt het.'",
         [{"text": "Nu lukt het.", "attribution": "Een man die niet kan lezen"}]),
        ("taalhuis assen 6 mensen. Een vrouw die wil leren mailen zei: 'Ik probeer het.'",
         [{"text": "Ik probeer het.", "attribution": "Een vrouw die wil leren mailen"}]),
        ("lezing assen 40 bezoekers. Een meneer kwam op me af: 'Wat een verhaal!'",
         [{"text": "Wat een verhaal!", "attribution": "Een meneer"}]),
        # Words quoted from a text are no one's here.
        ("samenlezen assen 6 lezers. Citaat uit het boek: de zee is groot", []),
        # "Iemand" names nobody; the writer's comment after the words is no part of them.
        ("taalcafe assen 6 mensen. Iemand zei: ik voel me hier thuis. Dat vond ik fijn.",
         [{"text": "ik voel me hier thuis.", "attribution": None}]),
        # ">> … <<" typed as quote marks.
        ("lezing assen 20 bezoekers. >> mooi verhaal was het << zei een bezoeker bij de uitgang",
         [{"text": "mooi verhaal was het", "attribution": "een bezoeker"}]),
    ],
)  # fmt: skip
def test_quotes_without_marks_after_a_speech_verb(
    catalogue: Catalogue, text: str, quotes: list[dict[str, str | None]]
) -> None:
    assert read(text, catalogue)["quotes"] == quotes


@pytest.mark.parametrize(
    ("text", "location"),
    [
        # A place corrected inside the message: the corrected one.
        ("knutseluurtje rolde eh nee eelde, 7 kinderen", "eelde"),
        ("taalcafe in peize nee sorry in de bibliotheek van roden, 8 deelnemers", "roden"),
        ("breicafe vries, 6 dames. Norg bedoel ik, niet Vries", "norg"),
        ("samenlezen: ik typte Sleen maar het was Dalen, 5 lezers", "dalen"),
        ("leerplein annen (niet gieten zoals gepland) 4 deelnemers", "annen"),
        # A "sorry" further back corrects no place.
        ("taalcafe dalen, sorry te laat! een mevrouw uit sleen was er ook, 9 deelnemers",
         "dalen"),
        ("leerplein gieten ipv annen 5 mensen", "gieten"),
        # A place in another role: where someone lives, a place passed by, an aside, a habit.
        ("taalhuis eelde 5 deelnemers, een meneer uit roden kwam op de fiets", "eelde"),
        ("breicafe norg 8 dames en daarna nog langs vries voor de boekenkast", "norg"),
        ("taalcafe sleen (vorige maand zaten we in dalen) 9 deelnemers", "sleen"),
        ("ik zit normaal in annen maar vandaag leerplein in gieten, 4 mensen", "gieten"),
        # The writer saying where they are from names their own library.
        ("hoi, hier even Anja uit Sleen. Vandaag taalcafe met 8 deelnemers", "sleen"),
        # A partner library, a session tomorrow elsewhere.
        ("lezing vries samen met bibliotheek eelde, 30 bezoekers", "vries"),
        ("taalcafe sleen 8 deelnemers, morgen in dalen", "sleen"),
        ("voorleesuurtje vries 8 kids. ik woon zelf in eelde", "vries"),
        # Only someone's home town: where the session was is not said.
        ("taalcafe 7 deelnemers, een mevrouw uit peize was er voor het eerst", None),
        # A place name after a title is a surname.
        ("taalcafe 9 mensen. Mevrouw de Vries zei: 'Ik kom elke week.'", None),
        ("taalcafe sleen 9 mensen, dhr. Roden kwam ook", "sleen"),
        # A vowel left out of a shorter place name.
        ("makersplaats dalen 6 kids", "dalen"),
        ("knutseluurtje borgr 6 kinderen", "borger"),
        # A spelling that sounds the same.
        ("voorleesuurtje pijze 6 kinderen", "peize"),
        # A place in another time beside this session's place, also by a day word.
        ("workshop in sleen vandaag, want vorige week in dalen was het te druk, 12 mensen",
         "sleen"),
        ("Ergens vorige maand in dalen een makersplaats gedaan, 8 kinderen", "dalen"),
        # A person's place ("bij een collega in X") is not the session's.
        ("de sleutel lag bij een collega in dalen, maar het voorleesuurtje hier in sleen "
         "ging goed: 9 kinderen", "sleen"),
        # The next session's place ("de volgende … is … in X") is not this one's.
        ("lezing in sleen zaterdag, 30 gasten. De volgende lezing is 1 december in dalen",
         "sleen"),
    ],
)  # fmt: skip
def test_the_place_of_the_session_by_role(
    catalogue: Catalogue, text: str, location: str | None
) -> None:
    assert read(text, catalogue)["location"] == location


@pytest.mark.parametrize(
    ("text", "activity"),
    [
        # Two activities: the one the message says it is about.
        ("eerst breicafe en daarna samenlezen in norg, dit verslag gaat over het samenlezen: "
         "6 lezers", "samenlezen"),
        # One negated: "geen X maar Y".
        ("het was geen taalhuis maar taalcafe, peize 7 deelnemers", "taalcafe"),
        # One taken back: "X, o nee het was Y".
        ("breicafe norg, oh nee het was samenlezen, 6 lezers", "samenlezen"),
        # Where people were sent on to is another session.
        ("taalhuis sleen 4 mensen, twee doorverwezen naar het taalcafe", "taalhuis"),
        # One deferred to another report.
        ("na het knutseluurtje nog de biebfabriek gedaan in sleen, 8 kids. "
         "knutseluurtje stuur ik straks", "biebfabriek"),
        ("eerst leerplein gedaan, dat meld ik apart. daarna taalhuis in vries: 4 mensen",
         "taalhuis"),
        # One where the participants also go: another session.
        ("digivitaler dalen 5 deelnemers, drie komen ook naar het taalcafe", "digivitaler"),
        # What someone asked about is a topic, not the session.
        ("knutseluurtje sleen 8 kids, een moeder vroeg naar de makersplaats", "knutseluurtje"),
        # A negation about another day leaves the one that took place.
        ("breicafe norg 8 dames. Volgende week geen breicafe ivm de kermis", "breicafe"),
        # An exhibition beside a named session is generic: the named one is reported.
        ("walk en talk sleen 7 lopers. Wie helpt de tentoonstelling in de hal af te breken?",
         "walk-en-talk"),
        # A session called off, what a staff meeting was about: not the one reported.
        ("walk en talk sleen gisteren 6 lopers. Het taalcafe gaat niet door.", "walk-en-talk"),
        ("walk en talk sleen gisteren 6 lopers. Taalcafe van 8 november gaat niet door.",
         "walk-en-talk"),
        ("eerst overleg met school over de makersplaats, daarna voorleesuurtje sleen, 8 kids",
         "voorleesuurtje"),
        # The session's own name in quote marks, a compound ending in an activity's name.
        ("gisteravond de eerste 'Herfst-lezing' in sleen, 30 mensen", "lezing"),
        ("taalcafe sleen 8 mensen. Ook gehoord dat het breicafe van morgen niet doorgaat.",
         "taalcafe"),
        # Another time's activity; "… maar het was Y" corrects the name.
        ("taalcafe sleen 8 mensen. Morgen is het breicafe.", "taalcafe"),
        ("eerst dacht ik taalhuis maar het was taalcafe, sleen, 8 mensen", "taalcafe"),
        # The writer answers their own question: "X? nee, Y".
        ("taalcafe? nee: taalhuis sleen vanmiddag, 5 mensen", "taalhuis"),
        # Another session that someone else has reported, beside the one reported here.
        ("Breicafe norg 9 dames. Gisteren was er ook samenlezen, maar dat heeft Ria al gemeld.",
         "breicafe"),
    ],
)  # fmt: skip
def test_the_activity_reported_of_two(catalogue: Catalogue, text: str, activity: str) -> None:
    assert read(text, catalogue)["activity"] == activity


@pytest.mark.parametrize(
    ("text", "activity"),
    [
        # One finger's slip in a long one-word activity name.
        ("makersplasts sleen 7 kinderen", "makersplaats"),
        ("taalcfe vries 6 mensen", "taalcafe"),
        ("verhalenbirnk dalen 8 ouderen", "verhalenbrink"),
        # A compound that ends in a long activity name is that activity.
        ("paasworkshop in sleen: 11 kinderen", "workshop"),
        # A generic session noun glued to a name's first part: the name without it.
        ("boekstart-ochtend op het kdv in sleen, 9 peuters", "boekstart-kinderopvang"),
        # A letter far away on the keyboard makes another word.
        ("taalkunst in de wijk: 6 mensen", None),
        # The doubled letter typed on its neighbour.
        ("tallcafe vries 6 mensen", "taalcafe"),
    ],
)  # fmt: skip
def test_an_activity_name_with_one_slip(
    catalogue: Catalogue, text: str, activity: str | None
) -> None:
    assert read(text, catalogue)["activity"] == activity


@pytest.mark.parametrize(
    ("text", "field", "candidates", "question"),
    [
        ("voorleesuurtje havelte 15 of 16 kinderen", "counts.kinderen", [15, 16],
         "15 of 16 kinderen?"),
        ("taalcafe beilen we zaten met z'n achten", "counts.deelnemers", [8, 7],
         "Met z'n 8: was dat 8 deelnemers, of 7 (zonder jou)?"),
        ("taalcafe beilen 29 okt of 30 okt, 8 mensen", "date", ["2025-10-30", "2025-10-29"],
         "Welke dag was het: do 30-10 of wo 29-10?"),
        ("voorleesuurtje havelte 12 kinderen, we deden 'De Gruffalo' na", "quotes",
         ["De Gruffalo"], "Is 'De Gruffalo' iets wat iemand zei, of een titel of iets anders?"),
        # A sentence in quote marks with no speaker, no speech word and no "ik": a slogan,
        # a title or the writer's own words as much as a participant's.
        ("taalcafe beilen 8 deelnemers. \"Samen leren is leuker.\"", "quotes",
         ["Samen leren is leuker."],
         "Is 'Samen leren is leuker.' iets wat iemand zei, of een titel of iets anders?"),
    ],
)  # fmt: skip
def test_two_readings_are_asked_not_guessed(
    catalogue: Catalogue, text: str, field: str, candidates: list[Any], question: str
) -> None:
    got = read(text, catalogue)
    assert got["ambiguities"] == [{"field": field, "candidates": candidates, "question": question}]
    if field == "date":
        assert got["date"] is None
    elif field.startswith("counts."):
        assert field.removeprefix("counts.") not in got["counts"]
        assert got["participants"] is None
    else:
        assert got["quotes"] == []


def test_an_impossible_or_future_day_is_named(catalogue: Catalogue) -> None:
    impossible = parse_message("voorleesuurtje havelte 31-02-2025 10 kinderen", catalogue, TODAY)
    assert impossible.date is None and impossible.impossible_date == "31-02-2025"
    ahead = parse_message("voorleesuurtje havelte 12-12-2025 10 kinderen", catalogue, TODAY)
    assert ahead.date is None and ahead.future_date == "12-12-2025"


def test_the_contract_keys_stay_and_ambiguities_come_only_with_json(catalogue: Catalogue) -> None:
    result = parse_message("voorleesuurtje havelte 15 of 16 kinderen", catalogue, TODAY)
    assert "ambiguities" not in result.to_contract()
    assert "ambiguities" in result.to_json()
    clear = parse_message("voorleesuurtje havelte 12 kinderen", catalogue, TODAY)
    assert clear.to_json() == clear.to_contract()


@pytest.mark.parametrize(
    "text",
    [
        # The group number swallowed the count: the children are not read, so no total.
        "coderdojo peize: scratch-groep 7 kinderen, python-groep 4 kinderen en 3 vaders",
    ],
)
def test_a_count_read_as_a_group_number_leaves_the_total_open(
    catalogue: Catalogue, text: str
) -> None:
    got = read(text, catalogue)
    assert got["participants"] is None
    assert "kinderen" not in got["counts"]


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        ("breicafe dalen today, 8 women were there", 8),
        ("voorleesuurtje diever: 8 toddlers and 7 parents", 15),
        ("taalhuis zuidwolde, vandaag wij hebben 5 leerders", 5),
        (
            "voorleesuurtje havelte: groepje 1-2 jaar 4 kinderen, groepje 3-4 jaar 6 kinderen, "
            "en 9 ouders",
            19,
        ),
    ],
)
def test_people_words_in_english_and_second_language_dutch_and_groups_by_age(
    catalogue: Catalogue, text: str, participants: int
) -> None:
    assert read(text, catalogue)["participants"] == participants


@pytest.mark.parametrize(
    ("text", "counts", "participants"),
    [
        # A correction later in the message replaces the groups it names again.
        ("voorleesuurtje beilen: 8 kinderen en 5 ouders. Nee wacht, er kwam nog een opa met "
         "zijn kleinzoon, dus 9 kinderen en 6 ouders.", {"kinderen": 9, "volwassenen": 6}, 15),
        ("knutseluurtje peize 12 kinderen 4 volw. Correctie: 4 klopt niet, het waren "
         "3 volwassenen", {"kinderen": 12, "volwassenen": 3}, 15),
        # One group before, one number restated after the correction.
        ("taalcafe beilen 14 deelnemers. Oeps, ik had Henk dubbel geteld, dus 13.",
         {"deelnemers": 13}, 13),
        # Two groups before, one number after: which one it corrects is unclear, so asked.
        ("voorleesuurtje havelte 6 kinderen en 6 ouders, o nee dat klopt niet, het waren er 5",
         {}, None),
        # The inline kind stays with the count reader.
        ("taalcafe sleen 13 mensen\nsorry 12, had mezelf meegeteld", {"deelnemers": 12}, 12),
    ],
)  # fmt: skip
def test_a_correction_later_in_the_message_replaces_the_count(
    catalogue: Catalogue, text: str, counts: dict[str, int], participants: int | None
) -> None:
    got = read(text, catalogue)
    assert (got["counts"], got["participants"]) == (counts, participants)


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        # Enrolled, on the list or the group's size: who could have come, not who came.
        ("digisterker havelte les 2. Ingeschreven: 14. Aanwezig: 11.", 11),
        ("digisterker beilen, van de 9 cursisten waren er 7 aanwezig", 7),
        ("digisterker smilde les 3: 6 van 9 aanwezig", 6),
        # Only who did not come is said: the rest came.
        ("digivitaler diever, van de 10 cursisten waren er 3 afwezig", 7),
        ("samenlezen dalen: de groep is 12 man, vandaag 2 afwezig", 10),
        ("klik en tik sleen. Er staan er 9 op de lijst; twee hebben zich afgemeld", 7),
        # Absent beside a present count: the present count stands.
        ("klik en tik schoonebeek: 5 mensen kwamen, 2 mensen niet want ziek", 5),
    ],
)
def test_enrolled_and_absent_are_no_attendance(
    catalogue: Catalogue, text: str, participants: int
) -> None:
    assert read(text, catalogue)["participants"] == participants


@pytest.mark.parametrize(
    ("text", "counts", "participants"),
    [
        # A people word with its number in brackets is that group's count.
        ("taalhuis coevorden: de Poolse dames (5) en de Syrische mannen (2)",
         {"deelnemers": 7}, 7),
        ("kleintje bieb eelde: 4 baby's met hun mama's (4), 1 papa ook",
         {"kinderen": 4, "volwassenen": 5}, 9),
        # Each label's own count, also after a count on the line before.
        ("knutseluurtje rolde. Kinderen: 6. Ouders die bleven: 3.",
         {"kinderen": 6, "volwassenen": 3}, 9),
        ("kleintje bieb rolde. Baby's: 3, peuters: 2. Ouders 5.",
         {"kinderen": 5, "volwassenen": 5}, 10),
    ],
)  # fmt: skip
def test_counts_written_after_their_people_word(
    catalogue: Catalogue, text: str, counts: dict[str, int], participants: int
) -> None:
    got = read(text, catalogue)
    assert (got["counts"], got["participants"]) == (counts, participants)


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        # A new sentence about fewer of the people counted is about some of them.
        ("tel je geld beilen: 11 deelnemers. 4 mensen willen een afspraak bij de schuldhulp", 11),
        ("taalhuis annen, er waren 8 mensen. 3 mensen nieuw, uit Syrie.", 8),
        # More, not some: "en", "plus", "ook".
        ("voorleesuurtje rolde: 6 peuters en 5 moeders. Plus 2 broertjes die bleven", 13),
        # Inside a list it could be either: asked.
        ("coderdojo peize: 12 kids, 10 laptops, 2 kinderen deelden er een", None),
    ],
)
def test_a_count_of_some_of_them_is_no_extra_people(
    catalogue: Catalogue, text: str, participants: int | None
) -> None:
    assert read(text, catalogue)["participants"] == participants


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        # The total said again after the counts, without a people word.
        ("breicafe ruinerwold: 9 wiefies an 't breien en n kearl, dus 10.", 10),
        ("voorleesuurtje zuidwolde acht kinderen zeven ouders en een oma dus zestien in totaal",
         16),
        ("samenlezen zuidwolde, groep van 10, 2 afgemeld. Dus 8 aan tafel.", 8),
    ],
)  # fmt: skip
def test_the_total_said_again_stands(catalogue: Catalogue, text: str, participants: int) -> None:
    assert read(text, catalogue)["participants"] == participants


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        # "we zaten met 9 bewoners": a count of people, not "met z'n negenen".
        ("verhalenbrink norg: we zaten met 9 bewoners om de tafel", 9),
        # Met z'n elven with the writer in it, and a count that agrees.
        ("breicafe westerbork: we waren met z'n elven, ik meegeteld. Tien dames dus", 10),
        # A count a sentence or more further on, with nothing that adds it: asked.
        (
            "voorleesuurtje rolde: 8 kinderen. We lazen over de boerderij. Op het plaatje "
            "stonden 12 kinderen.",
            None,
        ),
        # A bracket after a count holds its parts only when the next count is inside it.
        ("makersplaats vledder: 5 jongens (10-13 jr), 2 meiden en 2 vaders", 9),
    ],
)
def test_who_came_is_said_in_one_place(
    catalogue: Catalogue, text: str, participants: int | None
) -> None:
    assert read(text, catalogue)["participants"] == participants


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        # Per unit, capacity and expectation are no attendance.
        ("pubquiz ruinerwold: 8 teams van 4 personen, 32 deelnemers dus", 32),
        ("lezing meppel: de zaal was ingericht voor 80 personen; er waren 52 bezoekers", 52),
        # Only more than an unnamed number: asked.
        ("verhalenbrink de wijk: alle stoelen bezet en nog 3 mensen moesten staan", None),
        ("ido spreekuur vries: 's ochtends 2 mensen, 's middags nog 5.", None),
        # Helpers are no participants; "elk met een kindje" is not said as a number.
        ("biebfabriek borger: 12 deelnemers. Twee ouders en ik begeleidden de groep.", 12),
        ("kleintje bieb borger: drie moeders, elk met een kindje", None),
        # New ones beside regulars came too.
        ("breicafe beilen: 7 vaste breisters en 2 nieuwe dames", 9),
        # A chat correction with an asterisk.
        ("ido spreekuur annen: 3 bezoekers *4 bezoekers", 4),
        # A common word is no typo of a people word ("eerder" is not "leerder").
        ("coderdojo borger 15 deelnemers, ik schreef eerder 17 in de app", 15),
    ],
)
def test_numbers_that_are_not_who_came(
    catalogue: Catalogue, text: str, participants: int | None
) -> None:
    assert read(text, catalogue)["participants"] == participants


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        ("twee en twintig kinderen bij de biebfabriek in beilen", 22),
        ("lezing roden: de zaal (capaciteit 80) was met 61 bezoekers gevuld; er stonden nog "
         "9 mensen op de wachtlijst", 61),
        ("coderdojo peize\n10 kids\noja 2 vaders bleven hangen maar deden niet mee", 10),
        ("leerplein vledder, 4 mensen achter de laptops. Er was ook 1 meneer die alleen even "
         "kwam kijken", 4),
        ("makersplaats coevorden: ik denk al met al 20 kinderen? Precies weet ik het niet", None),
        ("taalcafe coevorden: 10 deelnemers: 4 uit Polen, 3 uit Oekraine, 3 uit Syrie", 10),
        ("ik ben vrijwilliger. 9 deelnemers vandaag bij het taalcafe in vries", 9),
        ("workshop vries: 18 aanmeldingen, 14 gekomen. Wachtlijst van 6 voor de volgende keer",
         14),
    ],
)  # fmt: skip
def test_more_numbers_that_are_or_are_not_who_came(
    catalogue: Catalogue, text: str, participants: int | None
) -> None:
    assert read(text, catalogue)["participants"] == participants


@pytest.mark.parametrize(
    ("text", "counts", "participants"),
    [
        # "24 en 22": a sum or a range; asked (test below). "27 + 25" adds.
        ("dbos vo coevorden: 2 klassen (27 + 25 lln), 3 docenten", {"kinderen": 52}, 52),
        ("een stuk of vijftien ouders en kinderen bij het knutselen in annen",
         {"deelnemers": 15}, 15),
        ("verhalenbrink rolde: 14 deelnemers: 11 ouderen en 3 mantelzorgers",
         {"deelnemers": 14}, 14),
        # Later, fewer, from a presence word alone: not more people.
        ("lezing borger, 33 aanwezigen. Na de pauze waren er nog 27.", None, None),
        # Two sittings: asked.
        ("voorleesuurtje vledder: ochtend 9 kinderen + 6 ouders, middag 5 kinderen + 4 ouders",
         {}, None),
        # "1 met een telefoon" after "3 mensen met een laptop": more of them, unclear.
        ("pc-hulp dwingeloo: 3 mensen met een laptop, 1 met een telefoon", {}, None),
    ],
)  # fmt: skip
def test_counts_that_combine(
    catalogue: Catalogue, text: str, counts: dict[str, int] | None, participants: int | None
) -> None:
    got = read(text, catalogue)
    assert got["participants"] == participants
    if counts is not None:
        assert got["counts"] == counts


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        ("digisterker diever\nIngeschreven: 10\nAanwezig: 9\nBegeleiders: 2", 9),
        ("tel je geld nieuw-buinen: alle 6 deelnemers present, niemand afgemeld", 6),
        ("digisterker westerbork: wij hadden er negen vandaag", 9),
        ("samenlezen sleen: het werden er 8", 8),
        ("dbos norg groep 7, 27 lln", 27),
        ("drents veurlezen diever dinsdag: 17 leu", 17),
        ("voorleesuurtje diever: vorige maand hadden we er maar 4, nu 11 kinderen", 11),
        ("taalhuis havelte: 7 cursisten, 1 kwam voor het eerst", None),  # asked: 7 or 8
        ("coderdojo dalen: we waren met 17 man, maar daar zitten 3 mentoren bij", None),
    ],
)
def test_forms_dialect_and_contrasts(
    catalogue: Catalogue, text: str, participants: int | None
) -> None:
    assert read(text, catalogue)["participants"] == participants


def test_one_group_read_two_ways_offers_both_counts(catalogue: Catalogue) -> None:
    got = read("coderdojo peize: 12 kids, 10 laptops, 2 kinderen deelden er een", catalogue)
    assert got["participants"] is None
    assert got["ambiguities"] == [
        {"field": "counts.kinderen", "candidates": [12, 14], "question": "12 of 14 kinderen?"}
    ]


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        ("taalcafe\nzuidwolde\n10\nk moet rennen, rest later", 10),
        ("taalcafe vries\nAantal: 11 (+2 vrijwilligers, niet meegeteld)", 11),
        ("Activiteit - Belastingspreekuur\nPlaats - Havelte\nBezoekers - 5\nVragen - 9", 5),
        ("digi vitaler westerbork: acht ingeschreven maar er kwamen er maar vijf door de sneeuw",
         5),
        ("digisterker gieten lesson 1: 9 out of 10 enrolled", 9),
        ("klik & tik diever\nAantal: 6 (ingeschreven 8)", 6),
        ("tel je geld borger\nAanwezig: 6\nAfwezig: 1 (ziek)", 6),
        ("leerplein vledder 4 mensen\noja en 1 nieuwe die via de krant kwam dus 5", 5),
    ],
)  # fmt: skip
def test_forms_and_lines(catalogue: Catalogue, text: str, participants: int | None) -> None:
    assert read(text, catalogue)["participants"] == participants


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        ("walk en talk meppel: we liepen met z'n negenen, ik dus ook", 8),
        ("samenlezen peize: we waren met z'n tienen, mij meegerekend", 9),
        ("voorleesuurtje gieten: tien peuters en negen volwassenen, een opa vertelde dat hij "
         "dit nooit deed met zijn eigen kinderen", 19),
        ("schrijverslezing zuidlaren voor groep 7 en 8 en hun ouders. Aanwezig waren 41 "
         "kinderen en 17 ouders.", 58),
    ],
)  # fmt: skip
def test_the_writer_and_companions(
    catalogue: Catalogue, text: str, participants: int | None
) -> None:
    assert read(text, catalogue)["participants"] == participants


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        ("Activiteit - Walk & Talk\nPlaats - Annen\nAantal - 5\nKm - 3,8", 5),
        ("breicafe dalen: 13 breisters (en 1 breier!)", 14),
        ("taalhuis zuidwolde, de afgelopen weken steeds rond de 5 deelnemers", None),
        ("voorleesuurtje vries 8 kinderen en 8 ouders, o nee dat laatste klopt niet, het waren "
         "er 7 want een moeder had er twee bij zich", None),
        ("verhalenbrink odoorn: deelnemers 9, gemiddeld 79 jaar", 9),
    ],
)  # fmt: skip
def test_units_brackets_and_several_sessions(
    catalogue: Catalogue, text: str, participants: int | None
) -> None:
    assert read(text, catalogue)["participants"] == participants


def test_two_numbers_joined_by_en_are_a_sum_or_a_range(catalogue: Catalogue) -> None:
    got = read("dbos vo beilen: 2 klassen, 24 en 22 leerlingen, plus 2 docenten", catalogue)
    assert got["participants"] is None
    assert got["ambiguities"] == [
        {"field": "counts.kinderen", "candidates": [22, 46], "question": "22 of 46 kinderen?"}
    ]


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        ("kleintje bieb vledder: 5 baby's, 5 mama's en ien heit", 11),
        ("it wienen tusken de 15 en 20 minsken by it drents veurlezen yn vledder", None),
        ("coderdojo vries: 9 kids + 3 broertjes die alleen op hun telefoon zaten te gamen "
         "(die tel ik niet)", 9),
        ("knutseluurtje eelde: 10 kinderen, 9 ouders, 1 vader had 2 kinderen bij zich", None),
        ("dbos po: de leesconsulent las voor in de klas. 29 kinderen op de lijst, 3 ziek, "
         "dus 26 aanwezig.", 26),
        ("kleintje bieb roden: 8 baby's met 8 ouders, plus 2 zusjes die meededen. Dus 10 "
         "kinderen, 8 volwassenen.", 18),
        ("klassenbezoek ruinerwold: groep 4 (21 kinderen) en groep 5 (19). Samen dus 40.", 40),
        ("breicafe sleen: ik had koffie gezet voor twintig man maar we waren met 13 dames", 13),
        ("belastingspreekuur gieten: 11 afspraken, 10 gekomen, sommige echtparen kwamen samen",
         None),
    ],
)  # fmt: skip
def test_dialect_numbers_restated_sums_and_couples(
    catalogue: Catalogue, text: str, participants: int | None
) -> None:
    assert read(text, catalogue)["participants"] == participants


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        ("voorleesuurtje diever: 7 kinderen en 7 ouders, elk kind mei ien alder", None),
        ("klik & tik westerbork les 1: 9 aanwezig. Nee 8, Gerda bracht alleen koffie.", 8),
        ("klassenbezoek zuidwolde: we waren met 26 leerlingen, 2 begeleidende ouders en ikzelf",
         26),
        ("knutselen sleen: negen kinderen en zes begeleidende ouders die ook meeknutselden", 15),
        # The 16 who came are of the 20 children enrolled (was asked while "16 kwamen" was
        # read as people in general, who might include the parents).
        ("coderdojo zuidlaren: 20 kinderen aangemeld, 16 kwamen opdagen, en er kwamen 5 ouders "
         "mee", 21),
        ("coderdojo zuidlaren: 20 aangemeld, 16 kwamen opdagen, en er kwamen 5 ouders mee",
         None),
    ],
)  # fmt: skip
def test_helpers_corrections_and_each(
    catalogue: Catalogue, text: str, participants: int | None
) -> None:
    assert read(text, catalogue)["participants"] == participants


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        ("dbos vo coevorden, klas 1b, 29 leerlingen waarvan 4 afwezig (excursie)", 25),
        ("knutselen peize: 8 kids, 2 vd kids waren er ook vorige keer, en 1 oma", 9),
        ("knutseluurtje peize: 7 kinderen, ouders erbij maar niet geteld", None),
        ("verhalenbrink dwingeloo: 12 mensen, waarvan 2 kleinkinderen die met opa meekwamen",
         12),
    ],
)  # fmt: skip
def test_parts_absent_and_uncounted_companions(
    catalogue: Catalogue, text: str, participants: int | None
) -> None:
    assert read(text, catalogue)["participants"] == participants


def test_the_place_beside_the_reported_activity(catalogue: Catalogue) -> None:
    # intake.mentions on its own (parse.py passes the activity's spans once it is wired):
    # two activities, each with its place; the message says which one it reports.
    matchers = matchers_for(catalogue)

    def place(text: str) -> str | None:
        folded = fold(text)
        activity, _, rest = find_activity(matchers.activities, folded)
        spans = activity_spans(matchers.activities, folded, activity)
        return find_location(matchers.vestigingen, rest, matchers.place_slips, spans)[0]

    assert (
        place("Eerst Taalhuis in Sleen en toen Leerplein in Dalen. Dit gaat over het Leerplein.")
        == "dalen"
    )
    # Two places for one activity stay open.
    assert place("knutseluurtje in sleen en in dalen 8 kinderen") is None


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        ("kliken tik westerbork, laatste les. 8 mensen, iedereen een certificaat", 8),
        ("leerplein vledder vorige week dinsdag: 6. Vergeten door te geven, sorry!", 6),
        ("workshop roden, 12 deelnemers, €7,50 pp, 24 stiften gekocht", 12),
        ("pubquiz roden vrijdag, 8 teams van 4 = 32 pp", 32),
        ("samenlezen rolde\nHoeveel: 8 (+2 vrijwilligers)", 8),
        ("biebfabriek zuidlaren, ongeveer 20 kinderen, niet precies geteld", 20),
        ("pubquiz ruinerwold: 6 teams, 27 spelers, quizmaster was ik", 27),
        ("ido beilen: 9 mensen langs geweest, waaronder een echtpaar met een vraag", 9),
    ],
)
def test_lessons_lines_and_forms(catalogue: Catalogue, text: str, participants: int | None) -> None:
    assert read(text, catalogue)["participants"] == participants


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        ("boekpresentatie borger: 35 aanwezigen, maar daar zitten de schrijver en 2 mensen van "
         "de uitgeverij bij, dus 32 publiek", 32),
        ("belastingspreekuur gieten 5 ppl, 1 man 2x geweest (ochtend en middag), dus 5 mensen",
         5),
    ],
)  # fmt: skip
def test_the_sum_said_again_settles_a_doubt(
    catalogue: Catalogue, text: str, participants: int | None
) -> None:
    assert read(text, catalogue)["participants"] == participants


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        ("leerplein dalen vanmiddag van twee tot vier uur vier deelnemers", 4),
        ("samenlezen sleen: het werden er 8. We lezen telkens op donderdag.", 8),
        ("taalcafe westerbork: 15 deelnemers. Leuk was dat twee dames elkaar kenden.", 15),
        ("lezing coevorden: er zaten er volgens mij zo'n 50 in de zaal", 50),
    ],
)
def test_time_words_habits_and_estimates(
    catalogue: Catalogue, text: str, participants: int | None
) -> None:
    assert read(text, catalogue)["participants"] == participants


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        ("voorleesuurtje meppel: 8 kindjes en 8 ouders denk ik... ff nagevraagd: 7 ouders",
         15),
        ("knutseluurtje: 15 kinderen, hoeveel ouders weet ik niet meer precies", None),
        ("taalcafe beilen: 14 mensen. nieuw: 2 vrouwen uit Syrie.", 14),
        ("dbos po gieten: groep 6 met 22 leerlingen en groep 8 met 25.", 47),
        ("boekstart eelde in 2 groepjes: babygroep 5 kindjes, peutergroep 8.", 13),
        ("taalhuis nieuw-buinen: vandaag wij waren met 6 mensen, ik tel mij ook.", 5),
        ("dbos vo schoonebeek: klas 3 heeft 30 leerlingen op de lijst, 4 op kamp, 1 ziek.", 25),
        # Absent in brackets after a count: among them, or besides? Asked, both offered.
        ("dbos gieten: groep 7 (26 kinderen, 2 ziek thuis) las een boek", None),
    ],
)  # fmt: skip
def test_parallel_counts_absent_and_unknown(
    catalogue: Catalogue, text: str, participants: int | None
) -> None:
    assert read(text, catalogue)["participants"] == participants


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        ("knutseluurtje roden: 9 kids en 7 volwassenen, waarvan 1 oma die met 3 kleinkinderen "
         "kwam", None),
        ("belastingspreekuur smilde: 5 mensen op afspraak + 2 inloop", 7),
        ("dbos vo zuidlaren: 27 kinderen aanwezig (klas van 28, 1 ziek)", 27),
    ],
)  # fmt: skip
def test_walk_ins_and_grandchildren(
    catalogue: Catalogue, text: str, participants: int | None
) -> None:
    assert read(text, catalogue)["participants"] == participants


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("voorleesuurtje norg: 5 kinderen met 4 moeders, plus 1 oma die 2 kleinkinderen meenam",
         {"participants": None}),
        ("bibliotheek op school gieten. Combigroep 3/4: 19 kinderen.",
         {"participants": 19, "date": "2025-11-04"}),
        ("klassenbezoek gieten, 21 kinderen. Onze stagiaire zei: 'Wat een rust in de klas.'",
         {"participants": 21, "quotes": []}),
    ],
)  # fmt: skip
def test_relative_clauses_grades_and_interns(
    catalogue: Catalogue, text: str, expected: dict[str, Any]
) -> None:
    got = read(text, catalogue)
    assert {k: got[k] for k in expected} == expected


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        ("breicafe roden: 11 froulju en ien man", 12),
        ("breicafe roden. Hjoed 14 minsken, mar 2 derfan binne frijwilligers", 12),
        ("taalcafe meppel: 9 persoon deden mee. Ook 2 kinderen van een mevrouw, die speelde "
         "in de hoek, zij doen niet mee.", 9),
        ("coderdojo roden: 14 kids (age 8-15), no parents", 14),
        ("taalhuis: vandaag wij waren 7 mensen met mij.", 6),
        ("taalpunt nieuw-buinen middag. Kwamen 5, aangemeld waren 9.", 5),
        ("digisterker meppel\nDeelnemers: 6\nMantelzorger die alleen meekeek: 1\n"
         "Groepsnummer: DS-2025-07", 6),
        ("klik en tik diever: acht mensen aanwezig plus ik en vrijwilliger Bert dus tien in "
         "totaal", 8),
        ("biebfabriek vries: 11 kids maar 1 was een broertje die alleen zat te kleuren dus "
         "eigenlijk 10", 10),
        ("leerplein vledder: vier oefenaars en ik, dus vijf in totaal met mij erbij", 4),
        ("klik en tik: 7 van de 8. Dus toch 8? Nee, hij zit al in de 7. Dus 7.", 7),
    ],
)  # fmt: skip
def test_staff_in_sums_codes_and_frisian(
    catalogue: Catalogue, text: str, participants: int | None
) -> None:
    assert read(text, catalogue)["participants"] == participants


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        ("klik & tik zuidlaren, lesson 2. Attendance 5 out of 6. One lady said hi", 5),
        ("verhalenbrink eelde hjoed. 9 dielnimmers, derfan 1 nije.", 9),
        ("verhalenbrink westerbork. Wie waren mit zien tienen, mij d'r bij.", 9),
        ("digivitaler peize: aanwezig 10, nee 11, ik had de mevrouw achter de pilaar gemist",
         11),
        ("samenlezen ruinerwold: 9 op de lieste, 2 afbeld en 1 ziek.", 6),
        ("maakplaats borger\n10 deelnemers\noja daarvan waren 4 ouders, de rest kids", 10),
        ("programmeerclub zuidlaren: turnout 11, 2 no-shows (13 signed up)", 11),
    ],
)  # fmt: skip
def test_english_frisian_drents_forms(
    catalogue: Catalogue, text: str, participants: int | None
) -> None:
    assert read(text, catalogue)["participants"] == participants


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        # A people word whose count the reader cannot pair: the total is asked, not short.
        ("knutseluurtje meppel: 13 kinderen. ouders ook 6.", None),
        ("knutseluurtje odoorn: er kwamen 20 kids. Ouders waren er ook, een stuk of 12.", None),
        ("digisterker gieten: presentielijst zegt 9 maar mevrouw Hoekstra staat er twee keer "
         "op, dus 8 echt.", 8),
    ],
)  # fmt: skip
def test_an_unread_count_is_asked(
    catalogue: Catalogue, text: str, participants: int | None
) -> None:
    assert read(text, catalogue)["participants"] == participants


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        ("verhalenbrink westerbork: wij waren mit zien twaalven, mij d'r bij teld.", 11),
        ("digivitaler sleen les een negen deelnemers ingeschreven acht gekomen", 8),
        ("coderdojo roden today: 18 kids, mostly Scratch, 3 van hen deden al Python.", 18),
        ("coderdojo roden: 15 kids, en 5 ouders bleven en deden mee met de ouder-kind "
         "challenge", 20),
        ("coderdojo roden: registered 20, showed up 16.", 16),
    ],
)  # fmt: skip
def test_group_forms_labels_and_compounds(
    catalogue: Catalogue, text: str, participants: int | None
) -> None:
    assert read(text, catalogue)["participants"] == participants


@pytest.mark.parametrize(
    ("text", "counts", "participants"),
    [
        ("tel je geld de wijk: 10 deelnemers. We rekenden met een voorbeeldgezin: inkomen "
         "€1.850 per maand, 2 kinderen van 6 en 9.", {"deelnemers": 10}, 10),
        ("voorleesuurtje havelte: 14 kinderen met 9 ouders en een opa erbij",
         {"kinderen": 14, "volwassenen": 10}, 24),
    ],
)  # fmt: skip
def test_worked_examples_and_one_more(
    catalogue: Catalogue, text: str, counts: dict[str, int], participants: int | None
) -> None:
    got = read(text, catalogue)
    assert (got["counts"], got["participants"]) == (counts, participants)


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        ("klik en tik diever les drie van de zes er waren acht cursisten van de tien", 8),
        ("digi vitaler sleen les twee zes deelnemers", 6),
        ("taalcafe coevorden vandaag 15 deelnemer. Eerst ik zeg 12 maar daarna kwam nog 3 "
         "mensen.", None),
        ("dbos nieuw-buinen\nLeerlingen: 26 op de lijst, 3 ziek", 23),
        ("dbos vo zuidwolde\nKlas 2B (28 lln), 26 aanwezig", 26),
        ("taalcafe norg today 11 people, and 2 children play in corner (not count).", 11),
        ("leerplein odoorn wo. 19/11 - 7 deelnemers", 7),
    ],
)  # fmt: skip
def test_lessons_in_words_lists_and_slashes(
    catalogue: Catalogue, text: str, participants: int | None
) -> None:
    assert read(text, catalogue)["participants"] == participants


def test_a_total_word_before_a_list_is_no_restated_sum(catalogue: Catalogue) -> None:
    got = read("kleintje bieb dalen: er kwamen 7 peuters en 2 baby's met in totaal 8 ouders "
               "en 1 opa", catalogue)  # fmt: skip
    assert (got["counts"], got["participants"]) == ({"kinderen": 9, "volwassenen": 9}, 18)


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("biebfabriek roden gistr, 10 deelnemers", "date", "2025-11-03"),
        ("makersplaats eelde: 14 aanwezig. Quote from a boy (12): 'Next time I bring my "
         "radio!'", "quotes",
         [{"text": "Next time I bring my radio!", "attribution": "a boy (12)"}]),
        ("samen lezen peize, 10 man. Gehoord na afloop: 'Dit gedicht ga ik aan mijn "
         "kleindochter sturen.'", "quotes",
         [{"text": "Dit gedicht ga ik aan mijn kleindochter sturen.", "attribution": None}]),
    ],
)  # fmt: skip
def test_phone_spellings_and_english_labels(
    catalogue: Catalogue, text: str, field: str, value: Any
) -> None:
    assert read(text, catalogue)[field] == value


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        # The writer's own comment after the words ends them.
        ("kleintje bieb dalen: 6 kindjes. Papa zei letterlijk: Ik wist niet dat je al kon "
         "voorlezen. Mooi toch!",
         [{"text": "Ik wist niet dat je al kon voorlezen.", "attribution": "Papa"}]),
        # A term inside the writer's own sentence after a label is asked, not stored.
        ("digisterker borger\nopmerking: 'Mijn Overheid' vonden ze lastig", []),
    ],
)  # fmt: skip
def test_comments_and_terms_after_a_label(
    catalogue: Catalogue, text: str, quotes: list[dict[str, Any]]
) -> None:
    assert read(text, catalogue)["quotes"] == quotes


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        # A dash before the speech verb after the words is no part of who spoke.
        ("Leesclub Vries 6 lezers. 'Ik heb het boek in één nacht uit' – zei Gea, en dat "
         "geloof ik.", [{"text": "Ik heb het boek in één nacht uit", "attribution": "Gea"}]),
        # An age written with "van" is no count; a long relative clause after it is the
        # writer's story about the speaker.
        ("Digicafé Emmen 5 bezoekers. 'Nu kan ik mijn kleinkind mailen', zei een vrouw van "
         "81 die al drie keer eerder kwam.",
         [{"text": "Nu kan ik mijn kleinkind mailen", "attribution": "een vrouw van 81"}]),
        # Who said it in brackets on the next line, or after an emoji.
        ("Verhalenbrink Sleen\n9 ouderen\nCitaat: 'Wij schaatsten naar school'\n(een man "
         "van over de negentig)",
         [{"text": "Wij schaatsten naar school", "attribution": "een man van over de negentig"}]),
        ("Voorlezen Gieten 7 kids\n'nog een keer voorlezen!' 🥰 (Mila 5)",
         [{"text": "nog een keer voorlezen!", "attribution": "Mila 5"}]),
        # A count in brackets on the next line is no one who spoke.
        ("Voorlezen Gieten\n'Ik wil nog een boek!'\n(3 volwassenen)",
         [{"text": "Ik wil nog een boek!", "attribution": None}]),
        # A form's question "Wat zei iemand:" names nobody; who it was follows the words.
        ("Wat: breicafé\nWaar: Norg\nWat zei iemand: 'ik brei hier mijn zorgen weg' "
         "(buurvrouw van Truus)",
         [{"text": "ik brei hier mijn zorgen weg", "attribution": "buurvrouw van Truus"}]),
        # A clause about words ("wie het zei") is no one's speech act.
        ("Taalcafé Sleen 7 mensen. Wie het zei weet ik niet meer maar het was gezellig.", []),
        # "ik weet niet wie het zei": the verb is the clause's, not the writer's; a
        # conjunction before the colon names no one: asked.
        ("Taalcafé Sleen 7 mensen. Ik weet niet meer wie het zei maar: 'hier voel ik me "
         "thuis'", []),
        # Items of a list headed by a speech label are quotes of that label.
        ("Spreekuur Vries 4 bezoekers.\nReacties:\n- 'Fijn dat het hier kan'\n- 'Heel "
         "duidelijk uitgelegd'",
         [{"text": "Fijn dat het hier kan", "attribution": None},
          {"text": "Heel duidelijk uitgelegd", "attribution": None}]),
        # A list under another heading stays asked.
        ("Leesclub Vries 6 lezers.\nGelezen:\n- 'Het smelt'\n- 'De avonden'", []),
    ],
)  # fmt: skip
def test_who_said_it_around_the_words(
    catalogue: Catalogue, text: str, quotes: list[dict[str, Any]]
) -> None:
    assert read(text, catalogue)["quotes"] == quotes


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        # A noun for words said, "van" and who said them: the who is the speaker.
        ("Klik & Tik Sleen 8 cursisten. Opmerking van een cursist: 'Ik snap de app nu.'",
         [{"text": "Ik snap de app nu.", "attribution": "een cursist"}]),
        # A time of speaking before a colon heads words said then.
        ("Leesclub Sleen 6 lezers. Achteraf: 'Ik had dit boek nooit zelf gekozen.'",
         [{"text": "Ik had dit boek nooit zelf gekozen.", "attribution": None}]),
        # Words said to the writer ("kreeg te horen"); by whom only after "van".
        ("taalcafe sleen 9 mensen. kreeg te horen 'ik kom hier voor de gezelligheid'",
         [{"text": "ik kom hier voor de gezelligheid", "attribution": None}]),
        ("Taalcafé Sleen 9 mensen. Ik kreeg van een cursist te horen: 'Ik durf nu te "
         "bellen.'", [{"text": "Ik durf nu te bellen.", "attribution": "een cursist"}]),
        # Putting into words is saying.
        ("Digisterker Sleen 7 deelnemers. Een cursist formuleerde het zo: 'Ik ben niet "
         "meer bang voor de computer.'",
         [{"text": "Ik ben niet meer bang voor de computer.", "attribution": "Een cursist"}]),
        # A time phrase after a name with its age, or a people word, before the colon.
        ("Makersplaats Sleen 8 kids.\nNoor (9) na het solderen: 'Het lampje brandt!'",
         [{"text": "Het lampje brandt!", "attribution": "Noor (9)"}]),
        # "de een … de ander": each of two people.
        ("Taalcafé Sleen 6 mensen. 'Ik kom volgende week weer' zei de een, 'ik ook' zei de "
         "ander.", [{"text": "Ik kom volgende week weer", "attribution": "de een"},
                    {"text": "ik ook", "attribution": "de ander"}]),
        # Who the session was given by ("door een …") is no participant.
        ("Lezing in Sleen door een diëtist, 25 bezoekers. De diëtist zei: 'eet meer "
         "groente'. Een bezoeker zei: 'Ik ga het proberen.'",
         [{"text": "Ik ga het proberen.", "attribution": "Een bezoeker"}]),
        ("Voorlezen Sleen 8 kinderen, voorgelezen door een moeder. De moeder zei: 'Ik vond "
         "het spannend.'", [{"text": "Ik vond het spannend.", "attribution": "De moeder"}]),
        # "hij" after the writer's own sentence is never the writer.
        ("Spreekuur Sleen 3 bezoekers. Ik zei tegen een meneer 'bel gerust' en hij zei "
         "'Dat doe ik zeker.'", [{"text": "Dat doe ik zeker.", "attribution": None}]),
        # An agent noun names a person on a form line.
        ("Lezing Sleen\nAanwezig: 30\nCitaat: 'Ik ga morgen vogels tellen!'\nVan: een "
         "vogelliefhebber",
         [{"text": "Ik ga morgen vogels tellen!", "attribution": "een vogelliefhebber"}]),
        # A gesture that goes with words said aloud: the one who made it spoke.
        ("Knutselen Sleen 9 kids. Een meisje van 6 hield haar tekening omhoog: 'voor "
         "papa!'", [{"text": "voor papa!", "attribution": "Een meisje van 6"}]),
        # More speech verbs after the words; "Uitspraken:" heads a list of words said.
        ("Breicafé Sleen 8 dames. 'Dit wordt een sjaal voor mijn kleinzoon' grapte Riek.",
         [{"text": "Dit wordt een sjaal voor mijn kleinzoon", "attribution": "Riek"}]),
        ("Taalcafé Sleen 8 mensen.\nUitspraken:\n- 'Wat een fijne plek is dit'",
         [{"text": "Wat een fijne plek is dit", "attribution": None}]),
    ],
)  # fmt: skip
def test_speech_cues_and_speakers_by_role(
    catalogue: Catalogue, text: str, quotes: list[dict[str, Any]]
) -> None:
    assert read(text, catalogue)["quotes"] == quotes


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        # "Wat iemand zei:" heads words said by nobody named; "Wat zei iemand:" too.
        ("Taalcafé Sleen 8 mensen. Wat iemand zei: 'ik oefen hier elke week'",
         [{"text": "ik oefen hier elke week", "attribution": None}]),
        # A noun for words with whom they are for names no speaker: asked.
        ("Voorlezen Sleen 8 kinderen. Tip voor de ouders: 'neem een boek mee naar bed'", []),
        # The time of speaking between the label and "van", or after a dash attribution.
        ("Digisterker Sleen 8 cursisten. Reactie na afloop van een cursist: 'Ik durf nu te "
         "bankieren.'", [{"text": "Ik durf nu te bankieren.", "attribution": "een cursist"}]),
        ("Breicafé Sleen 8 dames. 'Ik brei voor de buren' - Truus (79) na afloop",
         [{"text": "Ik brei voor de buren", "attribution": "Truus (79)"}]),
        # A list headed by a noun for words and who said them.
        ("Lezing Sleen 30 bezoekers. Vragen van bezoekers:\n- 'Hoe lang duurt het?'\n- "
         "'Kost het geld?'",
         [{"text": "Hoe lang duurt het?", "attribution": None},
          {"text": "Kost het geld?", "attribution": None}]),
        # A speech verb inside the brackets after the words is no part of who.
        ("Taalcafé Sleen 8 mensen. 'Ik kom zeker terug' (zei een nieuwe cursist)",
         [{"text": "Ik kom zeker terug", "attribution": "een nieuwe cursist"}]),
        # A time phrase ending in a title noun ("na de les") heads no title.
        ("Taalcafé Sleen 8 mensen. De man uit Irak na de les: 'Ik begrijp nu meer.'",
         [{"text": "Ik begrijp nu meer.", "attribution": "De man uit Irak"}]),
        # A dash line under words on a line of their own signs them: a name with an age
        # or a people phrase; a lone word, a count, a place or a list item does not.
        ("Knutselen Sleen 9 kids\n'Mag ik dit houden?'\n- Lotte, 6",
         [{"text": "Mag ik dit houden?", "attribution": "Lotte, 6"}]),
        ("Knutselen Sleen 9 kids\n'Ik wil nog een keer!'\n- Gezellig",
         [{"text": "Ik wil nog een keer!", "attribution": None}]),
        ("Knutselen 9 kids\n'Ik wil nog een keer!'\n- Sleen",
         [{"text": "Ik wil nog een keer!", "attribution": None}]),
        # English nouns for words and who said them; a list item's bullet is no part of
        # who; a time phrase after a comma.
        ("Language café Sleen 7 people. Comment from a participant: 'I feel at home here.'",
         [{"text": "I feel at home here.", "attribution": "a participant"}]),
        ("Voorlezen Sleen 7 kinderen.\nQuotes:\n- Sem (5): 'nog een boek!'",
         [{"text": "nog een boek!", "attribution": "Sem (5)"}]),
        ("Taalcafé Sleen 8 mensen. Mevrouw Demir (51), na haar eerste telefoontje: 'Ik "
         "durfde het!'", [{"text": "Ik durfde het!", "attribution": "Mevrouw Demir (51)"}]),
    ],
)  # fmt: skip
def test_labels_that_head_words_said(
    catalogue: Catalogue, text: str, quotes: list[dict[str, Any]]
) -> None:
    assert read(text, catalogue)["quotes"] == quotes
