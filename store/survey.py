"""The participants' own voice: surveys of a session, their answers, follow-ups.

Nothing here names a participant. An answer (`survey_answers`) holds the session, the effect,
the dimension, the score and its source; who gave it is not stored. To count one answer per
person per survey, `survey_respondents` keeps a keyed hash (HMAC-SHA256 with a secret that is
not in the database) of the survey, the channel and the Telegram user id or web cookie (so two
surveys cannot be linked to one person). Only someone who asks for the follow-up question has
their chat id kept (`survey_followups`), until that one question is sent or they stop; the row
is then erased (secure_delete, and the WAL truncated, so the id is not left in the file's free
pages either).

For the evidence (read by reports/, never written there): `record_tally(db, session_id, effect,
dimension, asked, agreeing, now)` stores a leader's tally of a paper or hand-raise version as
answers with source 'telling' (no score). The reads for the evidence are in survey_evidence.py.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlite_utils

from store.db import erasing, transaction
from store.quotes import strip_control as strip_control

SURVEY_DAYS = 14
CODE_LENGTH = 10
# Telegram deep links allow A-Z a-z 0-9 _ -; invite codes never contain "_", so "s_" is ours.
START_PREFIX = "s_"
_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
SOURCES = ("telegram", "web", "telling")
MOMENTS = ("direct", "vervolg")


@dataclass(frozen=True)
class Survey:
    id: int
    session_id: int
    code: str
    statements: list[dict[str, str]]  # [{"effect", "dimension", "text"}], as asked
    expires_at: datetime
    activity: str
    vestiging: str
    date: str
    # Set when more people answered than took part plus a margin (respondent_limit).
    capped_at: datetime | None = None

    def is_open(self, now: datetime) -> bool:
        return now < self.expires_at and self.capped_at is None


class SurveyFull(Exception):
    """More respondents than the session's attendance allows: the survey is now closed.
    `newly` is True for the answer that closed it (tell the leader once)."""

    def __init__(self, limit: int, newly: bool) -> None:
        super().__init__(f"survey full at {limit}")
        self.limit = limit
        self.newly = newly


# A few more than took part: a parent and a child both answering, a count that was low.
CAP_MARGIN = 5
CAP_SHARE = 4  # and a quarter more for a large group
CAP_UNKNOWN = 40  # a session without a count (should not happen: deelnemers is required)


def respondent_limit(attendance: int) -> int:
    """How many may answer a session's survey, for `attendance` people present."""
    if attendance <= 0:
        return CAP_UNKNOWN
    return attendance + max(CAP_MARGIN, attendance // CAP_SHARE)


@dataclass(frozen=True)
class Followup:
    id: int
    survey_id: int
    chat_id: int
    due_at: datetime


# -- the key ---------------------------------------------------------------------------------


def load_key(path: Path, given: str | None = None) -> bytes:
    """The secret for respondent hashes: `given` (from the environment), else the key file,
    made once with 32 random bytes (mode 600). Never kept in the database: with the key, the
    hashes of all Telegram ids could be tried."""
    if given:
        return given.encode()
    try:
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(key.hex() + "\n")
    return key


def respondent_hash(key: bytes, survey_id: int, channel: str, ident: str | int) -> str:
    """Keyed and one-way: the same person gives the same value within one survey, so they
    count once; the value gives nobody away, and with the survey in it the values of two
    surveys cannot be linked into one person's attendance."""
    message = f"{survey_id}:{channel}:{ident}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


# -- surveys ---------------------------------------------------------------------------------


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _when(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def _survey(row: Any) -> Survey:
    return Survey(
        id=row[0],
        session_id=row[1],
        code=row[2],
        statements=json.loads(row[3]),
        expires_at=_when(row[4]),
        activity=row[5],
        vestiging=row[6],
        date=row[7],
        capped_at=_when(row[8]) if row[8] else None,
    )


_SELECT = (
    "SELECT v.id, v.session_id, v.code, v.statements, v.expires_at, s.activity, s.vestiging, "
    "s.date, v.capped_at FROM surveys v JOIN sessions s ON s.id = v.session_id"
)


def open_survey(
    db: sqlite_utils.Database,
    session_id: int,
    statements: list[dict[str, str]],
    now: datetime,
    created_by: int | None = None,
    days: int = SURVEY_DAYS,
) -> Survey:
    """The survey of a session: made on the first ask, the same one after (same code)."""
    with transaction(db):
        row = db.execute(_SELECT + " WHERE v.session_id = ?", [session_id]).fetchone()
        if row is None:
            db.execute(
                "INSERT INTO surveys (session_id, code, statements, created_by, created_at, "
                "expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    session_id,
                    "".join(secrets.choice(_ALPHABET) for _ in range(CODE_LENGTH)),
                    json.dumps(statements, ensure_ascii=False),
                    created_by,
                    _iso(now),
                    _iso(now + timedelta(days=days)),
                ],
            )
            row = db.execute(_SELECT + " WHERE v.session_id = ?", [session_id]).fetchone()
    return _survey(row)


def add_closed_survey(
    db: sqlite_utils.Database, session_id: int, statements: list[dict[str, str]], now: datetime
) -> None:
    """Record that participants of a session were asked these statements, with a survey that
    is closed already (an imported export says so; nobody can answer it). Call inside a
    transaction; a session that has a survey keeps it."""
    db.execute(
        "INSERT OR IGNORE INTO surveys (session_id, code, statements, created_by, created_at, "
        "expires_at) VALUES (?, ?, ?, NULL, ?, ?)",
        [
            session_id,
            "".join(secrets.choice(_ALPHABET) for _ in range(CODE_LENGTH)),
            json.dumps(statements, ensure_ascii=False),
            _iso(now),
            _iso(now),
        ],
    )


def survey_by_code(db: sqlite_utils.Database, code: str) -> Survey | None:
    row = db.execute(_SELECT + " WHERE v.code = ?", [code]).fetchone()
    return _survey(row) if row else None


def survey_by_id(db: sqlite_utils.Database, survey_id: int) -> Survey | None:
    row = db.execute(_SELECT + " WHERE v.id = ?", [survey_id]).fetchone()
    return _survey(row) if row else None


def survey_of_session(db: sqlite_utils.Database, session_id: int) -> Survey | None:
    row = db.execute(_SELECT + " WHERE v.session_id = ?", [session_id]).fetchone()
    return _survey(row) if row else None


def leader_chat(db: sqlite_utils.Database, survey: Survey) -> int | None:
    """The Telegram chat of the leader who reported the survey's session, if any."""
    row = db.execute(
        "SELECT p.telegram_id FROM sessions s JOIN people p ON p.id = s.reporter_id WHERE s.id = ?",
        [survey.session_id],
    ).fetchone()
    return int(row[0]) if row and row[0] is not None else None


def has_answered(
    db: sqlite_utils.Database, survey_id: int, respondent: str, moment: str = "direct"
) -> bool:
    row = db.execute(
        "SELECT 1 FROM survey_respondents WHERE survey_id = ? AND respondent = ? AND moment = ?",
        [survey_id, respondent, moment],
    ).fetchone()
    return row is not None


def record_answers(
    db: sqlite_utils.Database,
    survey: Survey,
    respondent: str,
    scores: list[int],
    source: str,
    now: datetime,
    moment: str = "direct",
    statements: list[dict[str, str]] | None = None,
    words: tuple[str, str, str] | None = None,
) -> bool:
    """Store one person's scores (1-5, one per statement) at once; False if they answered
    this survey before (nothing is stored then). Raises SurveyFull (nothing stored) when the
    survey already has as many first answers as the session's attendance allows.

    `words` (text, consent, attribution), from a form that sends them with the scores, are
    stored in the same transaction: a busy database then keeps neither, and the person's
    second try stores both (two steps would lose the words to "al beantwoord")."""
    asked = statements if statements is not None else survey.statements
    if len(scores) != len(asked) or any(not 1 <= s <= 5 for s in scores):
        raise ValueError("one score from 1 to 5 per statement")
    if source not in SOURCES or moment not in MOMENTS:
        raise ValueError(f"unknown source or moment: {source}, {moment}")
    full: SurveyFull | None = None
    with transaction(db):
        if moment == "direct":
            full = _full(db, survey, respondent, now)
        if full is None:
            cursor = db.execute(
                "INSERT OR IGNORE INTO survey_respondents (survey_id, respondent, moment) "
                "VALUES (?, ?, ?)",
                [survey.id, respondent, moment],
            )
            if not cursor.rowcount:
                return False
            _store_scores(db, survey, asked, scores, moment, source, now)
            text, consent, attribution = words or ("", "", "")
            text = strip_control(text)
            if text:
                if consent not in ("ja", "anoniem", "nee"):
                    raise ValueError(f"unknown consent {consent!r}")
                _insert_participant_quote(db, survey, text, consent, attribution)
    if full is not None:
        raise full  # after the commit: the survey stays closed
    return True


def survey_limit(db: sqlite_utils.Database, survey: Survey) -> int:
    """respondent_limit for the survey's session as it is stored now."""
    row = db.execute(_ATTENDANCE + " WHERE s.id = ?", [survey.session_id]).fetchone()
    return respondent_limit(int(row[0] or 0) if row else 0)


_ATTENDANCE = (
    "SELECT max(s.deelnemers, coalesce(s.kinderen, 0) + coalesce(s.volwassenen, 0)) FROM sessions s"
)


def _full(
    db: sqlite_utils.Database, survey: Survey, respondent: str, now: datetime
) -> SurveyFull | None:
    """Inside record_answers' transaction: is there room for one more first answer? If not,
    the survey is closed (capped_at) in the same transaction."""
    row = db.execute(
        "SELECT v.capped_at, max(s.deelnemers, coalesce(s.kinderen, 0) + "
        "coalesce(s.volwassenen, 0)), (SELECT count(*) FROM survey_respondents r "
        "WHERE r.survey_id = v.id AND r.moment = 'direct') FROM surveys v "
        "JOIN sessions s ON s.id = v.session_id WHERE v.id = ?",
        [survey.id],
    ).fetchone()
    capped, attendance, answered = row
    limit = respondent_limit(int(attendance or 0))
    if capped is None and answered < limit:
        return None
    again = db.execute(
        "SELECT 1 FROM survey_respondents WHERE survey_id = ? AND respondent = ? "
        "AND moment = 'direct'",
        [survey.id, respondent],
    ).fetchone()
    if again:
        return None  # answered before: record_answers says so, as for any survey
    if capped is None:
        db.execute("UPDATE surveys SET capped_at = ? WHERE id = ?", [_iso(now), survey.id])
    return SurveyFull(limit, newly=capped is None)


def _store_scores(
    db: sqlite_utils.Database,
    survey: Survey,
    asked: list[dict[str, str]],
    scores: list[int],
    moment: str,
    source: str,
    now: datetime,
) -> None:
    for statement, score in zip(asked, scores, strict=True):
        db.execute(
            "INSERT INTO survey_answers (session_id, effect, dimension, moment, score, "
            "agrees, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                survey.session_id,
                statement["effect"],
                statement["dimension"],
                moment,
                score,
                int(score >= 4),
                source,
                # The day only: a time to the second could be matched to a chat.
                now.astimezone(UTC).date().isoformat(),
            ],
        )


def record_tally(
    db: sqlite_utils.Database,
    session_id: int,
    effect: str,
    dimension: str,
    asked: int,
    agreeing: int,
    now: datetime,
) -> None:
    """A leader's count of a paper or hand-raise version ("of the 8, 6 said they learned
    something new"): `asked` answers without a score, `agreeing` of them agreeing, source
    'telling'. Entering it again for the same session, effect and dimension replaces it."""
    if not 0 <= agreeing <= asked:
        raise ValueError("agreeing must be between 0 and asked")
    with transaction(db):
        db.execute(
            "DELETE FROM survey_answers WHERE session_id = ? AND effect = ? AND dimension = ? "
            "AND source = 'telling'",
            [session_id, effect, dimension],
        )
        day = now.astimezone(UTC).date().isoformat()
        for i in range(asked):
            db.execute(
                "INSERT INTO survey_answers (session_id, effect, dimension, moment, score, "
                "agrees, source, created_at) VALUES (?, ?, ?, 'direct', NULL, ?, 'telling', ?)",
                [session_id, effect, dimension, int(i < agreeing), day],
            )


def add_participant_quote(
    db: sqlite_utils.Database, survey: Survey, text: str, consent: str, attribution: str
) -> int:
    """A participant's own words, for the manager's review (state 'new'; published only once
    approved: store.quotes.PUBLISHABLE_SQL). Control characters are removed here, so every
    route (chat, web page, import) stores clean text."""
    if consent not in ("ja", "anoniem", "nee"):
        raise ValueError(f"unknown consent {consent!r}")
    text = strip_control(text)
    if not text:
        return 0
    with transaction(db):
        return _insert_participant_quote(db, survey, text, consent, attribution)


def _insert_participant_quote(
    db: sqlite_utils.Database, survey: Survey, text: str, consent: str, attribution: str
) -> int:
    row = db.execute(
        "SELECT activity, vestiging, gemeente, date, year FROM sessions WHERE id = ?",
        [survey.session_id],
    ).fetchone()
    cursor = db.execute(
        "INSERT INTO quotes (session_id, activity, vestiging, gemeente, date, year, text, "
        "attribution, consent, review, created_at, source) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', ?, 'deelnemer')",
        [survey.session_id, *row, text, attribution, consent, date.today().isoformat()],
    )
    return int(cursor.lastrowid or 0)


# -- follow-ups ------------------------------------------------------------------------------


def add_followup(
    db: sqlite_utils.Database, survey_id: int, chat_id: int, respondent: str, due: datetime
) -> str:
    """Plan the one follow-up of someone who answered this survey: "planned"; "already" when
    it is planned or was asked and answered before (a double tap, an old button); "not
    answered" when this respondent gave no answer right after. Checked and written in one
    transaction, so two presses at once store one row."""
    with transaction(db):
        answered = db.execute(
            "SELECT moment FROM survey_respondents WHERE survey_id = ? AND respondent = ?",
            [survey_id, respondent],
        ).fetchall()
        moments = {row[0] for row in answered}
        if "direct" not in moments:
            return "not answered"
        planned = db.execute(
            "SELECT 1 FROM survey_followups WHERE survey_id = ? AND chat_id = ?",
            [survey_id, chat_id],
        ).fetchone()
        if planned is not None or "vervolg" in moments:
            return "already"
        db.execute(
            "INSERT INTO survey_followups (survey_id, chat_id, due_at, created_at) "
            "VALUES (?, ?, ?, ?)",
            [survey_id, chat_id, _iso(due), date.today().isoformat()],
        )
        db.execute(
            "UPDATE surveys SET followups_invited = followups_invited + 1 WHERE id = ?",
            [survey_id],
        )
    return "planned"


def due_followups(db: sqlite_utils.Database, now: datetime) -> list[Followup]:
    rows = db.execute(
        "SELECT id, survey_id, chat_id, due_at FROM survey_followups WHERE due_at <= ? "
        "ORDER BY due_at, id",
        [_iso(now)],
    ).fetchall()
    return [Followup(r[0], r[1], r[2], _when(r[3])) for r in rows]


def pending_followups(db: sqlite_utils.Database, chat_id: int) -> int:
    row = db.execute("SELECT count(*) FROM survey_followups WHERE chat_id = ?", [chat_id])
    return int(row.fetchone()[0])


def _erase(db: sqlite_utils.Database, sql: str, params: list[Any]) -> int:
    """Delete rows holding a chat id so that the id leaves the file, not only the table."""
    with erasing(db), transaction(db):
        return int(db.execute(sql, params).rowcount)


def drop_followup(db: sqlite_utils.Database, followup_id: int) -> bool:
    return bool(_erase(db, "DELETE FROM survey_followups WHERE id = ?", [followup_id]))


def drop_followup_of(db: sqlite_utils.Database, survey_id: int, chat_id: int) -> bool:
    """They said no after all (to this survey's follow-up): forget their chat id for it, and
    no longer count them as invited (nothing was sent; a later "Ja" counts them once again)."""
    with erasing(db), transaction(db):
        dropped = db.execute(
            "DELETE FROM survey_followups WHERE survey_id = ? AND chat_id = ?",
            [survey_id, chat_id],
        ).rowcount
        if dropped:
            db.execute(
                "UPDATE surveys SET followups_invited = max(followups_invited - ?, 0) WHERE id = ?",
                [dropped, survey_id],
            )
    return bool(dropped)


def stop_followups(db: sqlite_utils.Database, chat_id: int) -> int:
    """Someone said stop: forget their chat id; how many follow-ups were dropped."""
    return _erase(db, "DELETE FROM survey_followups WHERE chat_id = ?", [chat_id])


# -- ask by lot ------------------------------------------------------------------------------


def record_draw(
    db: sqlite_utils.Database, session_id: int, one_in: int, drawn: bool, now: datetime
) -> bool:
    """The lot drawn for a session (ask its participants or not); the first draw stays, so a
    correction or a second press never draws again. Returns what was drawn (the stored one)."""
    with transaction(db):
        insert_draw(db, session_id, one_in, drawn, now)
        row = db.execute(
            "SELECT drawn FROM survey_draws WHERE session_id = ?", [session_id]
        ).fetchone()
    return bool(row[0])


def insert_draw(
    db: sqlite_utils.Database, session_id: int, one_in: int, drawn: bool, now: datetime
) -> None:
    """The same inside a caller's transaction (the demo, an import)."""
    db.execute(
        "INSERT OR IGNORE INTO survey_draws (session_id, one_in, drawn, created_at) "
        "VALUES (?, ?, ?, ?)",
        [session_id, one_in, int(drawn), now.astimezone(UTC).date().isoformat()],
    )


def draw_of(db: sqlite_utils.Database, session_id: int) -> tuple[int, bool] | None:
    """(one_in, drawn) of a session's lot, or None when none was drawn."""
    row = db.execute(
        "SELECT one_in, drawn FROM survey_draws WHERE session_id = ?", [session_id]
    ).fetchone()
    return (int(row[0]), bool(row[1])) if row else None
