"""Settings: TOML plus environment, clear Dutch errors naming the setting and the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from ground.errors import SettingsError
from ground.settings import TOKEN_ENV, load_settings

ROOT = Path(__file__).resolve().parent.parent


def test_defaults_work_without_a_file():
    settings = load_settings(env={})
    assert settings.telegram.base_url == "https://api.telegram.org/bot"
    assert settings.organisation.timezone == "Europe/Amsterdam"
    assert settings.storage.database.name == "impactbot.db"


def test_example_config_is_valid_and_complete():
    settings = load_settings(ROOT / "config.example.toml", env={})
    assert settings.telegram.invite_days == 14
    text = (ROOT / "config.example.toml").read_text(encoding="utf-8")
    # Every setting of every section appears in the example, so the example documents them all.
    for section_name in type(settings).model_fields:
        if section_name == "source":
            continue
        section = getattr(settings, section_name)
        for key in type(section).model_fields:
            if key == "token":
                continue
            assert f"{key} =" in text or f"[{section_name}.{key}]" in text, (section_name, key)


def test_paths_in_a_config_file_are_relative_to_that_file(tmp_path):
    config = tmp_path / "conf" / "impactbot.toml"
    config.parent.mkdir()
    config.write_text('[storage]\ndatabase = "data/bot.db"\n', encoding="utf-8")
    settings = load_settings(config, env={})
    assert settings.storage.database == config.parent / "data" / "bot.db"


def test_environment_overrides_file_and_token_comes_only_from_environment(tmp_path):
    config = tmp_path / "c.toml"
    config.write_text('[telegram]\nbase_url = "http://127.0.0.1:8081/bot"\n', encoding="utf-8")
    env = {
        "IMPACTBOT_TELEGRAM_BASE_URL": "http://127.0.0.1:9999/bot",
        "IMPACTBOT_TELEGRAM_TOKEN": "1:x",
    }
    settings = load_settings(config, env=env)
    assert settings.telegram.base_url == "http://127.0.0.1:9999/bot"
    assert settings.token() == "1:x"
    assert "1:x" not in repr(settings)


def test_missing_token_says_which_variable():
    with pytest.raises(SettingsError, match="IMPACTBOT_TELEGRAM_TOKEN"):
        load_settings(env={}).token()


def test_token_in_a_file_is_refused(tmp_path):
    config = tmp_path / "c.toml"
    config.write_text('[telegram]\ntoken = "123:abc"\n', encoding="utf-8")
    with pytest.raises(SettingsError, match="IMPACTBOT_TELEGRAM_TOKEN"):
        load_settings(config, env={})


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ('[telegram]\ninvite_days = "veel"\n', "telegram.invite_days"),
        ('[storage]\ndatabse = "x.db"\n', "storage.databse"),
        ('[organisation]\ntimezone = "Mars/Olympus"\n', "organisation.timezone"),
        ('[schedule]\ndigest_time = "9 uur"\n', "schedule.digest_time"),
        ("[storage\n", "geen geldige TOML"),
        ('[telegram]\nbase_url = "ftp://x"\n', "begint met http:// of https://"),
        ('[telegram]\nbase_url = "http://127.0.0.1:8081"\n', "moet eindigen op /bot"),
        ('[telegram]\nbase_file_url = "https://x.nl/bot"\n', "moet eindigen op /file/bot"),
        ("[telegram]\ninvite_days = 0\n", "moet minstens 1 zijn"),
        ('[telegram]\ninvite_days = "veel"\n', "moet een heel getal zijn"),
        ('[logging]\nlevel = "LUID"\n', "moet een van deze zijn"),
        ("[storage]\ndatabase = 5\n", "moet een bestandspad zijn"),
    ],
)
def test_invalid_settings_name_the_setting_and_the_file(tmp_path, toml, expected):
    config = tmp_path / "bad.toml"
    config.write_text(toml, encoding="utf-8")
    with pytest.raises(SettingsError) as error:
        load_settings(config, env={})
    assert expected in str(error.value)
    assert str(config) in str(error.value)


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(SettingsError, match="bestaat niet"):
        load_settings(tmp_path / "nope.toml", env={})


def test_which_proxies_the_web_server_trusts(tmp_path):
    # Default: only a proxy on this machine (loopback), where the README puts nginx or Caddy.
    assert load_settings(env={}).web.forwarded_allow_ips == "127.0.0.1,::1"
    config = tmp_path / "impactbot.toml"
    config.write_text('[web]\nforwarded_allow_ips = "10.0.0.0/8, 192.168.1.5"\n', "utf-8")
    assert load_settings(config, env={}).web.forwarded_allow_ips == "10.0.0.0/8,192.168.1.5"
    env = {"IMPACTBOT_WEB_FORWARDED_ALLOW_IPS": ""}
    assert load_settings(config, env=env).web.forwarded_allow_ips == ""  # trust nobody
    config.write_text('[web]\nforwarded_allow_ips = "proxy.local"\n', "utf-8")
    with pytest.raises(SettingsError) as error:
        load_settings(config, env={})
    assert "'web.forwarded_allow_ips'" in str(error.value)
    assert "'proxy.local' is geen IP-adres" in str(error.value)


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ("[storage\n", "regel 1, kolom 9 ([storage): een ] ontbreekt"),
        ("[storage]\ndatabase = x\n", "regel 2, kolom 12 (database = x): deze waarde"),
        ('[storage]\ndatabase = "x\n', "aanhalingsteken"),
    ],
)
def test_a_broken_toml_file_is_explained_in_dutch(tmp_path, toml, expected):
    config = tmp_path / "kapot.toml"
    config.write_text(toml, encoding="utf-8")
    with pytest.raises(SettingsError) as error:
        load_settings(config, env={})
    text = str(error.value)
    assert expected in text
    for english in ("Expected", "Invalid", "Unterminated", " at line", "column"):
        assert english not in text


def test_a_wrong_variable_in_the_environment_is_named_as_such(tmp_path):
    """The environment is read by pydantic-settings' source: IMPACTBOT_<SECTIE>_<SLEUTEL>; a
    wrong one is named by its variable, so nobody looks for it in the file."""
    config = tmp_path / "c.toml"
    config.write_text("[telegram]\ninvite_days = 7\n", encoding="utf-8")
    env = {"IMPACTBOT_TELEGRAM_INVITE_DAYS": "veel", "IMPACTBOT_TELEGRAM_PORT": "1"}
    with pytest.raises(SettingsError) as error:
        load_settings(config, env=env)
    said = str(error.value)
    assert "- 'IMPACTBOT_TELEGRAM_INVITE_DAYS': moet een heel getal zijn" in said
    assert "- 'IMPACTBOT_TELEGRAM_PORT': deze instelling bestaat niet" in said
    # and the secrets with names of their own
    env = {"IMPACTBOT_WEBHOOK_SECRET": "w", "IMPACTBOT_PARTICIPANT_SECRET": "p"}
    settings = load_settings(config, env=env)
    assert settings.telegram.invite_days == 7
    assert settings.telegram.webhook.secret_token is not None
    assert settings.telegram.webhook.secret_token.get_secret_value() == "w"
    assert settings.participants.secret is not None
    assert settings.participants.secret.get_secret_value() == "p"


def test_an_empty_token_in_the_environment_is_no_token():
    # systemd's `Environment=IMPACTBOT_TELEGRAM_TOKEN=` sets it empty: say it is missing
    with pytest.raises(SettingsError, match="Er is geen bot-token"):
        load_settings(env={"IMPACTBOT_TELEGRAM_TOKEN": ""}).token()


def test_a_section_in_one_variable_is_ignored_and_bad_json_is_one_sentence():
    # one setting per variable: IMPACTBOT_STORAGE alone is no setting (as before)
    assert load_settings(env={"IMPACTBOT_STORAGE": "x"}).storage.database.name == "impactbot.db"
    with pytest.raises(SettingsError, match="Zet één instelling per variabele"):
        load_settings(env={"IMPACTBOT_TELEGRAM_WEBHOOK": "{niet af"})


def test_without_a_file_the_messages_name_no_file(tmp_path: Path) -> None:
    """No '(niet in (standaardinstellingen))': without a file only the variable is named."""
    with pytest.raises(SettingsError) as missing:
        load_settings(env={}).token()
    assert str(missing.value).endswith(f"in de omgevingsvariabele {TOKEN_ENV}.")
    assert "standaardinstellingen" not in str(missing.value)
    with pytest.raises(SettingsError) as wrong:
        load_settings(env={"IMPACTBOT_TELEGRAM_PORT": "veel"})
    assert str(wrong.value).startswith("De instellingen kloppen niet:")
    file = tmp_path / "impactbot.toml"
    file.write_text("[storage]\n")
    with pytest.raises(SettingsError, match=rf"\(niet in {file}\)"):
        load_settings(file, env={}).token()
