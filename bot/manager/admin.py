"""/uitnodigen (invite links within one's own scope), /vergeet (AVG erasure, admins only) and
/herinneringen (reminders on or off, for everyone).

/vergeet buttons carry `vg:<q|s|p|pp|x>:<id>`: q/s/p = erase this quote/story/person (after the
confirmation), pp = pick this person and ask for confirmation, x = keep everything.
"""

from __future__ import annotations

import logging
from datetime import datetime
from zoneinfo import ZoneInfo

import sqlite_utils
from telegram import BotCommandScopeChat, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest, TelegramError
from telegram.ext import ContextTypes

from bot.core import buttons
from bot.core.guards import registered, registered_press
from bot.core.links import invite_link
from bot.core.services import services
from bot.leader.texts import ROLE_NAMES
from bot.manager import prefixes as P
from bot.manager import texts as mt
from bot.manager.access import (
    Place,
    Refusal,
    admin_only,
    check_place,
    find_place,
    manager_only,
    own_scope,
    reply,
    resolve_place,
    shown,
)
from ground.dutch import weekday_date
from ground.strict import is_int, read_id
from store.erasure import forget_person, forget_quote, forget_story
from store.people import Person, Role, create_invite, get_person, set_reminders
from store.photos import forget_photo, photo_alt
from store.reviews import get_quote
from store.session_notes import get_story
from toc.matcher import normalise
from toc.models import Catalogue

log = logging.getLogger("impactbot.bot")
ROLE_WORDS: dict[str, Role] = {
    "leider": "leider",
    "leiders": "leider",
    "begeleider": "leider",
    "activiteitenleider": "leider",
    "manager": "manager",
    "beheerder": "admin",
    "admin": "admin",
}

# -- /uitnodigen ------------------------------------------------------------------------------


def invite_places(catalogue: Catalogue, words: list[str]) -> tuple[str | None, str | None]:
    """(gemeente, vestiging) from 'Westerveld Havelte', 'Havelte' or 'Aa en Hunze Gieten'."""
    if not words:
        return None, None
    whole = find_place(catalogue, " ".join(words))
    if whole is not None:
        if whole.kind == "gemeente":
            return whole.id, None
        return catalogue.vestigingen[whole.id].gemeente, whole.id
    for i in range(1, len(words)):
        first = find_place(catalogue, " ".join(words[:i]))
        second = find_place(catalogue, " ".join(words[i:]))
        if first and second and first.kind == "gemeente" and second.kind == "vestiging":
            own = catalogue.vestigingen[second.id].gemeente
            if own != first.id:
                raise Refusal(
                    mt.INVITE_MISMATCH.format(
                        vestiging=catalogue.vestigingen[second.id].name,
                        own=catalogue.gemeenten[own].name,
                        gemeente=catalogue.gemeenten[first.id].name,
                    )
                )
            return first.id, second.id
    resolve_place(catalogue, " ".join(words))  # raises with suggestions
    raise Refusal(mt.INVITE_USAGE)  # pragma: no cover - resolve_place always raises here


def plan_invite(
    person: Person, catalogue: Catalogue, args: list[str]
) -> tuple[Role, str | None, str | None]:
    """(role, gemeente, vestiging) the person may invite for; raises Refusal otherwise."""
    if not args:
        raise Refusal(mt.INVITE_USAGE)
    role = ROLE_WORDS.get(args[0].lower())
    if role is None:
        raise Refusal(mt.INVITE_ROLE_UNKNOWN.format(text=shown(args[0])))
    if role == "admin" and person.role != "admin":
        raise Refusal(mt.INVITE_NO_ADMIN)
    gemeente, vestiging = invite_places(catalogue, args[1:])
    if gemeente is None:
        gemeente = own_scope(person).gemeente
    else:
        check_place(person, catalogue, Place("gemeente", gemeente))
    return role, gemeente, vestiging


async def cmd_uitnodigen(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    person = await manager_only(update, context)
    if person is None:
        return
    s = services(context)
    try:
        role, gemeente, vestiging = plan_invite(person, s.catalogue, context.args or [])
    except Refusal as exc:
        await reply(update, context, str(exc))
        return
    invite = create_invite(
        s.db, role, gemeente=gemeente, vestiging=vestiging, days=s.settings.telegram.invite_days,
        created_by=person.id, actor=f"person:{person.id}",
    )  # fmt: skip
    where = []
    if gemeente:
        where.append(f"gemeente {s.catalogue.gemeenten[gemeente].name}")
    if vestiging:
        where.append(s.catalogue.vestigingen[vestiging].name)
    until = datetime.fromisoformat(invite.expires_at).astimezone(
        ZoneInfo(s.settings.organisation.timezone)
    )
    username = context.bot.username or s.settings.telegram.bot_username
    log.info("invite created", extra={"person_id": person.id, "role": role})
    await reply(
        update,
        context,
        mt.INVITE_DONE.format(
            role=ROLE_NAMES[role],
            where=f" ({', '.join(where)})" if where else "",
            until=weekday_date(until.date()),
            link=invite_link(username, invite.code),
        ),
    )


# -- /herinneringen ---------------------------------------------------------------------------


async def cmd_herinneringen(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    person = await registered(update, context)
    if person is None:
        return
    s = services(context)
    time = s.settings.schedule.reminder_time
    args = [a.lower() for a in context.args or []]
    if args and args[0] in ("aan", "uit"):
        set_reminders(s.db, person.id, args[0] == "aan")
        on = args[0] == "aan"
    elif args:
        await reply(update, context, mt.REMINDERS_USAGE)
        return
    else:
        on = person.reminders
    await reply(update, context, mt.REMINDERS_ON.format(time=time) if on else mt.REMINDERS_OFF)


# -- /vergeet ---------------------------------------------------------------------------------


def _buttons(*pairs: tuple[str, str]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(t, callback_data=d) for t, d in pairs]])


def confirm_keyboard(kind: str, ident: int) -> InlineKeyboardMarkup:
    return _buttons(
        (mt.BUTTON_FORGET_YES, buttons.data(P.FORGET, kind, ident)),
        (mt.BUTTON_FORGET_NO, buttons.data(P.FORGET, "x", 0)),
    )


def pick_keyboard(catalogue: Catalogue, people: list[Person]) -> InlineKeyboardMarkup:
    """Several people match the name: one button each."""
    rows = [
        [
            InlineKeyboardButton(
                _person_line(catalogue, p), callback_data=buttons.data(P.FORGET, "pp", p.id)
            )
        ]
        for p in people
    ]
    return InlineKeyboardMarkup(rows)


def find_people(db: sqlite_utils.Database, text: str) -> list[Person]:
    """Everyone (also deactivated) whose name contains the typed text, any case or accent."""
    key = normalise(text)
    rows = db.execute("SELECT id, display_name FROM people ORDER BY id").fetchall()
    found = [get_person(db, pid) for pid, name in rows if key and key in normalise(name)]
    return [p for p in found if p is not None]


def _person_line(catalogue: Catalogue, p: Person) -> str:
    where = catalogue.gemeenten[p.gemeente].name if p.gemeente in catalogue.gemeenten else ""
    return f"{p.display_name} ({ROLE_NAMES[p.role]}{', ' + where if where else ''})"


async def cmd_vergeet(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    person = await admin_only(update, context)
    if person is None:
        return
    s = services(context)
    args = context.args or []
    what = args[0].lower() if args else ""
    rest = " ".join(args[1:])
    if what == "citaat" and is_int(rest):
        quote = get_quote(s.db, int(rest))
        if quote is None:
            await reply(update, context, mt.FORGET_NO_QUOTE.format(id=rest))
            return
        text = mt.CONFIRM_FORGET_QUOTE.format(id=quote.id, text=quote.text)
        await reply(update, context, text, confirm_keyboard("q", quote.id))
    elif what == "verhaal" and is_int(rest):
        story = get_story(s.db, int(rest))
        if story is None:
            await reply(update, context, mt.FORGET_NO_STORY.format(id=rest))
            return
        text = mt.CONFIRM_FORGET_STORY.format(id=story.id, text=story.text)
        await reply(update, context, text, confirm_keyboard("s", story.id))
    elif what == "foto" and rest.isdigit():
        found = photo_alt(s.db, int(rest))
        if found is None:
            await reply(update, context, mt.FORGET_NO_PHOTO.format(id=rest))
            return
        text = mt.CONFIRM_FORGET_PHOTO.format(id=int(rest), text=found)
        await reply(update, context, text, confirm_keyboard("f", int(rest)))
    elif what in ("persoon", "gebruiker") and rest:
        people = find_people(s.db, rest)
        if not people:
            await reply(update, context, mt.FORGET_NO_PERSON.format(text=shown(rest)))
        elif len(people) == 1:
            await _confirm_person(update, context, person, people[0])
        else:
            markup = pick_keyboard(s.catalogue, people[:8])
            await reply(update, context, mt.FORGET_PICK, markup)
    else:
        await reply(update, context, mt.FORGET_USAGE)


async def _confirm_person(
    update: Update, context: ContextTypes.DEFAULT_TYPE, admin: Person, target: Person
) -> None:
    if target.id == admin.id:
        await reply(update, context, mt.FORGET_SELF)
        return
    text = mt.CONFIRM_FORGET_PERSON.format(name=target.display_name, role=ROLE_NAMES[target.role])
    await reply(update, context, text, confirm_keyboard("p", target.id))


async def on_forget_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    pressed = await registered_press(update, context, admin_only)
    if pressed is None:
        return
    query, admin = pressed
    s = services(context)
    kind, raw = buttons.fields(query.data, 2)
    ident = read_id(raw)
    await query.answer()
    try:
        await query.edit_message_reply_markup(reply_markup=None)
    except BadRequest:
        pass
    actor = f"person:{admin.id}"
    if kind == "q":
        done = forget_quote(s.db, ident, actor)
        log.info("quote erased", extra={"quote_id": ident, "by": admin.id, "done": done})
        await reply(update, context, mt.FORGOTTEN_QUOTE if done else mt.FORGET_GONE)
    elif kind == "s":
        done = forget_story(s.db, ident, actor)
        log.info("story erased", extra={"story_id": ident, "by": admin.id, "done": done})
        await reply(update, context, mt.FORGOTTEN_STORY if done else mt.FORGET_GONE)
    elif kind == "f":
        done = forget_photo(s.db, ident, actor)
        log.info("photo erased", extra={"photo_id": ident, "by": admin.id, "done": done})
        await reply(update, context, mt.FORGOTTEN_PHOTO if done else mt.FORGET_GONE)
    elif kind == "pp":
        target = get_person(s.db, ident)
        if target is None:
            await reply(update, context, mt.FORGET_GONE)
        else:
            await _confirm_person(update, context, admin, target)
    elif kind == "p" and ident != admin.id:
        target = get_person(s.db, ident)
        erased = forget_person(s.db, ident, actor) if target else None
        if target is None or erased is None:
            await reply(update, context, mt.FORGET_GONE)
            return
        log.info("person erased", extra={"person_id": ident, "by": admin.id})
        if erased.telegram_id is not None:
            context.application.drop_user_data(erased.telegram_id)
            context.application.drop_chat_data(erased.telegram_id)
            try:
                await context.bot.delete_my_commands(scope=BotCommandScopeChat(erased.telegram_id))
            except TelegramError:
                log.warning("could not reset the command menu of an erased person")
        text = mt.FORGOTTEN_PERSON.format(name=target.display_name, n=erased.sessions_unlinked)
        await reply(update, context, text)
    else:
        await reply(update, context, mt.FORGET_KEPT)
