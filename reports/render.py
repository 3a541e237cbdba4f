"""Rendering the impactreflectie: json (the contract), html (one self-contained file), markdown
(for pasting into documents) and pdf (WeasyPrint, from the same html).

HTML templates run with autoescape on and StrictUndefined. Markdown has no HTML to escape, so
its environment escapes every printed value for Markdown instead (`md_escape` as finalize):
a '|' in a quote cannot break a table, a '*' cannot start bold text.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Literal

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ground.dutch import change, compared, count, long_date, number, percent, signed
from reports import charts
from reports.money import euro
from reports.parts import WSOB_FUNCTIONS, Chapter, Impactreflectie

Format = Literal["json", "html", "md", "pdf"]
FORMATS: tuple[Format, ...] = ("json", "html", "md", "pdf")
# gemeente: the public account for the municipality; intern adds data sufficiency, measurement
# plans, bijsturing per activity, the verandertheorie diagrams and the full method. The figures
# are the same: both come from one Impactreflectie.
Edition = Literal["gemeente", "intern"]
EDITIONS: tuple[Edition, ...] = ("gemeente", "intern")
TEMPLATES = Path(__file__).parent / "templates"

KIND_NAMES = {"bijeenkomst": "bijeenkomst", "reeks": "cursus", "spreekuur": "spreekuur"}
# The grade of an effect nobody measured yet (older label ids included).
_UNMEASURED = ("geen", "nog niet gemeten", "niet-gemeten")
LABEL_NAMES = {
    "goed-onderbouwd": "Goed onderbouwd",
    "aannemelijk": "Aannemelijk",
    "eerste-aanwijzingen": "Eerste aanwijzingen",
    "niet-gemeten": "Nog niet gemeten",
    "impact": "Maatschappelijke impact",
}

# Above this many effects in one diagram, effects without evidence share one box.
MAX_DIAGRAM_EFFECTS = 16

_MD_SPECIAL = re.compile(r"([\\|*_`\[\]<>#])")


def md_escape(value: Any) -> Any:
    """Escape a printed value for Markdown (one line, no table breaks, no markup)."""
    if value is None or isinstance(value, Markup):
        return value
    text = " ".join(str(value).split())
    return _MD_SPECIAL.sub(r"\\\1", text)


def _filters() -> dict[str, Any]:
    return {
        "num": number,
        "euro": euro,
        "pct": percent,
        "signed": signed,
        "count": count,
        "change": change,
        "compared": compared,
        "datum": long_date,
        # a kengetal is usually a count; it keeps one decimal only when it has one
        "kengetal": number,
        "kind_name": lambda kind: KIND_NAMES.get(kind, kind),
        "label_name": lambda label: LABEL_NAMES.get(label, label),
        "effect_label": lambda effect, labels: labels.get(effect, effect),
        "label_class": lambda label: (
            "geen" if label in ("nog niet gemeten", "niet-gemeten") else label
        ),
    }


def html_environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(_filters())
    return env


def markdown_environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=False,
        finalize=md_escape,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(_filters())
    return env


def shown_activities(chapter: Chapter) -> list[tuple[str, str, bool]]:
    """The activities of the chapter that ran this year (the diagram shows what we did)."""
    return [
        (a.id, a.name, True)
        for lijn in chapter.lijnen
        for a in lijn.activities
        if not a.counts.empty
    ]


def toc_svg(chapter: Chapter, labels: dict[str, str] | None = None) -> Markup | None:
    """The verandertheorie of one opgave as far as it was carried out this year.

    When there are more than MAX_DIAGRAM_EFFECTS effects, those without any evidence are
    gathered in one grey box, so the diagram stays readable on one page (the evidence table
    lists them by name).
    """
    acts = shown_activities(chapter)
    if not acts:
        return None
    ran = {a[0] for a in acts}
    links = [(a, e) for a, e in chapter.links if a in ran]
    linked = dict.fromkeys(e for _, e in links)
    by_id = {e.effect: e for e in chapter.effects}
    labels = labels or {}

    def name(e: str) -> str:
        return labels.get(e, by_id[e].name)

    unmeasured = "niet-gemeten"
    shown: list[tuple[str, str, str]] = [
        (e, name(e), by_id[e].label) for e in linked if by_id[e].label != unmeasured
    ]
    without = [e for e in linked if by_id[e].label == unmeasured]
    if len(linked) <= MAX_DIAGRAM_EFFECTS:
        shown = [(e, name(e), by_id[e].label) for e in linked]
    elif without:
        other = "ander " if shown else ""
        summed = (
            f"1 {other}beoogd effect, nog niet gemeten"
            if len(without) == 1
            else f"{len(without)} {other.replace('ander', 'andere')}beoogde effecten, nog niet "
            "gemeten"
        )
        shown.append(("__niet_gemeten__", summed, unmeasured))
        links = [(a, "__niet_gemeten__" if e in without else e) for a, e in links]
        links = list(dict.fromkeys(links))
    return charts.toc_diagram(chapter.name, acts, shown, links)


def trend_svg(report: Impactreflectie, chapter: Chapter) -> Markup:
    metrics = [
        ("Bijeenkomsten", chapter.previous.bijeenkomsten, chapter.counts.bijeenkomsten),
        ("Deelnemers", chapter.previous.deelnemers, chapter.counts.deelnemers),
    ]
    return charts.trend_bars(
        f"{chapter.name}: {report.year - 1} en {report.year}",
        metrics,
        (report.year - 1, report.year),
    )


def foreword_html(text: str | None) -> Markup | None:
    """A foreword in Markdown as HTML: raw HTML in it is not passed through (it is escaped),
    and its headings sit below the report's own (h3)."""
    if not text or not text.strip():
        return None
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark", {"html": False}).render(text)
    html = re.sub(r"<(/?)h[1-6]>", r"<\1h3>", html)
    return Markup(html)  # noqa: S704 - markdown-it escaped every text and dropped raw html


def _context(
    report: Impactreflectie, edition: Edition = "gemeente", foreword: str | None = None
) -> dict[str, Any]:
    if edition not in EDITIONS:
        raise ValueError(f"unknown edition {edition!r}")
    return {
        "r": report,
        "edition": edition,
        "intern": edition == "intern",
        "foreword": foreword_html(foreword),
        # Markdown output takes the foreword as written (it is Markdown already).
        "foreword_md": Markup(foreword.strip()) if foreword and foreword.strip() else None,  # noqa: S704
        "toc_svg": {c.id: toc_svg(c, report.effect_labels) for c in report.chapters},
        "trend_svg": {c.id: trend_svg(report, c) for c in report.chapters},
        "share_bar": charts.share_bar,
        "label_style": charts.LABEL_STYLE,
        "wsob_names": WSOB_FUNCTIONS,
    }


def render_html(
    report: Impactreflectie, edition: Edition = "gemeente", foreword: str | None = None
) -> str:
    ctx = _context(report, edition, foreword)
    return html_environment().get_template("report.html.j2").render(ctx)


def render_markdown(
    report: Impactreflectie, edition: Edition = "gemeente", foreword: str | None = None
) -> str:
    ctx = _context(report, edition, foreword)
    ctx.pop("toc_svg")
    ctx.pop("trend_svg")
    return markdown_environment().get_template("report.md.j2").render(ctx)


def render_json(report: Impactreflectie) -> str:
    return json.dumps(report.to_contract_json(), ensure_ascii=False, indent=2) + "\n"


def render_pdf(
    report: Impactreflectie, edition: Edition = "gemeente", foreword: str | None = None
) -> bytes:
    import weasyprint  # imported here: loading it takes a moment and only pdf needs it

    html = render_html(report, edition, foreword)
    # base_url None and no external references in the html: WeasyPrint fetches nothing.
    # PDF/UA-1: tagged (headings, tables with their headers, figures with alt text), with the
    # document language (html lang) and title (html title) that screen readers announce.
    return weasyprint.HTML(string=html).write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)


def render(
    report: Impactreflectie,
    fmt: Format,
    edition: Edition = "gemeente",
    foreword: str | None = None,
) -> str | bytes:
    if fmt == "json":
        return render_json(report)  # the same figures in both editions
    if fmt == "html":
        return render_html(report, edition, foreword)
    if fmt == "md":
        return render_markdown(report, edition, foreword)
    return render_pdf(report, edition, foreword)
