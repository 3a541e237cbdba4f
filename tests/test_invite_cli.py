"""`impactbot invite` and `impactbot run` (mode selection, missing token, webhook secret)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import SecretStr

from ground.errors import SettingsError
from ground.settings import Settings
from impactbot.cli import main
from impactbot.commands.run import check_webhook, warn_name
from store.db import open_db


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("IMPACTBOT_TELEGRAM_TOKEN", "IMPACTBOT_CONFIG", "IMPACTBOT_WEBHOOK_SECRET"):
        monkeypatch.delenv(name, raising=False)
    path = tmp_path / "impactbot.toml"
    path.write_text(
        '[storage]\ndatabase = "bot.db"\n[telegram]\nbot_username = "BindBot"\ninvite_days = 7\n',
        encoding="utf-8",
    )
    return path


def test_invite_prints_link_code_and_expiry(config: Path, capsys: pytest.CaptureFixture) -> None:
    assert (
        main(["--config", str(config), "invite", "--role", "leider", "--vestiging", "havelte"]) == 0
    )
    out = capsys.readouterr().out
    match = re.search(r"https://t\.me/BindBot\?start=([a-z0-9]+)", out)
    assert match, out
    code = match[1]
    assert f"Code: {code}" in out and "7 dagen" in out and "Havelte" in out
    db = open_db(config.parent / "bot.db")
    row = db.execute("SELECT role, gemeente, vestiging, used_at FROM invites").fetchone()
    db.conn.close()
    assert row == ("leider", "westerveld", "havelte", None)


def test_invite_manager_for_a_gemeente(config: Path, capsys: pytest.CaptureFixture) -> None:
    args = ["--config", str(config), "invite", "--role", "manager", "--gemeente", "westerveld"]
    assert main(args) == 0
    assert "manager (gemeente Westerveld)" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--gemeente", "atlantis"], "De gemeente 'atlantis' ken ik niet"),
        (["--vestiging", "nergens"], "De vestiging 'nergens' ken ik niet"),
        (["--gemeente", "midden-drenthe", "--vestiging", "havelte"], "hoort bij gemeente"),
    ],
)
def test_invite_refuses_unknown_scope(
    config: Path, capsys: pytest.CaptureFixture, extra: list[str], message: str
) -> None:
    assert main(["--config", str(config), "invite", "--role", "leider", *extra]) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_invite_takes_names_as_people_write_them(
    config: Path, capsys: pytest.CaptureFixture
) -> None:
    args = ["--config", str(config), "invite", "--role", "leider", "--vestiging", "Havelte"]
    assert main(args) == 0
    assert "Havelte" in capsys.readouterr().out
    db = open_db(config.parent / "bot.db")
    row = db.execute("SELECT gemeente, vestiging FROM invites").fetchone()
    db.conn.close()
    assert row == ("westerveld", "havelte")


def test_a_manager_invite_needs_a_gemeente(config: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["--config", str(config), "invite", "--role", "manager"]) == 1
    assert "--gemeente" in capsys.readouterr().err
    assert not (config.parent / "bot.db").exists()


def test_invite_without_a_bot_username_or_token_says_what_to_set(
    tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("IMPACTBOT_TELEGRAM_TOKEN", raising=False)
    config = tmp_path / "c.toml"
    config.write_text('[storage]\ndatabase = "bot.db"\n', encoding="utf-8")
    assert main(["--config", str(config), "invite", "--role", "admin"]) == 1
    err = capsys.readouterr().err
    assert "bot_username" in err and "IMPACTBOT_TELEGRAM_TOKEN" in err
    assert "Traceback" not in err
    assert not (tmp_path / "bot.db").exists()


def test_invite_asks_telegram_for_the_bots_name(
    tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    from standin import StandIn

    with StandIn(token="4242:TOKEN", username="BiebDrentheBot") as tg:
        monkeypatch.setenv("IMPACTBOT_TELEGRAM_TOKEN", "4242:TOKEN")
        config = tmp_path / "c.toml"
        config.write_text(
            f'[storage]\ndatabase = "bot.db"\n[telegram]\nbase_url = "{tg.base_url}"\n',
            encoding="utf-8",
        )
        assert main(["--config", str(config), "invite", "--role", "admin"]) == 0
        assert "https://t.me/BiebDrentheBot?start=" in capsys.readouterr().out
        assert [c.method for c in tg.calls] == ["getMe"]

        monkeypatch.setenv("IMPACTBOT_TELEGRAM_TOKEN", "4242:WRONG")
        assert main(["--config", str(config), "invite", "--role", "admin"]) == 1
        err = capsys.readouterr().err
        assert "token" in err and "Traceback" not in err


def test_run_warns_in_one_line_when_the_name_differs(capsys: pytest.CaptureFixture) -> None:
    settings = Settings()
    settings.telegram.bot_username = "@OudeBot"
    warn_name("NieuweBot", settings)
    warn_name("oudebot", settings)  # the same name, other capitals: fine
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "OudeBot" in err[0] and "NieuweBot" in err[0]


def test_run_without_token_says_what_to_do(config: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["--config", str(config), "run"]) == 1
    assert "IMPACTBOT_TELEGRAM_TOKEN" in capsys.readouterr().err


def test_webhook_needs_a_secret_token() -> None:
    settings = Settings()
    check_webhook(settings)  # polling: nothing needed
    settings.telegram.webhook.url = "https://bot.example.nl/telegram"
    with pytest.raises(SettingsError, match="IMPACTBOT_WEBHOOK_SECRET"):
        check_webhook(settings)
    settings.telegram.webhook.secret_token = SecretStr("s3cret-token")
    check_webhook(settings)


def test_bot_api_address_is_a_setting(settings: Settings) -> None:
    from fakes import BotHarness

    settings.telegram.base_url = "http://127.0.0.1:8081/bot"
    bot = BotHarness(settings)
    assert bot.app.bot.base_url.startswith("http://127.0.0.1:8081/bot")
    assert bot.app.bot.rate_limiter is not None
