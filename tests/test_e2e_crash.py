"""Crashes: `impactbot run` as a separate process is killed (SIGKILL) at random moments while
20 leaders report at the same time, and started again each time.

The leaders behave like people: a report is done when they see "Opgeslagen" (the summary
edited into the confirmation, or a new message; or, pressing
Opslaan again, "Dit verslag is al opgeslagen."). Without an answer they try again: press
Opslaan again when the summary is there, ask for it with /verslag when the bot says a report
is in progress, or send their message again when the bot never answered it. Updates the
killed bot had not confirmed are handed out again by the stand-in, as Telegram does.

Afterwards every report is in the database exactly once.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from e2e_helpers import people_only_database, read_only, register_leaders

from bot.leader import texts
from demo.runner import DEMO_TOKEN
from standin import ChatMessage, StandIn
from toc.models import Catalogue

LEADERS = 20
REPORTS_EACH = 2
# Another seed for a different kill pattern: E2E_CRASH_SEED=7 pytest tests/test_e2e_crash.py
SEED = int(os.environ.get("E2E_CRASH_SEED", "20250611"))
RETRY = 2.5  # seconds a leader waits for an answer before trying again
REPORT_DEADLINE = 60.0
START_TIMEOUT = 30.0
FIRST_LEADER = 810_000_001


def _config(tmp_path: Path, database: Path, base_url: str) -> Path:
    config = tmp_path / "impactbot.toml"
    config.write_text(
        f'[storage]\ndatabase = "{database}"\n\n'
        f'[telegram]\nbase_url = "{base_url}"\npoll_timeout = 1\npersistence_interval = 1.0\n\n'
        '[logging]\nlevel = "INFO"\nformat = "text"\n',
        encoding="utf-8",
    )
    return config


class BotProcess:
    """`python -m impactbot --config X run`, started again after every kill."""

    def __init__(self, tg: StandIn, config: Path, logs: Path) -> None:
        self.tg = tg
        self.config = config
        self.logs = logs
        self.proc: subprocess.Popen[bytes] | None = None
        self.starts = 0

    def start(self) -> None:
        self.starts += 1
        polls = self.tg.state.polls_started
        env = {**os.environ, "IMPACTBOT_TELEGRAM_TOKEN": DEMO_TOKEN}
        env.pop("IMPACTBOT_CONFIG", None)
        with (self.logs / f"bot-{self.starts}.log").open("wb") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "impactbot", "--config", str(self.config), "run"],
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=self.config.parent,
            )
        ready = self.tg.state.wait_until(
            lambda: self.tg.state.polls_started > polls or self.proc.poll() is not None,  # type: ignore[union-attr]
            START_TIMEOUT,
        )
        assert ready and self.proc.poll() is None, f"the bot did not start: {self.log_text()}"

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)

    def stop(self) -> int:
        """A normal stop (SIGTERM, as a service manager does); the exit code."""
        assert self.proc is not None
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(30)

    def log_text(self) -> str:
        return "\n".join(p.read_text(errors="replace")[-3000:] for p in sorted(self.logs.glob("*")))


@dataclass
class Leader:
    tg: StandIn
    telegram_id: int
    reports: list[tuple[str, int]]  # (message, kinderen): kinderen identifies the report
    confirmed: list[int] = field(default_factory=list)
    mine: str = ""  # how the summary of the current report shows its counts
    tries: int = 0
    error: BaseException | None = None

    def run(self) -> None:
        try:
            for text, kinderen in self.reports:
                self.report(text, kinderen)
                self.confirmed.append(kinderen)
        except BaseException as exc:  # reported by the test
            self.error = exc

    # --- what the leader sees ------------------------------------------------------------------

    def _after(self, message_id: int) -> list[ChatMessage]:
        return [m for m in self.tg.sent(self.telegram_id) if m.message_id > message_id]

    def _summary(self, start: int) -> ChatMessage | None:
        """The newest summary of this report (its counts), with its Opslaan button."""
        shown = [
            m
            for m in self._after(start)
            if texts.BUTTON_SAVE in m.button_labels and self.mine in (m.text or "")
        ]
        return shown[-1] if shown else None

    def _confirmed(self, start: int, presses: list[str]) -> bool:
        """ "Opgeslagen" after a summary of this report, or "al opgeslagen" on a press."""
        mine = [m for m in self._after(start) if self.mine in (m.text or "")]
        # The summary edited into "Opgeslagen", or "you saved this already" on sending it again.
        said = (texts.SAVED, texts.SAME_REPORT.split("{")[0])
        if mine and any(
            (m.text or "").startswith(said) for m in self._after(mine[0].message_id - 1)
        ):
            return True
        return any(
            a.callback_query_id in presses and a.text == texts.ALREADY_SAVED
            for a in self.tg.answered_callbacks
        )

    # --- what the leader does ------------------------------------------------------------------

    def report(self, text: str, kinderen: int) -> None:
        tg, me = self.tg, self.telegram_id
        self.mine = f"{kinderen} kinderen"
        start = tg.send_text(me, text)
        presses: list[str] = []
        summary_seen: ChatMessage | None = None
        deadline = time.monotonic() + REPORT_DEADLINE
        while not self._confirmed(start, presses):
            assert time.monotonic() < deadline, f"leader {me}: no confirmation for {text!r}"
            summary = self._summary(start)
            if presses:
                self.tries += 1  # pressing Opslaan once more
            if summary is not None:
                summary_seen = summary
                presses.append(tg.press(me, summary.message_id, _save_data(summary)))
            elif summary_seen is not None:
                # The bot removes the buttons only after storing the report: ask once more.
                data = _save_data(summary_seen)
                presses.append(tg.press(me, summary_seen.message_id, data, strict=False))
            else:
                tg.state.wait_until(
                    lambda: self._summary(start) is not None or self._confirmed(start, presses),
                    RETRY,
                )
                if self._summary(start) is not None or self._confirmed(start, presses):
                    continue
                self.tries += 1
                newest = self._after(start)[-1:] or [None]
                said = newest[0].text if newest[0] is not None else None
                newest_message = newest[0]
                if newest_message is not None and texts.BUTTON_DONT_SAVE in (
                    newest_message.button_labels
                ):
                    # An earlier report sent again, already saved: "Niet opslaan".
                    drop = newest_message.button(texts.BUTTON_DONT_SAVE).callback_data or ""
                    tg.press(me, newest_message.message_id, drop, strict=False)
                elif said in (texts.USE_BUTTONS, texts.FINISH_FIRST):
                    tg.send_text(me, "/verslag")  # "you were busy": show me that report
                elif said == texts.ASK_ACTIVITY:
                    tg.send_text(me, "/annuleer")  # not this one: stop it, then try again
                else:
                    tg.send_text(me, text)  # no answer at all: send it again
                continue
            tg.state.wait_until(lambda: self._confirmed(start, presses), RETRY)


def _save_data(summary: ChatMessage) -> str:
    data = summary.button(texts.BUTTON_SAVE).callback_data
    assert data is not None
    return data


KILL_MOMENTS = ("opslaan", "opgeslagen", "calls")


def _kill_moment(tg: StandIn, rng: random.Random, kind: str) -> Callable[[], bool]:
    """When to kill, a random number of events from now: right after the bot answered a
    press on Opslaan (while it stores the report), right after it said "Opgeslagen", or
    after some more Bot API calls of any kind."""

    def count() -> int:
        if kind == "opslaan":
            return sum(1 for a in tg.answered_callbacks if (a.data or "").endswith(":summary:save"))
        if kind == "opgeslagen":
            return sum(
                1
                for c in tg.calls
                if c.method in ("sendMessage", "editMessageText")
                and str(c.params.get("text", "")).startswith(texts.SAVED)
            )
        return len(tg.calls)

    target = count() + (rng.randint(10, 40) if kind == "calls" else rng.randint(1, 6))
    return lambda: count() >= target


def test_reports_survive_sigkills_and_are_stored_once(tmp_path: Path, default_catalogue: Catalogue):
    rng = random.Random(SEED)
    database = people_only_database(tmp_path / "bot.db", default_catalogue)
    ids = [FIRST_LEADER + n for n in range(LEADERS)]
    people = register_leaders(database, ids)
    logs = tmp_path / "logs"
    logs.mkdir()

    with StandIn(host="127.0.0.1", port=0, token=DEMO_TOKEN) as tg:
        bot = BotProcess(tg, _config(tmp_path, database, tg.base_url), logs)
        bot.start()
        leaders = []
        for n, telegram_id in enumerate(ids):
            tg.user(telegram_id, f"Leider {n + 1}")
            reports = [
                (f"Voorleesuurtje Havelte {k} kinderen 3 ouders", k)
                for k in (100 + n * REPORTS_EACH + r for r in range(REPORTS_EACH))
            ]
            leaders.append(Leader(tg, telegram_id, reports))
        threads = [threading.Thread(target=x.run, name=f"leader-{x.telegram_id}") for x in leaders]
        for thread in threads:
            thread.start()

        def all_done() -> bool:
            return not any(t.is_alive() for t in threads)

        kills = 0
        try:
            for kind in KILL_MOMENTS[: rng.choice([2, 3])]:
                moment = _kill_moment(tg, rng, kind)
                tg.state.wait_until(lambda m=moment: m() or all_done(), 60)
                if all_done():
                    break
                bot.kill()
                kills += 1
                bot.start()
            for thread in threads:
                thread.join(REPORT_DEADLINE * REPORTS_EACH)
        finally:
            exit_code = bot.stop()

    redelivered = sum(1 for n in tg.deliveries().values() if n > 1)
    print(
        f"seed {SEED}: {kills} kills, {redelivered} updates handed out again, "
        f"{sum(x.tries for x in leaders)} retries by leaders"
    )
    problems = [f"{x.telegram_id}: {x.error!r}" for x in leaders if x.error is not None]
    assert not problems, "\n".join(problems) + "\n" + bot.log_text()
    assert kills >= 2, "the leaders were done before the bot was killed twice"
    assert exit_code == 0, bot.log_text()

    with read_only(database) as conn:
        rows = conn.execute(
            "SELECT reporter_id, kinderen, volwassenen, activity, vestiging FROM sessions"
        ).fetchall()
    for leader in leaders:
        expected = sorted(k for _, k in leader.reports)
        assert sorted(leader.confirmed) == expected  # every report was confirmed in the end
        stored = sorted(r[1] for r in rows if r[0] == people[leader.telegram_id])
        assert stored == expected, f"leader {leader.telegram_id}: {stored} != {expected}"
    assert len(rows) == LEADERS * REPORTS_EACH
    assert {(r[2], r[3], r[4]) for r in rows} == {(3, "voorleesuurtje", "havelte")}
