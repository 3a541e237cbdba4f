"""/stand, /gaten, /citaten, /help and the command menus, per role and scope, through the bot."""

from __future__ import annotations

import json
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
from store.people import create_invite
from store.sessions import QuoteIn
from toc.models import Catalogue

TODAY = datetime(2025, 3, 12, 11, 0)  # a Wednesday


@pytest.fixture
def catalogue(agreed_catalogue: Catalogue) -> Catalogue:
    """The shipped afspraken taken as real: /stand shows a gemeente's own afspraken, never the
    examples (those are no gemeente's)."""
    return agreed_catalogue


@pytest.fixture
async def bot(
    settings: Settings, catalogue: Catalogue, db: sqlite_utils.Database
) -> AsyncIterator[ManagerHarness]:
    seed_people(db)
    # This year so far, and the same period last year (less), in two gemeenten.
    for day in (date(2025, 1, 6), date(2025, 2, 3), date(2025, 3, 3)):
        add_session(db, catalogue, day, "voorleesuurtje", "havelte", 12)
    add_session(db, catalogue, date(2025, 3, 10), "taalhuis", "diever", 5)
    add_session(db, catalogue, date(2025, 3, 3), "samenlezen", "havelte", 7)
    add_session(db, catalogue, date(2024, 2, 5), "voorleesuurtje", "havelte", 8)
    add_session(db, catalogue, date(2025, 2, 12), "ido-spreekuur", "beilen", 7)
    harness = ManagerHarness(settings, catalogue)
    await harness.start()
    harness.set_now(TODAY)
    yield harness
    await harness.stop()


MANAGER_COMMANDS = [
    "/stand",
    "/gaten",
    "/citaten",
    "/citaten nieuw",
    "/rapport 2025",
    "/export 2025",
    "/uitnodigen leider",
    "/kengetal",
]


@pytest.mark.parametrize("command", MANAGER_COMMANDS)
async def test_a_leader_cannot_use_manager_commands(bot: ManagerHarness, command: str) -> None:
    await bot.send(command, user_id=LEADER)
    assert bot.text_to(LEADER) == mt.MANAGERS_ONLY
    assert not bot.request.of("sendDocument")


@pytest.mark.parametrize("command", [*MANAGER_COMMANDS, "/vergeet", "/herinneringen uit"])
async def test_strangers_are_told_how_to_get_access(bot: ManagerHarness, command: str) -> None:
    await bot.send(command, user_id=999)
    assert bot.text_to(999) == texts.NOT_REGISTERED


async def test_stand_for_a_manager_is_their_gemeente_on_one_screen(bot: ManagerHarness) -> None:
    await bot.send("/stand", user_id=MANAGER)
    text = bot.text_to(MANAGER)
    assert text.startswith("Stand gemeente Westerveld: 2025 t/m 12 maart")
    # Westerveld only: 3 voorleesuurtjes (36), a taalhuis (5), a samenlezen (7); not Beilen.
    assert "Totaal: 5 bijeenkomsten, 48 deelnemers ▲ 500%" in text
    assert "(vorig jaar: 1 bijeenkomst en 8 deelnemers)" in text
    # The package counts leven-lang-ontwikkelen sessions only (the samenlezen): 1 of 34.
    assert "Afspraak 2025: 1 van 34 activiteiten ░░░░░░░░░░ 3%" in text
    assert "Achter op schema: rond nu verwacht 7" in text
    assert "Afspraken per activiteit: 0 van 9 op schema" in text
    assert "Geletterde samenleving: 3 bijeenkomsten, 36 deelnemers ▲ 350%" in text
    assert "Participatie in de informatiesamenleving: 1 bijeenkomst, 5 deelnemers ▲ nieuw" in text
    assert "1 bijeenkomsten" not in text and "1 deelnemers" not in text
    assert len(text.splitlines()) <= 20 and len(text) < 1000
    labels = [label for label, _ in bot.request.calls[-1].buttons]
    assert "Geletterde samenleving" in labels and "Havelte" in labels and "Maand" in labels
    assert mt.BUTTON_CONTRACT in labels
    assert "Beilen" not in labels and mt.BUTTON_WHOLE not in labels


async def test_stand_shows_the_agreements_per_line_item(bot: ManagerHarness) -> None:
    await bot.send("/stand", user_id=MANAGER)
    await bot.press(mt.BUTTON_CONTRACT, user_id=MANAGER)
    edited = bot.request.of("editMessageText")[-1].text or ""
    assert edited.startswith("Afspraken 2025, gemeente Westerveld:")
    # in the pakketten' own unit (issue 18): the one Samen lezen session has its own agreement
    # and is no activity of LLO pakket 1 or 2, so the pakket stands at 0 of 34
    assert "• Pakket: 0 van 34 ░░░░░░░░░░ (verwacht nu 7)" in edited
    assert "• Samenlezen: 1 van 11" in edited
    assert "• Voorleesuurtje: 3 van 48 ▓░░░░░░░░░ (verwacht nu 9)" in edited
    assert len(edited.splitlines()) <= 12


async def test_stand_drills_into_an_opgave_and_a_vestiging(bot: ManagerHarness) -> None:
    await bot.send("/stand", user_id=MANAGER)
    await bot.press("Geletterde samenleving", user_id=MANAGER)
    edited = bot.request.of("editMessageText")[-1].text or ""
    assert edited.startswith("Geletterde samenleving, gemeente Westerveld")
    assert "• Voorleesuurtje: 3 keer, 36 deelnemers ▲" in edited
    await bot.press(mt.BUTTON_BACK, user_id=MANAGER)
    await bot.press("Havelte", user_id=MANAGER)
    edited = bot.request.of("editMessageText")[-1].text or ""
    assert edited.startswith("Stand Bibliotheek Havelte")
    assert "4 bijeenkomsten, 43 deelnemers" in edited
    await bot.press("Week", user_id=MANAGER)
    edited = bot.request.of("editMessageText")[-1].text or ""
    assert "deze week" in edited and mt.STAND_EMPTY in edited


@pytest.mark.parametrize(
    ("args", "head"),
    [
        ("havelte maand", "Stand Bibliotheek Havelte: 1 t/m 12 maart 2025"),
        ("WESTERVELT", "Stand gemeente Westerveld"),  # any case, a typo
        ("week diever", "Stand Bibliotheek Diever: deze week"),
    ],
)
async def test_stand_arguments(bot: ManagerHarness, args: str, head: str) -> None:
    await bot.send(f"/stand {args}", user_id=MANAGER)
    assert bot.text_to(MANAGER).startswith(head)


async def test_a_manager_cannot_see_another_gemeente(bot: ManagerHarness) -> None:
    for args in ("Midden-Drenthe", "beilen"):
        await bot.send(f"/stand {args}", user_id=MANAGER)
        assert bot.text_to(MANAGER).startswith("Je ziet alleen gegevens van gemeente Westerveld.")
    await bot.send("/gaten Beilen", user_id=MANAGER)
    assert bot.text_to(MANAGER).startswith("Je ziet alleen gegevens van gemeente Westerveld.")
    # A crafted button is checked too.
    await bot.press_data("st:jaar:g:midden-drenthe", user_id=MANAGER)
    await bot.press_data("st:jaar:o:-", user_id=MANAGER)
    assert all(a.startswith("Je ziet alleen") for a in bot.answers()[-2:])
    assert not bot.request.of("editMessageText")


async def test_unknown_place_gets_suggestions(bot: ManagerHarness) -> None:
    await bot.send("/stand Havelde Zuid", user_id=MANAGER)
    assert bot.text_to(MANAGER).startswith("„Havelde Zuid” ken ik niet als gemeente of vestiging.")
    assert "Havelte" in bot.text_to(MANAGER)
    await bot.send("/stand qqqq", user_id=MANAGER)
    assert bot.text_to(MANAGER) == mt.PLACE_UNKNOWN.format(text="qqqq")


async def test_admin_sees_the_organisation_and_every_gemeente(bot: ManagerHarness) -> None:
    await bot.send("/stand", user_id=ADMIN)
    assert bot.text_to(ADMIN).startswith("Stand de hele organisatie")
    assert "Totaal: 6 bijeenkomsten, 55 deelnemers" in bot.text_to(ADMIN)
    labels = [label for label, _ in bot.request.calls[-1].buttons]
    assert "Midden-Drenthe" in labels and "Westerveld" in labels
    await bot.press("Midden-Drenthe", user_id=ADMIN)
    edited = bot.request.of("editMessageText")[-1].text or ""
    assert edited.startswith("Stand gemeente Midden-Drenthe") and "1 bijeenkomst, 7" in edited
    await bot.send("/stand Beilen", user_id=OTHER_MANAGER)
    assert bot.text_to(OTHER_MANAGER).startswith("Stand Bibliotheek Beilen")


async def test_gaten_lists_what_is_missing_in_scope(
    bot: ManagerHarness, db: sqlite_utils.Database
) -> None:
    await bot.send("/gaten", user_id=MANAGER)
    text = bot.text_to(MANAGER)
    assert text.startswith("Wat ontbreekt er in gemeente Westerveld (2025)?")
    # Rooster: the taalhuis in Havelte every Thursday was never reported.
    assert "• do 6 mrt: Taalhuis, Havelte" in text
    assert "Al 4 weken geen verslag (1):\n• Lotte (nog nooit)" in text
    assert "Effecten nog niet gemeten dit jaar" in text
    assert "Beilen" not in text
    await bot.send("/gaten", user_id=OTHER_MANAGER)
    assert "Westerveld" not in bot.text_to(OTHER_MANAGER)
    assert "• wo 5 mrt: IDO-spreekuur (Informatiepunt Digitale Overheid), Beilen" in bot.text_to(
        OTHER_MANAGER
    )


async def test_citaten_shows_publishable_quotes_in_scope_only(
    bot: ManagerHarness, db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    add_session(db, catalogue, date(2025, 3, 3), quotes=[
        QuoteIn(text="Isa wil elke avond voorlezen", attribution="moeder van Isa", consent="ja"),
        QuoteIn(text="Geheim intern citaat", attribution="opa Kees", consent="nee"),
        QuoteIn(text="Fijn om te komen", attribution="Bram, 7 jaar", consent="anoniem"),
    ])  # fmt: skip
    add_session(db, catalogue, date(2025, 3, 4), "ido-spreekuur", "beilen", 3, quotes=[
        QuoteIn(text="Eindelijk mijn DigiD", attribution="meneer", consent="ja"),
    ])  # fmt: skip
    await bot.send("/citaten", user_id=MANAGER)
    text = bot.text_to(MANAGER)
    assert text.startswith("Laatste citaten, gemeente Westerveld:")
    assert "„Isa wil elke avond voorlezen” — moeder van Isa" in text
    assert "Voorleesuurtje, Havelte, 3 maart 2025" in text
    assert "„Fijn om te komen” — een deelnemer" in text and "Bram" not in text
    assert "Geheim" not in text and "DigiD" not in text
    assert "2 citaten wachten op je oordeel: /citaten nieuw" in text
    await bot.send("/citaten", user_id=ADMIN)
    assert "DigiD" in bot.text_to(ADMIN) and "Geheim" not in bot.text_to(ADMIN)
    await bot.send("/citaten ido spreekuur", user_id=ADMIN)
    assert "DigiD" in bot.text_to(ADMIN) and "Isa" not in bot.text_to(ADMIN)
    await bot.send("/citaten geletterde samenleving", user_id=ADMIN)
    assert "Isa" in bot.text_to(ADMIN) and "DigiD" not in bot.text_to(ADMIN)
    await bot.send("/citaten voorleesuurtj", user_id=MANAGER)
    assert "Isa" in bot.text_to(MANAGER)
    await bot.send("/citaten qqqqqq", user_id=MANAGER)
    assert bot.text_to(MANAGER).startswith("„qqqqqq” ken ik niet")


async def test_help_per_role(bot: ManagerHarness) -> None:
    await bot.send("/help", user_id=LEADER)
    assert bot.text_to(LEADER) == texts.HELP_LEADER
    assert "/naam" in texts.HELP_LEADER and "/naam" in mt.HELP_MANAGER
    await bot.send("/help", user_id=MANAGER)
    assert bot.text_to(MANAGER) == mt.HELP_MANAGER
    await bot.send("/help", user_id=ADMIN)
    assert bot.text_to(ADMIN).endswith(mt.HELP_ADMIN_EXTRA)


def _menus(bot: ManagerHarness) -> dict[int, list[str]]:
    out = {}
    for call in bot.request.of("setMyCommands"):
        scope = call.params.get("scope")
        scope = json.loads(scope) if isinstance(scope, str) else scope
        if scope and scope.get("type") == "chat":
            out[int(scope["chat_id"])] = [c["command"] for c in call.params["commands"]]
    return out


async def test_each_person_gets_the_menu_of_their_role_at_start(bot: ManagerHarness) -> None:
    menus = _menus(bot)
    assert menus[LEADER] == list(texts.LEADER_COMMANDS)
    assert "naam" in menus[LEADER] and "naam" in menus[MANAGER] and "naam" in menus[ADMIN]
    assert "stand" in menus[MANAGER] and "vergeet" not in menus[MANAGER]
    assert "verslag" in menus[MANAGER]
    assert menus[ADMIN][-1] == "vergeet"


async def test_the_menu_is_set_when_someone_registers(
    settings: Settings, catalogue: Catalogue, db: sqlite_utils.Database
) -> None:
    bot = ManagerHarness(settings, catalogue)
    await bot.start()
    await bot.run()  # the menu is set from a job, right after the welcome
    try:
        invite = create_invite(db, "manager", gemeente="westerveld")
        await bot.send(f"/start {invite.code}", user_id=5555)
        await bot.wait_for("setMyCommands", 2)
        assert "stand" in _menus(bot)[5555]
        assert bot.text_to(5555).startswith("Welkom!")
    finally:
        await bot.stop()


async def test_stand_never_swallows_a_year(bot: ManagerHarness) -> None:
    # Another year is not read as this year: /stand says what it shows and points to /rapport.
    await bot.send("/stand westerveld 2024", user_id=MANAGER)
    answer = bot.text_to(MANAGER)
    assert answer == mt.STAND_NO_YEAR.format(year="2024")
    assert "dit jaar tot nu toe" in answer and "/rapport 2024" in answer
    await bot.send("/stand 2023", user_id=MANAGER)
    assert bot.text_to(MANAGER) == mt.STAND_NO_YEAR.format(year="2023")
    # This year's number asks for what /stand shows anyway.
    await bot.send("/stand westerveld 2025", user_id=MANAGER)
    assert bot.text_to(MANAGER).startswith("Stand gemeente Westerveld: 2025 t/m 12 maart")


async def test_not_your_gemeente_starts_with_a_capital(bot: ManagerHarness) -> None:
    await bot.send("/stand midden-drenthe", user_id=MANAGER)
    assert bot.text_to(MANAGER) == (
        "Je ziet alleen gegevens van gemeente Westerveld. "
        "Gemeente Midden-Drenthe hoort daar niet bij."
    )


async def test_unknown_command_per_role(bot: ManagerHarness) -> None:
    await bot.send("/bestaatniet", user_id=MANAGER)
    assert bot.text_to(MANAGER) == mt.UNKNOWN_COMMAND
    assert "/help" in mt.UNKNOWN_COMMAND
    await bot.send("/bestaatniet", user_id=LEADER)
    assert bot.text_to(LEADER) == texts.UNKNOWN_COMMAND


def test_one_quote_awaiting_is_singular(catalogue: Catalogue) -> None:
    from bot.manager.format import quotes_text

    assert quotes_text([], catalogue, "Citaten", 1).endswith(
        "1 citaat wacht op je oordeel: /citaten nieuw"
    )
    assert quotes_text([], catalogue, "Citaten", 3).endswith(
        "3 citaten wachten op je oordeel: /citaten nieuw"
    )


def test_one_respondent_gave_an_answer_singular() -> None:
    from bot.manager.format import voice_line
    from reports.stand import Line

    assert (
        voice_line(Line("o", "Opgave", respondenten=1))
        == "  Deelnemers zelf: 1 deelnemer gaf antwoord"
    )
    assert voice_line(Line("o", "Opgave", respondenten=1200)) == (
        "  Deelnemers zelf: 1.200 deelnemers gaven antwoord"
    )


@pytest.mark.parametrize("command", ["/stand", "/gaten", "/citaten"])
async def test_manager_figures_never_hold_up_a_leaders_report(
    settings: Settings,
    catalogue: Catalogue,
    db: sqlite_utils.Database,
    monkeypatch: pytest.MonkeyPatch,
    command: str,
) -> None:
    """The figures are computed off the event loop: while one is still being computed (here:
    held until the leader has had an answer), the leader's report goes ahead."""
    import threading

    from fakes import message_update
    from telegram import Update

    from bot.manager import figures

    seed_people(db)
    leader_answered = threading.Event()
    held: list[bool] = []
    slow = {"/stand": "compute_stand", "/gaten": "find_gaps", "/citaten": "count_awaiting"}
    original = getattr(figures, slow[command])

    def held_until_the_leader_is_answered(*args: object, **kwargs: object) -> object:
        held.append(leader_answered.wait(timeout=10))
        return original(*args, **kwargs)

    monkeypatch.setattr(figures, slow[command], held_until_the_leader_is_answered)
    bot = ManagerHarness(settings, catalogue)
    await bot.start()
    await bot.run()  # as in production: the Application runs its update queue
    try:
        for text, user in ((command, MANAGER), ("Lezing Diever 40 bezoekers", LEADER)):
            update = Update.de_json(message_update(text, user_id=user), bot.app.bot)
            await bot.app.update_queue.put(update)
        # The leader's report gets its next question (what they saw) while the figure waits.
        while not any(texts.UNDERSTOOD in t for t in bot.texts(LEADER)):
            await bot.wait_for("sendMessage", len(bot.request.of("sendMessage")) + 1, 10)
        leader_answered.set()
        await bot.wait_for("sendMessage", 2)
        while not bot.texts(MANAGER):
            await bot.wait_for("sendMessage", len(bot.request.of("sendMessage")) + 1, 10)
        assert held == [True]  # the figure waited for the leader, and the loop was free
    finally:
        leader_answered.set()
        await bot.stop()


@pytest.mark.parametrize("command", ["/stand", "/citaten", "/gaten", "/kengetal 2025"])
async def test_refusals_never_repeat_a_very_long_argument(
    bot: ManagerHarness, command: str
) -> None:
    await bot.send(f"{command} " + "onbekendeplaats " * 250, user_id=ADMIN)
    answer = bot.text_to(ADMIN)
    assert len(answer) < 1000, answer[:200]
    assert "onbekendeplaats onbekendeplaats onbekendeplaats onbekendeplaats" not in answer
