"""`impactbot import totalen`: monthly or yearly totals count in every figure like sessions."""

from __future__ import annotations

import csv
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from demo.data import generate_demo_year
from impactbot.cli import main
from intake.tables import ImportFailed
from intake.totals import import_totals, parse_period
from reports.export import export_rows, to_xlsx, total_rows
from reports.model import build_report
from reports.stand import Line, Scope, compute_stand
from store.db import open_db
from store.sessions import SessionIn, save_session
from toc.loader import default_catalogue

YEAR = 2025
TODAY = date(2026, 3, 1)
MONTHS_NL = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
             "september", "oktober", "november", "december"]  # fmt: skip


@pytest.fixture(scope="module")
def catalogue():
    return default_catalogue()


@pytest.fixture(scope="module")
def demo(tmp_path_factory, catalogue):
    db = open_db(tmp_path_factory.mktemp("demo") / "demo.db")
    generate_demo_year(db, catalogue, YEAR)
    yield db
    db.close()


def write_csv(path: Path, rows: list[list[object]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f, delimiter=";").writerows(rows)
    return path


def monthly_totals(db, catalogue, gemeente: str) -> list[list[object]]:
    """The sessions of a gemeente summed per activity, vestiging and month, as a library would
    keep them: activity and place names, months written in two ways, courses counted once in
    the month of their first lesson of the year."""
    header = ["Activiteit", "Bieb", "Periode", "Aantal bijeenkomsten", "Aantal deelnemers",
              "Kinderen", "Volwassenen", "Vragen", "Cursussen", "Ingeschreven"]  # fmt: skip
    rows: list[list[object]] = [header]
    sql = """
        SELECT activity, vestiging, year, substr(date, 6, 2), count(*), sum(deelnemers),
               sum(kinderen), sum(volwassenen), sum(vragen)
        FROM sessions WHERE gemeente = ? GROUP BY activity, vestiging, year, substr(date, 6, 2)
    """
    courses = {
        (a, v, y, m): (n, enrolled)
        for a, v, y, m, n, enrolled in db.execute(
            """SELECT activity, vestiging, year, month, count(*), sum(enrolled) FROM (
                   SELECT r.activity, r.vestiging, s.year, r.enrolled,
                          substr(min(s.date), 6, 2) AS month
                   FROM series r JOIN sessions s ON s.series_id = r.id
                   WHERE s.gemeente = ? GROUP BY r.id, s.year)
               GROUP BY activity, vestiging, year, month""",
            [gemeente],
        )
    }
    for a, v, y, m, n, d, k, vw, vr in db.execute(sql, [gemeente]):
        month = int(m)
        period = f"{y}-{m}" if month % 2 else f"{MONTHS_NL[month - 1]} {y}"
        cursussen, ingeschreven = courses.get((a, v, y, m), (None, None))
        rows.append([catalogue.activities[a].name, catalogue.vestigingen[v].name, period, n, d,
                     k, vw, vr, cursussen, ingeschreven])  # fmt: skip
    return rows


def contract_json(db, catalogue, gemeente):
    report = build_report(db, catalogue, YEAR, gemeente, today=TODAY).to_contract_json()
    for activity in report["activiteiten"].values():
        activity.pop("citaten")  # quotes are not part of a total
    previous = report["vorig_jaar"]
    return {
        "opgaven": report["opgaven"],
        "programmalijnen": report["programmalijnen"],
        "activiteiten": report["activiteiten"],
        "totaal": report["totaal"],
        "vestigingen": report["vestigingen"],
        "vorig_jaar": {k: previous[k] for k in ("totaal", "opgaven", "activiteiten")},
        "afspraken": report["afspraken"],
    }


def _no_answers(line: Line) -> Line:
    return replace(line, antwoorden=0, eens=0, respondenten=0)


def test_monthly_totals_of_a_gemeente_give_the_same_figures_as_its_sessions(
    demo, catalogue, tmp_path
):
    gemeente = "westerveld"
    path = write_csv(tmp_path / "totalen.csv", monthly_totals(demo, catalogue, gemeente))
    fresh = open_db(tmp_path / "fresh.db")
    report = import_totals(fresh, catalogue, path, today=TODAY)
    sessions = demo.execute(
        "SELECT count(*) FROM sessions WHERE gemeente = ?", [gemeente]
    ).fetchone()[0]
    assert report.sessions_in_totals == sessions > 1000

    assert contract_json(fresh, catalogue, gemeente) == contract_json(demo, catalogue, gemeente)
    # /stand for the whole year and for a finished month counts them too.
    for period, today in (("jaar", date(YEAR, 12, 31)), ("maand", date(YEAR, 3, 31))):
        ours = compute_stand(fresh, catalogue, Scope(gemeente=gemeente), period, today)
        theirs = compute_stand(demo, catalogue, Scope(gemeente=gemeente), period, today)
        # Participants' own answers belong to sessions, not to a total: they cannot come along.
        assert ours.totaal == _no_answers(theirs.totaal)
        assert ours.opgaven == [_no_answers(line) for line in theirs.opgaven]
        assert ours.contract_done == theirs.contract_done
    # The evidence knows these bijeenkomsten have no details; the reflection says so.
    built = build_report(fresh, catalogue, YEAR, gemeente, today=TODAY)
    assert sum(built.from_totals.values()) == built.total.bijeenkomsten
    assert all(e.sessions == 0 for e in built.effects.values())
    assert any("alleen als totaal" in s for s in built.reflection.sufficiency)

    # The export carries the totals on a sheet of their own; read back, nothing is lost.
    copy = open_db(tmp_path / "copy.db")
    for year in (YEAR - 1, YEAR):
        exported = tmp_path / f"export-{year}.xlsx"
        rows = export_rows(fresh, catalogue, year)
        exported.write_bytes(to_xlsx(rows, totals=total_rows(fresh, catalogue, year)))
        read = import_totals(copy, catalogue, exported, today=TODAY)
        assert read.sheets == ["Totalen"] and read.skipped_sheets == ["Sessies"]
    assert contract_json(copy, catalogue, gemeente) == contract_json(fresh, catalogue, gemeente)
    copy.close()

    # Idempotent: the same file again changes nothing.
    again = import_totals(fresh, catalogue, path, today=TODAY)
    assert (again.stored, again.updated, again.duplicates) == (0, 0, report.stored)
    assert contract_json(fresh, catalogue, gemeente) == contract_json(demo, catalogue, gemeente)
    fresh.close()


def test_periods_are_read_in_the_ways_people_write_them():
    assert parse_period("2025-03").label == "2025-03"
    assert parse_period("03-2025").label == "2025-03"
    assert parse_period("maart 2025").label == "2025-03"
    assert parse_period("mrt-25").label == "2025-03"
    assert parse_period(date(2025, 3, 1)).label == "2025-03"
    assert parse_period("2025").end == date(2025, 12, 31)
    assert parse_period(None, "2025", "feb").end == date(2025, 2, 28)
    assert parse_period(None, 2025.0, None).label == "2025"
    assert parse_period("maart", "2025").label == "2025-03"


def test_bad_rows_are_all_listed_and_nothing_is_stored(tmp_path, catalogue):
    db = open_db(tmp_path / "t.db")
    rows = [
        ["activiteit", "vestiging", "periode", "bijeenkomsten", "deelnemers"],
        ["Voorleesuurtje", "Havelte", "2025", "40", "400"],  # 2: good
        ["Voorleesuurtje", "Havelte", "2025-03", "4", "40"],  # 3: inside the year of line 2
        ["Taalcafé", "Diever", "13-2025", "4", "40"],  # 4
        ["Taalcafé", "Diever", "2031-01", "4", "40"],  # 5: future
        ["Taalcafé", "Diever", "2025-02", "-4", "40"],  # 6: negative
        ["Taalcafé", "Diever", "2025-04", "0", "12"],  # 7: people but no sessions
        ["Taalcafé", "Diever", "2025-05", "0", "0"],  # 8: an empty month, skipped
        ["Taalcafé", "Diever", "2025-06", "3", "30"],  # 9: good
        ["Taalcafé", "Diever", "2025-06", "3", "31"],  # 10: the same month again
    ]
    with pytest.raises(ImportFailed) as failed:
        import_totals(db, catalogue, write_csv(tmp_path / "t.csv", rows), today=TODAY)
    assert failed.value.problems == [
        "regel 4: periode '13-2025' is geen maand of jaar; schrijf een maand als 2025-03 of "
        "maart 2025, of een heel jaar als 2025",
        "regel 5: periode 2031-01 ligt in de toekomst; is het jaartal goed?",
        "regel 6: 'bijeenkomsten' mag niet negatief zijn",
        "regel 7: er zijn deelnemers maar geen bijeenkomsten; vul 'bijeenkomsten' in",
        "regel 3: 2025-03 overlapt met 2025 op regel 2 (Voorleesuurtje, Bibliotheek Havelte); "
        "dan telt het dubbel",
        "regel 10: Taalcafé in Bibliotheek Diever over 2025-06 staat al op regel 9",
    ]
    assert db.execute("SELECT count(*) FROM totals").fetchone()[0] == 0
    db.close()


def test_cli_dry_run_then_import_then_a_correction(tmp_path, catalogue, capsys):
    database = tmp_path / "m.db"
    config = tmp_path / "c.toml"
    config.write_text(f'[storage]\ndatabase = "{database}"\n', encoding="utf-8")
    db = open_db(database)
    save_session(
        db,
        catalogue,
        SessionIn(date=date(2025, 3, 5), activity="voorleesuurtje", vestiging="havelte",
                  deelnemers=9),
        actor="test",
    )  # fmt: skip
    rows = [
        ["Activiteit", "Locatie", "Jaar", "Maand", "Aantal bijeenkomsten", "Aantal deelnemers"],
        ["Voorleesuurtje", "Havelte", "2025", "maart", "4", "44"],
        ["Voorleesuurtje", "Havelte", "2025", "april", "4", "40"],
        ["Voorleesuurtje", "Havelte", "2025", "augustus", "0", ""],
    ]
    path = write_csv(tmp_path / "totalen.csv", rows)
    args = ["--config", str(config), "import", "totalen", str(path)]
    assert main([*args, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Zou opslaan: 2 nieuwe totalen (2025: 2), samen 8 bijeenkomsten." in out
    assert "Overgeslagen (0 bijeenkomsten): 1." in out
    assert (
        "Voorleesuurtje in Bibliotheek Havelte over 2025-03 (ook 1 losse bijeenkomst gemeld)" in out
    )
    assert db.execute("SELECT count(*) FROM totals").fetchone()[0] == 0
    assert main(args) == 0
    assert "Opgeslagen: 2 nieuwe totalen" in capsys.readouterr().out
    figures = build_report(db, catalogue, 2025, "westerveld", today=TODAY).activities
    assert figures["voorleesuurtje"].counts.bijeenkomsten == 9

    rows[2][5] = "41"
    write_csv(path, rows)
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "Gewijzigde totalen: 1." in out and "Al eerder ingelezen (ongewijzigd): 1." in out
    figures = build_report(db, catalogue, 2025, "westerveld", today=TODAY).activities
    assert figures["voorleesuurtje"].counts.deelnemers == 9 + 44 + 41
    audit = db.execute("SELECT count(*) FROM audit WHERE entity = 'totals'").fetchone()[0]
    assert audit == 2
    db.close()


def test_the_wrong_kind_of_import_says_which_one_to_use(tmp_path, catalogue):
    from intake.importer import import_sessions

    db = open_db(tmp_path / "t.db")
    totals = write_csv(
        tmp_path / "totalen.csv",
        [["activiteit", "vestiging", "periode", "bijeenkomsten", "deelnemers"],
         ["Lezing", "Diever", "2025-03", "2", "40"]],
    )  # fmt: skip
    with pytest.raises(ImportFailed) as failed:
        import_sessions(db, catalogue, totals, today=TODAY)
    assert "lees het in met 'impactbot import totalen'" in failed.value.problems[-1]
    sessions = write_csv(
        tmp_path / "sessies.csv",
        [["datum", "activiteit", "vestiging", "deelnemers"],
         ["14-03-2025", "Lezing", "Diever", "30"]],
    )  # fmt: skip
    with pytest.raises(ImportFailed) as failed:
        import_totals(db, catalogue, sessions, today=TODAY)
    assert "Lees het in met 'impactbot import sessies'" in failed.value.problems[-1]
    db.close()


def test_a_month_in_totals_is_no_gap_in_the_rooster(tmp_path, catalogue):
    from reports.gaps import missing_sessions
    from toc.models import Schedule

    db = open_db(tmp_path / "t.db")
    monthly = Schedule(activity="voorleesuurtje", vestiging="havelte", rule="maandelijks:1:ma")
    rooster = catalogue.model_copy(update={"schedules": [monthly]})
    path = write_csv(
        tmp_path / "t.csv",
        [["activiteit", "vestiging", "periode", "bijeenkomsten", "deelnemers"],
         ["Voorleesuurtje", "Havelte", "2025-03", "1", "14"]],
    )  # fmt: skip
    import_totals(db, catalogue, path, today=TODAY)
    missing = missing_sessions(
        db, rooster, Scope(gemeente="westerveld"), date(2025, 2, 1), date(2025, 4, 30)
    )
    assert [m.date for m in missing] == [date(2025, 2, 3), date(2025, 4, 7)]
    db.close()


def test_parts_larger_than_the_total_read_alike_in_totals_sessions_and_the_store(
    tmp_path, catalogue
):
    """deelnemers >= kinderen + volwassenen: one rule, one sentence, wherever counts come in."""
    from store.sessions import SessionInvalid

    said = "'deelnemers' (5) is kleiner dan kinderen plus volwassenen"
    db = open_db(tmp_path / "t.db")
    header = ["activiteit", "vestiging", "periode", "bijeenkomsten", "deelnemers", "kinderen"]
    rows = [header, ["Voorleesuurtje", "Havelte", "2025-03", "1", "5", "7"]]
    with pytest.raises(ImportFailed) as failed:
        import_totals(db, catalogue, write_csv(tmp_path / "t.csv", rows), today=TODAY)
    assert failed.value.problems == [f"regel 2: {said}"]
    session = SessionIn(
        date=date(2025, 3, 3),
        activity="voorleesuurtje",
        vestiging="havelte",
        deelnemers=5,
        kinderen=3,
        volwassenen=4,
    )
    with pytest.raises(SessionInvalid, match=re.escape(said)):
        save_session(db, catalogue, session, actor="test")
    assert db.execute("SELECT count(*) FROM sessions").fetchone()[0] == 0
    db.close()
