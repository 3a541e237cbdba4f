"""One typed settings object, built once from TOML plus the environment, then passed down.

Every setting has a working default. The bot token is read only from the environment
(IMPACTBOT_TELEGRAM_TOKEN), never from a file that could be committed. Any other setting can
be overridden as IMPACTBOT_<SECTIE>_<SLEUTEL>, e.g. IMPACTBOT_STORAGE_DATABASE=/data/bot.db.

The file and the environment are read by pydantic-settings' own sources (TOML, environment);
`Settings` itself stays a plain model, so `Settings()` is the defaults, whatever the
environment holds. This module adds what those sources do not: the Dutch messages, the
refusal of secrets in the file, and paths relative to the file.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    ValidationInfo,
    field_validator,
)
from pydantic_settings import (
    BaseSettings,
    EnvSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)
from pydantic_settings import SettingsError as SettingsSourceError
from pydantic_settings.sources.utils import parse_env_vars

from ground.errors import SettingsError

TOKEN_ENV = "IMPACTBOT_TELEGRAM_TOKEN"
CONFIG_ENV = "IMPACTBOT_CONFIG"
WEBHOOK_SECRET_ENV = "IMPACTBOT_WEBHOOK_SECRET"
PARTICIPANT_SECRET_ENV = "IMPACTBOT_PARTICIPANT_SECRET"
ENV_PREFIX = "IMPACTBOT_"
# Where the settings came from when no file was given (never printed as a file name).
DEFAULT_SOURCE = "(standaardinstellingen)"


def _not_in(source: str) -> str:
    """' (niet in impactbot.toml)' after the token's variable; nothing without a file."""
    return "" if source == DEFAULT_SOURCE else f" (niet in {source})"


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class OrganisationSettings(_Section):
    name: str = "Biblionet Drenthe"
    # Empty means the catalogue and organisation shipped inside the package.
    catalogue: Path | None = None
    organisation: Path | None = None
    timezone: str = "Europe/Amsterdam"

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"onbekende tijdzone '{value}'") from exc
        return value


class StorageSettings(_Section):
    database: Path = Path("impactbot.db")
    # Folder for `impactbot backup` and the backup before a schema update.
    # Empty means the folder "backups" next to the database.
    backups: Path | None = None

    def backup_folder(self) -> Path:
        return self.backups if self.backups is not None else self.database.parent / "backups"


class WebhookSettings(_Section):
    # Empty url: long polling. With a url the bot serves a webhook on listen:port/path.
    url: str = ""
    listen: str = "127.0.0.1"
    port: int = Field(default=8443, ge=1, le=65535)
    path: str = "telegram"
    # The secret Telegram sends in X-Telegram-Bot-Api-Secret-Token; from the environment
    # IMPACTBOT_WEBHOOK_SECRET if not set here.
    secret_token: SecretStr | None = None


class TelegramSettings(_Section):
    base_url: str = "https://api.telegram.org/bot"
    base_file_url: str = "https://api.telegram.org/file/bot"

    @field_validator("base_url", "base_file_url")
    @classmethod
    def _http_address(cls, value: str, info: ValidationInfo) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError(
                f"'{value}' is geen webadres; het begint met http:// of https://, "
                "bijvoorbeeld http://127.0.0.1:8081/bot"
            )
        # The Bot API's addresses are <server>/bot<token>/<method> and
        # <server>/file/bot<token>/<path>: the token is appended right after this value.
        ending = "/file/bot" if info.field_name == "base_file_url" else "/bot"
        if not value.endswith(ending):
            raise ValueError(
                f"'{value}' moet eindigen op {ending} (het token komt er direct achter), "
                f"bijvoorbeeld https://api.telegram.org{ending}"
            )
        return value

    # The bot's @username without @, for invite links printed without network access.
    # Empty: `impactbot invite` asks getMe with the token (and refuses without a token).
    bot_username: str = ""
    invite_days: int = Field(default=14, ge=1, le=365)
    # Seconds between python-telegram-bot persistence flushes. Drafts are saved at every
    # step regardless; this is for the library's own state.
    persistence_interval: float = Field(default=5.0, gt=0)
    poll_timeout: int = Field(default=10, ge=0, le=50)
    # The rate limiter's ceiling for messages to chats, per second. Telegram allows about 30
    # for a bot; a local stand-in (the demo, the load benchmark) can take more.
    max_messages_per_second: int = Field(default=30, ge=1, le=10_000)
    # How many people's updates are handled side by side (each person's stay in order).
    # 1 handles everything one at a time.
    concurrent_updates: int = Field(default=64, ge=1, le=1024)
    # A request that fails on the network, or gets a 429 from Telegram, is tried this many
    # times more; network retries wait retry_delay seconds, doubling each time.
    send_retries: int = Field(default=3, ge=0, le=10)
    retry_delay: float = Field(default=0.5, ge=0, le=30)
    # At start-up, how often to try to reach the Bot API before giving up (0: keep trying).
    start_attempts: int = Field(default=0, ge=0)
    webhook: WebhookSettings = Field(default_factory=WebhookSettings)
    # Never from a file: see TOKEN_ENV.
    token: SecretStr | None = Field(default=None, exclude=True)


class WebSettings(_Section):
    # The bot's web server (webhook, participants' page) behind a reverse proxy: from which
    # addresses it believes X-Forwarded-For (and -Proto), comma-separated IP addresses or
    # networks; only then does the page's rate limit see each visitor instead of the proxy.
    # Loopback by default, where the README puts nginx or Caddy; "" trusts nobody.
    forwarded_allow_ips: str = "127.0.0.1,::1"

    @field_validator("forwarded_allow_ips")
    @classmethod
    def _addresses(cls, value: str) -> str:
        import ipaddress

        parts = [part.strip() for part in value.split(",") if part.strip()]
        for part in parts:
            try:
                ipaddress.ip_network(part, strict=False)
            except ValueError:
                raise ValueError(
                    f"'{part}' is geen IP-adres of netwerk; schrijf bijvoorbeeld "
                    '"127.0.0.1" of "10.0.0.0/8", gescheiden door komma\'s'
                ) from None
        return ",".join(parts)


class ReportSettings(_Section):
    output_dir: Path = Path("rapporten")
    # Folder with forewords: <jaar>-<gemeente id>.md or <jaar>-organisatie.md (Markdown).
    voorwoorden: Path | None = None


class LoggingSettings(_Section):
    level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    format: Literal["json", "text"] = "json"


class ScheduleSettings(_Section):
    digest_day: Literal["ma", "di", "wo", "do", "vr", "za", "zo"] = "ma"
    digest_time: str = "09:00"
    reminder_time: str = "20:00"

    @field_validator("digest_time", "reminder_time")
    @classmethod
    def _clock(cls, value: str) -> str:
        hours, _, minutes = value.partition(":")
        if not (hours.isdigit() and minutes.isdigit() and int(hours) < 24 and int(minutes) < 60):
            raise ValueError(f"'{value}' is geen tijd; schrijf het als UU:MM, bijvoorbeeld 09:00")
        return value


class ParticipantSettings(_Section):
    # The public web address of the bot's server, e.g. "https://bot.example.nl". When set (or
    # when the webhook has a url), the QR code opens the participants' web page there.
    public_url: str = ""
    # Days until the one follow-up question to those who asked for it (PLA: 4-6 weeks).
    followup_days: int = Field(default=35, ge=1, le=120)
    # Days a session's link and QR code keep working.
    survey_days: int = Field(default=14, ge=1, le=60)
    # The key file for the anonymous respondent hashes; empty: next to the database.
    # IMPACTBOT_PARTICIPANT_SECRET in the environment takes its place.
    secret_file: Path | None = None
    # Web page: at most this many form posts per minute from one IP address.
    posts_per_minute: int = Field(default=20, ge=1, le=10_000)
    # Never from a file: see PARTICIPANT_SECRET_ENV.
    secret: SecretStr | None = Field(default=None, exclude=True)

    @field_validator("public_url")
    @classmethod
    def _web_address(cls, value: str) -> str:
        if value and not value.startswith(("http://", "https://")):
            raise ValueError(
                f"'{value}' is geen webadres; het begint met https://, "
                "bijvoorbeeld https://bot.bibliotheek.nl"
            )
        return value.rstrip("/")

    def web_base(self, webhook_url: str = "") -> str:
        """Where the participants' page is reached from outside, or "" when it is not."""
        if self.public_url:
            return self.public_url
        if webhook_url:
            from urllib.parse import urlsplit

            parts = urlsplit(webhook_url)
            return f"{parts.scheme}://{parts.netloc}"
        return ""


class Settings(_Section):
    organisation: OrganisationSettings = Field(default_factory=OrganisationSettings)
    storage: StorageSettings = Field(default_factory=StorageSettings)
    telegram: TelegramSettings = Field(default_factory=TelegramSettings)
    reports: ReportSettings = Field(default_factory=ReportSettings)
    logging: LoggingSettings = Field(default_factory=LoggingSettings)
    schedule: ScheduleSettings = Field(default_factory=ScheduleSettings)
    participants: ParticipantSettings = Field(default_factory=ParticipantSettings)
    web: WebSettings = Field(default_factory=WebSettings)
    # Where the settings came from, for messages.
    source: str = Field(default=DEFAULT_SOURCE, exclude=True)

    def token(self) -> str:
        if self.telegram.token is None:
            raise SettingsError(
                f"Er is geen bot-token. Zet het token van BotFather in de omgevingsvariabele "
                f"{TOKEN_ENV}{_not_in(self.source)}."
            )
        return self.telegram.token.get_secret_value()

    def participant_key_file(self) -> Path:
        """Where the key for anonymous respondent hashes lives (never in the database)."""
        given = self.participants.secret_file
        if given is not None:
            return given
        database = self.storage.database
        return database.with_name(database.name + ".deelnemerssleutel")


class _Sources(BaseSettings, Settings):
    """How the sources read the file and the environment: IMPACTBOT_<SECTIE>_<SLEUTEL>, split
    once at the first "_" after the section (keys have underscores of their own)."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX,
        env_nested_delimiter="_",
        env_nested_max_split=1,
        case_sensitive=False,
        extra="forbid",
    )


class _Environment(EnvSettingsSource):
    """pydantic-settings' environment source, over a given mapping (os.environ, or a test's
    own) instead of always os.environ."""

    def __init__(self, env: Mapping[str, str]) -> None:
        # A whole section in one variable (IMPACTBOT_STORAGE='{...}') is not ours to read:
        # one setting per variable, as before.
        sections = {f"{ENV_PREFIX}{name}".lower() for name in Settings.model_fields}
        self._given = {k: v for k, v in env.items() if k.lower() not in sections}
        super().__init__(_Sources)

    def _load_env_vars(self) -> Mapping[str, str | None]:
        return parse_env_vars(
            self._given, self.case_sensitive, self.env_ignore_empty, self.env_parse_none_str
        )


def _merge(base: dict[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in extra.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


# pydantic's English messages, said in Dutch for the person editing the file.
_DUTCH = {
    "int_parsing": "moet een heel getal zijn",
    "int_type": "moet een heel getal zijn",
    "float_parsing": "moet een getal zijn",
    "float_type": "moet een getal zijn",
    "bool_parsing": "moet true of false zijn",
    "bool_type": "moet true of false zijn",
    "string_type": "moet tekst zijn, tussen aanhalingstekens",
    "path_type": "moet een bestandspad zijn, tussen aanhalingstekens",
    "model_type": "moet een [sectie] zijn",
    "dict_type": "moet een [sectie] zijn",
    "greater_than_equal": "moet minstens {ge} zijn",
    "greater_than": "moet groter zijn dan {gt}",
    "less_than_equal": "mag hoogstens {le} zijn",
    "literal_error": "moet een van deze zijn: {expected}",
}


def _dutch(item: dict[str, Any]) -> str:
    kind = item["type"]
    if kind == "value_error":
        # Our own validators already speak Dutch; pydantic puts "Value error, " before it.
        return str(item["msg"]).removeprefix("Value error, ")
    if kind in _DUTCH:
        ctx = {
            k: str(v).replace("'", "").replace(" or ", " of ")
            for k, v in (item.get("ctx") or {}).items()
        }
        try:
            return _DUTCH[kind].format(**ctx)
        except KeyError:
            return _DUTCH[kind].split(" {")[0]
    return str(item["msg"])


def _in(data: object, loc: tuple[int | str, ...]) -> bool:
    """Whether the nested mapping holds a value at loc."""
    for part in loc:
        if not isinstance(data, Mapping) or part not in data:
            return False
        data = data[part]
    return True


def _describe(
    error: ValidationError, source: str, environment: Mapping[str, Any] | None = None
) -> str:
    """One Dutch line per wrong setting; a setting from the environment is named by its
    variable (IMPACTBOT_TELEGRAM_PORT), one from the file by its place (telegram.port)."""
    where = "" if source == DEFAULT_SOURCE else f" in {source}"
    lines = [f"De instellingen{where} kloppen niet:"]
    for item in error.errors():
        where = ".".join(str(part) for part in item["loc"])
        if environment and _in(environment, item["loc"]):
            where = ENV_PREFIX + "_".join(str(part) for part in item["loc"]).upper()
        if item["type"] == "extra_forbidden":
            lines.append(f"- '{where}': deze instelling bestaat niet. Controleer de spelling.")
        else:
            lines.append(f"- '{where}': {_dutch(dict(item))}")
    return "\n".join(lines)


def load_settings(path: str | Path | None = None, env: Mapping[str, str] | None = None) -> Settings:
    """Build the settings from a TOML file (optional) and the environment."""
    env = os.environ if env is None else env
    data: dict[str, Any] = {}
    source = DEFAULT_SOURCE
    if path is None and env.get(CONFIG_ENV):
        path = env[CONFIG_ENV]
    if path is not None:
        file = Path(path)
        source = str(file)
        if not file.is_file():  # the TOML source reads a missing file as empty
            raise SettingsError(f"Het instellingenbestand {file} bestaat niet.")
        try:
            data = TomlConfigSettingsSource(_Sources, toml_file=file)()
        except tomllib.TOMLDecodeError as exc:
            from ground.tomltext import dutch_toml_error

            try:  # the line itself, to show where the mistake is
                text = file.read_text(encoding="utf-8", errors="replace")
            except OSError:
                text = ""
            raise SettingsError(
                f"Het instellingenbestand {file} is geen geldige TOML: "
                f"{dutch_toml_error(exc, text)}."
            ) from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise SettingsError(f"Kan het instellingenbestand {file} niet lezen: {exc}") from exc
        if "secret" in data.get("participants", {}):
            raise SettingsError(
                f"Zet de deelnemerssleutel niet in {file}: gebruik de omgevingsvariabele "
                f"{PARTICIPANT_SECRET_ENV} of secret_file."
            )
        if "token" in data.get("telegram", {}):
            raise SettingsError(
                f"Zet het bot-token niet in {file}: gebruik de omgevingsvariabele {TOKEN_ENV}."
            )
    # The environment over the file; IMPACTBOT_TELEGRAM_TOKEN is telegram.token like any other.
    try:
        environment = _Environment(env)()
    except SettingsSourceError as exc:  # e.g. IMPACTBOT_TELEGRAM_WEBHOOK='{' (not JSON)
        raise SettingsError(
            f"Een omgevingsvariabele die met {ENV_PREFIX} begint, kan ik niet lezen ({exc}). "
            f"Zet één instelling per variabele, bijvoorbeeld {ENV_PREFIX}STORAGE_DATABASE."
        ) from exc
    if not environment.get("telegram", {}).get("token", True):
        del environment["telegram"]["token"]  # an empty token is no token (Environment=X=)
    data = _merge(data, environment)
    if env.get(WEBHOOK_SECRET_ENV):
        data = _merge(data, {"telegram": {"webhook": {"secret_token": env[WEBHOOK_SECRET_ENV]}}})
    if env.get(PARTICIPANT_SECRET_ENV):
        data = _merge(data, {"participants": {"secret": env[PARTICIPANT_SECRET_ENV]}})
    try:
        settings = Settings.model_validate(data)
    except ValidationError as exc:
        raise SettingsError(_describe(exc, source, environment)) from exc
    settings.source = source
    # Relative paths in a config file are relative to that file, not to the working directory.
    if path is not None:
        base = Path(path).resolve().parent
        if not settings.storage.database.is_absolute():
            settings.storage.database = base / settings.storage.database
        backups = settings.storage.backups
        if backups is not None and not backups.is_absolute():
            settings.storage.backups = base / backups
        for section, field in (
            ("organisation", "catalogue"),
            ("organisation", "organisation"),
            ("participants", "secret_file"),
        ):
            value = getattr(getattr(settings, section), field)
            if value is not None and not value.is_absolute():
                setattr(getattr(settings, section), field, base / value)
    return settings
