"""Outcome evidence from the store: leaders' signals, participants' answers (Telegram, web,
a leader's tally), the follow-up, and how they reach the report's JSON and text."""

from __future__ import annotations

from datetime import date

import pytest
import sqlite_utils

from reports.model import build_report
from reports.render import render_html
from store.db import now_iso
from store.sessions import SessionIn, load_session, replace_session, save_session
from store.tallies import TallyInvalid, save_tally, tallies_of
from toc.models import Catalogue


def voorlees(db: sqlite_utils.Database, cat: Catalogue, day: int, **fields: object) -> int:
    session = SessionIn.model_validate(
        {
            "date": date(2025, 3, day),
            "activity": "voorleesuurtje",
            "vestiging": "havelte",
            "kinderen": 10,
            "volwassenen": 6,
            **fields,
        }
    )
    return save_session(db, cat, session, "test").session_id


def answer(
    db: sqlite_utils.Database, session_id: int, effect: str, score: int, **fields: object
) -> None:
    """One participant's answer as the survey writes it."""
    row = {
        "session_id": session_id,
        "effect": effect,
        "dimension": "kennis",
        "moment": "direct",
        "score": score,
        "agrees": int(score >= 4),
        "source": "telegram",
        "created_at": now_iso(),
        **fields,
    }
    db.execute(
        f"INSERT INTO survey_answers ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
        list(row.values()),
    )
    db.conn.commit()


def test_signals_are_stored_with_their_effect_and_survive_a_correction(
    db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    sid = voorlees(db, catalogue, 3, signals=["luisterden-tot-eind", "ouders-lazen-voor"])
    rows = db.execute("SELECT signal, effect FROM session_signals ORDER BY signal").fetchall()
    assert rows == [
        ("luisterden-tot-eind", "luistervaardigheid"),
        ("ouders-lazen-voor", "ouderbetrokkenheid"),
    ]
    stored = load_session(db, sid)
    assert stored is not None and stored.signals == ["luisterden-tot-eind", "ouders-lazen-voor"]
    stored.signals = ["rijmpjes-mee"]
    replace_session(db, catalogue, sid, stored, "test")
    assert db.execute("SELECT signal, effect FROM session_signals").fetchall() == [
        ("rijmpjes-mee", "taalontwikkeling")
    ]


def test_a_signal_of_another_activity_is_refused(
    db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    with pytest.raises(Exception, match="hoort niet bij Voorleesuurtje"):
        voorlees(db, catalogue, 3, signals=["zelf-digid"])
    assert db.execute("SELECT count(*) FROM sessions").fetchone()[0] == 0


def test_tally_becomes_answers_and_replaces_itself(
    db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    sid = voorlees(db, catalogue, 3)
    save_tally(db, sid, "ouderbetrokkenheid", "toepassing", 6, 8, "test")
    save_tally(db, sid, "ouderbetrokkenheid", "toepassing", 6, 8, "test")  # pressed twice
    rows = db.execute(
        "SELECT source, score, agrees, moment FROM survey_answers ORDER BY agrees"
    ).fetchall()
    assert rows == [("telling", None, 0, "direct")] * 2 + [("telling", None, 1, "direct")] * 6
    assert tallies_of(db, sid) == [("ouderbetrokkenheid", "toepassing", 6, 8)]
    with pytest.raises(TallyInvalid, match="niet meer dan 8"):
        save_tally(db, sid, "ouderbetrokkenheid", "toepassing", 9, 8, "test")
    with pytest.raises(TallyInvalid, match="bestaat niet meer"):
        save_tally(db, sid + 99, "ouderbetrokkenheid", "toepassing", 1, 8, "test")


def test_report_json_carries_every_source_with_its_n(
    db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    # Six voorleesuurtjes: signals in four; one older report ticked the effect itself.
    # (the first two with 16 adults: at a voorleesuurtje a parent answers, so the response
    # counts the adults present)
    sessions = [
        voorlees(
            db,
            catalogue,
            day,
            signals=["luisterden-tot-eind"] if day <= 4 else [],
            **({"kinderen": 0, "volwassenen": 16} if day <= 2 else {}),
        )
        for day in range(1, 7)
    ]
    voorlees(db, catalogue, 7, effects=["luistervaardigheid"])
    # A correction of an older report may carry both: still one session.
    voorlees(
        db,
        catalogue,
        8,
        effects=["luistervaardigheid"],
        signals=["luisterden-tot-eind", "stil-bij-boek"],
    )
    # Participants: 15 answers in Telegram and on the web at the first session ...
    for n in range(15):
        answer(
            db,
            sessions[0],
            "luistervaardigheid",
            5 if n < 10 else 2,
            source="web" if n % 2 else "telegram",
        )
    # ... and a tally of 8 at the second (6 yes), 23 answers from 16 + 16 people present.
    save_tally(db, sessions[1], "luistervaardigheid", "kennis", 6, 8, "test")
    # Follow-up: 4 of 5 used it.
    for n in range(5):
        answer(db, sessions[0], "luistervaardigheid", 4 if n else 1, moment="vervolg")
    report = build_report(db, catalogue, 2025, "westerveld")
    data = report.to_contract_json()["effecten"]["luistervaardigheid"]
    assert data["signalen"] == {"bijeenkomsten": 8, "gezien": 6}
    # People, not answers: 15 who answered in Telegram or on the web and 8 in the tally.
    assert data["deelnemers"]["respondenten"] == 23 and data["deelnemers"]["antwoorden"] == 23
    kennis = data["deelnemers"]["per_stelling"]["kennis"]
    assert (kennis["respondenten"], kennis["eens"], kennis["aandeel"]) == (23, 16, 0.696)
    assert kennis["interval"] == [0.491, 0.844]
    assert list(data["deelnemers"]["per_stelling"]) == ["kennis"]  # only kinds asked
    assert data["deelnemers"]["respons"] == round(23 / 32, 3)
    # asked at 2 of the 8 sessions, 32 of the 128 present
    assert data["deelnemers"]["dekking"] == {
        "bijeenkomsten_gevraagd": 2,
        "bijeenkomsten": 8,
        "aanwezig_gevraagd": 32,
        "aanwezig": 128,
        "geloot": 0,
        "door_loting": 0,
        "op_eigen_keuze": 2,
    }
    # the follow-up answers were stored without invitations: how many were invited is unknown
    assert data["vervolg"] == {"uitgenodigd": 0, "respondenten": 5, "eens": 4, "respons": None}
    # 23 people are fewer than MIN_RESPONDENTS: the leaders' signals are the one source that
    # counts, so first signs, whatever their number.
    assert data["oordeel"] == "eerste aanwijzingen"
    assert any("BoekStart" in b for b in data["bronnen"])
    # An effect the voorleesuurtjes aim at, with nothing recorded: not measured, never "geen".
    fantasie = report.to_contract_json()["effecten"]["fantasie"]
    assert fantasie["oordeel"] == "nog niet gemeten"
    assert fantasie["deelnemers"]["respondenten"] == 0
    assert fantasie["deelnemers"]["respons"] is None
    assert fantasie["deelnemers"]["per_stelling"] == {}
    html = render_html(report)
    assert ">Geen<" not in html and "Nog niet gemeten" in html
    assert (
        "Deelnemers direct na afloop: 23 deelnemers antwoordden (van wie 8 geteld op papier of "
        "met handen omhoog), 72% van 32 aanwezigen; gevraagd bij 2 van 8 bijeenkomsten (32 van "
        "128 aanwezigen)."
    ) in html
    assert "Iets nieuws geleerd: 16 van de 23 eens (70%, marge 49%–84%)." in html
    assert "Kinderen luisterden tot het eind" in html  # what leaders saw most


def test_the_reflection_says_what_rests_on_own_data_and_what_on_literature(
    db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    sid = voorlees(db, catalogue, 3)
    for day in range(4, 9):
        voorlees(db, catalogue, day, signals=["luisterden-tot-eind"])
    save_tally(db, sid, "ouderbetrokkenheid", "toepassing", 1, 3, "test")
    r = build_report(db, catalogue, 2025, "westerveld").reflection
    # signals in 5 of 6 are one source: first signs, not yet our own data
    assert "luistervaardigheid" not in r.assumptions_own
    assert "woordenschat" in r.assumptions_literature  # cites research, nothing of our own
    assert any(line.startswith("Alleen op landelijk onderzoek") for line in r.grounding)
    voorlees_line = next(s for s in r.suggestions if s.startswith("Voorleesuurtje:"))
    assert "de deelnemers zelf vragen" in voorlees_line
    assert "signalen aantikken" in voorlees_line


def test_stand_shows_the_people_who_answered_per_opgave_and_the_one_verdict(
    db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    from bot.manager.format import stand_text
    from reports.evidence import verdict_counts
    from reports.stand import Scope, compute_stand

    sid = voorlees(db, catalogue, 3)
    save_tally(db, sid, "luistervaardigheid", "kennis", 7, 10, "test")
    answer(db, sid, "luistervaardigheid", 2)
    save_session(
        db,
        catalogue,
        SessionIn(date=date(2025, 3, 4), activity="taalcafe", vestiging="havelte", deelnemers=5),
        "test",
    )
    stand = compute_stand(db, catalogue, Scope(gemeente="westerveld"), "jaar", date(2025, 3, 31))
    text = stand_text(stand, catalogue)
    lines = text.splitlines()
    lees = lines.index(next(x for x in lines if x.startswith("Geletterde samenleving")))
    # people, not answers: 10 in the tally and 1 in Telegram (one statement each); no share
    # pooled over statements of different kinds (the verdict per effect says what they said)
    assert lines[lees + 1] == "  Deelnemers zelf: 11 deelnemers gaven antwoord"
    assert "Beoogde effecten 2025, zoals in het jaarverslag: " in text
    report = build_report(db, catalogue, 2025, "westerveld")
    assert stand.verdicts == verdict_counts(report.effects)
    part = lines.index(next(x for x in lines if x.startswith("Participatie")))
    assert lines[part + 1] == "  Deelnemers zelf: nog niet gevraagd"


def test_a_chapter_does_not_repeat_one_quote_under_every_effect() -> None:
    from reports.evidence import EffectEvidence, spread_quotes

    a, b = ("Nu lees ik elke dag voor.", "vader"), ("Ze luisterde tot het eind.", "oma")
    first = EffectEvidence(effect="x", name="X", quote_options=[a], quote_text=a[0])
    second = EffectEvidence(effect="y", name="Y", quote_options=[a, b], quote_text=a[0])
    only = EffectEvidence(effect="z", name="Z", quote_options=[a], quote_text=a[0])
    spread_quotes([first, second, only])
    assert (first.quote_text, second.quote_text, second.quote_van) == (a[0], b[0], "oma")
    assert only.quote_text == a[0]  # no other words at hand: better the same than none
    assert "quote_options" not in first.model_dump()


def test_gaps_count_signals_and_answers_as_evidence(
    db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    from reports.gaps import effects_without_evidence
    from reports.stand import Scope

    sid = voorlees(db, catalogue, 3, signals=["luisterden-tot-eind"])
    answer(db, sid, "fantasie", 5)
    missing = effects_without_evidence(db, catalogue, Scope(gemeente="westerveld"), 2025)
    assert "luistervaardigheid" not in missing and "fantasie" not in missing
    assert "woordenschat" in missing
