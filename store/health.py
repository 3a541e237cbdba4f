"""Can the bot write its database right now? For `GET /healthz` (run in a worker thread).

Three answers: `ok`; `busy` (another program holds the write lock: an import, a sqlite3
session; the bot itself is fine and writes again afterwards); or a Dutch reason why nothing
can be written (a full disk, a read-only file or folder), which a monitor should report.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

# Below this much free space a report's commit (WAL pages, a checkpoint) may fail.
MIN_FREE_BYTES = 10 * 1024 * 1024
WAIT_MS = 300


@dataclass(frozen=True)
class Health:
    state: str  # "ok", "busy" or "broken"
    reason: str = ""

    @property
    def writable(self) -> bool:
        return self.state != "broken"


def check_writable(path: str | Path, min_free: int = MIN_FREE_BYTES) -> Health:
    path = Path(path)
    folder = path.parent
    if not path.is_file():
        return Health("broken", f"De database {path} bestaat niet.")
    try:
        free = shutil.disk_usage(folder).free
    except OSError as exc:
        return Health("broken", f"De map {folder} is niet te lezen ({exc.strerror}).")
    if free < min_free:
        return Health("broken", f"De schijf is vol: nog {free // 1024} kB vrij in {folder}.")
    if not os.access(folder, os.W_OK) or not os.access(path, os.W_OK):
        return Health("broken", f"De database of de map {folder} is alleen-lezen.")
    try:
        conn = sqlite3.connect(str(path), timeout=WAIT_MS / 1000)
    except sqlite3.Error as exc:
        return Health("broken", f"De database is niet te openen ({exc}).")
    try:
        conn.execute(f"PRAGMA busy_timeout = {WAIT_MS}")
        # Takes the write lock and lets go again: nothing is written.
        conn.execute("BEGIN IMMEDIATE")
        conn.rollback()
    except sqlite3.OperationalError as exc:
        text = str(exc).lower()
        if "locked" in text or "busy" in text:
            return Health("busy")
        return Health("broken", f"De database kan niet worden geschreven ({exc}).")
    finally:
        conn.close()
    return Health("ok")
