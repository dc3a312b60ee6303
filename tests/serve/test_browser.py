"""``durf serve`` in a real, headless Chromium, as a user would meet it.

Run alone with ``pytest -m browser``. Each test starts the real server on a
private home (its name full of spaces, quotes and a ``$``) and opens tabs in
Debian's Chromium; the words are read from the page's own terminal.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import signal
import threading
import time
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from durf.core.i18n import catalog
from tests.reliability.real_terminal import RealTerminal, durf_command, private_environment
from tests.reliability.test_signals import (
    FEAR,
    THOUGHTS,
    guide_words_kept,
    session_kept_with_its_breathing,
)
from tests.serve.conftest import (
    Served,
    end,
    listening_addresses,
    start_server,
    wait_until_gone,
)
from tests.serve.tab import Tab, chromium

pytestmark = pytest.mark.browser

MENU = (
    "session.title",
    "breathe.title",
    "affirm.title",
    "steps.title",
    "progress.title",
    "settings.title",
    "help.title",
    "about.title",
)
"""The home screen's menu, by catalog key."""

OWN = "Ik mag twijfelen én het toch zeggen: één stapje, ’t is oké 🌱"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """One Chromium for the module; each tab gets a fresh context of its own."""
    with chromium() as running:
        yield running


def home_tab(browser: object, served: Served, lang: str = "en") -> Tab:
    """A new tab on the server, once durf's home screen is in it."""
    tab = Tab(browser, served.url)
    tab.wait_for(catalog(lang)["about.title"])  # type: ignore[arg-type]
    return tab


def saved_in_state(served: Served, texts: list[str], timeout: float = 30.0) -> None:
    """Wait until the state file holds every one of ``texts`` as an own affirmation.

    Each save replaces the file whole (a rename), so every read sees one whole state.
    """
    deadline = time.monotonic() + timeout
    while True:
        with contextlib.suppress(FileNotFoundError):
            state = json.loads(served.state())
            if set(texts) <= {own["text"] for own in state["own_affirmations"]}:
                return
        assert time.monotonic() < deadline, f"not all saved: {texts}"
        time.sleep(0.05)  # a new save comes within milliseconds; look again


def processes_on(home: Path) -> list[int]:
    """Every process on this computer whose command line names ``home``."""
    wanted = os.fsencode(home)
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if wanted in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def open_own_affirmations(tab: Tab) -> None:
    tab.press("3")
    tab.wait_for("Your own")
    tab.press("o")
    tab.wait_for("Enter saves it")


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_home_screen_renders_in_the_page(browser: object, tmp_path: Path, lang: str) -> None:
    served = start_server(tmp_path, lang=lang)
    try:
        tab = home_tab(browser, served, lang)
        screen = tab.screen()
        for key in MENU:
            assert catalog(lang)[key] in screen, screen  # type: ignore[arg-type]
        # Everything the page loaded came from this server (the web font it asks
        # for elsewhere is blocked by the content policy).
        assert tab.finished
        assert all(url.startswith(served.url) for url in tab.finished), tab.finished
        tab.close()
    finally:
        end(served)


def test_an_affirmation_typed_in_the_page_is_saved_byte_for_byte(
    browser: object, served: Served
) -> None:
    tab = home_tab(browser, served)
    open_own_affirmations(tab)
    tab.type(OWN)
    tab.wait_for(OWN)
    tab.press("Enter")
    tab.wait_for("Saved.")
    raw = served.state()
    assert OWN.encode("utf-8") in raw
    assert [own["text"] for own in json.loads(raw)["own_affirmations"]] == [OWN]
    tab.close()


@pytest.mark.parametrize("rounds", [3, pytest.param(20, marks=pytest.mark.slow)])
def test_two_tabs_and_a_terminal_at_once_lose_nothing(
    browser: object, served: Served, tmp_path: Path, rounds: int
) -> None:
    tabs = [home_tab(browser, served), home_tab(browser, served)]
    terminal_command = durf_command("--home", str(served.home))
    with RealTerminal(terminal_command, private_environment(tmp_path)) as terminal:
        terminal.wait_for("About")
        for tab in tabs:
            open_own_affirmations(tab)
        terminal.type("3")
        terminal.wait_for("Your own")
        terminal.type("o")
        terminal.wait_for("Enter saves it")
        written = []
        for round_ in range(1, rounds + 1):
            # Each one a whole burst, Enter included, sent to all three at once.
            said = [f"Tab {n}, ronde {round_}: ik durf 🌱" for n in (1, 2)]
            said.append(f"Terminal, ronde {round_}: één keer é")
            tabs[0].burst(said[0] + "\r")
            tabs[1].burst(said[1] + "\r")
            os.write(terminal.master, (said[2] + "\r").encode())
            written += said
            # The lists outgrow the window after a few rounds: wait for the file.
            saved_in_state(served, written)
        pids = served.tab_pids()
        assert len(pids) == 2
        terminal.press("ctrl+q")
        assert terminal.wait_exit() == 0
    for tab in tabs:
        tab.close()
    wait_until_gone(pids)
    raw = served.state()
    texts = [own["text"] for own in json.loads(raw)["own_affirmations"]]
    assert sorted(texts) == sorted(written)
    assert all(text.encode("utf-8") in raw for text in written)


def test_closing_the_tab_mid_breath_keeps_the_session(browser: object, served: Served) -> None:
    tab = home_tab(browser, served)
    tab.press("1")
    tab.wait_for("A session of about 10 minutes")
    tab.press("Enter")
    tab.wait_for("Session 1/")
    tab.press("s")  # nothing to note at the check-in
    tab.wait_for("breath 1 of")
    pids = served.tab_pids()
    tab.close()
    wait_until_gone(pids)
    session_kept_with_its_breathing(json.loads(served.state()))


def test_closing_the_tab_mid_guide_keeps_the_words(browser: object, served: Served) -> None:
    tab = home_tab(browser, served)
    tab.press("4")
    tab.wait_for("No step for this week yet")
    tab.press("n")
    tab.wait_for("1 of 5")
    tab.type(THOUGHTS)
    tab.wait_for(THOUGHTS)
    tab.press("PageDown")
    tab.wait_for("2 of 5")
    # Closed as soon as the words show: before the guide's own save after a pause.
    tab.type(FEAR)
    tab.wait_for(FEAR)
    pids = served.tab_pids()
    tab.close()
    wait_until_gone(pids)
    guide_words_kept(json.loads(served.state()))


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


def test_stopping_the_server_ends_every_tab_and_keeps_what_they_hold(
    browser: object, served: Served
) -> None:
    breathing, idle = home_tab(browser, served), home_tab(browser, served)
    breathing.press("1")
    breathing.wait_for("A session of about 10 minutes")
    breathing.press("Enter")
    breathing.wait_for("Session 1/")
    breathing.press("s")
    breathing.wait_for("breath 1 of")
    pids = served.tab_pids()
    assert len(pids) == 2
    for pid in pids:
        assert listening_addresses(pid) == [], "a tab's durf listens on a port"
    assert served.stop(signal.SIGINT) == 0
    said = served.output.decode()
    assert said.index("Stopping") < said.index("Stopped.")
    assert not any(Path(f"/proc/{pid}").exists() for pid in pids)
    assert processes_on(served.home) == []
    session_kept_with_its_breathing(json.loads(served.state()))
    for tab in (breathing, idle):
        tab.wait_closed()
        ended = tab.page.inner_text(".closed-dialog .message")
        assert ended == catalog("en")["serve.ended"]
        tab.close()
