"""The participants' web page: the same statements as in Telegram, for people without it.

`participant_routes(database, catalogue, settings)` returns Starlette routes to mount in the
bot's own server (next to the webhook), so page and bot share one process and one database:

  GET  /d/<code>           the form (server-rendered, no JavaScript)
  POST /d/<code>           store the answers, then 303 to the thanks page
  GET  /d/<code>/bedankt   thanks
  GET  /d/static/style.css the page's only style sheet

One answer per phone: a cookie with a random id, stored only as a keyed hash (like Telegram
ids). The form carries a token bound to that cookie and the survey (HMAC with the same key),
so another site cannot post it (CSRF). Posts are rate-limited per IP address in memory. The
form is read without extra packages (application/x-www-form-urlencoded, size-capped).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import sqlite3
import time
from collections import deque
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from starlette.requests import ClientDisconnect, Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from bot.core.dbthread import DatabaseThread
from bot.participant import texts
from ground.dutch import weekday_date
from ground.settings import Settings
from ground.strict import read_int
from intake.names import full_name_in_quote
from store.db import cannot_write, is_full, open_db
from store.survey import (
    START_PREFIX,
    Survey,
    SurveyFull,
    has_answered,
    load_key,
    record_answers,
    respondent_hash,
    strip_control,
    survey_by_code,
    survey_limit,
)
from toc.models import Catalogue
from toc.survey import respondent

log = logging.getLogger("impactbot.web")
COOKIE = "deelnemer"
MAX_BODY = 16 * 1024
# Posts of any kind (also a form with a mistake) per address and minute, as a multiple of
# [participants] posts_per_minute (20: 300 a minute): a bound on work, not on answers.
ANY_POSTS_FACTOR = 15
MAX_WORDS = 500
TOKEN_SECONDS = 4 * 3600
_SCORES = ("1", "2", "3", "4", "5")
_SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


class RateLimiter:
    """At most `limit` events per key (an IP address and a survey) in any 60 seconds (memory
    only). `full` looks, `note` counts: only stored answers count, not a form with a mistake."""

    def __init__(self, limit: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.clock = clock
        self._seen: dict[str, deque[float]] = {}

    def _times(self, key: str) -> deque[float]:
        now = self.clock()
        times = self._seen.setdefault(key, deque())
        while times and times[0] <= now - 60:
            times.popleft()
        return times

    def full(self, key: str, limit: int | None = None) -> bool:
        return len(self._times(key)) >= (self.limit if limit is None else limit)

    def note(self, key: str) -> None:
        now = self.clock()
        self._times(key).append(now)
        if len(self._seen) > 10_000:  # forget quiet keys; the table stays small
            for other in [k for k, v in self._seen.items() if not v or v[-1] <= now - 60]:
                del self._seen[other]

    def allow(self, key: str) -> bool:
        if self.full(key):
            return False
        self.note(key)
        return True


class ParticipantPages:
    def __init__(
        self,
        database: Path | Callable[[], DatabaseThread],
        catalogue: Catalogue | Callable[[], Catalogue],
        settings: Settings,
        bot_username: str | Callable[[], str | None] | None = None,
        now: Callable[[], datetime] | None = None,
        on_capped: Callable[[Survey, int], Awaitable[None]] | None = None,
    ) -> None:
        self._database = database
        self._store: DatabaseThread | None = None
        self._catalogue = catalogue
        self.settings = settings
        self._bot_username = bot_username
        self.now = now or (lambda: datetime.now(UTC))
        self.limiter = RateLimiter(settings.participants.posts_per_minute)
        # Any post (also one with a mistake) per address, across surveys: a bound on work.
        self.posts = RateLimiter(settings.participants.posts_per_minute * ANY_POSTS_FACTOR)
        self.on_capped = on_capped
        secret = settings.participants.secret
        self.key = load_key(
            settings.participant_key_file(), secret.get_secret_value() if secret else None
        )
        self.env = Environment(
            loader=PackageLoader("bot.participant", "templates"),
            autoescape=select_autoescape(default=True),
            undefined=StrictUndefined,
        )
        self.secure = settings.participants.web_base(settings.telegram.webhook.url).startswith(
            "https://"
        )

    # Callables are resolved on use: inside the bot's server the store and the catalogue only
    # exist once the Application ran post_init.
    @property
    def catalogue(self) -> Catalogue:
        found = self._catalogue
        return found() if callable(found) else found

    @property
    def bot_username(self) -> str:
        found = self._bot_username
        name = found() if callable(found) else found
        return name or self.settings.telegram.bot_username

    @property
    def store(self) -> DatabaseThread:
        """Where the pages' database work runs: never on the event loop (bot.core.dbthread)."""
        if callable(self._database):
            return self._database()
        if self._store is None:
            self._store = DatabaseThread(open_db(self._database))
        return self._store

    # -- helpers ------------------------------------------------------------------------------

    def render(self, name: str, status: int = 200, **values: object) -> HTMLResponse:
        html = self.env.get_template(name).render(texts=texts, **values)
        return HTMLResponse(html, status_code=status, headers=_SECURITY_HEADERS)

    def message(self, title: str, text: str, status: int, code: str | None = None) -> Response:
        return self.render(
            "message.html", status, title=title, text=text, telegram=self.telegram(code)
        )

    def telegram(self, code: str | None) -> str | None:
        if not code or not self.bot_username:
            return None
        return f"https://t.me/{self.bot_username}?start={START_PREFIX}{code}"

    def token(self, code: str, visitor: str, issued: int) -> str:
        mac = hmac.new(self.key, f"form:{code}:{visitor}:{issued}".encode(), hashlib.sha256)
        return f"{issued}.{mac.hexdigest()[:32]}"

    def token_ok(self, code: str, visitor: str, token: str) -> bool:
        issued, _, _mac = token.partition(".")
        when = read_int(issued, max_digits=12)
        if when is None or time.time() - when > TOKEN_SECONDS:
            return False
        return hmac.compare_digest(self.token(code, visitor, when), token)

    def who(self, survey: Survey, visitor: str) -> str:
        return respondent_hash(self.key, survey.id, "web", visitor)

    def details(self, survey: Survey) -> dict[str, object]:
        activity = self.catalogue.activities.get(survey.activity)
        vestiging = self.catalogue.vestigingen.get(survey.vestiging)
        parent = respondent(self.catalogue, survey.activity) == "ouder"
        name = activity.name if activity else survey.activity
        who = texts.ATTRIBUTION_PARENT if parent else texts.ATTRIBUTION
        return {
            "activity": name,
            "place": vestiging.name if vestiging else survey.vestiging,
            "day": weekday_date(date.fromisoformat(survey.date)),
            "parent": parent,
            "attribution": f"{who} bij {name}",
        }

    async def find(self, code: str) -> Survey | Response:
        valid = code.isalnum() and len(code) < 40
        survey = await self.store(survey_by_code, code) if valid else None
        if survey is None:
            return self.message(texts.WEB_UNKNOWN_TITLE, texts.UNKNOWN, 404)
        if not survey.is_open(self.now()):
            closed = texts.CLOSED_FULL if survey.capped_at else texts.CLOSED
            return self.message(texts.WEB_CLOSED_TITLE, closed, 410)
        return survey

    def form(
        self,
        survey: Survey,
        visitor: str,
        status: int = 200,
        chosen: dict[str, str] | None = None,
        words: str = "",
        consent: str = "",
        missing: list[int] | None = None,
        error: str | None = None,
    ) -> HTMLResponse:
        return self.render(
            "survey.html",
            status,
            survey=survey,
            token=self.token(survey.code, visitor, int(time.time())),
            chosen=chosen or {},
            words=words,
            consent=consent,
            missing=missing or [],
            error=error,
            max_words=MAX_WORDS,
            telegram=self.telegram(survey.code),
            **self.details(survey),
        )

    def with_cookie(self, response: Response, visitor: str) -> Response:
        response.set_cookie(
            COOKIE,
            visitor,
            max_age=60 * 24 * 3600,
            path="/d/",
            httponly=True,
            samesite="lax",
            secure=self.secure,
        )
        return response

    # -- endpoints ----------------------------------------------------------------------------

    async def page(self, request: Request) -> Response:
        code = request.path_params["code"]
        found = await self.find(code)
        if isinstance(found, Response):
            return found
        visitor = request.cookies.get(COOKIE) or ""
        if len(visitor) != 32 or not visitor.isalnum():
            visitor = secrets.token_hex(16)
        if await self.store(has_answered, found.id, self.who(found, visitor)):
            response = self.message(texts.WEB_THANKS_TITLE, texts.WEB_ALREADY, 200, code)
        elif request.method == "POST":
            response = await self.post(request, found, visitor)
        else:
            response = self.form(found, visitor)
        return self.with_cookie(response, visitor)

    async def post(self, request: Request, survey: Survey, visitor: str) -> Response:
        ip = request.client.host if request.client else "?"
        # Per address and survey: a whole group on the library's Wi-Fi may answer within the
        # same minute (up to the survey's cap); posts of any kind per address are bounded too.
        per_survey = f"{ip}|{survey.id}"
        if self.posts.full(ip) or self.limiter.full(
            per_survey, max(self.limiter.limit, await self.store(survey_limit, survey))
        ):
            return self.message(texts.WEB_ERROR_TITLE, texts.WEB_TOO_MANY, 429, survey.code)
        self.posts.note(ip)
        body = b""
        try:
            async for chunk in request.stream():
                body += chunk
                if len(body) > MAX_BODY:
                    return self.message(texts.WEB_ERROR_TITLE, texts.WEB_EXPIRED_FORM, 413)
        except ClientDisconnect:  # too slow (bot.core.webserver) or gone: nobody to answer
            return Response(status_code=400)
        fields = {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace")).items()}
        if request.cookies.get(COOKIE) != visitor or not self.token_ok(
            survey.code, visitor, fields.get("token", "")
        ):
            return self.form(survey, visitor, 403, error=texts.WEB_EXPIRED_FORM)
        chosen = {k: v for k, v in fields.items() if k.startswith("s") and v in _SCORES}
        words = strip_control(fields.get("words", ""))[:MAX_WORDS]
        consent = fields.get("consent", "")
        consent = consent if consent in ("ja", "anoniem", "nee") else ""
        n = len(survey.statements)
        missing = [i for i in range(n) if f"s{i}" not in chosen]
        if missing:
            return self.form(
                survey, visitor, 400, chosen, words, consent, missing, texts.WEB_MISSING
            )
        if words and full_name_in_quote(words, self.catalogue):
            # the same check as a leader's quote; everything they chose stays on the form
            return self.form(
                survey, visitor, 400, chosen, words, consent, [], texts.WORDS_FULL_NAME
            )
        scores = [int(chosen[f"s{i}"]) for i in range(n)]
        # Without an explicit yes, their words are never published. Scores and words are one
        # write: a busy database keeps the whole form for the second try.
        attribution = str(self.details(survey)["attribution"])
        said = (words, consent or "nee", attribution)
        try:
            if not await self.store(
                record_answers,
                survey,
                self.who(survey, visitor),
                scores,
                "web",
                self.now(),
                words=said,
            ):
                return self.message(texts.WEB_THANKS_TITLE, texts.WEB_ALREADY, 200, survey.code)
            self.limiter.note(per_survey)
        except SurveyFull as full:
            if full.newly and self.on_capped is not None:
                await self.on_capped(survey, full.limit)
            return self.message(texts.WEB_CLOSED_TITLE, texts.CLOSED_FULL, 410)
        except sqlite3.OperationalError as exc:
            if not cannot_write(exc):
                raise
            log.warning("participant's answers not stored: database not writable")
            why = texts.WEB_FULL if is_full(exc) else texts.WEB_BUSY
            response = self.form(survey, visitor, 503, chosen, words, consent, error=why)
            response.headers["Retry-After"] = "60"
            return response
        log.info("participant answered", extra={"session_id": survey.session_id, "via": "web"})
        return RedirectResponse(f"/d/{survey.code}/bedankt", status_code=303)

    async def thanks(self, request: Request) -> Response:
        code = request.path_params["code"]
        survey = await self.store(survey_by_code, code) if code.isalnum() else None
        return self.message(
            texts.WEB_THANKS_TITLE,
            texts.WEB_THANKS,
            200 if survey else 404,
            code if survey else None,
        )

    async def style(self, request: Request) -> Response:
        css = resources.files("bot.participant").joinpath("templates/style.css").read_text()
        headers = {**_SECURITY_HEADERS, "Cache-Control": "public, max-age=3600"}
        return Response(css, media_type="text/css", headers=headers)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def participant_routes(
    database: Path | Callable[[], DatabaseThread],
    catalogue: Catalogue | Callable[[], Catalogue],
    settings: Settings,
    *,
    bot_username: str | Callable[[], str | None] | None = None,
    now: Callable[[], datetime] | None = None,
    on_capped: Callable[[Survey, int], Awaitable[None]] | None = None,
) -> list[Route]:
    """The participants' pages, to mount in the bot's Starlette app (or any other).

    `database`: a path (the pages open their own connection, in a database thread of their
    own) or a callable returning the bot's database thread (Services.store); `catalogue` and
    `bot_username` may be callables too. See `routes_for_application` for the bot's own
    server."""
    pages = ParticipantPages(database, catalogue, settings, bot_username, now, on_capped)
    return [
        Route("/d/static/style.css", pages.style, methods=["GET"]),
        Route("/d/{code}", pages.page, methods=["GET", "POST"]),
        Route("/d/{code}/bedankt", pages.thanks, methods=["GET"]),
    ]


def routes_for_application(application: Any, settings: Settings) -> list[Route]:
    """The pages inside the bot's own server: the bot's store, catalogue and @username."""
    from bot.core.services import SERVICES_KEY

    def services() -> Any:
        return application.bot_data[SERVICES_KEY]

    async def capped(survey: Survey, limit: int) -> None:
        from bot.participant.cap import tell_leader

        s = services()
        await tell_leader(application.bot, s.store, s.catalogue, survey, limit)

    return participant_routes(
        lambda: services().store,
        lambda: services().catalogue,
        settings,
        bot_username=lambda: application.bot.username if application.bot else None,
        now=lambda: services().now(),
        on_capped=capped,
    )
