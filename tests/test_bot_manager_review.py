"""/citaten nieuw: approve, shorten (the original is kept) and reject, in the manager's scope."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date, datetime

import pytest
import sqlite_utils
from manager_fakes import ADMIN, LEADER, MANAGER, OTHER_MANAGER, ManagerHarness, add_session
from manager_fakes import seed_people as seed

from bot.manager import texts as mt
from ground.settings import Settings
from store import audit
from store.reviews import ReviewError, check_shortened
from store.session_notes import add_story, publishable_stories
from store.sessions import QuoteIn
from toc.models import Catalogue

ISA = "Isa wil nu elke avond voorlezen, echt elke avond, zegt ze"


@pytest.fixture
async def bot(
    settings: Settings, catalogue: Catalogue, db: sqlite_utils.Database
) -> AsyncIterator[ManagerHarness]:
    seed(db)
    add_session(db, catalogue, date(2025, 3, 3), quotes=[
        QuoteIn(text=ISA, attribution="moeder van Isa", consent="ja"),
        QuoteIn(text="Alleen voor intern", consent="nee"),
        QuoteIn(text="Heel gezellig hier", attribution="Bram", consent="anoniem"),
    ])  # fmt: skip
    add_session(db, catalogue, date(2025, 3, 4), "ido-spreekuur", "beilen", 3, quotes=[
        QuoteIn(text="Eindelijk mijn DigiD", consent="ja", attribution="meneer"),
    ])  # fmt: skip
    harness = ManagerHarness(settings, catalogue)
    await harness.start()
    harness.set_now(datetime(2025, 3, 12, 11, 0))
    yield harness
    await harness.stop()


def reviews(db: sqlite_utils.Database) -> dict[str, tuple[str, str | None]]:
    rows = db.execute("SELECT text, review, original_text FROM quotes").fetchall()
    return {text: (review, original) for text, review, original in rows}


async def test_walk_through_approve_and_reject(
    bot: ManagerHarness, db: sqlite_utils.Database
) -> None:
    await bot.send("/citaten nieuw", user_id=MANAGER)
    card = bot.text_to(MANAGER)
    assert card.startswith("Citaat om te beoordelen (2 te gaan):\n„Isa wil nu")
    assert "— moeder van Isa (mag met naam)" in card
    assert "Voorleesuurtje, Havelte, maandag 3 maart 2025" in card
    assert [b for b, _ in bot.request.calls[-1].buttons] == [
        mt.BUTTON_APPROVE, mt.BUTTON_SHORTEN, mt.BUTTON_REJECT, mt.BUTTON_LATER,
    ]  # fmt: skip
    await bot.press(mt.BUTTON_APPROVE, user_id=MANAGER)
    assert bot.answers()[-1] == mt.APPROVED
    card = bot.text_to(MANAGER)
    assert "Heel gezellig hier" in card and "anoniem" in card and "(1 te gaan)" in card
    await bot.press(mt.BUTTON_REJECT, user_id=MANAGER)
    assert bot.text_to(MANAGER) == mt.REVIEW_DONE
    found = reviews(db)
    assert found[ISA] == ("approved", None)
    assert found["Heel gezellig hier"] == ("rejected", None)
    assert found["Alleen voor intern"][0] == "new"  # 'nee' is never reviewed nor published
    assert found["Eindelijk mijn DigiD"][0] == "new"  # another gemeente
    await bot.send("/citaten nieuw", user_id=MANAGER)
    assert bot.text_to(MANAGER) == mt.REVIEW_NONE
    # Rejected quotes are no longer publishable.
    await bot.send("/citaten", user_id=MANAGER)
    assert "gezellig" not in bot.text_to(MANAGER)


async def test_shorten_keeps_the_original(bot: ManagerHarness, db: sqlite_utils.Database) -> None:
    await bot.send("/citaten nieuw", user_id=MANAGER)
    await bot.press(mt.BUTTON_SHORTEN, user_id=MANAGER)
    assert bot.text_to(MANAGER).startswith("Typ de kortere versie.")
    # Words that were not said are refused; the question stays open.
    await bot.send("Isa wil nu altijd voorlezen", user_id=MANAGER)
    assert "altijd" in bot.text_to(MANAGER)
    await bot.send("Isa wil nu elke avond voorlezen", user_id=MANAGER)
    assert bot.texts(MANAGER)[-2] == mt.SHORTENED.format(text="Isa wil nu elke avond voorlezen")
    assert "Heel gezellig hier" in bot.text_to(MANAGER)  # on to the next
    row = db.execute(
        "SELECT text, original_text, review FROM quotes WHERE original_text IS NOT NULL"
    ).fetchone()
    assert row == ("Isa wil nu elke avond voorlezen", ISA, "approved")
    quote_id = db.execute("SELECT id FROM quotes WHERE original_text IS NOT NULL").fetchone()[0]
    [entry] = audit.trail(db, "quote", quote_id)
    assert entry["action"] == "shorten" and entry["actor"].startswith("person:")
    assert "Isa" not in str(entry)  # the trail never holds the words
    # The next typed text is a report again, not a quote.
    await bot.send("hallo", user_id=MANAGER)
    assert "Isa" not in bot.text_to(MANAGER)


async def test_stop_shortening(bot: ManagerHarness, db: sqlite_utils.Database) -> None:
    await bot.send("/citaten nieuw", user_id=MANAGER)
    await bot.press(mt.BUTTON_SHORTEN, user_id=MANAGER)
    await bot.press(mt.BUTTON_NO_SHORTEN, user_id=MANAGER)
    assert bot.text_to(MANAGER).startswith("Citaat om te beoordelen")
    assert reviews(db)[ISA] == ("new", None)


async def test_scope_and_roles(bot: ManagerHarness, db: sqlite_utils.Database) -> None:
    await bot.send("/citaten nieuw", user_id=OTHER_MANAGER)
    assert "DigiD" in bot.text_to(OTHER_MANAGER) and "(1 te gaan)" in bot.text_to(OTHER_MANAGER)
    isa = db.execute("SELECT id FROM quotes WHERE text = ?", [ISA]).fetchone()[0]
    # A crafted button for another gemeente's quote changes nothing.
    await bot.press_data(f"rv:ok:{isa}", user_id=OTHER_MANAGER)
    await bot.press_data(f"rv:ok:{isa}", user_id=LEADER)
    assert reviews(db)[ISA] == ("new", None)
    assert bot.answers()[-1] == mt.MANAGERS_ONLY
    await bot.send("/citaten nieuw", user_id=ADMIN)
    await bot.press(mt.BUTTON_LATER, user_id=ADMIN)
    assert "Heel gezellig" in bot.text_to(ADMIN)
    # Approved twice (two managers at once): the second hears it was already done.
    await bot.press_data(f"rv:ok:{isa}", user_id=MANAGER)
    await bot.press_data(f"rv:no:{isa}", user_id=ADMIN)
    assert "al beoordeeld" in bot.answers()[-1]
    assert reviews(db)[ISA] == ("approved", None)


def test_a_shortening_only_leaves_words_out() -> None:
    assert check_shortened("Dit is echt heel erg mooi", "  Dit is  mooi ") == "Dit is mooi"
    for bad in ("", "Dit is echt heel erg mooi", "Dit is lelijk"):
        with pytest.raises(ReviewError):
            check_shortened("Dit is echt heel erg mooi", bad)


async def test_another_gemeentes_quote_names_the_gemeente(
    bot: ManagerHarness, db: sqlite_utils.Database
) -> None:
    digid = db.execute("SELECT id FROM quotes WHERE text LIKE 'Eindelijk%'").fetchone()[0]
    await bot.press_data(f"rv:ok:{digid}", user_id=MANAGER)
    assert bot.answers()[-1] == (
        "Je ziet alleen gegevens van gemeente Westerveld. "
        "Gemeente Midden-Drenthe hoort daar niet bij."
    )
    assert reviews(db)["Eindelijk mijn DigiD"][0] == "new"


async def test_a_nee_quote_is_never_reviewed(
    bot: ManagerHarness, db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    internal = db.execute("SELECT id FROM quotes WHERE consent = 'nee'").fetchone()[0]
    # Not in the queue: the manager sees the two others, then is done.
    await bot.send("/citaten nieuw", user_id=MANAGER)
    assert "(2 te gaan)" in bot.text_to(MANAGER)
    await bot.press(mt.BUTTON_LATER, user_id=MANAGER)
    await bot.press(mt.BUTTON_LATER, user_id=MANAGER)
    # Both were kept for later, so they still wait: never "nothing waits".
    later = mt.REVIEW_LATER_MANY.format(n=2)
    assert bot.text_to(MANAGER) == later
    # Forged buttons (the card would have raised a KeyError) are refused; nothing changes.
    for action in ("back", "ok", "no", "cut"):
        await bot.press_data(f"rv:{action}:{internal}", user_id=MANAGER)
        assert bot.answers()[-1] == mt.REVIEW_INTERNAL, action
    assert reviews(db)["Alleen voor intern"][0] == "new"
    assert bot.text_to(MANAGER) == later
    # The card itself can show a 'nee' quote.
    from bot.manager.format import review_card
    from store.reviews import get_quote

    quote = get_quote(db, internal)
    assert quote is not None
    assert "alleen voor intern gebruik" in review_card(quote, catalogue, 0)


async def test_stories_are_reviewed_after_the_quotes(
    bot: ManagerHarness, db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    """'Wat was bijzonder?': the same consent rule and review as a quote; only publishable
    stories reach the report."""
    session = add_session(db, catalogue, date(2025, 3, 5), "workshop", "diever", 11)
    elsewhere = add_session(db, catalogue, date(2025, 3, 5), "workshop", "beilen", 9)
    play = add_story(db, session, "11 kinderen maakten een eigen theaterstuk.", "ja")
    quiet = add_story(db, session, "Een jongen durfde voor het eerst iets te zeggen.", "anoniem")
    inside = add_story(db, session, "Alleen voor ons eigen leren.", "nee")
    other = add_story(db, elsewhere, "In Beilen bouwden ze een robot.", "ja")

    await bot.send("/citaten nieuw", user_id=MANAGER)
    await bot.press(mt.BUTTON_LATER, user_id=MANAGER)
    await bot.press(mt.BUTTON_LATER, user_id=MANAGER)
    card = bot.text_to(MANAGER)
    assert card.startswith("Verhaal om te beoordelen (2 te gaan):\n„11 kinderen maakten")
    assert mt.STORY_CONSENT["ja"] in card and "Workshop, Diever, woensdag 5 maart 2025" in card
    assert [b for b, _ in bot.request.calls[-1].buttons] == [
        mt.BUTTON_APPROVE, mt.BUTTON_REJECT, mt.BUTTON_LATER,
    ]  # fmt: skip
    await bot.press(mt.BUTTON_APPROVE, user_id=MANAGER)
    assert bot.answers()[-1] == mt.APPROVED
    card = bot.text_to(MANAGER)
    assert "Een jongen durfde" in card and mt.STORY_CONSENT["anoniem"] in card
    await bot.press(mt.BUTTON_REJECT, user_id=MANAGER)
    assert bot.answers()[-1] == mt.STORY_REJECTED
    # the two quotes skipped with Later at the start still wait
    assert bot.text_to(MANAGER) == mt.REVIEW_LATER_MANY.format(n=2)
    states = dict(db.execute("SELECT id, review FROM session_stories").fetchall())
    assert states == {play: "approved", quiet: "rejected", inside: "new", other: "new"}
    # Pressed again (or by a second manager): decided once; forged buttons change nothing.
    await bot.press_data(f"rs:no:{play}", user_id=MANAGER)
    assert bot.answers()[-1] == mt.STORY_DECIDED
    await bot.press_data(f"rs:ok:{inside}", user_id=MANAGER)
    assert bot.answers()[-1] == mt.STORY_INTERNAL
    await bot.press_data(f"rs:ok:{other}", user_id=MANAGER)
    assert "Midden-Drenthe hoort daar niet bij" in bot.answers()[-1]
    await bot.press_data(f"rs:ok:{other}", user_id=LEADER)
    assert bot.answers()[-1] == mt.MANAGERS_ONLY
    assert dict(db.execute("SELECT id, review FROM session_stories").fetchall()) == states
    [entry] = audit.trail(db, "story", play)
    assert entry["action"] == "approve" and "theaterstuk" not in str(entry)
    # Only the approved, publishable story is left for the report.
    assert [s.id for s in publishable_stories(db, 2025, "westerveld")] == [play]


async def test_the_last_card_kept_for_later_is_not_called_done(
    bot: ManagerHarness, db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    await bot.send("/citaten nieuw", user_id=MANAGER)
    await bot.press(mt.BUTTON_APPROVE, user_id=MANAGER)
    await bot.press(mt.BUTTON_LATER, user_id=MANAGER)
    assert bot.text_to(MANAGER) == mt.REVIEW_LATER_ONE
    await bot.send("/citaten nieuw", user_id=MANAGER)
    await bot.press(mt.BUTTON_APPROVE, user_id=MANAGER)
    assert bot.text_to(MANAGER) == mt.REVIEW_DONE


async def test_citaten_says_how_many_stories_wait(
    bot: ManagerHarness, db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    session = add_session(db, catalogue, date(2025, 3, 5), "workshop", "diever", 11)
    add_story(db, session, "11 kinderen maakten een eigen theaterstuk.", "ja")
    await bot.send("/citaten", user_id=MANAGER)
    assert bot.text_to(MANAGER).endswith(
        "\n" + mt.QUOTES_AWAITING.format(n=2) + "\n" + mt.STORIES_AWAITING_ONE
    )
