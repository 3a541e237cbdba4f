"""The parser on held-out corpora of leader messages (tests/data/parse_corpus_heldout*.jsonl).

The expected answers were written by the contract of `impactbot parse` (PRODUCT.md) before the
parser was tuned for them (the second and third sets after the parser changes, to check that
they generalise);
`missing` follows from the nulls. A row's "note" says why an expectation was corrected. Two
measures per set:
- the share of messages read fully right (every field of the contract): at least 98 %;
- invented fields: a value the parser states that the message does not say (a value where the
  expected answer is null, or a different value): none at all. Asking is fine; guessing is not.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from intake.parse import parse_message
from toc.loader import default_catalogue
from toc.models import Catalogue

DATA = Path(__file__).parent / "data"
CORPORA = (
    "parse_corpus_heldout.jsonl",
    "parse_corpus_heldout2.jsonl",
    "parse_corpus_heldout3.jsonl",
)
TODAY = date(2025, 11, 4)  # a Tuesday
FIELDS = ("activity", "location", "date", "participants")
MIN_SHARE = 0.98


def load(name: str = CORPORA[0]) -> list[dict[str, Any]]:
    text = (DATA / name).read_text(encoding="utf-8")
    rows = [json.loads(line) for line in text.splitlines() if line]
    for row in rows:
        expected = row["expected"]
        expected["missing"] = [f for f in FIELDS if expected[f] is None]
    return rows


def invented(got: dict[str, Any], expected: dict[str, Any]) -> list[str]:
    """The fields where the parser states something the message does not say."""
    found = [f for f in FIELDS if got[f] is not None and got[f] != expected[f]]
    found += [
        f"counts.{key}"
        for key, value in got["counts"].items()
        if expected["counts"].get(key) != value
    ]
    wanted = [(q["text"], q["attribution"]) for q in expected["quotes"]]
    for quote in got["quotes"]:
        texts = [text for text, _ in wanted]
        if quote["text"] not in texts:
            found.append("quotes.text")
        elif (
            quote["attribution"] is not None and (quote["text"], quote["attribution"]) not in wanted
        ):
            found.append("quotes.attribution")
    return found


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return default_catalogue()


def test_corpus_is_big_and_varied() -> None:
    rows = load()
    assert len(rows) >= 150
    kinds = {row["kind"] for row in rows}
    assert len(kinds) >= 8
    assert len({row["text"] for row in rows}) == len(rows)


@pytest.mark.parametrize("name", CORPORA)
def test_heldout_share_fully_right_and_nothing_invented(catalogue: Catalogue, name: str) -> None:
    rows = load(name)
    wrong: list[str] = []
    made_up: list[str] = []
    for row in rows:
        got = parse_message(row["text"], catalogue, TODAY).to_contract()
        if got != row["expected"]:
            wrong.append(f"{row['text']!r}\n   got      {got}\n   expected {row['expected']}")
        for field in invented(got, row["expected"]):
            made_up.append(f"{field}: {row['text']!r}")
    share = 1 - len(wrong) / len(rows)
    print(f"\n{name}: {len(rows) - len(wrong)} of {len(rows)} fully right ({share:.1%}),")
    print(f"{len(made_up)} invented fields")
    for line in wrong:
        print(" -", line)
    for line in made_up:
        print(" invented", line)
    assert share >= MIN_SHARE
    assert made_up == []
