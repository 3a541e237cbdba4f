"""Every Dutch word the bot says to managers and admins (and in reminders), in one place.

Plain B1, short: a manager reads it on a phone between meetings. The texts that depend on
figures are built by the functions in bot/manager_format.py.
"""

from __future__ import annotations

# -- access and arguments ---------------------------------------------------------------------

MANAGERS_ONLY = (
    "Dit commando is alleen voor managers. Jij kunt met /verslag een activiteit doorgeven."
)
ADMINS_ONLY = "Dit kan alleen een beheerder doen."
# {place} may start lower-case ("gemeente Aa en Hunze"): use access.not_your_gemeente().
NOT_YOUR_GEMEENTE = "Je ziet alleen gegevens van gemeente {own}. {place} hoort daar niet bij."
PLACE_SUGGEST = "„{text}” ken ik niet als gemeente of vestiging. Bedoel je: {names}?"
PLACE_UNKNOWN = (
    "„{text}” ken ik niet als gemeente of vestiging. Typ de naam van een gemeente of plaats, "
    "bijvoorbeeld Westerveld of Havelte."
)
YEAR_INVALID = "„{text}” is geen jaartal. Typ bijvoorbeeld /{command} 2025."
YEAR_OUT_OF_RANGE = "Over dat jaar kan ik niets maken. Kies een jaar van {first} tot en met {last}."
ASK_YEAR = "Van welk jaar?"
BUTTON_INVALID = "Deze knop werkt niet meer. Typ /{command} om opnieuw te beginnen."
UNKNOWN_COMMAND = "Dat commando ken ik niet. Typ /help: dan zie je wat je mij kunt vragen."

# -- command menus and help -------------------------------------------------------------------

MANAGER_COMMANDS = {
    "stand": "Waar staan we? Cijfers per opgave",
    "citaten": "Laatste citaten; /citaten nieuw om te beoordelen",
    "fotos": "Nieuwe foto's bij verslagen beoordelen",
    "gaten": "Wat ontbreekt er nog?",
    "rapport": "Impactreflectie als HTML en PDF",
    "export": "Verslagen als Excel en CSV",
    "uitnodigen": "Uitnodiging voor een nieuwe gebruiker",
    "kengetal": "Jaarcijfer invoeren (leden, uitleningen…)",
}
ADMIN_COMMANDS = {"vergeet": "Gegevens wissen (AVG)"}

HELP_MANAGER = (
    "Dit kun je mij vragen:\n"
    "/stand – waar staan we dit jaar? Ook: /stand Havelte maand\n"
    "/citaten – de laatste citaten; /citaten nieuw om ze te beoordelen\n"
    "/fotos – nieuwe foto's bij verslagen goedkeuren of afwijzen\n"
    "/verhaal Voorleesuurtje: … – een langer verhaal voor het verslag (hoogstens 250 woorden)\n"
    "/gaten – wat ontbreekt: verslagen, stille begeleiders, effecten nog niet gemeten\n"
    "/rapport 2025 – de impactreflectie als HTML en PDF (met intern erachter: de interne versie)\n"
    "/export 2025 – alle verslagen als Excel- en CSV-bestand\n"
    "/uitnodigen leider Havelte – een uitnodigingslink\n"
    "/kengetal – een jaarcijfer invoeren, zoals leden of uitleningen\n"
    "/herinneringen uit – geen herinneringen meer\n"
    "/naam Mark de Vries – de naam waarmee je in de verslagen staat\n"
    "Elke maandag stuur ik je een weekoverzicht. Zelf een activiteit doorgeven kan met /verslag."
)
HELP_ADMIN_EXTRA = (
    "\n/vergeet – een citaat, een verhaal, een foto of alle gegevens van een persoon wissen (AVG)"
)

# -- /stand -----------------------------------------------------------------------------------

PERIOD_LABELS = {"jaar": "Jaar", "maand": "Maand", "week": "Week"}
STAND_HEAD = "Stand {scope}: {period}"
STAND_TOTAL = "Totaal: {n}, {p} {trend}"  # n, p: "1 bijeenkomst", "8 deelnemers"
STAND_PREVIOUS = "(vorig jaar: {n} en {p})"  # with their units, like STAND_TOTAL
STAND_EMPTY = "Nog geen verslagen in deze periode."
# The one verdict per effect, as in the year report (reports/grading.py says the rule).
STAND_VERDICTS = "Beoogde effecten {year}, zoals in het jaarverslag: {counts}"
STAND_CONTRACT = "Afspraak {year}: {done} van {target} activiteiten {bar} {percent}%"
STAND_ON_TRACK = "Op schema ✅"
STAND_BEHIND = "Achter op schema: rond nu verwacht {expected}"
STAND_OPGAVE = "{name}: {n}, {p} {trend}"
STAND_VOICE = "  Deelnemers zelf: {people} {gave} antwoord"  # gaf (1) / gaven
STAND_VOICE_NONE = "  Deelnemers zelf: nog niet gevraagd"
STAND_LINE = "• {name}: {n} keer, {p} {trend}"
STAND_PER_ACTIVITY = "Afspraken per activiteit: {good} van {n} op schema"
CONTRACT_HEAD = "Afspraken {year}, {scope}:"
CONTRACT_TOTAL = "Pakket"
CONTRACT_LINE = "• {name}: {done} van {target} {bar} {mark}"
CONTRACT_EXPECTED = "(verwacht nu {n})"
BUTTON_CONTRACT = "Afspraken"
STAND_TREND_HELP = "▲▼ = meer of minder deelnemers dan vorig jaar in dezelfde periode"
STAND_DETAIL_HEAD = "{opgave}, {scope}: {period}"
BUTTON_WHOLE = "Hele organisatie"
BUTTON_BACK = "« Terug"
STAND_NO_YEAR = (
    "Met /stand zie je dit jaar tot nu toe. Je kunt er jaar, maand of week achter zetten, "
    "bijvoorbeeld /stand Westerveld maand. Wil je een heel jaar dat voorbij is? "
    "Typ dan /rapport {year}."
)

# -- /gaten -----------------------------------------------------------------------------------

GAPS_HEAD = "Wat ontbreekt er in {scope} ({year})?"
GAPS_NONE = "Niets! Alles op het rooster is doorgegeven en iedereen meldt. Mooi werk."
GAPS_MISSING = "Op het rooster, maar geen verslag ({n}):"
GAPS_SILENT = "Al 4 weken geen verslag ({n}):"
GAPS_NEVER = "nog nooit"
GAPS_LAST = "laatst {day}"
GAPS_EFFECTS = "Effecten nog niet gemeten dit jaar ({n}):"
GAPS_MORE = "…en nog {n}"

# -- /citaten ---------------------------------------------------------------------------------

QUOTES_HEAD = "Laatste citaten, {scope}:"
QUOTES_HEAD_FILTER = "Laatste citaten over {what}, {scope}:"
QUOTES_NONE = "Er zijn nog geen citaten die naar buiten mogen."
QUOTES_AWAITING = "{n} citaten wachten op je oordeel: /citaten nieuw"
QUOTES_AWAITING_ONE = "1 citaat wacht op je oordeel: /citaten nieuw"
STORIES_AWAITING = "{n} verhalen (wat was bijzonder) wachten op je oordeel: /citaten nieuw"
STORIES_AWAITING_ONE = "1 verhaal (wat was bijzonder) wacht op je oordeel: /citaten nieuw"
QUOTE_NEW_MARK = " (nog niet beoordeeld)"
FILTER_UNKNOWN = (
    "„{text}” ken ik niet als opgave of activiteit. Typ bijvoorbeeld /citaten voorleesuurtje "
    "of /citaten participatie."
)
FILTER_SUGGEST = "„{text}” ken ik niet. Bedoel je: {names}?"

# -- /citaten nieuw ---------------------------------------------------------------------------

REVIEW_NONE = "Er wachten geen citaten of verhalen op beoordeling. 👍"
REVIEW_DONE = "Klaar! Er wachten geen citaten of verhalen meer."
REVIEW_LATER_ONE = "Dat was de laatste. Er wacht nog 1 die je voor later bewaarde: /citaten nieuw"
REVIEW_LATER_MANY = (
    "Dat was de laatste. Er wachten nog {n} die je voor later bewaarde: /citaten nieuw"
)
REVIEW_CARD = "Citaat om te beoordelen ({n} te gaan):\n„{text}”\n— {who}\n{where}"
REVIEW_CONSENT = {
    "ja": "{attribution} (mag met naam)",
    "anoniem": "anoniem: er komt „een deelnemer” bij te staan",
    "nee": "alleen voor intern gebruik: dit citaat komt niet in verslagen",
}
REVIEW_INTERNAL = "Dit citaat is alleen voor intern gebruik. Het hoeft niet beoordeeld te worden."
BUTTON_APPROVE = "Goedkeuren"
BUTTON_SHORTEN = "Inkorten"
BUTTON_REJECT = "Afwijzen"
BUTTON_LATER = "Later"
BUTTON_NO_SHORTEN = "Toch niet inkorten"
ASK_SHORTER = (
    "Typ de kortere versie. Laat alleen woorden weg: het origineel blijft bewaard.\n„{text}”"
)
APPROVED = "Goedgekeurd ✅"
REJECTED = "Afgewezen: dit citaat komt niet in verslagen."
SHORTENED = "Ingekort en goedgekeurd ✅\n„{text}”"
# "Wat was bijzonder?": a leader's story of a session, reviewed after the quotes.
STORY_CARD = "Verhaal om te beoordelen ({n} te gaan):\n„{text}”\n{consent}\n{where}"
STORY_CONSENT = {
    "ja": "Mag in verslagen, met plaats en datum.",
    "anoniem": "Mag in verslagen, zonder plaats en datum.",
    "nee": "Alleen voor intern gebruik: dit verhaal komt niet in verslagen.",
}
STORY_INTERNAL = "Dit verhaal is alleen voor intern gebruik. Het hoeft niet beoordeeld te worden."
STORY_DECIDED = "Dit verhaal is al beoordeeld of bestaat niet meer."
STORY_GONE = "Dit verhaal bestaat niet meer."
STORY_REJECTED = "Afgewezen: dit verhaal komt niet in verslagen."

# -- /rapport and /export ---------------------------------------------------------------------

REPORT_BUSY = (
    "Even geduld: ik maak de impactreflectie {year} voor {scope}. Dat duurt een paar seconden."
)
REPORT_HTML = "Impactreflectie {year}, {scope}{edition}. Het HTML-bestand opent in je browser."
REPORT_PDF = "Impactreflectie {year}, {scope}{edition} (PDF)."
# The gemeente edition is the public account; the intern one adds the lessons for ourselves.
EDITIONS = {"gemeente": "", "intern": ", interne versie"}
# How to ask for the quotes, stories and photos not reviewed yet (reports.review).
ASK_UNREVIEWED = "/rapport {year} onbeoordeeld"
EXPORT_EMPTY = "Er zijn geen verslagen uit {year} voor {scope}."
EXPORT_XLSX = "Verslagen {year}, {scope}: {n} (Excel)."
EXPORT_CSV = "Dezelfde verslagen als CSV (puntkomma's; opent goed in Nederlandse Excel)."
# A CSV file holds one table: what the Excel file has on its other sheets comes as its own CSV.
EXPORT_CSV_MORE = {
    "totalen": "De totalen per maand of jaar als CSV (in het Excel-bestand: werkblad Totalen).",
    "antwoorden": (
        "De antwoorden van deelnemers als CSV, geteld per bijeenkomst, nooit per persoon (in "
        "het Excel-bestand: werkblad Antwoorden deelnemers)."
    ),
    "fotos": "De foto's bij de verslagen (ZIP), met in fotos.csv wat er op staat.",
}
DOCUMENT_FAILED = "Het maken van het bestand is niet gelukt. Probeer het later nog eens."
ORGANISATION = "de hele organisatie"

# -- /uitnodigen ------------------------------------------------------------------------------

INVITE_USAGE = (
    "Zo maak je een uitnodiging: /uitnodigen leider of /uitnodigen manager, eventueel met "
    "gemeente en vestiging. Bijvoorbeeld: /uitnodigen leider Westerveld Havelte"
)
INVITE_ROLE_UNKNOWN = "„{text}” is geen rol. Kies leider of manager."
INVITE_NO_ADMIN = "Alleen een beheerder kan een beheerder uitnodigen."
INVITE_MISMATCH = "{vestiging} hoort bij gemeente {own}, niet bij {gemeente}."
INVITE_DONE = (
    "Uitnodiging voor een {role}{where}. Stuur deze link door; hij werkt één keer, "
    "tot {until}:\n{link}"
)

# -- /kengetal --------------------------------------------------------------------------------

KENGETAL_USAGE = (
    "Typ /kengetal JAAR GEMEENTE NAAM WAARDE, bijvoorbeeld: /kengetal 2025 Westerveld leden 4120. "
    "Of typ alleen /kengetal en kies met de knoppen."
)
KENGETAL_UNKNOWN = "„{text}” ken ik niet als kengetal. Kies uit: {names}."
KENGETAL_VALUE_INVALID = "„{text}” is geen getal. Typ bijvoorbeeld 4120 of 4.120."
KENGETAL_NOT_WHOLE = "Een kengetal is een heel getal, zonder komma. Typ bijvoorbeeld 4120 of 4.120."
KENGETAL_NEGATIVE = "Een kengetal kan niet negatief zijn. Typ bijvoorbeeld 4120 of 4.120."
KENGETAL_VESTIGING = (
    "{vestiging} is een vestiging. Een kengetal hoort bij een gemeente: {vestiging} valt onder "
    "gemeente {gemeente}. Typ bijvoorbeeld: /kengetal {year} {gemeente} {kengetal} {value}"
)
ASK_KENGETAL_GEMEENTE = "Voor welke gemeente?"
ASK_KENGETAL_NAME = "Welk kengetal voor {gemeente} in {year}?"
ASK_KENGETAL_VALUE = "{name}, {gemeente}, {year}. Nu: {current}. Typ de nieuwe waarde."
KENGETAL_NO_VALUE = "nog niet ingevuld"
KENGETAL_SAVED = "Opgeslagen ✅ {name}, {gemeente}, {year}: {value}{was}"
KENGETAL_WAS = " (was {old})"
BUTTON_STOP = "Stoppen"
STOPPED = "Gestopt. Er is niets veranderd."

# -- /vergeet ---------------------------------------------------------------------------------

FORGET_USAGE = (
    "Wat moet ik wissen?\n"
    "/vergeet citaat 12 – één citaat (het nummer staat bij /citaten)\n"
    "/vergeet verhaal 7 – één verhaal van Wat was bijzonder? (het nummer staat erbij)\n"
    "/vergeet foto 3 – één foto (het nummer staat bij /fotos)\n"
    "/vergeet persoon Bo – alle gegevens van een gebruiker"
)
FORGET_NO_QUOTE = "Citaat nummer {id} bestaat niet (meer)."
FORGET_NO_STORY = "Verhaal nummer {id} bestaat niet (meer)."
CONFIRM_FORGET_STORY = "Verhaal {id} definitief wissen?\n„{text}”\nDit kan niet ongedaan worden."
FORGOTTEN_STORY = "Gewist. Het verhaal staat nergens meer in."
FORGET_NO_PERSON = "Ik vind geen gebruiker die „{text}” heet."
FORGET_PICK = "Welke gebruiker bedoel je?"
FORGET_SELF = "Jezelf wissen kan niet via de bot. Vraag een andere beheerder."
CONFIRM_FORGET_QUOTE = "Citaat {id} definitief wissen?\n„{text}”\nDit kan niet ongedaan worden."
CONFIRM_FORGET_PERSON = (
    "Alle gegevens van {name} ({role}) definitief wissen? Verslagen blijven meetellen, "
    "maar zonder naam. Dit kan niet ongedaan worden."
)
BUTTON_FORGET_YES = "Ja, definitief wissen"
BUTTON_FORGET_NO = "Nee, niets wissen"
FORGOTTEN_QUOTE = "Gewist. Het citaat staat nergens meer in."
FORGOTTEN_PERSON = "Gewist. {name} staat niet meer in de bot; {n} verslagen tellen zonder naam mee."
FORGET_KEPT = "Niets gewist."
FORGET_GONE = "Dit is al gewist."

# -- /herinneringen ---------------------------------------------------------------------------

REMINDERS_ON = (
    "Herinneringen staan aan. Staat een activiteit op het rooster en is die om {time} nog niet "
    "doorgegeven, dan stuur ik je een berichtje."
)
REMINDERS_OFF = "Herinneringen staan uit. Met /herinneringen aan zet je ze weer aan."
REMINDERS_USAGE = "Typ /herinneringen aan of /herinneringen uit."

# -- reminders and digest ---------------------------------------------------------------------

REMINDER = (
    "Hoi {name}! Vandaag stond {activity} in {place} op het rooster. "
    "Wil je nog even doorgeven hoe het ging? Dat kost maar een minuutje. "
    "Ging het niet door? Tik dan op „Ging niet door”."
)
BUTTON_REPORT_NOW = "Verslag maken"
BUTTON_DID_NOT_HAPPEN = "Ging niet door"
DID_NOT_HAPPEN = "Genoteerd: {activity} in {place} op {day} ging niet door. Dank je!"
DID_NOT_HAPPEN_ANSWER = "Genoteerd."
DID_NOT_HAPPEN_ALREADY = "Dit was al genoteerd. Dank je!"
REMINDER_ALREADY = "Dit is al doorgegeven. Dank je!"
REMINDER_FINISH_FIRST = (
    "Je bent nog bezig met een ander verslag. Rond dat eerst af, of stop het met /annuleer."
)

DIGEST_HEAD = "{greeting} {name}! Vorige week ({start} t/m {end}), {scope}:"
# By the hour it is sent (a digest sent late after a restart does not say "Goedemorgen").
GREETINGS = ((6, "Goedemorgen"), (12, "Goedemiddag"), (18, "Goedenavond"))
GREETING_NIGHT = "Hallo"
DIGEST_FIGURES = "{n}, {p} {trend} (week ervoor: {before})"  # "1 bijeenkomst", "8 deelnemers"
DIGEST_TOP = "Meeste deelnemers: {activity}"
DIGEST_TOP_NONE = "Nog geen verslagen binnen."
DIGEST_REVIEW = "Citaten die op je oordeel wachten: {n} (/citaten nieuw)"
DIGEST_REVIEW_STORIES = "Verhalen (Wat was bijzonder?) die op je oordeel wachten: {n}"
DIGEST_MISSING = "Op het rooster maar niet doorgegeven: {n} (/gaten)"
DIGEST_QUOTE = "Mooi citaat: „{text}” — {who} ({activity}, {place})"

# -- photos (bot.manager.photos) --------------------------------------------------------------
PHOTOS_NONE = "Er zijn geen nieuwe foto's om te bekijken."
PHOTO_CAPTION = "Foto {id}: {alt}\n{activity}, {place}, {day}"
BUTTON_PHOTO_OK = "Goedkeuren"
BUTTON_PHOTO_NO = "Afwijzen"
PHOTO_APPROVED = "Foto {id} is goedgekeurd: hij kan in het verslag voor de gemeente."
PHOTO_REJECTED = "Foto {id} is afgewezen: hij komt in geen enkel verslag."
PHOTO_NOT_YOURS = "Deze foto hoort niet bij jouw gemeente."
FORGET_NO_PHOTO = "Foto nummer {id} bestaat niet (meer)."
CONFIRM_FORGET_PHOTO = "Foto {id} definitief wissen?\n„{text}”\nDit kan niet ongedaan worden."
FORGOTTEN_PHOTO = "De foto is gewist."

# -- /verhaal: a longer story by a manager (bot.manager.stories) --------------------------------
LONG_STORY_USAGE = (
    "Schrijf een verhaal zo: /verhaal Voorleesuurtje: en dan het verhaal (hoogstens 250 "
    "woorden, geen achternamen). Het komt in het verslag voor de gemeente, bij de opgave van "
    "die activiteit."
)
LONG_STORY_UNKNOWN = (
    "De activiteit „{text}” ken ik niet. Zet de naam van de activiteit voor de dubbele punt."
)
LONG_STORY_NO_GEMEENTE = (
    "Een verhaal hoort bij een gemeente; alleen een manager van een gemeente kan er een schrijven."
)
LONG_STORY_SAVED = (
    "Dank je! Het verhaal bij {activity} staat in het verslag {year} voor {gemeente}."
)
