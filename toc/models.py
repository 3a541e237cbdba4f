"""The Theory of Change as typed data: what a library does and what it hopes to achieve.

Field names are English; the TOML files use the Dutch keys given as aliases, because the
functional administrator edits those files.
"""

from __future__ import annotations

from datetime import date
from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Kind = Literal["bijeenkomst", "reeks", "spreekuur"]
BasisLevel = Literal["basis", "basis-plus"]  # Basis (green) or Basis Plus (yellow)
# Count indicators a session can carry. `deelnemers` is the total attendance; the others are
# parts of it (kinderen, volwassenen) or, for a spreekuur, visitors and their questions.
Indicator = Literal["kinderen", "volwassenen", "deelnemers", "bezoekers", "vragen"]


def _participants_only() -> list[Indicator]:
    """An activity counts its participants unless the catalogue says otherwise."""
    return ["deelnemers"]


Role = Literal["leider", "manager", "admin"]
MAX_SIGNALS_PER_ACTIVITY = 6


class _Model(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="forbid", frozen=True)


class Opgave(_Model):
    """A maatschappelijke opgave (organisation goal from the strategy 2026-2029)."""

    id: str
    name: str = Field(alias="naam")
    goal: str = Field(alias="doel")
    age_range: str | None = Field(default=None, alias="leeftijd")


class Programmalijn(_Model):
    id: str
    name: str = Field(alias="naam")
    opgave: str
    wsob: list[int] = Field(default_factory=list)
    description: str = Field(default="", alias="omschrijving")
    # The library as podium, platform and werkplaats: its figures open the report's
    # "De cijfers" as the platformactiviteiten, as the jaarbericht's first table does.
    platform: bool = False


class Signal(_Model):
    """What a leader can see or hear at one session that points to an effect."""

    id: str
    text: str = Field(alias="tekst")


Level = Literal["outcome", "impact"]


class Effect(_Model):
    """An intended outcome, as the catalogue's 'Effecten' words it."""

    id: str
    name: str = Field(alias="naam")
    # A short label for tables (at most 40 characters); the name when not given.
    kort: str | None = Field(default=None, max_length=40)
    # The aannames that link the activity to this effect.
    assumptions: list[str] = Field(default_factory=list, alias="aannames")
    # Evidence the organisation already cites (studies, monitors).
    sources: list[str] = Field(default_factory=list, alias="bronnen")
    # Whether a before/after count in a course makes sense ("Kan ... zelfstandig").
    measurable: bool = Field(default=False, alias="meetbaar")
    # The question for a before/after count, e.g. "Hoeveel cursisten kunnen zelf een e-mail sturen?"
    measure_question: str | None = Field(default=None, alias="meetvraag")
    # 1-3 observable signals a leader ticks; the effect's sentence stays the outcome.
    signals: list[Signal] = Field(default_factory=list, alias="signalen")
    # Where it sits in the verandertheorie: an outcome for participants, or a societal impact
    # that outcomes contribute to (never graded from what participants say after a session).
    level: Level = Field(default="outcome", alias="niveau")
    # What would measure it, for an effect no statement to participants can measure
    # (e.g. "de taalmeter van het Taalhuis"): printed beside "niet met een vragenlijst te meten".
    measured_by: str | None = Field(default=None, alias="te_meten_met")

    @property
    def short(self) -> str:
        return self.kort or self.name


class Activity(_Model):
    id: str
    name: str = Field(alias="naam")
    programmalijn: str
    kind: Kind = Field(default="bijeenkomst", alias="soort")
    wsob: list[int] = Field(default_factory=list)
    doelgroep: str = ""
    pakket: BasisLevel = "basis"
    aliases: list[str] = Field(default_factory=list, alias="aliassen")
    indicators: list[Indicator] = Field(default_factory=_participants_only, alias="indicatoren")
    effects: list[str] = Field(default_factory=list, alias="effecten")
    tarief: str = ""
    partners: list[str] = Field(default_factory=list)
    description: str = Field(default="", alias="omschrijving")
    # Signal ids a leader ticks for this activity (at most MAX_SIGNALS_PER_ACTIVITY); empty:
    # the first signal of each effect, then the second, in the order of `effects`.
    signals: list[str] = Field(default_factory=list, alias="signalen")


class Kengetal(_Model):
    id: str
    name: str = Field(alias="naam")
    unit: str = Field(default="", alias="eenheid")
    # The heading it stands under in the report's "De cijfers" (Leden, Uitleningen, ...).
    group: str = Field(default="Overig", alias="groep")


class Vestiging(_Model):
    id: str
    name: str = Field(alias="naam")
    gemeente: str
    type: Literal["vestiging", "servicepunt"] = "vestiging"
    aliases: list[str] = Field(default_factory=list, alias="aliassen")


class Locations(_Model):
    """The jaarbericht's location fact box, beyond what the vestigingen say (bibliotheken and
    servicepunten are counted from those). Every number is optional: one nobody knows stays
    None and the report leaves its row out, never printing it as 0."""

    ido: int | None = Field(default=None, ge=0, alias="ido-locaties")
    dbos: int | None = Field(default=None, ge=0, alias="dbos-locaties")
    boekstart: int | None = Field(default=None, ge=0, alias="boekstart-locaties")
    taalhuis: int | None = Field(default=None, ge=0, alias="taalhuizen")
    # Where the numbers come from, printed under the box ("Jaarbericht 2024 Westerveld").
    source: str = Field(default="", alias="bron")


class Gemeente(_Model):
    id: str
    name: str = Field(alias="naam")
    locations: Locations = Field(default_factory=Locations, alias="locaties")


class Pakket(_Model):
    """A pakket with its tarief, as the Activiteitencatalogus prices it (e.g. Leven lang
    ontwikkelen pakket 2 groot: 24 activiteiten per jaar, € 41.221)."""

    id: str
    name: str = Field(alias="naam")
    amount: float = Field(ge=0, alias="bedrag")  # euros per year
    # Activities per year the pakket promises; None when it promises a service, not a number.
    activities_per_year: int | None = Field(default=None, ge=0, alias="activiteiten")
    # The catalogue's activities whose bijeenkomsten the pakket delivers.
    activities: list[str] = Field(default_factory=list, alias="voor")
    # Where the tarief stands, e.g. "Activiteitencatalogus 2025, § 3.2, p. 14".
    source: str = Field(alias="bron")


class Contract(_Model):
    """Prestatieafspraak: what a gemeente contracted for a year."""

    gemeente: str
    year: int = Field(alias="jaar")
    pakket: str = ""
    # Number of activities (bijeenkomsten) agreed for the year, e.g. Pakket 1 groot = 15.
    activities_per_year: int | None = Field(default=None, alias="activiteiten")
    # The programmalijnen whose bijeenkomsten count towards that number (the catalogue's
    # packages are programming for leven-lang-ontwikkelen, say). Empty: every programmalijn.
    programmalijnen: list[str] = Field(default_factory=list)
    # Optional per-activity targets: activity id -> number of sessions.
    per_activity: dict[str, int] = Field(default_factory=dict, alias="per_activiteit")
    # True while these are the example numbers shipped with Impactbot, not a gemeente's real
    # agreement: the report and /stand then never print them as the gemeente's.
    example: bool = Field(default=False, alias="voorbeeld")
    # The catalogue's pakket ids (toc `[[pakket]]`) the gemeente took this year; with them the
    # report compares delivered activities in the pakket's own unit and shows what was paid.
    pakket_ids: list[str] = Field(default_factory=list, alias="pakketten")
    # What the gemeente paid in euros, when known; otherwise the pakketten's tariffs add up.
    contribution: float | None = Field(default=None, ge=0, alias="bijdrage")


class Schedule(_Model):
    """A recurring session a vestiging plans, used to find unreported sessions."""

    activity: str = Field(alias="activiteit")
    vestiging: str
    # "maandelijks:1:ma" = first Monday of the month; "wekelijks:wo" = every Wednesday.
    rule: str = Field(alias="regel")
    time: str = Field(default="", alias="tijd")
    # Months in which it runs (1-12); empty is all year. Lets "niet in augustus" be said.
    months: list[int] = Field(default_factory=list, alias="maanden")

    def dates(self, start: date, end: date) -> list[date]:
        """The days from start to end (both included) on which this session is planned."""
        from toc.schedule import occurrences

        days = occurrences(self.rule, start, end)
        return [d for d in days if not self.months or d.month in self.months]


class Catalogue(_Model):
    """The whole Theory of Change plus the organisation it is applied in."""

    opgaven: dict[str, Opgave]
    programmalijnen: dict[str, Programmalijn]
    activities: dict[str, Activity]
    effects: dict[str, Effect]
    kengetallen: dict[str, Kengetal]
    organisation_name: str = "Biblionet Drenthe"
    gemeenten: dict[str, Gemeente]
    vestigingen: dict[str, Vestiging]
    contracts: list[Contract] = Field(default_factory=list)
    pakketten: dict[str, Pakket] = Field(default_factory=dict)  # tariffs from the catalogue
    schedules: list[Schedule] = Field(default_factory=list)
    # What participants are asked (see toc.survey); empty: nobody is asked.
    statements: list[Statement] = Field(default_factory=list)
    survey_plans: dict[str, SurveyPlan] = Field(default_factory=dict)

    def opgave_of(self, activity_id: str) -> str:
        return self.programmalijnen[self.activities[activity_id].programmalijn].opgave

    def activities_in(self, programmalijn: str) -> list[Activity]:
        return [a for a in self.activities.values() if a.programmalijn == programmalijn]

    def activities_for_effect(self, effect_id: str) -> list[Activity]:
        return [a for a in self.activities.values() if effect_id in a.effects]

    def signal(self, signal_id: str) -> tuple[Signal, str] | None:
        """A signal and the id of the effect it points to."""
        return self._signal_index.get(signal_id)

    @cached_property
    def _signal_index(self) -> dict[str, tuple[Signal, str]]:
        # built once: the bot and the evidence look signals up many times
        return {s.id: (s, e.id) for e in reversed(self.effects.values()) for s in e.signals}

    def signals_for(self, activity_id: str) -> list[tuple[Signal, str]]:
        """The signals a leader can tick for this activity, as (signal, effect id), at most
        MAX_SIGNALS_PER_ACTIVITY: the activity's own choice, or the first signal of each of
        its effects, then the second, and so on."""
        activity = self.activities[activity_id]
        effects = [self.effects[e] for e in activity.effects if e in self.effects]
        if activity.signals:
            chosen = [self.signal(s) for s in activity.signals]
            return [c for c in chosen if c is not None][:MAX_SIGNALS_PER_ACTIVITY]
        out: list[tuple[Signal, str]] = []
        depth = max((len(e.signals) for e in effects), default=0)
        for level in range(depth):
            out += [(e.signals[level], e.id) for e in effects if level < len(e.signals)]
        return out[:MAX_SIGNALS_PER_ACTIVITY]

    def vestigingen_in(self, gemeente: str) -> list[Vestiging]:
        return [v for v in self.vestigingen.values() if v.gemeente == gemeente]

    def counts_for_contract(self, contract: Contract, activity_id: str) -> bool:
        """Whether sessions of this activity count towards the contract's total."""
        activity = self.activities.get(activity_id)
        if activity is None:
            return False
        return not contract.programmalijnen or activity.programmalijn in contract.programmalijnen

    def contract(self, gemeente: str, year: int) -> Contract | None:
        """The gemeente's real agreement for the year; an example one is no agreement."""
        for c in self.contracts:
            if c.gemeente == gemeente and c.year == year and not c.example:
                return c
        return None

    @property
    def example_contracts(self) -> list[Contract]:
        return [c for c in self.contracts if c.example]


# -- The participants' own voice (PLA Project Outcome style) ----------------------------------

# The four outcomes Project Outcome asks about: learned something new, more confident, will
# use it, knows what the library offers.
Dimension = Literal["kennis", "vertrouwen", "toepassing", "bewustzijn"]
DIMENSIONS: tuple[Dimension, ...] = ("kennis", "vertrouwen", "toepassing", "bewustzijn")
Respondent = Literal["deelnemer", "ouder"]


class Statement(_Model):
    """A statement participants rate (1-5) after a session: one effect, one dimension.

    `text` is said by the participant ("Ik heb iets nieuws geleerd ..."); `parent` by a parent
    about a young child ("Mijn kind ..."). At least one of the two is given.
    """

    effect: str
    dimension: Dimension = Field(alias="dimensie")
    text: str | None = Field(default=None, alias="tekst")
    parent: str | None = Field(default=None, alias="ouder")

    def for_respondent(self, who: Respondent) -> str | None:
        return self.parent if who == "ouder" else self.text


class SurveyPlan(_Model):
    """Per activity: who answers (a parent for young children) and which effects to ask about."""

    activity: str = Field(alias="activiteit")
    respondent: Respondent = Field(default="deelnemer", alias="wie")
    # The effects to choose statements from, in order; empty: the activity's own effects.
    effects: list[str] = Field(default_factory=list, alias="effecten")
    # Ask by lot: participants are asked at 1 in `ask_one_in` sessions, drawn after Opslaan,
    # so the sessions asked are representative rather than chosen. None: the leader chooses.
    ask_one_in: int | None = Field(default=None, alias="een_op", ge=1, le=20)


# Forward references (Statement, SurveyPlan) are defined below the Catalogue.
Catalogue.model_rebuild()
