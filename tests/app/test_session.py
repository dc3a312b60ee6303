"""A whole practice session, driven like a user would, on a fast injected clock."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import TextArea

from durf.core.state import HonestSentence, Settings, State, Step
from durf.core.store import Store
from durf.screens.affirm.belief import BeliefScreen
from durf.screens.affirm.practise import AffirmSessionScreen
from durf.screens.breathe.breathing import BreatheScreen
from durf.screens.confirm import ConfirmScreen
from durf.screens.home import HomeScreen
from durf.screens.session.breathing import SessionCheckIn, SessionCheckOut
from durf.screens.session.hub import SessionScreen
from durf.screens.session.question import SessionQuestion
from durf.screens.session.sentence import SessionSentence
from durf.screens.session.steps import SessionGuide, SessionStepScreen
from durf.screens.steps.reflect import ReflectScreen
from tests.app.conftest import FROZEN_NOW, make_app, pass_time, saved, screen_text, settle

QUESTION = "What do you notice in your body at the moment you hold yourself back?"


def start_with(home: Path, state: State) -> None:
    """A home that has breathed before (no safety notice) and holds ``state``."""
    settings = state.settings.model_copy(update={"safety_seen": True})
    Store(home).update(lambda _: state.model_copy(update={"settings": settings}))


def planned_step(what: str = "Ask Sam one question after the meeting") -> Step:
    return Step(
        id="step-1",
        ladder_id="ladder-1",
        week="2026-W47",
        what=what,
        with_whom="Sam",
        created_at=FROZEN_NOW - timedelta(days=2),
    )


async def go_to_part(pilot, part: type) -> None:  # type: ignore[no-untyped-def]
    """From home: begin a session, note nothing at the check-in, and pass every part by
    with ``n`` until ``part`` is on screen."""
    await pilot.press("1", "enter", "s")
    for _ in range(8):
        await pilot.pause()
        if isinstance(pilot.app.screen, part):
            return
        await pilot.press("n")
    raise AssertionError(f"no {part.__name__} in this session")


def session_record(home: Path) -> dict:
    (record,) = [r for r in saved(home)["history"] if r["exercise"] == "session"]
    return record


async def test_a_first_session_from_home_to_check_out(durf_home: Path) -> None:
    start_with(durf_home, State())
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("1")  # the first choice on home
        assert isinstance(app.screen, SessionScreen)
        text = screen_text(app)
        assert "A session of about 10 minutes" in text
        for words in ("Check-in", "7 breaths", "8 affirmations", "Plan a small step", "Check-out"):
            assert words in text
        await pilot.press("enter")

        assert isinstance(app.screen, SessionCheckIn)
        assert "Session 1/5 · Check-in" in screen_text(app)
        await pilot.press("space", "tab", "7", "enter")
        assert isinstance(app.screen, BreatheScreen)
        await pass_time(pilot, 7 * 10 + 1)

        assert isinstance(app.screen, BeliefScreen)
        await pilot.press("4", "enter")
        assert isinstance(app.screen, AffirmSessionScreen)
        await pass_time(pilot, 8 * 10 + 1)
        assert isinstance(app.screen, BeliefScreen)
        await pilot.press("6", "enter")
        await pilot.pause()

        assert isinstance(app.screen, SessionGuide)
        app.screen.answer_box().insert("That they think I can't do my job")
        await pilot.press("ctrl+n")  # not today: the draft waits for next time
        await pilot.pause()

        assert isinstance(app.screen, SessionCheckOut)
        text = screen_text(app)
        assert "Before 7   →   now –" in text
        assert "✓ 7 breaths" in text and "◐ Plan a small step" in text
        await pilot.press("3", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.practice.session.run is None

    state = saved(durf_home)
    record = session_record(durf_home)
    assert record["completed"] is True
    details = record["details"]
    assert (details["tension_before"], details["tension_after"]) == (7, 3)
    assert details["areas"] == ["breath"]
    assert [(p["kind"], p["status"]) for p in details["parts"]] == [
        ("checkin", "done"),
        ("breathe", "done"),
        ("affirm", "done"),
        ("guide", "stopped"),
        ("checkout", "done"),
    ]
    parts = {r["id"]: r for r in state["history"] if r["exercise"] != "session"}
    breathing = parts[details["parts"][1]["record_id"]]
    assert breathing["details"]["breaths_done"] == 7 and breathing["completed"]
    assert breathing["details"]["session"] == record["id"]
    affirmations = parts[details["parts"][2]["record_id"]]
    assert affirmations["details"]["belief"]["before"] == 4
    assert affirmations["details"]["belief"]["after"] == 6
    assert state["step_draft"]["answers"]["thoughts"] == "That they think I can't do my job"


async def test_skipping_a_part_and_ending_early_keeps_what_was_done(durf_home: Path) -> None:
    start_with(durf_home, State(steps=[planned_step()]))
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("1", "enter", "s")  # check-in: nothing to note today
        assert isinstance(app.screen, BreatheScreen)
        await pass_time(pilot, 25)  # two and a half breaths
        await pilot.press("n")  # on to the affirmations
        await pilot.pause()
        assert isinstance(app.screen, BeliefScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmScreen)
        assert "End the session now?" in screen_text(app)
        await pilot.press("n")  # no: carry on where we were
        await pilot.pause()
        assert isinstance(app.screen, BeliefScreen)
        await pilot.press("escape", "y")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)

    record = session_record(durf_home)
    assert record["completed"] is False
    statuses = [(p["kind"], p["status"]) for p in record["details"]["parts"]]
    assert statuses == [
        ("checkin", "skipped"),
        ("breathe", "stopped"),
        ("affirm", "skipped"),
        ("step", "skipped"),
        ("question", "skipped"),
        ("checkout", "skipped"),
    ]
    (breathing,) = [r for r in saved(durf_home)["history"] if r["exercise"] == "breathe"]
    assert breathing["completed"] is False and breathing["details"]["breaths_done"] == 2
    assert saved(durf_home)["steps"][0]["status"] == "planned"


async def test_nothing_done_keeps_nothing(durf_home: Path) -> None:
    start_with(durf_home, State())
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("1", "enter", "escape", "y")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert saved(durf_home)["history"] == []


async def test_this_weeks_step_is_marked_and_the_question_answered(durf_home: Path) -> None:
    start_with(durf_home, State(steps=[planned_step()]))
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("1")
        text = screen_text(app)
        assert (
            "Your step for this week" in text and "Ask Sam one question after the meeting" in text
        )
        assert "What do you notice in your body" in text  # the question, cut to fit the row
        await pilot.press("enter", "s", "n")  # pass the check-in and the breathing by
        await pilot.pause()
        await pilot.press("n")  # and the affirmations
        await pilot.pause()

        assert isinstance(app.screen, SessionStepScreen)
        assert "Your step for this week" in screen_text(app)
        await pilot.press("enter")  # I did it: look back on it
        assert isinstance(app.screen, ReflectScreen)
        app.screen.query_one("#what-happened", TextArea).insert("I asked. [b]It[/b] went fine.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()

        assert isinstance(app.screen, SessionQuestion)
        assert QUESTION in screen_text(app)
        # Pasted, as an escape sequence cannot be typed.
        app.screen.query_one("#answer", TextArea).insert("My jaw \x1b[31m\n[and] my hands")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SessionCheckOut)
        await pilot.press("enter")
        await pilot.pause()

    state = saved(durf_home)
    assert state["steps"][0]["status"] == "done"
    assert state["steps"][0]["reflection"]["what_happened"] == "I asked. [b]It[/b] went fine."
    record = session_record(durf_home)
    step_part = record["details"]["parts"][3]
    assert step_part == {
        "kind": "step",
        "status": "done",
        "record_id": step_part["record_id"],
        "step_id": "step-1",
        "outcome": "done",
    }
    (looked_back,) = [r for r in state["history"] if r["id"] == step_part["record_id"]]
    assert looked_back["details"]["part"] == "reflection"
    question = record["details"]["question"]
    assert question["key"] == "reflection/body-holding-back"
    assert question["answer"] == "My jaw \x1b[31m\n[and] my hands"


async def test_the_next_day_asks_another_question(durf_home: Path) -> None:
    start_with(durf_home, State(steps=[planned_step()]))
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("1", "enter", "escape", "y")  # a session that asked nothing
        await pilot.pause()
        app.clock.advance(24 * 3600)
        await pilot.press("1")
        assert "What do you notice in your body" in screen_text(app)  # nothing was asked yet
        await pilot.press("enter", "s", "n")
        await pilot.pause()
        await pilot.press("n", "n")
        await pilot.pause()
        assert isinstance(app.screen, SessionQuestion)
        await pilot.press(*"Tight shoulders", "ctrl+s", "enter")
        await pilot.pause()
        app.clock.advance(24 * 3600)
        await pilot.press("1")
        text = screen_text(app)
        assert "What do you notice in your body" not in text
        assert "Which belief still makes" in text


async def test_an_open_sentence_is_followed_up(durf_home: Path) -> None:
    done = planned_step().model_copy(update={"status": "done"})
    sentence = HonestSentence(
        id="s1", text="I need help with this [urgent]", created_at=FROZEN_NOW - timedelta(days=1)
    )
    start_with(durf_home, State(steps=[done], sentences=[sentence]))
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("1")
        assert "did you say “I need help with this" in screen_text(app)
        await pilot.press("enter", "s", "n")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, SessionSentence)
        assert "I need help with this [urgent]" in screen_text(app)
        await pilot.press("enter")  # yes, I said it
        await pilot.pause()
        assert isinstance(app.screen, SessionQuestion)
    assert saved(durf_home)["sentences"][0]["status"] == "said"
    assert {"kind": "sentence", "status": "done", "sentence_id": "s1", "outcome": "said"} in (
        session_record(durf_home)["details"]["parts"]
    )


async def test_quitting_mid_question_keeps_the_answer_and_the_session(durf_home: Path) -> None:
    start_with(durf_home, State(steps=[planned_step()]))
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await go_to_part(pilot, SessionQuestion)
        await pilot.press(*"Half a thought")
        await pilot.press("ctrl+q")
        await pilot.pause()
    record = session_record(durf_home)
    assert record["completed"] is False
    assert record["details"]["question"]["answer"] == "Half a thought"
    assert record["details"]["parts"][4] == {"kind": "question", "status": "done"}
    assert record["details"]["parts"][5] == {"kind": "checkout", "status": "skipped"}


async def test_the_plan_follows_the_minutes_and_esc_goes_home(durf_home: Path) -> None:
    start_with(durf_home, State(steps=[planned_step()]))
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("1", *["left"] * 5)
        text = screen_text(app)
        assert "A session of about 5 minutes" in text
        assert "Your step for this week" not in text  # five minutes leave no room for it
        await pilot.press(*["right"] * 40)
        assert "A session of about 30 minutes" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert saved(durf_home)["history"] == []


async def test_durf_session_minutes_opens_the_plan_at_once(durf_home: Path) -> None:
    start_with(durf_home, State())
    app = make_app(durf_home, start=lambda app: app.action_start_session(15))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)
        assert "A session of about 15 minutes" in screen_text(app)


async def test_focus_mode_is_calm_remembered_and_leaves_typing_alone(durf_home: Path) -> None:
    start_with(durf_home, State(steps=[planned_step()]))
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#title-bar").display
        await pilot.press("f")
        await pilot.pause()
        assert not app.screen.query_one("#title-bar").display
        assert "? help" not in str(app.screen.query_one("#key-bar").render())
        await go_to_part(pilot, SessionQuestion)
        # In a session the quiet title keeps the place; f types into the answer.
        assert app.screen.query_one("#title-bar").display
        await pilot.press(*"feel")
        assert app.screen.query_one("#answer", TextArea).text == "feel"
        assert app.focus_mode
    assert saved(durf_home)["settings"]["focus_mode"] is True

    again = make_app(durf_home)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert again.focus_mode
        assert not again.screen.query_one("#title-bar").display
        await pilot.press("question_mark", "f", "escape")  # turned off on the help page
        await pilot.pause()
        assert isinstance(again.screen, HomeScreen)
        assert again.screen.query_one("#title-bar").display  # home, underneath, followed
    assert saved(durf_home)["settings"]["focus_mode"] is False


async def test_the_session_is_one_entry_in_the_history_with_its_parts(durf_home: Path) -> None:
    start_with(durf_home, State(settings=Settings(), steps=[planned_step()]))
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("1", "enter", "s")
        await pass_time(pilot, 30)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("escape", "y")
        await pilot.pause()
        await pilot.pause()
        await pilot.press("5", "h")
        text = screen_text(app)
        assert "2 entries" in text  # the step, planned on the board, and the session
        assert "Session" in text and "1 of 6 parts" in text
        await pilot.press("enter")
        text = screen_text(app)
        assert "Practice session" in text
        assert "◐ Breathing · begun" in text
        assert "· Check-in · left out" in text
        assert "Breathe before speaking" in text  # the part's own rows below


async def test_a_session_speaks_dutch(durf_home: Path) -> None:
    start_with(durf_home, State(settings=Settings(language="nl"), steps=[planned_step()]))
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("1")
        text = screen_text(app)
        assert "Een sessie van ongeveer 10 minuten" in text
        assert "Je stapje voor deze week" in text
        assert "Wat merk je in je lijf" in text
        await pilot.press("enter")
        assert "Sessie 1/6 · Inchecken" in screen_text(app)
        assert "n volgend deel" in screen_text(app)


async def test_ending_right_after_the_check_in_keeps_it(durf_home: Path) -> None:
    start_with(durf_home, State())
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("1", "enter", "tab", "7", "escape", "y")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    record = session_record(durf_home)
    assert record["completed"] is False
    assert record["details"]["tension_before"] == 7
    assert record["details"]["parts"][0] == {"kind": "checkin", "status": "done"}


async def test_home_from_the_palette_asks_and_keeps_the_answer(durf_home: Path) -> None:
    start_with(durf_home, State(steps=[planned_step()]))
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await go_to_part(pilot, SessionQuestion)
        await pilot.press(*"Not sure yet")
        await app.action_go_home()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # no: back to writing, nothing changed
        await pilot.pause()
        assert isinstance(app.screen, SessionQuestion)
        await pilot.press(*" why")
        await app.action_go_home()
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.practice.session.run is None
    record = session_record(durf_home)
    assert record["details"]["question"]["answer"] == "Not sure yet why"
    assert record["details"]["parts"][4] == {"kind": "question", "status": "done"}


async def test_a_language_switch_mid_part_keeps_the_keys_and_the_words(durf_home: Path) -> None:
    start_with(durf_home, State(steps=[planned_step()]))
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await go_to_part(pilot, SessionStepScreen)
        app.change_language("nl")
        await pilot.pause()
        await pilot.pause()
        assert "Je stapje voor deze week" in screen_text(app)
        await pilot.press("down", "enter")  # not yet: the choices still have the keys
        await pilot.pause()
        assert isinstance(app.screen, SessionQuestion)
        await pilot.press(*"abc")
        app.change_language("en")
        await pilot.pause()
        await pilot.pause()
        await pilot.press(*" and n more")  # letters, not keys: n stays in the answer
        assert isinstance(app.screen, SessionQuestion)
        assert app.screen.query_one("#answer", TextArea).text == "abc and n more"


async def test_a_step_closed_in_another_window_is_passed_by_kindly(durf_home: Path) -> None:
    start_with(durf_home, State(steps=[planned_step()]))
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await go_to_part(pilot, SessionStepScreen)
        Store(durf_home).update(lambda state: state.model_copy(update={"steps": []}))
        app.change_language("nl")  # rebuilds the part from what is on disk now
        await pilot.pause()
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, SessionQuestion)
        assert app.practice.session.run.results[3].details() == {
            "kind": "step",
            "status": "skipped",
            "step_id": "step-1",
        }


async def test_during_a_session_no_other_exercise_opens(durf_home: Path) -> None:
    start_with(durf_home, State(steps=[planned_step()]))
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("1", "enter")
        part = app.screen
        for open_another in (
            app.action_open_steps,
            app.action_new_step,
            app.action_start_breathing,
            app.action_start_affirmations,
        ):
            open_another()
            await pilot.pause()
            assert app.screen is part
        app.action_open_progress()  # looking is fine
        await pilot.pause()
        assert not isinstance(app.screen, SessionCheckIn)


async def test_in_recall_mode_n_is_a_letter_and_ctrl_n_the_next_part(durf_home: Path) -> None:
    start_with(durf_home, State(settings=Settings(affirm_mode="recall")))
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("1", "enter", "s", "n")
        await pilot.pause()
        await pilot.press("enter")  # belief: not rated
        await pilot.pause()
        assert isinstance(app.screen, AffirmSessionScreen)
        assert "Ctrl+N next part" in screen_text(app)
        assert "n next part" not in screen_text(app).replace("Ctrl+N next part", "")
        await pilot.press("n")
        assert app.screen.query_one("#recall").value == "n"
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, SessionGuide)


async def test_your_data_counts_a_session_once(durf_home: Path) -> None:
    from durf.core.words import what_it_holds

    start_with(durf_home, State())
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("1", "enter", "s")
        await pass_time(pilot, 71)  # the whole breathing part
        await pilot.press("escape", "y")
        await pilot.pause()
        await pilot.pause()
    state = Store(durf_home).load()
    assert [record.exercise for record in state.history] == ["breathe", "session"]
    assert what_it_holds(state).startswith("one exercise")


async def test_the_plan_keeps_one_line_per_part_in_focus_mode_and_when_resized(
    durf_home: Path,
) -> None:
    start_with(durf_home, State(steps=[planned_step()]))
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("1")
        plan = app.screen.query_one("#plan")
        parts = len(app.screen.plan.parts)
        for size, focus in (((80, 24), True), ((64, 24), True), ((120, 30), False)):
            app.focus_mode = focus
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert plan.size.height == parts, f"the plan wraps at {size}, focus {focus}"
        assert "Ask Sam one question after the meeting" in screen_text(app)  # room, whole


async def test_a_session_gone_through_in_seconds_is_not_called_a_minute(durf_home: Path) -> None:
    start_with(durf_home, State())
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("1", "enter")
        assert isinstance(app.screen, SessionCheckIn)
        for _part in range(5):  # at most every part before the check-out
            if isinstance(app.screen, SessionCheckOut):
                break
            await pilot.press("ctrl+n")
            await pilot.pause()
        assert isinstance(app.screen, SessionCheckOut)
        app.clock.advance(22)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        notices = [str(notice.message) for notice in app._notifications]
        assert "Practice session saved: less than a minute, and that counts too." in notices[-1]
        assert not any("one minute" in notice for notice in notices)
