"""Putting reminders into the user's scheduler, listing them, and taking them out.

Only what the user asks for is written, only files and lines durf made are ever
removed, and each step that touches the scheduler is one plain command
(``systemctl --user``, ``launchctl``, ``crontab``) that the caller can show.
Where the tools are, and where the folders are, come in as ``Places`` so that
tests use temporary folders and fake commands.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from durf.core.reminders import files as remind
from durf.core.reminders.files import KINDS, Kind, Reminder, Scheduler


@dataclass(frozen=True)
class Places:
    """Where reminders go on this machine, and the commands that load them."""

    systemd_dir: Path
    launchd_dir: Path
    systemctl: str | None
    launchctl: str | None
    crontab: str | None
    uid: int = field(default_factory=os.getuid)


@dataclass(frozen=True)
class Installed:
    """A reminder found in the scheduler, where it is, and the command it runs."""

    reminder: Reminder
    scheduler: Scheduler
    where: str
    command: list[str]


@dataclass
class Outcome:
    """What an install or removal did: files written or removed, and commands run."""

    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    ran: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    """Commands that did not succeed, with what they said."""
    cron_added: str | None = None
    """The line added to the crontab, if one was."""


def system_places() -> Places:
    """This user's folders (``$XDG_CONFIG_HOME/systemd/user``, ``~/Library/LaunchAgents``)."""
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Places(
        systemd_dir=Path(config) / "systemd" / "user",
        launchd_dir=Path.home() / "Library" / "LaunchAgents",
        systemctl=shutil.which("systemctl"),
        launchctl=shutil.which("launchctl"),
        crontab=shutil.which("crontab"),
    )


def pick_scheduler(places: Places, platform: str = sys.platform) -> Scheduler | None:
    """launchd on macOS; systemd where it runs this system; else cron if it is there."""
    if platform == "darwin" and places.launchctl:
        return "launchd"
    if platform.startswith("linux") and places.systemctl and Path("/run/systemd/system").is_dir():
        return "systemd"
    return "cron" if places.crontab else None


def nudge_command(home: Path, kind: Kind) -> list[str]:
    """The exact command a reminder runs: this Python, this durf, this home."""
    return [sys.executable, "-m", "durf", "--home", str(home), "nudge", "--kind", kind]


def render(reminder: Reminder, scheduler: Scheduler, command: list[str]) -> dict[str, str]:
    """What would be written, by where it goes (a file name, or ``crontab``)."""
    if scheduler == "systemd":
        return remind.systemd_units(reminder, command)
    if scheduler == "launchd":
        name = remind.launchd_label(reminder.kind) + ".plist"
        return {name: remind.launchd_plist(reminder, command).decode("utf-8")}
    return {"crontab": remind.cron_line(reminder, command)}


def _run(places: Places, outcome: Outcome, command: list[str], stdin: str | None = None) -> str:
    shown = " ".join(command)
    outcome.ran.append(shown)
    try:
        done = subprocess.run(
            command, input=stdin, capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        outcome.failed.append(f"{shown}: {error}")
        return ""
    if done.returncode != 0:
        outcome.failed.append(f"{shown}: {(done.stderr or done.stdout).strip()}")
    return done.stdout


def _write(path: Path, text: str, outcome: Outcome) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)
    outcome.written.append(path)


def install(
    reminder: Reminder, scheduler: Scheduler, command: list[str], places: Places
) -> Outcome:
    """Write the reminder and load it, replacing one of the same kind."""
    outcome = remove(places, kinds=(reminder.kind,))
    outcome.ran.clear()
    outcome.failed.clear()
    if scheduler == "systemd":
        for name, text in render(reminder, scheduler, command).items():
            _write(places.systemd_dir / name, text, outcome)
        if places.systemctl:
            timer, _ = remind.systemd_names(reminder.kind)
            _run(places, outcome, [places.systemctl, "--user", "daemon-reload"])
            _run(places, outcome, [places.systemctl, "--user", "enable", "--now", timer])
    elif scheduler == "launchd":
        for name, text in render(reminder, scheduler, command).items():
            _write(places.launchd_dir / name, text, outcome)
            if places.launchctl:
                path = str(places.launchd_dir / name)
                _run(places, outcome, [places.launchctl, "bootstrap", f"gui/{places.uid}", path])
    elif places.crontab:
        lines = [
            line
            for line in _cron_lines(places, outcome)
            if (found := remind.read_cron_line(line)) is None or found.kind != reminder.kind
        ]
        outcome.cron_added = remind.cron_line(reminder, command)
        lines.append(outcome.cron_added)
        _run(places, outcome, [places.crontab, "-"], stdin="\n".join(lines) + "\n")
    return outcome


def _cron_lines(places: Places, outcome: Outcome) -> list[str]:
    if not places.crontab:
        return []
    try:
        done = subprocess.run(
            [places.crontab, "-l"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        outcome.failed.append(f"{places.crontab} -l: {error}")
        return []
    # crontab -l fails with "no crontab for ..." when there is none: that is empty.
    return done.stdout.splitlines() if done.returncode == 0 else []


def installed(places: Places) -> list[Installed]:
    """Every reminder durf set up, in any of the three schedulers."""
    found: list[Installed] = []
    for kind in KINDS:
        timer, service = remind.systemd_names(kind)
        timer_path, service_path = places.systemd_dir / timer, places.systemd_dir / service
        if timer_path.exists() or service_path.exists():
            read = remind.read_systemd(kind, _text(timer_path), _text(service_path))
            if read is not None:
                found.append(Installed(read[0], "systemd", str(timer_path), read[1]))
        plist = places.launchd_dir / f"{remind.launchd_label(kind)}.plist"
        if plist.exists():
            agent = remind.read_launchd(kind, plist.read_bytes())
            if agent is not None:
                found.append(Installed(agent[0], "launchd", str(plist), agent[1]))
    for line in _cron_lines(places, Outcome()):
        read = remind.read_cron(line)
        if read is not None:
            found.append(Installed(read[0], "cron", "crontab", read[1]))
    return found


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def remove(places: Places, kinds: tuple[Kind, ...] = KINDS) -> Outcome:
    """Stop and delete the reminders of ``kinds`` that durf installed; nothing else."""
    outcome = Outcome()
    for kind in kinds:
        timer, service = remind.systemd_names(kind)
        if (places.systemd_dir / timer).exists() and places.systemctl:
            _run(places, outcome, [places.systemctl, "--user", "disable", "--now", timer])
        # Where systemctl could not run, the link ``enable`` made is removed by hand.
        wants = places.systemd_dir / "timers.target.wants" / timer
        for path in (wants, places.systemd_dir / timer, places.systemd_dir / service):
            _unlink(path, outcome)
        _remove_empty(places.systemd_dir / "timers.target.wants")
        if outcome.removed:
            # Folders made only to hold durf's units go too; anything else in them stays.
            _remove_empty(places.systemd_dir)
            _remove_empty(places.systemd_dir.parent)
        plist = places.launchd_dir / f"{remind.launchd_label(kind)}.plist"
        if plist.exists():
            if places.launchctl:
                _run(
                    places, outcome, [places.launchctl, "bootout", f"gui/{places.uid}", str(plist)]
                )
            _unlink(plist, outcome)
    if any(path.suffix == ".timer" for path in outcome.removed) and places.systemctl:
        _run(places, outcome, [places.systemctl, "--user", "daemon-reload"])
    lines = _cron_lines(places, outcome)
    ours = [line for line in lines if (r := remind.read_cron_line(line)) and r.kind in kinds]
    if ours and places.crontab:
        kept = [line for line in lines if line not in ours]
        # A crontab that held only durf's lines goes entirely, as it was before.
        if any(line.strip() for line in kept):
            _run(places, outcome, [places.crontab, "-"], stdin="\n".join(kept) + "\n")
        else:
            _run(places, outcome, [places.crontab, "-r"])
    return outcome


def _unlink(path: Path, outcome: Outcome) -> None:
    if not (path.is_symlink() or path.exists()):
        return
    try:
        path.unlink()
    except OSError as error:
        outcome.failed.append(f"{path}: {error.strerror}")
        return
    outcome.removed.append(path)


def _remove_empty(folder: Path) -> None:
    # Not there, or it holds links of other timers: then it stays.
    with contextlib.suppress(OSError):
        folder.rmdir()
