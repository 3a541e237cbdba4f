"""What role a day plays in a message, when it is not the session's own day.

A plan ("tot 31 januari", "Les 4 is 21 oktober", "Volgende: 2 juli"), another
meeting's day ("gestart op 26 aug"), an aside in parentheses, and days that are no
session's at all: a reason, a closing day, the writer's own day, a session called off, a
deadline, a session someone else reports. See intake.dates for the rules as a whole.
"""

from __future__ import annotations

import re

from intake.daywords import DAY_WORD
from intake.text import blank

_SENTENCE_END_RE = re.compile(r"[.!?\n]\s")

# Words before a day that make it a plan, not the session: "hangt tot 31 januari", "pas op
# 28 maart", "Next time: 11 november", "beginnen we op 12 januari".
_PLAN_BEFORE_RE = re.compile(
    r"\b(?:tot|t/m|voor|naar|pas|volgende|volgend|next|beginnen|begint|starten|start|vanaf|"
    r"komende|deadline|uiterlijk|weer|time|verplaatst|doorgezet|gepland|planned|scheduled|"
    r"laatste|eerstvolgende)\b(?:\W+\w+){0,3}?\W*$"
    # "Les 4 is 21 oktober": a numbered meeting that is (or will be) on a day ahead.
    r"|\b(?:les|bijeenkomst|sessie|deel|week)\s+\d{1,2}\s+(?:is|wordt|zal\s+zijn)\s+(?:op\s+)?$"
)


# After the day: "Op 11 november volgende bijeenkomst", "12 dec weer".
_PLAN_AFTER_RE = re.compile(
    r"^\W*(?:\w+\W+){0,2}?(?:volgende|weer|opnieuw|next|gepland|"
    # "op 13 juni komt er een extra sessie"; "10 nov kwamen er 8" is no plan.
    r"(?:komt|komen|is)\s+(?:er|d'r|der)\s+(?:een|nog|weer)|zal|zullen|"
    # "De kerstlezing van 22 december gaat wel door": a session ahead.
    r"gaat\s+(?:wel|gewoon|toch|nog)\s+door)\b"
)
# Another meeting's day: "gestart op 26 aug", "les 1 op 7 nov": the session's day only when
# no other day is given (as an aside in parentheses).
_OTHER_MEETING_BEFORE_RE = re.compile(
    r"\b(?:gestart|begonnen|startte|begon|(?:les|bijeenkomst|sessie|deel)\s+\d{1,2})"
    r"\s+(?:op\s+)?$"
    # "in vervolg op ons gesprek van 20 mei": a conversation, a letter or a meeting of staff.
    r"|\b(?:gesprek|overleg|vergadering|brief|mail|e-mail|telefoontje|afspraak)\s+(?:van|op)\s+$"
)


def other_meeting(text: str, start: int) -> bool:
    return _OTHER_MEETING_BEFORE_RE.search(text[max(0, start - 30) : start]) is not None


# A form's line for the next session: "Volgende: 2 juli, nee … 9 juli".
_PLAN_LABEL_RE = re.compile(
    r"[ \t]*(?:volgende(?:[ \t]+\w+)?|next(?:[ \t]+\w+)?|planning|gepland|komende(?:[ \t]+\w+)?)"
    r"[ \t]*[:\-–]"
)


# A sentence that announces what is ahead: "Reminder: Repair Café is on 4 October",
# "Let op: 12 december is de bieb dicht".
_AHEAD_LABEL_RE = re.compile(
    r"[ \t]*(?:reminder|herinnering|ter\s+herinnering|let\s+op|save\s+the\s+date|agenda)"
    r"[ \t]*[:\-–!]"
)


def plan_before(text: str, start: int, end: int | None = None) -> bool:
    """A plan word before the day (or, given `end`, right after it), or a plan label
    opening its line, or a reminder opening its sentence."""
    if end is not None and _PLAN_AFTER_RE.match(text[end : end + 40]):
        return True
    if _PLAN_LABEL_RE.match(text, text.rfind("\n", 0, start) + 1):
        return True
    opened = max((m.end() for m in _SENTENCE_END_RE.finditer(text, 0, start)), default=0)
    if _AHEAD_LABEL_RE.match(text, opened):
        return True
    return _PLAN_BEFORE_RE.search(text[max(0, start - 40) : start]) is not None


def in_parentheses(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands inside "( … )" on its line."""
    opened = text.rfind("(", 0, start)
    return (
        opened >= 0
        and ")" not in text[opened:start]
        and "\n" not in text[opened:start]
        and re.match(r"[^()\n]*\)", text[end:]) is not None
    )


# Day words that are not about the session: a reason ("afgezegd ivm koningsdag"), a closing
# day ("oudejaarsdag zijn we dicht"), the writer's own day ("ik kwam er gisteren niet aan
# toe").
_NOT_SESSION_DAY_RE = re.compile(
    rf"\b(?:ivm|i\.v\.m\.?|vanwege|wegens)\s+(?:de\s+|het\s+)?{DAY_WORD}\b"
    rf"|\b{DAY_WORD}\s+(?:\w+\s+){{0,2}}?(?:dicht|gesloten)\b"
    # "ma. 17/11 gesloten": a numeric day closed, with its weekday or without.
    r"|(?:\b(?:ma|di|wo|do|vr|za|zo)\b\.?\s*)?\b\d{1,2}[-/]\d{1,2}\b\s+(?:\w+\s+){0,2}?"
    r"(?:dicht|gesloten)\b"
    rf"|\b(?:kwam|kom|kwamen)\s+(?:er\s+|ik\s+|we\s+)?(?:pas\s+)?{DAY_WORD}\s+niet\s+"
    r"(?:aan\s+)?toe\b"
    # "Gisteren was ik ziek", "Vrijdag ben ik er niet", "ik was zondag vrij": the writer's
    # own day, not a session's.
    rf"|\b{DAY_WORD}\s+(?:ben|was|is)\s+ik\s+(?:er\s+)?(?:niet|ziek|vrij|weg|moe|afwezig)\b"
    rf"|\bik\s+(?:ben|was)\s+{DAY_WORD}\s+(?:er\s+)?(?:niet|ziek|vrij|weg|moe|afwezig)\b"
    # "Gisteren had ik geen tijd", "ik had gisteren geen tijd": the writer's own day.
    rf"|\b{DAY_WORD}\s+(?:had|heb)\s+ik\s+(?:geen|even\s+geen)\s+tijd\b"
    rf"|\bik\s+(?:had|heb)\s+{DAY_WORD}\s+(?:geen|even\s+geen)\s+tijd\b"
    # A session called off is not the one reported: "dinsdag was cancelled", "de lezing
    # van 15 januari gaat niet door", "het breicafe van vandaag is vervallen".
    rf"|\b(?:(?:van|op)\s+)?{DAY_WORD}\s+(?:\w+\s+){{0,1}}?(?:is|was|werd|wordt|gaat|ging)\s+"
    r"(?:helaas\s+|dus\s+|ook\s+)?(?:cancelled|canceled|afgelast|geannuleerd|vervallen|"
    r"afgezegd|niet\s+door|niet\s+doorgegaan|verzet|verplaatst|verschoven|uitgesteld)\b"
    # A deadline is no session: "de deadline was 1 mei".
    rf"|\b(?:deadline|inleverdatum)\s+(?:was|is|van|op|:)?\s*(?:op\s+)?{DAY_WORD}"
)


# A session someone else reports: "zaterdag was de voorstelling, die heeft Petra al
# doorgegeven", "die van 27 december ging ook door, daar heeft Petra het lijstje van". Only
# beside another day: without one, the message may be about that very session.
_REPORTED_ELSEWHERE_RE = re.compile(
    rf"\b{DAY_WORD}\b[^.!?\n]{{0,120}}?\b(?:heeft|had|hebben)\s+(?!ik\b|we\b|wij\b)\w+\s+"
    r"(?:al\s+|ook\s+al\s+)?(?:doorgegeven|gemeld|ingestuurd|gestuurd|ingevuld|"
    r"(?:het|de)\s+(?:lijstje|lijst|verslag|cijfers|aantallen)\s+van)\b"
)
_ANY_DAY_RE = re.compile(rf"\b{DAY_WORD}(?!\w)")


def blank_not_session_days(text: str) -> str:
    for match in list(_NOT_SESSION_DAY_RE.finditer(text)):
        text = blank(text, match.start(), match.end())
    for match in list(_REPORTED_ELSEWHERE_RE.finditer(text)):
        if _ANY_DAY_RE.search(blank(text, match.start(), match.end())):
            text = blank(text, match.start(), match.end())
    return text


def apart_from_session_day(text: str, start: int, end: int) -> bool:
    """A date in a sentence without another day word, while another sentence names one
    ("Taalcafé vandaag 10 mensen. Op 11 april de voorstelling", "… gisteren … mocht op 1
    september beginnen"): when it lies ahead it is something to come, not a typo of the
    session's day (a typo stands by the day it corrects)."""
    opened = max((m.end() for m in _SENTENCE_END_RE.finditer(text, 0, start)), default=0)
    closing = _SENTENCE_END_RE.search(text, end)
    closed = closing.start() + 1 if closing else len(text)
    sentence = blank(text[opened:closed], start - opened, end - opened)
    if _ANY_DAY_RE.search(sentence):
        return False
    return _ANY_DAY_RE.search(text[:opened] + " " + text[closed:]) is not None


# In the sentence: someone else has reported that session ("… maar dat heeft Sanne al
# gemeld").
_BY_OTHER_RE = re.compile(
    r"\b(?:heeft|had|hebben)\s+(?!ik\b|we\b|wij\b)\w+\s+(?:al\s+|ook\s+al\s+)?"
    r"(?:doorgegeven|gemeld|ingestuurd|gestuurd|ingevuld)\b"
)


def reported_by_other(text: str, at: int) -> bool:
    """A vague time ("vorige week") in a later sentence about a session someone else has
    reported: that session's time, not this one's. The first sentence is the report itself."""
    opened = max((m.end() for m in _SENTENCE_END_RE.finditer(text, 0, at)), default=0)
    if opened == 0:
        return False
    closing = _SENTENCE_END_RE.search(text, at)
    return _BY_OTHER_RE.search(text, opened, closing.start() if closing else len(text)) is not None


# Before a date in its clause: what was talked about or asked ("een lezing over de bevrijding
# op 5 mei", "het ging over 4 mei", "ze vroegen of 25 december ook open is").
# "een les over informatievaardigheden op dinsdag 4 maart" is that day: only a date right
# after "over", or a thing's date ("over de watersnood van 1 februari"), is a topic.
_TOPIC_BEFORE_RE = re.compile(
    r"\bover\s+$|\bover\s+(?:de|het)(?:\s+[^\W\d_]+){1,2}?\s+van\s+$"
    r"|\b(?:vroegen?|vraagt|vragen)\s+(?:of|wanneer)\b[^,.;:!?\n]{0,30}$"
)


def topic_before(text: str, start: int) -> bool:
    """The date is what the session was about or what someone asked: not the session's day;
    the day is then unknown unless another is given ("lezing over Sint Maarten op 11
    november" may still be on that day)."""
    return _TOPIC_BEFORE_RE.search(text[max(0, start - 50) : start]) is not None
