"""What it cost: per pakket the gemeente took, what was paid, what was delivered and what was
measured, and the cost per participant reached (PRODUCT.md, report JSON `geld`).

Only from a real agreement (never the shipped examples) that names the catalogue's pakketten,
and only for pakketten with a tarief; where either is unknown, there is no `geld` and the
report shows nothing about money. The gemeente's own contribution (organisation.toml
`bijdrage`) is the total when known; otherwise the tariffs add up.
"""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel, Field

from ground.dutch import half_up, number
from reports.figures import Counts, Figures
from reports.summary import MEASURED
from toc.models import Catalogue, Contract

MONEY_RULE = (
    "Wat het kostte: per pakket dat de gemeente afnam het tarief uit de Activiteitencatalogus "
    "(met de plek waar het staat), of wat de gemeente betaalde als we dat weten. Gegeven: de "
    "bijeenkomsten en deelnemers van de activiteiten die onder het pakket vallen. Gemeten: "
    "hoeveel van de beoogde effecten van die activiteiten we dit jaar gemeten hebben. De kosten "
    "per deelnemer zijn het totaal gedeeld door alle deelnemers van die activiteiten; een "
    "deelnemer die vaker kwam, telt vaker mee. Zonder tarief of afspraak tonen we niets."
)


def euro(value: float | None) -> str:
    """41221 -> '€ 41.221'; 11.19 -> '€ 11,19' (cents only below € 100); None -> '–'."""
    if value is None:
        return "–"
    if abs(value) < 100 and abs(value - round(value)) > 0.004:
        return f"€ {number(half_up(value, 2), 2)}"
    return f"€ {number(half_up(value))}"


class PakketMoney(BaseModel):
    id: str
    name: str
    amount: float  # the tarief, euros per year
    source: str  # where the tarief stands in the catalogue
    agreed: int | None = None  # activiteiten the pakket promises per year
    counts: Counts = Field(default_factory=Counts)  # what its activities delivered
    effects: int = 0  # beoogde effecten of its activities
    measured: int = 0  # of which measured this year

    def contract(self) -> dict[str, object]:
        return {
            "id": self.id,
            "naam": self.name,
            "bedrag": _num(self.amount),
            "bijeenkomsten": self.counts.bijeenkomsten,
            "deelnemers": self.counts.deelnemers,
            "afgesproken": self.agreed,
            "effecten": self.effects,
            "gemeten": self.measured,
            "bron": self.source,
        }


class Money(BaseModel):
    pakketten: list[PakketMoney]
    total: float
    contribution: bool  # the total is what the gemeente paid, not the tariffs added up
    bijeenkomsten: int
    deelnemers: int

    @property
    def per_participant(self) -> float | None:
        return self.total / self.deelnemers if self.deelnemers else None

    def contract(self) -> dict[str, object]:
        per = self.per_participant
        return {
            "pakketten": [p.contract() for p in self.pakketten],
            "totaal": _num(self.total),
            "per_deelnemer": None if per is None else half_up(per, 2),
            "bijdrage_bekend": self.contribution,
            "bijeenkomsten": self.bijeenkomsten,
            "deelnemers": self.deelnemers,
        }


def build_money(
    catalogue: Catalogue,
    contract: Contract | None,
    figures: Figures,
    labels: Mapping[str, str],
) -> Money | None:
    """`labels`: effect id -> its evidence label this year (reports.evidence, via
    `effect_labels_of`). None without a real contract that names priced pakketten."""
    if contract is None or contract.example:
        return None
    pakketten = [catalogue.pakketten[p] for p in contract.pakket_ids if p in catalogue.pakketten]
    if not pakketten:
        return None
    rows: list[PakketMoney] = []
    reached: set[str] = set()
    for p in pakketten:
        counts = Counts()
        for a in p.activities:
            counts = counts.plus(figures.activity(a))
        effects = {
            e for a in p.activities if a in catalogue.activities for e in _effects(catalogue, a)
        }
        rows.append(
            PakketMoney(
                id=p.id,
                name=p.name,
                amount=p.amount,
                source=p.source,
                agreed=p.activities_per_year,
                counts=counts,
                effects=len(effects),
                measured=sum(1 for e in effects if labels.get(e) in MEASURED),
            )
        )
        reached.update(p.activities)
    delivered = Counts()
    for a in sorted(reached):  # an activity in two pakketten counts once
        delivered = delivered.plus(figures.activity(a))
    paid = contract.contribution
    return Money(
        pakketten=rows,
        total=paid if paid is not None else sum(p.amount for p in pakketten),
        contribution=paid is not None,
        bijeenkomsten=delivered.bijeenkomsten,
        deelnemers=delivered.deelnemers,
    )


def _effects(catalogue: Catalogue, activity: str) -> list[str]:
    return list(catalogue.activities[activity].effects)


def _num(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value
