"""Review findings on the impactreflectie: evidence per opgave, comparable before/after counts,
rows and totals that add up, honest labels, plain Dutch, story choice, gemeente names."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import sqlite_utils
from test_report_figures import _save, add_quote, fill, small_catalogue

from ground.dutch import change, compared, count, percent
from impactbot.cli import main
from reports.evidence import EVIDENCE_RULE, EffectEvidence, grounds_for
from reports.model import UnknownGemeente, build_report
from reports.parts import Impactreflectie
from reports.render import render_html, render_json, render_markdown
from reports.stories import STORY_RULE, PublicQuote, choose_stories
from store.db import open_db
from store.sessions import MeasurementIn, QuoteIn
from toc.models import Catalogue, Contract, Pakket


def shared_catalogue() -> Catalogue:
    """The small catalogue where Taalcafé (participatie) also aims at leesplezier, an effect of
    the Voorleesuurtje (geletterde samenleving), and the contract counts only 'meedoen': a
    pakket of all its activities, so the agreed activities compare with its sessions."""
    cat = small_catalogue()
    meedoen = [a.id for a in cat.activities_in("meedoen")]
    pakket = Pakket(id="meedoen", name="Meedoen", amount=1000, activities=meedoen, source="test")
    taalcafe = cat.activities["taalcafe"].model_copy(
        update={"effects": ["ontmoeting", "leesplezier"]}
    )
    contract = Contract(
        gemeente="westerveld",
        year=2025,
        activities_per_year=10,
        programmalijnen=["meedoen"],
        per_activity={"voorleesuurtje": 4, "taalcafe": 2},
        pakket_ids=["meedoen"],
    )
    return cat.model_copy(
        update={
            "pakketten": {"meedoen": pakket},
            "activities": {**cat.activities, "taalcafe": taalcafe},
            "contracts": [contract, *cat.contracts[1:]],
        }
    )


@pytest.fixture
def cat() -> Catalogue:
    return shared_catalogue()


@pytest.fixture
def filled(tmp_path: Path, cat: Catalogue) -> Iterator[sqlite_utils.Database]:
    db = open_db(tmp_path / "review.db")
    fill(db, cat)
    # 3 Taalcafés in 2025, leesplezier seen at 1; 1 Taalcafé in 2024 only counts last year
    for day, effects in ((2, ["leesplezier"]), (9, []), (16, [])):
        _save(
            db,
            cat,
            date=date(2025, 6, day),
            activity="taalcafe",
            vestiging="havelte",
            deelnemers=5,
            effects=effects,
        )
    add_quote(
        db,
        cat,
        "In het Taalcafé ben ik weer boeken gaan lezen, ook thuis.",
        activity="taalcafe",
        effects=["leesplezier"],
    )
    yield db
    db.conn.close()


def _chapter(report: Impactreflectie, opgave: str) -> dict[str, EffectEvidence]:
    chapter = next(c for c in report.chapters if c.id == opgave)
    return {e.effect: e for e in chapter.effects}


# 1 ---------------------------------------------------------------------------------------


def test_a_chapter_shows_the_one_verdict_and_what_its_own_activities_add(
    filled: sqlite_utils.Database, cat: Catalogue
) -> None:
    report = build_report(filled, cat, 2025, "westerveld")
    lezen = _chapter(report, "geletterde-samenleving")["leesplezier"]
    meedoen = _chapter(report, "participatie")["leesplezier"]
    pooled = report.effects["leesplezier"]
    # One verdict, read by both chapters and the json: both opgaven's activities together.
    assert (pooled.sessions, pooled.observed, pooled.quotes) == (8, 3, 1)
    assert lezen.label == meedoen.label == pooled.label
    assert lezen.grounds == meedoen.grounds == pooled.grounds
    # What each chapter's own activities add, named with their n.
    assert lezen.contribution is not None and meedoen.contribution is not None
    assert (lezen.contribution.activities, lezen.contribution.sessions) == (["Voorleesuurtje"], 4)
    assert lezen.contribution.observed == 2
    assert (meedoen.contribution.activities, meedoen.contribution.sessions) == (["Taalcafé"], 4)
    assert lezen.active_activities == ["voorleesuurtje"]
    assert meedoen.active_activities == ["taalcafe"]
    data = json.loads(render_json(report))
    assert data["effecten"]["leesplezier"]["signalen"] == {"bijeenkomsten": 8, "gezien": 3}
    per_opgave = data["effecten_per_opgave"]
    assert per_opgave["geletterde-samenleving"]["leesplezier"]["bijdrage"]["sessions"] == 4
    assert per_opgave["participatie"]["leesplezier"]["oordeel"] == pooled.oordeel
    assert "één oordeel voor het hele verslag" in EVIDENCE_RULE
    md = render_markdown(report)
    lezen_md, meedoen_md = md.split("## 2. Participatie")
    assert "3 van de 8 bijeenkomsten (38%)" in lezen_md
    assert "Van deze opgave: Voorleesuurtje (4 bijeenkomsten)" in lezen_md
    assert "Van deze opgave: Taalcafé (4 bijeenkomsten)" in meedoen_md


# 2 ---------------------------------------------------------------------------------------


def _course(
    db: sqlite_utils.Database, cat: Catalogue, name: str, month: int, voor: int, na: int
) -> None:
    for lesson in (1, 2):
        moment, measured = ("voor", voor) if lesson == 1 else ("na", na)
        _save(
            db,
            cat,
            date=date(2025, month, lesson),
            activity="klik-en-tik",
            vestiging="havelte",
            deelnemers=measured,
            series_name=name,
            enrolled=voor,
            lesson=lesson,
            measurements=[
                MeasurementIn(
                    effect="digitaal", moment=moment, able=measured // 2, measured=measured
                )
            ],
        )


def test_before_after_counts_only_comparable_groups(
    filled: sqlite_utils.Database, cat: Catalogue
) -> None:
    # fill(): "Klik & Tik najaar" 2 of 8 before, 7 of 8 after (comparable).
    _course(filled, cat, "Klik & Tik half leeg", 2, voor=10, na=5)  # 50% fewer: not comparable
    _course(filled, cat, "Klik & Tik rand", 3, voor=10, na=8)  # exactly 20% fewer: comparable
    digi = build_report(filled, cat, 2025, "westerveld").effects["digitaal"]
    assert (digi.courses_measured, digi.courses_incomparable) == (2, 1)
    assert (digi.able_before, digi.measured_before) == (2 + 5, 8 + 10)
    assert (digi.able_after, digi.measured_after) == (7 + 4, 8 + 8)
    assert any("1 cursus telt niet mee in de voor/na-telling" in g for g in digi.grounds)
    assert "hoogstens 20% afwijkt" in EVIDENCE_RULE and "aandeel" in EVIDENCE_RULE


# 3, 4, 7 ---------------------------------------------------------------------------------


def test_rows_of_last_year_totals_and_contract_label(
    filled: sqlite_utils.Database, cat: Catalogue
) -> None:
    _save(
        filled,
        cat,
        date=date(2024, 6, 5),
        activity="taalcafe",
        vestiging="havelte",
        deelnemers=20,
    )
    report = build_report(filled, cat, 2025, "westerveld")
    md = render_markdown(report)
    assert "| Taalcafé | 4 | 16 | – | – | – | 1 / 20 |" in md
    # Totals: a programmalijn without courses or spreekuren shows '–' like its rows
    assert "| **Totaal Drenthe leest** | **4** | **53** | – | – | – | 2 / 20 |" in md
    html = render_html(report)
    assert "Activiteiten in totaal" not in html and "Activiteiten in totaal" not in md
    assert "Activiteiten in Heel Drenthe doet mee" in html
    assert "| Activiteiten in Heel Drenthe doet mee | 10 | 12 | 120% |" in md
    assert "telt alleen de bijeenkomsten in Heel Drenthe doet mee" in md


def test_a_row_shows_when_only_last_year_had_sessions(tmp_path: Path) -> None:
    # without contracts: no row is shown for having a target
    cat = small_catalogue().model_copy(update={"contracts": []})
    db = open_db(tmp_path / "rows.db")
    fill(db, cat)
    _save(db, cat, date=date(2024, 6, 5), activity="taalcafe", vestiging="havelte", deelnemers=20)
    report = build_report(db, cat, 2025, "westerveld")
    md = render_markdown(report)
    assert "| Taalcafé | 0 | 0 | – | – | – | 1 / 20 |" in md
    html = render_html(report)
    meedoen = html.split("Heel Drenthe doet mee: 2025")[1].split("</table>")[0]
    assert "Taalcafé" in meedoen and "1 / 20" in meedoen
    # the 2024 total (IDO 1 + Taalcafé 1) is the sum of the rows shown
    assert "2 / 21" in meedoen
    db.conn.close()


# 5 ---------------------------------------------------------------------------------------


def test_dutch_singular_and_plural() -> None:
    assert count(1, "bijeenkomst", "bijeenkomsten") == "1 bijeenkomst"
    assert count(1200, "bijeenkomst", "bijeenkomsten") == "1.200 bijeenkomsten"
    assert change(1, "bijeenkomst", "bijeenkomsten") == "1 bijeenkomst meer"
    assert change(-4, "bijeenkomst", "bijeenkomsten") == "4 bijeenkomsten minder"
    assert change(0, "deelnemer", "deelnemers") == "evenveel deelnemers"
    assert compared(544, 524, 2024) == "20 meer dan in 2024"
    assert compared(5, 10, 2024) == "5 minder dan in 2024"
    assert compared(7, 7, 2024) == "evenveel als in 2024"
    one = EffectEvidence(effect="x", name="X", sessions=1, courses_only_before=1)
    assert grounds_for(one) == [
        "Bij 1 cursus ontbreekt de telling bij de laatste les.",
        "In de ene bijeenkomst tikte de begeleider (nog) geen signaal aan.",
    ]
    many = EffectEvidence(effect="x", name="X", sessions=39, courses_only_before=2)
    assert "Bij 2 cursussen ontbreekt" in grounds_for(many)[0]
    assert (
        grounds_for(many)[1] == "In de 39 bijeenkomsten tikten begeleiders (nog) geen signaal aan."
    )
    # one person: a count, never "1 van de 1 (100%)"
    answered = EffectEvidence.model_validate(
        {
            "effect": "x",
            "name": "X",
            "respondents": 1,
            "answers": 1,
            "per_statement": {"kennis": {"dimension": "kennis", "respondents": 1, "agrees": 1}},
            "coverage": {
                "asked_sessions": 1,
                "sessions": 1,
                "asked_attendance": 8,
                "attendance": 8,
            },
        }
    )
    assert grounds_for(answered)[:2] == [
        "Deelnemers direct na afloop: 1 deelnemer antwoordde; gevraagd bij 1 van 1 bijeenkomst "
        "(8 van 8 aanwezigen).",
        "Iets nieuws geleerd: 1 van de 1 eens.",
    ]
    assert "cursus(sen)" not in " ".join(grounds_for(one) + grounds_for(many))


def test_report_texts_read_as_dutch_for_the_gemeente(
    filled: sqlite_utils.Database, cat: Catalogue
) -> None:
    add_quote(filled, cat, "Nog niet beoordeeld, wel met toestemming gegeven.", consent="ja")
    report = build_report(filled, cat, 2025, "westerveld")
    html, md = render_html(report), render_markdown(report)
    for text in (html, md):
        assert "t.o.v." not in text
        assert "+1 bijeenkomsten" not in text and "van de 1 bijeenkomsten" not in text
        assert "Beoordeel" not in text and "json-uitvoer" not in text
        assert "cursus(sen)" not in text
    assert "meer dan in 2024" in html  # the cover tiles
    assert "Ten opzichte van 2024: 3 bijeenkomsten meer en 34 deelnemers meer." in md
    # one suggestion per activity, never one per effect
    names = [a.name for a in cat.activities.values()]
    assert len(report.reflection.suggestions) <= len(names)
    assert all(s.split(":")[0] in names for s in report.reflection.suggestions)


# 6 ---------------------------------------------------------------------------------------


def test_percentages_round_half_up() -> None:
    assert percent(1 / 8) == "13%"
    assert percent(0.145) == "15%"
    assert percent(0.0125, 1) == "1,3%"
    assert percent(0.124) == "12%" and percent(0.5) == "50%"


# 8 ---------------------------------------------------------------------------------------


def test_stories_never_repeat_a_text() -> None:
    def quote(qid: int, text: str, vestiging: str) -> PublicQuote:
        return PublicQuote(
            id=qid,
            text=text,
            van="iemand",
            activity="voorleesuurtje",
            vestiging=vestiging,
            date=date(2025, 5, qid),
            approved=True,
        )

    same = "Hij zat de hele tijd stil te luisteren. Dat doet hij thuis nooit."
    chosen = choose_stories(
        [
            quote(1, same, "havelte"),
            quote(2, same, "diever"),
            quote(3, " hij zat de hele tijd stil te luisteren.  Dat doet hij thuis nooit.", "x"),
            quote(4, "Een ander verhaal, dat ook goed te lezen is.", "havelte"),
        ]
    )
    assert len({" ".join(q.text.split()).casefold() for q in chosen}) == len(chosen) == 2
    assert "dezelfde tekst" in STORY_RULE


# 9 ---------------------------------------------------------------------------------------


def test_gemeente_by_name(filled: sqlite_utils.Database, cat: Catalogue) -> None:
    assert build_report(filled, cat, 2025, "Westerveld").gemeente == "westerveld"
    assert build_report(filled, cat, 2025, "De Wolden").gemeente == "de-wolden"
    with pytest.raises(UnknownGemeente) as err:
        build_report(filled, cat, 2025, "Assen")
    assert "'Assen'" in str(err.value) and "de-wolden, westerveld" in str(err.value)


@pytest.mark.slow  # the command line writes the PDF
def test_cli_accepts_a_gemeente_name(
    tmp_path: Path, default_catalogue: Catalogue, capsys: pytest.CaptureFixture[str]
) -> None:
    from manager_fakes import add_session

    database = tmp_path / "cli.db"
    db = open_db(database)
    add_session(db, default_catalogue, date(2025, 5, 6), deelnemers=7)  # a year with a report
    db.conn.close()
    config = tmp_path / "c.toml"
    config.write_text(
        f'[storage]\ndatabase = "{database}"\n[reports]\noutput_dir = "{tmp_path / "uit"}"\n',
        encoding="utf-8",
    )
    base = ["--config", str(config), "report", "--year", "2025", "--gemeente", "Westerveld"]
    assert main([*base, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["gemeente"] == "westerveld"
    assert main([*base, "--format", "pdf"]) == 0
    assert (tmp_path / "uit" / "impactreflectie-2025-westerveld.pdf").exists()


def test_cli_a_year_without_reports_gets_one_sentence(
    tmp_path: Path, default_catalogue: Catalogue, capsys: pytest.CaptureFixture[str]
) -> None:
    from manager_fakes import add_session

    database = tmp_path / "cli.db"
    db = open_db(database)
    add_session(db, default_catalogue, date(2025, 5, 6), deelnemers=7)
    db.conn.close()
    config = tmp_path / "c.toml"
    config.write_text(f'[storage]\ndatabase = "{database}"\n', encoding="utf-8")
    base = ["--config", str(config), "report", "--format", "html", "--year"]
    assert main([*base, "2019"]) == 1
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err.strip().endswith(
        "Over 2019 is voor de organisatie nog niets gemeld of geïmporteerd, dus er is geen "
        "verslag te maken. Kies een ander jaar, of importeer eerst de verslagen."
    )
    assert len(out.err.strip().splitlines()) == 1
    this_year = date.today().year
    for year in ("1999", str(this_year + 4)):
        assert main([*base, year]) == 1
        err = capsys.readouterr().err
        assert f"Kies een jaar van 2000 tot en met {this_year}." in err, year
    assert main([*base, "2000"]) == 1  # accepted as a year; it just has no reports
    assert "Over 2000 is voor de organisatie nog niets gemeld" in capsys.readouterr().err


def test_cli_tells_what_is_not_reviewed_and_prints_only_approved(
    tmp_path: Path, default_catalogue: Catalogue, capsys: pytest.CaptureFixture[str]
) -> None:
    from manager_fakes import add_session

    database = tmp_path / "cli.db"
    db = open_db(database)
    add_session(db, default_catalogue, date(2025, 5, 6), deelnemers=7, quotes=[
        QuoteIn(text="Mijn zoon leest nu elke avond", attribution="vader", consent="ja"),
    ])  # fmt: skip
    db.conn.close()
    config = tmp_path / "c.toml"
    config.write_text(f'[storage]\ndatabase = "{database}"\n', encoding="utf-8")
    base = ["--config", str(config), "report", "--year", "2025", "--format", "md"]
    assert main(base) == 0
    out = capsys.readouterr()
    assert "Mijn zoon leest nu elke avond" not in out.out
    assert "Nog niet beoordeeld: 1 citaat." in out.err and "--onbeoordeeld" in out.err
    assert main([*base, "--onbeoordeeld"]) == 0
    out = capsys.readouterr()
    assert "Mijn zoon leest nu elke avond" in out.out
    assert "Let op: in dit verslag staat 1 citaat dat nog niet beoordeeld is." in out.err
    assert main([*base, "--editie", "intern"]) == 0  # the intern edition: every publishable one
    assert "Mijn zoon leest nu elke avond" in capsys.readouterr().out


def test_next_year_takes_the_agreement_steps_by_their_kind_not_their_words() -> None:
    """The summary's "Volgend jaar" shows the steps that follow from an agreement not met;
    which ones they are is recorded when they are made, not read back from their wording."""
    from reports.evidence import EffectEvidence
    from reports.summary import framing

    effect = EffectEvidence(effect="x", name="X", active_activities=["a"], label="niet-gemeten")
    made = framing([effect], {"x": "X"}, [("Afgesproken Koffie", 0, 2)], 2025)
    assert len(made.next_steps) == 2
    assert made.agreement_steps == made.next_steps[1:]
    assert made.agreement_steps[0].startswith("Afgesproken Koffie: 0 van de 2 afgesproken")
    assert "agreement_steps" not in made.model_dump()  # the JSON keeps one list of steps
    alone = framing([effect], {"x": "X"}, [], 2025)
    assert alone.next_steps and alone.agreement_steps == []
