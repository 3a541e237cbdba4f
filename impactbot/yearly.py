"""What `impactbot report` and `impactbot export` both check before they open the database."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ground.errors import ImpactbotError

MIN_YEAR, MAX_YEAR = 2000, 2100


class YearlyCommandError(ImpactbotError):
    """The year or the database of a yearly command is not usable."""


def check_year_and_database(year: int, database: str | Path, hint: str = "") -> None:
    """A plausible year and an existing database file; `hint` ends the missing-file sentence."""
    if not MIN_YEAR <= year <= min(MAX_YEAR, date.today().year):
        raise YearlyCommandError(
            f"Over {year} kan ik niets maken. Kies een jaar van {MIN_YEAR} tot en met "
            f"{date.today().year}."
        )
    if not Path(database).exists():
        raise YearlyCommandError(
            f"De database {database} bestaat niet. Controleer [storage] database in de "
            f"instellingen{hint}."
        )
