"""`impactbot demo --script`: a scripted tour through the real bot, printed as a chat.

Anne (leider) reports one activity with the buttons of /verslag (with its partners and what was
special) and one in a single message;
Johan (manager) asks /stand and /rapport for the demo year. The files the bot sends (the
impactreflectie as HTML and PDF) and the transcript are written to the tour's folder.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from bot.leader import texts
from demo.people import ANNE, MANAGER
from demo.runner import DemoEnvironment, years_text
from demo.transcript import ChatLog, render, save_document, speaker
from standin import ChatMessage, FakeUser

Predicate = Callable[[ChatMessage], bool]
# Generous: a loaded CI machine renders a PDF slowly; a healthy run needs a fraction of this.
ANSWER_TIMEOUT = 30.0
REPORT_TIMEOUT = 90.0

GUIDED_QUOTE = "Mag ik dit boek mee naar huis? Dan lees ik het voor aan mijn knuffel."
GUIDED_ATTRIBUTION = "meisje, 5 jaar"
# "Met wie?" and "Wat was bijzonder?": the extras offered on the summary.
GUIDED_PARTNERS = "Consultatiebureau Havelte, Peuterspeelzaal Het Kompas"
GUIDED_STORY = (
    "Drie peuters die eerst niet wilden komen, zaten aan het eind vooraan en wilden het "
    "boek nog een keer horen."
)
QUICK_REPORT = "Taalcafé Diever 7 deelnemers"


class TourError(RuntimeError):
    """The bot did not answer as the tour expects; the message says where."""


@dataclass
class TourResult:
    folder: Path
    transcript: Path
    year: int
    documents: list[Path] = field(default_factory=list)
    # The intern edition of the same report, made by the tour (/rapport sends the gemeente one).
    intern: list[Path] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    # "bot" when /rapport sent the files, "reports" when the tour made them itself.
    report_source: str = "bot"
    stand_answered: bool = False
    notes: list[str] = field(default_factory=list)


def has_button(label: str) -> Predicate:
    return lambda m: any(label.lower() in b.lower() for b in m.button_labels)


def text_starts(prefix: str) -> Predicate:
    return lambda m: (m.text or "").startswith(prefix)


def is_document(suffix: str) -> Predicate:
    return lambda m: m.document is not None and (m.document.filename or "").endswith(suffix)


class Tour:
    def __init__(self, env: DemoEnvironment, folder: Path, echo: TextIO | None) -> None:
        assert env.standin is not None
        self.env = env
        self.log = ChatLog(env.standin)
        self.result = TourResult(folder, folder / "gesprek.txt", env.year)
        self.echo = echo
        self.names = {ANNE.telegram_id: ANNE.display_name, MANAGER.telegram_id: "Johan"}

    # --- writing the transcript ----------------------------------------------------------------

    def line(self, text: str = "") -> None:
        self.result.lines.append(text)
        if self.echo is not None:
            print(text, file=self.echo, flush=True)

    def heading(self, text: str) -> None:
        self.line()
        self.line(f"── {text} " + "─" * max(0, 70 - len(text)))

    def show_bot(self, chat_id: int) -> None:
        for event in self.log.take([chat_id]):
            saved = None
            if event.message is not None and event.message.document is not None:
                saved = save_document(event.message, self.result.folder)
                if saved is not None:
                    self.result.documents.append(saved)
            for text in render(event, saved):
                self.line(text)

    # --- acting --------------------------------------------------------------------------------

    def _expect(
        self, person: FakeUser, until: Predicate, what: str, timeout: float = ANSWER_TIMEOUT
    ) -> ChatMessage:
        try:
            found = person.wait(until, timeout=timeout)
        except TimeoutError as exc:
            self.show_bot(person.chat_id)
            raise TourError(f"de bot gaf geen {what} binnen {timeout:.0f} seconden") from exc
        self.show_bot(person.chat_id)
        return found

    def say(self, person: FakeUser, text: str, until: Predicate, what: str) -> ChatMessage:
        self.show_bot(person.chat_id)
        self.line(speaker(self.names[person.id]) + text)
        person.send(text)
        return self._expect(person, until, what)

    def tap(self, person: FakeUser, label: str, until: Predicate, what: str) -> ChatMessage:
        self.show_bot(person.chat_id)
        pressed = _find_button(person, label)
        self.line(speaker(self.names[person.id]) + f"tikt op „{pressed}”")
        person.tap(pressed)
        return self._expect(person, until, what)

    # --- the tour ------------------------------------------------------------------------------

    def guided_report(self) -> None:
        anne = self.env.anne
        self.heading("Anne geeft een Voorleesuurtje door met de knoppen (/verslag)")
        asked = self.say(anne, "/verslag", has_button(""), "vraag om de activiteit")
        if not has_button("Voorleesuurtje")(asked):
            self.tap(anne, "Drenthe leest", has_button("Voorleesuurtje"), "lijst activiteiten")
        self.tap(anne, "Voorleesuurtje", has_button("Havelte"), "vraag om de plaats")
        self.tap(anne, "Havelte", has_button(texts.BUTTON_TODAY), "vraag om de datum")
        self.tap(anne, texts.BUTTON_TODAY, text_starts("Hoeveel"), "vraag om de aantallen")
        signals = self.say(anne, "14 kinderen 9 ouders", has_button("▫️"), "lijst met signalen")
        first_signal = next(b for b in signals.button_labels if b.startswith("▫️"))
        self.tap(anne, first_signal, has_button(texts.BUTTON_DONE), "aangevinkt signaal")
        self.tap(anne, texts.BUTTON_DONE, has_button(texts.BUTTON_NO_QUOTE), "vraag om citaat")
        self.say(anne, GUIDED_QUOTE, has_button(texts.BUTTON_NO_ATTRIBUTION), "vraag wie het zei")
        self.say(anne, GUIDED_ATTRIBUTION, has_button(texts.CONSENT_ANON), "vraag om toestemming")
        self.tap(anne, "Ja, met", has_button(texts.BUTTON_SAVE), "samenvatting")
        self.tap(anne, texts.BUTTON_PARTNERS, text_starts("Met welke"), "vraag om partners")
        self.say(anne, GUIDED_PARTNERS, has_button(texts.BUTTON_SAVE), "samenvatting")
        self.tap(anne, texts.BUTTON_STORY, text_starts("Wat was er"), "vraag wat bijzonder was")
        self.say(anne, GUIDED_STORY, has_button(texts.STORY_CONSENT_YES), "vraag om toestemming")
        self.tap(anne, texts.STORY_CONSENT_YES, has_button(texts.BUTTON_SAVE), "samenvatting")
        self.tap(anne, texts.BUTTON_SAVE, text_starts("Opgeslagen"), "bevestiging")

    def quick_report(self) -> None:
        anne = self.env.anne
        self.heading("Anne geeft een Taalcafé door in één bericht")
        # The summary carries what she might have seen as buttons: one tap ticks it.
        self.say(anne, QUICK_REPORT, has_button(texts.BUTTON_SAVE), "samenvatting met signalen")
        self.tap(anne, "Mensen bleven na afloop napraten", has_button("✅ Mensen"), "signaal")
        self.tap(anne, texts.BUTTON_SAVE, text_starts("Opgeslagen"), "bevestiging")

    def manager(self) -> None:
        johan = self.env.johan
        self.heading("Johan (manager) vraagt hoe het ervoor staat (/stand)")
        answer = self.say(johan, "/stand", lambda m: True, "antwoord op /stand")
        self.result.stand_answered = answer.text != texts.UNKNOWN_COMMAND
        if not self.result.stand_answered:
            self.result.notes.append("/stand kent de bot nog niet.")
        year = self.env.year
        self.heading(f"Johan vraagt de impactreflectie over {year} (/rapport {year})")
        first = self.say(johan, f"/rapport {year}", lambda m: True, "antwoord op /rapport")
        if first.text == texts.UNKNOWN_COMMAND:
            self._report_directly()
            return
        for suffix in (".html", ".pdf"):
            if not any(p.suffix == suffix for p in self.result.documents):
                self._expect(johan, is_document(suffix), f"{suffix}-bestand", REPORT_TIMEOUT)
        self._intern_edition("westerveld")

    def _intern_edition(self, gemeente: str | None) -> None:
        """The intern edition beside the gemeente one the bot sent: same figures, plus the
        data sufficiency, measurement plans and method (`impactbot report --editie intern`)."""
        from reports.model import build_report
        from reports.render import render_html, render_pdf
        from store.db import open_db

        db = open_db(self.env.database)
        try:
            report = build_report(db, self.env.catalogue, self.env.year, gemeente)
        finally:
            db.conn.close()
        stem = f"impactreflectie-{self.env.year}-{gemeente or 'organisatie'}-intern"
        html, pdf = self.result.folder / f"{stem}.html", self.result.folder / f"{stem}.pdf"
        html.write_text(render_html(report, "intern"), encoding="utf-8")
        pdf.write_bytes(render_pdf(report, "intern"))
        self.result.intern += [html, pdf]
        self.line(f"(De interne versie staat in {html.name} en {pdf.name}.)")

    def _report_directly(self) -> None:
        """Until the bot has /rapport: the same impactreflectie, made by reports/ directly."""
        from reports.model import build_report
        from reports.render import render_html, render_pdf
        from store.db import open_db

        self.result.report_source = "reports"
        self.result.notes.append(
            "/rapport kent de bot nog niet: de impactreflectie is rechtstreeks gemaakt."
        )
        db = open_db(self.env.database)
        try:
            report = build_report(db, self.env.catalogue, self.env.year)
        finally:
            db.conn.close()
        stem = f"impactreflectie-{self.env.year}-organisatie"
        html = self.result.folder / f"{stem}.html"
        pdf = self.result.folder / f"{stem}.pdf"
        html.write_text(render_html(report), encoding="utf-8")
        pdf.write_bytes(render_pdf(report))
        self.result.documents += [html, pdf]
        self.line(f"(De bot kent /rapport nog niet; de tour maakte {html.name} en {pdf.name}.)")
        self._intern_edition(None)


def _find_button(person: FakeUser, label: str) -> str:
    """The full label of the newest button that contains `label`."""
    for message in reversed(person.sent()):
        for text in message.button_labels:
            if text == label or label.lower() in text.lower():
                return text
    raise TourError(f"er is geen knop „{label}”")


def run_tour(env: DemoEnvironment, folder: Path, echo: TextIO | None = sys.stdout) -> TourResult:
    """Play the tour on a started demo; writes the documents and gesprek.txt to `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    tour = Tour(env, folder, echo)
    tour.line(f"Rondleiding door Impactbot. Voorbeeldgegevens over {years_text(env.year)}.")
    tour.guided_report()
    tour.quick_report()
    tour.manager()
    tour.line()
    result = tour.result
    result.transcript.write_text("\n".join(result.lines) + "\n", encoding="utf-8")
    return result
