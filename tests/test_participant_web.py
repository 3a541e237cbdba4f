"""The participants' web page through httpx's ASGI transport, and once over real HTTP on
127.0.0.1 under uvicorn: form, answers, one answer per phone, CSRF, rate limit, closing."""

from __future__ import annotations

import asyncio
import re
import socket
import threading
import time
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import httpx
import pytest
import sqlite_utils
import uvicorn
from starlette.applications import Starlette

from bot.participant import texts as pt
from bot.participant.web import ANY_POSTS_FACTOR, COOKIE, participant_routes
from ground.settings import Settings
from store.sessions import SessionIn, save_session
from store.survey import Survey, open_survey
from toc.models import Catalogue
from toc.survey import choose_statements

NOW = datetime(2025, 6, 3, 12, 0, tzinfo=UTC)


def make_survey(
    db: sqlite_utils.Database, catalogue: Catalogue, activity: str, deelnemers: int = 9
) -> Survey:
    session = SessionIn(
        date=date(2025, 6, 3), activity=activity, vestiging="havelte", deelnemers=deelnemers
    )
    session_id = save_session(db, catalogue, session, "test").session_id
    statements = [c.as_json() for c in choose_statements(catalogue, activity)]
    return open_survey(db, session_id, statements, NOW)


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


def client_for(settings: Settings, catalogue: Catalogue, clock: Clock) -> httpx.AsyncClient:
    """One phone (its own cookies) on the page's app."""
    routes = participant_routes(
        settings.storage.database, catalogue, settings, bot_username="ImpactbotBot", now=clock
    )
    transport = httpx.ASGITransport(app=Starlette(routes=routes))
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


@pytest.fixture
async def client(
    settings: Settings, catalogue: Catalogue, clock: Clock
) -> AsyncIterator[httpx.AsyncClient]:
    async with client_for(settings, catalogue, clock) as c:
        yield c


def token_of(html: str) -> str:
    found = re.search(r'name="token" value="([^"]+)"', html)
    assert found is not None
    return found.group(1)


def answers(db: sqlite_utils.Database) -> list[tuple]:
    return db.execute(
        "SELECT effect, dimension, moment, score, agrees, source FROM survey_answers ORDER BY id"
    ).fetchall()


async def test_the_form_then_thanks_then_one_answer_per_phone(
    client: httpx.AsyncClient, db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    survey = make_survey(db, catalogue, "klik-en-tik")
    page = await client.get(f"/d/{survey.code}")
    assert page.status_code == 200
    html = page.text
    assert "<script" not in html and 'lang="nl"' in html
    assert html.count("<fieldset") == 5 and html.count("<legend>") == 5  # 4 statements + consent
    assert html.count('type="radio"') == 4 * 5 + 3
    assert f"https://t.me/ImpactbotBot?start=s_{survey.code}" in html
    assert "Klik &amp; Tik" in html  # escaped
    assert "Content-Security-Policy" in page.headers
    visitor = client.cookies.get(COOKIE)
    assert visitor and len(visitor) == 32

    form = {"token": token_of(html), "s0": "5", "s1": "4", "s2": "2", "s3": "1"}
    done = await client.post(f"/d/{survey.code}", data=form, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == f"/d/{survey.code}/bedankt"
    assert (await client.get(done.headers["location"])).text.count(pt.WEB_THANKS) == 1
    assert [(a[1], a[3], a[4], a[5]) for a in answers(db)] == [
        ("kennis", 5, 1, "web"),
        ("vertrouwen", 4, 1, "web"),
        ("toepassing", 2, 0, "web"),
        ("bewustzijn", 1, 0, "web"),
    ]
    assert db.execute("SELECT count(*) FROM quotes").fetchone()[0] == 0
    # The cookie's id itself is never stored, only its keyed hash.
    stored = db.execute("SELECT respondent FROM survey_respondents").fetchall()
    assert len(stored) == 1 and visitor not in stored[0][0]

    again = await client.get(f"/d/{survey.code}")
    assert pt.WEB_ALREADY in again.text
    second = await client.post(f"/d/{survey.code}", data=form, follow_redirects=False)
    assert pt.WEB_ALREADY in second.text
    assert len(answers(db)) == 4


async def test_missing_answers_keep_the_choices(
    client: httpx.AsyncClient, db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    survey = make_survey(db, catalogue, "voorleesuurtje")
    html = (await client.get(f"/d/{survey.code}")).text
    assert "Mijn kind" in html
    form = {"token": token_of(html), "s0": "5", "s2": "3", "words": "Fijn <b>uurtje</b>"}
    page = await client.post(f"/d/{survey.code}", data=form)
    assert page.status_code == 400
    assert pt.WEB_MISSING in page.text and 'role="alert"' in page.text
    assert 'href="#s1-1"' in page.text and 'href="#s3-1"' in page.text
    assert re.search(r'id="s0-5" value="5" checked', page.text)
    assert re.search(r'id="s2-3" value="3" checked', page.text)
    assert "Fijn &lt;b&gt;uurtje&lt;/b&gt;" in page.text
    assert answers(db) == []


async def test_words_with_and_without_consent(
    settings: Settings, db: sqlite_utils.Database, catalogue: Catalogue, clock: Clock
) -> None:
    survey = make_survey(db, catalogue, "taalcafe")
    for words, consent in (("Ik durf nu te praten", "ja"), ("Gezellig en leerzaam", None)):
        async with client_for(settings, catalogue, clock) as phone:
            form = {"token": token_of((await phone.get(f"/d/{survey.code}")).text)}
            form |= {f"s{i}": "4" for i in range(4)} | {"words": words}
            if consent:
                form["consent"] = consent
            assert (
                await phone.post(f"/d/{survey.code}", data=form, follow_redirects=False)
            ).is_redirect
    quotes = db.execute("SELECT text, consent, review, attribution FROM quotes ORDER BY id")
    assert quotes.fetchall() == [
        ("Ik durf nu te praten", "ja", "new", "een deelnemer bij Taalcafé"),
        ("Gezellig en leerzaam", "nee", "new", "een deelnemer bij Taalcafé"),
    ]
    assert len(answers(db)) == 8


async def test_a_post_without_the_form_token_is_refused(
    client: httpx.AsyncClient, db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    survey = make_survey(db, catalogue, "klik-en-tik")
    other = make_survey(db, catalogue, "taalcafe")
    await client.get(f"/d/{survey.code}")
    full = {f"s{i}": "5" for i in range(4)}
    assert (await client.post(f"/d/{survey.code}", data=full)).status_code == 403
    other_token = token_of((await client.get(f"/d/{other.code}")).text)
    refused = await client.post(f"/d/{survey.code}", data=full | {"token": other_token})
    assert refused.status_code == 403 and pt.WEB_EXPIRED_FORM in refused.text
    # A token taken from one phone does not work with another phone's cookie.
    token = token_of((await client.get(f"/d/{survey.code}")).text)
    client.cookies.set(COOKIE, "0" * 32, path="/d/")
    assert (await client.post(f"/d/{survey.code}", data=full | {"token": token})).status_code == 403
    assert answers(db) == []


async def test_posts_are_rate_limited_per_address(
    settings: Settings, db: sqlite_utils.Database, catalogue: Catalogue, clock: Clock
) -> None:
    """Posts of any kind per address are bounded (ANY_POSTS_FACTOR x posts_per_minute)."""
    settings.participants.posts_per_minute = 1
    survey = make_survey(db, catalogue, "klik-en-tik")
    async with client_for(settings, catalogue, clock) as c:
        token = token_of((await c.get(f"/d/{survey.code}")).text)
        statuses = [
            (await c.post(f"/d/{survey.code}", data={"token": token})).status_code
            for _ in range(ANY_POSTS_FACTOR + 1)
        ]
    assert statuses == [400] * ANY_POSTS_FACTOR + [429]


async def test_a_group_on_one_wifi_answers_within_a_minute_and_mistakes_do_not_count(
    settings: Settings, db: sqlite_utils.Database, catalogue: Catalogue, clock: Clock
) -> None:
    """25 people took part; 22 phones on the library's Wi-Fi (one address) answer in the same
    minute, some after a form with a mistake: none is refused (the limit was 20 a minute)."""
    survey = make_survey(db, catalogue, "klik-en-tik", deelnemers=25)
    full = {"s0": "5", "s1": "4", "s2": "3", "s3": "2"}
    for phone in range(22):
        async with client_for(settings, catalogue, clock) as c:
            token = token_of((await c.get(f"/d/{survey.code}")).text)
            if phone % 4 == 0:
                wrong = await c.post(f"/d/{survey.code}", data={"token": token, "s0": "5"})
                assert wrong.status_code == 400
                token = token_of(wrong.text)
            answer = await c.post(f"/d/{survey.code}", data=full | {"token": token})
            assert answer.status_code == 303, phone
    assert len(answers(db)) == 22 * 4


async def test_more_respondents_than_attendance_closes_the_survey_once(
    settings: Settings, db: sqlite_utils.Database, catalogue: Catalogue, clock: Clock
) -> None:
    """9 took part: 9 + 5 may answer; the next closes the link, and the leader hears it once."""
    survey = make_survey(db, catalogue, "klik-en-tik")
    told: list[int] = []

    async def on_capped(capped: Survey, limit: int) -> None:
        told.append(limit)

    routes = participant_routes(
        settings.storage.database, catalogue, settings, now=clock, on_capped=on_capped
    )
    app = Starlette(routes=routes)
    full = {"s0": "5", "s1": "4", "s2": "3", "s3": "2"}
    statuses = []
    for _ in range(16):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
            page = await c.get(f"/d/{survey.code}")
            if page.status_code != 200:
                statuses.append(page.status_code)
                continue
            answer = await c.post(f"/d/{survey.code}", data=full | {"token": token_of(page.text)})
            statuses.append(answer.status_code)
            if answer.status_code == 410:
                assert pt.CLOSED_FULL in answer.text
    assert statuses == [303] * 14 + [410, 410]
    assert told == [14]
    assert len(answers(db)) == 14 * 4
    assert db.execute("SELECT capped_at FROM surveys").fetchone()[0] is not None


async def test_closed_after_14_days_and_unknown(
    client: httpx.AsyncClient, clock: Clock, db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    survey = make_survey(db, catalogue, "klik-en-tik")
    assert (await client.get("/d/bestaatniet")).status_code == 404
    assert (await client.get("/d/<script>")).status_code == 404
    clock.now = NOW + timedelta(days=14)
    closed = await client.get(f"/d/{survey.code}")
    assert closed.status_code == 410 and pt.WEB_CLOSED_TITLE in closed.text


def test_the_page_over_http_under_uvicorn(
    settings: Settings, db: sqlite_utils.Database, catalogue: Catalogue, clock: Clock
) -> None:
    survey = make_survey(db, catalogue, "klik-en-tik")
    routes = participant_routes(settings.storage.database, catalogue, settings, now=clock)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(Starlette(routes=routes), log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 20
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        with httpx.Client(base_url=f"http://127.0.0.1:{port}") as web:
            style = web.get("/d/static/style.css")
            assert style.status_code == 200 and style.headers["content-type"].startswith("text/css")
            token = token_of(web.get(f"/d/{survey.code}").text)
            form = {"token": token} | {f"s{i}": "5" for i in range(4)}
            thanks = web.post(f"/d/{survey.code}", data=form, follow_redirects=True)
            assert thanks.status_code == 200 and pt.WEB_THANKS in thanks.text
    finally:
        server.should_exit = True
        thread.join(20)
        sock.close()
    assert [a[5] for a in answers(db)] == ["web"] * 4


def test_the_key_is_made_once_and_kept_outside_the_database(settings: Settings) -> None:
    from store.survey import load_key

    path = settings.participant_key_file()
    assert path.parent == Path(settings.storage.database).parent
    first = load_key(path)
    assert load_key(path) == first and len(first) == 32
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert load_key(path, "uit-de-omgeving") == b"uit-de-omgeving"


@pytest.mark.parametrize(("trusted", "per_client"), [("127.0.0.1,::1", True), ("", False)])
async def test_behind_a_proxy_the_rate_limit_counts_per_client(
    settings: Settings,
    db: sqlite_utils.Database,
    catalogue: Catalogue,
    clock: Clock,
    trusted: str,
    per_client: bool,
) -> None:
    """`impactbot run`'s own server: X-Forwarded-For counts only from a trusted proxy. Two
    people behind the proxy on this machine each get their own limit; when the proxy is not
    trusted, they share the proxy's."""
    from impactbot.commands.run import _Server

    settings.participants.posts_per_minute = 1
    settings.web.forwarded_allow_ips = trusted
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    settings.telegram.webhook.port = sock.getsockname()[1]
    sock.close()
    survey = make_survey(db, catalogue, "klik-en-tik")
    routes = participant_routes(settings.storage.database, catalogue, settings, now=clock)
    server = _Server(Starlette(routes=routes), settings)
    serving = asyncio.create_task(server.serve())
    try:
        while not server.server.started:
            await asyncio.sleep(0.02)
        base = f"http://127.0.0.1:{settings.telegram.webhook.port}/d/{survey.code}"
        statuses = []
        first = ["203.0.113.7"] * (ANY_POSTS_FACTOR + 1)
        for client_ip in (*first, "198.51.100.9"):
            async with httpx.AsyncClient(headers={"X-Forwarded-For": client_ip}) as phone:
                statuses.append((await phone.post(base, data={})).status_code)
    finally:
        server.stop()
        await serving
    assert statuses[: ANY_POSTS_FACTOR - 1] == [403] * (ANY_POSTS_FACTOR - 1)
    assert statuses[-3:] == ([403, 429, 403] if per_client else [403, 429, 429])


async def test_a_database_held_elsewhere_keeps_the_answers_in_the_form(
    client: httpx.AsyncClient, db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    survey = make_survey(db, catalogue, "klik-en-tik")
    token = token_of((await client.get(f"/d/{survey.code}")).text)
    form = {"token": token, "s0": "5", "s1": "4", "s2": "3", "s3": "2", "words": "Fijn"}
    db.conn.execute("BEGIN IMMEDIATE")  # another writer holds the lock longer than a page waits
    try:
        busy = await client.post(f"/d/{survey.code}", data=form)
    finally:
        db.conn.rollback()
    assert busy.status_code == 503 and busy.headers["retry-after"] == "60"
    assert pt.WEB_BUSY in busy.text.replace("&#39;", "'")
    assert re.search(r'value="4"[^>]*checked', busy.text) and "Fijn" in busy.text
    assert answers(db) == []
    again = await client.post(f"/d/{survey.code}", data={**form, "token": token_of(busy.text)})
    assert again.status_code == 303 and len(answers(db)) == 4
    # the words came with the scores in one write, so the second try kept them too
    assert db.execute("SELECT text FROM quotes").fetchall() == [("Fijn",)]


async def test_a_token_with_other_digits_is_an_expired_form_not_an_error(
    client: httpx.AsyncClient, db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    survey = make_survey(db, catalogue, "klik-en-tik")
    await client.get(f"/d/{survey.code}")
    for token in ("²", "١٧٠٠٠٠٠٠٠٠.abc", "9" * 40 + ".x", ""):
        form = {"token": token, "s0": "5", "s1": "4", "s2": "3", "s3": "2"}
        answer = await client.post(f"/d/{survey.code}", data=form)
        assert answer.status_code == 403, token
        assert pt.WEB_EXPIRED_FORM in answer.text
    assert answers(db) == []
