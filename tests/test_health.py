"""store.health: what /healthz says about the database (busy is fine, full or missing not)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from store.db import open_db
from store.health import check_writable


def _database(tmp_path: Path) -> Path:
    path = tmp_path / "bot.db"
    open_db(path).conn.close()
    return path


def test_a_writable_database_is_ok(tmp_path: Path) -> None:
    assert check_writable(_database(tmp_path)).state == "ok"


def test_a_lock_held_elsewhere_is_busy_not_broken(tmp_path: Path) -> None:
    path = _database(tmp_path)
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        health = check_writable(path)
        assert health.state == "busy" and health.writable
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_a_full_disk_and_a_missing_file_are_reported_in_dutch(tmp_path: Path) -> None:
    path = _database(tmp_path)
    full = check_writable(path, min_free=10**18)
    assert not full.writable and full.reason.startswith("De schijf is vol")
    missing = check_writable(tmp_path / "weg.db")
    assert not missing.writable and "bestaat niet" in missing.reason


async def test_the_public_page_names_no_path_and_the_log_has_the_reason(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """/healthz is on the open internet: a broken database is told without its path."""
    from bot.core.web import HEALTH_BROKEN, HealthRoute

    route = HealthRoute(tmp_path / "missing.sqlite")
    with caplog.at_level("WARNING"):
        answer = await route.answer(None)  # the route never reads the request
    assert answer.status_code == 503
    assert answer.body.decode() == HEALTH_BROKEN and str(tmp_path) not in HEALTH_BROKEN
    assert any("not writable" in r.getMessage() for r in caplog.records)
