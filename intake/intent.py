"""Is a typed message a report at all? A question about figures is not.

"hoeveel mensen kwamen er in november naar het taalcafé?" names an activity, yet it is a
question: it counts nothing, says nobody's words and asks. The chat answers it with the /stand
command that shows the figure (for a manager) or says what the bot can do (for a leader),
never with a draft report.
"""

from __future__ import annotations

import re
from datetime import date

from intake.daywords import MONTHS
from intake.parse import ParseResult
from intake.text import fold
from toc.models import Catalogue

_QUESTION_START_RE = re.compile(
    r"^\s*(?:hoeveel|wat|wanneer|welke|welk|hoe|waar|wie|waarom|hebben\s+we|zijn\s+er|is\s+er|"
    r"kun\s+je|kan\s+je|kunt\s+u|kan\s+ik|weet\s+je|heb\s+je|how\s+many|how\s+much|what|when)\b"
)
_WEEK_RE = re.compile(r"\b(?:week|weken)\b")
_MONTH_RE = re.compile(r"\b(?:maand|maanden)\b")


def is_question(text: str, result: ParseResult) -> bool:
    """A question, not a report: it asks (a question mark or a question word first) and
    gives no count, no participants and no quote."""
    folded = fold(text).strip()
    worded = _QUESTION_START_RE.match(folded)
    # "Wat: taalcafe\nWaar: Beilen" is a form, not a question.
    worded_question = worded is not None and not re.match(r"\s*[:=]", folded[worded.end() :])
    asks = folded.endswith("?") or (worded_question and "\n" not in folded)
    return asks and not result.counts and result.participants is None and not result.quotes


def stand_command(text: str, result: ParseResult, catalogue: Catalogue, today: date) -> str:
    """The /stand command that answers a figures question: the place it names (vestiging or
    gemeente) and the period (this week, this month; else the year so far)."""
    folded = fold(text)
    args: list[str] = []
    if result.location and result.location in catalogue.vestigingen:
        vestiging = catalogue.vestigingen[result.location]
        args.append(vestiging.aliases[0] if vestiging.aliases else vestiging.name)
    else:
        for gemeente in catalogue.gemeenten.values():
            if re.search(rf"\b{re.escape(fold(gemeente.name))}\b", folded):
                args.append(gemeente.name)
                break
    this_month = [name for name, number in MONTHS.items() if number == today.month]
    if _WEEK_RE.search(folded):
        args.append("week")
    elif _MONTH_RE.search(folded) or any(re.search(rf"\b{m}\b", folded) for m in this_month):
        args.append("maand")
    return " ".join(["/stand", *args])
