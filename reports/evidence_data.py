"""The SQL behind the evidence: per (activity, effect) for one year and scope.

Everything is grouped by activity, so any set of activities (one opgave's, or all) can be
summed afterwards without another query. Only counts leave the database here, never a
participant's answer on its own, and quotes only through the publishable list.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field

import sqlite_utils

from reports.figures import Figures, scope_sql, series_in_scope_sql
from reports.thresholds import MAX_MEASURED_CHANGE
from toc.models import Catalogue

ActivityEffect = tuple[str, str]  # (activity id, effect id)


@dataclass
class EvidenceData:
    """The SQL results, per activity and effect, from which any set of activities is summed."""

    # sessions with a signal of the effect, or (older reports) the effect itself, ticked
    observed: dict[ActivityEffect, int] = field(default_factory=dict)
    # sessions per signal id, per (activity, effect the signal pointed to when it was seen)
    signals_seen: dict[ActivityEffect, dict[str, int]] = field(default_factory=dict)
    # comparable courses: (courses, able voor, measured voor, able na, measured na)
    measured: dict[ActivityEffect, tuple[int, ...]] = field(default_factory=dict)
    incomparable: dict[ActivityEffect, int] = field(default_factory=dict)
    only_before: dict[ActivityEffect, int] = field(default_factory=dict)
    # participants right after: (answers, respondents, respondents in a tally)
    answers: dict[ActivityEffect, tuple[int, ...]] = field(default_factory=dict)
    # per statement kind: (respondents, agreeing); one answer per person per statement
    per_kind: dict[ActivityEffect, dict[str, tuple[int, int]]] = field(default_factory=dict)
    # sessions where participants were asked about the effect: (sessions, attendance,
    # sessions drawn by lot, sessions asked without the lot's pick, those who could answer:
    # the adults where a parent answers for a young child)
    asked: dict[ActivityEffect, tuple[int, ...]] = field(default_factory=dict)
    # the follow-up: (invited, respondents, agreeing)
    followup: dict[ActivityEffect, tuple[int, ...]] = field(default_factory=dict)
    # vestigingen with participants' answers (right after or later) or a before/after count
    locations: dict[ActivityEffect, set[str]] = field(default_factory=dict)
    # sessions the lot picked, per activity (asked or not)
    drawn: dict[str, int] = field(default_factory=dict)
    quotes: dict[ActivityEffect, int] = field(default_factory=dict)  # publishable quotes
    # publishable quotes per (activity, effect), best first: (text, van)
    quote_examples: dict[ActivityEffect, list[tuple[str, str]]] = field(default_factory=dict)


def collect_evidence(
    db: sqlite_utils.Database,
    figures: Figures,
    quote_counts: dict[ActivityEffect, int],
    quote_examples: dict[ActivityEffect, list[tuple[str, str]]] | None = None,
    parents: Collection[str] = (),
) -> EvidenceData:
    """Signals, participants' answers and before/after counts per (activity, effect) for the
    year and scope; `quote_counts` holds the publishable quotes per (activity, effect);
    `parents` the activities where a parent answers (their response counts the adults)."""
    year, gemeente = figures.year, figures.gemeente
    scope, params = scope_sql(gemeente, "s.gemeente")
    data = EvidenceData(quotes=dict(quote_counts), quote_examples=dict(quote_examples or {}))
    _collect_signals(db, data, scope, [year, *params])
    _collect_answers(db, data, scope, [year, *params], sorted(parents))
    subquery, sub_params = series_in_scope_sql(gemeente)
    comparable = f"abs(n.measured - v.measured) * 100 <= {MAX_MEASURED_CHANGE} * v.measured"
    for activity, effect, courses, able_v, n_v, able_n, n_n, other in db.execute(
        f"SELECT se.activity, v.effect, sum({comparable}), "
        f"sum(CASE WHEN {comparable} THEN v.able ELSE 0 END), "
        f"sum(CASE WHEN {comparable} THEN v.measured ELSE 0 END), "
        f"sum(CASE WHEN {comparable} THEN n.able ELSE 0 END), "
        f"sum(CASE WHEN {comparable} THEN n.measured ELSE 0 END), "
        f"sum(NOT ({comparable})) "
        "FROM measurements v JOIN measurements n ON n.series_id = v.series_id "
        "AND n.effect = v.effect AND n.moment = 'na' JOIN series se ON se.id = v.series_id "
        f"WHERE v.moment = 'voor' AND v.series_id IN ({subquery}) "
        "GROUP BY se.activity, v.effect",
        [year, *sub_params],
    ).fetchall():
        if courses:
            data.measured[(activity, effect)] = (courses, able_v, n_v, able_n, n_n)
        if other:
            data.incomparable[(activity, effect)] = other
    for activity, effect, vestiging in db.execute(
        "SELECT DISTINCT se.activity, v.effect, se.vestiging FROM measurements v "
        "JOIN measurements n ON n.series_id = v.series_id AND n.effect = v.effect "
        "AND n.moment = 'na' JOIN series se ON se.id = v.series_id "
        f"WHERE v.moment = 'voor' AND v.series_id IN ({subquery})",
        [year, *sub_params],
    ).fetchall():
        data.locations.setdefault((activity, effect), set()).add(vestiging)
    for activity, effect, n in db.execute(
        "SELECT se.activity, v.effect, count(*) FROM measurements v "
        "JOIN series se ON se.id = v.series_id "
        f"WHERE v.moment = 'voor' AND v.series_id IN ({subquery}) AND NOT EXISTS ("
        "SELECT 1 FROM measurements n WHERE n.series_id = v.series_id "
        "AND n.effect = v.effect AND n.moment = 'na') GROUP BY se.activity, v.effect",
        [year, *sub_params],
    ).fetchall():
        data.only_before[(activity, effect)] = n
    return data


def _collect_signals(
    db: sqlite_utils.Database, data: EvidenceData, scope: str, params: list[object]
) -> None:
    # A session counts once per effect, whether a leader ticked one signal, two, or (in a
    # report from before signals) the effect's sentence: agg_effect keeps exactly that count
    # per year, gemeente, vestiging and activity (migration 11), agg_signal each signal's.
    scope = scope.replace("s.", "")
    for activity, effect, n in db.execute(
        f"SELECT activity, effect, sum(sessions) FROM agg_effect WHERE year = ?{scope} "
        "GROUP BY activity, effect",
        params,
    ).fetchall():
        data.observed[(activity, effect)] = n
    for activity, effect, signal, n in db.execute(
        f"SELECT activity, effect, signal, sum(n) FROM agg_signal WHERE year = ?{scope} "
        "GROUP BY activity, effect, signal",
        params,
    ).fetchall():
        data.signals_seen.setdefault((activity, effect), {})[signal] = n


def _collect_answers(
    db: sqlite_utils.Database,
    data: EvidenceData,
    scope: str,
    params: list[object],
    parents: Collection[str] = (),
) -> None:
    # CROSS JOIN: start from the answers and surveys (none, or far fewer than sessions), never
    # from the year's sessions. Their cost grows with the answers of all years; should those
    # reach the millions, they need an aggregate of their own, like agg_effect.
    #
    # People, not answers: a submission (Telegram or web) rates every statement of its
    # survey once, and a tally counts one person once per statement, so per session the
    # answers to one statement are its respondents, and the respondents about an effect are
    # the most answers to one of its statements (two statements are the same people twice).
    per_session = (
        "SELECT session_id, effect, dimension, moment, count(*) AS n, sum(agrees) AS k, "
        "sum(source = 'telling') AS t FROM survey_answers "
        "GROUP BY session_id, effect, dimension, moment"
    )
    rows = db.execute(
        "SELECT s.id, s.activity, s.vestiging, a.effect, a.dimension, a.moment, a.n, a.k, a.t "
        f"FROM ({per_session}) a CROSS JOIN sessions s ON s.id = a.session_id "
        f"WHERE s.year = ?{scope}",
        params,
    ).fetchall()
    people: dict[tuple[int, str, str], tuple[int, int]] = {}  # (session, effect, moment)
    for session_id, activity, vestiging, effect, dimension, moment, n, k, tallied in rows:
        key = (activity, effect)
        data.locations.setdefault(key, set()).add(vestiging)
        if moment == "direct":
            kinds = data.per_kind.setdefault(key, {})
            old = kinds.get(dimension, (0, 0))
            kinds[dimension] = (old[0] + n, old[1] + (k or 0))
            answers = data.answers.get(key, (0, 0, 0))
            data.answers[key] = (answers[0] + n, answers[1], answers[2])
        best = people.get((session_id, effect, moment), (0, 0))
        if n > best[0]:
            people[(session_id, effect, moment)] = (n, tallied or 0)
        if moment == "vervolg":
            f = data.followup.get(key, (0, 0, 0))
            data.followup[key] = (f[0], f[1], f[2] + (k or 0))
    activity_of = {r[0]: r[1] for r in rows}
    for (session_id, effect, moment), (n, tallied) in people.items():
        key = (activity_of[session_id], effect)
        if moment == "direct":
            answers = data.answers[key]
            data.answers[key] = (answers[0], answers[1] + n, answers[2] + tallied)
        else:
            f = data.followup[key]
            data.followup[key] = (f[0], f[1] + n, f[2])
    # Where participants were asked about the effect: a survey that carried a statement about
    # it (even if nobody answered), or a session with answers (a tally has no survey); and
    # whether the lot picked that session.
    marks = ", ".join("?" for _ in parents) or "NULL"
    for activity, effect, sessions, attendance, drawn, adhoc, answerable in db.execute(
        "SELECT s.activity, asked.effect, count(*), sum(s.deelnemers), "
        "sum(coalesce(d.drawn, 0)), sum(d.drawn IS NULL OR d.drawn = 0), "
        f"sum(CASE WHEN s.activity IN ({marks}) AND s.volwassenen > 0 THEN s.volwassenen "
        "ELSE s.deelnemers END) FROM ("
        "SELECT session_id, effect FROM survey_answers WHERE moment = 'direct' "
        "UNION SELECT v.session_id, json_extract(j.value, '$.effect') FROM surveys v, "
        "json_each(CASE WHEN json_valid(v.statements) THEN v.statements ELSE '[]' END) j"
        ") asked CROSS JOIN sessions s ON s.id = asked.session_id "
        "LEFT JOIN survey_draws d ON d.session_id = s.id "
        f"WHERE s.year = ?{scope} AND asked.effect IS NOT NULL GROUP BY s.activity, asked.effect",
        [*parents, *params],
    ).fetchall():
        data.asked[(activity, effect)] = (
            sessions,
            attendance or 0,
            drawn or 0,
            adhoc or 0,
            answerable or 0,
        )
    for activity, n in db.execute(
        "SELECT s.activity, count(*) FROM survey_draws d CROSS JOIN sessions s "
        f"ON s.id = d.session_id WHERE d.drawn = 1 AND s.year = ?{scope} GROUP BY s.activity",
        params,
    ).fetchall():
        data.drawn[activity] = n
    # Invited to the follow-up, per effect its survey asked about.
    for activity, effect, invited in db.execute(
        "SELECT s.activity, json_extract(j.value, '$.effect'), sum(v.followups_invited) "
        "FROM surveys v CROSS JOIN sessions s ON s.id = v.session_id, "
        "json_each(CASE WHEN json_valid(v.statements) THEN v.statements ELSE '[]' END) j "
        f"WHERE s.year = ?{scope} AND v.followups_invited > 0 "
        "AND json_extract(j.value, '$.dimension') = 'toepassing' "
        "GROUP BY s.activity, json_extract(j.value, '$.effect')",
        params,
    ).fetchall():
        f = data.followup.get((activity, effect), (0, 0, 0))
        data.followup[(activity, effect)] = (f[0] + (invited or 0), f[1], f[2])


def quote_counts_of(
    quotes: Collection[tuple[str, Collection[str]]],
) -> dict[ActivityEffect, int]:
    """(activity, effects) of each publishable quote -> quotes per (activity, effect)."""
    out: dict[ActivityEffect, int] = defaultdict(int)
    for activity, effects in quotes:
        for e in effects:
            out[(activity, e)] += 1
    return dict(out)


def quote_examples_of(
    quotes: Collection[tuple[str, Collection[str], str, str]],
) -> dict[ActivityEffect, list[tuple[str, str]]]:
    """(activity, effects, text, van) of publishable quotes, best first -> the quotes per
    (activity, effect), in that order: a participant's own words beside the figures."""
    out: dict[ActivityEffect, list[tuple[str, str]]] = {}
    for activity, effects, text, van in quotes:
        for e in effects:
            out.setdefault((activity, e), []).append((text, van))
    return out


def activities_without_evidence(
    catalogue: Catalogue,
    figures: Figures,
    db: sqlite_utils.Database,
    quote_activities: set[str],
    data: EvidenceData,
) -> list[str]:
    """Activities with sessions this year but no signal, answer, count or quote about any
    effect; signals and answers come from `data`, collected for the same year and scope."""
    with_own = {a for a, _e in [*data.observed, *data.answers, *data.followup]}
    subquery, sub_params = series_in_scope_sql(figures.gemeente)
    with_measurement = {
        row[0]
        for row in db.execute(
            "SELECT DISTINCT se.activity FROM measurements m JOIN series se "
            f"ON se.id = m.series_id WHERE m.series_id IN ({subquery})",
            [figures.year, *sub_params],
        ).fetchall()
    }
    evidenced = with_own | with_measurement | quote_activities
    return [
        a
        for a in figures.activities
        if a in catalogue.activities and catalogue.activities[a].effects and a not in evidenced
    ]
