"""Registered people and the single-use invitation codes that register them."""

from __future__ import annotations

import json
import secrets
from datetime import UTC, datetime, timedelta
from typing import Literal

import sqlite_utils
from pydantic import BaseModel

from ground.errors import ImpactbotError
from store import audit
from store.db import insert, now_iso, transaction

Role = Literal["leider", "manager", "admin"]
# Codes are short enough to type, long enough not to guess (32^10).
_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


class InviteError(ImpactbotError):
    """An invitation code that cannot be used; the message says why."""


class Person(BaseModel):
    id: int
    telegram_id: int | None
    display_name: str
    role: Role
    gemeente: str | None
    vestigingen: list[str]
    reminders: bool
    active: bool

    @property
    def is_manager(self) -> bool:
        return self.role in ("manager", "admin")

    def may_see(self, gemeente: str | None) -> bool:
        """Admins see everything; a manager sees their own gemeente (or all, if none set)."""
        if self.role == "admin":
            return True
        if self.role != "manager":
            return False
        return self.gemeente is None or gemeente == self.gemeente


class Invite(BaseModel):
    code: str
    role: Role
    gemeente: str | None
    vestiging: str | None
    expires_at: str


def new_code(length: int = 10) -> str:
    return "".join(secrets.choice(_ALPHABET) for _ in range(length))


def create_invite(
    db: sqlite_utils.Database,
    role: Role,
    gemeente: str | None = None,
    vestiging: str | None = None,
    days: int = 14,
    created_by: int | None = None,
    actor: str = "cli",
) -> Invite:
    expires = (datetime.now(UTC) + timedelta(days=days)).isoformat(timespec="seconds")
    code = new_code()
    with transaction(db):
        insert(
            db,
            "invites",
            {
                "code": code,
                "role": role,
                "gemeente": gemeente,
                "vestiging": vestiging,
                "created_by": created_by,
                "created_at": now_iso(),
                "expires_at": expires,
            },
        )
        audit.record(db, actor, "create", "invite", code, role=role, gemeente=gemeente)
    return Invite(code=code, role=role, gemeente=gemeente, vestiging=vestiging, expires_at=expires)


# Higher rank sees and may do more; opening a lower invite would take that away.
ROLE_RANK = {"leider": 0, "manager": 1, "admin": 2}


def invite_role(db: sqlite_utils.Database, code: str) -> str | None:
    """The role an unused invite gives (None: unknown or used; redeem_invite says why)."""
    row = db.execute(
        "SELECT role FROM invites WHERE code = ? AND used_at IS NULL", [code.strip().lower()]
    ).fetchone()
    return str(row[0]) if row else None


def redeem_invite(
    db: sqlite_utils.Database, code: str, telegram_id: int, display_name: str
) -> Person:
    """Register (or re-scope) the Telegram user with the invite's role; the code is then used."""
    code = code.strip().lower()
    with transaction(db):
        row = db.execute(
            "SELECT role, gemeente, vestiging, expires_at, used_at FROM invites WHERE code = ?",
            [code],
        ).fetchone()
        if row is None:
            raise InviteError("Deze uitnodigingscode ken ik niet. Controleer de link.")
        role, gemeente, vestiging, expires_at, used_at = row
        if used_at is not None:
            raise InviteError("Deze uitnodiging is al gebruikt. Vraag om een nieuwe.")
        if datetime.fromisoformat(expires_at) < datetime.now(UTC):
            raise InviteError("Deze uitnodiging is verlopen. Vraag om een nieuwe.")
        vestigingen = json.dumps([vestiging] if vestiging else [])
        existing = db.execute(
            "SELECT id FROM people WHERE telegram_id = ?", [telegram_id]
        ).fetchone()
        if existing:
            person_id = int(existing[0])
            db.execute(
                "UPDATE people SET display_name = ?, role = ?, gemeente = ?, vestigingen = ?, "
                "active = 1 WHERE id = ?",
                [display_name, role, gemeente, vestigingen, person_id],
            )
        else:
            person_id = insert(
                db,
                "people",
                {
                    "telegram_id": telegram_id,
                    "display_name": display_name,
                    "role": role,
                    "gemeente": gemeente,
                    "vestigingen": vestigingen,
                    "created_at": now_iso(),
                },
            )
        db.execute(
            "UPDATE invites SET used_at = ?, used_by = ? WHERE code = ?",
            [now_iso(), person_id, code],
        )
        audit.record(db, f"person:{person_id}", "register", "person", person_id, role=role)
    person = get_person(db, person_id)
    assert person is not None
    return person


def _person(row: tuple) -> Person:
    pid, tid, name, role, gemeente, vestigingen, reminders, active = row
    return Person(
        id=pid,
        telegram_id=tid,
        display_name=name,
        role=role,
        gemeente=gemeente,
        vestigingen=json.loads(vestigingen or "[]"),
        reminders=bool(reminders),
        active=bool(active),
    )


_COLUMNS = "id, telegram_id, display_name, role, gemeente, vestigingen, reminders, active"


def get_person(db: sqlite_utils.Database, person_id: int) -> Person | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM people WHERE id = ?", [person_id]).fetchone()
    return _person(row) if row else None


def person_by_telegram(db: sqlite_utils.Database, telegram_id: int) -> Person | None:
    row = db.execute(
        f"SELECT {_COLUMNS} FROM people WHERE telegram_id = ? AND active = 1", [telegram_id]
    ).fetchone()
    return _person(row) if row else None


def list_people(db: sqlite_utils.Database, role: Role | None = None) -> list[Person]:
    sql = f"SELECT {_COLUMNS} FROM people WHERE active = 1"
    params: list[object] = []
    if role:
        sql += " AND role = ?"
        params.append(role)
    return [_person(r) for r in db.execute(sql + " ORDER BY id", params).fetchall()]


def set_display_name(db: sqlite_utils.Database, person_id: int, name: str) -> None:
    with transaction(db):
        db.execute("UPDATE people SET display_name = ? WHERE id = ?", [name, person_id])
        audit.record(db, f"person:{person_id}", "rename", "person", person_id)


def set_reminders(db: sqlite_utils.Database, person_id: int, on: bool) -> None:
    with transaction(db):
        db.execute("UPDATE people SET reminders = ? WHERE id = ?", [int(on), person_id])
        audit.record(db, f"person:{person_id}", "reminders", "person", person_id, on=on)
