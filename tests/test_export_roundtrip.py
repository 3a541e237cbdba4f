"""An export read back into a fresh database gives the same report: nothing added, nothing lost.

A full demo year (and the year before, for the report's comparison) is exported as CSV and as
XLSX, imported into an empty database (sessions, then participants' answers), and the report
JSON is compared. The only part that cannot come back is what never leaves the database:
quotes without consent to publish (the reflection counts them as "alleen voor intern
gebruik"), and who answered (no respondent hash, no chat id).
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime

import pytest
from openpyxl import load_workbook

from demo.data import generate_demo_year
from intake.answers import import_answers
from intake.importer import import_kengetallen, import_sessions
from reports.export import COLUMNS, export_rows, to_csv, to_xlsx
from reports.export_answers import ANSWER_COLUMNS, answer_rows
from reports.model import build_report
from store.aggregates import differences
from store.db import open_db
from store.session_notes import publishable_stories
from store.sessions import QuoteIn, SessionIn, save_session
from store.survey import open_survey
from toc.loader import default_catalogue

YEAR = 2025
TODAY = date(2026, 3, 1)


@pytest.fixture(scope="module")
def catalogue():
    return default_catalogue()


ASKED_NOBODY = [{"effect": "leesplezier", "dimension": "kennis", "text": "Ik lees liever"}]


@pytest.fixture(scope="module")
def demo(tmp_path_factory, catalogue):
    db = open_db(tmp_path_factory.mktemp("demo") / "demo.db")
    generate_demo_year(db, catalogue, YEAR)
    # Participants were asked at one voorleesuurtje and nobody answered: that session counts
    # as "asked" in the evidence, so the export must say so too.
    sid = db.execute(
        "SELECT id FROM sessions s WHERE year = ? AND activity = 'voorleesuurtje' AND NOT "
        "EXISTS (SELECT 1 FROM survey_answers a WHERE a.session_id = s.id) ORDER BY id LIMIT 1",
        [YEAR],
    ).fetchone()[0]
    open_survey(db, sid, ASKED_NOBODY, datetime(YEAR, 6, 1, tzinfo=UTC))
    yield db
    db.close()


def _kengetallen_csv(db, path):
    rows = db.execute("SELECT year, gemeente, kengetal, value FROM kengetallen").fetchall()
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, delimiter=";")
        out.writerow(["jaar", "gemeente", "kengetal", "waarde"])
        out.writerows(rows)
    return path


def _report(db, catalogue, gemeente=None) -> dict:
    built = build_report(db, catalogue, YEAR, gemeente, today=TODAY)
    report = built.to_contract_json()
    # "Met wie?" per activity and "Wat was bijzonder?" (in the JSON as 'bijzonder'), as the
    # report shows them.
    report["partners"] = {a.id: a.partners for a in built.activities.values()}
    report["verhalen"] = [
        (s.text, s.activity, s.date, s.consent, s.approved)
        for s in publishable_stories(db, YEAR, gemeente)
    ]
    # Quotes without consent never leave the database, so the count of them cannot come back.
    reflectie = report["reflectie"]
    reflectie["voldoende_gegevens"] = [
        s for s in reflectie["voldoende_gegevens"] if "alleen voor intern gebruik" not in s
    ]
    reflectie.pop("citaten_alleen_intern")
    return report


def _export(db, catalogue, tmp_path, year, form):
    """The export as a manager gets it: one workbook, or a CSV per table. Returns (sessions
    file, answers file): the same workbook twice for xlsx."""
    rows, answers = export_rows(db, catalogue, year), answer_rows(db, catalogue, year)
    if form == "xlsx":
        path = tmp_path / f"sessies-{year}.xlsx"
        path.write_bytes(to_xlsx(rows, answers=answers))
        return path, path
    path, more = tmp_path / f"sessies-{year}.csv", tmp_path / f"antwoorden-{year}.csv"
    path.write_bytes(to_csv(rows))
    more.write_bytes(to_csv(answers, ANSWER_COLUMNS))
    return path, more


ANSWERS = (
    "SELECT s.source_key, a.effect, a.dimension, a.moment, a.source, a.score, a.agrees, "
    "count(*) FROM survey_answers a JOIN sessions s ON s.id = a.session_id "
    "GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7"
)
ASKED = (
    "SELECT s.source_key, j.value ->> 'effect', j.value ->> 'dimension' FROM surveys v "
    "JOIN sessions s ON s.id = v.session_id, json_each(v.statements) j ORDER BY 1, 2, 3"
)


@pytest.mark.parametrize("form", ["csv", "xlsx"])
def test_a_full_year_exported_and_read_back_gives_the_same_report(demo, catalogue, tmp_path, form):
    fresh = open_db(tmp_path / "fresh.db")
    for year in (YEAR - 1, YEAR):
        sessions, answers = _export(demo, catalogue, tmp_path, year, form)
        report = import_sessions(fresh, catalogue, sessions, today=TODAY)
        assert (
            report.stored
            == demo.execute("SELECT count(*) FROM sessions WHERE year = ?", [year]).fetchone()[0]
        )
        given = demo.execute(
            "SELECT count(*) FROM survey_answers a JOIN sessions s ON s.id = a.session_id "
            "WHERE s.year = ?",
            [year],
        ).fetchone()[0]
        if not given:  # the demo asks participants from its demo year on
            continue
        assert "Antwoorden deelnemers" in report.skipped_sheets or form == "csv"
        read = import_answers(fresh, catalogue, answers)
        assert read.stored == given > 1000 and read.asked_only == (year == YEAR)
    import_kengetallen(fresh, catalogue, _kengetallen_csv(demo, tmp_path / "k.csv"))

    for gemeente in (None, "westerveld"):
        assert _report(fresh, catalogue, gemeente) == _report(demo, catalogue, gemeente)
    # The demo has partners and stories to carry: the comparison above is not empty.
    westerveld = _report(fresh, catalogue, "westerveld")
    assert "Garage TDI" in westerveld["partners"]["workshop"]
    assert any(consent == "anoniem" for *_, consent, _ in westerveld["verhalen"])
    assert any(not approved for *_, approved in westerveld["verhalen"])
    assert any(westerveld["bijzonder"].values())
    same = (
        "SELECT count(*) FROM observations UNION ALL SELECT count(*) FROM measurements "
        "UNION ALL SELECT count(*) FROM series UNION ALL SELECT count(*) FROM session_partners"
    )
    assert fresh.execute(same).fetchall() == demo.execute(same).fetchall()
    # every answer is back, with its score, agreement and way; and the statement nobody answered
    assert fresh.execute(ANSWERS).fetchall() == demo.execute(ANSWERS).fetchall()
    assert fresh.execute(ASKED).fetchall() == demo.execute(ASKED).fetchall()
    # and the tallies behind /stand and the report agree with what was read in (migration 11)
    assert differences(fresh) == []

    # Reading the export back into the database it came from adds nothing.
    sessions, answers = _export(demo, catalogue, tmp_path, YEAR, form)
    again = import_sessions(fresh, catalogue, sessions, today=TODAY)
    assert again.stored == 0 and again.quotes == 0
    # Only publishable stories left the database ('nee' stays inside), and came back once.
    stories = "SELECT count(*) FROM session_stories WHERE consent != 'nee'"
    assert fresh.execute(stories).fetchone() == demo.execute(stories).fetchone()
    assert (
        fresh.execute("SELECT count(*) FROM session_stories WHERE consent = 'nee'").fetchone()[0]
        == 0
    )
    twice = import_answers(fresh, catalogue, answers)
    assert twice.stored == 0 and twice.asked_only == 0 and twice.duplicates == twice.rows
    assert fresh.execute(ANSWERS).fetchall() == demo.execute(ANSWERS).fetchall()
    fresh.close()


def test_formulas_are_neutralised_in_the_export_and_restored_on_import(tmp_path, catalogue):
    db = open_db(tmp_path / "a.db")
    texts = ['=HYPERLINK("http://x")', "+31 6 1234", "-boek was leuk", "@bieb", "\tinspringen"]
    # What a spreadsheet sees: a leading "'" before a formula sign (a stored quote is trimmed,
    # so the tab is gone before the export).
    shown = ['\'=HYPERLINK("http://x")', "'+31 6 1234", "'-boek was leuk", "'@bieb", "inspringen"]
    for n, text in enumerate(texts, start=1):
        save_session(
            db,
            catalogue,
            SessionIn(
                date=date(2025, 3, n),
                activity="voorleesuurtje",
                vestiging="havelte",
                deelnemers=5,
                quotes=[QuoteIn(text=text, attribution="=moeder", consent="ja")],
            ),
            actor="test",
        )
    data = to_csv(export_rows(db, catalogue, 2025))
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert [r["citaat"] for r in rows] == shown
    assert {r["citaat van"] for r in rows} == {"'=moeder"}
    book = load_workbook(io.BytesIO(to_xlsx(export_rows(db, catalogue, 2025))))
    cells = [c for row in book.active.iter_rows(min_row=2) for c in row]
    assert all(c.data_type != "f" for c in cells)
    assert [
        r[COLUMNS.index("citaat")] for r in book.active.iter_rows(min_row=2, values_only=True)
    ] == shown

    for form, payload in (("csv", data), ("xlsx", to_xlsx(export_rows(db, catalogue, 2025)))):
        fresh = open_db(tmp_path / f"{form}.db")
        path = tmp_path / f"export.{form}"
        path.write_bytes(payload)
        import_sessions(fresh, catalogue, path, today=TODAY)
        stored = [r[0] for r in fresh.execute("SELECT text FROM quotes ORDER BY date")]
        assert stored == [t.strip() for t in texts]
        assert {r[0] for r in fresh.execute("SELECT attribution FROM quotes")} == {"=moeder"}
        fresh.close()
    db.close()
