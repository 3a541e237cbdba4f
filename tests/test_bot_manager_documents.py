"""/rapport (HTML + PDF) and /export (XLSX + CSV): scope, files, and never blocking others."""

from __future__ import annotations

import asyncio
import io
import json
from collections.abc import AsyncIterator
from datetime import date, datetime
from pathlib import Path

import pytest
import sqlite_utils
from manager_fakes import ADMIN, LEADER, MANAGER, ManagerHarness, add_session, seed_people
from openpyxl import load_workbook

from bot.leader import texts
from bot.manager import texts as mt
from ground.settings import Settings
from intake.totals import import_totals
from store.sessions import QuoteIn
from store.tallies import save_tally
from toc.models import Catalogue

# The bot renders the report's PDF: the slow tier.
pytestmark = pytest.mark.slow


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
    # the gemeente edition prints approved quotes: a manager approved Isa's
    bot.services.db.execute("UPDATE quotes SET review = 'approved' WHERE text LIKE 'Isa%'")
    bot.services.db.conn.commit()
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


async def test_whoever_makes_a_report_hears_what_is_not_reviewed(bot: ManagerHarness) -> None:
    await bot.send("/rapport 2025", user_id=MANAGER)
    await bot.wait_for("sendDocument", 2)
    html = bot.request.files["impactreflectie-2025-westerveld.html"].decode("utf-8")
    assert "Isa wil elke avond voorlezen" not in html  # not reviewed: not in the gemeente's
    await _settle(
        bot,
        MANAGER,
        "Nog niet beoordeeld: 1 citaat. Dat staat niet in deze gemeente-versie. Beoordeel ze "
        "met /citaten in de chat, of maak het verslag met /rapport 2025 onbeoordeeld om ze toch "
        "op te nemen.",
    )
    await bot.send("/rapport 2025 onbeoordeeld", user_id=MANAGER)
    await bot.wait_for("sendDocument", 4)
    html = bot.request.files["impactreflectie-2025-westerveld.html"].decode("utf-8")
    assert "Isa wil elke avond voorlezen" in html
    await _settle(
        bot,
        MANAGER,
        "Let op: in dit verslag staat 1 citaat dat nog niet beoordeeld is. Beoordeel ze met "
        "/citaten in de chat.",
    )


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
    add_session(bot.services.db, bot.services.catalogue, date(2024, 10, 2), deelnemers=9)
    await bot.send("/rapport", user_id=ADMIN)
    assert bot.text_to(ADMIN) == mt.ASK_YEAR
    await bot.press("2024", user_id=ADMIN)
    await bot.wait_for("sendDocument", 2)
    assert "impactreflectie-2024-organisatie.html" in bot.request.files


async def test_a_year_without_reports_gets_one_sentence(bot: ManagerHarness) -> None:
    await bot.send("/rapport 2019", user_id=MANAGER)
    await _settle(
        bot,
        MANAGER,
        "Over 2019 is voor gemeente Westerveld nog niets gemeld of geïmporteerd, dus er is geen "
        "verslag te maken. Kies een ander jaar, of importeer eerst de verslagen.",
    )
    for year in ("2026", "2030", "1999"):  # the harness's today is in 2025
        await bot.send(f"/rapport {year}", user_id=MANAGER)
        assert bot.text_to(MANAGER) == mt.YEAR_OUT_OF_RANGE.format(first=2000, last=2025), year
    assert not bot.request.of("sendDocument")


async def test_a_report_never_holds_up_a_leaders_report(
    settings: Settings, catalogue: Catalogue, db: sqlite_utils.Database
) -> None:
    seed_people(db)
    add_session(db, catalogue, date(2025, 2, 3), deelnemers=5)  # a year with a report
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
        year=2025, scope="gemeente Westerveld", n="2 bijeenkomsten"
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


async def test_export_sends_answers_and_totals_as_csv_files_of_their_own(
    bot: ManagerHarness, db: sqlite_utils.Database, catalogue: Catalogue, tmp_path: Path
) -> None:
    """A CSV file holds one table: the answers and the totals the Excel file has on sheets of
    their own come as CSV files of their own, which `import antwoorden|totalen` read back."""
    sid = db.execute("SELECT id FROM sessions WHERE activity = 'taalhuis'").fetchone()[0]
    save_tally(db, sid, "basisvaardigheden-vergroot", "kennis", 3, 4, "test")
    totals = tmp_path / "totalen.csv"
    totals.write_text(
        "activiteit;vestiging;periode;bijeenkomsten;deelnemers\nTaalcafé;Havelte;2025-01;4;30\n",
        encoding="utf-8",
    )
    import_totals(db, catalogue, totals, today=date(2025, 3, 12))
    await bot.send("/export 2025", user_id=MANAGER)
    sent = await bot.wait_for("sendDocument", 4)
    assert [c.params["caption"] for c in sent[2:]] == [
        mt.EXPORT_CSV_MORE["totalen"],
        mt.EXPORT_CSV_MORE["antwoorden"],
    ]
    answers = bot.request.files["antwoorden-2025-westerveld.csv"].decode("utf-8-sig")
    lines = answers.splitlines()
    assert lines[0].startswith("bron;datum;activiteit;vestiging;effect;stelling;moment;via")
    assert len(lines) == 2 and ";kennis;direct;telling;4;3;" in lines[1]
    total_lines = bot.request.files["totalen-2025-westerveld.csv"].decode("utf-8-sig")
    assert total_lines.splitlines()[1].startswith(
        "Taalcafé;Bibliotheek Havelte;Westerveld;2025-01;4;30"
    )
    book = load_workbook(io.BytesIO(bot.request.files["sessies-2025-westerveld.xlsx"]))
    assert book.sheetnames == ["Sessies 2025", "Totalen", "Antwoorden deelnemers"]


async def test_export_of_a_year_with_only_totals(
    bot: ManagerHarness, db: sqlite_utils.Database, catalogue: Catalogue, tmp_path: Path
) -> None:
    totals = tmp_path / "totalen.csv"
    totals.write_text(
        "activiteit;vestiging;periode;bijeenkomsten;deelnemers\nTaalcafé;Havelte;2024;40;300\n",
        encoding="utf-8",
    )
    import_totals(db, catalogue, totals, today=date(2025, 3, 12))
    await bot.send("/export 2024", user_id=MANAGER)
    sent = await bot.wait_for("sendDocument", 3)
    assert sent[0].params["caption"] == mt.EXPORT_XLSX.format(
        year=2024, scope="gemeente Westerveld", n="0 bijeenkomsten"
    )
    assert "totalen-2024-westerveld.csv" in bot.request.files


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
