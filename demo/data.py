"""A realistic demo year (and the year before it, for trends) for every gemeente.

Everything goes through the same write path as real reports (store.sessions), with
source "demo" and a source key per session, so running it again adds nothing. The data is
deterministic for a given seed. Activities, vestigingen, effects and kengetallen missing
from the loaded catalogue are skipped, so any organisation's catalogue works.
"""

from __future__ import annotations

import random
from datetime import date

import sqlite_utils
from pydantic import BaseModel

from demo.answers import store_answers
from demo.kengetallen import store_kengetallen
from demo.notes import NOTES
from demo.people import ANNE
from demo.quotes import QUOTES
from demo.year import _Draft, _Year
from store.db import now_iso, transaction
from store.people import person_by_telegram
from store.session_notes import StoryIn
from store.sessions import QuoteIn, SessionIn, store_in_transaction, validate_session
from toc.models import Catalogue

BATCH = 500


class DemoSummary(BaseModel):
    years: list[int]
    sessions: int  # generated (created + already there)
    created: int
    existing: int
    per_year: dict[int, int]
    per_gemeente: dict[str, int]  # sessions in the demo year
    series: int
    quotes: int
    kengetallen: int
    answers: int = 0  # participants' answers (and tallied people) in the demo year


def _attach_quotes(c: Catalogue, drafts: list[_Draft], offset: int, rng: random.Random) -> int:
    attached = 0
    for quote in QUOTES:
        if quote.year_offset != offset or quote.activity not in c.activities:
            continue
        candidates = [d for d in drafts if d.activity == quote.activity]
        if quote.vestiging in c.vestigingen:
            candidates = [d for d in candidates if d.vestiging == quote.vestiging] or candidates
        if c.activities[quote.activity].kind == "reeks":
            candidates = [d for d in candidates if d.last_lesson] or candidates
        if candidates:
            rng.choice(candidates).quotes.append(quote)
            attached += 1
    return attached


def _attach_notes(c: Catalogue, drafts: list[_Draft], offset: int, rng: random.Random) -> None:
    """Each demo note ("Met wie?", "Wat was bijzonder?") on one session of its activity there."""
    for note in NOTES:
        if note.year_offset != offset or note.activity not in c.activities:
            continue
        candidates = [d for d in drafts if (d.activity, d.vestiging) == (note.activity,
                      note.vestiging) and not d.notes]  # fmt: skip
        if c.activities[note.activity].kind == "reeks":
            candidates = [d for d in candidates if d.last_lesson] or candidates
        if candidates:
            rng.choice(candidates).notes.append(note)


def _session(c: Catalogue, d: _Draft, key: str, reporter: int | None) -> SessionIn:
    effects = c.activities[d.activity].effects
    return SessionIn(
        date=d.date,
        activity=d.activity,
        vestiging=d.vestiging,
        deelnemers=d.counts.get("deelnemers"),
        kinderen=d.counts.get("kinderen"),
        volwassenen=d.counts.get("volwassenen"),
        vragen=d.counts.get("vragen"),
        series_name=d.series_name,
        enrolled=d.enrolled,
        lesson=d.lesson,
        last_lesson=d.last_lesson,
        effects=d.effects,
        signals=d.signals,
        measurements=d.measurements,
        quotes=[
            QuoteIn(
                text=q.text,
                attribution=q.attribution,
                consent=q.consent,
                effects=[e for e in q.effects if e in effects],
            )
            for q in d.quotes
        ],
        partners=[p for n in d.notes for p in n.partners],
        stories=[
            StoryIn(text=n.story, consent=n.consent, review=n.review) for n in d.notes if n.story
        ],
        reporter_id=reporter if d.vestiging == ANNE.vestiging else None,
        source="demo",
        source_key=key,
    )


def _store_year(
    db: sqlite_utils.Database,
    c: Catalogue,
    year: int,
    seed: int,
    offset: int,
    reporter: int | None,
    until: date | None = None,
) -> tuple[list[SessionIn], int, int]:
    """Generate and store one year (up to `until`); returns (sessions, created, quotes)."""
    drafts = _Year(c, year, seed, previous=offset < 0).generate()
    if until is not None:
        drafts = [d for d in drafts if d.date <= until]
    quotes = _attach_quotes(c, drafts, offset, random.Random(f"{seed}:{year}:quotes"))
    _attach_notes(c, drafts, offset, random.Random(f"{seed}:{year}:notes"))
    seen: dict[str, int] = {}
    sessions: list[SessionIn] = []
    for d in drafts:
        slot = f"demo:{seed}:{d.date}:{d.activity}:{d.vestiging}"
        seen[slot] = seen.get(slot, 0) + 1
        session = _session(c, d, f"{slot}:{seen[slot]}", reporter)
        validate_session(c, session)
        sessions.append(session)
    created = 0
    approve: list[tuple[int, str]] = []
    review = {(q.activity, q.text): q.review for q in QUOTES}
    for start in range(0, len(sessions), BATCH):
        with transaction(db):
            for session in sessions[start : start + BATCH]:
                result = store_in_transaction(db, c, session, actor="demo")
                if not result.created:
                    continue
                created += 1
                approve += [
                    (result.session_id, q.text)
                    for q in session.quotes
                    if review.get((session.activity, q.text)) == "approved"
                ]
    if approve:
        now = now_iso()
        with transaction(db):
            for session_id, text in approve:
                db.execute(
                    "UPDATE quotes SET review = 'approved', reviewed_at = ? "
                    "WHERE session_id = ? AND text = ? AND review = 'new'",
                    [now, session_id, text],
                )
    return sessions, created, quotes


def generate_demo_year(
    db: sqlite_utils.Database, catalogue: Catalogue, year: int, *, seed: int = 2025
) -> DemoSummary:
    """Store a demo `year` and the year before it: sessions, courses with before/after
    counts, observed effects, quotes (with consent and review states) and kengetallen.

    Deterministic for a seed; running it again adds nothing. Sessions at Anne's vestiging
    are reported by her when the demo people (demo.people) were created first.
    """
    anne = person_by_telegram(db, ANNE.telegram_id)
    reporter = anne.id if anne is not None else None
    per_year: dict[int, int] = {}
    per_gemeente: dict[str, int] = {}
    created = quotes = kengetallen = answers = 0
    series: set[tuple[str, str, str]] = set()
    for offset in (-1, 0):
        y = year + offset
        sessions, made, attached = _store_year(db, catalogue, y, seed, offset, reporter)
        kengetallen += store_kengetallen(db, catalogue, y, seed)
        if offset == 0:
            answers = store_answers(db, catalogue, y, seed)
        per_year[y] = len(sessions)
        created += made
        quotes += attached
        for s in sessions:
            if s.series_name:
                series.add((s.activity, s.vestiging, s.series_name))
            if offset == 0:
                gemeente = catalogue.vestigingen[s.vestiging].gemeente
                per_gemeente[gemeente] = per_gemeente.get(gemeente, 0) + 1
    total = sum(per_year.values())
    return DemoSummary(
        years=[year - 1, year],
        sessions=total,
        created=created,
        existing=total - created,
        per_year=per_year,
        per_gemeente=dict(sorted(per_gemeente.items())),
        series=len(series),
        quotes=quotes,
        kengetallen=kengetallen,
        answers=answers,
    )


# Quotes are written for the demo year and the year before; this year gets figures only.
_NO_QUOTES = 99


def generate_year_to_date(
    db: sqlite_utils.Database, catalogue: Catalogue, today: date, *, seed: int = 2025
) -> int:
    """Store this year's sessions up to `today`, so /stand, /gaten and the digest have
    something to compare with last year. Returns how many sessions were created."""
    anne = person_by_telegram(db, ANNE.telegram_id)
    reporter = anne.id if anne is not None else None
    _, created, _ = _store_year(db, catalogue, today.year, seed, _NO_QUOTES, reporter, until=today)
    store_answers(db, catalogue, today.year, seed)
    return created
