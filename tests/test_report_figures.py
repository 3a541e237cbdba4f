"""Figures of the impactreflectie against sums computed by hand from a small, known data set.

`small_catalogue()` and `fill()` are shared with the other test_report_* modules.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import sqlite_utils

from ground.dutch import long_date, number, percent, signed
from reports.figures import Counts, compute_figures, contract_progress
from reports.model import UnknownGemeente, build_report
from store.db import open_db
from store.sessions import MeasurementIn, QuoteIn, SessionIn, save_session
from toc.models import (
    Activity,
    Catalogue,
    Contract,
    Effect,
    Gemeente,
    Kengetal,
    Opgave,
    Programmalijn,
    Vestiging,
)


def small_catalogue() -> Catalogue:
    return Catalogue(
        opgaven={
            "geletterde-samenleving": Opgave(
                id="geletterde-samenleving",
                name="Geletterde samenleving",
                goal="Wij vergroten het leesplezier van alle kinderen.",
            ),
            "participatie": Opgave(
                id="participatie", name="Participatie", goal="Iedereen doet mee."
            ),
        },
        programmalijnen={
            "leesbevordering": Programmalijn(
                id="leesbevordering", name="Drenthe leest", opgave="geletterde-samenleving"
            ),
            "meedoen": Programmalijn(
                id="meedoen", name="Heel Drenthe doet mee", opgave="participatie"
            ),
        },
        activities={
            "voorleesuurtje": Activity(
                id="voorleesuurtje",
                name="Voorleesuurtje",
                programmalijn="leesbevordering",
                wsob=[2, 3],
                effects=["leesplezier"],
            ),
            "klik-en-tik": Activity(
                id="klik-en-tik",
                name="Klik & Tik",
                programmalijn="meedoen",
                kind="reeks",
                wsob=[1, 2],
                effects=["digitaal", "zelfredzaam"],
            ),
            "ido-spreekuur": Activity(
                id="ido-spreekuur",
                name="IDO-spreekuur",
                programmalijn="meedoen",
                kind="spreekuur",
                wsob=[1],
                effects=["zelfredzaam"],
            ),
            "taalcafe": Activity(
                id="taalcafe", name="Taalcafé", programmalijn="meedoen", effects=["ontmoeting"]
            ),
        },
        effects={
            "leesplezier": Effect(id="leesplezier", name="Meer leesplezier"),
            "digitaal": Effect(
                id="digitaal", name="Verhoogde digitale vaardigheden", measurable=True
            ),
            "zelfredzaam": Effect(id="zelfredzaam", name="Zelfredzamer"),
            "ontmoeting": Effect(id="ontmoeting", name="Ontmoeting"),
        },
        kengetallen={
            "leden": Kengetal(id="leden", name="Leden"),
            "bezoekers": Kengetal(id="bezoekers", name="Bezoekers"),
        },
        gemeenten={
            "westerveld": Gemeente(id="westerveld", name="Westerveld"),
            "de-wolden": Gemeente(id="de-wolden", name="De Wolden"),
        },
        vestigingen={
            "havelte": Vestiging(id="havelte", name="Havelte", gemeente="westerveld"),
            "diever": Vestiging(id="diever", name="Diever", gemeente="westerveld"),
            "zuidwolde": Vestiging(id="zuidwolde", name="Zuidwolde", gemeente="de-wolden"),
        },
        contracts=[
            Contract(
                gemeente="westerveld",
                year=2025,
                activities_per_year=10,
                per_activity={"voorleesuurtje": 4, "taalcafe": 2},
            ),
            Contract(
                gemeente="de-wolden",
                year=2025,
                activities_per_year=5,
                per_activity={"voorleesuurtje": 3},
            ),
        ],
    )


def _save(db: sqlite_utils.Database, cat: Catalogue, **fields: object) -> None:
    save_session(db, cat, SessionIn.model_validate(fields), "test")


def fill(db: sqlite_utils.Database, cat: Catalogue) -> None:
    """The data set the expected figures below are computed from by hand."""
    # 2025, Westerveld
    for day in (6, 13, 20):
        _save(
            db,
            cat,
            date=date(2025, 3, day),
            activity="voorleesuurtje",
            vestiging="havelte",
            kinderen=10,
            volwassenen=5,
            effects=["leesplezier"] if day < 20 else [],
        )
    _save(
        db, cat, date=date(2025, 4, 2), activity="voorleesuurtje", vestiging="diever", deelnemers=8
    )
    for lesson, n in enumerate((8, 7, 8, 6), start=1):
        measurements = []
        if lesson == 1:
            measurements = [MeasurementIn(effect="digitaal", moment="voor", able=2, measured=8)]
        if lesson == 4:
            measurements = [MeasurementIn(effect="digitaal", moment="na", able=7, measured=8)]
        _save(
            db,
            cat,
            date=date(2025, 9, lesson),
            activity="klik-en-tik",
            vestiging="havelte",
            deelnemers=n,
            series_name="Klik & Tik najaar",
            enrolled=8,
            lesson=lesson,
            measurements=measurements,
        )
    for lesson, n in enumerate((6, 6, 5), start=1):
        _save(
            db,
            cat,
            date=date(2025, 10, lesson),
            activity="klik-en-tik",
            vestiging="diever",
            deelnemers=n,
            series_name="Klik & Tik Diever",
            enrolled=6,
            lesson=lesson,
        )
    _save(
        db,
        cat,
        date=date(2025, 5, 1),
        activity="ido-spreekuur",
        vestiging="havelte",
        deelnemers=2,
        vragen=3,
    )
    # 2025, De Wolden
    _save(
        db,
        cat,
        date=date(2025, 3, 7),
        activity="voorleesuurtje",
        vestiging="zuidwolde",
        deelnemers=12,
    )
    _save(
        db,
        cat,
        date=date(2025, 4, 7),
        activity="voorleesuurtje",
        vestiging="zuidwolde",
        deelnemers=6,
    )
    _save(
        db,
        cat,
        date=date(2025, 5, 2),
        activity="ido-spreekuur",
        vestiging="zuidwolde",
        deelnemers=3,
        vragen=5,
    )
    _save(
        db,
        cat,
        date=date(2025, 5, 9),
        activity="ido-spreekuur",
        vestiging="zuidwolde",
        deelnemers=2,
        vragen=4,
    )
    # 2024, Westerveld
    for day in (4, 11):
        _save(
            db,
            cat,
            date=date(2024, 3, day),
            activity="voorleesuurtje",
            vestiging="havelte",
            deelnemers=10,
        )
    _save(
        db,
        cat,
        date=date(2024, 5, 1),
        activity="ido-spreekuur",
        vestiging="havelte",
        deelnemers=1,
        vragen=2,
    )
    for year, gemeente, leden in (
        (2025, "westerveld", 4110),
        (2025, "de-wolden", 5000),
        (2024, "westerveld", 4000),
    ):
        db.execute(
            "INSERT INTO kengetallen (year, gemeente, kengetal, value, updated_at) "
            "VALUES (?, ?, 'leden', ?, '2025-01-01')",
            [year, gemeente, leden],
        )
    db.conn.commit()


def add_quote(
    db: sqlite_utils.Database,
    cat: Catalogue,
    text: str,
    *,
    attribution: str | None = None,
    consent: str = "ja",
    review: str = "new",
    activity: str = "voorleesuurtje",
    vestiging: str = "havelte",
    day: date = date(2025, 6, 1),
    effects: list[str] | None = None,
) -> None:
    """A session of 1 carrying one quote (adds 1 bijeenkomst and 1 deelnemer)."""
    _save(
        db,
        cat,
        date=day,
        activity=activity,
        vestiging=vestiging,
        deelnemers=1,
        vragen=0 if activity == "ido-spreekuur" else None,
        quotes=[
            QuoteIn(text=text, attribution=attribution, consent=consent, effects=effects or [])
        ],
    )
    if review != "new":
        db.execute("UPDATE quotes SET review = ? WHERE text = ?", [review, text])
        db.conn.commit()


@pytest.fixture
def cat() -> Catalogue:
    return small_catalogue()


@pytest.fixture
def filled(tmp_path: Path, cat: Catalogue) -> Iterator[sqlite_utils.Database]:
    db = open_db(tmp_path / "report.db")
    fill(db, cat)
    yield db
    db.conn.close()


def test_activity_figures_for_one_gemeente(filled: sqlite_utils.Database, cat: Catalogue) -> None:
    f = compute_figures(filled, cat, 2025, "westerveld")
    assert f.activity("voorleesuurtje") == Counts(
        bijeenkomsten=4, deelnemers=3 * 15 + 8, kinderen=30, volwassenen=15
    )
    # Each lesson is a bijeenkomst; a course counts once, its enrolment once.
    assert f.activity("klik-en-tik") == Counts(
        bijeenkomsten=7, deelnemers=8 + 7 + 8 + 6 + 6 + 6 + 5, reeksen=2, ingeschreven=8 + 6
    )
    assert f.activity("ido-spreekuur") == Counts(bijeenkomsten=1, deelnemers=2, vragen=3)
    assert f.activity("taalcafe").empty
    assert f.programmalijn("meedoen") == Counts(
        bijeenkomsten=8, deelnemers=48, reeksen=2, ingeschreven=14, vragen=3
    )
    assert f.opgave("geletterde-samenleving").bijeenkomsten == 4
    assert f.opgave("participatie").deelnemers == 48
    assert f.total.bijeenkomsten == 12 and f.total.deelnemers == 101
    assert f.vestigingen["havelte"].bijeenkomsten == 3 + 4 + 1
    assert f.vestigingen["diever"] == Counts(
        bijeenkomsten=4, deelnemers=8 + 17, reeksen=1, ingeschreven=6
    )
    assert "zuidwolde" not in f.vestigingen
    assert f.opgave_vestigingen["geletterde-samenleving"]["diever"].deelnemers == 8
    assert f.kengetallen == {"leden": 4110.0}


def test_organisation_sums_over_gemeenten(filled: sqlite_utils.Database, cat: Catalogue) -> None:
    f = compute_figures(filled, cat, 2025, None)
    assert f.activity("voorleesuurtje").bijeenkomsten == 6
    assert f.activity("voorleesuurtje").deelnemers == 53 + 18
    assert f.activity("ido-spreekuur") == Counts(bijeenkomsten=3, deelnemers=7, vragen=12)
    assert f.total.bijeenkomsten == 16
    assert f.kengetallen == {"leden": 9110.0}
    de_wolden = compute_figures(filled, cat, 2025, "de-wolden")
    assert de_wolden.total == Counts(bijeenkomsten=4, deelnemers=23, vragen=9)


def test_previous_year_and_difference(filled: sqlite_utils.Database, cat: Catalogue) -> None:
    report = build_report(filled, cat, 2025, "westerveld", today=date(2026, 1, 15))
    data = report.to_contract_json()
    assert data["vorig_jaar"]["activiteiten"]["voorleesuurtje"]["bijeenkomsten"] == 2
    assert data["vorig_jaar"]["opgaven"]["participatie"] == {"bijeenkomsten": 1, "deelnemers": 1}
    assert data["vorig_jaar"]["kengetallen"] == {"leden": 4000}
    lezen = next(c for c in report.chapters if c.id == "geletterde-samenleving")
    assert lezen.counts.minus(lezen.previous).bijeenkomsten == 4 - 2
    assert lezen.counts.minus(lezen.previous).deelnemers == 53 - 20


def test_contract_progress_per_gemeente_and_organisation(
    filled: sqlite_utils.Database, cat: Catalogue
) -> None:
    westerveld = contract_progress(filled, cat, 2025, "westerveld")
    assert westerveld is not None and westerveld.total is not None
    assert (westerveld.total.target, westerveld.total.realised) == (10, 12)
    targets = {t.activity: (t.target, t.realised) for t in westerveld.per_activity}
    assert targets == {"taalcafe": (2, 0), "voorleesuurtje": (4, 4)}
    # The organisation: each contract against its own gemeente's sessions, then summed.
    org = contract_progress(filled, cat, 2025, None)
    assert org is not None and org.total is not None
    assert (org.total.target, org.total.realised) == (15, 12 + 4)
    targets = {t.activity: (t.target, t.realised) for t in org.per_activity}
    assert targets["voorleesuurtje"] == (7, 4 + 2)
    assert contract_progress(filled, cat, 2024, "westerveld") is None


def test_contract_json_has_the_product_keys(filled: sqlite_utils.Database, cat: Catalogue) -> None:
    data = build_report(filled, cat, 2025, "westerveld").to_contract_json()
    for key in (
        "jaar",
        "gemeente",
        "opgaven",
        "programmalijnen",
        "activiteiten",
        "kengetallen",
        "effecten",
        "citaten",
    ):
        assert key in data
    assert data["jaar"] == 2025 and data["gemeente"] == "westerveld"
    assert data["opgaven"]["geletterde-samenleving"] == {"bijeenkomsten": 4, "deelnemers": 53}
    assert data["programmalijnen"]["meedoen"] == {"bijeenkomsten": 8, "deelnemers": 48}
    assert data["activiteiten"]["klik-en-tik"] == {
        "bijeenkomsten": 7,
        "deelnemers": 46,
        "reeksen": 2,
        "ingeschreven": 14,
        "vragen": 0,
        "citaten": 0,
    }
    assert data["activiteiten"]["taalcafe"]["bijeenkomsten"] == 0
    assert data["kengetallen"] == {"leden": 4110}
    assert set(data["effecten"]) == set(cat.effects)
    assert data["citaten"] == []
    assert build_report(filled, cat, 2025).to_contract_json()["gemeente"] is None


def test_unknown_gemeente_names_the_valid_ones(
    filled: sqlite_utils.Database, cat: Catalogue
) -> None:
    with pytest.raises(UnknownGemeente) as err:
        build_report(filled, cat, 2025, "assen")
    assert "'assen'" in str(err.value) and "de-wolden, westerveld" in str(err.value)


def test_figures_group_in_sql_over_the_year_indexes(
    filled: sqlite_utils.Database, cat: Catalogue
) -> None:
    plan = " ".join(
        str(row[-1])
        for row in filled.execute(
            "EXPLAIN QUERY PLAN SELECT activity, vestiging, count(*) FROM sessions "
            "WHERE year = ? AND gemeente = ? GROUP BY activity, vestiging",
            [2025, "westerveld"],
        ).fetchall()
    )
    assert "COVERING INDEX sessions_year_gemeente_cover" in plan


def test_dutch_notation() -> None:
    assert number(1171) == "1.171"
    assert number(221938) == "221.938"
    assert number(3.5) == "3,5"
    assert number(None) == "–"
    assert percent(0.035, 1) == "3,5%"
    assert percent(0.5) == "50%"
    assert signed(12) == "+12" and signed(-3) == "\u22123" and signed(0) == "0"
    assert long_date(date(2025, 3, 14)) == "14 maart 2025"
    assert long_date("2024-12-01") == "1 december 2024"
