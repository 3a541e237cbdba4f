"""A leader's tally for people without a phone: "van de 8 zeiden er 6 dat ze iets nieuws
leerden". After saving a report (or from /mijnverslagen): pick the question, the goal it was
about (when the activity has more than one), then type "6 van 8".

Buttons: `tl:<session>` (start), `tl:<session>:<question>`, `tl:<session>:<question>:<goal>`;
indexes keep the data short. The typed numbers are awaited by a record (bot.core.awaiting) in
user_data, which the bot's persistence keeps over a restart.
"""

from __future__ import annotations

import logging
import textwrap
from typing import Any

import sqlite_utils
from telegram import Update
from telegram.ext import ContextTypes

from bot.core import awaiting, buttons
from bot.core.awaiting import Awaiting
from bot.core.guards import registered, registered_press
from bot.core.services import services
from bot.leader import flow, keyboards, queries, texts
from bot.leader.inputs import InputError, read_tally
from bot.leader.prefixes import ROOM, TYPED_TALLY
from ground.strict import is_int
from store.tallies import DIMENSIONS, save_tally

log = logging.getLogger("impactbot.bot")
BUTTON_WIDTH = 40


def _session_field(db: sqlite_utils.Database, column: str, session_id: int) -> tuple[Any] | None:
    """One column of a saved session (its activity, its attendance), or None when it is gone."""
    assert column in ("activity", "deelnemers")
    row = db.execute(f"SELECT {column} FROM sessions WHERE id = ?", [session_id]).fetchone()
    return None if row is None else (row[0],)


async def on_tally_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    pressed = await registered_press(update, context)
    if pressed is None:
        return
    query, person = pressed
    s = services(context)
    parts = buttons.fields(query.data)
    if not all(is_int(p) for p in parts) or not 1 <= len(parts) <= 3:
        await query.answer(texts.STALE_BUTTON)
        return
    session_id, *choice = (int(p) for p in parts)
    row = await s.store(_session_field, "activity", session_id)
    if row is None or await s.store(queries.report_owner, session_id) != person.id:
        await query.answer(texts.REPORT_GONE)
        await flow.close_buttons(query)
        return
    await query.answer()
    chat_id = query.from_user.id
    activity = s.catalogue.activities.get(row[0])
    effects = [e for e in (activity.effects if activity else []) if e in s.catalogue.effects]
    if not choice or choice[0] >= len(DIMENSIONS) or not effects:
        await flow.close_buttons(query)
        markup = keyboards.tally_statements(session_id)
        await context.bot.send_message(chat_id, texts.TALLY_ASK_STATEMENT, reply_markup=markup)
        return
    statement = choice[0]
    if len(choice) == 1 and len(effects) > 1:
        names = [
            textwrap.shorten(s.catalogue.effects[e].name, BUTTON_WIDTH, placeholder="…")
            for e in effects
        ]
        await flow.close_buttons(query)
        markup = keyboards.tally_effects(session_id, statement, names)
        await context.bot.send_message(chat_id, texts.TALLY_ASK_EFFECT, reply_markup=markup)
        return
    effect = effects[choice[1]] if len(choice) == 2 and choice[1] < len(effects) else effects[0]
    dimension = DIMENSIONS[statement]
    awaiting.expect(
        context, ROOM, TYPED_TALLY, session=session_id, effect=effect, dimension=dimension
    )
    await flow.close_buttons(query)
    wording = texts.TALLY_STATEMENTS[dimension]
    await context.bot.send_message(chat_id, texts.TALLY_ASK_NUMBERS.format(statement=wording))


async def on_numbers(update: Update, context: ContextTypes.DEFAULT_TYPE, record: Awaiting) -> bool:
    """The typed "6 van 8" of a tally (or its refusal)."""
    waiting = record.data
    message, user = update.effective_message, update.effective_user
    if message is None or message.text is None or user is None:
        return False
    person = await registered(update, context)
    if person is None:
        return True
    s = services(context)
    session_id = int(waiting["session"])
    row = await s.store(_session_field, "deelnemers", session_id)
    if row is None or await s.store(queries.report_owner, session_id) != person.id:
        awaiting.clear(context, ROOM, TYPED_TALLY)
        await message.reply_text(texts.TALLY_GONE)
        return True
    try:
        agreed, total = read_tally(message.text, row[0])
    except InputError as exc:
        await message.reply_text(str(exc))
        return True
    await s.store(
        save_tally,
        session_id,
        waiting["effect"],
        waiting["dimension"],
        agreed,
        total,
        f"person:{person.id}",
    )
    awaiting.clear(context, ROOM, TYPED_TALLY)
    log.info("tally saved", extra={"session_id": session_id})
    wording = texts.TALLY_STATEMENTS[waiting["dimension"]]
    await message.reply_text(
        texts.TALLY_SAVED.format(agreed=agreed, total=total, statement=wording),
        reply_markup=keyboards.after_save(session_id),
    )
    return True
