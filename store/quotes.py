"""Quotes: the one place that says which quotes may leave the database."""

from __future__ import annotations

# Consent 'ja' or 'anoniem' and not rejected by a manager. Every report, export and chat
# listing selects through this condition; 'nee' quotes stay for internal learning only.
PUBLISHABLE_SQL = "q.consent IN ('ja', 'anoniem') AND q.review != 'rejected'"

ANONYMOUS_ATTRIBUTION = "een deelnemer"


def public_attribution(consent: str, attribution: str | None) -> str:
    """What a published quote may say about who said it."""
    if consent == "ja" and attribution:
        return attribution
    return ANONYMOUS_ATTRIBUTION
