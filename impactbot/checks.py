"""What `impactbot check` looks at, as plain functions: each returns Checks, and a Check that
fails carries one Dutch sentence that says what to do.

Nothing here changes anything: the database is opened read-only, the token is tried with
getMe only.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import ctypes.util
import io
import os
import re
import shutil
import sqlite3
import urllib.parse
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from telegram import Bot, User
from telegram.error import InvalidToken, TelegramError
from telegram.request import HTTPXRequest

from ground.errors import ImpactbotError
from ground.settings import WEBHOOK_SECRET_ENV, Settings

MB = 1_000_000
# Room for a backup and a schema update next to the database, and never below this.
MIN_FREE = 200 * MB
# Telegram delivers webhooks only to these ports.
WEBHOOK_PORTS = (443, 80, 88, 8443)
_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    text: str  # OK: what was found; a problem: one sentence with what to do
    warning: bool = False  # OK, but something to do before the reports go out


def _ok(name: str, text: str) -> Check:
    return Check(name, True, text)


def _problem(name: str, text: str) -> Check:
    return Check(name, False, text)


def _mb(size: int) -> str:
    if size >= 10_000 * MB:
        return f"{size / 1000 / MB:.0f} GB"
    return f"{size / MB:,.0f} MB".replace(",", ".")


# --- settings and catalogue ----------------------------------------------------------------------


def check_catalogue(settings: Settings) -> Check:
    from toc.loader import example_warning, get_catalogue

    try:
        cat = get_catalogue(settings.organisation.catalogue, settings.organisation.organisation)
    except ImpactbotError as exc:
        return _problem("catalogus", f"{exc}")
    found = f"{len(cat.activities)} activiteiten, {len(cat.vestigingen)} vestigingen"
    warning = example_warning(cat)
    if warning:
        return Check("catalogus", True, f"{found}. {warning}", warning=True)
    return _ok("catalogus", found)


# --- the database --------------------------------------------------------------------------------


def check_database(path: Path) -> Check:
    from store.backup import read_status
    from store.migrations import LATEST

    if not path.exists():
        # A new deployment: the bot makes the database (and its folder) at its first start.
        # That only fails when the nearest existing folder cannot be written.
        folder = _existing(path.parent.resolve())
        if not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):
            return _problem(
                "database",
                f"De database {path} bestaat nog niet, en de bot kan hem niet maken: in "
                f"{folder} mag niet geschreven worden. Controleer [storage] database en de "
                "rechten op die map.",
            )
        return _ok(
            "database",
            f"{path} bestaat nog niet; de bot maakt hem bij de eerste start. Heb je al "
            "verslagen? Zet dan eerst een reservekopie terug met 'impactbot restore BESTAND'.",
        )
    if not path.is_file():
        return _problem(
            "database",
            f"{path} is geen bestand maar een map. Controleer [storage] database.",
        )
    try:
        status = read_status(path, thorough=False)
    except sqlite3.DatabaseError:
        return _problem(
            "database",
            f"De database {path} kan niet geopend worden: SQLite kan het bestand niet lezen. "
            "Zet een reservekopie terug met 'impactbot restore BESTAND'.",
        )
    if status.schema > LATEST:
        return _problem(
            "database",
            f"De database {path} komt van een nieuwere Impactbot (schemaversie {status.schema}, "
            f"deze Impactbot kent er {LATEST}). Installeer die nieuwere Impactbot weer, of zet "
            "met 'impactbot restore' een reservekopie van vóór de update terug.",
        )
    if status.problems:
        return _problem(
            "database",
            f"De database {path} is beschadigd (SQLite meldt: {status.problems[0]}). Stop de "
            "bot en zet de nieuwste goede reservekopie terug met 'impactbot restore BESTAND'.",
        )
    if not status.is_impactbot:
        return _problem(
            "database",
            f"{path} is geen database van Impactbot. Controleer [storage] database.",
        )
    if status.schema < LATEST:
        return _problem(
            "database",
            f"De database {path} heeft schemaversie {status.schema}; deze Impactbot werkt met "
            f"{LATEST}. Start de bot ('impactbot run'): die maakt eerst een reservekopie en "
            "werkt de database dan bij.",
        )
    count = f"{status.sessions:,}".replace(",", ".")
    word = "verslag" if status.sessions == 1 else "verslagen"
    return _ok("database", f"{path}, schemaversie {status.schema}, {count} {word}")


def _expected_triggers() -> dict[str, str]:
    from store.migration_aggregates import TRIGGER_NAMES, trigger_statements

    return dict(zip(TRIGGER_NAMES, trigger_statements(), strict=True))


def check_aggregates(path: Path) -> Check | None:
    """The tallies /stand and the year report read (migration 11) against the sessions: the
    cheap invariant (sessions and participants in all), not the full comparison."""
    if not path.is_file():
        return None
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        if not conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'agg_month'"
        ).fetchone():
            return None
        raw = conn.execute("SELECT count(*), coalesce(sum(deelnemers), 0) FROM sessions").fetchone()
        kept = conn.execute(
            "SELECT coalesce(sum(bijeenkomsten), 0), coalesce(sum(deelnemers), 0) FROM agg_month"
        ).fetchone()
        # A trigger dropped (or changed) by hand leaves every later write uncounted; an import
        # sets its insert triggers aside only inside its own transaction, never seen here.
        present = dict(
            conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
        )
    except sqlite3.DatabaseError:
        return None  # check_database has said what is wrong with the file
    finally:
        conn.close()
    if any(present.get(name) != sql for name, sql in _expected_triggers().items()):
        return _problem(
            "tellingen",
            "De tellingen achter /stand en het jaarverslag worden niet meer bijgehouden. Stop "
            "de bot en herstel ze met 'impactbot check --herstel-tellingen'; de verslagen zelf "
            "blijven zoals ze zijn.",
        )
    if tuple(raw) != tuple(kept):
        return _problem(
            "tellingen",
            f"De tellingen achter /stand en het jaarverslag kloppen niet met de verslagen "
            f"({kept[0]} tegen {raw[0]} bijeenkomsten). Stop de bot en herstel ze met "
            "'impactbot check --herstel-tellingen'; de verslagen zelf blijven zoals ze zijn.",
        )
    return _ok("tellingen", "kloppen met de verslagen")


# --- disk space ----------------------------------------------------------------------------------


def _existing(folder: Path) -> Path:
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder


def needed_space(database_size: int) -> int:
    """Free space to ask for: a backup and a schema update each may need the database's size."""
    return max(MIN_FREE, 2 * database_size)


def disk_check(folder: Path, free: int, database_size: int) -> Check:
    need = needed_space(database_size)
    if free < need:
        return _problem(
            "schijfruimte",
            f"Op de schijf van {folder} is nog {_mb(free)} vrij; nodig is minstens {_mb(need)} "
            "(voor een reservekopie en een update van de database). Maak ruimte vrij, "
            "bijvoorbeeld door oude reservekopieën te verplaatsen.",
        )
    return _ok("schijfruimte", f"{_mb(free)} vrij bij {folder}")


def check_disk(database: Path, backups: Path) -> list[Check]:
    size = sum(
        p.stat().st_size
        for p in (database, Path(f"{database}-wal"))
        if p.is_file()  # the WAL can be as big as the database between checkpoints
    )
    checks = []
    seen: set[int] = set()
    for folder in (_existing(database.parent.resolve()), _existing(backups.resolve())):
        device = folder.stat().st_dev
        if device not in seen:
            seen.add(device)
            checks.append(disk_check(folder, shutil.disk_usage(folder).free, size))
    return checks


# --- Telegram ------------------------------------------------------------------------------------


class _StatusRequest(HTTPXRequest):
    """python-telegram-bot's own HTTP client, remembering the last HTTP status: its errors
    say what went wrong (InvalidToken for 401 and 404) but not the code, which the check
    names so a person can look it up."""

    status: int | None = None

    async def do_request(self, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        code, payload = await super().do_request(*args, **kwargs)
        self.status = code
        return code, payload


def get_me(base_url: str, token: str, request: HTTPXRequest) -> User:
    """getMe through python-telegram-bot, as the bot asks it when it starts (same client,
    same base_url handling); raises telegram.error's errors."""

    async def ask() -> User:
        async with Bot(token, base_url=base_url, request=request) as bot:
            return await bot.get_me()

    return asyncio.run(ask())


def check_telegram(settings: Settings, timeout: float = 10) -> list[Check]:
    """The token works (getMe) and belongs to the bot in [telegram] bot_username."""
    try:
        token = settings.token()
    except ImpactbotError as exc:
        return [_problem("token", str(exc))]
    base = settings.telegram.base_url
    host = urllib.parse.urlsplit(base).netloc
    request = _StatusRequest(connect_timeout=timeout, read_timeout=timeout)
    try:
        username = get_me(base, token, request).username or ""
    except InvalidToken:  # 401 or 404
        return [
            _problem(
                "token",
                f"De Bot API op {host} kent dit token niet (HTTP {request.status}). Kopieer het "
                "token opnieuw uit @BotFather naar IMPACTBOT_TELEGRAM_TOKEN.",
            )
        ]
    except (TelegramError, httpx.InvalidURL, ValueError, OSError) as exc:
        if request.status is None:  # no answer at all: refused, timed out, no such host
            return [
                _problem(
                    "token",
                    f"De Bot API op {host} is niet te bereiken ({str(exc).replace(token, '…')}). "
                    "Controleer de internetverbinding en [telegram] base_url.",
                )
            ]
        if request.status < 300:  # an answer, but not one python-telegram-bot could read
            username = ""
        else:
            return [
                _problem(
                    "token",
                    f"De Bot API op {host} gaf een fout (HTTP {request.status}). Probeer het "
                    "later opnieuw of controleer [telegram] base_url.",
                )
            ]
    if not username:
        return [
            _problem(
                "token",
                f"De Bot API op {host} gaf een onverwacht antwoord op getMe. Controleer "
                "[telegram] base_url.",
            )
        ]
    checks = [_ok("token", f"hoort bij @{username}")]
    configured = settings.telegram.bot_username.strip().removeprefix("@")
    if not configured:
        checks.append(
            _problem(
                "botnaam",
                f'[telegram] bot_username is leeg. Vul in: bot_username = "{username}".',
            )
        )
    elif configured.lower() != username.lower():
        checks.append(
            _problem(
                "botnaam",
                f"Het token hoort bij @{username}, maar [telegram] bot_username is "
                f'"{configured}". Zet bot_username op "{username}", of gebruik het token '
                f"van @{configured}.",
            )
        )
    else:
        checks.append(_ok("botnaam", f"@{username}"))
    return checks


def check_webhook(settings: Settings) -> list[Check]:
    hook = settings.telegram.webhook
    if not hook.url:
        return [_ok("webhook", "geen webhook: de bot haalt zelf berichten op (long polling)")]
    problems = []
    parts = urllib.parse.urlsplit(hook.url)
    if parts.scheme != "https" or not parts.hostname:
        problems.append(
            f"Telegram stuurt berichten alleen naar een https-adres; [telegram.webhook] url is "
            f'nu "{hook.url}". Begin het adres met https://.'
        )
    elif (parts.port or 443) not in WEBHOOK_PORTS:
        problems.append(
            f"Telegram stuurt berichten alleen naar poort 443, 80, 88 of 8443; [telegram.webhook] "
            f"url gebruikt poort {parts.port}. Kies een van die poorten."
        )
    if not parts.path.rstrip("/").endswith("/" + hook.path.strip("/")):
        problems.append(
            f'Het adres in [telegram.webhook] url eindigt niet op path "{hook.path}", waar de '
            "bot berichten verwacht. Maak ze gelijk (bijvoorbeeld url "
            f'"https://bot.example.nl/{hook.path.strip("/")}").'
        )
    secret = hook.secret_token.get_secret_value() if hook.secret_token else ""
    if not secret:
        problems.append(
            f"Voor een webhook is een geheim nodig. Zet het in de omgevingsvariabele "
            f"{WEBHOOK_SECRET_ENV}."
        )
    elif not _SECRET.fullmatch(secret):
        problems.append(
            f"Het geheim in {WEBHOOK_SECRET_ENV} mag alleen letters, cijfers, _ en - bevatten "
            "(hoogstens 256). Kies een ander geheim."
        )
    if problems:
        return [_problem("webhook", text) for text in problems]
    return [_ok("webhook", f"{hook.url} → {hook.listen}:{hook.port}/{hook.path.strip('/')}")]


# --- the PDF -------------------------------------------------------------------------------------

MISSING_LIBRARY = (
    "De PDF kan niet gemaakt worden: een systeembibliotheek voor WeasyPrint ontbreekt ({name}). "
    "Installeer Pango: apt-get install libpango-1.0-0 libpangoft2-1.0-0."
)
NO_FONTS = (
    "De PDF kan niet gemaakt worden: er zijn geen lettertypen op deze machine. Installeer er "
    "een: apt-get install fonts-dejavu-core."
)


def font_count() -> int:
    """How many fonts fontconfig knows (WeasyPrint crashes instead of failing without any)."""
    name = ctypes.util.find_library("fontconfig")
    if name is None:
        raise OSError("libfontconfig")
    fc = ctypes.CDLL(name)
    fc.FcInitLoadConfigAndFonts.restype = ctypes.c_void_p
    fc.FcPatternCreate.restype = ctypes.c_void_p
    fc.FcObjectSetBuild.restype = ctypes.c_void_p
    fc.FcObjectSetBuild.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    fc.FcFontList.restype = ctypes.POINTER(ctypes.c_int)  # FcFontSet starts with int nfont
    fc.FcFontList.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]
    for fn in ("FcConfigDestroy", "FcPatternDestroy", "FcObjectSetDestroy", "FcFontSetDestroy"):
        getattr(fc, fn).argtypes = [ctypes.c_void_p]
    config = fc.FcInitLoadConfigAndFonts()
    pattern = fc.FcPatternCreate()
    objects = fc.FcObjectSetBuild(b"family", None)
    fonts = fc.FcFontList(config, pattern, objects)
    count = fonts.contents.value if fonts else 0
    if fonts:
        fc.FcFontSetDestroy(fonts)
    fc.FcObjectSetDestroy(objects)
    fc.FcPatternDestroy(pattern)
    fc.FcConfigDestroy(config)
    return count


def check_pdf() -> Check:
    """WeasyPrint loads (Pango and friends are there), fonts exist, a small PDF renders."""
    chatter = io.StringIO()  # WeasyPrint prints an English hint when a library is missing
    try:
        with contextlib.redirect_stdout(chatter), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import weasyprint
    except OSError as exc:
        found = re.search(r"'([^']+)'", str(exc))  # cffi: cannot load library 'libpango-1.0-0'
        return _problem("pdf", MISSING_LIBRARY.format(name=found.group(1) if found else exc))
    try:
        if font_count() == 0:
            return _problem("pdf", NO_FONTS)
    except OSError:
        return _problem("pdf", MISSING_LIBRARY.format(name="libfontconfig"))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pdf = weasyprint.HTML(string="<p>Impactbot: één controle</p>").write_pdf(
                uncompressed_pdf=True
            )
    except Exception as exc:  # anything WeasyPrint raises: say it, never a stack trace
        return _problem(
            "pdf",
            f"De PDF kan niet gemaakt worden ({type(exc).__name__}: {exc}). Installeer "
            "WeasyPrint opnieuw: pip install --force-reinstall weasyprint.",
        )
    if not pdf or not pdf.startswith(b"%PDF") or b"/BaseFont" not in pdf:
        return _problem("pdf", NO_FONTS)
    return _ok("pdf", f"WeasyPrint {weasyprint.__version__} maakt een PDF met lettertypen")


def run_checks(settings: Settings, timeout: float = 10) -> list[Check]:
    return [
        _ok("instellingen", settings.source),
        check_catalogue(settings),
        check_database(Path(settings.storage.database)),
        *[c for c in [check_aggregates(Path(settings.storage.database))] if c],
        *check_disk(Path(settings.storage.database), settings.storage.backup_folder()),
        *check_telegram(settings, timeout),
        *check_webhook(settings),
        check_pdf(),
    ]
