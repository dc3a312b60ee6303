"""Small steps as a user meets them: the guide, its draft, the board, smaller, done, moved."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, TextArea

from durf.screens.steps.board import StepBoardScreen
from durf.screens.steps.form import StepFormScreen
from durf.screens.steps.guide import GuideScreen
from durf.screens.steps.reflect import ReflectScreen
from tests.app.conftest import FROZEN_NOW as FROZEN
from tests.app.conftest import make_app, saved, saved_draft, screen_text, settle, wait_until

ANSWERS = [
    "If I say I'm lost, they think I'm weak.",
    "That they go quiet.",
    "It may be fine.",
    "Ask for help without shame",
    "Ask Sam one question about the report",
]


async def open_guide(pilot) -> None:  # type: ignore[no-untyped-def]
    """From the home screen: Small steps, then n for a new step."""
    await settle(pilot)
    await pilot.press("4")
    await pilot.pause()
    assert isinstance(pilot.app.screen, StepBoardScreen)
    await pilot.press("n")
    await pilot.pause()
    assert isinstance(pilot.app.screen, GuideScreen)


async def write(pilot, text: str, selector: str = "") -> None:  # type: ignore[no-untyped-def]
    """Put ``text`` in a text box as an edit (as a paste would), much quicker than key by key.

    Without ``selector``: the guide's text box on the page shown.
    """
    screen = pilot.app.screen
    box = screen.query_one(selector, TextArea) if selector else screen.answer_box()
    box.clear()
    box.insert(text)
    await pilot.pause()


async def write_answers(pilot, answers: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Write each answer on its page and go on."""
    for answer in answers:
        await write(pilot, answer)
        await pilot.press("pagedown")
        await pilot.pause()


async def plan_a_step(pilot, *, person: str = "", scariness: str = "5") -> None:  # type: ignore[no-untyped-def]
    """Walk the whole guide to a planned step."""
    await open_guide(pilot)
    await write_answers(pilot, ANSWERS)
    if person:
        pilot.app.screen.query_one("#with-whom", Input).value = person
        await pilot.pause()
    screen = pilot.app.screen
    screen.query_one("#scariness").focus()
    await pilot.press(scariness, "pagedown")
    await pilot.pause()
    await pilot.pause()


async def test_walking_the_guide_plans_a_step_with_every_answer_kept(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(100, 34)) as pilot:
        await plan_a_step(pilot, person="Sam")
        assert isinstance(app.screen, StepBoardScreen)
        text = screen_text(app)
        assert "Ask Sam one question about the report" in text
        assert "with Sam" in text
        assert "daunting 5/10" in text
        assert "Ask for help without shame" in text  # the ladder
    (step,) = saved(durf_home)["steps"]
    assert step["what"] == ANSWERS[4]
    assert step["guide"] == dict(
        zip(["thoughts", "fear", "accept", "desire"], ANSWERS[:4], strict=True)
    )
    assert step["week"] == "2026-W47"
    assert step["with_whom"] == "Sam"
    assert saved(durf_home)["step_draft"] is None


async def test_back_and_forward_keep_what_was_typed(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(100, 34)) as pilot:
        await open_guide(pilot)
        await write_answers(pilot, ANSWERS[:2])
        await pilot.press("pageup")
        await pilot.pause()
        assert app.screen.answer_box().text == ANSWERS[1]
        await pilot.press("pageup")
        await pilot.pause()
        assert app.screen.answer_box().text == ANSWERS[0]
        await pilot.press("pagedown", "pagedown")
        await pilot.pause()
        assert app.screen.answer_box().text == ""
        assert "3 of 5" in screen_text(app)


async def test_the_step_itself_cannot_be_empty(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(100, 34)) as pilot:
        await open_guide(pilot)
        await write_answers(pilot, ["", "", "", ""])
        await pilot.press("pagedown")
        await pilot.pause()
        assert "5 of 5" in screen_text(app)
        assert any("few words" in str(n.message) for n in app._notifications)


async def test_the_draft_is_saved_while_typing_and_comes_back_after_a_restart(
    durf_home: Path,
) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(100, 34)) as pilot:
        await open_guide(pilot)
        await write_answers(pilot, ANSWERS[:1])
        await pilot.press(*"half a thought")
        typed = {"thoughts": ANSWERS[0], "fear": "half a thought"}

        def on_disk() -> bool:
            draft = saved_draft(durf_home)
            return draft is not None and draft["answers"] == typed

        # Saved a moment after the typing stops, without leaving the page.
        await wait_until(pilot, on_disk, "the draft to be saved while typing")
        assert isinstance(app.screen, GuideScreen)
        # Not quit: as if the terminal closed. The draft is already on disk.
        assert saved_draft(durf_home)["page"] == 1

    again = make_app(durf_home)
    async with again.run_test(size=(100, 34)) as pilot:
        await open_guide(pilot)
        assert again.screen.answer_box().text == "half a thought"
        assert "2 of 5" in screen_text(again)
        await pilot.press("pageup")
        await pilot.pause()
        assert again.screen.answer_box().text == ANSWERS[0]


async def test_quitting_mid_guide_keeps_the_last_keys(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(100, 34)) as pilot:
        await open_guide(pilot)
        await pilot.press(*"typed just before", "ctrl+q")
        await pilot.pause()
    assert saved(durf_home)["step_draft"]["answers"]["thoughts"] == "typed just before"


async def test_opening_and_leaving_the_guide_without_typing_leaves_no_draft(
    durf_home: Path,
) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(100, 34)) as pilot:
        await open_guide(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StepBoardScreen)
        assert "draft" not in screen_text(app)
    assert not (durf_home / "state.json").exists() or saved(durf_home).get("step_draft") is None


async def test_a_scary_step_is_offered_smaller_first(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(100, 34)) as pilot:
        await plan_a_step(pilot, scariness="9")
        assert "take a smaller step first" in screen_text(app).lower() or app.screen.query(
            "#question"
        )
        await pilot.press("y")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, GuideScreen)
        assert "A smaller step" in screen_text(app)
        answer = app.screen.answer_box()
        assert answer.text == ANSWERS[4]
        answer.text = "Send Sam one line"
        await pilot.press("pagedown")
        await pilot.pause()
        app.screen.query_one("#scariness").focus()
        await pilot.press("4", "pagedown")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, StepBoardScreen)
    (step,) = saved(durf_home)["steps"]
    assert (step["what"], step["scariness"]) == ("Send Sam one line", 4)


async def test_accepting_smaller_then_keeping_the_step_as_it_was_plans_it(
    durf_home: Path,
) -> None:
    # Finding 12: the offer taken, the words left as they were: the step is planned
    # and the board shows it, not an empty first page of the guide.
    app = make_app(durf_home)
    async with app.run_test(size=(100, 34)) as pilot:
        await plan_a_step(pilot, scariness="9")
        await pilot.press("y")
        assert isinstance(app.screen, GuideScreen)
        await pilot.press("pagedown", "pagedown")
        await pilot.pause()
        assert isinstance(app.screen, StepBoardScreen)
        assert ANSWERS[4] in screen_text(app)
        assert not any(isinstance(screen, GuideScreen) for screen in app.screen_stack)
    state = saved(durf_home)
    (step,) = state["steps"]
    assert (step["what"], step["scariness"], step["status"]) == (ANSWERS[4], 9, "planned")
    assert state.get("step_draft") is None


async def test_saying_no_to_smaller_plans_the_step_as_it_is(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(100, 34)) as pilot:
        await plan_a_step(pilot, scariness="8")
        await pilot.press("n")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, StepBoardScreen)
    assert saved(durf_home)["steps"][0]["scariness"] == 8


async def test_make_it_smaller_then_done_with_a_reflection(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(100, 34)) as pilot:
        await plan_a_step(pilot, person="Sam", scariness="7")
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, StepFormScreen)
        assert ANSWERS[4] in screen_text(app)
        await write(pilot, "Send Sam one line", "#what")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, StepBoardScreen)
        text = screen_text(app)
        assert "made smaller" in text
        assert "Send Sam one line" in text
        assert app.screen.highlighted_step.what == "Send Sam one line"

        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReflectScreen)
        assert "How did Sam react?" in screen_text(app)
        await pilot.press(*"I sent it.", "tab")
        await write(pilot, "Kind.", "#their-reaction")
        await write(pilot, "Asking is normal.", "#learned")
        app.screen.query_one("#scariness-after").focus()
        await pilot.press("2")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, StepBoardScreen)
        assert "felt 2/10" in screen_text(app)
        assert "1 step done" in screen_text(app)
    big, small = saved(durf_home)["steps"]
    assert big["status"] == "smaller"
    assert small["status"] == "done"
    assert small["smaller_of"] == big["id"]
    assert small["reflection"]["their_reaction"] == "Kind."
    assert small["reflection"]["scariness_after"] == 2


async def test_leaving_a_reflection_keeps_the_words_but_not_done(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(100, 34)) as pilot:
        await plan_a_step(pilot)
        await pilot.press("enter")
        await pilot.pause()
        await write(pilot, "Not yet, but I wrote this", "#what-happened")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StepBoardScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#what-happened", TextArea).text == "Not yet, but I wrote this"
        # Finding 11: words typed now go after what is there, not glued in front.
        await pilot.press(*" down.", "escape")
        await pilot.pause()
    (step,) = saved(durf_home)["steps"]
    assert step["status"] == "planned"
    assert step["reflection"]["what_happened"] == "Not yet, but I wrote this down."


async def test_a_step_carried_over_starts_with_an_empty_look_back(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(100, 34)) as pilot:
        await plan_a_step(pilot)
        await pilot.press("enter")
        await pilot.pause()
        await write(pilot, "Not this week after all", "#what-happened")
        await pilot.press("escape", "m", "right")
        await pilot.pause()
        assert "week 48" in screen_text(app).lower()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReflectScreen)
        assert app.screen.query_one("#what-happened", TextArea).text == ""
    first, carried = saved(durf_home)["steps"]
    assert first["reflection"]["what_happened"] == "Not this week after all"
    assert carried["moved_from"] == first["id"] and carried["reflection"] is None


async def test_leaving_the_smaller_form_asks_before_dropping_what_was_typed(
    durf_home: Path,
) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(100, 34)) as pilot:
        await plan_a_step(pilot)
        await pilot.press("s")
        await pilot.pause()
        await pilot.press(*"Smaller", "escape")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, StepFormScreen)
        assert app.screen.query_one("#what", TextArea).text == "Smaller"


async def test_move_to_next_week_with_one_key_and_browse_there(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(100, 34)) as pilot:
        await plan_a_step(pilot)
        await pilot.press("m")
        await pilot.pause()
        assert "carried over to next week" in screen_text(app)
        assert any("week 48" in str(n.message) for n in app._notifications)
        await pilot.press("right")
        await pilot.pause()
        text = screen_text(app)
        assert "Week 48" in text
        assert "next week" in text
        assert ANSWERS[4] in text
        assert "planned" in text
        await pilot.press("right")
        await pilot.pause()
        assert "Week 48" in screen_text(app)  # no further than where steps are
        await pilot.press("t")
        await pilot.pause()
        assert "Week 47" in screen_text(app)
    first, carried = saved(durf_home)["steps"]
    assert (first["status"], carried["week"], carried["moved_from"]) == (
        "moved",
        "2026-W48",
        first["id"],
    )


async def test_not_this_time_and_back(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(100, 34)) as pilot:
        await plan_a_step(pilot)
        await pilot.press("x")
        await pilot.pause()
        assert "not this time" in screen_text(app)
        await pilot.press("m")
        await pilot.pause()
        assert saved(durf_home)["steps"][0]["status"] == "not_this_time"
        await pilot.press("u")
        await pilot.pause()
        assert saved(durf_home)["steps"][0]["status"] == "planned"


async def test_editing_a_step(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(100, 34)) as pilot:
        await plan_a_step(pilot)
        await pilot.press("e")
        await pilot.pause()
        what = app.screen.query_one("#what", TextArea)
        assert what.text == ANSWERS[4]
        what.text = "Ask Sam two questions"
        app.screen.query_one("#with-whom", Input).value = "Sam"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Ask Sam two questions" in screen_text(app)
    (step,) = saved(durf_home)["steps"]
    assert (step["what"], step["with_whom"]) == ("Ask Sam two questions", "Sam")


async def test_user_text_on_the_board_is_shown_literally(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(100, 34)) as pilot:
        await open_guide(pilot)
        await write_answers(pilot, ["", "", "", "[b]bold[/b] wish", ""])
        app.screen.answer_box().text = "Say [red]no[/red]\x1b]0;x\x07 once 🙂"
        await pilot.press("pagedown", "pagedown")
        await pilot.pause()
        await pilot.pause()
        text = screen_text(app)
        assert "Say [red]no[/red]␛]0;x␇ once 🙂" in text
        assert "[b]bold[/b] wish" in text
    assert saved(durf_home)["steps"][0]["what"] == "Say [red]no[/red]\x1b]0;x\x07 once 🙂"


async def test_the_board_and_guide_speak_dutch(durf_home: Path) -> None:
    app = make_app(durf_home, cli_language="nl")
    from durf.core.i18n import set_language

    set_language("nl")
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(pilot)
        await pilot.press("4")
        await pilot.pause()
        assert "Nog geen stapje voor deze week" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert "1 van 5 · Je gedachten" in screen_text(app)


async def test_durf_step_new_opens_the_guide_at_start(durf_home: Path) -> None:
    from durf.cli.start_app import _new_step

    app = make_app(durf_home, start=_new_step)
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(pilot)
        await wait_until(
            pilot, lambda: isinstance(app.screen, GuideScreen), "the guide to open at start"
        )
        assert "1 of 5" in screen_text(app)


async def test_a_stop_signal_saves_what_was_just_typed(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(100, 34)) as pilot:
        await open_guide(pilot)
        await pilot.press(*"just typed")
        app._stop_on_signal()  # what SIGHUP and SIGTERM call
        await pilot.pause()
    assert saved(durf_home)["step_draft"]["answers"]["thoughts"] == "just typed"


def test_closing_the_terminal_mid_guide_loses_nothing(durf_home: Path) -> None:
    """The real thing: durf in a pseudo-terminal gets SIGHUP a moment after the last key."""
    import os
    import select
    import signal
    import subprocess
    import sys
    import time

    main, child = os.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
    process = subprocess.Popen(
        [sys.executable, "-m", "durf", "--lang", "en", "step", "new"],
        stdin=child,
        stdout=child,
        stderr=child,
        env=env,
        start_new_session=True,
    )
    os.close(child)
    seen = b""
    try:
        deadline = time.monotonic() + 20
        while b"of 5" not in seen and time.monotonic() < deadline:
            if select.select([main], [], [], 0.2)[0]:
                seen += os.read(main, 65536)
        assert b"of 5" in seen, "the guide did not appear"
        os.write(main, "🙂 Ik twijfel, en dat mag".encode())
        # As soon as the words are on screen (well inside the pause after which the
        # draft would save itself), the terminal closes.
        deadline = time.monotonic() + 20
        while b"dat mag" not in seen and time.monotonic() < deadline:
            if select.select([main], [], [], 0.02)[0]:
                seen += os.read(main, 65536)
        process.send_signal(signal.SIGHUP)
        assert process.wait(timeout=20) is not None
    finally:
        if process.poll() is None:
            process.kill()
        os.close(main)
    assert saved(durf_home)["step_draft"]["answers"]["thoughts"] == "🙂 Ik twijfel, en dat mag"


async def test_switching_language_mid_guide_and_mid_reflection_keeps_the_words(
    durf_home: Path,
) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(100, 34)) as pilot:
        await open_guide(pilot)
        await write_answers(pilot, ANSWERS)
        app.screen.query_one("#with-whom", Input).value = "Sam"
        await pilot.pause()
        app.change_language("nl")
        # Every open screen is composed again in Dutch; keys wait until the guide is.
        await wait_until(pilot, lambda: "Met wie?" in screen_text(app), "the guide in Dutch")
        assert app.screen.query_one("#with-whom", Input).value == "Sam"
        key_bar = str(app.screen.query_one("#key-bar").render())
        assert "plan" in key_bar and "plan it" not in key_bar
        await pilot.press("pageup")
        await pilot.pause()
        assert app.screen.answer_box().text == ANSWERS[4]
        await pilot.press("pagedown", "pagedown")
        await pilot.pause()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await write(pilot, "Ik vroeg het gewoon.", "#what-happened")
        app.change_language("en")
        await wait_until(
            pilot, lambda: "What happened?" in screen_text(app), "the look back in English"
        )
        assert app.screen.query_one("#what-happened", TextArea).text == "Ik vroeg het gewoon."


async def test_two_windows_on_one_draft_keep_both_texts(durf_home: Path) -> None:
    from durf.core.state import StepDraft
    from durf.core.steps import save_draft
    from durf.core.store import Store

    app = make_app(durf_home)
    async with app.run_test(size=(100, 34)) as pilot:
        await open_guide(pilot)
        await write(pilot, "written in A")
        assert app.screen.keep_typed()
        # Meanwhile another durf window adds to the same draft.
        other = StepDraft.model_validate(saved(durf_home)["step_draft"])
        other.answers["thoughts"] = "written in A, more from the other window"
        Store(durf_home).update(lambda state: save_draft(state, other))
        await write(pilot, "written in A, and this window adds this")
        assert app.screen.keep_typed()
        await pilot.pause()
        both = "written in A, more from the other window\n\nwritten in A, and this window adds this"
        assert saved(durf_home)["step_draft"]["answers"]["thoughts"] == both
        assert app.screen.answer_box().text == both
        assert any("another durf window" in str(n.message) for n in app._notifications)


async def test_a_draft_that_cannot_be_saved_keeps_the_guide_open(durf_home: Path) -> None:
    from durf.core.store import StateWriteError

    app = make_app(durf_home)
    async with app.run_test(size=(100, 34)) as pilot:
        await open_guide(pilot)
        await write(pilot, "precious words")

        def refuse(state: object) -> None:
            raise StateWriteError("The disk is full.")

        app.practice.keeper.store._write = refuse  # type: ignore[method-assign]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, GuideScreen)
        assert app.screen.answer_box().text == "precious words"
        assert not any("draft is kept" in str(n.message) for n in app._notifications)


async def test_escape_on_the_smaller_offer_decides_nothing(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(100, 34)) as pilot:
        await plan_a_step(pilot, scariness="9")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, GuideScreen)
        assert "a little more precisely" in screen_text(app)
    assert saved(durf_home)["steps"] == []


async def test_start_again_throws_the_draft_away_after_asking(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(100, 34)) as pilot:
        await open_guide(pilot)
        await write_answers(pilot, ANSWERS[:2])
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.answer_box().text == ""  # page 3, nothing lost on 1 and 2
        assert saved(durf_home)["step_draft"]["answers"]["fear"] == ANSWERS[1]
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, GuideScreen)
        assert "1 of 5" in screen_text(app)
        assert app.screen.answer_box().text == ""
    assert saved(durf_home)["step_draft"] is None


async def test_a_draft_emptied_by_hand_is_not_kept(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(100, 34)) as pilot:
        await open_guide(pilot)
        await write(pilot, "oops")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await write(pilot, "")
        await pilot.press("escape")
        await pilot.pause()
        assert "draft" not in screen_text(app)
    assert saved(durf_home)["step_draft"] is None


async def test_quitting_in_the_smaller_form_plans_what_was_typed(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(100, 34)) as pilot:
        await plan_a_step(pilot)
        await pilot.press("s")
        await pilot.pause()
        await write(pilot, "say hi", "#what")
        await pilot.press("ctrl+q")
        await pilot.pause()
    big, small = saved(durf_home)["steps"]
    assert (big["status"], small["what"], small["status"]) == ("smaller", "say hi", "planned")


async def test_this_week_points_to_steps_still_open_from_earlier_weeks(durf_home: Path) -> None:
    from durf.core.state import State
    from durf.core.steps import plan_step
    from durf.core.store import Store
    from durf.core.weeks import Week
    from tests.core.test_steps import draft

    Store(durf_home).update(lambda _: plan_step(State(), draft(), Week(2026, 45), FROZEN)[0])
    app = make_app(durf_home)
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(pilot)
        await pilot.press("4")
        await pilot.pause()
        assert "1 step from an earlier week is still open" in screen_text(app)
        await pilot.press("left", "left")
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        text = screen_text(app)
        assert "still open" not in text
        assert "Week 47" in text
        assert "Ask Sam one question about the report" in text  # moved here with one key
