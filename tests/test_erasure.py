"""The right to erasure leaves nothing in the database file: /vergeet zeroes what it deletes
(secure_delete, whatever the SQLite build's default) and empties the WAL, which still held
the old pages. Backups and Litestream replicas are another matter (README, Privacy)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import sqlite_utils

from ground.settings import Settings
from store.erasure import forget_person, forget_quote
from store.people import create_invite, redeem_invite
from store.sessions import QuoteIn, SessionIn, save_session
from toc.models import Catalogue


def in_file(settings: Settings, needle: bytes) -> bool:
    """Whether `needle` sits anywhere in the database file or its WAL."""
    for suffix in ("", "-wal"):
        path = Path(f"{settings.storage.database}{suffix}")
        if path.exists() and needle in path.read_bytes():
            return True
    return False


def test_an_erased_quote_leaves_no_text_in_the_file(
    db: sqlite_utils.Database, catalogue: Catalogue, settings: Settings
) -> None:
    db.execute("PRAGMA secure_delete = OFF")  # as on a SQLite build where it is off
    quote = QuoteIn(text="Mijn buurvrouw Zwaantje helpt nu", attribution="Jan, 72", consent="ja")
    session = SessionIn(
        date=date(2025, 3, 14),
        activity="ido-spreekuur",
        vestiging="havelte",
        deelnemers=6,
        quotes=[quote],
    )
    session_id = save_session(db, catalogue, session, actor="person:1").session_id
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # in the database pages, not only the WAL
    assert in_file(settings, b"buurvrouw Zwaantje")
    quote_id = db.execute("SELECT id FROM quotes WHERE session_id = ?", [session_id]).fetchone()[0]
    assert forget_quote(db, quote_id, actor="person:9")
    assert not in_file(settings, b"buurvrouw Zwaantje")
    assert db.execute("SELECT count(*) FROM sessions").fetchone()[0] == 1


def test_an_erased_person_leaves_no_name_in_the_file(
    db: sqlite_utils.Database, settings: Settings
) -> None:
    db.execute("PRAGMA secure_delete = OFF")
    invite = create_invite(db, "leider", gemeente="westerveld", vestiging="havelte")
    person = redeem_invite(db, invite.code, 987_654_321, "Wubbolt Zeldzaamheid")
    assert in_file(settings, b"Wubbolt Zeldzaamheid")
    assert forget_person(db, person.id, actor="person:9") is not None
    assert not in_file(settings, b"Wubbolt Zeldzaamheid")


def test_erasure_empties_the_outbox_of_what_it_erases(
    db: sqlite_utils.Database, catalogue: Catalogue, settings: Settings
) -> None:
    # A confirmation Telegram did not take yet waits in the outbox, with the summary's words
    # and the leader's chat id: erasing the quote or the person takes it along.
    invite = create_invite(db, "leider", gemeente="westerveld", vestiging="havelte")
    person = redeem_invite(db, invite.code, 987_654_321, "Wubbolt Zeldzaamheid")
    quote = QuoteIn(text="Mijn buurvrouw Zwaantje helpt nu", attribution="Jan, 72", consent="ja")
    session = SessionIn(
        date=date(2025, 3, 14), activity="ido-spreekuur", vestiging="havelte", deelnemers=6,
        quotes=[quote], reporter_id=person.id,
    )  # fmt: skip
    session_id = save_session(db, catalogue, session, actor="person:1").session_id
    with db.conn:
        db.conn.executemany(
            "INSERT INTO outbox (chat_id, text, created_at) VALUES (?, ?, '2025-03-14')",
            [
                (111, "Opgeslagen. Citaat: „Mijn buurvrouw Zwaantje helpt nu” (Jan, 72)"),
                (987_654_321, "Opgeslagen. Aantallen: 6 deelnemers"),
                (222, "Opgeslagen. Iets anders"),
            ],
        )
    quote_id = db.execute("SELECT id FROM quotes WHERE session_id = ?", [session_id]).fetchone()[0]
    assert forget_quote(db, quote_id, actor="person:9")
    assert [r[0] for r in db.execute("SELECT chat_id FROM outbox ORDER BY chat_id")] == [
        222, 987_654_321
    ]  # fmt: skip
    assert forget_person(db, person.id, actor="person:9") is not None
    assert [r[0] for r in db.execute("SELECT chat_id FROM outbox")] == [222]
