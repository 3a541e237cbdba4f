"""The two test tiers (tests/conftest.py): `pytest -m "not slow"` is the developer's loop."""

from __future__ import annotations

import subprocess

import pytest


@pytest.mark.fast  # it names subprocess only to be refused
def test_a_fast_test_may_not_start_a_process() -> None:
    with pytest.raises(pytest.fail.Exception, match="mark it @pytest.mark.slow"):
        subprocess.run(["true"], check=True)


@pytest.mark.fast  # it names weasyprint only to be refused
def test_a_fast_test_may_not_lay_out_a_pdf() -> None:
    import weasyprint

    with pytest.raises(pytest.fail.Exception, match="renders a PDF"):
        weasyprint.HTML(string="<p>x</p>").write_pdf()


@pytest.mark.slow
def test_a_slow_test_may() -> None:
    assert subprocess.run(["true"], check=True).returncode == 0


def test_slow_is_read_off_what_a_test_uses(request: pytest.FixtureRequest) -> None:
    slow = {
        item.nodeid.split("::")[0]
        for item in request.session.items
        if item.get_closest_marker("slow")
    }
    fast = {
        item.nodeid.split("::")[0]
        for item in request.session.items
        if not item.get_closest_marker("slow")
    }
    if "tests/test_e2e_tour.py" not in slow | fast:
        pytest.skip("only when the whole suite is collected")
    assert not [name for name in fast if name.startswith("tests/test_e2e_")]
    assert "tests/test_litestream.py" in slow  # a subprocess
    assert "tests/test_export_roundtrip.py" in slow  # a whole demo year
    assert "tests/test_dutch.py" in fast and "tests/test_dutch.py" not in slow
