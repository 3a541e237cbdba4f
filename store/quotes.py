"""Quotes: the one place that says which quotes may leave the database."""

from __future__ import annotations

import re

# Control characters (C0 and DEL, C1): a spreadsheet refuses them and a page shows them as
# boxes. Tab and line breaks become a space: a quote is one line.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")

# Consent 'ja' or 'anoniem' and not rejected by a manager. A leader's story of a session
# ("Wat was bijzonder?") leaves the database on this condition.
STORY_PUBLISHABLE_SQL = "q.consent IN ('ja', 'anoniem') AND q.review != 'rejected'"
# Quotes: the same, and a participant's own words ("Wat neem je mee?", source 'deelnemer')
# only once a manager approved them: nobody at the library has seen them before that. Every
# report, export and chat listing selects quotes through this condition; 'nee' quotes stay
# for internal learning only.
PUBLISHABLE_SQL = (
    "q.consent IN ('ja', 'anoniem') AND q.review != 'rejected' "
    "AND (q.source != 'deelnemer' OR q.review = 'approved')"
)

ANONYMOUS_ATTRIBUTION = "een deelnemer"


def public_attribution(consent: str, attribution: str | None) -> str:
    """What a published quote may say about who said it."""
    if consent == "ja" and attribution:
        return attribution
    return ANONYMOUS_ATTRIBUTION


def strip_control(text: str) -> str:
    """Text without control characters, whitespace runs as one space: at entry (every route
    a participant's words take) and again at export, for what was stored before."""
    return " ".join(_CONTROL.sub(" ", text).split())
