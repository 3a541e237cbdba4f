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
from reports.period import COMPARE_RULE, Period
from reports.reflection import VERDICT_RULE, OpgaveVerdict, Reflection
from reports.stories import STORY_RULE, EventStory, PublicQuote, Story
from reports.summary import GLOSSARY, SUMMARY_RULE, CijferGroup, Framing, Summary

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
        """PRODUCT.md's `impactbot report --format json` contract, plus richer extra keys."""
        from reports.contract import contract_json

        return contract_json(self)
