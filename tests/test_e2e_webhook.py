"""`impactbot run` as a real process: in webhook mode (the stand-in delivers updates by HTTP
POST with the secret header), and against a Bot API that does not answer at all."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from pathlib import Path

from e2e_helpers import (
    WAIT,
    WEBHOOK_SECRET,
    bot_config,
    bot_process,
    free_port,
    has_button,
    people_only_database,
    person_id,
    read_only,
    register_leaders,
    sessions_of,
    text_starts,
)

from bot.leader import texts
from demo.runner import DEMO_TOKEN
from standin import StandIn
from toc.models import Catalogue

SECRET = WEBHOOK_SECRET
LEADER = 820_000_001


def _post(url: str, body: dict[str, object], secret: str | None) -> int:
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    request = urllib.request.Request(url, json.dumps(body).encode(), headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)
    except urllib.error.URLError:
        return 0  # not listening (yet)


def test_webhook_mode_refuses_without_the_secret_and_completes_a_report(
    tmp_path: Path, default_catalogue: Catalogue
):
    database = people_only_database(tmp_path / "bot.db", default_catalogue)
    register_leaders(database, [LEADER])
    port = free_port()
    hook = f"http://127.0.0.1:{port}/telegram"
    with StandIn(token=DEMO_TOKEN) as tg:
        extra = f'\n[telegram.webhook]\nurl = "{hook}"\nlisten = "127.0.0.1"\nport = {port}\n'
        config = bot_config(tmp_path, database, tg.base_url, extra)
        with bot_process(config, tmp_path / "bot.log") as proc:
            started = tg.state.wait_until(lambda: tg.webhook_url == hook, WAIT)
            assert started and proc.poll() is None, (tmp_path / "bot.log").read_text()
            leader = tg.user(LEADER, "Lotte")

            # Anyone but Telegram: refused before the update is read.
            forged = {
                "update_id": 999_999,
                "message": {
                    "message_id": 1,
                    "date": int(time.time()),
                    "chat": {"id": LEADER, "type": "private"},
                    "from": {"id": LEADER, "is_bot": False, "first_name": "Lotte"},
                    "text": "Voorleesuurtje Havelte vandaag 40 kinderen",
                },
            }
            deadline = time.monotonic() + WAIT
            while (status := _post(hook, forged, None)) != 403 and time.monotonic() < deadline:
                time.sleep(0.2)  # the web server may still be starting
            assert status == 403
            assert _post(hook, forged, "wrong-secret") == 403
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=10) as health:
                assert (health.status, health.read()) == (200, b"ok")

            # Lotte reports; every update reaches the bot by webhook.
            leader.send("Voorleesuurtje Havelte vandaag 12 kinderen 5 volwassenen")
            leader.wait(has_button(texts.BUTTON_SAVE), WAIT)
            leader.tap(texts.BUTTON_SAVE)
            saved = leader.wait(text_starts("Opgeslagen"), WAIT)
            assert saved.text is not None and saved.text.startswith(texts.SAVED)

            posts = tg.webhook_posts()
            assert len([p for p in posts if p[1] == 200]) >= 2
            assert not tg.calls_to("getUpdates") or all(not c.ok for c in tg.calls_to("getUpdates"))
        log = (tmp_path / "bot.log").read_text(errors="replace")
        assert proc.returncode == 0, log
        assert "Traceback" not in log
        assert SECRET not in log

    stored = sessions_of(database, person_id(database, LEADER))
    assert [(s["activity"], s["kinderen"], s["volwassenen"]) for s in stored] == [
        ("voorleesuurtje", 12, 5)
    ]
    with read_only(database) as conn:
        forged_count = conn.execute("SELECT count(*) FROM sessions WHERE kinderen = 40").fetchone()
    assert forged_count[0] == 0


def test_run_retries_an_unreachable_bot_api_with_one_dutch_line_per_try(tmp_path: Path):
    closed = free_port()  # nothing listens here
    config = bot_config(
        tmp_path,
        tmp_path / "bot.db",
        f"http://127.0.0.1:{closed}/bot",
        "start_attempts = 3\nretry_delay = 0.05\nsend_retries = 0\n",
    )
    started = time.monotonic()
    with bot_process(config, tmp_path / "bot.log") as proc:
        proc.wait(60)
    took = time.monotonic() - started
    out = (tmp_path / "bot.log").read_text(errors="replace")
    assert proc.returncode == 1, out
    assert "Traceback" not in out
    tries = [line for line in out.splitlines() if "antwoordt niet (poging" in line]
    assert [t.split("poging ")[1][0] for t in tries] == ["1", "2"], out
    assert "antwoordt niet na 3 pogingen" in out
    # Only the Dutch lines: no English warnings of the library's own retries in between.
    assert "network error" not in out and "trying again" not in out, out
    # The waits it names are the waits it does (0.1 + 0.2 s: at least 0.1), not seconds more.
    assert "over 0,1 seconden" in tries[0] and "over 0,2 seconden" in tries[1]
    assert took < 20
