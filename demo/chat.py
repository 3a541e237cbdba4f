"""`impactbot demo`: chat with the real bot in the terminal, as Anne (leider), Johan (manager)
or Marieke (beheerder).

You type; the bot's answers appear with their buttons numbered [1] [2] …; typing a number
presses that button of the newest message with buttons. Files the bot sends are saved in the
demo folder. A background thread prints what the bot sends later (a PDF that takes a moment).
"""

from __future__ import annotations

import re
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from demo.people import ADMIN, ANNE, MANAGER, DemoPerson
from demo.runner import DemoEnvironment, years_text
from demo.transcript import BOT, ChatLog, Event, numbered_buttons, render, save_document, speaker

# The first answer may take a while (a report is rendered to PDF); after it, the bot is done
# when it has been quiet this long.
FIRST_ANSWER_TIMEOUT = 20.0
QUIET = 0.4
STOP_WORDS = {"/stop", "/quit", "/exit", "/einde"}
ROLES: dict[str, tuple[DemoPerson, str]] = {
    "/leider": (ANNE, "activiteitenleider in Havelte"),
    "/manager": (MANAGER, "manager van gemeente Westerveld"),
    "/admin": (ADMIN, "beheerder"),
}
# A participant who opens a session's link: never registered (the role is not used).
PARTICIPANT = DemoPerson(700_000_099, "Deelnemer", "leider")
NAMES = {p.telegram_id: p.display_name for p in (ANNE, MANAGER, ADMIN, PARTICIPANT)}
_SURVEY_CODE = re.compile(r"(?:start=)?(?:s_)?([a-z0-9]{6,})$")


def welcome(env: DemoEnvironment) -> list[str]:
    year = env.year
    sessions = env.summary.sessions if env.summary else None
    amount = f" ({sessions:,} activiteiten)".replace(",", ".") if sessions else ""
    return [
        "Welkom bij de demo van Impactbot! Je chat met de echte bot, op je eigen computer.",
        f"Er zijn voorbeeldgegevens over {years_text(year)}{amount}; niets gaat het internet op.",
        "Je bent Anne, activiteitenleider in Havelte. Probeer eens:",
        "  • Typ: Voorleesuurtje Havelte 12 kinderen 8 ouders  (tik dan het nummer van Opslaan)",
        "  • Of typ /verslag en kies met de knoppen: typ het nummer van een knop.",
        f"  • Typ /manager om Johan (manager) te zijn, en dan /stand of /rapport {year}.",
        "Met /help zie je wat de demo nog meer kan. Stoppen: /stop of Ctrl-D.",
    ]


def help_lines(env: DemoEnvironment, documents: Path) -> list[str]:
    return [
        "Zo werkt de demo:",
        "  tekst       gaat als bericht naar de bot",
        "  1, 2, …     tikt op die knop onder het nieuwste bericht met knoppen",
        "  /leider     je bent Anne, activiteitenleider (zo begin je)",
        "  /manager    je bent Johan, manager: /stand, /rapport " + str(env.year) + " …",
        "  /admin      je bent Marieke, beheerder",
        "  /deelnemer CODE  je bent een deelnemer (niet geregistreerd) die de link van",
        "              „Vraag de deelnemers” opent; CODE is het stuk na start=s_ in die link",
        "  /bothelp    de hulp van de bot zelf (/help van de bot)",
        "  /stop       de demo stoppen (of Ctrl-D)",
        "Wil je een getal als tekst sturen terwijl er knoppen staan? Zet er een woord bij,",
        "bijvoorbeeld: 12 kinderen.",
        f"Bestanden die de bot stuurt (zoals een rapport) komen in {documents}.",
    ]


@dataclass
class Keyboard:
    message_id: int
    buttons: list[tuple[int, str, str]]  # (number, label, callback data)


class TerminalChat:
    def __init__(
        self,
        env: DemoEnvironment,
        documents: Path,
        out: TextIO = sys.stdout,
        read: Callable[[str], str] | None = None,
    ) -> None:
        assert env.standin is not None
        self.env = env
        self.standin = env.standin
        self.documents = documents
        self.out = out
        # Typed at a terminal the line is on screen already; from a pipe it is shown here.
        self.echo = read is None and not sys.stdin.isatty()
        self.read = read or self._input
        self.log = ChatLog(env.standin)
        self.person = ANNE
        self.keyboards: dict[int, Keyboard] = {}
        self.saved: list[Path] = []
        self._lock = threading.RLock()
        self._prompting = False
        self._stop = threading.Event()
        self._printer = threading.Thread(target=self._watch, name="demo-chat-printer", daemon=True)
        self.chats = [p.telegram_id for p in (ANNE, MANAGER, ADMIN, PARTICIPANT)]

    def _input(self, prompt: str) -> str:
        return input("" if self.echo else prompt)

    # --- output --------------------------------------------------------------------------------

    @property
    def prompt(self) -> str:
        return speaker(self.person.display_name)

    def say(self, lines: list[str]) -> None:
        with self._lock:
            if self._prompting:
                self.out.write("\n")
            self.out.write("\n".join(lines) + "\n")
            if self._prompting:
                self.out.write(self.prompt)
            self.out.flush()

    def flush(self) -> int:
        """Print what the bot did since the last flush; returns the number of events."""
        with self._lock:
            events = self.log.take(self.chats)
            lines: list[str] = []
            for event in events:
                lines += self._lines(event)
            if lines:
                self.say(lines)
            return len(events)

    def _lines(self, event: Event) -> list[str]:
        saved = None
        message = event.message
        if message is not None and message.document is not None:
            saved = save_document(message, self.documents)
            if saved is not None:
                self.saved.append(saved)
        if message is not None and message.buttons:
            self.keyboards[event.chat_id] = Keyboard(message.message_id, numbered_buttons(message))
        lines = render(event, saved)
        if event.chat_id != self.person.telegram_id:
            name = NAMES.get(event.chat_id, str(event.chat_id))
            lines[0] = f"[aan {name}] " + lines[0].strip()
        return lines

    def _watch(self) -> None:
        while not self._stop.is_set():
            mark = self.log.mark()
            if self.log.wait(mark, 0.5):
                self.flush()

    def wait_for_answer(self, mark: tuple[int, int]) -> None:
        """Until the bot answered the last action and is quiet again (or gives no answer)."""
        if not self.log.wait(mark, FIRST_ANSWER_TIMEOUT):
            self.say([speaker(BOT) + "(geen antwoord)"])
            return
        while True:
            mark = self.log.mark()
            if not self.log.wait(mark, QUIET):
                break
        self.flush()

    # --- input ---------------------------------------------------------------------------------

    def handle(self, line: str) -> bool:
        """One line typed by the person; False when the demo should stop."""
        word = line.split()[0].lower() if line.split() else ""
        if word in STOP_WORDS:
            return False
        if word == "/help":
            self.say(help_lines(self.env, self.documents))
            return True
        if word in ROLES:
            self.person, what = ROLES[word]
            self.say([f"Je bent nu {self.person.display_name}, {what}."])
            return True
        if word == "/deelnemer":
            return self._participant(line.split()[1:])
        self.flush()
        mark = self.log.mark()
        user = self.env.person(self.person.telegram_id)
        if word == "/bothelp":
            user.send("/help")
        elif line.isdigit() and self._keyboard_has(int(line)):
            if not self._press(int(line)):
                return True
        else:
            user.send(line)
        self.wait_for_answer(mark)
        return True

    def _participant(self, words: list[str]) -> bool:
        """Become a participant and open the survey link with CODE (or the whole link)."""
        self.person = PARTICIPANT
        found = _SURVEY_CODE.search(words[0]) if words else None
        if found is None:
            self.say(
                [
                    "Je bent nu een deelnemer (niet geregistreerd). Geef de code mee:",
                    "/deelnemer CODE. Anne krijgt de link na Opslaan met „Vraag de deelnemers”.",
                ]
            )
            return True
        self.say(["Je bent nu een deelnemer (niet geregistreerd) en opent de link."])
        self.flush()
        mark = self.log.mark()
        self.env.person(PARTICIPANT.telegram_id).send(f"/start s_{found.group(1)}")
        self.wait_for_answer(mark)
        return True

    def _keyboard_has(self, number: int) -> bool:
        keyboard = self.keyboards.get(self.person.telegram_id)
        return keyboard is not None and 1 <= number <= len(keyboard.buttons)

    def _press(self, number: int) -> bool:
        keyboard = self.keyboards[self.person.telegram_id]
        _, label, data = keyboard.buttons[number - 1]
        current = self.standin.message(self.person.telegram_id, keyboard.message_id)
        if current is None or data not in current.callback_data:
            self.say(["Die knoppen zijn er niet meer. Typ je antwoord, of begin met /verslag."])
            return False
        self.say([f"{' ' * 8}(je tikt op „{label}”)"])
        self.standin.press(self.person.telegram_id, keyboard.message_id, data)
        return True

    def _next_line(self) -> str | None:
        """The next typed line; None at the end of input (Ctrl-D)."""
        with self._lock:
            self._prompting = True
        try:
            line = self.read(self.prompt)
        except EOFError:
            return None
        finally:
            with self._lock:
                self._prompting = False
        if self.echo:  # input from a pipe or file: show it as if typed
            self.say([self.prompt + line])
        return line.strip()

    def run(self) -> int:
        self.say(welcome(self.env))
        self._printer.start()
        try:
            while (line := self._next_line()) is not None:
                if line and not self.handle(line):
                    break
            else:
                self.say([""])
        except KeyboardInterrupt:
            self.say([""])
        finally:
            self._stop.set()
            self._printer.join(5)
        if self.saved:
            self.say([f"De bestanden van de bot staan in {self.documents}."])
        self.say(["Tot ziens! De demo is gestopt; de tijdelijke database is opgeruimd."])
        return 0
