"""bench/parse_score.py: wrong and missing fields apart; sealed files only in aggregate."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

# bench/ is run from the repository root (python -m bench.parse_score), not installed.
_PATH = Path(__file__).parent.parent / "bench" / "parse_score.py"
_SPEC = importlib.util.spec_from_file_location("bench_parse_score", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
score = importlib.util.module_from_spec(_SPEC)
sys.modules["bench_parse_score"] = score
_SPEC.loader.exec_module(score)
compare, main = score.compare, score.main


def label(**fields: object) -> dict[str, object]:
    base: dict[str, object] = {
        "activity": "taalcafe", "location": "beilen", "date": "2025-11-04", "counts": {},
        "participants": 8, "quotes": [],
    }  # fmt: skip
    base.update(fields)
    return base


def test_wrong_and_missing_are_told_apart() -> None:
    got = label(participants=None, date="2025-11-03", counts={"kinderen": 3})
    diff = compare(got, label())
    assert diff.wrong == ["date", "counts.kinderen"]
    assert diff.missing == ["participants"]


def test_quotes_compare_text_and_attribution() -> None:
    want = label(quotes=[{"text": "Nog een keer!", "attribution": "Sem (6)"}])
    same = label(quotes=[{"text": "nog een keer", "attribution": "Sem"}])
    assert compare(same, want).wrong == [] and compare(same, want).missing == []
    other = label(quotes=[{"text": "Nog een keer!", "attribution": "Isa"}])
    assert compare(other, want).wrong == ["quotes.attribution"]
    title = label(quotes=[{"text": "De Gruffalo", "attribution": None}])
    assert compare(title, label()).wrong == ["quotes.text"]
    assert compare(label(), want).missing == ["quotes.text"]


def test_the_general_count_is_the_participants_under_another_key() -> None:
    got = label(counts={"deelnemers": 8})
    assert compare(got, label()).wrong == []
    assert compare(label(counts={"deelnemers": 7}), label()).wrong == ["counts.deelnemers"]


def test_questions_are_compared_only_where_labelled() -> None:
    got = label(counts={"vragen": 5})
    assert compare(got, label()).wrong == []
    assert compare(got, label(), strict=True).wrong == ["counts.vragen"]
    assert compare(got, label(counts={"vragen": 6})).wrong == ["counts.vragen"]


def write(path: Path) -> Path:
    rows = [
        {"text": "taalcafe beilen 8 deelnemers", "today": "2025-11-04", "expected": label()},
        {"text": "taalcafe beilen 9 deelnemers", "today": "2025-11-04", "expected": label()},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_score_prints_aggregates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(write(tmp_path / "dev.jsonl"))]) == 0
    out = capsys.readouterr().out
    assert "messages      2" in out and "fully right   1 (50.0 %)" in out
    assert "wrong fields  1 (50.0 per 100 messages)" in out


def test_show_refuses_a_sealed_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sealed = write(tmp_path / "sealed.jsonl")
    assert main(["--show", str(sealed)]) == 2
    captured = capsys.readouterr()
    assert "taalcafe" not in captured.out + captured.err
    assert main([str(sealed)]) == 0
    assert "taalcafe" not in capsys.readouterr().out  # aggregates only, never a message
