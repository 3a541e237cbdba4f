"""`impactbot invite --role leider|manager|admin [--gemeente ID] [--vestiging ID]`.

Prints a t.me deep link that registers whoever opens it first, with that role and scope.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from zoneinfo import ZoneInfo

from impactbot.errors import ImpactbotError
from impactbot.settings import Settings

ROLES = ("leider", "manager", "admin")
ROLE_NAMES = {"leider": "activiteitenleider", "manager": "manager", "admin": "beheerder"}


class InviteArgumentError(ImpactbotError):
    """A gemeente or vestiging that is not in the catalogue, or that do not belong together."""


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "invite",
        help="maak een uitnodigingslink voor de bot",
        description="Maakt een eenmalige uitnodigingslink (t.me) voor een nieuwe gebruiker.",
    )
    parser.add_argument("--role", required=True, choices=ROLES, help="rol van de nieuwe gebruiker")
    parser.add_argument("--gemeente", metavar="ID", help="gemeente, bijv. westerveld")
    parser.add_argument("--vestiging", metavar="ID", help="eigen vestiging, bijv. havelte")
    parser.set_defaults(func=run)


def invite_link(bot_username: str, code: str) -> str:
    return f"https://t.me/{bot_username.lstrip('@')}?start={code}"


def run(args: argparse.Namespace, settings: Settings) -> int:
    from store.db import open_db
    from store.people import create_invite
    from toc.loader import load_catalogue

    catalogue = load_catalogue(settings.organisation.catalogue, settings.organisation.organisation)
    gemeente, vestiging = args.gemeente, args.vestiging
    if gemeente is not None and gemeente not in catalogue.gemeenten:
        known = ", ".join(sorted(catalogue.gemeenten))
        raise InviteArgumentError(f"De gemeente '{gemeente}' ken ik niet. Kies uit: {known}.")
    if vestiging is not None:
        if vestiging not in catalogue.vestigingen:
            raise InviteArgumentError(
                f"De vestiging '{vestiging}' ken ik niet. Gebruik het id uit de catalogus, "
                "bijvoorbeeld havelte."
            )
        own = catalogue.vestigingen[vestiging].gemeente
        if gemeente is not None and gemeente != own:
            raise InviteArgumentError(
                f"Vestiging '{vestiging}' hoort bij gemeente '{own}', niet bij '{gemeente}'."
            )
        gemeente = own
    db = open_db(settings.storage.database)
    try:
        invite = create_invite(
            db,
            args.role,
            gemeente=gemeente,
            vestiging=vestiging,
            days=settings.telegram.invite_days,
        )
    finally:
        db.conn.close()
    tz = ZoneInfo(settings.organisation.timezone)
    until = datetime.fromisoformat(invite.expires_at).astimezone(tz)
    scope = []
    if gemeente:
        scope.append(f"gemeente {catalogue.gemeenten[gemeente].name}")
    if vestiging:
        scope.append(f"vestiging {catalogue.vestigingen[vestiging].name}")
    where = f" ({', '.join(scope)})" if scope else ""
    print(f"Uitnodiging voor een {ROLE_NAMES[args.role]}{where}:")
    print(invite_link(settings.telegram.bot_username, invite.code))
    print(f"Code: {invite.code}")
    print(
        f"Eén keer te gebruiken, geldig tot {until:%d-%m-%Y %H:%M} "
        f"({settings.telegram.invite_days} dagen)."
    )
    return 0
