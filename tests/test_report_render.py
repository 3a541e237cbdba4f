"""Rendering: privacy in every format, escaping, a self-contained accessible HTML, the CLI."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import sqlite_utils
from jinja2 import UndefinedError
from pypdf import PdfReader
from test_report_figures import add_quote, fill, small_catalogue

from impactbot.cli import main
from reports.model import build_report
from reports.parts import Impactreflectie
from reports.render import (
    html_environment,
    markdown_environment,
    md_escape,
    render_html,
    render_json,
    render_markdown,
    render_pdf,
)
from store.db import open_db
from store.sessions import QuoteIn, SessionIn, save_session
from toc.models import Catalogue

NEE_TEXT = "Thuis weet niemand dat ik hier leer lezen; mijn schoonzus mag het nooit horen."
REJECTED_TEXT = "Die kwispeldekwast van een juf was er weer."
ANON_TEXT = "Nu bel ik zelf met de tablet met mijn kleinkinderen in Canada."
ANON_NAME = "Wubbolt (84)"
HTML_TEXT = "Ik typ nu <script>alert(1)</script> & <b>vet</b> | zelf!"
SECRET_WORDS = ("schoonzus", "kwispeldekwast", "Wubbolt", "Hendrik")


@pytest.fixture
def cat() -> Catalogue:
    return small_catalogue()


@pytest.fixture
def report(tmp_path: Path, cat: Catalogue) -> Iterator[Impactreflectie]:
    db = open_db(tmp_path / "render.db")
    fill(db, cat)
    add_quote(
        db,
        cat,
        "Mijn dochter pakt nu zelf een boekje uit de kast.",
        attribution="Merel, moeder",
        review="approved",
        effects=["leesplezier"],
    )
    add_quote(db, cat, NEE_TEXT, attribution="Hendrik", consent="nee", vestiging="diever")
    add_quote(db, cat, REJECTED_TEXT, attribution="Anna", review="rejected")
    add_quote(
        db,
        cat,
        ANON_TEXT,
        attribution=ANON_NAME,
        consent="anoniem",
        activity="klik-en-tik",
        vestiging="diever",
        effects=["digitaal"],
    )
    add_quote(db, cat, HTML_TEXT, attribution="cursist", activity="ido-spreekuur")
    yield build_report(db, cat, 2025, "westerveld", today=date(2026, 3, 14))
    db.conn.close()


def _assert_private(text: str) -> None:
    for word in SECRET_WORDS:
        assert word not in text, word


def test_json_holds_only_publishable_quotes(report: Impactreflectie) -> None:
    text = render_json(report)
    _assert_private(text)
    data = json.loads(text)
    quotes = {q["tekst"]: q for q in data["citaten"]}
    assert set(quotes) == {
        "Mijn dochter pakt nu zelf een boekje uit de kast.",
        ANON_TEXT,
        HTML_TEXT,
    }
    assert quotes[ANON_TEXT]["van"] == "een deelnemer"
    assert quotes[ANON_TEXT] | {"vestiging": None, "datum": None, "goedgekeurd": None} == {
        "tekst": ANON_TEXT,
        "van": "een deelnemer",
        "activiteit": "klik-en-tik",
        "effecten": ["digitaal"],
        "vestiging": None,
        "datum": None,
        "goedgekeurd": None,
    }
    assert data["activiteiten"]["voorleesuurtje"]["citaten"] == 1  # not the nee, not rejected


def test_html_shows_publishable_quotes_as_text(report: Impactreflectie) -> None:
    html = render_html(report)
    _assert_private(html)
    assert "<script>" not in html and "<b>vet</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;vet&lt;/b&gt;" in html
    assert ANON_TEXT in html
    assert re.search(r'class="who">een deelnemer</span> · Klik &amp; Tik, Diever', html)
    assert "Merel, moeder" in html
    assert "14 maart 2026" in html  # made on


def test_html_is_self_contained_and_accessible(report: Impactreflectie) -> None:
    html = render_html(report)
    assert '<html lang="nl">' in html
    for forbidden in ("http://", "https://", "src=", "@import", "url("):
        assert forbidden not in html, forbidden
    assert html.count("<h1") == 1
    assert html.count("<table") == html.count("<caption>") > 5
    svgs = re.findall(r"<svg\b[^>]*>", html)
    assert svgs, "no charts"
    for svg in svgs:
        assert 'role="img"' in svg and "aria-label=" in svg
    assert html.count("<title>") == len(svgs) + 1  # one per chart + the page title
    assert "@page" in html and "@media screen and (max-width" in html


def test_html_dutch_numbers_and_sections(report: Impactreflectie) -> None:
    gemeente = render_html(report)
    intern = render_html(report, "intern")
    for html in (gemeente, intern):
        assert "Impactreflectie 2025" in html and "Gemeente Westerveld" in html
        for heading in (
            "Inhoud",
            "Samenvatting",
            "Wat we deden",
            "Wat het opleverde",
            "Wat we gaan doen",
            "Afspraken met de gemeente",
            "De cijfers",
            "Begrippen",
            "Zo hebben we het bepaald",
        ):
            assert heading in html, heading
        assert "4.110" in html  # leden, Dutch notation
        assert "Wij vergroten het leesplezier van alle kinderen." in html
    # The internal lessons stay in the intern edition: no verdict-style headline in public.
    for heading in (
        "De verandertheorie",
        "Per vestiging",
        "Reflectie",
        "Werkt de verandertheorie?",
        "Zijn de gegevens voldoende?",
        "Waar is bijsturing nodig?",
        "Bijlage: activiteiten per Wsob-kernfunctie",
        "Wat zegt het bewijs?",
    ):
        assert heading in intern, heading
        assert heading not in gemeente, heading
    assert "Nog te weinig bewijs" not in gemeente
    assert "Interne versie" in intern and "Verantwoording aan de gemeente" in gemeente


def test_markdown_escapes_and_keeps_privacy(report: Impactreflectie) -> None:
    md = render_markdown(report)
    _assert_private(md)
    assert "\\<script\\>" in md and "\\| zelf!" in md
    assert "<script>" not in md
    assert ANON_TEXT in md and "— een deelnemer · Klik & Tik, Diever" in md
    # 4 sessions from fill() + 3 that carried a quote (published, 'nee' and rejected alike)
    assert "| Voorleesuurtje | 7 |" in md
    for line in md.splitlines():
        if line.startswith("|"):
            cells = re.split(r"(?<!\\)\|", line)
            assert len(cells) >= 3


def test_pdf_renders_and_keeps_privacy(report: Impactreflectie, tmp_path: Path) -> None:
    pdf = render_pdf(report)
    assert pdf.startswith(b"%PDF")
    assert len(pdf) > 10_000
    # The text a reader (or a copy-paste) gets out of the PDF, read with pypdf.
    text = "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)
    _assert_private(text)
    assert "Nu bel ik zelf met de tablet" in " ".join(text.split())
    assert "een deelnemer" in text


def test_year_without_data_renders_honestly(tmp_path: Path, cat: Catalogue) -> None:
    db = open_db(tmp_path / "empty.db")
    report = build_report(db, cat, 2019, None)
    assert not report.has_data
    html = render_html(report)
    assert "Geen gegevens" in html and "over 2019 is nog niets gemeld" in html
    assert "Geen gegevens" in render_markdown(report)
    data = json.loads(render_json(report))
    assert data["opgaven"]["participatie"] == {"bijeenkomsten": 0, "deelnemers": 0}
    assert data["citaten"] == [] and data["kengetallen"] == {}
    assert render_pdf(report).startswith(b"%PDF")
    db.conn.close()


def test_templates_are_strict() -> None:
    with pytest.raises(UndefinedError):
        html_environment().from_string("{{ nergens }}").render()
    with pytest.raises(UndefinedError):
        markdown_environment().from_string("{{ r.nergens }}").render(r={})
    assert html_environment().autoescape is True
    assert md_escape("a|b*c_<d>") == "a\\|b\\*c\\_\\<d\\>"


# --- the command line, on the shipped catalogue -------------------------------------------


@pytest.fixture
def config(tmp_path: Path, default_catalogue: Catalogue) -> Path:
    database = tmp_path / "cli.db"
    db = open_db(database)
    save_session(
        db,
        default_catalogue,
        SessionIn(
            date=date(2025, 3, 3),
            activity="voorleesuurtje",
            vestiging="havelte",
            kinderen=9,
            volwassenen=6,
            quotes=[
                QuoteIn(text="Ze wil elke avond voorlezen.", attribution="Oma Gerda", consent="ja"),
                QuoteIn(text=NEE_TEXT, attribution="Hendrik", consent="nee"),
            ],
        ),
        "test",
    )
    # a manager approved the publishable one: the gemeente edition prints approved quotes
    db.execute("UPDATE quotes SET review = 'approved' WHERE consent = 'ja'")
    db.conn.commit()
    db.conn.close()
    path = tmp_path / "impactbot.toml"
    path.write_text(
        f'[storage]\ndatabase = "{database}"\n[reports]\noutput_dir = "{tmp_path / "uit"}"\n',
        encoding="utf-8",
    )
    return path


def test_cli_json_to_stdout(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc = main(
        [
            "--config",
            str(config),
            "report",
            "--year",
            "2025",
            "--gemeente",
            "westerveld",
            "--format",
            "json",
        ]
    )
    out = capsys.readouterr().out
    assert rc == 0
    data = json.loads(out)
    assert data["activiteiten"]["voorleesuurtje"]["deelnemers"] == 15
    assert data["opgaven"]["geletterde-samenleving"]["bijeenkomsten"] == 1
    assert [q["van"] for q in data["citaten"]] == ["Oma Gerda"]
    _assert_private(out)


def test_cli_md_and_html_to_file(
    config: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for fmt in ("md", "html"):
        target = tmp_path / f"verslag.{fmt}"
        rc = main(
            [
                "--config",
                str(config),
                "report",
                "--year",
                "2025",
                "--format",
                fmt,
                "-o",
                str(target),
            ]
        )
        assert rc == 0
        assert str(target) in capsys.readouterr().out
        text = target.read_text(encoding="utf-8")
        assert "Ze wil elke avond voorlezen." in text
        _assert_private(text)


@pytest.mark.slow  # the command line writes the PDF
def test_cli_pdf_goes_to_the_output_dir(config: Path, tmp_path: Path) -> None:
    rc = main(
        [
            "--config",
            str(config),
            "report",
            "--year",
            "2025",
            "--gemeente",
            "westerveld",
            "--format",
            "pdf",
        ]
    )
    assert rc == 0
    pdf = tmp_path / "uit" / "impactreflectie-2025-westerveld.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")


def test_cli_unknown_gemeente(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc = main(
        [
            "--config",
            str(config),
            "report",
            "--year",
            "2025",
            "--gemeente",
            "assen",
            "--format",
            "json",
        ]
    )
    err = capsys.readouterr().err
    assert rc == 1
    assert (
        "De gemeente 'assen' ken ik niet" in err and "westerveld" in err and "midden-drenthe" in err
    )
    assert "Traceback" not in err


def test_cli_missing_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "c.toml"
    path.write_text('[storage]\ndatabase = "nergens.db"\n', encoding="utf-8")
    rc = main(["--config", str(path), "report", "--year", "2025", "--format", "md"])
    assert rc == 1
    assert "bestaat niet" in capsys.readouterr().err
    assert not (tmp_path / "nergens.db").exists()


def test_report_module_reads_without_side_effects(db: sqlite_utils.Database) -> None:
    # the shared db fixture is an empty store: a report on it changes nothing
    before = db.execute("SELECT count(*) FROM audit").fetchone()[0]
    from toc.loader import default_catalogue

    build_report(db, default_catalogue(), 2025)
    assert db.execute("SELECT count(*) FROM audit").fetchone()[0] == before
