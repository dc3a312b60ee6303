"""Settings change at once, are saved at once, and are there after a restart."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import RadioButton, Select, Switch

from durf.core.i18n import get_language, set_language
from durf.core.state import Settings
from durf.core.store import Store
from durf.screens.data.settings import SettingsScreen
from durf.screens.home import HomeScreen
from tests.app.conftest import make_app, palette_offers, screen_text, settle, wait_until


def saved_settings(home: Path) -> dict:
    return json.loads((home / "state.json").read_text("utf-8"))["settings"]


async def test_switching_to_dutch_rebuilds_the_screens_and_is_saved(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("6")
        await pilot.click("RadioButton")  # Nederlands comes first
        await pilot.pause()
        assert get_language() == "nl"
        assert isinstance(app.screen, SettingsScreen)
        assert "durf · Instellingen" in screen_text(app)
        assert "terug" in screen_text(app)
        await pilot.press("escape")
        assert "Welkom bij durf" in screen_text(app)
    assert saved_settings(durf_home)["language"] == "nl"


async def test_keyboard_only_language_change(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("6")  # the language choice has the focus first
        assert app.focused is app.screen.query_one("#language")
        await pilot.press("left", "enter")
        await pilot.pause()
        assert get_language() == "nl"
        assert app.screen.query_one(RadioButton).value is True


async def test_choices_survive_a_restart(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("6")
        app.screen.query_one("#theme", Select).value = "nord"
        await pilot.click("#reduced-motion")
        await pilot.click("#sound-cue")
        await pilot.pause()
    saved = saved_settings(durf_home)
    assert (saved["language"], saved["theme"], saved["reduced_motion"], saved["sound_cue"]) == (
        None,
        "nord",
        True,
        True,
    )
    again = make_app(durf_home)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert again.theme == "nord"
        assert again.animation_level == "none"
        await pilot.press("6")
        assert again.screen.query_one("#reduced-motion", Switch).value is True
        assert again.screen.query_one("#sound-cue", Switch).value is True


async def test_theme_from_the_command_palette_is_saved(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.action_change_theme()
        await pilot.pause()
        await pilot.press(*"gruvbox")
        await wait_until(pilot, lambda: palette_offers(app, "gruvbox"), "the palette to offer it")
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "gruvbox"
    assert saved_settings(durf_home)["theme"] == "gruvbox"


async def test_an_unknown_saved_theme_falls_back_with_a_notice(durf_home: Path) -> None:
    Store(durf_home).update(lambda s: s.model_copy(update={"settings": Settings(theme="[red]x")}))
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme == "textual-dark"
        messages = [n.message for n in app._notifications]
        assert any("“[red]x” is not available" in message for message in messages), messages


async def test_textual_animations_none_is_honoured_and_explained(
    durf_home: Path, monkeypatch
) -> None:
    app = make_app(durf_home)
    monkeypatch.setattr(app, "environment_animation_level", "none")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.reduced_motion
        await pilot.press("6")
        assert "TEXTUAL_ANIMATIONS=none" in screen_text(app)


async def test_saved_language_is_used_on_the_next_start(durf_home: Path) -> None:
    from durf.__main__ import main  # noqa: F401  (language is chosen in main before the app)
    from durf.core.i18n import detect_language
    from durf.core.quicklook import quick_look

    Store(durf_home).update(lambda s: s.model_copy(update={"settings": Settings(language="nl")}))
    set_language(detect_language(None, quick_look(durf_home).setting("language", str), {}))
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert "Welkom bij durf" in screen_text(app)


async def test_settings_restored_from_a_backup_take_effect(durf_home: Path) -> None:
    store = Store(durf_home)
    store.update(lambda s: s.model_copy(update={"settings": Settings(language="nl", theme="nord")}))
    store.update(lambda s: s)  # the backup now holds the Dutch settings too
    (durf_home / "state.json").write_bytes(b"garbage")
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.pause()
        assert get_language() == "nl"
        assert app.theme == "nord"
        assert "Welkom bij durf" in screen_text(app)
