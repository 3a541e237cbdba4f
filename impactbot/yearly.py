"""What `impactbot report` and `impactbot export` both check before they open the database."""

from __future__ import annotations

from pathlib import Path

from ground.errors import ImpactbotError

MIN_YEAR, MAX_YEAR = 2000, 2100


class YearlyCommandError(ImpactbotError):
    """The year or the database of a yearly command is not usable."""


def check_year_and_database(year: int, database: str | Path, hint: str = "") -> None:
    """A plausible year and an existing database file; `hint` ends the missing-file sentence."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise YearlyCommandError(
            f"Het jaar {year} klopt niet. Geef een jaar tussen {MIN_YEAR} en {MAX_YEAR}."
        )
    if not Path(database).exists():
        raise YearlyCommandError(
            f"De database {database} bestaat niet. Controleer [storage] database in de "
            f"instellingen{hint}."
        )
