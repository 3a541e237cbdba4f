"""The Monday digest: last week in a manager's scope, plus one new approved quote."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import sqlite_utils

from reports.gaps import missing_sessions
from reports.stand import Scope, per_activity
from store.quotes import PUBLISHABLE_SQL, public_attribution
from toc.models import Catalogue


@dataclass(frozen=True)
class DigestQuote:
    text: str
    attribution: str
    activity: str
    vestiging: str


@dataclass
class Digest:
    start: date
    end: date
    bijeenkomsten: int
    deelnemers: int
    vorige_bijeenkomsten: int
    top_activity: str | None
    awaiting_review: int
    missing_reports: int
    quote: DigestQuote | None
    awaiting_stories: int = 0  # "Wat was bijzonder?" stories waiting for review


def last_week(today: date) -> tuple[date, date]:
    """Monday to Sunday of the week before the one `today` is in."""
    monday = today - timedelta(days=today.weekday())
    return monday - timedelta(days=7), monday - timedelta(days=1)


def compute_digest(
    db: sqlite_utils.Database, catalogue: Catalogue, scope: Scope, today: date
) -> Digest:
    start, end = last_week(today)
    week = per_activity(db, scope, start, end)
    before = per_activity(db, scope, start - timedelta(days=7), start - timedelta(days=1))
    top = max(week.items(), key=lambda kv: (kv[1][1], kv[0]), default=None)
    where, params = scope.where()
    where = where.replace("gemeente", "q.gemeente").replace("vestiging", "q.vestiging")
    awaiting = db.execute(
        f"SELECT count(*) FROM quotes q WHERE q.review = 'new' AND q.consent != 'nee'{where}",
        params,
    ).fetchone()[0]
    session_where = where.replace("q.", "s.")
    stories = db.execute(
        "SELECT count(*) FROM session_stories q CROSS JOIN sessions s ON s.id = q.session_id "
        f"WHERE q.review = 'new' AND q.consent != 'nee'{session_where}",
        params,
    ).fetchone()[0]
    row = db.execute(
        "SELECT q.text, q.attribution, q.consent, q.activity, q.vestiging FROM quotes q "
        f"WHERE q.review = 'approved' AND {PUBLISHABLE_SQL} AND q.date BETWEEN ? AND ?{where} "
        "ORDER BY q.reviewed_at DESC, q.id DESC LIMIT 1",
        [start.isoformat(), end.isoformat(), *params],
    ).fetchone()
    quote = None
    if row:
        text, attribution, consent, activity, vestiging = row
        quote = DigestQuote(
            text=text,
            attribution=public_attribution(consent, attribution),
            activity=catalogue.activities[activity].name
            if activity in catalogue.activities
            else activity,
            vestiging=catalogue.vestigingen[vestiging].name
            if vestiging in catalogue.vestigingen
            else vestiging,
        )
    top_name = None
    if top is not None and top[0] in catalogue.activities:
        top_name = catalogue.activities[top[0]].name
    return Digest(
        start=start,
        end=end,
        bijeenkomsten=sum(n for n, _ in week.values()),
        deelnemers=sum(p for _, p in week.values()),
        vorige_bijeenkomsten=sum(n for n, _ in before.values()),
        top_activity=top_name,
        awaiting_review=awaiting,
        awaiting_stories=stories,
        missing_reports=len(missing_sessions(db, catalogue, scope, start, end)),
        quote=quote,
    )
