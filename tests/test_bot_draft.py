"""The pure parts of the bot: the draft's question order and reading typed input."""

from __future__ import annotations

from datetime import date

import pytest

from bot.leader import texts
from bot.leader.draft import Draft, DraftQuote, clear_field, next_step, set_activity, to_session
from bot.leader.inputs import (
    InputError,
    assign_counts,
    looks_like_full_name,
    read_date,
    read_quote,
    read_single,
)
from bot.leader.keyboards import draft_data
from toc.models import Catalogue

TODAY = date(2025, 3, 14)


def test_question_order_for_a_bijeenkomst(catalogue: Catalogue) -> None:
    d = Draft(telegram_id=1, person_id=1)
    assert next_step(d, catalogue) == "activity"
    set_activity(d, catalogue, "voorleesuurtje")
    d.vestiging, d.date = "havelte", TODAY
    assert next_step(d, catalogue) == "counts"
    d.counts = {"kinderen": 12, "volwassenen": 8}
    assert next_step(d, catalogue) == "effects"
    d.effects_asked = d.quote_asked = True
    d.quotes.append(DraftQuote(text="Mooi", attribution="oma", attribution_asked=True))
    assert next_step(d, catalogue) == "consent"
    d.quotes[0].consent = "nee"
    assert next_step(d, catalogue) == "summary"
    session = to_session(d, catalogue)
    assert session.total() == 20 and session.source_key == f"draft:{d.draft_id}"
    clear_field(d, "aantallen")
    assert next_step(d, catalogue) == "counts"


def test_changing_activity_keeps_what_fits(catalogue: Catalogue) -> None:
    d = Draft(telegram_id=1, person_id=1, mode="quick", effects_asked=True, quote_asked=True)
    d.counts = {"kinderen": 12, "volwassenen": 8}
    set_activity(d, catalogue, "lezing")
    assert d.counts == {"deelnemers": 20}
    set_activity(d, catalogue, "ido-spreekuur")
    assert d.counts == {"bezoekers": 20}


@pytest.mark.parametrize(
    ("text", "fields", "expected"),
    [
        ("12 8", ["kinderen", "volwassenen"], {"kinderen": 12, "volwassenen": 8}),
        (
            "8 volwassenen 12 kinderen",
            ["kinderen", "volwassenen"],
            {"kinderen": 12, "volwassenen": 8},
        ),
        ("12", ["kinderen", "volwassenen"], {"kinderen": 12}),
        ("twaalf", ["deelnemers"], {"deelnemers": 12}),
        ("5 bezoekers en 9 vragen", ["bezoekers", "vragen"], {"bezoekers": 5, "vragen": 9}),
    ],
)
def test_assign_counts(text: str, fields: list[str], expected: dict[str, int]) -> None:
    assert assign_counts(text, fields) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("12,5", texts.NOT_WHOLE_NUMBER),
        ("-3", texts.NOT_WHOLE_NUMBER),
        ("geen idee", texts.NOT_WHOLE_NUMBER),
        ("20000", texts.TOO_MANY.format(max=10_000)),
        ("1 2 3", texts.TOO_MANY_NUMBERS.format(n=2)),
    ],
)
def test_bad_counts(text: str, message: str) -> None:
    with pytest.raises(InputError) as info:
        assign_counts(text, ["kinderen", "volwassenen"])
    assert str(info.value) == message


def test_single_number_range() -> None:
    assert read_single("7", 0, 9) == 7
    with pytest.raises(InputError):
        read_single("10", 0, 9)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14-3", date(2025, 3, 14)),
        ("1-3-2025", date(2025, 3, 1)),
        ("2025-02-28", date(2025, 2, 28)),
        ("gisteren", date(2025, 3, 13)),
        ("20-12", date(2024, 12, 20)),  # no year: the last one that has been
    ],
)
def test_read_date(text: str, expected: date) -> None:
    assert read_date(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("15-3-2025", texts.DATE_FUTURE),
        ("1-1-2024", texts.DATE_TOO_OLD),
        ("31-2-2025", texts.DATE_UNREADABLE),
        ("volgende week", texts.DATE_UNREADABLE),
    ],
)
def test_bad_dates(text: str, message: str) -> None:
    with pytest.raises(InputError) as info:
        read_date(text, TODAY)
    assert str(info.value) == message


def test_quotes_and_names() -> None:
    assert read_quote("  'Mooi!' ") == "Mooi!"
    with pytest.raises(InputError):
        read_quote("x" * 501)
    assert looks_like_full_name("Jan de Vries") and looks_like_full_name("Isa Jansen")
    assert not looks_like_full_name("moeder van Isa")
    assert not looks_like_full_name("Oma Truus")
    assert not looks_like_full_name("jongen, 8 jaar")


def test_button_data_fits_telegram_limit(catalogue: Catalogue) -> None:
    d = Draft(telegram_id=1, person_id=1, step="attribution")
    longest_effect = max(catalogue.effects, key=len)
    longest_activity = max(catalogue.activities, key=len)
    for value in (f"t:{longest_effect}", f"a:{longest_activity}", "e:aantallen"):
        assert len(draft_data(d, value).encode()) <= 64
