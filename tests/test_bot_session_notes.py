"""'Met wie?' and 'Wat was bijzonder?' in the chat: offered on the summary (never asked),
kept in the draft across a restart, saved with the session in one transaction, corrected via
/mijnverslagen, and a story never holds a participant's full name."""

from __future__ import annotations

import json
from datetime import date

import pytest
import sqlite_utils
from fakes import BotHarness, count

from bot.leader import texts
from bot.leader.draft import Draft, DraftStory, next_step
from bot.leader.draft_session import from_session, to_session
from bot.leader.inputs import InputError, read_partners, read_story
from ground.settings import Settings
from store.session_notes import set_story_review
from toc.models import Catalogue

STORY = "11 kinderen maakten een eigen theaterstuk en speelden het voor hun ouders."


def draft(db: sqlite_utils.Database) -> dict:
    return json.loads(db.execute("SELECT data FROM drafts").fetchone()[0])


def labels(bot: BotHarness) -> list[str]:
    return [label for label, _ in bot.request.calls[-1].buttons]


async def _guided_to_summary(bot: BotHarness) -> None:
    await bot.send("/verslag")
    await bot.press("Drenthe leert en ontwikkelt")
    await bot.press("Workshop")
    await bot.press("Havelte")
    await bot.press("Vandaag")
    await bot.send("11 4")
    await bot.press(texts.BUTTON_SKIP)
    await bot.press(texts.BUTTON_NO_QUOTE)


async def test_guided_report_with_partners_and_story(
    bot: BotHarness, settings: Settings, catalogue: Catalogue, db: sqlite_utils.Database
) -> None:
    await _guided_to_summary(bot)
    assert bot.last_text().startswith(texts.SUMMARY_HEAD)
    # The extras sit above Opslaan: a leader who wants neither taps nothing extra.
    assert labels(bot)[-5:] == [
        texts.BUTTON_PARTNERS,
        texts.BUTTON_STORY,
        texts.BUTTON_SAVE,
        texts.BUTTON_EDIT,
        texts.BUTTON_CANCEL,
    ]
    await bot.press(texts.BUTTON_PARTNERS)
    assert bot.last_text() == texts.ASK_PARTNERS
    assert labels(bot) == [texts.BUTTON_BACK]
    await bot.send("Theater Havelte, Dorpshuis Dwingeloo; theater havelte")
    summary = bot.last_text()
    assert summary.startswith(texts.SUMMARY_HEAD)
    assert "Met wie: Theater Havelte, Dorpshuis Dwingeloo" in summary
    assert texts.BUTTON_PARTNERS_CHANGE in labels(bot)

    await bot.press(texts.BUTTON_STORY)
    assert bot.last_text() == texts.ASK_STORY
    # A participant's full name is refused in one sentence; nothing entered is lost.
    await bot.send("Sem de Vries speelde de hoofdrol in het theaterstuk.")
    assert bot.last_text() == texts.STORY_FULL_NAME
    kept = draft(db)
    assert kept["partners"] == ["Theater Havelte", "Dorpshuis Dwingeloo"]
    assert kept["step"] == "story" and kept["counts"] == {"kinderen": 11, "volwassenen": 4}
    await bot.send(STORY)
    assert bot.last_text() == f"{texts.ASK_STORY_CONSENT}\n„{STORY}”"
    assert labels(bot) == [
        texts.STORY_CONSENT_YES,
        texts.STORY_CONSENT_ANON,
        texts.STORY_CONSENT_NO,
    ]

    # A restart in the middle: the draft (partners, story) is in the database; /verslag
    # continues where the leader was.
    await bot.stop()
    again = BotHarness(settings, catalogue)
    await again.start()
    try:
        await again.send("/verslag")
        assert again.last_text().startswith(texts.BUSY)
        assert texts.ASK_STORY_CONSENT in again.last_text()
        await again.press(texts.STORY_CONSENT_ANON)
        summary = again.last_text()
        assert f"Bijzonder: „{STORY}” [{texts.STORY_CONSENT_SUMMARY['anoniem']}]" in summary
        assert count(db, "sessions") == 0  # nothing before Opslaan
        call, data = again.find_button(texts.BUTTON_SAVE)
        message_id = int(call.result["message_id"])
        await again.press_data(data, message_id=message_id)
        assert again.last_text().startswith(texts.SAVED)
        assert "Met wie: Theater Havelte, Dorpshuis Dwingeloo" in again.last_text()
        # The same press again stores nothing more.
        await again.press_data(data, message_id=message_id)
        assert again.answers()[-1] == texts.ALREADY_SAVED
    finally:
        await again.stop()
        await bot.start()  # the fixture stops it again
    assert count(db, "sessions") == 1
    partners = db.execute("SELECT partner FROM session_partners ORDER BY rowid").fetchall()
    assert partners == [("Theater Havelte",), ("Dorpshuis Dwingeloo",)]
    story = db.execute("SELECT text, consent, review FROM session_stories").fetchall()
    assert story == [(STORY, "anoniem", "new")]
    assert count(db, "drafts") == 0


async def test_extras_can_be_left_or_taken_back(bot: BotHarness, db: sqlite_utils.Database) -> None:
    await _guided_to_summary(bot)
    await bot.press(texts.BUTTON_STORY)
    await bot.press(texts.BUTTON_BACK)  # changed their mind: back to the summary
    assert bot.last_text().startswith(texts.SUMMARY_HEAD)
    assert "Bijzonder" not in bot.last_text()
    await bot.press(texts.BUTTON_PARTNERS)
    await bot.send("Bibliotheek Havelte")
    await bot.press(texts.BUTTON_PARTNERS_CHANGE)
    assert labels(bot) == [texts.BUTTON_NO_PARTNERS, texts.BUTTON_BACK]
    await bot.press(texts.BUTTON_NO_PARTNERS)
    assert "Met wie" not in bot.last_text()
    await bot.press(texts.BUTTON_SAVE)
    assert count(db, "sessions") == 1
    assert count(db, "session_partners") == count(db, "session_stories") == 0


async def test_one_message_report_offers_the_extras_on_its_summary(
    bot: BotHarness, db: sqlite_utils.Database
) -> None:
    await bot.send("Workshop Havelte 11 kinderen 4 ouders")
    shown = bot.last_text()
    assert shown.startswith(texts.UNDERSTOOD) and shown.endswith(texts.SIGNALS_ON_SUMMARY)
    assert labels(bot)[-5:-3] == [texts.BUTTON_PARTNERS, texts.BUTTON_STORY]
    await bot.press(texts.BUTTON_STORY)
    await bot.send(STORY)
    await bot.press(texts.STORY_CONSENT_YES)
    assert bot.last_text().startswith(texts.SUMMARY_HEAD)
    # The signal toggles are still there, above the extras and Opslaan.
    assert labels(bot)[-3:] == [texts.BUTTON_SAVE, texts.BUTTON_EDIT, texts.BUTTON_CANCEL]
    assert any(label.startswith("▫️") for label in labels(bot))
    await bot.press(texts.BUTTON_SAVE)
    assert db.execute("SELECT text, consent FROM session_stories").fetchall() == [(STORY, "ja")]


async def test_a_correction_keeps_and_changes_partners_and_story(
    bot: BotHarness, db: sqlite_utils.Database
) -> None:
    await bot.send("Workshop Havelte 11 kinderen 4 ouders")
    await bot.press(texts.BUTTON_PARTNERS)
    await bot.send("Theater Havelte")
    await bot.press(texts.BUTTON_STORY)
    await bot.send(STORY)
    await bot.press(texts.STORY_CONSENT_YES)
    await bot.press(texts.BUTTON_SAVE)
    [(story_id,)] = db.execute("SELECT id FROM session_stories").fetchall()
    set_story_review(db, story_id, "approved", None)

    # A correction of the counts only: partners and the story stay, the review too.
    await bot.send("/mijnverslagen")
    await bot.press(texts.BUTTON_EDIT)
    summary = bot.last_text()
    assert "Met wie: Theater Havelte" in summary and f"Bijzonder: „{STORY}”" in summary
    await bot.press(texts.BUTTON_EDIT)
    await bot.press(texts.EDIT_LABELS["aantallen"])
    await bot.send("12 4")
    await bot.press(texts.BUTTON_SAVE)
    assert bot.last_text().startswith(texts.SAVED_CHANGE)
    assert db.execute("SELECT partner FROM session_partners").fetchall() == [("Theater Havelte",)]
    assert db.execute("SELECT id, review FROM session_stories").fetchall() == [
        (story_id, "approved")
    ]

    # A correction may change them: another story goes back to review; partners replaced.
    await bot.send("/mijnverslagen")
    await bot.press(texts.BUTTON_EDIT)
    await bot.press(texts.BUTTON_STORY_CHANGE)
    assert labels(bot) == [texts.BUTTON_NO_STORY, texts.BUTTON_BACK]
    await bot.send("De kinderen speelden het stuk ook voor groep 5.")
    await bot.press(texts.STORY_CONSENT_NO)
    await bot.press(texts.BUTTON_PARTNERS_CHANGE)
    await bot.send("Dorpshuis Dwingeloo")
    await bot.press(texts.BUTTON_SAVE)
    assert db.execute("SELECT partner FROM session_partners").fetchall() == [
        ("Dorpshuis Dwingeloo",)
    ]
    assert db.execute("SELECT id, text, consent, review FROM session_stories").fetchall() == [
        (story_id, "De kinderen speelden het stuk ook voor groep 5.", "nee", "new")
    ]

    # And take the story away.
    await bot.send("/mijnverslagen")
    await bot.press(texts.BUTTON_EDIT)
    await bot.press(texts.BUTTON_STORY_CHANGE)
    await bot.press(texts.BUTTON_NO_STORY)
    await bot.press(texts.BUTTON_SAVE)
    assert count(db, "session_stories") == 0
    assert count(db, "sessions") == 1


def test_reading_partners() -> None:
    assert read_partners("Theater Havelte, Dorpshuis Dwingeloo") == [
        "Theater Havelte",
        "Dorpshuis Dwingeloo",
    ]
    # 'en' and '&' belong to names; commas, semicolons and new lines separate them.
    assert read_partners("Stichting Lezen en Schrijven;\nKlik & Tik-groep ") == [
        "Stichting Lezen en Schrijven",
        "Klik & Tik-groep",
    ]
    assert read_partners("SeniorWeb, seniorweb ,  SeniorWeb") == ["SeniorWeb"]
    # "geen" typed instead of tapping Terug is no partner called "geen"
    assert read_partners("geen") == read_partners(" Nee. ") == []
    for bad, message in (
        (" , ;", texts.PARTNERS_EMPTY),
        (", ".join(f"Partner {n}" for n in range(11)), texts.PARTNERS_TOO_MANY.format(max=10)),
        ("x" * 81, texts.PARTNER_TOO_LONG.format(max=80)),
    ):
        with pytest.raises(InputError) as refused:
            read_partners(bad)
        assert str(refused.value) == message


def test_a_persons_name_is_no_partner(catalogue: Catalogue) -> None:
    # Partners are printed in the gemeente's report and nobody reviews them.
    assert read_partners("Theater Havelte, Dorpshuis Dwingeloo", catalogue)
    for bad, name in (
        ("Theater Havelte, Marieke Bakker", "Marieke Bakker"),
        ("opa van Sem de Vries", "opa van Sem de Vries"),
    ):
        with pytest.raises(InputError) as refused:
            read_partners(bad, catalogue)
        assert str(refused.value) == texts.PARTNER_PERSON.format(name=name)


async def test_typing_nee_at_an_extra_stores_nothing(
    bot: BotHarness, db: sqlite_utils.Database
) -> None:
    await bot.send("Workshop Havelte 11 kinderen 4 ouders")
    await bot.press(texts.BUTTON_PARTNERS)
    await bot.send("geen")
    assert bot.last_text().startswith(texts.SUMMARY_HEAD) and "Met wie" not in bot.last_text()
    await bot.press(texts.BUTTON_STORY)
    await bot.send("nee")
    assert bot.last_text().startswith(texts.SUMMARY_HEAD) and "Bijzonder" not in bot.last_text()
    await bot.press(texts.BUTTON_SAVE)
    assert count(db, "sessions") == 1
    assert count(db, "session_partners") == count(db, "session_stories") == 0


def test_reading_a_story(catalogue: Catalogue) -> None:
    assert read_story(f"  „{STORY}”  ", catalogue) == STORY
    # Places and organisations from the catalogue are no names of people.
    assert read_story("Samen met Bibliotheek Diever bouwden ze een fotowand.", catalogue)
    for bad, message in (
        ("   ", texts.STORY_EMPTY),
        ("a" * 401, texts.STORY_TOO_LONG.format(max=400, n=401)),
        ("Mevrouw Jansen kwam voor het eerst.", texts.STORY_FULL_NAME),
        ("Sem de Vries las zelf een boek uit.", texts.STORY_FULL_NAME),
    ):
        with pytest.raises(InputError) as refused:
            read_story(bad, catalogue)
        assert str(refused.value) == message


def test_the_draft_asks_extras_only_when_chosen(catalogue: Catalogue) -> None:
    d = Draft(
        telegram_id=1,
        person_id=1,
        mode="quick",
        activity="workshop",
        vestiging="diever",
        date=date(2025, 4, 2),
        counts={"kinderen": 11, "volwassenen": 4},
        quote_asked=True,
    )
    assert next_step(d, catalogue) == "summary"  # never asked unasked
    d.extra = "partners"
    assert next_step(d, catalogue) == "partners"
    d.extra = None
    d.partners = ["Theater Havelte"]
    d.stories = [DraftStory(text=STORY)]
    assert next_step(d, catalogue) == "story_consent"
    d.stories[0].consent = "anoniem"
    assert next_step(d, catalogue) == "summary"
    session = to_session(d, catalogue)
    assert session.partners == ["Theater Havelte"]
    assert [(s.text, s.consent) for s in session.stories] == [(STORY, "anoniem")]
    again = from_session(session, catalogue, 7, 1, 1)
    assert again.step == "summary" and again.partners == d.partners
    assert [(s.text, s.consent) for s in again.stories] == [(STORY, "anoniem")]
