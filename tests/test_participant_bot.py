"""Participants in Telegram, through the real Application: the leader's QR code and link, an
unregistered person answering, their words, the follow-up after its delay, /stop, privacy."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import sqlite_utils
from fakes import BotHarness, register_person
from telegram.ext import CallbackContext

from bot.core import texts as core_texts
from bot.leader import texts as leader_texts
from bot.participant import followups
from bot.participant import texts as pt
from ground.settings import Settings
from store.sessions import SessionIn, save_session
from store.survey import survey_of_session
from toc.models import Catalogue

PARTICIPANT = 555_000_111
OTHER = 555_000_222
START = datetime(2025, 6, 3, 10, 0, tzinfo=UTC)


@pytest.fixture
async def bot(
    settings: Settings, catalogue: Catalogue, db: sqlite_utils.Database
) -> AsyncIterator[BotHarness]:
    register_person(db)
    harness = BotHarness(settings, catalogue)
    await harness.start()
    harness.services.now = lambda: START
    yield harness
    await harness.stop()


def a_session(db: sqlite_utils.Database, catalogue: Catalogue, activity: str = "voorleesuurtje"):
    leader = db.execute("SELECT id FROM people").fetchone()[0]
    session = SessionIn(
        date=date(2025, 6, 3),
        activity=activity,
        vestiging="havelte",
        kinderen=10,
        volwassenen=7,
        reporter_id=leader,
    )
    return save_session(db, catalogue, session, "test").session_id


async def ask(bot: BotHarness, session_id: int) -> str:
    """The leader taps "Vraag de deelnemers"; the survey code."""
    await bot.press_data(f"lq:{session_id}")
    photo = bot.request.of("sendPhoto")[-1]
    caption = str(photo.params["caption"])
    assert "https://t.me/ImpactbotBot?start=s_" in caption
    survey = survey_of_session(bot.services.db, session_id)
    assert survey is not None
    assert f"?start=s_{survey.code}" in caption
    return survey.code


async def answer_all(bot: BotHarness, code: str, scores: str, user: int = PARTICIPANT) -> None:
    await bot.send(f"/start s_{code}", user_id=user)
    for i in range(len(scores)):
        await bot.press_data(f"pa:{code}:{scores[: i + 1]}", user_id=user)


def in_file(settings: Settings, number: int) -> bool:
    """Whether `number` sits anywhere in the database file or its WAL (as text or an int)."""
    needles = [str(number).encode(), number.to_bytes(4, "big"), number.to_bytes(8, "big")]
    for suffix in ("", "-wal"):
        path = Path(f"{settings.storage.database}{suffix}")
        if path.exists() and any(n in path.read_bytes() for n in needles):
            return True
    return False


def context_of(bot: BotHarness) -> CallbackContext:
    return CallbackContext(bot.app)


async def test_saved_report_offers_the_participants_button(bot: BotHarness) -> None:
    await bot.send("Voorleesuurtje Havelte vandaag 12 kinderen 8 ouders")
    await bot.press(leader_texts.BUTTON_SAVE)
    # The confirmation is the summary, edited into "Opgeslagen" with the button under it.
    calls = [*bot.request.of("sendMessage"), *bot.request.of("editMessageText")]
    saved = [c for c in calls if (c.text or "").startswith(leader_texts.SAVED)][-1]
    labels = [label for label, _ in saved.buttons]
    assert labels == [leader_texts.BUTTON_ASK_PARTICIPANTS, leader_texts.BUTTON_TALLY]


async def test_an_activity_without_statements_gets_no_button(bot: BotHarness, catalogue) -> None:
    from bot.leader.survey import saved_markup

    assert saved_markup(bot.services, "dbos-po", 1) is None
    assert saved_markup(bot.services, "klik-en-tik", 1) is not None


async def test_qr_code_and_link_then_an_unregistered_person_answers(
    bot: BotHarness, db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    session_id = a_session(db, catalogue)
    code = await ask(bot, session_id)
    assert "t.me" in str(bot.request.of("sendPhoto")[-1].params["caption"])

    await bot.send(f"/start s_{code}", user_id=PARTICIPANT)
    intro, first = bot.texts(PARTICIPANT)[-2:]
    assert "Voorleesuurtje" in intro and "Bibliotheek Havelte" in intro and "4 korte" in intro
    assert first.startswith("Vraag 1 van 4") and "Mijn kind" in first
    assert [b[0] for b in bot.request.calls[-1].buttons] == list(pt.SCALE)
    for i in range(4):
        await bot.press_data(f"pa:{code}:{'5432'[: i + 1]}", user_id=PARTICIPANT)
    rows = list(
        db.query("SELECT effect, dimension, moment, score, agrees, source FROM survey_answers")
    )
    assert [(r["dimension"], r["score"], r["agrees"]) for r in rows] == [
        ("kennis", 5, 1),
        ("vertrouwen", 4, 1),
        ("toepassing", 3, 0),
        ("bewustzijn", 2, 0),
    ]
    assert {r["source"] for r in rows} == {"telegram"} and {r["moment"] for r in rows} == {"direct"}
    assert bot.texts(PARTICIPANT)[-1] == pt.ASK_WORDS

    # Their words: a quote for review, with their own consent and no name.
    await bot.send("Isa wil nu elke avond een boek", user_id=PARTICIPANT)
    consent = bot.request.calls[-1]
    assert [b[0] for b in consent.buttons][1:] == [pt.CONSENT_ANON, pt.CONSENT_NO]
    await bot.press("zonder wie ik ben", user_id=PARTICIPANT)
    quote = db.execute(
        "SELECT text, consent, review, attribution, session_id FROM quotes"
    ).fetchone()
    assert quote == (
        "Isa wil nu elke avond een boek",
        "anoniem",
        "new",
        "een ouder bij Voorleesuurtje",
        session_id,
    )
    assert bot.texts(PARTICIPANT)[-1] == pt.ASK_FOLLOWUP.format(weeks="5")
    await bot.press(pt.BUTTON_FOLLOWUP_NO, user_id=PARTICIPANT)
    assert db.execute("SELECT count(*) FROM survey_followups").fetchone()[0] == 0

    # Nothing of theirs stays: no id in the bot's own state, drafts or people.
    await bot.app.update_persistence()
    for table, column in (
        ("ptb_state", "key"),
        ("drafts", "telegram_id"),
        ("people", "telegram_id"),
    ):
        found = db.execute(
            f"SELECT count(*) FROM {table} WHERE CAST({column} AS TEXT) = ?", [str(PARTICIPANT)]
        ).fetchone()[0]
        assert found == 0, table
    assert not bot.app.bot_data["participant_room"].pending

    # One answer per person: the link again says so and stores nothing.
    await bot.send(f"/start s_{code}", user_id=PARTICIPANT)
    assert bot.texts(PARTICIPANT)[-1] == pt.ALREADY
    await bot.press_data(f"pa:{code}:5555", user_id=PARTICIPANT)
    assert db.execute("SELECT count(*) FROM survey_answers").fetchone()[0] == 4


async def test_a_participant_reaches_nothing_else(
    bot: BotHarness, db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    code = await ask(bot, a_session(db, catalogue))
    await answer_all(bot, code, "4444")
    await bot.press(pt.BUTTON_SKIP, user_id=PARTICIPANT)
    await bot.press(pt.BUTTON_FOLLOWUP_NO, user_id=PARTICIPANT)
    for command in ("/verslag", "/stand", "/citaten", "/mijnverslagen", "/start", "/onzin"):
        await bot.send(command, user_id=PARTICIPANT)
        assert bot.texts(PARTICIPANT)[-1] == core_texts.NOT_REGISTERED, command
    await bot.send("Voorleesuurtje Havelte 12 kinderen", user_id=PARTICIPANT)
    assert bot.texts(PARTICIPANT)[-1] == core_texts.NOT_REGISTERED
    await bot.press_data("lq:1", user_id=PARTICIPANT)
    assert bot.answers()[-1] == core_texts.NOT_REGISTERED
    assert db.execute("SELECT count(*) FROM sessions").fetchone()[0] == 1


async def test_closed_after_14_days_and_unknown_codes(
    bot: BotHarness, db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    code = await ask(bot, a_session(db, catalogue))
    await bot.send("/start s_zzzzzzzzzz", user_id=PARTICIPANT)
    assert bot.texts(PARTICIPANT)[-1] == pt.UNKNOWN
    bot.services.now = lambda: START + timedelta(days=13, hours=23)
    await bot.send(f"/start s_{code}", user_id=PARTICIPANT)
    assert bot.texts(PARTICIPANT)[-1].startswith("Vraag 1 van 4")
    bot.services.now = lambda: START + timedelta(days=14)
    await bot.send(f"/start s_{code}", user_id=OTHER)
    assert bot.texts(OTHER)[-1] == pt.CLOSED
    await answer_all(bot, code, "5555")
    assert db.execute("SELECT count(*) FROM survey_answers").fetchone()[0] == 0


async def test_an_invite_code_still_registers(bot: BotHarness, db: sqlite_utils.Database) -> None:
    from store.people import create_invite

    invite = create_invite(db, "leider", "westerveld", "havelte")
    await bot.send(f"/start {invite.code}", user_id=OTHER, first_name="Bert")
    assert db.execute("SELECT count(*) FROM people WHERE telegram_id = ?", [OTHER]).fetchone()[0]


async def test_the_follow_up_is_sent_once_after_its_delay_then_the_chat_id_is_gone(
    bot: BotHarness, db: sqlite_utils.Database, catalogue: Catalogue, settings: Settings
) -> None:
    session_id = a_session(db, catalogue, "klik-en-tik")
    code = await ask(bot, session_id)
    await answer_all(bot, code, "4545")
    await bot.press(pt.BUTTON_SKIP, user_id=PARTICIPANT)
    await bot.press(pt.BUTTON_FOLLOWUP_YES, user_id=PARTICIPANT)
    assert db.execute("SELECT chat_id FROM survey_followups").fetchall() == [(PARTICIPANT,)]
    assert in_file(settings, PARTICIPANT)  # kept, as they asked

    # Not yet after 34 days (default 35), once after 35, never again.
    bot.services.now = lambda: START + timedelta(days=34)
    assert await followups.send_due(context_of(bot)) == 0
    bot.services.now = lambda: START + timedelta(days=35, minutes=1)
    assert await followups.send_due(context_of(bot)) == 1
    question = bot.request.of("sendMessage")[-1]
    assert int(question.params["chat_id"]) == PARTICIPANT
    assert "Klik & Tik" in str(question.text) and pt.FOLLOWUP_STATEMENT in str(question.text)
    assert db.execute("SELECT count(*) FROM survey_followups").fetchone()[0] == 0
    assert await followups.send_due(context_of(bot)) == 0
    await bot.app.update_persistence()
    assert not in_file(settings, PARTICIPANT)  # erased from the pages and the WAL

    await bot.press("Helemaal mee eens", user_id=PARTICIPANT)
    later = list(
        db.query(
            "SELECT effect, dimension, moment, score FROM survey_answers WHERE moment = 'vervolg'"
        )
    )
    assert later == [
        {
            "effect": "digitale-vaardigheden",
            "dimension": "toepassing",
            "moment": "vervolg",
            "score": 5,
        }
    ]
    # A forged press from another chat does not count.
    _, data = bot.find_button("Mee eens")
    await bot.press_data(data, user_id=OTHER)
    assert bot.answers()[-1] == pt.STALE_BUTTON
    assert (
        db.execute("SELECT count(*) FROM survey_answers WHERE moment='vervolg'").fetchone()[0] == 1
    )


async def test_stop_erases_the_follow_up(
    bot: BotHarness, db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    code = await ask(bot, a_session(db, catalogue, "klik-en-tik"))
    await answer_all(bot, code, "4444")
    await bot.press(pt.BUTTON_SKIP, user_id=PARTICIPANT)
    await bot.press(pt.BUTTON_FOLLOWUP_YES, user_id=PARTICIPANT)
    await bot.send("/stop", user_id=PARTICIPANT)
    assert bot.texts(PARTICIPANT)[-1] == pt.STOPPED
    assert db.execute("SELECT count(*) FROM survey_followups").fetchone()[0] == 0
    bot.services.now = lambda: START + timedelta(days=60)
    sent_before = len(bot.request.of("sendMessage"))
    assert await followups.send_due(context_of(bot)) == 0
    assert len(bot.request.of("sendMessage")) == sent_before
    await bot.send("/stop", user_id=PARTICIPANT)
    assert bot.texts(PARTICIPANT)[-1] == pt.NOTHING_TO_STOP


async def test_the_stop_button_works_too(
    bot: BotHarness, db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    code = await ask(bot, a_session(db, catalogue, "klik-en-tik"))
    await answer_all(bot, code, "4444", user=OTHER)
    await bot.press(pt.BUTTON_SKIP, user_id=OTHER)
    await bot.press(pt.BUTTON_FOLLOWUP_YES, user_id=OTHER)
    await bot.press(pt.BUTTON_STOP, user_id=OTHER)
    assert db.execute("SELECT count(*) FROM survey_followups").fetchone()[0] == 0


async def test_with_a_public_address_the_code_opens_the_web_page(
    bot: BotHarness, db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    bot.services.settings.participants.public_url = "https://bot.bibliotheek.nl"
    session_id = a_session(db, catalogue, "taalcafe")
    code = await ask(bot, session_id)
    caption = str(bot.request.of("sendPhoto")[-1].params["caption"])
    assert f"webpagina: https://bot.bibliotheek.nl/d/{code}" in caption
    assert f"Of antwoord in Telegram: https://t.me/ImpactbotBot?start=s_{code}" in caption
    # Asking again gives the same code: one survey per session.
    assert await ask(bot, session_id) == code


def test_the_web_address_comes_from_the_setting_or_the_webhook() -> None:
    from ground.settings import ParticipantSettings

    assert ParticipantSettings().web_base() == ""
    assert ParticipantSettings().web_base("https://bot.nl:8443/telegram") == "https://bot.nl:8443"
    chosen = ParticipantSettings(public_url="https://vragen.bieb.nl/")
    assert chosen.web_base("https://bot.nl/telegram") == "https://vragen.bieb.nl"
    with pytest.raises(ValueError):
        ParticipantSettings(public_url="bot.nl")


async def test_an_old_session_is_not_opened_to_participants(
    bot: BotHarness, db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    session_id = a_session(db, catalogue)
    bot.services.now = lambda: START + timedelta(days=15)
    await bot.press_data(f"lq:{session_id}")
    assert bot.answers()[-1] == leader_texts.SURVEY_TOO_OLD.format(days=14)
    assert bot.request.of("sendPhoto") == []
    assert survey_of_session(db, session_id) is None


async def test_a_survey_link_in_a_group_does_nothing(
    bot: BotHarness, db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    code = await ask(bot, a_session(db, catalogue))
    calls = await bot.send(f"/start s_{code}", user_id=PARTICIPANT, chat_id=-100, chat_type="group")
    assert all("Vraag 1" not in str(c.text) for c in calls)


def test_the_participants_room_reaches_only_the_survey_store() -> None:
    """Their handlers and page import from store only store.survey (and db to open it)."""
    import ast

    room = Path(__file__).parent.parent / "bot" / "participant"
    for path in room.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                module = node.module
                if module.startswith("store"):
                    assert module in ("store.survey", "store.db"), (path.name, module)
                assert not module.startswith(("bot.leader", "bot.manager", "reports")), (
                    path.name,
                    module,
                )


async def test_the_web_page_inside_the_bot_shares_its_store_and_clock(
    bot: BotHarness, db: sqlite_utils.Database, catalogue: Catalogue, settings: Settings
) -> None:
    import re

    import httpx
    from starlette.applications import Starlette

    from bot.participant.web import routes_for_application

    code = await ask(bot, a_session(db, catalogue, "taalcafe"))
    app = Starlette(routes=routes_for_application(bot.app, settings))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as phone:
        page = (await phone.get(f"/d/{code}")).text
        assert f"https://t.me/ImpactbotBot?start=s_{code}" in page
        token = re.search(r'name="token" value="([^"]+)"', page)
        assert token is not None
        form = {"token": token.group(1)} | {f"s{i}": "4" for i in range(4)}
        assert (await phone.post(f"/d/{code}", data=form)).status_code == 303
        # The bot's clock: 14 days on, the page is closed like the link.
        bot.services.now = lambda: START + timedelta(days=14)
        assert (await phone.get(f"/d/{code}")).status_code == 410
    assert db.execute("SELECT count(*) FROM survey_answers WHERE source = 'web'").fetchone()[0] == 4


async def test_the_follow_up_opt_in_pressed_twice_stores_one(
    bot: BotHarness, db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    code = await ask(bot, a_session(db, catalogue, "klik-en-tik"))
    await answer_all(bot, code, "4444")
    await bot.press(pt.BUTTON_SKIP, user_id=PARTICIPANT)
    call, data = bot.find_button(pt.BUTTON_FOLLOWUP_YES)
    message_id = int(call.result["message_id"])
    # A double tap: both presses reach the bot before the message is edited.
    await bot.press_data(data, message_id=message_id, user_id=PARTICIPANT)
    await bot.press_data(data, message_id=message_id, user_id=PARTICIPANT)
    assert db.execute("SELECT chat_id FROM survey_followups").fetchall() == [(PARTICIPANT,)]
    assert bot.answers()[-1] == pt.FOLLOWUP_ALREADY
    # The message still offers the way out.
    assert bot.texts(PARTICIPANT)[-1].startswith("Goed! Over 5 weken")
    assert [label for label, _ in bot.request.calls[-1].buttons] == [pt.BUTTON_STOP]

    # Someone who never answered this survey cannot plant a follow-up with the same data.
    await bot.press_data(data, user_id=OTHER)
    assert bot.answers()[-1] == pt.STALE_BUTTON
    assert db.execute("SELECT count(*) FROM survey_followups").fetchone()[0] == 1


async def test_no_second_follow_up_after_the_first_was_answered(
    bot: BotHarness, db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    code = await ask(bot, a_session(db, catalogue, "klik-en-tik"))
    await answer_all(bot, code, "4444")
    await bot.press(pt.BUTTON_SKIP, user_id=PARTICIPANT)
    _, data = bot.find_button(pt.BUTTON_FOLLOWUP_YES)
    await bot.press_data(data, user_id=PARTICIPANT)
    bot.services.now = lambda: START + timedelta(days=36)
    assert await followups.send_due(context_of(bot)) == 1
    await bot.press("Mee eens", user_id=PARTICIPANT)
    # An old opt-in button pressed again plans nothing: they had their one question.
    await bot.press_data(data, user_id=PARTICIPANT)
    assert db.execute("SELECT count(*) FROM survey_followups").fetchone()[0] == 0
    assert bot.answers()[-1] == pt.FOLLOWUP_ALREADY


async def test_a_leader_who_answers_their_own_survey_keeps_reporting(
    bot: BotHarness, db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    """A registered leader tries their own link. While "Wat neem je mee?" waits, their next
    report is a report, not words for the survey; words count only as a reply to the question."""
    from fakes import USER_ID

    code = await ask(bot, a_session(db, catalogue))
    await answer_all(bot, code, "4444", user=USER_ID)
    question, _ = bot.find_button(pt.BUTTON_SKIP)
    assert str(question.text).startswith(pt.ASK_WORDS)
    assert pt.ASK_WORDS_REPLY in str(question.text)  # a registered person is told to reply

    await bot.send("Voorleesuurtje Havelte vandaag 12 kinderen 8 ouders")
    assert not any(pt.CONSENT_ANON == label for label, _ in bot.request.calls[-1].buttons)
    await bot.press(leader_texts.BUTTON_SAVE)
    assert db.execute("SELECT count(*) FROM sessions").fetchone()[0] == 2
    assert db.execute("SELECT count(*) FROM quotes").fetchone()[0] == 0

    # A guided report's typed step is not taken either.
    await bot.send("/verslag")
    await bot.send("Voorleesuurtje")
    assert pt.ASK_CONSENT.split("\n")[0] not in bot.texts(USER_ID)[-1]

    # Their reply to the question is their words.
    asked = int(question.result["message_id"])
    await bot.send("Leuk om zelf te proberen", reply_to=asked)
    assert [b[0] for b in bot.request.calls[-1].buttons][1:] == [pt.CONSENT_ANON, pt.CONSENT_NO]
    await bot.press(pt.CONSENT_ANON)
    assert db.execute("SELECT text, source FROM quotes").fetchall() == [
        ("Leuk om zelf te proberen", "deelnemer")
    ]


async def test_a_participant_still_just_types_their_words(
    bot: BotHarness, db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    code = await ask(bot, a_session(db, catalogue))
    await answer_all(bot, code, "4444")
    assert bot.texts(PARTICIPANT)[-1] == pt.ASK_WORDS
    await bot.send("Mooie boeken", user_id=PARTICIPANT)
    assert [b[0] for b in bot.request.calls[-1].buttons][1:] == [pt.CONSENT_ANON, pt.CONSENT_NO]


async def test_no_after_yes_drops_the_follow_up(
    bot: BotHarness, db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    """Both buttons tapped quickly: the last one counts. "Nee" says nothing is kept, so the
    chat id planned by "Ja" a moment before is erased."""
    code = await ask(bot, a_session(db, catalogue, "klik-en-tik"))
    await answer_all(bot, code, "4444")
    await bot.press(pt.BUTTON_SKIP, user_id=PARTICIPANT)
    call, yes = bot.find_button(pt.BUTTON_FOLLOWUP_YES)
    _, no = bot.find_button(pt.BUTTON_FOLLOWUP_NO)
    message_id = int(call.result["message_id"])
    await bot.press_data(yes, message_id=message_id, user_id=PARTICIPANT)
    await bot.press_data(no, message_id=message_id, user_id=PARTICIPANT)
    assert db.execute("SELECT count(*) FROM survey_followups").fetchone()[0] == 0
    assert bot.texts(PARTICIPANT)[-1] == pt.DONE


async def test_a_full_name_in_their_words_is_refused_in_the_chat(
    bot: BotHarness, db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    code = await ask(bot, a_session(db, catalogue))
    await answer_all(bot, code, "5432")
    await bot.send("Dank aan Jan de Vries en Petra Jansen-Bakker", user_id=PARTICIPANT)
    assert bot.texts(PARTICIPANT)[-1] == pt.WORDS_FULL_NAME
    assert db.execute("SELECT count(*) FROM quotes").fetchone()[0] == 0
    # still waiting for their words: without the name they are taken, control characters gone
    await bot.send("Dank aan\x01 Jan en Petra", user_id=PARTICIPANT)
    await bot.press("zonder wie ik ben", user_id=PARTICIPANT)
    assert db.execute("SELECT text, review FROM quotes").fetchone() == (
        "Dank aan Jan en Petra",
        "new",
    )


async def test_ask_by_lot_after_saving_with_the_qr_code_ready(
    bot: BotHarness, db: sqlite_utils.Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.leader import survey as leader_survey

    # A plan of 1 in 3 sessions (een_op = 3, as Digisterker has; set here on the
    # voorleesuurtje, whose report is one message): a lot of 0.2 draws, 0.5 does not.
    plans = bot.services.catalogue.survey_plans
    planned = plans["voorleesuurtje"].model_copy(update={"ask_one_in": 3})
    monkeypatch.setitem(plans, "voorleesuurtje", planned)
    monkeypatch.setattr(leader_survey, "LOT", lambda: 0.2)
    await bot.send("Voorleesuurtje Havelte vandaag 12 kinderen 8 ouders")
    await bot.press(leader_texts.BUTTON_SAVE)
    photo = bot.request.of("sendPhoto")[-1]
    caption = str(photo.params["caption"])
    assert caption.startswith(
        "Vandaag vragen we de deelnemers: 1 op de 3 bijeenkomsten, door loting."
    )
    first = db.execute("SELECT session_id, one_in, drawn FROM survey_draws").fetchall()
    assert [(n, d) for _, n, d in first] == [(3, 1)]
    assert survey_of_session(db, first[0][0]) is not None

    monkeypatch.setattr(leader_survey, "LOT", lambda: 0.5)
    await bot.send("Voorleesuurtje Diever vandaag 10 kinderen 6 ouders")
    await bot.press(leader_texts.BUTTON_SAVE)
    assert len(bot.request.of("sendPhoto")) == 1  # not drawn: no QR code unasked
    calls = [*bot.request.of("sendMessage"), *bot.request.of("editMessageText")]
    saved = [c for c in calls if (c.text or "").startswith(leader_texts.SAVED)][-1]
    assert leader_texts.LOT_NOT_DRAWN.format(n=3) in (saved.text or "")
    # the leader can still ask: the button stays (counted apart as ad hoc)
    assert leader_texts.BUTTON_ASK_PARTICIPANTS in [label for label, _ in saved.buttons]
    draws = db.execute("SELECT one_in, drawn FROM survey_draws ORDER BY session_id").fetchall()
    assert draws == [(3, 1), (3, 0)]


async def test_only_a_manager_of_the_sessions_gemeente_opens_its_survey(
    bot: BotHarness, db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    session_id = a_session(db, catalogue)  # in Havelte, gemeente Westerveld
    other, own = 555_000_301, 555_000_302
    register_person(db, other, "manager", "midden-drenthe", None, "Mia")
    register_person(db, own, "manager", "westerveld", None, "Wim")
    photos = len(bot.request.of("sendPhoto"))
    await bot.press_data(f"lq:{session_id}", user_id=other)
    assert bot.answers()[-1] == leader_texts.SURVEY_NOT_YOURS
    assert len(bot.request.of("sendPhoto")) == photos
    assert survey_of_session(db, session_id) is None
    await bot.press_data(f"lq:{session_id}", user_id=own)
    assert len(bot.request.of("sendPhoto")) == photos + 1


async def test_numbers_in_button_data_are_ascii_digits_of_a_bounded_length(
    bot: BotHarness, db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    a_session(db, catalogue)
    for junk in ("²", "١", "1" * 23, "-1", " 1", ""):
        await bot.press_data(f"lq:{junk}")
        assert bot.answers()[-1] == leader_texts.SURVEY_NO_SESSION, junk
    assert core_texts.ERROR not in bot.texts()


def test_survey_codes_cannot_be_guessed() -> None:
    import math

    from store import survey

    # Ten characters of 31: about 50 bits, drawn with `secrets`.
    assert survey.CODE_LENGTH * math.log2(len(survey._ALPHABET)) >= 48


async def test_in_telegram_too_more_answers_than_attendance_close_the_survey(
    bot: BotHarness, db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    """17 took part (10 children, 7 adults): 17 + 5 may answer; the 23rd closes the link and
    the leader (the registered person) hears it once."""
    code = await ask(bot, a_session(db, catalogue))
    for n in range(24):
        await answer_all(bot, code, "4444", user=556_000_000 + n)
    assert db.execute("SELECT count(*) FROM survey_respondents").fetchone()[0] == 22
    assert bot.texts(556_000_022)[-1] == pt.CLOSED_FULL
    assert bot.texts(556_000_023)[-1] == pt.CLOSED_FULL
    told = [t for t in bot.texts() if t.startswith("De vragen voor de deelnemers")]
    assert len(told) == 1 and "22 mensen" in told[0]
