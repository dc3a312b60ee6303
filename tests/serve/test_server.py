"""``durf serve`` against the real server, over loopback, without a browser.

What another user on this computer (or a script) could try: the page, the
static files, the websocket, other paths, with no token, a wrong one, a nearly
right one, another host name, another site's Origin. Each gets the same bare
403, with nothing of durf in it, and no durf process is started.
"""

from __future__ import annotations

import base64
import contextlib
import http.client
import os
import re
import secrets
import signal
import socket
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from durf.core.i18n import catalog
from tests.reliability.real_terminal import durf_command, private_environment
from tests.serve.conftest import Served, end, listening_addresses, start_server

FORBIDDEN = b"403: Forbidden"


def request(
    served: Served, path: str, headers: dict[str, str] | None = None, method: str = "GET"
) -> tuple[int, str, bytes]:
    """One HTTP request to the server: its status, headers (as text) and body."""
    connection = http.client.HTTPConnection("127.0.0.1", served.port, timeout=10)
    try:
        connection.request(method, path, headers=headers or {})
        response = connection.getresponse()
        if response.status == 101:
            return response.status, str(response.headers), b""
        return response.status, str(response.headers), response.read()
    finally:
        connection.close()


def handshake_headers(origin: str | None) -> dict[str, str]:
    """The headers with which a browser's page asks for a websocket."""
    headers = {
        "Upgrade": "websocket",
        "Connection": "Upgrade",
        "Sec-WebSocket-Key": base64.b64encode(secrets.token_bytes(16)).decode(),
        "Sec-WebSocket-Version": "13",
    }
    if origin is not None:
        headers["Origin"] = origin
    return headers


def websocket_handshake(served: Served, path: str, origin: str | None) -> tuple[int, bytes]:
    """Ask for a websocket as a browser would; the status and body of the answer."""
    status, _, body = request(served, path, handshake_headers(origin))
    return status, body


def assert_refused(status: int, headers: str, body: bytes) -> None:
    assert (status, body) == (403, FORBIDDEN)
    assert "durf" not in headers.lower()


def test_the_address_carries_a_fresh_secret_of_at_least_128_bits(tmp_path: Path) -> None:
    first, second = start_server(tmp_path / "1"), start_server(tmp_path / "2")
    try:
        assert first.token != second.token
        for served in (first, second):
            secret = base64.urlsafe_b64decode(served.token + "=" * (-len(served.token) % 4))
            assert len(secret) * 8 >= 128
            assert served.token in served.output.decode()
    finally:
        end(first)
        end(second)


def test_the_page_with_the_token_is_durf(served: Served) -> None:
    status, headers, body = request(served, f"/{served.token}/")
    assert status == 200
    assert b"<div>durf</div>" in body
    assert f"ws://127.0.0.1:{served.port}/{served.token}/ws".encode() in body
    assert "Referrer-Policy: no-referrer" in headers
    assert b'<html lang="en">' in body
    # The page may load nothing from elsewhere (textual-serve's asks for a web font).
    assert "Content-Security-Policy: default-src 'none';" in headers
    assert "https:" not in headers
    assert catalog("en")["serve.ended"].encode() in body
    status, _, script = request(served, f"/{served.token}/static/js/textual.js")
    assert status == 200 and len(script) > 10_000


def test_through_a_tunnel_on_another_local_port_the_page_and_websocket_work(
    served: Served,
) -> None:
    """``ssh -L 9000:127.0.0.1:8000``: the browser asks for localhost:9000, from its page."""
    tunnel = f"localhost:{served.port + 1000}"
    status, _, body = request(served, f"/{served.token}/", {"Host": tunnel})
    assert status == 200
    assert f"ws://{tunnel}/{served.token}/ws".encode() in body
    headers = {"Host": tunnel, **handshake_headers(f"http://{tunnel}")}
    assert request(served, f"/{served.token}/ws", headers)[0] == 101


def test_every_request_without_the_right_token_is_refused(served: Served) -> None:
    token = served.token
    nearly = token[:-1] + ("A" if token[-1] != "A" else "B")
    paths = [
        "/",
        "/ws",
        "/static/js/textual.js",
        "/favicon.ico",
        "/download/x",
        f"/{secrets.token_urlsafe(32)}/",
        f"/{nearly}/",
        f"/{nearly}/static/js/textual.js",
        f"/{token[:20]}/",
        f"/{token}x/",
        f"/{token.swapcase()}/",
        f"/x/{token}/",
        f"/?token={token}",
        f"/%{token.encode().hex()[:2]}{token[1:]}/",
    ]
    for path in paths:
        for method in ("GET", "HEAD", "POST"):
            status, headers, body = request(served, path, method=method)
            expected = b"" if method == "HEAD" else FORBIDDEN
            assert (status, body) == (403, expected), (method, path)
            assert "durf" not in headers.lower()
    assert served.tab_pids() == set()


def test_another_host_name_is_refused_even_with_the_token(served: Served) -> None:
    """A site that points its own name at 127.0.0.1 (DNS rebinding) gets nothing."""
    for host in ("evil.example", f"evil.example:{served.port}", "127.0.0.2", "0.0.0.0"):
        assert_refused(*request(served, f"/{served.token}/", {"Host": host}))


def test_a_websocket_from_another_origin_is_refused_and_starts_no_durf(served: Served) -> None:
    path = f"/{served.token}/ws"
    for origin in ("http://evil.example", f"http://localhost:{served.port + 1}", "null", None):
        assert websocket_handshake(served, path, origin) == (403, FORBIDDEN), origin
    assert websocket_handshake(served, "/ws", served.origin) == (403, FORBIDDEN)
    assert served.tab_pids() == set()
    # The control: the same handshake from this server's own page is let through.
    status, _ = websocket_handshake(served, path, served.origin)
    assert status == 101


def test_the_server_listens_on_loopback_only(served: Served) -> None:
    assert listening_addresses(served.process.pid) == [("127.0.0.1", served.port)]


def test_ctrl_c_stops_the_server_and_says_so(served: Served) -> None:
    assert served.stop(signal.SIGINT) == 0
    said = served.output.decode()
    assert said.index("Stopping") < said.index("Stopped.")


def test_the_server_speaks_dutch_when_asked(tmp_path: Path) -> None:
    served = start_server(tmp_path, lang="nl")
    try:
        said = served.output.decode()
        assert "alleen op deze computer te bereiken" in said
        assert "Stoppen: Ctrl+C" in said
        status, _, page = request(served, f"/{served.token}/")
        assert status == 200 and b'<html lang="nl">' in page
        for key in ("serve.ended", "serve.again"):
            assert catalog("nl")[key].encode() in page
        assert b"Session ended." not in page
        assert served.stop(signal.SIGTERM) == 0
        assert "Gestopt." in served.output.decode()
    finally:
        end(served)


@pytest.mark.parametrize(
    ("lang", "words"), [("en", "Port {port} is already in use"), ("nl", "Poort {port} is al in")]
)
def test_a_taken_port_is_told_with_a_free_one(tmp_path: Path, lang: str, words: str) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [*durf_command("--lang", lang), "serve", "--port", str(port)],
            env=private_environment(tmp_path),
            capture_output=True,
            text=True,
            timeout=30,
        )
    assert result.returncode == 1
    assert words.format(port=port) in result.stderr
    found = re.search(r"durf serve --port (\d+)", result.stderr)
    assert found is not None, result.stderr
    free = int(found[1])
    assert free != port
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", free))


def fake_browser(folder: Path, name: str) -> Path:
    """A browser command that only tells, on the server's own output, what it was given."""
    folder.mkdir(exist_ok=True)
    browser = folder / name
    browser.write_text('#!/bin/sh\nprintf \'%s was given %s\\n\' "$(basename "$0")" "$1"\n')
    browser.chmod(browser.stat().st_mode | stat.S_IEXEC)
    return browser


def test_open_hands_the_address_to_the_browser(tmp_path: Path) -> None:
    """``--open`` starts the user's browser ($BROWSER here) with the very same address."""
    browser = fake_browser(tmp_path / "bin", "browser")
    environment = {**private_environment(tmp_path), "BROWSER": str(browser)}
    served = start_server(tmp_path, "--open", env=environment)
    try:
        said = served.read_until(b"browser was given http", 20).decode()
        assert f"browser was given {served.url}\n" in said
        assert "No browser could be opened" not in said
    finally:
        end(served)


def test_open_without_a_display_uses_no_text_browser_and_says_so(tmp_path: Path) -> None:
    """Over SSH there is no display: lynx or w3m would take the server's terminal."""
    bin_folder = tmp_path / "bin"
    for name in ("www-browser", "lynx", "w3m", "links", "elinks"):
        fake_browser(bin_folder, name)
    environment = private_environment(tmp_path)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "BROWSER"):
        environment.pop(name, None)
    environment["PATH"] = f"{bin_folder}{os.pathsep}{environment['PATH']}"
    served = start_server(tmp_path, "--open", env=environment)
    try:
        served.read_until(b"No browser could be opened", 20)
        assert served.stop() == 0
        assert b"was given" not in served.output
    finally:
        end(served)


def test_a_home_no_shell_could_take_is_passed_whole(served: Served) -> None:
    """The tab's durf gets the home exactly, spaces, quotes, $ and backticks included."""
    with open_websocket(served) as (status, first_frame):
        assert status == 101
        assert first_frame, "durf drew nothing for the websocket"
        [pid] = served.tab_pids()
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        assert argv[argv.index(b"--home") + 1] == os.fsencode(served.home)


@contextlib.contextmanager
def open_websocket(served: Served) -> Iterator[tuple[int, bytes]]:
    """A websocket from this server's own origin, held open.

    Yields the answer's status and the first bytes the server sent after it:
    durf's first drawing, so its process is running by then.
    """
    key = base64.b64encode(secrets.token_bytes(16)).decode()
    with socket.create_connection(("127.0.0.1", served.port), timeout=30) as sock:
        sock.sendall(
            (
                f"GET /{served.token}/ws HTTP/1.1\r\nHost: 127.0.0.1:{served.port}\r\n"
                "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
                f"Origin: {served.origin}\r\n\r\n"
            ).encode()
        )
        answer = b""
        while b"\r\n\r\n" not in answer:
            chunk = sock.recv(4096)
            assert chunk, answer
            answer += chunk
        head, _, after = answer.partition(b"\r\n\r\n")
        status = int(head.split()[1])
        if status == 101 and not after:
            after = sock.recv(4096)
        yield status, after
