"""Demo people with fixed Telegram ids, registered the way real people are: an invite code,
then redeeming it (store.people). Running it again changes nothing."""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from store.people import Person, Role, create_invite, person_by_telegram, redeem_invite
from toc.models import Catalogue


@dataclass(frozen=True)
class DemoPerson:
    telegram_id: int
    display_name: str
    role: Role
    gemeente: str | None = None
    vestiging: str | None = None


# Fixed ids so the terminal chat and the stand-in can act as these people.
ANNE = DemoPerson(700_000_001, "Anne", "leider", "westerveld", "havelte")
MANAGER = DemoPerson(700_000_002, "Johan", "manager", "westerveld")
ADMIN = DemoPerson(700_000_003, "Marieke", "admin")
DEMO_PEOPLE: tuple[DemoPerson, ...] = (ANNE, MANAGER, ADMIN)


def create_demo_people(
    db: sqlite_utils.Database, catalogue: Catalogue | None = None
) -> list[Person]:
    """Register the demo people (invite + redeem); people already registered with the same
    role are left as they are. With a catalogue, a gemeente or vestiging it does not know is
    left out of the invite, so any organisation's catalogue works."""
    people: list[Person] = []
    for demo in DEMO_PEOPLE:
        existing = person_by_telegram(db, demo.telegram_id)
        if existing is not None and existing.role == demo.role:
            people.append(existing)
            continue
        gemeente, vestiging = demo.gemeente, demo.vestiging
        if catalogue is not None:
            gemeente = gemeente if gemeente in catalogue.gemeenten else None
            vestiging = vestiging if vestiging in catalogue.vestigingen else None
        invite = create_invite(db, demo.role, gemeente, vestiging, actor="demo")
        people.append(redeem_invite(db, invite.code, demo.telegram_id, demo.display_name))
    return people
