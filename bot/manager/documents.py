"""/rapport and /export: the impactreflectie (HTML + PDF) and the sessions (XLSX + CSV).

Rendering takes seconds, so it runs in a worker thread with its own database connection, from
a background task: the handler itself only checks the request and returns, so the updates of
other people (their reports) are handled meanwhile. While it runs, the chat shows "sending a
file…".
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Coroutine
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import sqlite_utils
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatAction
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.core import buttons
from bot.core.guards import registered_press
from bot.core.services import services
from bot.manager import prefixes as P
from bot.manager import texts as mt
from bot.manager.access import Refusal, gemeente_for, manager_only, own_scope, parse_year, reply
from ground.dutch import count as counted
from ground.errors import ImpactbotError
from reports.export_bundle import export_bundle, more_name
from reports.render import Edition
from store.db import open_db
from store.people import Person
from toc.models import Catalogue

log = logging.getLogger("impactbot.bot")
T = TypeVar("T")
ACTION_EVERY = 4.0  # seconds; Telegram shows a chat action for about five
# Background tasks started while the Application is not running (tests), kept referenced.
_TASKS: set[asyncio.Task[None]] = set()


def database_path(db: sqlite_utils.Database) -> str:
    """The file behind an open connection, so a worker thread can open its own."""
    return str(db.execute("PRAGMA database_list").fetchone()[2])


def report_files(
    path: str | Path,
    catalogue: Catalogue,
    year: int,
    gemeente: str | None,
    today: date,
    edition: Edition = "gemeente",
    unreviewed: bool = False,
) -> tuple[bytes, bytes]:
    """(html, pdf) of the impactreflectie; runs in a worker thread."""
    html, pdf, _notice = report_documents(
        path, catalogue, year, gemeente, today, edition, unreviewed
    )
    return html, pdf


def report_documents(
    path: str | Path,
    catalogue: Catalogue,
    year: int,
    gemeente: str | None,
    today: date,
    edition: Edition = "gemeente",
    unreviewed: bool = False,
) -> tuple[bytes, bytes, str]:
    """(html, pdf, what is not reviewed yet, in one sentence); runs in a worker thread. The
    gemeente edition prints only approved quotes, stories and photos unless `unreviewed`."""
    from reports.model import build_report
    from reports.period import check_report_year
    from reports.render import render_html, render_pdf
    from reports.review import review_notice

    approved_only = edition == "gemeente" and not unreviewed
    db = open_db(path)
    try:
        # a year without reports gets one sentence (NoReport), not a report of empty pages
        check_report_year(db, year, gemeente, scope_name(catalogue, gemeente), today)
        report = build_report(
            db, catalogue, year, gemeente, today=today, approved_only=approved_only
        )
    finally:
        db.conn.close()
    notice = review_notice(report.unreviewed, approved_only, mt.ASK_UNREVIEWED.format(year=year))
    return render_html(report, edition).encode("utf-8"), render_pdf(report, edition), notice


def export_files(
    path: str | Path, catalogue: Catalogue, year: int, gemeente: str | None
) -> tuple[int, bytes, bytes, list[tuple[str, bytes]]]:
    """(number of sessions, xlsx, csv of the sessions, [(kind, csv)]): the totals and the
    participants' answers, when there are any, in CSV files of their own (one table per CSV),
    as on their own sheets in the xlsx. Runs in a worker thread."""
    db = open_db(path)
    try:
        bundle = export_bundle(db, catalogue, year, gemeente)
    finally:
        db.conn.close()
    if bundle is None:
        return 0, b"", b"", []
    return bundle.sessions, bundle.xlsx, bundle.csv, bundle.more


async def while_uploading(
    context: ContextTypes.DEFAULT_TYPE, chat_id: int, work: Awaitable[T]
) -> T:
    """Await `work`, repeating the 'sending a file' chat action until it is done."""
    task = asyncio.ensure_future(work)
    while True:
        try:
            await context.bot.send_chat_action(chat_id, ChatAction.UPLOAD_DOCUMENT)
        except TelegramError:
            pass  # only a courtesy
        done, _ = await asyncio.wait({task}, timeout=ACTION_EVERY)
        if done:
            return task.result()


def scope_name(catalogue: Catalogue, gemeente: str | None) -> str:
    return f"gemeente {catalogue.gemeenten[gemeente].name}" if gemeente else mt.ORGANISATION


def year_buttons(kind: str, today: date) -> InlineKeyboardMarkup:
    years = (today.year, today.year - 1)
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(str(y), callback_data=buttons.data(P.DOCUMENTS, kind, y))
                for y in years
            ]
        ]
    )


INTERN_WORDS = ("intern", "interne")
# The gemeente edition prints only approved quotes, stories and photos unless asked with this.
ALL_WORDS = ("onbeoordeeld",)


def _request(
    person: Person, catalogue: Catalogue, args: list[str], command: str, today: date
) -> tuple[int, str | None, Edition, bool]:
    """JAAR [gemeente] [intern] [onbeoordeeld]: the public account, with only approved quotes,
    stories and photos, unless the last words ask for the intern one or the unreviewed too."""
    year = parse_year(args[0], command, today.year)
    rest = args[1:]
    edition: Edition = "gemeente"
    unreviewed = False
    while command == "rapport" and rest and rest[-1].lower() in (*INTERN_WORDS, *ALL_WORDS):
        if rest[-1].lower() in INTERN_WORDS:
            edition = "intern"
        else:
            unreviewed = True
        rest = rest[:-1]
    return year, gemeente_for(person, catalogue, " ".join(rest)), edition, unreviewed


async def cmd_rapport(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _command(update, context, "rapport")


async def cmd_export(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _command(update, context, "export")


async def _command(update: Update, context: ContextTypes.DEFAULT_TYPE, command: str) -> None:
    person = await manager_only(update, context)
    if person is None:
        return
    s = services(context)
    args = context.args or []
    if not args:
        await reply(update, context, mt.ASK_YEAR, year_buttons(command, s.today()))
        return
    try:
        year, gemeente, edition, unreviewed = _request(
            person, s.catalogue, args, command, s.today()
        )
    except Refusal as exc:
        await reply(update, context, str(exc))
        return
    await start(update, context, command, year, gemeente, edition, unreviewed)


async def start(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    command: str,
    year: int,
    gemeente: str | None,
    edition: Edition = "gemeente",
    unreviewed: bool = False,
) -> None:
    """Say it is coming (a report takes seconds), then make and send it in the background."""
    if command == "rapport":
        where = scope_name(services(context).catalogue, gemeente)
        await reply(update, context, mt.REPORT_BUSY.format(year=year, scope=where))
    work = _send(update, context, command, year, gemeente, edition, unreviewed)
    background(context, update, work)


def background(
    context: ContextTypes.DEFAULT_TYPE, update: Update, work: Coroutine[Any, Any, None]
) -> None:
    """Run `work` without holding up the update queue (a PTB task while the bot runs)."""
    if context.application.running:
        context.application.create_task(work, update=update, name="document")
        return
    task = asyncio.create_task(work, name="document")
    _TASKS.add(task)
    task.add_done_callback(_TASKS.discard)


async def on_year_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """`dc:<rapport|export>:<year>` from the year question; the scope is the person's own."""
    pressed = await registered_press(update, context, manager_only)
    if pressed is None:
        return
    query, person = pressed
    command, raw = buttons.fields(query.data, 2)
    if command not in ("rapport", "export"):
        await query.answer(mt.BUTTON_INVALID.format(command="help"), show_alert=True)
        return
    try:
        year = parse_year(raw, command, services(context).today().year)
    except Refusal:
        await query.answer(mt.BUTTON_INVALID.format(command=command), show_alert=True)
        return
    await query.answer()
    try:
        await query.edit_message_reply_markup(reply_markup=None)
    except TelegramError:
        pass
    await start(update, context, command, year, own_scope(person).gemeente)


async def _send(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    command: str,
    year: int,
    gemeente: str | None,
    edition: Edition = "gemeente",
    unreviewed: bool = False,
) -> None:
    chat = update.effective_chat
    if chat is None:
        return
    s = services(context)
    path = database_path(s.db)
    where = scope_name(s.catalogue, gemeente)
    stem = f"{year}-{gemeente or 'organisatie'}" + ("-intern" if edition == "intern" else "")
    try:
        if command == "rapport":
            work = asyncio.to_thread(
                report_documents, path, s.catalogue, year, gemeente, s.today(), edition,
                unreviewed,
            )  # fmt: skip
            html, pdf, notice = await while_uploading(context, chat.id, work)
            await context.bot.send_document(
                chat.id, html, filename=f"impactreflectie-{stem}.html",
                caption=mt.REPORT_HTML.format(year=year, scope=where, edition=mt.EDITIONS[edition]),
            )  # fmt: skip
            await context.bot.send_document(
                chat.id, pdf, filename=f"impactreflectie-{stem}.pdf",
                caption=mt.REPORT_PDF.format(year=year, scope=where, edition=mt.EDITIONS[edition]),
            )  # fmt: skip
            await reply(update, context, notice)
        else:
            work2 = asyncio.to_thread(export_files, path, s.catalogue, year, gemeente)
            count, xlsx, csv, more = await while_uploading(context, chat.id, work2)
            if not xlsx:
                await reply(update, context, mt.EXPORT_EMPTY.format(year=year, scope=where))
                return
            n = counted(count, "bijeenkomst", "bijeenkomsten")
            await context.bot.send_document(
                chat.id, xlsx, filename=f"sessies-{stem}.xlsx",
                caption=mt.EXPORT_XLSX.format(year=year, scope=where, n=n),
            )  # fmt: skip
            await context.bot.send_document(
                chat.id, csv, filename=f"sessies-{stem}.csv", caption=mt.EXPORT_CSV
            )
            for kind, data in more:
                await context.bot.send_document(
                    chat.id, data, filename=more_name(kind, stem), caption=mt.EXPORT_CSV_MORE[kind]
                )
    except ImpactbotError as exc:
        await reply(update, context, str(exc))
        return
    except Exception:
        log.error("making a document failed", exc_info=True, extra={"command": command})
        await reply(update, context, mt.DOCUMENT_FAILED)
        return
    log.info("document sent", extra={"command": command, "year": year, "gemeente": gemeente})
