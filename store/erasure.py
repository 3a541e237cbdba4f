"""The AVG right to erasure: remove one quote, or everything that identifies a person.

The audit trail records that an erasure happened (who asked, which row id), never what was
removed. Sessions a person reported stay as anonymous figures: the reporter link is cleared
(people.id is referenced with ON DELETE SET NULL), the output the library delivered remains.

The deleted bytes are zeroed in the file and the WAL is emptied (`store.db.erasing`);
backups and Litestream replicas made before keep their copy until they age out (README,
Privacy).
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from store import audit
from store.db import erasing, transaction


@dataclass(frozen=True)
class Erased:
    """What was removed for a person, as counts (for the confirmation to the admin)."""

    telegram_id: int | None
    sessions_unlinked: int
    drafts: int


def forget_quote(db: sqlite_utils.Database, quote_id: int, actor: str) -> bool:
    """Delete a quote (and its effect tags); False when it did not exist.

    A correction in progress of that quote's report holds a copy of the quote: that draft is
    dropped too, as is a confirmation still waiting in the outbox that quotes it, so the
    text is gone everywhere and cannot be saved or sent back.
    """
    with erasing(db), transaction(db):
        row = db.execute("SELECT session_id, text FROM quotes WHERE id = ?", [quote_id]).fetchone()
        if row is None:
            return False
        db.execute("DELETE FROM quotes WHERE id = ?", [quote_id])
        # A confirmation still waiting in the outbox quotes the summary, with the quote in it.
        db.execute("DELETE FROM outbox WHERE instr(text, ?) > 0", [row[1]])
        if row[0] is not None:
            db.execute("DELETE FROM drafts WHERE json_extract(data, '$.session_id') = ?", [row[0]])
        audit.record(db, actor, "erase", "quote", quote_id)
        return True


def forget_story(db: sqlite_utils.Database, story_id: int, actor: str) -> bool:
    """Delete a "Wat was bijzonder?" story; False when it did not exist. As for a quote, a
    correction in progress of its report and a confirmation still waiting in the outbox hold
    a copy: they go too."""
    with erasing(db), transaction(db):
        row = db.execute(
            "SELECT session_id, text FROM session_stories WHERE id = ?", [story_id]
        ).fetchone()
        if row is None:
            return False
        db.execute("DELETE FROM session_stories WHERE id = ?", [story_id])
        db.execute("DELETE FROM drafts WHERE json_extract(data, '$.session_id') = ?", [row[0]])
        db.execute("DELETE FROM outbox WHERE instr(text, ?) > 0", [row[1]])
        audit.record(db, actor, "erase", "story", story_id)
        return True


def forget_person(db: sqlite_utils.Database, person_id: int, actor: str) -> Erased | None:
    """Delete the person, their report in progress and their bot state; None if unknown."""
    with erasing(db), transaction(db):
        row = db.execute("SELECT telegram_id FROM people WHERE id = ?", [person_id]).fetchone()
        if row is None:
            return None
        telegram_id = row[0]
        unlinked = db.execute(
            "SELECT count(*) FROM sessions WHERE reporter_id = ?", [person_id]
        ).fetchone()[0]
        drafts = 0
        if telegram_id is not None:
            drafts = db.execute("DELETE FROM drafts WHERE telegram_id = ?", [telegram_id]).rowcount
            for kind in ("user", "chat"):
                db.execute(
                    "DELETE FROM ptb_state WHERE kind = ? AND key = ?", [kind, str(telegram_id)]
                )
            # confirmations still waiting for them: their chat id and their report's words
            db.execute("DELETE FROM outbox WHERE chat_id = ?", [telegram_id])
        # Foreign keys clear sessions.reporter_id, invites and reviews; reminders cascade.
        db.execute("DELETE FROM people WHERE id = ?", [person_id])
        audit.record(db, actor, "erase", "person", person_id)
    return Erased(telegram_id=telegram_id, sessions_unlinked=int(unlinked), drafts=drafts)
