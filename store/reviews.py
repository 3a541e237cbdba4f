"""A manager's review of quotes: approve, shorten (keeping the original) or reject.

Only quotes with consent `ja` or `anoniem` are reviewed: a `nee` quote never leaves the
database anyway. The audit trail records every decision, never the text of a quote.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from ground.errors import ImpactbotError
from store import audit
from store.db import now_iso, transaction
from toc.matcher import words

# Awaiting review: new, and the participant agreed to publication.
AWAITING_SQL = "q.review = 'new' AND q.consent IN ('ja', 'anoniem')"


class ReviewError(ImpactbotError):
    """A review that cannot be done (the quote is gone, already reviewed, or the text is off)."""


@dataclass(frozen=True)
class ReviewQuote:
    id: int
    text: str
    attribution: str | None
    consent: str
    activity: str
    vestiging: str
    gemeente: str
    date: str
    original_text: str | None = None


_COLUMNS = (
    "q.id, q.text, q.attribution, q.consent, q.activity, q.vestiging, q.gemeente, q.date, "
    "q.original_text"
)


def _where_gemeente(gemeente: str | None) -> tuple[str, list[object]]:
    return (" AND q.gemeente = ?", [gemeente]) if gemeente else ("", [])


def awaiting(
    db: sqlite_utils.Database, gemeente: str | None = None, after_id: int = 0, limit: int = 1
) -> list[ReviewQuote]:
    """Quotes awaiting review in a gemeente (None: all), oldest first, with id > after_id."""
    where, params = _where_gemeente(gemeente)
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM quotes q WHERE {AWAITING_SQL} AND q.id > ?{where} "
        "ORDER BY q.id LIMIT ?",
        [after_id, *params, limit],
    ).fetchall()
    return [ReviewQuote(*row) for row in rows]


def count_awaiting(db: sqlite_utils.Database, gemeente: str | None = None) -> int:
    where, params = _where_gemeente(gemeente)
    return int(
        db.execute(f"SELECT count(*) FROM quotes q WHERE {AWAITING_SQL}{where}", params).fetchone()[
            0
        ]
    )


def get_quote(db: sqlite_utils.Database, quote_id: int) -> ReviewQuote | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM quotes q WHERE q.id = ?", [quote_id]).fetchone()
    return ReviewQuote(*row) if row else None


def _decide(
    db: sqlite_utils.Database, quote_id: int, review: str, person_id: int, action: str
) -> None:
    with transaction(db):
        cursor = db.execute(
            "UPDATE quotes SET review = ?, reviewed_by = ?, reviewed_at = ? "
            "WHERE id = ? AND review = 'new'",
            [review, person_id, now_iso(), quote_id],
        )
        if not cursor.rowcount:
            raise ReviewError("Dit citaat is al beoordeeld of bestaat niet meer.")
        audit.record(db, f"person:{person_id}", action, "quote", quote_id)


def approve(db: sqlite_utils.Database, quote_id: int, person_id: int) -> None:
    _decide(db, quote_id, "approved", person_id, "approve")


def reject(db: sqlite_utils.Database, quote_id: int, person_id: int) -> None:
    _decide(db, quote_id, "rejected", person_id, "reject")


def check_shortened(original: str, shorter: str) -> str:
    """The shortened text, tidied; raises ReviewError when it is not a shortening."""
    text = " ".join(shorter.split())
    if not text:
        raise ReviewError("De kortere versie is leeg. Typ het citaat opnieuw, maar korter.")
    if len(text) >= len(" ".join(original.split())):
        raise ReviewError(
            "Dat is niet korter dan het origineel. Laat woorden weg en typ het opnieuw."
        )
    extra = set(words(text)) - set(words(original))
    if extra:
        raise ReviewError(
            "Een ingekort citaat mag alleen woorden uit het origineel bevatten. "
            f"Deze woorden staan er niet in: {', '.join(sorted(extra))}."
        )
    return text


def shorten(db: sqlite_utils.Database, quote_id: int, shorter: str, person_id: int) -> str:
    """Replace the text with a shorter version and approve it; the first original is kept."""
    quote = get_quote(db, quote_id)
    if quote is None:
        raise ReviewError("Dit citaat bestaat niet meer.")
    text = check_shortened(quote.text, shorter)
    with transaction(db):
        cursor = db.execute(
            "UPDATE quotes SET original_text = coalesce(original_text, text), text = ?, "
            "review = 'approved', reviewed_by = ?, reviewed_at = ? WHERE id = ? AND review = 'new'",
            [text, person_id, now_iso(), quote_id],
        )
        if not cursor.rowcount:
            raise ReviewError("Dit citaat is al beoordeeld of bestaat niet meer.")
        audit.record(
            db,
            f"person:{person_id}",
            "shorten",
            "quote",
            quote_id,
            chars_before=len(quote.text),
            chars_after=len(text),
        )
    return text
