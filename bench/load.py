"""Benchmark: many leaders send a quick report at once, through the real bot, over loopback.

    python bench/load.py [--leaders 500] [--concurrency 50] [--rate all|telegram|local|sequential]

Each simulated leader is registered in a fresh temporary database, sends one free-text report
("Voorleesuurtje Havelte 12 kinderen 8 ouders"), waits for the summary (what they saw is
toggles on it; they tick nothing), presses Opslaan and waits for "Opgeslagen". The bot is the
real one: `bot.app.build_application`, the real long-polling loop and httpx, against the
Telegram stand-in (`standin`) on 127.0.0.1.

The stand-in and the leaders run in a child process, so the bot's process does only the bot's
work (this machine may have few cores; the figures say how many).

Printed per run:
- reports per second (first message sent to the last "Opgeslagen" seen);
- the bot's handling time per update, in-process: from the first handler group to the last
  (a TypeHandler in group -100 and one in group 99), per update kind;
- the stand-in's handling time per update: from getUpdates handing it out to the bot's first
  response in that chat (so it includes waiting behind other updates);
- what one leader waits: message sent -> "Opgeslagen";
- the bot's CPU per report, its commits per report (every COMMIT on the bot's connections,
  also the library's own state) and its rate-limited requests per report (those with a
  chat_id: Telegram's 30 messages per second apply to them).
Every report must be stored exactly once (one session per leader, source_key draft:..., with
the activity, vestiging and count the leader typed); otherwise the exit code is 1.

Three runs. `telegram`: as built, with the rate limiter at its default cap of 30 messages per
second (Telegram's own limit for a bot, so this is what production can reach). `local`: the
cap lifted to 10,000, as for a self-hosted Bot API server or this stand-in: what the bot
itself can handle. `sequential`: the same, handling one update at a time, so an update's
handling time is its own and not shared with the updates it runs beside.

Floor: the same reports written straight with store.sessions.save_session (no Telegram, one
after another), and the full set of store calls the bot makes per report (the draft write
with its message's claim, the save with its press's claim and the draft's removal).

Targets: bot handling p95 under 20 ms per update; 100 reports per second or more with the
limit lifted; 15 reports per second under Telegram's 30 messages per second (2 rate-limited
requests per report); at most 2 commits per report.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import multiprocessing as mp
import random
import sys
import tempfile
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.machine import machine_line, percentile, verdict  # noqa: E402

TOKEN = "123:ABC"
BASE_ID = 700_000
TELEGRAM_RATE = 30  # settings.telegram.max_messages_per_second's default
LOCAL_RATE = 10_000
CONCURRENT = 64  # settings.telegram.concurrent_updates's default
TARGET_P95 = 0.020
TARGET_RATE = 100.0
TARGET_RATE_TELEGRAM = 15.0
TARGET_COMMITS = 2.0

# (what the leader types, activity id, how counts are written: kinderen + volwassenen,
# kinderen only, deelnemers, bezoekers), as each activity asks for them
# (bot.leader.draft.count_fields)
ACTIVITIES = [
    ("Voorleesuurtje", "voorleesuurtje", "kv"),
    ("Knutseluurtje", "knutseluurtje", "kv"),
    ("Kleintje Bieb", "kleintje-bieb", "kv"),
    ("Taalcafé", "taalcafe", "d"),
    ("Lezing", "lezing", "b"),
    ("Breicafé", "breicafe", "d"),
    ("Workshop", "workshop", "kv"),
    ("Makersplaats", "makersplaats", "kv"),
    ("Samenlezen", "samenlezen", "d"),
    ("CoderDojo", "coderdojo", "k"),
]
PLACES = (
    "Havelte Diever Vledder Beilen Smilde Westerbork Zuidwolde Ruinerwold Gieten Rolde Annen "
    "Borger Odoorn Coevorden Dalen Sleen Meppel Roden Norg Peize Eelde Vries Zuidlaren"
).split()


@dataclass(frozen=True)
class Leader:
    index: int
    telegram_id: int
    name: str
    text: str
    activity: str
    vestiging: str
    kinderen: int | None
    volwassenen: int | None
    deelnemers: int


def make_leaders(n: int, seed: int = 11) -> list[Leader]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        word, activity, style = rng.choice(ACTIVITIES)
        place = rng.choice(PLACES)
        kinderen = volwassenen = None
        if style == "kv":
            kinderen, volwassenen = rng.randrange(3, 25), rng.randrange(1, 12)
            counts = f"{kinderen} kinderen {volwassenen} ouders"
            total = kinderen + volwassenen
        elif style == "k":  # an activity for children only: parents would not count
            kinderen = total = rng.randrange(3, 25)
            counts = f"{kinderen} kinderen"
        else:
            total = rng.randrange(4, 40)
            counts = f"{total} {'bezoekers' if style == 'b' else 'deelnemers'}"
        out.append(
            Leader(
                i,
                BASE_ID + i,
                f"Leider {i}",
                f"{word} {place} {counts}",
                activity,
                place.lower(),
                kinderen,
                volwassenen,
                total,
            )
        )
    return out


# -- the child process: the Telegram stand-in and the leaders ------------------------------------


def _one_leader(
    tg: Any, leader: Leader, deadline: float, timeout: float
) -> tuple[bool, float, str]:
    def wait(predicate: Any) -> Any:
        left = min(timeout, deadline - time.monotonic())
        if left <= 0:
            raise TimeoutError("the overall deadline passed")
        return tg.wait_for_bot_message(leader.telegram_id, predicate, left)

    started = time.perf_counter()
    try:
        tg.send_text(leader.telegram_id, leader.text)
        # The summary, with what they might have seen as toggles: nothing ticked, Opslaan.
        summary = wait(lambda m: "Opslaan" in m.button_labels)
        tg.press_button(leader.telegram_id, summary.message_id, "Opslaan")
        wait(lambda m: (m.text or "").startswith("Opgeslagen"))
    except (TimeoutError, KeyError, ValueError) as exc:
        return False, time.perf_counter() - started, f"{leader.text!r}: {exc}"
    return True, time.perf_counter() - started, ""


def drive(conn: Connection, leaders: list[Leader], concurrency: int, limit: float) -> None:
    """Child process: serve the Bot API stand-in, then let the leaders report when told."""
    from standin import StandIn

    with StandIn(host="127.0.0.1", port=0, token=TOKEN) as tg:
        for leader in leaders:
            tg.user(leader.telegram_id, leader.name)
        conn.send(tg.base_url)
        if not conn.poll(120) or conn.recv() != "go":
            return
        deadline = time.monotonic() + limit
        started = time.perf_counter()
        cpu = time.process_time()
        with ThreadPoolExecutor(concurrency, thread_name_prefix="leader") as pool:
            results = list(
                pool.map(lambda leader: _one_leader(tg, leader, deadline, limit), leaders)
            )
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu
        conn.send(
            {
                "elapsed": elapsed,
                "cpu_standin": cpu,
                "results": results,
                "handling": [(h.kind, h.seconds) for h in tg.handling_times],
                "calls": dict(Counter(c.method for c in tg.calls)),
                "limited": sum(1 for c in tg.calls if "chat_id" in c.params and c.ok),
                "deliveries": Counter(tg.deliveries().values()),
            }
        )
        conn.poll(60)  # keep serving until the bot has stopped polling


# -- the bot process ----------------------------------------------------------------------------


def register(db_path: Path, leaders: list[Leader]) -> dict[int, int]:
    """Register every leader straight in the store; returns telegram id -> person id."""
    from store.db import open_db
    from store.people import create_invite, redeem_invite

    db = open_db(db_path)
    ids = {}
    for leader in leaders:
        invite = create_invite(db, "leider", vestiging=leader.vestiging)
        person = redeem_invite(db, invite.code, leader.telegram_id, leader.name)
        ids[leader.telegram_id] = person.id
    db.conn.close()
    return ids


def timed_request() -> Any:
    """python-telegram-bot's own HTTPXRequest (as ApplicationBuilder makes it), counting the
    seconds spent awaiting Bot API responses, so handling time splits into the bot's own work
    and waiting for Telegram. Passed through build_application's `request` parameter."""
    from telegram.request import HTTPXRequest

    class TimedRequest(HTTPXRequest):
        waited = 0.0

        async def do_request(self, *args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return await super().do_request(*args, **kwargs)
            finally:
                TimedRequest.waited += time.perf_counter() - started

    return TimedRequest(connection_pool_size=256)


def instrument(app: Any, request: Any) -> list[tuple[str, float, float]]:
    """Time every update from the first handler group to the last, in the bot's process:
    (kind, seconds, of which awaiting Bot API responses). The bot handles different people's
    updates side by side (bot/ordering.py), so "awaiting" is the Bot API time that passed
    during the update, including other updates' requests: an upper bound, not exact."""
    from telegram import Update
    from telegram.ext import TypeHandler

    started: dict[int, tuple[float, float]] = {}
    timings: list[tuple[str, float, float]] = []

    async def first(update: object, context: Any) -> None:
        if isinstance(update, Update):
            started[update.update_id] = (time.perf_counter(), type(request).waited)

    async def last(update: object, context: Any) -> None:
        if isinstance(update, Update) and update.update_id in started:
            kind = "callback_query" if update.callback_query else "message"
            t0, waited = started.pop(update.update_id)
            timings.append((kind, time.perf_counter() - t0, type(request).waited - waited))

    app.add_handler(TypeHandler(Update, first), group=-100)
    app.add_handler(TypeHandler(Update, last), group=99)
    return timings


class RetryCounter(logging.Handler):
    """Counts the bot's network retries (bot/core/telegram.py) instead of printing them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.retries = 0

    def emit(self, record: logging.LogRecord) -> None:
        if record.getMessage() == "network error, trying again":
            self.retries += 1


def count_commits(app: Any) -> list[int]:
    """Count every COMMIT on the bot's connections (the store's and the persistence's)."""
    counter = [0]

    def seen(sql: str) -> None:
        if sql.lstrip()[:6].upper() == "COMMIT":
            counter[0] += 1

    app.bot_data["services"].db.conn.set_trace_callback(seen)
    if app.persistence is not None:
        app.persistence.db.conn.set_trace_callback(seen)
    return counter


async def run_bot(
    leaders: list[Leader], args: argparse.Namespace, rate: int, concurrent: int
) -> dict:
    from telegram import Update

    from bot.app import build_application
    from ground.settings import TOKEN_ENV, load_settings
    from toc.loader import default_catalogue

    tmp = tempfile.TemporaryDirectory(prefix="impactbot-load-")
    db_path = Path(tmp.name) / "load.db"
    t0 = time.perf_counter()
    person_ids = register(db_path, leaders)
    setup = time.perf_counter() - t0

    ctx = mp.get_context("spawn")
    parent, child = ctx.Pipe()
    proc = ctx.Process(
        target=drive, args=(child, leaders, args.concurrency, args.time_limit), daemon=True
    )
    proc.start()
    try:
        if not parent.poll(60):
            raise RuntimeError("the stand-in did not start")
        base_url = parent.recv()
        settings = load_settings(env={TOKEN_ENV: TOKEN})
        settings.storage.database = db_path
        settings.telegram.base_url = base_url
        settings.telegram.max_messages_per_second = rate
        settings.telegram.concurrent_updates = concurrent
        request = timed_request()
        app = build_application(
            settings, catalogue=default_catalogue(), db_path=db_path, request=request
        )
        limiter_name = type(app.bot.rate_limiter).__name__ if app.bot.rate_limiter else "none"
        timings = instrument(app, request)
        t0 = time.perf_counter()
        await app.initialize()
        if app.post_init:
            await app.post_init(app)
        startup = time.perf_counter() - t0
        commits = count_commits(app)
        retries = RetryCounter()
        bot_log = logging.getLogger("impactbot.bot")
        bot_log.addHandler(retries)
        bot_log.propagate = False
        assert app.updater is not None
        await app.updater.start_polling(
            poll_interval=0,
            timeout=settings.telegram.poll_timeout,
            allowed_updates=Update.ALL_TYPES,
        )
        await app.start()
        try:
            cpu = time.process_time()
            parent.send("go")
            got = await asyncio.to_thread(parent.poll, args.time_limit + 60)
            if not got:
                raise RuntimeError("the leaders did not finish in time")
            outcome = parent.recv()
            outcome["cpu_bot"] = time.process_time() - cpu
        finally:
            await app.updater.stop()
            await app.stop()
            await app.shutdown()  # flushes the library's state: counted too
            outcome["commits"] = commits[0]
            outcome["retries"] = retries.retries
            bot_log.removeHandler(retries)
            if app.post_shutdown:
                await app.post_shutdown(app)
            parent.send("stop")
    finally:
        proc.join(30)
        if proc.is_alive():
            proc.terminate()
    outcome["check"] = check_store(db_path, leaders, person_ids)
    outcome["timings"] = timings
    outcome["concurrent"] = concurrent
    outcome["rate"] = rate
    outcome["limiter"] = (
        f"{limiter_name}, at most {rate} messages/s; {concurrent} people's updates at a time"
    )
    outcome["setup"] = setup
    outcome["startup"] = startup
    tmp.cleanup()
    return outcome


def check_store(db_path: Path, leaders: list[Leader], person_ids: dict[int, int]) -> list[str]:
    """Every leader's report stored exactly once, as typed. Returns the problems found."""
    from store.db import open_db

    db = open_db(db_path)
    problems = []
    rows = db.execute(
        "SELECT reporter_id, activity, vestiging, deelnemers, kinderen, volwassenen, source, "
        "source_key FROM sessions"
    ).fetchall()
    by_reporter: dict[int, list[tuple]] = {}
    for row in rows:
        by_reporter.setdefault(row[0], []).append(row)
    keys = [r[7] for r in rows]
    if len(set(keys)) != len(keys):
        problems.append("a source_key occurs more than once")
    for leader in leaders:
        mine = by_reporter.pop(person_ids[leader.telegram_id], [])
        if len(mine) != 1:
            problems.append(f"{leader.name}: {len(mine)} sessions stored, expected 1")
            continue
        _, activity, vestiging, deelnemers, kinderen, volwassenen, source, key = mine[0]
        got = (activity, vestiging, deelnemers, kinderen, volwassenen)
        want = (
            leader.activity,
            leader.vestiging,
            leader.deelnemers,
            leader.kinderen,
            leader.volwassenen,
        )
        if got != want or source != "bot" or not (key or "").startswith("draft:"):
            problems.append(f"{leader.name}: stored {got} {source} {key}, expected {want}")
    if by_reporter:
        problems.append(f"sessions from unknown reporters: {sorted(by_reporter)}")
    left = db.execute("SELECT count(*) FROM drafts").fetchone()[0]
    if left:
        problems.append(f"{left} drafts left behind")
    db.conn.close()
    return problems


# -- the floor ----------------------------------------------------------------------------------


def floor(leaders: list[Leader]) -> tuple[float, float]:
    """Reports per second: save_session only; and every store call the bot makes per report."""
    from store import drafts
    from store.db import open_db
    from store.sessions import SessionIn, save_session
    from toc.loader import default_catalogue

    catalogue = default_catalogue()
    rates = []
    for full in (False, True):
        with tempfile.TemporaryDirectory(prefix="impactbot-floor-") as tmp:
            path = Path(tmp) / "floor.db"
            person_ids = register(path, leaders)
            db = open_db(path)
            today = date.today()
            started = time.perf_counter()
            for n, leader in enumerate(leaders):
                draft_id = uuid.uuid4().hex
                session = SessionIn(
                    date=today,
                    activity=leader.activity,
                    vestiging=leader.vestiging,
                    kinderen=leader.kinderen,
                    volwassenen=leader.volwassenen,
                    deelnemers=leader.deelnemers,
                    reporter_id=person_ids[leader.telegram_id],
                    source="bot",
                    source_key=f"draft:{draft_id}",
                )
                actor = f"person:{person_ids[leader.telegram_id]}"
                if not full:
                    save_session(db, catalogue, session, actor)
                    continue
                message = [f"update:{2 * n + 1}", f"msg:{leader.telegram_id}:{n}"]
                drafts.save_draft(
                    db, leader.telegram_id, draft_id, {"text": leader.text}, claims=message
                )
                drafts.save_report(
                    db,
                    catalogue,
                    session,
                    actor,
                    telegram_id=leader.telegram_id,
                    draft_id=draft_id,
                    claims=[f"update:{2 * n + 2}", f"cbq:{n}"],
                )
            rates.append(len(leaders) / (time.perf_counter() - started))
            db.conn.close()
    return rates[0], rates[1]


# -- output -------------------------------------------------------------------------------------


def describe(label: str, seconds: list[float]) -> str:
    if not seconds:
        return f"  {label:<44} (none)"
    return (
        f"  {label:<44} p50 {percentile(seconds, 50) * 1000:8.2f}  "
        f"p95 {percentile(seconds, 95) * 1000:8.2f}  p99 {percentile(seconds, 99) * 1000:8.2f}  "
        f"max {max(seconds) * 1000:8.2f} ms  (n={len(seconds)})"
    )


def report(name: str, out: dict, n: int) -> bool:
    results = out["results"]
    ok = [r for r in results if r[0]]
    rate = len(ok) / out["elapsed"]
    in_process = [s for _, s, _ in out["timings"]]
    print(f"\n== bot, rate limiter: {out['limiter']} ({name})")
    target = TARGET_RATE_TELEGRAM if out["rate"] == TELEGRAM_RATE else TARGET_RATE
    print(
        f"  {len(ok)}/{n} reports confirmed in {out['elapsed']:.2f} s: "
        f"{rate:.1f} reports/s (target >= {target:.0f}: {verdict(rate >= target)})"
    )
    print(f"  start-up (initialize + post_init, {n} registered people): {out['startup']:.2f} s")
    print("  bot handling per update, in-process (group -100 -> group 99):")
    print(describe("all updates", in_process))
    for kind in ("message", "callback_query"):
        print(describe(kind, [s for k, s, _ in out["timings"] if k == kind]))
    if out["concurrent"] == 1:
        own = [s - w for _, s, w in out["timings"]]
        print(describe("  of which own work (not awaiting Bot API)", own))
        print(describe("  of which awaiting Bot API responses", [w for _, _, w in out["timings"]]))
    else:
        print("    (updates overlap here, so the time includes other people's updates)")
    p95 = percentile(in_process, 95) if in_process else float("inf")
    print(f"  target p95 < {TARGET_P95 * 1000:.0f} ms: {verdict(p95 < TARGET_P95)}")
    print("  stand-in: getUpdates hand-out -> bot's first response (includes queueing):")
    print(describe("all updates", [s for _, s in out["handling"]]))
    for kind in ("message", "callback_query"):
        print(describe(kind, [s for k, s in out["handling"] if k == kind]))
    print("  one leader, message sent -> 'Opgeslagen' seen:")
    print(describe("per report", [r[1] for r in ok]))
    print(
        f"  CPU per confirmed report: bot process {out['cpu_bot'] / max(1, len(ok)) * 1000:.1f} ms "
        f"({out['cpu_bot'] / out['elapsed'] * 100:.0f}% of one core over the run); stand-in + "
        f"leaders process {out['cpu_standin'] / max(1, len(ok)) * 1000:.1f} ms "
        f"({out['cpu_standin'] / out['elapsed'] * 100:.0f}%)"
    )
    calls = ", ".join(f"{k} {v}" for k, v in sorted(out["calls"].items()))
    print(f"  Bot API calls: {calls}")
    per_report = max(1, len(ok))
    limited = out["limited"] / per_report
    commits = out["commits"] / per_report
    print(
        f"  rate-limited requests per report (with a chat_id): {limited:.2f}, so Telegram's "
        f"{TELEGRAM_RATE} messages/s allow {TELEGRAM_RATE / max(limited, 0.01):.1f} reports/s"
    )
    print(
        f"  commits per report (all of the bot's connections): {commits:.2f} "
        f"(target <= {TARGET_COMMITS:.0f}: {verdict(commits <= TARGET_COMMITS)})"
    )
    if out["rate"] == TELEGRAM_RATE:
        print(
            f"  under Telegram's limit: {rate:.1f} reports/s "
            f"(target >= {TARGET_RATE_TELEGRAM:.0f}: {verdict(rate >= TARGET_RATE_TELEGRAM)})"
        )
    redelivered = sum(v for k, v in out["deliveries"].items() if k > 1)
    print(f"  updates handed out more than once: {redelivered}")
    print(f"  requests tried again after a network error: {out['retries']}")
    failures = [r[2] for r in results if not r[0]]
    for text in failures[:5]:
        print(f"  FAILED: {text}")
    problems = out["check"]
    if problems:
        print(f"  STORE CHECK FAILED ({len(problems)} problems):")
        for p in problems[:10]:
            print(f"    {p}")
    else:
        print(f"  store check: {n} sessions, each leader's report stored exactly once, as typed")
    return not failures and not problems


def profiled(path: Path, coroutine: Any) -> dict:
    import cProfile
    import pstats

    profile = cProfile.Profile()
    out = profile.runcall(asyncio.run, coroutine)
    profile.dump_stats(path)
    print(f"\nprofile of the bot process written to {path}; top 25 by own time:")
    pstats.Stats(profile).sort_stats("tottime").print_stats(25)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--leaders", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--rate", choices=("all", "telegram", "local", "sequential"), default="all")
    parser.add_argument(
        "--time-limit", type=float, default=300, help="seconds for all leaders together"
    )
    parser.add_argument(
        "--profile", type=Path, help="cProfile the bot process of the local-rate run"
    )
    args = parser.parse_args()
    print(machine_line())
    print(
        f"{args.leaders} leaders, {args.concurrency} at a time; bot in this process, stand-in "
        "and leaders in a child process; loopback HTTP"
    )
    leaders = make_leaders(args.leaders)
    ok = True
    runs = {
        "telegram": (TELEGRAM_RATE, CONCURRENT, "Telegram's limit, as in production"),
        "local": (LOCAL_RATE, CONCURRENT, "a local Bot API server"),
        "sequential": (LOCAL_RATE, 1, "one update at a time: the bot's own time per update"),
    }
    variants = tuple(runs) if args.rate == "all" else (args.rate,)
    for variant in variants:
        rate, concurrent, name = runs[variant]
        run = run_bot(leaders, args, rate, concurrent)
        if args.profile and variant == "local":
            out = profiled(args.profile, run)
        else:
            out = asyncio.run(run)
        ok = report(name, out, args.leaders) and ok
    save_only, all_store = floor(leaders)
    print("\n== floor (no Telegram, one report after another, same kind of database file)")
    print(f"  save_session only:                          {save_only:8.1f} reports/s")
    print(f"  every store call the bot makes per report:  {all_store:8.1f} reports/s")
    print(f"  (registration of {args.leaders} leaders before each run is not timed)")
    print(f"\nresult: {'all reports stored exactly once' if ok else 'FAILED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
