"""The core quadrant as a user walks through it: ticks, own words, the sentence, the
summary, looking again, redoing, and leaving half way."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, SelectionList

from durf.core.i18n import set_language
from durf.core.paths import bundled_exercises_dir
from durf.core.state import State
from durf.screens.confirm import ConfirmScreen
from durf.screens.home import HomeScreen
from durf.screens.progress.entry import EntryScreen
from durf.screens.quadrant.summary import QuadrantChoiceScreen, QuadrantSummaryScreen
from durf.screens.quadrant.walk import QuadrantScreen
from durf.screens.session.breathing import SessionCheckOut
from durf.screens.session.quadrant import SessionQuadrant, SessionQuadrantSummary
from tests.app.conftest import make_app, saved, screen_text, settle

OWN = "[b]my own[/b] words"


def quadrants(home: Path) -> list[dict]:
    return [r for r in saved(home)["history"] if r["exercise"] == "quadrant"]


def corner(app, name: str) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(f"#corner-{name}").render())


async def walk_through(pilot, sentence: str) -> None:  # type: ignore[no-untyped-def]
    """Tick on every page, write on two, then the sentence: the keys a user presses."""
    await pilot.press("space", "down", "down", "space", "tab", *OWN, "enter")  # quality
    await pilot.press("space", "pagedown")  # pitfall
    await pilot.press("down", "space", "pagedown")  # challenge
    await pilot.press("space", "tab", *"they laugh", "enter")  # allergy
    await pilot.press(*sentence, "enter")
    await pilot.pause()


async def test_a_quadrant_walked_through_in_english(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("9")
        await pilot.pause()
        assert isinstance(app.screen, QuadrantScreen)
        assert "Vulnerability · 1 of 5 · Quality" in screen_text(app)
        await walk_through(pilot, "I say I don't know once")
        assert isinstance(app.screen, QuadrantSummaryScreen)
        assert "Saying I don't know (yet)" in corner(app, "quality")
        assert OWN in corner(app, "quality")  # literally, not as bold
        assert "they laugh" in corner(app, "allergy")
        assert "Trusting my own judgement" in corner(app, "challenge")
        assert "You want to practise: “I say I don't know once”" in screen_text(app)
        [record] = quadrants(durf_home)
        assert saved(durf_home)["schema_version"] == 2
        assert record["completed"] is True
        details = record["details"]
        assert details["ticked"] == {
            "quality": ["not-knowing", "feeling"],
            "pitfall": ["careless"],
            "challenge": ["confidence"],
            "allergy": ["judging"],
        }
        assert details["own"] == {
            "quality": OWN,
            "pitfall": "",
            "challenge": "",
            "allergy": "they laugh",
        }
        assert details["sentence"] == "I say I don't know once"

        # Looking again: from home, the last one is shown.
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("9")
        await pilot.pause()
        assert isinstance(app.screen, QuadrantSummaryScreen)
        assert "they laugh" in corner(app, "allergy")

        # Redoing starts from last time's choices; one more tick and a new sentence.
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, QuadrantScreen)
        ticks = app.screen.query_one("#ticks-quality", SelectionList)
        assert ticks.selected == ["not-knowing", "feeling"]
        await pilot.press("down", "space", "pagedown", "pagedown", "pagedown", "pagedown")
        app.screen.query_one("#sentence", Input).value = ""
        await pilot.press(*"Ask for help", "enter")
        await pilot.pause()
        assert isinstance(app.screen, QuadrantSummaryScreen)
        first, second = quadrants(durf_home)
        assert first["details"]["sentence"] == "I say I don't know once"
        assert second["details"]["ticked"]["quality"] == ["not-knowing", "doubt", "feeling"]
        assert second["details"]["sentence"] == "Ask for help" and second["completed"]


async def test_half_way_in_dutch_keeps_the_words_and_carries_on(durf_home: Path) -> None:
    set_language("nl")
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.action_open_quadrant()
        await pilot.pause()
        assert "Kwetsbaarheid · 1 van 5 · Kwaliteit" in screen_text(app)
        assert "Zeggen dat ik het (nog) niet weet" in str(
            app.screen.query_one("#ticks-quality", SelectionList).get_option_at_index(0).prompt
        )
        await pilot.press("space", "tab", *"eigen woorden", "enter", "space", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Stoppen met het kernkwadrant?" in screen_text(app)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        [left] = quadrants(durf_home)
        assert left["completed"] is False
        assert left["details"]["own"]["quality"] == "eigen woorden"
        assert left["details"]["ticked"]["pitfall"] == ["careless"]
        assert left["details"]["page"] == 1

        await pilot.press("9")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuadrantScreen) and screen.page == 1
        assert "2 van 5 · Valkuil" in screen_text(app)
        assert screen.query_one("#own-quality", Input).value == "eigen woorden"
        # Leaving again without a change keeps no copy.
        await pilot.press("escape")
        await pilot.pause()
        if isinstance(app.screen, ConfirmScreen):
            await pilot.press("y")
        assert len(quadrants(durf_home)) == 1

        await pilot.press("9")
        await pilot.pause()
        await pilot.press("pagedown", "pagedown", "pagedown", *"Eén keer nee zeggen", "enter")
        await pilot.pause()
        assert isinstance(app.screen, QuadrantSummaryScreen)
        assert "Je kernkwadrant: Kwetsbaarheid" in screen_text(app)
        assert "eigen woorden" in corner(app, "quality")
        assert "Je wilt oefenen: “Eén keer nee zeggen”" in screen_text(app)
        first, done = quadrants(durf_home)
        assert done["completed"] and done["details"]["continues"] == first["id"]
        assert done["details"]["own"]["quality"] == "eigen woorden"


async def test_quitting_half_way_keeps_the_walk(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("9", "tab", *"said on the way out", "ctrl+q")
        await pilot.pause()
    [left] = quadrants(durf_home)
    assert left["details"]["own"]["quality"] == "said on the way out"
    assert left["completed"] is False


async def test_the_history_shows_it_and_opens_it_again(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("9")
        await pilot.pause()
        await walk_through(pilot, "Once a week")
        await pilot.press("escape")
        app.action_open_history()
        await pilot.pause()
        assert "Quadrant" in screen_text(
            app
        ) and "Quadrant   5 ticked  “Once a week”" in screen_text(app)
        assert "“Once a week”" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EntryScreen)
        text = screen_text(app)
        assert "Core quadrant" in text and "Vulnerability" in text
        assert (
            "• Saying I don't know (yet)\n"
            f"• Saying what I feel, even when it is uncomfortable\n{OWN}" in text
        )
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuadrantSummaryScreen)
        assert "they laugh" in corner(app, "allergy")


async def test_with_a_quadrant_of_your_own_you_choose(durf_home: Path) -> None:
    source = (bundled_exercises_dir() / "quadrants" / "vulnerability.toml").read_text("utf-8")
    own = source.replace('id = "vulnerability"', 'id = "care"').replace(
        'en = "Vulnerability"', 'en = "Caring [for] others"'
    )
    (durf_home / "exercises").mkdir(parents=True)
    (durf_home / "exercises" / "care.toml").write_text(own, "utf-8")
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("9")
        await pilot.pause()
        assert isinstance(app.screen, QuadrantChoiceScreen)
        assert "Caring [for] others" in screen_text(app)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, QuadrantScreen)
        assert app.screen.flow.quadrant.id == "care"
        assert "Caring [for] others · 1 of 5" in screen_text(app)


async def test_a_long_session_offers_the_quadrant_in_place_of_the_question(
    durf_home: Path,
) -> None:
    from tests.app.test_session import planned_step, session_record, start_with

    start_with(durf_home, State(steps=[planned_step()]))
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("1", *["right"] * 5)
        await pilot.pause()
        text = screen_text(app)
        assert "Core quadrant" in text and "One question" not in text
        await pilot.press("enter", "s", "n")  # the check-in, the breathing passed by
        await pilot.pause()
        await pilot.press("n")  # the affirmations
        await pilot.pause()
        await pilot.press("n")  # this week's step, for another time
        await pilot.pause()
        assert isinstance(app.screen, SessionQuadrant)
        assert "durf · Session 5/6 · Core quadrant" in screen_text(app)
        await pilot.press("space", "pagedown", "pagedown", "pagedown", "pagedown")
        await pilot.press(*"Say no once", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionQuadrantSummary)
        assert "Saying I don't know (yet)" in corner(app, "quality")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionCheckOut)
        await pilot.press("enter")
        await pilot.pause()
    record = session_record(durf_home)
    [part] = [p for p in record["details"]["parts"] if p["kind"] == "quadrant"]
    [walk] = quadrants(durf_home)
    assert part == {"kind": "quadrant", "status": "done", "record_id": walk["id"]}
    assert walk["details"]["session"] == record["id"] and walk["completed"]
    assert walk["details"]["sentence"] == "Say no once"


async def test_the_palette_opens_it_by_name_in_dutch(durf_home: Path) -> None:
    from textual.command import CommandList

    set_language("nl")
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"kernkwadrant")
        # The palette searches in the background: wait until it has found the command.
        for _ in range(200):
            found = app.screen.query(CommandList)
            if found and found.first().option_count:
                break
            await pilot.pause()
        assert "Kernkwadrant" in str(
            app.screen.query_one(CommandList).get_option_at_index(0).prompt
        )
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuadrantScreen)
