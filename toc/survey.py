"""Which statements the participants of an activity are asked, and the checks on them.

The catalogue's `[[stelling]]` blocks tie a short sentence to one effect and one of the four
Project Outcome dimensions (kennis: iets nieuws geleerd, vertrouwen: meer zelfvertrouwen,
toepassing: ga het gebruiken, bewustzijn: weet nu wat de bibliotheek biedt). A `[[vragenlijst]]`
per activity says who answers (`wie = "ouder"` for young children: a parent answers about the
child, "Mijn kind ...") and, optionally, which effects to pick from.

For a session, one statement per dimension is chosen, in the dimensions' order: the first of
the activity's effects that has a statement for that dimension (and for that respondent). So
an activity gets at most four statements, and none when its effects have none: then the
participants are not asked.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from toc.models import DIMENSIONS, Catalogue, Respondent, Statement, SurveyPlan

# A statement is read on a phone, one at a time: one short B1 sentence.
MAX_STATEMENT = 90
# PLA Project Outcome's follow-up asks about using what was learned.
FOLLOW_UP_DIMENSION = "toepassing"

_Item = TypeVar("_Item")


@dataclass(frozen=True)
class Chosen:
    """A statement as asked at one session (stored with the survey, so later catalogue edits
    do not change what an earlier answer meant)."""

    effect: str
    dimension: str
    text: str

    def as_json(self) -> dict[str, str]:
        return {"effect": self.effect, "dimension": self.dimension, "text": self.text}


def respondent(catalogue: Catalogue, activity_id: str) -> Respondent:
    plan = catalogue.survey_plans.get(activity_id)
    return plan.respondent if plan is not None else "deelnemer"


def choose_statements(catalogue: Catalogue, activity_id: str) -> list[Chosen]:
    """The 0-4 statements the participants of this activity are asked, in dimension order."""
    activity = catalogue.activities.get(activity_id)
    if activity is None:
        return []
    plan = catalogue.survey_plans.get(activity_id)
    who = plan.respondent if plan is not None else "deelnemer"
    effects = (plan.effects if plan is not None and plan.effects else None) or activity.effects
    chosen: list[Chosen] = []
    for dimension in DIMENSIONS:
        for effect in effects:
            text = _text(catalogue.statements, effect, dimension, who)
            if text is not None:
                chosen.append(Chosen(effect, dimension, text))
                break
    return chosen


def _text(statements: list[Statement], effect: str, dimension: str, who: Respondent) -> str | None:
    for statement in statements:
        if statement.effect == effect and statement.dimension == dimension:
            return statement.for_respondent(who)
    return None


def survey_label(section: str, index: int, raw: dict[str, Any]) -> str:
    """How the loader names a block in its messages."""
    if section == "stelling":
        return f"stelling {index} ({raw.get('effect', '?')}, {raw.get('dimensie', '?')})"
    return f"vragenlijst {index} ({raw.get('activiteit', '?')})"


def check_statements(
    statements: Iterable[tuple[_Item, Statement]],
    plans: Iterable[tuple[_Item, SurveyPlan]],
    effects: set[str],
    activities: set[str],
    impact: Collection[str] = (),
) -> list[tuple[_Item, str, str]]:
    """Problems as (item, Dutch key, plain Dutch text); the loader adds file and line.
    `impact` holds the effects at the level of maatschappelijke impact: no statement a
    participant rates after one session can measure those."""
    problems: list[tuple[_Item, str, str]] = []
    seen: set[tuple[str, str]] = set()
    for item, statement in statements:
        if statement.effect not in effects:
            problems.append((item, "effect", f"het effect '{statement.effect}' bestaat niet"))
        if statement.effect in impact:
            text = (
                f"het effect '{statement.effect}' is maatschappelijke impact; dat meet een "
                "stelling na één bijeenkomst niet"
            )
            problems.append((item, "effect", text))
        key = (statement.effect, statement.dimension)
        if key in seen:
            text = "er is al een stelling voor dit effect en deze dimensie; houd er één"
            problems.append((item, "dimensie", text))
        seen.add(key)
        if not (statement.text or "").strip() and not (statement.parent or "").strip():
            text = "vul 'tekst' in (een deelnemer zegt het) of 'ouder' (een ouder over het kind)"
            problems.append((item, "tekst", text))
        for key_name, value in (("tekst", statement.text), ("ouder", statement.parent)):
            if value is not None and len(value) > MAX_STATEMENT:
                text = f"te lang ({len(value)} tekens); houd een stelling onder {MAX_STATEMENT}"
                problems.append((item, key_name, text))
    planned: set[str] = set()
    for item, plan in plans:
        if plan.activity not in activities:
            problems.append((item, "activiteit", f"de activiteit '{plan.activity}' bestaat niet"))
        if plan.activity in planned:
            text = "er is al een vragenlijst voor deze activiteit; houd er één"
            problems.append((item, "activiteit", text))
        planned.add(plan.activity)
        for effect in plan.effects:
            if effect not in effects:
                problems.append((item, "effecten", f"het effect '{effect}' bestaat niet"))
    return problems


def ask_plan(catalogue: Catalogue, activity_id: str) -> int | None:
    """The catalogue's "1 op de N" for this activity's participants, or None (leaders choose)."""
    plan = catalogue.survey_plans.get(activity_id)
    return plan.ask_one_in if plan is not None else None


def drawn(one_in: int, lot: float) -> bool:
    """Whether a session with plan "1 op de `one_in`" asks, for a lot in [0, 1)."""
    return lot * one_in < 1
