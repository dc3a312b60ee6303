"""``durf nudge``: one kind line, shown as a desktop notification, or not at all.

The line never counts missed days and opens nothing: it says what it would take
(``durf session``, ``durf step``). On a day already practised there is no line.
The notification goes through the platform's own tool (``notify-send`` from
libnotify on Linux, ``osascript`` on macOS); without a desktop nothing is shown.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from durf.core.i18n import t
from durf.core.reminders.files import Kind
from durf.core.text import SHOWN_TEXT_LENGTH, one_line
from durf.core.weeks import Week

if TYPE_CHECKING:
    from durf.core.state import State, Step

Notifier = Callable[[str, str], bool]
"""Shows a notification with a title and a body; False if it could not be shown."""


def practised_on(state: State, day: date) -> bool:
    """Whether any session started on ``day`` (its own wall-clock date), finished or not."""
    return any(record.started_at.date() == day for record in state.history)


def step_due(state: State, day: date) -> Step | None:
    """The first small step still planned for ``day``, if there is one."""
    label = str(Week.of(day))
    for step in state.steps:
        if step.week == label and step.status == "planned" and step.day == day.isoweekday():
            return step
    return None


def nudge_line(state: State, day: date, kind: Kind) -> str | None:
    """The one line for ``day``, in the active language, or None when there is nothing to say.

    ``step`` speaks only on the day a planned step is due; ``daily`` names that
    step when there is one, and otherwise offers ten calm minutes.
    """
    if practised_on(state, day):
        return None
    step = step_due(state, day)
    if step is not None:
        weekday = t(f"weekday.long.{day.isoweekday()}")
        what = one_line(step.what, SHOWN_TEXT_LENGTH)
        return t("nudge.step", weekday=weekday, what=what)
    if kind == "step":
        return None
    return t("nudge.daily")


def _session_bus(environ: Mapping[str, str], uid: int) -> dict[str, str]:
    """The environment for ``notify-send``, with the session bus found when cron left it out."""
    env = dict(environ)
    bus = Path(f"/run/user/{uid}/bus")
    if not env.get("DBUS_SESSION_BUS_ADDRESS") and bus.exists():
        env["DBUS_SESSION_BUS_ADDRESS"] = f"unix:path={bus}"
    return env


def has_desktop(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Whether a notification could be seen: a graphical session, not SSH alone."""
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return True
    if environ.get("SSH_CONNECTION"):
        return False
    if platform == "darwin":
        return True
    # A timer or cron job starts without DISPLAY, beside a desktop whose session
    # bus it can reach; notify-send fails by itself when nothing listens there.
    env = _session_bus(environ, os.getuid())
    return bool(env.get("DBUS_SESSION_BUS_ADDRESS"))


def system_notifier(
    environ: Mapping[str, str] | None = None, platform: str = sys.platform
) -> Notifier | None:
    """The platform's own way to show a notification, or None without a desktop or tool."""
    env = os.environ if environ is None else environ
    if not has_desktop(env, platform):
        return None
    if platform == "darwin":
        osascript = shutil.which("osascript")
        return None if osascript is None else _osascript(osascript)
    notify_send = shutil.which("notify-send")
    return (
        None if notify_send is None else _notify_send(notify_send, _session_bus(env, os.getuid()))
    )


def _notify_send(program: str, env: dict[str, str]) -> Notifier:
    def show(title: str, body: str) -> bool:
        # "--" ends the options: a line that starts with "-" is shown, not parsed.
        command = [program, "--app-name=durf", "--urgency=low", "--", title, body]
        return _quietly(command, env)

    return show


def _osascript(program: str) -> Notifier:
    def show(title: str, body: str) -> bool:
        # The texts go in as arguments, never into the script's source: no quoting to break.
        script = (
            "on run argv\n"
            "display notification (item 2 of argv) with title (item 1 of argv)\n"
            "end run"
        )
        return _quietly([program, "-e", script, title, body], None)

    return show


def _quietly(command: list[str], env: Mapping[str, str] | None) -> bool:
    try:
        done = subprocess.run(
            command,
            env=env,
            capture_output=True,
            timeout=20,
            check=False,  # type: ignore[arg-type]
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0
