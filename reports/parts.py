"""The impactreflectie's typed parts: rows per activity, programmalijn, vestiging, kengetal and
gemeente, the chapter per opgave, and the whole report. `reports.model.build_report` fills them;
the renderers read them, so the templates need no catalogue.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from reports.evidence import EVIDENCE_RULE, EffectEvidence
from reports.figures import ContractProgress, Counts
from reports.locations import LocationBox
from reports.money import MONEY_RULE, Money
from reports.period import COMPARE_RULE, Period
from reports.reflection import VERDICT_RULE, OpgaveVerdict, Reflection
from reports.review import ReviewCounts
from reports.stories import (
    STORY_RULE,
    EventStory,
    LongStoryCard,
    PhotoCard,
    PublicQuote,
    Story,
)
from reports.summary import COUNCIL_RULE, GLOSSARY, SUMMARY_RULE, CijferGroup, Framing, Summary

WSOB_FUNCTIONS = {
    1: "Kennis en informatie",
    2: "Ontwikkeling en educatie",
    3: "Lezen en literatuur",
    4: "Ontmoeting en debat",
    5: "Kunst en cultuur",
}

DATA_SOURCES = (
    "De cijfers komen uit de verslagen die begeleiders na elke bijeenkomst doorgeven (via de "
    "Impactbot of een import). Elke les van een cursus telt als een bijeenkomst; een cursus "
    "telt mee in elk jaar waarin hij lessen had. Kengetallen (leden, bezoekers, uitleningen en "
    "dergelijke) zijn per gemeente ingevoerd of geïmporteerd; voor de hele organisatie tellen "
    "we ze op. Citaten verschijnen alleen als de deelnemer toestemming gaf."
)


class ActivityRow(BaseModel):
    id: str
    name: str
    kind: str
    programmalijn: str
    wsob: list[int] = Field(default_factory=list)
    counts: Counts = Field(default_factory=Counts)
    previous: Counts = Field(default_factory=Counts)
    quotes: int = 0
    target: int | None = None
    partners: list[str] = Field(default_factory=list)  # the catalogue's samenwerkingspartners

    @property
    def shown(self) -> bool:
        """A row in the figures table: it ran this year or last year (so the totals of both
        years add up to the rows), or a number was agreed for it."""
        return not self.counts.empty or not self.previous.empty or bool(self.target)


class LijnSection(BaseModel):
    id: str
    name: str
    counts: Counts
    previous: Counts
    activities: list[ActivityRow]


class VestigingRow(BaseModel):
    id: str
    name: str
    counts: Counts


class Chapter(BaseModel):
    """One maatschappelijke opgave."""

    id: str
    name: str
    goal: str
    age_range: str | None = None
    counts: Counts
    previous: Counts
    lijnen: list[LijnSection]
    vestigingen: list[VestigingRow]
    effects: list[EffectEvidence]
    # The verandertheorie as edges: (activity name, effect id) for activities that ran or are
    # in the catalogue for this opgave.
    links: list[tuple[str, str]] = Field(default_factory=list)
    stories: list[Story] = Field(default_factory=list)
    events: list[EventStory] = Field(default_factory=list)  # "Wat was bijzonder?"
    photos: list[PhotoCard] = Field(default_factory=list)  # beside the opgave, with alt text
    long_stories: list[LongStoryCard] = Field(default_factory=list)  # a manager's stories
    verdict: OpgaveVerdict
    framing: Framing = Field(default_factory=Framing)


class KengetalRow(BaseModel):
    id: str
    name: str
    unit: str = ""
    value: float | None = None
    previous: float | None = None


class GemeenteRow(BaseModel):
    """One gemeente in the whole-organisation edition."""

    id: str
    name: str
    counts: Counts
    previous: Counts
    leden: float | None = None


class Impactreflectie(BaseModel):
    year: int
    gemeente: str | None
    organisation: str
    scope_name: str  # the gemeente's name, or the organisation's
    made_on: date
    period: Period  # the year or year to date, and whether the year before stands beside it
    total: Counts
    previous_total: Counts
    chapters: list[Chapter]
    activities: dict[str, ActivityRow]
    kengetallen: list[KengetalRow]
    effects: dict[str, EffectEvidence]
    quotes: list[PublicQuote]  # every publishable quote of the year and scope
    contract: ContractProgress | None = None
    # activity id -> bijeenkomsten that came in as totals (impactbot import totalen)
    from_totals: dict[str, int] = Field(default_factory=dict)
    # What the agreed total of activities covers, e.g. "Activiteiten in Drenthe leert en
    # ontwikkelt": never "in totaal" when the contract counts only some programmalijnen.
    contract_total_label: str = ""
    contract_lijnen: str = ""  # names of the programmalijnen it counts; '' for all
    reflection: Reflection
    wsob: dict[int, list[ActivityRow]]
    evidence_rule: str = EVIDENCE_RULE
    story_rule: str = STORY_RULE
    verdict_rule: str = VERDICT_RULE
    data_sources: str = DATA_SOURCES
    summary_rule: str = SUMMARY_RULE
    compare_rule: str = COMPARE_RULE
    money_rule: str = MONEY_RULE
    council_rule: str = COUNCIL_RULE
    # Publishable quotes, stories and photos not reviewed yet, and whether only approved ones
    # are printed (reports.review).
    unreviewed: ReviewCounts = Field(default_factory=ReviewCounts)
    approved_only: bool = False
    # What it cost (reports.money): only with a real agreement naming priced pakketten.
    money: Money | None = None
    summary: Summary = Field(default_factory=Summary)
    cijfers: list[CijferGroup] = Field(default_factory=list)  # De cijfers, grouped
    locations: LocationBox = Field(default_factory=LocationBox)  # the location fact box
    effect_labels: dict[str, str] = Field(default_factory=dict)  # effect id -> short label
    per_gemeente: list[GemeenteRow] = Field(default_factory=list)  # whole organisation only
    glossary: list[tuple[str, str]] = Field(default_factory=lambda: list(GLOSSARY))

    @property
    def has_data(self) -> bool:
        return not self.total.empty

    def to_contract_json(self) -> dict[str, object]:
        """PRODUCT.md's `impactbot report --format json` contract, plus richer extra keys.
        The same for both editions: an edition changes what is printed, never a figure."""
        short = ("bijeenkomsten", "deelnemers")
        full = ("bijeenkomsten", "deelnemers", "reeksen", "ingeschreven", "vragen")
        chapters = {c.id: c for c in self.chapters}
        lijnen = {lijn.id: lijn for c in self.chapters for lijn in c.lijnen}
        data: dict[str, object] = {
            "jaar": self.year,
            "gemeente": self.gemeente,
            "opgaven": {k: _pick(c.counts, short) for k, c in chapters.items()},
            "programmalijnen": {k: _pick(lijn.counts, short) for k, lijn in lijnen.items()},
            "activiteiten": {
                k: {**_pick(a.counts, full), "citaten": a.quotes}
                for k, a in self.activities.items()
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
            "fotos": {c.id: [p.contract() for p in c.photos] for c in self.chapters},
            "verhalen_lang": {c.id: [s.contract() for s in c.long_stories] for c in self.chapters},
            "effecten_per_opgave": {
                c.id: {e.effect: e.contract() for e in c.effects} for c in self.chapters
            },
            "reflectie": self.reflection.contract(),
            "wsob": {str(k): [a.id for a in rows] for k, rows in self.wsob.items()},
            "kerncijfers": [f.model_dump() for f in self.summary.figures],
            # page 2: the outcomes with the strongest evidence and the hoogtepunten (rule in
            # reports.summary.COUNCIL_RULE)
            "uitkomsten": [
                {"effect": h.effect, "oordeel": h.level, "mensen": h.people}
                for h in self.summary.headlines
            ],
            "hoogtepunten": [
                {"activiteit": h.activity, "waarom": h.why} for h in self.summary.highlights
            ],
            "deelneming": next(
                (r.value for g in self.cijfers for r in g.rows if r.id == "deelneming"), None
            ),
            "locaties": self.locations.contract(),
            "per_gemeente": {
                g.id: {**_pick(g.counts, short), "vorig_jaar": _pick(g.previous, short)}
                for g in self.per_gemeente
            },
            "periode": {
                "tot_en_met_maand": self.period.until_month,
                "vergelijkt_met_vorig_jaar": self.period.compare,
            },
        }
        if self.money is not None:  # PRODUCT.md: `geld` is absent without tariffs and pakketten
            data["geld"] = self.money.contract()
        return data


def _pick(counts: Counts, keys: tuple[str, ...]) -> dict[str, int]:
    return {k: getattr(counts, k) for k in keys}


def _num(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value
