"""The participants' room's button prefixes: its keyboards build data with them, its routes
match them (bot.core.buttons)."""

from __future__ import annotations

SCORE = "pa"  # pa:<code>:<scores so far, this one included>
SKIP_WORDS = "pq"  # pq:<code>  skip "Wat neem je mee?"
CONSENT = "pc"  # pc:<code>:<ja|anoniem|nee>
FOLLOWUP = "pf"  # pf:<code>:<ja|nee>
STOP = "px"  # px:
FOLLOWUP_ANSWER = "pv"  # pv:<code>:<tag>:<score>

# The room's name in an awaiting record, and the kind of typed answer it waits for.
ROOM = "participant"
WORDS = "words"  # "Wat neem je mee?" (in memory only: bot.participant.room)
