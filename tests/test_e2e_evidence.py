"""End to end over loopback (`impactbot run` against the Telegram stand-in), the issue's
example of counting people: five participants answer every statement at one IDO spreekuur of
20 visitors and count as 5 respondents with a response of 0.25; a second spreekuur of 20 that
was not asked makes the coverage 1 of 2 sessions and 20 of 40 attendances."""

from __future__ import annotations

import json
import re
import signal
from pathlib import Path

from e2e_helpers import WAIT, has_button, people_only_database, text_starts
from test_e2e_participants import _config, _start_bot

from bot.leader import texts as leader_texts
from bot.participant import texts as pt
from demo.people import ANNE
from demo.runner import DEMO_TOKEN
from reports.model import build_report
from reports.render import render_json
from standin import StandIn
from store.db import open_db
from toc.models import Catalogue

FIRST_PARTICIPANT = 7_402_000_001


def test_five_people_at_one_of_two_spreekuren(tmp_path: Path, default_catalogue: Catalogue) -> None:
    database = people_only_database(tmp_path / "bot.db", default_catalogue)
    with StandIn(token=DEMO_TOKEN) as tg:
        proc = _start_bot(tg, _config(tmp_path, database, tg.base_url), tmp_path / "bot.log")
        try:
            anne = tg.user(ANNE.telegram_id, "Anne")
            anne.send("IDO Havelte gisteren 20 bezoekers 12 vragen")
            anne.wait(has_button(leader_texts.BUTTON_SAVE), WAIT)
            anne.tap(leader_texts.BUTTON_SAVE)
            anne.wait(has_button(leader_texts.BUTTON_ASK_PARTICIPANTS), WAIT)
            anne.send("IDO Havelte vandaag 20 bezoekers 9 vragen")
            anne.wait(has_button(leader_texts.BUTTON_SAVE), WAIT)
            anne.tap(leader_texts.BUTTON_SAVE)
            anne.wait(has_button(leader_texts.BUTTON_ASK_PARTICIPANTS), WAIT)
            anne.tap(leader_texts.BUTTON_ASK_PARTICIPANTS)
            tg.state.wait_until(lambda: bool(anne.documents()), WAIT)
            link = re.search(
                r"https://t\.me/ImpactbotBot\?start=(s_\w+)", anne.documents()[-1].caption or ""
            )
            assert link is not None
            for n in range(5):
                person = tg.user(FIRST_PARTICIPANT + n, f"Deelnemer{n}")
                person.send(f"/start {link.group(1)}")
                person.wait(text_starts("Vraag 1 van 4"), WAIT)
                for k in range(2, 5):
                    person.tap("Mee eens" if n else "Niet mee eens")
                    person.wait(text_starts(f"Vraag {k} van 4"), WAIT)
                person.tap("Helemaal mee eens")
                person.wait(has_button(pt.BUTTON_SKIP), WAIT)
                person.tap(pt.BUTTON_SKIP)
                person.wait(has_button(pt.BUTTON_FOLLOWUP_NO), WAIT)
                person.tap(pt.BUTTON_FOLLOWUP_NO)
                person.wait(text_starts("Klaar."), WAIT)
        finally:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
            assert proc.wait(30) == 0
    db = open_db(database)
    try:
        year = db.execute("SELECT max(year) FROM sessions").fetchone()[0]
        report = build_report(db, default_catalogue, year, "westerveld")
        data = json.loads(render_json(report))["effecten"]["zelfredzaamheid"]["deelnemers"]
        # 5 people who each rated 4 statements: 20 answers, 5 respondents
        assert (data["respondenten"], data["antwoorden"]) == (5, 20)
        assert data["respons"] == 0.25
        assert data["dekking"] == {
            "bijeenkomsten_gevraagd": 1,
            "bijeenkomsten": 2,
            "aanwezig_gevraagd": 20,
            "aanwezig": 40,
            "geloot": 0,
            "door_loting": 0,
            "op_eigen_keuze": 1,
        }
        kennis = data["per_stelling"]["kennis"]
        assert kennis == {"respondenten": 5, "eens": 4, "aandeel": 0.8, "interval": [0.376, 0.964]}
        assert set(data["per_stelling"]) == {"kennis", "vertrouwen", "toepassing", "bewustzijn"}
        grounds = " ".join(report.effects["zelfredzaamheid"].grounds)
        assert (
            "Deelnemers direct na afloop: 5 deelnemers antwoordden, 25% van 20 aanwezigen"
            in grounds
        )
        assert "gevraagd bij 1 van 2 bijeenkomsten (20 van 40 aanwezigen)" in grounds
    finally:
        db.conn.close()
