"""The first frame, of home and of ``durf breathe``, is drawn before pydantic is imported.

pydantic and the models cost about a tenth of a second to import: the state is read
after the first frame for that reason. Importing the screens without pydantic is not
enough (a screen may import it while it mounts), so the app runs here, in a process
of its own, with the reading of the state held back until the test is done.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from durf.core.store import Store
from tests.core.factories import state_with_sessions

FIRST_FRAME = """
import asyncio, sys
from pathlib import Path

import durf.app
from durf.core.paths import bundled_exercises_dir
from durf.core.patterns import pattern_by_id

durf.app.FIRST_FRAME_GRACE = 3600  # the state is read this long after the first frame


async def main(home, first):
    pattern = pattern_by_id([bundled_exercises_dir()], "box")
    make = (lambda app: app.breathing_screen(pattern, 3)) if first == "breathe" else None
    app = durf.app.DurfApp(Path(home), cli_language="en", first=make)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        print(type(app.screen).__name__, "pydantic" in sys.modules)


asyncio.run(main(*sys.argv[1:]))
"""


@pytest.mark.parametrize("first", ["home", "breathe"])
@pytest.mark.parametrize("with_state", [False, True], ids=["new home", "with a state"])
def test_the_first_frame_comes_before_pydantic(
    durf_home: Path, first: str, with_state: bool
) -> None:
    if with_state:
        Store(durf_home).update(lambda state: state_with_sessions(40))
    done = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME, str(durf_home), first],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    shown, imported = done.stdout.split()
    assert shown == ("BreatheScreen" if first == "breathe" else "HomeScreen")
    assert imported == "False", "pydantic was imported before the first frame"
