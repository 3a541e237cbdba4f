"""The drafts of one demo year: where (vestigingen), when (rooster, rhythm, holidays) and how
many, per plan and course of demo.plans, deterministic for a seed. demo.data stores them.
"""

from __future__ import annotations

import calendar
import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from demo import plans as p
from demo.notes import DemoNote
from demo.quotes import DemoQuote
from store.sessions import MeasurementIn
from toc.models import Activity, Catalogue


@dataclass
class _Draft:
    """A session being put together, before quotes are attached."""

    date: date
    activity: str
    vestiging: str
    counts: dict[str, int]
    effects: list[str] = field(default_factory=list)
    signals: list[str] = field(default_factory=list)
    series_name: str | None = None
    enrolled: int | None = None
    lesson: int | None = None
    last_lesson: bool = False
    measurements: list[MeasurementIn] = field(default_factory=list)
    quotes: list[DemoQuote] = field(default_factory=list)
    notes: list[DemoNote] = field(default_factory=list)


class _Year:
    """Generates the drafts of one year."""

    def __init__(self, catalogue: Catalogue, year: int, seed: int, previous: bool) -> None:
        self.c = catalogue
        self.year = year
        self.seed = seed
        self.previous = previous
        self.scale = p.PREVIOUS_YEAR_SCALE if previous else 1.0
        self.drafts: list[_Draft] = []

    def rng(self, *parts: object) -> random.Random:
        # A string seed is hashed with SHA-512: the same on every run and machine.
        return random.Random(":".join(str(x) for x in (self.seed, self.year, *parts)))

    # --- where --------------------------------------------------------------------------

    def places(self, activity: str, gemeente: str, where: p.Where, share: float) -> list[str]:
        fixed = (p.PREVIOUS_YEAR_PLACES if self.previous else {}).get(activity, {})
        fixed = fixed or p.PLACES.get(activity, {})
        if gemeente in fixed:
            return [v for v in fixed[gemeente] if v in self.c.vestigingen]
        if self.rng("share", activity, gemeente).random() >= share:
            return []
        vestigingen = self.c.vestigingen_in(gemeente)
        libraries = [v.id for v in vestigingen if v.type == "vestiging"] or [
            v.id for v in vestigingen
        ]
        if where == "every-with-servicepunt":
            return [v.id for v in vestigingen]
        if where == "every" or where == "random":
            return libraries
        return libraries[:1]

    def _measurable(self, effect: str) -> bool:
        known = self.c.effects.get(effect)
        return known is not None and known.measurable

    def size(self, gemeente: str) -> float:
        return p.INHABITANTS.get(gemeente, p.DEFAULT_INHABITANTS) / 25_000

    # --- when ---------------------------------------------------------------------------

    def months(self, plan_months: tuple[int, ...], activity: str) -> tuple[int, ...]:
        if self.previous and activity in p.PREVIOUS_YEAR_MONTHS:
            return p.PREVIOUS_YEAR_MONTHS[activity]
        return plan_months

    def dates(self, plan: p.Plan, vestiging: str, n: int) -> list[date]:
        rng = self.rng("dates", plan.activity, vestiging)
        months = self.months(plan.months, plan.activity)
        rooster = [
            s for s in self.c.schedules if s.activity == plan.activity and s.vestiging == vestiging
        ]
        if rooster:
            # Planned sessions happen on their rooster days; now and then one goes unreported,
            # so /gaten has something true to show.
            planned = rooster[0].dates(date(self.year, 1, 1), date(self.year, 12, 31))
            return [d for d in planned if rng.random() > 0.04]
        weekday = rng.randrange(5)
        if plan.rhythm == "monthly":
            nth = rng.randrange(4)
            return [p.nth_weekday(self.year, m, weekday, nth) for m in months]
        if plan.rhythm in ("weekly", "biweekly"):
            day = date(self.year, 1, 1) + timedelta(
                days=(weekday - date(self.year, 1, 1).weekday()) % 7
            )
            step = 7 if plan.rhythm == "weekly" else 14
            out = []
            while day.year == self.year:
                if day.month in months and not p.is_holiday(day) and rng.random() > 0.06:
                    out.append(day)
                day += timedelta(days=step)
            return out
        out = []
        for _ in range(n):
            month = rng.choice(months)
            out.append(
                p.on_weekday(
                    date(self.year, month, rng.randint(1, calendar.monthrange(self.year, month)[1]))
                )
            )
        return sorted(out)

    # --- how many -----------------------------------------------------------------------

    def counts(
        self,
        activity: Activity,
        people: tuple[int, int],
        adults: tuple[float, float],
        rng: random.Random,
    ) -> dict[str, int]:
        lo, hi = people
        n = max(1, round(rng.randint(lo, hi) * self.scale))
        if activity.kind == "spreekuur":
            return {"deelnemers": n, "vragen": n + rng.randint(0, n)}
        if "kinderen" in activity.indicators and "volwassenen" in activity.indicators:
            return {"kinderen": n, "volwassenen": round(n * rng.uniform(*adults))}
        if "kinderen" in activity.indicators:
            return {"kinderen": n}
        if "volwassenen" in activity.indicators:
            return {"volwassenen": n}
        return {"deelnemers": n}

    def observed(self, activity: Activity, chance: float, rng: random.Random) -> list[str]:
        """Effects ticked as such: the year before, when leaders still ticked effect sentences."""
        if not activity.effects or rng.random() >= chance:
            return []
        plain = [e for e in activity.effects if not self._measurable(e)] or list(activity.effects)
        return sorted(rng.sample(plain, min(len(plain), rng.choice((1, 1, 2)))))

    def seen(self, activity: Activity, chance: float, rng: random.Random) -> list[str]:
        """Signals a leader ticked; the earlier signals of an activity are seen more often."""
        choices = [s.id for s, _effect in self.c.signals_for(activity.id)]
        if not choices or rng.random() >= chance * 1.4:
            return []
        k = min(len(choices), rng.choice((1, 1, 2, 2, 3)))
        return sorted(set(rng.choices(choices, weights=range(len(choices) + 1, 1, -1), k=k)))

    def tick(self, draft: _Draft, activity: Activity, chance: float, rng: random.Random) -> None:
        """What the leader ticked: effects in the previous year's form, signals in this one."""
        if self.previous:
            draft.effects = self.observed(activity, chance, rng)
        else:
            draft.signals = self.seen(activity, chance, rng)

    # --- the year -----------------------------------------------------------------------

    def generate(self) -> list[_Draft]:
        for gemeente in self.c.gemeenten:
            for plan in p.PLANS:
                if plan.activity in self.c.activities:
                    self.sessions(plan, gemeente)
            for course in p.COURSES:
                if course.activity in self.c.activities:
                    self.courses(course, gemeente)
        self.drafts.sort(key=lambda d: (d.date, d.vestiging, d.activity, d.lesson or 0))
        return self.drafts

    def sessions(self, plan: p.Plan, gemeente: str) -> None:
        activity = self.c.activities[plan.activity]
        places = self.places(plan.activity, gemeente, plan.where, plan.share)
        if not places:
            return
        rng = self.rng("sessions", plan.activity, gemeente)
        n = 0
        if plan.rhythm == "count":
            lo, hi = plan.count
            n = p.FIXED_COUNT.get((plan.activity, gemeente)) or max(
                1, round(rng.randint(lo, hi) * self.size(gemeente) * self.scale)
            )
        if plan.rhythm == "count":  # n sessions spread over the places
            places = rng.sample(places, len(places))
            targets = [places[i % len(places)] for i in range(n)]
        else:  # the rhythm applies in every place
            targets = places
        per_place: dict[str, int] = {}
        for v in targets:
            per_place[v] = per_place.get(v, 0) + 1
        for vestiging, k in per_place.items():
            for day in self.dates(plan, vestiging, k if plan.rhythm == "count" else 0):
                draft = _Draft(
                    day,
                    plan.activity,
                    vestiging,
                    self.counts(activity, plan.people, plan.adults, rng),
                )
                self.tick(draft, activity, plan.observed, rng)
                self.drafts.append(draft)

    def courses(self, course: p.CoursePlan, gemeente: str) -> None:
        activity = self.c.activities[course.activity]
        rng = self.rng("courses", course.activity, gemeente)
        places = self.places(course.activity, gemeente, "every", 1.0)
        if not places:
            return
        n = p.FIXED_COURSES.get((course.activity, gemeente))
        if n is None:
            n = round(rng.randint(*course.courses) * min(1.5, self.size(gemeente)) * self.scale)
        measurable = [e for e in activity.effects if self._measurable(e)]
        names: set[tuple[str, str]] = set()
        for i in range(n):
            vestiging = places[i % len(places)]
            start_month = rng.choice((1, 2, 3, 9, 10))
            start = p.nth_weekday(self.year, start_month, rng.randrange(5), rng.randrange(2))
            season = "voorjaar" if start_month < 7 else "najaar"
            name = f"{activity.name} {season} {self.year}"
            group = 1
            while (vestiging, name if group == 1 else f"{name} groep {group}") in names:
                group += 1
            name = name if group == 1 else f"{name} groep {group}"
            names.add((vestiging, name))
            enrolled = rng.randint(*course.enrolled)
            for lesson in range(1, course.lessons + 1):
                present = max(1, enrolled - rng.choice((0, 0, 0, 1, 1, 2)))
                draft = _Draft(
                    start + timedelta(weeks=lesson - 1),
                    course.activity,
                    vestiging,
                    {"deelnemers": present},
                    series_name=name,
                    enrolled=enrolled,
                    lesson=lesson,
                    last_lesson=lesson == course.lessons,
                )
                if lesson == 1:
                    draft.measurements = [
                        MeasurementIn(
                            effect=e,
                            moment="voor",
                            measured=present,
                            able=round(present * rng.uniform(0.0, 0.35)),
                        )
                        for e in measurable
                    ]
                elif draft.last_lesson:
                    draft.measurements = [
                        MeasurementIn(
                            effect=e,
                            moment="na",
                            measured=present,
                            able=round(present * rng.uniform(0.55, 0.95)),
                        )
                        for e in measurable
                    ]
                    self.tick(draft, activity, 0.6, rng)
                self.drafts.append(draft)
