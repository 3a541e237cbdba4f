"""Schema migrations: a numbered list of small functions, applied in order, each once.

The applied version lives in SQLite's `user_version`, so an old database file is brought to
the latest schema on open. Never edit a released migration: add a new one.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

from store import migration_aggregates

# Migrations 1-6 and the SQL runner live in migrations_early.py (moved unchanged); new ones go
# below, each using _script.
from store.migrations_early import (
    _m001_initial,
    _m002_reminders,
    _m003_covering_indexes,
    _m004_year_covering_indexes,
    _m005_cancellations,
    _m006_outcome_evidence,
    _script,
)


def _m007_totals(db: sqlite_utils.Database) -> None:
    # Totals: what libraries kept in spreadsheets before the bot (`impactbot import totalen`),
    # one row per activity, vestiging and period (a month or a year) with its number of
    # bijeenkomsten and summed counts. Why a table of its own and not weighted rows in
    # `sessions`: a weight column would change every count(*) over sessions into sum(weight)
    # and widen all four covering indexes (migrations 3 and 4) for every session ever stored,
    # while totals are few (at most 12 per activity and vestiging a year). Every figure
    # (reports/figures.py, reports/stand.py) adds this table's GROUP BY to the sessions' one,
    # so a total counts exactly like the sessions it stands for. Being apart also marks them:
    # no observations, quotes or before/after counts can point at a total, and the evidence
    # and data-sufficiency parts see how many bijeenkomsten have no per-session details.
    # A later aggregate table (per activity, vestiging and month) can fold these rows in as
    # they are: they already have that grain.
    _script(
        db,
        """
        CREATE TABLE totals (
            id INTEGER PRIMARY KEY,
            activity TEXT NOT NULL,
            vestiging TEXT NOT NULL,
            gemeente TEXT NOT NULL,            -- denormalised from vestiging, as in sessions
            year INTEGER NOT NULL,
            period TEXT NOT NULL,              -- 'YYYY-MM' (a month) or 'YYYY' (a year)
            period_start TEXT NOT NULL,        -- ISO first and last day of the period
            period_end TEXT NOT NULL,
            bijeenkomsten INTEGER NOT NULL CHECK (bijeenkomsten > 0),
            deelnemers INTEGER NOT NULL DEFAULT 0 CHECK (deelnemers >= 0),
            kinderen INTEGER CHECK (kinderen >= 0),
            volwassenen INTEGER CHECK (volwassenen >= 0),
            vragen INTEGER CHECK (vragen >= 0),
            cursussen INTEGER CHECK (cursussen >= 0),      -- courses (reeksen) that ran
            ingeschreven INTEGER CHECK (ingeschreven >= 0), -- their enrolment, summed
            source TEXT NOT NULL DEFAULT 'import',
            created_at TEXT NOT NULL,
            updated_at TEXT,
            UNIQUE (activity, vestiging, period)
        );
        CREATE INDEX totals_year_gemeente ON totals (year, gemeente);
        CREATE INDEX totals_gemeente_start ON totals (gemeente, period_start);
        """,
    )


def _m008_outbox(db: sqlite_utils.Database) -> None:
    """Confirmations ("Opgeslagen") that Telegram did not take right after the commit: sent
    again at start-up and by a job, so a stored report is always confirmed."""
    _script(
        db,
        """
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY,
            chat_id INTEGER NOT NULL,
            text TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL
        );
        """,
    )


def _m009_partners_and_stories(db: sqlite_utils.Database) -> None:
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


def _m010_quote_source(db: sqlite_utils.Database) -> None:
    # Who gave a quote: the leader in a report, or a participant answering a survey. A leader's
    # correction loads and rewrites only the report's own quotes; a participant's words (with
    # their own consent, perhaps 'nee') never show up in the leader's chat or get deleted there.
    _script(
        db,
        """
        ALTER TABLE quotes ADD COLUMN source TEXT NOT NULL DEFAULT 'begeleider'
            CHECK (source IN ('begeleider', 'deelnemer'));
        """,
    )


def _m011_aggregates(db: sqlite_utils.Database) -> None:
    # Aggregate tables kept by triggers, so /stand and the year report read a few thousand
    # rows instead of every session of the year (store/migration_aggregates.py says why and how).
    _script(db, migration_aggregates.TABLES)
    _script(db, migration_aggregates.FILL)
    _script(db, migration_aggregates.triggers())


def _m012_outbox_edit(db: sqlite_utils.Database) -> None:
    # A confirmation whose edit of the summary got no answer (a read timeout) may have been
    # applied anyway: the outbox first repeats that same edit (Telegram answers "message is
    # not modified" when it was applied) and sends a new message only if the summary is gone.
    # So it keeps which message to edit, and the buttons, for an edit identical to the first.
    _script(
        db,
        """
        ALTER TABLE outbox ADD COLUMN message_id INTEGER;
        ALTER TABLE outbox ADD COLUMN reply_markup TEXT;
        """,
    )


def _m013_survey_cap(db: sqlite_utils.Database) -> None:
    # A survey closed because more people answered than took part (plus a margin): someone
    # filled it in again and again. The report can mark its figures; NULL for every other.
    columns = {row[1] for row in db.execute("PRAGMA table_info(surveys)").fetchall()}
    if "capped_at" not in columns:  # a database rewound to an older version may have it
        _script(db, "ALTER TABLE surveys ADD COLUMN capped_at TEXT;")


def _m014_survey_draws(db: sqlite_utils.Database) -> None:
    # Ask by lot: after Opslaan the bot draws whether this session asks its participants (an
    # activity's "1 op de N" in the catalogue), so the sessions asked are representative and
    # the report can show plan, drawn and done; a survey at an undrawn session is ad hoc.
    # The follow-up rows are deleted once sent (they hold a chat id), so the number invited
    # is kept on the survey: a follow-up's response is answered / invited.
    _script(
        db,
        """
        CREATE TABLE IF NOT EXISTS survey_draws (
            session_id INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
            one_in INTEGER NOT NULL CHECK (one_in >= 1),
            drawn INTEGER NOT NULL CHECK (drawn IN (0, 1)),
            created_at TEXT NOT NULL
        );
        """,
    )
    columns = {row[1] for row in db.execute("PRAGMA table_info(surveys)").fetchall()}
    if "followups_invited" not in columns:  # a database rewound to an older version has it
        _script(db, "ALTER TABLE surveys ADD COLUMN followups_invited INTEGER NOT NULL DEFAULT 0;")


def _m015_photos_and_stories(db: sqlite_utils.Database) -> None:
    # A photo a leader adds to a session's report, as the jaarbericht shows one on every page.
    # Kept in the database itself, so backups and restores carry it; capped in size. Consent
    # is what a library needs for a photo: nobody recognisable, the people shown agreed, or
    # a child only with a parent's agreement. A manager reviews it like a quote.
    _script(
        db,
        """
        CREATE TABLE session_photos (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            data BLOB NOT NULL CHECK (length(data) <= 2000000),
            mime TEXT NOT NULL DEFAULT 'image/jpeg',
            alt TEXT NOT NULL,
            consent TEXT NOT NULL
                CHECK (consent IN ('niemand-herkenbaar', 'toestemming', 'ouder-toestemming')),
            review TEXT NOT NULL DEFAULT 'new' CHECK (review IN ('new', 'approved', 'rejected')),
            reviewed_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
            reviewed_at TEXT,
            file_unique_id TEXT UNIQUE,  -- Telegram's: the same photo sent twice is stored once
            created_at TEXT NOT NULL
        );
        CREATE INDEX session_photos_session ON session_photos (session_id);
        -- A longer story (up to about 250 words) a manager writes or approves about a person or
        -- a project, as the jaarbericht tells them: per gemeente, year and activity.
        CREATE TABLE long_stories (
            id INTEGER PRIMARY KEY,
            gemeente TEXT NOT NULL,
            year INTEGER NOT NULL,
            activity TEXT NOT NULL,
            text TEXT NOT NULL,
            review TEXT NOT NULL DEFAULT 'new' CHECK (review IN ('new', 'approved', 'rejected')),
            author_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX long_stories_year ON long_stories (year, gemeente);
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
    _m006_outcome_evidence,
    _m007_totals,
    _m008_outbox,
    _m009_partners_and_stories,
    _m010_quote_source,
    _m011_aggregates,
    _m012_outbox_edit,
    _m013_survey_cap,
    _m014_survey_draws,
    _m015_photos_and_stories,
]

LATEST = len(MIGRATIONS)
