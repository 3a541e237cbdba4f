"""/start with an invitation code, the name for reports, and /mijnverslagen corrections."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import sqlite_utils
from fakes import BotHarness, register_person

from bot.leader import texts
from ground.settings import Settings
from store import audit
from store.people import create_invite, person_by_telegram
from toc.models import Catalogue


@pytest.fixture
async def bot(settings: Settings, catalogue: Catalogue) -> AsyncIterator[BotHarness]:
    harness = BotHarness(settings, catalogue)
    await harness.start()
    yield harness
    await harness.stop()


async def test_start_with_code_registers_and_asks_the_name(
    bot: BotHarness, db: sqlite_utils.Database
) -> None:
    invite = create_invite(db, "leider", gemeente="westerveld", vestiging="diever")
    await bot.send(f"/start {invite.code}", first_name="Ana")
    assert bot.last_text() == texts.ASK_NAME.format(role="activiteitenleider")
    assert bot.request.calls[-1].buttons[0][0] == "Ana is goed"
    await bot.send("Ana B.")
    assert bot.last_text() == texts.NAME_SAVED.format(name="Ana B.")
    assert len(texts.HOW_TO.splitlines()) == 4  # a heading and three lines
    person = person_by_telegram(db, bot.user_id)
    assert person is not None
    assert (person.display_name, person.role, person.gemeente, person.vestigingen) == (
        "Ana B.",
        "leider",
        "westerveld",
        ["diever"],
    )
    # The next text is a report again, not a name.
    await bot.send("hoi")
    assert bot.last_text() == texts.NOT_UNDERSTOOD


async def test_keep_telegram_name_with_one_tap(bot: BotHarness, db: sqlite_utils.Database) -> None:
    invite = create_invite(db, "manager", gemeente="westerveld")
    await bot.send(f"/start {invite.code}", first_name="Ana")
    await bot.press("Ana is goed")
    assert bot.last_text() == texts.NAME_SAVED.format(name="Ana")
    person = person_by_telegram(db, bot.user_id)
    assert person is not None and person.role == "manager"


async def test_wrong_used_and_expired_codes(bot: BotHarness, db: sqlite_utils.Database) -> None:
    await bot.send("/start nietbestaand")
    assert "ken ik niet" in bot.last_text()
    used = create_invite(db, "leider")
    register_person(db, telegram_id=999, name="Bo")
    db.execute(
        "UPDATE invites SET used_at = '2025-01-01T00:00:00+00:00' WHERE code = ?", [used.code]
    )
    await bot.send(f"/start {used.code}")
    assert "al gebruikt" in bot.last_text()
    expired = create_invite(db, "leider")
    db.execute(
        "UPDATE invites SET expires_at = '2000-01-01T00:00:00+00:00' WHERE code = ?",
        [expired.code],
    )
    await bot.send(f"/start {expired.code}")
    assert "verlopen" in bot.last_text()
    assert person_by_telegram(db, bot.user_id) is None
    # Nothing else: no access either.
    await bot.send("/verslag")
    assert bot.last_text() == texts.NOT_REGISTERED


async def test_start_without_code(bot: BotHarness, db: sqlite_utils.Database) -> None:
    await bot.send("/start")
    assert bot.last_text() == texts.NOT_REGISTERED
    register_person(db, name="Ana")
    await bot.send("/start")
    assert bot.last_text() == texts.WELCOME_BACK.format(name="Ana")
    await bot.send("/help")
    assert bot.last_text() == texts.HELP_LEADER
    await bot.send("/onbekend")
    assert bot.last_text() == texts.UNKNOWN_COMMAND


async def test_commands_are_registered(bot: BotHarness) -> None:
    [call] = bot.request.of("setMyCommands")
    assert [c["command"] for c in call.params["commands"]] == [
        "verslag",
        "mijnverslagen",
        "annuleer",
        "help",
    ]


async def test_mijnverslagen_change_and_delete(bot: BotHarness, db: sqlite_utils.Database) -> None:
    register_person(db)
    await bot.send("/mijnverslagen")
    assert bot.last_text() == texts.MY_REPORTS_NONE
    await bot.send("Lezing Diever 40 bezoekers")
    await bot.press("Mensen bleven na afloop napraten")  # a toggle on the summary
    await bot.press(texts.BUTTON_SAVE)
    session_id = db.execute("SELECT id FROM sessions").fetchone()[0]

    await bot.send("/mijnverslagen")
    assert "Lezing" in bot.last_text() and "40 deelnemers" in bot.last_text()
    await bot.press(texts.BUTTON_EDIT)
    assert bot.last_text().startswith(texts.SUMMARY_HEAD)
    assert "Gezien: Mensen bleven na afloop napraten" in bot.last_text()
    await bot.press(texts.BUTTON_EDIT)
    await bot.press("Aantallen")
    await bot.send("45")
    await bot.press(texts.BUTTON_SAVE)
    assert bot.last_text().startswith(texts.SAVED_CHANGE)
    assert db.execute("SELECT id, deelnemers FROM sessions").fetchall() == [(session_id, 45)]
    assert db.execute("SELECT signal FROM session_signals").fetchall() == [("napraten",)]
    # 'Wat je zag' shows the ticked signal, and a change is stored.
    await bot.send("/mijnverslagen")
    await bot.press(texts.BUTTON_EDIT)
    await bot.press(texts.BUTTON_EDIT)
    await bot.press(texts.EDIT_LABELS["effecten"])
    assert "✅ Mensen bleven na afloop napraten" in [b for b, _ in bot.request.calls[-1].buttons]
    await bot.press("Mensen bleven na afloop napraten")
    await bot.press("Deelnemers kwamen met eigen ideeën")
    await bot.press(texts.BUTTON_DONE)
    await bot.press(texts.BUTTON_SAVE)
    assert db.execute("SELECT signal FROM session_signals").fetchall() == [("eigen-ideeen",)]

    await bot.send("/mijnverslagen")
    await bot.press(texts.BUTTON_DELETE)
    await bot.press(texts.BUTTON_DELETE_YES)
    assert bot.last_text() == texts.DELETED
    assert db.execute("SELECT count(*) FROM sessions").fetchone()[0] == 0
    actions = [entry["action"] for entry in audit.trail(db, "session", session_id)]
    assert actions == ["create", "update", "update", "delete"]


async def test_cannot_touch_someone_elses_report(
    bot: BotHarness, db: sqlite_utils.Database
) -> None:
    register_person(db)
    other = register_person(db, telegram_id=777, name="Bo")
    await bot.send("Lezing Diever 40 bezoekers", user_id=777)
    await bot.press(texts.BUTTON_SAVE, user_id=777)
    session_id = db.execute("SELECT id FROM sessions WHERE reporter_id = ?", [other.id]).fetchone()
    await bot.press_data(f"s:delok:{session_id[0]}")
    assert bot.answers()[-1] == texts.REPORT_GONE
    assert db.execute("SELECT count(*) FROM sessions").fetchone()[0] == 1


async def test_a_report_right_after_registering_is_not_taken_as_the_name(
    bot: BotHarness, db: sqlite_utils.Database
) -> None:
    invite = create_invite(db, "leider", gemeente="westerveld", vestiging="havelte")
    await bot.send(f"/start {invite.code}", first_name="Ana")
    await bot.send("Voorleesuurtje Havelte 12 kinderen")
    # Read as a report; the name stays the Telegram first name.
    assert bot.last_text().startswith(texts.UNDERSTOOD)
    assert "12 kinderen" in bot.last_text()
    person = person_by_telegram(db, bot.user_id)
    assert person is not None and person.display_name == "Ana"
    # Nor is a long sentence without digits; a short name still is one.
    second = create_invite(db, "leider", gemeente="westerveld", vestiging="havelte")
    await bot.send(f"/start {second.code}", first_name="Bo", user_id=77)
    await bot.send("Het voorleesuurtje in Havelte was heel gezellig vandaag", user_id=77)
    assert not bot.texts(77)[-1].startswith("Dank je")
    assert person_by_telegram(db, 77).display_name == "Bo"  # type: ignore[union-attr]
    third = create_invite(db, "leider", gemeente="westerveld", vestiging="havelte")
    await bot.send(f"/start {third.code}", first_name="Cas", user_id=78)
    await bot.send("Cas de Boer", user_id=78)
    assert bot.texts(78)[-1] == texts.NAME_SAVED.format(name="Cas de Boer")


async def test_naam_changes_the_name_in_reports(bot: BotHarness, db: sqlite_utils.Database) -> None:
    ana = register_person(db, name="Ana")
    await bot.send("/naam")
    assert bot.last_text() == texts.NAME_USAGE
    await bot.send("/naam   Ana   de  Vries ")
    assert bot.last_text() == texts.NAME_CHANGED.format(name="Ana de Vries")
    person = person_by_telegram(db, bot.user_id)
    assert person is not None and person.display_name == "Ana de Vries"
    assert [row["action"] for row in audit.trail(db, "person", ana.id)][-1] == "rename"


@pytest.mark.parametrize(
    "name",
    [
        "R2D2",  # digits
        "Anna-Maria " + "x" * 30,  # 41 characters
        "een twee drie vier vijf zes",  # more than five words
        "/start",
        "Ana\u202ednamrettA",  # right-to-left override
        "An\u200ba",  # zero-width space
        "Ana\u200d",  # zero-width joiner
        "Ana\x07",  # a control character
    ],
)
async def test_naam_checks_the_name_like_registration(
    bot: BotHarness, db: sqlite_utils.Database, name: str
) -> None:
    register_person(db, name="Ana")
    await bot.send(f"/naam {name}")
    assert bot.last_text() == texts.NAME_CHANGE_INVALID
    person = person_by_telegram(db, bot.user_id)
    assert person is not None and person.display_name == "Ana"


async def test_naam_for_managers_and_not_for_strangers(
    bot: BotHarness, db: sqlite_utils.Database
) -> None:
    await bot.send("/naam Wie Dan Ook")
    assert bot.last_text() == texts.NOT_REGISTERED
    register_person(db, role="manager", vestiging=None, name="Mark")
    await bot.send("/naam Mark Jansen")
    assert bot.last_text() == texts.NAME_CHANGED.format(name="Mark Jansen")
    person = person_by_telegram(db, bot.user_id)
    assert person is not None and person.display_name == "Mark Jansen"


async def test_naam_right_after_registering_is_the_answer(
    bot: BotHarness, db: sqlite_utils.Database
) -> None:
    invite = create_invite(db, "leider", gemeente="westerveld", vestiging="diever")
    await bot.send(f"/start {invite.code}", first_name="Ana")
    await bot.send("/naam Ana Bakker")
    assert bot.last_text() == texts.NAME_CHANGED.format(name="Ana Bakker")
    await bot.send("hoi")  # no longer waiting for a name: read as a report
    assert bot.last_text() == texts.NOT_UNDERSTOOD


async def test_an_admin_opening_a_leader_invite_is_asked_first(
    bot: BotHarness, db: sqlite_utils.Database
) -> None:
    register_person(db, role="admin", gemeente=None, vestiging=None, name="Els")
    invite = create_invite(db, "leider", gemeente="westerveld", vestiging="havelte")
    await bot.send(f"/start {invite.code}")
    assert bot.last_text() == texts.LOWER_INVITE.format(
        current="beheerder", new="activiteitenleider"
    )
    person = person_by_telegram(db, bot.user_id)
    assert person is not None and person.role == "admin"  # nothing changed yet
    await bot.press("Nee, blijf beheerder")
    assert bot.last_text().startswith("Goed, je blijft beheerder")
    person = person_by_telegram(db, bot.user_id)
    assert person is not None and person.role == "admin"
    used = db.execute("SELECT used_at FROM invites WHERE code = ?", [invite.code]).fetchone()
    assert used[0] is None  # still there for someone else

    await bot.send(f"/start {invite.code}")
    await bot.press("Ja, word activiteitenleider")
    person = person_by_telegram(db, bot.user_id)
    assert person is not None and (person.role, person.display_name) == ("leider", "Els")


async def test_a_leader_opening_a_manager_invite_is_not_asked(
    bot: BotHarness, db: sqlite_utils.Database
) -> None:
    register_person(db)
    invite = create_invite(db, "manager", gemeente="westerveld")
    await bot.send(f"/start {invite.code}")
    person = person_by_telegram(db, bot.user_id)
    assert person is not None and person.role == "manager"


async def test_mijnverslagen_pages_back_to_every_report_last_saved_first(
    bot: BotHarness, db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    from datetime import date, timedelta

    from store.sessions import SessionIn, save_session

    person = register_person(db)
    first = date(2025, 1, 6)
    for n in range(11):  # saved in date order: the 11th (the newest date) saved last
        session = SessionIn(
            date=first + timedelta(days=n), activity="taalcafe", vestiging="havelte",
            deelnemers=10 + n, reporter_id=person.id,
        )  # fmt: skip
        save_session(db, catalogue, session, "test")
    # Saved now, for a day long before all others: still first in the list.
    late = SessionIn(
        date=date(2024, 5, 1), activity="taalcafe", vestiging="havelte", deelnemers=99,
        reporter_id=person.id,
    )  # fmt: skip
    save_session(db, catalogue, late, "test")

    def listed() -> list[int]:
        found = []
        for text in bot.texts():
            for n in range(10, 100):
                if f"{n} deelnemers" in text:
                    found.append(n)
        return found

    await bot.send("/mijnverslagen")
    assert bot.texts()[-7] == texts.MY_REPORTS_HEAD
    assert listed() == [99, 20, 19, 18, 17]
    assert bot.last_text() == texts.MY_REPORTS_MORE
    await bot.press(texts.BUTTON_OLDER)
    assert listed()[5:] == [16, 15, 14, 13, 12]
    await bot.press(texts.BUTTON_OLDER)
    assert listed()[10:] == [11, 10]
    assert bot.last_text() != texts.MY_REPORTS_MORE
    for junk in ("s:more:²", "s:more:" + "9" * 30, "s:more:-5"):
        await bot.press_data(junk)
    assert listed()[12:] == []
