"""ground/dutch.py: one Dutch notation for the bot, the reports and the command line."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from ground.dutch import (
    change,
    count,
    day_month,
    half_up,
    long_date,
    number,
    percent,
    plural,
    short_day,
    signed,
    weekday_date,
)

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ["ground", "toc", "store", "intake", "reports", "bot", "impactbot", "demo", "standin"]


def test_numbers_as_dutch_readers_write_them() -> None:
    assert number(12345) == "12.345"
    assert number(4120.0) == "4.120"  # a float without a fraction reads as a count
    assert number(20.5) == "20,5"
    assert number(1234.5, 1) == "1.234,5"
    assert number(-3) == "\u22123" and number(-0.0) == "0"
    assert half_up(12.5) == 13 and half_up(0.145 * 100) == 15
    assert percent(1 / 8) == "13%" and percent(None) == "–"


def test_plurals_and_differences() -> None:
    assert plural(1, "regel", "regels") == "regel" and plural(0, "regel", "regels") == "regels"
    assert count(1200, "bijeenkomst", "bijeenkomsten") == "1.200 bijeenkomsten"
    assert change(-1, "bijeenkomst", "bijeenkomsten") == "1 bijeenkomst minder"
    assert signed(0) == "0" and signed(None) == "–"


def test_dates_long_and_short() -> None:
    friday = date(2025, 3, 14)
    assert long_date(friday) == "14 maart 2025" and long_date("") == "–"
    assert weekday_date(friday) == "vrijdag 14 maart 2025"
    assert day_month(friday) == "14 maart"
    assert short_day(friday) == "vr 14 mrt"
    assert weekday_date(date(2026, 12, 6)) == "zondag 6 december 2026"


def test_month_names_are_written_in_one_place() -> None:
    """The formatter's table lives in ground/dutch.py; intake/daywords.py reads months (with
    their abbreviations), which is another job. No third copy may drift."""
    found = [
        str(path.relative_to(ROOT))
        for folder in SOURCE
        for path in (ROOT / folder).rglob("*.py")
        if re.search(r"[\"']oktober[\"']", path.read_text(encoding="utf-8"))
    ]
    assert sorted(found) == ["ground/dutch.py", "intake/daywords.py"], found
