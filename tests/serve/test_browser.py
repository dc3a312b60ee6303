"""``durf serve`` in a real, headless Chromium, as a user would meet it.

Run alone with ``pytest -m browser``. Each test starts the real server on a
private home (its name full of spaces, quotes and a ``$``) and opens tabs in
Debian's Chromium; the words are read from the page's own terminal.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import time
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
from tests.serve.tab import Tab

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


WORRY = "Dat ze denken dat ik het niet kan, één keer 🌱"


def test_a_whole_practice_session_in_the_page_is_kept_as_done(
    browser: object, served: Served
) -> None:
    """A new user's first session: every part, from check-in to check-out, in the page."""
    tab = home_tab(browser, served)
    tab.press("1")
    tab.wait_for("A session of about 10 minutes")
    tab.press("Enter")
    tab.wait_for("Session 1/5 · Check-in")
    tab.press("Space", "Tab", "6", "Enter")  # breath stays high, tension 6
    tab.wait_for("Session 2/5")
    tab.press("n")
    tab.wait_for("Session 3/5")
    tab.press("4", "Enter")  # how much I believe the first affirmation
    tab.press("n")
    tab.wait_for("Session 4/5 · Plan a small step")
    tab.type(WORRY)
    tab.wait_for(WORRY)
    tab.press("Control+n")
    tab.wait_for("Session 5/5 · Check-out")
    tab.press("3", "Enter")
    tab.wait_for("Practice session saved")
    state = json.loads(served.state())
    [session] = [r for r in state["history"] if r["exercise"] == "session"]
    assert session["completed"] is True
    parts = {part["kind"]: part["status"] for part in session["details"]["parts"]}
    assert parts["checkin"] == parts["checkout"] == "done"
    assert state["step_draft"]["answers"]["thoughts"] == WORRY
    assert WORRY.encode("utf-8") in served.state()
    tab.close()


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
