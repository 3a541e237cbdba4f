"""The leader room's routes: registration, reports (guided and in one message), corrections,
tallies and "Vraag de deelnemers".

To add a button: a prefix in bot/leader/prefixes.py, its data built with bot.core.buttons.data
in the keyboard, and a `Button` here. To add a typed question: a kind in prefixes.py, the
question stores it with bot.core.awaiting.expect(context, ROOM, kind, ...), and its answer
sits in `answers` here. Nothing outside this room changes.
"""

from __future__ import annotations

from bot.core.buttons import pattern
from bot.core.routing import SURVEY_LINK, Button, Command, Routes
from bot.leader import corrections, guided, photos, quick, registration, tally, texts
from bot.leader import prefixes as P
from bot.leader import survey as ask_participants

ROUTES = Routes(
    room=P.ROOM,
    commands=[
        Command("start", registration.cmd_start, only=~SURVEY_LINK),
        Command("verslag", guided.cmd_verslag),
        Command("mijnverslagen", corrections.cmd_mijnverslagen),
        Command("annuleer", corrections.cmd_annuleer),
        Command("naam", registration.cmd_naam),
    ],
    buttons=[
        Button(pattern(P.NAME), registration.on_use_name),
        Button(pattern(P.LOWER_INVITE), registration.on_lower_invite),
        Button(pattern(P.OWN_REPORT), corrections.on_report_button),
        Button(pattern(P.ASK_PARTICIPANTS), ask_participants.on_ask),
        Button(pattern(P.TALLY), tally.on_tally_button),
        Button(pattern(P.PHOTO), photos.on_consent),
        Button(P.DRAFT_PATTERN, guided.on_button),
    ],
    answers={
        P.TYPED_NAME: registration.on_name,
        P.TYPED_TALLY: tally.on_numbers,
        P.TYPED_PHOTO_ALT: photos.on_alt,
    },
    photo=photos.on_photo,
)

# A typed message no record awaits: the report's current step, or a whole report at once.
READ_TEXT = quick.on_text
UNKNOWN_PRESS = guided.on_unknown_press
# The command menu of everyone registered.
MENU = texts.LEADER_COMMANDS
