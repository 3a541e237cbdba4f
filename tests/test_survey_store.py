"""store.survey and store.survey_evidence on a real SQLite file: surveys, answers without a
person, counts for the evidence; and the statements the catalogue gives each activity
(toc.survey)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import sqlite_utils

from store.sessions import SessionIn, save_session
from store.survey import (
    SURVEY_DAYS,
    open_survey,
    record_answers,
    respondent_hash,
    survey_by_code,
)
from store.survey_evidence import answers_by_effect, answers_by_effect_source, session_responses
from toc.loader import CatalogueError, load_catalogue
from toc.models import Catalogue
from toc.survey import MAX_STATEMENT, choose_statements

NOW = datetime(2025, 6, 3, 12, 0, tzinfo=UTC)
KEY = b"k" * 32


def session(
    db: sqlite_utils.Database,
    catalogue: Catalogue,
    activity: str = "klik-en-tik",
    vestiging: str = "havelte",
    day: date = date(2025, 6, 3),
    deelnemers: int = 8,
) -> int:
    kind = catalogue.activities[activity].kind
    extra = {"series_name": "Voorjaar", "enrolled": 8, "lesson": 1} if kind == "reeks" else {}
    s = SessionIn(date=day, activity=activity, vestiging=vestiging, deelnemers=deelnemers, **extra)
    return save_session(db, catalogue, s, "test").session_id


def survey_for(db, catalogue, session_id: int, activity: str = "klik-en-tik"):
    statements = [c.as_json() for c in choose_statements(catalogue, activity)]
    return open_survey(db, session_id, statements, NOW)


def test_a_survey_is_made_once_per_session_and_closes_after_14_days(db, catalogue) -> None:
    sid = session(db, catalogue)
    first = survey_for(db, catalogue, sid)
    again = survey_for(db, catalogue, sid)
    assert again.code == first.code and again.id == first.id
    assert len(first.code) == 10 and "_" not in first.code
    assert survey_by_code(db, first.code) == first
    assert first.is_open(NOW + timedelta(days=SURVEY_DAYS) - timedelta(seconds=1))
    assert not first.is_open(NOW + timedelta(days=SURVEY_DAYS))
    assert [s["dimension"] for s in first.statements] == [
        "kennis",
        "vertrouwen",
        "toepassing",
        "bewustzijn",
    ]


def test_answers_are_counted_per_effect_and_moment_without_a_person(db, catalogue) -> None:
    def answer(survey, channel: str, who, scores: list[int], source: str) -> bool:
        person = respondent_hash(KEY, survey.id, channel, who)
        return record_answers(db, survey, person, scores, source, NOW)

    # Two sessions in Westerveld (Havelte), one in Midden-Drenthe (Beilen), one in 2024.
    a = survey_for(db, catalogue, session(db, catalogue))
    b = survey_for(db, catalogue, session(db, catalogue, deelnemers=5))
    c = survey_for(db, catalogue, session(db, catalogue, vestiging="beilen"))
    old = survey_for(db, catalogue, session(db, catalogue, day=date(2024, 5, 1)))
    assert record_answers(
        db, a, respondent_hash(KEY, a.id, "telegram", 1), [5, 4, 2, 1], "telegram", NOW
    )
    assert answer(a, "web", "x", [4, 4, 4, 4], "web")
    assert not record_answers(
        db, a, respondent_hash(KEY, a.id, "web", "x"), [1, 1, 1, 1], "web", NOW
    )
    assert record_answers(
        db, b, respondent_hash(KEY, b.id, "telegram", 1), [3, 3, 3, 3], "telegram", NOW
    )
    assert record_answers(
        db, c, respondent_hash(KEY, c.id, "telegram", 1), [5, 5, 5, 5], "telegram", NOW
    )
    assert record_answers(
        db, old, respondent_hash(KEY, old.id, "telegram", 1), [5, 5, 5, 5], "web", NOW
    )
    followup = [{"effect": "digitale-vaardigheden", "dimension": "toepassing", "text": "t"}]
    assert record_answers(
        db, a, respondent_hash(KEY, a.id, "telegram", 1), [4], "telegram", NOW, "vervolg", followup
    )

    west = answers_by_effect(db, 2025, "westerveld")
    # digitale-vaardigheden: kennis, vertrouwen and toepassing statements; zelfredzaamheid:
    # bewustzijn. Agreeing is a 4 or 5.
    assert west["digitale-vaardigheden"] == {"direct": (9, 5), "vervolg": (1, 1)}
    assert west["zelfredzaamheid"] == {"direct": (3, 1), "vervolg": (0, 0)}
    everywhere = answers_by_effect(db, 2025)
    assert everywhere["digitale-vaardigheden"]["direct"] == (12, 8)
    assert answers_by_effect(db, 2024)["zelfredzaamheid"]["direct"] == (1, 1)
    by_source = answers_by_effect_source(db, 2025, "westerveld")
    assert by_source["digitale-vaardigheden"]["direct"] == {"telegram": (6, 2), "web": (3, 3)}

    responses = session_responses(db, 2025, "westerveld")
    assert [(r.attendance, r.direct, r.vervolg) for r in responses.values()] == [
        (8, 2, 1),
        (5, 1, 0),
    ]
    assert responses[a.session_id].effects == ("digitale-vaardigheden", "zelfredzaamheid")
    # No column anywhere holds who answered.
    columns = {c.name for c in db["survey_answers"].columns}
    assert not columns & {"telegram_id", "chat_id", "respondent", "person_id", "name"}


def test_a_tally_counts_as_answers_and_replaces_itself(db, catalogue) -> None:
    from store.survey import record_tally

    sid = session(db, catalogue)
    record_tally(db, sid, "digitale-vaardigheden", "kennis", 8, 5, NOW)
    record_tally(db, sid, "digitale-vaardigheden", "kennis", 8, 6, NOW)  # corrected
    assert answers_by_effect(db, 2025)["digitale-vaardigheden"]["direct"] == (8, 6)
    sources = answers_by_effect_source(db, 2025)["digitale-vaardigheden"]["direct"]
    assert sources == {"telling": (8, 6)}
    with pytest.raises(ValueError):
        record_tally(db, sid, "digitale-vaardigheden", "kennis", 3, 4, NOW)


def test_scores_must_fit_the_statements(db, catalogue) -> None:
    survey = survey_for(db, catalogue, session(db, catalogue))
    for scores in ([5, 4], [0, 1, 2, 3], [1, 2, 3, 6]):
        with pytest.raises(ValueError):
            record_answers(db, survey, "h", scores, "telegram", NOW)
    with pytest.raises(ValueError):
        record_answers(db, survey, "h", [1, 2, 3, 4], "fax", NOW)
    assert db.execute("SELECT count(*) FROM survey_answers").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM survey_respondents").fetchone()[0] == 0


def test_the_respondent_hash_is_keyed() -> None:
    one = respondent_hash(b"a" * 32, 1, "telegram", 42)
    assert one == respondent_hash(b"a" * 32, 1, "telegram", 42)
    assert one != respondent_hash(b"b" * 32, 1, "telegram", 42)
    assert one != respondent_hash(b"a" * 32, 1, "web", 42)
    # Two surveys of the same person cannot be linked.
    assert one != respondent_hash(b"a" * 32, 2, "telegram", 42)
    assert len(one) == 64 and int(one, 16) != 42


# -- the catalogue's statements ---------------------------------------------------------------

PARENTS = ("voorleesuurtje", "kleintje-bieb", "boekstart-kinderopvang", "leesklik", "knutseluurtje")


def test_every_activity_with_participants_gets_three_or_four_statements(
    default_catalogue: Catalogue,
) -> None:
    for activity in default_catalogue.activities:
        chosen = choose_statements(default_catalogue, activity)
        if activity == "dbos-po":  # children in class: no statements, no button
            assert chosen == []
            continue
        assert 3 <= len(chosen) <= 4, activity
        dimensions = [c.dimension for c in chosen]
        assert len(set(dimensions)) == len(dimensions), activity
        effects = default_catalogue.activities[activity].effects
        assert all(c.effect in effects for c in chosen), activity
        assert all(len(c.text) <= MAX_STATEMENT for c in chosen)
    for activity in PARENTS:
        texts = [c.text for c in choose_statements(default_catalogue, activity)]
        assert texts[0].startswith("Mijn kind"), activity


def _catalogue_with(tmp_path: Path, extra: str) -> Path:
    from importlib import resources

    text = resources.files("toc.data").joinpath("catalogue.toml").read_text(encoding="utf-8")
    path = tmp_path / "catalogus.toml"
    path.write_text(text + "\n" + extra, encoding="utf-8")
    return path


def test_wrong_statements_are_named_in_dutch(tmp_path: Path) -> None:
    path = _catalogue_with(
        tmp_path,
        '[[stelling]]\neffect = "bestaat-niet"\ndimensie = "kennis"\ntekst = "Ik leerde iets."\n\n'
        '[[stelling]]\neffect = "zelfredzaamheid"\ndimensie = "kennis"\ntekst = "Nog een."\n\n'
        '[[stelling]]\neffect = "leefplezier"\ndimensie = "plezier"\ntekst = "Leuk."\n\n'
        '[[stelling]]\neffect = "leefplezier"\ndimensie = "kennis"\n\n'
        f'[[stelling]]\neffect = "verbinding"\ndimensie = "kennis"\ntekst = "{"x" * 91}"\n\n'
        '[[vragenlijst]]\nactiviteit = "voorleesuurtje"\nwie = "ouder"\n\n'
        '[[vragenlijst]]\nactiviteit = "onbekend"\n\n'
        '[[vragenlijst]]\nactiviteit = "breicafe"\nwie = "kind"\n',
    )
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(path)
    text = str(caught.value)
    assert "stelling" in text and "het effect 'bestaat-niet' bestaat niet" in text
    assert "er is al een stelling voor dit effect en deze dimensie" in text
    assert "'plezier' is geen geldige waarde" in text
    assert "vul 'tekst' in" in text
    assert "te lang (91 tekens)" in text
    assert "er is al een vragenlijst voor deze activiteit" in text
    assert "de activiteit 'onbekend' bestaat niet" in text
    assert "'kind' is geen geldige waarde" in text
    assert "regel" in text  # every problem names its line


def test_no_statement_measures_an_impact_effect_and_the_lot_plan_is_checked(
    tmp_path: Path,
) -> None:
    path = _catalogue_with(
        tmp_path,
        '[[stelling]]\neffect = "lagere-maatschappelijke-kosten"\ndimensie = "kennis"\n'
        'tekst = "Ik kost de samenleving minder."\n\n'
        '[[vragenlijst]]\nactiviteit = "taalcafe"\neen_op = 0\n',
    )
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(path)
    text = str(caught.value)
    assert "is maatschappelijke impact; dat meet een stelling na één bijeenkomst niet" in text
    assert "een_op" in text


def test_a_library_without_statements_asks_nobody(tmp_path: Path) -> None:
    from importlib import resources

    text = resources.files("toc.data").joinpath("catalogue.toml").read_text(encoding="utf-8")
    own = text.split("# Wat deelnemers zelf zeggen")[0]
    own = own.rsplit("# ----", 1)[0]
    path = tmp_path / "eigen.toml"
    path.write_text(own, encoding="utf-8")
    catalogue = load_catalogue(path)
    assert catalogue.statements == [] and catalogue.survey_plans == {}
    assert choose_statements(catalogue, "klik-en-tik") == []


def test_a_leaders_correction_never_shows_or_deletes_a_participants_words(db, catalogue) -> None:
    from store.sessions import QuoteIn, load_session, replace_session
    from store.survey import add_participant_quote

    s = SessionIn(
        date=date(2025, 6, 3), activity="taalcafe", vestiging="havelte", deelnemers=8,
        quotes=[QuoteIn(text="Gezellig!", attribution="cursist", consent="ja")],
    )  # fmt: skip
    sid = save_session(db, catalogue, s, "test").session_id
    survey = survey_for(db, catalogue, sid, "taalcafe")
    add_participant_quote(db, survey, "Alleen voor intern", "nee", "een deelnemer")
    loaded = load_session(db, sid)
    assert loaded is not None
    assert [q.text for q in loaded.quotes] == ["Gezellig!"]  # the leader's own quote only
    loaded.quotes = []  # the leader removes their quote in a correction
    replace_session(db, catalogue, sid, loaded, "test")
    rows = db.execute("SELECT text, source FROM quotes WHERE session_id = ?", [sid]).fetchall()
    assert rows == [("Alleen voor intern", "deelnemer")]


def test_a_follow_up_taken_back_is_no_invitation(db, catalogue) -> None:
    """'Ja' then 'Nee' (tapped a moment apart) invites nobody; a later 'Ja' counts once."""
    from store.survey import add_followup, drop_followup_of

    survey = survey_for(db, catalogue, session(db, catalogue))
    who = respondent_hash(KEY, survey.id, "telegram", 1)
    assert record_answers(db, survey, who, [4] * len(survey.statements), "telegram", NOW)

    def invited() -> int:
        sql = "SELECT followups_invited FROM surveys WHERE id = ?"
        return int(db.execute(sql, [survey.id]).fetchone()[0])

    due = NOW + timedelta(days=35)
    assert add_followup(db, survey.id, 555, who, due) == "planned"
    assert invited() == 1
    assert drop_followup_of(db, survey.id, 555)
    assert invited() == 0
    assert not drop_followup_of(db, survey.id, 555)  # a second 'Nee' changes nothing
    assert invited() == 0
    assert add_followup(db, survey.id, 555, who, due) == "planned"
    assert invited() == 1


def test_words_sent_with_the_scores_are_one_write(db, catalogue) -> None:
    """A form's scores and words commit together: when the words cannot be stored, neither
    are the scores, so the person's second try is not refused as 'al beantwoord'."""
    survey = survey_for(db, catalogue, session(db, catalogue))
    person = respondent_hash(KEY, survey.id, "web", "x")
    with pytest.raises(ValueError):
        record_answers(db, survey, person, [4, 4, 4, 4], "web", NOW, words=("Fijn", "?", "x"))
    assert db.execute("SELECT count(*) FROM survey_answers").fetchone()[0] == 0
    said = ("Fijn\x01 les", "ja", "een deelnemer")
    assert record_answers(db, survey, person, [4, 4, 4, 4], "web", NOW, words=said)
    assert db.execute("SELECT text, review, source FROM quotes").fetchall() == [
        ("Fijn les", "new", "deelnemer")
    ]
    assert db.execute("SELECT count(*) FROM survey_answers").fetchone()[0] == 4
