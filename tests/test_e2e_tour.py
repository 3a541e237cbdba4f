"""The scripted demo tour, end to end: the real bot over HTTP on 127.0.0.1, a demo year of
data, a leader reporting twice and a manager asking for the stand and the impactreflectie."""

from __future__ import annotations

import threading

import pytest
from e2e_helpers import library_today, person_id, read_only, sessions_of, start_demo

from demo.people import ANNE
from demo.runner import DemoEnvironment
from demo.tour import GUIDED_PARTNERS, GUIDED_QUOTE, GUIDED_STORY, TourResult, run_tour
from toc.models import Catalogue


@pytest.fixture(scope="module")
def tour(tmp_path_factory: pytest.TempPathFactory, default_catalogue: Catalogue):
    """One tour for every test in this module: it takes a few seconds (a PDF is rendered)."""
    folder = tmp_path_factory.mktemp("tour")
    env = start_demo(folder / "demo", default_catalogue, full_year=True)
    try:
        result = run_tour(env, folder / "uit", echo=None)
    finally:
        env.close()
    return env, result


def test_each_report_of_the_leader_is_stored_once(tour: tuple[DemoEnvironment, TourResult]):
    env, _ = tour
    anne = person_id(env.database, ANNE.telegram_id)
    today = library_today().isoformat()
    mine = [s for s in sessions_of(env.database, anne) if s["source"] == "bot"]
    assert [(s["activity"], s["vestiging"], s["date"]) for s in mine] == [
        ("voorleesuurtje", "havelte", today),
        ("taalcafe", "diever", today),
    ]
    guided, quick = mine
    assert (guided["kinderen"], guided["volwassenen"], guided["deelnemers"]) == (14, 9, 23)
    assert quick["deelnemers"] == 7
    with read_only(env.database) as conn:
        quotes = conn.execute(
            "SELECT attribution, consent FROM quotes WHERE session_id = ? AND text = ?",
            [guided["id"], GUIDED_QUOTE],
        ).fetchall()
        signals = conn.execute(
            "SELECT session_id, signal FROM session_signals WHERE session_id IN (?, ?) "
            "ORDER BY session_id",
            [guided["id"], quick["id"]],
        ).fetchall()
        drafts = conn.execute("SELECT count(*) FROM drafts").fetchone()[0]
        partners = conn.execute(
            "SELECT partner FROM session_partners WHERE session_id = ? ORDER BY rowid",
            [guided["id"]],
        ).fetchall()
        stories = conn.execute(
            "SELECT text, consent FROM session_stories WHERE session_id = ?", [guided["id"]]
        ).fetchall()
    assert quotes == [("meisje, 5 jaar", "ja")]
    # the first signal of the guided report, one in the one-message report
    assert signals == [(guided["id"], "woorden-nagezegd"), (quick["id"], "napraten")]
    assert drafts == 0
    assert partners == [("Consultatiebureau Havelte",), ("Peuterspeelzaal Het Kompas",)]
    assert stories == [(GUIDED_STORY, "ja")]


def test_the_transcript_shows_both_confirmations(tour: tuple[DemoEnvironment, TourResult]):
    _, result = tour
    text = result.transcript.read_text(encoding="utf-8")
    assert text.count("Opgeslagen ✅") == 2
    assert "[1] ➕ Met wie?  [2] ➕ Wat was bijzonder?" in text
    assert "[3] Opslaan  [4] Wijzigen  [5] Annuleren" in text
    assert f"Met wie: {GUIDED_PARTNERS}" in text
    assert "[1] ✏️ Met wie?  [2] ✏️ Wat was bijzonder?" in text
    assert "Traceback" not in text


def test_the_manager_gets_the_stand(tour: tuple[DemoEnvironment, TourResult]):
    env, result = tour
    assert result.stand_answered, result.notes
    text = "\n".join(result.lines)
    stand = text[text.index("Johan › /stand") : text.index(f"Johan › /rapport {result.year}")]
    # This year's demo sessions up to today plus the tour's two reports, in Dutch notation.
    today = library_today()
    with read_only(env.database) as conn:
        n, people = conn.execute(
            "SELECT count(*), sum(deelnemers) FROM sessions WHERE gemeente = 'westerveld' "
            "AND date BETWEEN ? AND ?",
            [f"{today.year}-01-01", today.isoformat()],
        ).fetchone()
    assert n > 2

    def dutch(value: int) -> str:
        return f"{value:,}".replace(",", ".")

    expected = f"Totaal: {dutch(n)} bijeenkomsten, {dutch(people)} deelnemers"
    assert expected in stand


def test_the_bot_sent_the_report_files(tour: tuple[DemoEnvironment, TourResult]):
    _, result = tour
    assert result.report_source == "bot", result.notes
    names = sorted(p.name for p in result.documents)
    assert names == [f"impactreflectie-{result.year}-westerveld.{x}" for x in ("html", "pdf")]


def test_the_tour_made_both_editions(tour: tuple[DemoEnvironment, TourResult]):
    _, result = tour
    names = sorted(p.name for p in result.intern)
    stem = f"impactreflectie-{result.year}-westerveld-intern"
    assert names == [f"{stem}.html", f"{stem}.pdf"]
    gemeente = next(p for p in result.documents if p.suffix == ".html").read_text(encoding="utf-8")
    intern = next(p for p in result.intern if p.suffix == ".html").read_text(encoding="utf-8")
    assert 'id="samenvatting"' in gemeente and "Zijn de gegevens voldoende?" not in gemeente
    assert "Zijn de gegevens voldoende?" in intern
    assert next(p for p in result.intern if p.suffix == ".pdf").read_bytes().startswith(b"%PDF")


def test_the_impactreflectie_holds_the_demo_figures(tour: tuple[DemoEnvironment, TourResult]):
    env, result = tour
    html = [p for p in result.documents if p.suffix == ".html"]
    pdf = [p for p in result.documents if p.suffix == ".pdf"]
    assert len(html) == 1 and len(pdf) == 1
    assert pdf[0].read_bytes().startswith(b"%PDF")
    page = html[0].read_text(encoding="utf-8")
    title = page[page.find("<title>") : page.find("</title>")]
    assert f"Impactreflectie {env.year}" in title
    # The organisation's figures, or the manager's gemeente's when /rapport scopes to it.
    sql = "SELECT count(*), sum(deelnemers) FROM sessions WHERE year = ?"
    params: list[object] = [env.year]
    if "Westerveld" in title:
        sql += " AND gemeente = 'westerveld'"
    with read_only(env.database) as conn:
        sessions, attendance = conn.execute(sql, params).fetchone()
    assert sessions > 100  # a realistic demo year, not an empty report
    assert _dutch(sessions) in page, (sessions, title)
    assert _dutch(attendance) in page, (attendance, title)


def test_nothing_is_left_running(tour: tuple[DemoEnvironment, TourResult]):
    names = {t.name for t in threading.enumerate()}
    assert "impactbot-bot" not in names
    assert "telegram-standin" not in names


def _dutch(n: int) -> str:
    return f"{n:,}".replace(",", ".")
