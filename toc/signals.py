"""The rules for signals in a catalogue: what a leader can see or hear at one session.

Every effect has 1 to 3 short signals (at most 40 characters, so a button fits a phone) with
ids unique in the catalogue; an activity may choose at most six of its own effects' signals.
The loader names the file, line and item; this module says what is wrong, in Dutch.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, TypeVar

from toc.models import MAX_SIGNALS_PER_ACTIVITY, Activity, Effect

MAX_SIGNALS_PER_EFFECT = 3
MAX_SIGNAL_LENGTH = 40
_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_BAD_ID = (
    "een id bestaat alleen uit kleine letters, cijfers en streepjes, "
    "bijvoorbeeld 'luisterden-tot-eind'"
)
_NO_SIGNALS = (
    "dit effect heeft geen signalen; noem 1 tot 3 korte zinnen van wat een begeleider bij "
    "één bijeenkomst kan zien of horen, bijvoorbeeld "
    '{ id = "luisterden-tot-eind", tekst = "Kinderen luisterden tot het eind" }'
)

Item = TypeVar("Item")


def signal_problems(
    effects: Iterable[tuple[Item, Effect]], activities: Iterable[tuple[Item, Any]]
) -> list[tuple[Item, str]]:
    """(item, Dutch problem) for every broken rule, effects first."""
    out: list[tuple[Item, str]] = []
    owner: dict[str, str] = {}
    for item, effect in effects:
        if not effect.signals:
            out.append((item, _NO_SIGNALS))
        elif len(effect.signals) > MAX_SIGNALS_PER_EFFECT:
            out.append(
                (
                    item,
                    f"dit effect heeft {len(effect.signals)} signalen; "
                    f"noem er hoogstens {MAX_SIGNALS_PER_EFFECT}",
                )
            )
        for signal in effect.signals:
            text = signal.text.strip()
            if not _ID_RE.match(signal.id):
                out.append((item, f"signaal '{signal.id}': {_BAD_ID}"))
            elif signal.id in owner:
                out.append(
                    (
                        item,
                        f"het signaal-id '{signal.id}' staat ook bij effect "
                        f"'{owner[signal.id]}'; een id mag maar één keer voorkomen",
                    )
                )
            owner.setdefault(signal.id, effect.id)
            if not text:
                out.append((item, f"signaal '{signal.id}' heeft geen tekst"))
            elif len(text) > MAX_SIGNAL_LENGTH:
                out.append(
                    (
                        item,
                        f"signaal '{signal.id}' is {len(text)} tekens; maak het hoogstens "
                        f"{MAX_SIGNAL_LENGTH} tekens, dan past het op een knop op de telefoon",
                    )
                )
    for item, activity in activities:
        out += _activity_problems(item, activity, owner)
    return out


def _activity_problems(
    item: Item, activity: Activity, owner: dict[str, str]
) -> list[tuple[Item, str]]:
    out: list[tuple[Item, str]] = []
    if len(activity.signals) > MAX_SIGNALS_PER_ACTIVITY:
        out.append(
            (
                item,
                f"noem hoogstens {MAX_SIGNALS_PER_ACTIVITY} signalen, niet {len(activity.signals)}",
            )
        )
    for signal_id in activity.signals:
        if owner.get(signal_id) not in activity.effects:
            out.append(
                (
                    item,
                    f"het signaal '{signal_id}' hoort niet bij een van de effecten van deze "
                    "activiteit",
                )
            )
    return out
