"""Moving around the app with the keyboard, as a new user would."""

from __future__ import annotations

import json
from pathlib import Path

from textual.command import CommandInput, CommandPalette
from textual.widgets import OptionList

from durf.core.i18n import set_language
from durf.core.state import HonestSentence, State
from durf.core.store import Store
from durf.screens.about import AboutScreen
from durf.screens.data.settings import SettingsScreen
from durf.screens.help import HelpScreen
from durf.screens.home import HomeScreen
from tests.app.conftest import (
    FROZEN_NOW,
    make_app,
    palette_offers,
    palette_shows,
    screen_text,
    settle,
    wait_until,
)
from tests.core.factories import state_with_sessions


async def test_first_run_shows_a_welcome_and_the_menu(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        text = screen_text(app)
        assert "Welcome to durf" in text
        assert "Ctrl+Q quit" in text
        assert app.screen.query_one("#menu", OptionList).option_count == 9


async def test_home_shows_progress_once_there_is_history(durf_home: Path) -> None:
    from durf.core.store import Store

    Store(durf_home).update(lambda _: state_with_sessions(400))
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "This week you practised on 6 days" in screen_text(app)


async def test_number_keys_enter_and_escape(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("6")
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("down", "down", "enter")
        assert isinstance(app.screen, AboutScreen)
        await pilot.press("escape", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, HomeScreen)


async def test_mouse_opens_a_menu_entry(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        # Settings, the sixth entry: one row each, below the border.
        await pilot.click("#menu", offset=(10, 6))
        assert isinstance(app.screen, SettingsScreen)


async def test_about_shows_the_safety_line_and_the_data_path_literally(tmp_path: Path) -> None:
    home = tmp_path / "[b]odd[/b] home"
    app = make_app(home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("8")
        text = screen_text(app)
        assert "If you feel dizzy or light-headed, breathe normally again." in text
        assert str(home / "state.json") in text


async def test_ctrl_q_quits_from_any_screen(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("6", "ctrl+q")
        # The keys wait for the state to be read, then settings opens and durf quits.
        await wait_until(pilot, lambda: app.return_code is not None, "durf to quit")
    assert app.return_code == 0


async def test_ctrl_c_explains_how_to_quit_in_dutch(durf_home: Path) -> None:
    set_language("nl")
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+c")
        # Keys pressed before the state is read wait for it: so does this test.
        await settle(pilot)
        [notification] = list(app._notifications)
        assert notification.message == "Druk op Ctrl+Q om durf te sluiten. Alles is al bewaard."
        assert app.is_running


async def test_command_palette_speaks_dutch_and_opens_settings(durf_home: Path) -> None:
    set_language("nl")
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await settle(pilot)  # the key waits for the state to be read
        assert CommandPalette.is_open(app)
        assert app.screen.query_one(CommandInput).placeholder == "Zoek een oefening of instelling…"
        await pilot.press(*"instellingen")
        await wait_until(
            pilot, lambda: palette_offers(app, "Instellingen"), "the palette to find the settings"
        )
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)


async def test_command_palette_says_nothing_found_in_dutch(durf_home: Path) -> None:
    set_language("nl")
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p", *"qqqqzz")
        # The palette says so only after a moment of finding nothing.
        await wait_until(
            pilot, lambda: palette_shows(app, "Niets gevonden"), "the palette to find nothing"
        )
        options = app.screen.query_one(OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert len(prompts) == 1 and "Niets gevonden" in prompts[0], prompts


async def test_a_window_too_small_shows_a_calm_notice(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(50, 15)) as pilot:
        await pilot.pause()
        notice = app.screen.query_one("#too-small")
        assert notice.display and notice.region.width > 0
        assert app.screen.query_one("#menu").region.width == 0
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.screen.query_one("#menu").region.width > 0
        assert notice.region.width == 0


async def test_a_corrupt_state_file_is_moved_aside_with_a_notice(durf_home: Path) -> None:
    durf_home.mkdir()
    (durf_home / "state.json").write_text('{"schema_version": 1, "history": [', "utf-8")
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        [aside] = list(durf_home.glob("state.json.corrupt-*"))
        messages = [n.message for n in app._notifications]
        assert any(str(aside) in message for message in messages), messages
    assert aside.read_text("utf-8") == '{"schema_version": 1, "history": ['


async def test_a_bad_user_exercise_file_is_announced_once(durf_home: Path) -> None:
    (durf_home / "exercises").mkdir(parents=True)
    bad = durf_home / "exercises" / "[oops].toml"
    bad.write_text("kind = 'breathing'\n", "utf-8")
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        [notification] = list(app._notifications)
        assert str(bad) in notification.message
        assert "name: this field is required" in notification.message


async def test_a_newer_state_file_stops_the_app_with_a_message(durf_home: Path) -> None:
    durf_home.mkdir()
    # Hand-spaced, so the quick look before start-up cannot see the version.
    (durf_home / "state.json").write_text(json.dumps({"settings": {}, "schema_version": 7}))
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
    assert app.fatal_message and "newer durf" in app.fatal_message


def test_every_key_bar_fits_in_a_60_column_window_in_both_languages() -> None:
    import durf.screens.affirm.belief as belief
    import durf.screens.affirm.choose as affirm
    import durf.screens.affirm.own as own
    import durf.screens.affirm.practise as affirm_session
    import durf.screens.affirm.setup as affirm_setup
    import durf.screens.breathe.breathing as breathe
    import durf.screens.breathe.checkin as checkin
    import durf.screens.breathe.checkout as checkout
    import durf.screens.breathe.rehearse as rehearse
    import durf.screens.breathe.sentence as sentence
    import durf.screens.breathe.setup as setup
    import durf.screens.data.settings as settings
    from durf.widgets.keybar import hints_content

    bars = [
        HomeScreen.KEY_HINTS,
        HomeScreen.FOLLOW_UP_HINTS,
        settings.SettingsScreen.KEY_HINTS,
        checkin.CheckInScreen.KEY_HINTS,
        setup.SetupScreen.KEY_HINTS,
        breathe.BreatheScreen.KEY_HINTS,
        sentence.SentenceScreen.KEY_HINTS,
        rehearse.RehearseScreen.KEY_HINTS,
        checkout.CheckOutScreen.KEY_HINTS,
        affirm.AffirmScreen.KEY_HINTS,
        own.OwnScreen.KEY_HINTS,
        affirm_setup.AffirmSetupScreen.KEY_HINTS,
        belief.BeliefScreen.KEY_HINTS,
        affirm_session.AffirmSessionScreen.KEY_HINTS,
    ]
    for language in ("en", "nl"):
        set_language(language)
        for hints in bars:
            width = len(hints_content(hints).plain)
            assert width <= 58, (language, hints_content(hints).plain)


async def test_answering_the_last_waiting_sentence_gives_the_keys_back_to_the_menu(
    durf_home: Path,
) -> None:
    waiting = [
        HonestSentence(id=f"s{n}", text=f"Sentence {n}", created_at=FROZEN_NOW) for n in (1, 2)
    ]
    Store(durf_home).update(lambda _state: State(sentences=waiting))
    app = make_app(durf_home)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "Sentences waiting" in screen_text(app)
        await pilot.press("tab", "y", "x")  # into the list; said the one, let the other go
        await wait_until(pilot, lambda: "Sentences waiting" not in screen_text(app), "gone")
        menu = app.screen.query_one("#menu", OptionList)
        assert menu.has_focus
        await pilot.press("down", "down")
        assert menu.highlighted == 2
