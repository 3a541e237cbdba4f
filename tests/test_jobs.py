"""The weekly digest and the reminders: scheduled at start, kept over a restart, sent once."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date, datetime, time

import pytest
import sqlite_utils
from fakes import register_person
from manager_fakes import (
    AMSTERDAM,
    LEADER,
    MANAGER,
    OTHER_MANAGER,
    ManagerHarness,
    add_session,
    seed_people,
)

from bot.leader import texts
from bot.manager import texts as mt
from bot.manager.jobs import CATCH_UP_JOB, DIGEST_JOB, reminder_at
from ground.settings import Settings
from store.cancellations import cancel
from store.people import Person
from store.reviews import approve
from store.sessions import QuoteIn
from toc.models import Catalogue

FIRST_MONDAY = datetime(2025, 3, 3, 20, 0)  # the rooster's Voorleesuurtje in Havelte
VOORLEES = "herinnering:havelte:voorleesuurtje:"
SAMENLEZEN = "herinnering:havelte:samenlezen:"


@pytest.fixture
def people(db: sqlite_utils.Database) -> dict[str, Person]:
    found = seed_people(db)
    # A second Havelte leader who turned reminders off, and one elsewhere.
    quiet = register_person(db, 6006, "leider", "westerveld", "havelte", "Stil")
    db.execute("UPDATE people SET reminders = 0 WHERE id = ?", [quiet.id])
    db.conn.commit()
    register_person(db, 7007, "leider", "westerveld", "diever", "Dirk")
    return found


async def harness(settings: Settings, catalogue: Catalogue, now: datetime) -> ManagerHarness:
    bot = ManagerHarness(settings, catalogue)
    await bot.start()
    bot.set_now(now)
    return bot


@pytest.fixture
async def bot(
    settings: Settings, catalogue: Catalogue, people: dict[str, Person]
) -> AsyncIterator[ManagerHarness]:
    found = await harness(settings, catalogue, FIRST_MONDAY)
    yield found
    await found.stop()


def job_name(bot: ManagerHarness, prefix: str) -> str:
    assert bot.app.job_queue is not None
    return next(j.name for j in bot.app.job_queue.jobs() if j.name and j.name.startswith(prefix))


def test_reminder_time() -> None:
    assert reminder_at("20:00", "10:00") == time(20, 0)
    assert reminder_at("20:00", "") == time(20, 0)
    assert reminder_at("20:00", "19:00") == time(21, 0)  # still running at 20:00
    assert reminder_at("20:00", "22:30") == time(23, 30)


async def test_jobs_are_scheduled_and_still_there_after_a_restart(
    settings: Settings, catalogue: Catalogue, people: dict[str, Person]
) -> None:
    for _ in range(2):  # the second round is a restart on the same database
        bot = ManagerHarness(settings, catalogue)
        await bot.start()
        await bot.run()
        try:
            assert bot.app.job_queue is not None
            jobs = {j.name: j for j in bot.app.job_queue.jobs()}
            assert DIGEST_JOB in jobs and CATCH_UP_JOB in jobs
            reminders = [n for n in jobs if n and n.startswith("herinnering:")]
            assert len(reminders) == len(catalogue.schedules)
            digest = jobs[DIGEST_JOB].next_t
            assert digest is not None
            digest = digest.astimezone(AMSTERDAM)
            assert (digest.weekday(), digest.hour, digest.minute) == (0, 9, 0)
            voorlees = jobs[job_name(bot, VOORLEES)].next_t
            assert voorlees is not None and voorlees.astimezone(AMSTERDAM).time() == time(20)
            assert voorlees.astimezone(AMSTERDAM).weekday() == 0  # on Mondays
        finally:
            await bot.stop()


async def test_one_reminder_that_starts_the_report_prefilled(
    bot: ManagerHarness, settings: Settings, catalogue: Catalogue, db: sqlite_utils.Database
) -> None:
    await bot.run_job(job_name(bot, VOORLEES))
    [reminder] = bot.texts(LEADER)
    assert reminder == mt.REMINDER.format(name="Lotte", activity="Voorleesuurtje", place="Havelte")
    assert not bot.texts(6006) and not bot.texts(7007) and not bot.texts(MANAGER)
    await bot.run_job(job_name(bot, VOORLEES))
    assert len(bot.texts(LEADER)) == 1  # never twice
    # After a restart the job runs again (e.g. the catch-up): still nothing new.
    again = await harness(settings, catalogue, FIRST_MONDAY)
    try:
        await again.run_job(job_name(again, VOORLEES))
        assert not again.texts(LEADER)
    finally:
        await again.stop()

    await bot.press(mt.BUTTON_REPORT_NOW, user_id=LEADER)
    assert "kinderen en hoeveel volwassenen" in bot.text_to(LEADER)
    await bot.send("9 4", user_id=LEADER)
    await bot.press(texts.BUTTON_SKIP, user_id=LEADER)
    await bot.press(texts.BUTTON_NO_QUOTE, user_id=LEADER)
    summary = bot.text_to(LEADER)
    assert "Voorleesuurtje" in summary and "Havelte" in summary
    assert "maandag 3 maart 2025" in summary
    await bot.press(texts.BUTTON_SAVE, user_id=LEADER)
    assert bot.text_to(LEADER).startswith(texts.SAVED)
    assert db.execute("SELECT date, activity, vestiging, deelnemers FROM sessions").fetchall() == [
        ("2025-03-03", "voorleesuurtje", "havelte", 13)
    ]
    # The button of an already reported session says so.
    await bot.press(mt.BUTTON_REPORT_NOW, user_id=LEADER)
    assert bot.answers()[-1] == mt.REMINDER_ALREADY


async def test_no_reminder_when_reported_or_not_planned(
    bot: ManagerHarness, db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    add_session(db, catalogue, date(2025, 3, 3), "voorleesuurtje", "havelte", 8)
    await bot.run_job(job_name(bot, VOORLEES))
    assert not bot.texts(LEADER)
    bot.set_now(datetime(2025, 3, 10, 20, 0))  # the second Monday: not on the rooster
    await bot.run_job(job_name(bot, SAMENLEZEN))
    assert not bot.texts(LEADER)


async def test_catch_up_after_a_restart_sends_what_fell_due(
    settings: Settings, catalogue: Catalogue, people: dict[str, Person]
) -> None:
    bot = await harness(settings, catalogue, datetime(2025, 3, 3, 21, 30))
    try:
        await bot.run_job(CATCH_UP_JOB)
        activities = sorted(t.split(" stond ")[1].split(" in ")[0] for t in bot.texts(LEADER))
        assert activities == ["Samenlezen", "Voorleesuurtje"]
        # Monday: the digest too, greeted by the hour it is sent (21:30), not "Goedemorgen".
        assert bot.text_to(MANAGER).startswith("Goedenavond Mark!")
        await bot.run_job(CATCH_UP_JOB)
        assert len(bot.texts(LEADER)) == 2 and len(bot.texts(MANAGER)) == 1
    finally:
        await bot.stop()


async def test_weekly_digest_per_manager_scope(
    bot: ManagerHarness, db: sqlite_utils.Database, catalogue: Catalogue, people: dict[str, Person]
) -> None:
    add_session(db, catalogue, date(2025, 3, 3), "voorleesuurtje", "havelte", 12, quotes=[
        QuoteIn(text="Isa wil elke avond voorlezen", attribution="moeder van Isa", consent="ja"),
        QuoteIn(text="Nog niet beoordeeld", consent="anoniem"),
    ])  # fmt: skip
    add_session(db, catalogue, date(2025, 3, 6), "taalhuis", "havelte", 4)
    add_session(db, catalogue, date(2025, 3, 5), "ido-spreekuur", "beilen", 9)
    isa = db.execute("SELECT id FROM quotes WHERE text LIKE 'Isa%'").fetchone()[0]
    approve(db, isa, people["manager"].id)
    bot.set_now(datetime(2025, 3, 10, 9, 0))
    await bot.run_job(DIGEST_JOB)
    [digest] = bot.texts(MANAGER)
    assert digest.splitlines()[:5] == [
        "Goedemorgen Mark! Vorige week (3 maart t/m 9 maart), gemeente Westerveld:",
        "2 bijeenkomsten, 16 deelnemers ▲ (week ervoor: 0 bijeenkomsten)",
        "Meeste deelnemers: Voorleesuurtje",
        "Citaten die op je oordeel wachten: 1 (/citaten nieuw)",
        "Op het rooster maar niet doorgegeven: 3 (/gaten)",
    ]
    assert digest.splitlines()[-1].startswith("Mooi citaat: „Isa wil elke avond voorlezen”")
    [other] = bot.texts(OTHER_MANAGER)
    assert "Midden-Drenthe" in other and "Isa" not in other and "1 bijeenkomst, 9" in other
    assert not bot.texts(LEADER)
    await bot.run_job(DIGEST_JOB)
    assert len(bot.texts(MANAGER)) == 1


# -- "Ging niet door" -------------------------------------------------------------------------

CANCEL_DATA = "hn:voorleesuurtje:havelte:20250303"


def cancellations(db: sqlite_utils.Database) -> list[tuple]:
    return db.execute("SELECT vestiging, activity, date, person_id FROM cancellations").fetchall()


async def test_did_not_happen_is_stored_once_and_is_no_gap(
    bot: ManagerHarness, db: sqlite_utils.Database, people: dict[str, Person]
) -> None:
    await bot.run_job(job_name(bot, VOORLEES))
    [reminder] = [c for c in bot.request.of("sendMessage") if int(c.params["chat_id"]) == LEADER]
    assert reminder.buttons == [
        (mt.BUTTON_REPORT_NOW, "hr:voorleesuurtje:havelte:20250303"),
        (mt.BUTTON_DID_NOT_HAPPEN, CANCEL_DATA),
    ]
    bot.set_now(datetime(2025, 3, 4, 10, 0))  # the next morning: yesterday is a gap
    await bot.send("/gaten", user_id=MANAGER)
    assert "• ma 3 mrt: Voorleesuurtje, Havelte" in bot.text_to(MANAGER)

    await bot.press(mt.BUTTON_DID_NOT_HAPPEN, user_id=LEADER)
    assert bot.answers()[-1] == mt.DID_NOT_HAPPEN_ANSWER
    [edit] = bot.request.of("editMessageText")
    assert edit.text == (
        "Genoteerd: Voorleesuurtje in Havelte op maandag 3 maart 2025 ging niet door. Dank je!"
    )
    assert edit.params["message_id"] == reminder.result["message_id"]
    assert not edit.buttons
    assert cancellations(db) == [("havelte", "voorleesuurtje", "2025-03-03", people["leader"].id)]

    # A second press, and one by the manager of that gemeente: harmless, stored once.
    await bot.press_data(CANCEL_DATA, message_id=reminder.result["message_id"], user_id=LEADER)
    assert bot.answers()[-1] == mt.DID_NOT_HAPPEN_ALREADY
    await bot.press_data(CANCEL_DATA, user_id=MANAGER)
    assert bot.answers()[-1] == mt.DID_NOT_HAPPEN_ALREADY
    assert cancellations(db) == [("havelte", "voorleesuurtje", "2025-03-03", people["leader"].id)]
    assert db.execute("SELECT count(*) FROM audit WHERE action = 'cancel'").fetchone()[0] == 1

    await bot.send("/gaten", user_id=MANAGER)
    gaps = bot.text_to(MANAGER)
    assert "Voorleesuurtje, Havelte" not in gaps
    assert "• ma 3 mrt: Samenlezen, Havelte" in gaps  # not cancelled: still a gap


async def test_no_reminder_for_a_cancelled_date(
    settings: Settings, catalogue: Catalogue, db: sqlite_utils.Database, people: dict[str, Person]
) -> None:
    cancel(db, "havelte", "voorleesuurtje", date(2025, 3, 3), people["leader"].id)
    bot = await harness(settings, catalogue, datetime(2025, 3, 3, 21, 30))
    try:
        await bot.run_job(job_name(bot, VOORLEES))
        assert not bot.texts(LEADER)
        await bot.run_job(CATCH_UP_JOB)  # after a restart: still none for the cancelled one
        [reminder] = bot.texts(LEADER)
        assert "Samenlezen" in reminder
    finally:
        await bot.stop()


@pytest.mark.parametrize(
    ("data", "user"),
    [
        ("hn:voorleesuurtje:havelte", LEADER),  # too short
        ("hn:voorleesuurtje:havelte:20250303:x", LEADER),  # too long
        ("hn:voorleesuurtje:havelte:2025-03-03", LEADER),  # not a date
        ("hn:onbekend:havelte:20250303", LEADER),  # unknown activity
        ("hn:voorleesuurtje:nergens:20250303", LEADER),  # unknown vestiging
        ("hn:voorleesuurtje:havelte:20250310", LEADER),  # not on the rooster that day
        ("hn:voorleesuurtje:havelte:20250407", LEADER),  # in the future
        ("hn:voorleesuurtje:havelte:20240205", LEADER),  # more than a year ago
        (CANCEL_DATA, 7007),  # a leader in Diever
        (CANCEL_DATA, OTHER_MANAGER),  # a manager of another gemeente
    ],
)
async def test_did_not_happen_button_data_is_checked(
    bot: ManagerHarness, db: sqlite_utils.Database, data: str, user: int
) -> None:
    await bot.press_data(data, user_id=user)
    assert bot.answers() == [texts.STALE_BUTTON]
    assert cancellations(db) == []


async def test_did_not_happen_for_a_reported_session_or_by_a_stranger(
    bot: ManagerHarness, db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    await bot.press_data(CANCEL_DATA, user_id=9999)
    assert bot.answers() == [texts.NOT_REGISTERED]
    add_session(db, catalogue, date(2025, 3, 3), "voorleesuurtje", "havelte", 8)
    await bot.press_data(CANCEL_DATA, user_id=LEADER)
    assert bot.answers()[-1] == mt.REMINDER_ALREADY
    assert cancellations(db) == []
