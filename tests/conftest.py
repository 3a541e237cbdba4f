"""Shared fixtures: settings on a temporary database, the real default catalogue, the store."""

from __future__ import annotations

import inspect
import subprocess
import sys
import types
from collections.abc import AsyncIterator, Callable, Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import sqlite_utils
from pydantic import SecretStr

from ground.settings import Settings
from store.db import open_db
from toc.models import Catalogue

if TYPE_CHECKING:
    from fakes import BotHarness


TESTS = Path(__file__).resolve().parent

# -- test tiers ------------------------------------------------------------------------------
# `pytest -m "not slow"` is the developer's loop (under a minute): no other process, no PDF,
# no browser, no end-to-end run over loopback, no whole demo year. A test is slow when it is an
# end-to-end test (test_e2e_*.py), when it or anything of tests/ it uses (its fixtures, the
# helpers it calls) names one of SLOW_USES, or when it is marked @pytest.mark.slow. A fast test
# that starts a process or renders a PDF anyway fails and says so (see `fast_tier_guard`), so
# the loop stays what it promises.
SLOW_USES = (
    # another process, a PDF
    "subprocess", "render_pdf", "weasyprint", "bot_process", "start_demo",
    # a whole demo year (thousands of sessions)
    "generate_demo_year", "generate_year_to_date", "seed_database",
)  # fmt: skip


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "breaks_telegram_limits: the test sends too much on purpose (stand-in tests)"
    )
    config.addinivalue_line(
        "markers",
        "slow: starts a process, renders a PDF, runs end to end or builds whole demo years "
        "(left out by `pytest -m 'not slow'`; set automatically from what a test uses)",
    )
    config.addinivalue_line(
        "markers", "fast: stays in the fast tier although it names what SLOW_USES lists"
    )


def _ours(obj: object) -> bool:
    """A function of tests/ (not the guard below, which names what it refuses)."""
    file = getattr(getattr(obj, "__code__", None), "co_filename", "")
    if getattr(obj, "__name__", "") in ("fast_tier_guard", "_guard_pdf"):
        return False
    return bool(file) and Path(file).resolve().is_relative_to(TESTS)


def _names(code: types.CodeType) -> set[str]:
    found = set(code.co_names)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            found |= _names(const)
    return found


@cache
def _source_in_use(func: Callable[..., Any]) -> str:
    """The source of a test function or fixture and of every function of tests/ it calls."""
    seen: set[Callable[..., Any]] = set()
    todo, parts = [func], []
    while todo:
        f = inspect.unwrap(todo.pop())
        if f in seen or not _ours(f):
            continue
        seen.add(f)
        parts.append(inspect.getsource(f))
        module_globals = getattr(f, "__globals__", {})
        todo.extend(
            module_globals[name]
            for name in _names(f.__code__)
            if callable(module_globals.get(name)) and _ours(module_globals[name])
        )
    return "\n".join(parts)


def _is_slow(item: pytest.Item) -> bool:
    if item.get_closest_marker("fast"):
        return False
    if item.get_closest_marker("slow") or item.path.name.startswith("test_e2e_"):
        return True
    if not isinstance(item, pytest.Function):
        return False
    funcs = [item.obj] + [
        defs[-1].func
        for defs in item._fixtureinfo.name2fixturedefs.values()  # the fixtures it uses
        if defs
    ]
    return any(word in _source_in_use(f) for f in funcs for word in SLOW_USES)


@pytest.hookimpl(tryfirst=True)  # before -m reads the markers
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if _is_slow(item) and not item.get_closest_marker("slow"):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def fast_tier_guard(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """A test of the fast tier may not start a process or render a PDF: it fails with the way
    out, instead of slowing down the developer's loop unseen."""
    if request.node.get_closest_marker("slow"):
        return
    original = subprocess.Popen.__init__

    def guarded(self: subprocess.Popen[Any], *args: Any, **kwargs: Any) -> None:
        # ctypes.util.find_library asks ldconfig: a library lookup, not the test's process
        caller = sys._getframe(1)
        while caller.f_back is not None and caller.f_globals.get("__name__") == "subprocess":
            caller = caller.f_back
        if caller.f_globals.get("__name__") != "ctypes.util":
            pytest.fail(
                "this test starts a process: mark it @pytest.mark.slow (or use one of "
                f"{SLOW_USES} by name), so `pytest -m 'not slow'` stays fast",
                pytrace=False,
            )
        original(self, *args, **kwargs)

    monkeypatch.setattr(subprocess.Popen, "__init__", guarded)
    _guard_pdf(monkeypatch)


def _guard_pdf(monkeypatch: pytest.MonkeyPatch) -> None:
    import weasyprint  # imported once per run; every PDF (write_pdf too) is laid out by render

    def refused(*args: Any, **kwargs: Any) -> None:
        pytest.fail(
            "this test renders a PDF: mark it @pytest.mark.slow, so `pytest -m 'not slow'` "
            "stays fast",
            pytrace=False,
        )

    monkeypatch.setattr(weasyprint.HTML, "render", refused)


@pytest.fixture(autouse=True)
def telegram_limits(request: pytest.FixtureRequest) -> Iterator[None]:
    """Every request the bot makes in any test keeps Telegram's limits: text <= 4096
    characters, caption <= 1024, callback_data <= 64 bytes (recorded by tests/fakes.py and
    the stand-in)."""
    import fakes

    from standin.faults import VIOLATIONS

    VIOLATIONS.clear()
    fakes.VIOLATIONS.clear()
    yield
    if request.node.get_closest_marker("breaks_telegram_limits"):
        return
    broken = [*VIOLATIONS, *fakes.VIOLATIONS]
    assert not broken, f"a request broke Telegram's limits: {broken[:5]}"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Default settings, with the database in tmp_path and a fake (test) bot token."""
    from fakes import BOT_TOKEN

    result = Settings()
    result.storage.database = tmp_path / "impactbot.db"
    result.telegram.token = SecretStr(BOT_TOKEN)
    return result


@pytest.fixture(scope="session")
def default_catalogue() -> Catalogue:
    from toc.loader import default_catalogue as load_default

    return load_default()


@pytest.fixture
def catalogue(default_catalogue: Catalogue) -> Catalogue:
    """The shipped catalogue (modules may override this with a small one of their own)."""
    return default_catalogue


def with_agreed_examples(catalogue: Catalogue) -> Catalogue:
    """The catalogue with the shipped example afspraken taken as real ones: for tests of how
    an agreement is compared and printed (the shipped examples themselves never are)."""
    contracts = [c.model_copy(update={"example": False}) for c in catalogue.contracts]
    return catalogue.model_copy(update={"contracts": contracts})


@pytest.fixture
def agreed_catalogue(default_catalogue: Catalogue) -> Catalogue:
    return with_agreed_examples(default_catalogue)


@pytest.fixture
def db(settings: Settings) -> Iterator[sqlite_utils.Database]:
    database = open_db(settings.storage.database)
    yield database
    database.conn.close()


@pytest.fixture
async def bot(
    settings: Settings, catalogue: Catalogue, db: sqlite_utils.Database
) -> AsyncIterator[BotHarness]:
    """The real Application with one registered leader (tests/fakes.py); a module with other
    people or another clock defines its own `bot`."""
    from fakes import BotHarness, register_person

    register_person(db)
    harness = BotHarness(settings, catalogue)
    await harness.start()
    yield harness
    await harness.stop()
