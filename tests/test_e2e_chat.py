"""The terminal chat of `impactbot demo`, driven line by line as a person would type."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import WAIT, person_id, sessions_of, start_demo

from demo.chat import TerminalChat
from demo.people import ANNE
from demo.runner import DemoEnvironment
from toc.models import Catalogue


@pytest.fixture
def env(tmp_path: Path, default_catalogue: Catalogue) -> Iterator[DemoEnvironment]:
    environment = start_demo(tmp_path / "demo", default_catalogue, full_year=True)
    try:
        yield environment
    finally:
        environment.close()


def test_a_leader_and_a_manager_in_the_terminal(env: DemoEnvironment, tmp_path: Path):
    out = io.StringIO()
    documents = tmp_path / "bestanden"
    chat: TerminalChat | None = None
    files_arrived = threading.Event()

    def lines() -> Iterator[str]:
        yield "Voorleesuurtje Havelte 12 kinderen 8 ouders"
        # The summary with the six signals of a Voorleesuurtje as toggles, then the extras
        # "Met wie?" and "Wat was bijzonder?", then Opslaan.
        yield "1"  # tick the first signal: "Kinderen zeiden nieuwe woorden na"
        yield "9"  # Opslaan
        yield "/help"
        yield "/manager"
        yield f"/rapport {env.year}"
        assert chat is not None
        # A person waits for the files before leaving; the PDF takes a moment.
        assert env.standin is not None
        # A full year's PDF on a busy machine can take longer than one answer of the bot.
        if env.standin.state.wait_until(lambda: len(chat.saved) >= 2, 4 * WAIT):
            files_arrived.set()
        yield "/stop"

    typed = lines()
    chat = TerminalChat(env, documents, out=out, read=lambda prompt: next(typed))
    assert chat.run() == 0

    text = out.getvalue()
    assert text.startswith("Welkom bij de demo van Impactbot!")
    assert "[7] ➕ Met wie?  [8] ➕ Wat was bijzonder?" in text
    assert "[9] Opslaan  [10] Wijzigen  [11] Annuleren" in text
    assert "[1] ✅ Kinderen zeiden nieuwe woorden na" in text  # the tick, shown on the summary
    assert "(je tikt op „Opslaan”)" in text
    assert "Opgeslagen ✅" in text
    assert "Zo werkt de demo:" in text
    assert "Je bent nu Johan" in text
    assert files_arrived.is_set()
    assert sorted(p.suffix for p in chat.saved) == [".html", ".pdf"]
    assert all(p.parent == documents and p.stat().st_size > 0 for p in chat.saved)
    assert f"De bestanden van de bot staan in {documents}." in text
    assert "Traceback" not in text
    stored = sessions_of(env.database, person_id(env.database, ANNE.telegram_id))
    assert [(s["kinderen"], s["volwassenen"]) for s in stored if s["source"] == "bot"] == [(12, 8)]
    assert "demo-chat-printer" not in {t.name for t in threading.enumerate()}


def test_ctrl_d_ends_the_chat(tmp_path: Path, default_catalogue: Catalogue):
    out = io.StringIO()

    def end(prompt: str) -> str:
        raise EOFError

    environment = start_demo(tmp_path / "demo", default_catalogue)
    try:
        assert TerminalChat(environment, tmp_path, out=out, read=end).run() == 0
    finally:
        environment.close()
    assert out.getvalue().rstrip().endswith("de tijdelijke database is opgeruimd.")


def test_impactbot_demo_from_a_pipe_stops_cleanly(tmp_path: Path):
    """The command itself, as a separate process: no token, no setup, no traceback."""
    # the report, Opslaan (9: after the six signals and the two extras on the summary);
    # then Ctrl-D
    typed = "Voorleesuurtje Havelte 12 kinderen 8 ouders\n9\n/admin\n/onzin\n"
    env = {k: v for k, v in os.environ.items() if not k.startswith("IMPACTBOT_")}
    done = subprocess.run(
        [sys.executable, "-m", "impactbot", "demo", "--out", str(tmp_path / "uit")],
        input=typed,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert "Anne  › Voorleesuurtje Havelte 12 kinderen 8 ouders" in done.stdout
    assert "Opgeslagen ✅" in done.stdout
    assert "Je bent nu Marieke" in done.stdout
    assert "Dat commando ken ik niet." in done.stdout
    assert done.stdout.rstrip().endswith("de tijdelijke database is opgeruimd.")
    assert list(tmp_path.iterdir()) == []  # nothing sent, so no files and no folder
