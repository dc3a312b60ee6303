"""``durf serve [--port N] [--open]``: bind the port, hand out the address, stop cleanly.

The port is bound here, before textual-serve is imported, on 127.0.0.1 and
nowhere else: there is deliberately no option to listen on another address
(use an SSH tunnel for another computer). The bound socket itself is handed to
the server, so no other program can take the port in between.
"""

from __future__ import annotations

import errno
import os
import secrets
import socket
import sys
import threading
from pathlib import Path

from durf.core.i18n import get_language, t
from durf.core.text import say

LOOPBACK = "127.0.0.1"
DEFAULT_PORT = 8000
TOKEN_BYTES = 32
"""256 random bits from ``secrets``: far beyond guessing, even with many tries a second."""
PORTS_TO_TRY = 50
"""How many ports above a taken one are tried before asking the system for any free one."""


def bind_loopback(port: int) -> socket.socket:
    """A listening socket on 127.0.0.1 at ``port`` (0: any free port); raises OSError."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        # Lets a restarted server take its port back from connections still closing.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((LOOPBACK, port))
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    return sock


def free_port_near(port: int) -> int:
    """A port that is free right now: the first one above ``port``, else any."""
    for candidate in range(port + 1, min(port + 1 + PORTS_TO_TRY, 65536)):
        try:
            bind_loopback(candidate).close()
        except OSError:
            continue
        return candidate
    with bind_loopback(0) as sock:
        return sock.getsockname()[1]


def port_problem(port: int, error: OSError) -> str:
    """What to tell the user when ``port`` cannot be used, with a free one to try."""
    suggestion = free_port_near(port)
    if error.errno == errno.EADDRINUSE:
        return t("serve.port_taken", port=port, free=suggestion)
    return t("serve.port_refused", port=port, reason=error.strerror or str(error), free=suggestion)


def tab_command(home: Path, cli_language: str | None) -> list[str]:
    """The command each tab runs: this durf, on this home, in the language asked for.

    Without ``--lang`` the tab's durf chooses as a terminal's would (saved
    setting, then the locale it inherits), so a language changed in one tab is
    the language of the next.
    """
    argv = [sys.executable, "-m", "durf", "--home", str(home.expanduser().absolute())]
    if cli_language is not None:
        argv += ["--lang", cli_language]
    return argv


def can_show_a_page() -> bool:
    """Whether a graphical browser can be opened from here.

    Without a display (over SSH, on a server) Python's ``webbrowser`` falls back
    to text browsers in this very terminal (lynx, w3m): they cannot run durf's
    page, and would take over the terminal the server speaks in. ``$BROWSER``
    is the user's own choice, and is always honoured.
    """
    if os.environ.get("BROWSER") or sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def open_in_browser(url: str) -> None:
    """Hand ``url`` to the default browser, or say why the user must open it."""
    if not can_show_a_page():
        _tell(t("serve.no_browser"))
        return

    def hand_over() -> None:
        import webbrowser

        if not webbrowser.open(url):
            _tell(t("serve.no_browser"))

    # Some browsers (and $BROWSER commands) return only when they close: the
    # server must answer the tab they open meanwhile.
    threading.Thread(target=hand_over, name="open-browser", daemon=True).start()


def _tell(message: str) -> None:
    say(message)
    # Whoever reads this through a pipe (a script, a test) needs it now, not at exit.
    sys.stdout.flush()


def cmd_serve(home: Path, cli_language: str | None, port: int, open_browser: bool) -> int:
    """Serve durf in the browser until Ctrl+C; return the exit status."""
    try:
        sock = bind_loopback(port)
    except OSError as error:
        say(port_problem(port, error), error=True)
        return 1
    token = secrets.token_urlsafe(TOKEN_BYTES)
    url = f"http://{LOOPBACK}:{sock.getsockname()[1]}/{token}/"

    def ready() -> None:
        _tell(t("serve.ready", url=url))
        if open_browser:
            open_in_browser(url)

    # Only now: every other command starts without aiohttp and textual-serve.
    from durf.serve.server import DurfServer, serve

    serve(
        sock,
        DurfServer(
            token,
            tab_command(home, cli_language),
            {"language": get_language(), "ended": t("serve.ended"), "again": t("serve.again")},
        ),
        on_ready=ready,
        on_stopping=lambda: _tell(t("serve.stopping")),
    )
    _tell(t("serve.stopped"))
    return 0
