"""The real ``durf`` in a pseudo-terminal, as a user's terminal would run it.

The benchmark runner (``tests/bench/pty_runner.py``) times the app; this one
drives it: type keys, wait until words are on the emulated screen, send a
signal or close the terminal, and afterwards read every byte the app wrote and
the terminal's settings as the app left them.

The test keeps its own copy of the pty's terminal side open, so the termios
state (echo, canonical mode) can still be read after the app has exited:
that state belongs to the device, not the process, and is what the user's shell
gets back.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import select
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

import pyte

ENTER_ALT_SCREEN = b"\x1b[?1049h"
LEAVE_ALT_SCREEN = b"\x1b[?1049l"
SHOW_CURSOR = b"\x1b[?25h"
HIDE_CURSOR = b"\x1b[?25l"
KEYS = {
    "enter": b"\r",
    "escape": b"\x1b",
    "tab": b"\t",
    "space": b" ",
    "pagedown": b"\x1b[6~",
    "pageup": b"\x1b[5~",
    "ctrl+q": b"\x11",
}


def durf_command(*args: str) -> list[str]:
    """How a user starts durf: the console script beside this Python, in English."""
    script = Path(sys.executable).with_name("durf")
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script), "--lang", "en", *args]
    return [sys.executable, "-m", "durf", "--lang", "en", *args]


def private_environment(home: Path) -> dict[str, str]:
    """The process environment with durf's home and every home-like folder under ``home``.

    Nothing of the user's own environment that changes how durf or Textual
    behave is passed on, so a run never reads or writes the real user's data.
    """
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("TEXTUAL", "DURF_", "LC_", "XDG_"))
        and key not in {"LANGUAGE", "COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR"}
    }
    env.update(
        DURF_HOME=str(home / "durf"),
        HOME=str(home / "user"),
        XDG_DATA_HOME=str(home / "user" / "data"),
        XDG_CONFIG_HOME=str(home / "user" / "config"),
        TERM="xterm-256color",
        COLORTERM="truecolor",
        LANG="C.UTF-8",
        # Animations off: the tests wait for words, not for motion.
        TEXTUAL_ANIMATIONS="none",
    )
    return env


class _AnsweringScreen(pyte.Screen):
    """A pyte screen that answers terminal queries as a real terminal would."""

    def __init__(self, columns: int, lines: int, master: int) -> None:
        super().__init__(columns, lines)
        self._master = master

    def write_process_input(self, data: str) -> None:
        with contextlib.suppress(OSError):
            os.write(self._master, data.encode())


class RealTerminal:
    """``durf`` running on a fresh pseudo-terminal of ``columns`` x ``lines``.

    Use as a context manager: whatever happens, the process group is killed
    and the pty closed at the end.
    """

    def __init__(
        self, args: list[str], env: dict[str, str], columns: int = 100, lines: int = 30
    ) -> None:
        self.master, self.slave = os.openpty()
        fcntl.ioctl(self.slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
        self.cooked = termios.tcgetattr(self.slave)
        """The terminal's settings before durf started: what it must leave behind."""
        self.output = bytearray()
        self._lock = threading.Lock()
        self._screen = _AnsweringScreen(columns, lines, self.master)
        self._stream = pyte.ByteStream(self._screen)
        self._master_open = True

        def own_session_on_this_terminal() -> None:
            # A session of its own with the pty as controlling terminal, as a shell
            # would start it: then closing the terminal really hangs it up.
            os.setsid()
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        self.process = subprocess.Popen(
            args,
            stdin=self.slave,
            stdout=self.slave,
            stderr=self.slave,
            env=env,
            close_fds=True,
            preexec_fn=own_session_on_this_terminal,
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def __enter__(self) -> RealTerminal:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _read(self) -> None:
        while True:
            try:
                ready, _, _ = select.select([self.master], [], [], 0.05)
            except (OSError, ValueError):
                return
            if not ready:
                if not self._master_open:
                    return
                continue
            try:
                data = os.read(self.master, 65536)
            except OSError:
                return
            if not data:
                return
            with self._lock:
                self.output += data
                self._stream.feed(data)

    # -- looking ---------------------------------------------------------------

    def screen_text(self) -> str:
        """What the emulated terminal shows now, line by line."""
        with self._lock:
            return "\n".join(line.rstrip() for line in self._screen.display)

    def wait_for(self, words: str, timeout: float = 30.0) -> None:
        """Wait until ``words`` are on the screen; fail with the screen if they never come."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if words in self.screen_text():
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        raise AssertionError(
            f"{words!r} never appeared (exit status {self.process.poll()}):\n{self.screen_text()}"
        )

    # -- doing -----------------------------------------------------------------

    def press(self, *keys: str) -> None:
        """Press named keys (``enter``, ``pagedown``...) one after another."""
        for key in keys:
            os.write(self.master, KEYS[key])
            time.sleep(0.05)

    def type(self, text: str) -> None:
        """Type ``text`` as a user would, a few letters at a time."""
        data = text.encode()
        for start in range(0, len(data), 8):
            os.write(self.master, data[start : start + 8])
            time.sleep(0.01)

    def send_signal(self, number: int) -> None:
        """Send ``number`` to durf itself, as ``kill`` would."""
        self.process.send_signal(number)

    def hang_up(self) -> None:
        """Close the terminal window: the terminal side goes away and the kernel
        sends SIGHUP to durf, its session leader."""
        self._master_open = False
        self._reader.join(timeout=2)
        with contextlib.suppress(OSError):
            os.close(self.master)
        # The test's own handle on the terminal side would keep it from hanging up.
        with contextlib.suppress(OSError):
            os.close(self.slave)

    def wait_exit(self, timeout: float = 20.0) -> int:
        """The exit status once durf has exited; fail if it is still running at ``timeout``."""
        try:
            status = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            raise AssertionError(
                f"durf still running {timeout:g} s later:\n{self.screen_text()}"
            ) from None
        if self._master_open:
            self._drain()
        return status

    def _drain(self) -> None:
        # The last bytes can still be in the pty after the process has gone.
        deadline = time.monotonic() + 2
        previous = -1
        while time.monotonic() < deadline:
            with self._lock:
                size = len(self.output)
            if size == previous:
                return
            previous = size
            time.sleep(0.1)

    def termios_now(self) -> list:
        """The terminal's settings as they are now (after an exit: as durf left them)."""
        return termios.tcgetattr(self.slave)

    def bytes_after_last(self, sequence: bytes) -> bytes:
        """Everything written after the last ``sequence`` (all of it if never written)."""
        with self._lock:
            data = bytes(self.output)
        at = data.rfind(sequence)
        return data if at < 0 else data[at + len(sequence) :]

    def close(self) -> None:
        """Kill what is left of durf's process group and close the pty."""
        if self.process.poll() is None:
            # Only while durf is unreaped: its process group id cannot have been reused.
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.process.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=5)
        self._master_open = False
        self._reader.join(timeout=2)
        for fd in (self.master, self.slave):
            with contextlib.suppress(OSError):
                os.close(fd)
