"""Schema migrations: a numbered list of small functions, applied in order, each once.

The applied version lives in SQLite's `user_version`, so an old database file is brought to
the latest schema on open. Never edit a released migration: add a new one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import sqlite_utils


def _script(db: sqlite_utils.Database, sql: str) -> None:
    """Run statements one by one: executescript() would commit the migration's transaction."""
    statement = ""
    for line in sql.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError("incomplete SQL statement in migration")


def _m001_initial(db: sqlite_utils.Database) -> None:
    _script(
        db,
        """
        CREATE TABLE people (
            id INTEGER PRIMARY KEY,
            telegram_id INTEGER UNIQUE,
            display_name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('leider', 'manager', 'admin')),
            gemeente TEXT,
            vestigingen TEXT NOT NULL DEFAULT '[]',  -- JSON list of vestiging ids
            reminders INTEGER NOT NULL DEFAULT 1,
            active INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL
        );
        CREATE TABLE invites (
            code TEXT PRIMARY KEY,
            role TEXT NOT NULL CHECK (role IN ('leider', 'manager', 'admin')),
            gemeente TEXT,
            vestiging TEXT,
            created_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            used_at TEXT,
            used_by INTEGER REFERENCES people(id) ON DELETE SET NULL
        );
        CREATE TABLE series (
            id INTEGER PRIMARY KEY,
            activity TEXT NOT NULL,
            vestiging TEXT NOT NULL,
            gemeente TEXT NOT NULL,
            name TEXT NOT NULL,
            enrolled INTEGER,
            first_lesson TEXT,
            last_lesson TEXT,
            closed INTEGER NOT NULL DEFAULT 0,
            source TEXT NOT NULL DEFAULT 'bot',
            created_at TEXT NOT NULL,
            UNIQUE (activity, vestiging, name)
        );
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            date TEXT NOT NULL,               -- ISO yyyy-mm-dd, Europe/Amsterdam
            year INTEGER NOT NULL,
            activity TEXT NOT NULL,
            vestiging TEXT NOT NULL,
            gemeente TEXT NOT NULL,           -- denormalised from vestiging for scoped aggregation
            deelnemers INTEGER NOT NULL DEFAULT 0 CHECK (deelnemers >= 0),
            kinderen INTEGER CHECK (kinderen >= 0),
            volwassenen INTEGER CHECK (volwassenen >= 0),
            vragen INTEGER CHECK (vragen >= 0),
            series_id INTEGER REFERENCES series(id) ON DELETE SET NULL,
            lesson INTEGER,
            reporter_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
            source TEXT NOT NULL DEFAULT 'bot',   -- bot | import | demo | cli
            source_key TEXT UNIQUE,               -- idempotency key (draft id, import row hash)
            note TEXT,
            created_at TEXT NOT NULL,
            edited_at TEXT
        );
        CREATE TABLE observations (
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            effect TEXT NOT NULL,
            PRIMARY KEY (session_id, effect)
        );
        -- Before/after counts in a course: of `measured` participants, `able` could do it.
        CREATE TABLE measurements (
            series_id INTEGER NOT NULL REFERENCES series(id) ON DELETE CASCADE,
            effect TEXT NOT NULL,
            moment TEXT NOT NULL CHECK (moment IN ('voor', 'na')),
            able INTEGER NOT NULL CHECK (able >= 0),
            measured INTEGER NOT NULL CHECK (measured > 0 AND able <= measured),
            session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
            PRIMARY KEY (series_id, effect, moment)
        );
        CREATE TABLE quotes (
            id INTEGER PRIMARY KEY,
            session_id INTEGER REFERENCES sessions(id) ON DELETE CASCADE,
            activity TEXT NOT NULL,
            vestiging TEXT NOT NULL,
            gemeente TEXT NOT NULL,
            date TEXT NOT NULL,
            year INTEGER NOT NULL,
            text TEXT NOT NULL,
            attribution TEXT,
            consent TEXT NOT NULL DEFAULT 'nee' CHECK (consent IN ('ja', 'anoniem', 'nee')),
            review TEXT NOT NULL DEFAULT 'new' CHECK (review IN ('new', 'approved', 'rejected')),
            original_text TEXT,               -- kept when a manager shortens the quote
            reviewed_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
            reviewed_at TEXT,
            created_at TEXT NOT NULL
        );
        CREATE TABLE quote_effects (
            quote_id INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
            effect TEXT NOT NULL,
            PRIMARY KEY (quote_id, effect)
        );
        CREATE TABLE kengetallen (
            year INTEGER NOT NULL,
            gemeente TEXT NOT NULL,
            kengetal TEXT NOT NULL,
            value REAL NOT NULL,
            source TEXT NOT NULL DEFAULT 'cli',
            updated_at TEXT NOT NULL,
            PRIMARY KEY (year, gemeente, kengetal)
        );
        -- What happened, by whom; never the content of a quote.
        CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id TEXT,
            detail TEXT NOT NULL DEFAULT '{}'
        );
        -- Keys of handled Telegram updates and button presses, so a redelivery stores once.
        CREATE TABLE processed (
            key TEXT PRIMARY KEY,
            result TEXT,
            at TEXT NOT NULL
        );
        -- Reports in progress, written at every step so they survive a crash or restart.
        CREATE TABLE drafts (
            telegram_id INTEGER PRIMARY KEY,
            draft_id TEXT NOT NULL,
            data TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        -- python-telegram-bot persistence (bot_data, user_data, chat_data, conversations).
        CREATE TABLE ptb_state (
            kind TEXT NOT NULL,
            key TEXT NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (kind, key)
        );

        CREATE INDEX sessions_year_gemeente_activity ON sessions (year, gemeente, activity);
        CREATE INDEX sessions_year_activity ON sessions (year, activity);
        CREATE INDEX sessions_gemeente_date ON sessions (gemeente, date);
        CREATE INDEX sessions_reporter_date ON sessions (reporter_id, date);
        CREATE INDEX sessions_series ON sessions (series_id);
        CREATE INDEX observations_effect ON observations (effect);
        CREATE INDEX quotes_year_gemeente ON quotes (year, gemeente);
        CREATE INDEX quotes_review ON quotes (review, consent);
        CREATE INDEX quotes_session ON quotes (session_id);
        CREATE INDEX series_vestiging ON series (vestiging, activity, closed);
        CREATE INDEX audit_entity ON audit (entity, entity_id);
        """,
    )


def _m002_reminders(db: sqlite_utils.Database) -> None:
    # Reminders already sent for a scheduled session, so a restart never sends one twice.
    _script(
        db,
        """
        CREATE TABLE reminders_sent (
            key TEXT PRIMARY KEY,             -- vestiging:activity:date
            person_id INTEGER REFERENCES people(id) ON DELETE CASCADE,
            at TEXT NOT NULL
        );
        """,
    )


def _m003_covering_indexes(db: sqlite_utils.Database) -> None:
    # /stand and the digest sum sessions per activity over a date range, per gemeente,
    # vestiging or the whole organisation: covering indexes answer that without table reads
    # (bench/stand.py: 117 ms -> 7 ms for one gemeente-year on a million sessions).
    _script(
        db,
        """
        DROP INDEX sessions_gemeente_date;
        CREATE INDEX sessions_gemeente_date_cover
            ON sessions (gemeente, date, activity, deelnemers);
        CREATE INDEX sessions_vestiging_date_cover
            ON sessions (vestiging, date, activity, deelnemers);
        CREATE INDEX sessions_date_cover ON sessions (date, activity, deelnemers);
        """,
    )


def _m004_year_covering_indexes(db: sqlite_utils.Database) -> None:
    # The impactreflectie groups a year's sessions by activity and vestiging and sums the
    # counts; with every column it reads in the index, no table row is visited
    # (bench/report.py: whole organisation, one year of 200,000 sessions, 2.3 s -> under 1 s).
    _script(
        db,
        """
        DROP INDEX sessions_year_gemeente_activity;
        DROP INDEX sessions_year_activity;
        CREATE INDEX sessions_year_cover ON sessions
            (year, activity, vestiging, deelnemers, kinderen, volwassenen, vragen, series_id);
        CREATE INDEX sessions_year_gemeente_cover ON sessions
            (year, gemeente, activity, vestiging, deelnemers, kinderen, volwassenen, vragen,
             series_id);
        """,
    )


def _m005_cancellations(db: sqlite_utils.Database) -> None:
    # Planned (rooster) sessions that did not take place ("Ging niet door"): not a gap, and
    # no reminder. One row per session; a report for that day still counts as usual.
    _script(
        db,
        """
        CREATE TABLE cancellations (
            vestiging TEXT,
            activity TEXT,
            date TEXT,                        -- ISO yyyy-mm-dd, Europe/Amsterdam
            person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (vestiging, activity, date)
        );
        """,
    )


def _m006_partners_and_stories(db: sqlite_utils.Database) -> None:
    # "Met wie?": the partners a leader names for one session, on top of the catalogue's
    # samenwerkingspartners. "Wat was bijzonder?": a short story of the session in the leader's
    # words (no participant's name), with the same consent and review as a quote.
    _script(
        db,
        """
        CREATE TABLE session_partners (
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            partner TEXT NOT NULL COLLATE NOCASE,  -- 'theater havelte' is the same
            PRIMARY KEY (session_id, partner)
        );
        CREATE TABLE session_stories (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            consent TEXT NOT NULL DEFAULT 'nee' CHECK (consent IN ('ja', 'anoniem', 'nee')),
            review TEXT NOT NULL DEFAULT 'new' CHECK (review IN ('new', 'approved', 'rejected')),
            reviewed_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
            reviewed_at TEXT,
            created_at TEXT NOT NULL
        );
        CREATE INDEX session_stories_session ON session_stories (session_id);
        """,
    )


Migration = Callable[[sqlite_utils.Database], None]

# Append only. The index + 1 is the schema version the migration brings the database to.
MIGRATIONS: list[Migration] = [
    _m001_initial,
    _m002_reminders,
    _m003_covering_indexes,
    _m004_year_covering_indexes,
    _m005_cancellations,
    _m006_partners_and_stories,
]

LATEST = len(MIGRATIONS)
