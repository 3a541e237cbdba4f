"""The audit trail: who changed what, when. Never the content of a quote."""

from __future__ import annotations

import json

import sqlite_utils

from store.db import insert, now_iso


def record(
    db: sqlite_utils.Database,
    actor: str,
    action: str,
    entity: str,
    entity_id: object = None,
    **detail: object,
) -> None:
    """Append one audit row; call inside the transaction of the change it describes."""
    insert(
        db,
        "audit",
        {
            "at": now_iso(),
            "actor": actor,
            "action": action,
            "entity": entity,
            "entity_id": None if entity_id is None else str(entity_id),
            "detail": json.dumps(detail, ensure_ascii=False, default=str, sort_keys=True),
        },
    )


def trail(db: sqlite_utils.Database, entity: str, entity_id: object) -> list[dict]:
    rows = db.execute(
        "SELECT at, actor, action, detail FROM audit WHERE entity = ? AND entity_id = ? "
        "ORDER BY id",
        [entity, str(entity_id)],
    ).fetchall()
    return [
        {"at": at, "actor": actor, "action": action, "detail": json.loads(detail)}
        for at, actor, action, detail in rows
    ]
