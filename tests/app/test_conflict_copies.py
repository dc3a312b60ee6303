"""The app and the commands that write, meeting a sync tool's conflict copy (issue 20)."""

from __future__ import annotations

import json
import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from durf.__main__ import main
from durf.core.state import Settings, State
from durf.core.store import Store
from durf.core.sync.merging import stamp_settings
from tests.app.conftest import make_app, settle
from tests.core.practice_apart import START, practise

COPY = "state (Jan's conflicted copy 2026-12-03).json"


def two_computers(tmp_path: Path, durf_home: Path) -> Path:
    """This computer's home, and the other's state as Dropbox would leave it beside it."""
    shared = practise(State(), [(("session",), 0)], START)
    Store(durf_home).update(lambda _: shared)
    here = Store(durf_home).update(
        lambda s: stamp_settings(
            s,
            practise(s, [(("own", "Ik mag twijfelen."), 0)], START + timedelta(days=1)),
            START,
        )
    )
    there = practise(here.model_copy(update={"own_affirmations": []}), [(("session",), 9)], START)
    # Chosen on the laptop after this computer last changed anything: that one wins.
    there = stamp_settings(
        there,
        there.model_copy(update={"settings": Settings(reduced_motion=True)}),
        START + timedelta(days=2),
    )
    other = tmp_path / "laptop.json"
    other.write_text(json.dumps(there.model_dump(mode="json")), "utf-8")
    shutil.copyfile(other, durf_home / COPY)
    return other


async def test_the_app_merges_a_copy_at_start_and_tells_what_came_from_where(
    tmp_path: Path, durf_home: Path
) -> None:
    two_computers(tmp_path, durf_home)
    app = make_app(durf_home, cli_language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        notices = [n.message for n in app._notifications if COPY in n.message]
        assert len(notices) == 1
        assert "Dropbox (from Jan)" in notices[0]
        assert "From the other computer: one exercise." in notices[0]
        assert (
            "Changed later on the other computer, so taken from there: calm motion." in (notices[0])
        )
        assert app.practice.state is not None and len(app.practice.state.history) == 2
        assert app.practice.state.settings.reduced_motion
    assert (durf_home / "merged" / COPY).is_file()
    assert not (durf_home / COPY).exists()


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_command_that_writes_merges_first_and_says_so(
    tmp_path: Path, durf_home: Path, capsys: pytest.CaptureFixture[str], language: str
) -> None:
    two_computers(tmp_path, durf_home)
    assert main(["--lang", language, "affirm", "add", "Twijfelen mag."]) == 0
    err = capsys.readouterr().err
    expected = {"en": "Dropbox (from Jan)", "nl": "Dropbox (van Jan)"}[language]
    assert expected in err and str(durf_home / "merged") in err
    state = Store(durf_home).load()
    assert len(state.history) == 2
    assert [a.text for a in state.own_affirmations] == ["Ik mag twijfelen.", "Twijfelen mag."]


def test_import_merges_the_conflict_copy_too(
    tmp_path: Path, durf_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = two_computers(tmp_path, durf_home)
    assert main(["--lang", "en", "import", str(other)]) == 0
    captured = capsys.readouterr()
    assert COPY in captured.err
    # The copy brought the laptop's session first, so the import finds it here already.
    assert captured.out == f"Everything in {other} is already here. Nothing was changed.\n"
    assert len(Store(durf_home).load().history) == 2
