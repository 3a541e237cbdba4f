"""Scheduled messages: the Monday digest for managers and reminders for unreported sessions.

Jobs live in python-telegram-bot's JobQueue (Europe/Amsterdam) and are rebuilt from the
settings and the catalogue's rooster at every start (`schedule_jobs`), so a restart loses
none. A catch-up run shortly after start sends what fell due while the bot was down. Sent
reminders are recorded in reminders_sent and digests in `processed` *before* sending, so a
restart never sends one twice.

Reminder buttons carry `hr:<activity>:<vestiging>:<yyyymmdd>` and start a report pre-filled
with those three, in the leader's normal draft flow. The second button, "Ging niet door", carries
`hn:` and the same three: it records a cancellation (store/cancellations.py), so that session is
no gap and gets no further reminder.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, time, timedelta

import sqlite_utils
from telegram import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import Application, CallbackContext, ContextTypes

from bot.core import buttons
from bot.core.guards import registered_press
from bot.core.offloop import read_off_loop
from bot.core.services import Services, services
from bot.leader import flow, texts
from bot.leader.draft import Draft
from bot.leader.inputs import InputError, check_date
from bot.manager import prefixes as P
from bot.manager import texts as mt
from bot.manager.access import own_scope
from bot.manager.format import digest_text, scope_label, short_place
from ground.dutch import weekday_date
from reports.digest import compute_digest, last_week
from store import drafts
from store.cancellations import cancel, is_cancelled
from store.db import now_iso, transaction
from store.people import Person, list_people
from toc.models import Schedule
from toc.schedule import parse_rule

log = logging.getLogger("impactbot.bot")
DIGEST_JOB = "weekoverzicht"
REMINDER_JOB = "herinnering"
CATCH_UP_JOB = "inhalen"
CATCH_UP_AFTER = timedelta(seconds=15)
LATEST_REMINDER = time(23, 30)
SESSION_AND_PACKING = timedelta(hours=2)
# python-telegram-bot counts weekdays from Sunday (0) to Saturday (6).
PTB_DAYS = {"zo": 0, "ma": 1, "di": 2, "wo": 3, "do": 4, "vr": 5, "za": 6}


def clock(text: str) -> time:
    hours, _, minutes = text.partition(":")
    return time(int(hours), int(minutes))


def reminder_at(reminder_time: str, session_time: str) -> time:
    """When to remind: at the set time, or for a late session two hours after its start
    (a 19:00 session is still running at 20:00), at the latest 23:30."""
    at = clock(reminder_time)
    if not session_time:
        return at
    start = datetime.combine(date(2000, 1, 1), clock(session_time))
    end = start + SESSION_AND_PACKING
    after = end.time() if end.date() == start.date() else LATEST_REMINDER
    return max(at, min(after, LATEST_REMINDER))


def _app(context: CallbackContext) -> Application:
    return context.application


# -- scheduling -------------------------------------------------------------------------------


def schedule_jobs(app: Application) -> None:
    """(Re)build every job from the settings and the rooster; safe to call again."""
    queue = app.job_queue
    if queue is None:
        log.warning("no job queue: digest and reminders are off")
        return
    s: Services = app.bot_data["services"]
    for job in queue.jobs():
        if job.name and job.name.split(":")[0] in (DIGEST_JOB, REMINDER_JOB, CATCH_UP_JOB):
            job.schedule_removal()
    schedule = s.settings.schedule
    queue.run_daily(
        digest_job,
        clock(schedule.digest_time).replace(tzinfo=s.tz),
        days=(PTB_DAYS[schedule.digest_day],),
        name=DIGEST_JOB,
    )
    for index, item in enumerate(s.catalogue.schedules):
        weekday = parse_rule(item.rule).weekday  # 0 = Monday
        queue.run_daily(
            reminder_job,
            reminder_at(schedule.reminder_time, item.time).replace(tzinfo=s.tz),
            days=((weekday + 1) % 7,),
            name=f"{REMINDER_JOB}:{item.vestiging}:{item.activity}:{index}",
            data=index,
        )
    queue.run_once(catch_up_job, CATCH_UP_AFTER, name=CATCH_UP_JOB)
    log.info("jobs scheduled", extra={"reminders": len(s.catalogue.schedules)})


# -- reminders --------------------------------------------------------------------------------


def is_reported(db: sqlite_utils.Database, activity: str, vestiging: str, day: date) -> bool:
    row = db.execute(
        "SELECT 1 FROM sessions WHERE vestiging = ? AND activity = ? AND date = ? LIMIT 1",
        [vestiging, activity, day.isoformat()],
    ).fetchone()
    return row is not None


async def reminder_people(s: Services, vestiging: str) -> list[Person]:
    """Who runs sessions there and wants reminders."""
    return [
        p
        for p in await s.store(list_people)
        if p.telegram_id is not None and p.reminders and vestiging in p.vestigingen
    ]


def claim_reminder(db: sqlite_utils.Database, key: str, person_id: int) -> bool:
    with transaction(db):
        cursor = db.execute(
            "INSERT OR IGNORE INTO reminders_sent (key, person_id, at) VALUES (?, ?, ?)",
            [key, person_id, now_iso()],
        )
        return bool(cursor.rowcount)


def release_reminder(db: sqlite_utils.Database, key: str) -> None:
    with transaction(db):
        db.execute("DELETE FROM reminders_sent WHERE key = ?", [key])


def release_digest(db: sqlite_utils.Database, key: str) -> None:
    with transaction(db):
        db.execute("DELETE FROM processed WHERE key = ?", [key])


def reminder_button(item: Schedule, day: date) -> InlineKeyboardMarkup:
    target = (item.activity, item.vestiging, f"{day:%Y%m%d}")
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    mt.BUTTON_REPORT_NOW, callback_data=buttons.data(P.REMINDER, *target)
                ),
                InlineKeyboardButton(
                    mt.BUTTON_DID_NOT_HAPPEN, callback_data=buttons.data(P.DID_NOT_HAPPEN, *target)
                ),
            ]
        ]
    )


async def remind(app: Application, item: Schedule, day: date) -> int:
    """Send the reminders for one rooster entry on `day`, once per person; returns how many."""
    s: Services = app.bot_data["services"]
    if day not in item.dates(day, day):
        return 0
    if await s.store(is_reported, item.activity, item.vestiging, day):
        return 0
    if await s.store(is_cancelled, item.vestiging, item.activity, day):
        return 0
    if item.activity not in s.catalogue.activities or item.vestiging not in s.catalogue.vestigingen:
        return 0
    sent = 0
    for person in await reminder_people(s, item.vestiging):
        key = f"{item.vestiging}:{item.activity}:{day.isoformat()}:{person.id}"
        if not await s.store(claim_reminder, key, person.id):
            continue
        text = mt.REMINDER.format(
            name=person.display_name,
            activity=s.catalogue.activities[item.activity].name,
            place=short_place(s.catalogue, item.vestiging),
        )
        assert person.telegram_id is not None
        try:
            await app.bot.send_message(
                person.telegram_id, text, reply_markup=reminder_button(item, day)
            )
        except Forbidden:
            log.info("reminder not delivered: bot blocked", extra={"person_id": person.id})
            continue
        except TelegramError:
            await s.store(release_reminder, key)  # try again at the next catch-up
            log.warning("reminder not delivered", extra={"person_id": person.id})
            continue
        sent += 1
        log.info("reminder sent", extra={"person_id": person.id, "key": key})
    return sent


async def reminder_job(context: CallbackContext) -> None:
    app = _app(context)
    s: Services = app.bot_data["services"]
    index = context.job.data if context.job else None
    if isinstance(index, int) and 0 <= index < len(s.catalogue.schedules):
        await remind(app, s.catalogue.schedules[index], s.today())


# -- digest -----------------------------------------------------------------------------------


async def send_digest(app: Application, person: Person, today: date) -> bool:
    """The weekly digest for one manager, once per week; True when sent now."""
    s: Services = app.bot_data["services"]
    if person.telegram_id is None:
        return False
    start, _ = last_week(today)
    key = f"digest:{person.id}:{start.isoformat()}"
    if not await s.store(drafts.claim, key):
        return False
    scope = own_scope(person)
    # Off the event loop, like every figure: leaders reporting at 9:00 are not held up.
    digest = await read_off_loop(s.store, lambda db: compute_digest(db, s.catalogue, scope, today))
    hour = s.now().astimezone(s.tz).hour
    text = digest_text(digest, person.display_name, scope_label(s.catalogue, scope), hour)
    try:
        await app.bot.send_message(person.telegram_id, text)
    except Forbidden:
        return False
    except TelegramError:
        await s.store(release_digest, key)
        log.warning("digest not delivered", extra={"person_id": person.id})
        return False
    log.info("digest sent", extra={"person_id": person.id})
    return True


async def send_digests(app: Application, today: date) -> int:
    s: Services = app.bot_data["services"]
    sent = 0
    for person in await s.store(list_people):
        if person.is_manager:
            sent += await send_digest(app, person, today)
    return sent


async def digest_job(context: CallbackContext) -> None:
    app = _app(context)
    await send_digests(app, app.bot_data["services"].today())


async def catch_up_job(context: CallbackContext) -> None:
    """After a start: what fell due today before now (and was not sent yet) goes out now."""
    app = _app(context)
    s: Services = app.bot_data["services"]
    now = s.now().astimezone(s.tz)
    today, schedule = now.date(), s.settings.schedule
    if PTB_DAYS[schedule.digest_day] == (today.weekday() + 1) % 7:
        if now.time() >= clock(schedule.digest_time):
            await send_digests(app, today)
    for item in s.catalogue.schedules:
        if now.time() >= reminder_at(schedule.reminder_time, item.time):
            await remind(app, item, today)


# -- the buttons in a reminder ----------------------------------------------------------------


def button_target(s: Services, data: str) -> tuple[str, str, date]:
    """Activity, vestiging and day from `hr:`/`hn:` button data; ValueError or InputError when
    the data is malformed, names something unknown, or the day is in the future or too old."""
    parts = buttons.fields(data)
    if len(parts) != 3:
        raise ValueError(data)
    activity, vestiging = parts[0], parts[1]
    day = datetime.strptime(parts[2], "%Y%m%d").date()
    check_date(day, s.today())
    if activity not in s.catalogue.activities or vestiging not in s.catalogue.vestigingen:
        raise ValueError(activity)
    return activity, vestiging, day


def is_planned(s: Services, activity: str, vestiging: str, day: date) -> bool:
    """Whether the rooster has this activity in this vestiging on that day."""
    return any(
        item.activity == activity and item.vestiging == vestiging and day in item.dates(day, day)
        for item in s.catalogue.schedules
    )


def may_cancel(s: Services, person: Person, vestiging: str) -> bool:
    """Leaders of that vestiging (who get its reminders), and managers who may see it."""
    return vestiging in person.vestigingen or person.may_see(
        s.catalogue.vestigingen[vestiging].gemeente
    )


async def _pressed_reminder(
    update: Update, context: ContextTypes.DEFAULT_TYPE, *, to_cancel: bool = False
) -> tuple[CallbackQuery, Person, Services, str, str, date] | None:
    """The shared start of both reminder buttons: who pressed, which session; None (after
    answering) for a stale or forged button, or a session that was reported meanwhile."""
    pressed = await registered_press(update, context)
    if pressed is None:
        return None
    query, person = pressed
    s = services(context)
    try:
        activity, vestiging, day = button_target(s, query.data or "")
        if to_cancel and not (
            is_planned(s, activity, vestiging, day) and may_cancel(s, person, vestiging)
        ):
            raise ValueError(query.data)
    except (ValueError, InputError):
        await query.answer(texts.STALE_BUTTON)
        await flow.close_buttons(query)
        return None
    if await s.store(is_reported, activity, vestiging, day):
        await query.answer(mt.REMINDER_ALREADY)
        await flow.close_buttons(query)
        return None
    return query, person, s, activity, vestiging, day


async def on_reminder_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Start the report for the reminded session: activity, place and date already filled in."""
    pressed = await _pressed_reminder(update, context)
    if pressed is None:
        return
    query, person, s, activity, vestiging, day = pressed
    if await flow.load(s, query.from_user.id) is not None:
        await query.answer(mt.REMINDER_FINISH_FIRST, show_alert=True)
        return
    await query.answer()
    draft = Draft(
        telegram_id=query.from_user.id,
        person_id=person.id,
        activity=activity,
        vestiging=vestiging,
        date=day,
    )
    log.info("report started from a reminder", extra={"draft": draft.short_id})
    await flow.proceed(update, context, draft)


async def on_did_not_happen_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The button "Ging niet door": record it once and say so in place of the reminder."""
    pressed = await _pressed_reminder(update, context, to_cancel=True)
    if pressed is None:
        return
    query, person, s, activity, vestiging, day = pressed
    new = await s.store(cancel, vestiging, activity, day, person.id)
    log.info("session did not happen", extra={"person_id": person.id, "new": new})
    await query.answer(mt.DID_NOT_HAPPEN_ANSWER if new else mt.DID_NOT_HAPPEN_ALREADY)
    text = mt.DID_NOT_HAPPEN.format(
        activity=s.catalogue.activities[activity].name,
        place=short_place(s.catalogue, vestiging),
        day=weekday_date(day),
    )
    try:
        await query.edit_message_text(text)  # without buttons: nothing left to press
    except BadRequest:
        pass  # too old to edit, or already this text
