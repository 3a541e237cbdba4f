"""/verslag and every button of a report in progress."""

from __future__ import annotations

import logging
from datetime import timedelta

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import ContextTypes

from bot.core import buttons
from bot.core.guards import registered, registered_press
from bot.core.services import Services, services
from bot.leader import flow, keyboards, queries, texts
from bot.leader.draft import (
    Draft,
    EditField,
    apply_counts,
    clear_field,
    confirm_pending,
    first_quote_without,
    next_measure,
    resolve_question,
    set_activity,
    set_vestiging,
    signal_choices,
    toggle_signal,
)
from bot.leader.inputs import PLAUSIBLE_MAX
from ground.strict import is_int, read_id

log = logging.getLogger("impactbot.bot")


async def cmd_verslag(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    person = await registered(update, context)
    if person is None or update.effective_user is None:
        return
    s = services(context)
    draft = await flow.load(s, update.effective_user.id)
    if draft is not None:
        await flow.ask(context, draft.telegram_id, draft, prefix=texts.BUSY)
        return
    draft = Draft(telegram_id=update.effective_user.id, person_id=person.id)
    await flow.proceed(update, context, draft)


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Every `<draft>:<step>:<value>` button; presses on old messages change nothing."""
    pressed = await registered_press(update, context)
    if pressed is None:
        return
    query, person = pressed
    parsed = keyboards.parse_draft_data(query.data or "")
    s = services(context)
    draft = await flow.load(s, query.from_user.id)
    if parsed is None:
        await _stale(update)
        return
    short, step, value = parsed
    if step == "summary" and value == "save" and (draft is None or draft.short_id != short):
        if await s.store(queries.saved_draft, short) is not None:
            await query.answer(texts.ALREADY_SAVED)
            await flow.close_buttons(query)
            return
    if draft is None or draft.short_id != short or draft.step != step:
        await _stale(update)
        return
    await query.answer()
    await _STEPS[step](update, context, s, draft, value)


async def on_unknown_press(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A press whose data no room knows (an old or forged button): stale, for those
    registered; anyone else is told how to get access."""
    if await registered_press(update, context) is not None:
        await _stale(update)


async def _stale(update: Update) -> None:
    assert update.callback_query is not None
    await update.callback_query.answer(texts.STALE_BUTTON)
    await flow.close_buttons(update.callback_query)


async def _markup(update: Update, markup: InlineKeyboardMarkup) -> None:
    assert update.callback_query is not None
    await update.callback_query.edit_message_reply_markup(reply_markup=markup)


# -- one function per step: (update, context, services, draft, value) -------------------------


async def _confirm(
    update: Update, context: ContextTypes.DEFAULT_TYPE, s: Services, d: Draft, v: str
) -> None:
    dropped = confirm_pending(d, v == "yes")
    prefix = None
    if dropped:
        labels = " en ".join(texts.COUNT_LABELS[name] for name in dropped)
        prefix = texts.RETYPE_COUNT.format(labels=labels)
        if "enrolled" in dropped:
            d.enrolled = None
    await flow.proceed(update, context, d, prefix=prefix)


async def _activity(
    update: Update, context: ContextTypes.DEFAULT_TYPE, s: Services, d: Draft, v: str
) -> None:
    kind, arg = buttons.head(v)
    if kind == "a" and arg in s.catalogue.activities:
        set_activity(d, s.catalogue, arg)
        await flow.proceed(update, context, d)
    elif kind == "p" and arg in s.catalogue.programmalijnen:
        await _markup(update, keyboards.activities_in(d, s.catalogue, arg))
    else:
        recent = await s.store(queries.recent_activities, d.person_id)
        await _markup(update, keyboards.activities_top(d, s.catalogue, recent))


async def _vestiging(
    update: Update, context: ContextTypes.DEFAULT_TYPE, s: Services, d: Draft, v: str
) -> None:
    kind, arg = buttons.head(v)
    if kind == "v" and arg in s.catalogue.vestigingen:
        set_vestiging(d, arg)
        await flow.proceed(update, context, d)
    elif kind == "g" and arg in s.catalogue.gemeenten:
        await _markup(update, keyboards.vestigingen_in(d, s.catalogue, arg))
    else:
        await _markup(update, keyboards.gemeenten_list(d, s.catalogue))


async def _date(
    update: Update, context: ContextTypes.DEFAULT_TYPE, s: Services, d: Draft, v: str
) -> None:
    today = s.today()
    if v == "today":
        d.date = today
    elif v == "yesterday":
        d.date = today - timedelta(days=1)
    else:
        d.date_typing = True
    await flow.proceed(update, context, d)


async def _series(
    update: Update, context: ContextTypes.DEFAULT_TYPE, s: Services, d: Draft, v: str
) -> None:
    assert d.activity and d.vestiging and d.date
    if v == "new":
        base = f"{s.catalogue.activities[d.activity].name} vanaf {d.date:%d-%m-%Y}"
        d.series_choice = "new"
        d.series_id = None
        d.series_name = await s.store(queries.free_course_name, d.activity, d.vestiging, base)
        d.lesson = 1
        d.last_lesson = False
    else:
        course = await s.store(queries.course, read_id(v)) if is_int(v) else None
        if course is None:
            await _stale(update)
            return
        d.series_choice = "running"
        d.series_id = course.id
        d.series_name = course.name
        d.series_enrolled = course.enrolled
        d.lesson = course.next_lesson
    await flow.proceed(update, context, d)


async def _last_lesson(
    update: Update, context: ContextTypes.DEFAULT_TYPE, s: Services, d: Draft, v: str
) -> None:
    d.last_lesson = v == "yes"
    await flow.proceed(update, context, d)


async def _counts(
    update: Update, context: ContextTypes.DEFAULT_TYPE, s: Services, d: Draft, v: str
) -> None:
    kind, arg = buttons.head(v)
    if kind == "all" and is_int(arg, max_digits=6):
        d.counts["deelnemers"] = int(arg)
    await flow.proceed(update, context, d)


async def _measure(
    update: Update, context: ContextTypes.DEFAULT_TYPE, s: Services, d: Draft, v: str
) -> None:
    effect = next_measure(d, s.catalogue)
    if effect is not None:
        d.measurements[effect.id] = None
    await flow.proceed(update, context, d)


async def _effects(
    update: Update, context: ContextTypes.DEFAULT_TYPE, s: Services, d: Draft, v: str
) -> None:
    kind, arg = buttons.head(v)
    choices = signal_choices(d, s.catalogue)
    if kind == "t" and is_int(arg, max_digits=3) and int(arg) < len(choices):
        toggle_signal(d, choices[int(arg)][0].id)
        await flow.store(s, d)
        await _markup(update, keyboards.signals(d, s.catalogue))
        return
    d.effects_asked = True
    await flow.proceed(update, context, d)


async def _quote(
    update: Update, context: ContextTypes.DEFAULT_TYPE, s: Services, d: Draft, v: str
) -> None:
    d.quote_asked = True
    await flow.proceed(update, context, d)


async def _attribution(
    update: Update, context: ContextTypes.DEFAULT_TYPE, s: Services, d: Draft, v: str
) -> None:
    index = first_quote_without(d, "attribution")
    if index is not None:
        d.quotes[index].attribution = None
        d.quotes[index].attribution_asked = True
    await flow.proceed(update, context, d)


async def _consent(
    update: Update, context: ContextTypes.DEFAULT_TYPE, s: Services, d: Draft, v: str
) -> None:
    index = first_quote_without(d, "consent")
    if index is not None and v in ("ja", "anoniem", "nee"):
        quote = d.quotes[index]
        quote.consent = "anoniem" if v == "ja" and not quote.attribution else v  # type: ignore[assignment]  # checked: one of three
    await flow.proceed(update, context, d)


async def _extra(
    update: Update, context: ContextTypes.DEFAULT_TYPE, s: Services, d: Draft, v: str
) -> None:
    """Under "Met wie?" / "Wat was bijzonder?": Terug keeps what is there, the other button
    takes it away; typing the answer is in quick.py."""
    if v == "clear" and d.step == "partners":
        d.partners = []
    elif v == "clear" and d.step == "story":
        d.stories = []
    d.extra = None
    await flow.proceed(update, context, d)


async def _story_consent(
    update: Update, context: ContextTypes.DEFAULT_TYPE, s: Services, d: Draft, v: str
) -> None:
    story = next((st for st in d.stories if st.consent is None), None)
    if story is not None and v in ("ja", "anoniem", "nee"):
        story.consent = v  # type: ignore[assignment]  # checked: one of three
    await flow.proceed(update, context, d)


async def _summary(
    update: Update, context: ContextTypes.DEFAULT_TYPE, s: Services, d: Draft, v: str
) -> None:
    if v in ("x:partners", "x:story"):
        d.extra = "partners" if v == "x:partners" else "story"
        await flow.proceed(update, context, d)
    elif v.startswith("t:"):
        choices = signal_choices(d, s.catalogue)
        index = v[2:]
        if is_int(index, max_digits=3) and int(index) < len(choices):
            toggle_signal(d, choices[int(index)][0].id)
            await flow.store(s, d)
            await _markup(update, keyboards.summary(d, s.catalogue))
    elif v == "save":
        await flow.save(update, context, d)
    elif v == "cancel":
        await flow.cancel(update, context, d)
    elif v == "drop":
        await flow.cancel(update, context, d, texts.NOT_SAVED_AGAIN)
    elif v == "edit":
        await _markup(update, keyboards.edit_menu(d))
    elif v == "back":
        await _markup(update, keyboards.summary(d, s.catalogue))
    elif v.startswith("e:") and v[2:] in texts.EDIT_LABELS:
        field: EditField = v[2:]  # type: ignore[assignment]  # checked: in EDIT_LABELS
        clear_field(d, field)
        await flow.proceed(update, context, d)


async def _ambiguity(
    update: Update, context: ContextTypes.DEFAULT_TYPE, s: Services, d: Draft, v: str
) -> None:
    """One tap settles what the message said two ways ("15 of 16 kinderen?")."""
    counts = resolve_question(d, int(v) if is_int(v, max_digits=2) else None)
    apply_counts(d, counts, PLAUSIBLE_MAX)
    await flow.proceed(update, context, d)


_STEPS = {
    "confirm": _confirm,
    "ambiguity": _ambiguity,
    "activity": _activity,
    "vestiging": _vestiging,
    "date": _date,
    "series": _series,
    "enrolled": _counts,
    "last_lesson": _last_lesson,
    "counts": _counts,
    "measure": _measure,
    "effects": _effects,
    "quote": _quote,
    "attribution": _attribution,
    "consent": _consent,
    "partners": _extra,
    "story": _extra,
    "story_consent": _story_consent,
    "summary": _summary,
}
