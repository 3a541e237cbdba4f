"""Every word a participant reads, in Telegram and on the web page (B1, short, friendly)."""

from __future__ import annotations

# The 5-point scale, from 1 to 5 (Project Outcome's strongly disagree .. strongly agree).
SCALE = (
    "Helemaal niet mee eens",
    "Niet mee eens",
    "Neutraal",
    "Mee eens",
    "Helemaal mee eens",
)

INTRO = (
    "Hoi! Je was bij {activity} in {place} op {day}. "
    "Wil je {n} korte vragen beantwoorden? Het kost maar een halve minuut. "
    "Je antwoord is anoniem: we bewaren je naam en je Telegram-nummer niet."
)
INTRO_PARENT = (
    "Hoi! Jullie waren bij {activity} in {place} op {day}. "
    "Wil je {n} korte vragen beantwoorden over je kind? Het kost maar een halve minuut. "
    "Je antwoord is anoniem: we bewaren je naam en je Telegram-nummer niet."
)
STATEMENT = "Vraag {i} van {n}. In hoeverre ben je het eens met deze zin?\n\n„{text}”"
ANSWERED = "Dank je wel! Je antwoorden zijn opgeslagen."
ASK_WORDS = (
    "Nog één vraag, als je wilt: wat neem je mee van vandaag? Typ het in een bericht. "
    "Geen zin? Tik op Overslaan."
)
# Added for a registered person (a leader trying their own link): their plain messages
# stay reports, so their words must be a reply to the question.
ASK_WORDS_REPLY = (
    "Jij staat zelf ook in de bot. Wil je iets typen? Tik dan eerst op dit bericht en kies "
    "Beantwoorden. Een gewoon bericht lezen we als verslag."
)
BUTTON_SKIP = "Overslaan"
ASK_CONSENT = "Mogen we jouw woorden laten zien in een verslag van de bibliotheek?\n„{text}”"
CONSENT_YES = "Ja, als „{attribution}”"
CONSENT_ANON = "Ja, zonder wie ik ben"
CONSENT_NO = "Nee, alleen voor de bibliotheek"
WORDS_SAVED = "Dank je wel voor je woorden!"
WORDS_TOO_LONG = "Dat is wat lang. Kun je het in minder dan {n} tekens zeggen?"
WORDS_FULL_NAME = (
    "Er staat een volledige naam in. Schrijf het nog eens met alleen een voornaam, of zonder "
    "naam (bijvoorbeeld „mijn buurvrouw”)."
)
ASK_FOLLOWUP = (
    "Mogen we je over {weeks} weken één vraag sturen: heb je het gebruikt? "
    "Daarvoor bewaren we tot dan alleen je chatnummer. Stoppen kan altijd met /stop."
)
BUTTON_FOLLOWUP_YES = "Ja, stuur de vraag"
BUTTON_FOLLOWUP_NO = "Nee, dank je"
FOLLOWUP_SET = (
    "Goed! Over {weeks} weken krijg je één vraag. Daarna bewaren we niets meer van je. "
    "Stoppen kan altijd: stuur /stop."
)
BUTTON_STOP = "Stop, geen vraag meer"
FOLLOWUP_ALREADY = "Dat staat al goed. Je krijgt die ene vraag maar één keer."
DONE = "Klaar. Dank je wel! We bewaren niets van je: geen naam en geen Telegram-nummer."
ALREADY = "Je hebt deze vragen al beantwoord. Dank je wel!"
CLOSED = "Deze vragen zijn gesloten: ze werken alleen de eerste weken na de bijeenkomst."
# More people answered than took part (plus a margin): closed against filling it in again
# and again (store.survey.respondent_limit).
CLOSED_FULL = "Deze vragen zijn gesloten: er zijn al genoeg antwoorden binnen. Dank je wel!"
CAPPED_LEADER = (
    "De vragen voor de deelnemers van {activity} op {day} zijn gesloten: er antwoordden al "
    "{limit} mensen, meer dan er deelnemers waren. Misschien vulde iemand ze vaker in. "
    "De antwoorden die er al zijn, blijven bewaard."
)
UNKNOWN = (
    "Deze link kennen we niet. Scan de QR-code nog een keer, "
    "of vraag de begeleider om de goede link."
)
STALE_BUTTON = "Deze vraag is al beantwoord."

FOLLOWUP_QUESTION = (
    "Een paar weken geleden was je bij {activity} in {place}. Je vroeg om deze ene vraag. "
    "In hoeverre ben je het eens met deze zin?\n\n„{text}”"
)
FOLLOWUP_STATEMENT = "Ik heb gebruikt wat ik daar leerde."
FOLLOWUP_STATEMENT_PARENT = "We hebben thuis gebruikt wat we daar leerden."
FOLLOWUP_THANKS = "Dank je wel! Dit was de laatste vraag. We bewaren niets meer van je."
STOPPED = "Gestopt. Je krijgt geen vraag meer van ons, en we bewaren niets meer van je."
NOTHING_TO_STOP = "Er staat geen vraag meer voor je klaar. We bewaren niets van je."

ATTRIBUTION = "een deelnemer"
ATTRIBUTION_PARENT = "een ouder"


def weeks(days: int) -> str:
    """'5' for 35 days; '4 à 5' when it falls between whole weeks."""
    whole, rest = divmod(days, 7)
    if rest == 0:
        return str(whole)
    return f"{whole} à {whole + 1}" if whole else "een paar"


# -- the web page ----------------------------------------------------------------------------

WEB_TITLE = "Wat vond je van {activity}?"
WEB_INTRO = (
    "Je was bij {activity} in {place} op {day}. Beantwoord {n} korte vragen. "
    "Het is anoniem: we vragen je naam niet."
)
WEB_INTRO_PARENT = (
    "Jullie waren bij {activity} in {place} op {day}. Beantwoord {n} korte vragen over je kind. "
    "Het is anoniem: we vragen je naam niet."
)
WEB_WORDS_LABEL = "Wat neem je mee van vandaag? (mag je overslaan)"
WEB_CONSENT_LEGEND = "Mogen we jouw woorden laten zien in een verslag van de bibliotheek?"
WEB_CONSENT_YES = "Ja, als „{attribution}”"
WEB_SUBMIT = "Versturen"
WEB_TELEGRAM_ASK = "Liever in Telegram?"
WEB_TELEGRAM = "Antwoord in Telegram"
WEB_THANKS_TITLE = "Dank je wel!"
WEB_THANKS = "Je antwoorden zijn opgeslagen. We bewaren je naam niet."
WEB_ALREADY = "Je hebt deze vragen al beantwoord op deze telefoon. Dank je wel!"
WEB_CLOSED_TITLE = "Deze vragen zijn gesloten"
WEB_UNKNOWN_TITLE = "Deze pagina bestaat niet"
WEB_MISSING = "Kies bij elke vraag een antwoord. Je keuzes staan er nog."
WEB_EXPIRED_FORM = "Het formulier was verlopen. Probeer het nog een keer."
WEB_TOO_MANY = "Er komen te veel antwoorden tegelijk binnen. Probeer het over een minuut nog eens."
WEB_ERROR_TITLE = "Er ging iets mis"
# The database is held by another program for a while, or the server's disk is full: the
# answers were not stored, the form keeps them.
WEB_BUSY = (
    "Het is even te druk, daardoor zijn je antwoorden nog niet opgeslagen. Je keuzes staan er "
    "nog: probeer het over een minuut nog eens."
)
WEB_FULL = (
    "Je antwoorden kunnen nu niet worden opgeslagen: de server heeft geen ruimte meer. "
    "Probeer het later nog eens."
)
