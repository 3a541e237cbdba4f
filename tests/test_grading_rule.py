"""The grading rule's edges: people not answers, Wilson intervals, coverage, one source for
leaders, impact never graded (reports/grading.py with reports/thresholds.py)."""

from __future__ import annotations

import pytest

from reports.evidence import EffectEvidence
from reports.evidence_model import StatementFigures
from reports.grading import EVIDENCE_RULE, agree_text, grounds_for, kind_counts, label_for
from reports.thresholds import (
    LOW_COVERAGE,
    MAX_INTERVAL_WIDTH,
    MIN_AGREE_LOW,
    MIN_COVERAGE,
    MIN_COVERAGE_WELL_FOUNDED,
    MIN_FOLLOWUP,
    MIN_GAIN_POINTS,
    MIN_LOCATIONS,
    MIN_MEASURED,
    MIN_QUOTES,
    MIN_RESPONDENTS,
    MIN_RESPONDENTS_FOR_SHARE,
    MIN_RESPONSE,
    share,
    wilson,
)


def ev(**fields: object) -> EffectEvidence:
    return EffectEvidence.model_validate({"effect": "x", "name": "X", "askable": True, **fields})


def participants(
    n: int = 40,
    agree: int = 36,
    *,
    asked: int = 10,
    sessions: int = 20,
    attendance: int | None = None,
) -> dict[str, object]:
    """n respondents rating kennis, asked at `asked` of `sessions` sessions."""
    present = attendance if attendance is not None else n * 2
    return {
        "respondents": n,
        "answers": n,
        "per_statement": {"kennis": {"dimension": "kennis", "respondents": n, "agrees": agree}},
        "coverage": {
            "asked_sessions": asked,
            "sessions": sessions,
            "asked_attendance": present,
            "attendance": present * 2,
        },
    }


SIGNALS = {"sessions": 20, "observed": 10}


def test_wilson_interval_and_the_small_n_rule() -> None:
    assert wilson(4, 4) is None and share(4, 4) is None  # below 5: the count only
    low, high = wilson(5, 5) or (0, 0)
    assert MIN_RESPONDENTS_FOR_SHARE == 5 and share(5, 5) == 1.0
    assert high == 1.0 and low == pytest.approx(0.566, abs=0.001)
    low, high = wilson(20, 40) or (0, 0)
    assert (low, high) == (pytest.approx(0.352, abs=0.001), pytest.approx(0.648, abs=0.001))
    assert agree_text(3, 4, None) == "3 van de 4 eens"
    assert agree_text(20, 40, wilson(20, 40)) == "20 van de 40 eens (50%, marge 35%–65%)"


def test_people_not_answers_and_the_thresholds_in_the_text() -> None:
    assert f"minstens {MIN_RESPONDENTS} respondenten" in EVIDENCE_RULE
    assert f"Onder {MIN_RESPONDENTS_FOR_SHARE} respondenten" in EVIDENCE_RULE
    assert "Begeleiders kiezen zelf" in EVIDENCE_RULE and "Wilson" in EVIDENCE_RULE
    for word in ("bewijs", "oorzaak"):
        assert word in EVIDENCE_RULE  # only in "geen ... bewijst dat ... de oorzaak is"
    assert "bewijst dat de bibliotheek de oorzaak is" in EVIDENCE_RULE
    assert "sterk" not in EVIDENCE_RULE.lower()


def test_a_statement_kind_counts_at_its_edges() -> None:
    n = MIN_RESPONDENTS
    # all agree among exactly MIN_RESPONDENTS: narrow, high
    assert kind_counts(StatementFigures(dimension="kennis", respondents=n, agrees=n))
    assert not kind_counts(StatementFigures(dimension="kennis", respondents=n - 1, agrees=n - 1))
    # half agreeing: the lower end falls below MIN_AGREE_LOW
    assert not kind_counts(StatementFigures(dimension="kennis", respondents=200, agrees=100))
    # the interval at 30 of 30 is narrow enough; at 21 of 30 it is too wide
    low, high = wilson(21, 30) or (0, 0)
    assert high - low > MAX_INTERVAL_WIDTH or low < MIN_AGREE_LOW
    assert not kind_counts(StatementFigures(dimension="kennis", respondents=30, agrees=21))


def test_participants_alone_are_first_signs_and_need_a_second_source() -> None:
    assert label_for(ev(**participants())) == "eerste-aanwijzingen"
    assert label_for(ev(**participants(), **SIGNALS)) == "aannemelijk"
    assert label_for(ev(**participants(), quotes=MIN_QUOTES)) == "aannemelijk"
    assert label_for(ev(**participants(), quotes=MIN_QUOTES - 1)) == "eerste-aanwijzingen"


def test_response_and_coverage_edges() -> None:
    # response exactly MIN_RESPONSE counts; just below does not
    at = participants(40, 38, attendance=round(40 / MIN_RESPONSE))
    assert label_for(ev(**at, **SIGNALS)) == "aannemelijk"
    below = participants(40, 38, attendance=round(40 / MIN_RESPONSE) + 1)
    assert label_for(ev(**below, **SIGNALS)) == "eerste-aanwijzingen"
    # coverage exactly MIN_COVERAGE counts; below does not
    sessions = round(10 / MIN_COVERAGE)
    at_edge = ev(**participants(asked=10, sessions=sessions), **SIGNALS)
    assert label_for(at_edge) == "aannemelijk"
    below_edge = ev(**participants(asked=10, sessions=sessions + 1), **SIGNALS)
    assert label_for(below_edge) == "eerste-aanwijzingen"
    # under LOW_COVERAGE the report says so in one sentence
    assert any("klein deel van de bijeenkomsten" in g for g in grounds_for(at_edge))
    assert LOW_COVERAGE == 0.2
    assert not any(
        "klein deel" in g for g in grounds_for(ev(**participants(asked=10, sessions=40)))
    )


def test_leaders_signals_and_their_quotes_are_one_source() -> None:
    assert label_for(ev(**SIGNALS, quotes=50)) == "eerste-aanwijzingen"
    assert label_for(ev(sessions=100, observed=100, quotes=50)) == "eerste-aanwijzingen"


def test_awareness_of_the_library_is_shown_but_not_graded() -> None:
    fields = participants()
    fields["per_statement"] = {
        "bewustzijn": {"dimension": "bewustzijn", "respondents": 40, "agrees": 40}
    }
    e = ev(**fields, **SIGNALS)
    assert label_for(e) == "eerste-aanwijzingen"
    assert any("niet in het oordeel" in g for g in grounds_for(e))


def measured(before: int, after: int, n: int, m: int | None = None) -> dict[str, int]:
    return {
        "courses_measured": 1,
        "able_before": before,
        "measured_before": n,
        "able_after": after,
        "measured_after": n if m is None else m,
    }


def test_well_founded_needs_change_over_time_at_two_locations() -> None:
    followup = {"followup": {"invited": 30, "respondents": MIN_FOLLOWUP, "agrees": MIN_FOLLOWUP}}
    e = ev(**participants(), **followup, locations=MIN_LOCATIONS)
    assert label_for(e) == "goed-onderbouwd"
    # ... and participants asked at MIN_COVERAGE_WELL_FOUNDED of the sessions, not fewer
    sessions = round(10 / MIN_COVERAGE_WELL_FOUNDED)
    edge = ev(**participants(asked=10, sessions=sessions), **followup, locations=2)
    assert label_for(edge) == "goed-onderbouwd"
    fewer = ev(**participants(asked=10, sessions=sessions + 1), **followup, locations=2)
    assert label_for(fewer) == "aannemelijk"
    assert label_for(ev(**participants(), **followup, locations=1)) == "aannemelijk"
    few = {"followup": {"invited": 30, "respondents": MIN_FOLLOWUP - 1, "agrees": MIN_FOLLOWUP - 1}}
    assert label_for(ev(**participants(), **few, locations=2)) == "eerste-aanwijzingen"
    # before/after: MIN_MEASURED at both moments, MIN_GAIN_POINTS more
    gain = int(MIN_GAIN_POINTS)
    ok = measured(0, gain * MIN_MEASURED // 100, MIN_MEASURED)
    assert label_for(ev(**participants(), **ok, locations=2)) == "goed-onderbouwd"
    short = measured(0, 5, MIN_MEASURED, MIN_MEASURED - 1)
    assert label_for(ev(**participants(), **short, locations=2)) == "eerste-aanwijzingen"
    # the leader's own count and the leader's signals: never more than first signs
    assert label_for(ev(**ok, **SIGNALS, locations=2)) == "eerste-aanwijzingen"
    text = " ".join(grounds_for(ev(**measured(2, 8, 4, 9))))
    assert "2 van de 4 cursisten kon het," in text and "8 van de 9 cursisten kon het (89%)" in text


def test_impact_is_never_graded_and_unaskable_effects_say_what_would_measure_them() -> None:
    e = ev(level="impact", measured_by="de GGD-monitor", **participants(), **SIGNALS)
    assert label_for(e) == "impact"
    assert "Te meten met de GGD-monitor." in grounds_for(e)
    quiet = ev(
        askable=False, measured_by="een woordenschattoets", sessions=3, active_activities=["a"]
    )
    assert label_for(quiet) == "niet-gemeten"
    assert "Niet met een vragenlijst te meten; te meten met een woordenschattoets." in grounds_for(
        quiet
    )


def test_below_five_people_no_percentage_anywhere() -> None:
    e = ev(**participants(4, 3, attendance=20), sessions=4, observed=3)
    text = " ".join(grounds_for(e))
    assert "%" not in text
    c = e.contract()["deelnemers"]
    assert isinstance(c, dict)
    assert c["per_stelling"]["kennis"] == {
        "respondenten": 4,
        "eens": 3,
        "aandeel": None,
        "interval": None,
    }
    assert c["respons"] == 0.2
