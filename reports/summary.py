"""The parts of the impactreflectie a wethouder reads first: the Samenvatting (five key figures,
three highlights, one story, what we learned, what we do next), the De cijfers groups with the
computed deelneming, the framing per opgave and the glossary.

Pure code over what model.py already computed: every number here is one of the report's own
figures, never a second computation.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, Field

from ground.dutch import count, number, percent
from reports.evidence import EffectEvidence
from reports.figures import ContractProgress, Counts
from reports.stories import EventStory, Story

SUMMARY_RULE = (
    "De samenvatting begint met wat het opleverde en wat het kostte (zie hieronder). Dan vijf "
    "kerncijfers in deze volgorde, voor zover ze er zijn: activiteiten (bijeenkomsten), "
    "deelnemers, leden, bezoekers in de bibliotheek en uitleningen; ontbreekt er een, dan "
    "volgen cursussen en beantwoorde vragen. Het verhaal is het eerste gekozen citaat van de "
    "opgave met de meeste deelnemers die een citaat heeft; daaronder staat wat er bijzonder "
    "was aan een bijeenkomst, het eerste van de opgave met de meeste deelnemers die er een "
    "heeft (verteld door de begeleider). Onder 'wat we volgend jaar doen' staat eerst het "
    "meten (als er effecten zijn die we nog nergens gemeten hebben), dan hoogstens twee "
    "afspraken per activiteit die we niet haalden, in de volgorde van de opgaven."
)

COUNCIL_RULE = (
    "Wat het opleverde: de drie beoogde effecten met het sterkste bewijs (sterk, dan redelijk, "
    "dan beperkt; bij gelijk bewijs het effect dat op de meeste mensen rust), met het aantal "
    "mensen waarop het bewijs rust: deelnemers die antwoord gaven en cursisten die aan het "
    "eind geteld zijn. Hoogtepunten: de activiteit achter het sterkste bewijs, de activiteit "
    "van het verhaal dat we kozen, en de activiteit die het meest groeide in deelnemers ten "
    "opzichte van het jaar ervoor (alleen als we met dat jaar vergelijken). Ontbreekt er een, "
    "dan vullen we aan met de activiteit met de meeste deelnemers van een opgave die nog geen "
    "hoogtepunt heeft."
)

# Evidence labels that say something was measured; "geen" (from the signals work on: "nog
# niet gemeten") is what we do not know yet, not a failure.
MEASURED = ("goed-onderbouwd", "aannemelijk", "eerste-aanwijzingen")
NOT_MEASURED = ("geen", "nog niet gemeten", "niet-gemeten")

GLOSSARY: tuple[tuple[str, str], ...] = (
    ("Bijeenkomst", "Eén keer dat een activiteit plaatsvond. Elke les van een cursus telt mee."),
    (
        "BoekStart",
        "Programma voor ouders en baby's (0-4 jaar): voorlezen vanaf de wieg, met een "
        "koffertje met boekjes.",
    ),
    (
        "dBos",
        "De Bibliotheek op school: de bibliotheek werkt met scholen aan lezen en "
        "mediawijsheid, met een collectie op school.",
    ),
    ("Deelneming", "Het aandeel inwoners dat lid is van de bibliotheek."),
    (
        "IDO",
        "Informatiepunt Digitale Overheid: hulp bij zaken met de overheid online, zoals DigiD.",
    ),
    ("Kengetal", "Een jaarcijfer van de bibliotheek, zoals leden, bezoekers of uitleningen."),
    (
        "LLO-pakket",
        "Pakket Leven Lang Ontwikkelen: het aantal activiteiten voor volwassenen dat de "
        "gemeente bij de bibliotheek afneemt.",
    ),
    (
        "Platformactiviteit",
        "Een activiteit van inwoners of organisaties waarvoor de bibliotheek de plek en hulp "
        "biedt, zoals een expositie.",
    ),
    (
        "Prestatieafspraak",
        "Wat gemeente en bibliotheek voor een jaar afspraken, bijvoorbeeld het aantal "
        "activiteiten.",
    ),
    ("Taalhuis", "Plek in de bibliotheek waar volwassenen hulp krijgen bij lezen en schrijven."),
    (
        "Verandertheorie",
        "Hoe we denken dat onze activiteiten iets veranderen voor inwoners: van activiteit naar "
        "beoogd effect.",
    ),
    (
        "Beoogd effect",
        "Wat een activiteit voor inwoners moet opleveren, zoals meer leesplezier.",
    ),
    (
        "Bewijs",
        "Goed onderbouwd, aannemelijk of eerste aanwijzingen: hoeveel onze gegevens zeggen over "
        "een effect. Geen van de drie bewijst dat de bibliotheek de oorzaak is. 'Nog niet "
        "gemeten' betekent dat we het nog niet weten, niet dat het er niet is.",
    ),
    (
        "Wsob",
        "Wet stelsel openbare bibliotheekvoorzieningen: de wet met de vijf taken "
        "(kernfuncties) van de bibliotheek.",
    ),
)


class KeyFigure(BaseModel):
    label: str
    value: float
    previous: float | None = None
    note: str = ""  # e.g. the agreed number, or the deelneming


class Highlight(BaseModel):
    opgave: str
    activity: str
    text: str
    why: str = ""  # which part of the rule chose it: Sterkste bewijs, Een verhaal, Groei, ...


class Headline(BaseModel):
    """One outcome for page 2 (reports.council): an effect, its level and the people it
    rests on."""

    effect: str
    name: str
    level: str
    people: int
    text: str  # the basis in words


class Summary(BaseModel):
    headlines: list[Headline] = Field(default_factory=list)  # what it made different
    figures: list[KeyFigure] = Field(default_factory=list)
    highlights: list[Highlight] = Field(default_factory=list)
    story: Story | None = None
    event: EventStory | None = None  # "Wat was bijzonder?", in the leader's words
    learned: list[str] = Field(default_factory=list)
    next_year: list[str] = Field(default_factory=list)


class CijferRow(BaseModel):
    id: str
    name: str
    value: float | None = None
    previous: float | None = None
    percent: bool = False  # a share (deelneming), shown as a percentage
    total: bool = False  # a total of the rows above it


class CijferGroup(BaseModel):
    name: str
    rows: list[CijferRow]


class Framing(BaseModel):
    """Per opgave: what we do not know yet and what we do next; neutral, never a verdict."""

    unknown: list[str] = Field(default_factory=list)  # short effect labels, not yet measured
    next_steps: list[str] = Field(default_factory=list)
    # The steps of next_steps that follow from an agreement not met (the summary's "Volgend
    # jaar" picks these); not in the JSON, where they are already in next_steps.
    agreement_steps: list[str] = Field(default_factory=list, exclude=True)


def deelneming(leden: float | None, inwoners: float | None) -> float | None:
    """Share of the inhabitants that is a member (the jaarbericht's 'Deelneming')."""
    if leden is None or not inwoners:
        return None
    return leden / inwoners


TOTAL_IDS = {"leden", "uitleningen", "uitleningen-online"}


def cijfer_groups(
    kengetallen: Sequence[tuple[str, str, str, float | None, float | None]],
) -> list[CijferGroup]:
    """(id, name, group, value, previous) in catalogue order -> groups of rows that have a value
    this year or last year; deelneming is added after inwoners when leden and inwoners are
    known."""
    values = {k[0]: (k[3], k[4]) for k in kengetallen}
    groups: dict[str, list[CijferRow]] = {}
    for kid, name, group, value, previous in kengetallen:
        if value is None and previous is None:
            continue
        rows = groups.setdefault(group, [])
        label = "Totaal leden" if kid == "leden" and len(rows) > 0 else name
        rows.append(CijferRow(id=kid, name=label, value=value, previous=previous))
        if kid == "leden" and len(rows) > 1:
            rows[-1].total = True
        if kid in ("uitleningen", "uitleningen-online") and len(rows) > 1:
            rows[-1].total = True
        if kid == "inwoners":
            leden, inwoners = values.get("leden", (None, None)), values.get("inwoners")
            assert inwoners is not None
            now = deelneming(leden[0], inwoners[0])
            before = deelneming(leden[1], inwoners[1])
            if now is not None or before is not None:
                rows.append(
                    CijferRow(
                        id="deelneming", name="Deelneming", value=now, previous=before, percent=True
                    )
                )
    return [CijferGroup(name=g, rows=rows) for g, rows in groups.items()]


def key_figures(
    total: Counts,
    previous: Counts,
    kengetallen: dict[str, tuple[float | None, float | None]],
    contract: ContractProgress | None,
    contract_lijnen: str,
) -> list[KeyFigure]:
    out: list[KeyFigure] = []
    note = ""
    if (
        contract is not None
        and contract.total is not None
        and contract.total.target
        and contract.total.comparable
    ):
        where = f" in {contract_lijnen}" if contract_lijnen else ""
        note = (
            f"afgesproken: {number(contract.total.target)}{where}, "
            f"gemeld: {number(contract.total.realised)}"
        )
    if not total.empty:
        out.append(
            KeyFigure(
                label=_word(
                    total.bijeenkomsten, "activiteit (bijeenkomst)", "activiteiten (bijeenkomsten)"
                ),
                value=total.bijeenkomsten,
                previous=previous.bijeenkomsten or None,
                note=note,
            )
        )
        out.append(
            KeyFigure(
                label=_word(total.deelnemers, "deelnemer", "deelnemers"),
                value=total.deelnemers,
                previous=previous.deelnemers or None,
            )
        )
    leden, inwoners = kengetallen.get("leden", (None, None)), kengetallen.get("inwoners")
    for kid, one, many in (
        ("leden", "lid", "leden"),
        ("bezoekers", "bezoeker in de bibliotheek", "bezoekers in de bibliotheek"),
        ("uitleningen", "uitlening (fysiek)", "uitleningen (fysiek)"),
    ):
        value, before = kengetallen.get(kid, (None, None))
        if value is None:
            continue
        extra = ""
        if kid == "leden" and inwoners is not None:
            share = deelneming(leden[0], inwoners[0])
            extra = f"{percent(share, 1)} van de inwoners" if share is not None else ""
        label = _word(value, one, many)
        out.append(KeyFigure(label=label, value=value, previous=before, note=extra))
    if total.reeksen:
        out.append(
            KeyFigure(
                label=_word(total.reeksen, "cursus", "cursussen"),
                value=total.reeksen,
                previous=previous.reeksen or None,
            )
        )
    if total.vragen:
        out.append(
            KeyFigure(
                label=_word(total.vragen, "vraag beantwoord", "vragen beantwoord"),
                value=total.vragen,
                previous=previous.vragen or None,
            )
        )
    return out[:5]


def _word(value: float, one: str, many: str) -> str:
    return one if value == 1 else many


def framing(
    effects: Sequence[EffectEvidence],
    short: dict[str, str],
    shortfalls: Sequence[tuple[str, int, int]],
    year: int,
) -> Framing:
    """`shortfalls`: (activity name, realised, target) for this opgave's activities that stayed
    under a per-activity agreement."""
    ran = [e for e in effects if e.active_activities and e.graded]
    unknown = [short.get(e.effect, e.name) for e in ran if e.label in NOT_MEASURED]
    steps: list[str] = []
    if unknown:
        steps.append(
            f"In {year + 1} vragen we begeleiders en deelnemers wat de activiteiten opleverden, "
            "zodat we ook "
            + ("over dit effect" if len(unknown) == 1 else f"over deze {len(unknown)} effecten")
            + " iets "
            "kunnen zeggen."
        )
    agreements = [
        f"{name}: {number(realised)} van de "
        f"{count(target, 'afgesproken bijeenkomst', 'afgesproken bijeenkomsten')}. We "
        f"bekijken met de vestigingen hoe we de afspraak in {year + 1} halen."
        for name, realised, target in shortfalls
    ]
    return Framing(unknown=unknown, next_steps=steps + agreements, agreement_steps=agreements)


def learned(
    effects: Sequence[EffectEvidence],
    quotes: int,
    contract: ContractProgress | None,
    with_count: bool = True,
) -> list[str]:
    ran = [e for e in effects if e.active_activities and e.graded]
    lines: list[str] = []
    if ran and with_count:
        measured = [e for e in ran if e.label in MEASURED]
        named = count(len(ran), "beoogd effect", "beoogde effecten")
        if not measured:
            lines.append(
                f"Onze activiteiten zijn gericht op {named}. Wat ze opleveren, hebben we dit "
                "jaar nog niet gemeten: daar beginnen we nu mee."
            )
        elif len(measured) < len(ran):
            lines.append(
                f"Van de {named} van wat we deden, hebben we er {number(len(measured))} al "
                f"gemeten; de andere {number(len(ran) - len(measured))} nog niet."
            )
        else:
            lines.append(f"We hebben alle {named} van wat we deden gemeten.")
    if quotes:
        lines.append(
            f"Deelnemers vertelden wat het hen opleverde: {count(quotes, 'citaat', 'citaten')} "
            "mogen we delen."
        )
    if contract is not None and contract.per_activity:
        met = sum(1 for t in contract.per_activity if not t.short)
        lines.append(
            f"Van {count(len(contract.per_activity), 'afspraak', 'afspraken')} per activiteit "
            f"{'is' if met == 1 else 'zijn'} er {number(met)} gehaald."
        )
    return lines


def platform_group(now: Counts, before: Counts) -> CijferGroup:
    return CijferGroup(
        name="Platformactiviteiten",
        rows=[
            CijferRow(
                id="platform-activiteiten",
                name="Aantal activiteiten",
                value=now.bijeenkomsten,
                previous=before.bijeenkomsten if not before.empty else None,
            ),
            CijferRow(
                id="platform-deelnemers",
                name="Aantal deelnemers",
                value=now.deelnemers,
                previous=before.deelnemers if not before.empty else None,
            ),
        ],
    )
