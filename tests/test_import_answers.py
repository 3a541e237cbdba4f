"""Participants' answers out (export) and back in (`impactbot import antwoorden`).

Counted per session, effect, statement, moment and way: never per person, no respondent hash,
no chat id, no time. All or nothing, every bad row named; twice adds nothing, never removes.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import sqlite_utils
from manager_fakes import add_session
from openpyxl import load_workbook

from ground.settings import Settings
from impactbot.cli import main
from intake.answers import import_answers
from intake.importer import ImportFailed
from reports.export import export_rows, to_csv, to_xlsx
from reports.export_answers import ANSWER_COLUMNS, ANSWER_SHEET, answer_rows
from store.db import open_db
from store.survey import add_followup, open_survey, record_answers, respondent_hash
from store.tallies import save_tally
from toc.models import Catalogue

NOW = datetime(2025, 3, 12, 10, 0, tzinfo=UTC)
STATEMENTS = [
    {"effect": "leesplezier", "dimension": "kennis", "text": "Ik heb iets nieuws geleerd"},
    {"effect": "leesplezier", "dimension": "vertrouwen", "text": "Ik voel me zekerder"},
]
CHAT_ID = 987654321


@pytest.fixture
def answered(db: sqlite_utils.Database, catalogue: Catalogue) -> sqlite_utils.Database:
    """A voorleesuurtje three people answered (one asked for a follow-up), a course with a
    tally, and a session where participants were asked and nobody answered."""
    sid = add_session(db, catalogue, date(2025, 3, 4), "voorleesuurtje", "havelte", 12)
    survey = open_survey(db, sid, STATEMENTS, NOW)
    hashes = {}
    for person, scores in ((1, [5, 4]), (2, [2, 5]), (3, [4, 3])):
        hashes[person] = respondent_hash(b"k" * 32, survey.id, "telegram", person)
        record_answers(
            db, survey, hashes[person], scores, "web" if person == 3 else "telegram", NOW
        )
    assert add_followup(db, survey.id, CHAT_ID, hashes[1], NOW) == "planned"
    course = add_session(db, catalogue, date(2025, 3, 6), "klik-en-tik", "diever", 8)
    save_tally(db, course, "digitale-vaardigheden", "toepassing", 6, 8, "test")
    quiet = add_session(db, catalogue, date(2025, 3, 7), "voorleesuurtje", "vledder", 9)
    open_survey(db, quiet, STATEMENTS[:1], NOW)
    return db


def _rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def test_export_counts_answers_per_session_never_per_person(
    answered: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    rows = _rows(to_csv(answer_rows(answered, catalogue, 2025), ANSWER_COLUMNS))
    short = [
        (r["datum"], r["vestiging"], r["effect"], r["stelling"], r["via"], r["antwoorden"])
        for r in rows
    ]
    assert short == [
        ("04-03-2025", "Bibliotheek Havelte", "leesplezier", "kennis", "telegram", "2"),
        ("04-03-2025", "Bibliotheek Havelte", "leesplezier", "kennis", "web", "1"),
        ("04-03-2025", "Bibliotheek Havelte", "leesplezier", "vertrouwen", "telegram", "2"),
        ("04-03-2025", "Bibliotheek Havelte", "leesplezier", "vertrouwen", "web", "1"),
        ("06-03-2025", "Bibliotheek Diever", "digitale-vaardigheden", "toepassing", "telling", "8"),
        ("07-03-2025", "Bibliotheek Vledder", "leesplezier", "kennis", "", "0"),
    ]
    # scores per row: telegram kennis 5 and 2; a tally and an unanswered statement have none
    first = rows[0]
    assert [first[f"score {n}"] for n in range(1, 6)] == ["0", "1", "0", "0", "1"]
    assert first["eens"] == "1"
    assert [rows[4][f"score {n}"] for n in range(1, 6)] == [""] * 5 and rows[4]["eens"] == "6"
    assert rows[5]["eens"] == "0" and rows[5]["score 1"] == ""
    # what identifies a person never leaves the database
    hashes = [h for (h,) in answered.execute("SELECT respondent FROM survey_respondents")]
    workbook = to_xlsx(
        export_rows(answered, catalogue, 2025), answers=answer_rows(answered, catalogue, 2025)
    )
    text = to_csv(answer_rows(answered, catalogue, 2025), ANSWER_COLUMNS).decode("utf-8-sig")
    sheet = load_workbook(io.BytesIO(workbook))[ANSWER_SHEET]
    cells = " ".join(str(v) for row in sheet.iter_rows(values_only=True) for v in row)
    for secret in (*hashes, str(CHAT_ID), "10:00"):
        assert secret not in text and secret not in cells
    assert [c.value for c in sheet[1]] == ANSWER_COLUMNS
    # readable in Excel and LibreOffice: a date column wide enough (not "###"), the header kept
    # in view, on every sheet
    book = load_workbook(io.BytesIO(workbook))
    for ws in book.worksheets:
        assert ws.freeze_panes == "A2"
        headers = [c.value for c in ws[1]]
        date_column = "ABCDEFGHIJKLMNOPQRSTU"[headers.index("datum")]
        assert ws.column_dimensions[date_column].width >= 11


def _copy_sessions(source: sqlite_utils.Database, tmp_path: Path) -> sqlite_utils.Database:
    """A fresh database with the same sessions (through the export) and no answers."""
    fresh = open_db(tmp_path / "fresh.db")
    from intake.importer import import_sessions

    path = tmp_path / "sessies.csv"
    path.write_bytes(to_csv(export_rows(source, _catalogue(), 2025)))
    import_sessions(fresh, _catalogue(), path, today=date(2025, 12, 31))
    return fresh


def _catalogue() -> Catalogue:
    from toc.loader import default_catalogue

    return default_catalogue()


def test_answers_come_back_and_twice_adds_nothing(
    answered: sqlite_utils.Database, catalogue: Catalogue, tmp_path: Path
) -> None:
    fresh = _copy_sessions(answered, tmp_path)
    path = tmp_path / "antwoorden.csv"
    path.write_bytes(to_csv(answer_rows(answered, catalogue, 2025), ANSWER_COLUMNS))
    dry = import_answers(fresh, catalogue, path, dry_run=True)
    assert (dry.stored, dry.asked_only) == (14, 1)
    assert fresh.execute("SELECT count(*) FROM survey_answers").fetchone()[0] == 0
    report = import_answers(fresh, catalogue, path)
    assert (report.stored, report.duplicates, report.asked_only) == (14, 0, 1)
    assert report.per_year == {2025: 14}
    query = (
        "SELECT s.date, a.effect, a.dimension, a.moment, a.score, a.agrees, a.source, "
        "count(*) FROM survey_answers a JOIN sessions s ON s.id = a.session_id "
        "GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7"
    )
    assert fresh.execute(query).fetchall() == answered.execute(query).fetchall()
    # stored with the session's day: no time that could be matched to a chat
    assert {d for (d,) in fresh.execute("SELECT DISTINCT created_at FROM survey_answers")} == {
        "2025-03-04",
        "2025-03-06",
    }
    # the statement nobody answered: a closed survey, so nobody can answer it now
    (statements, expires) = fresh.execute(
        "SELECT v.statements, v.expires_at FROM surveys v JOIN sessions s "
        "ON s.id = v.session_id WHERE s.vestiging = 'vledder'"
    ).fetchone()
    assert "leesplezier" in statements and "kennis" in statements
    assert datetime.fromisoformat(expires) <= datetime.now(UTC)
    again = import_answers(fresh, catalogue, path)
    assert (again.stored, again.asked_only, again.duplicates) == (0, 0, again.rows)
    assert fresh.execute("SELECT count(*) FROM survey_answers").fetchone()[0] == 14
    fresh.close()


def _write(tmp_path: Path, rows: list[list[str]]) -> Path:
    path = tmp_path / "antwoorden.csv"
    lines = [";".join(ANSWER_COLUMNS), *(";".join(r) for r in rows)]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_every_bad_row_is_named_and_nothing_is_stored(
    answered: sqlite_utils.Database, catalogue: Catalogue, tmp_path: Path
) -> None:
    fresh = _copy_sessions(answered, tmp_path)
    key = answered.execute("SELECT source_key FROM sessions ORDER BY date").fetchone()[0]
    ok = [key, "", "", "", "leesplezier", "kennis", "direct", "web", "2", "1"]
    path = _write(
        tmp_path,
        [
            ok + ["0", "1", "0", "0", "1"],
            ["onbekend", "", "", "", "leesplezier", "kennis", "direct", "web", "1", "1",
             "0", "0", "0", "0", "1"],
            [key, "", "", "", "leesplezirr", "plezier", "later", "web", "1", "1",
             "0", "0", "0", "0", "1"],
            [key, "", "", "", "leesplezier", "vertrouwen", "direct", "web", "3", "1",
             "0", "0", "0", "0", "1"],
            [key, "", "", "", "leesplezier", "bewustzijn", "direct", "telegram", "2", "3"],
            ok + ["0", "1", "0", "0", "1"],
        ],
    )  # fmt: skip
    with pytest.raises(ImportFailed) as failed:
        import_answers(fresh, catalogue, path)
    problems = failed.value.problems
    assert "regel 3: de bijeenkomst met bron 'onbekend' staat niet in de database" in (
        "\n".join(problems)
    )
    text = "\n".join(problems)
    assert "regel 4: het effect 'leesplezirr' staat niet in de catalogus" in text
    assert "regel 4: 'stelling' is 'plezier'; kies uit kennis, vertrouwen" in text
    assert "regel 4: 'moment' is 'later'; kies uit direct, vervolg" in text
    assert "regel 5: de scores tellen op tot 1, niet tot 3 antwoorden" in text
    assert "regel 6: 'eens' (3) is meer dan 'antwoorden' (2)" in text
    assert "regel 6: bij antwoorden via telegram horen de kolommen score 1 tot score 5" in text
    assert "regel 7: dezelfde antwoorden staan al op regel 2" in text
    assert str(failed.value).startswith("antwoorden.csv is niet ingelezen: 5 regels kloppen niet.")
    assert fresh.execute("SELECT count(*) FROM survey_answers").fetchone()[0] == 0


def test_cli_reads_the_sheet_of_an_exported_workbook(
    answered: sqlite_utils.Database,
    catalogue: Catalogue,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    workbook = tmp_path / "sessies-2025.xlsx"
    workbook.write_bytes(
        to_xlsx(
            export_rows(answered, catalogue, 2025),
            title="Sessies 2025",
            answers=answer_rows(answered, catalogue, 2025),
        )
    )
    config = tmp_path / "impactbot.toml"
    config.write_text(f'[storage]\ndatabase = "{tmp_path / "cli.db"}"\n', encoding="utf-8")
    base = ["--config", str(config), "import"]
    assert main([*base, "sessies", str(workbook)]) == 0
    out = capsys.readouterr().out
    assert "Overgeslagen werkbladen (geen kopregel met de nodige kolommen): " in out
    assert "'Antwoorden deelnemers' lees je daarna in met 'impactbot import antwoorden'" in out
    assert main([*base, "antwoorden", str(workbook)]) == 0
    out = capsys.readouterr().out
    assert "Opgeslagen: 14 antwoorden (2025: 14)." in out
    assert "Gevraagd zonder antwoord: 1 bijeenkomst" in out
    assert "Overgeslagen werkbladen (geen kopregel met de nodige kolommen): 'Sessies 2025'" in out
    assert main([*base, "antwoorden", str(workbook)]) == 0
    out = capsys.readouterr().out
    assert "Opgeslagen: 0 antwoorden" in out
    assert "Al eerder ingelezen (overgeslagen): 6 regels." in out
    # the sessions CSV given to the answers import: what to do instead
    sessions = tmp_path / "sessies.csv"
    sessions.write_bytes(to_csv(export_rows(answered, catalogue, 2025)))
    assert main([*base, "antwoorden", str(sessions)]) == 1
    err = capsys.readouterr().err
    assert "mist de kolom(men): effect, stelling, moment, antwoorden" in err
    assert "Lees het in met 'impactbot import sessies'." in err
    db = open_db(tmp_path / "cli.db")
    assert db.execute("SELECT count(*) FROM survey_answers").fetchone()[0] == 14
    db.conn.close()


def test_cli_export_and_import_give_back_every_answer(
    answered: sqlite_utils.Database,
    settings: Settings,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`impactbot export` writes what /export sends; the import commands read it back."""
    source = tmp_path / "bron.toml"
    source.write_text(f'[storage]\ndatabase = "{settings.storage.database}"\n', encoding="utf-8")
    folder = tmp_path / "uit"
    args = ["--config", str(source), "export", "--year", "2025", "--gemeente", "Westerveld"]
    assert main([*args, "--map", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "Verslagen 2025, gemeente Westerveld: 3 bijeenkomsten." in out
    assert sorted(p.name for p in folder.iterdir()) == [
        "antwoorden-2025-westerveld.csv",
        "sessies-2025-westerveld.csv",
        "sessies-2025-westerveld.xlsx",
    ]
    target = tmp_path / "doel.toml"
    target.write_text(f'[storage]\ndatabase = "{tmp_path / "doel.db"}"\n', encoding="utf-8")
    base = ["--config", str(target), "import"]
    assert main([*base, "sessies", str(folder / "sessies-2025-westerveld.csv")]) == 0
    assert main([*base, "antwoorden", str(folder / "antwoorden-2025-westerveld.csv")]) == 0
    assert "Opgeslagen: 14 antwoorden" in capsys.readouterr().out
    copy = open_db(tmp_path / "doel.db")
    query = (
        "SELECT effect, dimension, moment, source, score, agrees FROM survey_answers "
        "ORDER BY 1, 2, 3, 4, 5, 6"
    )
    assert copy.execute(query).fetchall() == answered.execute(query).fetchall()
    copy.conn.close()
    # a year without anything: one sentence, no files
    assert main([*args, "--year", "2023", "--map", str(tmp_path / "leeg")]) == 0
    assert "Er zijn geen verslagen uit 2023 voor gemeente Westerveld." in capsys.readouterr().out
    assert not (tmp_path / "leeg").exists()
