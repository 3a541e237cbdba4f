"""An export read back into a fresh database gives the same report: nothing added, nothing lost.

A full demo year (and the year before, for the report's comparison) is exported as CSV and as
XLSX, imported into an empty database, and the report JSON is compared. The only part that
cannot come back is what never leaves the database: quotes without consent to publish (the
reflection counts them as "alleen voor intern gebruik").
"""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from openpyxl import load_workbook

from demo.data import generate_demo_year
from intake.importer import import_kengetallen, import_sessions
from reports.export import COLUMNS, export_rows, to_csv, to_xlsx
from reports.model import build_report
from store.db import open_db
from store.session_notes import publishable_stories
from store.sessions import QuoteIn, SessionIn, save_session
from toc.loader import default_catalogue

YEAR = 2025
TODAY = date(2026, 3, 1)


@pytest.fixture(scope="module")
def catalogue():
    return default_catalogue()


@pytest.fixture(scope="module")
def demo(tmp_path_factory, catalogue):
    db = open_db(tmp_path_factory.mktemp("demo") / "demo.db")
    generate_demo_year(db, catalogue, YEAR)
    yield db
    db.close()


@pytest.fixture(scope="module")
def demo_sessions(demo, tmp_path_factory):
    """The demo year without participants' own answers (surveys, tallies): those are no part
    of the session export, so they cannot come back from it."""
    db = open_db(tmp_path_factory.mktemp("demo-sessions") / "demo.db")
    demo.conn.backup(db.conn)
    db.execute("DELETE FROM survey_answers")
    db.conn.commit()
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


@pytest.mark.parametrize("form", ["csv", "xlsx"])
def test_a_full_year_exported_and_read_back_gives_the_same_report(
    demo, demo_sessions, catalogue, tmp_path, form
):
    fresh = open_db(tmp_path / "fresh.db")
    for year in (YEAR - 1, YEAR):
        path = tmp_path / f"export-{year}.{form}"
        rows = export_rows(demo, catalogue, year)
        path.write_bytes(to_csv(rows) if form == "csv" else to_xlsx(rows))
        report = import_sessions(fresh, catalogue, path, today=TODAY)
        assert (
            report.stored
            == demo.execute("SELECT count(*) FROM sessions WHERE year = ?", [year]).fetchone()[0]
        )
    import_kengetallen(fresh, catalogue, _kengetallen_csv(demo, tmp_path / "k.csv"))

    for gemeente in (None, "westerveld"):
        assert _report(fresh, catalogue, gemeente) == _report(demo_sessions, catalogue, gemeente)
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

    # Reading the export back into the database it came from adds nothing.
    again = import_sessions(fresh, catalogue, tmp_path / f"export-{YEAR}.{form}", today=TODAY)
    assert again.stored == 0 and again.quotes == 0
    # Only publishable stories left the database ('nee' stays inside), and came back once.
    stories = "SELECT count(*) FROM session_stories WHERE consent != 'nee'"
    assert fresh.execute(stories).fetchone() == demo.execute(stories).fetchone()
    assert (
        fresh.execute("SELECT count(*) FROM session_stories WHERE consent = 'nee'").fetchone()[0]
        == 0
    )
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
