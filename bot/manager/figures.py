"""/stand, /gaten and /citaten: a manager's figures, gaps and quotes, within their scope.

Buttons under /stand carry `st:<period>:<kind>:<id>` (a scope: o = organisation, g = gemeente,
v = vestiging), `so:<period>:<kind>:<id>:<opgave>` (drill into an opgave) or
`sa:<period>:<kind>:<id>` (the agreements with the gemeente, per line item). The scope in a
button is checked again on every press.
"""

from __future__ import annotations

import re
from datetime import date

import sqlite_utils
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.core import buttons
from bot.core.guards import registered_press
from bot.core.offloop import read_off_loop
from bot.core.services import services
from bot.manager import prefixes as P
from bot.manager import texts as mt
from bot.manager.access import (
    Place,
    Refusal,
    check_place,
    manager_only,
    not_your_gemeente,
    own_scope,
    reply,
    scope_for,
    shown,
)
from bot.manager.format import (
    ActivityFigures,
    ListedQuote,
    contract_summary,
    contract_text,
    gaps_text,
    opgave_text,
    quotes_text,
    scope_label,
    short_place,
    stand_text,
    year_fraction,
)
from reports.figures import ContractProgress, contract_progress
from reports.gaps import find_gaps
from reports.stand import PERIODS, Period, Scope, compute_stand, per_activity, year_earlier
from store.people import Person
from store.quotes import PUBLISHABLE_SQL
from store.reviews import count_awaiting
from store.session_notes import count_awaiting_stories
from toc.matcher import Matcher
from toc.models import Catalogue

QUOTES_LISTED = 5

# -- /stand -----------------------------------------------------------------------------------


def split_period(args: list[str], today: date) -> tuple[Period, str]:
    """'/stand havelte maand' -> ('maand', 'havelte'); the period may come anywhere.

    /stand is always this year so far: this year's number is allowed (and ignored); any other
    year is refused with a pointer to /rapport, never silently read as this year.
    """
    period: Period = "jaar"
    rest = []
    for arg in args:
        if arg.lower() in PERIODS:
            period = arg.lower()  # type: ignore[assignment]  # checked: in PERIODS
        elif re.fullmatch(r"\d{4}", arg):
            if int(arg) != today.year:
                raise Refusal(mt.STAND_NO_YEAR.format(year=arg))
        else:
            rest.append(arg)
    return period, " ".join(rest)


def encode_scope(scope: Scope) -> str:
    if scope.vestiging:
        return f"v:{scope.vestiging}"
    if scope.gemeente:
        return f"g:{scope.gemeente}"
    return "o:-"


def decode_scope(person: Person, catalogue: Catalogue, kind: str, ident: str) -> Scope:
    """A scope from button data, checked against what the person may see now."""
    if kind == "o":
        if person.role == "manager" and person.gemeente:
            raise Refusal(not_your_gemeente(person, catalogue, mt.ORGANISATION))
        return Scope()
    if kind == "g" and ident in catalogue.gemeenten:
        return check_place(person, catalogue, Place("gemeente", ident)).scope()
    if kind == "v" and ident in catalogue.vestigingen:
        return check_place(person, catalogue, Place("vestiging", ident)).scope()
    raise Refusal(mt.PLACE_UNKNOWN.format(text=ident))


def _button(text: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(text, callback_data=data)


def _grid(buttons: list[InlineKeyboardButton], per_row: int) -> list[list[InlineKeyboardButton]]:
    return [buttons[i : i + per_row] for i in range(0, len(buttons), per_row)]


def stand_keyboard(
    person: Person,
    catalogue: Catalogue,
    scope: Scope,
    period: Period,
    opgaven: list[str],
    contract: bool = False,
) -> InlineKeyboardMarkup:
    """Drill into an opgave, the agreements or a place; switch the period."""
    where = encode_scope(scope)
    rows = [
        [_button(catalogue.opgaven[o].name, buttons.data(P.STAND_OPGAVE, period, where, o))]
        for o in opgaven
    ]
    if contract:
        rows.append([_button(mt.BUTTON_CONTRACT, buttons.data(P.STAND_CONTRACT, period, where))])
    places: list[InlineKeyboardButton] = []
    if scope.vestiging:
        gemeente = catalogue.vestigingen[scope.vestiging].gemeente
        name = catalogue.gemeenten[gemeente].name
        places.append(
            _button(f"{mt.BUTTON_BACK} {name}", buttons.data(P.STAND, period, "g", gemeente))
        )
    elif scope.gemeente:
        places += [
            _button(short_place(catalogue, v.id), buttons.data(P.STAND, period, "v", v.id))
            for v in catalogue.vestigingen_in(scope.gemeente)
        ]
        if own_scope(person) == Scope():
            places.append(_button(mt.BUTTON_WHOLE, buttons.data(P.STAND, period, "o", "-")))
    else:
        places += [
            _button(g.name, buttons.data(P.STAND, period, "g", g.id))
            for g in catalogue.gemeenten.values()
            if person.may_see(g.id)
        ]
    rows += _grid(places, 3)
    rows.append(
        [
            _button(mt.PERIOD_LABELS[p], buttons.data(P.STAND, p, where))
            for p in PERIODS
            if p != period
        ]
    )
    return InlineKeyboardMarkup(rows)


def back_keyboard(period: Period, scope: Scope) -> InlineKeyboardMarkup:
    """Under an opgave or the agreements: back to the figures of the same place and period."""
    return InlineKeyboardMarkup(
        [[_button(mt.BUTTON_BACK, buttons.data(P.STAND, period, encode_scope(scope)))]]
    )


def contract_of(
    db: sqlite_utils.Database, catalogue: Catalogue, scope: Scope, today: date
) -> ContractProgress | None:
    if scope.vestiging:
        return None
    return contract_progress(db, catalogue, today.year, scope.gemeente)


def stand_screen(
    person: Person,
    catalogue: Catalogue,
    db: sqlite_utils.Database,
    scope: Scope,
    period: Period,
    today: date,
) -> tuple[str, InlineKeyboardMarkup]:
    stand = compute_stand(db, catalogue, scope, period, today)
    opgaven = [o.id for o in stand.opgaven if o.bijeenkomsten or o.vorig_bijeenkomsten]
    summary = contract_summary(contract_of(db, catalogue, scope, today), year_fraction(today))
    markup = stand_keyboard(person, catalogue, scope, period, opgaven, bool(summary))
    return stand_text(stand, catalogue, summary), markup


async def cmd_stand(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    person = await manager_only(update, context)
    if person is None:
        return
    s = services(context)
    try:
        period, place = split_period(context.args or [], s.today())
        scope = scope_for(person, s.catalogue, place)
    except Refusal as exc:
        await reply(update, context, str(exc))
        return
    today = s.today()
    text, markup = await read_off_loop(
        s.store, lambda db: stand_screen(person, s.catalogue, db, scope, period, today)
    )
    await reply(update, context, text, markup)


async def on_stand_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    pressed = await registered_press(update, context, manager_only)
    if pressed is None:
        return
    query, person = pressed
    s = services(context)
    kind, parts = buttons.prefix(query.data), buttons.fields(query.data)
    if len(parts) < 3 or parts[0] not in PERIODS:
        await query.answer()
        return
    period: Period = parts[0]
    try:
        scope = decode_scope(person, s.catalogue, parts[1], parts[2])
    except Refusal as exc:
        await query.answer(str(exc), show_alert=True)
        return
    await query.answer()
    back = back_keyboard(period, scope)
    today = s.today()

    def screen(db: sqlite_utils.Database) -> tuple[str, InlineKeyboardMarkup]:
        progress = contract_of(db, s.catalogue, scope, today)
        if kind == P.STAND_CONTRACT and progress is not None:
            return contract_text(progress, s.catalogue, scope, today), back
        if kind == P.STAND_OPGAVE and len(parts) == 4 and parts[3] in s.catalogue.opgaven:
            stand = compute_stand(db, s.catalogue, scope, period, today)
            figures = ActivityFigures(
                now=per_activity(db, scope, stand.start, stand.end),
                before=per_activity(
                    db,
                    scope,
                    year_earlier(stand.start),
                    year_earlier(stand.end),
                ),
            )
            return opgave_text(stand, s.catalogue, parts[3], figures), back
        return stand_screen(person, s.catalogue, db, scope, period, today)

    text, markup = await read_off_loop(s.store, screen)
    try:
        await query.edit_message_text(text, reply_markup=markup)
    except BadRequest:  # too old to edit, or unchanged: send it anew
        await reply(update, context, text, markup)


# -- /gaten -----------------------------------------------------------------------------------


async def cmd_gaten(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    person = await manager_only(update, context)
    if person is None:
        return
    s = services(context)
    try:
        scope = scope_for(person, s.catalogue, " ".join(context.args or []))
    except Refusal as exc:
        await reply(update, context, str(exc))
        return
    today = s.today()
    gaps = await read_off_loop(s.store, lambda db: find_gaps(db, s.catalogue, scope, today))
    await reply(update, context, gaps_text(gaps, s.catalogue, scope, today.year))


# -- /citaten ---------------------------------------------------------------------------------


def quote_filter(catalogue: Catalogue, activities: Matcher, text: str) -> tuple[str, list[str]]:
    """What '/citaten <text>' filters on: (label, activity ids). Raises Refusal if unknown."""
    activity = activities.exact(text) or None
    opgaven = Matcher((o.id, [o.name]) for o in catalogue.opgaven.values())
    lijnen = Matcher((p.id, [p.name]) for p in catalogue.programmalijnen.values())
    opgave = opgaven.exact(text) or None
    if activity is None and opgave is None:
        activity = activities.match(text)
        opgave = None if activity else opgaven.match(text)
    if activity is not None:
        return catalogue.activities[activity].name, [activity]
    if opgave is not None:
        ids = [a.id for a in catalogue.activities.values() if catalogue.opgave_of(a.id) == opgave]
        return catalogue.opgaven[opgave].name, ids
    lijn = lijnen.match(text)
    if lijn is not None:
        return catalogue.programmalijnen[lijn].name, [a.id for a in catalogue.activities_in(lijn)]
    names = [catalogue.activities[a].name for a in activities.suggest(text, 3)]
    names += [catalogue.opgaven[o].name for o in opgaven.suggest(text, 1)]
    if names:
        raise Refusal(mt.FILTER_SUGGEST.format(text=shown(text), names=", ".join(names)))
    raise Refusal(mt.FILTER_UNKNOWN.format(text=shown(text)))


def latest_quotes(
    db: sqlite_utils.Database,
    gemeente: str | None,
    activities: list[str] | None,
    limit: int = QUOTES_LISTED,
) -> list[ListedQuote]:
    """The newest publishable quotes in a gemeente (None: all), optionally for some activities."""
    sql = (
        "SELECT q.id, q.text, q.attribution, q.consent, q.activity, q.vestiging, q.date, q.review "
        f"FROM quotes q WHERE {PUBLISHABLE_SQL}"
    )
    params: list[object] = []
    if gemeente:
        sql += " AND q.gemeente = ?"
        params.append(gemeente)
    if activities is not None:
        sql += f" AND q.activity IN ({', '.join('?' for _ in activities)})"
        params += activities
    sql += " ORDER BY q.date DESC, q.id DESC LIMIT ?"
    rows = db.execute(sql, [*params, limit]).fetchall()
    return [
        ListedQuote(qid, text, who, consent, act, ves, date.fromisoformat(day), review)
        for qid, text, who, consent, act, ves, day, review in rows
    ]


async def cmd_citaten(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    person = await manager_only(update, context)
    if person is None:
        return
    args = context.args or []
    if args and args[0].lower() in ("nieuw", "nieuwe"):
        from bot.manager.review import start_review

        await start_review(update, context, person)
        return
    s = services(context)
    scope = own_scope(person)
    label = scope_label(s.catalogue, scope)
    heading = mt.QUOTES_HEAD.format(scope=label)
    activities: list[str] | None = None
    if args:
        try:
            what, activities = quote_filter(s.catalogue, s.activities, " ".join(args))
        except Refusal as exc:
            await reply(update, context, str(exc))
            return
        heading = mt.QUOTES_HEAD_FILTER.format(what=what, scope=label)
    quotes, awaiting, stories = await read_off_loop(
        s.store,
        lambda db: (
            latest_quotes(db, scope.gemeente, activities),
            count_awaiting(db, scope.gemeente),
            count_awaiting_stories(db, scope.gemeente),
        ),
    )
    text = quotes_text(quotes, s.catalogue, heading, awaiting, stories)
    await reply(update, context, text)
