"""The manager room's button prefixes: its keyboards build data with them, its routes match
them (bot.core.buttons)."""

from __future__ import annotations

STAND = "st"  # st:<period>:<scope kind>:<scope id>
STAND_OPGAVE = "so"  # so:<period>:<scope>:<opgave>
STAND_CONTRACT = "sa"  # sa:<period>:<scope>
REVIEW = "rv"  # rv:<ok|no|cut|back|later>:<quote>
STORY = "rs"  # rs:<ok|no|later>:<story>
DOCUMENTS = "dc"  # dc:<rapport|export>:<year>
KENGETAL = "kg"  # kg:stop | kg:<year>[:<gemeente>[:<kengetal>]]
FORGET = "vg"  # vg:<kind>:<id>
PHOTO = "mf"  # mf:<ok|no>:<photo>  a manager's review of a photo
REMINDER = "hr"  # hr:<activity>:<vestiging>:<yyyymmdd>  report now
DID_NOT_HAPPEN = "hn"  # hn:<activity>:<vestiging>:<yyyymmdd>

# The room's name in an awaiting record, and the kinds of typed answer it waits for.
ROOM = "manager"
SHORTEN = "shorten"  # a shortened quote (rv:cut)
KENGETAL_VALUE = "kengetal"  # a kengetal's value (after the kg: questions)
