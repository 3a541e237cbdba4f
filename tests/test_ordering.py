"""Updates: side by side for different people, strictly in order for one person."""

from __future__ import annotations

import asyncio

from fakes import message_update
from telegram import Update

from bot.core.ordering import PerPersonUpdateProcessor, person_key


def update(user_id: int, text: str = "hoi") -> Update:
    return Update.de_json(message_update(text, user_id=user_id), None)


async def test_one_persons_updates_run_in_order_and_others_run_alongside():
    processor = PerPersonUpdateProcessor(16)
    log: list[str] = []

    async def work(name: str, seconds: float) -> None:
        log.append(f"start {name}")
        await asyncio.sleep(seconds)
        log.append(f"end {name}")

    await asyncio.gather(
        processor.process_update(update(1), work("a1", 0.05)),
        processor.process_update(update(1), work("a2", 0.0)),
        processor.process_update(update(2), work("b1", 0.0)),
    )
    # Anne's second update waits for her first, even though it is quicker ...
    assert log.index("start a2") > log.index("end a1")
    # ... while Bram is served during Anne's first.
    assert log.index("end b1") < log.index("end a1")
    assert processor._locks == {}


async def test_a_failing_update_does_not_block_that_person():
    processor = PerPersonUpdateProcessor(4)

    async def boom() -> None:
        raise RuntimeError("handler failed")

    async def fine() -> str:
        return "ok"

    results = await asyncio.gather(
        processor.process_update(update(1), boom()),
        processor.process_update(update(1), fine()),
        return_exceptions=True,
    )
    assert isinstance(results[0], RuntimeError)
    assert processor._locks == {}


def test_person_key():
    assert person_key(update(7)) == 7
    assert person_key(object()) is None


async def test_one_busy_person_does_not_hold_up_others():
    processor = PerPersonUpdateProcessor(2)
    release = asyncio.Event()
    log: list[str] = []

    async def slow(name: str) -> None:
        log.append(name)
        await release.wait()

    async def quick(name: str) -> None:
        log.append(name)

    anne = [
        asyncio.create_task(processor.process_update(update(1), slow(f"a{i}"))) for i in range(4)
    ]
    bram = asyncio.create_task(processor.process_update(update(2), quick("b")))
    await asyncio.wait_for(bram, timeout=1)  # Bram is served while Anne's first still runs
    assert log == ["a0", "b"]
    release.set()
    await asyncio.gather(*anne)
    assert log == ["a0", "b", "a1", "a2", "a3"]
