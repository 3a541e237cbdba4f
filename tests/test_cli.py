"""The command line speaks Dutch, also when the arguments themselves are wrong."""

from __future__ import annotations

import pytest

from impactbot.cli import main


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["report", "--year", "abc"], "bij --year: 'abc' is geen heel getal"),
        (["report"], "dit ontbreekt nog: --year"),
        (["invite", "--role", "baas"], "bij --role: 'baas' kan niet; kies uit"),
        (["toc", "show", "--format"], "na --format hoort een waarde"),
        (["parse", "--json", "x", "--wat"], "dit begrijp ik niet: --wat"),
    ],
)
def test_argument_errors_are_dutch(capsys: pytest.CaptureFixture, args, expected) -> None:
    with pytest.raises(SystemExit) as stop:
        main(args)
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert expected in err
    assert err.startswith("gebruik: impactbot")
    assert "usage" not in err and "error" not in err


def test_help_is_dutch(capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit):
        main(["report", "--help"])
    out = capsys.readouterr().out
    assert "toon deze uitleg en stop" in out and "opties:" in out
    assert "show this help" not in out
