"""Partners ("Met wie?") and session stories ("Wat was bijzonder?"): stored once, published
only with consent and not rejected, and shown in the report beside the quotes."""

from __future__ import annotations

import json
from datetime import date

import pytest
import sqlite_utils

from reports.model import build_report
from reports.render import render_html, render_json, render_markdown
from store.session_notes import (
    add_partners,
    add_story,
    partners_per_activity,
    publishable_stories,
    set_story_review,
)
from store.sessions import SessionIn, save_session
from toc.models import Catalogue

SPECIAL = "Elf kinderen maakten samen een eigen theaterstuk en speelden het voor hun ouders."
NOT_PUBLIC = "Een verhaal dat alleen voor ons eigen leren is."
REJECTED = "Een verhaal dat de manager afwees."


def _session(db: sqlite_utils.Database, cat: Catalogue, day: str, vestiging: str) -> int:
    saved = save_session(
        db,
        cat,
        SessionIn(
            date=date.fromisoformat(day), activity="workshop", vestiging=vestiging, deelnemers=11
        ),
        "test",
    )
    return saved.session_id


def test_partners_are_stored_once_and_added_to_the_catalogues(
    db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    first = _session(db, catalogue, "2025-04-02", "havelte")
    second = _session(db, catalogue, "2025-05-07", "diever")
    elsewhere = _session(db, catalogue, "2025-05-08", "beilen")
    assert add_partners(db, first, ["Theater Havelte", " theater  havelte ", "Bieb Havelte"]) == 2
    assert add_partners(db, first, ["THEATER HAVELTE"]) == 0  # pressed twice: stored once
    add_partners(db, second, ["Dorpshuis Diever", ""])
    add_partners(db, elsewhere, ["Museum Beilen"])
    named = partners_per_activity(db, 2025, "westerveld")
    assert named == {"workshop": ["Bieb Havelte", "Dorpshuis Diever", "Theater Havelte"]}
    assert "Museum Beilen" in partners_per_activity(db, 2025, None)["workshop"]

    report = build_report(db, catalogue, 2025, "westerveld")
    partners = report.activities["workshop"].partners
    assert partners[: len(catalogue.activities["workshop"].partners)] == list(
        catalogue.activities["workshop"].partners
    )
    assert "Dorpshuis Diever" in partners and "Museum Beilen" not in partners
    assert "Dorpshuis Diever" in render_html(report)


def test_only_publishable_stories_reach_the_report(
    db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    session = _session(db, catalogue, "2025-04-02", "havelte")
    story = add_story(db, session, SPECIAL, consent="ja")
    assert add_story(db, session, f"  {SPECIAL} ", consent="ja") == story  # stored once
    add_story(db, session, NOT_PUBLIC, consent="nee")
    rejected = add_story(db, session, REJECTED, consent="anoniem")
    set_story_review(db, rejected, "rejected", None)
    assert [s.text for s in publishable_stories(db, 2025, "westerveld")] == [SPECIAL]
    assert publishable_stories(db, 2025, "de-wolden") == []

    report = build_report(db, catalogue, 2025, "westerveld")
    chapter = next(c for c in report.chapters if c.id == "leven-lang-ontwikkelen")
    assert [e.text for e in chapter.events] == [SPECIAL]
    html, md = render_html(report), render_markdown(report)
    assert SPECIAL in html and "Wat was bijzonder" in html
    assert SPECIAL in md
    for text in (html, md, render_json(report)):
        assert NOT_PUBLIC not in text and REJECTED not in text
    data = json.loads(render_json(report))
    assert data["bijzonder"]["leven-lang-ontwikkelen"] == [
        {"tekst": SPECIAL, "activiteit": "workshop", "datum": "2025-04-02"}
    ]


def test_a_story_needs_text_and_a_known_consent(
    db: sqlite_utils.Database, catalogue: Catalogue
) -> None:
    session = _session(db, catalogue, "2025-04-02", "havelte")
    with pytest.raises(ValueError):
        add_story(db, session, "   ")
    with pytest.raises(ValueError):
        add_story(db, session, "Mooi.", consent="misschien")
    # A deleted session takes its partners and stories with it.
    add_partners(db, session, ["Theater Havelte"])
    add_story(db, session, SPECIAL, consent="ja")
    db.execute("DELETE FROM sessions WHERE id = ?", [session])
    assert db.execute("SELECT count(*) FROM session_stories").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM session_partners").fetchone()[0] == 0
