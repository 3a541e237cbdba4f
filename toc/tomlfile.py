"""Reading the TOML files: every [[section]] item validated by its model, and each problem
collected with the file, the line, the item and the Dutch key, in plain Dutch.

The checks across items (references, duplicate ids, aliases) are in toc.loader.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ground.errors import ImpactbotError
from ground.tomltext import dutch_toml_error
from toc.survey import survey_label


class CatalogueError(ImpactbotError):
    """The catalogue or organisation file has one or more problems; all are listed."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems: list[str] = list(problems)
        super().__init__(str(self))

    def __str__(self) -> str:
        n = len(self.problems)
        head = "De verandertheorie klopt niet" + (
            " (1 probleem):" if n == 1 else f" ({n} problemen):"
        )
        return "\n".join([head, *(f"- {p}" for p in self.problems)])


@dataclass
class _Item:
    section: str
    index: int
    raw: dict[str, Any]
    line: int | None
    model: BaseModel | None = None


@dataclass
class _File:
    name: str
    text: str | None = None
    data: dict[str, Any] | None = None
    items: dict[str, list[_Item]] = field(default_factory=dict)


class _Checker:
    def __init__(self) -> None:
        self.problems: list[str] = []

    def add(self, file: _File, item: _Item | None, key: str | None, text: str) -> None:
        where = file.name
        if item is not None and item.line is not None:
            where += f", regel {item.line}"
        parts = [where]
        if item is not None:
            parts.append(_label(item))
        if key is not None:
            parts.append(f"veld '{key}'")
        self.problems.append(": ".join(parts) + ": " + text)


_OPTIONAL = {"kengetal", "contract", "rooster", "stelling", "vragenlijst", "pakket"}


def _label(item: _Item) -> str:
    raw = item.raw
    if item.section == "contract":
        return f"contract {item.index} ({raw.get('gemeente', '?')} {raw.get('jaar', '?')})"
    if item.section in ("stelling", "vragenlijst"):
        return survey_label(item.section, item.index, raw)
    if item.section == "rooster":
        return f"rooster {item.index} ({raw.get('activiteit', '?')} in {raw.get('vestiging', '?')})"
    ident = raw.get("id")
    if isinstance(ident, str) and ident:
        return f"{item.section} '{ident}'"
    return f"{item.section} {item.index} (zonder id)"


_TYPE_TEXT = {
    "missing": "dit veld ontbreekt; vul het in",
    "literal_error": "'{value}' is geen geldige waarde{sub}; kies uit {expected}",
    "string_type": "dit moet tekst zijn{sub}, tussen aanhalingstekens",
    "int_type": "dit moet een heel getal zijn{sub}, niet {value!r}",
    "bool_type": "dit moet true of false zijn{sub}, niet {value!r}",
    "list_type": 'dit moet een lijst zijn, bijvoorbeeld ["a", "b"]',
    "dict_type": "dit moet een tabel zijn, bijvoorbeeld {{ a = 1 }}",
    "greater_than_equal": "dit moet {ge} of meer zijn{sub}, niet {value!r}",
}
_TYPE_ALIASES = {
    "int_parsing": "int_type",
    "int_from_float": "int_type",
    "bool_parsing": "bool_type",
}


# A key inside a table (e.g. a gemeente's 'locaties') that is not there, and why.
_NESTED_HINTS = {
    ("locaties", "bibliotheken"): (
        "bibliotheken en servicepunten telt het rapport uit de [[vestiging]]-lijst "
        '(type = "servicepunt"); haal dit weg'
    ),
}
_NESTED_HINTS[("locaties", "servicepunten")] = _NESTED_HINTS[("locaties", "bibliotheken")]


def _keys(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items()]


def _nested_keys(model: type[BaseModel]) -> dict[str, list[str]]:
    """Per field that is itself a table (a model): the keys that table allows."""
    return {
        f.alias or name: _keys(f.annotation)
        for name, f in model.model_fields.items()
        if isinstance(f.annotation, type) and issubclass(f.annotation, BaseModel)
    }


def _pydantic_text(
    err: dict[str, Any], allowed: list[str], nested: dict[str, list[str]] | None = None
) -> tuple[str, str]:
    """Turn one pydantic error into (Dutch key, plain Dutch explanation)."""
    loc = [str(part) for part in err["loc"]]
    key = loc[0] if loc else "?"
    if err["type"] == "extra_forbidden" and len(loc) > 1:
        inner, options = loc[-1], (nested or {}).get(key, [])
        special = _NESTED_HINTS.get((key, inner.casefold()))
        close = difflib.get_close_matches(inner, options, n=1)
        hint = f"bedoel je '{close[0]}'?" if close else f"toegestaan: {', '.join(options)}"
        return key, f"'{inner}' bestaat hier niet; {special or hint}"
    if err["type"] == "extra_forbidden":
        close = difflib.get_close_matches(key, allowed, n=1)
        hint = f" Bedoel je '{close[0]}'?" if close else f" Toegestaan: {', '.join(allowed)}."
        return key, f"deze sleutel bestaat niet.{hint}"
    template = _TYPE_TEXT.get(_TYPE_ALIASES.get(err["type"], err["type"]))
    sub = f" (onderdeel {'/'.join(loc[1:])})" if len(loc) > 1 else ""
    if template is None:
        return key, f"ongeldige waarde{sub} ({err['msg']})"
    expected = str(err.get("ctx", {}).get("expected", "")).replace(" or ", " of ")
    ge = err.get("ctx", {}).get("ge")
    return key, template.format(value=err.get("input"), sub=sub, expected=expected, ge=ge)


def _read(file: _File, path: Path | None, resource: str, check: _Checker) -> None:
    try:
        if path is None:
            file.text = resources.files("toc.data").joinpath(resource).read_text(encoding="utf-8")
        else:
            file.text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        check.add(file, None, None, "dit bestand bestaat niet")
        return
    except (OSError, UnicodeDecodeError) as exc:
        check.add(file, None, None, f"dit bestand is niet te lezen ({exc})")
        return
    try:
        file.data = tomllib.loads(file.text)
    except tomllib.TOMLDecodeError as exc:
        check.problems.append(
            f"{file.name}: {dutch_toml_error(exc, file.text)}. Dit is dus geen geldige TOML: "
            "controleer aanhalingstekens, komma's en haakjes."
        )


def _header_lines(text: str, section: str) -> list[int]:
    pattern = re.compile(rf"^\s*\[\[\s*{re.escape(section)}\s*\]\]")
    return [n for n, line in enumerate(text.splitlines(), start=1) if pattern.match(line)]


def _parse_sections(
    file: _File, sections: dict[str, type[BaseModel]], scalars: set[str], check: _Checker
) -> None:
    assert file.data is not None and file.text is not None
    for key in file.data:
        if key in sections or key in scalars:
            continue
        close = difflib.get_close_matches(key, [*sections, *scalars], n=1)
        hint = f" Bedoel je '{close[0]}'?" if close else f" Toegestaan: {', '.join(sections)}."
        check.add(file, None, key, f"deze sleutel bestaat niet.{hint}")
    for section, model in sections.items():
        value = file.data.get(section, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            text = f"schrijf elk item als [[{section}]] met de velden eronder"
            check.add(file, None, section, text)
            file.items[section] = []
            continue
        if not value and section not in _OPTIONAL:
            check.add(file, None, section, f"er staat geen enkel [[{section}]] in dit bestand")
        lines = _header_lines(file.text, section)
        allowed, nested = _keys(model), _nested_keys(model)
        items: list[_Item] = []
        for index, raw in enumerate(value, start=1):
            line = lines[index - 1] if len(lines) == len(value) else None
            item = _Item(section, index, raw, line)
            try:
                item.model = model.model_validate(raw)
            except ValidationError as exc:
                for err in exc.errors():
                    key, text = _pydantic_text(dict(err), allowed, nested)
                    if (section, key, err["type"]) == ("activiteit", "programmalijn", "missing"):
                        text = "dit veld ontbreekt; elke activiteit hoort bij een programmalijn"
                    check.add(file, item, key, text)
            items.append(item)
        file.items[section] = items
