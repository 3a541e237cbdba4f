"""Reading the participants' answers for the evidence (read by reports/, never written there).

- `answers_by_effect(db, year, gemeente=None)` ->
  `{effect: {"direct": (answers, agreeing), "vervolg": (answers, agreeing)}}`, over the
  sessions of that year (and gemeente); tallies a leader entered (source 'telling') included.
- `answers_by_effect_source(db, year, gemeente=None)` -> the same split by source as
  `{effect: {moment: {source: (answers, agreeing)}}}`.
- `session_responses(db, year, gemeente=None)` -> `{session_id: SessionResponse}`: per surveyed
  session its attendance, how many people answered right after and at the follow-up, and the
  effects asked: a response rate is respondents / attendance.

Moved unchanged from store/survey.py, which writes what is read here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from store.survey import MOMENTS


@dataclass(frozen=True)
class SessionResponse:
    session_id: int
    activity: str
    attendance: int
    direct: int  # people who answered right after
    vervolg: int  # people who answered the follow-up
    effects: tuple[str, ...]


# -- reading for the evidence ----------------------------------------------------------------


def _scope(year: int, gemeente: str | None) -> tuple[str, list[Any]]:
    sql = "s.year = ?"
    params: list[Any] = [year]
    if gemeente is not None:
        sql += " AND s.gemeente = ?"
        params.append(gemeente)
    return sql, params


def answers_by_effect_source(
    db: sqlite_utils.Database, year: int, gemeente: str | None = None
) -> dict[str, dict[str, dict[str, tuple[int, int]]]]:
    where, params = _scope(year, gemeente)
    rows = db.execute(
        "SELECT a.effect, a.moment, a.source, count(*), sum(a.agrees) FROM survey_answers a "
        f"JOIN sessions s ON s.id = a.session_id WHERE {where} "
        "GROUP BY a.effect, a.moment, a.source",
        params,
    ).fetchall()
    out: dict[str, dict[str, dict[str, tuple[int, int]]]] = {}
    for effect, moment, source, n, agree in rows:
        out.setdefault(effect, {}).setdefault(moment, {})[source] = (int(n), int(agree or 0))
    return out


def answers_by_effect(
    db: sqlite_utils.Database, year: int, gemeente: str | None = None
) -> dict[str, dict[str, tuple[int, int]]]:
    out: dict[str, dict[str, tuple[int, int]]] = {}
    for effect, moments in answers_by_effect_source(db, year, gemeente).items():
        entry = {moment: (0, 0) for moment in MOMENTS}
        for moment, sources in moments.items():
            entry[moment] = (
                sum(n for n, _ in sources.values()),
                sum(k for _, k in sources.values()),
            )
        out[effect] = entry
    return out


def session_responses(
    db: sqlite_utils.Database, year: int, gemeente: str | None = None
) -> dict[int, SessionResponse]:
    where, params = _scope(year, gemeente)
    rows = db.execute(
        "SELECT s.id, s.activity, s.deelnemers, v.statements, "
        "(SELECT count(*) FROM survey_respondents r WHERE r.survey_id = v.id "
        " AND r.moment = 'direct'), "
        "(SELECT count(*) FROM survey_respondents r WHERE r.survey_id = v.id "
        " AND r.moment = 'vervolg') "
        f"FROM surveys v JOIN sessions s ON s.id = v.session_id WHERE {where} ORDER BY s.id",
        params,
    ).fetchall()
    return {
        r[0]: SessionResponse(
            session_id=r[0],
            activity=r[1],
            attendance=int(r[2] or 0),
            direct=int(r[4]),
            vervolg=int(r[5]),
            effects=tuple(dict.fromkeys(st["effect"] for st in json.loads(r[3]))),
        )
        for r in rows
    }
