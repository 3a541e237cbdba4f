"""Serve the participants' web page for the browser check: a fresh database in FOLDER with one
reported session (Taalcafé) opened to its participants, on 127.0.0.1:PORT.

    python tests/browser/serve.py FOLDER PORT

Prints "URL <address of the form>" when ready; stops on SIGTERM or Ctrl-C.
`python tests/browser/serve.py --count FOLDER` prints the web answers stored (for run.sh).
"""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime
from pathlib import Path

import uvicorn
from pydantic import SecretStr
from starlette.applications import Starlette

from bot.participant.web import participant_routes
from ground.settings import Settings
from store.db import open_db
from store.sessions import SessionIn, save_session
from store.survey import open_survey
from toc.loader import default_catalogue
from toc.survey import choose_statements


def settings_for(folder: Path) -> Settings:
    settings = Settings()
    settings.storage.database = folder / "browser.db"
    settings.telegram.bot_username = "ImpactbotBot"
    settings.participants.secret = SecretStr("browser-check-key")
    return settings


def seed(settings: Settings) -> str:
    catalogue = default_catalogue()
    db = open_db(settings.storage.database)
    try:
        today = datetime.now(UTC)
        session = SessionIn(
            date=date.today(), activity="taalcafe", vestiging="havelte", deelnemers=9
        )
        session_id = save_session(db, catalogue, session, "browser-check").session_id
        statements = [c.as_json() for c in choose_statements(catalogue, "taalcafe")]
        return open_survey(db, session_id, statements, today).code
    finally:
        db.conn.close()


def main() -> int:
    if sys.argv[1] == "--count":
        db = open_db(settings_for(Path(sys.argv[2])).storage.database)
        rows = db.execute("SELECT count(*) FROM survey_answers WHERE source = 'web'").fetchone()
        quotes = db.execute("SELECT count(*) FROM quotes").fetchone()
        print(f"web answers {rows[0]}, quotes {quotes[0]}")
        return 0 if rows[0] == 4 and quotes[0] == 1 else 1
    folder, port = Path(sys.argv[1]), int(sys.argv[2])
    folder.mkdir(parents=True, exist_ok=True)
    settings = settings_for(folder)
    code = seed(settings)
    routes = participant_routes(settings.storage.database, default_catalogue(), settings)
    print(f"URL http://127.0.0.1:{port}/d/{code}", flush=True)
    uvicorn.run(Starlette(routes=routes), host="127.0.0.1", port=port, log_level="warning")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
