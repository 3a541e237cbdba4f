"""Every Dutch word the bot says, in one place to review. Plain B1, short: read on a phone.

Functions at the end build the texts that depend on a report (the summary, count questions).
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from bot.core.texts import (  # noqa: F401  re-exported: leader handlers read every text here
    COMMANDS,
    ERROR,
    NOT_REGISTERED,
    ONLY_TEXT,
    PRIVATE_ONLY,
    UNKNOWN_COMMAND,
)
from ground.dutch import weekday_date

if TYPE_CHECKING:
    from bot.leader.draft import Draft
    from toc.models import Catalogue

# The command menu of everyone registered (a manager's and an admin's add to it).
LEADER_COMMANDS = {
    "verslag": "Activiteit doorgeven",
    "mijnverslagen": "Je laatste verslagen bekijken of aanpassen",
    "annuleer": "Stop het verslag waar je mee bezig bent",
    "herinneringen": "Herinneringen aan of uit zetten",
    "naam": "Je naam in de verslagen wijzigen",
    "help": "Hoe werkt het?",
}

# -- registration -----------------------------------------------------------------------------

ROLE_NAMES = {"leider": "activiteitenleider", "manager": "manager", "admin": "beheerder"}
# Someone with more rights opens an invite for fewer: ask before anything changes.
LOWER_INVITE = (
    "Je bent nu {current}. Met deze uitnodiging word je {new}: dan kun je minder dan nu. "
    "Wil je dat?"
)
BUTTON_LOWER_YES = "Ja, word {new}"
BUTTON_LOWER_NO = "Nee, blijf {current}"
LOWER_INVITE_KEPT = (
    "Goed, je blijft {current}. De uitnodiging is niet gebruikt; iemand anders kan hem nog openen."
)
HOW_TO = (
    "Zo geef je een activiteit door:\n"
    "1. Tik /verslag en kies met de knoppen.\n"
    "2. Of typ alles in één bericht, bijv.: Voorleesuurtje Havelte 12 kinderen 8 ouders\n"
    "3. Foutje gemaakt? Met /mijnverslagen pas je het aan."
)
# /help for leaders: the short how-to of the welcome, plus the commands it leaves out.
HELP_LEADER = HOW_TO + (
    "\n\nAndere naam in de verslagen? Typ /naam en je nieuwe naam, bijv. /naam Lotte de Vries.\n"
    "Geen herinneringen meer? Typ /herinneringen uit."
)
ASK_NAME = (
    "Welkom! Je bent aangemeld als {role}.\n"
    "Met welke naam wil je in de verslagen staan? Typ je naam, of tik op de knop."
)
BUTTON_USE_NAME = "{name} is goed"
NAME_SAVED = "Dank je, {name}!\n\n" + HOW_TO
NAME_INVALID = "Typ een naam van hoogstens 40 tekens."
WELCOME_BACK = "Hoi {name}!\n\n" + HOW_TO
NAME_USAGE = (
    "Typ /naam en daarachter de naam waarmee je in de verslagen wilt staan. "
    "Bijvoorbeeld: /naam Lotte de Vries"
)
NAME_CHANGE_INVALID = (
    "Dat kan ik niet als naam gebruiken. Typ een naam zonder cijfers, van hoogstens 40 tekens. "
    "Bijvoorbeeld: /naam Lotte de Vries"
)
NAME_CHANGED = "Gedaan! In de verslagen sta je nu als {name}."

# -- choosing ---------------------------------------------------------------------------------

ASK_ACTIVITY = "Welke activiteit was het? Tik erop, of typ de naam."
ASK_ACTIVITY_IN = "Welke activiteit uit {programmalijn}? Tik erop, of typ de naam."
BUTTON_OTHER_ACTIVITY = "Andere activiteit…"
BUTTON_BACK = "« Terug"
ACTIVITY_SUGGEST = (
    "Die activiteit ken ik niet precies. Bedoel je een van deze? Of typ de naam anders."
)
ACTIVITY_UNKNOWN = "Die activiteit ken ik niet. Kies er een met de knoppen, of typ de naam anders."
ASK_VESTIGING = "Waar was het? Tik op de vestiging, of typ de plaats."
ASK_VESTIGING_IN = "Welke vestiging in {gemeente}?"
ASK_GEMEENTE = "In welke gemeente?"
BUTTON_OTHER_PLACE = "Andere plaats…"
VESTIGING_UNKNOWN = "Die plaats ken ik niet. Tik op de vestiging, of typ de plaatsnaam anders."
ASK_DATE = "Wanneer was het?"
BUTTON_TODAY = "Vandaag"
BUTTON_YESTERDAY = "Gisteren"
BUTTON_OTHER_DAY = "Andere dag"
ASK_DATE_TYPED = "Typ de datum, bijvoorbeeld 14-3, 28 nov, zaterdag of gisteren."
DATE_FUTURE = "Die dag ligt in de toekomst. Typ de dag waarop de activiteit was, bijv. 14-3."
DATE_TOO_OLD = "Die dag is meer dan een jaar geleden. Typ een recentere datum, bijv. 14-3."
DATE_UNREADABLE = "Die datum snap ik niet. Typ hem zo: 14-3, 28 nov, zaterdag of gisteren."

# -- courses (reeks) --------------------------------------------------------------------------

ASK_SERIES = "Is dit de eerste les van een nieuwe cursus, of een les van een cursus die al loopt?"
BUTTON_NEW_COURSE = "Nieuwe cursus: eerste les"
BUTTON_COURSE = "{name}: les {lesson}"
ASK_ENROLLED = "Nieuwe cursus. Hoeveel mensen zijn ingeschreven? Typ een getal."
ASK_LAST_LESSON = "Les {lesson} van {name}. Is dit de laatste les?"
BUTTON_YES = "Ja"
BUTTON_NO = "Nee"
BUTTON_EVERYONE = "Iedereen ({n})"
MEASURE_BEFORE = "Voormeting, eerste les"
MEASURE_AFTER = "Nameting, laatste les"
ASK_MEASURE = "{moment}:\n{question}\nTyp een getal van 0 tot en met {n}, of tik op Overslaan."
BUTTON_SKIP = "Overslaan"

# -- counts -----------------------------------------------------------------------------------

COUNT_LABELS = {
    "kinderen": "kinderen",
    "volwassenen": "volwassenen",
    "deelnemers": "deelnemers",
    "bezoekers": "bezoekers",
    "vragen": "vragen",
    "enrolled": "ingeschreven",
}
ASK_COUNT_ONE = "Hoeveel {label} waren er? Typ een getal."
ASK_COUNT_LESSON = "Hoeveel cursisten waren er bij deze les? Typ een getal."
ASK_COUNT_TWO = (
    "Hoeveel {first} en hoeveel {second} waren er? Typ twee getallen, bijvoorbeeld: {example}"
)
CONFIRM_COUNT = "{value} {label}, klopt dat?"
RETYPE_COUNT = "Typ dan het goede aantal {labels}."
NOT_WHOLE_NUMBER = "Typ een heel getal, bijvoorbeeld 12."
NEGATIVE_COUNT = "Een aantal kan niet onder nul zijn. Typ het aantal zonder minteken, bijv. 5."
RANGE_COUNT = (
    "Typ één aantal in plaats van „8 à 10”. Weet je het niet precies, typ dan je schatting."
)
TOO_MANY = "Dat is meer dan {max}. Typ het goede aantal."
TOO_MANY_NUMBERS = "Dat zijn te veel getallen. Ik vraag er hier {n}."
ONE_NUMBER = "Typ één getal, bijvoorbeeld 6."
NUMBER_RANGE = "Typ een getal van {low} tot en met {high}."

# -- effects and quote ------------------------------------------------------------------------

SIGNALS_ON_SUMMARY = "Zag of hoorde je iets hiervan? Tik aan wat past, en dan op Opslaan."
ASK_SIGNALS = "Wat zag of hoorde je vandaag? Tik aan wat past en dan op Klaar, of op Overslaan."
BUTTON_DONE = "Klaar"
ASK_QUOTE = "Zei iemand iets moois of opvallends? Typ het citaat. Zo niet, tik op Geen citaat."
BUTTON_NO_QUOTE = "Geen citaat"
QUOTE_EMPTY = "Het citaat is leeg. Typ wat er gezegd werd."
QUOTE_TOO_LONG = (
    "Dat citaat is {n} tekens; het mag er hoogstens {max} zijn. Typ een kortere versie."
)
QUOTE_FULL_NAME = (
    "In het citaat staat een voor- en achternaam. Laat de achternaam weg en typ het citaat "
    "opnieuw, bijv. 'de moeder van Sem' in plaats van de hele naam."
)
ASK_ATTRIBUTION = (
    "Wie zei het? Typ een rol, leeftijd of voornaam, bijv. 'moeder van Isa' of "
    "'jongen, 8 jaar'. Geen achternaam."
)
BUTTON_NO_ATTRIBUTION = "Zeg ik liever niet"
ATTRIBUTION_EMPTY = "Typ wie het zei, of tik op Zeg ik liever niet."
ATTRIBUTION_TOO_LONG = "Houd het kort: een rol, leeftijd of voornaam."
ATTRIBUTION_FULL_NAME = (
    "Schrijf geen achternaam, ook niet na mevrouw, meneer of juf. Een rol, leeftijd of voornaam "
    "is genoeg, bijv. 'moeder van Isa'."
)
ATTRIBUTION_DROPPED = (
    "Bij het citaat stond een voor- en achternaam. Die bewaar ik niet; ik vraag straks wie het zei."
)
ASK_CONSENT = "Mag dit citaat in verslagen voor de gemeente komen?"
CONSENT_YES = "Ja, met „{attribution}” erbij"
CONSENT_ANON = "Ja, maar zonder wie het zei"
CONSENT_NO = "Nee, alleen voor intern gebruik"
CONSENT_SUMMARY = {
    "ja": "mag in verslagen, met wie het zei",
    "anoniem": "mag in verslagen, anoniem",
    "nee": "alleen intern",
}

# -- extras on the summary: "Met wie?" and "Wat was bijzonder?" --------------------------------

BUTTON_PARTNERS = "➕ Met wie?"
BUTTON_PARTNERS_CHANGE = "✏️ Met wie?"
BUTTON_STORY = "➕ Wat was bijzonder?"
BUTTON_STORY_CHANGE = "✏️ Wat was bijzonder?"
ASK_PARTNERS = (
    "Met welke partners deed je dit? Typ de namen met een komma ertussen, "
    "bijv.: Theater Havelte, Dorpshuis Dwingeloo"
)
BUTTON_NO_PARTNERS = "Geen partners"
PARTNERS_EMPTY = "Typ de naam van een partner, bijv. Theater Havelte. Of tik op Terug."
PARTNER_PERSON = (
    "'{name}' lijkt de naam van een persoon. Noem hier organisaties, bijv. Theater Havelte "
    "of 'de buurtvereniging'; typ de partners opnieuw."
)
PARTNERS_TOO_MANY = "Noem hoogstens {max} partners. Typ de namen met een komma ertussen."
PARTNER_TOO_LONG = (
    "Een naam is langer dan {max} tekens. Zet een komma tussen de partners, "
    "bijv.: Theater Havelte, Dorpshuis Dwingeloo"
)
ASK_STORY = (
    "Wat was er bijzonder? Vertel het in één of twee zinnen, zonder namen van deelnemers. "
    "Bijv.: 11 kinderen maakten een eigen theaterstuk en speelden het voor hun ouders."
)
BUTTON_NO_STORY = "Verhaal weghalen"
STORY_EMPTY = "Typ in één of twee zinnen wat er bijzonder was. Of tik op Terug."
STORY_TOO_LONG = (
    "Dat zijn {n} tekens; het mogen er hoogstens {max} zijn. Typ een kortere versie van "
    "één of twee zinnen."
)
STORY_FULL_NAME = (
    "Er staat een voor- en achternaam in. Typ het opnieuw zonder namen, "
    "bijv. 'een moeder' of 'een jongen van 8' in plaats van de naam."
)
ASK_STORY_CONSENT = "Mag dit in verslagen voor de gemeente komen?"
STORY_CONSENT_YES = "Ja, met plaats en datum"
STORY_CONSENT_ANON = "Ja, zonder plaats en datum"
STORY_CONSENT_NO = "Nee, alleen voor intern gebruik"
STORY_CONSENT_SUMMARY = {
    "ja": "mag in verslagen, met plaats en datum",
    "anoniem": "mag in verslagen, zonder plaats en datum",
    "nee": "alleen intern",
}

# -- summary and saving -----------------------------------------------------------------------

UNDERSTOOD = "Dit heb ik begrepen:"
SUMMARY_HEAD = "Klopt dit?"
BUTTON_SAVE = "Opslaan"
BUTTON_EDIT = "Wijzigen"
BUTTON_CANCEL = "Annuleren"
ASK_WHAT_TO_CHANGE = "Wat wil je wijzigen?"
EDIT_LABELS = {
    "activiteit": "Activiteit",
    "vestiging": "Plaats",
    "datum": "Datum",
    "aantallen": "Aantallen",
    "effecten": "Wat je zag",
    "citaat": "Citaat",
}
SAVED = "Opgeslagen ✅ Dank je wel!"
SAVED_CHANGE = "Opgeslagen ✅ Je wijziging staat erin."
ALREADY_SAVED = "Dit verslag is al opgeslagen."
# The same activity, place, day and counts were saved by the same person a little earlier.
SAME_REPORT = (
    "Dit verslag heb je {when} al opgeslagen. Wil je het nog een keer opslaan, "
    "bijvoorbeeld omdat het een tweede keer was?"
)
BUTTON_SAVE_ANYWAY = "Toch opslaan"
BUTTON_DONT_SAVE = "Niet opslaan"
NOT_SAVED_AGAIN = "Goed, ik heb het niet nog een keer opgeslagen. Het eerste verslag staat erin."
NOT_SAVED = (
    "Het opslaan is niet gelukt, je verslag is dus nog niet opgeslagen. "
    "Ik heb alles bewaard: tik straks nog eens op Opslaan."
)
# Another program holds the database (an import): the draft from before is still there.
NOT_SAVED_BUSY = (
    "Het is even te druk, je verslag is dus nog niet opgeslagen. Wat je invulde staat nog "
    "klaar: tik over een minuut nog eens op Opslaan."
)
NOT_SAVED_INVALID = (
    "Dit kan ik niet opslaan: {reason}\n"
    "Je verslag is bewaard. Tik op Wijzigen om het aan te passen."
)
CANCELLED = "Gestopt. Er is niets opgeslagen."
NOTHING_TO_CANCEL = "Je was niet met een verslag bezig."
BUSY = "Je was nog bezig met een verslag. We gaan verder waar je was; met /annuleer stop je het."
USE_BUTTONS = "Tik op een van de knoppen hierboven. Met /annuleer stop je het verslag."
STALE_BUTTON = "Deze knop is verlopen."
# A message read two ways: the parser's question, a button per candidate (issue 17).
BUTTON_SAID = "Iemand zei het"
BUTTON_NOT_SAID = "Titel of iets anders"
BUTTON_OTHER = "Anders"


def day_button(iso_day: str) -> str:
    """'do 30-10' for a candidate day."""
    from datetime import date

    from intake.texts import short_day

    return short_day(date.fromisoformat(iso_day))


# A question typed instead of a report (issue 17).
FIGURES_QUESTION = (
    "Dat is een vraag over de cijfers, geen verslag. Het antwoord zie je met {command}"
)
NOT_A_REPORT = "Dat lijkt geen verslag van een activiteit.\n\n" + HOW_TO
# A day in a one-message report that cannot be the session's day; the date is asked next.
DAY_DOES_NOT_EXIST = "De datum {day} bestaat niet."
DAY_AHEAD = "De datum {day} ligt in de toekomst."
NOT_UNDERSTOOD = (
    "Dat begrijp ik niet helemaal. Begin een verslag met /verslag, of typ alles in één "
    "bericht, bijvoorbeeld:\nVoorleesuurtje Havelte 12 kinderen 8 ouders"
)

# -- corrections ------------------------------------------------------------------------------

MY_REPORTS_NONE = "Je hebt nog geen verslagen doorgegeven."
MY_REPORTS_HEAD = "Je verslagen, het laatst opgeslagen eerst. Tik op Wijzigen of Verwijderen."
MY_REPORTS_OLDER_HEAD = "Oudere verslagen:"
MY_REPORTS_MORE = "Zoek je een ouder verslag? Tik op de knop."
MY_REPORTS_END = "Dit waren al je verslagen."
BUTTON_OLDER = "Oudere verslagen"
BUTTON_DELETE = "Verwijderen"
CONFIRM_DELETE = "Weet je zeker dat je dit verslag wilt verwijderen?\n{line}"
BUTTON_DELETE_YES = "Ja, verwijderen"
BUTTON_KEEP = "Nee, laten staan"
DELETED = "Verwijderd. Het verslag telt niet meer mee."
KEPT = "Het verslag blijft staan."
REPORT_GONE = "Dit verslag bestaat niet meer."
FINISH_FIRST = (
    "Je bent nog bezig met een ander verslag. Rond dat eerst af, of stop het met /annuleer."
)

# -- tally of a paper or hand-raise version (people without a phone) -------------------------

BUTTON_TALLY = "Telling invoeren"
TALLY_ASK_STATEMENT = (
    "Vroeg je het op papier of met handen omhoog? Welke vraag stelde je? Tik erop."
)
TALLY_STATEMENTS = {
    "kennis": "Ik heb iets nieuws geleerd",
    "vertrouwen": "Ik heb meer zelfvertrouwen",
    "toepassing": "Ik ga het gebruiken",
    "bewustzijn": "Ik weet wat de bieb biedt",
}
TALLY_ASK_EFFECT = "Over welk doel ging de vraag? Tik erop."
TALLY_ASK_NUMBERS = (
    "„{statement}”: hoeveel mensen zeiden ja, en hoeveel waren er? "
    "Typ bijvoorbeeld: 6 van 8. Met /annuleer stop je."
)
TALLY_FORMAT = "Typ twee getallen: hoeveel ja zeiden en hoeveel er waren, bijvoorbeeld: 6 van 8."
TALLY_TOO_MANY_YES = "Er kunnen niet meer mensen ja zeggen dan er waren. Typ bijvoorbeeld: 6 van 8."
TALLY_OVER_ATTENDANCE = (
    "Bij deze activiteit waren {n} deelnemers. Typ hoeveel er meededen, hoogstens {n}."
)
TALLY_SAVED = "Opgeslagen ✅ {agreed} van de {total} zeiden ja op „{statement}”."
TALLY_GONE = "Dit verslag bestaat niet meer. Er is geen telling opgeslagen."

# -- formatting -------------------------------------------------------------------------------


def count_question(fields: list[str], lesson: bool) -> str:
    labels = [COUNT_LABELS[f] for f in fields]
    if lesson:
        return ASK_COUNT_LESSON
    if len(labels) == 1:
        return ASK_COUNT_ONE.format(label=labels[0])
    example = "5 9" if "vragen" in fields else "12 8"
    return ASK_COUNT_TWO.format(first=labels[0], second=labels[1], example=example)


def counts_line(counts: dict[str, int]) -> str:
    order = ["kinderen", "volwassenen", "deelnemers", "bezoekers", "vragen"]
    return ", ".join(f"{counts[k]} {COUNT_LABELS[k]}" for k in order if k in counts)


def summary(draft: Draft, catalogue: Catalogue, course: str | None = None) -> str:
    """The report as far as it is known: one line per part."""
    lines: list[str] = []
    if draft.activity:
        lines.append(f"Activiteit: {catalogue.activities[draft.activity].name}")
    if draft.vestiging:
        lines.append(f"Plaats: {catalogue.vestigingen[draft.vestiging].name}")
    if draft.date:
        lines.append(f"Datum: {weekday_date(draft.date)}")
    if course:
        lines.append(f"Cursus: {course}")
    if draft.enrolled is not None:
        lines.append(f"Ingeschreven: {draft.enrolled}")
    if draft.counts:
        lines.append(f"Aantallen: {counts_line(draft.counts)}")
    for effect_id, able in draft.measurements.items():
        if able is not None and effect_id in catalogue.effects:
            effect = catalogue.effects[effect_id]
            moment = "Voormeting" if draft.series_choice == "new" else "Nameting"
            lines.append(f"{moment}: {measure_line(effect.measure_question, effect.name, able)}")
    seen = [found[0].text for s in draft.signals if (found := catalogue.signal(s))]
    # effects ticked as such in a report from before signals: kept, shown by name
    seen += [catalogue.effects[e].name for e in draft.effects if e in catalogue.effects]
    if seen:
        lines.append("Gezien: " + "; ".join(seen))
    extras = ["Met wie: " + ", ".join(draft.partners)] if draft.partners else []
    for story in draft.stories:
        consent = f" [{STORY_CONSENT_SUMMARY[story.consent]}]" if story.consent else ""
        extras.append(f"Bijzonder: „{story.text}”{consent}")
    # Many long quotes would not fit one Telegram message (4096 characters): then each is
    # shown by its start; all of every quote is stored.
    used = sum(len(line) for line in [*lines, *extras])
    room = max(80, (SUMMARY_ROOM - used) // max(1, len(draft.quotes)))
    for quote in draft.quotes:
        who = f" ({quote.attribution})" if quote.attribution else ""
        consent = f" [{CONSENT_SUMMARY[quote.consent]}]" if quote.consent else ""
        text = quote.text
        if len(text) + len(who) + len(consent) + 12 > room:
            text = text[: max(40, room - len(who) - len(consent) - 13)].rstrip() + "…"
        lines.append(f"Citaat: „{text}”{who}{consent}")
    return "\n".join([*lines, *extras])


# What a summary may fill of a message, leaving room for the question around it.
SUMMARY_ROOM = 3500


def measure_line(question: str | None, name: str, able: int) -> str:
    """A count answered to a meetvraag, as a sentence.

    'Hoeveel cursisten kunnen zelfstandig een e-mail versturen?' and 5 ->
    '5 cursisten kunnen zelfstandig een e-mail versturen' (1: '1 van de cursisten kan …').
    """
    match = re.fullmatch(r"Hoeveel (\w+) kunnen (.+?)\??", (question or "").strip())
    if match is None:
        return f"{question or name}: {able}"
    who, what = match[1], match[2]
    if able == 1:
        return f"1 van de {who} kan {what}"
    return f"{able} {who} kunnen {what}"


def course_label(name: str | None, lesson: int | None, last: bool | None) -> str | None:
    if name is None and lesson is None:
        return None
    parts = [name or "nieuwe cursus"]
    if lesson:
        parts.append(f"les {lesson}")
    if last:
        parts.append("laatste les")
    return ", ".join(parts)


def report_line(day: date, activity: str, place: str, counts: dict[str, int]) -> str:
    """One stored report, as /mijnverslagen lists it."""
    return f"{weekday_date(day)}: {activity}, {place} ({counts_line(counts) or 'geen aantallen'})"


# -- asking the participants (bot.leader.survey) ----------------------------------------------

BUTTON_ASK_PARTICIPANTS = "Vraag de deelnemers"
ASK_PARTICIPANTS = (
    "Laat deze QR-code zien aan de deelnemers van {activity} in {place} ({day}), of print hem. "
    "Ze beantwoorden {n} korte vragen, anoniem, in een halve minuut.\n"
    "{how}\n"
    "De link werkt tot en met {until}."
)
ASK_VIA_WEB = "De QR-code opent een webpagina: {web}\nOf antwoord in Telegram: {telegram}"
ASK_VIA_TELEGRAM = "De QR-code opent de vragen in Telegram: {telegram}"
NO_PARTICIPANT_QUESTIONS = "Voor deze activiteit zijn er geen vragen voor deelnemers."
SURVEY_NOT_YOURS = "Alleen wie dit verslag gaf, kan de deelnemers vragen."
SURVEY_CLOSED = "De vragen voor deze bijeenkomst zijn gesloten: ze werken {days} dagen."
SURVEY_CAPPED = (
    "De vragen voor deze bijeenkomst zijn gesloten: er kwamen meer antwoorden dan er "
    "deelnemers waren."
)
# Ask by lot (the catalogue's "een_op" for the activity), drawn once after Opslaan.
LOT_DRAWN = "Vandaag vragen we de deelnemers: 1 op de {n} bijeenkomsten, door loting."
LOT_NOT_DRAWN = (
    "Vandaag is deze bijeenkomst niet geloot om de deelnemers te vragen (1 op de {n} "
    "bijeenkomsten, door loting). Wil je het toch vragen? Dat kan; het telt apart."
)
SURVEY_TOO_OLD = (
    "Deze bijeenkomst is meer dan {days} dagen geleden. Vraag de deelnemers na een nieuwe."
)
SURVEY_NO_SESSION = "Dit verslag bestaat niet meer."

# -- a photo with a report (bot.leader.photos) ------------------------------------------------
PHOTO_NO_REPORT = (
    "Een foto hoort bij een verslag. Stuur eerst je verslag; stuur de foto daarna opnieuw."
)
PHOTO_TOO_BIG = "Deze foto is te groot. Stuur een kleinere foto (hoogstens 2 MB)."
PHOTO_CONSENT = (
    "Mooi, een foto bij {activity} van {day}. Mag hij in het verslag voor de gemeente? Kies wat "
    "klopt. Een kind mag er alleen op als een ouder het goed vindt."
)
BUTTON_PHOTO_NOBODY = "Niemand is herkenbaar"
BUTTON_PHOTO_AGREED = "De mensen op de foto vinden het goed"
BUTTON_PHOTO_PARENT = "Er staat een kind op; een ouder vindt het goed"
BUTTON_PHOTO_SKIP = "Niet bewaren"
PHOTO_ASK_ALT = (
    "Wat staat er op de foto? Schrijf het in een paar woorden, voor wie de foto niet kan zien. "
    "Geen namen."
)
PHOTO_NOT_KEPT = "Goed, ik bewaar de foto niet."
PHOTO_GONE = "Deze foto is er niet meer. Stuur hem opnieuw."
PHOTO_SAVED = (
    "De foto is bewaard bij {activity} van {day}. Een manager bekijkt hem; daarna kan hij in "
    "het verslag voor de gemeente."
)
PHOTO_FAILED = "Het ophalen van de foto lukte niet. Stuur hem nog een keer."
