"""Who may use a manager command, and what a typed place name or year means.

Pure helpers (`resolve_place`, `scope_for`, `parse_year`, …) raise `Refusal` with a complete
Dutch sentence; the async guards send such a sentence and return None. Every name goes through
the toc matcher, so "westerveld", "Westerveld" and "Westervelt" all mean gemeente westerveld.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import ContextTypes

from bot.core import awaiting
from bot.core.guards import registered
from bot.manager import prefixes as P
from bot.manager import texts as mt
from ground.errors import ImpactbotError
from ground.strict import is_int
from reports.stand import Scope
from store.people import Person
from toc.matcher import Matcher
from toc.models import Catalogue

MIN_YEAR, MAX_YEAR = 2000, 2100


class Refusal(ImpactbotError):
    """A request that cannot be done as asked; str() is the Dutch answer."""


@dataclass(frozen=True)
class Place:
    kind: Literal["gemeente", "vestiging"]
    id: str

    def gemeente(self, catalogue: Catalogue) -> str:
        return self.id if self.kind == "gemeente" else catalogue.vestigingen[self.id].gemeente

    def scope(self) -> Scope:
        return Scope(gemeente=self.id) if self.kind == "gemeente" else Scope(vestiging=self.id)


ECHO_MAX = 60


def shown(text: str) -> str:
    """What someone typed, as a refusal repeats it: never the whole of a very long text."""
    text = " ".join(text.split())
    return text if len(text) <= ECHO_MAX else text[: ECHO_MAX - 1] + "…"


def gemeente_matcher(catalogue: Catalogue) -> Matcher:
    return Matcher((g.id, [g.name]) for g in catalogue.gemeenten.values())


def vestiging_matcher(catalogue: Catalogue) -> Matcher:
    return Matcher.for_vestigingen(catalogue)


def find_place(catalogue: Catalogue, text: str) -> Place | None:
    """Exact names first (a gemeente before a vestiging of the same name), then close ones."""
    gemeenten, vestigingen = gemeente_matcher(catalogue), vestiging_matcher(catalogue)
    for matcher_method in ("exact", "match"):
        found = getattr(gemeenten, matcher_method)(text)
        if found:
            return Place("gemeente", found)
        found = getattr(vestigingen, matcher_method)(text)
        if found:
            return Place("vestiging", found)
    return None


def place_name(catalogue: Catalogue, place: Place) -> str:
    if place.kind == "gemeente":
        return f"gemeente {catalogue.gemeenten[place.id].name}"
    return catalogue.vestigingen[place.id].name


def resolve_place(catalogue: Catalogue, text: str) -> Place:
    place = find_place(catalogue, text)
    if place is not None:
        return place
    names = [catalogue.gemeenten[g].name for g in gemeente_matcher(catalogue).suggest(text, 2)]
    names += [catalogue.vestigingen[v].name for v in vestiging_matcher(catalogue).suggest(text, 3)]
    names = list(dict.fromkeys(names))[:4]
    if names:
        raise Refusal(mt.PLACE_SUGGEST.format(text=shown(text), names=", ".join(names)))
    raise Refusal(mt.PLACE_UNKNOWN.format(text=shown(text)))


def not_your_gemeente(person: Person, catalogue: Catalogue, place: str) -> str:
    """'Je ziet alleen gegevens van gemeente X. Gemeente Y hoort daar niet bij.'"""
    own = catalogue.gemeenten[person.gemeente].name if person.gemeente else "?"
    return mt.NOT_YOUR_GEMEENTE.format(own=own, place=place[:1].upper() + place[1:])


def check_place(person: Person, catalogue: Catalogue, place: Place) -> Place:
    """The place, if the person may see it; else a refusal naming their own gemeente."""
    if person.may_see(place.gemeente(catalogue)):
        return place
    raise Refusal(not_your_gemeente(person, catalogue, place_name(catalogue, place)))


def own_scope(person: Person) -> Scope:
    """A manager's default view: their gemeente; an admin (or a manager without one): all."""
    if person.role == "manager" and person.gemeente:
        return Scope(gemeente=person.gemeente)
    return Scope()


def scope_for(person: Person, catalogue: Catalogue, text: str) -> Scope:
    """The scope a typed place name asks for, within what the person may see."""
    if not text.strip():
        return own_scope(person)
    return check_place(person, catalogue, resolve_place(catalogue, text)).scope()


def gemeente_for(person: Person, catalogue: Catalogue, text: str) -> str | None:
    """A typed gemeente (or a vestiging's gemeente) for a report or export; default: own."""
    if not text.strip():
        return own_scope(person).gemeente
    place = check_place(person, catalogue, resolve_place(catalogue, text))
    return place.gemeente(catalogue)


def parse_year(text: str, command: str, last: int = MAX_YEAR) -> int:
    """A year from MIN_YEAR up to `last` (a report: this year); a number outside that range
    is a year all the same and is told which years can be asked for."""
    if not is_int(text, max_digits=4) or len(text) != 4:
        raise Refusal(mt.YEAR_INVALID.format(text=shown(text), command=command))
    if not MIN_YEAR <= int(text) <= last:
        raise Refusal(mt.YEAR_OUT_OF_RANGE.format(first=MIN_YEAR, last=last))
    return int(text)


# -- guards -----------------------------------------------------------------------------------


async def reply(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    text: str,
    markup: InlineKeyboardMarkup | None = None,
) -> None:
    if update.effective_chat is not None:
        await context.bot.send_message(update.effective_chat.id, text, reply_markup=markup)


async def manager_only(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Person | None:
    """The registered manager or admin behind the update; anyone else is told why not."""
    person = await registered(update, context)
    if person is None:
        return None
    if person.is_manager:
        return person
    if update.callback_query is not None:
        await update.callback_query.answer(mt.MANAGERS_ONLY, show_alert=True)
    else:
        await reply(update, context, mt.MANAGERS_ONLY)
    return None


async def admin_only(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Person | None:
    person = await registered(update, context)
    if person is None:
        return None
    if person.role == "admin":
        return person
    if update.callback_query is not None:
        await update.callback_query.answer(mt.ADMINS_ONLY, show_alert=True)
    else:
        await reply(update, context, mt.ADMINS_ONLY)
    return None


async def answering_manager(
    update: Update, context: ContextTypes.DEFAULT_TYPE
) -> tuple[Person, str] | None:
    """The manager and the text they typed in answer to a manager question; anyone else, or no
    text, ends the wait."""
    person = await manager_only(update, context)
    message = update.effective_message
    if person is None or message is None or message.text is None:
        awaiting.clear(context, P.ROOM)
        return None
    return person, message.text
