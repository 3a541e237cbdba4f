"""The bot's own web server at its edges: junk on the webhook, security headers on every
answer (also 404, 405, 500 and redirects), no server name; through httpx's ASGI transport
with the real Application behind the webhook route."""

from __future__ import annotations

import json

import httpx
import pytest
from pydantic import SecretStr
from starlette.responses import RedirectResponse
from starlette.routing import Route

from bot.app import build_application
from bot.core import texts as core_texts
from bot.core.web import SECRET_HEADER, build_web_app, read_update
from ground.settings import Settings

SECRET = "s3cret_for-tests"
JUNK = [
    b"[]",
    b'"x"',
    b"null",
    b"1",
    b"",
    b"{",
    b'{"update_id":1,"message":"x"}',
    b'{"update_id":1,"callback_query":[]}',
    b'{"update_id":"x"}',
    b'{"update_id":1.5}',
    b'{"update_id":true}',
    b'{"update_id":-1}',
    b'{"update_id":NaN}',
    b'{"update_id":1,"message":{"date":NaN}}',
    b'{"update_id":1,"x":Infinity}',
    b"[" * 100_000 + b"]" * 100_000,
    b'{"update_id":1,"message":' + b'{"a":' * 40 + b"1" + b"}" * 41,
    b'{"update_id":1,"message":{"message_id":"x","chat":1}}',
]


@pytest.mark.parametrize("body", JUNK, ids=range(len(JUNK)))
def test_junk_is_no_update(body: bytes) -> None:
    if body.startswith(b'{"update_id":1,"message":{"message_id"'):
        return  # well-formed at the top: python-telegram-bot's reading refuses it (below)
    assert read_update(body) is None


def test_a_real_update_passes() -> None:
    update = {"update_id": 5, "message": {"message_id": 1, "date": 0, "chat": {"id": 1}}}
    assert read_update(json.dumps(update).encode()) == update


async def _boom(request: object) -> object:
    raise RuntimeError("boom")


async def _moved(request: object) -> RedirectResponse:
    return RedirectResponse("/healthz", status_code=303)


def _client(settings: Settings) -> httpx.AsyncClient:
    settings.telegram.webhook.url = "https://bot.example/telegram"
    settings.telegram.webhook.secret_token = SecretStr(SECRET)
    app = build_application(settings)
    web = build_web_app(app, settings, [Route("/boom", _boom), Route("/weg", _moved)])
    transport = httpx.ASGITransport(app=web, raise_app_exceptions=False)
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


async def test_junk_on_the_webhook_gets_400_and_reaches_nobody(settings: Settings) -> None:
    async with _client(settings) as client:
        for body in JUNK:
            answer = await client.post("/telegram", content=body, headers={SECRET_HEADER: SECRET})
            assert answer.status_code == 400, body[:60]
        good = {
            "update_id": 7,
            "message": {"message_id": 1, "date": 0, "chat": {"id": 1, "type": "private"}},
        }
        answer = await client.post("/telegram", json=good, headers={SECRET_HEADER: SECRET})
        assert answer.status_code == 200


def _assert_headers(answer: httpx.Response) -> None:
    headers = answer.headers
    assert headers["x-content-type-options"] == "nosniff", answer.request.url
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY" and headers["referrer-policy"] == "no-referrer"
    assert "server" not in headers


async def test_every_answer_carries_the_security_headers(settings: Settings) -> None:
    settings.participants.public_url = "https://bieb.example/"
    async with _client(settings) as client:
        seen = {}
        for method, path in [
            ("GET", "/healthz"),
            ("GET", "/bestaat-niet"),
            ("DELETE", "/healthz"),
            ("GET", "/telegram"),
            ("POST", "/telegram"),
            ("GET", "/boom"),
            ("GET", "/weg"),
        ]:
            answer = await client.request(method, path)
            _assert_headers(answer)
            seen[(method, path)] = answer.status_code
            assert "Traceback" not in answer.text and "uvicorn" not in answer.text
        assert seen == {
            ("GET", "/healthz"): 503,  # no database file in this test: said, not hidden
            ("GET", "/bestaat-niet"): 404,
            ("DELETE", "/healthz"): 405,
            ("GET", "/telegram"): 405,
            ("POST", "/telegram"): 403,
            ("GET", "/boom"): 500,
            ("GET", "/weg"): 303,
        }
        assert (await client.get("/bestaat-niet")).text == core_texts.WEB_NOT_FOUND
        assert (await client.get("/boom")).text == core_texts.WEB_ERROR
