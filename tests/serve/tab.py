"""durf in a real, headless Chromium: Debian's /usr/bin/chromium, driven by Playwright.

xterm.js draws the terminal on a canvas, so the words are not in the page's
HTML. A script that runs before textual-serve's own keeps a handle on the
page's terminal when textual-serve creates it; the tests then read the lines of
that terminal's buffer: what the page itself would draw, not what the server
sent. Keys go in through the page's keyboard (each key an event), or as one
burst of input, as a paste or a fast typist over SSH would send them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")

# Chromium's own calls home find no network here and only slow it down.
CHROMIUM_ARGS = [
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

KEEP_THE_TERMINAL = """
Object.defineProperty(Object.prototype, "fitAddon", {
  configurable: true,
  set(value) {
    // textual-serve's terminal object sets its fit add-on first thing: keep it.
    Object.defineProperty(this, "fitAddon", {value, writable: true, configurable: true});
    window.durfTerminal = this.terminal;
  },
});
window.durfScreen = () => {
  const terminal = window.durfTerminal;
  if (!terminal) return "";
  const buffer = terminal.buffer.active;
  const lines = [];
  for (let y = 0; y < terminal.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    lines.push(line ? line.translateToString(true) : "");
  }
  return lines.join("\\n");
};
"""

WAIT_MS = 20_000


@contextmanager
def chromium() -> Iterator[object]:
    """A headless Chromium for a module's tests; never a downloaded browser build."""
    if not CHROMIUM.exists():
        message = "Debian's chromium is not installed (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


class Tab:
    """One browser tab with durf in it."""

    def __init__(self, browser: object, url: str, size: tuple[int, int] = (1000, 700)) -> None:
        self.context = browser.new_context(  # type: ignore[attr-defined]
            viewport={"width": size[0], "height": size[1]}
        )
        self.page = self.context.new_page()
        self.page.add_init_script(KEEP_THE_TERMINAL)
        self.finished: list[str] = []
        """Every address this tab loaded something from."""
        self.page.on("requestfinished", lambda request: self.finished.append(request.url))
        self.page.goto(url)

    def screen(self) -> str:
        """The lines the page's terminal shows now."""
        return self.page.evaluate("window.durfScreen()")

    def wait_for(self, words: str, timeout_ms: int = WAIT_MS) -> None:
        """Wait until ``words`` are on the page's terminal; fail with what it shows."""
        try:
            self.page.wait_for_function(
                "(words) => window.durfScreen().includes(words)", arg=words, timeout=timeout_ms
            )
        except Exception as error:
            raise AssertionError(
                f"{words!r} never showed; the page shows:\n{self.screen()}"
            ) from error
        # The keyboard goes to xterm.js's hidden input, as after a click on the terminal.
        self.page.locator(".xterm-helper-textarea").focus()

    def press(self, *keys: str) -> None:
        """Press keys by name (``Enter``, ``PageDown``, ``3``), one event each."""
        for key in keys:
            self.page.keyboard.press(key)

    def type(self, text: str) -> None:
        """Type ``text`` one character at a time, as a person would."""
        self.page.keyboard.type(text)

    def burst(self, data: str) -> None:
        """Send ``data`` as one piece of input, in one websocket message."""
        self.page.evaluate("(data) => window.durfTerminal.input(data)", data)

    def wait_closed(self) -> None:
        """Wait until the page shows that its durf has ended (textual-serve's "Session ended")."""
        self.page.wait_for_function(
            "() => document.body.classList.contains('-closed')", timeout=WAIT_MS
        )

    def close(self) -> None:
        """Close the tab, as a user closes it."""
        self.context.close()
