"""One verdict per effect in every edition of the demo year: the json's effecten, every
chapter (json and html, both editions) and the summary's counts agree; no percentage rests
on fewer than 5 people; the demo follows the catalogue and draws by lot."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser

import pytest
import sqlite_utils

from demo.runner import seed_database
from reports.council import best_per_effect
from reports.model import build_report
from reports.render import LABEL_NAMES, render_html, render_json
from reports.summary import MEASURED, NOT_MEASURED
from reports.thresholds import MIN_RESPONDENTS_FOR_SHARE
from store.db import open_db
from toc.loader import default_catalogue
from toc.models import Catalogue
from toc.survey import ask_plan


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite_utils.Database]:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    seed_database(path, default_catalogue(), 2025, today=date(2026, 3, 1))
    db = open_db(path)
    yield db
    db.conn.close()


class Badges(HTMLParser):
    """(row header, badge text) of every evidence table row."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[str, str]] = []
        self._in: str | None = None
        self._head = ""
        self._badge = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "table" and "evidence" in (a.get("class") or ""):
            self._in = "table"
        elif self._in and tag == "th" and a.get("scope") == "row":
            self._in, self._head = "head", ""
        elif self._in and tag == "span" and "badge" in (a.get("class") or ""):
            self._in, self._badge = "badge", ""

    def handle_data(self, data: str) -> None:
        if self._in == "head":
            self._head += data
        elif self._in == "badge":
            self._badge += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "th" and self._in == "head":
            self._in = "table"
        elif tag == "span" and self._in == "badge":
            self.rows.append((self._head.strip(), self._badge.strip()))
            self._in = "table"
        elif tag == "table":
            self._in = None


SMALL_SHARE = re.compile(r"(\d+) van de (\d+)[^()%.;]*\((\d+)%")


def scopes(catalogue: Catalogue) -> list[str | None]:
    return [None, *catalogue.gemeenten]


def test_every_effect_has_one_verdict_in_every_edition(demo: sqlite_utils.Database) -> None:
    catalogue = default_catalogue()
    for gemeente in scopes(catalogue):
        report = build_report(demo, catalogue, 2025, gemeente, today=date(2026, 3, 1))
        data = json.loads(render_json(report))
        verdict = {e: v["oordeel"] for e, v in data["effecten"].items()}
        for chapter, effects in data["effecten_per_opgave"].items():
            for e, v in effects.items():
                assert v["oordeel"] == verdict[e], (gemeente, chapter, e)
        # the intern reflection names the same verdicts
        for line in report.reflection.grounding:
            for e in report.reflection.assumptions_own:
                if f"'{report.effects[e].name}' (" in line:
                    assert f"'{report.effects[e].name}' ({verdict[e]}:" in line
        short = {e.short: e.id for e in catalogue.effects.values()}
        for edition in ("gemeente", "intern"):
            badges = Badges()
            badges.feed(render_html(report, edition))
            assert badges.rows, (gemeente, edition)
            for name, badge in badges.rows:
                e = short[name]
                assert badge == LABEL_NAMES[report.effects[e].label], (gemeente, edition, e)
        # the summary counts what the chapters show
        ran = best_per_effect(report.chapters)
        graded = [e for e in ran if e.graded]
        unknown = {u for c in report.chapters for u in c.framing.unknown}
        assert unknown == {short_of(catalogue, e.effect) for e in graded if e.label in NOT_MEASURED}
        measured = [e for e in graded if e.label in MEASURED]
        learned = " ".join(report.summary.learned)
        if measured and len(measured) < len(graded):
            assert (
                f"er {len(measured)} al gemeten; de andere {len(graded) - len(measured)} nog niet"
                in learned
            ), (gemeente, learned)
        # no percentage rests on fewer than 5 people, anywhere in the grounds
        for e, v in data["effecten"].items():
            for line in v["onderbouwing"]:
                for _k, n, _p in SMALL_SHARE.findall(line):
                    assert int(n) >= MIN_RESPONDENTS_FOR_SHARE, (gemeente, e, line)
            for kind in v["deelnemers"]["per_stelling"].values():
                if kind["respondenten"] < MIN_RESPONDENTS_FOR_SHARE:
                    assert kind["aandeel"] is None and kind["interval"] is None


def short_of(catalogue: Catalogue, effect: str) -> str:
    return catalogue.effects[effect].short


def test_the_demo_asks_only_the_catalogues_statements_at_a_quarter_of_sessions(
    demo: sqlite_utils.Database,
) -> None:
    catalogue = default_catalogue()
    known = {(s.effect, s.dimension) for s in catalogue.statements}
    asked = set(demo.execute("SELECT DISTINCT effect, dimension FROM survey_answers").fetchall())
    assert asked <= known
    report = build_report(demo, catalogue, 2025, None, today=date(2026, 3, 1))
    for e in report.effects.values():
        if not e.askable:
            assert e.respondents == 0, e.effect
        if e.level == "impact":
            assert e.label == "impact" and not e.per_statement
    # response 30-60% at the surveys on phones (tallies count everyone present)
    rows = demo.execute(
        "SELECT s.deelnemers, s.volwassenen, s.activity, (SELECT count(*) FROM survey_respondents "
        "r WHERE r.survey_id = v.id AND r.moment = 'direct') FROM surveys v JOIN sessions s "
        "ON s.id = v.session_id WHERE s.year = 2025"
    ).fetchall()
    parents = {a for a, p in catalogue.survey_plans.items() if p.respondent == "ouder"}
    people = sum((adults if a in parents and adults else present) for present, adults, a, _ in rows)
    answered = sum(r[3] for r in rows)
    assert 0.3 <= answered / people <= 0.6
    sessions = demo.execute("SELECT count(*) FROM sessions WHERE year = 2025").fetchone()[0]
    assert 0.1 <= len(rows) / sessions <= 0.35
    assert demo.execute("SELECT sum(followups_invited) FROM surveys").fetchone()[0] > 0


def test_with_a_plan_of_one_in_three_about_a_third_is_drawn(demo: sqlite_utils.Database) -> None:
    catalogue = default_catalogue()
    assert ask_plan(catalogue, "digisterker") == 3
    total, drawn = demo.execute(
        "SELECT count(*), sum(d.drawn) FROM survey_draws d JOIN sessions s "
        "ON s.id = d.session_id WHERE s.activity = 'digisterker' AND s.year = 2025"
    ).fetchone()
    sessions = demo.execute(
        "SELECT count(*) FROM sessions WHERE activity = 'digisterker' AND year = 2025"
    ).fetchone()[0]
    assert total == sessions > 20
    assert 0.2 <= drawn / total <= 0.45
    report = build_report(demo, catalogue, 2025, None, today=date(2026, 3, 1))
    digid = report.effects["zelfstandig-digid"]
    assert digid.coverage.drawn == drawn
    assert 0 < digid.coverage.drawn_sessions <= drawn  # asked at the drawn sessions
    assert (
        digid.coverage.adhoc_sessions
        == digid.coverage.asked_sessions - digid.coverage.drawn_sessions
    )
    grounds = " ".join(digid.grounds)
    assert "Volgens plan vragen we bij Digisterker 1 op de 3 bijeenkomsten, door loting" in grounds
