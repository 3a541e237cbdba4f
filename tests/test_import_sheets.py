"""Every real spreadsheet: CSV from Dutch LibreOffice, .ods, .xls, several sheets, junk.

The files under tests/data/sheets were made by LibreOffice itself (make_sheets.py there).
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from impactbot.cli import main
from intake.importer import ImportFailed, import_sessions
from store.db import open_db
from toc.loader import default_catalogue

SHEETS = Path(__file__).parent / "data" / "sheets"
TODAY = date(2026, 3, 1)

WESTERVELD = {
    ("voorleesuurtje", "havelte"): (2, 35),
    ("taalcafe", "diever"): (2, 16),
    ("drents-veurlezen", "dwingeloo"): (1, 14),
}
MIDDEN_DRENTHE = {
    ("klik-en-tik", "beilen"): (2, 13),
    ("ido-spreekuur", "westerbork"): (1, 3),
    ("breicafe", "smilde"): (1, 11),
}


@pytest.fixture
def catalogue():
    return default_catalogue()


@pytest.fixture
def db(tmp_path):
    database = open_db(tmp_path / "impactbot.db")
    yield database
    database.close()


def per_place(db) -> dict[tuple[str, str], tuple[int, int]]:
    rows = db.execute(
        "SELECT activity, vestiging, count(*), sum(deelnemers) FROM sessions "
        "GROUP BY activity, vestiging"
    ).fetchall()
    return {(a, v): (n, d) for a, v, n, d in rows}


def test_a_csv_saved_by_dutch_libreoffice(db, catalogue):
    path = SHEETS / "bieb-2025-libreoffice.csv"
    raw = path.read_bytes()
    assert b"14-03-25," in raw and "Taalcafé".encode("cp1252") in raw  # as LibreOffice wrote it
    report = import_sessions(db, catalogue, path, today=TODAY)
    assert report.stored == 5 and report.quotes == 2
    assert per_place(db) == WESTERVELD
    days = [r[0] for r in db.execute("SELECT date FROM sessions ORDER BY date LIMIT 2")]
    assert days == ["2025-03-14", "2025-03-21"]
    quotes = db.execute("SELECT text, attribution, consent FROM quotes ORDER BY id").fetchall()
    assert quotes[0] == ("Isa wil nu elke avond voorlezen, zegt ze", "moeder van Isa", "ja")
    assert quotes[1][2] == "anoniem"


@pytest.mark.parametrize("name", ["bieb-2025.ods", "bieb-2025.xls", "bieb-2025.xlsx"])
def test_every_sheet_with_the_right_header_is_read(db, catalogue, name):
    report = import_sessions(db, catalogue, SHEETS / name, today=TODAY)
    assert report.sheets == ["Westerveld", "Midden-Drenthe"]
    assert report.skipped_sheets == ["Toelichting"]
    assert report.stored == 9 and report.quotes == 2 and report.series_created == 1
    assert per_place(db) == {**WESTERVELD, **MIDDEN_DRENTHE}
    assert db.execute("SELECT name, enrolled FROM series").fetchall() == [
        ("Klik & Tik voorjaar", 8)
    ]
    assert db.execute("SELECT sum(vragen) FROM sessions").fetchone()[0] == 5
    again = import_sessions(db, catalogue, SHEETS / name, today=TODAY)
    assert (again.stored, again.duplicates) == (0, 9)


def test_the_same_data_in_every_format_is_the_same_sessions(tmp_path, catalogue):
    keys = []
    for name in ("bieb-2025.ods", "bieb-2025.xls", "bieb-2025.xlsx"):
        db = open_db(tmp_path / f"{name}.db")
        import_sessions(db, catalogue, SHEETS / name, today=TODAY)
        keys.append(sorted(r[0] for r in db.execute("SELECT source_key FROM sessions")))
        db.close()
    assert keys[0] == keys[1] == keys[2]


def test_problems_name_the_sheet_and_its_line(tmp_path, db, catalogue):
    book = openpyxl.Workbook()
    first = book.active
    first.title = "Voorjaar"
    first.append(["Datum", "Activiteit", "Plaats", "Aantal deelnemers"])
    first.append([date(2025, 3, 1), "Voorleesuurtje", "Havelte", 12])
    first.append([date(2031, 11, 3), "Voorleesuurtje", "Havelte", 12])
    second = book.create_sheet("Najaar")
    second.append(["Datum", "Activiteit", "Plaats", "Aantal deelnemers"])
    second.append(["03-11-0001", "Voorleesuurtje", "Havelte", 12])
    second.append([date(2025, 10, 1), "Voorleesuurtje", "Havelte", -5])
    path = tmp_path / "twee.xlsx"
    book.save(path)
    with pytest.raises(ImportFailed) as failed:
        import_sessions(db, catalogue, path, today=TODAY)
    assert failed.value.problems == [
        "werkblad 'Voorjaar', regel 3: datum 03-11-2031 ligt in de toekomst; is het jaartal goed?",
        "werkblad 'Najaar', regel 2: datum 03-11-0001 is vóór het jaar 2000; is het jaartal goed?",
        "werkblad 'Najaar', regel 3: 'deelnemers' mag niet negatief zijn",
    ]
    assert str(failed.value).startswith("twee.xlsx is niet ingelezen: 3 regels kloppen niet.")
    assert db.execute("SELECT count(*) FROM sessions").fetchone()[0] == 0


def test_two_digit_years_and_a_title_line_in_a_csv(tmp_path, db, catalogue):
    path = tmp_path / "kort.csv"
    text = "Overzicht voorjaar\r\ndatum;activiteit;bieb;deelnemers\r\n14-3-25;Lezing;Diever;30\r\n"
    path.write_bytes(text.encode("cp1252"))
    import_sessions(db, catalogue, path, today=TODAY)
    assert db.execute("SELECT date, vestiging FROM sessions").fetchall() == [
        ("2025-03-14", "diever")
    ]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("junk.csv", os.urandom(4096)),
        ("junk.xlsx", b"PK\x03\x04" + os.urandom(2000)),
        ("junk.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(2000)),
        ("junk.ods", b"not a spreadsheet at all"),
        ("lang.csv", b"datum;activiteit\n" + b'"' + b"x" * 200_000 + b"\n"),
        ("foto.csv", b"\x89PNG\r\n\x1a\n" + os.urandom(500)),
    ],
)
def test_an_unreadable_file_is_one_dutch_sentence(tmp_path, capsys, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    config = tmp_path / "c.toml"
    config.write_text(f'[storage]\ndatabase = "{tmp_path / "m.db"}"\n', encoding="utf-8")
    assert main(["--config", str(config), "import", "sessies", str(path)]) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    assert f"{name} is niet ingelezen. Er is niets opgeslagen." in captured.err
    problem = captured.err.split("\n- ", 1)[1].strip()
    assert problem.count(". ") <= 2 and problem.endswith(".") and name in problem
    db = open_db(tmp_path / "m.db")
    assert db.execute("SELECT count(*) FROM sessions").fetchone()[0] == 0
    db.close()


def test_a_hidden_sheet_is_not_read(tmp_path, db, catalogue):
    book = openpyxl.Workbook()
    shown = book.active
    shown.title = "Zichtbaar"
    hidden = book.create_sheet("Verborgen")
    for sheet in (shown, hidden):
        sheet.append(["Datum", "Activiteit", "Vestiging", "Deelnemers"])
        sheet.append([date(2025, 3, 1), "Lezing", "Diever", 30])
    hidden.sheet_state = "hidden"
    path = tmp_path / "verborgen.xlsx"
    book.save(path)
    report = import_sessions(db, catalogue, path, today=TODAY)
    assert report.stored == 1 and report.sheets == []  # one sheet read: no names needed


def test_excel_unicode_text_utf16_with_tabs(tmp_path, db, catalogue):
    path = tmp_path / "unicode.txt"
    text = "Datum\tActiviteit\tVestiging\tDeelnemers\r\n14-03-2025\tTaalcafé\tDiever\t8\r\n"
    path.write_bytes(text.encode("utf-16"))
    import_sessions(db, catalogue, path, today=TODAY)
    assert db.execute("SELECT activity, deelnemers FROM sessions").fetchall() == [("taalcafe", 8)]
