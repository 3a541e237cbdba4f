"""The first six schema migrations (the initial schema up to the participants' evidence), moved
here unchanged from store/migrations.py to keep that module short. Released: never edit them.
store/migrations.py lists them in MIGRATIONS, in order; `_script` runs a migration's SQL.
"""

from __future__ import annotations

import sqlite3

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


def _m006_outcome_evidence(db: sqlite_utils.Database) -> None:
    # Outcome evidence beyond the leader's ticks: the signals a leader saw (short observable
    # phrases, each pointing to one effect) and what participants say themselves, right after
    # a session and at a follow-up weeks later (PLA Project Outcome style), never tied to a
    # person. A leader's tally of a paper or hand-raise version is stored as the same kind of
    # answers, with its source marked and no score (only whether they agreed).
    _script(
        db,
        """
        CREATE TABLE session_signals (
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            signal TEXT NOT NULL,             -- the signal's id in the catalogue
            effect TEXT NOT NULL,             -- the effect it points to, as when it was seen
            PRIMARY KEY (session_id, signal)
        );
        CREATE INDEX session_signals_effect ON session_signals (effect, session_id);

        -- A session opened to its participants (deep link / QR code / web page).
        CREATE TABLE surveys (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL UNIQUE REFERENCES sessions(id) ON DELETE CASCADE,
            code TEXT NOT NULL UNIQUE,        -- in the t.me deep link and the web address
            statements TEXT NOT NULL,         -- JSON: [{"effect", "dimension", "text"}]
            created_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL
        );
        -- One answer to one statement. No person, chat or respondent column, on purpose.
        CREATE TABLE survey_answers (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            effect TEXT NOT NULL,
            dimension TEXT NOT NULL
                CHECK (dimension IN ('kennis', 'vertrouwen', 'toepassing', 'bewustzijn')),
            moment TEXT NOT NULL CHECK (moment IN ('direct', 'vervolg')),
            score INTEGER CHECK (score BETWEEN 1 AND 5),   -- NULL for a tally
            agrees INTEGER NOT NULL CHECK (agrees IN (0, 1)),  -- score >= 4, or the tally's word
            source TEXT NOT NULL CHECK (source IN ('telegram', 'web', 'telling')),
            created_at TEXT NOT NULL
        );
        CREATE INDEX survey_answers_effect ON survey_answers (effect, moment, session_id);
        CREATE INDEX survey_answers_session ON survey_answers (session_id);
        -- Who answered a survey, as a keyed hash only: one answer per person per survey.
        CREATE TABLE survey_respondents (
            survey_id INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
            respondent TEXT NOT NULL,         -- HMAC(secret, channel + id): not reversible
            moment TEXT NOT NULL CHECK (moment IN ('direct', 'vervolg')),
            PRIMARY KEY (survey_id, respondent, moment)
        );
        -- A follow-up question someone asked for: the only place a participant's chat id is
        -- kept, and only until that one question is sent or they stop.
        CREATE TABLE survey_followups (
            id INTEGER PRIMARY KEY,
            survey_id INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
            chat_id INTEGER NOT NULL,
            due_at TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX survey_followups_due ON survey_followups (due_at);
        """,
    )
