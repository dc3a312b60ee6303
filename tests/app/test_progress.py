"""The dashboard, the home card and the history, as a user meets them."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import OptionList

from durf.core.i18n import set_language
from durf.core.state import State
from durf.core.store import Store
from durf.screens.home import HomeScreen
from durf.screens.progress.dashboard import DashboardScreen
from durf.screens.progress.entry import EntryScreen
from durf.screens.progress.history import HistoryScreen
from tests.app.conftest import FROZEN_NOW, make_app, screen_text, settle
from tests.core.factories import practice_story, session

HOSTILE = "[b]not bold[/b] \x1b[31mred? [/] 🧑‍🤝‍🧑 你好 שלום"


def with_story(home: Path, language: str = "en") -> State:
    story = practice_story(language, FROZEN_NOW)
    Store(home).update(lambda _: story)
    return story


def rows(app) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """The entry screen's rows as label -> value, as shown."""
    shown = {}
    for row in app.screen.query(".row"):
        label, value = row.query(".label").first(), row.query(".value").first()
        shown[str(label.render())] = str(value.render())
    return shown


def listed(app) -> list[str]:  # type: ignore[no-untyped-def]
    listing = app.screen.query_one("#history-list", OptionList)
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


async def test_the_dashboard_tells_the_story_of_the_weeks(durf_home: Path) -> None:
    story = with_story(durf_home)
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("5")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        text = screen_text(app)
        assert "6 days in a row. Every day you come back counts." in text
        breathe = [r for r in story.history if r.exercise == "breathe"]
        assert f"Breathe   {len(breathe)} times" in text
        assert "Tension before and after breathing" in text
        assert "Sentences waiting to be said (3)" in text
        assert "“It feels scary to tell you this.”" in text
        # Everything fits an 80x24 window without scrolling.
        board = app.screen.query_one("#dashboard")
        assert board.max_scroll_y == 0


async def test_the_dashboard_follows_changes_and_stays_readable_when_narrow(
    durf_home: Path,
) -> None:
    story = with_story(durf_home)
    app = make_app(durf_home)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await pilot.press("5")
        await pilot.pause()
        assert app.screen.has_class("-narrow")
        charts = app.screen.query_one("#charts")
        figures = app.screen.query_one("#figures")
        assert figures.region.y >= charts.region.bottom  # stacked, each the full width
        assert figures.region.width >= 50
        app.practice.breathing.answer_sentence(story.sentences[-1].id, "said")
        await pilot.pause()
        assert "Sentences waiting to be said (2)" in screen_text(app)


async def test_the_home_card_shows_the_week_beside_the_menu(durf_home: Path) -> None:
    with_story(durf_home)
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        card = str(app.screen.query_one("#glance").render())
        assert card.startswith("This week you practised on 6 days\n")
        assert "Tension 6.4 → 3.8 with breathing" in card or "Tension " in card
        assert "This week: ✓1 →1 ·1 ○1" in card
        menu = app.screen.query_one("#menu")
        glance = app.screen.query_one("#glance")
        assert glance.region.x >= menu.region.right
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert not app.screen.query_one("#glance").display
        assert "6 days in a row" in str(app.screen.query_one("#progress").render())


async def test_a_first_run_home_card_is_a_welcome_not_zeros(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        card = str(app.screen.query_one("#glance").render())
        assert card.startswith("Welcome to durf.")
        assert "0" not in card


async def test_history_filters_by_exercise_and_week(durf_home: Path) -> None:
    story = with_story(durf_home)
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("5", "h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        everything = listed(app)
        lone_steps = 2  # made smaller, and moved on: steps without a guide session
        assert len(everything) == len(story.history) + lone_steps
        assert f"{len(everything)} entries" in screen_text(app)

        await pilot.press("tab")  # breathing only
        breathing = listed(app)
        assert breathing and all("Breathe" in line for line in breathing)
        assert len(breathing) == sum(r.exercise == "breathe" for r in story.history)

        await pilot.press("left")  # the latest week that holds anything: this one
        this_week = listed(app)
        assert "Week 47 · 16–22 November 2026 · this week" in screen_text(app)
        assert 0 < len(this_week) < len(breathing)
        assert all(line.split()[1] in {"16", "17", "18", "19", "20", "21"} for line in this_week)

        await pilot.press("left")  # the week before
        assert "Week 46" in screen_text(app)
        # All weeks; then affirm, step, and all again (no kind without entries comes up).
        await pilot.press("a", "tab", "tab", "tab")
        assert listed(app) == everything


async def test_a_filter_that_matches_nothing_says_what_to_do(durf_home: Path) -> None:
    history = [
        session(FROZEN_NOW - timedelta(days=7), exercise="affirm"),
        session(FROZEN_NOW, exercise="breathe"),
    ]
    Store(durf_home).update(lambda state: state.model_copy(update={"history": history}))
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("5", "h", "tab", "left")  # breathing, this week
        assert len(listed(app)) == 1
        await pilot.press("left")  # last week held only affirmations
        assert listed(app) == []
        assert "Nothing matches this choice. Press a for all weeks" in screen_text(app)


async def test_an_entry_shows_what_was_typed_exactly(durf_home: Path) -> None:
    record = session(
        FROZEN_NOW - timedelta(hours=1),
        tension_before=7,
        tension_after=3,
        sentence=HOSTILE + "\nsecond line",
        for_whom="[i]Sam[/i]",
        areas=["throat", "a place of my own"],
    )
    Store(durf_home).update(lambda state: state.model_copy(update={"history": [record]}))
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("5", "h", "enter")
        await pilot.pause()
        assert isinstance(app.screen, EntryScreen)
        shown = rows(app)
        assert (
            shown["Honest sentence"]
            == "[b]not bold[/b] ␛[31mred? [/] 🧑‍🤝‍🧑 你好 שלום\nsecond line"
        )
        assert shown["For"] == "[i]Sam[/i]"
        assert shown["Tension in"] == "Throat, a place of my own"
        assert shown["Tension before"] == "7"
        await pilot.press("escape")
        assert isinstance(app.screen, HistoryScreen)


async def test_a_step_entry_shows_the_guide_and_the_look_back(durf_home: Path) -> None:
    with_story(durf_home)
    app = make_app(durf_home)
    async with app.run_test(size=(80, 40)) as pilot:
        await settle(pilot)
        await pilot.press("5", "h", "tab", "tab", "tab")  # small steps only
        lines = listed(app)
        looked_back = next(
            i for i, line in enumerate(lines) if "looked back  Ask Sam one question" in line
        )
        app.screen.query_one("#history-list", OptionList).highlighted = looked_back
        await pilot.press("enter")
        await pilot.pause()
        shown = rows(app)
        assert shown["What happened"] == "I asked right after the meeting. It took ten seconds."
        assert shown["Their reaction"] == "Sam smiled and drew it on the whiteboard."
        assert shown["Towards"] == "Ask for help at work without shame"  # the ladder's desire


async def test_a_long_history_lists_the_latest_and_says_so(durf_home: Path) -> None:
    history = [session(FROZEN_NOW - timedelta(hours=6 * n)) for n in range(620, 0, -1)]
    Store(durf_home).update(lambda state: state.model_copy(update={"history": history}))
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("5", "h")
        assert len(listed(app)) == 500
        assert "The latest 500 of 620. Choose a week with ← → to see older ones." in (
            screen_text(app)
        )
        await pilot.press("left")
        assert 0 < len(listed(app)) <= 28


async def test_history_and_dashboard_in_dutch(durf_home: Path) -> None:
    with_story(durf_home, "nl")
    set_language("nl")
    app = make_app(durf_home, cli_language="nl")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert "Spanning 6,4 → 3,8 bij het ademen" in str(app.screen.query_one("#glance").render())
        await pilot.press("5")
        assert "6 dagen op rij. Elke dag dat je terugkomt, telt." in screen_text(app)
        await pilot.press("h", "tab")
        assert all("Ademen" in line for line in listed(app))


async def test_an_empty_history_says_what_will_come(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("5")
        assert "Nothing here yet. Your first practice will show up here" in screen_text(app)
        await pilot.press("h", "left", "right", "tab")
        assert "Nothing here yet. Every exercise you do will be listed here." in (screen_text(app))
