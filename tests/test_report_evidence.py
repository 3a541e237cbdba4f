"""Evidence labels at the boundaries of the rule, the story selection rule, the reflection."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import sqlite_utils
from test_report_figures import add_quote, fill, small_catalogue

from reports.evidence import (
    EVIDENCE_RULE,
    MIN_AGREE_SHARE,
    MIN_ANSWERS,
    MIN_FOLLOWUP,
    MIN_GAIN_POINTS,
    MIN_MEASURED,
    MIN_OBSERVED_SESSIONS,
    MIN_QUOTES,
    EffectEvidence,
    label_for,
)
from reports.model import build_report
from reports.stories import STORY_RULE, PublicQuote, choose_stories, publishable_quotes
from store.db import open_db
from toc.models import Catalogue


def ev(**fields: object) -> EffectEvidence:
    return EffectEvidence.model_validate({"effect": "x", "name": "X", **fields})


def measured(able_before: int, able_after: int, n: int) -> dict[str, int]:
    return {
        "courses_measured": 1,
        "able_before": able_before,
        "measured_before": n,
        "able_after": able_after,
        "measured_after": n,
    }


def test_the_rule_text_carries_the_thresholds() -> None:
    assert MIN_MEASURED == 10 and MIN_GAIN_POINTS == 10 and MIN_OBSERVED_SESSIONS == 5
    assert MIN_ANSWERS == 20 and MIN_FOLLOWUP == 10 and MIN_AGREE_SHARE == 0.6
    assert "minstens 10 cursisten" in EVIDENCE_RULE
    assert "10 procentpunten" in EVIDENCE_RULE
    assert "50%" in EVIDENCE_RULE and "minstens 5 bijeenkomsten" in EVIDENCE_RULE
    assert f"minstens {MIN_QUOTES} publiceerbare citaten" in EVIDENCE_RULE
    assert "minstens 20 antwoorden" in EVIDENCE_RULE and "60%" in EVIDENCE_RULE
    assert "minstens 10 antwoorden" in EVIDENCE_RULE
    assert "nooit sterk" in EVIDENCE_RULE and "nog niet gemeten" in EVIDENCE_RULE


def test_measurement_boundaries() -> None:
    # exactly 10 cursisten and exactly +10 points: a meting
    assert ev(measurable=True, **measured(2, 3, 10)).meting
    assert label_for(ev(measurable=True, **measured(2, 3, 10))) == "redelijk"
    # 9 cursisten is too few, whatever the gain: only 'beperkt'
    assert not ev(**measured(0, 9, 9)).meting
    assert label_for(ev(measurable=True, **measured(0, 9, 9))) == "beperkt"
    # 20 cursisten but +5 points: measured, no improvement worth the name
    assert label_for(ev(measurable=True, **measured(10, 11, 20))) == "beperkt"


def test_signal_boundaries() -> None:
    assert ev(sessions=10, observed=5).waarneming  # exactly 50%
    assert not ev(sessions=10, observed=4).waarneming
    assert ev(sessions=5, observed=3).waarneming  # exactly 5 sessions
    assert not ev(sessions=4, observed=4).waarneming  # 100%, but too few sessions
    assert label_for(ev(sessions=4, observed=4)) == "beperkt"
    assert label_for(ev(sessions=10, observed=5)) == "redelijk"
    # sessions without any signal ticked: a skipped question is no "no"
    assert label_for(ev(sessions=10, observed=0)) == "niet-gemeten"


def test_participant_boundaries() -> None:
    # exactly 20 answers, exactly 60% agreeing: counts
    assert label_for(ev(answers=20, agrees=12)) == "redelijk"
    # one answer fewer, or one agreeing fewer: measured, not enough
    assert label_for(ev(answers=19, agrees=19)) == "beperkt"
    assert label_for(ev(answers=20, agrees=11)) == "beperkt"
    # many answers, most disagree: measured, and it is not shown
    assert label_for(ev(answers=100, agrees=10)) == "beperkt"
    # follow-up: exactly 10 answers with 60% yes
    assert label_for(ev(followup_answers=10, followup_agrees=6)) == "redelijk"
    assert label_for(ev(followup_answers=9, followup_agrees=9)) == "beperkt"
    assert label_for(ev(followup_answers=10, followup_agrees=5)) == "beperkt"


def test_strong_needs_two_sources_one_of_them_the_participants_or_a_count() -> None:
    signals = {"sessions": 10, "observed": 5}
    answers = {"answers": 20, "agrees": 12}
    assert label_for(ev(**answers, **signals)) == "sterk"
    assert label_for(ev(**answers, followup_answers=10, followup_agrees=6)) == "sterk"
    assert label_for(ev(**answers, quotes=MIN_QUOTES)) == "sterk"
    assert label_for(ev(**answers, quotes=MIN_QUOTES - 1)) == "redelijk"
    both = ev(measurable=True, **signals, **measured(2, 3, 10))
    assert label_for(both) == "sterk"
    # Leader signals never make strong on their own, not even with enough stories.
    assert label_for(ev(**signals, quotes=MIN_QUOTES)) == "redelijk"
    assert label_for(ev(sessions=100, observed=100, quotes=50)) == "redelijk"
    # Participants who mostly disagree add nothing to the signals.
    assert label_for(ev(answers=40, agrees=20, **signals)) == "redelijk"


def test_limited_and_not_measured() -> None:
    assert label_for(ev(quotes=1)) == "beperkt"
    assert label_for(ev(answers=1, agrees=0)) == "beperkt"
    assert label_for(ev(followup_answers=1)) == "beperkt"
    assert label_for(ev(sessions=20)) == "niet-gemeten"
    assert label_for(ev()) == "niet-gemeten"
    assert ev().oordeel == "nog niet gemeten"
    contract = ev(answers=20, agrees=12, respondents=10, asked_attendance=40).contract()
    assert contract["deelnemers"]["respons"] == 0.25


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
    # 2 of the 4 Westerveld voorleesuurtjes: 50% but fewer than 5 sessions -> beperkt
    assert (lees.sessions, lees.observed, lees.label) == (4, 2, "beperkt")
    digi = report.effects["digitaal"]
    assert (digi.able_before, digi.measured_before, digi.able_after, digi.measured_after) == (
        2,
        8,
        7,
        8,
    )
    assert digi.share_before == 0.25 and digi.share_after == 0.875
    assert digi.label == "beperkt"  # 8 cursisten: fewer than 10
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
    # One suggestion per activity that ran, listing its effects with thin evidence.
    ask = "de deelnemers zelf vragen, met de QR-code of een telling op papier (samen minstens"
    assert r.suggestions == [
        f"Voorleesuurtje: {ask} 20 antwoorden), over 'Meer leesplezier'.",
        "Klik & Tik: de voor/na-telling in meer cursussen (samen minstens 10 cursisten) over "
        f"'Verhoogde digitale vaardigheden'; {ask} 20 antwoorden), over 'Verhoogde digitale "
        "vaardigheden' en 'Zelfredzamer'; bij elk verslag de signalen aantikken van "
        "'Verhoogde digitale vaardigheden' en 'Zelfredzamer'.",
        f"IDO-spreekuur: {ask} 20 antwoorden), over 'Zelfredzamer'; bij elk verslag de "
        "signalen aantikken van 'Zelfredzamer'.",
    ]
    # Waiting quotes are a fact for the reader, not an instruction to staff.
    assert "1 citaat was nog niet beoordeeld toen dit verslag werd gemaakt." in r.sufficiency
    assert not any("Beoordeel" in s or "wachten" in s for s in r.suggestions + r.sufficiency)
    verdicts = {k: v.verdict for k, v in r.verdicts.items()}
    assert verdicts == {"geletterde-samenleving": "onvoldoende", "participatie": "onvoldoende"}


def test_verandertheorie_verdict_follows_the_labels(
    filled: sqlite_utils.Database, cat: Catalogue
) -> None:
    # One more voorleesuurtje with the effect ticked: 3 of 5 sessions -> waarneming -> redelijk
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
    assert report.effects["leesplezier"].label == "redelijk"
    assert report.reflection.verdicts["geletterde-samenleving"].verdict == "ondersteund"
    empty = build_report(filled, cat, 2023, "westerveld")
    assert {v.verdict for v in empty.reflection.verdicts.values()} == {"geen-gegevens"}
