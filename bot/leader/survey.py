"""After saving a report: "Vraag de deelnemers" gives a QR code and a link for that session.

`saved_markup()` is the button under the saved confirmation (one helper, so the confirmation
path can change without touching this). The QR code opens the participants' web page when the
bot has a public address ([participants] public_url, or the webhook's host); otherwise the
Telegram deep link https://t.me/<bot>?start=s_<code>.
"""

from __future__ import annotations

import io
import logging
import secrets
from collections.abc import Callable
from datetime import date, timedelta

import segno
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import ContextTypes

from bot.core import buttons
from bot.core.guards import registered
from bot.core.services import Services, services
from bot.leader import prefixes as P
from bot.leader import queries, texts
from ground.dutch import weekday_date
from ground.strict import read_id
from store.sessions import SessionIn, load_session
from store.survey import START_PREFIX, Survey, open_survey, record_draw
from toc.survey import ask_plan, choose_statements, drawn

log = logging.getLogger("impactbot.bot")
WEB_PATH = "/d/"
# The lot for "1 op de N" (a test sets its own, so a draw is known in advance).
LOT: Callable[[], float] = secrets.SystemRandom().random


def saved_markup(s: Services, activity: str | None, session_id: int) -> InlineKeyboardMarkup | None:
    """The "Vraag de deelnemers" button, when this activity has statements for participants."""
    if activity is None or not choose_statements(s.catalogue, activity):
        return None
    button = InlineKeyboardButton(
        texts.BUTTON_ASK_PARTICIPANTS, callback_data=buttons.data(P.ASK_PARTICIPANTS, session_id)
    )
    return InlineKeyboardMarkup([[button]])


def telegram_link(bot_username: str, survey: Survey) -> str:
    return f"https://t.me/{bot_username}?start={START_PREFIX}{survey.code}"


def web_link(s: Services, survey: Survey) -> str | None:
    base = s.settings.participants.web_base(s.settings.telegram.webhook.url)
    return f"{base}{WEB_PATH}{survey.code}" if base else None


def qr_png(content: str) -> bytes:
    """A QR code that a phone camera reads from a screen or a printed A4."""
    out = io.BytesIO()
    segno.make(content, error="m").save(out, kind="png", scale=10, border=4)
    return out.getvalue()


async def on_ask(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    person = await registered(update, context)
    if query is None or person is None or query.data is None:
        return
    s = services(context)
    (raw,) = buttons.fields(query.data, 1)
    session_id = read_id(raw)
    session = await s.store(load_session, session_id)
    if session is None:
        await query.answer(texts.SURVEY_NO_SESSION, show_alert=True)
        return
    # The leader who reported it, or a manager of its gemeente (like every manager action).
    place = s.catalogue.vestigingen.get(session.vestiging)
    manager_may = person.is_manager and place is not None and person.may_see(place.gemeente)
    if await s.store(queries.report_owner, session_id) != person.id and not manager_may:
        await query.answer(texts.SURVEY_NOT_YOURS, show_alert=True)
        return
    days = s.settings.participants.survey_days
    if (s.today() - session.date).days > days:
        await query.answer(texts.SURVEY_TOO_OLD.format(days=days), show_alert=True)
        return
    statements = [c.as_json() for c in choose_statements(s.catalogue, session.activity)]
    if not statements:
        await query.answer(texts.NO_PARTICIPANT_QUESTIONS, show_alert=True)
        return
    survey = await s.store(
        open_survey,
        session_id,
        statements,
        s.now(),
        created_by=person.id,
        days=days,
    )
    if not survey.is_open(s.now()):
        closed = texts.SURVEY_CAPPED if survey.capped_at else texts.SURVEY_CLOSED.format(days=days)
        await query.answer(closed, show_alert=True)
        return
    await query.answer()
    await send_qr(context, s, session, survey, person.telegram_id or query.from_user.id)


async def send_qr(
    context: ContextTypes.DEFAULT_TYPE,
    s: Services,
    session: SessionIn,
    survey: Survey,
    chat_id: int,
    intro: str | None = None,
) -> None:
    """The QR code and the link for a session's survey, with `intro` above the caption."""
    telegram = telegram_link(context.bot.username, survey)
    web = web_link(s, survey)
    how = (
        texts.ASK_VIA_WEB.format(web=web, telegram=telegram)
        if web
        else texts.ASK_VIA_TELEGRAM.format(telegram=telegram)
    )
    activity = s.catalogue.activities[session.activity].name
    vestiging = s.catalogue.vestigingen.get(session.vestiging)
    last_day = (survey.expires_at.astimezone(s.tz) - timedelta(seconds=1)).date()
    caption = texts.ASK_PARTICIPANTS.format(
        activity=activity,
        place=vestiging.name if vestiging else session.vestiging,
        day=weekday_date(date.fromisoformat(str(session.date))),
        n=len(survey.statements),
        how=how,
        until=weekday_date(last_day),
    )
    if intro:
        caption = f"{intro}\n\n{caption}"
    await context.bot.send_photo(
        chat_id, qr_png(web or telegram), caption=caption, filename=f"qr-{survey.code}.png"
    )
    log.info("participants asked", extra={"session_id": survey.session_id, "web": bool(web)})


async def draw_lot(s: Services, activity: str | None, session_id: int) -> tuple[int, bool] | None:
    """After Opslaan of an activity with a plan ("1 op de N"): draw whether this session asks
    its participants (once: a correction keeps the first draw). None without a plan."""
    if activity is None or not choose_statements(s.catalogue, activity):
        return None
    one_in = ask_plan(s.catalogue, activity)
    if not one_in:
        return None
    picked = await s.store(record_draw, session_id, one_in, drawn(one_in, LOT()), s.now())
    return one_in, picked


def lot_line(lot: tuple[int, bool] | None) -> str | None:
    if lot is None:
        return None
    one_in, picked = lot
    return (texts.LOT_DRAWN if picked else texts.LOT_NOT_DRAWN).format(n=one_in)


async def send_drawn_qr(
    context: ContextTypes.DEFAULT_TYPE, s: Services, session_id: int, chat_id: int
) -> None:
    """The lot said ask: the QR code comes at once, ready to show."""
    session = await s.store(load_session, session_id)
    if session is None:
        return
    statements = [c.as_json() for c in choose_statements(s.catalogue, session.activity)]
    days = s.settings.participants.survey_days
    survey = await s.store(open_survey, session_id, statements, s.now(), days=days)
    one_in = ask_plan(s.catalogue, session.activity) or 1
    await send_qr(context, s, session, survey, chat_id, texts.LOT_DRAWN.format(n=one_in))
