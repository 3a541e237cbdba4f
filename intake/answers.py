"""`impactbot import antwoorden`: participants' answers from an export, back into the database.

Reads the sheet "Antwoorden deelnemers" of an exported workbook, or the CSV file of answers
(reports.export_answers): per session (`bron`, the session's own key), effect, statement
(`stelling`: kennis, vertrouwen, toepassing or bewustzijn), moment (direct or vervolg) and way
(`via`: telegram, web or telling) how many answered, how many agreed and, for answers with a
score, how many gave each score. They become answers of that session again, never of a person.
A row with 0 answers says participants were asked and nobody answered; it becomes a closed
survey of that session.

Like the other imports: every sheet with the right header, every row checked first, all or
nothing, --dry-run. The sessions must be in the database already (`import sessies` first).
Idempotent without ever removing an answer: a session that already has answers for the same
effect, statement, moment and way keeps them, and the row is counted as already there.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from intake.sheets import read_for_import
from intake.tables import Cell, CellError, ImportFailed, ImportReport, cell_text, parse_count
from intake.totals import SESSIONS_HINT, fits_sessions
from reports.export_answers import ANSWER_COLUMNS, SCORE_COLUMNS
from store import audit
from store.db import transaction
from store.survey import MOMENTS, SOURCES, add_closed_survey, insert_draw
from toc.models import DIMENSIONS, Catalogue

REQUIRED = ("bron", "effect", "stelling", "moment", "antwoorden")
NO_ROWS = "Er staan geen antwoorden in het bestand, alleen een kopregel."
_CHUNK = 500  # keys per SELECT ... IN (...), well under SQLite's limit on parameters

Group = tuple[int, str, str, str, str]  # session id, effect, dimension, moment, source
_LOT = re.compile(r"1 op (\d{1,2}): (niet )?geloot")


def answers_missing(found: set[str]) -> list[str]:
    return [c for c in REQUIRED if c not in found]


@dataclass
class AnswerRow:
    where: str
    key: str
    effect: str
    dimension: str
    moment: str
    source: str
    answers: int
    agreed: int
    scores: list[int] | None  # how many gave 1..5; None for a tally or an unanswered statement
    invited: int = 0  # the session's follow-up invitations (the same on each of its rows)
    lot: tuple[int, bool] | None = None  # the session's lot: (1 in N, drawn)


def _choice(value: Cell, column: str, allowed: tuple[str, ...]) -> str:
    text = cell_text(value).lower()
    if text not in allowed:
        raise CellError(f"'{column}' is '{cell_text(value)}'; kies uit {', '.join(allowed)}")
    return text


def _parse_row(
    cols: dict[str, str], row: dict[str, Cell], catalogue: Catalogue
) -> tuple[AnswerRow | None, list[str]]:
    def cell(column: str) -> Cell:
        return row.get(cols[column]) if column in cols else None

    problems: list[str] = []
    key = cell_text(cell("bron"))
    if not key:
        problems.append("'bron' is leeg; die zegt bij welke bijeenkomst de antwoorden horen")
    effect = cell_text(cell("effect"))
    if effect not in catalogue.effects:
        problems.append(f"het effect '{effect}' staat niet in de catalogus")
    found: dict[str, str | int | None] = {}
    parsers: list[tuple[str, Callable[[Cell], str | int | None]]] = [
        ("stelling", lambda v: _choice(v, "stelling", DIMENSIONS)),
        ("moment", lambda v: _choice(v, "moment", MOMENTS)),
        ("antwoorden", lambda v: parse_count(v, "antwoorden") or 0),
        ("eens", lambda v: parse_count(v, "eens") or 0),
        *((c, lambda v, c=c: parse_count(v, c)) for c in SCORE_COLUMNS),
    ]
    for column, parse in parsers:
        try:
            found[column] = parse(cell(column))
        except CellError as exc:
            problems.append(str(exc))
    answers, agreed = int(found.get("antwoorden") or 0), int(found.get("eens") or 0)
    source = cell_text(cell("via")).lower()
    if answers and source not in SOURCES:
        problems.append(f"'via' is '{source}'; kies uit {', '.join(SOURCES)}")
    if agreed > answers:
        problems.append(f"'eens' ({agreed}) is meer dan 'antwoorden' ({answers})")
    given = [found.get(c) for c in SCORE_COLUMNS]
    scores = None if all(g is None for g in given) else [int(g or 0) for g in given]
    if scores is not None:
        if sum(scores) != answers:
            word = "antwoord" if answers == 1 else "antwoorden"
            problems.append(f"de scores tellen op tot {sum(scores)}, niet tot {answers} {word}")
        elif scores[3] + scores[4] != agreed:
            problems.append("'eens' is niet het aantal scores 4 en 5")
    elif answers and source in ("telegram", "web"):
        problems.append(f"bij antwoorden via {source} horen de kolommen score 1 tot score 5")
    invited = 0
    try:
        invited = parse_count(cell("uitgenodigd vervolg"), "uitgenodigd vervolg") or 0
    except CellError as exc:
        problems.append(str(exc))
    lot_cell = cell_text(cell("loting")).lower()
    lot = _LOT.fullmatch(lot_cell)
    if lot_cell and lot is None:
        problems.append(
            f"'loting' is '{lot_cell}'; schrijf '1 op 3: geloot' of '1 op 3: niet geloot'"
        )
    if problems:
        return None, problems
    dimension, moment = str(found["stelling"]), str(found["moment"])
    row_source = source if answers else ""
    row_ = AnswerRow("", key, effect, dimension, moment, row_source, answers, agreed, scores)
    row_.invited = invited
    row_.lot = (int(lot.group(1)), lot.group(2) is None) if lot else None
    return row_, []


def _sessions(db: sqlite_utils.Database, keys: list[str]) -> dict[str, tuple[int, int, str]]:
    """bron -> (session id, year, date) for the keys that are in the database."""
    out: dict[str, tuple[int, int, str]] = {}
    for i in range(0, len(keys), _CHUNK):
        part = keys[i : i + _CHUNK]
        marks = ", ".join("?" for _ in part)
        for key, sid, year, day in db.execute(
            f"SELECT source_key, id, year, date FROM sessions WHERE source_key IN ({marks})", part
        ):
            out[key] = (sid, year, day)
    return out


def _existing(db: sqlite_utils.Database, ids: list[int]) -> set[Group]:
    out: set[Group] = set()
    for i in range(0, len(ids), _CHUNK):
        part = ids[i : i + _CHUNK]
        marks = ", ".join("?" for _ in part)
        out.update(
            db.execute(
                "SELECT DISTINCT session_id, effect, dimension, moment, source FROM survey_answers "
                f"WHERE session_id IN ({marks})",
                part,
            ).fetchall()
        )
    return out


def import_answers(
    db: sqlite_utils.Database,
    catalogue: Catalogue,
    path: str | Path,
    *,
    dry_run: bool = False,
    actor: str = "import",
) -> ImportReport:
    """Check every row, then store all answers or none. Raises ImportFailed with every problem."""
    path = Path(path)
    try:
        sheets = read_for_import(path, ANSWER_COLUMNS, answers_missing)
    except ImportFailed as failed:
        if not fits_sessions(path):
            raise
        raise ImportFailed(path, [*failed.problems, SESSIONS_HINT]) from None
    problems: list[str] = []
    rows: list[AnswerRow] = []
    for table, cols, line, raw in sheets.rows():
        answer, row_problems = _parse_row(cols, raw, catalogue)
        problems.extend(f"{table.where(line)}: {p}" for p in row_problems)
        if answer is not None:
            answer.where = table.where(line)
            rows.append(answer)
    sessions = _sessions(db, sorted({r.key for r in rows}))
    seen: dict[tuple[str, str, str, str, str], str] = {}
    for r in rows:
        if r.key not in sessions:
            problems.append(
                f"{r.where}: de bijeenkomst met bron '{r.key}' staat niet in de database; lees "
                "eerst de verslagen in met 'impactbot import sessies'"
            )
        group = (r.key, r.effect, r.dimension, r.moment, r.source)
        if group in seen:
            problems.append(f"{r.where}: dezelfde antwoorden staan al op {seen[group]}")
        seen.setdefault(group, r.where)
    if problems:
        raise ImportFailed(path, problems)
    if not rows:
        raise ImportFailed(path, [NO_ROWS])
    report = sheets.report("antwoorden", path, dry_run)
    with transaction(db) if not dry_run else nullcontext():
        _store(db, catalogue, rows, sessions, report, dry_run)
        if not dry_run:
            audit.record(
                db, actor, "import", "answers", path.name, rows=report.rows,
                stored=report.stored, existing=report.duplicates, asked=report.asked_only,
            )  # fmt: skip
    return report


def _store(
    db: sqlite_utils.Database,
    catalogue: Catalogue,
    rows: list[AnswerRow],
    sessions: dict[str, tuple[int, int, str]],
    report: ImportReport,
    dry_run: bool,
) -> None:
    existing = _existing(db, sorted({sid for sid, _year, _day in sessions.values()}))
    asked: dict[int, list[dict[str, str]]] = {}
    years: Counter[int] = Counter()
    for r in rows:
        sid, year, day = sessions[r.key]
        if not r.answers:
            asked.setdefault(sid, []).append(_statement(catalogue, r.effect, r.dimension))
            continue
        if (sid, r.effect, r.dimension, r.moment, r.source) in existing:
            report.duplicates += 1
            continue
        report.stored += r.answers
        years[year] += r.answers
        if dry_run:
            continue
        if r.scores is None:
            no_score: int | None = None
            values = [(no_score, 1)] * r.agreed + [(no_score, 0)] * (r.answers - r.agreed)
        else:
            values = [(n, int(n >= 4)) for n, k in enumerate(r.scores, start=1) for _ in range(k)]
        # the session's day, not the import's: no time that could be matched to a chat
        db.conn.executemany(
            "INSERT INTO survey_answers (session_id, effect, dimension, moment, score, agrees, "
            "source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(sid, r.effect, r.dimension, r.moment, s, a, r.source, day) for s, a in values],
        )
    had_survey = _with_survey(db, sorted(asked))
    now = datetime.now(UTC)
    for sid, statements in asked.items():
        if sid in had_survey:
            report.duplicates += len(statements)
            continue
        report.asked_only += 1
        if not dry_run:
            add_closed_survey(db, sid, statements, now)
    if not dry_run:
        _store_invited_and_lots(db, catalogue, rows, sessions, now)
    report.per_year = dict(sorted(years.items()))


def _store_invited_and_lots(
    db: sqlite_utils.Database,
    catalogue: Catalogue,
    rows: list[AnswerRow],
    sessions: dict[str, tuple[int, int, str]],
    now: datetime,
) -> None:
    """The follow-up invitations (kept on the session's survey, so it gets a closed one with
    what was asked) and the lot drawn, per session; a second import changes nothing."""
    invited: dict[int, int] = {}
    asked: dict[int, list[dict[str, str]]] = {}
    surveyed: set[int] = set()  # answered on a phone or the web page: there was a survey
    for r in rows:
        sid = sessions[r.key][0]
        if r.lot is not None:
            insert_draw(db, sid, r.lot[0], r.lot[1], now)
        if r.moment == "direct":
            statement = _statement(catalogue, r.effect, r.dimension)
            if statement not in asked.setdefault(sid, []):
                asked[sid].append(statement)
            if r.source in ("telegram", "web"):
                surveyed.add(sid)
        if r.invited:
            invited[sid] = max(invited.get(sid, 0), r.invited)
    for sid in sorted(surveyed | set(invited)):
        add_closed_survey(db, sid, asked.get(sid, []), now)
    for sid, n in invited.items():
        db.execute(
            "UPDATE surveys SET followups_invited = max(followups_invited, ?) WHERE session_id = ?",
            [n, sid],
        )


def _statement(catalogue: Catalogue, effect: str, dimension: str) -> dict[str, str]:
    """The statement as a survey keeps it: the catalogue's words where it has them."""
    text = next(
        (
            s.text or s.parent or ""
            for s in catalogue.statements
            if s.effect == effect and s.dimension == dimension
        ),
        "",
    )
    return {"effect": effect, "dimension": dimension, "text": text}


def _with_survey(db: sqlite_utils.Database, ids: list[int]) -> set[int]:
    out: set[int] = set()
    for i in range(0, len(ids), _CHUNK):
        part = ids[i : i + _CHUNK]
        marks = ", ".join("?" for _ in part)
        out.update(
            sid
            for (sid,) in db.execute(
                f"SELECT session_id FROM surveys WHERE session_id IN ({marks})", part
            )
        )
    return out
