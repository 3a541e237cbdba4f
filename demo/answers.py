"""Participants' own answers in the demo: right after a session (Telegram or the web page),
a leader's tally for people without a phone, and some follow-ups weeks later.

The demo follows the catalogue: a session is asked only the statements `choose_statements`
gives its activity (none: not asked), each respondent rates every one of them once, as the
survey stores them. About a quarter of the sessions is asked, with a response of 30-60 % of
those present; an activity with a plan ("1 op de 3", `een_op` in the catalogue) is drawn by
lot, with now and then a session a leader asked on their own. Deterministic per seed and
session key; a session that already has answers gets none added, so running the demo again
adds nothing.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime

import sqlite_utils

from store.db import now_iso, transaction
from store.survey import add_closed_survey, insert_draw
from store.tallies import save_tally
from toc.models import Catalogue
from toc.survey import FOLLOW_UP_DIMENSION, ask_plan, choose_statements, drawn

# Participants were first asked in spring of the demo year; about one session in four.
FIRST_MONTH = 3
ASKED_SHARE = 0.25
# With a plan by lot, a leader still asks now and then at a session that was not drawn.
ADHOC_SHARE = 0.05
# Of those present at an asked session, this share answers.
RESPONSE = (0.3, 0.6)
# Courses for people without a phone: the leader counts hands at the last lesson.
TALLY_ACTIVITIES = ("klik-en-tik", "digisterker", "digivitaler")
TALLY_EFFECT = "digitale-vaardigheden"
# Activities for children only: the children themselves are not asked.
NOT_ASKED = ("dbos-po", "dbos-vo", "biebfabriek", "coderdojo")
# How much participants agree (scores 1-5): most do, some do not.
SCORES = (1, 2, 3, 4, 5)
WEIGHTS = (3, 6, 14, 37, 40)
# Of those who answered, this share asks for the follow-up; of those, this share answers it.
FOLLOWUP_INVITED = 0.4
FOLLOWUP_ANSWERED = 0.6


def _insert(
    db: sqlite_utils.Database,
    sid: int,
    effect: str,
    dimension: str,
    moment: str,
    score: int,
    source: str = "telegram",
) -> None:
    db.execute(
        "INSERT INTO survey_answers (session_id, effect, dimension, moment, score, agrees, "
        "source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [sid, effect, dimension, moment, score, int(score >= 4), source, now_iso()[:10]],
    )


def store_answers(db: sqlite_utils.Database, catalogue: Catalogue, year: int, seed: int) -> int:
    """Answers for a share of the demo sessions of `year`; returns how many were written."""
    rows = db.execute(
        "SELECT s.id, s.source_key, s.activity, s.date, s.deelnemers, s.volwassenen, "
        "s.series_id, s.lesson, se.closed FROM sessions s LEFT JOIN series se "
        "ON se.id = s.series_id WHERE s.year = ? AND s.source = 'demo' AND NOT EXISTS "
        "(SELECT 1 FROM survey_answers a WHERE a.session_id = s.id) ORDER BY s.id",
        [year],
    ).fetchall()
    written = 0
    tallies: list[tuple[int, int, int]] = []
    with transaction(db):
        for sid, key, activity, day, present, adults, series_id, lesson, closed in rows:
            if activity not in catalogue.activities or activity in NOT_ASKED:
                continue
            rng = random.Random(f"{seed}:answers:{key}")
            when = datetime.fromisoformat(day).replace(hour=12, tzinfo=UTC)
            statements = [c.as_json() for c in choose_statements(catalogue, activity)]
            plan = ask_plan(catalogue, activity)
            # The lot is drawn after every Opslaan of an activity with a plan, all year.
            picked = drawn(plan, rng.random()) if plan and statements else False
            if plan and statements:
                insert_draw(db, sid, plan, picked, when)
            if int(day[5:7]) < FIRST_MONTH and not picked:
                continue
            if activity in TALLY_ACTIVITIES:
                last = series_id is not None and closed and lesson and lesson >= 4
                if last and not picked and rng.random() < 0.7 and present:
                    if TALLY_EFFECT in catalogue.activities[activity].effects:
                        agreed = sum(rng.random() < 0.8 for _ in range(present))
                        tallies.append((sid, agreed, present))
                    continue
            if not statements:
                continue
            if plan:
                asked = picked or rng.random() < ADHOC_SHARE
            else:
                asked = rng.random() < ASKED_SHARE
            if not asked:
                continue
            # For young children a parent answers: the adults present are who can answer.
            people = adults if adults else present
            if not people:
                continue
            add_closed_survey(db, sid, statements, when)
            respondents = max(1, round(people * rng.uniform(*RESPONSE)))
            for i in range(respondents):
                db.execute(
                    "INSERT INTO survey_respondents (survey_id, respondent, moment) "
                    "SELECT id, ?, 'direct' FROM surveys WHERE session_id = ?",
                    [f"demo-{sid}-{i}", sid],
                )
                source = "web" if rng.random() < 0.4 else "telegram"
                for st in statements:
                    _insert(db, sid, st["effect"], st["dimension"], "direct", _score(rng), source)
                    written += 1
            later = [st for st in statements if st["dimension"] == FOLLOW_UP_DIMENSION]
            invited = sum(rng.random() < FOLLOWUP_INVITED for _ in range(respondents))
            if not later or not invited:
                continue
            db.execute(
                "UPDATE surveys SET followups_invited = ? WHERE session_id = ?", [invited, sid]
            )
            for _ in range(sum(rng.random() < FOLLOWUP_ANSWERED for _ in range(invited))):
                used = rng.random() < 0.72
                _insert(
                    db, sid, later[0]["effect"], FOLLOW_UP_DIMENSION, "vervolg", 4 if used else 2
                )
                written += 1
    for sid, agreed, total in tallies:
        save_tally(db, sid, TALLY_EFFECT, "toepassing", agreed, total, "demo")
        written += total
    return written


def _score(rng: random.Random) -> int:
    return rng.choices(SCORES, WEIGHTS)[0]
