"""Inline SVG charts for the HTML (and PDF) report: no images, no scripts, no external files.

Every text that comes from data is escaped with markupsafe before it enters the SVG, and each
chart carries role="img", a <title> and an aria-label, so a screen reader can say what it shows.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from markupsafe import Markup, escape

from ground.dutch import number

LABEL_STYLE = {
    # label: (fill, text colour, border)
    "goed-onderbouwd": ("#0f5e59", "#ffffff", "#0f5e59"),
    "aannemelijk": ("#7fbfb4", "#0b2f2c", "#4f9d90"),
    "eerste-aanwijzingen": ("#f6e7bf", "#4a3b10", "#d9b95c"),
    "niet-gemeten": ("#f3f4f6", "#4b5563", "#9ca3af"),
    "impact": ("#ffffff", "#4b5563", "#9ca3af"),
}
# Beside an effect's box, and for a screen reader.
LABEL_TEXT = {"niet-gemeten": "niet gemeten", "impact": "impact"}
LABEL_SPOKEN = {
    "goed-onderbouwd": "goed onderbouwd",
    "aannemelijk": "aannemelijk",
    "eerste-aanwijzingen": "eerste aanwijzingen",
    "niet-gemeten": "nog niet gemeten",
    "impact": "maatschappelijke impact, niet beoordeeld",
}
INK = "#1f2933"
MUTED = "#6b7280"
TEAL = "#0f5e59"
TEAL_LIGHT = "#a7d3cc"
FONT = "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif\""


def _lines(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width=width, break_long_words=True) or [""]


def _text_block(
    x: float, y: float, lines: Sequence[str], size: int, fill: str, **attrs: str
) -> str:
    extra = "".join(f' {k.replace("_", "-")}="{escape(v)}"' for k, v in attrs.items())
    spans = "".join(
        f'<tspan x="{x:.1f}" dy="{0 if i == 0 else size + 3}">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" fill="{fill}"{extra}>{spans}</text>'


def toc_diagram(
    title: str,
    activities: Sequence[tuple[str, str, bool]],
    effects: Sequence[tuple[str, str, str]],
    links: Sequence[tuple[str, str]],
) -> Markup:
    """Activities (id, name, ran this year) on the left, effects (id, name, label) on the
    right, a line for every (activity id, effect id) link."""
    width, act_w, eff_x, eff_w, pad = 760, 210, 400, 350, 8
    line_h = 15

    def box_heights(items: Sequence[tuple[str, str, object]], chars: int) -> list[int]:
        return [pad * 2 + line_h * len(_lines(item[1], chars)) for item in items]

    eff_h = box_heights(effects, 44)
    act_h = box_heights(activities, 26)
    gap = 10
    eff_total = sum(eff_h) + gap * max(len(effects) - 1, 0)
    act_total = sum(act_h) + gap * max(len(activities) - 1, 0)
    height = max(eff_total, act_total) + 56
    top = 40
    span = max(eff_total, act_total)
    eff_gap = gap + (span - eff_total) / max(len(effects) - 1, 1)
    act_pos: dict[str, float] = {}
    eff_pos: dict[str, float] = {}
    parts: list[str] = []
    # Activities sit evenly over the height, each centred in its own slot.
    slot = span / max(len(activities), 1)
    for i, ((aid, name, ran), h) in enumerate(zip(activities, act_h, strict=True)):
        y = top + slot * (i + 0.5) - h / 2
        if act_total >= eff_total:
            y = top + sum(act_h[:i]) + gap * i
        fill, ink, border = ("#e6f2f0", INK, TEAL) if ran else ("#ffffff", MUTED, "#c7ccd1")
        dash = "" if ran else ' stroke-dasharray="4 3"'
        parts.append(
            f'<rect x="0.5" y="{y:.1f}" width="{act_w}" height="{h}" rx="6" fill="{fill}" '
            f'stroke="{border}"{dash}/>'
        )
        parts.append(_text_block(12, y + pad + 11, _lines(name, 26), 12, ink, font_weight="600"))
        act_pos[aid] = y + h / 2
    y = top
    for (eid, name, label), h in zip(effects, eff_h, strict=True):
        fill, ink, border = LABEL_STYLE.get(label, LABEL_STYLE["niet-gemeten"])
        parts.append(
            f'<rect x="{eff_x}" y="{y:.1f}" width="{eff_w}" height="{h}" rx="6" fill="{fill}" '
            f'stroke="{border}"/>'
        )
        parts.append(_text_block(eff_x + 10, y + pad + 11, _lines(name, 44), 12, ink))
        parts.append(
            f'<text x="{eff_x + eff_w + 6}" y="{y + h / 2 + 4:.1f}" font-size="11" '
            f'fill="{MUTED}">{escape(LABEL_TEXT.get(label, label))}</text>'
        )
        eff_pos[eid] = y + h / 2
        y += h + eff_gap
    curves: list[str] = []
    for aid, eid in links:
        if aid not in act_pos or eid not in eff_pos:
            continue
        y1, y2 = act_pos[aid], eff_pos[eid]
        mid = (act_w + eff_x) / 2
        ran = any(a[0] == aid and a[2] for a in activities)
        colour, opacity = (TEAL, "0.55") if ran else ("#b8bec5", "0.6")
        curves.append(
            f'<path d="M{act_w + 1},{y1:.1f} C{mid:.1f},{y1:.1f} {mid:.1f},{y2:.1f} '
            f'{eff_x - 1},{y2:.1f}" fill="none" stroke="{colour}" stroke-width="1.3" '
            f'opacity="{opacity}"/>'
        )
    head = (
        f'<text x="0" y="18" font-size="12" font-weight="700" fill="{MUTED}">WAT WE DOEN</text>'
        f'<text x="{eff_x}" y="18" font-size="12" font-weight="700" fill="{MUTED}">'
        "WAT WE WILLEN BEREIKEN</text>"
    )
    label = f"Verandertheorie: {title}. " + "; ".join(
        f"{name}: {LABEL_SPOKEN.get(lab, lab)}" for _, name, lab in effects
    )
    svg = (
        f'<svg class="toc" viewBox="0 0 {width + 60} {height:.0f}" role="img" '
        f'aria-label="{escape(label)}" {FONT}>'
        f"<title>{escape(label)}</title>" + head + "".join(curves) + "".join(parts) + "</svg>"
    )
    return Markup(svg)


def trend_bars(
    title: str, metrics: Sequence[tuple[str, int, int]], years: tuple[int, int]
) -> Markup:
    """Small multiples: per metric (name, previous, current) two horizontal bars. Drawn 400
    wide with 15-unit text, so on a 390 px phone (about 350 px for the chart) the text is
    still about 13 px."""
    prev_year, year = years
    width, bar_x, bar_w, size = 400, 52, 250, 15
    row, block_gap = 26, 14
    parts: list[str] = []
    y = 4.0
    for name, before, now in metrics:
        top = max(before, now, 1)
        parts.append(
            f'<text x="0" y="{y + 15:.1f}" font-size="{size}" font-weight="700" fill="{INK}">'
            f"{escape(name)}</text>"
        )
        y += 22
        for year_label, value, colour in ((prev_year, before, TEAL_LIGHT), (year, now, TEAL)):
            w = bar_w * value / top
            parts.append(
                f'<text x="0" y="{y + 17:.1f}" font-size="{size}" fill="{MUTED}">'
                f"{year_label}</text>"
                f'<rect x="{bar_x}" y="{y + 4:.1f}" width="{max(w, 1):.1f}" height="18" '
                f'rx="2" fill="{colour}"/>'
                f'<text x="{bar_x + max(w, 1) + 6:.1f}" y="{y + 17:.1f}" font-size="{size}" '
                f'fill="{INK}" data-metric="{escape(name)}" data-year="{year_label}">'
                f"{escape(number(value))}</text>"
            )
            y += row
        y += block_gap
    label = f"{title}: " + "; ".join(
        f"{name} {prev_year}: {number(b)}, {year}: {number(n)}" for name, b, n in metrics
    )
    return Markup(
        f'<svg class="trend" viewBox="0 0 {width} {y:.0f}" role="img" '
        f'aria-label="{escape(label)}" {FONT}>'
        # the title is what a PDF reader announces (WeasyPrint's /Alt): the figures in words
        f"<title>{escape(label)}</title>" + "".join(parts) + "</svg>"
    )


def share_bar(share: float | None, label: str) -> Markup:
    """A thin progress bar for contract progress and observation shares. Up to 100 % the bar's
    width is the whole; above it the scale grows to the share and a dark line marks where
    100 % is, so 341 % is drawn as three and a half times the agreement, never as a full bar."""
    value = 0.0 if share is None else max(0.0, share)
    scale = max(1.0, value)
    mark = (
        f'<rect x="{100 / scale - 0.75:.1f}" y="0" width="1.5" height="8" fill="{INK}"/>'
        if scale > 1
        else ""
    )
    return Markup(
        f'<svg class="bar" viewBox="0 0 100 8" preserveAspectRatio="none" role="img" '
        f'aria-label="{escape(label)}">'
        f"<title>{escape(label)}</title>"
        f'<rect width="100" height="8" rx="4" fill="#e5e7eb"/>'
        f'<rect width="{value / scale * 100:.1f}" height="8" rx="4" fill="{TEAL}"/>{mark}</svg>'
    )
