"""The demo year: deterministic, complete enough to show every part of the product, and
stored through the real write path so running it twice adds nothing."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import sqlite_utils

from demo.data import generate_demo_year, generate_year_to_date
from demo.people import ADMIN, ANNE, MANAGER, create_demo_people
from store.db import open_db
from store.people import person_by_telegram
from toc.loader import default_catalogue
from toc.models import Catalogue

YEAR = 2025
TABLES = (
    "sessions", "series", "observations", "measurements", "quotes", "quote_effects",
    "kengetallen", "audit", "people", "invites", "session_signals", "survey_answers",
)  # fmt: skip


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return default_catalogue()


def _db(path: Path) -> sqlite_utils.Database:
    return open_db(path)


def _rows(db: sqlite_utils.Database, sql: str) -> list[tuple]:
    return [tuple(r) for r in db.execute(sql).fetchall()]


def _counts(db: sqlite_utils.Database) -> dict[str, int]:
    return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def _content(db: sqlite_utils.Database) -> tuple[list[tuple], ...]:
    return (
        _rows(
            db,
            "SELECT source_key, date, year, activity, vestiging, gemeente, deelnemers, kinderen, "
            "volwassenen, vragen, lesson, source FROM sessions ORDER BY source_key",
        ),
        _rows(
            db,
            "SELECT s.source_key, q.text, q.attribution, q.consent, q.review FROM quotes q "
            "JOIN sessions s ON s.id = q.session_id ORDER BY s.source_key, q.text",
        ),
        _rows(
            db,
            "SELECT r.name, r.vestiging, r.enrolled, m.effect, m.moment, m.able, m.measured "
            "FROM measurements m JOIN series r ON r.id = m.series_id ORDER BY 1, 2, 4, 5",
        ),
        _rows(db, "SELECT year, gemeente, kengetal, value FROM kengetallen ORDER BY 1, 2, 3"),
    )


def test_a_year_for_every_gemeente_with_every_kind(tmp_path: Path, catalogue: Catalogue) -> None:
    db = _db(tmp_path / "demo.db")
    started = time.perf_counter()
    summary = generate_demo_year(db, catalogue, YEAR)
    assert time.perf_counter() - started < 10  # a few seconds at most; ~0.5 s here
    assert summary.years == [YEAR - 1, YEAR]
    assert summary.created == summary.sessions and summary.existing == 0
    assert 1000 < summary.per_year[YEAR] < 10_000

    per_gemeente_year = _rows(db, "SELECT gemeente, year, count(*) FROM sessions GROUP BY 1, 2")
    assert {(g, y) for g, y, _ in per_gemeente_year} == {
        (g, y) for g in catalogue.gemeenten for y in (YEAR - 1, YEAR)
    }
    assert summary.per_gemeente == {g: n for g, y, n in per_gemeente_year if y == YEAR}
    kinds = {
        catalogue.activities[a].kind for (a,) in _rows(db, "SELECT DISTINCT activity FROM sessions")
    }
    assert kinds == {"bijeenkomst", "reeks", "spreekuur"}
    assert _rows(db, "SELECT DISTINCT source FROM sessions") == [("demo",)]

    # The jaarbericht's rhythm: a Voorleesuurtje every month (not August) in every library.
    havelte = _rows(
        db,
        "SELECT strftime('%m', date) FROM sessions WHERE activity = 'voorleesuurtje' "
        f"AND vestiging = 'havelte' AND year = {YEAR} ORDER BY date",
    )
    assert [int(m) for (m,) in havelte] == [1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12]
    # Spreekuren count visitors (stored as deelnemers) and their questions.
    assert _rows(
        db,
        "SELECT count(*) FROM sessions WHERE activity = 'ido-spreekuur' "
        "AND (vragen IS NULL OR vragen < deelnemers OR kinderen IS NOT NULL)",
    ) == [(0,)]
    # Courses: lessons numbered from 1, enrolment set, before and after counts.
    bad_series = _rows(
        db,
        "SELECT r.id FROM series r WHERE r.enrolled IS NULL OR r.closed = 0 OR NOT EXISTS "
        "(SELECT 1 FROM sessions s WHERE s.series_id = r.id AND s.lesson = 1)",
    )
    assert bad_series == []
    moments = _rows(
        db, "SELECT moment, count(*), sum(able), sum(measured) FROM measurements GROUP BY 1"
    )
    assert [m for m, *_ in moments] == ["na", "voor"]
    (_, _, able_after, measured_after), (_, _, able_before, measured_before) = moments
    assert able_after / measured_after > able_before / measured_before  # the courses work
    assert _rows(db, "SELECT count(*) > 100 FROM observations") == [(1,)]

    # Quotes of every consent, mostly approved, some new; every quote fits its activity.
    consents = dict(
        _rows(db, f"SELECT consent, count(*) FROM quotes WHERE year = {YEAR} GROUP BY 1")
    )
    assert set(consents) == {"ja", "anoniem", "nee"} and consents["ja"] > consents["nee"]
    assert 55 <= sum(consents.values()) <= 70
    reviews = dict(_rows(db, "SELECT review, count(*) FROM quotes GROUP BY 1"))
    assert set(reviews) == {"approved", "new"} and reviews["approved"] > reviews["new"]
    assert (
        _rows(
            db,
            "SELECT count(*) FROM quote_effects e JOIN quotes q ON q.id = e.quote_id",
        )[0][0]
        > 50
    )
    isa = _rows(
        db, "SELECT activity, vestiging, attribution FROM quotes WHERE text LIKE 'Isa wil%'"
    )
    assert isa == [("voorleesuurtje", "havelte", "moeder van Isa")]

    # Kengetallen for every gemeente and year; Westerveld 2024 as in the jaarbericht.
    assert summary.kengetallen == 2 * len(catalogue.gemeenten) * len(catalogue.kengetallen)
    assert _rows(
        db,
        "SELECT kengetal, value FROM kengetallen WHERE gemeente = 'westerveld' AND year = 2024 "
        "AND kengetal IN ('leden', 'dbos-leerlingen') ORDER BY 1",
    ) == [("dbos-leerlingen", 1171.0), ("leden", 4110.0)]


def test_deterministic_by_seed(tmp_path: Path, catalogue: Catalogue) -> None:
    first, second, other = (_db(tmp_path / f"{n}.db") for n in ("a", "b", "c"))
    generate_demo_year(first, catalogue, YEAR, seed=7)
    generate_demo_year(second, catalogue, YEAR, seed=7)
    generate_demo_year(other, catalogue, YEAR, seed=8)
    assert _content(first) == _content(second)
    assert _content(first)[0] != _content(other)[0]


def test_running_again_adds_nothing(tmp_path: Path, catalogue: Catalogue) -> None:
    db = _db(tmp_path / "demo.db")
    create_demo_people(db, catalogue)
    first = generate_demo_year(db, catalogue, YEAR)
    before, content = _counts(db), _content(db)
    assert create_demo_people(db, catalogue)
    again = generate_demo_year(db, catalogue, YEAR)
    assert (again.created, again.existing) == (0, first.sessions)
    assert _counts(db) == before
    assert _content(db) == content


def test_kengetallen_entered_by_a_manager_are_kept(tmp_path: Path, catalogue: Catalogue) -> None:
    db = _db(tmp_path / "demo.db")
    db.execute(
        "INSERT INTO kengetallen (year, gemeente, kengetal, value, source, updated_at) "
        "VALUES (?, 'meppel', 'leden', 1234, 'cli', '2025-01-01')",
        [YEAR],
    )
    db.conn.commit()
    generate_demo_year(db, catalogue, YEAR)
    assert _rows(
        db,
        f"SELECT value, source FROM kengetallen WHERE year = {YEAR} AND gemeente = 'meppel' "
        "AND kengetal = 'leden'",
    ) == [(1234.0, "cli")]


def test_demo_people_register_through_invites(tmp_path: Path, catalogue: Catalogue) -> None:
    db = _db(tmp_path / "demo.db")
    people = create_demo_people(db, catalogue)
    assert [(p.display_name, p.role, p.gemeente, p.vestigingen) for p in people] == [
        ("Anne", "leider", "westerveld", ["havelte"]),
        ("Johan", "manager", "westerveld", []),
        ("Marieke", "admin", None, []),
    ]
    assert [p.telegram_id for p in people] == [
        ANNE.telegram_id,
        MANAGER.telegram_id,
        ADMIN.telegram_id,
    ]
    assert _rows(db, "SELECT count(*), count(used_at) FROM invites") == [(3, 3)]
    create_demo_people(db, catalogue)
    assert _rows(db, "SELECT count(*) FROM invites") == [(3,)]
    generate_demo_year(db, catalogue, YEAR)
    anne = person_by_telegram(db, ANNE.telegram_id)
    assert anne is not None
    reporters = _rows(db, "SELECT DISTINCT vestiging FROM sessions WHERE reporter_id IS NOT NULL")
    assert reporters == [("havelte",)]


def test_any_catalogue_works(tmp_path: Path, catalogue: Catalogue) -> None:
    """Activities, vestigingen and kengetallen a catalogue lacks are skipped."""
    keep = {"voorleesuurtje", "klik-en-tik", "ido-spreekuur", "lezing"}
    small = catalogue.model_copy(
        update={
            "activities": {k: v for k, v in catalogue.activities.items() if k in keep},
            "kengetallen": {k: v for k, v in catalogue.kengetallen.items() if k == "leden"},
            "vestigingen": {
                k: v for k, v in catalogue.vestigingen.items() if k not in ("havelte", "vledder")
            },
        }
    )
    db = _db(tmp_path / "demo.db")
    summary = generate_demo_year(db, small, YEAR)
    assert summary.sessions > 0 and summary.quotes > 0
    assert {a for (a,) in _rows(db, "SELECT DISTINCT activity FROM sessions")} == keep
    assert _rows(db, "SELECT count(*) FROM sessions WHERE vestiging IN ('havelte', 'vledder')") == [
        (0,)
    ]
    assert _rows(db, "SELECT DISTINCT kengetal FROM kengetallen") == [("leden",)]


def test_this_year_stops_at_today_and_adds_nothing_twice(tmp_path: Path, catalogue: Catalogue):
    from datetime import date

    db = _db(tmp_path / "ytd.db")
    today = date(2026, 5, 12)
    created = generate_year_to_date(db, catalogue, today)
    assert created > 0
    first, last = db.execute("SELECT min(date), max(date) FROM sessions").fetchone()
    assert first.startswith("2026-01") and last <= today.isoformat()
    assert generate_year_to_date(db, catalogue, today) == 0
    assert db.execute("SELECT count(*) FROM sessions").fetchone()[0] == created
    # Figures only: no quotes and no kengetallen for a year that is not over.
    assert db.execute("SELECT count(*) FROM quotes").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM kengetallen").fetchone()[0] == 0


def test_demo_holds_signals_answers_tallies_and_follow_ups(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    db = _db(tmp_path / "demo.db")
    summary = generate_demo_year(db, catalogue, YEAR)
    assert summary.answers > 500
    by_source = dict(
        db.execute(
            "SELECT a.source, count(*) FROM survey_answers a JOIN sessions s "
            "ON s.id = a.session_id WHERE s.year = ? GROUP BY a.source",
            [YEAR],
        ).fetchall()
    )
    assert set(by_source) == {"telegram", "web", "telling"}
    assert db.execute("SELECT count(*) FROM survey_answers WHERE moment = 'vervolg'").fetchone()[0]
    # The demo year ticks signals; the year before still has effect ticks (older reports).
    years = dict(
        db.execute(
            "SELECT s.year, count(*) FROM session_signals g JOIN sessions s ON s.id = g.session_id "
            "GROUP BY s.year"
        ).fetchall()
    )
    assert years.get(YEAR, 0) > 100 and YEAR - 1 not in years
    old = db.execute(
        "SELECT count(*) FROM observations o JOIN sessions s ON s.id = o.session_id "
        "WHERE s.year = ?",
        [YEAR - 1],
    ).fetchone()[0]
    assert old > 0
    # Nothing tied to a person: the answers table has no such column.
    columns = {r[1] for r in db.execute("PRAGMA table_info(survey_answers)").fetchall()}
    assert not columns & {"person_id", "telegram_id", "chat_id", "name"}
