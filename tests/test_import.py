"""`impactbot import sessies|kengetallen`: CSV (Dutch Excel and plain), XLSX, all or nothing."""

from __future__ import annotations

import csv
import json
import shutil
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from impactbot.cli import main
from impactbot.commands.imports import ProgressBar
from intake.importer import ImportFailed, import_kengetallen, import_sessions
from intake.tables import CellError, parse_count, parse_date, parse_number
from store.db import open_db
from toc.loader import default_catalogue

DATA = Path(__file__).parent / "data"
WESTERVELD_SESSIES = DATA / "westerveld-2024-sessies.csv"
WESTERVELD_KENGETALLEN = DATA / "westerveld-2024-kengetallen.csv"


@pytest.fixture
def catalogue():
    return default_catalogue()


@pytest.fixture
def db(tmp_path):
    database = open_db(tmp_path / "impactbot.db")
    yield database
    database.close()


def write_csv(path: Path, rows: list[list[object]], *, delimiter: str = ";", bom: bool = True,
              encoding: str = "utf-8") -> Path:  # fmt: skip
    with path.open("w", encoding="utf-8-sig" if bom else encoding, newline="") as f:
        csv.writer(f, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def count(db, sql: str, params: list[object] | None = None) -> int:
    return db.execute(sql, params or []).fetchone()[0]


def sessions(db) -> list[dict]:
    cursor = db.execute(
        "SELECT date, activity, vestiging, gemeente, deelnemers, kinderen, volwassenen, vragen, "
        "source FROM sessions ORDER BY id"
    )
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


HEADER = ["Datum", "Activiteit", "Vestiging", "Deelnemers", "Kinderen", "Volwassenen", "Vragen"]


# -- reading ------------------------------------------------------------------------------------


def test_dutch_excel_csv_with_bom_and_date_forms(tmp_path, db, catalogue):
    path = write_csv(
        tmp_path / "sessies.csv",
        [
            HEADER,
            ["14-03-2024", "voorleesuurtje", "havelte", "20", "", "", ""],
            ["4-3-2024", "Taalcafé", "Diever", "", "3", "5", ""],
            ["2024-10-09", "IDO-spreekuur", "Vledder", "2", "", "", "4"],
        ],
    )
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    report = import_sessions(db, catalogue, path)
    assert (report.rows, report.stored, report.duplicates) == (3, 3, 0)
    assert report.per_year == {2024: 3}
    # Stored in date order (intake.importer: ids follow the calendar).
    got = sessions(db)
    assert [g["date"] for g in got] == ["2024-03-04", "2024-03-14", "2024-10-09"]
    assert got[1] == {
        "date": "2024-03-14", "activity": "voorleesuurtje", "vestiging": "havelte",
        "gemeente": "westerveld", "deelnemers": 20, "kinderen": None, "volwassenen": None,
        "vragen": None, "source": "import",
    }  # fmt: skip
    assert (got[0]["date"], got[0]["deelnemers"], got[0]["kinderen"]) == ("2024-03-04", 8, 3)
    assert (got[2]["activity"], got[2]["vragen"]) == ("ido-spreekuur", 4)


def test_plain_comma_csv_with_quoted_cells(tmp_path, db, catalogue):
    path = write_csv(
        tmp_path / "sessies.csv",
        [
            [
                "datum",
                "activiteit",
                "vestiging",
                "deelnemers",
                "citaat",
                "citaat van",
                "toestemming",
            ],
            ["14-03-2024", "Lezing", "Havelte", "65", "Mooi, en leerzaam; echt!", "Piet, 70", "ja"],
        ],
        delimiter=",",
        bom=False,
    )
    report = import_sessions(db, catalogue, path)
    assert report.stored == 1 and report.quotes == 1
    text, attribution, consent = db.execute(
        "SELECT text, attribution, consent FROM quotes"
    ).fetchone()
    assert (text, attribution, consent) == ("Mooi, en leerzaam; echt!", "Piet, 70", "ja")


def test_windows_1252_csv(tmp_path, db, catalogue):
    path = tmp_path / "oud-excel.csv"
    path.write_bytes("datum;activiteit;vestiging;deelnemers\r\n01-02-2024;Breicafé;Vledder;6\r\n"
                     .encode("cp1252"))  # fmt: skip
    assert import_sessions(db, catalogue, path).stored == 1
    assert sessions(db)[0]["activity"] == "breicafe"


def test_xlsx_with_date_cells_floats_and_untidy_headers(tmp_path, db, catalogue):
    path = write_xlsx(
        tmp_path / "sessies.xlsx",
        [
            [" DATUM ", "Activiteit", "vestiging", "Aantal deelnemers", "Vragen", "opmerking"],
            [datetime(2024, 5, 1), "Klik & Tik", "Bibliotheek Havelte", 8.0, None, "eerste les"],
            [date(2024, 5, 8), "Belastingspreekuur", "Diever", 3, 5.0, None],
            [None, None, None, None, None, None],
            ["15-05-2024", "taal cafe", "Servicepunt Dwingeloo", "7", None, None],
        ],
    )
    report = import_sessions(db, catalogue, path)
    assert report.stored == 3
    assert report.ignored_columns == ["opmerking"]
    got = sessions(db)
    assert [(s["date"], s["activity"], s["vestiging"], s["deelnemers"]) for s in got] == [
        ("2024-05-01", "klik-en-tik", "havelte", 8),
        ("2024-05-08", "belastingspreekuur", "diever", 3),
        ("2024-05-15", "taalcafe", "dwingeloo", 7),
    ]


def test_xlsx_line_numbers_count_blank_rows(tmp_path, db, catalogue):
    path = write_xlsx(
        tmp_path / "fout.xlsx",
        [
            HEADER,
            ["01-02-2024", "Lezing", "Diever", 10],
            [None],
            ["01-02-2024", "Yoga", "Diever", 4],
        ],
    )
    with pytest.raises(ImportFailed) as failed:
        import_sessions(db, catalogue, path)
    assert failed.value.problems[0].startswith("regel 4: onbekende activiteit 'Yoga'")


def test_names_aliases_typos_and_capitals_resolve(tmp_path, db, catalogue):
    written = [
        ("Klik & Tik", "Bieb Havelte", "klik-en-tik", "havelte"),
        ("KLIK-EN-TIK", "havelte", "klik-en-tik", "havelte"),
        ("Taalcafe", "Dwingelo", "taalcafe", "dwingeloo"),
        ("IDO-spreekuur (Informatiepunt Digitale Overheid)", "Beilen", "ido-spreekuur", "beilen"),
        ("Drents Veurlezen", "Bibliotheek Vledder", "drents-veurlezen", "vledder"),
        ("Voorleesuurtje", "Open+ bibliotheek Beilen", "voorleesuurtje", "beilen"),
    ]
    rows = [["datum", "activiteit", "vestiging", "deelnemers"]]
    rows += [["01-09-2024", a, v, "5"] for a, v, _, _ in written]
    import_sessions(db, catalogue, write_csv(tmp_path / "namen.csv", rows))
    assert [(s["activity"], s["vestiging"]) for s in sessions(db)] == [
        (a, v) for _, _, a, v in written
    ]
    assert sessions(db)[3]["gemeente"] == "midden-drenthe"


# -- all or nothing -----------------------------------------------------------------------------


def test_every_bad_row_is_listed_and_nothing_is_stored(tmp_path, db, catalogue):
    rows = [
        ["datum", "activiteit", "vestiging", "deelnemers", "kinderen", "reeks", "toestemming"],
        ["01-02-2024", "Voorleesuurtje", "Havelte", "12", "", "", ""],  # 2: good
        ["01-02-2024", "Voorleesuurtje", "Havelte", "twaalf", "", "", ""],  # 3
        ["31-02-2025", "Lezing", "Diever", "30", "", "", ""],  # 4
        ["01-02-2024", "Voorleesfeest", "Havelte", "12", "", "", ""],  # 5
        ["01-02-2024", "Lezing", "Assen", "", "", "", ""],  # 6: two problems
        ["morgen", "Lezing", "Diever", "30", "", "", "misschien"],  # 7: two problems
        ["01-02-2024", "Lezing", "Diever", "30", "", "Lezingenreeks", ""],  # 8
        ["01-02-2024", "Lezing", "Diever", "-3", "", "", ""],  # 9
        ["01-02-2024", "Lezing", "Diever", "5", "7", "", ""],  # 10
        ["01-02-2024", "Lezing", "Diever", "20000", "", "", ""],  # 11
    ]
    with pytest.raises(ImportFailed) as failed:
        import_sessions(db, catalogue, write_csv(tmp_path / "fout.csv", rows))
    problems = failed.value.problems
    assert problems == [
        "regel 3: 'deelnemers' is geen heel getal",
        "regel 4: datum '31-02-2025' bestaat niet",
        # Only close suggestions: Assen is like no vestiging of Bind.
        "regel 5: onbekende activiteit 'Voorleesfeest'; bedoel je voorleesuurtje?",
        "regel 6: onbekende vestiging 'Assen'; kijk in de catalogus hoe het heet",
        "regel 6: geen aantal: vul 'deelnemers' in, of 'kinderen' en 'volwassenen'",
        "regel 7: datum 'morgen' is geen datum; schrijf dd-mm-jjjj, bijvoorbeeld 14-03-2024",
        "regel 7: toestemming 'misschien' is onbekend; kies ja, anoniem of nee",
        "regel 8: Lezing is geen cursusreeks.",
        "regel 9: 'deelnemers' mag niet negatief zijn",
        "regel 10: 'deelnemers' (5) is kleiner dan kinderen plus volwassenen",
        "regel 11: Het aantal deelnemers (20000) moet tussen 0 en 10000 liggen.",
    ]
    message = str(failed.value)
    assert message.startswith("fout.csv is niet ingelezen: 9 regels kloppen niet.")
    assert "Er is niets opgeslagen." in message
    assert all(f"- {p}" in message for p in problems)
    assert count(db, "SELECT count(*) FROM sessions") == 0
    assert count(db, "SELECT count(*) FROM audit") == 0


def test_missing_columns_are_named_with_the_columns_found(tmp_path, db, catalogue):
    path = write_csv(
        tmp_path / "kop.csv", [["Datum", "Wat", "Waar", "Hoeveel"], ["1-1-2024", "x", "y", "1"]]
    )
    with pytest.raises(ImportFailed) as failed:
        import_sessions(db, catalogue, path)
    assert failed.value.problems == [
        "De kopregel (regel 1) mist de kolom(men): activiteit, vestiging, deelnemers. "
        "Gevonden kolommen: datum, wat, waar, hoeveel."
    ]


def test_unreadable_files_fail_cleanly(tmp_path, db, catalogue):
    empty = tmp_path / "leeg.csv"
    empty.write_text("", encoding="utf-8")
    only_header = write_csv(
        tmp_path / "kop.csv", [["datum", "activiteit", "vestiging", "deelnemers"]]
    )
    old = tmp_path / "oud.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    for path, expected in (
        (tmp_path / "weg.csv", "bestaat niet"),
        (empty, "is leeg"),
        (only_header, "alleen een kopregel"),
        (old, "geen spreadsheet die Impactbot kan lezen"),
    ):
        with pytest.raises(ImportFailed) as failed:
            import_sessions(db, catalogue, path)
        assert expected in str(failed.value)


# -- idempotency, dry run -----------------------------------------------------------------------


def test_second_import_adds_nothing_but_identical_rows_in_one_file_both_count(
    tmp_path, db, catalogue
):
    rows = [
        ["datum", "activiteit", "vestiging", "deelnemers"],
        ["01-02-2024", "IDO-spreekuur", "Havelte", "2"],
        ["01-02-2024", "IDO-spreekuur", "Havelte", "2"],  # held twice that day: both count
        ["02-02-2024", "Lezing", "Havelte", "40"],
    ]
    path = write_csv(tmp_path / "sessies.csv", rows)
    first = import_sessions(db, catalogue, path)
    assert (first.stored, first.duplicates) == (3, 0)
    second = import_sessions(db, catalogue, path)
    assert (second.stored, second.duplicates) == (0, 3)
    assert count(db, "SELECT count(*) FROM sessions") == 3
    # The same data written differently (another spelling, XLSX) is the same sessions.
    xlsx = write_xlsx(tmp_path / "zelfde.xlsx", [
        rows[0], [date(2024, 2, 1), "ido spreekuur", "Bieb Havelte", 2.0],
        [date(2024, 2, 1), "IDO-spreekuur", "havelte", 2], ["2024-02-02", "lezing", "HAVELTE", 40],
    ])  # fmt: skip
    assert import_sessions(db, catalogue, xlsx).stored == 0
    # A third identical row is a new session.
    write_csv(path, [*rows, rows[1]])
    assert import_sessions(db, catalogue, path).stored == 1
    assert count(db, "SELECT count(*) FROM sessions") == 4
    imports = db.execute("SELECT detail FROM audit WHERE action = 'import'").fetchall()
    assert [json.loads(d)["stored"] for (d,) in imports] == [3, 0, 0, 1]


def test_dry_run_stores_nothing_and_says_what_would_be_stored(tmp_path, db, catalogue):
    rows = [
        ["datum", "activiteit", "vestiging", "deelnemers", "reeks", "citaat"],
        ["01-02-2024", "Digisterker", "Diever", "8", "Digisterker Diever", ""],
        ["08-02-2024", "Digisterker", "Diever", "7", "Digisterker Diever", "Nu kan ik DigiD!"],
        ["02-02-2025", "Lezing", "Havelte", "40", "", ""],
    ]
    path = write_csv(tmp_path / "sessies.csv", rows)
    dry = import_sessions(db, catalogue, path, dry_run=True)
    assert (dry.dry_run, dry.stored, dry.series_created, dry.quotes) == (True, 3, 1, 1)
    assert dry.per_year == {2024: 2, 2025: 1}
    for table in ("sessions", "series", "quotes", "audit"):
        assert count(db, f"SELECT count(*) FROM {table}") == 0
    real = import_sessions(db, catalogue, path)
    assert (real.stored, real.series_created, real.quotes, real.per_year) == (
        dry.stored, dry.series_created, dry.quotes, dry.per_year,
    )  # fmt: skip
    again = import_sessions(db, catalogue, path, dry_run=True)
    assert (again.stored, again.duplicates, again.series_created) == (0, 3, 0)


# -- series and quotes --------------------------------------------------------------------------


def test_rows_with_the_same_reeks_are_lessons_of_one_course(tmp_path, db, catalogue):
    rows = [
        ["datum", "activiteit", "vestiging", "deelnemers", "reeks", "ingeschreven"],
        ["05-02-2024", "Klik & Tik", "Vledder", "6", "Klik&Tik voorjaar", "7"],
        ["12-02-2024", "Klik & Tik", "Vledder", "7", "Klik&Tik voorjaar", ""],
        ["19-02-2024", "Klik & Tik", "Vledder", "5", "Klik&Tik voorjaar", "7"],
        ["19-02-2024", "Klik & Tik", "Havelte", "4", "Klik&Tik voorjaar", "5"],  # other place
        ["01-03-2024", "DigiVitaler", "Havelte", "9", "", ""],  # no name: one per month
        ["08-03-2024", "DigiVitaler", "Havelte", "9", "", ""],
    ]
    report = import_sessions(db, catalogue, write_csv(tmp_path / "reeks.csv", rows))
    assert report.series_created == 3
    series = db.execute(
        "SELECT activity, vestiging, name, enrolled, first_lesson, last_lesson, source, "
        "(SELECT count(*) FROM sessions s WHERE s.series_id = series.id) FROM series ORDER BY id"
    ).fetchall()
    assert series == [
        ("klik-en-tik", "vledder", "Klik&Tik voorjaar", 7, "2024-02-05", "2024-02-19", "import", 3),
        ("klik-en-tik", "havelte", "Klik&Tik voorjaar", 5, "2024-02-19", "2024-02-19", "import", 1),
        ("digivitaler", "havelte", "DigiVitaler 2024-03", None, "2024-03-01", "2024-03-08",
         "import", 2),
    ]  # fmt: skip


def test_one_course_with_two_enrolment_numbers_is_refused(tmp_path, db, catalogue):
    rows = [
        ["datum", "activiteit", "vestiging", "deelnemers", "reeks", "ingeschreven"],
        ["05-02-2024", "Digisterker", "Diever", "6", "Voorjaar", "8"],
        ["12-02-2024", "Digisterker", "Diever", "7", "Voorjaar", "9"],
    ]
    with pytest.raises(ImportFailed) as failed:
        import_sessions(db, catalogue, write_csv(tmp_path / "reeks.csv", rows))
    assert failed.value.problems == [
        "regel 3: reeks 'Voorjaar' heeft op regel 2 8 ingeschrevenen, hier 9; "
        "gebruik één aantal per reeks"
    ]


def test_quotes_keep_their_consent_and_default_to_nee(tmp_path, db, catalogue):
    rows = [
        ["datum", "activiteit", "vestiging", "kinderen", "volwassenen", "citaat", "citaat van",
         "toestemming"],
        ["01-02-2024", "Kleintje Bieb", "Havelte", "6", "5", "Ze wil elke avond voorlezen.",
         "moeder van Isa", "Ja"],
        ["02-02-2024", "Taalcafé", "Diever", "", "8", "Ik durf nu te bellen.", "Ahmed", "anoniem"],
        ["03-02-2024", "Taalcafé", "Diever", "", "7", "Niet doorvertellen.", "Hendrik", ""],
        ["04-02-2024", "Taalcafé", "Diever", "", "7", "", "", ""],
    ]  # fmt: skip
    report = import_sessions(db, catalogue, write_csv(tmp_path / "citaten.csv", rows))
    assert report.quotes == 3
    quotes = db.execute(
        "SELECT q.text, q.attribution, q.consent, q.review, q.activity, q.vestiging, q.year, "
        "s.deelnemers FROM quotes q JOIN sessions s ON s.id = q.session_id ORDER BY q.id"
    ).fetchall()
    assert quotes == [
        ("Ze wil elke avond voorlezen.", "moeder van Isa", "ja", "new", "kleintje-bieb",
         "havelte", 2024, 11),
        ("Ik durf nu te bellen.", "Ahmed", "anoniem", "new", "taalcafe", "diever", 2024, 8),
        ("Niet doorvertellen.", "Hendrik", "nee", "new", "taalcafe", "diever", 2024, 7),
    ]  # fmt: skip
    # The audit trail and the import's own record never hold a quote's words.
    details = " ".join(d for (d,) in db.execute("SELECT detail FROM audit"))
    assert "voorlezen" not in details and "bellen" not in details and "Niet" not in details


# -- kengetallen --------------------------------------------------------------------------------


def test_kengetallen_import_upserts_with_audit(tmp_path, db, catalogue):
    rows = [
        ["Jaar", "Gemeente", "Kengetal", "Waarde"],
        ["2024", "Westerveld", "leden", "4.110"],
        ["2024", "westerveld", "Bezoekers in de bibliotheek", "89.350"],
        ["2024", "Midden-Drenthe", "dbos-leerlingen", "1171"],
        ["2023", "Westerveld", "leden", "4.002"],
    ]
    path = write_csv(tmp_path / "kengetallen.csv", rows)
    report = import_kengetallen(db, catalogue, path)
    assert (report.rows, report.stored, report.updated, report.duplicates) == (4, 4, 0, 0)
    assert report.per_year == {2023: 1, 2024: 3}
    values = db.execute(
        "SELECT year, gemeente, kengetal, value, source FROM kengetallen ORDER BY 1, 2, 3"
    ).fetchall()
    assert values == [
        (2023, "westerveld", "leden", 4002.0, "import"),
        (2024, "midden-drenthe", "dbos-leerlingen", 1171.0, "import"),
        (2024, "westerveld", "bezoekers", 89350.0, "import"),
        (2024, "westerveld", "leden", 4110.0, "import"),
    ]
    rows[1][3] = "4.120"
    again = import_kengetallen(db, catalogue, write_csv(path, rows))
    assert (again.stored, again.updated, again.duplicates) == (0, 1, 3)
    assert (
        count(db, "SELECT value FROM kengetallen WHERE year = 2024 AND kengetal = 'leden'") == 4120
    )
    trail = db.execute(
        "SELECT action, detail FROM audit WHERE entity = 'kengetal' AND entity_id = ? ORDER BY id",
        ["2024/westerveld/leden"],
    ).fetchall()
    assert [(a, json.loads(d)["old"], json.loads(d)["new"]) for a, d in trail] == [
        ("create", None, 4110.0),
        ("update", 4110.0, 4120.0),
    ]
    changed = write_csv(path, [rows[0], ["2024", "Westerveld", "leden", "5000"]])
    dry = import_kengetallen(db, catalogue, changed, dry_run=True)
    assert (dry.updated, dry.dry_run) == (1, True)
    assert (
        count(db, "SELECT value FROM kengetallen WHERE year = 2024 AND kengetal = 'leden'") == 4120
    )


def test_bad_kengetallen_are_all_listed(tmp_path, db, catalogue):
    rows = [
        ["jaar", "gemeente", "kengetal", "waarde"],
        ["24", "Westerveld", "leden", "10"],
        ["2024", "Assen", "leden", "10"],
        ["2024", "Westerveld", "boeken", "10"],
        ["2024", "Westerveld", "leden", "veel"],
        ["2024", "Westerveld", "leden", "4.110"],
        ["2024", "Westerveld", "Leden", "4.111"],
    ]
    with pytest.raises(ImportFailed) as failed:
        import_kengetallen(db, catalogue, write_csv(tmp_path / "k.csv", rows))
    problems = failed.value.problems
    assert (
        problems[0]
        == "regel 2: jaar '24' is geen jaartal; schrijf het hele jaar, bijvoorbeeld 2024"
    )
    assert problems[1].startswith("regel 3: onbekende gemeente 'Assen'")
    assert problems[2].startswith("regel 4: onbekende kengetal 'boeken'")
    assert problems[3] == "regel 5: 'waarde' is geen getal"
    assert problems[4] == "regel 7: leden voor westerveld in 2024 staat al op regel 6"
    assert len(problems) == 5
    assert count(db, "SELECT count(*) FROM kengetallen") == 0


def test_dutch_numbers_and_dates():
    assert parse_count("1.171", "x") == 1171
    assert parse_count(" 12 ", "x") == 12
    assert parse_count(12.0, "x") == 12
    assert parse_count("", "x") is None
    for bad in ("1,5", "12.5", 12.5, "1.17"):
        with pytest.raises(CellError):
            parse_count(bad, "x")
    assert parse_number("4.110", "w") == 4110
    assert parse_number("20,6%", "w") == 20.6
    assert parse_number("1.234,5", "w") == 1234.5
    assert parse_number("0.5", "w") == 0.5
    assert parse_date("1-2-2024") == date(2024, 2, 1)
    assert parse_date("01/02/2024") == date(2024, 2, 1)
    assert parse_date("2024-02-01") == date(2024, 2, 1)
    assert parse_date(45323) == date(2024, 2, 1)  # an Excel date serial
    assert parse_date(datetime(2024, 2, 1, 10, 30)) == date(2024, 2, 1)


# -- the Westerveld 2024 fixture against the jaarbericht ----------------------------------------


def figures(db) -> dict[str, tuple[int, int, int]]:
    """activity -> (bijeenkomsten, deelnemers, vragen)."""
    return {
        a: (n, d, v)
        for a, n, d, v in db.execute(
            "SELECT activity, count(*), sum(deelnemers), coalesce(sum(vragen), 0) FROM sessions "
            "WHERE year = 2024 AND gemeente = 'westerveld' GROUP BY activity"
        )
    }


def per_programme(db, catalogue, programmalijn: str) -> tuple[int, int]:
    rows = [
        v for a, v in figures(db).items() if catalogue.activities[a].programmalijn == programmalijn
    ]
    return sum(r[0] for r in rows), sum(r[1] for r in rows)


def check_westerveld(db, catalogue) -> None:
    got = figures(db)
    # Jaarbericht 2024 Westerveld, "De cijfers" (see tests/data/README.md for the mapping).
    assert got["platformactiviteit"][:2] == (21, 50)
    assert per_programme(db, catalogue, "leesbevordering") == (56, 334)
    assert per_programme(db, catalogue, "geletterdheid") == (51, 343)
    assert per_programme(db, catalogue, "leven-lang-ontwikkelen") == (116, 732)
    # Heel Drenthe doet mee: 13 cursussen with 46 cursusdagdelen.
    assert count(db, "SELECT count(*) FROM series WHERE gemeente = 'westerveld'") == 13
    assert sum(got[a][0] for a in ("klik-en-tik", "digisterker", "digivitaler")) == 46
    assert got["belastingspreekuur"][:2] == (15, 19)  # spreekuren, deelnemers
    assert (got["ido-spreekuur"][0], got["ido-spreekuur"][2]) == (92, 302)  # spreekuren, vragen
    assert got["basisvaardigheden"][:2] == (11, 181)
    # Figures named in the stories.
    assert got["lezing"][:2] == (4, 160)
    assert (
        count(
            db, "SELECT deelnemers FROM sessions WHERE date = '2024-03-14' AND activity = 'lezing'"
        )
        == 65
    )
    assert count(db, "SELECT count(*) FROM sessions WHERE activity = 'samenlezen'") == 11


def test_westerveld_2024_reproduces_the_jaarbericht(db, catalogue):
    report = import_sessions(db, catalogue, WESTERVELD_SESSIES)
    assert (report.rows, report.stored, report.series_created, report.quotes) == (408, 408, 13, 7)
    assert report.per_year == {2024: 408}
    check_westerveld(db, catalogue)
    consents = dict(db.execute("SELECT consent, count(*) FROM quotes GROUP BY consent").fetchall())
    assert consents == {"ja": 4, "anoniem": 1, "nee": 2}
    assert import_sessions(db, catalogue, WESTERVELD_SESSIES).stored == 0

    kengetallen = import_kengetallen(db, catalogue, WESTERVELD_KENGETALLEN)
    assert kengetallen.stored == 22  # every row of De cijfers
    assert dict(db.execute("SELECT kengetal, value FROM kengetallen WHERE year = 2024 "
                           "AND gemeente = 'westerveld'").fetchall()) == {
        "leden": 4110, "bezoekers": 89350, "uitleningen": 103135, "boekstart-locaties": 16,
        "boekstart-koffertjes": 128, "dbos-scholen": 11, "dbos-leerlingen": 1171, "vo-scholen": 1,
        "bezoekers-website": 221938, "leden-betalend": 1233, "leden-jeugd": 2520,
        "leden-start": 177, "leden-overig": 180, "inwoners": 19983, "ebook-accounts": 6160,
        "uitleningen-boeken": 95768, "uitleningen-avm": 568, "uitleningen-tijdschrift": 6799,
        "uitleningen-dbos": 21118, "ebooks": 89894, "luisterboeken": 33657,
        "uitleningen-online": 123551,
    }  # fmt: skip


def test_westerveld_as_xlsx_gives_the_same_figures(tmp_path, db, catalogue):
    with WESTERVELD_SESSIES.open(encoding="utf-8-sig", newline="") as f:
        rows: list[list[object]] = list(csv.reader(f, delimiter=";"))
    for row in rows[1:]:  # as Excel holds it: real dates and numbers
        day, month, year = map(int, row[0].split("-"))
        row[0] = datetime(year, month, day)
        row[3:9] = [float(c) if c.isdigit() else (c or None) for c in row[3:9]]
    path = write_xlsx(tmp_path / "westerveld.xlsx", rows)
    assert import_sessions(db, catalogue, path).stored == 408
    check_westerveld(db, catalogue)
    # The CSV holds the same sessions.
    assert import_sessions(db, catalogue, WESTERVELD_SESSIES).stored == 0


def test_progress_is_reported(tmp_path, db, catalogue, capsys):
    seen: list[tuple[str, int, int]] = []
    import_sessions(db, catalogue, WESTERVELD_SESSIES, progress=lambda *a: seen.append(a))
    assert seen == [("controleren", 408, 408), ("opslaan", 408, 408)]
    bar = ProgressBar(__import__("sys").stdout)
    bar("opslaan", 50, 100)
    bar("opslaan", 100, 100)
    out = capsys.readouterr().out
    assert "\ropslaan      [###############...............] 50 / 100" in out
    assert out.endswith("100 / 100\n")


# -- the command line ---------------------------------------------------------------------------


@pytest.fixture
def config(tmp_path) -> Path:
    path = tmp_path / "impactbot.toml"
    path.write_text('[storage]\ndatabase = "data/impactbot.db"\n', encoding="utf-8")
    return path


def test_cli_imports_sessions_and_kengetallen(tmp_path, config, capsys):
    assert (
        main(["--config", str(config), "import", "sessies", str(WESTERVELD_SESSIES), "--dry-run"])
        == 0
    )
    out = capsys.readouterr().out
    assert "Zou opslaan: 408 bijeenkomsten (2024: 408)." in out
    assert "er is niets opgeslagen" in out
    assert main(["--config", str(config), "import", "sessies", str(WESTERVELD_SESSIES)]) == 0
    out = capsys.readouterr().out
    assert "Gelezen: 408 regels" in out
    assert "Opgeslagen: 408 bijeenkomsten (2024: 408)." in out
    assert "Nieuwe cursusreeksen: 13." in out and "Citaten: 7." in out
    assert main(["--config", str(config), "import", "sessies", str(WESTERVELD_SESSIES)]) == 0
    assert "Al eerder ingelezen (overgeslagen): 408." in capsys.readouterr().out
    assert (
        main(["--config", str(config), "import", "kengetallen", str(WESTERVELD_KENGETALLEN)]) == 0
    )
    assert "Opgeslagen: 22 nieuwe kengetallen (2024: 22)." in capsys.readouterr().out
    db = open_db(tmp_path / "data" / "impactbot.db")
    assert count(db, "SELECT count(*) FROM sessions") == 408
    db.close()


def test_cli_lists_every_bad_line_and_exits_1(tmp_path, config, capsys):
    bad = tmp_path / "fout.csv"
    shutil.copy(WESTERVELD_SESSIES, bad)
    lines = bad.read_text(encoding="utf-8-sig").splitlines()
    lines[4] = lines[4].replace(lines[4].split(";")[0], "31-02-2024", 1)
    lines[9] = "01-05-2024;Yoga;Havelte;5;;;;;;;;"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["--config", str(config), "import", "sessies", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Fout: fout.csv is niet ingelezen: 2 regels kloppen niet.")
    assert "- regel 5: datum '31-02-2024' bestaat niet" in err
    assert "- regel 10: onbekende activiteit 'Yoga'" in err
    db = open_db(tmp_path / "data" / "impactbot.db")
    assert count(db, "SELECT count(*) FROM sessions") == 0
    db.close()


def test_a_cell_over_several_lines_is_still_one_spreadsheet_line(tmp_path, db, catalogue):
    rows = [
        ["datum", "activiteit", "vestiging", "deelnemers", "citaat"],
        ["01-02-2024", "Lezing", "Diever", "30", "Eerste regel\nTweede regel"],
        ["01-02-2024", "Lezing", "Diever", "dertig", ""],
    ]
    with pytest.raises(ImportFailed) as failed:
        import_sessions(db, catalogue, write_csv(tmp_path / "multi.csv", rows))
    assert failed.value.problems == ["regel 3: 'deelnemers' is geen heel getal"]


def test_a_full_name_in_citaat_van_is_refused(db, catalogue, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "namen.csv",
        [
            [
                "datum",
                "activiteit",
                "vestiging",
                "deelnemers",
                "citaat",
                "citaat van",
                "toestemming",
            ],
            ["03-03-2025", "Voorleesuurtje", "Havelte", 12, "Fijn!", "moeder van Isa", "ja"],
            ["04-03-2025", "Voorleesuurtje", "Havelte", 10, "Mooi!", "Jan de Vries", "ja"],
            ["05-03-2025", "Voorleesuurtje", "Havelte", 9, "Leuk!", "mevrouw Jansen", "anoniem"],
        ],
    )
    with pytest.raises(ImportFailed) as failed:
        import_sessions(db, catalogue, path)
    problems = failed.value.problems
    assert [p.split(":")[0] for p in problems] == ["regel 3", "regel 4"]
    assert "lijkt een volledige naam" in problems[0]
    assert count(db, "SELECT count(*) FROM sessions") == 0


def test_a_full_name_inside_the_quote_is_refused_and_catalogue_names_are_not(
    db, catalogue, tmp_path: Path
) -> None:
    header = ["datum", "activiteit", "vestiging", "deelnemers", "citaat", "citaat van",
              "toestemming"]  # fmt: skip
    path = write_csv(
        tmp_path / "citaten.csv",
        [
            header,
            ["03-03-2025", "Drents veurlezen", "Havelte", 12, "Mooi!",
             "deelnemer Drents veurlezen", "ja"],
            ["04-03-2025", "Voorleesuurtje", "Havelte", 10,
             "Fijn, zei de moeder van Sem de Vries", "moeder", "ja"],
            ["05-03-2025", "Lezing", "Beilen", 9, "Leuk!", "bezoeker uit Vries", "anoniem"],
        ],
    )  # fmt: skip
    with pytest.raises(ImportFailed) as failed:
        import_sessions(db, catalogue, path)
    [problem] = failed.value.problems
    assert problem.startswith("regel 3:") and "achternaam" in problem
    assert count(db, "SELECT count(*) FROM sessions") == 0


def test_the_content_key_is_the_json_earlier_imports_used():
    from intake.importer import content_key
    from store.sessions import SessionIn

    for series, kinderen in (('Klik & Tik "voorjaar" \\ é', 3), (None, None), ("ünï\tcode", 0)):
        s = SessionIn(date=date(2025, 3, 14), activity="klik-en-tik", vestiging="beilen",
                      deelnemers=7, kinderen=kinderen, series_name=series, enrolled=8)  # fmt: skip
        meaning = [s.date.isoformat(), s.activity, s.vestiging, s.deelnemers, s.kinderen,
                   s.volwassenen, s.vragen, s.series_name, s.enrolled]  # fmt: skip
        assert content_key(s) == json.dumps(meaning, ensure_ascii=False)
