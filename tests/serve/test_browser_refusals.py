"""``durf serve`` refuses, in a real headless Chromium, what another page or user might try.

Run alone with ``pytest -m browser`` (with the other browser tests).
"""

from __future__ import annotations

import secrets
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.serve.conftest import Served

pytestmark = pytest.mark.browser


def test_the_browser_gets_nothing_without_the_right_token(browser: object, served: Served) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    wrong = secrets.token_urlsafe(32)
    for path in ("/", f"/{wrong}/", f"/{served.token[:-2]}/", "/static/js/textual.js"):
        response = page.goto(served.origin + path)
        assert response is not None and response.status == 403, path
        assert page.inner_text("body") == "403: Forbidden"
    page.close()
    assert served.tab_pids() == set()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """The other site's requests are not this test's business."""


def test_a_page_of_another_site_cannot_open_durfs_websocket(
    browser: object, served: Served, tmp_path: Path
) -> None:
    """Even a page that has somehow learnt the token is refused: its Origin is not durf's."""
    site = tmp_path / "other-site"
    site.mkdir()
    (site / "index.html").write_text("<!DOCTYPE html><title>another site</title>")
    other = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=other.serve_forever, daemon=True).start()
    open_socket = """(url) => new Promise((resolve) => {
        const socket = new WebSocket(url);
        socket.onopen = () => { socket.close(); resolve("open"); };
        socket.onerror = () => resolve("refused");
    })"""
    websocket_url = f"ws://127.0.0.1:{served.port}/{served.token}/ws"
    page = browser.new_page()  # type: ignore[attr-defined]
    try:
        page.goto(f"http://127.0.0.1:{other.server_port}/")
        assert page.evaluate(open_socket, websocket_url) == "refused"
        assert served.tab_pids() == set()
        # The control: from durf's own page the same websocket opens.
        page.goto(served.url)
        assert page.evaluate(open_socket, websocket_url) == "open"
    finally:
        page.close()
        other.shutdown()
        other.server_close()
