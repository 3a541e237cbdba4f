"""Backups and restores on real SQLite files: checked copies, refusals, the database lock
held by another real process, and the backup before a schema update."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
import sqlite_utils

from impactbot.cli import main
from store.backup import (
    BackupError,
    DatabaseInUse,
    backup_database,
    database_lock,
    default_folder,
    inspect,
    prune,
    restore,
)
from store.db import migrate, open_db, schema_version
from store.migrations import LATEST
from store.sessions import SessionIn, save_session
from toc.models import Catalogue

ROOT = Path(__file__).resolve().parent.parent


def add_reports(db: sqlite_utils.Database, catalogue: Catalogue, kinderen: list[int]) -> None:
    for k in kinderen:
        report = SessionIn(
            date=date(2025, 3, 4),
            activity="voorleesuurtje",
            vestiging="havelte",
            deelnemers=k + 2,
            kinderen=k,
            volwassenen=2,
            source_key=f"test:{k}",
        )
        save_session(db, catalogue, report, actor="test")


def kinderen_in(path: Path) -> list[int]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT kinderen FROM sessions ORDER BY kinderen").fetchall()
    conn.close()
    return [r[0] for r in rows]


@pytest.fixture
def database(tmp_path: Path, default_catalogue: Catalogue) -> Path:
    path = tmp_path / "data" / "impactbot.db"
    db = open_db(path)
    add_reports(db, default_catalogue, [10, 11, 12])
    db.conn.close()
    return path


def test_backup_gets_a_dated_name_next_to_the_database_and_is_one_checked_file(database: Path):
    info = backup_database(database)
    assert info.path.parent == default_folder(database) == database.parent / "backups"
    assert info.path.name.startswith("impactbot-20") and info.path.suffix == ".sqlite"
    assert (info.schema, info.sessions) == (LATEST, 3)
    # One file: rollback journal, so no -wal beside it is needed to read it.
    with sqlite3.connect(info.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    assert not Path(f"{info.path}-wal").exists()
    assert kinderen_in(info.path) == [10, 11, 12]
    # A second backup in the same minute gets its own name.
    again = backup_database(database)
    assert again.path != info.path and again.path.exists()
    assert [p.name for p in info.path.parent.iterdir() if p.name.endswith(".deels")] == []


def test_backup_sees_what_an_open_writer_committed_but_not_yet_checkpointed(
    database: Path, default_catalogue: Catalogue, tmp_path: Path
):
    writer = open_db(database)  # like the running bot: its commits sit in the WAL
    add_reports(writer, default_catalogue, [20])
    assert Path(f"{database}-wal").stat().st_size > 0
    try:
        info = backup_database(database, tmp_path / "kopie.sqlite")
    finally:
        writer.conn.close()
    assert kinderen_in(info.path) == [10, 11, 12, 20]


def test_backup_never_overwrites_and_says_what_is_wrong(database: Path, tmp_path: Path):
    existing = tmp_path / "bestaat.sqlite"
    existing.write_text("iets anders")
    with pytest.raises(BackupError, match="bestaat al"):
        backup_database(database, existing)
    assert existing.read_text() == "iets anders"
    with pytest.raises(BackupError, match="bestaat niet"):
        backup_database(tmp_path / "nergens.db", tmp_path / "x.sqlite")
    in_a_file = existing / "kopieen"  # a folder that cannot be made: one sentence, no trace
    with pytest.raises(BackupError, match="kon niet geschreven worden"):
        backup_database(database, folder=in_a_file)
    with pytest.raises(BackupError, match="Kan het slot"), database_lock(in_a_file / "x.db"):
        pass


def test_inspect_refuses_what_it_cannot_restore(tmp_path: Path, database: Path):
    text = tmp_path / "tekst.sqlite"
    text.write_text("dit is geen database\n" * 100)
    with pytest.raises(BackupError, match="geen bruikbare database"):
        inspect(text)
    empty = tmp_path / "leeg.sqlite"
    sqlite3.connect(empty).execute("CREATE TABLE x (a)").connection.close()
    with pytest.raises(BackupError, match="geen database van Impactbot"):
        inspect(empty)
    newer = backup_database(database, tmp_path / "nieuwer.sqlite").path
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.close()
    with pytest.raises(BackupError, match="nieuwere Impactbot"):
        inspect(newer)


def test_inspect_finds_a_damaged_file(tmp_path: Path, default_catalogue: Catalogue):
    path = tmp_path / "groot.db"
    db = open_db(path)
    add_reports(db, default_catalogue, list(range(100, 400)))
    db.conn.close()
    damaged = backup_database(path, tmp_path / "beschadigd.sqlite").path
    # Overwrite a page in the middle (not the header) with rubbish.
    with open(damaged, "r+b") as handle:
        handle.seek(4096 * 3)
        handle.write(b"\xff" * 4096)
    with pytest.raises(BackupError, match="beschadigd|geen bruikbare"):
        inspect(damaged)


def test_restore_puts_the_backup_in_place_and_keeps_the_old_database_with_its_wal(
    database: Path, default_catalogue: Catalogue, tmp_path: Path
):
    backup = backup_database(database, tmp_path / "kopie.sqlite").path
    writer = open_db(database)
    add_reports(writer, default_catalogue, [30, 31])
    # Leave the new reports in the WAL only, as after a crash: no checkpoint on close.
    writer.conn.execute("PRAGMA wal_autocheckpoint = 0")
    writer.conn.close()
    done = restore(backup, database)
    assert kinderen_in(database) == [10, 11, 12]
    assert done.kept_aside is not None and done.kept_aside.parent == database.parent
    assert kinderen_in(done.kept_aside) == [10, 11, 12, 30, 31]
    assert open_db(database).execute("SELECT count(*) FROM sessions").fetchone()[0] == 3


def test_restore_onto_a_machine_without_a_database(database: Path, tmp_path: Path):
    backup = backup_database(database, tmp_path / "kopie.sqlite").path
    fresh = tmp_path / "nieuw" / "impactbot.db"
    done = restore(backup, fresh)
    assert done.kept_aside is None
    assert kinderen_in(fresh) == [10, 11, 12]


def test_a_refused_restore_changes_nothing(database: Path, tmp_path: Path):
    bad = tmp_path / "kapot.sqlite"
    bad.write_bytes(b"\0" * 10_000)
    before = database.read_bytes()
    with pytest.raises(BackupError):
        restore(bad, database)
    assert database.read_bytes() == before
    assert sorted(p.name for p in database.parent.iterdir() if "terugzetten" in p.name) == []


_HOLD_LOCK = """
import sys
from store.backup import database_lock
with database_lock(sys.argv[1]):
    print("locked", flush=True)
    sys.stdin.read()
"""


def test_the_lock_held_by_another_process_stops_a_restore_until_it_ends(
    database: Path, tmp_path: Path
):
    backup = backup_database(database, tmp_path / "kopie.sqlite").path
    with subprocess.Popen(
        [sys.executable, "-c", _HOLD_LOCK, str(database)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        cwd=ROOT,
        text=True,
    ) as holder:
        try:
            assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
            with pytest.raises(DatabaseInUse, match="Er draait een bot"), database_lock(database):
                pass
            config = tmp_path / "impactbot.toml"
            config.write_text(f'[storage]\ndatabase = "{database}"\n', encoding="utf-8")
            assert main(["--config", str(config), "restore", str(backup)]) == 1
        finally:
            holder.kill()  # a killed holder drops the lock too: it can never go stale
            holder.wait(10)
    with database_lock(database):
        restore(backup, database)


def test_backup_before_migrating_an_older_database(tmp_path: Path):
    path = tmp_path / "oud.db"
    old = sqlite_utils.Database(sqlite3.connect(path))
    migrate(old, target=1)
    old.execute(
        "INSERT INTO people (telegram_id, display_name, role, created_at) "
        "VALUES (42, 'Anne', 'leider', '2025-01-01')"
    )
    old.conn.commit()
    old.conn.close()
    folder = tmp_path / "kopieen"
    db = open_db(path, folder)
    assert schema_version(db) == LATEST
    db.conn.close()
    [copy] = list(folder.iterdir())
    assert copy.name.endswith("-schema1.sqlite")
    with sqlite3.connect(copy) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert conn.execute("SELECT display_name FROM people").fetchone()[0] == "Anne"
    conn.close()
    # At the latest schema, or brand new: nothing to back up.
    open_db(path, folder).conn.close()
    open_db(tmp_path / "nieuw.db", folder).conn.close()
    assert list(folder.iterdir()) == [copy]


def test_prune_keeps_the_newest_dated_backups_only(tmp_path: Path):
    names = [f"impactbot-2026-01-0{n}T0300.sqlite" for n in range(1, 6)]
    for n, name in enumerate(names):
        (tmp_path / name).write_text("x")
        os.utime(tmp_path / name, (time.time() - 100 + n, time.time() - 100 + n))
    (tmp_path / "eigen-kopie.sqlite").write_text("x")
    removed = prune(tmp_path, 2)
    assert [p.name for p in removed] == names[:3]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["eigen-kopie.sqlite", *names[3:]]


def test_backup_and_restore_commands(database: Path, tmp_path: Path, capsys):
    config = tmp_path / "impactbot.toml"
    config.write_text(
        f'[storage]\ndatabase = "{database}"\nbackups = "reserve"\n', encoding="utf-8"
    )
    assert main(["--config", str(config), "backup", "--keep", "1"]) == 0
    said = capsys.readouterr().out
    assert "Reservekopie gemaakt" in said and "3 verslagen" in said
    assert main(["--config", str(config), "backup", "--keep", "1"]) == 0
    assert "1 oude kopie verwijderd; alleen de nieuwste blijft." in capsys.readouterr().out
    [copy] = list((tmp_path / "reserve").iterdir())
    assert main(["--config", str(config), "restore", str(copy)]) == 0
    said = capsys.readouterr().out
    assert "Teruggezet" in said and "De oude database staat nog in" in said
    assert kinderen_in(database) == [10, 11, 12]
    assert main(["--config", str(config), "restore", str(tmp_path / "weg.sqlite")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Fout: Het bestand") and "Traceback" not in err
    assert main(["--config", str(config), "backup", "--keep", "0"]) == 1


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another user")
def test_a_restore_run_as_root_leaves_the_database_to_the_service_user(
    database: Path, tmp_path: Path
):
    backup = backup_database(database, tmp_path / "kopie.sqlite").path
    service_user = 65534  # nobody, standing in for the user impactbot
    os.chown(database, service_user, service_user)
    restore(backup, database)
    assert (database.stat().st_uid, database.stat().st_gid) == (service_user, service_user)


def test_restoring_a_file_that_is_no_database_says_so_in_dutch(tmp_path: Path):
    text = tmp_path / "tekst.sqlite"
    text.write_text("dit is geen database\n" * 100)
    with pytest.raises(BackupError) as info:
        inspect(text)
    assert "SQLite kan het niet lezen" in str(info.value)
    assert "file is not a database" not in str(info.value)


def test_backup_says_what_it_does_with_folders_and_names_in_library_time(
    database: Path, tmp_path: Path, capsys
):
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    config = tmp_path / "impactbot.toml"
    config.write_text(
        f'[storage]\ndatabase = "{database}"\nbackups = "{tmp_path / "nieuw"}"\n\n'
        '[organisation]\ntimezone = "Pacific/Kiritimati"\n',  # UTC+14: never the machine's
        encoding="utf-8",
    )
    # A file in a folder that does not exist: refused, nothing made.
    typo = tmp_path / "reserv" / "kopie.sqlite"
    assert main(["--config", str(config), "backup", str(typo)]) == 1
    err = capsys.readouterr().err
    assert f"De map {typo.parent} bestaat niet" in err and not typo.parent.exists()
    # The configured folder is made, and it says so; the name is in the organisation's time.
    before = datetime.now(ZoneInfo("Pacific/Kiritimati"))
    assert main(["--config", str(config), "backup"]) == 0
    said = capsys.readouterr().out
    assert f"De map {tmp_path / 'nieuw'} bestond nog niet en is nu gemaakt." in said
    [copy] = list((tmp_path / "nieuw").iterdir())
    stamps = {(before + timedelta(minutes=m)).strftime("%Y-%m-%dT%H%M") for m in (0, 1)}
    assert any(stamp in copy.name for stamp in stamps), copy.name
    assert main(["--config", str(config), "backup"]) == 0
    assert "bestond nog niet" not in capsys.readouterr().out
