"""A TOML mistake in plain Dutch: where it is (line, column, the line itself) and what is
wrong, instead of tomllib's English ("Expected ']' at the end of a table declaration")."""

from __future__ import annotations

import re
import tomllib

# tomllib's messages (Python 3.11-3.13), the most specific first.
_MEANINGS = [
    ("end of a table declaration", "een ] ontbreekt aan het eind van de kop, zoals [storage]"),
    ("end of an array declaration", "een ]] ontbreekt aan het eind van de kop"),
    ("expected '=' after a key", "na een naam hoort een =, bijvoorbeeld port = 8443"),
    ("illegal character '\\n'", 'een aanhalingsteken " wordt niet gesloten op deze regel'),
    ("unterminated string", 'een aanhalingsteken " wordt niet gesloten'),
    ("unclosed array", "een lijst met [ wordt niet gesloten met ]"),
    ("unclosed inline table", "een { wordt niet gesloten met }"),
    ("illegal character", "hier staat een teken dat niet mag (een tab of een stuurteken)"),
    ("invalid value", 'deze waarde kan ik niet lezen: tekst hoort tussen "aanhalingstekens"'),
    ("cannot overwrite a value", "deze naam staat er twee keer"),
    ("cannot declare", "deze kop staat er twee keer"),
    ("expected newline", "na een waarde hoort een nieuwe regel"),
    ("invalid initial character for a key", "een naam begint met een letter"),
    ("invalid statement", "deze regel is geen kop [..] en geen naam = waarde"),
]
_WHERE = re.compile(r"\(at line (\d+), column (\d+)\)")


def dutch_toml_error(exc: tomllib.TOMLDecodeError, text: str) -> str:
    """'regel 1, kolom 9 ([storage): een ] ontbreekt …' — no English words."""
    message = str(exc).lower()
    meaning = next((dutch for key, dutch in _MEANINGS if key in message), None)
    meaning = meaning or "hier klopt iets niet (aanhalingstekens, = of haakjes)"
    found = _WHERE.search(str(exc))
    if found is None:
        return f"aan het eind van het bestand: {meaning}"
    line, column = int(found.group(1)), int(found.group(2))
    lines = text.splitlines()
    shown = lines[line - 1].strip() if 0 < line <= len(lines) else ""
    shown = shown if len(shown) <= 60 else shown[:59] + "…"
    return f"regel {line}, kolom {column}" + (f" ({shown})" if shown else "") + f": {meaning}"
