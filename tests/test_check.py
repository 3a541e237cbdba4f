"""`impactbot check` against the Telegram stand-in on loopback and real SQLite files: each
problem gets its own sentence, and the exit code is 0 only when everything holds."""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import SecretStr

from ground.settings import Settings
from impactbot.checks import check_webhook, disk_check, needed_space
from impactbot.cli import main
from standin import StandIn
from store.db import migrate, open_db
from store.migrations import LATEST

# `impactbot check` renders a small PDF to try the fonts: the slow tier.
pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent
TOKEN = "4242:CHECK-token"
BOT = "BindImpactBot"


@pytest.fixture(scope="module")
def telegram() -> Iterator[StandIn]:
    with StandIn(host="127.0.0.1", port=0, token=TOKEN, username=BOT) as tg:
        yield tg


def _config(tmp_path: Path, base_url: str, bot_username: str = BOT, database: str = "") -> Path:
    path = tmp_path / "impactbot.toml"
    database = database or str(tmp_path / "impactbot.db")
    path.write_text(
        f'[storage]\ndatabase = "{database}"\n\n'
        f'[telegram]\nbase_url = "{base_url}"\nbot_username = "{bot_username}"\n',
        encoding="utf-8",
    )
    return path


@pytest.fixture
def ready(tmp_path: Path, telegram: StandIn, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An installation where everything holds; tests break one thing."""
    open_db(tmp_path / "impactbot.db").conn.close()
    monkeypatch.setenv("IMPACTBOT_TELEGRAM_TOKEN", TOKEN)
    monkeypatch.delenv("IMPACTBOT_CONFIG", raising=False)
    return _config(tmp_path, telegram.base_url)


def check(config: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["--config", str(config), "check"])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return code, out.out.splitlines()


def problems(lines: list[str]) -> list[str]:
    return [line for line in lines if line.startswith("FOUT")]


def test_all_good(ready: Path, capsys):
    code, lines = check(ready, capsys)
    assert code == 0, lines
    assert problems(lines) == []
    names = [line.split()[1] for line in lines if line.startswith("OK")]
    # the shipped afspraken are examples: the catalogue is fine, with a warning to replace them
    warned = [line for line in lines if line.startswith("LET OP")]
    assert len(warned) == 1 and "catalogus" in warned[0] and "voorbeelden" in warned[0]
    assert names[:2] == ["instellingen", "database"]
    assert {"schijfruimte", "token", "botnaam", "webhook", "pdf"} <= set(names)
    assert any(f"hoort bij @{BOT}" in line for line in lines)
    assert lines[-1] == "Alles in orde."


def test_real_afspraken_need_no_warning(ready: Path, capsys):
    shipped = ROOT / "toc" / "data" / "organisation.toml"
    real = ready.parent / "organisation.toml"
    real.write_text(shipped.read_text(encoding="utf-8").replace("voorbeeld = true\n", ""))
    with ready.open("a", encoding="utf-8") as config:
        config.write(f'\n[organisation]\norganisation = "{real}"\n')
    code, lines = check(ready, capsys)
    assert code == 0, lines
    assert not [line for line in lines if line.startswith("LET OP")]
    assert any(line.split()[:2] == ["OK", "catalogus"] for line in lines)


def test_wrong_token(ready: Path, capsys, monkeypatch):
    monkeypatch.setenv("IMPACTBOT_TELEGRAM_TOKEN", "4242:not-the-token")
    code, lines = check(ready, capsys)
    assert code == 1
    [problem] = problems(lines)
    assert "kent dit token niet (HTTP 401)" in problem and "@BotFather" in problem
    assert "not-the-token" not in "\n".join(lines)  # a token never shows
    assert lines[-1] == "1 probleem gevonden."


def test_missing_token(ready: Path, capsys, monkeypatch):
    monkeypatch.delenv("IMPACTBOT_TELEGRAM_TOKEN")
    code, lines = check(ready, capsys)
    assert code == 1
    [problem] = problems(lines)
    assert "Er is geen bot-token" in problem and "IMPACTBOT_TELEGRAM_TOKEN" in problem


def test_unreachable_bot_api(ready: Path, tmp_path: Path, capsys):
    with socket.socket() as sock:  # a loopback port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    code, lines = check(_config(tmp_path, f"http://127.0.0.1:{port}/bot"), capsys)
    assert code == 1
    [problem] = problems(lines)
    assert "is niet te bereiken" in problem and TOKEN not in problem


def test_wrong_bot_name(ready: Path, tmp_path: Path, telegram: StandIn, capsys):
    code, lines = check(_config(tmp_path, telegram.base_url, "AndereBot"), capsys)
    assert code == 1
    [problem] = problems(lines)
    assert f'hoort bij @{BOT}, maar [telegram] bot_username is "AndereBot"' in problem
    assert f'Zet bot_username op "{BOT}"' in problem
    # Written with @ or another case, it is the same bot.
    assert check(_config(tmp_path, telegram.base_url, "@bindimpactbot"), capsys)[0] == 0


def test_empty_bot_name(ready: Path, tmp_path: Path, telegram: StandIn, capsys):
    code, lines = check(_config(tmp_path, telegram.base_url, ""), capsys)
    assert code == 1
    [problem] = problems(lines)
    assert f'bot_username is leeg. Vul in: bot_username = "{BOT}"' in problem


def test_database_from_a_newer_impactbot(ready: Path, tmp_path: Path, capsys):
    conn = sqlite3.connect(tmp_path / "impactbot.db")
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.close()
    code, lines = check(ready, capsys)
    assert code == 1
    [problem] = problems(lines)
    assert f"komt van een nieuwere Impactbot (schemaversie {LATEST + 1}" in problem
    # check changed nothing
    conn = sqlite3.connect(tmp_path / "impactbot.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST + 1
    conn.close()


def test_database_at_an_older_schema_and_missing_database(
    ready: Path, tmp_path: Path, telegram: StandIn, capsys
):
    old = tmp_path / "oud.db"
    conn = sqlite3.connect(old)
    import sqlite_utils

    migrate(sqlite_utils.Database(conn), target=1)
    conn.close()
    code, lines = check(_config(tmp_path, telegram.base_url, database=str(old)), capsys)
    [problem] = problems(lines)
    assert code == 1 and "heeft schemaversie 1" in problem and "impactbot run" in problem
    conn = sqlite3.connect(old)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1  # not migrated by check
    conn.close()
    # A new deployment before its first start: the bot makes the database; check says so,
    # passes, and creates nothing itself.
    missing = str(tmp_path / "nieuw" / "nergens.db")
    code, lines = check(_config(tmp_path, telegram.base_url, database=missing), capsys)
    assert code == 0 and not problems(lines)
    assert any("de bot maakt hem bij de eerste start" in line for line in lines)
    assert not Path(missing).exists() and not Path(missing).parent.exists()


def _check_in_subprocess(
    config: Path, prelude: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    script = (
        f"import sys\n{prelude}\nfrom impactbot.cli import main\nsys.exit(main(sys.argv[1:]))\n"
    )
    return subprocess.run(
        [sys.executable, "-c", script, "--config", str(config), "check"],
        env={**os.environ, "IMPACTBOT_TELEGRAM_TOKEN": TOKEN, **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )


# As on a machine without Pango: cffi cannot load the library WeasyPrint asks for.
_NO_PANGO = """
import cffi
_real = cffi.FFI.dlopen
def _dlopen(self, name, *args, **kwargs):
    if "pango" in str(name):
        raise OSError(f"cannot load library '{name}': {name}: cannot open shared object file")
    return _real(self, name, *args, **kwargs)
cffi.FFI.dlopen = _dlopen
"""


def test_missing_font_library(ready: Path):
    done = _check_in_subprocess(ready, _NO_PANGO)
    assert done.returncode == 1, done.stdout + done.stderr
    [problem] = problems(done.stdout.splitlines())
    assert "een systeembibliotheek voor WeasyPrint ontbreekt (libpango-1.0-0)" in problem
    assert "apt-get install libpango-1.0-0" in problem
    assert "WeasyPrint could not import" not in done.stdout + done.stderr
    assert "Traceback" not in done.stderr


def test_no_fonts(ready: Path, tmp_path: Path):
    # fontconfig with a configuration that lists no font folders: no fonts at all.
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        f'<?xml version="1.0"?>\n<fontconfig><cachedir>{tmp_path / "fc"}</cachedir></fontconfig>\n'
    )
    done = _check_in_subprocess(ready, env={"FONTCONFIG_FILE": str(conf)})
    assert done.returncode == 1, done.stdout + done.stderr
    [problem] = problems(done.stdout.splitlines())
    assert "er zijn geen lettertypen op deze machine" in problem


def test_webhook_settings_must_fit_together():
    settings = Settings()
    assert all(c.ok for c in check_webhook(settings))  # long polling
    hook = settings.telegram.webhook
    hook.url = "http://bot.example.nl:8080/hook"
    texts = [c.text for c in check_webhook(settings)]
    assert all(not c.ok for c in check_webhook(settings))
    assert any("alleen naar een https-adres" in t for t in texts)
    assert any('eindigt niet op path "telegram"' in t for t in texts)
    assert any("IMPACTBOT_WEBHOOK_SECRET" in t for t in texts)
    hook.url = "https://bot.example.nl:8080/telegram"
    hook.secret_token = SecretStr("geheim met spaties")
    texts = [c.text for c in check_webhook(settings)]
    assert len(texts) == 2
    assert "poort 443, 80, 88 of 8443" in texts[0] and "alleen letters" in texts[1]
    hook.url = "https://bot.example.nl/telegram"
    hook.secret_token = SecretStr("Geheim_123-abc")
    assert all(c.ok for c in check_webhook(settings))


def test_disk_space_needs_room_for_a_backup_and_an_update(tmp_path: Path):
    assert needed_space(10_000) == 200_000_000
    assert needed_space(1_000_000_000) == 2_000_000_000
    assert disk_check(tmp_path, 2_000_000_000, 1_000_000_000).ok
    low = disk_check(tmp_path, 150_000_000, 1_000_000)
    assert not low.ok
    assert "nog 150 MB vrij; nodig is minstens 200 MB" in low.text
    assert "Maak ruimte vrij" in low.text


def test_tallies_that_no_longer_add_up_and_their_repair(ready: Path, tmp_path: Path, capsys):
    # A repair by hand that went around the triggers: /stand would count a session too few.
    conn = sqlite3.connect(tmp_path / "impactbot.db")
    trigger = conn.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'agg_sessions_insert'"
    ).fetchone()[0]
    conn.execute("DROP TRIGGER agg_sessions_insert")
    conn.execute(
        "INSERT INTO sessions (date, year, activity, vestiging, gemeente, deelnemers, "
        "created_at) VALUES ('2025-06-01', 2025, 'taalcafe', 'havelte', 'westerveld', 7, 'x')"
    )
    conn.execute(trigger)
    conn.commit()
    conn.close()
    code, lines = check(ready, capsys)
    assert code == 1
    [problem] = problems(lines)
    assert "tellingen" in problem and "(0 tegen 1 bijeenkomsten)" in problem
    assert "impactbot check --herstel-tellingen" in problem

    code = main(["--config", str(ready), "check", "--herstel-tellingen"])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "De tellingen zijn opnieuw uitgerekend uit alle verslagen."
    assert code == 0, lines
    assert any(line.split()[:2] == ["OK", "tellingen"] for line in lines)
    conn = sqlite3.connect(tmp_path / "impactbot.db")
    assert conn.execute("SELECT sum(bijeenkomsten) FROM agg_month").fetchone()[0] == 1
    conn.close()


def test_tallies_switched_off_are_found_and_switched_on_by_the_repair(
    ready: Path, tmp_path: Path, capsys
):
    # A trigger that keeps the tallies, dropped or changed by hand: the tallies still add up
    # today, but every later report would go uncounted.
    path = tmp_path / "impactbot.db"
    changes = (
        "DROP TRIGGER agg_sessions_insert",
        "DROP TRIGGER agg_observations_delete; CREATE TRIGGER agg_observations_delete "
        "AFTER DELETE ON observations BEGIN SELECT 1; END",
    )
    for change in changes:
        conn = sqlite3.connect(path)
        conn.executescript(change)
        conn.commit()
        conn.close()
        code, lines = check(ready, capsys)
        [problem] = problems(lines)
        assert code == 1 and "tellingen" in problem
        assert "impactbot check --herstel-tellingen" in problem

        assert main(["--config", str(ready), "check", "--herstel-tellingen"]) == 0
        capsys.readouterr()
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(
            "INSERT INTO sessions (date, year, activity, vestiging, gemeente, deelnemers, "
            "created_at) VALUES ('2025-06-01', 2025, 'taalcafe', 'havelte', 'westerveld', 7, "
            "'x')"
        )
        conn.commit()
        assert (
            conn.execute("SELECT count(*) FROM sessions").fetchone()[0]
            == conn.execute("SELECT sum(bijeenkomsten) FROM agg_month").fetchone()[0]
        )
        conn.close()


def test_the_repair_creates_and_migrates_no_database(
    ready: Path, tmp_path: Path, telegram: StandIn, capsys
):
    missing = tmp_path / "nergens.db"
    config = _config(tmp_path, telegram.base_url, database=str(missing))
    assert main(["--config", str(config), "check", "--herstel-tellingen"]) == 1
    assert "bestaat niet" in capsys.readouterr().out
    assert not missing.exists()
    old = tmp_path / "oud.db"
    conn = sqlite3.connect(old)
    import sqlite_utils

    migrate(sqlite_utils.Database(conn), target=1)
    conn.close()
    config = _config(tmp_path, telegram.base_url, database=str(old))
    assert main(["--config", str(config), "check", "--herstel-tellingen"]) == 1
    [problem] = problems(capsys.readouterr().out.splitlines())
    assert "heeft schemaversie 1" in problem
    conn = sqlite3.connect(old)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1  # 'impactbot run' migrates
    conn.close()


def test_the_repair_waits_for_the_bot_to_stop(ready: Path, tmp_path: Path, capsys):
    # Refilling the tallies holds the write lock for the whole rebuild (about half a minute
    # at 3 M sessions), longer than a running bot waits to save a report: not while it runs.
    from store.backup import database_lock

    path = tmp_path / "impactbot.db"
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER agg_sessions_insert")
    conn.commit()
    conn.close()
    with database_lock(path):  # as `impactbot run` holds it
        assert main(["--config", str(ready), "check", "--herstel-tellingen"]) == 1
    err = capsys.readouterr().err
    assert "Er draait een bot op de database" in err and "Traceback" not in err
    conn = sqlite3.connect(path)
    assert not conn.execute(  # left alone
        "SELECT 1 FROM sqlite_master WHERE name = 'agg_sessions_insert'"
    ).fetchone()
    conn.close()


def test_a_missing_database_in_a_folder_nobody_may_write_is_a_problem(tmp_path: Path):
    from impactbot.checks import check_database

    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        found = check_database(folder / "sub" / "impactbot.db")
        if os.access(folder, os.W_OK):  # root may write anyway: nothing to show here
            assert found.ok
        else:
            assert not found.ok and "mag niet geschreven worden" in found.text
    finally:
        folder.chmod(0o700)
