"""The story selection rule, the evidence from the store, the reflection (the grading rule's
edges are in test_grading_rule.py)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import sqlite_utils
from test_report_figures import add_quote, fill, small_catalogue

from reports.model import build_report
from reports.stories import STORY_RULE, PublicQuote, choose_stories, publishable_quotes
from store.db import open_db
from toc.models import Catalogue


def q(
    qid: int,
    text: str | None = None,
    *,
    approved: bool = True,
    vestiging: str = "havelte",
    effects: list[str] | None = None,
    day: date = date(2025, 5, 1),
    activity: str = "voorleesuurtje",
) -> PublicQuote:
    return PublicQuote(
        id=qid,
        # a different text per quote: the rule never picks the same text twice
        text=text or f"Dit is citaat {qid}, met een goed leesbare lengte.",
        van="iemand",
        activity=activity,
        vestiging=vestiging,
        date=day,
        effects=effects or [],
        approved=approved,
    )


def test_story_rule_prefers_approved_then_readable() -> None:
    short_approved = q(1, "Super!", approved=True)
    readable_new = q(2, approved=False)
    readable_approved = q(3, approved=True, day=date(2025, 1, 1))
    assert [s.id for s in choose_stories([short_approved, readable_new, readable_approved])] == [
        3,
        1,
        2,
    ]
    assert "Goedgekeurde citaten gaan voor" in STORY_RULE


def test_story_rule_spreads_over_vestigingen_and_effects() -> None:
    newest = q(1, vestiging="havelte", effects=["a"], day=date(2025, 9, 1))
    same_again = q(2, vestiging="havelte", effects=["a"], day=date(2025, 8, 1))
    elsewhere = q(3, vestiging="diever", effects=["b"], day=date(2025, 2, 1))
    chosen = choose_stories([same_again, elsewhere, newest], limit=2)
    assert [s.id for s in chosen] == [1, 3]
    assert len(choose_stories([q(i) for i in range(10)])) == 3
    assert choose_stories([]) == []


@pytest.fixture
def cat() -> Catalogue:
    return small_catalogue()


@pytest.fixture
def filled(tmp_path: Path, cat: Catalogue) -> Iterator[sqlite_utils.Database]:
    db = open_db(tmp_path / "evidence.db")
    fill(db, cat)
    yield db
    db.conn.close()


def test_only_publishable_quotes_leave_the_database(
    filled: sqlite_utils.Database, cat: Catalogue
) -> None:
    add_quote(filled, cat, "Met naam en toestemming.", attribution="Merel", consent="ja")
    add_quote(filled, cat, "Anoniem gezegd.", attribution="Wubbolt (84)", consent="anoniem")
    add_quote(filled, cat, "Nee-citaat.", attribution="Hendrik", consent="nee")
    add_quote(filled, cat, "Afgekeurd.", attribution="Anna", consent="ja", review="rejected")
    quotes = publishable_quotes(filled, 2025, "westerveld")
    assert {(x.text, x.van) for x in quotes} == {
        ("Met naam en toestemming.", "Merel"),
        ("Anoniem gezegd.", "een deelnemer"),
    }
    assert publishable_quotes(filled, 2025, "de-wolden") == []


def test_evidence_from_the_store(filled: sqlite_utils.Database, cat: Catalogue) -> None:
    report = build_report(filled, cat, 2025, "westerveld")
    lees = report.effects["leesplezier"]
    # 2 of the 4 Westerveld voorleesuurtjes: something measured, one source -> first signs
    assert (lees.sessions, lees.observed, lees.label) == (4, 2, "eerste-aanwijzingen")
    digi = report.effects["digitaal"]
    assert (digi.able_before, digi.measured_before, digi.able_after, digi.measured_after) == (
        2,
        8,
        7,
        8,
    )
    assert digi.share_before == 0.25 and digi.share_after == 0.875
    assert digi.label == "eerste-aanwijzingen"  # 8 cursisten: fewer than 10
    assert report.effects["ontmoeting"].label == "niet-gemeten"
    assert report.effects["ontmoeting"].active_activities == []


def test_reflection_names_gaps_and_suggests(filled: sqlite_utils.Database, cat: Catalogue) -> None:
    add_quote(filled, cat, "Wacht op beoordeling, met toestemming.", consent="ja")
    add_quote(filled, cat, "Alleen intern.", consent="nee")
    r = build_report(filled, cat, 2025, "westerveld").reflection
    assert r.contracted == 2 and r.contracted_reported == 1 and r.contracted_share == 0.5
    assert r.unreported_contracted == ["taalcafe"]
    assert r.quotes_waiting == 1 and r.quotes_internal == 1
    # IDO had a session but nobody observed, counted or quoted anything about its effect
    assert r.activities_without_evidence == ["ido-spreekuur"]
    assert r.effects_without_evidence == ["zelfredzaam"]
    assert r.effects_not_run == ["ontmoeting"]
    assert any("Niet gemeld: Taalcafé." == line for line in r.sufficiency)
    # One suggestion per activity that ran, listing its effects with thin evidence. This
    # catalogue has no statements, so asking the participants is never suggested: nothing
    # could ask them about these effects.
    assert r.suggestions == [
        "Klik & Tik: de voor/na-telling in meer cursussen (samen minstens 10 cursisten) over "
        "'Verhoogde digitale vaardigheden'; bij elk verslag de signalen aantikken van "
        "'Verhoogde digitale vaardigheden' en 'Zelfredzamer'.",
        "IDO-spreekuur: bij elk verslag de signalen aantikken van 'Zelfredzamer'.",
    ]
    # Waiting quotes are a fact for the reader, not an instruction to staff.
    assert "1 citaat was nog niet beoordeeld toen dit verslag werd gemaakt." in r.sufficiency
    assert not any("Beoordeel" in s or "wachten" in s for s in r.suggestions + r.sufficiency)
    verdicts = {k: v.verdict for k, v in r.verdicts.items()}
    assert verdicts == {"geletterde-samenleving": "onvoldoende", "participatie": "onvoldoende"}


def test_verandertheorie_verdict_follows_the_labels(
    filled: sqlite_utils.Database, cat: Catalogue
) -> None:
    # One more voorleesuurtje with the effect ticked: 3 of 5 sessions
    from store.sessions import SessionIn, save_session

    save_session(
        filled,
        cat,
        SessionIn(
            date=date(2025, 11, 3),
            activity="voorleesuurtje",
            vestiging="diever",
            deelnemers=9,
            effects=["leesplezier"],
        ),
        "test",
    )
    report = build_report(filled, cat, 2025, "westerveld")
    # signals in 3 of 5 sessions: the leaders' one source, never more than first signs
    assert report.effects["leesplezier"].label == "eerste-aanwijzingen"
    assert report.reflection.verdicts["geletterde-samenleving"].verdict == "onvoldoende"
    empty = build_report(filled, cat, 2023, "westerveld")
    assert {v.verdict for v in empty.reflection.verdicts.values()} == {"geen-gegevens"}


def test_a_survey_closed_at_its_cap_is_named_in_the_reflection(
    filled: sqlite_utils.Database, cat: Catalogue
) -> None:
    """Issue 19: the report marks a survey that hit its cap (more answers than people)."""
    from datetime import UTC, datetime

    from store.survey import SurveyFull, open_survey, record_answers, respondent_limit

    assert build_report(filled, cat, 2025, "westerveld").reflection.surveys_capped == 0
    sid, present = filled.execute(
        "SELECT id, deelnemers FROM sessions WHERE year = 2025 AND gemeente = 'westerveld' "
        "ORDER BY id LIMIT 1"
    ).fetchone()
    now = datetime(2025, 6, 1, 12, tzinfo=UTC)
    statement = {"effect": "leesplezier", "dimension": "kennis", "text": "Ik leerde iets"}
    survey = open_survey(filled, sid, [statement], now)
    limit = respondent_limit(present)
    for i in range(limit):
        assert record_answers(filled, survey, f"p{i}", [4], "web", now)
    with pytest.raises(SurveyFull):
        record_answers(filled, survey, "one-too-many", [4], "web", now)
    r = build_report(filled, cat, 2025, "westerveld").reflection
    assert r.surveys_capped == 1
    assert (
        "Bij 1 bijeenkomst antwoordden meer mensen dan er deelnemers waren; daar zijn de vragen "
        "toen gesloten. Hun antwoorden tellen mee, maar misschien vulde iemand ze vaker in."
    ) in r.sufficiency
    assert r.contract()["vragen_gesloten_te_veel_antwoorden"] == 1
    # Another gemeente's report does not carry it.
    assert build_report(filled, cat, 2025, "de-wolden").reflection.surveys_capped == 0
