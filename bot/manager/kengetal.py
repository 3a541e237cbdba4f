"""/kengetal JAAR GEMEENTE NAAM WAARDE, or guided: year, gemeente, kengetal buttons, typed value.

Buttons carry `kg:<year>[:<gemeente>[:<kengetal>]]`; the gemeente is checked against the
manager's scope on every step. The value is stored with an audit row (store.kengetallen).
"""

from __future__ import annotations

import logging
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.core import awaiting, buttons
from bot.core.dbthread import DatabaseThread
from bot.core.guards import registered_press
from bot.core.services import services
from bot.manager import prefixes as P
from bot.manager import texts as mt
from bot.manager.access import (
    Place,
    Refusal,
    answering_manager,
    check_place,
    find_place,
    manager_only,
    parse_year,
    place_name,
    reply,
    resolve_place,
    shown,
)
from ground.dutch import number
from intake.tables import CellError, parse_number
from store.kengetallen import KengetalInvalid, get_kengetal, set_kengetal
from store.people import Person
from toc.matcher import Matcher
from toc.models import Catalogue

log = logging.getLogger("impactbot.bot")


def kengetal_matcher(catalogue: Catalogue) -> Matcher:
    return Matcher((k.id, [k.name]) for k in catalogue.kengetallen.values())


def parse_value(text: str) -> float:
    """A kengetal is a count: a whole number, not negative ('4.120' is 4120)."""
    try:
        value = parse_number(text.strip(), "waarde")
    except CellError as exc:
        raise Refusal(mt.KENGETAL_VALUE_INVALID.format(text=shown(text))) from exc
    if value < 0:
        raise Refusal(mt.KENGETAL_NEGATIVE)
    if not value.is_integer():
        raise Refusal(mt.KENGETAL_NOT_WHOLE)
    return value


def parse_kengetal_args(
    person: Person, catalogue: Catalogue, args: list[str]
) -> tuple[int, str, str, float]:
    """(year, gemeente, kengetal, value) from 'JAAR GEMEENTE NAAM WAARDE'; names may be words."""
    if len(args) < 4:
        raise Refusal(mt.KENGETAL_USAGE)
    year = parse_year(args[0], "kengetal")
    value = parse_value(args[-1])
    middle = args[1:-1]
    kengetallen = kengetal_matcher(catalogue)
    vestiging: tuple[Place, str] | None = None  # a vestiging and the kengetal as typed
    for i in range(1, len(middle)):
        place = find_place(catalogue, " ".join(middle[:i]))
        found = kengetallen.match(" ".join(middle[i:]))
        if place is not None and place.kind == "gemeente" and found is not None:
            check_place(person, catalogue, place)
            return year, place.id, found, value
        if place is not None and found is not None and vestiging is None:
            vestiging = place, " ".join(middle[i:])
    if vestiging is not None:  # 'Havelte leden': a kengetal belongs to Havelte's gemeente
        place, typed = vestiging
        check_place(person, catalogue, place)
        raise Refusal(mt.KENGETAL_VESTIGING.format(
            vestiging=place_name(catalogue, place),
            gemeente=catalogue.gemeenten[place.gemeente(catalogue)].name,
            year=year, kengetal=typed, value=args[-1],
        ))  # fmt: skip
    # Say what is wrong: the gemeente (the first word(s)) or the kengetal (the rest).
    place = find_place(catalogue, middle[0])
    if place is None:
        resolve_place(catalogue, middle[0])  # raises with suggestions
    names = ", ".join(catalogue.kengetallen)
    raise Refusal(mt.KENGETAL_UNKNOWN.format(text=shown(" ".join(middle[1:])), names=names))


def _label(catalogue: Catalogue, kengetal: str) -> str:
    return catalogue.kengetallen[kengetal].name


async def _store(
    person: Person, catalogue: Catalogue, store: DatabaseThread, year: int, gemeente: str,
    kengetal: str, value: float,
) -> str:  # fmt: skip
    old = await store(set_kengetal, year, gemeente, kengetal, value, f"person:{person.id}")
    log.info("kengetal stored", extra={"year": year, "gemeente": gemeente, "kengetal": kengetal})
    return mt.KENGETAL_SAVED.format(
        name=_label(catalogue, kengetal),
        gemeente=catalogue.gemeenten[gemeente].name,
        year=year,
        value=number(value),
        was=mt.KENGETAL_WAS.format(old=number(old)) if old is not None and old != value else "",
    )


def _stop_button() -> list[InlineKeyboardButton]:
    return [InlineKeyboardButton(mt.BUTTON_STOP, callback_data=buttons.data(P.KENGETAL, "stop"))]


def year_keyboard(years: tuple[int, ...]) -> InlineKeyboardMarkup:
    row = [InlineKeyboardButton(str(y), callback_data=buttons.data(P.KENGETAL, y)) for y in years]
    return InlineKeyboardMarkup([row, _stop_button()])


def stop_keyboard() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([_stop_button()])


def gemeente_keyboard(person: Person, catalogue: Catalogue, year: int) -> InlineKeyboardMarkup:
    places = [
        InlineKeyboardButton(g.name, callback_data=buttons.data(P.KENGETAL, year, g.id))
        for g in catalogue.gemeenten.values()
        if person.may_see(g.id)
    ]
    rows = [places[i : i + 3] for i in range(0, len(places), 3)]
    return InlineKeyboardMarkup([*rows, _stop_button()])


def kengetal_keyboard(catalogue: Catalogue, year: int, gemeente: str) -> InlineKeyboardMarkup:
    rows = [
        [InlineKeyboardButton(k.name, callback_data=buttons.data(P.KENGETAL, year, gemeente, k.id))]
        for k in catalogue.kengetallen.values()
    ]
    return InlineKeyboardMarkup([*rows, _stop_button()])


async def _ask_gemeente(
    update: Update, context: ContextTypes.DEFAULT_TYPE, person: Person, year: int
) -> None:
    s = services(context)
    if person.role == "manager" and person.gemeente:
        await _ask_kengetal(update, context, year, person.gemeente)
        return
    await reply(
        update, context, mt.ASK_KENGETAL_GEMEENTE, gemeente_keyboard(person, s.catalogue, year)
    )


async def _ask_kengetal(
    update: Update, context: ContextTypes.DEFAULT_TYPE, year: int, gemeente: str
) -> None:
    s = services(context)
    text = mt.ASK_KENGETAL_NAME.format(gemeente=s.catalogue.gemeenten[gemeente].name, year=year)
    await reply(update, context, text, kengetal_keyboard(s.catalogue, year, gemeente))


async def cmd_kengetal(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    person = await manager_only(update, context)
    if person is None:
        return
    s = services(context)
    args = context.args or []
    awaiting.clear(context, P.ROOM)
    try:
        if not args:
            today = s.today()
            markup = year_keyboard((today.year - 1, today.year))
            await reply(update, context, mt.ASK_YEAR, markup)
            return
        if len(args) == 1:
            await _ask_gemeente(update, context, person, parse_year(args[0], "kengetal"))
            return
        year, gemeente, kengetal, value = parse_kengetal_args(person, s.catalogue, args)
        text = await _store(person, s.catalogue, s.store, year, gemeente, kengetal, value)
    except (Refusal, KengetalInvalid) as exc:
        await reply(update, context, str(exc))
        return
    await reply(update, context, text)


async def on_kengetal_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    pressed = await registered_press(update, context, manager_only)
    if pressed is None:
        return
    query, person = pressed
    s = services(context)
    parts = buttons.fields(query.data)
    await query.answer()
    try:
        await query.edit_message_reply_markup(reply_markup=None)
    except BadRequest:
        pass
    awaiting.clear(context, P.ROOM)
    if parts == ["stop"]:
        await reply(update, context, mt.STOPPED)
        return
    try:
        year = parse_year(parts[0] if parts else "", "kengetal")
    except Refusal:
        await reply(update, context, mt.BUTTON_INVALID.format(command="kengetal"))
        return
    try:
        if len(parts) == 1:
            await _ask_gemeente(update, context, person, year)
            return
        gemeente = parts[1]
        if gemeente not in s.catalogue.gemeenten:
            raise Refusal(mt.PLACE_UNKNOWN.format(text=shown(gemeente)))
        check_place(person, s.catalogue, Place("gemeente", gemeente))
        if len(parts) == 2 or parts[2] not in s.catalogue.kengetallen:
            await _ask_kengetal(update, context, year, gemeente)
            return
    except Refusal as exc:
        await reply(update, context, str(exc))
        return
    kengetal = parts[2]
    current = await s.store(get_kengetal, year, gemeente, kengetal)
    awaiting.expect(
        context, P.ROOM, P.KENGETAL_VALUE, year=year, gemeente=gemeente, kengetal=kengetal
    )
    text = mt.ASK_KENGETAL_VALUE.format(
        name=_label(s.catalogue, kengetal),
        gemeente=s.catalogue.gemeenten[gemeente].name,
        year=year,
        current=mt.KENGETAL_NO_VALUE if current is None else number(current),
    )
    await reply(update, context, text, stop_keyboard())


async def on_value_text(
    update: Update, context: ContextTypes.DEFAULT_TYPE, data: dict[str, Any]
) -> None:
    """The typed value after the guided questions; bad input keeps the question open."""
    answered = await answering_manager(update, context)
    if answered is None:
        return
    person, typed = answered
    s = services(context)
    year, gemeente, kengetal = int(data["year"]), str(data["gemeente"]), str(data["kengetal"])
    try:
        check_place(person, s.catalogue, Place("gemeente", gemeente))
    except Refusal as exc:
        awaiting.clear(context, P.ROOM)
        await reply(update, context, str(exc))
        return
    try:
        value = parse_value(typed)
        text = await _store(person, s.catalogue, s.store, year, gemeente, kengetal, value)
    except (Refusal, KengetalInvalid) as exc:
        await reply(update, context, str(exc))
        return
    awaiting.clear(context, P.ROOM)
    await reply(update, context, text)
