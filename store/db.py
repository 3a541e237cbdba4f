"""Opening the one SQLite file Impactbot keeps everything in."""

from __future__ import annotations

import errno
import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from ground.errors import ImpactbotError
from store.backup import BackupError, backup_connection, default_folder, default_name, free_name
from store.migrations import LATEST, MIGRATIONS

log = logging.getLogger("impactbot.store")


class StoreError(ImpactbotError):
    """The database could not be opened or is from a newer Impactbot."""


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# How long a write waits for another process's write lock (an import, a sqlite3 session).
# The command line may wait long; the bot waits less (bot.core.dbthread.WAIT_MS, in its
# database thread): a handler that meets a longer lock keeps the draft and tells the person
# to try again.
BUSY_MS = 30_000


def connect(path: str | Path, busy_ms: int = BUSY_MS) -> sqlite3.Connection:
    """A connection with the settings every part of Impactbot relies on."""
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), timeout=busy_ms / 1000, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {int(busy_ms)}")
    if str(path) != ":memory:":
        conn.execute("PRAGMA journal_mode = WAL")
        # FULL syncs every commit, so an "Opgeslagen" always follows a durable write.
        conn.execute("PRAGMA synchronous = FULL")
    return conn


def is_busy(error: BaseException) -> bool:
    """Another connection held the write lock longer than this one would wait."""
    if not isinstance(error, sqlite3.OperationalError):
        return False
    text = str(error).lower()
    return "locked" in text or "busy" in text


def is_full(error: BaseException) -> bool:
    """The disk (or the file system's quota) is full: nothing can be written until it has room."""
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        return True
    return isinstance(error, sqlite3.OperationalError) and "full" in str(error).lower()


def cannot_write(error: BaseException) -> bool:
    """A write failed for a reason outside the bot: a lock held elsewhere, a full disk, a
    read-only file system. Such a write left nothing behind and can be tried again later."""
    if is_busy(error) or is_full(error):
        return True
    if isinstance(error, sqlite3.OperationalError):
        text = str(error).lower()
        return "readonly" in text or "read-only" in text or "disk i/o" in text
    return False


@contextmanager
def waiting_at_most(db: sqlite_utils.Database, busy_ms: int) -> Iterator[None]:
    """A shorter wait for the write lock for the statements inside (on this connection)."""
    before = db.execute("PRAGMA busy_timeout").fetchone()[0]
    db.conn.execute(f"PRAGMA busy_timeout = {int(busy_ms)}")
    try:
        yield
    finally:
        db.conn.execute(f"PRAGMA busy_timeout = {int(before)}")


def schema_version(db: sqlite_utils.Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def migrate(db: sqlite_utils.Database, target: int = LATEST) -> int:
    """Apply pending migrations up to `target`, each in its own transaction.

    The version is read under the write lock, so two processes opening the same new file
    cannot both apply a migration.
    """
    while True:
        db.conn.execute("BEGIN IMMEDIATE")
        try:
            current = schema_version(db)
            if current > LATEST:
                raise StoreError(
                    f"De database heeft schemaversie {current}, deze Impactbot kent er maar "
                    f"{LATEST}. Werk Impactbot bij."
                )
            if current >= target:
                db.conn.commit()
                return current
            MIGRATIONS[current](db)
            db.conn.execute(f"PRAGMA user_version = {current + 1}")
        except BaseException:
            db.conn.rollback()
            raise
        db.conn.commit()


def open_db(
    path: str | Path, backups: str | Path | None = None, busy_ms: int = BUSY_MS
) -> sqlite_utils.Database:
    """Open (or create) the database at `path` and bring it to the latest schema.

    Before an existing database is migrated to a newer schema, a checked backup goes to
    `backups` (default: store.backup.default_folder), so an update can always be undone.
    """
    existed = str(path) != ":memory:" and Path(path).is_file() and Path(path).stat().st_size > 0
    try:
        db = sqlite_utils.Database(connect(path, BUSY_MS))
        if existed and 0 < schema_version(db) < LATEST:
            _backup_before_migrating(db, Path(path), backups)
        migrate(db)
        if busy_ms != BUSY_MS:  # migrations may wait long; the caller's work may not
            db.conn.execute(f"PRAGMA busy_timeout = {int(busy_ms)}")
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"Kan de database {path} niet openen: {exc}") from exc
    return db


def _backup_before_migrating(
    db: sqlite_utils.Database, path: Path, backups: str | Path | None
) -> None:
    version = schema_version(db)
    folder = Path(backups) if backups is not None else default_folder(path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        info = backup_connection(db.conn, free_name(folder, default_name(label=f"schema{version}")))
    except (BackupError, OSError) as exc:
        raise StoreError(
            f"De database {path} moet worden bijgewerkt naar schemaversie {LATEST}, maar eerst "
            f"moet er een reservekopie komen, en dat lukte niet: {exc}"
        ) from exc
    log.warning(
        "backup before migrating",
        extra={"backup": str(info.path), "from_schema": version, "to_schema": LATEST},
    )


@contextmanager
def transaction(db: sqlite_utils.Database, durable: bool = True) -> Iterator[sqlite_utils.Database]:
    """One atomic write, under the write lock from its start (BEGIN IMMEDIATE: a writer waits
    here for another, never halfway through). Inside, sqlite-utils' table helpers (insert,
    insert_all, upsert, delete_where) join it: from 4.0 they wrap their work in `db.atomic()`,
    which is a savepoint inside an open transaction, so they neither commit nor roll back
    what came before. `db.atomic()` alone would start with a plain BEGIN and take the lock
    only at the first write, and knows nothing of `durable`; hence this function.

    `durable=False` (a step of a report in progress, the bot library's own state) commits
    without waiting for the disk (synchronous NORMAL, for this transaction only): still
    atomic and safe when the process crashes; only a power failure or an OS crash may undo
    it. The next durable commit (a saved report) makes it durable as well, since the WAL is
    synced up to there."""
    if not durable:
        db.conn.execute("PRAGMA synchronous = NORMAL")
    try:
        db.conn.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            db.conn.rollback()
            raise
        db.conn.commit()
    finally:
        if not durable:
            db.conn.execute("PRAGMA synchronous = FULL")


@contextmanager
def erasing(db: sqlite_utils.Database) -> Iterator[None]:
    """Around a transaction that deletes someone's data, so it leaves the file as well as the
    table: freed bytes are zeroed (secure_delete, whatever the SQLite build's default; it
    stays on for this connection), and afterwards the WAL, which still holds the old pages,
    is checkpointed and cut back. Backups and replicas made before keep their copy."""
    db.execute("PRAGMA secure_delete = ON")
    before = db.conn.total_changes
    yield
    if db.conn.total_changes != before:  # nothing deleted, nothing to cut back
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def insert(db: sqlite_utils.Database, table: str, row: dict[str, object]) -> int:
    """Insert one row with plain SQL (safe inside `transaction`); returns its rowid."""
    columns = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    cursor = db.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values()))
    return int(cursor.lastrowid or 0)
