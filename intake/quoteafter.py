"""Who said words in quote marks, written after them: a dash ("- moeder van Isa", "'…' - zei
Wim"), brackets on the same line (after an emoji too) or alone on the next one, "zei Sem",
"aldus een deelnemer van 67 die …", or a dash line that signs words on a line of their own
("\n- Daan, 4"). See intake.quotes for the rules as a whole; intake.quotemarks uses these.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from intake.quoteparts import (
    GOES_ON_RE,
    TRAILING_WHEN_RE,
    clean_attribution,
)
from intake.speech import (
    AFTER_DROP_RE,
    looks_like_person,
)

# Emoji and other symbols, with their joiners and variation selectors.
_SYMBOLS = "\u200d\ufe0f\u2600-\u27bf\U0001f000-\U0001faff"
AFTER_RE = re.compile(
    r"[ \t]*,?[ \t]*(?:"
    # "'…' - zei Wim": a dash before the speech verb is no part of who.
    r"(?:[-–—]+[ \t]*)?(?:zei|zegt|zee|sei|said|zeg|aldus|vertelde|volgens|riep|vroeg|schreef|"
    r"fluisterde|lachte|verzuchtte|antwoordde|reageerde|mompelde|grapte|jubelde|zuchtte)[ \t]+"
    r"(?P<said>[^\n\"“„«'‘(]+(?:\([^)\n]*\))?)"
    r"|[-–—]+[ \t]*(?P<dash>[^\n\"“„«'‘]+)"
    # "'…' 😂 (Fenna 4)": an emoji between the words and who said them is the writer's;
    # "(een vrouw van 80)" alone on the next line says who as well.
    rf"|(?:[{_SYMBOLS}]+[ \t]*)?\((?P<paren>[^)\n]+)\)"
    r"|[ \t]*\n[ \t]*\((?P<nextparen>[^)\n]+)\)[ \t]*(?=\n|$))",
    re.IGNORECASE,
)
# A trailing age: "Jan, 72", "meisje (9)", "een man van 67".
_AGE_END_RE = re.compile(
    r"\s*(?:\(\s*\d{1,3}\s*(?:jaar|jr)?\s*\)|,?\s*(?:van\s+)?\d{1,3}\s*(?:jaar|jr)?)\s*$", re.I
)
# "'Nog een keer!'\n- Daan, 4": a dash line under words on a line of their own signs them.
_SIGNATURE_RE = re.compile(
    rf"[ \t]*(?:[{_SYMBOLS}]+[ \t]*)?\n[ \t]*[-–—]+[ \t]*(?P<who>[^\n]{{2,40}}?)[ \t]*(?=\n|$)"
)
_NAME_RE = re.compile(
    r"(?:(?i:mevrouw|meneer|opa|oma|juf|meester)\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
)


def signature_below(
    text: str, match: re.Match[str], mentions_name: Callable[[str], bool]
) -> tuple[str | None, int]:
    """The signature on the line under words that stand on a line of their own: one short
    name or people phrase (an age allowed), not a count, a place or the next list item."""
    line_start = text.rfind("\n", 0, match.start()) + 1
    found = _SIGNATURE_RE.match(text, match.end())
    if found is None or text[line_start : match.start()].strip():
        return None, match.end()
    who = found.group("who").strip(" .")
    plain = _AGE_END_RE.sub("", who).strip()
    if (
        not plain
        or any(ch.isdigit() for ch in plain)
        or len(plain.split()) > 4
        or mentions_name(plain)
        # A name alone may be a one-word comment ("- Gezellig"): only with an age, a
        # title or a surname is it someone.
        or not (
            looks_like_person(plain.lower())
            or (_NAME_RE.fullmatch(plain) and (plain != who or " " in plain))
        )
        or re.match(r"[ \t]*\n[ \t]*[-–—•*]", text[found.end() :])
    ):
        return None, match.end()
    return who, found.end()


_LEADING_VERB_RE = re.compile(
    r"^\s*(?:zei|zegt|zeggen|zee|sei|aldus|volgens|vertelde|riep|vroeg|said)\s+", re.I
)


def attribution_after(text: str, end: int) -> tuple[str | None, int]:
    """Attribution following a quote that ends at `end`, and where it ends."""
    match = AFTER_RE.match(text, end)
    if not match:
        return None, end
    paren = match.group("paren") or match.group("nextparen")
    raw = match.group("dash") or paren or match.group("said") or ""
    if match.group("said"):
        # "zee een man naoderhaand": the adverb after the person goes; "zei heel serieus"
        # names nobody.
        raw = AFTER_DROP_RE.sub("", " " + raw).strip()
    if paren or match.group("dash"):
        # "(zei een nieuwe deelnemer)", "- aldus Wim": the speech verb is no part of who.
        raw = _LEADING_VERB_RE.sub("", raw)
    if match.group("dash") and GOES_ON_RE.match(raw):
        return None, end  # "'…' – en de rest moest lachen": the writer's sentence goes on
    if match.group("dash"):
        # "'…' - Riek (80) na afloop": the time of speaking is no part of who.
        when = TRAILING_WHEN_RE.search(raw.rstrip(" .!"))
        raw = raw[: when.start()] if when is not None else raw
    attribution = clean_attribution(raw)
    if attribution is None or (
        (match.group("said") or match.group("nextparen")) and not looks_like_person(attribution)
    ):
        return None, end
    if match.group("nextparen") and any(ch.isdigit() for ch in _AGE_END_RE.sub("", attribution)):
        return None, end  # "(3 volwassenen)" on its own line is a count, no one who spoke
    start = match.start("dash") if match.group("dash") else match.start()
    if match.group("said"):
        start = match.start("said")
    if paren:
        return attribution, match.end()
    stop = text.find(attribution, start)
    return attribution, stop + len(attribution) if stop >= 0 else end
