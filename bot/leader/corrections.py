"""/mijnverslagen (change or delete an own report) and /annuleer (stop the report in progress).

Changes go through store.sessions (replace_session, delete_session), which write the audit.
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import ContextTypes

from bot.core import awaiting, buttons
from bot.core.guards import registered, registered_press
from bot.core.services import services
from bot.leader import flow, keyboards, queries, texts
from bot.leader.draft_session import from_session
from bot.leader.prefixes import ROOM, TYPED_NAME, TYPED_TALLY
from ground.strict import read_id, read_int
from store import drafts
from store.sessions import delete_session, load_session

log = logging.getLogger("impactbot.bot")
LISTED = 5


async def cmd_annuleer(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    person = await registered(update, context)
    if person is None or update.effective_user is None:
        return
    dropped = awaiting.clear(context, ROOM, TYPED_NAME, TYPED_TALLY)
    if dropped is not None and dropped.kind == TYPED_TALLY:
        await context.bot.send_message(update.effective_user.id, texts.CANCELLED)
        return
    removed = await services(context).store(drafts.delete_draft, update.effective_user.id)
    await context.bot.send_message(
        update.effective_user.id, texts.CANCELLED if removed else texts.NOTHING_TO_CANCEL
    )


async def cmd_mijnverslagen(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    person = await registered(update, context)
    if person is None or update.effective_user is None:
        return
    await _list_reports(context, update.effective_user.id, person.id, 0)


async def _list_reports(
    context: ContextTypes.DEFAULT_TYPE, chat_id: int, person_id: int, offset: int
) -> None:
    """LISTED reports from `offset` on, then a button further back when there are more."""
    s = services(context)
    found = await s.store(queries.own_reports, person_id, LISTED + 1, offset)
    reports, more = found[:LISTED], len(found) > LISTED
    if not reports:
        await context.bot.send_message(
            chat_id, texts.MY_REPORTS_END if offset else texts.MY_REPORTS_NONE
        )
        return
    head = texts.MY_REPORTS_OLDER_HEAD if offset else texts.MY_REPORTS_HEAD
    await context.bot.send_message(chat_id, head)
    for report in reports:
        line = texts.report_line(
            report.date,
            s.catalogue.activities[report.activity].name
            if report.activity in s.catalogue.activities
            else report.activity,
            s.catalogue.vestigingen[report.vestiging].name
            if report.vestiging in s.catalogue.vestigingen
            else report.vestiging,
            report.counts,
        )
        await context.bot.send_message(chat_id, line, reply_markup=keyboards.own_report(report.id))
    if more:
        await context.bot.send_message(
            chat_id, texts.MY_REPORTS_MORE, reply_markup=keyboards.older_reports(offset + LISTED)
        )


async def on_report_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """`s:<action>:<session id>` from /mijnverslagen."""
    pressed = await registered_press(update, context)
    if pressed is None:
        return
    query, person = pressed
    s = services(context)
    action, raw_id = buttons.fields(query.data, 2)
    if action == "more":  # "Oudere verslagen": raw_id is where the next page starts
        offset = read_int(raw_id, max_digits=6)
        await query.answer()
        await flow.close_buttons(query)
        if offset is not None:
            await _list_reports(context, query.from_user.id, person.id, offset)
        return
    session_id = read_id(raw_id)
    if await s.store(queries.report_owner, session_id) != person.id:
        await query.answer(texts.REPORT_GONE)
        await flow.close_buttons(query)
        return
    chat_id = query.from_user.id
    if action == "edit":
        if await flow.load(s, chat_id) is not None:
            await query.answer(texts.FINISH_FIRST, show_alert=True)
            return
        stored = await s.store(load_session, session_id)
        assert stored is not None
        await query.answer()
        draft = from_session(stored, s.catalogue, session_id, chat_id, person.id)
        await flow.proceed(update, context, draft)
    elif action == "del":
        await query.answer()
        await flow.close_buttons(query)
        line = query.message.text if query.message and hasattr(query.message, "text") else ""
        await context.bot.send_message(
            chat_id,
            texts.CONFIRM_DELETE.format(line=line or ""),
            reply_markup=keyboards.confirm_delete(session_id),
        )
    elif action == "delok":
        deleted = await s.store(delete_session, session_id, f"person:{person.id}")
        await query.answer()
        await flow.close_buttons(query)
        open_draft = await flow.load(s, chat_id)
        if open_draft is not None and open_draft.session_id == session_id:
            await s.store(drafts.delete_draft, chat_id, open_draft.draft_id)
        log.info("report deleted", extra={"session_id": session_id, "person_id": person.id})
        await context.bot.send_message(chat_id, texts.DELETED if deleted else texts.REPORT_GONE)
    else:
        await query.answer()
        await flow.close_buttons(query)
        await context.bot.send_message(chat_id, texts.KEPT)
