"""Partners and stories through the spreadsheet import and export, the store's save path and the
report: optional columns, the same full-name check as quotes, only publishable stories out,
and an 'anoniem' story shown without place and date."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
import sqlite_utils

from intake.importer import ImportFailed, import_sessions
from reports.export import COLUMNS, export_rows, to_csv
from reports.model import build_report
from reports.render import render_html, render_json, render_markdown
from store.db import open_db
from store.session_notes import StoryIn, load_notes
from store.sessions import QuoteIn, SessionIn, SessionInvalid, replace_session, save_session
from toc.models import Catalogue

TODAY = date(2026, 3, 1)
PLAY = "11 kinderen maakten een eigen theaterstuk en speelden het voor hun ouders."
QUIET = "Een jongen die nooit iets zegt, las zijn eigen verhaal voor aan de groep."
INSIDE = "Alleen voor ons eigen leren: de ruimte was te klein."


def write_csv(path: Path, rows: list[list[object]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f, delimiter=";").writerows(rows)
    return path


def notes(db: sqlite_utils.Database) -> tuple[list[tuple], list[tuple]]:
    partners = db.execute(
        "SELECT s.date, p.partner FROM session_partners p JOIN sessions s ON s.id = p.session_id "
        "ORDER BY s.date, p.rowid"
    ).fetchall()
    stories = db.execute(
        "SELECT s.date, q.text, q.consent, q.review FROM session_stories q "
        "JOIN sessions s ON s.id = q.session_id ORDER BY s.date, q.id"
    ).fetchall()
    return partners, stories


def test_import_reads_partners_and_story_columns(
    tmp_path: Path, db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    path = write_csv(
        tmp_path / "sessies.csv",
        [
            [
                "Datum",
                "Activiteit",
                "Vestiging",
                "Deelnemers",
                "Met wie?",
                "Wat was bijzonder?",
                "bijzonder_toestemming",
            ],  # fmt: skip
            [
                "02-04-2025",
                "Workshop",
                "Diever",
                "11",
                "Theater Havelte; Dorpshuis Dwingeloo",
                PLAY,
                "ja",
            ],  # fmt: skip
            ["09-04-2025", "Workshop", "Diever", "9", "theater havelte", "", ""],
            ["16-04-2025", "Workshop", "Diever", "8", "", QUIET, ""],
        ],
    )
    report = import_sessions(db, catalogue, path, today=TODAY)
    assert report.stored == 3 and not report.ignored_columns
    partners, stories = notes(db)
    assert partners == [
        ("2025-04-02", "Theater Havelte"),
        ("2025-04-02", "Dorpshuis Dwingeloo"),
        ("2025-04-09", "theater havelte"),
    ]
    # No consent given: 'nee', as for a quote.
    assert stories == [("2025-04-02", PLAY, "ja", "new"), ("2025-04-16", QUIET, "nee", "new")]
    again = import_sessions(db, catalogue, path, today=TODAY)
    assert again.stored == 0 and notes(db) == (partners, stories)


def test_bad_story_cells_are_listed_and_nothing_is_stored(
    tmp_path: Path, db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    path = write_csv(
        tmp_path / "sessies.csv",
        [
            [
                "datum",
                "activiteit",
                "vestiging",
                "deelnemers",
                "partners",
                "bijzonder",
                "bijzonder toestemming",
            ],  # fmt: skip
            [
                "02-04-2025",
                "Workshop",
                "Diever",
                "11",
                "",
                "Sem de Vries speelde de hoofdrol.",
                "ja",
            ],  # fmt: skip
            ["09-04-2025", "Workshop", "Diever", "9", "", PLAY, "misschien"],
            ["10-04-2025", "Workshop", "Diever", "9", "", "a" * 401, "ja"],
            [
                "11-04-2025",
                "Workshop",
                "Diever",
                "9",
                "; ".join(f"P{n}" for n in range(11)),
                "",
                "",
            ],  # fmt: skip
            ["16-04-2025", "Workshop", "Diever", "8", "Theater Havelte", PLAY, "anoniem"],
            ["17-04-2025", "Workshop", "Diever", "8", "Theater Havelte; Marieke Bakker", "", ""],
        ],
    )
    with pytest.raises(ImportFailed) as failed:
        import_sessions(db, catalogue, path, today=TODAY)
    problems = failed.value.problems
    assert problems[0].startswith("regel 2: in 'bijzonder' staat een voor- en achternaam")
    assert problems[1] == (
        "regel 3: bijzonder toestemming 'misschien' is onbekend; kies ja, anoniem of nee"
    )
    assert problems[2].startswith("regel 4: 'bijzonder' is langer dan 400 tekens")
    assert problems[3] == "regel 5: Noem hoogstens 10 partners."
    assert problems[4] == (
        "regel 7: partner 'Marieke Bakker' lijkt de naam van een persoon; noem hier organisaties"
    )
    assert len(problems) == 5
    assert db.execute("SELECT count(*) FROM sessions").fetchone()[0] == 0


def _workshop(**extra: object) -> SessionIn:
    return SessionIn(
        date=date(2025, 4, 2), activity="workshop", vestiging="diever", deelnemers=11, **extra
    )


def test_export_carries_publishable_stories_and_partners_only(
    tmp_path: Path, db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    save_session(
        db,
        catalogue,
        _workshop(
            quotes=[QuoteIn(text="Wat een mooie middag was dit", consent="ja", attribution="opa")],
            partners=["Theater Havelte", "Dorpshuis Dwingeloo"],
            stories=[
                StoryIn(text=PLAY, consent="ja", review="approved"),
                StoryIn(text=INSIDE, consent="nee"),
                StoryIn(text=QUIET, consent="anoniem"),
            ],
        ),
        "test",
    )
    data = to_csv(export_rows(db, catalogue, 2025)).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(data), delimiter=";"))
    assert list(rows[0]) == COLUMNS
    assert INSIDE not in data  # 'nee' never leaves the database
    first, extra = rows
    assert first["partners"] == "Theater Havelte; Dorpshuis Dwingeloo"
    assert (first["bijzonder"], first["bijzonder toestemming"], first["bijzonder beoordeling"]) == (
        PLAY,
        "ja",
        "goedgekeurd",
    )
    # The second story gets a row of its own: same bron, no counts, no quote, no partners.
    assert extra["bron"] == first["bron"] and extra["deelnemers"] == "" and extra["citaat"] == ""
    assert (extra["bijzonder"], extra["bijzonder toestemming"], extra["partners"]) == (
        QUIET,
        "anoniem",
        "",
    )

    fresh = open_db(tmp_path / "fresh.db")
    path = tmp_path / "export.csv"
    path.write_text(data, encoding="utf-8-sig")
    assert import_sessions(fresh, catalogue, path, today=TODAY).stored == 1
    assert notes(fresh) == (
        [("2025-04-02", "Theater Havelte"), ("2025-04-02", "Dorpshuis Dwingeloo")],
        [("2025-04-02", PLAY, "ja", "approved"), ("2025-04-02", QUIET, "anoniem", "new")],
    )
    fresh.close()


def test_save_is_idempotent_and_a_correction_rewrites_the_notes(
    db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    session = _workshop(
        partners=["Theater Havelte", "theater  havelte"],
        stories=[StoryIn(text=PLAY, consent="ja")],
        source="bot",
        source_key="draft:abc",
    )
    first = save_session(db, catalogue, session, "test")
    second = save_session(db, catalogue, session, "test")  # the same press twice
    assert second.session_id == first.session_id and not second.created
    partners, stories = load_notes(db, first.session_id)
    assert partners == ["Theater Havelte"]
    assert [(s.text, s.consent, s.review) for s in stories] == [(PLAY, "ja", "new")]

    # Unchanged story: its review stays; partners replaced by the correction's.
    db.execute("UPDATE session_stories SET review = 'rejected'")
    db.conn.commit()
    corrected = _workshop(partners=["Dorpshuis Dwingeloo"], stories=stories)
    replace_session(db, catalogue, first.session_id, corrected, "test")
    partners, stories = load_notes(db, first.session_id)
    assert partners == ["Dorpshuis Dwingeloo"] and stories[0].review == "rejected"
    # A story that was erased meanwhile is never written back.
    db.execute("DELETE FROM session_stories")
    db.conn.commit()
    replace_session(db, catalogue, first.session_id, corrected, "test")
    assert load_notes(db, first.session_id)[1] == []

    with pytest.raises(SessionInvalid) as refused:
        save_session(db, catalogue, _workshop(stories=[StoryIn(text=" ")]), "test")
    assert str(refused.value) == "Wat er bijzonder was, is leeg."


def test_an_anonymous_story_is_published_without_place_and_date(
    db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    save_session(
        db,
        catalogue,
        _workshop(
            stories=[
                StoryIn(text=PLAY, consent="ja", review="approved"),
                StoryIn(text=QUIET, consent="anoniem"),
            ]
        ),
        "test",
    )
    report = build_report(db, catalogue, 2025, "westerveld")
    chapter = next(c for c in report.chapters if c.id == "leven-lang-ontwikkelen")
    shown = {e.text: (e.place, e.date) for e in chapter.events}
    assert shown == {PLAY: ("Bibliotheek Diever", date(2025, 4, 2)), QUIET: (None, None)}
    html, md = render_html(report), render_markdown(report)
    assert "Workshop, Bibliotheek Diever, " in html
    quiet = html[html.index(QUIET) :]
    assert "<figcaption>Workshop</figcaption>" in quiet[:400]
    assert f"{QUIET} (Workshop)" in md
    data = json.loads(render_json(report))["bijzonder"]["leven-lang-ontwikkelen"]
    assert {"tekst": QUIET, "activiteit": "workshop", "datum": None} in data
