"""The manager's chat texts built from figures: /stand, /gaten, /citaten, review cards, digest.

Pure: figures in, one compact Dutch text out (one phone screen, plain lines, ▲▼ for trend).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.manager import texts as mt
from ground.dutch import day_month, number, short_day, weekday_date
from reports.digest import Digest
from reports.evidence_model import LABEL_WORDS
from reports.figures import ContractProgress, Target
from reports.gaps import Gaps
from reports.stand import Line, Scope, Stand
from store.quotes import public_attribution
from store.reviews import ReviewQuote
from store.session_notes import ReviewStory
from toc.models import Catalogue

LISTED = 6
BAR = 10


def short_place(catalogue: Catalogue, vestiging: str) -> str:
    """'Bibliotheek Havelte' -> 'Havelte': enough on a button or in a list."""
    found = catalogue.vestigingen.get(vestiging)
    if found is None:
        return vestiging
    for prefix in ("Bibliotheek ", "Servicepunt "):
        if found.name.startswith(prefix):
            return found.name[len(prefix) :]
    return found.name


def activity_name(catalogue: Catalogue, activity: str) -> str:
    found = catalogue.activities.get(activity)
    return found.name if found else activity


def scope_label(catalogue: Catalogue, scope: Scope) -> str:
    if scope.vestiging or scope.gemeente:
        return scope.label(catalogue)
    return mt.ORGANISATION


def trend(now: int, before: int) -> str:
    """▲ 12% / ▼ 5% / = against the same period last year; '' when there is nothing."""
    if now == before:
        return "=" if now else ""
    if before == 0:
        return "▲ nieuw"
    change = round((now - before) * 100 / before)
    arrow = "▲" if now > before else "▼"
    return f"{arrow} {abs(change)}%" if change else arrow


def arrow(now: int, before: int) -> str:
    if now == before:
        return "=" if now else ""
    return "▲" if now > before else "▼"


def period_label(stand: Stand) -> str:
    end = stand.end
    if stand.period == "jaar":
        return f"{end.year} t/m {day_month(end)}"
    if stand.period == "maand":
        return f"{stand.start.day} t/m {day_month(end)} {end.year}"
    return f"deze week, {short_day(stand.start)} t/m {short_day(end)}"


def sessions(n: int) -> str:
    """'1 bijeenkomst', '5 bijeenkomsten'."""
    return f"{number(n)} {'bijeenkomst' if n == 1 else 'bijeenkomsten'}"


def people_count(n: int) -> str:
    """'1 deelnemer', '8 deelnemers'."""
    return f"{number(n)} {'deelnemer' if n == 1 else 'deelnemers'}"


def _bar(done: int, target: int) -> str:
    filled = min(BAR, round(done * BAR / target)) if target else 0
    return "▓" * filled + "░" * (BAR - filled)


def _empty(line: Line) -> bool:
    return not (line.bijeenkomsten or line.deelnemers or line.vorig_deelnemers)


def stand_text(stand: Stand, catalogue: Catalogue, contract_line: str | None = None) -> str:
    """Totals, the contract progress and one line per opgave and programmalijn with data."""
    total = stand.totaal
    lines = [
        mt.STAND_HEAD.format(scope=scope_label(catalogue, stand.scope), period=period_label(stand))
    ]
    if total.bijeenkomsten or total.vorig_bijeenkomsten:
        lines.append(
            mt.STAND_TOTAL.format(
                n=sessions(total.bijeenkomsten),
                p=people_count(total.deelnemers),
                trend=trend(total.deelnemers, total.vorig_deelnemers),
            ).rstrip()
        )
        lines.append(
            mt.STAND_PREVIOUS.format(
                n=sessions(total.vorig_bijeenkomsten), p=people_count(total.vorig_deelnemers)
            )
        )
    else:
        lines.append(mt.STAND_EMPTY)
    if stand.contract_target:
        lines.append(
            mt.STAND_CONTRACT.format(
                year=stand.end.year,
                done=stand.contract_done,
                target=stand.contract_target,
                bar=_bar(stand.contract_done, stand.contract_target),
                percent=round(stand.contract_done * 100 / stand.contract_target),
            )
        )
        expected = round(stand.contract_expected or 0)
        if stand.contract_done >= expected:
            lines.append(mt.STAND_ON_TRACK)
        else:
            lines.append(mt.STAND_BEHIND.format(expected=expected))
    if contract_line:
        lines.append(contract_line)
    if stand.verdicts:
        counts = ", ".join(f"{n} {LABEL_WORDS[label]}" for label, n in stand.verdicts.items())
        lines.append(mt.STAND_VERDICTS.format(year=stand.end.year, counts=counts))
    for opgave in stand.opgaven:
        if _empty(opgave):
            continue
        lines.append("")
        lines.append(
            mt.STAND_OPGAVE.format(
                name=opgave.name,
                n=sessions(opgave.bijeenkomsten),
                p=people_count(opgave.deelnemers),
                trend=trend(opgave.deelnemers, opgave.vorig_deelnemers),
            ).rstrip()
        )
        lines.append(voice_line(opgave))
        programmalijnen = [pl for pl in stand.programmalijnen.get(opgave.id, []) if not _empty(pl)]
        if len(programmalijnen) > 1:
            for pl in programmalijnen:
                lines.append(_line(pl.name, pl.bijeenkomsten, pl.deelnemers, pl.vorig_deelnemers))
    if total.bijeenkomsten or total.vorig_bijeenkomsten:
        lines.append("")
        lines.append(mt.STAND_TREND_HELP)
    return "\n".join(lines)


def voice_line(opgave: Line) -> str:
    """How many people answered themselves (never answers pooled over statements of different
    kinds: the verdict per effect says what they said), or that nobody asked them yet."""
    if not opgave.respondenten:
        return mt.STAND_VOICE_NONE
    one = opgave.respondenten == 1
    people = "1 deelnemer" if one else f"{number(opgave.respondenten)} deelnemers"
    return mt.STAND_VOICE.format(people=people, gave="gaf" if one else "gaven")


def _line(name: str, n: int, people: int, before: int) -> str:
    return mt.STAND_LINE.format(
        name=name, n=number(n), p=people_count(people), trend=arrow(people, before)
    ).rstrip()


def year_fraction(today: date) -> float:
    """How much of the year has passed, today included."""
    start = date(today.year, 1, 1)
    return ((today - start).days + 1) / ((date(today.year, 12, 31) - start).days + 1)


def on_track(target: Target, fraction: float) -> bool:
    return target.realised >= round(target.target * fraction)


def contract_summary(progress: ContractProgress | None, fraction: float) -> str | None:
    """'Afspraken per activiteit: 2 van 9 op schema' for the /stand screen."""
    if progress is None or not progress.per_activity:
        return None
    good = sum(on_track(t, fraction) for t in progress.per_activity)
    return mt.STAND_PER_ACTIVITY.format(good=good, n=len(progress.per_activity))


def contract_text(
    progress: ContractProgress, catalogue: Catalogue, scope: Scope, today: date
) -> str:
    """Every agreed number for the year with a progress bar and what is expected by now."""
    fraction = year_fraction(today)
    lines = [mt.CONTRACT_HEAD.format(year=today.year, scope=scope_label(catalogue, scope))]
    # an agreed total that cannot be compared in its own unit is not shown (reports.figures)
    total = progress.total if progress.total and progress.total.comparable else None
    targets = ([total] if total else []) + progress.per_activity
    for t in targets:
        name = mt.CONTRACT_TOTAL if t.activity is None else activity_name(catalogue, t.activity)
        mark = (
            "✅"
            if on_track(t, fraction)
            else mt.CONTRACT_EXPECTED.format(n=round(t.target * fraction))
        )
        lines.append(
            mt.CONTRACT_LINE.format(
                name=name, done=t.realised, target=t.target, bar=_bar(t.realised, t.target),
                mark=mark,
            )
        )  # fmt: skip
    return "\n".join(lines)


@dataclass
class ActivityFigures:
    now: dict[str, tuple[int, int]]
    before: dict[str, tuple[int, int]]


def opgave_text(stand: Stand, catalogue: Catalogue, opgave: str, figures: ActivityFigures) -> str:
    """One opgave: its goal, then per programmalijn the activities that ran (or ran last year)."""
    found = catalogue.opgaven[opgave]
    lines = [
        mt.STAND_DETAIL_HEAD.format(
            opgave=found.name,
            scope=scope_label(catalogue, stand.scope),
            period=period_label(stand),
        ),
        found.goal,
    ]
    for pl in catalogue.programmalijnen.values():
        if pl.opgave != opgave:
            continue
        rows = []
        for activity in catalogue.activities_in(pl.id):
            n, people = figures.now.get(activity.id, (0, 0))
            _, before = figures.before.get(activity.id, (0, 0))
            if n or before:
                rows.append(_line(activity.name, n, people, before))
        if rows:
            lines += ["", pl.name, *rows]
    if len(lines) == 2:
        lines += ["", mt.STAND_EMPTY]
    return "\n".join(lines)


def gaps_text(gaps: Gaps, catalogue: Catalogue, scope: Scope, year: int) -> str:
    lines = [mt.GAPS_HEAD.format(scope=scope_label(catalogue, scope), year=year)]
    if not (gaps.missing_sessions or gaps.silent_leaders or gaps.effects_without_evidence):
        return "\n".join([*lines, mt.GAPS_NONE])
    if gaps.missing_sessions:
        lines += ["", mt.GAPS_MISSING.format(n=len(gaps.missing_sessions))]
        latest = sorted(gaps.missing_sessions, key=lambda m: m.date, reverse=True)
        for m in latest[:LISTED]:
            lines.append(
                f"• {short_day(m.date)}: {activity_name(catalogue, m.activity)}, "
                f"{short_place(catalogue, m.vestiging)}"
            )
        lines += _more(len(latest))
    if gaps.silent_leaders:
        lines += ["", mt.GAPS_SILENT.format(n=len(gaps.silent_leaders))]
        for leader in gaps.silent_leaders[:LISTED]:
            when = (
                mt.GAPS_LAST.format(day=day_month(leader.last_report))
                if leader.last_report
                else mt.GAPS_NEVER
            )
            lines.append(f"• {leader.name} ({when})")
        lines += _more(len(gaps.silent_leaders))
    if gaps.effects_without_evidence:
        effects = gaps.effects_without_evidence
        lines += ["", mt.GAPS_EFFECTS.format(n=len(effects))]
        for effect in effects[:LISTED]:
            name = catalogue.effects[effect].name if effect in catalogue.effects else effect
            lines.append(f"• {_clip(name, 70)}")
        lines += _more(len(effects))
    return "\n".join(lines)


def _more(n: int) -> list[str]:
    return [mt.GAPS_MORE.format(n=n - LISTED)] if n > LISTED else []


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class ListedQuote:
    id: int
    text: str
    attribution: str | None
    consent: str
    activity: str
    vestiging: str
    date: date
    review: str


def quotes_text(
    quotes: list[ListedQuote],
    catalogue: Catalogue,
    heading: str,
    awaiting: int,
    stories_awaiting: int = 0,
) -> str:
    if not quotes:
        lines = [mt.QUOTES_NONE]
    else:
        lines = [heading]
        for q in quotes:
            mark = mt.QUOTE_NEW_MARK if q.review == "new" else ""
            lines += [
                "",
                f"„{q.text}” — {public_attribution(q.consent, q.attribution)}",
                f"{activity_name(catalogue, q.activity)}, {short_place(catalogue, q.vestiging)}, "
                f"{day_month(q.date)} {q.date.year} (nr. {q.id}){mark}",
            ]
    if awaiting:
        waiting = mt.QUOTES_AWAITING_ONE if awaiting == 1 else mt.QUOTES_AWAITING
        lines += ["", waiting.format(n=awaiting)]
    if stories_awaiting:
        waiting = mt.STORIES_AWAITING_ONE if stories_awaiting == 1 else mt.STORIES_AWAITING
        if not awaiting:
            lines.append("")  # one blank line before the waiting lines
        lines.append(waiting.format(n=stories_awaiting))
    return "\n".join(lines)


def review_card(quote: ReviewQuote, catalogue: Catalogue, remaining: int) -> str:
    who = mt.REVIEW_CONSENT[quote.consent].format(
        attribution=quote.attribution or public_attribution(quote.consent, None)
    )
    where = (
        f"{activity_name(catalogue, quote.activity)}, {short_place(catalogue, quote.vestiging)}, "
        f"{weekday_date(date.fromisoformat(quote.date))} (nr. {quote.id})"
    )
    return mt.REVIEW_CARD.format(n=remaining, text=quote.text, who=who, where=where)


def story_card(story: ReviewStory, catalogue: Catalogue, remaining: int) -> str:
    where = (
        f"{activity_name(catalogue, story.activity)}, {short_place(catalogue, story.vestiging)}, "
        f"{weekday_date(date.fromisoformat(story.date))} (nr. {story.id})"
    )
    consent = mt.STORY_CONSENT[story.consent]
    return mt.STORY_CARD.format(n=remaining, text=story.text, consent=consent, where=where)


def greeting(hour: int) -> str:
    """Goedemorgen from 6, Goedemiddag from 12, Goedenavond from 18; Hallo at night."""
    found = mt.GREETING_NIGHT
    for start, word in mt.GREETINGS:
        if hour >= start:
            found = word
    return found


def digest_text(digest: Digest, name: str, scope: str, hour: int = 9) -> str:
    """Five lines about last week, plus one approved quote when there is one; `hour` (the
    library's local hour of sending) picks the greeting."""
    lines = [
        mt.DIGEST_HEAD.format(
            greeting=greeting(hour),
            name=name,
            start=day_month(digest.start),
            end=day_month(digest.end),
            scope=scope,
        ),
        mt.DIGEST_FIGURES.format(
            n=sessions(digest.bijeenkomsten),
            p=people_count(digest.deelnemers),
            trend=arrow(digest.bijeenkomsten, digest.vorige_bijeenkomsten),
            before=sessions(digest.vorige_bijeenkomsten),
        ).replace("  ", " "),
        mt.DIGEST_TOP.format(activity=digest.top_activity)
        if digest.top_activity
        else mt.DIGEST_TOP_NONE,
        mt.DIGEST_REVIEW.format(n=digest.awaiting_review),
        *([mt.DIGEST_REVIEW_STORIES.format(n=digest.awaiting_stories)]
          if digest.awaiting_stories else []),
        mt.DIGEST_MISSING.format(n=digest.missing_reports),
    ]  # fmt: skip
    if digest.quote is not None:
        q = digest.quote
        lines += [
            "",
            mt.DIGEST_QUOTE.format(
                text=q.text, who=q.attribution, activity=q.activity, place=q.vestiging
            ),
        ]
    return "\n".join(lines)
