"""The HTTP side: {base}/bot<TOKEN>/<method>, parameters as JSON, form fields, a query string
or multipart/form-data (file uploads), answered with Bot API-shaped JSON."""

from __future__ import annotations

import contextlib
import json
import re
import socket
import time
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from standin import methods
from standin.faults import VIOLATIONS, error_body
from standin.model import ApiError, Call
from standin.state import BotApiState

_PATH = re.compile(r"^/bot(?P<token>[^/]+)/(?P<method>[A-Za-z]+)/?$")
# A file download, as Telegram serves them: /file/bot<token>/<file_path from getFile>.
_FILE_PATH = re.compile(r"^/file/bot(?P<token>[^/]+)/photos/(?P<file_id>[^/]+)\.jpg$")
# Parameters that are strings in the Bot API; every other form value is JSON-decoded, the
# way python-telegram-bot and other clients encode them.
_STRING_PARAMS = {
    "text",
    "caption",
    "parse_mode",
    "callback_query_id",
    "url",
    "action",
    "language_code",
    "inline_message_id",
    "secret_token",
    "document",
    "photo",
    "business_connection_id",
    "message_effect_id",
    "ip_address",
    "certificate",
    "emoji",
    "thumbnail",
}


def decode_value(name: str, value: str) -> Any:
    if name in _STRING_PARAMS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


def parse_request(
    content_type: str, body: bytes, query: str
) -> tuple[dict[str, Any], methods.Files]:
    """Decode the parameters and uploaded files of one request."""
    params: dict[str, Any] = {k: decode_value(k, v) for k, v in parse_qsl(query)}
    files: methods.Files = {}
    kind = content_type.split(";", 1)[0].strip().lower()
    if kind == "application/json" and body.strip():
        try:
            decoded = json.loads(body)
        except ValueError as exc:
            raise ApiError(400, "Bad Request: can't parse JSON body") from exc
        if not isinstance(decoded, dict):
            raise ApiError(400, "Bad Request: the JSON body must be an object")
        params.update(decoded)
    elif kind == "application/x-www-form-urlencoded":
        text = body.decode("utf-8", errors="replace")
        params.update({k: decode_value(k, v) for k, v in parse_qsl(text, keep_blank_values=True)})
    elif kind == "multipart/form-data":
        head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode()
        message = BytesParser(policy=HTTP).parsebytes(head + body)
        if not message.is_multipart():
            raise ApiError(400, "Bad Request: can't parse multipart/form-data")
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            if not isinstance(name, str):
                continue
            payload = part.get_payload(decode=True) or b""
            if not isinstance(payload, bytes):  # decode=True gives bytes for a leaf part
                continue
            filename = part.get_filename()
            if filename is not None:
                mime = part.get_content_type() if part.get("content-type") else None
                files[name] = (filename, mime, payload)
            else:
                params[name] = decode_value(name, payload.decode("utf-8", errors="replace"))
    return params, files


class BotApi:
    """Routes one HTTP request to a method and logs it."""

    def __init__(self, state: BotApiState) -> None:
        self.state = state

    def handle(self, path: str, content_type: str, body: bytes) -> tuple[int, dict[str, Any]]:
        url = urlsplit(path)
        match = _PATH.match(url.path)
        if match is None:
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        if match["token"] != self.state.token:
            return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        method = match["method"]
        at, started = time.time(), time.monotonic()
        params: dict[str, Any] = {}
        fault = self.state.take_fault(method)
        if fault is not None and fault.kind == "drop":
            self.state.log_call(Call(method, params, at, started, False, "dropped (fault)"))
            raise Dropped
        if fault is not None and fault.kind in ("429", "500"):
            status, payload = error_body(fault)
            self.state.log_call(Call(method, params, at, started, False, payload["description"]))
            return status, payload
        try:
            params, files = parse_request(content_type, body, url.query)
            result = methods.call(self.state, method, params, files)
        except ApiError as error:
            if "too long" in error.description or "BUTTON_DATA_INVALID" in error.description:
                VIOLATIONS.append((method, error.description))
            self.state.log_call(Call(method, params, at, started, False, error.description))
            return error.code, {
                "ok": False,
                "error_code": error.code,
                "description": error.description,
            }
        except Exception as exc:  # a stand-in bug: say so instead of dropping the connection
            description = f"Internal Server Error: stand-in failed on {method}: {exc!r}"
            self.state.log_call(Call(method, params, at, started, False, description))
            return 500, {"ok": False, "error_code": 500, "description": description}
        self.state.log_call(Call(method, params, at, started))
        if fault is not None and fault.kind == "drop_after":
            raise Dropped  # done, but the bot never hears so
        return 200, {"ok": True, "result": result}


class Dropped(Exception):
    """Close the connection without an answer (an injected network fault)."""


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "TelegramStandIn/1.0"
    # An idle keep-alive connection is closed after this many seconds.
    timeout = 120
    server: _Server

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in two writes; without this Nagle adds ~40 ms per answer.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        self._handle()

    def do_GET(self) -> None:  # noqa: N802
        self._handle()

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        return  # quiet: tests and the terminal chat own the console

    def _body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            chunks: list[bytes] = []
            while True:
                size = int(self.rfile.readline().split(b";", 1)[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline().strip():
                        pass
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _download(self) -> bool:
        """Serve a user's file; False when the path is not a file download."""
        match = _FILE_PATH.match(unquote(urlsplit(self.path).path))
        if match is None:
            return False
        state = self.server.api.state
        with state.lock:
            data = state.user_files.get(match["file_id"])
        if match["token"] != state.token or data is None:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return True
        self.send_response(200)
        self.send_header("Content-Type", "image/jpeg")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        return True

    def _handle(self) -> None:
        try:
            if self.command == "GET" and self._download():
                return
            body = self._body()
            status, payload = self.server.api.handle(
                self.path, self.headers.get("Content-Type", ""), body
            )
            data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except Dropped:
            # An injected network fault: close without a word, like a reset connection.
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)
        except (ConnectionError, TimeoutError, OSError):
            # The bot went away mid-request (a cancelled long poll on shutdown): nothing to say.
            self.close_connection = True


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], api: BotApi) -> None:
        self.api = api
        super().__init__(address, _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        return  # a reset connection is not news; real errors are answered as JSON


def make_server(host: str, port: int, state: BotApiState) -> _Server:
    return _Server((host, port), BotApi(state))
