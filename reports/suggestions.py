"""Reflectie: what to measure next year, one Dutch sentence per activity that ran (moved
unchanged from reports/reflection.py, which puts it in the Reflection)."""

from __future__ import annotations

from reports.evidence import EffectEvidence
from reports.figures import Figures
from reports.thresholds import MIN_FOLLOWUP, MIN_MEASURED, MIN_RESPONDENTS
from toc.models import Catalogue


def _quoted(names: list[str]) -> str:
    quoted = [f"'{n}'" for n in names]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " en " + quoted[-1]


def suggestions_per_activity(
    catalogue: Catalogue, figures: Figures, per_opgave: dict[str, dict[str, EffectEvidence]]
) -> list[str]:
    """One Dutch sentence per activity that ran: what to measure next year, for the effects
    with thin evidence (in its own opgave), for a reader outside the library."""
    out: list[str] = []
    for a in catalogue.activities.values():
        if figures.activity(a.id).empty or a.programmalijn not in catalogue.programmalijnen:
            continue
        evidence = per_opgave.get(catalogue.opgave_of(a.id), {})
        add_count: list[str] = []
        more_count: list[str] = []
        ask: list[str] = []
        follow: list[str] = []
        signals: list[str] = []
        for effect_id in a.effects:
            e = evidence.get(effect_id)
            if e is None:
                continue
            if e.measurable and a.kind == "reeks" and not e.has_measurement:
                add_count.append(e.name)
            elif e.measurable and a.kind == "reeks" and e.measured_after < MIN_MEASURED:
                more_count.append(e.name)
            if not e.graded or e.label == "goed-onderbouwd":
                continue
            if e.askable and e.respondents < MIN_RESPONDENTS:
                ask.append(e.name)
            elif e.askable and e.followup.respondents < MIN_FOLLOWUP:
                follow.append(e.name)
            if not e.observed:
                signals.append(e.name)
        parts: list[str] = []
        if add_count:
            parts.append(f"een voor/na-telling in de cursussen over {_quoted(add_count)}")
        if more_count:
            parts.append(
                f"de voor/na-telling in meer cursussen (samen minstens {MIN_MEASURED} "
                f"cursisten) over {_quoted(more_count)}"
            )
        if ask:
            parts.append(
                "de deelnemers zelf vragen, met de QR-code of een telling op papier "
                f"(samen minstens {MIN_RESPONDENTS} deelnemers), over {_quoted(ask)}"
            )
        if follow:
            parts.append(f"een vervolgvraag na 4 tot 6 weken over {_quoted(follow)}")
        if signals:
            parts.append(f"bij elk verslag de signalen aantikken van {_quoted(signals)}")
        if parts:
            out.append(f"{a.name}: " + "; ".join(parts) + ".")
    return out
