"""How the rooms become one Application: `assemble(app, rooms, otherwise)`.

Each room (bot.leader.routes, bot.manager.routes, bot.participant.routes) describes its routes
as a `Routes`: commands, buttons (by prefix pattern) and the kinds of typed answer it waits
for. Here they are registered so that no handler depends on the order: in the handlers' group
at most one handler matches an update (two rooms' commands of one name carry complementary
filters; patterns are checked to be distinct; what nobody matches goes to `otherwise`).

Groups: -2 once per update, -1 private chats only, 0 the rooms, 1 after-handlers (the command
menu after /start), 2 claim what no write claimed.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Coroutine, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from telegram import Message, MessageEntity, Update
from telegram.ext import (
    Application,
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.core import awaiting
from bot.core.awaiting import Awaiting
from bot.core.guards import claim_rest, once_per_update, private_only
from store.survey import START_PREFIX

# a Coroutine, not any Awaitable: python-telegram-bot's handlers are typed that way
Callback = Callable[[Update, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]
# A typed answer to a record; False when the message turned out not to answer it (then it is
# read as if nothing was awaited).
Answer = Callable[[Update, ContextTypes.DEFAULT_TYPE, Awaiting], Awaitable[bool]]
# Only new messages: an edited message must not be read as a second answer.
NEW_MESSAGE = filters.UpdateType.MESSAGE
# /start with a survey link (t.me/<bot>?start=s_CODE) is the participants' room's; any other
# /start is the leader room's.
SURVEY_LINK = filters.Regex(rf"^/start {re.escape(START_PREFIX)}")


@dataclass(frozen=True)
class Command:
    name: str
    callback: Callback
    # Narrows the command when two rooms share its name (/start with a survey link or not).
    only: filters.BaseFilter | None = None


@dataclass(frozen=True)
class Button:
    pattern: str  # bot.core.buttons.pattern(...) of the room's prefixes
    callback: Callback


@dataclass
class Routes:
    room: str
    commands: list[Command] = field(default_factory=list)
    buttons: list[Button] = field(default_factory=list)
    answers: dict[str, Answer] = field(default_factory=dict)  # kind -> typed answer
    # Run once when the Application is assembled (state the room keeps in bot_data).
    setup: Callable[[Application], None] | None = None
    # Handlers that run after the room's answer (group 1), e.g. the menu after /start.
    after: list[BaseHandler] = field(default_factory=list)
    # A photo sent in the chat (one room takes them: the leader's, for a report's photo).
    photo: Callback | None = None


@dataclass(frozen=True)
class Otherwise:
    """What nobody's route takes: a typed message no record awaits, an unknown command, a
    press of unknown data, anything that is not text."""

    text: Callback
    command: Callback
    press: Callback
    other: Callback


class KnownCommand(filters.MessageFilter):
    """A command one of the rooms registered (as CommandHandler reads it: /name or
    /name@this_bot)."""

    def __init__(self, names: Iterable[str]) -> None:
        super().__init__(name="KnownCommand")
        self.names = frozenset(n.lower() for n in names)

    def filter(self, message: Message) -> bool:
        entities = message.entities or ()
        if not message.text or not entities:
            return False
        first = entities[0]
        if first.type != MessageEntity.BOT_COMMAND or first.offset != 0:
            return False
        name, _, bot_name = message.text[1 : first.length].partition("@")
        if name.lower() not in self.names:
            return False
        return not bot_name or bot_name.lower() == (message.get_bot().username or "").lower()


class TextRouter:
    """The one handler of typed messages: the record the message answers decides the room;
    without one, `otherwise` (the leader's report reader)."""

    def __init__(self, rooms: Sequence[Routes], otherwise: Callback) -> None:
        self.answers = {(r.room, kind): answer for r in rooms for kind, answer in r.answers.items()}
        self.otherwise = otherwise

    async def __call__(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        if message is None or message.text is None:
            return
        # Text starting with "/" (not a command) was never taken as an answer.
        record = None if message.text.startswith("/") else awaiting.answered_by(context, message)
        if record is not None:
            answer = self.answers.get((record.room, record.kind))
            if answer is None:  # a kind no room answers any more (after an update): drop it
                awaiting.clear(context, record.room, record.kind)
                return
            if await answer(update, context, record):
                return
        await self.otherwise(update, context)


def button_patterns(rooms: Sequence[Routes]) -> list[str]:
    """Every room's patterns; two rooms registering the same pattern is a mistake."""
    found = [b.pattern for r in rooms for b in r.buttons]
    doubles = sorted({p for p in found if found.count(p) > 1})
    if doubles:
        raise ValueError(f"button patterns registered twice: {doubles}")
    return found


def assemble(
    app: Application,
    rooms: Sequence[Routes],
    otherwise: Otherwise,
) -> None:
    app.add_handler(TypeHandler(Update, once_per_update), group=-2)
    app.add_handler(TypeHandler(Update, private_only), group=-1)
    for room in rooms:
        if room.setup is not None:
            room.setup(app)
    names: set[str] = set()
    for room in rooms:
        for command in room.commands:
            only = NEW_MESSAGE if command.only is None else NEW_MESSAGE & command.only
            app.add_handler(CommandHandler(command.name, command.callback, filters=only))
            names.add(command.name)
    known = [re.compile(p) for p in button_patterns(rooms)]
    for room in rooms:
        for button in room.buttons:
            app.add_handler(CallbackQueryHandler(button.callback, pattern=button.pattern))

    def unknown_press(data: object) -> bool:
        return not (isinstance(data, str) and any(p.match(data) for p in known))

    app.add_handler(CallbackQueryHandler(otherwise.press, pattern=unknown_press))
    app.add_handler(
        MessageHandler(
            NEW_MESSAGE & filters.TEXT & ~filters.COMMAND, TextRouter(rooms, otherwise.text)
        )
    )
    app.add_handler(
        MessageHandler(NEW_MESSAGE & filters.COMMAND & ~KnownCommand(names), otherwise.command)
    )
    photos = [r.photo for r in rooms if r.photo is not None]
    if len(photos) > 1:
        raise ValueError("more than one room takes photos")
    if photos:
        app.add_handler(MessageHandler(NEW_MESSAGE & filters.PHOTO, photos[0]))
        app.add_handler(
            MessageHandler(NEW_MESSAGE & ~filters.TEXT & ~filters.PHOTO, otherwise.other)
        )
    else:
        app.add_handler(MessageHandler(NEW_MESSAGE & ~filters.TEXT, otherwise.other))
    for room in rooms:
        for handler in room.after:
            app.add_handler(handler, group=1)
    app.add_handler(TypeHandler(Update, claim_rest), group=2)
