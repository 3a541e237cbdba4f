"""/rapport (HTML + PDF) and /export (XLSX + CSV): scope, files, and never blocking others."""

from __future__ import annotations

import asyncio
import io
import json
from collections.abc import AsyncIterator
from datetime import date, datetime

import pytest
import sqlite_utils
from manager_fakes import ADMIN, LEADER, MANAGER, ManagerHarness, add_session, seed_people
from openpyxl import load_workbook

from bot.leader import texts
from bot.manager import texts as mt
from impactbot.settings import Settings
from store.sessions import QuoteIn
from toc.models import Catalogue


@pytest.fixture
async def bot(
    settings: Settings, catalogue: Catalogue, db: sqlite_utils.Database
) -> AsyncIterator[ManagerHarness]:
    seed_people(db)
    add_session(db, catalogue, date(2025, 3, 3), deelnemers=14, quotes=[
        QuoteIn(text="Isa wil elke avond voorlezen", attribution="moeder van Isa", consent="ja"),
    ])  # fmt: skip
    add_session(db, catalogue, date(2025, 3, 5), "taalhuis", "diever", 4, quotes=[
        QuoteIn(text="Geheim: alleen intern", attribution="Kees", consent="nee"),
    ])  # fmt: skip
    add_session(db, catalogue, date(2025, 3, 4), "ido-spreekuur", "beilen", 3)
    harness = ManagerHarness(settings, catalogue)
    await harness.start()
    harness.set_now(datetime(2025, 3, 12, 11, 0))
    yield harness
    await harness.stop()


async def test_rapport_sends_html_and_pdf_with_upload_action(bot: ManagerHarness) -> None:
    await bot.send("/rapport 2025", user_id=MANAGER)
    assert bot.text_to(MANAGER).startswith("Even geduld: ik maak de impactreflectie 2025")
    sent = await bot.wait_for("sendDocument", 2)
    assert [c.params.get("caption") for c in sent] == [
        mt.REPORT_HTML.format(year=2025, scope="gemeente Westerveld", edition=""),
        mt.REPORT_PDF.format(year=2025, scope="gemeente Westerveld", edition=""),
    ]
    actions = bot.request.of("sendChatAction")
    assert actions and actions[0].params["action"] == "upload_document"
    html = bot.request.files["impactreflectie-2025-westerveld.html"].decode("utf-8")
    pdf = bot.request.files["impactreflectie-2025-westerveld.pdf"]
    assert "Westerveld" in html and "Isa wil elke avond voorlezen" in html
    assert "Geheim" not in html and "Beilen" not in html
    assert pdf.startswith(b"%PDF")


async def test_rapport_intern_sends_the_intern_edition(bot: ManagerHarness) -> None:
    await bot.send("/rapport 2025 intern", user_id=MANAGER)
    sent = await bot.wait_for("sendDocument", 2)
    scope = "gemeente Westerveld, interne versie"
    assert [c.params.get("caption") for c in sent] == [
        mt.REPORT_HTML.format(year=2025, scope="gemeente Westerveld", edition=", interne versie"),
        mt.REPORT_PDF.format(year=2025, scope="gemeente Westerveld", edition=", interne versie"),
    ]
    assert scope in sent[0].params["caption"]
    html = bot.request.files["impactreflectie-2025-westerveld-intern.html"].decode("utf-8")
    public = build_html_public(bot)
    # The intern edition adds what the public one leaves out (the reflection on the data).
    assert len(html) > len(public)


def build_html_public(bot: ManagerHarness) -> str:
    from bot.manager.documents import database_path, report_files

    s = bot.services
    html, _pdf = report_files(database_path(s.db), s.catalogue, 2025, "westerveld", s.today())
    return html.decode("utf-8")


async def test_rapport_scope_and_refusals(bot: ManagerHarness) -> None:
    await bot.send("/rapport 2025 Midden-Drenthe", user_id=MANAGER)
    assert bot.text_to(MANAGER).startswith("Je ziet alleen gegevens van gemeente Westerveld.")
    await bot.send("/rapport twintig", user_id=MANAGER)
    assert bot.text_to(MANAGER) == mt.YEAR_INVALID.format(text="twintig", command="rapport")
    await bot.send("/rapport 2025", user_id=LEADER)
    assert bot.text_to(LEADER) == mt.MANAGERS_ONLY
    assert not bot.request.of("sendDocument")
    await bot.send("/rapport 2025 beilen", user_id=ADMIN)  # a vestiging: its gemeente
    await bot.wait_for("sendDocument", 2)
    assert "impactreflectie-2025-midden-drenthe.pdf" in bot.request.files


async def test_rapport_without_year_asks_with_buttons(bot: ManagerHarness) -> None:
    await bot.send("/rapport", user_id=ADMIN)
    assert bot.text_to(ADMIN) == mt.ASK_YEAR
    await bot.press("2024", user_id=ADMIN)
    await bot.wait_for("sendDocument", 2)
    assert "impactreflectie-2024-organisatie.html" in bot.request.files


async def test_a_report_never_holds_up_a_leaders_report(
    settings: Settings, catalogue: Catalogue, db: sqlite_utils.Database
) -> None:
    seed_people(db)
    bot = ManagerHarness(settings, catalogue)
    await bot.start()
    await bot.run()  # as in production: the Application runs its update queue
    try:
        await bot.app.update_queue.put(_update(bot, "/rapport 2025", MANAGER))
        await bot.app.update_queue.put(_update(bot, "Lezing Diever 40 bezoekers", LEADER))
        await bot.wait_for("sendDocument", 2)
        order = [
            c.method if c.method == "sendDocument" else int(c.params.get("chat_id", 0))
            for c in bot.request.calls
            if c.method in ("sendDocument", "sendMessage")
        ]
        # The leader's answer (what was understood, and the one question before the
        # summary) came before the first document.
        assert order.index(LEADER) < order.index("sendDocument")
        assert texts.UNDERSTOOD in bot.text_to(LEADER)
    finally:
        await bot.stop()


def _update(bot: ManagerHarness, text: str, user_id: int) -> object:
    from fakes import message_update
    from telegram import Update

    return Update.de_json(message_update(text, user_id=user_id), bot.app.bot)


async def test_export_xlsx_and_csv_for_dutch_excel(bot: ManagerHarness) -> None:
    await bot.send("/export 2025", user_id=MANAGER)
    sent = await bot.wait_for("sendDocument", 2)
    assert sent[0].params["caption"] == mt.EXPORT_XLSX.format(
        year=2025, scope="gemeente Westerveld", n=2
    )
    raw = bot.request.files["sessies-2025-westerveld.csv"]
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("datum;activiteit;vestiging")
    assert len(lines) == 3
    assert "Isa wil elke avond voorlezen" in raw.decode("utf-8-sig")
    assert "Geheim" not in raw.decode("utf-8-sig")  # no consent, not exported
    book = load_workbook(io.BytesIO(bot.request.files["sessies-2025-westerveld.xlsx"]))
    rows = list(book.active.iter_rows(values_only=True))
    assert len(rows) == 3 and "Geheim" not in json.dumps(rows, default=str)


async def test_export_of_an_empty_year_and_refusals(bot: ManagerHarness) -> None:
    await bot.send("/export 2023", user_id=MANAGER)
    await _settle(bot, MANAGER, mt.EXPORT_EMPTY.format(year=2023, scope="gemeente Westerveld"))
    await bot.send("/export 2025 Beilen", user_id=MANAGER)
    assert bot.text_to(MANAGER).startswith("Je ziet alleen gegevens van gemeente Westerveld.")
    await bot.send("/export 2025", user_id=LEADER)
    assert bot.text_to(LEADER) == mt.MANAGERS_ONLY
    assert not bot.request.of("sendDocument")


async def _settle(bot: ManagerHarness, chat_id: int, expected: str) -> None:
    for _ in range(500):
        if bot.texts(chat_id) and bot.text_to(chat_id) == expected:
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"never said {expected!r}; last: {bot.text_to(chat_id)!r}")


async def test_year_button_out_of_range_is_refused_politely(bot: ManagerHarness) -> None:
    for data in ("dc:rapport:99999", "dc:export:1999", "dc:rapport:", "dc:iets:2025"):
        await bot.press_data(data, user_id=MANAGER)
        assert "Deze knop werkt niet meer" in bot.answers()[-1], data
    await asyncio.sleep(0.05)
    assert not bot.request.of("sendDocument")
    assert not any(t.startswith("Even geduld") for t in bot.texts(MANAGER))
