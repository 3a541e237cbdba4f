"""No false alarms: a target only in its own unit, a share over 100 % drawn as such, the year
before only when it is complete enough, a year to date beside the same months of the year
before. The shipped example afspraken are covered by the Westerveld replay
(tests/test_report_westerveld.py)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from test_report_figures import _save, fill, small_catalogue

from reports.charts import share_bar
from reports.model import build_report
from reports.render import render_html, render_json, render_markdown
from store.db import open_db
from toc.models import Catalogue, Contract, Pakket


def _without_pakket() -> Catalogue:
    contract = Contract(
        gemeente="westerveld", year=2025, activities_per_year=3, programmalijnen=["meedoen"]
    )
    return small_catalogue().model_copy(update={"contracts": [contract]})


def test_agreed_activities_are_not_compared_with_sessions(tmp_path: Path) -> None:
    cat = _without_pakket()
    db = open_db(tmp_path / "unit.db")
    fill(db, cat)  # 8 meedoen sessions in Westerveld against 3 agreed activiteiten
    report = build_report(db, cat, 2025, "westerveld", today=date(2026, 1, 10))
    assert report.contract is not None and report.contract.total is not None
    total = report.contract.total
    assert (total.target, total.realised, total.comparable) == (3, 8, False)
    assert total.share is None and not total.short
    html, md = render_html(report), render_markdown(report)
    assert "Niet te vergelijken" in html and "niet te vergelijken" in md
    assert "267" not in html  # 8 of 3 is never printed as a percentage
    # the key figure carries no agreement it cannot compare with
    assert all("afgesproken" not in f.note for f in report.summary.figures)
    db.conn.close()


def test_a_pakket_compares_its_own_activities(tmp_path: Path) -> None:
    cat = _without_pakket()
    pakket = Pakket(id="ido", name="IDO", amount=100, activities=["ido-spreekuur"], source="t")
    contract = cat.contracts[0].model_copy(update={"pakket_ids": ["ido"]})
    cat = cat.model_copy(update={"pakketten": {"ido": pakket}, "contracts": [contract]})
    db = open_db(tmp_path / "pakket.db")
    fill(db, cat)
    report = build_report(db, cat, 2025, "westerveld", today=date(2026, 1, 10))
    assert report.contract is not None and report.contract.total is not None
    total = report.contract.total
    assert (total.target, total.realised, total.comparable) == (3, 1, True)
    assert total.short and total.share == 1 / 3
    db.conn.close()


def test_a_share_over_100_percent_is_drawn_beyond_the_agreement() -> None:
    over = str(share_bar(3.41, "IDO: 341%"))
    full = str(share_bar(1.0, "IDO: 100%"))
    # the bar fills its box, and a mark shows where 100 % is: at 1/3.41 of the width
    assert 'width="100.0" height="8" rx="4" fill="#0f5e59"' in over
    mark = re.search(r'<rect x="([\d.]+)" y="0" width="1.5"', over)
    assert mark and abs(float(mark.group(1)) + 0.75 - 100 / 3.41) < 0.2
    assert 'width="1.5"' not in full  # at or under 100 % no mark is needed
    half = str(share_bar(0.5, "half"))
    assert 'width="50.0" height="8" rx="4" fill="#0f5e59"' in half


def test_an_incomplete_year_before_is_not_compared(tmp_path: Path) -> None:
    cat = small_catalogue().model_copy(update={"contracts": []})
    db = open_db(tmp_path / "partial.db")
    for month in range(1, 13):
        _save(db, cat, date=date(2025, month, 3), activity="taalcafe", vestiging="havelte",
              deelnemers=10)  # fmt: skip
    # the year before: one month of trial reports
    _save(db, cat, date=date(2024, 11, 4), activity="taalcafe", vestiging="havelte", deelnemers=3)
    report = build_report(db, cat, 2025, "westerveld", today=date(2026, 2, 1))
    assert not report.period.compare and report.previous_total.empty
    html = render_html(report)
    said = "Met 2024 vergelijken we niet: daarover is uit 1 maand iets gemeld, over 2025 uit 12"
    assert said in html
    assert "meer dan in 2024" not in html and "Ten opzichte van 2024" not in html
    assert "vergelijken" in render_markdown(report)
    db.conn.close()


def test_a_year_to_date_is_named_and_set_beside_the_same_months(tmp_path: Path) -> None:
    cat = small_catalogue().model_copy(update={"contracts": []})
    db = open_db(tmp_path / "ytd.db")
    for month in range(1, 13):
        _save(db, cat, date=date(2025, month, 3), activity="taalcafe", vestiging="havelte",
              deelnemers=10)  # fmt: skip
    for month in range(1, 6):
        _save(db, cat, date=date(2026, month, 5), activity="taalcafe", vestiging="havelte",
              deelnemers=12)  # fmt: skip
    report = build_report(db, cat, 2026, "westerveld", today=date(2026, 5, 20))
    assert report.period.until_month == 5 and report.period.compare
    # January to May 2025, not the whole of 2025
    assert report.previous_total.bijeenkomsten == 5 and report.total.bijeenkomsten == 5
    html = render_html(report)
    said = "dit verslag gaat over januari tot en met mei 2026, naast januari tot en met mei 2025"
    assert said in html
    import json

    data = json.loads(render_json(report))
    assert data["vorig_jaar"]["totaal"]["bijeenkomsten"] == 5
    db.conn.close()


def test_one_name_per_partner() -> None:
    from reports.model import _partners

    assert _partners(
        ["Kunst van Lezen (Stichting Lezen)", "KB"],
        ["Stichting Lezen (Kunst van Lezen)", "kb", "Welzijn"],
    ) == ["Kunst van Lezen (Stichting Lezen)", "KB", "Welzijn"]


def test_chart_text_is_readable_on_a_phone() -> None:
    """At 390 px the chart is about 350 px wide: text of the viewBox's font size times
    350 / viewBox width must be at least 12 px."""
    from reports.charts import trend_bars

    svg = str(trend_bars("Deelnemers", [("Deelnemers", 3015, 3502)], (2024, 2025)))
    width = float(re.search(r'viewBox="0 0 ([\d.]+) ', svg).group(1))  # type: ignore[union-attr]
    sizes = [float(s) for s in re.findall(r'font-size="([\d.]+)"', svg)]
    assert sizes and min(sizes) * 350 / width >= 12
