"""`impactbot parse`: the command-line contract other tools script against."""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from impactbot.cli import main

CONTRACT_KEYS = ["activity", "location", "date", "counts", "participants", "quotes", "missing"]


@pytest.fixture(autouse=True)
def _no_config(monkeypatch: pytest.MonkeyPatch) -> None:
    # The default settings and the shipped catalogue, whatever the environment says.
    for key in (
        "IMPACTBOT_CONFIG",
        "IMPACTBOT_ORGANISATION_CATALOGUE",
        "IMPACTBOT_ORGANISATION_ORGANISATION",
        "IMPACTBOT_ORGANISATION_TIMEZONE",
    ):
        monkeypatch.delenv(key, raising=False)


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    assert main(["parse", *args]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1  # exactly one JSON object on one line
    return json.loads(out)


def test_brief_example(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(
        capsys,
        "--today",
        "2025-03-14",
        "--json",
        "Voorleesuurtje Havelte 12 kinderen 8 ouders 'Isa wil nu elke avond voorlezen' "
        "- moeder van Isa",
    )
    assert list(data) == CONTRACT_KEYS
    assert data == {
        "activity": "voorleesuurtje",
        "location": "havelte",
        "date": "2025-03-14",
        "counts": {"kinderen": 12, "volwassenen": 8},
        "participants": 20,
        "quotes": [{"text": "Isa wil nu elke avond voorlezen", "attribution": "moeder van Isa"}],
        "missing": [],
    }


def test_message_without_a_day_gets_today(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "--today", "2025-03-14", "--json", "klik en tik beilen 8 cursisten")
    assert data["date"] == "2025-03-14"
    assert data["activity"] == "klik-en-tik"
    assert data["counts"] == {"deelnemers": 8}


def test_relative_day(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "--today", "2025-03-14", "--json", "gisteren ido beilen 3 vragen")
    assert data["date"] == "2025-03-13"
    assert data["counts"] == {"vragen": 3}
    assert data["participants"] is None
    assert data["missing"] == ["participants"]


def test_nothing_recognisable(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "--today", "2025-03-14", "--json", "hoi, was weer leuk 🙂")
    assert data == {
        "activity": None,
        "location": None,
        "date": "2025-03-14",
        "counts": {},
        "participants": None,
        "quotes": [],
        "missing": ["activity", "location", "participants"],
    }


def test_non_ascii_is_printed_as_is(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--today", "2025-03-14", "--json", "taalcafé 'Één keer per week'"]) == 0
    out = capsys.readouterr().out
    assert "Één keer per week" in out
    assert json.loads(out)["activity"] == "taalcafe"


def test_text_in_several_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "--today", "2025-03-14", "--json", "voorleesuurtje", "diever", "9 kids")
    assert (data["activity"], data["location"], data["participants"]) == (
        "voorleesuurtje",
        "diever",
        9,
    )


def test_default_today_is_amsterdam(capsys: pytest.CaptureFixture[str]) -> None:
    before = datetime.now(ZoneInfo("Europe/Amsterdam")).date()
    data = run_json(capsys, "--json", "voorleesuurtje havelte 12 kids")
    after = datetime.now(ZoneInfo("Europe/Amsterdam")).date()
    assert data["date"] in {before.isoformat(), after.isoformat()}


def test_readable_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--today", "2025-03-14", "voorleesuurtje 12 kinderen 8 ouders"]) == 0
    out = capsys.readouterr().out
    assert "Activiteit: Voorleesuurtje" in out
    assert "vrijdag 14 maart 2025" in out
    assert "Deelnemers in totaal: 20" in out
    assert "Nog niet gevonden: vestiging" in out
    assert not out.lstrip().startswith("{")


@pytest.mark.parametrize("bad", ["14-3-2025", "2025-02-30", "gisteren", ""])
def test_bad_today_is_a_dutch_error(capsys: pytest.CaptureFixture[str], bad: str) -> None:
    assert main(["parse", "--today", bad, "--json", "voorleesuurtje"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "geen datum" in captured.err
    assert "JJJJ-MM-DD" in captured.err
    assert "Traceback" not in captured.err
