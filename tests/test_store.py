"""The store against real SQLite files: schema, migrations, the session write path, invites."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta

import pytest
import sqlite_utils

from store import audit
from store.db import StoreError, migrate, open_db, schema_version
from store.migrations import LATEST
from store.people import InviteError, create_invite, person_by_telegram, redeem_invite
from store.sessions import (
    MeasurementIn,
    QuoteIn,
    SessionIn,
    SessionInvalid,
    delete_session,
    load_session,
    replace_session,
    save_session,
)
from toc.models import (
    Activity,
    Catalogue,
    Effect,
    Gemeente,
    Opgave,
    Programmalijn,
    Vestiging,
)


@pytest.fixture
def catalogue() -> Catalogue:
    return Catalogue(
        opgaven={"participatie": Opgave(id="participatie", name="Participatie", goal="Doel.")},
        programmalijnen={
            "meedoen": Programmalijn(id="meedoen", name="Meedoen", opgave="participatie")
        },
        activities={
            "klik-en-tik": Activity(
                id="klik-en-tik",
                name="Klik & Tik",
                programmalijn="meedoen",
                kind="reeks",
                effects=["digivaardig"],
            ),
            "ido-spreekuur": Activity(
                id="ido-spreekuur",
                name="IDO-spreekuur",
                programmalijn="meedoen",
                kind="spreekuur",
                indicators=["bezoekers", "vragen"],
                effects=["zelfredzaam"],
            ),
        },
        effects={
            "digivaardig": Effect(id="digivaardig", name="Digitaal vaardiger", measurable=True),
            "zelfredzaam": Effect(id="zelfredzaam", name="Zelfredzamer"),
        },
        kengetallen={},
        gemeenten={"westerveld": Gemeente(id="westerveld", name="Westerveld")},
        vestigingen={"havelte": Vestiging(id="havelte", name="Havelte", gemeente="westerveld")},
    )


@pytest.fixture
def db(tmp_path) -> sqlite_utils.Database:
    return open_db(tmp_path / "impactbot.db")


def spreekuur(**extra) -> SessionIn:
    data = dict(
        date=date(2025, 3, 14),
        activity="ido-spreekuur",
        vestiging="havelte",
        deelnemers=6,
        vragen=9,
        effects=["zelfredzaam"],
        quotes=[QuoteIn(text="Eindelijk snap ik DigiD.", attribution="Jan, 72", consent="ja")],
        source_key="draft:abc",
    )
    data.update(extra)
    return SessionIn(**data)


def test_fresh_database_is_at_latest_schema_with_wal_and_foreign_keys(tmp_path):
    db = open_db(tmp_path / "a.db")
    assert schema_version(db) == LATEST
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert {"sessions", "quotes", "audit", "processed", "drafts"} <= set(db.table_names())


def test_old_database_is_migrated_and_keeps_its_data(tmp_path):
    path = tmp_path / "old.db"
    old = sqlite_utils.Database(sqlite3.connect(path))
    migrate(old, target=1)
    old.execute(
        "INSERT INTO people (telegram_id, display_name, role, created_at) "
        "VALUES (42, 'Anne', 'leider', '2025-01-01')"
    )
    old.conn.commit()
    assert "reminders_sent" not in old.table_names()
    old.conn.close()

    db = open_db(path)
    assert schema_version(db) == LATEST
    assert "reminders_sent" in db.table_names()
    assert db.execute("SELECT display_name FROM people").fetchone()[0] == "Anne"


def test_newer_database_is_refused(tmp_path):
    path = tmp_path / "new.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.close()
    with pytest.raises(StoreError, match="Werk Impactbot bij"):
        open_db(path)


def test_save_session_stores_everything_once(db, catalogue):
    first = save_session(db, catalogue, spreekuur(), actor="person:1")
    again = save_session(db, catalogue, spreekuur(), actor="person:1")
    assert first.created and not again.created
    assert again.session_id == first.session_id
    assert db.execute("SELECT count(*) FROM sessions").fetchone()[0] == 1
    row = db.execute("SELECT gemeente, year, deelnemers, vragen FROM sessions").fetchone()
    assert row == ("westerveld", 2025, 6, 9)
    assert db.execute("SELECT effect FROM observations").fetchall() == [("zelfredzaam",)]
    assert db.execute("SELECT consent, review FROM quotes").fetchone() == ("ja", "new")
    assert [t["action"] for t in audit.trail(db, "session", first.session_id)] == ["create"]


def test_audit_trail_never_holds_quote_text(db, catalogue):
    save_session(db, catalogue, spreekuur(), actor="person:1")
    details = " ".join(r[0] for r in db.execute("SELECT detail FROM audit"))
    assert "DigiD" not in details


def test_invalid_session_names_every_problem_and_stores_nothing(db, catalogue):
    bad = spreekuur(
        activity="klik-en-tik", vestiging="atlantis", effects=["zelfredzaam"], deelnemers=-1
    )
    with pytest.raises(SessionInvalid) as error:
        save_session(db, catalogue, bad, actor="cli")
    message = str(error.value)
    assert "atlantis" in message
    assert "zelfredzaam" in message
    assert "deelnemers" in message
    assert db.execute("SELECT count(*) FROM sessions").fetchone()[0] == 0


def test_failed_write_rolls_back_the_whole_report(db, catalogue):
    # A measurement that breaks a CHECK constraint after the session row was inserted.
    s = SessionIn(
        date=date(2025, 3, 3),
        activity="klik-en-tik",
        vestiging="havelte",
        deelnemers=8,
        enrolled=8,
        series_name="voorjaar",
        measurements=[MeasurementIn(effect="digivaardig", moment="voor", able=2, measured=8)],
    )
    db.execute(
        "CREATE TRIGGER boom BEFORE INSERT ON measurements BEGIN SELECT RAISE(ABORT, 'x'); END"
    )
    with pytest.raises(sqlite3.DatabaseError):
        save_session(db, catalogue, s, actor="cli")
    assert db.execute("SELECT count(*) FROM sessions").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM series").fetchone()[0] == 0


def test_series_lessons_share_one_course_and_track_first_and_last(db, catalogue):
    def lesson(day: int, n: int, **extra) -> SessionIn:
        return SessionIn(
            date=date(2025, 3, day),
            activity="klik-en-tik",
            vestiging="havelte",
            deelnemers=n,
            series_name="voorjaar",
            **extra,
        )

    save_session(
        db,
        catalogue,
        lesson(
            3,
            8,
            enrolled=8,
            lesson=1,
            measurements=[MeasurementIn(effect="digivaardig", moment="voor", able=2, measured=8)],
        ),
        actor="cli",
    )
    save_session(db, catalogue, lesson(10, 7, lesson=2), actor="cli")
    save_session(
        db,
        catalogue,
        lesson(
            24,
            8,
            lesson=3,
            last_lesson=True,
            measurements=[MeasurementIn(effect="digivaardig", moment="na", able=7, measured=8)],
        ),
        actor="cli",
    )
    series = db.execute("SELECT enrolled, first_lesson, last_lesson, closed FROM series").fetchall()
    assert series == [(8, "2025-03-03", "2025-03-24", 1)]
    assert db.execute("SELECT count(DISTINCT series_id) FROM sessions").fetchone()[0] == 1
    assert db.execute("SELECT moment, able FROM measurements ORDER BY moment DESC").fetchall() == [
        ("voor", 2),
        ("na", 7),
    ]


def test_correction_and_deletion_are_audited(db, catalogue):
    result = save_session(db, catalogue, spreekuur(), actor="person:1")
    loaded = load_session(db, result.session_id)
    assert loaded is not None and loaded.quotes[0].attribution == "Jan, 72"
    changed = loaded.model_copy(update={"deelnemers": 7, "quotes": []})
    replace_session(db, catalogue, result.session_id, changed, actor="person:1")
    assert db.execute("SELECT deelnemers FROM sessions").fetchone()[0] == 7
    assert db.execute("SELECT count(*) FROM quotes").fetchone()[0] == 0
    assert delete_session(db, result.session_id, actor="person:1")
    assert not delete_session(db, result.session_id, actor="person:1")
    actions = [t["action"] for t in audit.trail(db, "session", result.session_id)]
    assert actions == ["create", "update", "delete"]
    assert db.execute("SELECT count(*) FROM observations").fetchone()[0] == 0


def test_invite_is_single_use(db):
    invite = create_invite(db, "leider", gemeente="westerveld", vestiging="havelte")
    person = redeem_invite(db, invite.code, telegram_id=1001, display_name="Anne")
    assert (person.role, person.gemeente, person.vestigingen) == (
        "leider",
        "westerveld",
        ["havelte"],
    )
    assert person_by_telegram(db, 1001) == person
    with pytest.raises(InviteError, match="al gebruikt"):
        redeem_invite(db, invite.code, telegram_id=1002, display_name="Bert")
    assert person_by_telegram(db, 1002) is None


def test_unknown_and_expired_invites_are_refused(db):
    with pytest.raises(InviteError, match="ken ik niet"):
        redeem_invite(db, "nietbestaand", telegram_id=1, display_name="X")
    invite = create_invite(db, "manager", gemeente="westerveld")
    past = (datetime.now(UTC) - timedelta(minutes=1)).isoformat()
    with db.conn:
        db.execute("UPDATE invites SET expires_at = ? WHERE code = ?", [past, invite.code])
    with pytest.raises(InviteError, match="verlopen"):
        redeem_invite(db, invite.code, telegram_id=1, display_name="X")


def test_manager_scope(db):
    leider = redeem_invite(db, create_invite(db, "leider").code, 1, "L")
    manager = redeem_invite(db, create_invite(db, "manager", gemeente="westerveld").code, 2, "M")
    admin = redeem_invite(db, create_invite(db, "admin").code, 3, "A")
    assert not leider.may_see("westerveld")
    assert manager.may_see("westerveld") and not manager.may_see("de-wolden")
    assert admin.may_see("de-wolden") and admin.may_see(None)


def test_a_correction_keeps_the_managers_review_of_an_unchanged_quote(db, catalogue):
    result = save_session(db, catalogue, spreekuur(), actor="person:1")
    with db.conn:
        db.execute("UPDATE quotes SET review = 'rejected'")
    loaded = load_session(db, result.session_id)
    assert loaded is not None and loaded.quotes[0].id is not None
    # The leader corrects only the counts: the rejected quote must stay rejected.
    replace_session(
        db, catalogue, result.session_id, loaded.model_copy(update={"deelnemers": 7}), "p:1"
    )
    assert db.execute("SELECT id, review FROM quotes").fetchall() == [
        (loaded.quotes[0].id, "rejected")
    ]
    # Changing the quote's words sends it back to review; a new quote is added as new.
    changed = loaded.model_copy(
        update={
            "quotes": [
                loaded.quotes[0].model_copy(update={"text": "DigiD lukt nu."}),
                QuoteIn(text="Fijne ochtend.", consent="anoniem"),
            ]
        }
    )
    replace_session(db, catalogue, result.session_id, changed, "p:1")
    assert db.execute("SELECT text, review FROM quotes ORDER BY id").fetchall() == [
        ("DigiD lukt nu.", "new"),
        ("Fijne ochtend.", "new"),
    ]
    # Leaving a quote out of the correction removes it.
    replace_session(
        db, catalogue, result.session_id, changed.model_copy(update={"quotes": []}), "p:1"
    )
    assert db.execute("SELECT count(*) FROM quotes").fetchone()[0] == 0


def test_an_erased_quote_never_comes_back_from_a_correction(db, catalogue):
    from store.drafts import load_draft, save_draft
    from store.erasure import forget_quote

    result = save_session(db, catalogue, spreekuur(), actor="person:1")
    loaded = load_session(db, result.session_id)
    assert loaded is not None
    quote_id = loaded.quotes[0].id
    assert quote_id is not None
    # A correction in progress holds a copy of the quote.
    save_draft(db, 1001, "d1", {"session_id": result.session_id, "quotes": [{"id": quote_id}]})
    assert forget_quote(db, quote_id, actor="person:9")
    assert load_draft(db, 1001) is None
    # Even a stale copy saved afterwards does not write the quote back.
    replace_session(db, catalogue, result.session_id, loaded, "person:1")
    assert db.execute("SELECT count(*) FROM quotes").fetchone()[0] == 0
    assert "DigiD" not in " ".join(r[0] for r in db.execute("SELECT detail FROM audit"))


def test_a_lesson_cannot_join_another_vestigings_course(db, catalogue):
    catalogue = catalogue.model_copy(
        update={
            "vestigingen": {
                **catalogue.vestigingen,
                "diever": Vestiging(id="diever", name="Diever", gemeente="westerveld"),
            }
        }
    )
    first = save_session(
        db,
        catalogue,
        SessionIn(
            date=date(2025, 3, 3),
            activity="klik-en-tik",
            vestiging="havelte",
            deelnemers=8,
            series_name="voorjaar",
        ),
        actor="cli",
    )
    series_id = db.execute("SELECT series_id FROM sessions WHERE id = ?", [first.session_id])
    other = SessionIn(
        date=date(2025, 3, 10),
        activity="klik-en-tik",
        vestiging="diever",
        deelnemers=5,
        series_id=series_id.fetchone()[0],
    )
    with pytest.raises(SessionInvalid, match="cursusreeks"):
        save_session(db, catalogue, other, actor="cli")
