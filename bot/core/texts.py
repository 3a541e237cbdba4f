"""The words every audience of the bot may see: access, errors, stale buttons, dates.

Each audience keeps its own texts module beside its handlers (leader/, manager/, participant/).
"""

from __future__ import annotations

# -- access -----------------------------------------------------------------------------------

NOT_REGISTERED = (
    "Hoi! Je staat nog niet bij mij ingeschreven. "
    "Vraag je coördinator om een uitnodiging; daarmee kun je meteen verslagen doorgeven."
)
PRIVATE_ONLY = (
    "Hallo allemaal! Verslagen en citaten geven jullie door in een privégesprek met mij, "
    "niet in een groep. Tik op mijn naam en dan op Bericht."
)
# The database is held by another program (an import, a backup tool) for a while.
BUSY_DATABASE = (
    "Het is even te druk, daardoor kon ik dit niet bewaren. Probeer het over een minuut nog eens."
)
DISK_FULL = (
    "Ik kan nu niets bewaren: de schijf van de server is vol. Laat de beheerder het weten; "
    "stuur het daarna nog eens."
)
# The bot's web server (webhook, health, participants' page) outside a page of its own.
WEB_NOT_FOUND = "Deze pagina bestaat niet. Controleer het adres."
WEB_NOT_ALLOWED = "Zo kan deze pagina niet worden gebruikt. Open het adres gewoon in je browser."
WEB_ERROR = "Er ging iets mis aan onze kant. Probeer het later nog eens."
WEB_CANNOT_WRITE = (
    "Wat je stuurde kan nu niet worden opgeslagen: het is even te druk of de server heeft geen "
    "ruimte meer. Probeer het over een minuut nog eens."
)
ERROR = (
    "Sorry, er ging iets mis. Probeer het nog eens; een verslag waar je mee bezig was, is bewaard."
)
# After a text that was too long for one Telegram message.
SHORTENED = "\n\n… (ingekort: dit past niet in één bericht. Alles staat in /rapport of /export.)"
UNKNOWN_COMMAND = "Dat commando ken ik niet. Kies /verslag, /mijnverslagen, /annuleer of /help."
# Photos are not kept on purpose: they show participants, and consent is per quote.
ONLY_TEXT = (
    "Ik lees alleen tekst; foto's en stickers bewaar ik niet. "
    "Typ je verslag, of begin met /verslag."
)
COMMANDS = {
    "verslag": "Activiteit doorgeven",
    "mijnverslagen": "Je laatste verslagen bekijken of aanpassen",
    "annuleer": "Stop het verslag waar je mee bezig bent",
    "help": "Hoe werkt het?",
}

# -- formatting -------------------------------------------------------------------------------
