"""`impactbot invite --role leider|manager|admin [--gemeente ID] [--vestiging ID]`.

Prints a t.me deep link that registers whoever opens it first, with that role and scope.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.core.links import invite_link
from ground.errors import ImpactbotError
from ground.settings import TOKEN_ENV, Settings
from toc.models import Catalogue

ROLES = ("leider", "manager", "admin")
ROLE_NAMES = {"leider": "activiteitenleider", "manager": "manager", "admin": "beheerder"}


class InviteArgumentError(ImpactbotError):
    """A gemeente or vestiging that is not in the catalogue, or that do not belong together."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "invite",
        help="maak een uitnodigingslink voor de bot",
        description="Maakt een eenmalige uitnodigingslink (t.me) voor een nieuwe gebruiker.",
    )
    parser.add_argument("--role", required=True, choices=ROLES, help="rol van de nieuwe gebruiker")
    parser.add_argument("--gemeente", metavar="ID", help="gemeente, bijv. westerveld")
    parser.add_argument("--vestiging", metavar="ID", help="eigen vestiging, bijv. havelte")
    parser.set_defaults(func=run)


def _resolve(catalogue: Catalogue, kind: str, text: str | None) -> str | None:
    """An id or a name as people write it ("Havelte", "midden drenthe") to the id."""
    if text is None:
        return None
    from toc.matcher import Matcher

    if kind == "gemeente":
        known = {g.id: g.name for g in catalogue.gemeenten.values()}
        found = Matcher((g.id, [g.name]) for g in catalogue.gemeenten.values()).match(text)
    else:
        known = {v.id: v.name for v in catalogue.vestigingen.values()}
        found = Matcher.for_vestigingen(catalogue).match(text)
    if found is None:
        raise InviteArgumentError(
            f"De {kind} '{text}' ken ik niet. Kies uit: {', '.join(sorted(known))}."
        )
    return found


def bot_username_from_telegram(settings: Settings) -> str:
    """The bot's own @username, asked with getMe (the token says which bot this is)."""
    import asyncio

    from telegram import Bot
    from telegram.error import InvalidToken, TelegramError

    if settings.telegram.token is None or not settings.telegram.token.get_secret_value():
        raise InviteArgumentError(
            f"Ik weet de naam van de bot niet. Zet het bot-token in de omgevingsvariabele "
            f"{TOKEN_ENV} (dan vraag ik de naam aan Telegram), of zet in {settings.source}: "
            '[telegram] bot_username = "…" (de naam die BotFather gaf, zonder @).'
        )

    async def ask() -> str:
        bot = Bot(settings.token(), base_url=settings.telegram.base_url)
        async with bot:
            return bot.username

    try:
        return asyncio.run(ask())
    except InvalidToken as exc:
        raise InviteArgumentError(
            f"Telegram kent het bot-token in {TOKEN_ENV} niet. Controleer het token."
        ) from exc
    except TelegramError as exc:
        raise InviteArgumentError(
            "Ik kon Telegram niet vragen hoe de bot heet (geen verbinding). Probeer het later "
            f'opnieuw, of zet in {settings.source}: [telegram] bot_username = "…".'
        ) from exc


def run(args: argparse.Namespace, settings: Settings) -> int:
    from store.db import open_db
    from store.people import create_invite
    from toc.loader import load_catalogue

    username = settings.telegram.bot_username.lstrip("@") or bot_username_from_telegram(settings)
    catalogue = load_catalogue(settings.organisation.catalogue, settings.organisation.organisation)
    gemeente = _resolve(catalogue, "gemeente", args.gemeente)
    vestiging = _resolve(catalogue, "vestiging", args.vestiging)
    if args.role == "manager" and gemeente is None:
        raise InviteArgumentError(
            "Een manager ziet de gegevens van één gemeente: geef --gemeente op. "
            "Voor de hele organisatie is het --role admin."
        )
    if vestiging is not None:
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
    print(invite_link(username, invite.code))
    print(f"Code: {invite.code}")
    print(
        f"Eén keer te gebruiken, geldig tot {until:%d-%m-%Y %H:%M} "
        f"({settings.telegram.invite_days} dagen)."
    )
    return 0
