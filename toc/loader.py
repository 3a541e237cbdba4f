"""Load and check the Theory of Change (catalogue.toml) and the organisation (organisation.toml).

Every problem is collected before anything is raised, so the functional administrator sees all
mistakes at once. Each message names the file (and line where known), the item and the Dutch
key, in plain Dutch.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from toc import models as m
from toc.models import Activity, Catalogue
from toc.schedule import ScheduleRuleError, parse_rule
from toc.signals import signal_problems
from toc.survey import check_statements
from toc.tomlfile import CatalogueError, _Checker, _File, _Item, _parse_sections, _read

CATALOGUE_FILE = "catalogue.toml"
ORGANISATION_FILE = "organisation.toml"

_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Ids travel in the bot's button data, which Telegram limits to 64 bytes; the longest
# combination (a reminder's "hr:<activiteit>:<vestiging>:<yyyymmdd>", a report's
# "<draft>:effects:t:<effect>") must fit. tests/test_catalogue_errors.py checks the sums.
MAX_ID_LENGTH = {
    "activiteit": 28,
    "programmalijn": 28,
    "effect": 40,
    "opgave": 24,
    "kengetal": 24,
    "gemeente": 20,
    "vestiging": 20,
}
_TIME_RE = re.compile(r"^(?:[01]\d|2[0-3]):[0-5]\d$")
# Which counts fit which kind of activity.
_REQUIRED = {"spreekuur": {"bezoekers", "vragen"}, "reeks": {"deelnemers"}}
_FORBIDDEN = {
    "spreekuur": {"kinderen", "volwassenen", "deelnemers"},
    "reeks": {"bezoekers", "vragen"},
}
_BAD_ID = (
    "een id bestaat alleen uit kleine letters, cijfers en streepjes, bijvoorbeeld 'klik-en-tik'"
)
_NO_EFFECTS = "deze activiteit heeft geen effecten; noem minstens één beoogd effect"
_UNUSED_EFFECT = (
    "geen enkele activiteit leidt tot dit effect; "
    "noem het bij 'effecten' van een activiteit of haal het weg"
)
_NO_QUESTION = (
    "een meetbaar effect heeft een meetvraag nodig, "
    "bijvoorbeeld 'Hoeveel cursisten kunnen zelfstandig een e-mail versturen?'"
)


_CATALOGUE_SECTIONS: dict[str, type[BaseModel]] = {
    "opgave": m.Opgave,
    "programmalijn": m.Programmalijn,
    "effect": m.Effect,
    "activiteit": Activity,
    "kengetal": m.Kengetal,
    "pakket": m.Pakket,
    # The participants' statements (see toc.survey); optional.
    "stelling": m.Statement,
    "vragenlijst": m.SurveyPlan,
}
_ORGANISATION_SECTIONS: dict[str, type[BaseModel]] = dict(
    gemeente=m.Gemeente, vestiging=m.Vestiging, contract=m.Contract, rooster=m.Schedule
)


def _normalise(text: str) -> str:
    """'Klik & Tik', 'klik en tik' and 'KlikenTik' all become 'klikentik'."""
    text = unicodedata.normalize("NFKD", text.casefold()).replace("&", "en")
    return "".join(ch for ch in text if ch.isalnum())


def _ids(file: _File, section: str, check: _Checker) -> set[str]:
    """All ids of a section (also of items that failed validation), reporting bad/duplicate ids."""
    seen: Counter[str] = Counter()
    for item in file.items.get(section, []):
        ident = item.raw.get("id")
        if not isinstance(ident, str):
            continue
        seen[ident] += 1
        if seen[ident] == 2:
            text = f"het id '{ident}' komt vaker voor; een id mag maar één keer voorkomen"
            check.add(file, item, "id", text)
        if ident and not _ID_RE.match(ident):
            check.add(file, item, "id", _BAD_ID)
        limit = MAX_ID_LENGTH.get(section)
        if limit is not None and len(ident.encode("utf-8")) > limit:
            text = (
                f"het id '{ident}' is {len(ident)} tekens lang; een id van een {section} mag "
                f"hoogstens {limit} tekens hebben (het gaat mee in de knoppen van de bot)"
            )
            check.add(file, item, "id", text)
    return set(seen)


def _valid(file: _File, section: str) -> list[tuple[_Item, Any]]:
    return [(item, item.model) for item in file.items.get(section, []) if item.model is not None]


def _ref(
    check: _Checker, file: _File, item: _Item, key: str, value: str, known: set[str], kind: str
) -> None:
    if value not in known:
        options = ", ".join(sorted(known)[:12]) or "(geen)"
        check.add(file, item, key, f"{kind} '{value}' bestaat niet. Bekend zijn: {options}")


def _check_aliases(
    check: _Checker, file: _File, entries: list[tuple[_Item, Any]], kind: str
) -> None:
    owner: dict[str, str] = {}
    for _item, model in entries:
        for text in (model.id, model.name):
            owner.setdefault(_normalise(text), model.id)
    for item, model in entries:
        for alias in model.aliases:
            norm = _normalise(alias)
            if not norm:
                check.add(
                    file, item, "aliassen", f"de alias '{alias}' bevat geen letters of cijfers"
                )
                continue
            other = owner.setdefault(norm, model.id)
            if other != model.id:
                text = (
                    f"de alias '{alias}' hoort ook bij {kind} '{other}'; "
                    f"een alias mag maar bij één {kind} horen"
                )
                check.add(file, item, "aliassen", text)


def _check_catalogue(cat: _File, check: _Checker) -> dict[str, set[str]]:
    known = {section: _ids(cat, section, check) for section in _CATALOGUE_SECTIONS}
    for item, lijn in _valid(cat, "programmalijn"):
        _ref(check, cat, item, "opgave", lijn.opgave, known["opgave"], "de opgave")
        _check_wsob(check, cat, item, lijn.wsob)
    used: set[str] = set()
    for item in cat.items.get("activiteit", []):
        effects = item.raw.get("effecten")
        if isinstance(effects, list):
            used.update(e for e in effects if isinstance(e, str))
    activities = _valid(cat, "activiteit")
    for item, act in activities:
        if not act.programmalijn.strip():
            check.add(
                cat, item, "programmalijn", "leeg; elke activiteit hoort bij een programmalijn"
            )
        else:
            lijnen = known["programmalijn"]
            _ref(check, cat, item, "programmalijn", act.programmalijn, lijnen, "de programmalijn")
        if not act.effects:
            check.add(cat, item, "effecten", _NO_EFFECTS)
        for effect in act.effects:
            _ref(check, cat, item, "effecten", effect, known["effect"], "het effect")
        _check_wsob(check, cat, item, act.wsob)
        _check_indicators(check, cat, item, act)
    for item, effect in _valid(cat, "effect"):
        if effect.id not in used:
            check.add(cat, item, "id", _UNUSED_EFFECT)
        if effect.measurable and not (effect.measure_question or "").strip():
            check.add(cat, item, "meetvraag", _NO_QUESTION)
    _check_aliases(check, cat, activities, "activiteit")
    for item, key, text in check_statements(
        [(i, model) for i, model in _valid(cat, "stelling")],
        [(i, model) for i, model in _valid(cat, "vragenlijst")],
        known["effect"],
        known["activiteit"],
        {model.id for _i, model in _valid(cat, "effect") if model.level == "impact"},
    ):
        check.add(cat, item, key, text)
    _check_signals(check, cat, activities)
    for item, pakket in _valid(cat, "pakket"):
        for activity in pakket.activities:
            _ref(check, cat, item, "voor", activity, known["activiteit"], "de activiteit")
    return known


def _check_signals(check: _Checker, cat: _File, activities: list[tuple[_Item, Any]]) -> None:
    for item, text in signal_problems(_valid(cat, "effect"), activities):
        check.add(cat, item, "signalen", text)


def _check_wsob(check: _Checker, file: _File, item: _Item, numbers: list[int]) -> None:
    for number in numbers:
        if not 1 <= number <= 5:
            text = f"{number} is geen kernfunctie; de Wsob kent de kernfuncties 1 tot en met 5"
            check.add(file, item, "wsob", text)


def _check_indicators(check: _Checker, file: _File, item: _Item, act: Activity) -> None:
    indicators = set(act.indicators)
    if not indicators:
        check.add(
            file, item, "indicatoren", 'noem minstens één indicator, bijvoorbeeld ["deelnemers"]'
        )
        return
    missing = _REQUIRED.get(act.kind, set()) - indicators
    wrong = indicators & _FORBIDDEN.get(act.kind, set())
    if missing or wrong:
        want = " en ".join(f"'{i}'" for i in sorted(_REQUIRED[act.kind]))
        check.add(
            file, item, "indicatoren", f"een {act.kind} telt {want}, niet {sorted(indicators)}"
        )


def _check_organisation(org: _File, known: dict[str, set[str]] | None, check: _Checker) -> None:
    assert org.data is not None
    name = org.data.get("naam")
    if name is not None and not (isinstance(name, str) and name.strip()):
        check.add(org, None, "naam", "de naam van de organisatie moet tekst zijn")
    gemeenten = _ids(org, "gemeente", check)
    vestigingen = _ids(org, "vestiging", check)
    locations = _valid(org, "vestiging")
    for item, vestiging in locations:
        _ref(check, org, item, "gemeente", vestiging.gemeente, gemeenten, "de gemeente")
    _check_aliases(check, org, locations, "vestiging")
    seen: set[tuple[str, int]] = set()
    for item, contract in _valid(org, "contract"):
        _ref(check, org, item, "gemeente", contract.gemeente, gemeenten, "de gemeente")
        if (contract.gemeente, contract.year) in seen:
            text = f"er is al een contract voor '{contract.gemeente}' in {contract.year}"
            check.add(org, item, "jaar", text)
        seen.add((contract.gemeente, contract.year))
        # an example's pakketten only illustrate how to write them: a catalogue without those
        # pakketten still fits the shipped organisation
        if known is not None and not contract.example:
            for pakket in contract.pakket_ids:
                _ref(check, org, item, "pakketten", pakket, known["pakket"], "het pakket")
        if contract.activities_per_year is not None and contract.activities_per_year < 0:
            check.add(org, item, "activiteiten", "het aantal kan niet negatief zijn")
        if known is not None:
            for lijn in contract.programmalijnen:
                lijnen = known["programmalijn"]
                _ref(check, org, item, "programmalijnen", lijn, lijnen, "de programmalijn")
        for activity, number in contract.per_activity.items():
            if known is not None:
                acts = known["activiteit"]
                _ref(check, org, item, "per_activiteit", activity, acts, "de activiteit")
            if number < 0:
                text = f"het aantal voor '{activity}' kan niet negatief zijn"
                check.add(org, item, "per_activiteit", text)
    for item, row in _valid(org, "rooster"):
        if known is not None:
            _ref(check, org, item, "activiteit", row.activity, known["activiteit"], "de activiteit")
        _ref(check, org, item, "vestiging", row.vestiging, vestigingen, "de vestiging")
        try:
            parse_rule(row.rule)
        except ScheduleRuleError as exc:
            check.add(org, item, "regel", str(exc))
        if any(not 1 <= month <= 12 for month in row.months):
            check.add(org, item, "maanden", "een maand is een getal van 1 tot en met 12")
        if row.time and not _TIME_RE.match(row.time):
            check.add(
                org, item, "tijd", f"'{row.time}' is geen tijd; schrijf UU:MM, bijvoorbeeld 10:00"
            )


def _by_id(file: _File, section: str) -> dict[str, Any]:
    return {model.id: model for _item, model in _valid(file, section)}


def load_catalogue(
    catalogue_path: str | Path | None = None, organisation_path: str | Path | None = None
) -> Catalogue:
    """Load, check and combine both files; None means the file shipped in toc/data."""
    check = _Checker()
    files: list[tuple[_File, Path | None, str, dict[str, type[BaseModel]], set[str]]] = []
    for given, resource, sections, scalars in (
        (catalogue_path, CATALOGUE_FILE, _CATALOGUE_SECTIONS, set()),
        (organisation_path, ORGANISATION_FILE, _ORGANISATION_SECTIONS, {"naam"}),
    ):
        path = Path(given) if given is not None else None
        name = str(path) if path is not None else f"toc/data/{resource}"
        files.append((_File(name), path, resource, sections, scalars))
    for file, path, resource, sections, scalars in files:
        _read(file, path, resource, check)
        if file.data is not None:
            _parse_sections(file, sections, scalars, check)
    cat, org = files[0][0], files[1][0]
    known = _check_catalogue(cat, check) if cat.data is not None else None
    if org.data is not None:
        _check_organisation(org, known, check)
    if check.problems:
        raise CatalogueError(check.problems)
    assert cat.data is not None and org.data is not None
    return Catalogue(
        opgaven=_by_id(cat, "opgave"),
        programmalijnen=_by_id(cat, "programmalijn"),
        activities=_by_id(cat, "activiteit"),
        effects=_by_id(cat, "effect"),
        kengetallen=_by_id(cat, "kengetal"),
        organisation_name=org.data.get("naam") or "Biblionet Drenthe",
        gemeenten=_by_id(org, "gemeente"),
        vestigingen=_by_id(org, "vestiging"),
        contracts=[model for _item, model in _valid(org, "contract")],
        pakketten=_by_id(cat, "pakket"),
        schedules=[model for _item, model in _valid(org, "rooster")],
        statements=[model for _item, model in _valid(cat, "stelling")],
        survey_plans={model.activity: model for _item, model in _valid(cat, "vragenlijst")},
    )


def example_warning(catalogue: Catalogue) -> str | None:
    """One Dutch sentence while prestatieafspraken are still the shipped examples."""
    examples = catalogue.example_contracts
    if not examples:
        return None
    gemeenten = len({c.gemeente for c in examples})
    return (
        f"Let op: {len(examples)} prestatieafspraken (van {gemeenten} "
        f"{'gemeente' if gemeenten == 1 else 'gemeenten'}) zijn nog voorbeelden. Het rapport "
        "drukt ze niet af. Zet de echte afspraken in organisation.toml en haal daar "
        "'voorbeeld = true' weg."
    )


@lru_cache(maxsize=1)
def default_catalogue() -> Catalogue:
    """The catalogue and organisation shipped with the package, loaded once."""
    return load_catalogue()


def get_catalogue(
    catalogue_path: str | Path | None = None, organisation_path: str | Path | None = None
) -> Catalogue:
    """The configured catalogue: the cached default when no file is given."""
    if catalogue_path is None and organisation_path is None:
        return default_catalogue()
    return load_catalogue(catalogue_path, organisation_path)


__all__ = [
    "CatalogueError",
    "default_catalogue",
    "example_warning",
    "get_catalogue",
    "load_catalogue",
]
