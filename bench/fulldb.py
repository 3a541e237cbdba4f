"""The benchmark database of bench/bigdb.py plus what a real year also holds: courses (series)
with lesson numbers, before/after measurements, quotes with effects, and kengetallen.

bigdb's file is left as it is (bench/stand.py uses it); this one is a copy next to it, made
once and reused (marker file), like bigdb's.

Shape: every session of a reeks activity belongs to a course of its activity, vestiging and
month (about 6,700 courses over five years); each course has a before count for every
measurable effect and, for four in five courses, an after count; one session in twenty has a
quote (consent ja/anoniem/nee = 50/25/25 %, review new/approved/rejected = 60/35/5 %) about one
or two of the activity's effects; every gemeente has every kengetal every year.
"""

from __future__ import annotations

import random
import sqlite3
from itertools import groupby
from pathlib import Path

from bench.bigdb import YEARS, build
from store.aggregates import rebuild, triggers_aside
from store.db import now_iso, open_db, transaction
from toc.loader import default_catalogue
from toc.models import Catalogue

QUOTE_SHARE = 0.05
QUOTES = (
    "Isa wil nu elke avond voorlezen.",
    "Ik durf nu zelf in te loggen met mijn DigiD.",
    "Fijn om hier andere mensen te ontmoeten.",
    "Mijn zoon pakt nu uit zichzelf een boek.",
    "Eindelijk begrijp ik mijn belastingaangifte.",
    "Ik kom elke week, het is mijn uitje.",
    "We hebben zo gelachen bij het voorlezen!",
    "Nu kan ik mijn kleinkinderen appen.",
    "De bibliotheek voelt als een huiskamer.",
    "Ik heb een schrijver ontdekt die ik nog niet kende.",
    "Door het taalcafé durf ik Nederlands te praten bij de bakker.",
    "Mijn dochter wil nu zelf ook naar de bieb.",
)
ATTRIBUTIONS = (
    "moeder van Isa",
    "deelnemer, 72 jaar",
    "vader",
    "cursist",
    "Anna (8)",
    "bezoeker",
    None,
)


def build_full(path: Path, sessions: int = 1_000_000, base: Path | None = None) -> Path:
    """Create (once) the full database at `path` from bigdb's database at `base`."""
    marker = path.with_suffix(f".{sessions}.ok")
    if path.exists() and marker.exists():
        return path
    base = base or path.with_name("impactbot-bench.db")
    build(base, sessions)
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    source, target = sqlite3.connect(base), sqlite3.connect(path)
    source.backup(target)
    source.close()
    target.close()
    db = open_db(path)
    db.conn.execute("PRAGMA synchronous = OFF")
    rng = random.Random(13)
    catalogue = default_catalogue()
    created = now_iso()
    # Courses are set on the sessions by an UPDATE per lesson: the triggers stand aside and
    # the aggregates are rebuilt from the tables afterwards, as after a repair by hand.
    with transaction(db), triggers_aside(db):
        _courses(db.conn, catalogue, rng, created)
        _quotes(db.conn, catalogue, rng, created)
        db.conn.executemany(
            "INSERT INTO kengetallen (year, gemeente, kengetal, value, source, updated_at) "
            "VALUES (?, ?, ?, ?, 'bench', ?)",
            [
                (year, gemeente, kengetal, rng.randrange(100, 50_000), created)
                for year in YEARS
                for gemeente in catalogue.gemeenten
                for kengetal in catalogue.kengetallen
            ],
        )
    rebuild(db)
    db.execute("ANALYZE")
    db.conn.close()
    marker.touch()
    return path


def _courses(
    conn: sqlite3.Connection, catalogue: Catalogue, rng: random.Random, created: str
) -> None:
    reeks = [a.id for a in catalogue.activities.values() if a.kind == "reeks"]
    marks = ",".join("?" * len(reeks))
    rows = conn.execute(
        f"SELECT id, activity, vestiging, gemeente, date FROM sessions WHERE activity IN ({marks}) "
        "ORDER BY activity, vestiging, date, id",
        reeks,
    ).fetchall()
    series: list[tuple[object, ...]] = []
    lessons: list[tuple[object, ...]] = []
    measurements: list[tuple[object, ...]] = []
    series_id = 0
    for (activity, vestiging, month), grouped in groupby(
        rows, key=lambda r: (r[1], r[2], r[4][:7])
    ):
        group = list(grouped)
        series_id += 1
        enrolled = rng.randrange(6, 15)
        name = f"{catalogue.activities[activity].name} {month}"
        series.append(
            (
                series_id,
                activity,
                vestiging,
                group[0][3],
                name,
                enrolled,
                group[0][4],
                group[-1][4],
                created,
            )
        )
        lessons.extend((series_id, n, row[0]) for n, row in enumerate(group, start=1))
        for effect in catalogue.activities[activity].effects:
            if not catalogue.effects[effect].measurable:
                continue
            before = rng.randrange(0, enrolled // 2 + 1)
            measurements.append((series_id, effect, "voor", before, enrolled))
            if rng.random() < 0.8:
                after = min(enrolled, before + rng.randrange(1, enrolled // 2 + 2))
                measurements.append((series_id, effect, "na", after, enrolled))
    conn.executemany(
        "INSERT INTO series (id, activity, vestiging, gemeente, name, enrolled, first_lesson, "
        "last_lesson, closed, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, 'bench', ?)",
        series,
    )
    conn.executemany("UPDATE sessions SET series_id = ?, lesson = ? WHERE id = ?", lessons)
    conn.executemany(
        "INSERT INTO measurements (series_id, effect, moment, able, measured) "
        "VALUES (?, ?, ?, ?, ?)",
        measurements,
    )


def _quotes(
    conn: sqlite3.Connection, catalogue: Catalogue, rng: random.Random, created: str
) -> None:
    quotes, effects = [], []
    quote_id = 0
    for session_id, activity, vestiging, gemeente, day, year in conn.execute(
        "SELECT id, activity, vestiging, gemeente, date, year FROM sessions ORDER BY id"
    ):
        if rng.random() >= QUOTE_SHARE:
            continue
        quote_id += 1
        consent = rng.choices(("ja", "anoniem", "nee"), (50, 25, 25))[0]
        review = rng.choices(("new", "approved", "rejected"), (60, 35, 5))[0]
        quotes.append(
            (
                quote_id,
                session_id,
                activity,
                vestiging,
                gemeente,
                day,
                year,
                rng.choice(QUOTES),
                rng.choice(ATTRIBUTIONS),
                consent,
                review,
                created,
            )
        )
        about = catalogue.activities[activity].effects
        for effect in rng.sample(about, min(len(about), rng.choice((1, 1, 2)))):
            effects.append((quote_id, effect))
    conn.executemany(
        "INSERT INTO quotes (id, session_id, activity, vestiging, gemeente, date, year, text, "
        "attribution, consent, review, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        quotes,
    )
    conn.executemany("INSERT INTO quote_effects (quote_id, effect) VALUES (?, ?)", effects)
