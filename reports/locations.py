"""The jaarbericht's location fact box ("Bibliotheken 3, Servicepunten 1, IDO-locaties 4, …"),
for one gemeente or the whole organisation, from organisation.toml.

Bibliotheken and servicepunten are counted from the vestigingen listed there (their `type`); the
other numbers come from a gemeente's `locaties` only. A number nobody entered is left out, never
printed as 0; for the whole organisation a number is summed only when every gemeente has it.
One exception keeps one number per page: BoekStart-locaties is also a kengetal ("Locaties met
BoekStart in de kinderopvang"), and where the report's year has it, the box shows that figure,
the one De cijfers shows, and says so.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from toc.models import Catalogue, Locations

# id -> (singular, plural); the id is the key in the report's JSON.
LABELS: dict[str, tuple[str, str]] = {
    "bibliotheken": ("Bibliotheek", "Bibliotheken"),
    "servicepunten": ("Servicepunt", "Servicepunten"),
    "ido-locaties": ("IDO-locatie", "IDO-locaties"),
    "dbos-locaties": ("dBos-locatie", "dBos-locaties"),
    "boekstart-locaties": ("BoekStart-locatie", "BoekStart-locaties"),
    "taalhuizen": ("Taalhuis", "Taalhuizen"),
}
# The kengetal that is the same figure as a box row, for the report's year.
KENGETAL = {"boekstart-locaties": "boekstart-locaties"}
# The field of toc.models.Locations behind each entered number.
_ENTERED = {
    "ido-locaties": "ido",
    "dbos-locaties": "dbos",
    "boekstart-locaties": "boekstart",
    "taalhuizen": "taalhuis",
}


class LocationFact(BaseModel):
    id: str
    value: int

    @property
    def label(self) -> str:
        singular, plural = LABELS[self.id]
        return singular if self.value == 1 else plural


class LocationBox(BaseModel):
    facts: list[LocationFact] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)  # where the entered numbers come from

    def contract(self) -> dict[str, int]:
        return {f.id: f.value for f in self.facts}


def location_box(
    catalogue: Catalogue,
    gemeente: str | None,
    year: int | None = None,
    kengetallen: dict[str, float] | None = None,
) -> LocationBox:
    """The fact box of one gemeente, or of the whole organisation (gemeente None); with the
    year's kengetallen of that scope (as De cijfers has them) where a row is one of them."""
    ids = [gemeente] if gemeente else list(catalogue.gemeenten)
    vestigingen = [v for v in catalogue.vestigingen.values() if v.gemeente in ids]
    counted = {
        "bibliotheken": sum(v.type == "vestiging" for v in vestigingen),
        "servicepunten": sum(v.type == "servicepunt" for v in vestigingen),
    }
    # an empty list says nothing about a gemeente: no row rather than a 0
    facts = [LocationFact(id=k, value=n) for k, n in counted.items() if n]
    entered = [catalogue.gemeenten[g].locations for g in ids]
    yearly = {
        key: int(value)
        for key, kengetal in KENGETAL.items()
        if (value := (kengetallen or {}).get(kengetal)) is not None
    }
    known = [
        LocationFact(id=key, value=total)
        for key, field in _ENTERED.items()
        if key not in yearly
        and (total := _sum_known([getattr(loc, field) for loc in entered])) is not None
    ]
    sources = _sources(entered) if known else []
    for key in yearly:
        known.append(LocationFact(id=key, value=yearly[key]))
        sources.append(f"{LABELS[key][1]}: De cijfers {year}")
    order = list(LABELS)
    facts = sorted(facts + known, key=lambda f: order.index(f.id))
    return LocationBox(facts=facts, sources=sources)


def _sum_known(values: list[int | None]) -> int | None:
    """The sum when every value is known; None when any is not (a part is not a total)."""
    if not values or any(v is None for v in values):
        return None
    return sum(v for v in values if v is not None)


def _sources(entered: list[Locations]) -> list[str]:
    return list(dict.fromkeys(loc.source for loc in entered if loc.source))
