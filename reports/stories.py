"""Quotes that may leave the database, and the choice of 1-3 stories per opgave.

Everything here reads quotes through `store.quotes.PUBLISHABLE_SQL` and turns the attribution
into `public_attribution` at once: the original attribution of an 'anoniem' quote never enters
a report object, so no template or format can show it.
"""

from __future__ import annotations

import base64
from datetime import date

import sqlite_utils
from pydantic import BaseModel, Field

from reports.figures import scope_sql
from store.long_stories import LongStory
from store.photos import SessionPhoto
from store.quotes import PUBLISHABLE_SQL, public_attribution
from store.session_notes import SessionStory
from toc.models import Catalogue

MAX_STORIES = 3
READABLE_MIN = 30  # characters
READABLE_MAX = 280

STORY_RULE = (
    f"Per opgave kiezen we hoogstens {MAX_STORIES} citaten. We gebruiken alleen citaten die "
    "gepubliceerd mogen worden (toestemming 'ja' of 'anoniem', niet afgekeurd). Bij "
    "'anoniem' staat er alleen 'een deelnemer' bij, nooit de naam die is opgegeven. "
    "Goedgekeurde citaten gaan voor citaten die nog niet zijn beoordeeld. Daarna gaan citaten "
    f"met een goed leesbare lengte ({READABLE_MIN} tot {READABLE_MAX} tekens) voor. Bij elke "
    "volgende keuze kiezen we bij voorkeur een andere vestiging en een ander effect dan de "
    "citaten die al gekozen zijn, zodat de verhalen samen een breed beeld geven. Daarna gaat "
    "een citaat dat bij een effect hoort voor, dan het meest recente. Een citaat met dezelfde "
    "tekst als een citaat dat al gekozen is (bijvoorbeeld twee keer doorgegeven), kiezen we "
    "nooit nog een keer."
)


class PublicQuote(BaseModel):
    id: int
    text: str
    van: str  # already public_attribution(): never the given name of an 'anoniem' quote
    activity: str
    vestiging: str
    date: date
    effects: list[str] = Field(default_factory=list)
    approved: bool = False

    @property
    def readable(self) -> bool:
        return READABLE_MIN <= len(self.text) <= READABLE_MAX

    def contract(self) -> dict[str, object]:
        return {
            "tekst": self.text,
            "van": self.van,
            "activiteit": self.activity,
            "effecten": self.effects,
            "vestiging": self.vestiging,
            "datum": self.date.isoformat(),
            "goedgekeurd": self.approved,
        }


class Story(BaseModel):
    """A chosen quote with the names a reader needs."""

    quote: PublicQuote
    activity_name: str
    place: str
    effect_names: list[str] = Field(default_factory=list)


def publishable_quotes(
    db: sqlite_utils.Database, year: int, gemeente: str | None
) -> list[PublicQuote]:
    """Every quote of the year and scope that may be published, oldest first."""
    scope, params = scope_sql(gemeente, "q.gemeente")
    # The effects by a subquery per quote, not a GROUP BY over a join: the planner then reads
    # the year's quotes by index instead of every quote in id order.
    rows = db.execute(
        "SELECT q.id, q.text, q.attribution, q.consent, q.review, q.activity, q.vestiging, "
        "q.date, (SELECT group_concat(qe.effect, ',') FROM quote_effects qe "
        "WHERE qe.quote_id = q.id) FROM quotes q "
        f"WHERE q.year = ?{scope} AND {PUBLISHABLE_SQL} ORDER BY q.date, q.id",
        [year, *params],
    ).fetchall()
    # model_construct: the rows are the database's own, typed by its schema; validating tens
    # of thousands of them was a large part of the organisation's report (bench/scale.py).
    return [
        PublicQuote.model_construct(
            id=qid,
            text=text,
            van=public_attribution(consent, attribution),
            activity=activity,
            vestiging=vestiging,
            date=date.fromisoformat(day),
            effects=sorted(effects.split(",")) if effects else [],
            approved=review == "approved",
        )
        for qid, text, attribution, consent, review, activity, vestiging, day, effects in rows
    ]


def same_text_key(text: str) -> str:
    """Texts that differ only in case or spacing are the same quote."""
    return " ".join(text.split()).casefold()


def choose_stories(quotes: list[PublicQuote], limit: int = MAX_STORIES) -> list[PublicQuote]:
    """Pick up to `limit` quotes by STORY_RULE (greedy, deterministic); never a text twice."""
    chosen: list[PublicQuote] = []
    places: set[str] = set()
    effects: set[str] = set()
    # What does not change between rounds is worked out once per quote: a year of a large
    # organisation holds tens of thousands of quotes.
    left = [
        (q, 0 if q.approved else 1, 0 if q.readable else 1, 0 if q.effects else 1,
         -q.date.toordinal(), set(q.effects), same_text_key(q.text))
        for q in quotes
    ]  # fmt: skip
    while left and len(chosen) < limit:

        def key(item: tuple) -> tuple[int, int, int, int, int, int]:
            q, approved, readable, no_effects, newest, its_effects, _ = item
            new_place = q.vestiging not in places
            new_effect = bool(its_effects) and not its_effects <= effects
            return (
                approved, readable, -(int(new_place) + int(new_effect)), no_effects, newest,
                q.id,
            )  # fmt: skip

        best, *_, text = min(left, key=key)
        chosen.append(best)
        left = [item for item in left if item[-1] != text]
        places.add(best.vestiging)
        effects.update(best.effects)
    return chosen


def stories_for(catalogue: Catalogue, quotes: list[PublicQuote], opgave: str) -> list[Story]:
    """The stories of one opgave, with activity name, place and effect names filled in."""
    mine = [
        q
        for q in quotes
        if q.activity in catalogue.activities and catalogue.opgave_of(q.activity) == opgave
    ]
    out = []
    for q in choose_stories(mine):
        vestiging = catalogue.vestigingen.get(q.vestiging)
        out.append(
            Story(
                quote=q,
                activity_name=catalogue.activities[q.activity].name,
                place=vestiging.name if vestiging else q.vestiging,
                effect_names=[
                    catalogue.effects[e].name if e in catalogue.effects else e for e in q.effects
                ],
            )
        )
    return out


MAX_EVENTS = 2  # "Wat was bijzonder?" stories per opgave


class EventStory(BaseModel):
    """What was special about a session, in the leader's words, with where and when; a story
    with consent 'anoniem' is published without place and date (None here, so no format can
    show them)."""

    text: str
    activity: str
    activity_name: str
    place: str | None
    date: date | None

    def contract(self) -> dict[str, object]:
        day = self.date.isoformat() if self.date else None
        return {"tekst": self.text, "activiteit": self.activity, "datum": day}


def events_for(
    catalogue: Catalogue, stories: list[SessionStory], opgave: str, limit: int = MAX_EVENTS
) -> list[EventStory]:
    """The opgave's publishable session stories, approved ones first, then the newest."""
    out: list[EventStory] = []
    seen: set[str] = set()
    for s in stories:
        if s.activity not in catalogue.activities or catalogue.opgave_of(s.activity) != opgave:
            continue
        key = same_text_key(s.text)
        if key in seen:
            continue
        seen.add(key)
        vestiging = catalogue.vestigingen.get(s.vestiging)
        anonymous = s.consent == "anoniem"
        out.append(
            EventStory(
                text=s.text,
                activity=s.activity,
                activity_name=catalogue.activities[s.activity].name,
                place=None if anonymous else (vestiging.name if vestiging else s.vestiging),
                date=None if anonymous else date.fromisoformat(s.date),
            )
        )
        if len(out) == limit:
            break
    return out


class PhotoCard(BaseModel):
    """An approved (or, when asked, publishable) photo beside its opgave, with alt text."""

    id: int
    src: str  # a data: URI, so the HTML stays one file that asks nothing of the internet
    alt: str
    activity: str
    activity_name: str
    place: str

    def contract(self) -> dict[str, object]:
        return {"id": self.id, "alt": self.alt, "activiteit": self.activity}


MAX_PHOTOS = 2  # per opgave


def photos_for(catalogue: Catalogue, photos: list[SessionPhoto], opgave: str) -> list[PhotoCard]:
    out: list[PhotoCard] = []
    for p in photos:
        if p.activity not in catalogue.activities or catalogue.opgave_of(p.activity) != opgave:
            continue
        vestiging = catalogue.vestigingen.get(p.vestiging)
        out.append(
            PhotoCard(
                id=p.id,
                src=f"data:{p.mime};base64," + base64.b64encode(p.data).decode("ascii"),
                alt=p.alt,
                activity=p.activity,
                activity_name=catalogue.activities[p.activity].name,
                place=vestiging.name if vestiging else p.vestiging,
            )
        )
        if len(out) == MAX_PHOTOS:
            break
    return out


class LongStoryCard(BaseModel):
    """A longer story a manager wrote or approved, beside its opgave."""

    id: int
    text: str
    activity: str
    activity_name: str

    def contract(self) -> dict[str, object]:
        return {"tekst": self.text, "activiteit": self.activity}


def long_stories_for(
    catalogue: Catalogue, stories: list[LongStory], opgave: str, limit: int = 2
) -> list[LongStoryCard]:
    out = [
        LongStoryCard(
            id=s.id,
            text=s.text,
            activity=s.activity,
            activity_name=catalogue.activities[s.activity].name,
        )
        for s in stories
        if s.activity in catalogue.activities and catalogue.opgave_of(s.activity) == opgave
    ]
    return out[:limit]
