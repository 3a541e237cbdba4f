"""Writing reported sessions: one atomic transaction per report, idempotent by source key.

The bot, the importer and the demo all store sessions through `save_session`, so the rules
(validation, series bookkeeping, audit) hold whatever the source.
"""

from __future__ import annotations

import uuid

import sqlite_utils

from store import audit
from store.db import insert, now_iso, transaction
from store.session_model import (  # noqa: F401  (re-exported: callers import them from here)
    CHAT_MAX_AGE_DAYS,
    EARLIEST_DAY,
    MAX_COUNT,
    MAX_QUOTE,
    Consent,
    DayProblem,
    MeasurementIn,
    QuoteIn,
    SaveResult,
    SessionIn,
    SessionInvalid,
    day_problem,
    default_series_name,
    validate_session,
)
from store.session_notes import (
    correct_stories,
    insert_partners,
    insert_story,
    load_notes,
    replace_partners,
)
from toc.models import Catalogue


def _series_id(db: sqlite_utils.Database, catalogue: Catalogue, s: SessionIn) -> int | None:
    if s.series_id is not None:
        row = db.execute(
            "SELECT activity, vestiging FROM series WHERE id = ?", [s.series_id]
        ).fetchone()
        if row is None or row[0] != s.activity or row[1] != s.vestiging:
            raise SessionInvalid("Deze cursusreeks bestaat niet (meer). Kies de reeks opnieuw.")
        return s.series_id
    if catalogue.activities[s.activity].kind != "reeks":
        return None
    name = (s.series_name or "").strip() or default_series_name(catalogue, s)
    row = db.execute(
        "SELECT id FROM series WHERE activity = ? AND vestiging = ? AND name = ?",
        [s.activity, s.vestiging, name],
    ).fetchone()
    if row:
        return int(row[0])
    return insert(
        db,
        "series",
        {
            "activity": s.activity,
            "vestiging": s.vestiging,
            "gemeente": catalogue.vestigingen[s.vestiging].gemeente,
            "name": name,
            "enrolled": s.enrolled,
            "first_lesson": s.date.isoformat(),
            "last_lesson": s.date.isoformat(),
            "source": s.source,
            "created_at": now_iso(),
        },
    )


def _update_series(db: sqlite_utils.Database, series_id: int, s: SessionIn) -> None:
    day = s.date.isoformat()
    db.execute(
        "UPDATE series SET first_lesson = min(coalesce(first_lesson, ?), ?), "
        "last_lesson = max(coalesce(last_lesson, ?), ?), "
        "enrolled = coalesce(?, enrolled), closed = max(closed, ?) WHERE id = ?",
        [day, day, day, day, s.enrolled, int(s.last_lesson), series_id],
    )


def _insert_ticks(
    db: sqlite_utils.Database, catalogue: Catalogue, session_id: int, s: SessionIn
) -> None:
    """The effects (older reports) and signals a leader ticked; a signal is stored with the
    effect it points to now, so a later catalogue edit does not move old evidence."""
    for effect in dict.fromkeys(s.effects):
        insert(db, "observations", {"session_id": session_id, "effect": effect})
    for signal_id in dict.fromkeys(s.signals):
        found = catalogue.signal(signal_id)
        if found is not None:
            row = {"session_id": session_id, "signal": signal_id, "effect": found[1]}
            insert(db, "session_signals", row)


def _insert_children(
    db: sqlite_utils.Database, catalogue: Catalogue, session_id: int, s: SessionIn
) -> None:
    _insert_ticks(db, catalogue, session_id, s)
    _insert_quotes(db, catalogue, session_id, s, s.quotes)
    insert_partners(db, session_id, s.partners)
    for story in s.stories:
        insert_story(db, session_id, story)


def _insert_quotes(
    db: sqlite_utils.Database,
    catalogue: Catalogue,
    session_id: int,
    s: SessionIn,
    quotes: list[QuoteIn],
) -> None:
    gemeente = catalogue.vestigingen[s.vestiging].gemeente
    for q in quotes:
        quote_id = insert(
            db,
            "quotes",
            {
                "session_id": session_id,
                "activity": s.activity,
                "vestiging": s.vestiging,
                "gemeente": gemeente,
                "date": s.date.isoformat(),
                "year": s.date.year,
                "text": q.text.strip(),
                "attribution": (q.attribution or "").strip() or None,
                "consent": q.consent,
                "review": q.review or "new",
                "created_at": now_iso(),
            },
        )
        for effect in dict.fromkeys(q.effects):
            insert(db, "quote_effects", {"quote_id": quote_id, "effect": effect})


# The columns a session's own fields fill, in the order of session_values (the bulk import
# writes tuples in this order; one report writes the dict of session_row).
SESSION_ROW_COLUMNS = (
    "date", "year", "activity", "vestiging", "gemeente", "deelnemers", "kinderen", "volwassenen",
    "vragen", "series_id", "lesson", "reporter_id", "note",
)  # fmt: skip


def session_values(catalogue: Catalogue, s: SessionIn, series_id: int | None) -> tuple[object, ...]:
    """The values of SESSION_ROW_COLUMNS for one session."""
    return (
        s.date.isoformat(), s.date.year, s.activity, s.vestiging,
        catalogue.vestigingen[s.vestiging].gemeente, s.total(), s.kinderen, s.volwassenen,
        s.vragen, series_id, s.lesson, s.reporter_id, s.note,
    )  # fmt: skip


def session_row(catalogue: Catalogue, s: SessionIn, series_id: int | None) -> dict[str, object]:
    return dict(zip(SESSION_ROW_COLUMNS, session_values(catalogue, s, series_id), strict=True))


def _save_measurements(
    db: sqlite_utils.Database, series_id: int | None, session_id: int, s: SessionIn
) -> None:
    if series_id is None:
        return
    for m in s.measurements:
        db.execute(
            "INSERT INTO measurements (series_id, effect, moment, able, measured, session_id) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (series_id, effect, moment) DO UPDATE SET "
            "able = excluded.able, measured = excluded.measured, session_id = excluded.session_id",
            [series_id, m.effect, m.moment, m.able, m.measured, session_id],
        )


def store_in_transaction(
    db: sqlite_utils.Database, catalogue: Catalogue, s: SessionIn, actor: str
) -> SaveResult:
    """The body of save_session, for callers (the importer) that batch many in one transaction."""
    if s.source_key:
        row = db.execute("SELECT id FROM sessions WHERE source_key = ?", [s.source_key]).fetchone()
        if row:
            return SaveResult(session_id=int(row[0]), created=False)
    series_id = _series_id(db, catalogue, s)
    row = session_row(catalogue, s, series_id)
    # Every session gets a key, so an export read back in can recognise it.
    key = s.source_key or f"{s.source}:{uuid.uuid4().hex}"
    row.update(source=s.source, source_key=key, created_at=now_iso())
    session_id = insert(db, "sessions", row)
    if series_id is not None:
        _update_series(db, series_id, s)
    _insert_children(db, catalogue, session_id, s)
    _save_measurements(db, series_id, session_id, s)
    audit.record(db, actor, "create", "session", session_id, source=s.source, quotes=len(s.quotes))
    return SaveResult(session_id=session_id, created=True)


def save_session(
    db: sqlite_utils.Database, catalogue: Catalogue, s: SessionIn, actor: str
) -> SaveResult:
    """Validate and store one session with its observations, quotes and measurements.

    A second call with the same `source_key` stores nothing and returns the first session.
    Returns only after the commit, so a confirmation based on it is always true.
    """
    validate_session(catalogue, s)
    with transaction(db):
        return store_in_transaction(db, catalogue, s, actor)


def replace_session(
    db: sqlite_utils.Database, catalogue: Catalogue, session_id: int, s: SessionIn, actor: str
) -> None:
    """Apply a correction: the session keeps its id; quotes and observations are rewritten."""
    validate_session(catalogue, s)
    with transaction(db):
        replace_in_transaction(db, catalogue, session_id, s, actor)


def replace_in_transaction(
    db: sqlite_utils.Database, catalogue: Catalogue, session_id: int, s: SessionIn, actor: str
) -> None:
    """The body of replace_session, for callers that add to the same transaction."""
    old = db.execute("SELECT id FROM sessions WHERE id = ?", [session_id]).fetchone()
    if old is None:
        raise SessionInvalid("Dit verslag bestaat niet meer.")
    series_id = _series_id(db, catalogue, s)
    row = session_row(catalogue, s, series_id)
    row["edited_at"] = now_iso()
    sets = ", ".join(f"{k} = ?" for k in row)
    db.execute(f"UPDATE sessions SET {sets} WHERE id = ?", [*row.values(), session_id])
    # Quotes carry their session's place and day (the report selects them by year and
    # gemeente): a corrected date or place moves all of them, a participant's too.
    db.execute(
        "UPDATE quotes SET activity = ?, vestiging = ?, gemeente = ?, date = ?, year = ? "
        "WHERE session_id = ?",
        [row["activity"], row["vestiging"], row["gemeente"], row["date"], row["year"],
         session_id],
    )  # fmt: skip
    db.execute("DELETE FROM observations WHERE session_id = ?", [session_id])
    db.execute("DELETE FROM session_signals WHERE session_id = ?", [session_id])
    _insert_ticks(db, catalogue, session_id, s)
    _correct_quotes(db, catalogue, session_id, s)
    replace_partners(db, session_id, s.partners)
    correct_stories(db, session_id, s.stories)
    if series_id is not None:
        _update_series(db, series_id, s)
    _save_measurements(db, series_id, session_id, s)
    audit.record(db, actor, "update", "session", session_id, fields=sorted(row))


def _correct_quotes(
    db: sqlite_utils.Database, catalogue: Catalogue, session_id: int, s: SessionIn
) -> None:
    """Bring the session's quotes in line with a correction without undoing anyone's decision:
    an unchanged quote keeps its review (a rejected one stays rejected); a changed one goes
    back to review; a quote that no longer exists (erased meanwhile) is never written back."""
    stored = {
        quote_id: (text, attribution, consent)
        for quote_id, text, attribution, consent in db.execute(
            "SELECT id, text, attribution, consent FROM quotes "
            "WHERE session_id = ? AND source = 'begeleider'",
            [session_id],
        )
    }
    kept: set[int] = set()
    for q in s.quotes:
        if q.id is None:
            _insert_quotes(db, catalogue, session_id, s, [q])
            continue
        if q.id not in stored:
            continue  # erased or not this report's: never bring it back
        kept.add(q.id)
        attribution = (q.attribution or "").strip() or None
        if stored[q.id] != (q.text.strip(), attribution, q.consent):
            db.execute(
                "UPDATE quotes SET text = ?, attribution = ?, consent = ?, review = 'new', "
                "reviewed_by = NULL, reviewed_at = NULL, original_text = NULL WHERE id = ?",
                [q.text.strip(), attribution, q.consent, q.id],
            )
        db.execute("DELETE FROM quote_effects WHERE quote_id = ?", [q.id])
        for effect in dict.fromkeys(q.effects):
            insert(db, "quote_effects", {"quote_id": q.id, "effect": effect})
    for quote_id in stored.keys() - kept:
        db.execute("DELETE FROM quotes WHERE id = ?", [quote_id])


def delete_session(db: sqlite_utils.Database, session_id: int, actor: str) -> bool:
    with transaction(db):
        cursor = db.execute("DELETE FROM sessions WHERE id = ?", [session_id])
        if cursor.rowcount:
            audit.record(db, actor, "delete", "session", session_id)
        return bool(cursor.rowcount)


def load_session(db: sqlite_utils.Database, session_id: int) -> SessionIn | None:
    """Read a stored session back into the form `replace_session` takes."""
    row = db.execute(
        "SELECT date, activity, vestiging, deelnemers, kinderen, volwassenen, vragen, "
        "series_id, lesson, reporter_id, source, source_key, note FROM sessions WHERE id = ?",
        [session_id],
    ).fetchone()
    if row is None:
        return None
    keys = (
        "date activity vestiging deelnemers kinderen volwassenen vragen series_id lesson "
        "reporter_id source source_key note"
    ).split()
    data = dict(zip(keys, row, strict=True))
    data["effects"] = [
        r[0]
        for r in db.execute(
            "SELECT effect FROM observations WHERE session_id = ? ORDER BY effect", [session_id]
        )
    ]
    data["signals"] = [
        r[0]
        for r in db.execute(
            "SELECT signal FROM session_signals WHERE session_id = ? ORDER BY rowid", [session_id]
        )
    ]
    quotes = []
    for quote_id, text, attribution, consent in db.execute(
        # the report's own quotes; participants' words are theirs, not the leader's to edit
        "SELECT id, text, attribution, consent FROM quotes "
        "WHERE session_id = ? AND source = 'begeleider' ORDER BY id",
        [session_id],
    ).fetchall():
        effects = [
            r[0]
            for r in db.execute("SELECT effect FROM quote_effects WHERE quote_id = ?", [quote_id])
        ]
        quotes.append(
            QuoteIn(
                id=quote_id, text=text, attribution=attribution, consent=consent, effects=effects
            )
        )
    data["quotes"] = quotes
    data["partners"], data["stories"] = load_notes(db, session_id)
    return SessionIn.model_validate(data)
