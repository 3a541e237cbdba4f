"""The pure parts of the bot: the draft's question order and reading typed input."""

from __future__ import annotations

from datetime import date

import pytest

from bot.leader import texts
from bot.leader.draft import Draft, DraftQuote, clear_field, next_step, set_activity
from bot.leader.draft_session import to_session
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
        # Read like the parser reads counts (intake.numbers).
        (
            "twaalf kinderen en acht ouders",
            ["kinderen", "volwassenen"],
            {"kinderen": 12, "volwassenen": 8},
        ),
        ("een stuk of tien", ["deelnemers"], {"deelnemers": 10}),
        ("ongeveer 15 breisters", ["deelnemers"], {"deelnemers": 15}),
        ("12 kinderen en 2 begeleiders", ["kinderen", "volwassenen"], {"kinderen": 12}),
        ("9 kids en een opa", ["kinderen", "volwassenen"], {"kinderen": 9, "volwassenen": 1}),
        ("kinderen: 7, ouders: 5", ["kinderen", "volwassenen"], {"kinderen": 7, "volwassenen": 5}),
    ],
)
def test_assign_counts(text: str, fields: list[str], expected: dict[str, int]) -> None:
    assert assign_counts(text, fields) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("12,5", texts.NOT_WHOLE_NUMBER),
        ("-3", texts.NEGATIVE_COUNT),
        ("-5 kinderen", texts.NEGATIVE_COUNT),
        ("8 à 10", texts.RANGE_COUNT),
        ("8-10", texts.RANGE_COUNT),
        ("zes of zeven", texts.RANGE_COUNT),
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
        # Read like the parser reads days (intake.dates); today is Friday 14 March 2025.
        ("28 nov", date(2024, 11, 28)),
        ("zaterdag", date(2025, 3, 8)),
        ("za", date(2025, 3, 8)),
        ("Di.", date(2025, 3, 11)),
        ("vrijdag", TODAY),
        ("vorige week dinsdag", date(2025, 3, 4)),
        ("afgelopen woensdag", date(2025, 3, 12)),
        ("eergisteren", date(2025, 3, 12)),
        ("gisteravond", date(2025, 3, 13)),
        ("za 8 maart", date(2025, 3, 8)),
        ("14 3", date(2025, 3, 14)),  # typed forms the step always took
        ("7.3", date(2025, 3, 7)),
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
        ("vorige week", texts.DATE_UNREADABLE),
        ("gisteren of woensdag", texts.DATE_UNREADABLE),
        ("15 maart", texts.DATE_FUTURE),
        ("zo leuk", texts.DATE_UNREADABLE),
    ],
)
def test_bad_dates(text: str, message: str) -> None:
    with pytest.raises(InputError) as info:
        read_date(text, TODAY)
    assert str(info.value) == message


DAY_WORDS = [
    "14-3", "7/3", "28 nov", "1 maart", "za 8 maart", "zaterdag", "za", "zo", "di", "wo.",
    "woensdagmiddag", "gisteren", "gister", "eergisteren", "vanochtend", "vorige week dinsdag",
    "afgelopen maandag", "dinsdag jl.", "4 oktober 2024", "2025-03-01", "1-3-2025", "14-10-24",
]  # fmt: skip


@pytest.mark.parametrize("day", DAY_WORDS)
def test_the_date_step_reads_days_like_the_parser(catalogue: Catalogue, day: str) -> None:
    from intake.parse import parse_message

    parsed = parse_message(f"voorleesuurtje havelte {day} 12 kinderen", catalogue, TODAY).date
    assert parsed is not None
    assert read_date(day, TODAY) == parsed


@pytest.mark.parametrize(
    "counts",
    ["12 kinderen 8 ouders", "twaalf kids en acht mama's", "kinderen: 12, ouders: 8",
     "9 peuters, 5 moeders en een opa", "ongeveer 20 kinderen", "een stuk of tien kinderen"],
)  # fmt: skip
def test_the_count_step_reads_counts_like_the_parser(catalogue: Catalogue, counts: str) -> None:
    from intake.parse import parse_message

    parsed = parse_message(f"voorleesuurtje havelte {counts}", catalogue, TODAY).counts
    assert parsed
    assert assign_counts(counts, ["kinderen", "volwassenen"]) == parsed


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
