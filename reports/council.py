"""Page 2: what a council asks first. Did it make a difference for residents (three outcome
headlines from the evidence, each with its number of people and its level), what did it cost
(reports.money), and the hoogtepunten by COUNCIL_RULE (reports.summary): the strongest
evidence, a story, growth.

The evidence is read through one small function, `evidence_view`, so a change in
reports.evidence (its object is being rebuilt) is adapted here, once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from pydantic import BaseModel

from ground.dutch import count, number
from reports.evidence import EffectEvidence
from reports.parts import ActivityRow, Chapter
from reports.stories import EventStory, Story
from reports.summary import MEASURED, NOT_MEASURED, Headline, Highlight

_RANK = {label: i for i, label in enumerate((*MEASURED, *NOT_MEASURED))}


class EffectView(BaseModel):
    """What page 2 needs of one effect's evidence."""

    effect: str
    name: str
    label: str  # sterk / redelijk / beperkt / niet-gemeten
    level: str  # the label in words
    people: int  # respondents plus cursisten counted at the last lesson
    sessions: int
    observed: int
    activities: list[str]  # activities that ran and aim at it


def evidence_view(e: EffectEvidence) -> EffectView:
    """The one place that reads reports.evidence for page 2."""
    return EffectView(
        effect=e.effect,
        name=e.name,
        label=e.label,
        level=e.oordeel,
        people=e.respondents + e.measured_after,
        sessions=e.sessions,
        observed=e.observed,
        activities=list(e.active_activities),
    )


def best_per_effect(chapters: Sequence[Chapter]) -> list[EffectEvidence]:
    """Each effect that activities aimed at this year, once, with its best label over the
    chapters: measured in one opgave is measured (the chapters say per opgave what is not)."""
    best: dict[str, EffectEvidence] = {}
    for c in chapters:
        for e in c.effects:
            if not e.active_activities:
                continue
            if e.effect not in best or _RANK.get(e.label, 99) < _RANK.get(best[e.effect].label, 99):
                best[e.effect] = e
    return list(best.values())


def _strongest(effects: Iterable[EffectEvidence]) -> list[EffectView]:
    views = [evidence_view(e) for e in effects if e.active_activities]
    measured = [v for v in views if v.label in MEASURED]
    return sorted(measured, key=lambda v: (_RANK.get(v.label, 99), -v.people, -v.observed))


def headlines(effects: Iterable[EffectEvidence], labels: dict[str, str]) -> list[Headline]:
    """COUNCIL_RULE: the three effects with the strongest evidence. `effects`: each effect once
    with its best evidence over the chapters (best_per_effect), so page 2 repeats a chapter's
    own figures. `labels`: effect id -> its short name."""
    out: list[Headline] = []
    for v in _strongest(effects)[:3]:
        if v.people:
            basis = "bij " + count(v.people, "persoon", "mensen")
        else:
            sessions = count(v.sessions, "bijeenkomst", "bijeenkomsten")
            basis = f"gezien bij {number(v.observed)} van de {sessions}"
        out.append(
            Headline(
                effect=v.effect,
                name=labels.get(v.effect, v.name),
                level=v.level,
                people=v.people,
                text=basis,
            )
        )
    return out


def _rows(chapters: Sequence[Chapter]) -> dict[str, tuple[ActivityRow, Chapter]]:
    return {a.id: (a, c) for c in chapters for lijn in c.lijnen for a in lijn.activities}


def highlights(
    chapters: Sequence[Chapter],
    effects: Iterable[EffectEvidence],
    story: Story | None,
    event: EventStory | None,
    compare: bool,
    labels: dict[str, str],
) -> list[Highlight]:
    """COUNCIL_RULE: strongest evidence, a story, growth; then the busiest opgave's busiest."""
    rows = _rows(chapters)
    out: list[Highlight] = []
    used: set[str] = set()

    def add(activity: str, why: str, text: str) -> None:
        if activity in used or activity not in rows:
            return
        row, chapter = rows[activity]
        used.add(activity)
        out.append(Highlight(opgave=chapter.name, activity=row.name, why=why, text=text))

    strongest = _strongest(effects)
    if strongest:
        v = strongest[0]
        ran = [rows[a][0] for a in v.activities if a in rows]
        if ran:
            best = max(ran, key=lambda a: a.counts.deelnemers)
            short = labels.get(v.effect, v.name)
            add(best.id, "Sterkste bewijs", f"{short}: bewijs {v.level}; {_did(best)}.")
    told = story.quote.activity if story else (event.activity if event else None)
    if told:
        add(told, "Een verhaal", _did(rows[told][0]) + "." if told in rows else "")
    if compare:
        grown = [
            a
            for a, _ in rows.values()
            if not a.previous.empty
            and a.counts.deelnemers > a.previous.deelnemers
            and a.id not in used
        ]
        if grown:
            best = max(grown, key=lambda a: a.counts.deelnemers - a.previous.deelnemers)
            more = best.counts.deelnemers - best.previous.deelnemers
            add(
                best.id,
                "Groei",
                f"{count(more, 'deelnemer', 'deelnemers')} meer dan het jaar ervoor; {_did(best)}.",
            )
    for c in sorted(chapters, key=lambda c: -c.counts.deelnemers):
        if len(out) >= 3:
            break
        if any(h.opgave == c.name for h in out):
            continue
        ran = [a for lijn in c.lijnen for a in lijn.activities if not a.counts.empty]
        if ran:
            best = max(ran, key=lambda a: (a.counts.deelnemers, a.counts.bijeenkomsten))
            add(best.id, "Meeste deelnemers", _did(best) + ".")
    return out[:3]


def _did(a: ActivityRow) -> str:
    return (
        f"{count(a.counts.bijeenkomsten, 'bijeenkomst', 'bijeenkomsten')} met "
        f"{count(a.counts.deelnemers, 'deelnemer', 'deelnemers')}"
    )


def first_event(chapters: Sequence[Chapter]) -> EventStory | None:
    with_event = [c for c in chapters if c.events]
    if not with_event:
        return None
    return max(with_event, key=lambda c: c.counts.deelnemers).events[0]


def first_story(chapters: Sequence[Chapter]) -> Story | None:
    with_story = [c for c in chapters if c.stories]
    if not with_story:
        return None
    return max(with_story, key=lambda c: c.counts.deelnemers).stories[0]
