"""Check the impactreflectie HTML with axe-core at 1280 px and 390 px in headless Chromium.

Renders both editions of the Westerveld 2024 replay (tests/data) and of the demo (Westerveld
and the whole organisation, 2025), then runs scripts/axe/axe_check.mjs on them. Installs
nothing itself; it needs (see DEVELOPERS.md):

    apt-get install -y chromium nodejs npm
    npm ci --prefix scripts/axe

Usage: python scripts/axe_check.py [FOLDER]   (FOLDER keeps the HTML files; default: a temp dir)
Exit code: 0 without violations, 1 with violations, 2 when it cannot run.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from demo.runner import seed_database  # noqa: E402
from intake.importer import import_kengetallen, import_sessions  # noqa: E402
from reports.model import build_report  # noqa: E402
from reports.render import EDITIONS, render_html  # noqa: E402
from store.db import open_db  # noqa: E402
from toc.loader import default_catalogue  # noqa: E402

DATA = ROOT / "tests" / "data"
CHECKER = ROOT / "scripts" / "axe" / "axe_check.mjs"


def write_reports(folder: Path) -> list[Path]:
    catalogue = default_catalogue()
    files: list[Path] = []
    replay = open_db(folder / "westerveld-2024.db")
    demo_path = folder / "demo.db"
    seed_database(demo_path, catalogue, 2025, today=date(2026, 3, 1))
    demo = open_db(demo_path)
    try:
        import_sessions(replay, catalogue, DATA / "westerveld-2024-sessies.csv")
        import_kengetallen(replay, catalogue, DATA / "westerveld-2024-kengetallen.csv")
        reports = {
            "westerveld-2024": build_report(replay, catalogue, 2024, "westerveld"),
            "demo-westerveld-2025": build_report(demo, catalogue, 2025, "westerveld"),
            "demo-organisatie-2025": build_report(demo, catalogue, 2025, None),
        }
    finally:
        replay.conn.close()
        demo.conn.close()
    for name, report in reports.items():
        for edition in EDITIONS:
            path = folder / f"{name}-{edition}.html"
            path.write_text(render_html(report, edition), encoding="utf-8")
            files.append(path)
    return files


def main(argv: list[str]) -> int:
    node = shutil.which("node")
    if node is None or not (CHECKER.parent / "node_modules").exists():
        print(
            "axe_check: node and scripts/axe/node_modules are needed: "
            "apt-get install -y chromium nodejs npm && npm ci --prefix scripts/axe",
            file=sys.stderr,
        )
        return 2
    if argv:
        folder = Path(argv[0])
        folder.mkdir(parents=True, exist_ok=True)
        files = write_reports(folder)
        return subprocess.run([node, str(CHECKER), *map(str, files)]).returncode
    with tempfile.TemporaryDirectory() as tmp:
        files = write_reports(Path(tmp))
        return subprocess.run([node, str(CHECKER), *map(str, files)]).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
