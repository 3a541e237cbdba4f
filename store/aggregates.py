"""Check the aggregate tables (migration 11) against the raw tables they summarise.

The triggers in store/migration_aggregates.py keep them in step; `differences` recomputes each
one with a plain GROUP BY over the raw rows and lists every key where the two disagree; the
tests run it after every kind of write. `impactbot check` compares the cheap totals on a live
file, and `rebuild` (`impactbot check --herstel-tellingen`) refills the tables from the raw
rows, after a repair by hand, say.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import NamedTuple

import sqlite_utils

from store.db import transaction
from store.migration_aggregates import TRIGGER_NAMES, trigger_statements

_ANSWERS = (
    "LEFT JOIN (SELECT session_id, count(*) AS n, sum(agrees) AS agree FROM survey_answers "
    "WHERE moment = 'direct' AND session_id >= :since GROUP BY session_id) a "
    "ON a.session_id = s.id"
)
_SUMS = (
    "count(*), sum(s.deelnemers), coalesce(sum(s.kinderen), 0), "
    "coalesce(sum(s.volwassenen), 0), coalesce(sum(s.vragen), 0), coalesce(sum(a.n), 0), "
    "coalesce(sum(a.agree), 0)"
)
# NOT INDEXED: read the sessions from :since on by rowid; a covering index would be read whole.
_OUTPUT = ("bijeenkomsten", "deelnemers", "kinderen", "volwassenen", "vragen", "antwoorden", "eens")


class Aggregate(NamedTuple):
    key: tuple[str, ...]  # the table's primary key
    counters: tuple[str, ...]  # what adds up
    sql: str  # its rows from the raw tables, for sessions with id >= :since


AGGREGATES: dict[str, Aggregate] = {
    "agg_day": Aggregate(
        ("date", "gemeente", "vestiging", "activity"),
        _OUTPUT,
        f"SELECT s.date, s.gemeente, s.vestiging, s.activity, s.year, {_SUMS} "
        f"FROM sessions s NOT INDEXED {_ANSWERS} WHERE s.id >= :since GROUP BY 1, 2, 3, 4, 5",
    ),
    "agg_month": Aggregate(
        ("year", "gemeente", "month", "vestiging", "activity"),
        _OUTPUT,
        "SELECT s.year, s.gemeente, CAST(substr(s.date, 6, 2) AS INTEGER), s.vestiging, "
        f"s.activity, {_SUMS} FROM sessions s NOT INDEXED {_ANSWERS} WHERE s.id >= :since "
        "GROUP BY 1, 2, 3, 4, 5",
    ),
    "agg_series_year": Aggregate(
        ("year", "gemeente", "series_id"),
        ("lessons",),
        "SELECT year, gemeente, series_id, count(*) FROM sessions NOT INDEXED "
        "WHERE series_id IS NOT NULL AND id >= :since GROUP BY 1, 2, 3",
    ),
    "agg_effect": Aggregate(
        ("year", "gemeente", "vestiging", "activity", "effect"),
        ("sessions",),
        "SELECT s.year, s.gemeente, s.vestiging, s.activity, e.effect, count(*) FROM "
        "(SELECT session_id, effect FROM observations WHERE session_id >= :since UNION "
        "SELECT session_id, effect FROM session_signals WHERE session_id >= :since) e "
        "JOIN sessions s ON s.id = e.session_id GROUP BY 1, 2, 3, 4, 5",
    ),
    "agg_signal": Aggregate(
        ("year", "gemeente", "vestiging", "activity", "signal", "effect"),
        ("n",),
        "SELECT s.year, s.gemeente, s.vestiging, s.activity, g.signal, g.effect, count(*) "
        "FROM session_signals g JOIN sessions s ON s.id = g.session_id "
        "WHERE g.session_id >= :since GROUP BY 1, 2, 3, 4, 5, 6",
    ),
}


def differences(db: sqlite_utils.Database, limit: int = 20) -> list[str]:
    """Where an aggregate table and its raw rows disagree, one line per key (at most `limit`);
    empty when they agree everywhere."""
    out: list[str] = []
    for table, agg in AGGREGATES.items():
        width = -len(agg.counters)  # what is left of the counters names the row
        expected = {tuple(r[:width]): tuple(r[width:]) for r in db.execute(agg.sql, {"since": 0})}
        stored = {tuple(r[:width]): tuple(r[width:]) for r in db.execute(f"SELECT * FROM {table}")}
        for key in sorted(expected.keys() | stored.keys(), key=repr):
            if expected.get(key) != stored.get(key):
                out.append(f"{table} {key}: stored {stored.get(key)}, raw {expected.get(key)}")
                if len(out) >= limit:
                    return out
    return out


def _add_since(db: sqlite_utils.Database, since: int) -> None:
    """Add the sessions with id >= since (and their children) to every aggregate, set-wise."""
    for table, agg in AGGREGATES.items():
        update = ", ".join(f"{c} = {c} + excluded.{c}" for c in agg.counters)
        db.execute(
            f"INSERT INTO {table} {agg.sql} ON CONFLICT ({', '.join(agg.key)}) "
            f"DO UPDATE SET {update}",
            {"since": since},
        )


@contextmanager
def triggers_aside(db: sqlite_utils.Database, which: str = "agg_%") -> Iterator[None]:
    """Inside the caller's transaction: drop the aggregate triggers whose name matches
    `which`, and create them again, as they were, at the end, also when the block fails (a
    caller may catch the error and commit the rest). DDL is transactional in SQLite: no other
    connection ever sees them missing, and a rollback brings them back. Why not a flag the
    triggers check: a trigger that fires and then does nothing still costs about three times
    the row's own insert (measured, 100,000 sessions)."""
    if not db.conn.in_transaction:
        raise RuntimeError("triggers_aside needs the caller's transaction (store.db.transaction)")
    saved = db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?", [which]
    ).fetchall()
    for name, _ in saved:
        db.execute(f"DROP TRIGGER {name}")
    try:
        yield
    finally:
        if db.conn.in_transaction:  # else SQLite has rolled it all back already
            for _, sql in saved:
                db.execute(sql)


@contextmanager
def bulk_load(db: sqlite_utils.Database) -> Iterator[None]:
    """Inside the caller's transaction: insert many NEW sessions (and their children) without
    the insert triggers, then add them to the aggregates in one set-wise pass. Only for
    inserting new sessions: nothing older may change inside the block. Also when the block
    fails: a caller may catch the error and commit what did go in."""
    since = db.execute("SELECT coalesce(max(id), 0) + 1 FROM sessions").fetchone()[0]
    with triggers_aside(db, "agg_%_insert"):
        try:
            yield
        finally:
            if db.conn.in_transaction:
                _add_since(db, since)


def missing_triggers(db: sqlite_utils.Database) -> list[str]:
    """The aggregate triggers of migration 11 that are not in the database (none, normally)."""
    present = {
        row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    }
    return [name for name in TRIGGER_NAMES if name not in present]


def rebuild(db: sqlite_utils.Database) -> None:
    """Refill every aggregate table from the raw rows, in one transaction, and make sure the
    triggers keep them from now on: each is created again as migration 11 made it (a trigger
    dropped or changed by hand would otherwise leave later writes uncounted)."""
    with transaction(db):
        for name in TRIGGER_NAMES:
            db.execute(f"DROP TRIGGER IF EXISTS {name}")
        for statement in trigger_statements():
            db.execute(statement)
        for table in AGGREGATES:
            db.execute(f"DELETE FROM {table}")
        _add_since(db, 0)
