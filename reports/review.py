"""Review before it leaves: how many quotes, stories and photos of a report a manager has not
reviewed yet, and the one sentence whoever makes the report is told about them.

The gemeente edition prints only approved ones unless its maker asks for the others too
(`impactbot report --onbeoordeeld`, `/rapport 2025 onbeoordeeld`); the intern edition prints
every publishable one, as before.
"""

from __future__ import annotations

from pydantic import BaseModel


class ReviewCounts(BaseModel):
    """Publishable items of the year and scope that are not approved yet."""

    quotes: int = 0
    stories: int = 0
    photos: int = 0

    @property
    def total(self) -> int:
        return self.quotes + self.stories + self.photos

    def words(self) -> str:
        """'3 citaten, 1 verhaal en 2 foto's'."""
        parts = [
            f"{n} {one if n == 1 else many}"
            for n, one, many in (
                (self.quotes, "citaat", "citaten"),
                (self.stories, "verhaal", "verhalen"),
                (self.photos, "foto", "foto's"),
            )
            if n
        ]
        return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]


def review_notice(counts: ReviewCounts, approved_only: bool, ask_all: str) -> str:
    """What the maker is told. `ask_all`: how to ask for the unreviewed ones too, in the
    words of the face that made it ('--onbeoordeeld', '/rapport 2025 onbeoordeeld')."""
    if not counts.total:
        return "Alle citaten, verhalen en foto's in dit verslag zijn beoordeeld."
    n = counts.total
    if approved_only:
        return (
            f"Nog niet beoordeeld: {counts.words()}. {'Dat staat' if n == 1 else 'Die staan'} "
            "niet in deze gemeente-versie. Beoordeel ze met /citaten in de chat, of maak het "
            f"verslag met {ask_all} om ze toch op te nemen."
        )
    return (
        f"Let op: in dit verslag {'staat' if n == 1 else 'staan'} {counts.words()} "
        f"{'dat' if n == 1 else 'die'} nog niet beoordeeld {'is' if n == 1 else 'zijn'}. "
        "Beoordeel ze met /citaten in de chat."
    )
