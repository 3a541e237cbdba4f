"""Storing many checked sessions at once (the spreadsheet import): the same rows as
`store.sessions.store_in_transaction` writes one by one, with executemany.

Why a second write path: a 100,000-row import spent most of its time in per-session
statements (a key lookup, a series lookup, an audit row each). Here every table gets one
executemany, the caller checks the keys in bulk beforehand, and the import records one audit
row for the whole file. What a session row, a series and a quote hold is the same as in
store.sessions (shared helpers), so a session reads the same whichever way it came in.
Call inside `store.db.transaction`; sessions must be validated and have a `source_key`.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlite_utils

from store.aggregates import bulk_load
from store.db import now_iso
from store.session_notes import MAX_STORY, clean_partners
from store.sessions import SESSION_ROW_COLUMNS, SessionIn, default_series_name, session_values
from toc.models import Catalogue

_SESSION_COLUMNS = ("id", *SESSION_ROW_COLUMNS, "source", "source_key", "created_at")


def _next_id(db: sqlite_utils.Database, table: str) -> int:
    return int(db.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]) + 1


def _series_ids(
    db: sqlite_utils.Database, catalogue: Catalogue, sessions: Sequence[SessionIn]
) -> tuple[list[int | None], int]:
    """The series of each session (created when new), and how many series were created.
    A course's dates, enrolment and end are brought up to date once per course."""
    known = {
        (a, v, n): i
        for i, a, v, n in db.execute("SELECT id, activity, vestiging, name FROM series")
    }
    created = now_iso()
    ids: list[int | None] = []
    # id -> (first, last, enrolled, closed)
    span: dict[int, tuple[str, str, int | None, int]] = {}
    new = 0
    for s in sessions:
        if catalogue.activities[s.activity].kind != "reeks":
            ids.append(None)
            continue
        key = (
            s.activity,
            s.vestiging,
            (s.series_name or "").strip() or default_series_name(catalogue, s),
        )
        if key not in known:
            cursor = db.execute(
                "INSERT INTO series (activity, vestiging, gemeente, name, enrolled, first_lesson, "
                "last_lesson, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [*key[:2], catalogue.vestigingen[s.vestiging].gemeente, key[2], s.enrolled,
                 s.date.isoformat(), s.date.isoformat(), s.source, created],
            )  # fmt: skip
            known[key] = int(cursor.lastrowid or 0)
            new += 1
        series_id = known[key]
        ids.append(series_id)
        day = s.date.isoformat()
        if series_id not in span:
            span[series_id] = (day, day, s.enrolled, int(s.last_lesson))
        else:
            first, last, enrolled, closed = span[series_id]
            span[series_id] = (
                min(first, day),
                max(last, day),
                s.enrolled if s.enrolled is not None else enrolled,
                max(closed, int(s.last_lesson)),
            )
    db.conn.executemany(
        "UPDATE series SET first_lesson = min(coalesce(first_lesson, ?), ?), "
        "last_lesson = max(coalesce(last_lesson, ?), ?), "
        "enrolled = coalesce(?, enrolled), closed = max(closed, ?) WHERE id = ?",
        [(f, f, la, la, e, c, i) for i, (f, la, e, c) in span.items()],
    )
    return ids, new


def store_many(
    db: sqlite_utils.Database, catalogue: Catalogue, sessions: Sequence[SessionIn]
) -> int:
    """Insert the sessions with their observations, quotes and before/after counts; returns
    how many series were created. Ids are given here (inside the caller's write lock), so
    quotes and observations can name their session without a query per row."""
    series_ids, new_series = _series_ids(db, catalogue, sessions)
    created = now_iso()
    session_id = _next_id(db, "sessions")
    quote_id = _next_id(db, "quotes")
    rows: list[tuple[object, ...]] = []
    quotes: list[tuple[object, ...]] = []
    observations: list[tuple[int, str]] = []
    quote_effects: list[tuple[int, str]] = []
    measurements: list[tuple[int, str, str, object, object, int]] = []
    signals: list[tuple[int, str, str]] = []
    partners: list[tuple[int, str]] = []
    stories: list[tuple[int, str, str, str, str]] = []
    gemeenten = {v.id: v.gemeente for v in catalogue.vestigingen.values()}
    for s, series_id in zip(sessions, series_ids, strict=True):
        day = s.date.isoformat()
        gemeente = gemeenten[s.vestiging]
        # the columns of one report's session_row, as a tuple (a dict per row costs time)
        values = session_values(catalogue, s, series_id)
        rows.append((session_id, *values, s.source, s.source_key, created))
        observations.extend((session_id, e) for e in dict.fromkeys(s.effects))
        # as store.sessions._insert_ticks: a signal with the effect it points to now
        for signal_id in dict.fromkeys(s.signals):
            if (found := catalogue.signal(signal_id)) is not None:
                signals.append((session_id, signal_id, found[1]))
        for q in s.quotes:
            quotes.append(
                (quote_id, session_id, s.activity, s.vestiging, gemeente, day, s.date.year,
                 q.text.strip(), (q.attribution or "").strip() or None, q.consent,
                 q.review or "new", created)
            )  # fmt: skip
            quote_effects.extend((quote_id, e) for e in dict.fromkeys(q.effects))
            quote_id += 1
        # as store.session_notes.insert_partners / insert_story: tidy, each once
        partners.extend((session_id, p) for p in clean_partners(s.partners))
        told: set[str] = set()
        for story in s.stories:
            text = " ".join(story.text.split())[:MAX_STORY]
            if text and text not in told:
                told.add(text)
                stories.append((session_id, text, story.consent, story.review or "new", created))
        if series_id is not None:
            measurements.extend(
                (series_id, m.effect, m.moment, m.able, m.measured, session_id)
                for m in s.measurements
            )
        session_id += 1
    marks = ", ".join("?" for _ in _SESSION_COLUMNS)
    # New sessions only: their aggregates are added set-wise, not by a trigger per row.
    with bulk_load(db):
        db.conn.executemany(
            f"INSERT INTO sessions ({', '.join(_SESSION_COLUMNS)}) VALUES ({marks})", rows
        )
        db.conn.executemany(
            "INSERT INTO observations (session_id, effect) VALUES (?, ?)", observations
        )
        db.conn.executemany(
            "INSERT INTO session_signals (session_id, signal, effect) VALUES (?, ?, ?)", signals
        )
    db.conn.executemany(
        "INSERT INTO quotes (id, session_id, activity, vestiging, gemeente, date, year, text, "
        "attribution, consent, review, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        quotes,
    )
    db.conn.executemany("INSERT INTO quote_effects (quote_id, effect) VALUES (?, ?)", quote_effects)
    db.conn.executemany(
        "INSERT OR IGNORE INTO session_partners (session_id, partner) VALUES (?, ?)", partners
    )
    db.conn.executemany(
        "INSERT INTO session_stories (session_id, text, consent, review, created_at) "
        "VALUES (?, ?, ?, ?, ?)",
        stories,
    )
    db.conn.executemany(
        "INSERT INTO measurements (series_id, effect, moment, able, measured, session_id) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (series_id, effect, moment) DO UPDATE SET "
        "able = excluded.able, measured = excluded.measured, session_id = excluded.session_id",
        measurements,
    )
    return new_series
