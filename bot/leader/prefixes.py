"""The leader room's button prefixes: its keyboards build data with them, its routes match
them (bot.core.buttons)."""

from __future__ import annotations

from bot.leader.draft import SHORT_ID

NAME = "n"  # n:use  keep the Telegram first name
LOWER_INVITE = "iv"  # iv:yes:<code> / iv:no
OWN_REPORT = "s"  # s:<edit|del|delok|keep>:<session>, s:more:<offset> (older reports)
ASK_PARTICIPANTS = "lq"  # lq:<session>
TALLY = "tl"  # tl:<session>[:<question>[:<goal>]]
PHOTO = "fo"  # fo:<n|t|o|x>  the consent for the photo just sent (x: do not keep it)
# A report in progress: <draft short id>:<step>:<value> (no fixed prefix: the draft's id).
DRAFT_PATTERN = rf"^[0-9a-f]{{{SHORT_ID}}}:"

# The room's name in an awaiting record, and the kinds of typed answer it waits for.
ROOM = "leader"
TYPED_NAME = "name"  # the name to show in reports, right after registering
TYPED_TALLY = "tally"  # "6 van 8" for a tally question
TYPED_PHOTO_ALT = "photo-alt"  # what the photo shows, when it came without a caption
