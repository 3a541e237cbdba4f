"""Score the free-text parser on corpora of labelled leader messages.

    python -m bench.parse_score FILE... [--show]

Each FILE is JSON lines; a row holds "text", optionally "today" (YYYY-MM-DD; default
2025-11-04, the day the tests/data corpora were written for) and the label, either under
"expected" or as top-level keys (activity, location, date, counts, participants, quotes).
The parser is `intake.parse.parse_message`, the same call `impactbot parse` makes.

Per corpus it prints: messages, fully right, wrong fields and missing fields (per 100
messages too), and both by field. A *wrong* field is a value the parser states that differs
from the label (a value where the label is null included); a *missing* field is null where the
label has a value. Counts compare per key (a general "deelnemers"/"bezoekers" count equal to
the participants is not compared again when the label does not hold that key; nor is one
people group alone that equals the participants, on either side); quotes compare text and
attribution (a label's
quote the parser did not find is missing, a quote it found that the label does not hold is
wrong; an attribution left out is missing, a different one wrong; a trailing age, "(9)" or
", 79", is not compared, since corpora differ in keeping it).

A "vragen" count is compared only where the label holds it (the corpus brief labels
kinderen and volwassenen only; questions are no people count).

`--strict` drops the conventions above (the general count and a lone people group equal
to the participants, and a trailing age): every key as labelled.
`--show` prints the differences per message, and refuses for any path with "sealed" in it: a
sealed part is only ever scored in aggregate, so nobody tunes on it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from intake.parse import parse_message
from toc.loader import default_catalogue

DEFAULT_TODAY = date(2025, 11, 4)
SCALAR_FIELDS = ("activity", "location", "date", "participants")
GENERIC_KEYS = ("deelnemers", "bezoekers")
_EDGE_RE = re.compile(r"^[\s\"'“”„‘’«»‚.,;:!?…-]+|[\s\"'“”„‘’«»‚.,;:!?…-]+$")


_AGE_RE = re.compile(r"\s*(?:\(\s*\d{1,3}\s*(?:jaar|jr)?\s*\)|,\s*\d{1,3}\s*(?:jaar|jr)?)\s*$")


def _norm_who(text: str | None) -> str | None:
    """An attribution compared without a trailing age: "Truus, 79" and "Truus" are one
    person (corpora differ in whether they keep the age)."""
    return _norm(_AGE_RE.sub("", text)) if text else None


def _norm(text: str | None) -> str | None:
    """Quote text compared without surrounding marks, end punctuation, case of spaces."""
    if text is None:
        return None
    return " ".join(_EDGE_RE.sub("", text).split()).casefold() or None


@dataclass
class Diff:
    wrong: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)


def _label(row: dict[str, Any]) -> dict[str, Any]:
    label = row.get("expected", row)
    return {
        "activity": label.get("activity"),
        "location": label.get("location"),
        "date": label.get("date"),
        "participants": label.get("participants"),
        "counts": dict(label.get("counts") or {}),
        "quotes": list(label.get("quotes") or []),
    }


def compare(got: dict[str, Any], want: dict[str, Any], strict: bool = False) -> Diff:
    diff = Diff()

    def note(kind: str, name: str, g: Any, w: Any) -> None:
        (diff.wrong if kind == "wrong" else diff.missing).append(name)
        diff.lines.append(f"  {kind:7} {name}: got {g!r}, label {w!r}")

    for name in SCALAR_FIELDS:
        g, w = got.get(name), want[name]
        if g is not None and g != w:
            note("wrong", name, g, w)
        elif g is None and w is not None:
            note("missing", name, g, w)
    got_counts, want_counts = dict(got.get("counts") or {}), want["counts"]
    # The general count ("deelnemers", "bezoekers") is the participants under another key:
    # a corpus that labels only kinderen and volwassenen in counts is scored on participants.
    for key in () if strict else GENERIC_KEYS:
        if key not in want_counts and got_counts.get(key) == got.get("participants"):
            got_counts.pop(key, None)
    # Likewise one people group alone ("11 kinderen": kinderen 11, participants 11): the
    # corpus brief labels kinderen/volwassenen only when a message separates them, older
    # corpora label the lone group. When it equals the participants on both sides it says
    # the same thing; it is compared as the participants.
    want_counts = dict(want_counts)
    lone = (
        ()
        if strict
        else ((got_counts, got.get("participants")), (want_counts, want["participants"]))
    )
    for counts, total in lone:
        people = [k for k in ("kinderen", "volwassenen") if k in counts]
        if len(people) == 1 and counts[people[0]] == total and not set(counts) & set(GENERIC_KEYS):
            del counts[people[0]]
    # Questions are no people count, and the corpus brief does not label them: "vragen" is
    # compared only where the label gives it.
    if not strict and "vragen" not in want_counts:
        got_counts.pop("vragen", None)
    for key in sorted(set(got_counts) | set(want_counts)):
        g, w = got_counts.get(key), want_counts.get(key)
        if g is not None and g != w:
            note("wrong", f"counts.{key}", g, w)
        elif g is None and w is not None:
            note("missing", f"counts.{key}", g, w)
    who = _norm if strict else _norm_who
    wanted = [(_norm(q.get("text")), who(q.get("attribution"))) for q in want["quotes"]]
    found = [(_norm(q.get("text")), who(q.get("attribution"))) for q in got.get("quotes", [])]
    unmatched = list(wanted)
    for text, attribution in found:
        same_text = [q for q in unmatched if q[0] == text]
        if not same_text:
            note("wrong", "quotes.text", text, [q[0] for q in unmatched])
            continue
        label = next((q for q in same_text if q[1] == attribution), same_text[0])
        unmatched.remove(label)
        if attribution is not None and attribution != label[1]:
            note("wrong", "quotes.attribution", attribution, label[1])
        elif attribution is None and label[1] is not None:
            note("missing", "quotes.attribution", attribution, label[1])
    for text, _ in unmatched:
        note("missing", "quotes.text", None, text)
    return diff


@dataclass
class Score:
    n: int = 0
    right: int = 0
    wrong: Counter[str] = field(default_factory=Counter)
    missing: Counter[str] = field(default_factory=Counter)
    # The same messages scored with --strict, so one run gives both figures.
    strict_right: int = 0
    strict_wrong: int = 0
    strict_missing: int = 0


def score_file(path: Path, show: bool, strict: bool = False) -> Score:
    catalogue = default_catalogue()
    score = Score()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        today = date.fromisoformat(row["today"]) if row.get("today") else DEFAULT_TODAY
        got = parse_message(row["text"], catalogue, today).to_contract()
        diff = compare(got, _label(row), strict)
        score.n += 1
        score.wrong.update(_field(name) for name in diff.wrong)
        score.missing.update(_field(name) for name in diff.missing)
        exact = compare(got, _label(row), True)
        score.strict_right += not exact.wrong and not exact.missing
        score.strict_wrong += len(exact.wrong)
        score.strict_missing += len(exact.missing)
        if not diff.wrong and not diff.missing:
            score.right += 1
        elif show:
            print(f"{path.name}:{number} {row['text']!r}")
            print("\n".join(diff.lines))
    return score


def _field(name: str) -> str:
    return "counts" if name.startswith("counts.") else name


def _report(path: Path, score: Score) -> None:
    n = max(score.n, 1)
    wrong, missing = sum(score.wrong.values()), sum(score.missing.values())
    print(f"{path}")
    print(f"  messages      {score.n}")
    print(f"  fully right   {score.right} ({100 * score.right / n:.1f} %)")
    print(f"  wrong fields  {wrong} ({100 * wrong / n:.1f} per 100 messages)")
    print(f"  missing       {missing} ({100 * missing / n:.1f} per 100 messages)")
    for name in sorted(set(score.wrong) | set(score.missing)):
        print(f"    {name:20} wrong {score.wrong[name]:3}  missing {score.missing[name]:3}")
    print(
        f"  strict: fully right {score.strict_right} ({100 * score.strict_right / n:.1f} %),"
        f" wrong {score.strict_wrong}, missing {score.strict_missing}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.parse_score")
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--show", action="store_true", help="per-message differences")
    parser.add_argument(
        "--strict", action="store_true", help="no conventions: counts and ages compared as labelled"
    )
    args = parser.parse_args(argv)
    if args.show and any("sealed" in str(path).lower() for path in args.files):
        print("--show never prints a sealed corpus: score it without --show.", file=sys.stderr)
        return 2
    for path in args.files:
        _report(path, score_file(path, args.show, args.strict))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
