"""Every threshold of the evidence, in one place, and the 95 % Wilson interval.

The grading rule (reports/grading.py) and its printed text (EVIDENCE_RULE there) read these
names; change a number here and the rule, the sentences and the method notes follow. The
edges are unit-tested in tests/test_grading_rule.py.
"""

from __future__ import annotations

import math

# Below this many respondents a figure is a count only: no share, no interval, no percentage.
MIN_RESPONDENTS_FOR_SHARE = 5
# Participants' own answers right after a session count as a source from this many people...
MIN_RESPONDENTS = 30
# ... when at least this share of those present at the asked sessions answered ...
MIN_RESPONSE = 0.3
# ... and participants were asked at at least this share of the reported sessions ...
MIN_COVERAGE = 0.1
# ... and the 95 % interval of the share agreeing is at most this wide ...
MAX_INTERVAL_WIDTH = 0.3
# ... and its lower end is at least this share: most of them agree, beyond chance.
MIN_AGREE_LOW = 0.5
# Below this coverage the report says in one sentence that few sessions were asked.
LOW_COVERAGE = 0.2
# The follow-up weeks later counts from this many people (lower end of the interval as above).
MIN_FOLLOWUP = 10
# A before/after count in courses: at least this many cursisten measured at both moments...
MIN_MEASURED = 10
# ... and the share that can do it rises by at least this many percentage points.
MIN_GAIN_POINTS = 10.0
# A course's pair counts only when the group measured at the last lesson differs at most this
# many percent from the first: otherwise the two shares are about different people.
MAX_MEASURED_CHANGE = 20
# Leaders' observations (signals, and the quotes they chose) count as one source when a
# signal was seen at this share of at least MIN_OBSERVED_SESSIONS sessions, or when there are
# MIN_QUOTES publishable quotes.
MIN_OBSERVED_SHARE = 0.5
MIN_OBSERVED_SESSIONS = 5
MIN_QUOTES = 3
# "Goed onderbouwd" needs change over time at more than one location (vestiging), and
# participants asked at at least this share of the sessions (not only a chosen few).
MIN_LOCATIONS = 2
MIN_COVERAGE_WELL_FOUNDED = 0.2

# z for a two-sided 95 % interval.
_Z = 1.959963984540054


def wilson(agree: int, n: int) -> tuple[float, float] | None:
    """The 95 % Wilson score interval of agree/n; None below MIN_RESPONDENTS_FOR_SHARE."""
    if n < MIN_RESPONDENTS_FOR_SHARE or not 0 <= agree <= n:
        return None
    p = agree / n
    z2 = _Z * _Z
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = _Z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def share(agree: int, n: int) -> float | None:
    """agree/n, or None below MIN_RESPONDENTS_FOR_SHARE (then only the count is shown)."""
    return agree / n if n >= MIN_RESPONDENTS_FOR_SHARE else None
