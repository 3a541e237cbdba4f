"""The report as JSON: PRODUCT.md's contract for `impactbot report --format json`, plus richer
keys. The same for both editions: an edition changes what is printed, never a figure."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reports.figures import Counts

if TYPE_CHECKING:
    from reports.parts import Impactreflectie


def contract_json(self: Impactreflectie) -> dict[str, object]:
    """PRODUCT.md's `impactbot report --format json` contract, plus richer extra keys."""
    short = ("bijeenkomsten", "deelnemers")
    full = ("bijeenkomsten", "deelnemers", "reeksen", "ingeschreven", "vragen")
    chapters = {c.id: c for c in self.chapters}
    lijnen = {lijn.id: lijn for c in self.chapters for lijn in c.lijnen}
    return {
        "jaar": self.year,
        "gemeente": self.gemeente,
        "opgaven": {k: _pick(c.counts, short) for k, c in chapters.items()},
        "programmalijnen": {k: _pick(lijn.counts, short) for k, lijn in lijnen.items()},
        "activiteiten": {
            k: {**_pick(a.counts, full), "citaten": a.quotes} for k, a in self.activities.items()
        },
        "kengetallen": {k.id: _num(k.value) for k in self.kengetallen if k.value is not None},
        # one verdict per effect; effecten_per_opgave repeats it with each chapter's bijdrage
        "effecten": {k: e.contract() for k, e in self.effects.items()},
        "citaten": [q.contract() for q in self.quotes],
        # richer, not part of the minimal contract
        "naam": self.scope_name,
        "organisatie": self.organisation,
        "totaal": self.total.model_dump(),
        # bijeenkomsten per activity that are totals, without per-session details
        "bijeenkomsten_uit_totalen": self.from_totals,
        "vorig_jaar": {
            "jaar": self.year - 1,
            "totaal": self.previous_total.model_dump(),
            "opgaven": {k: _pick(c.previous, short) for k, c in chapters.items()},
            "activiteiten": {k: _pick(a.previous, full) for k, a in self.activities.items()},
            "kengetallen": {
                k.id: _num(k.previous) for k in self.kengetallen if k.previous is not None
            },
        },
        "vestigingen": {
            c.id: {v.id: _pick(v.counts, full) for v in c.vestigingen} for c in self.chapters
        },
        "afspraken": self.contract.model_dump() if self.contract else None,
        "verhalen": {c.id: [s.quote.contract() for s in c.stories] for c in self.chapters},
        "bijzonder": {c.id: [e.contract() for e in c.events] for c in self.chapters},
        "effecten_per_opgave": {
            c.id: {e.effect: e.contract() for e in c.effects} for c in self.chapters
        },
        "reflectie": self.reflection.contract(),
        "wsob": {str(k): [a.id for a in rows] for k, rows in self.wsob.items()},
        "kerncijfers": [f.model_dump() for f in self.summary.figures],
        "deelneming": next(
            (r.value for g in self.cijfers for r in g.rows if r.id == "deelneming"), None
        ),
        "locaties": self.locations.contract(),
        "per_gemeente": {
            g.id: {**_pick(g.counts, short), "vorig_jaar": _pick(g.previous, short)}
            for g in self.per_gemeente
        },
    }


def _pick(counts: Counts, keys: tuple[str, ...]) -> dict[str, int]:
    return {k: getattr(counts, k) for k in keys}


def _num(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value
