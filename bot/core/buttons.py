"""Button data: `<prefix>:<field>:<field>…`, built and read here only.

Each room names its prefixes once (`bot/<room>/prefixes.py`); its keyboards build data with
`data()` and its routes match them with `pattern()`, so a prefix is never typed twice.
"""

from __future__ import annotations

import re

SEP = ":"


def data(prefix: str, *fields: object) -> str:
    """`data("rv", "ok", 12)` -> "rv:ok:12"; `data("px", "")` -> "px:"."""
    return SEP.join([prefix, *(str(f) for f in fields)])


def pattern(*prefixes: str) -> str:
    """The regular expression that matches the data of these prefixes, and nothing else."""
    return "^(?:" + "|".join(re.escape(p) for p in prefixes) + ")" + re.escape(SEP)


def fields(raw: str | None, n: int | None = None) -> list[str]:
    """The fields after the prefix. With `n`: exactly n, the last keeping any separator and
    missing ones read as ""; without: every field (so a caller can check how many came)."""
    _, sep, rest = (raw or "").partition(SEP)
    if not sep:
        return [] if n is None else [""] * n
    if n is None:
        return rest.split(SEP)
    parts = rest.split(SEP, n - 1)
    return parts + [""] * (n - len(parts))


def prefix(raw: str | None) -> str:
    """What comes before the first separator (a report's buttons: the draft's short id)."""
    return head(raw)[0]


def head(raw: str | None) -> tuple[str, str]:
    """("a", "lezing") for "a:lezing"; ("top", "") for "top" (a value's own kind and rest)."""
    first, _, rest = (raw or "").partition(SEP)
    return first, rest
