"""The participants' room's routes: the survey for anyone with a session's link, registered or
not (/start s_CODE, the statements, their words, the follow-up, /stop).

To add a button: a prefix in bot/participant/prefixes.py, its data built with
bot.core.buttons.data, and a `Button` here. A typed question waits in memory only
(room.wait_for_words; bot.core.awaiting.Memory), never in the database; its answer sits in
`answers` here. Nothing outside this room changes.
"""

from __future__ import annotations

from telegram.ext import Application

from bot.core import awaiting
from bot.core.buttons import pattern
from bot.core.guards import is_known
from bot.core.routing import SURVEY_LINK, Button, Command, Routes
from bot.participant import followups, handlers
from bot.participant import prefixes as P
from bot.participant.room import ROOM_KEY, Room


def setup(app: Application) -> None:
    """The room's memory: whether someone is registered (asked of the store when needed) and
    the in-memory awaiting records."""

    app.bot_data[ROOM_KEY] = Room(
        is_registered=lambda user_id: is_known(app, user_id), pending=awaiting.memory(app)
    )


ROUTES = Routes(
    room=P.ROOM,
    commands=[
        Command("start", handlers.cmd_start, only=SURVEY_LINK),
        Command("stop", handlers.cmd_stop),
    ],
    buttons=[
        Button(pattern(P.SCORE), handlers.on_score),
        Button(pattern(P.SKIP_WORDS), handlers.on_skip_words),
        Button(pattern(P.CONSENT), handlers.on_consent),
        Button(pattern(P.FOLLOWUP), handlers.on_followup_choice),
        Button(pattern(P.STOP), handlers.cmd_stop),
        Button(pattern(P.FOLLOWUP_ANSWER), followups.on_answer),
    ],
    answers={P.WORDS: handlers.on_words},
    setup=setup,
)
