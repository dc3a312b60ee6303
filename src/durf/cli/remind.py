"""``durf remind`` and ``durf nudge``: a kind nudge through the user's own scheduler.

Never imports Textual. Nothing is written outside durf's home unless the user
asks for a reminder, and then only the files (or crontab line) shown here.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from datetime import date
from pathlib import Path

from durf.cli.exit_status import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE
from durf.core.i18n import t
from durf.core.reminders import install as remind_install
from durf.core.reminders.files import (
    DAY_NAMES,
    STEP_EVENING,
    Kind,
    Reminder,
    ReminderInputError,
    parse_days,
    parse_time,
)
from durf.core.reminders.install import Installed, Outcome, Places
from durf.core.reminders.nudge import system_notifier
from durf.core.text import say

places_for_commands = remind_install.system_places
"""Where reminders go; tests point this at temporary folders and fake commands."""
notifier_for_nudge = system_notifier
"""How a nudge is shown; tests put a fake in its place."""


def describe(reminder: Reminder) -> str:
    """``daily at 19:30, Mon, Wed`` in the active language."""
    if reminder.every_day:
        days = t("remind.every_day")
    else:
        days = ", ".join(t(f"weekday.short.{day}") for day in reminder.days)
    return t(f"remind.kind.{reminder.kind}", time=reminder.time_text, days=days)


def list_installed(found: list[Installed]) -> None:
    """Print each reminder, where it is, and the exact command it runs."""
    for item in found:
        say(f"  {describe(item.reminder)}  ({item.scheduler}: {item.where})")
        say(f"    {t('remind.runs', command=shlex.join(item.command))}")


def cmd_remind(home: Path, args: argparse.Namespace) -> int:
    """Show, set up or remove reminders."""
    places = places_for_commands()
    if args.action is None:
        found = remind_install.installed(places)
        if not found:
            say(t("remind.none"))
            return EXIT_OK
        say(t("remind.set_up"))
        list_installed(found)
        say(t("remind.how_off"))
        return EXIT_OK
    if args.action == "off":
        return _remind_off(places, args.dry_run)
    reminder = _reminder_from(args)
    if reminder is None:
        return EXIT_USAGE
    scheduler = args.scheduler or remind_install.pick_scheduler(places)
    if scheduler is None:
        say(t("remind.no_scheduler"), error=True)
        return EXIT_PROBLEM
    command = remind_install.nudge_command(home, reminder.kind)
    if args.dry_run:
        say(t("remind.would_write", what=describe(reminder), scheduler=scheduler))
        for name, text in remind_install.render(reminder, scheduler, command).items():
            where = _target(places, scheduler, name)
            say(f"--- {where}")
            # File contents go out as they are: they are what gets written.
            sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return EXIT_OK
    outcome = remind_install.install(reminder, scheduler, command, places)
    _report(outcome, written_key="remind.written")
    if outcome.failed:
        say(t("remind.not_loaded"), error=True)
        return EXIT_PROBLEM
    say(t("remind.done", what=describe(reminder), scheduler=scheduler))
    say(t("remind.how_off"))
    return EXIT_OK


def _target(places: Places, scheduler: str, name: str) -> str:
    if scheduler == "systemd":
        return str(places.systemd_dir / name)
    if scheduler == "launchd":
        return str(places.launchd_dir / name)
    return t("remind.crontab_line")


def _reminder_from(args: argparse.Namespace) -> Reminder | None:
    """The reminder the arguments ask for; None, after a clear message, if they do not make one."""
    kind: Kind = args.action
    time_text = args.time or (STEP_EVENING if kind == "step" else None)
    if time_text is None:
        say(t("remind.needs_time"), error=True)
        return None
    try:
        hour, minute = parse_time(time_text)
    except ReminderInputError:
        say(t("remind.bad_time", got=time_text), error=True)
        return None
    days = tuple(range(1, 8))
    if args.days is not None:
        try:
            days = parse_days(args.days)
        except ReminderInputError as error:
            valid = ",".join(DAY_NAMES)
            say(t("remind.bad_day", got=str(error), valid=valid), error=True)
            return None
    return Reminder(kind, hour, minute, days)


def _remind_off(places: Places, dry_run: bool) -> int:
    found = remind_install.installed(places)
    if not found:
        say(t("remind.nothing_to_remove"))
        return EXIT_OK
    if dry_run:
        say(t("remind.would_remove"))
        list_installed(found)
        return EXIT_OK
    outcome = remind_install.remove(places)
    _report(outcome, written_key=None)
    # A scheduler that could not be told (no user manager running) holds nothing
    # once the files are gone: what counts is that none is left.
    left = remind_install.installed(places)
    if left:
        say(t("remind.still_there"), error=True)
        list_installed(left)
        return EXIT_PROBLEM
    say(t("remind.all_removed"))
    return EXIT_OK


def reminders_for_forget() -> list[Installed]:
    """For ``durf forget``: the reminders it will remove, to list them first."""
    return remind_install.installed(places_for_commands())


def forget_reminders() -> bool:
    """Remove every reminder for ``durf forget``; False if a scheduler command failed."""
    places = places_for_commands()
    _report(remind_install.remove(places), written_key=None)
    left = remind_install.installed(places)
    if left:
        say(t("remind.still_there"), error=True)
        list_installed(left)
    return not left


def _report(outcome: Outcome, written_key: str | None) -> None:
    for path in outcome.written:
        if written_key is not None:
            say(t(written_key, path=str(path)))
    if outcome.cron_added is not None:
        say(t("remind.cron_added", line=outcome.cron_added))
    for path in outcome.removed:
        say(t("remind.removed", path=str(path)))
    for command in outcome.ran:
        say(t("remind.ran", command=command))
    for failure in outcome.failed:
        say(t("remind.failed", what=failure), error=True)


# -- nudge ----------------------------------------------------------------------------


def today() -> date:
    """The local date a nudge speaks about; tests set it."""
    return date.today()


def current_line(home: Path, kind: Kind, today: date) -> str | None:
    """The nudge line for today from the state in ``home``; None if unreadable or nothing to say."""
    from durf.cli.data import _Problem, read_current
    from durf.core.reminders.nudge import nudge_line

    try:
        state = read_current(home)
    except _Problem:
        return None
    return nudge_line(state, today, kind)


def cmd_nudge(home: Path, args: argparse.Namespace) -> int:
    """Show today's kind line as a notification; without one, or a desktop, do nothing."""
    line = current_line(home, args.kind, today())
    if line is None:
        return EXIT_OK
    show = notifier_for_nudge()
    if show is not None:
        show("durf", line)
    # Whether or not anything could be shown: a nudge never fails loudly.
    return EXIT_OK


def status_nudge(home: Path, today: date) -> str | None:
    """For ``durf status``: the same line, only when a reminder is set up."""
    found = remind_install.installed(places_for_commands())
    if not found:
        return None
    kind: Kind = "daily" if any(item.reminder.kind == "daily" for item in found) else "step"
    return current_line(home, kind, today)
