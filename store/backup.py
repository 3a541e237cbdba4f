"""Backups of the one SQLite file, and putting one back.

A backup is taken with SQLite's online backup API in one step: in WAL mode that is a
consistent snapshot while the bot keeps writing. It is written under a temporary name, checked
(integrity_check, schema version equal to the source's) and only then given its real name, so
a file called impactbot-*.sqlite is always a whole, checked copy. A backup is a single file
(journal mode DELETE) that can be copied anywhere.

Restoring refuses while a bot holds the database lock (`database_lock`, taken by
`impactbot run`), checks the file first, and moves the old database aside instead of deleting it.
"""

from __future__ import annotations

import errno
import fcntl
import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ground.errors import ImpactbotError
from store.migrations import LATEST

log = logging.getLogger("impactbot.store")

PREFIX = "impactbot-"
SUFFIX = ".sqlite"
LOCK_SUFFIX = ".lock"
ASIDE_MARK = ".voor-terugzetten-"


class BackupError(ImpactbotError):
    """A backup could not be made or a file cannot be restored."""


class DatabaseInUse(BackupError):
    """Another process (a running bot) holds the database lock."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    schema: int
    sessions: int
    size: int  # bytes


@dataclass(frozen=True)
class Restored:
    info: BackupInfo
    database: Path
    kept_aside: Path | None  # where the old database went; None when there was none


def default_folder(database: Path) -> Path:
    """Where backups go unless [storage] backups says otherwise: next to the database."""
    return Path(database).parent / "backups"


def default_name(when: datetime | None = None, label: str = "") -> str:
    stamp = (when or datetime.now()).strftime("%Y-%m-%dT%H%M")
    return f"{PREFIX}{stamp}{'-' + label if label else ''}{SUFFIX}"


def free_name(folder: Path, name: str) -> Path:
    """`name` in `folder`, or name-2, name-3… when a backup of the same minute exists."""
    target = folder / name
    stem = name.removesuffix(SUFFIX)
    n = 2
    while target.exists():
        target = folder / f"{stem}-{n}{SUFFIX}"
        n += 1
    return target


def _plural(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}".replace(",", ".")


def _open_existing(path: Path, *, read_only: bool) -> sqlite3.Connection:
    """Open a file that must exist (mode=ro/rw never creates one)."""
    mode = "ro" if read_only else "rw"
    conn = sqlite3.connect(f"file:{path}?mode={mode}", uri=True, timeout=30)
    conn.execute("PRAGMA busy_timeout = 30000")
    return conn


@dataclass(frozen=True)
class Status:
    """What a database file holds, read without changing it."""

    schema: int
    sessions: int
    problems: list[str]  # empty when SQLite's check found nothing wrong
    is_impactbot: bool


def read_status(path: str | Path, *, thorough: bool = True) -> Status:
    """Open an existing file read-only and check it (integrity_check, or the quicker
    quick_check); raises sqlite3.DatabaseError when it is no SQLite database at all."""
    check = "integrity_check" if thorough else "quick_check"
    with closing(_open_existing(Path(path), read_only=True)) as conn:
        found = [row[0] for row in conn.execute(f"PRAGMA {check}(5)")]
        schema = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        has_sessions = "sessions" in tables
        sessions = (
            conn.execute("SELECT count(*) FROM sessions").fetchone()[0] if has_sessions else 0
        )
    return Status(
        schema=schema,
        sessions=sessions,
        problems=[] if found == ["ok"] else found,
        is_impactbot=schema > 0 and has_sessions,
    )


def inspect(path: str | Path) -> BackupInfo:
    """Check that `path` is a whole Impactbot database this version can use; raise otherwise."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"Het bestand {path} bestaat niet. Controleer de naam en de map.")
    try:
        status = read_status(path)
    except sqlite3.DatabaseError as exc:
        raise BackupError(
            f"{path} is geen bruikbare database: SQLite kan het niet lezen (een ander soort "
            "bestand, of maar een stuk ervan). Kies een andere reservekopie."
        ) from exc
    if status.problems:
        raise BackupError(
            f"{path} is beschadigd (SQLite meldt: {status.problems[0]}). "
            "Kies een andere reservekopie."
        )
    if status.schema > LATEST:
        raise BackupError(
            f"{path} komt van een nieuwere Impactbot (schemaversie {status.schema}, deze "
            f"Impactbot kent er {LATEST}). Werk Impactbot eerst bij."
        )
    if not status.is_impactbot:
        raise BackupError(f"{path} is geen database van Impactbot. Kies een andere reservekopie.")
    return BackupInfo(
        path=path, schema=status.schema, sessions=status.sessions, size=path.stat().st_size
    )


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _copy(source: sqlite3.Connection, target: Path) -> None:
    """Copy `source` into a new single file at `target` (durable when this returns)."""
    with closing(sqlite3.connect(target)) as dest:
        # pages=-1: one step, one read transaction, so the copy is one consistent moment even
        # while other connections write (WAL readers do not block writers).
        source.backup(dest, pages=-1)
        # A backup is one file: rollback journal, not WAL (the header says which).
        dest.execute("PRAGMA journal_mode = DELETE")
        dest.commit()
    with open(target, "rb+") as handle:
        os.fsync(handle.fileno())


def backup_connection(source: sqlite3.Connection, target: Path) -> BackupInfo:
    """Back up an open connection to `target` (which must not exist), checked."""
    target = Path(target)
    if target.exists():
        raise BackupError(
            f"{target} bestaat al. Kies een andere naam; een reservekopie "
            "overschrijft nooit een ander bestand."
        )
    partial = target.with_name(target.name + ".deels")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        schema = source.execute("PRAGMA user_version").fetchone()[0]
        _copy(source, partial)
        info = inspect(partial)
        if info.schema != schema:
            raise BackupError(
                f"De reservekopie heeft schemaversie {info.schema}, de database {schema}. "
                "Probeer het opnieuw."
            )
        os.replace(partial, target)
        _fsync_dir(target.parent)
    except OSError as exc:
        raise BackupError(_disk_sentence(target, exc)) from exc
    except sqlite3.Error as exc:
        raise BackupError(
            f"De reservekopie {target} kon niet gemaakt worden ({exc}). Probeer het opnieuw."
        ) from exc
    finally:
        with suppress(OSError):
            partial.unlink(missing_ok=True)
    return BackupInfo(path=target, schema=info.schema, sessions=info.sessions, size=info.size)


def _disk_sentence(target: Path, exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return (
            f"De schijf is vol: de reservekopie {target} past er niet op. Maak ruimte vrij, "
            "bijvoorbeeld door oude reservekopieën te verplaatsen."
        )
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (
            f"Impactbot mag niet schrijven in {target.parent}. Kies een andere map of geef "
            "de gebruiker van de bot schrijfrechten."
        )
    return f"De reservekopie {target} kon niet geschreven worden: {exc.strerror or exc}."


def backup_database(
    database: str | Path,
    target: str | Path | None = None,
    folder: str | Path | None = None,
    when: datetime | None = None,
) -> BackupInfo:
    """Back up the database file at `database` to `target`, or to a name dated `when` (the
    organisation's local time; default: the machine's) in `folder`, made when missing. A
    `target` in a folder that does not exist is refused: that is a typing mistake more often
    than a wish for a new folder."""
    database = Path(database)
    if not database.is_file():
        raise BackupError(
            f"De database {database} bestaat niet. Controleer [storage] database in de "
            "instellingen."
        )
    if target is not None and not Path(target).parent.is_dir():
        parent = Path(target).parent
        raise BackupError(
            f"De map {parent} bestaat niet. Maak hem eerst aan (bijvoorbeeld met "
            f"'mkdir -p {parent}') of kies een andere map."
        )
    if target is None:
        folder = Path(folder) if folder is not None else default_folder(database)
        target = free_name(folder, default_name(when))
    try:
        with closing(_open_existing(database, read_only=False)) as source:
            return backup_connection(source, Path(target))
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"Kan de database {database} niet lezen: {exc}.") from exc


def prune(folder: str | Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` backups with Impactbot's own names in `folder`."""
    found = sorted(Path(folder).glob(f"{PREFIX}*{SUFFIX}"), key=lambda p: p.stat().st_mtime)
    removed = found[: max(len(found) - keep, 0)]
    for old in removed:
        try:
            old.unlink()
        except OSError as exc:
            raise BackupError(
                f"De oude reservekopie {old} kon niet weg ({exc.strerror}). Geef de gebruiker "
                "van de bot schrijfrechten in die map, of haal hem zelf weg."
            ) from exc
    return removed


@contextmanager
def database_lock(database: str | Path) -> Iterator[Path]:
    """Hold an exclusive lock on `database` for as long as the block runs.

    `impactbot run` holds it while the bot runs; `impactbot restore` takes it so it never
    swaps the file under a running bot. The lock is flock() on a file next to the database:
    the kernel drops it when the process ends, also after a kill, so it never goes stale.
    """
    lock_path = Path(f"{database}{LOCK_SUFFIX}")
    try:
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        # Read-only is enough for flock, so a lock file root made once does not stop the bot.
        fd = os.open(lock_path, os.O_RDONLY | os.O_CREAT, 0o644)
    except OSError as exc:
        raise BackupError(
            f"Kan het slot {lock_path} naast de database niet maken ({exc.strerror}). "
            "Gebruik de gebruiker van de bot, of controleer [storage] database."
        ) from exc
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise DatabaseInUse(
                f"Er draait een bot op de database {database}. Stop de bot eerst "
                "(bijvoorbeeld met: systemctl stop impactbot) en probeer het dan opnieuw."
            ) from None
        yield lock_path
    finally:
        os.close(fd)  # releases the lock


def restore(backup: str | Path, database: str | Path) -> Restored:
    """Put `backup` in place of `database`; the old database (with its WAL) is renamed aside.

    The caller holds `database_lock(database)`.
    """
    backup, database = Path(backup), Path(database)
    if backup.resolve() == database.resolve():
        raise BackupError(f"{backup} is de database zelf. Geef een reservekopie op.")
    checked = inspect(backup)
    incoming = database.with_name(database.name + ".terugzetten")
    try:
        database.parent.mkdir(parents=True, exist_ok=True)
        incoming.unlink(missing_ok=True)
        # Through SQLite, not a file copy: a source in WAL mode is read with its WAL.
        with closing(_open_existing(backup, read_only=True)) as source:
            _copy(source, incoming)
        copied = inspect(incoming)
        if copied.sessions != checked.sessions or copied.schema != checked.schema:
            raise BackupError(f"Het kopiëren van {backup} ging mis. Probeer het opnieuw.")
        _same_owner(incoming, database if database.exists() else database.parent)
        kept = _move_aside(database)
        if any(Path(f"{database}{extra}").exists() for extra in ("-wal", "-shm")):
            # Never put a database next to another one's WAL: SQLite would replay it.
            raise BackupError(
                f"Naast {database} staan nog -wal- of -shm-bestanden. Verplaats ze en probeer "
                "het opnieuw."
            )
        os.replace(incoming, database)
        _fsync_dir(database.parent)
    except OSError as exc:
        raise BackupError(_disk_sentence(database, exc)) from exc
    finally:
        with suppress(OSError):
            incoming.unlink(missing_ok=True)
    log.info("restored", extra={"schema": checked.schema, "sessions": checked.sessions})
    return Restored(info=checked, database=database, kept_aside=kept)


def _same_owner(path: Path, like: Path) -> None:
    """Run as root (a restore on a Sunday morning), the new database still belongs to the
    service user that owns the old one; otherwise the bot could not write to it."""
    if os.geteuid() == 0:
        owner = like.stat()
        os.chown(path, owner.st_uid, owner.st_gid)


def _move_aside(database: Path) -> Path | None:
    """Rename the database and its -wal/-shm files together, so the old one still opens."""
    if not database.exists():
        return None
    stamp = datetime.now().strftime("%Y-%m-%dT%H%M%S")
    aside = database.with_name(f"{database.name}{ASIDE_MARK}{stamp}")
    for extra in ("-wal", "-shm"):
        side = Path(f"{database}{extra}")
        if side.exists():
            os.replace(side, Path(f"{aside}{extra}"))
    os.replace(database, aside)
    return aside


def describe(info: BackupInfo) -> str:
    """'12 verslagen, schemaversie 5, 1,3 MB' for messages."""
    mb = f"{info.size / 1_000_000:.1f}".replace(".", ",")
    return f"{_plural(info.sessions, 'verslag', 'verslagen')}, schemaversie {info.schema}, {mb} MB"
