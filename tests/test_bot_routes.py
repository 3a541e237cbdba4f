"""The rooms' routes, read off the real Application: every button any keyboard builds reaches
exactly one handler, no button handler catches everything, and typed answers go by record."""

from __future__ import annotations

import ast
import datetime as dt
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fakes import BotHarness
from telegram import InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.core import awaiting, buttons
from bot.leader import keyboards as leader_keyboards
from bot.leader import routes as leader_routes
from bot.leader import survey as leader_survey
from bot.leader.draft import Draft, DraftQuestion, DraftQuote, signal_choices
from bot.leader.queries import Course
from bot.manager import admin, documents, figures, jobs, kengetal, review
from bot.manager import routes as manager_routes
from bot.participant import keyboards as participant_keyboards
from bot.participant import routes as participant_routes
from reports.stand import Scope
from store.people import Person
from toc.models import Catalogue, Schedule

BOT = Path(__file__).parent.parent / "bot"


def _draft(catalogue: Catalogue, step: str) -> Draft:
    """A report far enough along that every keyboard of a step has something to show."""
    activity = next(a.id for a in catalogue.activities.values() if a.effects)
    vestiging = next(iter(catalogue.vestigingen))
    draft = Draft(telegram_id=1, person_id=1, activity=activity, vestiging=vestiging)
    draft.date = dt.date(2024, 3, 1)
    draft.counts = {"deelnemers": 12}
    draft.quotes = [DraftQuote(text="Ik lees nu elke week.")]
    draft.step = step  # type: ignore[assignment]
    return draft


def _with_signals(catalogue: Catalogue) -> Draft:
    """A report of an activity whose effects have signals to tick."""
    draft = _draft(catalogue, "effects")
    for activity in catalogue.activities:
        draft.activity = activity
        if signal_choices(draft, catalogue):
            return draft
    raise AssertionError("no activity with signals in the catalogue")


def keyboards(bot: BotHarness) -> Iterator[tuple[Callable[..., Any], InlineKeyboardMarkup]]:
    """Every keyboard of every room, built by the rooms' own functions."""
    s = bot.services
    cat = s.catalogue
    programmalijn = next(p for p in cat.programmalijnen if cat.activities_in(p))
    gemeente = next(iter(cat.gemeenten))
    activity = next(iter(cat.activities))
    vestiging = next(iter(cat.vestigingen))
    manager = Person(
        id=2,
        telegram_id=2,
        display_name="Mia",
        role="admin",
        gemeente=None,
        vestigingen=[],
        reminders=True,
        active=True,
    )
    course = Course(id=3, name="Taalcafé vanaf 01-03-2024", enrolled=8, lessons=2, last_lesson_no=2)
    today = dt.date(2024, 3, 4)
    schedule = Schedule.model_validate(
        {"activiteit": activity, "vestiging": vestiging, "regel": "wekelijks:ma"}
    )
    summary = _draft(cat, "summary")
    summary.mode = "quick"
    calls: list[tuple[Callable[..., Any], tuple[Any, ...]]] = []
    # The leader's report, per step.
    for step in ("activity", "vestiging", "date", "series", "counts", "summary"):
        d = _draft(cat, step)
        calls += [
            (leader_keyboards.activities_top, (d, cat, [activity])),
            (leader_keyboards.activities_in, (d, cat, programmalijn)),
            (leader_keyboards.activity_suggestions, (d, cat, [activity])),
            (leader_keyboards.vestigingen_top, (d, cat, [vestiging])),
            (leader_keyboards.gemeenten_list, (d, cat)),
            (leader_keyboards.vestigingen_in, (d, cat, gemeente)),
            (leader_keyboards.dates, (d,)),
            (leader_keyboards.courses, (d, [course])),
            (leader_keyboards.yes_no, (d,)),
            (leader_keyboards.everyone, (d, 12)),
            (leader_keyboards.skip, (d,)),
            (leader_keyboards.no_quote, (d,)),
            (leader_keyboards.extra, (d,)),
            (leader_keyboards.story_consent, (d,)),
            (leader_keyboards.no_attribution, (d,)),
            (leader_keyboards.consent, (d, "Sanne")),
            (leader_keyboards.consent, (d, None)),
            (leader_keyboards.duplicate, (d,)),
            (leader_keyboards.edit_menu, (d,)),
        ]
    # A message read two ways (issue 17): one button per candidate, for each kind.
    for kind, candidates in (
        ("count", ["15", "16"]),
        ("date", ["2024-03-01", "2024-02-29"]),
        ("quote", ["De Gruffalo"]),
    ):
        asked = _draft(cat, "ambiguity")
        asked.questions = [DraftQuestion(field="x", kind=kind, candidates=candidates, question="?")]
        calls.append((leader_keyboards.ambiguity, (asked,)))
    calls += [
        (leader_keyboards.signals, (_with_signals(cat), cat)),
        (leader_keyboards.summary, (summary, cat)),
        (leader_keyboards.summary, (_with_signals(cat).model_copy(update={"mode": "quick"}), cat)),
        (leader_keyboards.lower_invite, ("abc123", "beheerder", "begeleider")),
        (leader_keyboards.after_save, (7,)),
        (leader_keyboards.tally_statements, (7,)),
        (leader_keyboards.tally_effects, (7, 1, ["Meer lezen", "Kennis delen"])),
        (leader_keyboards.use_name, ("Ana",)),
        (leader_keyboards.own_report, (7,)),
        (leader_keyboards.older_reports, (5,)),
        (leader_keyboards.confirm_delete, (7,)),
        (leader_survey.saved_markup, (s, activity, 7)),
    ]
    # The manager room.
    calls += [
        (figures.stand_keyboard, (manager, cat, Scope(), "jaar", list(cat.opgaven), True)),
        (figures.stand_keyboard, (manager, cat, Scope(gemeente=gemeente), "maand", [], False)),
        (figures.stand_keyboard, (manager, cat, Scope(vestiging=vestiging), "week", [], False)),
        (figures.back_keyboard, ("jaar", Scope(gemeente=gemeente))),
        (documents.year_buttons, ("rapport", today)),
        (documents.year_buttons, ("export", today)),
        (jobs.reminder_button, (schedule, today)),
        (review.card_keyboard, (5,)),
        (review.story_keyboard, (5,)),
        (review.no_shorter_keyboard, (5,)),
        (admin.confirm_keyboard, ("p", 5)),
        (admin.pick_keyboard, (cat, [manager])),
        (kengetal.year_keyboard, ((2023, 2024),)),
        (kengetal.stop_keyboard, ()),
        (kengetal.gemeente_keyboard, (manager, cat, 2024)),
        (kengetal.kengetal_keyboard, (cat, 2024, gemeente)),
    ]
    # The participants' room.
    calls += [
        (participant_keyboards.statement, ("K7Q2",)),
        (participant_keyboards.statement, ("K7Q2", "45")),
        (participant_keyboards.followup_statement, ("K7Q2", "0123456789")),
        (participant_keyboards.skip_words, ("K7Q2",)),
        (participant_keyboards.consent, ("K7Q2", "deelnemer bij Voorlezen")),
        (participant_keyboards.followup, ("K7Q2",)),
        (participant_keyboards.stop, ()),
    ]
    for function, args in calls:
        markup = function(*args)
        if markup is not None:
            yield function, markup


def _keyboard_functions() -> set[str]:
    """Every public function under bot/ that returns a keyboard (read from the source)."""
    found: set[str] = set()
    for path in BOT.rglob("*.py"):
        module = ".".join(path.relative_to(BOT.parent).with_suffix("").parts)
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if (
                isinstance(node, ast.FunctionDef)
                and not node.name.startswith("_")
                and node.returns is not None
                and ast.unparse(node.returns).startswith("InlineKeyboardMarkup")
            ):
                found.add(f"{module}.{node.name}")
    return found


def _button_handlers(bot: BotHarness) -> list[CallbackQueryHandler]:  # type: ignore[type-arg]
    return [
        h
        for group in bot.app.handlers.values()
        for h in group
        if isinstance(h, CallbackQueryHandler)
    ]


def test_every_button_handler_has_a_pattern(bot: BotHarness) -> None:
    handlers = _button_handlers(bot)
    assert handlers
    assert all(h.pattern is not None for h in handlers)


def test_every_keyboard_function_is_built_here(bot: BotHarness) -> None:
    """A new keyboard function joins `keyboards()` above, so its buttons are checked too."""
    built = {f"{f.__module__}.{f.__name__}" for f, _ in keyboards(bot)}
    assert _keyboard_functions() - built == set()


def test_every_button_reaches_exactly_one_handler(bot: BotHarness) -> None:
    handlers = _button_handlers(bot)
    seen = 0
    for function, markup in keyboards(bot):
        for row in markup.inline_keyboard:
            for button in row:
                data = button.callback_data
                assert isinstance(data, str), (function.__name__, button.text)
                update = Update.de_json(
                    {
                        "update_id": 1,
                        "callback_query": {
                            "id": "1",
                            "from": {"id": 1, "is_bot": False, "first_name": "Ana"},
                            "chat_instance": "ci",
                            "data": data,
                        },
                    },
                    bot.app.bot,
                )
                matching = [h for h in handlers if h.check_update(update)]
                assert len(matching) == 1, (function.__name__, data, matching)
                # ... and it is a room's own handler, not the one for unknown presses.
                assert matching[0].callback is not leader_routes.UNKNOWN_PRESS, (
                    function.__name__,
                    data,
                )
                seen += 1
    assert seen > 100


def test_no_two_rooms_share_a_prefix() -> None:
    patterns = [
        b.pattern
        for r in (leader_routes.ROUTES, manager_routes.ROUTES, participant_routes.ROUTES)
        for b in r.buttons
    ]
    assert len(patterns) == len(set(patterns))
    # A prefix pattern is always "^(?:...):", and the prefixes are all different.
    prefixes = [p for pat in patterns for p in re.findall(r"\^\(\?:(.*)\):", pat)]
    names = [n for group in prefixes for n in group.split("|")]
    assert len(names) == len(set(names))


def test_unknown_data_goes_to_the_unknown_press_only(bot: BotHarness) -> None:
    for data in ("zz:1", "nonsense", "tl", "ABCD1234:date:today"):
        update = Update.de_json(
            {
                "update_id": 1,
                "callback_query": {
                    "id": "1",
                    "from": {"id": 1, "is_bot": False, "first_name": "Ana"},
                    "chat_instance": "ci",
                    "data": data,
                },
            },
            bot.app.bot,
        )
        matching = [h for h in _button_handlers(bot) if h.check_update(update)]
        assert [h.callback for h in matching] == [leader_routes.UNKNOWN_PRESS], data


def test_start_belongs_to_one_room_per_link(bot: BotHarness) -> None:
    """/start with a survey link is the participants'; any other /start the leader's."""
    from fakes import message_update

    starts = [
        h for h in bot.app.handlers[0] if isinstance(h, CommandHandler) and "start" in h.commands
    ]
    assert len(starts) == 2
    for text in ("/start", "/start s_K7Q2", "/start abc123"):
        update = Update.de_json(message_update(text), bot.app.bot)
        assert sum(bool(h.check_update(update)) for h in starts) == 1, text


def test_button_data_helper_reads_what_it_builds() -> None:
    assert buttons.data("rv", "ok", 12) == "rv:ok:12"
    assert buttons.fields("rv:ok:12", 2) == ["ok", "12"]
    assert buttons.fields("rv:ok", 2) == ["ok", ""]
    assert buttons.fields("iv:yes:a:b", 2) == ["yes", "a:b"]
    assert buttons.fields("tl:5:0:0") == ["5", "0", "0"]
    assert buttons.fields("px:") == [""]
    assert buttons.prefix("abcd1234:date:today") == "abcd1234"
    assert re.match(buttons.pattern("st", "so"), "so:jaar:o:-")
    assert not re.match(buttons.pattern("s"), "st:jaar")


async def test_a_typed_answer_goes_to_the_room_of_the_record(bot: BotHarness) -> None:
    """One record per person: the latest question is the one answered; a record of a kind no
    room answers is dropped, and the message is not read as a report."""
    context_data = bot.app.user_data[bot.user_id]
    context_data[awaiting.KEY] = {"room": "leader", "kind": "gone", "data": {}}
    calls = await bot.send("Voorleesuurtje Havelte 12 kinderen")
    assert awaiting.KEY not in bot.app.user_data[bot.user_id]
    assert not [c for c in calls if c.method == "sendMessage"]
    # Without a record the same message is a report.
    calls = await bot.send("Voorleesuurtje Havelte 12 kinderen")
    assert [c for c in calls if c.method == "sendMessage"]


def test_rooms_register_their_routes_in_their_own_module() -> None:
    """app.py assembles; it registers no handler of its own."""
    source = (BOT / "app.py").read_text(encoding="utf-8")
    assert "add_handler(" not in source
    assert "CallbackQueryHandler" not in source and "MessageHandler" not in source


@pytest.mark.parametrize("room", ["leader", "manager", "participant"])
def test_each_room_says_how_to_add_a_route(room: str) -> None:
    doc = ast.get_docstring(ast.parse((BOT / room / "routes.py").read_text(encoding="utf-8")))
    assert doc is not None and "To add a button" in doc
