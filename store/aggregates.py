"""Check the aggregate tables (migration 11) against the raw tables they summarise.

The triggers in store/migration_aggregates.py keep them in step; `differences` recomputes each
one with a plain GROUP BY over the raw rows and lists every key where the two disagree. The
tests run it after every kind of write; `impactbot check --grondig` runs it on a live file.
`rebuild` refills them from the raw rows (after a repair by hand, say).
"""

from __future__ import annotations

import sqlite_utils

from store.db import transaction

_ANSWERS = (
    "LEFT JOIN (SELECT session_id, count(*) AS n, sum(agrees) AS agree FROM survey_answers "
    "WHERE moment = 'direct' GROUP BY session_id) a ON a.session_id = s.id"
)
_SUMS = (
    "count(*), sum(s.deelnemers), coalesce(sum(s.kinderen), 0), "
    "coalesce(sum(s.volwassenen), 0), coalesce(sum(s.vragen), 0), coalesce(sum(a.n), 0), "
    "coalesce(sum(a.agree), 0)"
)

# table -> (number of key columns, the aggregate as it should be, from the raw tables)
EXPECTED: dict[str, tuple[int, str]] = {
    "agg_day": (
        5,
        f"SELECT s.date, s.gemeente, s.vestiging, s.activity, s.year, {_SUMS} "
        f"FROM sessions s {_ANSWERS} GROUP BY 1, 2, 3, 4, 5",
    ),
    "agg_month": (
        5,
        "SELECT s.year, CAST(substr(s.date, 6, 2) AS INTEGER), s.gemeente, s.vestiging, "
        f"s.activity, {_SUMS} FROM sessions s {_ANSWERS} GROUP BY 1, 2, 3, 4, 5",
    ),
    "agg_series_year": (
        3,
        "SELECT year, gemeente, series_id, count(*) FROM sessions "
        "WHERE series_id IS NOT NULL GROUP BY 1, 2, 3",
    ),
    "agg_effect": (
        5,
        "SELECT s.year, s.gemeente, s.vestiging, s.activity, e.effect, count(*) FROM "
        "(SELECT session_id, effect FROM observations UNION "
        "SELECT session_id, effect FROM session_signals) e JOIN sessions s ON s.id = e.session_id "
        "GROUP BY 1, 2, 3, 4, 5",
    ),
    "agg_signal": (
        6,
        "SELECT s.year, s.gemeente, s.vestiging, s.activity, g.signal, g.effect, count(*) "
        "FROM session_signals g JOIN sessions s ON s.id = g.session_id GROUP BY 1, 2, 3, 4, 5, 6",
    ),
}


def differences(db: sqlite_utils.Database, limit: int = 20) -> list[str]:
    """Where an aggregate table and its raw rows disagree, one line per key (at most `limit`);
    empty when they agree everywhere."""
    out: list[str] = []
    for table, (n_key, sql) in EXPECTED.items():
        expected = {tuple(r[:n_key]): tuple(r[n_key:]) for r in db.execute(sql).fetchall()}
        stored = {
            tuple(r[:n_key]): tuple(r[n_key:])
            for r in db.execute(f"SELECT * FROM {table}").fetchall()
        }
        for key in sorted(expected.keys() | stored.keys(), key=repr):
            if expected.get(key) != stored.get(key):
                out.append(f"{table} {key}: stored {stored.get(key)}, raw {expected.get(key)}")
                if len(out) >= limit:
                    return out
    return out


def rebuild(db: sqlite_utils.Database) -> None:
    """Refill every aggregate table from the raw rows, in one transaction."""
    with transaction(db):
        for table, (_, sql) in EXPECTED.items():
            db.execute(f"DELETE FROM {table}")
            db.execute(f"INSERT INTO {table} {sql}")
