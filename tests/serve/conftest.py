"""Fixtures for ``durf serve``: the real server in its own process, on loopback only."""

from __future__ import annotations

import contextlib
import ipaddress
import os
import re
import select
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.reliability.real_terminal import durf_command, private_environment
from tests.serve.tab import chromium

URL = re.compile(rb"http://127\.0\.0\.1:(\d+)/([A-Za-z0-9_-]+)/")
START_TIMEOUT = 20.0
STOP_TIMEOUT = 30.0


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Like the suite's own guard, but these tests may talk to this computer's loopback.

    Any other address still fails the test.
    """
    real_connect = socket.socket.connect

    def loopback_only(self: socket.socket, address: object) -> None:
        if self.family in (socket.AF_INET, socket.AF_INET6):
            host = address[0] if isinstance(address, tuple) else None
            if host is None or not ipaddress.ip_address(host).is_loopback:
                raise RuntimeError(f"a test tried to open a network connection to {address!r}")
        real_connect(self, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", loopback_only)


@dataclass
class Served:
    """One running ``durf serve``: its process, the address it printed, and its home."""

    process: subprocess.Popen[bytes]
    home: Path
    port: int
    token: str
    output: bytearray = field(default_factory=bytearray)

    @property
    def url(self) -> str:
        """The address with the token, as printed for the user."""
        return f"http://127.0.0.1:{self.port}/{self.token}/"

    @property
    def origin(self) -> str:
        """The server without any path: what a request without the token reaches."""
        return f"http://127.0.0.1:{self.port}"

    def state(self) -> bytes:
        """The state file's bytes, exactly as durf wrote them."""
        return (self.home / "state.json").read_bytes()

    def tab_pids(self) -> set[int]:
        """The durf processes this server runs now, one for each open tab."""
        return children_of(self.process.pid)

    def read_until(self, pattern: bytes, timeout: float) -> bytes:
        """Read the server's output until ``pattern`` is in it; return all read so far."""
        deadline = time.monotonic() + timeout
        while pattern not in self.output:
            if not self._read_more(deadline):
                raise AssertionError(f"the server ended before {pattern!r}: {bytes(self.output)!r}")
        return bytes(self.output)

    def read_to_end(self, timeout: float) -> bytes:
        """Read the server's output until it closes it (it has exited); return all of it."""
        deadline = time.monotonic() + timeout
        while self._read_more(deadline):
            pass
        return bytes(self.output)

    def _read_more(self, deadline: float) -> bool:
        """Add what the server writes next to ``output``; False once its output has ended."""
        assert self.process.stdout is not None
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([self.process.stdout], [], [], left)[0]:
            raise AssertionError(f"the server went quiet; it said {bytes(self.output)!r}")
        chunk = os.read(self.process.stdout.fileno(), 65536)
        self.output += chunk
        return bool(chunk)

    def stop(self, number: int = signal.SIGINT) -> int:
        """Stop the server as a user would (Ctrl+C) and wait until it has exited."""
        if self.process.poll() is None:
            self.process.send_signal(number)
        self.read_to_end(STOP_TIMEOUT)
        return self.process.wait(STOP_TIMEOUT)


def wait_until_gone(pids: set[int], timeout: float = STOP_TIMEOUT) -> None:
    """Wait until none of ``pids`` runs any more (each durf saves, then exits).

    They are the server's children, not ours, so this waits on a pidfd of each:
    it becomes readable the moment that process ends.
    """
    deadline = time.monotonic() + timeout
    for pid in pids:
        try:
            handle = os.pidfd_open(pid)
        except ProcessLookupError:
            continue
        try:
            left = max(0.0, deadline - time.monotonic())
            assert select.select([handle], [], [], left)[0], f"durf {pid} still runs"
        finally:
            os.close(handle)


def listening_addresses(pid: int) -> list[tuple[str, int]]:
    """The (address, port) of every TCP socket process ``pid`` listens on, from /proc."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        with contextlib.suppress(OSError):
            target = os.readlink(fd)
            if target.startswith("socket:["):
                inodes.add(target[len("socket:[") : -1])
    found = []
    for table in ("tcp", "tcp6"):
        for row in Path(f"/proc/net/{table}").read_text().splitlines()[1:]:
            fields = row.split()
            local, state, inode = fields[1], fields[3], fields[9]
            if state == "0A" and inode in inodes:  # 0A: LISTEN
                address, port = local.split(":")
                found.append((_address(address), int(port, 16)))
    return found


def _address(hex_address: str) -> str:
    """An address as /proc/net/tcp{,6} writes it (in host byte order, 32 bits at a time)."""
    raw = bytes.fromhex(hex_address)
    if sys.byteorder == "little":
        raw = b"".join(raw[i : i + 4][::-1] for i in range(0, len(raw), 4))
    return str(ipaddress.ip_address(raw))


def children_of(pid: int) -> set[int]:
    """The ids of the living processes whose parent is ``pid`` (read from /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The command name, in parentheses, may hold spaces: the fields follow its end.
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[1]) == pid and fields[0] != "Z":
            found.add(int(entry.name))
    return found


HOME_NAME = "durf's home $HOME `x`"
"""A home folder name a shell would mangle: spaces, quotes, a variable, backticks."""


def start_server(
    scratch: Path, *args: str, lang: str = "en", env: dict[str, str] | None = None
) -> Served:
    """``durf serve --port 0`` on a private home under ``scratch``; wait for its address."""
    home = scratch / HOME_NAME
    environment = env or private_environment(scratch)
    command = [*durf_command("--home", str(home), "--lang", lang), "serve", "--port", "0", *args]
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=environment,
    )
    served = Served(process, home, 0, "")
    try:
        served.read_until(b"Ctrl+C", START_TIMEOUT)
    except AssertionError:
        process.kill()
        process.wait()
        raise
    match = URL.search(served.output)
    assert match is not None, served.output
    served.port, served.token = int(match[1]), match[2].decode()
    return served


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """One Chromium for the module; each tab gets a fresh context of its own."""
    with chromium() as running:
        yield running


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    """A running ``durf serve`` in English on a private home, stopped after the test."""
    server = start_server(tmp_path)
    try:
        yield server
    finally:
        end(server)


def end(server: Served) -> None:
    """Whatever a test left running: stop the server politely, then make sure of it."""
    tabs = server.tab_pids() if server.process.poll() is None else set()
    if server.process.poll() is None:
        server.process.send_signal(signal.SIGINT)
        try:
            server.process.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait()
    for pid in tabs:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
