"""The Theory of Change at a glance: opgave → programmalijn → activiteit → effect.

Three renderings of one Catalogue: an indented tree for the terminal, a mermaid flowchart that
GitHub renders, and a JSON document listing every id with its links (for scripts).
"""

from __future__ import annotations

import json
import re
from typing import Any

from toc.models import Activity, Catalogue

PAKKET_LABEL = {"basis": "Basis", "basis-plus": "Basis Plus"}


def _activity_line(activity: Activity) -> str:
    return f"{activity.name} [{activity.id}] · {activity.kind} · {PAKKET_LABEL[activity.pakket]}"


def render_text(catalogue: Catalogue) -> str:
    """An indented tree for the terminal, followed by kengetallen and the organisation."""
    lines = [f"Verandertheorie van {catalogue.organisation_name}", ""]
    for opgave in catalogue.opgaven.values():
        age = f" ({opgave.age_range} jaar)" if opgave.age_range else ""
        lines.append(f"Opgave: {opgave.name} [{opgave.id}]{age}")
        lines.append(f"  Doel: {opgave.goal}")
        lijnen = [p for p in catalogue.programmalijnen.values() if p.opgave == opgave.id]
        for lijn in lijnen:
            wsob = f" · Wsob {', '.join(map(str, lijn.wsob))}" if lijn.wsob else ""
            lines.append(f"  Programmalijn: {lijn.name} [{lijn.id}]{wsob}")
            for activity in catalogue.activities_in(lijn.id):
                lines.append(f"    Activiteit: {_activity_line(activity)}")
                for effect_id in activity.effects:
                    effect = catalogue.effects[effect_id]
                    mark = " (meetbaar)" if effect.measurable else ""
                    if effect.level == "impact":
                        mark += " (maatschappelijke impact)"
                    lines.append(f"      → {effect.name} [{effect.id}]{mark}")
                    lines += [f"          · {s.text} [{s.id}]" for s in effect.signals]
        lines.append("")
    lines.append("Kengetallen:")
    for kengetal in catalogue.kengetallen.values():
        unit = f" ({kengetal.unit})" if kengetal.unit else ""
        lines.append(f"  {kengetal.name} [{kengetal.id}]{unit}")
    lines.append("")
    lines.append("Gemeenten en vestigingen:")
    for gemeente in catalogue.gemeenten.values():
        places = [
            v.id + (" (servicepunt)" if v.type == "servicepunt" else "")
            for v in catalogue.vestigingen_in(gemeente.id)
        ]
        lines.append(f"  {gemeente.name} [{gemeente.id}]: {', '.join(places) or '-'}")
    return "\n".join(lines).rstrip() + "\n"


def _node_id(prefix: str, ident: str) -> str:
    """Mermaid node ids: letters, digits and underscores only, prefixed per kind."""
    return prefix + "_" + re.sub(r"[^A-Za-z0-9]", "_", ident)


def _mermaid_label(text: str) -> str:
    """Quote a label; characters with meaning in mermaid become entity codes."""
    replacements = {"#": "#35;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "&": "#amp;"}
    escaped = "".join(replacements.get(ch, ch) for ch in text)
    escaped = escaped.replace("\n", " ").replace("`", "'")
    return f'"{escaped}"'


def render_mermaid(catalogue: Catalogue) -> str:
    """A `flowchart LR` from opgaven via programmalijnen and activiteiten to effecten."""
    out = ["flowchart LR"]
    classes: dict[str, list[str]] = {
        "opgave": [],
        "programmalijn": [],
        "basis": [],
        "basisplus": [],
        "effect": [],
    }
    for opgave in catalogue.opgaven.values():
        node = _node_id("o", opgave.id)
        out.append(f"    {node}[{_mermaid_label(opgave.name)}]")
        classes["opgave"].append(node)
    for lijn in catalogue.programmalijnen.values():
        node = _node_id("p", lijn.id)
        out.append(f"    {node}[{_mermaid_label(lijn.name)}]")
        classes["programmalijn"].append(node)
    for activity in catalogue.activities.values():
        node = _node_id("a", activity.id)
        label = activity.name + ("" if activity.kind == "bijeenkomst" else f" ({activity.kind})")
        out.append(f"    {node}([{_mermaid_label(label)}])")
        classes["basis" if activity.pakket == "basis" else "basisplus"].append(node)
    for effect in catalogue.effects.values():
        node = _node_id("e", effect.id)
        out.append(f"    {node}{{{{{_mermaid_label(effect.name)}}}}}")
        classes["effect"].append(node)
    for lijn in catalogue.programmalijnen.values():
        out.append(f"    {_node_id('o', lijn.opgave)} --> {_node_id('p', lijn.id)}")
    for activity in catalogue.activities.values():
        out.append(f"    {_node_id('p', activity.programmalijn)} --> {_node_id('a', activity.id)}")
    for activity in catalogue.activities.values():
        for effect_id in activity.effects:
            out.append(f"    {_node_id('a', activity.id)} --> {_node_id('e', effect_id)}")
    out += [
        "    classDef opgave fill:#1f4e79,color:#ffffff,stroke:#1f4e79",
        "    classDef programmalijn fill:#d9e8f5,stroke:#1f4e79",
        "    classDef basis fill:#d5ecd4,stroke:#3a7d34",
        "    classDef basisplus fill:#fff2b3,stroke:#b59400",
        "    classDef effect fill:#ffffff,stroke:#888888",
    ]
    for name, nodes in classes.items():
        if nodes:
            out.append(f"    class {','.join(nodes)} {name}")
    return "\n".join(out) + "\n"


def overview_dict(catalogue: Catalogue) -> dict[str, Any]:
    """Every id with its links, keyed by id per kind (Dutch keys, like the report JSON)."""
    activities = catalogue.activities.values()
    return {
        "organisatie": catalogue.organisation_name,
        "opgaven": {
            o.id: {
                "naam": o.name,
                "doel": o.goal,
                "leeftijd": o.age_range,
                "programmalijnen": [
                    p.id for p in catalogue.programmalijnen.values() if p.opgave == o.id
                ],
            }
            for o in catalogue.opgaven.values()
        },
        "programmalijnen": {
            p.id: {
                "naam": p.name,
                "opgave": p.opgave,
                "wsob": list(p.wsob),
                "activiteiten": [a.id for a in catalogue.activities_in(p.id)],
            }
            for p in catalogue.programmalijnen.values()
        },
        "activiteiten": {
            a.id: {
                "naam": a.name,
                "programmalijn": a.programmalijn,
                "opgave": catalogue.opgave_of(a.id),
                "soort": a.kind,
                "pakket": a.pakket,
                "wsob": list(a.wsob),
                "doelgroep": a.doelgroep,
                "aliassen": list(a.aliases),
                "indicatoren": list(a.indicators),
                "effecten": list(a.effects),
                "signalen": [s.id for s, _effect in catalogue.signals_for(a.id)],
            }
            for a in activities
        },
        "effecten": {
            e.id: {
                "naam": e.name,
                "meetbaar": e.measurable,
                "meetvraag": e.measure_question,
                "niveau": e.level,
                "te_meten_met": e.measured_by,
                "aannames": list(e.assumptions),
                "bronnen": list(e.sources),
                "signalen": [{"id": s.id, "tekst": s.text} for s in e.signals],
                "activiteiten": [a.id for a in catalogue.activities_for_effect(e.id)],
            }
            for e in catalogue.effects.values()
        },
        "kengetallen": {
            k.id: {"naam": k.name, "eenheid": k.unit} for k in catalogue.kengetallen.values()
        },
        "gemeenten": {
            g.id: {"naam": g.name, "vestigingen": [v.id for v in catalogue.vestigingen_in(g.id)]}
            for g in catalogue.gemeenten.values()
        },
        "vestigingen": {
            v.id: {"naam": v.name, "gemeente": v.gemeente, "type": v.type, "aliassen": v.aliases}
            for v in catalogue.vestigingen.values()
        },
        "contracten": [
            {
                "gemeente": c.gemeente,
                "jaar": c.year,
                "pakket": c.pakket,
                "activiteiten": c.activities_per_year,
                "per_activiteit": dict(c.per_activity),
            }
            for c in catalogue.contracts
        ],
        "rooster": [
            {"activiteit": s.activity, "vestiging": s.vestiging, "regel": s.rule, "tijd": s.time}
            for s in catalogue.schedules
        ],
    }


def render_json(catalogue: Catalogue) -> str:
    return json.dumps(overview_dict(catalogue), ensure_ascii=False, indent=2) + "\n"


RENDERERS = {"text": render_text, "mermaid": render_mermaid, "json": render_json}


def render(catalogue: Catalogue, fmt: str = "text") -> str:
    """Render in one of RENDERERS' formats: text, mermaid or json."""
    return RENDERERS[fmt](catalogue)
