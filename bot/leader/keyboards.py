"""Inline keyboards. Button data is short text; no Telegram call happens here.

A report's buttons carry `<draft short id>:<step>:<value>`, so a press on an old message
(another report, or an earlier question) is recognised as stale and changes nothing.
The other buttons' prefixes are in bot/leader/prefixes.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.core import buttons
from bot.leader import prefixes as P
from bot.leader import texts
from bot.leader.draft import EDIT_FIELDS, Draft, signal_choices
from bot.leader.queries import Course
from toc.models import Catalogue

Rows = list[list[InlineKeyboardButton]]


def draft_data(draft: Draft, value: str) -> str:
    return f"{draft.short_id}:{draft.step}:{value}"


def parse_draft_data(data: str) -> tuple[str, str, str] | None:
    """(short id, step, value) of a report's button, or None for other data."""
    if not re.match(P.DRAFT_PATTERN, data) or data.count(buttons.SEP) < 2:
        return None
    step, value = buttons.fields(data, 2)
    return buttons.prefix(data), step, value


def _button(draft: Draft, text: str, value: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(text, callback_data=draft_data(draft, value))


def _grid(buttons: Sequence[InlineKeyboardButton], per_row: int) -> Rows:
    return [list(buttons[i : i + per_row]) for i in range(0, len(buttons), per_row)]


def _markup(rows: Iterable[list[InlineKeyboardButton]]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([row for row in rows if row])


def activities_top(draft: Draft, catalogue: Catalogue, recent: list[str]) -> InlineKeyboardMarkup:
    """The leader's recent activities first, then the programmalijnen to browse."""
    rows: Rows = [
        [_button(draft, catalogue.activities[a].name, f"a:{a}")]
        for a in recent
        if a in catalogue.activities
    ]
    lines = [
        _button(draft, p.name, f"p:{p.id}")
        for p in catalogue.programmalijnen.values()
        if catalogue.activities_in(p.id)
    ]
    return _markup(rows + _grid(lines, 1))


def activities_in(draft: Draft, catalogue: Catalogue, programmalijn: str) -> InlineKeyboardMarkup:
    choices = [_button(draft, a.name, f"a:{a.id}") for a in catalogue.activities_in(programmalijn)]
    return _markup(_grid(choices, 2) + [[_button(draft, texts.BUTTON_BACK, "top")]])


def activity_suggestions(
    draft: Draft, catalogue: Catalogue, ids: list[str]
) -> InlineKeyboardMarkup:
    rows = [[_button(draft, catalogue.activities[a].name, f"a:{a}")] for a in ids]
    return _markup(rows + [[_button(draft, texts.BUTTON_OTHER_ACTIVITY, "top")]])


def vestigingen_top(draft: Draft, catalogue: Catalogue, own: list[str]) -> InlineKeyboardMarkup:
    """The leader's own vestigingen first, then the others in the same gemeente."""
    gemeenten = [catalogue.vestigingen[v].gemeente for v in own if v in catalogue.vestigingen]
    ids = [v for v in own if v in catalogue.vestigingen]
    for gemeente in dict.fromkeys(gemeenten):
        ids += [v.id for v in catalogue.vestigingen_in(gemeente) if v.id not in ids]
    choices = [_button(draft, catalogue.vestigingen[v].name, f"v:{v}") for v in ids]
    if not choices:
        return gemeenten_list(draft, catalogue)
    return _markup(_grid(choices, 2) + [[_button(draft, texts.BUTTON_OTHER_PLACE, "g")]])


def gemeenten_list(draft: Draft, catalogue: Catalogue) -> InlineKeyboardMarkup:
    choices = [_button(draft, g.name, f"g:{g.id}") for g in catalogue.gemeenten.values()]
    return _markup(_grid(choices, 2))


def vestigingen_in(draft: Draft, catalogue: Catalogue, gemeente: str) -> InlineKeyboardMarkup:
    choices = [_button(draft, v.name, f"v:{v.id}") for v in catalogue.vestigingen_in(gemeente)]
    return _markup(_grid(choices, 2) + [[_button(draft, texts.BUTTON_BACK, "g")]])


def dates(draft: Draft) -> InlineKeyboardMarkup:
    return _markup(
        [
            [
                _button(draft, texts.BUTTON_TODAY, "today"),
                _button(draft, texts.BUTTON_YESTERDAY, "yesterday"),
                _button(draft, texts.BUTTON_OTHER_DAY, "other"),
            ]
        ]
    )


def courses(draft: Draft, running: list[Course]) -> InlineKeyboardMarkup:
    rows = [
        [_button(draft, texts.BUTTON_COURSE.format(name=c.name, lesson=c.next_lesson), str(c.id))]
        for c in running
    ]
    return _markup([[_button(draft, texts.BUTTON_NEW_COURSE, "new")], *rows])


def ambiguity(draft: Draft) -> InlineKeyboardMarkup:
    """One button per candidate of the first open question, and "Anders" (asked as usual)."""
    question = draft.questions[0]
    if question.kind == "quote":
        labels = [texts.BUTTON_SAID, texts.BUTTON_NOT_SAID]
    elif question.kind == "date":
        labels = [texts.day_button(day) for day in question.candidates]
    else:
        labels = list(question.candidates)
    buttons = [_button(draft, label, str(i)) for i, label in enumerate(labels)]
    if question.kind != "quote":
        buttons.append(_button(draft, texts.BUTTON_OTHER, "x"))
    return _markup(_grid(buttons, 3))


def yes_no(draft: Draft) -> InlineKeyboardMarkup:
    return _markup(
        [[_button(draft, texts.BUTTON_YES, "yes"), _button(draft, texts.BUTTON_NO, "no")]]
    )


def everyone(draft: Draft, n: int | None) -> InlineKeyboardMarkup | None:
    if not n:
        return None
    return _markup([[_button(draft, texts.BUTTON_EVERYONE.format(n=n), f"all:{n}")]])


def skip(draft: Draft) -> InlineKeyboardMarkup:
    return _markup([[_button(draft, texts.BUTTON_SKIP, "skip")]])


def signals(draft: Draft, catalogue: Catalogue) -> InlineKeyboardMarkup:
    """The activity's signals as toggles; a button carries the signal's place in the list,
    so its data stays short whatever the ids."""
    rows = []
    for index, (signal, _effect) in enumerate(signal_choices(draft, catalogue)):
        mark = "✅" if signal.id in draft.signals else "▫️"
        rows.append([_button(draft, f"{mark} {signal.text}", f"t:{index}")])
    done = texts.BUTTON_DONE if draft.signals else texts.BUTTON_SKIP
    return _markup([*rows, [_button(draft, done, "done")]])


def no_quote(draft: Draft) -> InlineKeyboardMarkup:
    return _markup([[_button(draft, texts.BUTTON_NO_QUOTE, "none")]])


def extra(draft: Draft) -> InlineKeyboardMarkup:
    """Under "Met wie?" / "Wat was bijzonder?": back to the summary, or take away what is there."""
    rows = []
    if draft.step == "partners" and draft.partners:
        rows.append([_button(draft, texts.BUTTON_NO_PARTNERS, "clear")])
    if draft.step == "story" and draft.stories:
        rows.append([_button(draft, texts.BUTTON_NO_STORY, "clear")])
    return _markup([*rows, [_button(draft, texts.BUTTON_BACK, "back")]])


def story_consent(draft: Draft) -> InlineKeyboardMarkup:
    return _markup(
        [
            [_button(draft, texts.STORY_CONSENT_YES, "ja")],
            [_button(draft, texts.STORY_CONSENT_ANON, "anoniem")],
            [_button(draft, texts.STORY_CONSENT_NO, "nee")],
        ]
    )


def no_attribution(draft: Draft) -> InlineKeyboardMarkup:
    return _markup([[_button(draft, texts.BUTTON_NO_ATTRIBUTION, "none")]])


def consent(draft: Draft, attribution: str | None) -> InlineKeyboardMarkup:
    rows = []
    if attribution:
        rows.append([_button(draft, texts.CONSENT_YES.format(attribution=attribution), "ja")])
    rows.append([_button(draft, texts.CONSENT_ANON, "anoniem")])
    rows.append([_button(draft, texts.CONSENT_NO, "nee")])
    return _markup(rows)


def summary(draft: Draft, catalogue: Catalogue | None = None) -> InlineKeyboardMarkup:
    """Opslaan / Wijzigen / Annuleren; under a one-message report, the activity's signals
    as toggles above them (the one skippable question: Opslaan skips it). Above Opslaan the
    extras "Met wie?" and "Wat was bijzonder?": offered, never asked, so a leader who wants
    neither saves with the same one tap."""
    rows = []
    if catalogue is not None and summary_signals(draft, catalogue):
        for index, (signal, _effect) in enumerate(signal_choices(draft, catalogue)):
            mark = "✅" if signal.id in draft.signals else "▫️"
            rows.append([_button(draft, f"{mark} {signal.text}", f"t:{index}")])
    partners = texts.BUTTON_PARTNERS_CHANGE if draft.partners else texts.BUTTON_PARTNERS
    story = texts.BUTTON_STORY_CHANGE if draft.stories else texts.BUTTON_STORY
    rows.append([_button(draft, partners, "x:partners"), _button(draft, story, "x:story")])
    save = [
        _button(draft, texts.BUTTON_SAVE, "save"),
        _button(draft, texts.BUTTON_EDIT, "edit"),
        _button(draft, texts.BUTTON_CANCEL, "cancel"),
    ]
    return _markup([*rows, save])


def summary_signals(draft: Draft, catalogue: Catalogue) -> bool:
    """Whether the summary carries the signal toggles: a one-message report whose activity
    has signals (a guided report asked them as a step of their own)."""
    return draft.mode == "quick" and bool(signal_choices(draft, catalogue))


def lower_invite(code: str, current: str, new: str) -> InlineKeyboardMarkup:
    return _markup(
        [
            [
                InlineKeyboardButton(
                    texts.BUTTON_LOWER_YES.format(new=new),
                    callback_data=buttons.data(P.LOWER_INVITE, "yes", code),
                )
            ],
            [
                InlineKeyboardButton(
                    texts.BUTTON_LOWER_NO.format(current=current),
                    callback_data=buttons.data(P.LOWER_INVITE, "no"),
                )
            ],
        ]
    )


def duplicate(draft: Draft) -> InlineKeyboardMarkup:
    """The same report was saved a little while ago: save it again, or not."""
    return _markup(
        [
            [
                _button(draft, texts.BUTTON_SAVE_ANYWAY, "save"),
                _button(draft, texts.BUTTON_DONT_SAVE, "drop"),
            ],
            [_button(draft, texts.BUTTON_EDIT, "edit")],
        ]
    )


def edit_menu(draft: Draft) -> InlineKeyboardMarkup:
    choices = [_button(draft, texts.EDIT_LABELS[f], f"e:{f}") for f in EDIT_FIELDS]
    return _markup(_grid(choices, 2) + [[_button(draft, texts.BUTTON_BACK, "back")]])


def after_save(session_id: int) -> InlineKeyboardMarkup:
    """What a leader can add to a saved report: a tally of a paper or hand-raise version."""
    return _markup(
        [
            [
                InlineKeyboardButton(
                    texts.BUTTON_TALLY, callback_data=buttons.data(P.TALLY, session_id)
                )
            ]
        ]
    )


def tally_statements(session_id: int) -> InlineKeyboardMarkup:
    rows = [
        [InlineKeyboardButton(text, callback_data=buttons.data(P.TALLY, session_id, index))]
        for index, text in enumerate(texts.TALLY_STATEMENTS.values())
    ]
    return _markup(rows)


def tally_effects(session_id: int, statement: int, names: list[str]) -> InlineKeyboardMarkup:
    """The activity's effects, by place in its list: button data stays short."""
    rows = [
        [
            InlineKeyboardButton(
                name, callback_data=buttons.data(P.TALLY, session_id, statement, index)
            )
        ]
        for index, name in enumerate(names)
    ]
    return _markup(rows)


def use_name(name: str) -> InlineKeyboardMarkup:
    return _markup(
        [
            [
                InlineKeyboardButton(
                    texts.BUTTON_USE_NAME.format(name=name),
                    callback_data=buttons.data(P.NAME, "use"),
                )
            ]
        ]
    )


def own_report(session_id: int) -> InlineKeyboardMarkup:
    return _markup(
        [
            [
                InlineKeyboardButton(
                    texts.BUTTON_EDIT, callback_data=buttons.data(P.OWN_REPORT, "edit", session_id)
                ),
                InlineKeyboardButton(
                    texts.BUTTON_DELETE, callback_data=buttons.data(P.OWN_REPORT, "del", session_id)
                ),
            ],
            [
                InlineKeyboardButton(
                    texts.BUTTON_TALLY, callback_data=buttons.data(P.TALLY, session_id)
                )
            ],
        ]
    )


def older_reports(offset: int) -> InlineKeyboardMarkup:
    """/mijnverslagen's way further back: the next page starts at `offset`."""
    older = buttons.data(P.OWN_REPORT, "more", offset)
    return _markup([[InlineKeyboardButton(texts.BUTTON_OLDER, callback_data=older)]])


def confirm_delete(session_id: int) -> InlineKeyboardMarkup:
    return _markup(
        [
            [
                InlineKeyboardButton(
                    texts.BUTTON_DELETE_YES,
                    callback_data=buttons.data(P.OWN_REPORT, "delok", session_id),
                ),
                InlineKeyboardButton(
                    texts.BUTTON_KEEP, callback_data=buttons.data(P.OWN_REPORT, "keep", session_id)
                ),
            ]
        ]
    )
