"""The systemd units in deploy/: the keys a long-running, hardened service needs, commands our
own CLI accepts, and `systemd-analyze verify` (with ExecStart pointed at the real programs)."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from impactbot.cli import build_parser

DEPLOY = Path(__file__).resolve().parent.parent / "deploy"
SERVICES = ["impactbot.service", "impactbot-backup.service", "impactbot-litestream.service"]
UNITS = [*SERVICES, "impactbot-backup.timer"]
INSTALLED = "/opt/impactbot/.venv/bin/"
HARDENING = {
    "NoNewPrivileges": "yes",
    "ProtectSystem": "strict",
    "ProtectHome": "yes",
    "PrivateTmp": "yes",
    "PrivateDevices": "yes",
    "RestrictSUIDSGID": "yes",
    "CapabilityBoundingSet": "",
    "UMask": "0077",
}


def parse_unit(path: Path) -> dict[str, dict[str, list[str]]]:
    """systemd's INI dialect: repeated keys add up, # and ; start comments."""
    sections: dict[str, dict[str, list[str]]] = {}
    current: dict[str, list[str]] | None = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        header = re.fullmatch(r"\[(\w+)\]", line)
        if header:
            current = sections.setdefault(header.group(1), {})
            continue
        assert current is not None, f"{path.name}: {line!r} outside a section"
        key, sep, value = line.partition("=")
        assert sep, f"{path.name}: {line!r} is not key=value"
        current.setdefault(key.strip(), []).append(value.strip())
    return sections


def one(unit: dict[str, dict[str, list[str]]], section: str, key: str) -> str:
    values = unit[section].get(key, [])
    assert len(values) == 1, (section, key, values)
    return values[0]


def cli_args(exec_start: str) -> list[str]:
    program, *args = shlex.split(exec_start)
    assert program == INSTALLED + "impactbot"
    return args


@pytest.mark.parametrize("name", SERVICES)
def test_every_service_runs_hardened_as_the_impactbot_user_with_its_state_directory(name):
    unit = parse_unit(DEPLOY / name)
    service = unit["Service"]
    assert one(unit, "Service", "User") == "impactbot"
    assert one(unit, "Service", "StateDirectory") == "impactbot"
    for key, value in HARDENING.items():
        assert one(unit, "Service", key) == value, (name, key)
    assert "/var/lib/impactbot" in one(unit, "Service", "ReadWritePaths").split()
    assert "AmbientCapabilities" in service


def test_the_bot_restarts_on_failure_and_reads_its_token_from_an_environment_file():
    unit = parse_unit(DEPLOY / "impactbot.service")
    assert one(unit, "Service", "Restart") == "on-failure"
    assert one(unit, "Service", "EnvironmentFile") == "/etc/impactbot/impactbot.env"
    assert "network-online.target" in one(unit, "Unit", "After")
    assert one(unit, "Install", "WantedBy") == "multi-user.target"
    args = build_parser().parse_args(cli_args(one(unit, "Service", "ExecStart")))
    assert args.command == "run" and args.config == "/etc/impactbot/impactbot.toml"
    example = (DEPLOY / "impactbot.env.example").read_text(encoding="utf-8")
    assert re.search(r"^IMPACTBOT_TELEGRAM_TOKEN=", example, flags=re.M)


def test_the_timer_starts_a_backup_every_night_that_keeps_the_newest_copies():
    timer = parse_unit(DEPLOY / "impactbot-backup.timer")
    assert one(timer, "Timer", "Unit") == "impactbot-backup.service"
    assert one(timer, "Timer", "Persistent") == "true"
    assert one(timer, "Timer", "OnCalendar").startswith("*-*-* ")
    assert one(timer, "Install", "WantedBy") == "timers.target"
    backup = parse_unit(DEPLOY / "impactbot-backup.service")
    assert one(backup, "Service", "Type") == "oneshot"
    args = build_parser().parse_args(cli_args(one(backup, "Service", "ExecStart")))
    assert args.command == "backup" and args.keep == 30 and args.file is None


def test_litestream_service_uses_the_example_config():
    unit = parse_unit(DEPLOY / "impactbot-litestream.service")
    program, *args = shlex.split(one(unit, "Service", "ExecStart"))
    assert program == INSTALLED + "litestream"
    assert args == ["replicate", "-config", "/etc/impactbot/litestream.yml"]
    config = (DEPLOY / "litestream.yml").read_text(encoding="utf-8")
    replica = re.search(r"^\s+path: (/mnt/\S+)$", config, flags=re.M)
    assert replica is not None
    assert replica.group(1) in one(unit, "Service", "ReadWritePaths").split()
    runtime = one(unit, "Service", "RuntimeDirectory")
    assert f"path: /run/{runtime}/litestream.sock" in config


def _systemd_analyze() -> str:
    found = shutil.which("systemd-analyze")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("systemd-analyze ontbreekt op de CI-machine: apt-get install systemd")
        pytest.skip("systemd-analyze is not installed here (CI runs this test)")
    return found


def test_systemd_analyze_verifies_the_units(tmp_path: Path):
    analyze = _systemd_analyze()
    programs = Path(sys.executable).parent
    for name in UNITS:
        text = (DEPLOY / name).read_text(encoding="utf-8")
        # verify checks that ExecStart exists: point it at the programs of this installation.
        (tmp_path / name).write_text(text.replace(INSTALLED, f"{programs}/"), encoding="utf-8")
    assert (programs / "impactbot").exists() and (programs / "litestream").exists()
    done = subprocess.run(
        [analyze, "verify", *UNITS], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stderr.strip() == "", done.stderr
    for name in SERVICES:
        security = subprocess.run(
            [analyze, "security", "--offline=yes", name],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
        )
        found = re.search(r"Overall exposure level for \S+: ([\d.]+) (\w+)", security.stdout)
        assert found is not None, security.stdout + security.stderr
        assert float(found.group(1)) <= 2.0, (name, found.group(0))


def test_the_bot_may_open_enough_files_for_its_cap_on_web_connections():
    from bot.core.webserver import BACKLOG, MAX_CONNECTIONS, RESERVED_FILES

    unit = parse_unit(DEPLOY / "impactbot.service")
    limit = int(one(unit, "Service", "LimitNOFILE"))
    # The cap is met before the limit: visitors never exhaust the file descriptors.
    assert (limit - RESERVED_FILES - BACKLOG) // 2 >= MAX_CONNECTIONS
    assert limit <= 65536
