"""The README's picture of ``durf serve``: the real server, in Debian's headless Chromium.

Taken by ``tests/make_screenshots.py`` with the SVGs. The home folder is a fresh
one, so the home screen shows nothing that depends on the date.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from durf.core.i18n import catalog
from tests.serve.conftest import end, start_server
from tests.serve.tab import CHROMIUM, Tab, chromium

SIZE = (1000, 640)
"""The page's size in pixels: about 100 columns by 33 lines of durf."""

NEXT_FRAME = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"
"""Resolves once the page has painted what its terminal holds (xterm.js draws per frame)."""


def take_browser_shots(folder: Path) -> list[Path]:
    """Save ``serve-home-<language>.png`` in ``folder``; nothing without Chromium."""
    if not CHROMIUM.exists():
        print(f"{CHROMIUM} is missing (apt-get install chromium): no picture of durf serve")
        return []
    made = []
    with tempfile.TemporaryDirectory() as scratch, chromium() as browser:
        for language in ("en", "nl"):
            served = start_server(Path(scratch) / language, lang=language)
            try:
                tab = Tab(browser, served.url, size=SIZE)
                words = catalog(language)  # type: ignore[arg-type]
                tab.wait_for(words["about.title"])
                tab.wait_for("Ctrl+Q")  # the footer: the last part of the screen drawn
                tab.page.evaluate(NEXT_FRAME)
                path = folder / f"serve-home-{language}.png"
                tab.page.screenshot(path=str(path))
                made.append(path)
                tab.close()
            finally:
                end(served)
    return made
