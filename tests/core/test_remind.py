"""``durf remind``: the files each scheduler gets, read back, installed, listed and removed.

Every scheduler command here is a fake in a temporary folder that keeps a log
(and, for crontab, a table file): the real user's systemd and crontab are never
reached.
"""

from __future__ import annotations

import configparser
import os
import plistlib
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from durf.__main__ import main
from durf.cli import remind as cli_remind
from durf.cli.exit_status import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE
from durf.core.reminders import files as remind
from durf.core.reminders.files import Reminder, parse_days, parse_time
from durf.core.reminders.install import Places, install, installed, nudge_command, remove

STRANGE_HOME = "home with space/dürf 'quoted' \"double\" 100%$HOME\\x"
"""A durf home every quoting rule has to get through: spaces, non-ASCII, both quotes,
``%`` (a systemd specifier and a cron newline), ``$`` and a backslash."""

FAKE_SYSTEMCTL = """#!/bin/sh
echo "systemctl $*" >> "$FAKE_LOG"
# Like the real one: enable links the timer into timers.target.wants, disable unlinks it.
units="$XDG_CONFIG_HOME/systemd/user"
case "$2 $3" in
  "enable --now") mkdir -p "$units/timers.target.wants"
    ln -sf "$units/$4" "$units/timers.target.wants/$4";;
  "disable --now") rm -f "$units/timers.target.wants/$4";;
esac
"""
FAKE_LAUNCHCTL = """#!/bin/sh
echo "launchctl $*" >> "$FAKE_LOG"
"""
FAKE_CRONTAB = """#!/bin/sh
echo "crontab $*" >> "$FAKE_LOG"
case "$1" in
  -l) [ -f "$FAKE_CRONTAB" ] || { echo "no crontab for you" >&2; exit 1; }; cat "$FAKE_CRONTAB";;
  -r) rm "$FAKE_CRONTAB";;
  -) cat > "$FAKE_CRONTAB";;
esac
"""


@pytest.fixture
def places(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Places:
    """Temporary scheduler folders and logging fakes of systemctl, launchctl and crontab."""
    bin_dir = tmp_path / "fake-bin"
    bin_dir.mkdir()
    tools = {}
    for name, text in (
        ("systemctl", FAKE_SYSTEMCTL),
        ("launchctl", FAKE_LAUNCHCTL),
        ("crontab", FAKE_CRONTAB),
    ):
        path = bin_dir / name
        path.write_text(text, encoding="utf-8")
        path.chmod(0o755)
        tools[name] = str(path)
    monkeypatch.setenv("FAKE_LOG", str(tmp_path / "log"))
    monkeypatch.setenv("FAKE_CRONTAB", str(tmp_path / "crontab"))
    config = Path(os.environ["XDG_CONFIG_HOME"])
    # Both folders are there on a real machine before durf ever runs.
    config.mkdir(parents=True)
    (Path(os.environ["HOME"]) / "Library" / "LaunchAgents").mkdir(parents=True)
    made = Places(
        systemd_dir=config / "systemd" / "user",
        launchd_dir=Path(os.environ["HOME"]) / "Library" / "LaunchAgents",
        systemctl=tools["systemctl"],
        launchctl=tools["launchctl"],
        crontab=tools["crontab"],
        uid=501,
    )
    monkeypatch.setattr(cli_remind, "places_for_commands", lambda: made)
    return made


def log(tmp_path: Path) -> list[str]:
    path = tmp_path / "log"
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def everything_under(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*")) if folder.exists() else []


def test_times_and_days_are_read_as_written() -> None:
    assert parse_time("7:05") == (7, 5)
    assert parse_time(" 19:30 ") == (19, 30)
    for bad in ("24:00", "19:60", "1930", "noon", "19:3", ""):
        with pytest.raises(remind.ReminderInputError):
            parse_time(bad)
    assert parse_days("fri,mon,Wed") == (1, 3, 5)
    assert parse_days("monday,sunday") == (1, 7)
    with pytest.raises(remind.ReminderInputError, match="xyz"):
        parse_days("mon,xyz")


def exec_arguments(service_text: str) -> list[str]:
    """ExecStart= read back the way systemd unquotes it (its rules are the shell's here)."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.read_string(service_text)
    line = parser["Service"]["ExecStart"].replace("%%", "%").replace("$$", "$")
    return shlex.split(line)


def test_systemd_units_parse_and_keep_a_strange_home_whole(tmp_path: Path) -> None:
    home = tmp_path / STRANGE_HOME
    command = nudge_command(home, "daily")
    units = remind.systemd_units(Reminder("daily", 19, 30, (1, 3)), command)
    assert sorted(units) == ["durf-nudge-daily.service", "durf-nudge-daily.timer"]
    timer = configparser.ConfigParser(interpolation=None)
    timer.read_string(units["durf-nudge-daily.timer"])
    assert timer["Timer"]["OnCalendar"] == "Mon,Wed *-*-* 19:30:00"
    assert timer["Timer"]["Unit"] == "durf-nudge-daily.service"
    assert timer["Install"]["WantedBy"] == "timers.target"
    assert exec_arguments(units["durf-nudge-daily.service"]) == command
    assert str(home) in command


def test_a_program_path_systemd_refuses_is_started_through_a_shell(tmp_path: Path) -> None:
    python = tmp_path / "Mijn programma's" / "python3"
    command = [str(python), "-m", "durf", "nudge"]
    service = remind.systemd_units(Reminder("daily", 9, 0), command)["durf-nudge-daily.service"]
    arguments = exec_arguments(service)
    assert arguments == ["/bin/sh", "-c", 'exec "$0" "$@"', *command]
    python.parent.mkdir()
    python.symlink_to(sys.executable)
    done = subprocess.run(
        [*arguments[:3], str(python), "-c", "print('started')"],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    assert done.stdout == "started\n"


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze here")
def test_systemd_analyze_verify_accepts_the_units(tmp_path: Path) -> None:
    # An interpreter path with a space and non-ASCII, as a home folder can have.
    odd_bin = tmp_path / "Mijn programma's ü"
    odd_bin.mkdir()
    python = odd_bin / "python3"
    python.symlink_to(sys.executable)
    command = [str(python), *nudge_command(tmp_path / STRANGE_HOME, "step")[1:]]
    units_dir = tmp_path / "units"
    units_dir.mkdir()
    for name, text in remind.systemd_units(Reminder("step", 19, 0), command).items():
        (units_dir / name).write_text(text, encoding="utf-8")
    done = subprocess.run(
        ["systemd-analyze", "verify", str(units_dir / "durf-nudge-step.timer")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    problems = [
        line
        for line in done.stderr.splitlines()
        # Outside a booted systemd it complains about itself, never about the files.
        if "durf-nudge" in line
    ]
    assert problems == []
    assert done.returncode == 0, done.stderr


def test_launchd_agent_parses_back_with_its_times(tmp_path: Path) -> None:
    command = nudge_command(tmp_path / STRANGE_HOME, "daily")
    data = remind.launchd_plist(Reminder("daily", 7, 5, (1, 7)), command)
    agent = plistlib.loads(data)
    assert agent["Label"] == "durf.nudge.daily"
    assert agent["ProgramArguments"] == command
    assert agent["StartCalendarInterval"] == [
        {"Weekday": 1, "Hour": 7, "Minute": 5},
        {"Weekday": 0, "Hour": 7, "Minute": 5},
    ]
    reminder, read_command = remind.read_launchd("daily", data)  # type: ignore[misc]
    assert reminder == Reminder("daily", 7, 5, (1, 7))
    assert read_command == command


def test_the_cron_line_runs_the_exact_command_through_a_shell(tmp_path: Path) -> None:
    home = tmp_path / STRANGE_HOME
    command = [sys.executable, "-c", "import sys; print(sys.argv[1:])", "--home", str(home)]
    line = remind.cron_line(Reminder("daily", 8, 0, (6, 7)), command)
    assert line.startswith("0 8 * * 6,0 ")
    assert remind.read_cron_line(line) == Reminder("daily", 8, 0, (6, 7))
    # cron turns an unescaped % into a newline and drops the backslash of \%.
    shell_part = line.split(" ", 5)[5].rsplit(remind.CRON_TAG, 1)[0].replace("\\%", "%")
    done = subprocess.run(
        ["/bin/sh", "-c", shell_part], capture_output=True, text=True, timeout=30, check=True
    )
    assert done.stdout.strip() == repr(["--home", str(home)])


@pytest.mark.parametrize("scheduler", ["systemd", "launchd", "cron"])
def test_install_list_and_remove_leave_nothing_behind(
    scheduler: remind.Scheduler, places: Places, tmp_path: Path
) -> None:
    before = everything_under(tmp_path / "user")
    command = nudge_command(tmp_path / STRANGE_HOME, "daily")
    outcome = install(Reminder("daily", 19, 30, (1, 3)), scheduler, command, places)
    assert outcome.failed == []
    install(Reminder("step", 19, 0), scheduler, nudge_command(tmp_path, "step"), places)
    found = installed(places)
    assert [(item.scheduler, item.reminder) for item in found] == [
        (scheduler, Reminder("daily", 19, 30, (1, 3))),
        (scheduler, Reminder("step", 19, 0)),
    ]
    assert found[0].command == command
    if scheduler == "systemd":
        wants = places.systemd_dir / "timers.target.wants" / "durf-nudge-daily.timer"
        assert wants.is_symlink()
        assert "systemctl --user enable --now durf-nudge-daily.timer" in log(tmp_path)
    if scheduler == "launchd":
        plist = places.launchd_dir / "durf.nudge.daily.plist"
        assert f"launchctl bootstrap gui/501 {plist}" in log(tmp_path)

    removed = remove(places)
    assert removed.failed == []
    assert installed(places) == []
    assert everything_under(tmp_path / "user") == before
    assert not (tmp_path / "crontab").exists()


def test_a_crontab_keeps_the_users_own_lines(places: Places, tmp_path: Path) -> None:
    table = tmp_path / "crontab"
    table.write_text("MAILTO=me\n15 3 * * * backup --all\n", encoding="utf-8")
    install(Reminder("daily", 19, 30), "cron", ["durf", "nudge"], places)
    install(Reminder("daily", 20, 0), "cron", ["durf", "nudge"], places)
    lines = table.read_text(encoding="utf-8").splitlines()
    assert lines[:2] == ["MAILTO=me", "15 3 * * * backup --all"]
    assert len(lines) == 3  # setting it again replaced the first line
    remove(places)
    assert table.read_text(encoding="utf-8") == "MAILTO=me\n15 3 * * * backup --all\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_dry_run_prints_the_files_and_writes_nothing(
    places: Places, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    before = everything_under(tmp_path / "user")
    status, out, _ = run(
        capsys,
        "remind",
        "daily",
        "19:30",
        "--days",
        "mon,wed",
        "--dry-run",
        "--scheduler",
        "systemd",
    )
    assert status == EXIT_OK
    assert "Nothing is written yet" in out
    assert f"--- {places.systemd_dir / 'durf-nudge-daily.timer'}" in out
    assert "OnCalendar=Mon,Wed *-*-* 19:30:00" in out
    assert "ExecStart=" in out
    assert everything_under(tmp_path / "user") == before
    assert log(tmp_path) == []


def test_a_user_sets_up_sees_and_removes_a_reminder_in_dutch(
    places: Places, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out, _ = run(capsys, "--lang", "nl", "remind", "daily", "7:05", "--scheduler", "cron")
    assert status == EXIT_OK
    assert "Ingesteld: een dagelijks duwtje om 07:05, elke dag, met cron." in out
    assert "Toegevoegd aan je crontab: 5 7 * * * " in out
    status, out, _ = run(capsys, "--lang", "nl", "remind")
    assert "dagelijks duwtje om 07:05, elke dag  (cron: crontab)" in out
    assert "voert uit: " in out and "nudge --kind daily" in out
    status, out, _ = run(capsys, "--lang", "nl", "remind", "off")
    assert status == EXIT_OK
    assert "Alle herinneringen die durf instelde zijn weg." in out
    assert not (tmp_path / "crontab").exists()
    status, out, _ = run(capsys, "--lang", "nl", "remind")
    assert out.startswith("Er is geen herinnering ingesteld.")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["daily"], "Which time? For example: durf remind daily 19:30"),
        (["daily", "25:00"], "“25:00” is not a time durf can use."),
        (["daily", "19:30", "--days", "mon,xyz"], "“xyz” is not a day durf knows."),
    ],
)
def test_bad_input_says_why_and_writes_nothing(
    argv: list[str],
    message: str,
    places: Places,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    status, _, err = run(capsys, "remind", *argv, "--scheduler", "systemd")
    assert status == EXIT_USAGE
    assert message in err
    assert everything_under(places.systemd_dir.parent.parent) == []


def test_forget_lists_and_removes_the_reminders(
    places: Places, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    run(capsys, "remind", "step", "--scheduler", "systemd")
    status, out, _ = run(capsys, "forget", "--yes")
    assert status == EXIT_OK
    assert "And these reminders durf set up:" in out
    assert "step nudge at 19:00, every day" in out
    assert f"Removed: {places.systemd_dir / 'durf-nudge-step.timer'}" in out
    assert everything_under(places.systemd_dir.parent.parent) == []


def test_off_without_a_running_user_manager_still_leaves_nothing(
    no_real_scheduler: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # systemctl here refuses everything, as it does where no systemd user manager runs.
    config = Path(os.environ["XDG_CONFIG_HOME"])
    refusing = Places(
        systemd_dir=config / "systemd" / "user",
        launchd_dir=Path(os.environ["HOME"]) / "Library" / "LaunchAgents",
        systemctl=str(no_real_scheduler / "systemctl"),
        launchctl=None,
        crontab=None,
    )
    monkeypatch.setattr(cli_remind, "places_for_commands", lambda: refusing)
    status, out, err = run(capsys, "remind", "daily", "19:30", "--scheduler", "systemd")
    assert status == EXIT_PROBLEM
    assert "the scheduler did not take it" in err
    assert f"Written: {refusing.systemd_dir / 'durf-nudge-daily.timer'}" in out
    status, out, err = run(capsys, "remind", "off")
    assert status == EXIT_OK
    assert "Did not work: " in err
    assert "Every reminder durf set up is gone." in out
    assert everything_under(config) == []
