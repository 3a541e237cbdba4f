"""Plain text from a leader that no awaiting record claims (bot.core.routing.TextRouter): the
answer to the report's current step (the draft's own step), or a whole report at once.

Without a report in progress, the message is read by the free-text parser; the bot shows what
it understood and asks only for what is missing. Nothing is saved before Opslaan.
"""

from __future__ import annotations

import logging
from datetime import date

from telegram import Update
from telegram.ext import ContextTypes

from bot.core.guards import registered
from bot.core.services import Services, services
from bot.leader import flow, keyboards, queries, texts
from bot.leader.draft import (
    Draft,
    DraftQuestion,
    DraftQuote,
    DraftStory,
    apply_counts,
    confirm_pending,
    first_quote_without,
    missing_counts,
    next_measure,
    resolve_question,
    set_activity,
    set_vestiging,
)
from bot.leader.draft_session import attendance
from bot.leader.inputs import (
    PLAUSIBLE_MAX,
    InputError,
    assign_counts,
    check_date,
    read_attribution,
    read_date,
    read_partners,
    read_quote,
    read_single,
    read_story,
    says_nothing,
)
from intake.intent import is_question, stand_command
from intake.mentions import read_activity, read_location
from intake.parse import parse_message
from store.sessions import MAX_COUNT

log = logging.getLogger("impactbot.bot")


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is None or message.text is None or update.effective_user is None:
        return
    person = await registered(update, context)
    if person is None:
        return
    s = services(context)
    draft = await flow.load(s, update.effective_user.id)
    try:
        if draft is None:
            await _new_report(update, context, s, person.id, message.text, person.is_manager)
        else:
            await _answer(update, context, s, draft, message.text)
    except InputError as exc:
        await message.reply_text(str(exc))


async def _answer(
    update: Update, context: ContextTypes.DEFAULT_TYPE, s: Services, d: Draft, text: str
) -> None:
    """Typed input for the current step; bad input raises InputError and changes nothing."""
    step = d.step
    if step == "activity":
        found = s.activities.match(text) or read_activity(text, s.catalogue)
        if found is None:
            await _suggest_activity(update, s, d, text)
            return
        set_activity(d, s.catalogue, found)
    elif step == "vestiging":
        found = s.vestigingen.match(text) or read_location(text, s.catalogue)
        if found is None:
            raise InputError(texts.VESTIGING_UNKNOWN)
        set_vestiging(d, found)
    elif step == "date":
        d.date = read_date(text, s.today())
        d.date_typing = False
    elif step == "enrolled":
        apply_counts(d, assign_counts(text, ["enrolled"]), PLAUSIBLE_MAX)
    elif step == "counts":
        apply_counts(d, assign_counts(text, missing_counts(d, s.catalogue)), PLAUSIBLE_MAX)
    elif step == "ambiguity":
        # A typed answer to "15 of 16 kinderen?": a number or a day settles it too.
        question = d.questions[0]
        if question.kind == "count":
            value = read_single(text, 0, MAX_COUNT)
            resolve_question(d, None)
            apply_counts(d, {question.field.removeprefix("counts."): value}, PLAUSIBLE_MAX)
        elif question.kind == "date":
            day = read_date(text, s.today())
            resolve_question(d, None)
            d.date = day
        else:
            await update.effective_message.reply_text(texts.USE_BUTTONS)  # type: ignore[union-attr]
            return
    elif step == "confirm":
        answer = text.strip().lower()
        if answer in ("ja", "j", "klopt"):
            confirm_pending(d, True)
        elif answer in ("nee", "n"):
            confirm_pending(d, False)
        else:
            values = assign_counts(text, list(d.pending))
            d.pending = {}
            apply_counts(d, values, PLAUSIBLE_MAX)
    elif step == "measure":
        effect = next_measure(d, s.catalogue)
        if effect is not None:
            d.measurements[effect.id] = read_single(text, 0, attendance(d) or 0)
    elif step == "quote":
        d.quotes.append(DraftQuote(text=read_quote(text, s.catalogue)))
        d.quote_asked = True
    elif step == "attribution":
        index = first_quote_without(d, "attribution")
        if index is not None:
            d.quotes[index].attribution = read_attribution(text, s.catalogue)
            d.quotes[index].attribution_asked = True
    elif step == "partners":
        d.partners = read_partners(text, s.catalogue)
        d.extra = None
    elif step == "story" and says_nothing(text):
        d.extra = None  # "nee" typed instead of tapping Terug: nothing changes
    elif step == "story":
        # a new text replaces the story (a correction keeps its identity); consent is asked
        kept = d.stories[0].id if d.stories else None
        d.stories = [DraftStory(text=read_story(text, s.catalogue), id=kept)]
        d.extra = None
    else:
        await update.effective_message.reply_text(texts.USE_BUTTONS)  # type: ignore[union-attr]  # text handler: a message is there
        return
    await flow.proceed(update, context, d)


async def _suggest_activity(update: Update, s: Services, d: Draft, text: str) -> None:
    ids = s.activities.suggest(text, n=3)
    message = update.effective_message
    assert message is not None
    if ids:
        await message.reply_text(
            texts.ACTIVITY_SUGGEST, reply_markup=keyboards.activity_suggestions(d, s.catalogue, ids)
        )
    else:
        recent = await s.store(queries.recent_activities, d.person_id)
        await message.reply_text(
            texts.ACTIVITY_UNKNOWN, reply_markup=keyboards.activities_top(d, s.catalogue, recent)
        )


async def _new_report(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    s: Services,
    person_id: int,
    text: str,
    is_manager: bool = False,
) -> None:
    """A whole report in one message: fill in what the parser read, then ask the rest."""
    today = s.today()
    result = parse_message(text, s.catalogue, today)
    message = update.effective_message
    assert message is not None
    if is_question(text, result):
        # A question about figures is never a draft report (issue 17).
        if is_manager:
            command = stand_command(text, result, s.catalogue, today)
            await message.reply_text(texts.FIGURES_QUESTION.format(command=command))
        else:
            await message.reply_text(texts.NOT_A_REPORT)
        return
    if not (result.activity or result.location or result.counts or result.quotes):
        await message.reply_text(texts.NOT_UNDERSTOOD)
        return
    assert update.effective_user is not None
    d = Draft(
        telegram_id=update.effective_user.id,
        person_id=person_id,
        mode="quick",
        quote_asked=True,
    )
    notes: list[str] = []
    if result.negative:
        notes.append(texts.NEGATIVE_COUNT)  # the count is asked again, never read as positive
    asked = {a.field.removeprefix("counts.") for a in result.ambiguities}
    counts = {k: v for k, v in result.counts.items() if v is not None and k not in asked}
    if result.participants is not None and not {"deelnemers", "bezoekers"} & set(counts):
        counts["deelnemers"] = result.participants
    too_many = [k for k, v in counts.items() if v > MAX_COUNT]
    if too_many:
        notes.append(texts.TOO_MANY.format(max=MAX_COUNT))
    apply_counts(d, {k: v for k, v in counts.items() if v <= MAX_COUNT}, PLAUSIBLE_MAX)
    if result.activity:
        set_activity(d, s.catalogue, result.activity)
    if result.location:
        set_vestiging(d, result.location)
    if result.date is not None:
        try:
            d.date = check_date(result.date, today)
        except InputError as exc:
            notes.append(str(exc))
    elif result.impossible_date:
        notes.append(texts.DAY_DOES_NOT_EXIST.format(day=result.impossible_date))
    elif result.future_date:
        notes.append(texts.DAY_AHEAD.format(day=result.future_date))
    d.questions = [
        DraftQuestion(
            field=a.field,
            kind=a.kind,
            candidates=[c.isoformat() if isinstance(c, date) else str(c) for c in a.candidates],
            question=a.question,
        )
        for a in result.ambiguities
    ]
    dropped: str | None = None  # why an attribution from the message was not kept
    for found in result.quotes:
        try:
            quote = DraftQuote(text=read_quote(found.text, s.catalogue))
        except InputError as exc:
            notes.append(str(exc))
            d.quote_asked = False
            continue
        if found.attribution:
            try:
                quote.attribution = read_attribution(found.attribution, s.catalogue)
                quote.attribution_asked = True
            except InputError as exc:  # asked again, with the reason
                dropped = str(exc)
        d.quotes.append(quote)
    d = await flow.advance_and_store(s, d)
    if dropped is not None:
        later = d.step != "attribution" and dropped == texts.ATTRIBUTION_FULL_NAME
        notes.append(texts.ATTRIBUTION_DROPPED if later else dropped)
    await flow.ask(context, d.telegram_id, d, prefix="\n".join(notes) or None, understood=True)
    log.info("quick report read", extra={"draft": d.short_id, "step": d.step})
