"""End to end over loopback: `impactbot run` (a separate process) against the Telegram
stand-in. A leader reports and taps "Vraag de deelnemers"; an unregistered Telegram user opens
the link from the QR caption and answers; a phone answers the same session on the web page
(served from the same database file on 127.0.0.1). Afterwards the database file, read as raw
bytes (the .sqlite and its -wal), holds neither that user's Telegram id nor their names.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import uvicorn
from e2e_helpers import (
    WAIT,
    assert_for_people,
    has_button,
    people_only_database,
    read_only,
    start_demo,
    text_starts,
)
from pydantic import SecretStr
from starlette.applications import Starlette

from bot.leader import texts as leader_texts
from bot.leader.survey import qr_png
from bot.participant import texts as pt
from bot.participant.web import participant_routes
from demo.chat import TerminalChat
from demo.people import ANNE
from demo.runner import DEMO_TOKEN
from ground.settings import Settings
from reports.model import build_report
from standin import StandIn
from store.db import open_db
from toc.models import Catalogue

# An id and names that occur nowhere else, so finding their bytes means they were stored.
PARTICIPANT_ID = 7_391_045_268
FIRST, LAST, USERNAME = "Zwaantje", "Oosterhuisdijk", "zwaantje_oh_1957"
KEY = "e2e-deelnemerssleutel-0123456789"


def _config(tmp_path: Path, database: Path, base_url: str) -> Path:
    config = tmp_path / "impactbot.toml"
    config.write_text(
        f'[storage]\ndatabase = "{database}"\n\n'
        f'[telegram]\nbase_url = "{base_url}"\npoll_timeout = 1\npersistence_interval = 1.0\n\n'
        '[logging]\nlevel = "INFO"\nformat = "text"\n',
        encoding="utf-8",
    )
    return config


def _start_bot(tg: StandIn, config: Path, log: Path) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "IMPACTBOT_TELEGRAM_TOKEN": DEMO_TOKEN,
        "IMPACTBOT_PARTICIPANT_SECRET": KEY,
    }
    env.pop("IMPACTBOT_CONFIG", None)
    polls = tg.state.polls_started
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "impactbot", "--config", str(config), "run"],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=config.parent,
        )
    started = tg.state.wait_until(
        lambda: tg.state.polls_started > polls or proc.poll() is not None, 30
    )
    assert started and proc.poll() is None, log.read_text(errors="replace")[-3000:]
    return proc


def _encodings(number: int) -> list[bytes]:
    """How an integer can sit in a SQLite file: as text, or big-endian in 4 to 8 bytes."""
    found = [str(number).encode()]
    for size in (4, 5, 6, 8):
        try:
            found.append(number.to_bytes(size, "big", signed=True))
        except OverflowError:
            continue
    return found


def _file_bytes(database: Path) -> dict[str, bytes]:
    files = {}
    for suffix in ("", "-wal", "-shm", "-journal"):
        path = Path(f"{database}{suffix}")
        if path.exists():
            files[path.name] = path.read_bytes()
    return files


def _assert_forgotten(database: Path) -> None:
    # The search works: the registered leader's id is in the file (people.telegram_id).
    files = _file_bytes(database)
    assert any(enc in data for enc in _encodings(ANNE.telegram_id) for data in files.values())
    needles = [*_encodings(PARTICIPANT_ID), FIRST.encode(), LAST.encode(), USERNAME.encode()]
    for name, data in files.items():
        for needle in needles:
            assert needle not in data, f"{needle!r} found in {name}"


def _serve_page(settings: Settings, catalogue: Catalogue) -> tuple[uvicorn.Server, int]:
    routes = participant_routes(settings.storage.database, catalogue, settings)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(
        uvicorn.Config(Starlette(routes=routes), log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started
    return server, sock.getsockname()[1]


def test_a_stranger_answers_by_link_and_leaves_no_trace(
    tmp_path: Path, default_catalogue: Catalogue
) -> None:
    database = people_only_database(tmp_path / "bot.db", default_catalogue)
    with StandIn(token=DEMO_TOKEN) as tg:
        proc = _start_bot(tg, _config(tmp_path, database, tg.base_url), tmp_path / "bot.log")
        try:
            anne = tg.user(ANNE.telegram_id, "Anne")
            anne.send("Taalcafé Havelte vandaag 8 deelnemers")
            anne.wait(has_button(leader_texts.BUTTON_SAVE), WAIT)
            anne.tap(leader_texts.BUTTON_SAVE)
            anne.wait(has_button(leader_texts.BUTTON_ASK_PARTICIPANTS), WAIT)
            anne.tap(leader_texts.BUTTON_ASK_PARTICIPANTS)
            tg.state.wait_until(lambda: bool(anne.documents()), WAIT)
            qr = anne.documents()[-1]
            assert qr.data.startswith(b"\x89PNG")
            assert_for_people(qr.caption)
            link = re.search(r"https://t\.me/ImpactbotBot\?start=(s_\w+)", qr.caption or "")
            assert link is not None, qr.caption
            # Without a public web address the QR code holds the Telegram link itself.
            assert qr.data == qr_png(link.group(0))

            # A stranger, with a full name and a username, opens the link and answers.
            tg.user(PARTICIPANT_ID, FIRST, last_name=LAST, username=USERNAME)
            stranger = tg.user(PARTICIPANT_ID)
            stranger.send(f"/start {link.group(1)}")
            first = stranger.wait(text_starts("Vraag 1 van 4"), WAIT)
            assert_for_people(first)
            for n in range(2, 5):
                stranger.tap("Mee eens")
                stranger.wait(text_starts(f"Vraag {n} van 4"), WAIT)
            stranger.tap("Helemaal mee eens")
            stranger.wait(text_starts("Nog één vraag"), WAIT)
            stranger.send("Ik durf nu Nederlands te praten")
            stranger.wait(has_button(pt.CONSENT_ANON), WAIT)
            stranger.tap(pt.CONSENT_ANON)
            stranger.wait(has_button(pt.BUTTON_FOLLOWUP_NO), WAIT)
            stranger.tap(pt.BUTTON_FOLLOWUP_NO)
            assert stranger.wait(text_starts("Klaar."), WAIT).text == pt.DONE
            # Anything else of the bot stays closed to them.
            stranger.send("/stand")
            stranger.wait(lambda m: "uitnodiging" in (m.text or "").lower(), WAIT)

            # A phone answers the same session on the web page, on the same database file.
            settings = Settings()
            settings.storage.database = database
            settings.participants.secret = SecretStr(KEY)
            server, port = _serve_page(settings, default_catalogue)
            try:
                code = link.group(1).removeprefix("s_")
                with httpx.Client(base_url=f"http://127.0.0.1:{port}") as phone:
                    page = phone.get(f"/d/{code}").text
                    token = re.search(r'name="token" value="([^"]+)"', page)
                    assert token is not None
                    form = {"token": token.group(1), "s0": "5", "s1": "5", "s2": "4", "s3": "3"}
                    thanks = phone.post(f"/d/{code}", data=form, follow_redirects=True)
                    assert pt.WEB_THANKS in thanks.text
            finally:
                server.should_exit = True
            _assert_forgotten(database)  # while the bot still runs (the WAL is live)
        finally:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
            assert proc.wait(30) == 0

    with read_only(database) as conn:
        rows = conn.execute(
            "SELECT a.source, a.dimension, a.score, s.activity FROM survey_answers a "
            "JOIN sessions s ON s.id = a.session_id ORDER BY a.id"
        ).fetchall()
        quote = conn.execute("SELECT text, consent, review FROM quotes").fetchone()
        followups = conn.execute("SELECT count(*) FROM survey_followups").fetchone()[0]
    assert [(r[0], r[2]) for r in rows] == [
        ("telegram", 4),
        ("telegram", 4),
        ("telegram", 4),
        ("telegram", 5),
        ("web", 5),
        ("web", 5),
        ("web", 4),
        ("web", 3),
    ]
    assert {r[3] for r in rows} == {"taalcafe"}
    # The year report counts both people's answers under the effects their statements name.
    with read_only(database) as conn:
        named = conn.execute(
            "SELECT effect, count(*), sum(agrees) FROM survey_answers WHERE moment = 'direct' "
            "GROUP BY effect"
        ).fetchall()
        year = conn.execute("SELECT year FROM sessions").fetchone()[0]
    db = open_db(database)
    try:
        effecten = build_report(db, default_catalogue, year, None).to_contract_json()["effecten"]
    finally:
        db.conn.close()
    assert named  # each statement names one of the activity's effects
    for effect, answers, agreeing in named:
        said = effecten[effect]["deelnemers"]  # type: ignore[index]
        agreed = sum(kind["eens"] for kind in said["per_stelling"].values())
        assert (said["antwoorden"], agreed) == (answers, agreeing)
    assert quote == ("Ik durf nu Nederlands te praten", "anoniem", "new")
    assert followups == 0
    _assert_forgotten(database)  # and after the bot stopped
    logged = (tmp_path / "bot.log").read_text(errors="replace")
    assert "participant answered" in logged
    for secret in (str(PARTICIPANT_ID), FIRST, LAST, USERNAME, "Nederlands te praten"):
        assert secret not in logged


def test_the_demo_chat_plays_a_participant(tmp_path: Path, default_catalogue: Catalogue) -> None:
    env = start_demo(tmp_path / "demo", default_catalogue)
    out = io.StringIO()

    def lines() -> Iterator[str]:
        yield "Voorleesuurtje Havelte 12 kinderen 8 ouders"
        yield "9"  # Opslaan (under the six signals of a Voorleesuurtje and the two extras)
        yield "1"  # Vraag de deelnemers
        code = re.findall(r"start=s_(\w+)", out.getvalue())[-1]
        yield f"/deelnemer {code}"
        yield from ("4", "5", "3", "4")
        yield "1"  # Overslaan
        yield "2"  # Nee, dank je

    typed = lines()
    try:
        chat = TerminalChat(env, tmp_path / "bestanden", out=out, read=lambda p: next(typed))
        with contextlib.suppress(StopIteration):
            chat.run()
    finally:
        env.close()
    text = out.getvalue()
    assert "Je bent nu een deelnemer" in text
    assert "„Mijn kind luisterde vandaag tot het eind van het verhaal.”" in text
    assert pt.ANSWERED in text and "Klaar. Dank je wel!" in text  # (the demo wraps lines)
    assert [p.suffix for p in chat.saved] == [".png"]
    with read_only(env.database) as conn:
        assert conn.execute("SELECT count(*) FROM survey_answers").fetchone()[0] == 4
