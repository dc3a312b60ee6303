"""Make the SVG screenshots in ``screenshots/`` from the real app.

Run from the repository root:  python tests/make_screenshots.py

Each picture is the real DurfApp, driven headless with the keys a user would
press, at a fixed date and with a home folder that is never created, so the
pictures only change when the app does.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from durf.app import DurfApp  # noqa: E402
from durf.core.clock import FixedClock  # noqa: E402
from durf.core.i18n import set_language  # noqa: E402
from tests.app.conftest import FROZEN_NOW, settle  # noqa: E402
from tests.snapshots.conftest import PICTURE_HOME  # noqa: E402

SHOTS: list[tuple[str, tuple[str, ...]]] = [
    ("home", ()),
    ("settings", ("2",)),
    ("help", ("question_mark",)),
    ("about", ("4",)),
]
SIZE = (80, 24)


async def take(name: str, language: str, keys: tuple[str, ...], folder: Path) -> Path:
    """Drive a fresh app with ``keys`` and save what the screen shows."""
    set_language(language)  # type: ignore[arg-type]
    app = DurfApp(PICTURE_HOME, clock=FixedClock(FROZEN_NOW))
    filename = f"{name}-{language}.svg"
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        if keys:
            await pilot.press(*keys)
        await pilot.pause()
        app.save_screenshot(filename=filename, path=str(folder))
    return folder / filename


def main() -> None:
    """Write every screenshot in both languages."""
    if PICTURE_HOME.exists():
        sys.exit(f"{PICTURE_HOME} exists here; screenshots would show its data. Stopping.")
    folder = REPO / "screenshots"
    folder.mkdir(exist_ok=True)
    for language in ("en", "nl"):
        for name, keys in SHOTS:
            print(asyncio.run(take(name, language, keys, folder)).relative_to(REPO))


if __name__ == "__main__":
    main()
