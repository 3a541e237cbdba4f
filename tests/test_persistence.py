"""SQLitePersistence: python-telegram-bot's state as JSON in the ptb_state table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fakes import BotHarness, register_person
from telegram.ext import PersistenceInput

from bot.core import awaiting
from bot.leader import texts
from ground.settings import Settings
from store.db import open_db
from store.people import create_invite
from store.persistence import SQLitePersistence
from toc.models import Catalogue


async def test_round_trip_in_a_new_instance(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    first = SQLitePersistence(path)
    await first.update_user_data(42, {"awaiting_name": True, "n": 3})
    await first.update_chat_data(-5, {"told": ["x"]})
    await first.update_bot_data({"version": 1})
    await first.update_conversation("verslag", (42, 42), "counts")
    await first.update_conversation("verslag", (7, 7), "date")
    await first.update_callback_data(([("uuid", 12.5, {"a": "b"})], {"q": "uuid"}))
    await first.flush()

    second = SQLitePersistence(path)
    assert await second.get_user_data() == {42: {"awaiting_name": True, "n": 3}}
    assert await second.get_chat_data() == {-5: {"told": ["x"]}}
    assert await second.get_bot_data() == {"version": 1}
    assert await second.get_conversations("verslag") == {(42, 42): "counts", (7, 7): "date"}
    assert await second.get_callback_data() == ([("uuid", 12.5, {"a": "b"})], {"q": "uuid"})
    await second.update_conversation("verslag", (7, 7), None)
    await second.drop_user_data(42)
    await second.drop_chat_data(-5)
    assert await second.get_conversations("verslag") == {(42, 42): "counts"}
    assert await second.get_user_data() == {}
    assert await second.get_chat_data() == {}
    await second.flush()


async def test_stored_as_json_never_pickle(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    persistence = SQLitePersistence(path)
    await persistence.update_user_data(1, {"naam": "Ana"})
    with pytest.raises(TypeError):
        await persistence.update_user_data(2, {"obj": object()})
    await persistence.flush()
    db = open_db(path)
    rows = db.execute("SELECT kind, key, data FROM ptb_state").fetchall()
    db.conn.close()
    assert rows == [("user", "1", json.dumps({"naam": "Ana"}))]


async def test_empty_database(tmp_path: Path) -> None:
    persistence = SQLitePersistence(
        tmp_path / "new.db", store_data=PersistenceInput(bot_data=False)
    )
    assert await persistence.get_user_data() == {}
    assert await persistence.get_bot_data() == {}
    assert await persistence.get_callback_data() is None
    assert await persistence.get_conversations("x") == {}
    await persistence.flush()


async def test_bot_user_data_survives_a_restart(
    settings: Settings, catalogue: Catalogue, tmp_path: Path
) -> None:
    """Registering sets user_data (waiting for the name); a new Application still knows it."""
    db = open_db(settings.storage.database)
    invite = create_invite(db, "leider", vestiging="havelte")
    first = BotHarness(settings, catalogue)
    await first.start()
    await first.send(f"/start {invite.code}")
    await first.stop()  # shutdown flushes the persistence

    second = BotHarness(settings, catalogue)
    await second.start()
    waiting_for_name = {"room": "leader", "kind": "name", "data": {}}
    assert second.app.user_data[second.user_id] == {awaiting.KEY: waiting_for_name}
    kinds = {row[0] for row in db.execute("SELECT kind FROM ptb_state").fetchall()}
    assert "bot" not in kinds  # bot_data (holding the services) is never stored
    await second.send("Ana")
    assert second.last_text() == texts.NAME_SAVED.format(name="Ana")
    await second.stop()
    db.conn.close()


async def test_persistence_is_wired_into_the_application(
    settings: Settings, catalogue: Catalogue
) -> None:
    db = open_db(settings.storage.database)
    register_person(db)
    bot = BotHarness(settings, catalogue)
    persistence = bot.app.persistence
    assert isinstance(persistence, SQLitePersistence)
    assert persistence.update_interval == settings.telegram.persistence_interval
    assert persistence.store_data.bot_data is False
    db.conn.close()
