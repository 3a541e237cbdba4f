"""The two editions of the impactreflectie, read back as a reader gets them.

On the demo's Westerveld 2025 (a year with a year before it) and the Westerveld 2024 replay:
the Samenvatting is page 2; every chart draws its table's totals; no table is cut off the A4
page (every column header and total is in the PDF's text); the PDF is tagged (PDF/UA-1: the
structure tree read back with pikepdf, as no PDF/UA validator installs here); the gemeente
edition stays within 20 pages; the same figures in both editions.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from demo.runner import seed_database
from impactbot.cli import main
from intake.importer import import_kengetallen, import_sessions
from reports.model import build_report
from reports.parts import Impactreflectie
from reports.render import render_html, render_json, render_markdown, render_pdf
from store.db import open_db
from toc.models import Catalogue

DATA = Path(__file__).parent / "data"
MAX_GEMEENTE_PAGES = 20


class Tables(HTMLParser):
    """Column headers, footer totals and chart values out of the report's HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[dict[str, object]] = []
        self.charts: list[dict[str, object]] = []
        self._cell: list[str] | None = None
        self._part = ""
        self._attrs: dict[str, str | None] = {}
        self._chart_text: dict[str, str | None] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "table":
            self.tables.append({"id": a.get("id"), "headers": [], "totals": {}, "foot": []})
        elif tag in ("thead", "tbody", "tfoot"):
            self._part = tag
        elif tag in ("th", "td") and self.tables:
            self._cell, self._attrs = [], a
        elif tag == "figure" and a.get("data-table"):
            self.charts.append({"table": a["data-table"], "values": {}})
        elif tag == "text" and a.get("data-metric") and self.charts:
            self._chart_text, self._text = a, []

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        if self._chart_text is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("th", "td") and self._cell is not None:
            text = " ".join("".join(self._cell).split())
            table = self.tables[-1]
            if self._part == "thead":
                table["headers"].append(text)  # type: ignore[union-attr]
            elif self._part == "tfoot":
                table["foot"].append(text)  # type: ignore[union-attr]
                if self._attrs.get("data-metric"):
                    key = f"{self._attrs['data-metric']}:{self._attrs['data-year']}"
                    table["totals"][key] = text  # type: ignore[index]
            self._cell = None
        elif tag == "text" and self._chart_text is not None:
            key = f"{self._chart_text['data-metric']}:{self._chart_text['data-year']}"
            self.charts[-1]["values"][key] = "".join(self._text).strip()  # type: ignore[index]
            self._chart_text = None
        elif tag == "table":
            self._part = ""


def parse(html: str) -> Tables:
    tables = Tables()
    tables.feed(html)
    return tables


def pdf_text(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def squeeze(text: str) -> str:
    """Without any white space: a header that wraps in its cell still reads the same."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Impactreflectie]:
    from toc.loader import default_catalogue

    catalogue: Catalogue = default_catalogue()
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    seed_database(path, catalogue, 2025, today=date(2026, 3, 1))
    db = open_db(path)
    yield build_report(db, catalogue, 2025, "westerveld", today=date(2026, 3, 1))
    db.conn.close()


@pytest.fixture(scope="module")
def replay(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Impactreflectie]:
    from toc.loader import default_catalogue

    catalogue = default_catalogue()
    db = open_db(tmp_path_factory.mktemp("westerveld") / "w.db")
    import_sessions(db, catalogue, DATA / "westerveld-2024-sessies.csv")
    import_kengetallen(db, catalogue, DATA / "westerveld-2024-kengetallen.csv")
    yield build_report(db, catalogue, 2024, "westerveld", today=date(2025, 3, 14))
    db.conn.close()


@pytest.fixture(scope="module")
def demo_pdfs(demo: Impactreflectie) -> dict[str, bytes]:
    return {e: render_pdf(demo, e) for e in ("gemeente", "intern")}


def test_every_chart_draws_its_tables_totals(demo: Impactreflectie) -> None:
    for edition in ("gemeente", "intern"):
        found = parse(render_html(demo, edition))
        tables = {t["id"]: t for t in found.tables if t["id"]}
        assert len(found.charts) >= 3, "the demo has a year before it: charts per opgave"
        for chart in found.charts:
            table = tables[chart["table"]]
            assert chart["values"], chart
            assert chart["values"] == table["totals"], (chart, table)
    # and the chapter's table total is the sum of its programmalijnen, as the figures say
    participatie = next(c for c in demo.chapters if c.id == "participatie")
    assert participatie.counts.bijeenkomsten == sum(
        lijn.counts.bijeenkomsten for lijn in participatie.lijnen
    )


def test_no_table_is_cut_off_the_a4_page(demo: Impactreflectie, demo_pdfs: dict) -> None:
    for edition, pdf in demo_pdfs.items():
        text = squeeze(" ".join(pdf_text(pdf)))
        for table in parse(render_html(demo, edition)).tables:
            for cell in [*table["headers"], *table["foot"]]:  # type: ignore[misc]
                assert squeeze(cell) in text, (edition, table["id"], cell)


def test_gemeente_edition_opens_with_the_samenvatting(
    demo: Impactreflectie, demo_pdfs: dict
) -> None:
    pages = pdf_text(demo_pdfs["gemeente"])
    assert pages[1].lstrip().startswith("Samenvatting")
    assert "Hoogtepunten" in pages[1] and "Wat we leerden" in pages[1]
    assert "Een verhaal" in pages[1]
    # and what was special about a session, in a leader's words, when there is one
    assert demo.summary.event is not None
    assert "Wat er gebeurde" in pages[1] and demo.summary.event.text[:30] in " ".join(
        pages[1].split()
    )
    # the five key figures with last year beside them
    assert len(demo.summary.figures) == 5
    assert all(f.previous is not None for f in demo.summary.figures)
    assert len(pages) <= MAX_GEMEENTE_PAGES
    assert len(pdf_text(demo_pdfs["intern"])) > len(pages)


def test_the_pdf_is_tagged_for_pdf_ua(demo_pdfs: dict) -> None:
    pdf = pikepdf.open(io.BytesIO(demo_pdfs["gemeente"]))
    root = pdf.Root
    assert bool(root.MarkInfo.Marked) is True  # pdfinfo: "Tagged: yes"
    assert str(root.Lang) == "nl"
    assert bool(root.ViewerPreferences.DisplayDocTitle) is True
    assert str(pdf.docinfo.Title) == "Impactreflectie 2025 – Westerveld"
    with pdf.open_metadata() as meta:
        assert meta.get("pdfuaid:part") == "1"
    kinds: dict[str, int] = {}
    figures: list[str | None] = []

    def walk(node: object) -> None:
        if isinstance(node, pikepdf.Dictionary):
            kind = node.get("/S")
            if kind is not None:
                kinds[str(kind)] = kinds.get(str(kind), 0) + 1
                if str(kind) == "/Figure":
                    alt = node.get("/Alt")
                    figures.append(str(alt) if alt is not None else None)
            if "/K" in node:
                walk(node.K)
        elif isinstance(node, pikepdf.Array):
            for child in node:
                walk(child)

    walk(root.StructTreeRoot)
    for kind in ("/H1", "/H2", "/H3", "/Table", "/TH", "/TD", "/Caption", "/L", "/BlockQuote"):
        assert kinds.get(kind), kind
    assert figures and all(figures), "every chart has alt text"
    assert any("Bijeenkomsten" in f for f in figures if f)  # the trend charts, in words


def test_same_figures_in_both_editions(demo: Impactreflectie) -> None:
    gemeente, intern = parse(render_html(demo)), parse(render_html(demo, "intern"))
    shared = {t["id"]: t["foot"] for t in gemeente.tables if t["id"]}
    assert shared == {t["id"]: t["foot"] for t in intern.tables if t["id"]}
    assert render_json(demo) == render_json(demo)  # json has no edition


def test_replay_shows_every_de_cijfers_row(replay: Impactreflectie) -> None:
    html = render_html(replay)
    rows = {r.id: r for g in replay.cijfers for r in g.rows}
    for kid in (
        "leden-betalend",
        "leden-jeugd",
        "leden-start",
        "leden-overig",
        "leden",
        "inwoners",
        "deelneming",
        "bezoekers",
        "bezoekers-website",
        "ebook-accounts",
        "uitleningen-boeken",
        "uitleningen-avm",
        "uitleningen-tijdschrift",
        "uitleningen",
        "uitleningen-dbos",
        "ebooks",
        "luisterboeken",
        "uitleningen-online",
    ):
        assert kid in rows, kid
    assert "20,6%" in html  # deelneming 4.110 / 19.983, as in the jaarbericht
    for value in ("221.938", "95.768", "123.551", "6.160", "1.233"):
        assert value in html, value
    # the location fact box from organisation.toml
    assert "IDO-locaties" in html and "dBos-locaties" in html
    # partners per programmalijn from the catalogue
    assert "Samen met:" in html and "Consultatiebureaus" in html
    # the glossary explains the words a wethouder does not know
    for term in ("dBos", "Platformactiviteit", "LLO-pakket", "IDO", "Deelneming"):
        assert f"<dt>{term}</dt>" in html, term
    data = json.loads(render_json(replay))
    assert data["deelneming"] == pytest.approx(4110 / 19983)
    assert data["locaties"]["bibliotheken"] == 3


def test_replay_framing_is_fair(replay: Impactreflectie) -> None:
    html = render_html(replay)
    assert "Wat we nog niet weten" in html
    assert "Nog te weinig bewijs" not in html and "zonder bewijs" not in html
    # effect names in the public tables are the short labels
    assert "Zelf inloggen met DigiD" in html
    assert "Kan zelfstandig inloggen met DigiD en zaken regelen met de overheid" not in html
    md = render_markdown(replay)
    assert "## Samenvatting" in md and "## Reflectie" not in md
    assert "## Reflectie" in render_markdown(replay, "intern")


def test_replay_both_editions_as_pdf(replay: Impactreflectie) -> None:
    gemeente = pdf_text(render_pdf(replay))
    intern = pdf_text(render_pdf(replay, "intern"))
    assert gemeente[1].lstrip().startswith("Samenvatting")
    assert len(gemeente) <= MAX_GEMEENTE_PAGES < len(intern) + MAX_GEMEENTE_PAGES
    assert "Zijn de gegevens voldoende?" in " ".join(intern)
    assert "Zijn de gegevens voldoende?" not in " ".join(gemeente)


def test_organisation_edition_has_a_table_per_gemeente(
    demo: Impactreflectie, tmp_path: Path
) -> None:
    from toc.loader import default_catalogue

    catalogue = default_catalogue()
    path = tmp_path / "org.db"
    seed_database(path, catalogue, 2025, today=date(2026, 3, 1))
    db = open_db(path)
    try:
        org = build_report(db, catalogue, 2025, None, today=date(2026, 3, 1))
    finally:
        db.conn.close()
    assert [g.id for g in org.per_gemeente] == list(catalogue.gemeenten)
    assert sum(g.counts.bijeenkomsten for g in org.per_gemeente) == org.total.bijeenkomsten
    assert sum(g.counts.deelnemers for g in org.per_gemeente) == org.total.deelnemers
    westerveld = next(g for g in org.per_gemeente if g.id == "westerveld")
    assert westerveld.counts == demo.total
    html = render_html(org)
    assert "Per gemeente" in html and "Aa en Hunze" in html
    assert "Per gemeente" not in render_html(demo)


@pytest.mark.slow  # the command line writes the PDF
def test_foreword_from_the_command_line_and_the_settings(tmp_path: Path) -> None:
    from toc.loader import default_catalogue

    database = tmp_path / "cli.db"
    seed_database(database, default_catalogue(), 2025, today=date(2026, 3, 1))
    forewords = tmp_path / "voorwoorden"
    forewords.mkdir()
    (forewords / "2025-westerveld.md").write_text(
        "# Beste lezer\n\nDit jaar was **bijzonder**. <script>x()</script>\n", encoding="utf-8"
    )
    config = tmp_path / "impactbot.toml"
    config.write_text(
        f'[storage]\ndatabase = "{database}"\n'
        f'[reports]\noutput_dir = "{tmp_path / "uit"}"\nvoorwoorden = "{forewords}"\n',
        encoding="utf-8",
    )
    out = tmp_path / "w.html"
    args = ["--config", str(config), "report", "--year", "2025", "--gemeente", "westerveld"]
    assert main([*args, "--format", "html", "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert "<h3>Beste lezer</h3>" in html and "<strong>bijzonder</strong>" in html
    assert "<script>x()" not in html  # raw html in a foreword is not passed through
    assert (
        html.index('id="samenvatting"')
        < html.index('id="voorwoord"')
        < html.index('id="geletterde-samenleving"')
    )
    other = tmp_path / "ander.md"
    other.write_text("Een ander voorwoord.", encoding="utf-8")
    assert main([*args, "--format", "html", "-o", str(out), "--voorwoord", str(other)]) == 0
    assert "Een ander voorwoord." in out.read_text(encoding="utf-8")
    assert main([*args, "--format", "pdf", "--editie", "intern"]) == 0
    assert (tmp_path / "uit" / "impactreflectie-2025-westerveld-intern.pdf").exists()


def test_missing_foreword_file_is_one_dutch_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from toc.loader import default_catalogue

    database = tmp_path / "cli.db"
    seed_database(database, default_catalogue(), 2025, today=date(2026, 3, 1))
    config = tmp_path / "impactbot.toml"
    config.write_text(f'[storage]\ndatabase = "{database}"\n', encoding="utf-8")
    rc = main(
        ["--config", str(config), "report", "--year", "2025", "--format", "html"]
        + ["--voorwoord", str(tmp_path / "nergens.md")]
    )
    assert rc == 1
    err = capsys.readouterr().err
    assert "Kan het voorwoord" in err and "Traceback" not in err


def _page_fill(html: str) -> list[tuple[float, bool]]:
    """Per page of the laid-out PDF: the share of the text area that holds content, and whether
    a new section (an h2) starts on the next page (so this page is a chapter end)."""
    import weasyprint

    document = weasyprint.HTML(string=html).render()

    def boxes(box: object) -> Iterator[object]:
        yield box
        for child in getattr(box, "children", None) or []:
            yield from boxes(child)

    pages = []
    for page in document.pages:
        root = page._page_box
        # the page's own content, not its margin boxes (footer, page number)
        content = [c for c in root.children if type(c).__name__ != "MarginBox"]
        all_boxes = [b for c in content for b in boxes(c)]
        top, area = root.content_box_y(), root.height  # the text area inside the margins
        lines = [b for b in all_boxes if type(b).__name__ == "LineBox"]
        bottom = max((b.position_y + b.height for b in lines), default=top)
        heading = any(getattr(b, "element_tag", None) == "h2" for b in all_boxes)
        pages.append(((bottom - top) / area, heading))
    return [(fill, i + 1 == len(pages) or pages[i + 1][1]) for i, (fill, _) in enumerate(pages)]


def test_no_page_is_more_than_two_thirds_empty(demo: Impactreflectie) -> None:
    for edition in ("gemeente", "intern"):
        pages = _page_fill(render_html(demo, edition))
        for number, (fill, _chapter_end) in enumerate(pages, start=1):
            if number in (1, len(pages)):
                continue  # the cover, and the last page; a chapter's end is no exception
            assert fill >= 1 / 3, (edition, number, round(fill, 2))


def _pdf_fill(pdf: bytes) -> list[float]:
    """Per page of the PDF itself: how far down its text reaches, as a share of the page
    (the running footer and page number left out)."""
    fills = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        height = float(page.mediabox.height)
        ys: list[float] = []

        def seen(
            text: str, cm: list[float], tm: list[float], *_: object, ys: list[float] = ys
        ) -> None:
            if text.strip():
                ys.append(tm[5] * cm[3] + cm[5])

        page.extract_text(visitor_text=seen)
        body = [y for y in ys if 50 < y < height - 30]
        fills.append((height - min(body)) / height if body else 0.0)
    return fills


def test_no_pdf_page_but_the_last_is_nearly_empty(
    demo: Impactreflectie, demo_pdfs: dict, replay: Impactreflectie
) -> None:
    editions = {f"demo {e}": pdf for e, pdf in demo_pdfs.items()}
    editions["replay gemeente"] = render_pdf(replay.model_copy(), "gemeente")
    for name, pdf in editions.items():
        fills = _pdf_fill(pdf)
        assert len(fills) > 5, name
        for number, fill in enumerate(fills[:-1], start=1):
            assert fill >= 1 / 3, (name, number, round(fill, 2))


def test_summary_words_are_singular_for_one() -> None:
    from reports.evidence import EffectEvidence
    from reports.figures import ContractProgress, Counts, Target
    from reports.summary import framing, key_figures, learned

    one = Counts(bijeenkomsten=1, deelnemers=1, reeksen=1, vragen=1)
    labels = [f.label for f in key_figures(one, Counts(), {"leden": (1, None)}, None, "")]
    assert labels == [
        "activiteit (bijeenkomst)",
        "deelnemer",
        "lid",
        "cursus",
        "vraag beantwoord",
    ]
    effect = EffectEvidence(effect="x", name="X", active_activities=["a"], label="niet-gemeten")
    steps = framing([effect], {"x": "X kort"}, [("Voorleesuurtje", 0, 1)], 2025).next_steps
    assert "over dit effect iets kunnen zeggen" in steps[0]
    assert steps[1].startswith("Voorleesuurtje: 0 van de 1 afgesproken bijeenkomst.")
    contract = ContractProgress(
        gemeenten=["westerveld"], per_activity=[Target(activity="a", target=1, realised=1)]
    )
    lines = learned([effect], 1, contract)
    assert "gericht op 1 beoogd effect" in lines[0]
    assert "1 citaat mogen we delen" in lines[1]
    assert lines[2] == "Van 1 afspraak per activiteit is er 1 gehaald."


def test_page_two_answers_the_council(demo: Impactreflectie, demo_pdfs: dict) -> None:
    """Three outcomes from the evidence with their level and people, and hoogtepunten chosen
    by the printed rule (strongest evidence, a story, growth), all on page 2."""
    heads = demo.summary.headlines
    assert len(heads) == 3
    from reports.grading import LABEL_WORDS
    from reports.summary import MEASURED

    ranks = {LABEL_WORDS[label]: i for i, label in enumerate(MEASURED)}  # type: ignore[index]
    levels = [ranks[h.level] for h in heads]
    assert levels == sorted(levels)
    from reports.council import best_per_effect

    best = {e.effect: e for e in best_per_effect(demo.chapters)}  # as the chapters print them
    for h in heads:
        e = best[h.effect]
        assert e.oordeel == h.level and h.people == e.respondents + e.measured_after > 0
    # no effect outside the three has stronger evidence than the weakest of them
    weakest = max(levels)
    others = [e for k, e in best.items() if k not in {h.effect for h in heads}]
    assert all(ranks.get(e.oordeel, 9) >= weakest for e in others)
    whys = [h.why for h in demo.summary.highlights]
    assert whys[:3] == ["Sterkste bewijs", "Een verhaal", "Groei"]
    page2 = " ".join(pdf_text(demo_pdfs["gemeente"])[1].split())
    assert "Wat het opleverde" in page2
    for h in heads:
        assert f"{h.name}: {h.level} bewijs, bij {h.people} mensen" in page2
    for h in demo.summary.highlights:
        assert f"{h.why}: {h.activity}" in page2
    data = json.loads(render_json(demo))
    assert [u["effect"] for u in data["uitkomsten"]] == [h.effect for h in heads]
    assert "de activiteit die het meest groeide in deelnemers" in render_html(demo)


def test_a_quote_appears_once_per_chapter(demo: Impactreflectie) -> None:
    for chapter in demo.chapters:
        cards = [s.quote.text for s in chapter.stories]
        table = [e.quote_text for e in chapter.effects if e.quote_text]
        assert not set(cards) & set(table), chapter.id
        assert len(table) == len(set(table)), chapter.id
