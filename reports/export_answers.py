"""Participants' own answers in an export (the XLSX sheet "Antwoorden deelnemers", or a CSV file
of its own), read back with `impactbot import antwoorden`.

An answer belongs to a session, never to a person, so the export counts them per session,
effect, statement (its dimension), moment and way of answering: how many answered, how many
agreed, and for answers with a score how many gave each score 1-5 (a leader's tally has no
score). No respondent hash, chat id or time leaves the database. A statement participants
were asked (a survey) without anyone answering it is a row with 0 answers, so "where were
participants asked" comes back too. The `bron` column is the session's own key, as in the
sessions sheet.
"""

from __future__ import annotations

from datetime import date

import sqlite_utils

from toc.models import Catalogue

ANSWER_SHEET = "Antwoorden deelnemers"
SCORE_COLUMNS = [f"score {n}" for n in range(1, 6)]
ANSWER_COLUMNS = [
    "bron",
    "datum",
    "activiteit",
    "vestiging",
    "effect",
    "stelling",
    "moment",
    "via",
    "antwoorden",
    "eens",
    *SCORE_COLUMNS,
    # per session, on each of its rows: how many asked for the follow-up, and the lot drawn
    # after Opslaan ("1 op 3: geloot" / "1 op 3: niet geloot"; empty without a plan)
    "uitgenodigd vervolg",
    "loting",
]

_SCORES = ", ".join(f"sum(a.score = {n})" for n in range(1, 6))
_SQL = f"""
    SELECT s.source_key, s.date, s.activity, s.vestiging, a.effect, a.dimension, a.moment,
           a.source, count(*), sum(a.agrees), count(a.score), {_SCORES}, s.id
    FROM survey_answers a JOIN sessions s ON s.id = a.session_id
    WHERE {{where}}
    GROUP BY s.id, a.effect, a.dimension, a.moment, a.source
    UNION ALL
    SELECT s.source_key, s.date, s.activity, s.vestiging, asked.effect, asked.dimension,
           'direct', '', 0, 0, 0, NULL, NULL, NULL, NULL, NULL, s.id
    FROM (SELECT v.session_id, json_extract(j.value, '$.effect') AS effect,
                 json_extract(j.value, '$.dimension') AS dimension
          FROM surveys v, json_each(CASE WHEN json_valid(v.statements)
                                    THEN v.statements ELSE '[]' END) j) asked
    JOIN sessions s ON s.id = asked.session_id
    WHERE {{where}} AND asked.effect IS NOT NULL AND asked.dimension IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM survey_answers a WHERE a.session_id = asked.session_id
                      AND a.effect = asked.effect AND a.dimension = asked.dimension
                      AND a.moment = 'direct')
    ORDER BY 2, 17, 5, 6, 7, 8
"""


def answer_rows(
    db: sqlite_utils.Database, catalogue: Catalogue, year: int, gemeente: str | None = None
) -> list[list[object]]:
    """The year's answers per session, effect, statement, moment and way; oldest first."""
    where, params = "s.year = ?", list[object]([year])
    if gemeente:
        where, params = where + " AND s.gemeente = ?", [year, gemeente]
    per_session: dict[int, tuple[int, str]] = {
        sid: (int(invited or 0), "" if one_in is None else lot_text(one_in, bool(drawn)))
        for sid, invited, one_in, drawn in db.execute(
            "SELECT s.id, v.followups_invited, d.one_in, d.drawn FROM sessions s "
            "LEFT JOIN surveys v ON v.session_id = s.id "
            "LEFT JOIN survey_draws d ON d.session_id = s.id "
            f"WHERE {where} AND (v.id IS NOT NULL OR d.session_id IS NOT NULL)",
            params,
        )
    }
    out: list[list[object]] = []
    for key, day, a, v, effect, dimension, moment, source, n, agrees, scored, *rest in db.execute(
        _SQL.format(where=where), params + params
    ):
        scores, session_id = rest[:5], rest[5]
        invited, lot = per_session.get(session_id, (0, ""))
        activity, vestiging = catalogue.activities.get(a), catalogue.vestigingen.get(v)
        out.append(
            [
                key or "",
                date.fromisoformat(day),
                activity.name if activity else a,
                vestiging.name if vestiging else v,
                effect,
                dimension,
                moment,
                source,
                n,
                agrees or 0,
                # a tally (and a statement nobody answered) has no scores: empty, not 0
                *(scores if scored else [None] * 5),
                invited or None,
                lot,
            ]
        )
    return out


def lot_text(one_in: int, drawn: bool) -> str:
    """'1 op 3: geloot' / '1 op 3: niet geloot' (read back by intake/answers.py)."""
    return f"1 op {one_in}: {'geloot' if drawn else 'niet geloot'}"
