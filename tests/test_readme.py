"""The README never lies: its test command is what CI runs, and every command is documented."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from impactbot.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _fenced_commands() -> list[str]:
    blocks = re.findall(r"```(?:sh|bash|console)?\n(.*?)```", README, flags=re.S)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def test_ci_runs_the_readme_test_command():
    test_commands = [c for c in _fenced_commands() if "pytest" in c]
    assert len(test_commands) == 1, test_commands
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_commands[0] in ci.splitlines()


def _subcommands(parser: argparse.ArgumentParser, prefix: str = "") -> list[str]:
    found: list[str] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                full = f"{prefix}{name}"
                children = _subcommands(sub, full + " ")
                found.extend(children or [full])
    return found


def test_every_command_is_documented_in_the_readme():
    commands = _subcommands(build_parser())
    assert commands, "no commands registered"
    missing = [c for c in commands if f"impactbot {c}" not in README]
    assert not missing, f"not in README.md: {missing}"


def test_every_performance_figure_says_where_when_and_which_code():
    """Prestaties: each row names the machine, the date and the commit (or branch) it was
    measured on, and the text says which figures carry over to another machine."""
    section = README.split("## Prestaties", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ") and "---" not in line]
    header, *figures = rows
    assert header.rstrip(" |").endswith("waar en wanneer")
    assert len(figures) >= 8
    for row in figures:
        where = row.rstrip(" |").rsplit("|", 1)[1]
        assert re.search(r"machine \w", where), row
        assert re.search(r"\d{1,2} \w+ 20\d\d", where), row
        assert re.search(r"commit [0-9a-f]{7}|branch \w+", where), row
    assert "Welke cijfers neem je mee naar een andere machine?" in section
    for vague in ("vóór deze sessie", "in dezelfde sessie"):
        assert vague not in section
