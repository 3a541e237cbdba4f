"""The aggregate tables (migration 11) agree with the raw tables after every kind of write:
reports, corrections, deletions, imports, survey answers, tallies, erasure and migrations."""

from __future__ import annotations

import random
import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import sqlite_utils

from demo.runner import seed_database
from store.aggregates import differences, missing_triggers, rebuild
from store.db import open_db, transaction
from store.erasure import forget_person
from store.sessions import (
    SessionIn,
    delete_session,
    load_session,
    replace_session,
    save_session,
)
from store.survey import open_survey, record_answers
from store.tallies import save_tally
from toc.loader import default_catalogue
from toc.models import Catalogue

NOW = datetime(2025, 3, 4, 12, tzinfo=UTC)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("agg") / "demo.sqlite"
    seed_database(path, default_catalogue(), 2025, today=date(2026, 3, 1))
    return path


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> sqlite_utils.Database:
    copy = tmp_path / "demo.sqlite"
    shutil.copy(demo_file, copy)
    return open_db(copy)


def _triggers(db: sqlite_utils.Database) -> list[tuple[str, str]]:
    return db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
    ).fetchall()


def _session(**fields: object) -> SessionIn:
    return SessionIn.model_validate(
        {
            "date": date(2025, 3, 3),
            "activity": "voorleesuurtje",
            "vestiging": "havelte",
            "kinderen": 10,
            "volwassenen": 6,
            **fields,
        }
    )


def test_the_demo_year_written_through_every_path_agrees(demo: sqlite_utils.Database) -> None:
    # The demo stores sessions, courses, signals, answers, tallies and follow-ups through the
    # real write functions; every aggregate table holds rows and all of them agree.
    for table in ("agg_day", "agg_month", "agg_series_year", "agg_effect", "agg_signal"):
        assert demo.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0, table
    assert demo.execute("SELECT sum(antwoorden) FROM agg_month").fetchone()[0] > 0
    assert differences(demo) == []


def test_a_report_its_correction_and_its_deletion(
    db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    sid = save_session(
        db, catalogue, _session(effects=["leesplezier"], signals=["luisterden-tot-eind"]), "t"
    ).session_id
    assert db.execute("SELECT bijeenkomsten, deelnemers FROM agg_day").fetchall() == [(1, 16)]
    assert differences(db) == []
    survey = open_survey(db, sid, [{"effect": "leesplezier", "dimension": "kennis",
                                    "text": "x"}], NOW)  # fmt: skip
    assert record_answers(db, survey, "r1", [5], "telegram", NOW)
    assert record_answers(db, survey, "r2", [2], "web", NOW)
    save_tally(db, sid, "luistervaardigheid", "kennis", 3, 4, "t")
    assert db.execute("SELECT antwoorden, eens FROM agg_month").fetchall() == [(6, 4)]
    assert differences(db) == []

    # A correction that moves the session to another day, vestiging and activity, changes the
    # counts and replaces the ticks and signals: every aggregate follows.
    stored = load_session(db, sid)
    assert stored is not None
    stored.date = date(2025, 4, 9)
    stored.vestiging = "diever"
    stored.kinderen = 3
    stored.effects = ["taalontwikkeling"]
    stored.signals = ["rijmpjes-mee", "ouders-lazen-voor"]
    replace_session(db, catalogue, sid, stored, "t")
    assert differences(db) == []
    assert db.execute("SELECT date, vestiging, antwoorden FROM agg_day").fetchall() == [
        ("2025-04-09", "diever", 6)
    ]
    # A second session on the same day and place, then deleting the first one.
    save_session(db, catalogue, _session(date=date(2025, 4, 9), vestiging="diever"), "t")
    assert db.execute("SELECT bijeenkomsten FROM agg_day").fetchall() == [(2,)]
    assert delete_session(db, sid, "t")
    assert differences(db) == []
    assert db.execute("SELECT count(*) FROM agg_effect").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM agg_signal").fetchone()[0] == 0
    assert db.execute("SELECT bijeenkomsten, antwoorden FROM agg_day").fetchall() == [(1, 0)]


def test_a_tick_and_a_signal_of_the_same_effect_count_the_session_once(
    db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    save_session(
        db,
        catalogue,
        _session(
            effects=["luistervaardigheid"],
            signals=["luisterden-tot-eind"],  # a signal of luistervaardigheid
        ),
        "t",
    )
    rows = db.execute("SELECT effect, sessions FROM agg_effect").fetchall()
    assert ("luistervaardigheid", 1) in rows
    with transaction(db):
        db.execute("DELETE FROM observations")
    assert ("luistervaardigheid", 1) in db.execute("SELECT effect, sessions FROM agg_effect")
    with transaction(db):
        db.execute("DELETE FROM session_signals")
    assert db.execute("SELECT count(*) FROM agg_effect").fetchone()[0] == 0
    assert differences(db) == []


def test_an_aggregated_child_row_cannot_be_updated_in_place(
    db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    save_session(db, catalogue, _session(effects=["leesplezier"]), "t")
    with pytest.raises(sqlite_utils.db.sqlite3.IntegrityError, match="aggregated"):
        with transaction(db):
            db.execute("UPDATE observations SET effect = 'taalontwikkeling'")
    assert differences(db) == []


def test_random_corrections_deletions_and_an_erasure_on_the_demo(
    demo: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    rng = random.Random(11)
    ids = [r[0] for r in demo.execute("SELECT id FROM sessions ORDER BY id")]
    vestigingen = [v for v in catalogue.vestigingen if catalogue.vestigingen[v].gemeente]
    for sid in rng.sample(ids, 40):
        stored = load_session(demo, sid)
        assert stored is not None
        if rng.random() < 0.3:
            assert delete_session(demo, sid, "t")
            continue
        stored.date = date(2025, rng.randrange(1, 13), rng.randrange(1, 29))
        if stored.series_id is None and rng.random() < 0.5:
            stored.vestiging = rng.choice(vestigingen)
        if stored.kinderen is not None and stored.deelnemers is not None:
            new = rng.randrange(0, 30)
            stored.deelnemers += new - stored.kinderen
            stored.kinderen = new
        replace_session(demo, catalogue, sid, stored, "t")
    reporter = demo.execute(
        "SELECT reporter_id FROM sessions WHERE reporter_id IS NOT NULL LIMIT 1"
    ).fetchone()[0]
    forget_person(demo, reporter, "t")
    assert differences(demo) == []
    # A series deleted by hand sets its sessions' series_id to NULL (a foreign-key action).
    with transaction(demo):
        demo.execute("DELETE FROM series WHERE id = (SELECT min(series_id) FROM sessions)")
    assert differences(demo) == []


def test_an_import_adds_its_sessions_set_wise_and_agrees(
    demo: sqlite_utils.Database, catalogue: Catalogue, tmp_path: Path
) -> None:
    # The spreadsheet import writes with the triggers standing aside (store.bulk), then adds
    # its new sessions to the aggregates in one pass, inside the same transaction.
    from intake.importer import import_sessions
    from reports.export import export_rows, to_csv

    before = demo.execute("SELECT sum(bijeenkomsten) FROM agg_month").fetchone()[0]
    path = tmp_path / "sessies.csv"
    path.write_bytes(to_csv(export_rows(demo, catalogue, 2025, "westerveld")))
    fresh = open_db(tmp_path / "fresh.sqlite")
    import_sessions(fresh, catalogue, path)
    assert fresh.execute("SELECT count(*) FROM agg_effect").fetchone()[0] > 0
    assert differences(fresh) == []
    assert _triggers(fresh) == _triggers(demo)
    # And into a database that already holds them: nothing new, nothing counted twice.
    import_sessions(demo, catalogue, path)
    assert demo.execute("SELECT sum(bijeenkomsten) FROM agg_month").fetchone()[0] == before
    assert differences(demo) == []


def test_a_failed_bulk_load_leaves_the_triggers_on(
    db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    from store.aggregates import bulk_load

    with pytest.raises(RuntimeError, match="boom"):
        with transaction(db), bulk_load(db):
            raise RuntimeError("boom")
    assert missing_triggers(db) == []
    save_session(db, catalogue, _session(), "t")
    assert differences(db) == []


def test_an_error_caught_inside_a_bulk_load_leaves_no_trace_in_the_aggregates(
    db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    # A caller that catches an error from inside the block and commits the rest of its
    # transaction: the insert triggers must be back (every later write would go uncounted
    # otherwise), and the sessions that did go in before the error are counted.
    from store.aggregates import bulk_load

    insert = (
        "INSERT INTO sessions (date, year, activity, vestiging, gemeente, deelnemers, "
        "created_at) VALUES ('2025-06-01', 2025, 'taalcafe', 'havelte', 'westerveld', ?, 'x')"
    )
    with transaction(db):
        try:
            with bulk_load(db):
                db.execute(insert, [7])
                db.execute(insert, [-1])  # refused by CHECK (deelnemers >= 0)
        except sqlite_utils.db.sqlite3.IntegrityError:
            pass
    assert missing_triggers(db) == []
    assert differences(db) == []
    save_session(db, catalogue, _session(), "t")
    assert differences(db) == []


def test_differences_finds_a_wrong_aggregate_and_rebuild_repairs_it(
    demo: sqlite_utils.Database,
) -> None:
    with transaction(demo):
        demo.execute("DROP TRIGGER agg_sessions_insert")  # as if a write went around them
        demo.execute(
            "INSERT INTO sessions (date, year, activity, vestiging, gemeente, deelnemers, "
            "created_at) VALUES ('2025-06-01', 2025, 'taalcafe', 'havelte', 'westerveld', 7, "
            "'2025-06-01')"
        )
    found = differences(demo)
    assert found and all("2025" in line for line in found)
    assert any(line.startswith("agg_day ('2025-06-01', 'westerveld'") for line in found)
    assert missing_triggers(demo) == ["agg_sessions_insert"]
    rebuild(demo)
    assert differences(demo) == []
    assert missing_triggers(demo) == []  # and they keep the tallies again from now on


def test_an_older_database_gets_filled_aggregates_on_migration(
    demo_file: Path, tmp_path: Path
) -> None:
    # Take the demo back to before migration 11 (no aggregates), then open it again.
    copy = tmp_path / "old.sqlite"
    shutil.copy(demo_file, copy)
    db = open_db(copy)
    with transaction(db):
        for (name,) in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'agg_%'"
        ).fetchall():
            db.execute(f"DROP TRIGGER {name}")
        for table in ("agg_day", "agg_month", "agg_series_year", "agg_effect", "agg_signal"):
            db.execute(f"DROP TABLE {table}")
        db.execute("DROP INDEX quotes_year_consent")
        # and what migrations 12 and 13 add, so 11, 12 and 13 all run again
        db.execute("ALTER TABLE outbox DROP COLUMN message_id")
        db.execute("ALTER TABLE outbox DROP COLUMN reply_markup")
        db.execute("DROP TABLE survey_draws")
        db.execute("ALTER TABLE surveys DROP COLUMN followups_invited")
        # and what the migrations after 12 add (photos and longer stories), so they run again
        db.execute("DROP TABLE session_photos")
        db.execute("DROP TABLE long_stories")
    db.conn.execute("PRAGMA user_version = 10")
    db.conn.close()
    reopened = open_db(copy)
    assert reopened.execute("SELECT count(*) FROM agg_day").fetchone()[0] > 0
    assert differences(reopened) == []


def _raw_per_activity(
    db: sqlite_utils.Database, where: str, params: list[object], start: date, end: date
) -> dict[str, tuple[int, int]]:
    bounds = [start.isoformat(), end.isoformat()]
    out: dict[str, tuple[int, int]] = {}
    for activity, n, people in db.execute(
        "SELECT activity, count(*), sum(deelnemers) FROM sessions "
        f"WHERE date BETWEEN ? AND ?{where} GROUP BY activity UNION ALL "
        "SELECT activity, sum(bijeenkomsten), sum(deelnemers) FROM totals "
        f"WHERE period_start >= ? AND period_end <= ?{where} GROUP BY activity",
        [*bounds, *params, *bounds, *params],
    ):
        old = out.get(activity, (0, 0))
        out[activity] = (old[0] + n, old[1] + people)
    return out


def test_periods_read_from_aggregates_equal_the_raw_sessions(
    demo: sqlite_utils.Database,
) -> None:
    # /stand, the digest and the contract progress read whole months from agg_month and the
    # other days from agg_day: for any period and scope the figures equal plain SQL over the
    # raw sessions and totals.
    from reports.stand import Scope, answers_per_activity, per_activity, split_period

    rng = random.Random(5)
    periods = [
        (date(2025, 1, 1), date(2025, 12, 31)),
        (date(2025, 1, 1), date(2025, 10, 15)),
        (date(2024, 12, 29), date(2025, 1, 4)),  # a week across the new year
        (date(2025, 2, 1), date(2025, 2, 28)),
        (date(2025, 3, 31), date(2025, 5, 1)),
    ]
    for _ in range(20):
        first = date(2024, 1, 1).toordinal() + rng.randrange(800)
        periods.append((date.fromordinal(first), date.fromordinal(first + rng.randrange(0, 400))))
    scopes = [Scope(), Scope(gemeente="westerveld"), Scope(vestiging="havelte")]
    for start, end in periods:
        months, days = split_period(start, end)
        covered = sum((b - a).days + 1 for a, b in days)
        if months:
            covered += (months[1] - months[0]).days + 1
        assert covered == (end - start).days + 1
        for scope in scopes:
            where, params = scope.where()
            assert per_activity(demo, scope, start, end) == _raw_per_activity(
                demo, where, params, start, end
            ), (scope, start, end)
            raw_answers = {
                a: (n, agree)
                for a, n, agree in demo.execute(
                    "SELECT activity, count(*), sum(agrees) FROM survey_answers a "
                    "JOIN sessions ON sessions.id = a.session_id WHERE a.moment = 'direct' "
                    f"AND date BETWEEN ? AND ?{where} GROUP BY activity",
                    [start.isoformat(), end.isoformat(), *params],
                )
            }
            assert answers_per_activity(demo, scope, start, end) == raw_answers


def test_year_figures_from_aggregates_equal_the_raw_sessions(
    demo: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    from reports.figures import compute_figures

    for gemeente in (None, "westerveld", "midden-drenthe"):
        figures = compute_figures(demo, catalogue, 2025, gemeente)
        where = " AND gemeente = ?" if gemeente else ""
        params = [gemeente] if gemeente else []
        for activity, n, people, courses in demo.execute(
            "SELECT activity, count(*), sum(deelnemers), count(DISTINCT series_id) "
            f"FROM sessions WHERE year = 2025{where} GROUP BY activity",
            params,
        ):
            from_totals = figures.totals.get(activity)
            counts = figures.activity(activity)
            if from_totals is not None:
                counts = counts.minus(from_totals)
            assert (counts.bijeenkomsten, counts.deelnemers, counts.reeksen) == (
                n,
                people,
                courses,
            ), activity


def test_a_corrected_date_and_place_move_the_sessions_quotes(
    db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    quote = {"text": "Ze wil elke dag voorlezen.", "consent": "ja"}
    sid = save_session(db, catalogue, _session(quotes=[quote]), "t").session_id
    stored = load_session(db, sid)
    assert stored is not None
    stored.date = date(2026, 1, 8)
    stored.vestiging = "diever"
    replace_session(db, catalogue, sid, stored, "t")
    assert db.execute("SELECT year, date, vestiging FROM quotes").fetchall() == [
        (2026, "2026-01-08", "diever")
    ]


def test_vestiging_counts_contracts_and_ticks_from_aggregates_equal_the_raw_rows(
    demo: sqlite_utils.Database, agreed_catalogue: Catalogue
) -> None:
    catalogue = agreed_catalogue  # the shipped example afspraken, taken as agreed
    # The other figures the year report reads from the aggregates, each next to plain SQL
    # over the raw rows (the queries these readers ran before migration 11).
    from reports.evidence_data import EvidenceData, _collect_signals
    from reports.figures import compute_figures, contract_progress, scope_sql

    for gemeente in (None, "westerveld", "midden-drenthe"):
        where = " AND gemeente = ?" if gemeente else ""
        params: list[object] = [gemeente] if gemeente else []
        figures = compute_figures(demo, catalogue, 2025, gemeente)
        raw = {
            v: (n, people, kids, adults, questions, courses, enrolled)
            for v, n, people, kids, adults, questions, courses, enrolled in demo.execute(
                "SELECT s.vestiging, count(*), sum(deelnemers), coalesce(sum(kinderen), 0), "
                "coalesce(sum(volwassenen), 0), coalesce(sum(vragen), 0), "
                "count(DISTINCT series_id), (SELECT coalesce(sum(enrolled), 0) FROM series "
                "WHERE id IN (SELECT series_id FROM sessions t WHERE t.year = 2025 "
                "AND t.vestiging = s.vestiging)) "
                f"FROM sessions s WHERE year = 2025{where} GROUP BY s.vestiging",
                params,
            )
        }
        assert raw and {
            v: (c.bijeenkomsten, c.deelnemers, c.kinderen, c.volwassenen, c.vragen, c.reeksen,
                c.ingeschreven)
            for v, c in figures.vestigingen.items()
        } == raw, gemeente  # fmt: skip

        done: dict[tuple[str, str], int] = {
            (g, a): n
            for g, a, n in demo.execute(
                "SELECT gemeente, activity, count(*) FROM sessions "
                f"WHERE year = 2025{where} GROUP BY gemeente, activity",
                params,
            )
        }
        progress = contract_progress(demo, catalogue, 2025, gemeente)
        contracts = [
            c for c in catalogue.contracts if c.year == 2025 and gemeente in (None, c.gemeente)
        ]
        assert progress is not None and progress.per_activity
        for target in progress.per_activity:
            assert target.realised == sum(
                done.get((c.gemeente, target.activity), 0)
                for c in contracts
                if target.activity in c.per_activity
            ), (gemeente, target)
        assert progress.total is not None
        # in the pakketten's own unit: the sessions of their activities
        assert progress.total.realised == sum(
            n
            for c in contracts
            if c.activities_per_year is not None
            for (g, a), n in done.items()
            if g == c.gemeente and any(a in catalogue.pakketten[p].activities for p in c.pakket_ids)
        )

        data = EvidenceData()
        scope, scope_params = scope_sql(gemeente, "s.gemeente")
        _collect_signals(demo, data, scope, [2025, *scope_params])
        ticked = {
            (a, e): n
            for a, e, n in demo.execute(
                "SELECT s.activity, t.effect, count(*) FROM (SELECT session_id, effect FROM "
                "observations UNION SELECT session_id, effect FROM session_signals) t "
                f"JOIN sessions s ON s.id = t.session_id WHERE s.year = 2025{scope} "
                "GROUP BY s.activity, t.effect",
                scope_params,
            )
        }
        assert data.observed == ticked
        seen: dict[tuple[str, str], dict[str, int]] = {}
        for a, e, signal, n in demo.execute(
            "SELECT s.activity, g.effect, g.signal, count(*) FROM session_signals g "
            f"JOIN sessions s ON s.id = g.session_id WHERE s.year = 2025{scope} "
            "GROUP BY s.activity, g.effect, g.signal",
            scope_params,
        ):
            seen.setdefault((a, e), {})[signal] = n
        assert seen and data.signals_seen == seen


_WRITES = (
    # Plain SQL, as any future write path or a repair by hand might do it; several rows per
    # statement where it matters (a trigger then sees the rows written before it).
    "INSERT INTO sessions (date, year, activity, vestiging, gemeente, deelnemers, kinderen, "
    "vragen, series_id, created_at) VALUES (:day, :year, :activity, :vestiging, :gemeente, "
    ":n, :maybe, :maybe, (SELECT id FROM series ORDER BY random() LIMIT 1), 'x')",
    "INSERT INTO series (activity, vestiging, gemeente, name, created_at) "
    "VALUES ('taalcafe', 'havelte', 'westerveld', :name, 'x')",
    "UPDATE sessions SET date = :day, year = :year WHERE id = :session",
    "UPDATE sessions SET vestiging = :vestiging, gemeente = :gemeente, activity = :activity "
    "WHERE id = :session",
    "UPDATE sessions SET deelnemers = :n, kinderen = :maybe, series_id = NULL WHERE id = :session",
    "INSERT OR IGNORE INTO observations SELECT :session, :effect UNION ALL SELECT :session, 'e1'",
    "INSERT OR IGNORE INTO session_signals SELECT :session, 's1', 'e1' "
    "UNION ALL SELECT :session, 's2', 'e1' UNION ALL SELECT :session, 's3', :effect",
    "DELETE FROM observations WHERE session_id = :session",
    "DELETE FROM session_signals WHERE session_id = :session AND signal != 's3'",
    "INSERT INTO survey_answers (session_id, effect, dimension, moment, agrees, source, "
    "created_at) SELECT :session, 'e1', 'kennis', :moment, :agrees, 'telling', 'x' "
    "UNION ALL SELECT :session, 'e2', 'kennis', 'direct', 1, 'telling', 'x'",
    "DELETE FROM survey_answers WHERE id IN (SELECT id FROM survey_answers ORDER BY random() "
    "LIMIT 3)",
    "DELETE FROM series WHERE id IN (SELECT id FROM series ORDER BY random() LIMIT 1)",
    "DELETE FROM sessions WHERE id IN (SELECT id FROM sessions ORDER BY random() LIMIT 2)",
)


def test_any_sequence_of_plain_sql_writes_keeps_the_aggregates_exact(
    db: sqlite_utils.Database,
) -> None:
    rng = random.Random(13)
    places = [("havelte", "westerveld"), ("diever", "westerveld"), ("beilen", "midden-drenthe")]
    weights = [8, 1, 3, 2, 2, 3, 3, 1, 1, 4, 1, 1, 1]
    for step in range(400):
        sql = rng.choices(_WRITES, weights)[0]
        year = rng.choice([2024, 2025, 2026])
        vestiging, gemeente = rng.choice(places)
        with transaction(db):
            session = db.execute("SELECT id FROM sessions ORDER BY random() LIMIT 1").fetchone()
            if session is None and ":session" in sql:
                continue
            params = {
                "day": f"{year}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}",
                "year": year, "activity": rng.choice(["taalcafe", "voorleesuurtje"]),
                "vestiging": vestiging, "gemeente": gemeente, "n": rng.randrange(30),
                "maybe": rng.choice([None, 3]), "name": str(step),
                "session": session[0] if session else None, "effect": rng.choice(["e2", "e3"]),
                "moment": rng.choice(["direct", "vervolg"]), "agrees": rng.randrange(2),
            }  # fmt: skip
            db.execute(sql, {k: v for k, v in params.items() if f":{k}" in sql})
        assert differences(db) == [], (step, sql)
    assert db.execute("SELECT count(*) FROM sessions").fetchone()[0] > 20
    for table in ("agg_series_year", "agg_effect", "agg_signal"):
        assert db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0, table
    assert db.execute("SELECT sum(antwoorden) FROM agg_month").fetchone()[0] > 0
