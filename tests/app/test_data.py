"""Your data in the app: the export dialog, and deleting everything from the settings."""

from __future__ import annotations

import stat
from pathlib import Path

from textual.widgets import Input

from durf.core.state import State
from durf.core.store import Store
from durf.screens.confirm import CarefulConfirmScreen
from durf.screens.data.export import ExportScreen
from durf.screens.data.settings import SettingsScreen
from tests.app.conftest import FROZEN_NOW, make_app, screen_text, settle, start_breathing
from tests.core.data_story import everything


def with_everything(home: Path) -> State:
    """A home with a saved state, a backup and a file once set aside as unreadable.

    The user's own home folder exists too: the export dialog offers to write there.
    """
    Path.home().mkdir(parents=True, exist_ok=True)
    store = Store(home)
    state = store.update(lambda _: everything())
    store.update(lambda current: current)
    (home / "state.json.corrupt-20261120-081500").write_text("{", "utf-8")
    return state


async def open_forget_question(pilot) -> None:  # type: ignore[no-untyped-def]
    app = pilot.app
    await settle(pilot)
    app.action_open_settings()
    await pilot.pause()
    app.screen.query_one("#forget").focus()
    await pilot.press("enter")
    await pilot.pause()


# -- deleting everything -----------------------------------------------------------------


async def test_delete_everything_after_yes_leaves_nothing(durf_home: Path) -> None:
    with_everything(durf_home)
    exercises = durf_home / "exercises"
    exercises.mkdir()
    (exercises / "mine.toml").write_text('kind = "prompts"\n', "utf-8")
    app = make_app(durf_home, cli_language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_forget_question(pilot)
        assert isinstance(app.screen, CarefulConfirmScreen)
        question = screen_text(app)
        assert "Delete everything durf keeps about you?" in question
        assert "15 exercises, 9 small steps and 3 honest sentences" in question
        assert str(durf_home) in question
        await pilot.press("y")
        await pilot.pause()
        await pilot.pause()
        assert app.practice.state == State()
        assert len(app.screen_stack) == 1  # back at the start
        assert [n.message for n in app._notifications][-1] == "Everything is deleted."
    assert sorted(path.name for path in durf_home.iterdir()) == ["exercises"]
    assert (exercises / "mine.toml").exists()


async def test_no_escape_or_enter_delete_nothing(durf_home: Path) -> None:
    kept = with_everything(durf_home)
    before = sorted((path.name, path.read_bytes()) for path in durf_home.iterdir())
    app = make_app(durf_home, cli_language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        for keys in (["n"], ["escape"], ["enter", "escape"]):
            await open_forget_question(pilot)
            await pilot.press(*keys)
            await pilot.pause()
            assert isinstance(app.screen, SettingsScreen)
            await pilot.press("escape")
        assert app.practice.state == kept
    after = sorted((path.name, path.read_bytes()) for path in durf_home.iterdir())
    assert after == before


async def test_after_deleting_a_new_change_starts_a_fresh_file(durf_home: Path) -> None:
    with_everything(durf_home)
    app = make_app(durf_home, cli_language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_forget_question(pilot)
        await pilot.press("y")
        await pilot.pause()
        app.attempt(lambda: app.practice.data.change_settings(sound_cue=True))
    # The one setting, with the time it was changed (kept for a sync tool's conflict copies).
    settings = State().settings.model_copy(
        update={"sound_cue": True, "changed_at": {"sound_cue": FROZEN_NOW}}
    )
    assert Store(durf_home).load() == State().model_copy(update={"settings": settings})
    assert not (durf_home / "state.json.bak").exists()


async def test_an_exercise_open_underneath_is_not_saved_again(durf_home: Path) -> None:
    with_everything(durf_home)
    app = make_app(durf_home, cli_language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await start_breathing(pilot, 6)
        app.clock.advance(20)
        app.screen.catch_up()  # type: ignore[attr-defined]
        await pilot.pause()
        await open_forget_question(pilot)
        await pilot.press("y")
        await pilot.pause()
        await pilot.pause()
        assert len(app.screen_stack) == 1
        app.keep_everything()  # what quitting or a closed terminal does
    assert not durf_home.exists(), (durf_home / "state.json").read_text()[:3000]


# -- the export dialog -------------------------------------------------------------------


async def test_the_export_dialog_writes_a_private_journal(durf_home: Path) -> None:
    with_everything(durf_home)
    app = make_app(durf_home, cli_language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.action_export()
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        path = app.screen.query_one("#export-path", Input)
        assert path.value == "~/durf-2026-11-21.md"
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
    written = Path.home() / "durf-2026-11-21.md"
    assert written.read_text("utf-8").startswith("# durf: your journal\n")
    assert "Sentences waiting to be said" in written.read_text("utf-8")
    assert stat.S_IMODE(written.stat().st_mode) == 0o600


async def test_choosing_a_format_changes_the_suffix_and_the_file(durf_home: Path) -> None:
    with_everything(durf_home)
    app = make_app(durf_home, cli_language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.action_export()
        await pilot.pause()
        await pilot.press("shift+tab", "down", "down", "space")  # the format list: JSON
        await pilot.pause()
        assert app.screen.query_one("#export-path", Input).value == "~/durf-2026-11-21.json"
        await pilot.press("enter")
        await pilot.pause()
    written = Path.home() / "durf-2026-11-21.json"
    assert written.read_bytes() == (durf_home / "state.json").read_bytes()


async def test_an_existing_file_is_replaced_only_after_yes(durf_home: Path) -> None:
    with_everything(durf_home)
    target = Path.home() / "durf-2026-11-21.md"
    target.write_text("my own notes", "utf-8")
    app = make_app(durf_home, cli_language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.action_export()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CarefulConfirmScreen)
        assert str(target) in screen_text(app)
        await pilot.press("enter")  # Enter alone never replaces a file
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert target.read_text("utf-8") == "my own notes"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
    assert target.read_text("utf-8").startswith("# durf: your journal\n")


async def test_a_problem_is_shown_with_the_path_exactly_as_typed(durf_home: Path) -> None:
    with_everything(durf_home)
    app = make_app(durf_home, cli_language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.action_export()
        await pilot.pause()
        path = app.screen.query_one("#export-path", Input)
        path.value = "/nowhere/[b]not bold[/b]/journal.md"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        shown = screen_text(app)
        assert "The folder /nowhere/[b]not bold[/b] does not exist" in shown
        assert "Nothing was written." in shown


async def test_the_command_palette_offers_the_export(durf_home: Path) -> None:
    app = make_app(durf_home, cli_language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        commands = {command.title: command for command in app.get_system_commands(app.screen)}
        commands["Export your data"].callback()
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
