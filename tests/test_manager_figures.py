"""Pure figures behind the manager commands: rooster, /stand, /gaten, digest, export."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from openpyxl import load_workbook

from bot.manager.format import digest_text
from reports.digest import compute_digest, last_week
from reports.export import COLUMNS, export_rows, to_csv, to_xlsx
from reports.gaps import find_gaps
from reports.stand import Scope, compute_stand, period_bounds, year_earlier
from store import audit
from store.cancellations import cancel, cancelled_dates, is_cancelled
from store.db import open_db
from store.erasure import forget_person
from store.people import create_invite, redeem_invite
from store.session_notes import add_story
from store.sessions import QuoteIn, SessionIn, save_session
from toc.models import (
    Activity,
    Catalogue,
    Contract,
    Effect,
    Gemeente,
    Opgave,
    Programmalijn,
    Schedule,
    Vestiging,
)
from toc.schedule import ScheduleRuleError, occurrences


@pytest.fixture
def catalogue() -> Catalogue:
    return Catalogue(
        opgaven={
            "geletterde-samenleving": Opgave(id="geletterde-samenleving", name="Lezen", goal="."),
            "participatie": Opgave(id="participatie", name="Participatie", goal="."),
        },
        programmalijnen={
            "leesbevordering": Programmalijn(
                id="leesbevordering", name="Drenthe leest", opgave="geletterde-samenleving"
            ),
            "meedoen": Programmalijn(id="meedoen", name="Meedoen", opgave="participatie"),
        },
        activities={
            "voorleesuurtje": Activity(
                id="voorleesuurtje",
                name="Voorleesuurtje",
                programmalijn="leesbevordering",
                indicators=["kinderen", "volwassenen"],
                effects=["leesplezier"],
            ),
            "ido-spreekuur": Activity(
                id="ido-spreekuur",
                name="IDO-spreekuur",
                programmalijn="meedoen",
                kind="spreekuur",
                effects=["zelfredzaam"],
            ),
        },
        effects={
            "leesplezier": Effect(id="leesplezier", name="Meer leesplezier"),
            "zelfredzaam": Effect(id="zelfredzaam", name="Zelfredzamer"),
        },
        kengetallen={},
        gemeenten={
            "westerveld": Gemeente(id="westerveld", name="Westerveld"),
            "de-wolden": Gemeente(id="de-wolden", name="De Wolden"),
        },
        vestigingen={
            "havelte": Vestiging(id="havelte", name="Havelte", gemeente="westerveld"),
            "diever": Vestiging(id="diever", name="Diever", gemeente="westerveld"),
            "zuidwolde": Vestiging(id="zuidwolde", name="Zuidwolde", gemeente="de-wolden"),
        },
        contracts=[Contract(gemeente="westerveld", year=2025, activities_per_year=24)],
        schedules=[
            Schedule(activity="voorleesuurtje", vestiging="havelte", rule="maandelijks:1:ma")
        ],
    )


@pytest.fixture
def db(tmp_path, catalogue):
    db = open_db(tmp_path / "m.db")

    def add(day: date, activity: str, vestiging: str, n: int, **extra) -> None:
        save_session(
            db,
            catalogue,
            SessionIn(date=day, activity=activity, vestiging=vestiging, deelnemers=n, **extra),
            actor="test",
        )

    # First Mondays of 2025: 6 Jan, 3 Feb, 3 Mar. February is not reported.
    add(date(2025, 1, 6), "voorleesuurtje", "havelte", 14, effects=["leesplezier"])
    add(
        date(2025, 3, 3),
        "voorleesuurtje",
        "havelte",
        20,
        quotes=[QuoteIn(text="Isa leest nu elke avond.", attribution="moeder", consent="ja")],
    )
    add(date(2025, 3, 4), "ido-spreekuur", "diever", 5, vragen=8)
    add(date(2025, 3, 5), "ido-spreekuur", "zuidwolde", 7)
    add(date(2024, 3, 4), "voorleesuurtje", "havelte", 10)
    add(date(2024, 7, 1), "voorleesuurtje", "havelte", 99)  # after the period: not compared
    return db


def test_rooster_rules():
    assert occurrences("maandelijks:1:ma", date(2025, 1, 1), date(2025, 3, 31)) == [
        date(2025, 1, 6),
        date(2025, 2, 3),
        date(2025, 3, 3),
    ]
    assert occurrences("maandelijks:-1:vr", date(2025, 1, 1), date(2025, 1, 31)) == [
        date(2025, 1, 31)
    ]
    assert occurrences("wekelijks:wo", date(2025, 3, 1), date(2025, 3, 15)) == [
        date(2025, 3, 5),
        date(2025, 3, 12),
    ]
    biweekly = occurrences("tweewekelijks:di", date(2025, 1, 1), date(2025, 2, 28))
    assert biweekly[0] == date(2025, 1, 7)
    assert all((b - a).days == 14 for a, b in zip(biweekly, biweekly[1:], strict=False))
    with pytest.raises(ScheduleRuleError, match="wekelijks:wo"):
        occurrences("elke maandag", date(2025, 1, 1), date(2025, 2, 1))


def test_period_bounds():
    today = date(2025, 3, 6)  # a Thursday
    assert period_bounds("jaar", today) == (date(2025, 1, 1), today)
    assert period_bounds("maand", today) == (date(2025, 3, 1), today)
    assert period_bounds("week", today) == (date(2025, 3, 3), today)
    assert year_earlier(date(2024, 2, 29)) == date(2023, 2, 28)


def test_stand_for_a_gemeente_against_last_year_and_contract(db, catalogue):
    stand = compute_stand(db, catalogue, Scope(gemeente="westerveld"), "jaar", date(2025, 3, 6))
    assert (stand.totaal.bijeenkomsten, stand.totaal.deelnemers) == (3, 39)
    assert (stand.totaal.vorig_bijeenkomsten, stand.totaal.vorig_deelnemers) == (1, 10)
    lezen = next(o for o in stand.opgaven if o.id == "geletterde-samenleving")
    assert (lezen.bijeenkomsten, lezen.deelnemers, lezen.vorig_deelnemers) == (2, 34, 10)
    meedoen = stand.programmalijnen["participatie"][0]
    assert (meedoen.id, meedoen.bijeenkomsten) == ("meedoen", 1)
    assert stand.contract_target == 24 and stand.contract_done == 3
    assert stand.contract_expected == pytest.approx(24 * 65 / 365)


def test_stand_for_the_organisation_and_a_vestiging(db, catalogue):
    org = compute_stand(db, catalogue, Scope(), "maand", date(2025, 3, 6))
    assert org.totaal.bijeenkomsten == 3  # March: havelte, diever, zuidwolde
    diever = compute_stand(db, catalogue, Scope(vestiging="diever"), "week", date(2025, 3, 6))
    assert (diever.totaal.bijeenkomsten, diever.totaal.deelnemers) == (1, 5)
    assert diever.contract_target is None


def test_gaps(db, catalogue):
    create = create_invite(db, "leider", gemeente="westerveld", vestiging="havelte")
    redeem_invite(db, create.code, telegram_id=7, display_name="Anne")
    gaps = find_gaps(db, catalogue, Scope(gemeente="westerveld"), date(2025, 3, 6))
    assert [(m.activity, m.date) for m in gaps.missing_sessions] == [
        ("voorleesuurtje", date(2025, 2, 3))
    ]
    assert [leader.name for leader in gaps.silent_leaders] == ["Anne"]
    # Leesplezier was observed; zelfredzaam (IDO in Diever) has no evidence this year.
    assert gaps.effects_without_evidence == ["zelfredzaam"]
    other = find_gaps(db, catalogue, Scope(gemeente="de-wolden"), date(2025, 3, 6))
    assert other.missing_sessions == [] and other.silent_leaders == []


def test_a_cancelled_rooster_date_is_no_gap_but_a_later_report_still_counts(db, catalogue):
    person = redeem_invite(db, create_invite(db, "leider", "westerveld", "havelte").code, 7, "Anne")
    feb = date(2025, 2, 3)  # on the rooster, not reported
    assert cancelled_dates(db, "havelte", "voorleesuurtje", date(2025, 1, 1), feb) == set()
    assert cancel(db, "havelte", "voorleesuurtje", feb, person.id) is True
    assert cancel(db, "havelte", "voorleesuurtje", feb, None) is False  # a second time: no-op
    assert db.execute("SELECT person_id FROM cancellations").fetchall() == [(person.id,)]
    assert [
        row["action"] for row in audit.trail(db, "session", "havelte:voorleesuurtje:2025-02-03")
    ] == ["cancel"]
    assert is_cancelled(db, "havelte", "voorleesuurtje", feb)
    assert not is_cancelled(db, "havelte", "voorleesuurtje", date(2025, 3, 3))
    assert not is_cancelled(db, "diever", "voorleesuurtje", feb)
    assert cancelled_dates(db, "havelte", "voorleesuurtje", date(2025, 1, 1), feb) == {feb}
    assert (
        cancelled_dates(db, "havelte", "voorleesuurtje", date(2025, 2, 4), date(2025, 3, 6))
        == set()
    )
    gaps = find_gaps(db, catalogue, Scope(gemeente="westerveld"), date(2025, 3, 6))
    assert gaps.missing_sessions == []
    assert compute_digest(db, catalogue, Scope(), date(2025, 2, 10)).missing_reports == 0
    # It took place after all and is reported: it counts like any other session.
    before = compute_stand(db, catalogue, Scope(gemeente="westerveld"), "jaar", date(2025, 3, 6))
    save_session(
        db,
        catalogue,
        SessionIn(date=feb, activity="voorleesuurtje", vestiging="havelte", deelnemers=11),
        actor="test",
    )
    after = compute_stand(db, catalogue, Scope(gemeente="westerveld"), "jaar", date(2025, 3, 6))
    assert after.totaal.bijeenkomsten == before.totaal.bijeenkomsten + 1
    assert after.totaal.deelnemers == before.totaal.deelnemers + 11
    assert find_gaps(db, catalogue, Scope(), date(2025, 3, 6)).missing_sessions == []
    # Erasing the person keeps the cancellation, without the link to them.
    forget_person(db, person.id, "test")
    assert db.execute("SELECT person_id FROM cancellations").fetchall() == [(None,)]


def test_digest_last_week(db, catalogue):
    with db.conn:
        db.execute("UPDATE quotes SET review = 'approved', reviewed_at = '2025-03-09'")
    assert last_week(date(2025, 3, 10)) == (date(2025, 3, 3), date(2025, 3, 9))
    digest = compute_digest(db, catalogue, Scope(gemeente="westerveld"), date(2025, 3, 10))
    assert (digest.bijeenkomsten, digest.deelnemers) == (2, 25)
    assert digest.top_activity == "Voorleesuurtje"
    assert digest.quote is not None and digest.quote.attribution == "moeder"
    assert digest.awaiting_stories == 0
    assert "Verhalen" not in digest_text(digest, "Johan", "gemeente Westerveld")


def test_digest_counts_stories_waiting_for_review(db, catalogue):
    sid = db.execute("SELECT id FROM sessions WHERE gemeente = 'westerveld' LIMIT 1").fetchone()[0]
    add_story(db, sid, "Elf kinderen maakten samen een toneelstuk.", "ja")
    add_story(db, sid, "Dit blijft binnen.", "nee")
    digest = compute_digest(db, catalogue, Scope(gemeente="westerveld"), date(2025, 3, 10))
    assert digest.awaiting_stories == 1
    assert "Verhalen (Wat was bijzonder?) die op je oordeel wachten: 1" in digest_text(
        digest, "Johan", "gemeente Westerveld"
    )
    other = compute_digest(db, catalogue, Scope(gemeente="meppel"), date(2025, 3, 10))
    assert other.awaiting_stories == 0


def test_export_csv_opens_in_dutch_excel_and_hides_unpublishable_quotes(db, catalogue):
    save_session(
        db,
        catalogue,
        SessionIn(
            date=date(2025, 4, 7),
            activity="voorleesuurtje",
            vestiging="diever",
            kinderen=5,
            volwassenen=4,
            quotes=[
                QuoteIn(text="Geheim citaat", attribution="Piet", consent="nee"),
                QuoteIn(text="Anoniem citaat", attribution="Karel Jansen", consent="anoniem"),
            ],
        ),
        actor="test",
    )
    data = to_csv(export_rows(db, catalogue, 2025, "westerveld"))
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0] == COLUMNS
    assert [r[0] for r in rows[1:]] == ["06-01-2025", "03-03-2025", "04-03-2025", "07-04-2025"]
    assert "Geheim citaat" not in text and "Piet" not in text
    assert "Karel" not in text
    last = dict(zip(COLUMNS, rows[-1], strict=True))
    assert (last["citaat"], last["citaat van"], last["toestemming"]) == (
        "Anoniem citaat",
        "",
        "anoniem",
    )
    assert last["deelnemers"] == "9"

    book = load_workbook(io.BytesIO(to_xlsx(export_rows(db, catalogue, 2025, "westerveld"))))
    sheet = book.active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0] == COLUMNS
    assert values[1][0].date() == date(2025, 1, 6)
    assert not any("Geheim" in str(v) for row in values for v in row)


def test_contract_counts_only_the_programmalijnen_it_names(db, catalogue):
    from reports.figures import contract_progress

    contract = Contract(
        gemeente="westerveld", year=2025, activities_per_year=10, programmalijnen=["meedoen"]
    )
    narrowed = catalogue.model_copy(update={"contracts": [contract]})
    stand = compute_stand(db, narrowed, Scope(gemeente="westerveld"), "jaar", date(2025, 3, 6))
    # Only the IDO-spreekuur in Diever is meedoen; the two Voorleesuurtjes do not count.
    assert (stand.contract_target, stand.contract_done) == (10, 1)
    whole = compute_stand(db, narrowed, Scope(), "jaar", date(2025, 3, 6))
    assert whole.contract_done == 1  # Zuidwolde's spreekuur is not Westerveld's contract
    progress = contract_progress(db, narrowed, 2025, "westerveld")
    assert progress is not None and progress.total is not None
    assert (progress.total.target, progress.total.realised) == (10, 1)


def test_a_rooster_with_a_summer_break_is_not_missed_in_august(db, catalogue):
    summer_break = Schedule(
        activity="voorleesuurtje",
        vestiging="havelte",
        rule="maandelijks:1:ma",
        months=[1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12],
    )
    assert summer_break.dates(date(2025, 7, 1), date(2025, 9, 30)) == [
        date(2025, 7, 7),
        date(2025, 9, 1),
    ]
    with_break = catalogue.model_copy(update={"schedules": [summer_break]})
    gaps = find_gaps(db, with_break, Scope(gemeente="westerveld"), date(2025, 9, 2))
    missing = [m.date for m in gaps.missing_sessions]
    assert date(2025, 8, 4) not in missing and date(2025, 7, 7) in missing


def test_an_export_read_back_in_adds_nothing(db, catalogue, tmp_path):
    from intake.importer import import_sessions

    before = db.execute("SELECT count(*) FROM sessions").fetchone()[0]
    path = tmp_path / "export.csv"
    path.write_bytes(to_csv(export_rows(db, catalogue, 2025)))
    report = import_sessions(db, catalogue, path)
    assert (report.stored, report.duplicates) == (0, 4)
    assert db.execute("SELECT count(*) FROM sessions").fetchone()[0] == before


def test_repeated_rows_are_counted_and_reported(db, catalogue, tmp_path, capsys):
    from impactbot.cli import main

    path = tmp_path / "dubbel.csv"
    row = "07-04-2025;Voorleesuurtje;Havelte;12\n"
    path.write_text("datum;activiteit;vestiging;deelnemers\n" + row + row, encoding="utf-8")
    config = tmp_path / "c.toml"
    config.write_text(f'[storage]\ndatabase = "{tmp_path / "m.db"}"\n', encoding="utf-8")
    assert main(["--config", str(config), "import", "sessies", str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Let op: 1 regel(s) staan er precies zo al eerder in" in out


def test_the_digest_greets_by_the_hour_it_is_sent():
    from bot.manager.format import greeting

    assert [greeting(h) for h in (0, 5, 6, 11, 12, 17, 18, 23)] == [
        "Hallo", "Hallo", "Goedemorgen", "Goedemorgen", "Goedemiddag", "Goedemiddag",
        "Goedenavond", "Goedenavond",
    ]  # fmt: skip
