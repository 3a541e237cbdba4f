"""/uitnodigen, /kengetal, /vergeet and /herinneringen, per role and scope."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date, datetime

import pytest
import sqlite_utils
from manager_fakes import (
    ADMIN,
    LEADER,
    MANAGER,
    OTHER_MANAGER,
    ManagerHarness,
    add_session,
    seed_people,
)

from bot.leader import texts
from bot.manager import texts as mt
from ground.settings import Settings
from store import audit
from store.people import Person, get_person
from store.session_notes import add_story
from store.sessions import QuoteIn
from toc.models import Catalogue

NOT_YOURS = "Je ziet alleen gegevens van gemeente Westerveld."


@pytest.fixture
def people(db: sqlite_utils.Database) -> dict[str, Person]:
    return seed_people(db)


@pytest.fixture
async def bot(
    settings: Settings, catalogue: Catalogue, people: dict[str, Person]
) -> AsyncIterator[ManagerHarness]:
    harness = ManagerHarness(settings, catalogue)
    await harness.start()
    harness.set_now(datetime(2025, 3, 12, 11, 0))
    yield harness
    await harness.stop()


def invites(db: sqlite_utils.Database) -> list[tuple[str, str | None, str | None]]:
    return db.execute(
        "SELECT role, gemeente, vestiging FROM invites WHERE used_at IS NULL ORDER BY rowid"
    ).fetchall()


async def test_uitnodigen_within_the_managers_scope(
    bot: ManagerHarness, db: sqlite_utils.Database
) -> None:
    await bot.send("/uitnodigen leider havelte", user_id=MANAGER)
    text = bot.text_to(MANAGER)
    assert text.startswith(
        "Uitnodiging voor een activiteitenleider (gemeente Westerveld, Bibliotheek Havelte)."
    )
    assert "https://t.me/ImpactbotBot?start=" in text
    await bot.send("/uitnodigen manager", user_id=MANAGER)
    assert invites(db) == [("leider", "westerveld", "havelte"), ("manager", "westerveld", None)]
    for args, answer in [
        ("manager Midden-Drenthe", NOT_YOURS),
        ("leider Beilen", NOT_YOURS),
        ("beheerder", mt.INVITE_NO_ADMIN),
        ("koning", mt.INVITE_ROLE_UNKNOWN.format(text="koning")),
        ("", mt.INVITE_USAGE),
        ("leider Midden-Drenthe Havelte", "Bibliotheek Havelte hoort bij gemeente Westerveld"),
    ]:
        await bot.send(f"/uitnodigen {args}".strip(), user_id=MANAGER)
        assert bot.text_to(MANAGER).startswith(answer), args
    assert len(invites(db)) == 2
    await bot.send("/uitnodigen leider havelte", user_id=LEADER)
    assert bot.text_to(LEADER) == mt.MANAGERS_ONLY


async def test_admin_invites_anyone_anywhere(
    bot: ManagerHarness, db: sqlite_utils.Database
) -> None:
    await bot.send("/uitnodigen beheerder", user_id=ADMIN)
    await bot.send("/uitnodigen leider Aa en Hunze Gieten", user_id=ADMIN)
    await bot.send("/uitnodigen manager de wolden", user_id=ADMIN)
    assert invites(db) == [
        ("admin", None, None),
        ("leider", "aa-en-hunze", "gieten"),
        ("manager", "de-wolden", None),
    ]


async def test_kengetal_typed_in_one_go(bot: ManagerHarness, db: sqlite_utils.Database) -> None:
    await bot.send("/kengetal 2025 Westerveld leden 4.120", user_id=MANAGER)
    assert bot.text_to(MANAGER) == "Opgeslagen ✅ Leden, Westerveld, 2025: 4.120"
    await bot.send("/kengetal 2025 westerveld Leden 4200", user_id=MANAGER)
    assert bot.text_to(MANAGER).endswith("4.200 (was 4.120)")
    rows = db.execute("SELECT year, gemeente, kengetal, value, source FROM kengetallen").fetchall()
    assert rows == [(2025, "westerveld", "leden", 4200.0, "bot")]
    trail = audit.trail(db, "kengetal", "2025/westerveld/leden")
    assert [(t["action"], t["detail"]["new"]) for t in trail] == [
        ("create", 4120.0),
        ("update", 4200.0),
    ]
    for args, answer in [
        ("2025 Midden-Drenthe leden 10", NOT_YOURS),
        ("2025 Westerveld leden veel", mt.KENGETAL_VALUE_INVALID.format(text="veel")),
        ("2025 Westerveld fietsen 3", "„fietsen” ken ik niet als kengetal."),
        ("twee Westerveld leden 3", mt.YEAR_INVALID.format(text="twee", command="kengetal")),
        ("2025 Westerveld", mt.KENGETAL_USAGE),
    ]:
        await bot.send(f"/kengetal {args}", user_id=MANAGER)
        assert bot.text_to(MANAGER).startswith(answer), args
    await bot.send("/kengetal 2024 Aa en Hunze BoekStart-koffertjes 120", user_id=ADMIN)
    assert bot.text_to(ADMIN).startswith("Opgeslagen ✅ BoekStartkoffertjes uitgedeeld, Aa en")
    await bot.send("/kengetal 2025 Westerveld leden 1", user_id=LEADER)
    assert bot.text_to(LEADER) == mt.MANAGERS_ONLY


async def test_kengetal_guided_with_buttons(bot: ManagerHarness, db: sqlite_utils.Database) -> None:
    await bot.send("/kengetal", user_id=MANAGER)
    await bot.press("2024", user_id=MANAGER)
    # A manager of one gemeente is not asked which gemeente.
    assert bot.text_to(MANAGER) == "Welk kengetal voor Westerveld in 2024?"
    await bot.press("Uitleningen (fysiek)", user_id=MANAGER)
    assert "Nu: nog niet ingevuld" in bot.text_to(MANAGER)
    await bot.send("heel veel", user_id=MANAGER)
    assert bot.text_to(MANAGER) == mt.KENGETAL_VALUE_INVALID.format(text="heel veel")
    await bot.send("61.250", user_id=MANAGER)
    assert bot.text_to(MANAGER) == "Opgeslagen ✅ Uitleningen (fysiek), Westerveld, 2024: 61.250"
    await bot.send("/kengetal", user_id=ADMIN)
    await bot.press("2025", user_id=ADMIN)
    await bot.press("Tynaarlo", user_id=ADMIN)
    await bot.press("Leden", user_id=ADMIN)
    await bot.press(mt.BUTTON_STOP, user_id=ADMIN)
    assert bot.text_to(ADMIN) == mt.STOPPED
    await bot.send("12", user_id=ADMIN)  # no longer a value: read as a report
    assert db.execute("SELECT count(*) FROM kengetallen").fetchone()[0] == 1
    # A crafted button for another gemeente is refused.
    await bot.press_data("kg:2025:tynaarlo:leden", user_id=MANAGER)
    assert bot.text_to(MANAGER).startswith(NOT_YOURS)


async def test_vergeet_a_quote(
    bot: ManagerHarness, db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    add_session(db, catalogue, date(2025, 3, 3), quotes=[
        QuoteIn(text="Mijn naam is Jan Jansen", attribution="Jan", consent="ja"),
    ])  # fmt: skip
    quote_id = db.execute("SELECT id FROM quotes").fetchone()[0]
    await bot.send(f"/vergeet citaat {quote_id}", user_id=MANAGER)
    assert bot.text_to(MANAGER) == mt.ADMINS_ONLY
    await bot.send(f"/vergeet citaat {quote_id}", user_id=ADMIN)
    assert "Jan Jansen" in bot.text_to(ADMIN)
    await bot.press(mt.BUTTON_FORGET_NO, user_id=ADMIN)
    assert bot.text_to(ADMIN) == mt.FORGET_KEPT
    await bot.send(f"/vergeet citaat {quote_id}", user_id=ADMIN)
    await bot.press(mt.BUTTON_FORGET_YES, user_id=ADMIN)
    assert bot.text_to(ADMIN) == mt.FORGOTTEN_QUOTE
    assert db.execute("SELECT count(*) FROM quotes").fetchone()[0] == 0
    [entry] = audit.trail(db, "quote", quote_id)
    assert entry["action"] == "erase" and entry["detail"] == {}
    dump = " ".join(str(r) for r in db.execute("SELECT * FROM audit").fetchall())
    assert "Jansen" not in dump
    await bot.send("/vergeet citaat 999", user_id=ADMIN)
    assert bot.text_to(ADMIN) == mt.FORGET_NO_QUOTE.format(id=999)


async def test_vergeet_a_story(
    bot: ManagerHarness, db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    add_session(db, catalogue, date(2025, 3, 3))
    session_id = db.execute("SELECT id FROM sessions").fetchone()[0]
    story_id = add_story(db, session_id, "De buurvrouw van Sem bracht koekjes mee.", "ja")
    await bot.send(f"/vergeet verhaal {story_id}", user_id=MANAGER)
    assert bot.text_to(MANAGER) == mt.ADMINS_ONLY
    await bot.send(f"/vergeet verhaal {story_id}", user_id=ADMIN)
    assert "buurvrouw van Sem" in bot.text_to(ADMIN)
    await bot.press(mt.BUTTON_FORGET_YES, user_id=ADMIN)
    assert bot.text_to(ADMIN) == mt.FORGOTTEN_STORY
    assert db.execute("SELECT count(*) FROM session_stories").fetchone()[0] == 0
    [entry] = audit.trail(db, "story", story_id)
    assert entry["action"] == "erase"
    await bot.send(f"/vergeet verhaal {story_id}", user_id=ADMIN)
    assert bot.text_to(ADMIN) == mt.FORGET_NO_STORY.format(id=story_id)


async def test_vergeet_a_person(
    bot: ManagerHarness,
    db: sqlite_utils.Database,
    catalogue: Catalogue,
    people: dict[str, Person],
) -> None:
    leader = people["leader"]
    add_session(db, catalogue, date(2025, 3, 3), reporter_id=leader.id)
    await bot.send("Lezing Diever 40 bezoekers", user_id=LEADER)  # a report in progress
    await bot.send("/vergeet persoon lotte", user_id=ADMIN)
    assert bot.text_to(ADMIN).startswith("Alle gegevens van Lotte (activiteitenleider)")
    await bot.press(mt.BUTTON_FORGET_YES, user_id=ADMIN)
    assert bot.text_to(ADMIN) == mt.FORGOTTEN_PERSON.format(name="Lotte", n=1)
    assert get_person(db, leader.id) is None
    assert db.execute("SELECT reporter_id FROM sessions").fetchall() == [(None,)]
    assert db.execute("SELECT count(*) FROM drafts").fetchone()[0] == 0
    assert [t["action"] for t in audit.trail(db, "person", leader.id)][-1] == "erase"
    assert "Lotte" not in " ".join(str(r) for r in db.execute("SELECT * FROM audit").fetchall())
    await bot.send("/verslag", user_id=LEADER)
    assert bot.text_to(LEADER) == texts.NOT_REGISTERED
    # Erasing oneself is refused; several matches ask which one.
    await bot.send("/vergeet persoon anke", user_id=ADMIN)
    assert bot.text_to(ADMIN) == mt.FORGET_SELF
    await bot.send("/vergeet persoon a", user_id=ADMIN)  # Mark, Olga, Anke
    assert bot.text_to(ADMIN) == mt.FORGET_PICK
    await bot.press("Olga", user_id=ADMIN)
    assert bot.text_to(ADMIN).startswith("Alle gegevens van Olga (manager)")
    await bot.send("/vergeet persoon niemand", user_id=ADMIN)
    assert bot.text_to(ADMIN) == mt.FORGET_NO_PERSON.format(text="niemand")
    await bot.send("/vergeet", user_id=ADMIN)
    assert bot.text_to(ADMIN) == mt.FORGET_USAGE
    await bot.press_data(f"vg:p:{people['admin'].id}", user_id=OTHER_MANAGER)
    assert bot.answers()[-1] == mt.ADMINS_ONLY


async def test_herinneringen_uit_en_aan(bot: ManagerHarness, people: dict[str, Person]) -> None:
    db = bot.services.db
    await bot.send("/herinneringen uit", user_id=LEADER)
    assert bot.text_to(LEADER) == mt.REMINDERS_OFF
    assert get_person(db, people["leader"].id).reminders is False  # type: ignore[union-attr]
    await bot.send("/herinneringen", user_id=LEADER)
    assert bot.text_to(LEADER) == mt.REMINDERS_OFF
    await bot.send("/herinneringen aan", user_id=LEADER)
    assert bot.text_to(LEADER) == mt.REMINDERS_ON.format(time="20:00")
    await bot.send("/herinneringen misschien", user_id=LEADER)
    assert bot.text_to(LEADER) == mt.REMINDERS_USAGE


async def test_kengetal_for_a_vestiging_names_its_gemeente(
    bot: ManagerHarness, db: sqlite_utils.Database
) -> None:
    await bot.send("/kengetal 2025 Havelte leden 100", user_id=MANAGER)
    answer = bot.text_to(MANAGER)
    assert "ken ik niet als kengetal" not in answer
    assert "Een kengetal hoort bij een gemeente" in answer
    assert "valt onder gemeente Westerveld" in answer
    assert "/kengetal 2025 Westerveld leden 100" in answer
    # Another gemeente's vestiging: the usual refusal.
    await bot.send("/kengetal 2025 Beilen leden 100", user_id=MANAGER)
    assert bot.text_to(MANAGER).startswith(NOT_YOURS)
    assert db.execute("SELECT count(*) FROM kengetallen").fetchone()[0] == 0


async def test_kengetal_is_a_whole_number_not_negative(
    bot: ManagerHarness, db: sqlite_utils.Database
) -> None:
    for value, answer in [
        ("1.000,5", mt.KENGETAL_NOT_WHOLE),
        ("20,5", mt.KENGETAL_NOT_WHOLE),
        ("-5", mt.KENGETAL_NEGATIVE),
    ]:
        await bot.send(f"/kengetal 2025 Westerveld leden {value}", user_id=MANAGER)
        assert bot.text_to(MANAGER) == answer, value
    assert mt.KENGETAL_NEGATIVE.startswith("Een kengetal kan niet negatief zijn.")
    # Typed after the buttons: refused, and the question stays open.
    await bot.send("/kengetal", user_id=MANAGER)
    await bot.press("2025", user_id=MANAGER)
    # "Leden" is also part of "Leden: jeugd" and the other kinds: press the total's own button
    call, _ = bot.find_button("Leden")
    data = next(d for text, d in call.buttons if text == "Leden")
    await bot.press_data(data, message_id=bot._message_id(call), user_id=MANAGER)
    await bot.send("4120,5", user_id=MANAGER)
    assert bot.text_to(MANAGER) == mt.KENGETAL_NOT_WHOLE
    await bot.send("4.120", user_id=MANAGER)
    assert bot.text_to(MANAGER).startswith("Opgeslagen ✅ Leden, Westerveld, 2025: 4.120")
    assert db.execute("SELECT value FROM kengetallen").fetchall() == [(4120.0,)]


async def test_kengetal_button_with_a_bad_year(
    bot: ManagerHarness, db: sqlite_utils.Database
) -> None:
    for data in ("kg:99999", "kg:1066:westerveld:leden", "kg:", "kg:abc"):
        await bot.press_data(data, user_id=MANAGER)
        assert bot.text_to(MANAGER) == mt.BUTTON_INVALID.format(command="kengetal"), data
    await bot.send("12", user_id=MANAGER)  # no value question is open
    assert db.execute("SELECT count(*) FROM kengetallen").fetchone()[0] == 0
    await bot.press_data("kg:stop", user_id=MANAGER)
    assert bot.text_to(MANAGER) == mt.STOPPED


async def test_vergeet_with_other_digits_or_a_huge_number_gets_the_usage(
    bot: ManagerHarness, db: sqlite_utils.Database
) -> None:
    """ "²" passes str.isdigit() and a 23-digit id overflows SQLite: both are no number here."""
    for junk in ("²", "١٢", "1" * 23, "-1"):
        for what in ("citaat", "verhaal"):
            await bot.send(f"/vergeet {what} {junk}", user_id=ADMIN)
            assert bot.text_to(ADMIN) == mt.FORGET_USAGE, (what, junk)
