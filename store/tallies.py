"""A leader's tally of a paper or hand-raise version of the participants' questions.

"Van de 8 zeiden er 6 dat ze iets nieuws leerden" becomes 8 answers in survey_answers, with
source 'telling', no score, 6 agreeing and 2 not: the same kind of evidence as an answer in
Telegram or on the web page, with its source marked. Entering the same statement again for
the same session replaces the earlier tally, so a double press or a correction never counts
people twice.
"""

from __future__ import annotations

from typing import Literal

import sqlite_utils

from ground.errors import ImpactbotError
from store import audit
from store.db import now_iso, transaction

Dimension = Literal["kennis", "vertrouwen", "toepassing", "bewustzijn"]
DIMENSIONS: tuple[Dimension, ...] = ("kennis", "vertrouwen", "toepassing", "bewustzijn")
MAX_TALLY = 10_000


class TallyInvalid(ImpactbotError):
    """A tally that cannot be stored as given; the message says what to fix."""


def save_tally(
    db: sqlite_utils.Database,
    session_id: int,
    effect: str,
    dimension: Dimension,
    agreed: int,
    total: int,
    actor: str,
) -> None:
    """Store `agreed` of `total` as answers right after the session (moment 'direct')."""
    if dimension not in DIMENSIONS:
        raise TallyInvalid(f"'{dimension}' is geen stelling die ik ken.")
    if not 0 < total <= MAX_TALLY:
        raise TallyInvalid(f"Het aantal mensen moet tussen 1 en {MAX_TALLY} liggen.")
    if not 0 <= agreed <= total:
        raise TallyInvalid(f"Er kunnen niet meer dan {total} mensen ja zeggen.")
    with transaction(db):
        if db.execute("SELECT 1 FROM sessions WHERE id = ?", [session_id]).fetchone() is None:
            raise TallyInvalid("Dit verslag bestaat niet meer.")
        db.execute(
            "DELETE FROM survey_answers WHERE session_id = ? AND effect = ? AND dimension = ? "
            "AND moment = 'direct' AND source = 'telling'",
            [session_id, effect, dimension],
        )
        at = now_iso()
        rows = [(1,)] * agreed + [(0,)] * (total - agreed)
        db.conn.executemany(
            "INSERT INTO survey_answers (session_id, effect, dimension, moment, score, agrees, "
            "source, created_at) VALUES (?, ?, ?, 'direct', NULL, ?, 'telling', ?)",
            [(session_id, effect, dimension, agrees, at) for (agrees,) in rows],
        )
        audit.record(
            db, actor, "tally", "session", session_id, effect=effect, agreed=agreed, total=total
        )


def tallies_of(db: sqlite_utils.Database, session_id: int) -> list[tuple[str, str, int, int]]:
    """The tallies of a session: (effect, dimension, agreed, total)."""
    return [
        (effect, dimension, int(agreed), int(total))
        for effect, dimension, agreed, total in db.execute(
            "SELECT effect, dimension, sum(agrees), count(*) FROM survey_answers "
            "WHERE session_id = ? AND source = 'telling' AND moment = 'direct' "
            "GROUP BY effect, dimension ORDER BY min(id)",
            [session_id],
        )
    ]
