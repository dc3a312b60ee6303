"""Run one terminal app in a pseudo-terminal and time what a user would notice.

One run goes: spawn -> first frame (a marker text appears on a ``pyte`` screen)
-> settle -> CPU window -> peak memory -> quit key -> terminal restored
(``ESC[?1049l``, leaving the alternate screen) -> exit.

Timestamps are taken by a reader thread the moment bytes come out of the pty,
and by a waiter thread the moment the child exits, so the slow pure-Python
screen emulation in the main thread never delays them. Every wait has a
deadline, and the child's whole process group is killed at the end of a run
whatever happened, so a hung app cannot hang the runner.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import queue
import select
import signal
import struct
import subprocess
import termios
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pyte

from tests.bench import procfs

ALT_SCREEN_OFF = b"\x1b[?1049l"
CTRL_Q = b"\x11"
BURST_GAP = 0.010
"""Output separated by more than this much silence counts as a new burst. Textual
writes a frame in one go, so bursts are frames (the pty hands a big frame over in
several reads ~0.1 ms apart; frames at 20 per second are 50 ms apart)."""


@dataclass
class RunResult:
    """What one run measured. Times are in ms from the event that starts them."""

    ok: bool = False
    error: str | None = None
    ttff_ms: float | None = None
    """Spawn until the marker text is on the emulated screen."""
    quit_ms: float | None = None
    """Quit key until the app wrote ``ESC[?1049l`` (the user's terminal is back)."""
    exit_ms: float | None = None
    """Quit key until the process has exited."""
    cpu_pct: float | None = None
    """CPU of the process tree over the window, % of one core (nanosecond clock)."""
    cpu_pct_ticks: float | None = None
    """The same from utime+stime, 10 ms resolution (see ``procfs``)."""
    out_bytes_per_s: float | None = None
    """Bytes the app wrote to the terminal per second during the CPU window."""
    out_frames_per_s: float | None = None
    """Output bursts (~ frames, see ``BURST_GAP``) per second during the CPU window."""
    peak_rss_kb: int | None = None
    """VmHWM summed over the tree, read just before the quit key."""
    returncode: int | None = None
    screen: str = ""
    """The emulated screen at the end (or when something went wrong)."""


class _AnsweringScreen(pyte.Screen):
    """A pyte screen that answers terminal queries (device attributes, cursor
    position) into the pty, as a real terminal would, so no app waits for them."""

    def __init__(self, columns: int, lines: int, master_fd: int) -> None:
        super().__init__(columns, lines)
        self._master_fd = master_fd

    def write_process_input(self, data: str) -> None:
        with contextlib.suppress(OSError):
            os.write(self._master_fd, data.encode())


_DATA, _EOF, _EXIT = "data", "eof", "exit"


class _PtyChild:
    """A child process on a fresh pty, its output arriving as timestamped events."""

    def __init__(
        self, cmd: Sequence[str], env: dict[str, str], cols: int, rows: int, cwd: str | None
    ) -> None:
        self.events: queue.SimpleQueue[tuple[str, float, bytes]] = queue.SimpleQueue()
        self.exited_at: float | None = None
        self.out_bytes = 0
        self.out_bursts = 0
        self._last_data_at = -1.0
        self._stop = threading.Event()
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

        def become_session_leader() -> None:
            # Own session and process group (so we can kill the whole group), with
            # the pty as controlling terminal (so the app gets SIGWINCH, ^C etc.).
            os.setsid()
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        self.started_at = time.perf_counter()
        try:
            self.proc = subprocess.Popen(
                list(cmd),
                stdin=slave,
                stdout=slave,
                stderr=slave,
                env=env,
                cwd=cwd,
                close_fds=True,
                preexec_fn=become_session_leader,
            )
        except OSError:
            os.close(self.master)
            raise
        finally:
            os.close(slave)
        self._threads = [
            threading.Thread(target=self._read, name="pty-reader", daemon=True),
            threading.Thread(target=self._wait, name="pty-waiter", daemon=True),
        ]
        for thread in self._threads:
            thread.start()

    @property
    def pid(self) -> int:
        return self.proc.pid

    def _read(self) -> None:
        while not self._stop.is_set():
            try:
                ready, _, _ = select.select([self.master], [], [], 0.05)
            except (OSError, ValueError):
                break
            if not ready:
                continue
            now = time.perf_counter()
            try:
                data = os.read(self.master, 65536)
            except OSError:  # EIO: the last holder of the slave side closed it
                data = b""
            if not data:
                break
            self.events.put((_DATA, now, data))
        self.events.put((_EOF, time.perf_counter(), b""))

    def _wait(self) -> None:
        # WNOWAIT: notice the exit but leave the zombie, so the pid (and with it
        # the process group id) cannot be reused before we have killed the group.
        with contextlib.suppress(ChildProcessError):
            os.waitid(os.P_PID, self.pid, os.WEXITED | os.WNOWAIT)
        self.events.put((_EXIT, time.perf_counter(), b""))

    def send(self, data: bytes) -> None:
        os.write(self.master, data)

    def pump(
        self, deadline: float, on_data: Callable[[float, bytes], bool] | None = None
    ) -> float | None:
        """Handle events until ``deadline`` (perf_counter), or until ``on_data``
        returns True; then return that chunk's timestamp. Returns None at the
        deadline, or soon after the child exited (nothing more can be awaited)."""
        while True:
            timeout = deadline - time.perf_counter()
            if self.exited_at is not None:
                # Let the last output drain, but do not wait for the deadline.
                timeout = min(timeout, self.exited_at + 0.3 - time.perf_counter())
            try:
                kind, stamp, data = (
                    self.events.get(timeout=timeout) if timeout > 0 else self.events.get_nowait()
                )
            except queue.Empty:
                return None
            if kind == _EXIT:
                self.exited_at = stamp
            elif kind == _DATA:
                self.out_bytes += len(data)
                if stamp - self._last_data_at > BURST_GAP:
                    self.out_bursts += 1
                self._last_data_at = stamp
                if on_data is not None and on_data(stamp, data):
                    return stamp

    def finish(self) -> int | None:
        """Kill whatever is left of the process group, reap the child, close the pty."""
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.pid, signal.SIGKILL)
        try:
            returncode = self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            returncode = None
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=2)
        with contextlib.suppress(OSError):
            os.close(self.master)
        return returncode


KEY_NAMES = {"enter": b"\r", "escape": b"\x1b", "esc": b"\x1b", "tab": b"\t", "space": b" "}


def parse_keys(spec: str) -> list[bytes]:
    """``"enter,space,ctrl+s,5"`` -> the bytes a terminal sends for those keys."""
    keys = []
    for name in filter(None, (part.strip() for part in spec.split(","))):
        lowered = name.lower()
        if lowered in KEY_NAMES:
            keys.append(KEY_NAMES[lowered])
        elif lowered.startswith("ctrl+") and len(lowered) == 6:
            keys.append(bytes([ord(lowered[5]) & 0x1F]))
        else:
            keys.append(name.encode())
    return keys


def _screen_text(screen: pyte.Screen) -> str:
    return "\n".join(line.rstrip() for line in screen.display).rstrip()


@dataclass
class _Usage:
    """CPU and output of the process tree between two moments."""

    cpu_pct: float | None
    cpu_pct_ticks: float
    out_bytes_per_s: float
    out_frames_per_s: float


class _UsageMeter:
    """Reads the tree's CPU clocks and the output counters now; ``stop()`` reads them again."""

    def __init__(self, child: _PtyChild) -> None:
        self._child = child
        pids = procfs.tree_pids(child.pid)
        self._ticks = procfs.cpu_seconds_ticks(pids)
        self._precise = procfs.cpu_seconds_precise(pids)
        self._wall = time.perf_counter()
        self._bytes, self._bursts = child.out_bytes, child.out_bursts

    def stop(self) -> _Usage:
        pids = procfs.tree_pids(self._child.pid)
        ticks, precise = procfs.cpu_seconds_ticks(pids), procfs.cpu_seconds_precise(pids)
        wall = time.perf_counter() - self._wall
        cpu_ticks = 100 * (ticks - self._ticks) / wall
        cpu = cpu_ticks
        if precise is not None and self._precise is not None:
            cpu = 100 * (precise - self._precise) / wall
        return _Usage(
            cpu_pct=cpu,
            cpu_pct_ticks=cpu_ticks,
            out_bytes_per_s=(self._child.out_bytes - self._bytes) / wall,
            out_frames_per_s=(self._child.out_bursts - self._bursts) / wall,
        )


def _quit(
    child: _PtyChild,
    feed: Callable[[float, bytes], bool],
    quit_key: bytes,
    quit_timeout: float,
) -> tuple[float | None, float | None, str | None]:
    """Send the quit key; (ms to ``ESC[?1049l``, ms to exit, error or None)."""
    child.pump(time.perf_counter(), feed)  # drain what is queued, so old bytes do not count
    tail = b""

    def restored(stamp: float, data: bytes) -> bool:
        nonlocal tail
        feed(stamp, data)
        found = ALT_SCREEN_OFF in tail + data  # the sequence may span two chunks
        tail = data[-(len(ALT_SCREEN_OFF) - 1) :]
        return found

    quit_at = time.perf_counter()
    child.send(quit_key)
    restored_at = child.pump(quit_at + quit_timeout, restored)
    quit_ms = None if restored_at is None else (restored_at - quit_at) * 1000
    child.pump(quit_at + quit_timeout)  # now wait for the exit itself
    if child.exited_at is None:
        return quit_ms, None, f"still running {quit_timeout:g} s after the quit key"
    exit_ms = (child.exited_at - quit_at) * 1000
    if restored_at is None:
        return quit_ms, exit_ms, "exited without leaving the alternate screen (no ESC[?1049l)"
    return quit_ms, exit_ms, None


def run_in_pty(
    cmd: Sequence[str],
    *,
    marker: str,
    env: dict[str, str],
    cols: int = 100,
    rows: int = 30,
    cwd: str | None = None,
    frame_timeout: float = 20.0,
    settle: float = 1.0,
    cpu_window: float = 0.0,
    keys_after_frame: Sequence[bytes] = (),
    quit_key: bytes = CTRL_Q,
    quit_timeout: float = 10.0,
) -> RunResult:
    """Run ``cmd`` once in a ``cols`` x ``rows`` pty and measure it (see module doc).

    ``keys_after_frame`` are typed one by one after the first frame, 0.2 s apart
    (e.g. to get past a check-in to the animation), before the settle time.
    """
    result = RunResult()
    try:
        child = _PtyChild(cmd, env, cols, rows, cwd)
    except OSError as error:
        result.error = f"could not start {cmd[0]}: {error}"
        return result
    screen = _AnsweringScreen(cols, rows, child.master)
    stream = pyte.ByteStream(screen)
    emulate = True

    def feed(_stamp: float, data: bytes) -> bool:
        if emulate:
            stream.feed(data)
        return False

    def frame_seen(_stamp: float, data: bytes) -> bool:
        stream.feed(data)
        return any(marker in line for line in screen.display)

    try:
        # 1. First frame.
        frame_at = child.pump(child.started_at + frame_timeout, frame_seen)
        if frame_at is None:
            if child.exited_at is not None:
                result.error = f"no first frame: exited before showing {marker!r}"
            else:
                result.error = f"no first frame: {marker!r} not on screen after {frame_timeout:g} s"
            return result
        result.ttff_ms = (frame_at - child.started_at) * 1000
        for key in keys_after_frame:
            child.send(key)
            child.pump(time.perf_counter() + 0.2, feed)

        # 2. Settle: let work scheduled after the first frame (loading the state,
        # the exercise library) finish, so the window sees the idle app.
        child.pump(time.perf_counter() + settle, feed)
        if child.exited_at is not None:
            result.error = "exited on its own after the first frame"
            return result

        # 3. CPU window. No emulation meanwhile: the harness should stay quiet.
        if cpu_window > 0:
            emulate = False
            meter = _UsageMeter(child)
            child.pump(time.perf_counter() + cpu_window, feed)
            usage = meter.stop()
            if child.exited_at is not None:
                result.error = "exited on its own during the CPU window"
                return result
            result.cpu_pct, result.cpu_pct_ticks = usage.cpu_pct, usage.cpu_pct_ticks
            result.out_bytes_per_s = usage.out_bytes_per_s
            result.out_frames_per_s = usage.out_frames_per_s
            emulate = True

        # 4. Peak memory, just before quitting.
        result.peak_rss_kb = procfs.peak_rss_kb(procfs.tree_pids(child.pid))

        # 5. Quit.
        result.quit_ms, result.exit_ms, result.error = _quit(child, feed, quit_key, quit_timeout)
        result.ok = result.error is None
        return result
    finally:
        result.returncode = child.finish()
        result.screen = _screen_text(screen)
        if result.ok and result.returncode not in (0, None):
            result.ok = False
            result.error = f"exit status {result.returncode}"


@dataclass
class WatchResult:
    """What ``watch_screen`` saw. Times of changes are seconds after the anchor frame."""

    ok: bool = False
    error: str | None = None
    ttff_ms: float | None = None
    """Spawn until the anchor frame (the first on which ``read`` gave a value)."""
    first_value: str | None = None
    changes: list[tuple[float, str]] | None = None
    """(seconds after the anchor, new value) each time ``read``'s answer changed."""
    watched_s: float | None = None
    cpu_pct: float | None = None
    out_bytes_per_s: float | None = None
    out_frames_per_s: float | None = None
    max_backlog_ms: float | None = None
    """Longest a chunk waited in the queue before the emulator took it (timestamps
    are taken at the read, so a backlog delays the analysis, never the time stamp)."""
    quit_ms: float | None = None
    returncode: int | None = None
    screen: str = ""


def watch_screen(
    cmd: Sequence[str],
    *,
    read: Callable[[Sequence[str]], str | None],
    duration: float,
    env: dict[str, str],
    cols: int = 100,
    rows: int = 30,
    cwd: str | None = None,
    frame_timeout: float = 20.0,
    quit_key: bytes = CTRL_Q,
    quit_timeout: float = 10.0,
) -> WatchResult:
    """Run ``cmd`` and note when ``read(screen lines)`` changes, for ``duration`` s.

    Every chunk is fed to the emulator and the screen read after it, so a change
    is stamped with the read of the chunk that made it visible. The reader thread
    drains the pty all along and stamps each read when it returns (select with a
    50 ms timeout wakes at once on data), so the stamps carry only the pty's and
    the thread switch's latency (``sys.setswitchinterval``), not the emulator's.
    """
    result = WatchResult(changes=[])
    try:
        child = _PtyChild(cmd, env, cols, rows, cwd)
    except OSError as error:
        result.error = f"could not start {cmd[0]}: {error}"
        return result
    screen = _AnsweringScreen(cols, rows, child.master)
    stream = pyte.ByteStream(screen)
    last: str | None = None
    anchor = 0.0
    backlog = 0.0

    def feed(stamp: float, data: bytes) -> bool:
        nonlocal last, backlog
        backlog = max(backlog, time.perf_counter() - stamp)
        stream.feed(data)
        value = read(screen.display)
        if value is not None and value != last:
            last = value
            if result.first_value is None:
                result.first_value = value
                return True  # the anchor frame
            result.changes.append((stamp - anchor, value))  # type: ignore[union-attr]
        return False

    try:
        anchor_at = child.pump(child.started_at + frame_timeout, feed)
        if anchor_at is None:
            result.error = f"nothing readable on the screen after {frame_timeout:g} s"
            return result
        anchor = anchor_at
        result.ttff_ms = (anchor - child.started_at) * 1000
        meter = _UsageMeter(child)
        child.pump(anchor + duration, feed)
        usage = meter.stop()
        result.watched_s = time.perf_counter() - anchor
        if child.exited_at is not None:
            result.error = f"exited on its own {result.watched_s:.1f} s into the watch"
            return result
        result.cpu_pct = usage.cpu_pct
        result.out_bytes_per_s = usage.out_bytes_per_s
        result.out_frames_per_s = usage.out_frames_per_s
        result.max_backlog_ms = backlog * 1000

        def just_feed(_stamp: float, data: bytes) -> bool:
            stream.feed(data)  # no more change records: the watch is over
            return False

        result.quit_ms, _exit_ms, result.error = _quit(child, just_feed, quit_key, quit_timeout)
        result.ok = result.error is None
        return result
    finally:
        result.returncode = child.finish()
        result.screen = _screen_text(screen)
        if result.ok and result.returncode not in (0, None):
            result.ok = False
            result.error = f"exit status {result.returncode}"
