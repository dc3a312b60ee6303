"""Reminders: the files durf writes for the user's own scheduler, and reading them back.

durf runs no daemon of its own. A reminder is a systemd user timer and service
(Linux), a launchd agent (macOS) or one crontab line (elsewhere), each running
``durf nudge``. This module only turns a reminder into text and back: writing,
enabling and removing are in ``remind_install``. The files themselves are the
record of what is set up, so nothing about reminders lives in the state file.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from typing import Literal

Kind = Literal["daily", "step"]
KINDS: tuple[Kind, ...] = ("daily", "step")
Scheduler = Literal["systemd", "launchd", "cron"]
SCHEDULERS: tuple[Scheduler, ...] = ("systemd", "launchd", "cron")
DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
"""ISO weekday order, as ``--days`` takes them and systemd writes them."""
STEP_EVENING = "19:00"
"""When ``durf remind step`` looks for a step due that day, unless told otherwise."""
CRON_TAG = "# durf-nudge"
"""Ends every crontab line durf writes, so that it finds and removes only its own."""
LAUNCHD_PREFIX = "durf.nudge."
SYSTEMD_PREFIX = "durf-nudge-"

SYSTEMD_UNSAFE = "'\"\\"
"""Characters systemd does not allow in the program path of ``ExecStart=``."""

_TIME = re.compile(r"\A([01]?[0-9]|2[0-3]):([0-5][0-9])\Z")


class ReminderInputError(ValueError):
    """A time or list of days that durf cannot use; the message says why."""


@dataclass(frozen=True)
class Reminder:
    """One nudge: which kind, at what time, on which weekdays (1 = Monday)."""

    kind: Kind
    hour: int
    minute: int
    days: tuple[int, ...] = (1, 2, 3, 4, 5, 6, 7)

    @property
    def every_day(self) -> bool:
        """Whether it fires all seven days."""
        return set(self.days) == set(range(1, 8))

    @property
    def time_text(self) -> str:
        """``HH:MM``."""
        return f"{self.hour:02d}:{self.minute:02d}"


def parse_time(text: str) -> tuple[int, int]:
    """``HH:MM`` (24-hour) as hour and minute, or ``ReminderInputError``."""
    found = _TIME.match(text.strip())
    if found is None:
        raise ReminderInputError(text)
    return int(found.group(1)), int(found.group(2))


def parse_days(text: str) -> tuple[int, ...]:
    """``mon,tue,...`` as ISO weekdays in order, or ``ReminderInputError`` naming the bad one."""
    days: set[int] = set()
    for part in text.split(","):
        name = part.strip().lower()[:3]
        if name not in DAY_NAMES:
            raise ReminderInputError(part.strip())
        days.add(DAY_NAMES.index(name) + 1)
    return tuple(sorted(days))


# -- systemd --------------------------------------------------------------------------


def systemd_names(kind: Kind) -> tuple[str, str]:
    """The timer's and the service's file names."""
    return f"{SYSTEMD_PREFIX}{kind}.timer", f"{SYSTEMD_PREFIX}{kind}.service"


def systemd_quote(argument: str) -> str:
    """One argument for ``ExecStart=``, as systemd reads it back literally.

    systemd splits on spaces, honours double quotes with C escapes, and expands
    ``%`` specifiers and ``$`` variables even inside quotes: all four are escaped.
    Non-ASCII text stays as it is (unit files are UTF-8).
    """
    escaped = argument.replace("\\", "\\\\").replace('"', '\\"')
    escaped = escaped.replace("%", "%%").replace("$", "$$")
    return f'"{escaped}"'


def systemd_calendar(reminder: Reminder) -> str:
    """The ``OnCalendar=`` value."""
    when = f"*-*-* {reminder.time_text}:00"
    if reminder.every_day:
        return when
    return ",".join(DAY_NAMES[day - 1].capitalize() for day in reminder.days) + " " + when


def systemd_units(reminder: Reminder, command: list[str]) -> dict[str, str]:
    """The timer and service files for ``reminder``, by file name."""
    timer, service = systemd_names(reminder.kind)
    if any(char in command[0] for char in SYSTEMD_UNSAFE) or not command[0].isprintable():
        # systemd refuses such a program path outright (it takes any argument),
        # so a shell starts it from its first argument instead.
        command = ["/bin/sh", "-c", 'exec "$0" "$@"', *command]
    exec_start = " ".join(systemd_quote(part) for part in command)
    service_text = (
        "[Unit]\n"
        f"Description=durf: a kind nudge ({reminder.kind})\n"
        "\n"
        "[Service]\n"
        "Type=oneshot\n"
        f"ExecStart={exec_start}\n"
    )
    # Persistent=false: a nudge missed while the computer was off is not made up later.
    timer_text = (
        "[Unit]\n"
        f"Description=durf: a kind nudge ({reminder.kind}) at {reminder.time_text}\n"
        "\n"
        "[Timer]\n"
        f"OnCalendar={systemd_calendar(reminder)}\n"
        "Persistent=false\n"
        f"Unit={service}\n"
        "\n"
        "[Install]\n"
        "WantedBy=timers.target\n"
    )
    return {timer: timer_text, service: service_text}


def read_systemd(
    kind: Kind, timer_text: str, service_text: str
) -> tuple[Reminder, list[str]] | None:
    """The reminder and the command of its ``ExecStart=`` from files durf wrote, or None."""
    calendar = re.search(r"^OnCalendar=(.+)$", timer_text, re.MULTILINE)
    exec_start = re.search(r"^ExecStart=(.+)$", service_text, re.MULTILINE)
    if calendar is None or exec_start is None:
        return None
    found = re.fullmatch(r"(?:([A-Za-z,]+) )?\*-\*-\* (\d\d):(\d\d):00", calendar.group(1).strip())
    if found is None:
        return None
    names, hour, minute = found.groups()
    try:
        days = parse_days(names) if names else tuple(range(1, 8))
    except ReminderInputError:
        return None
    # systemd_quote writes what a POSIX shell reads the same way, once %% and $$ are undone.
    line = exec_start.group(1).replace("%%", "%").replace("$$", "$")
    try:
        command = shlex.split(line)
    except ValueError:
        return None
    return Reminder(kind, int(hour), int(minute), days), command


# -- launchd --------------------------------------------------------------------------


def launchd_label(kind: Kind) -> str:
    """The agent's label; its file is ``<label>.plist``."""
    return f"{LAUNCHD_PREFIX}{kind}"


def launchd_plist(reminder: Reminder, command: list[str]) -> bytes:
    """The launchd agent for ``reminder``. Arguments are a list: no quoting to get wrong."""
    times: list[dict[str, int]] = []
    for day in reminder.days if not reminder.every_day else ():
        # launchd counts weekdays from Sunday = 0.
        times.append({"Weekday": day % 7, "Hour": reminder.hour, "Minute": reminder.minute})
    interval: object = times or {"Hour": reminder.hour, "Minute": reminder.minute}
    agent = {
        "Label": launchd_label(reminder.kind),
        "ProgramArguments": command,
        "StartCalendarInterval": interval,
        "RunAtLoad": False,
    }
    import plistlib  # only when a reminder is written or read: every start parses remind's options

    return plistlib.dumps(agent, fmt=plistlib.FMT_XML)


def read_launchd(kind: Kind, data: bytes) -> tuple[Reminder, list[str]] | None:
    """The reminder and its command from an agent durf wrote, or None."""
    import plistlib

    try:
        agent = plistlib.loads(data)
        interval = agent["StartCalendarInterval"]
        command = [str(part) for part in agent["ProgramArguments"]]
        entries = interval if isinstance(interval, list) else [interval]
        hour, minute = int(entries[0]["Hour"]), int(entries[0]["Minute"])
        days = sorted({(int(e["Weekday"]) - 1) % 7 + 1 for e in entries if "Weekday" in e})
    except (plistlib.InvalidFileException, KeyError, TypeError, ValueError, IndexError):
        return None
    return Reminder(kind, hour, minute, tuple(days) or tuple(range(1, 8))), command


# -- cron -----------------------------------------------------------------------------


def cron_quote(argument: str) -> str:
    """One argument for a crontab command: shell-quoted, with cron's ``%`` escaped."""
    return shlex.quote(argument).replace("%", "\\%")


def cron_line(reminder: Reminder, command: list[str]) -> str:
    """The crontab line for ``reminder``, tagged so durf can find it again."""
    days = "*" if reminder.every_day else ",".join(str(day % 7) for day in reminder.days)
    shell_command = " ".join(cron_quote(part) for part in command)
    return (
        f"{reminder.minute} {reminder.hour} * * {days} {shell_command} {CRON_TAG} {reminder.kind}"
    )


def read_cron_line(line: str) -> Reminder | None:
    """The reminder in a crontab line durf wrote, or None for any other line."""
    read = read_cron(line)
    return None if read is None else read[0]


def read_cron(line: str) -> tuple[Reminder, list[str]] | None:
    """The reminder and command in a crontab line durf wrote, or None for any other line."""
    found = re.fullmatch(
        rf"(\d+) (\d+) \* \* (\S+) (.*) {re.escape(CRON_TAG)} (daily|step)", line.strip()
    )
    if found is None:
        return None
    minute, hour, days, shell_command, kind = found.groups()
    try:
        # cron_quote wrote shell words with cron's % escaped; undo that, then read them.
        command = shlex.split(shell_command.replace("\\%", "%"))
    except ValueError:
        return None
    if days == "*":
        weekdays = tuple(range(1, 8))
    else:
        weekdays = tuple(sorted({(int(day) - 1) % 7 + 1 for day in days.split(",")}))
    return Reminder(kind, int(hour), int(minute), weekdays), command  # type: ignore[arg-type]
