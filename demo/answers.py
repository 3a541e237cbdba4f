"""Participants' own answers in the demo: right after a session (Telegram or the web page),
a leader's tally for people without a phone, and some follow-ups weeks later.

Written after the sessions, through the same tables the survey and the tally use, never tied
to a person. Deterministic per seed and session key; a session that already has answers gets
none added, so running the demo again adds nothing.
"""

from __future__ import annotations

import random

import sqlite_utils

from store.db import now_iso, transaction
from store.tallies import DIMENSIONS, save_tally
from toc.models import Catalogue

# Participants were first asked in spring of the demo year; about one session in four.
FIRST_MONTH = 3
ASKED_SHARE = 0.25
# Courses for people without a phone: the leader counts hands at the last lesson.
TALLY_ACTIVITIES = ("klik-en-tik", "digisterker", "digivitaler")
# Activities for children only: the children themselves are not asked.
NOT_ASKED = ("dbos-po", "dbos-vo", "biebfabriek", "coderdojo")
# How much participants agree, per effect kind: most do, some do not (scores 1-5).
SCORES = (1, 2, 3, 4, 5)
WEIGHTS = (3, 6, 14, 37, 40)
FOLLOWUP_SHARE = 0.3  # of the asked sessions, some answered a follow-up too


def _statements(catalogue: Catalogue, activity: str, rng: random.Random) -> list[tuple[str, str]]:
    """Three (effect, dimension) pairs: three of the activity's effects (the first ones more
    often), each with one of the four Project Outcome dimensions."""
    effects = [e for e in catalogue.activities[activity].effects if e in catalogue.effects]
    chosen: list[str] = []
    while effects and len(chosen) < min(3, len(effects)):
        pick = rng.choices(effects, weights=range(len(effects) + 1, 1, -1))[0]
        if pick not in chosen:
            chosen.append(pick)
    return [(e, DIMENSIONS[i % len(DIMENSIONS)]) for i, e in enumerate(chosen)]


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
    now = now_iso()
    tallies: list[tuple[int, str, int, int]] = []
    with transaction(db):
        for sid, key, activity, day, present, adults, series_id, lesson, closed in rows:
            if activity not in catalogue.activities or activity in NOT_ASKED:
                continue
            if int(day[5:7]) < FIRST_MONTH:
                continue
            rng = random.Random(f"{seed}:answers:{key}")
            if activity in TALLY_ACTIVITIES:
                last = series_id is not None and closed and lesson and lesson >= 4
                if last and rng.random() < 0.7 and present:
                    agreed = sum(rng.random() < 0.8 for _ in range(present))
                    effect = "digitale-vaardigheden"
                    if effect in catalogue.activities[activity].effects:
                        tallies.append((sid, effect, agreed, present))
                continue
            if rng.random() >= ASKED_SHARE:
                continue
            # For young children a parent answers: the adults present are who can answer.
            people = adults if adults else present
            respondents = round((people or 0) * rng.uniform(0.3, 0.75))
            statements = _statements(catalogue, activity, rng)
            for _ in range(respondents):
                source = "web" if rng.random() < 0.4 else "telegram"
                for effect, dimension in statements:
                    score = rng.choices(SCORES, WEIGHTS)[0]
                    db.execute(
                        "INSERT INTO survey_answers (session_id, effect, dimension, moment, "
                        "score, agrees, source, created_at) VALUES (?, ?, ?, 'direct', ?, ?, ?, ?)",
                        [sid, effect, dimension, score, int(score >= 4), source, now],
                    )
                    written += 1
            if statements and respondents and rng.random() < FOLLOWUP_SHARE:
                effect = statements[0][0]
                for _ in range(max(1, respondents // 3)):
                    used = rng.random() < 0.72
                    db.execute(
                        "INSERT INTO survey_answers (session_id, effect, dimension, moment, "
                        "score, agrees, source, created_at) "
                        "VALUES (?, ?, 'toepassing', 'vervolg', ?, ?, 'telegram', ?)",
                        [sid, effect, 4 if used else 2, int(used), now],
                    )
                    written += 1
    for sid, effect, agreed, total in tallies:
        save_tally(db, sid, effect, "toepassing", agreed, total, "demo")
        written += total
    return written
