"""De cijfers: output per opgave, programmalijn, activity and vestiging, in SQL.

Every count is a GROUP BY over the aggregate tables of one year (and optionally one
gemeente): agg_month for the sessions' counts, agg_series_year for the courses that had a
lesson in the year (migration 11, kept by triggers). Only the small grouped result (activities
x vestigingen) comes into Python, where activities are mapped to their programmalijn and
opgave. No function here reads individual sessions, so the cost does not grow with them.

Definitions (PRODUCT.md):
- bijeenkomsten: every reported session; each lesson of a course is one.
- deelnemers: the sum of attendance over those sessions.
- reeksen: the number of distinct courses with at least one lesson in the year and scope.
- ingeschreven: the enrolment of those courses, summed once per course.
- vragen: the questions asked at spreekuren.
A course with lessons in two years counts as a course in both years.

Totals (`impactbot import totalen`, table `totals`: one row per activity, vestiging and month
or year, from the spreadsheets libraries kept before the bot) are added to the same groups:
their bijeenkomsten, deelnemers, kinderen, volwassenen and vragen to those of the sessions,
their cursussen to reeksen and their ingeschreven to ingeschreven. `Figures.totals` keeps
what came from totals per activity, so the evidence and the data-sufficiency parts know that
those bijeenkomsten have no per-session details (no observations, counts or quotes).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import sqlite_utils
from pydantic import BaseModel, Field

from toc.models import Catalogue


class Counts(BaseModel):
    bijeenkomsten: int = 0
    deelnemers: int = 0
    kinderen: int = 0
    volwassenen: int = 0
    reeksen: int = 0
    ingeschreven: int = 0
    vragen: int = 0

    def plus(self, other: Counts) -> Counts:
        return Counts(**{k: getattr(self, k) + getattr(other, k) for k in Counts.model_fields})

    def minus(self, other: Counts) -> Counts:
        return Counts(**{k: getattr(self, k) - getattr(other, k) for k in Counts.model_fields})

    @property
    def empty(self) -> bool:
        return self.bijeenkomsten == 0 and self.reeksen == 0


class Target(BaseModel):
    """One agreed number and how far the year got."""

    activity: str | None = None  # None: the total number of activities agreed
    target: int
    realised: int
    # False when the agreed number and the reported one are not in the same unit: a pakket
    # promises activiteiten, while every weekly session of a programmalijn is a bijeenkomst.
    # Then no share, no bar and no shortfall is printed (COMPARE_RULE).
    comparable: bool = True

    @property
    def share(self) -> float | None:
        return self.realised / self.target if self.target and self.comparable else None

    @property
    def short(self) -> bool:
        """Stayed under the agreement, in the agreement's own unit."""
        return self.comparable and self.realised < self.target


class ContractProgress(BaseModel):
    gemeenten: list[str] = Field(default_factory=list)  # gemeenten whose contract is included
    pakketten: list[str] = Field(default_factory=list)
    # The programmalijnen whose bijeenkomsten count towards `total`; empty: every programmalijn
    # (at least one contract names none).
    programmalijnen: list[str] = Field(default_factory=list)
    total: Target | None = None
    per_activity: list[Target] = Field(default_factory=list)


class Figures(BaseModel):
    year: int
    gemeente: str | None
    activities: dict[str, Counts] = Field(default_factory=dict)  # only activities with data
    programmalijnen: dict[str, Counts] = Field(default_factory=dict)
    opgaven: dict[str, Counts] = Field(default_factory=dict)
    vestigingen: dict[str, Counts] = Field(default_factory=dict)
    # opgave id -> vestiging id -> counts, for "output per vestiging" in each chapter
    opgave_vestigingen: dict[str, dict[str, Counts]] = Field(default_factory=dict)
    total: Counts = Field(default_factory=Counts)
    kengetallen: dict[str, float] = Field(default_factory=dict)
    # activity id -> the part of its counts that came from totals (no per-session details)
    totals: dict[str, Counts] = Field(default_factory=dict)

    def detailed_sessions(self, activity_id: str) -> int:
        """Bijeenkomsten reported one by one (so with possible observations and quotes)."""
        from_totals = self.totals.get(activity_id, Counts()).bijeenkomsten
        return self.activity(activity_id).bijeenkomsten - from_totals

    def activity(self, activity_id: str) -> Counts:
        return self.activities.get(activity_id, Counts())

    def programmalijn(self, programmalijn_id: str) -> Counts:
        return self.programmalijnen.get(programmalijn_id, Counts())

    def opgave(self, opgave_id: str) -> Counts:
        return self.opgaven.get(opgave_id, Counts())


def scope_sql(gemeente: str | None, column: str = "gemeente") -> tuple[str, list[object]]:
    """The extra WHERE clause for a gemeente; none for the whole organisation."""
    if gemeente is None:
        return "", []
    return f" AND {column} = ?", [gemeente]


def series_in_scope_sql(gemeente: str | None) -> tuple[str, list[object]]:
    """A subquery with the ids of courses that had a lesson in the year (bind year first)."""
    scope, params = scope_sql(gemeente)
    return f"SELECT series_id FROM agg_series_year WHERE year = ?{scope}", params


def months_reported(
    db: sqlite_utils.Database, year: int, gemeente: str | None, until_month: int | None = None
) -> int:
    """In how many of the year's months (up to `until_month`) something was reported; a
    year's total counts for all of them."""
    scope, params = scope_sql(gemeente)
    last = until_month or 12
    if db.execute(
        f"SELECT 1 FROM totals WHERE year = ? AND length(period) = 4{scope} LIMIT 1",
        [year, *params],
    ).fetchone():
        return last
    row = db.execute(
        "SELECT count(DISTINCT month) FROM (SELECT month FROM agg_month "
        f"WHERE year = ?{scope} AND month <= ? "
        "UNION SELECT CAST(substr(period, 6, 2) AS INTEGER) AS month FROM totals "
        f"WHERE year = ?{scope} AND length(period) = 7) WHERE month <= ?",
        [year, *params, last, year, *params, last],
    ).fetchone()
    return int(row[0]) if row else 0


_FIELDS = tuple(Counts.model_fields)  # bijeenkomsten, deelnemers, ..., vragen
_REEKSEN, _INGESCHREVEN = _FIELDS.index("reeksen"), _FIELDS.index("ingeschreven")


def _add(target: list[int], values: Sequence[int]) -> None:
    for i, value in enumerate(values):
        target[i] += value


def _counts(values: Sequence[int]) -> Counts:
    return Counts(**dict(zip(_FIELDS, values, strict=True)))


def _session_groups(
    db: sqlite_utils.Database, year: int, gemeente: str | None, until_month: int | None = None
) -> dict[tuple[str, str], list[int]]:
    """(activity, vestiging) -> the counts in _FIELDS order. Plain lists, not Counts: a whole
    organisation's year adds up a thousand groups five ways, and pydantic per addition is the
    larger part of the report's time (bench/report.py). `until_month`: only January up to
    and including that month (a year to date, or the same months of the year before)."""
    scope, params = scope_sql(gemeente)
    months, month_params = ("", []) if until_month is None else (" AND month <= ?", [until_month])
    groups: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0] * len(_FIELDS))
    for activity, vestiging, n, deelnemers, kinderen, volwassenen, vragen in db.execute(
        "SELECT activity, vestiging, sum(bijeenkomsten), sum(deelnemers), sum(kinderen), "
        f"sum(volwassenen), sum(vragen) FROM agg_month WHERE year = ?{scope}{months} "
        "GROUP BY activity, vestiging",
        [year, *params, *month_params],
    ).fetchall():
        _add(groups[(activity, vestiging)], (n, deelnemers, kinderen, volwassenen, 0, 0, vragen))
    if until_month is None:
        subquery, sub_params = series_in_scope_sql(gemeente)
        sub_params = [year, *sub_params]
    else:
        # courses with a lesson in those months: one year's sessions, read only for this
        subquery = (
            "SELECT series_id FROM sessions WHERE year = ? AND series_id IS NOT NULL "
            f"AND CAST(substr(date, 6, 2) AS INTEGER) <= ?{scope}"
        )
        sub_params = [year, until_month, *params]
    for activity, vestiging, n, enrolled in db.execute(
        "SELECT activity, vestiging, count(*), coalesce(sum(enrolled), 0) FROM series "
        f"WHERE id IN ({subquery}) GROUP BY activity, vestiging",
        sub_params,
    ).fetchall():
        row = groups[(activity, vestiging)]
        row[_REEKSEN] += n
        row[_INGESCHREVEN] += enrolled
    for key, totals in total_groups(db, year, gemeente, until_month).items():
        _add(groups[key], [getattr(totals, f) for f in _FIELDS])
    return groups


def total_groups(
    db: sqlite_utils.Database, year: int, gemeente: str | None, until_month: int | None = None
) -> dict[tuple[str, str], Counts]:
    """(activity, vestiging) -> the summed totals of the year and scope; with `until_month`
    only the monthly totals of those months (a year's total cannot be split)."""
    scope, params = scope_sql(gemeente)
    if until_month is not None:
        scope += " AND length(period) = 7 AND CAST(substr(period, 6, 2) AS INTEGER) <= ?"
        params = [*params, until_month]
    rows = db.execute(
        "SELECT activity, vestiging, sum(bijeenkomsten), sum(deelnemers), "
        "coalesce(sum(kinderen), 0), coalesce(sum(volwassenen), 0), coalesce(sum(vragen), 0), "
        "coalesce(sum(cursussen), 0), coalesce(sum(ingeschreven), 0) "
        f"FROM totals WHERE year = ?{scope} GROUP BY activity, vestiging",
        [year, *params],
    ).fetchall()
    return {
        (a, v): Counts(
            bijeenkomsten=n, deelnemers=d, kinderen=k, volwassenen=vw, vragen=vr, reeksen=c,
            ingeschreven=i,
        )
        for a, v, n, d, k, vw, vr, c, i in rows
    }  # fmt: skip


def _kengetallen(db: sqlite_utils.Database, year: int, gemeente: str | None) -> dict[str, float]:
    scope, params = scope_sql(gemeente)
    rows = db.execute(
        f"SELECT kengetal, sum(value) FROM kengetallen WHERE year = ?{scope} "
        "GROUP BY kengetal ORDER BY kengetal",
        [year, *params],
    ).fetchall()
    return {kengetal: float(value) for kengetal, value in rows}


def compute_figures(
    db: sqlite_utils.Database,
    catalogue: Catalogue,
    year: int,
    gemeente: str | None = None,
    until_month: int | None = None,
) -> Figures:
    """All output figures for one year; gemeente None means the whole organisation;
    `until_month` limits the sessions and totals to January up to that month."""
    groups = _session_groups(db, year, gemeente, until_month)
    from_totals: dict[str, Counts] = defaultdict(Counts)
    for (activity_id, _), totals in total_groups(db, year, gemeente, until_month).items():
        from_totals[activity_id] = from_totals[activity_id].plus(totals)

    def zeros() -> list[int]:
        return [0] * len(_FIELDS)

    activities: dict[str, list[int]] = defaultdict(zeros)
    programmalijnen: dict[str, list[int]] = defaultdict(zeros)
    opgaven: dict[str, list[int]] = defaultdict(zeros)
    vestigingen: dict[str, list[int]] = defaultdict(zeros)
    opgave_vestigingen: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(zeros))
    total = zeros()
    for (activity_id, vestiging), counts in sorted(groups.items()):
        _add(activities[activity_id], counts)
        _add(vestigingen[vestiging], counts)
        _add(total, counts)
        activity = catalogue.activities.get(activity_id)
        if activity is None or activity.programmalijn not in catalogue.programmalijnen:
            continue  # an activity since removed from the catalogue: counted in the total only
        lijn = activity.programmalijn
        opgave = catalogue.programmalijnen[lijn].opgave
        _add(programmalijnen[lijn], counts)
        _add(opgaven[opgave], counts)
        _add(opgave_vestigingen[opgave][vestiging], counts)

    def as_counts(groups: dict[str, list[int]]) -> dict[str, Counts]:
        return {k: _counts(v) for k, v in groups.items()}

    return Figures(
        year=year,
        gemeente=gemeente,
        activities=as_counts(activities),
        programmalijnen=as_counts(programmalijnen),
        opgaven=as_counts(opgaven),
        vestigingen=as_counts(vestigingen),
        opgave_vestigingen={k: as_counts(v) for k, v in opgave_vestigingen.items()},
        total=_counts(total),
        kengetallen=_kengetallen(db, year, gemeente),
        totals=dict(from_totals),
    )


def contract_progress(
    db: sqlite_utils.Database, catalogue: Catalogue, year: int, gemeente: str | None = None
) -> ContractProgress | None:
    """Progress against the prestatieafspraken; None when nothing is agreed for the scope.

    The agreed number of activities is compared with the reported bijeenkomsten in that
    gemeente of the programmalijnen the contract names (all, if it names none); a per-activity
    target with that activity's bijeenkomsten there. For the whole organisation every
    gemeente's contract is compared with that gemeente's own sessions, then summed, so
    activity in a gemeente without a contract does not fill another's.
    """
    contracts = [
        c
        for c in catalogue.contracts
        if c.year == year and (gemeente is None or c.gemeente == gemeente) and not c.example
    ]
    if not contracts:
        return None
    scope, params = scope_sql(gemeente)
    done: dict[tuple[str, str], int] = defaultdict(int)
    for g, a, n in db.execute(
        f"SELECT gemeente, activity, sum(bijeenkomsten) FROM agg_month WHERE year = ?{scope} "
        "GROUP BY gemeente, activity UNION ALL "
        f"SELECT gemeente, activity, sum(bijeenkomsten) FROM totals WHERE year = ?{scope} "
        "GROUP BY gemeente, activity",
        [year, *params, year, *params],
    ).fetchall():
        done[(g, a)] += n
    total_target = total_done = 0
    has_total = False
    comparable = True
    targets: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for c in contracts:
        if c.activities_per_year is not None:
            has_total = True
            total_target += c.activities_per_year
            # In its own unit only: the sessions of the pakketten's activities, each one of
            # the activiteiten a pakket promises. Without pakketten the agreed activiteiten
            # cannot be told apart from the programmalijn's other sessions.
            pakket_activities = {
                a
                for p in c.pakket_ids
                if p in catalogue.pakketten
                for a in catalogue.pakketten[p].activities
            }
            if not pakket_activities:
                comparable = False
            total_done += sum(
                n
                for (g, a), n in done.items()
                if g == c.gemeente
                and (
                    a in pakket_activities
                    if pakket_activities
                    else catalogue.counts_for_contract(c, a)
                )
            )
        for activity_id, n in c.per_activity.items():
            targets[activity_id][0] += n
            targets[activity_id][1] += done.get((c.gemeente, activity_id), 0)
    return ContractProgress(
        gemeenten=sorted({c.gemeente for c in contracts}),
        pakketten=sorted({c.pakket for c in contracts if c.pakket}),
        programmalijnen=(
            []
            if any(not c.programmalijnen for c in contracts if c.activities_per_year is not None)
            else sorted({p for c in contracts for p in c.programmalijnen})
        ),
        total=(
            Target(target=total_target, realised=total_done, comparable=comparable)
            if has_total
            else None
        ),
        per_activity=[
            Target(activity=a, target=t, realised=r) for a, (t, r) in sorted(targets.items())
        ],
    )
