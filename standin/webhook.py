"""Webhook delivery, as Telegram does it: after setWebhook every update is POSTed as JSON to
the URL with the secret in X-Telegram-Bot-Api-Secret-Token; an update counts as delivered
on a 2xx answer and is tried again (after a pause) on anything else. While a webhook is set,
getUpdates answers 409.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request

from standin.state import BotApiState

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
RETRY_PAUSE = 0.5


class Deliverer:
    def __init__(self, state: BotApiState) -> None:
        self.state = state
        self.thread = threading.Thread(target=self._run, name="standin-webhook", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def join(self) -> None:
        if self.thread.is_alive():
            self.thread.join(5)

    def _run(self) -> None:
        state = self.state
        while True:
            with state.lock:
                while not state.closing and not (state.webhook and state.webhook_backlog()):
                    state.changed.wait(1.0)
                if state.closing:
                    return
                assert state.webhook is not None
                url, secret = state.webhook["url"], state.webhook.get("secret_token", "")
                update = state.webhook_backlog()[0]
            status = _post(url, secret, update)
            with state.lock:
                state.webhook_posts.append((int(update["update_id"]), status))
                state.changed.notify_all()
            if 200 <= status < 300:
                state.webhook_delivered(update)
            else:
                time.sleep(RETRY_PAUSE)


def _post(url: str, secret: str, update: dict[str, object]) -> int:
    body = json.dumps(update, ensure_ascii=False).encode("utf-8")
    headers = {"Content-Type": "application/json"}
    if secret:
        headers[SECRET_HEADER] = secret
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (loopback)
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)
    except (urllib.error.URLError, OSError):
        return 0  # nobody listening (yet): tried again, as Telegram does
