"""The practice layer on its own, without Textual: each exercise's verbs change the
state file the way the screens rely on, and refuse the way the app tells."""

from __future__ import annotations

import os
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from durf.core.clock import FixedClock
from durf.core.session import PartResult, SessionRun
from durf.core.state import StepDraft, StepReflection
from durf.core.steps import StepConflict, StepError
from durf.core.store import StateWriteError, Store
from durf.practice import Forgetting, Practice
from durf.practice.steps import StepFields
from tests.core.factories import AMSTERDAM_WINTER

NOW = datetime(2026, 11, 18, 9, 30, tzinfo=AMSTERDAM_WINTER)  # a Wednesday, week 47


def guide(challenge: str = "Ask Sam one question [b]about[/b] the report") -> StepDraft:
    """A guide filled in as far as planning."""
    return StepDraft(
        started_at=NOW - timedelta(minutes=6),
        updated_at=NOW,
        page=5,
        answers={"desire": "Ask for help without shame", "challenge": challenge},
    )


@pytest.fixture
def practice(durf_home: Path) -> Practice:
    changes: list[None] = []
    layer = Practice(durf_home, FixedClock(NOW), on_change=lambda: changes.append(None))
    layer.changes = changes  # type: ignore[attr-defined]
    return layer


def on_disk(home: Path) -> Store:
    store = Store(home)
    store.load()
    return store


def test_a_step_is_planned_moved_and_let_go_through_the_layer(
    practice: Practice, durf_home: Path
) -> None:
    step_id = practice.steps.plan(guide(), NOW - timedelta(minutes=6))
    assert practice.steps.find(step_id).what == "Ask Sam one question [b]about[/b] the report"
    week = practice.steps.move(step_id)
    assert str(week) == "2026-W48"
    saved = on_disk(durf_home).state
    moved = next(step for step in saved.steps if step.week == "2026-W48")
    assert [step.status for step in saved.steps] == ["moved", "planned"]
    practice.steps.let_go(moved.id)
    assert practice.steps.status(moved.id) == "not_this_time"
    assert practice.steps.status("gone") is None
    assert len(practice.changes) == 3  # type: ignore[attr-defined]


def test_a_step_changed_meanwhile_is_refused_as_a_conflict(
    practice: Practice, durf_home: Path
) -> None:
    step_id = practice.steps.plan(guide(), None)
    other = Practice(durf_home, FixedClock(NOW))
    other.steps.move(step_id)
    with pytest.raises(StepConflict):
        practice.steps.let_go(step_id)
    assert practice.steps.status(step_id) == "moved"  # the refusal showed what is on disk


def test_a_step_without_words_is_refused(practice: Practice) -> None:
    with pytest.raises(StepError):
        practice.steps.plan(guide(challenge="   "), None)
    assert practice.state is not None and practice.state.steps == []


def test_finishing_marks_done_once_then_keeps_the_look_back(practice: Practice) -> None:
    step_id = practice.steps.plan(guide(), None)
    first = StepReflection(what_happened="Sam said yes.", written_at=NOW)
    assert practice.steps.finish(step_id, first, NOW) is True
    again = StepReflection(what_happened="Sam said yes, gladly.", written_at=NOW)
    assert practice.steps.finish(step_id, again, NOW) is False
    step = practice.steps.find(step_id)
    assert (step.status, step.reflection.what_happened) == ("done", "Sam said yes, gladly.")


def test_a_smaller_step_takes_the_details_and_trust_only_with_a_person(
    practice: Practice,
) -> None:
    step_id = practice.steps.plan(guide(), None)
    fields = StepFields(with_whom="  ", trusted="yes", day=4, scariness=3, sentence="Hoi")
    smaller_id, week = practice.steps.make_smaller(step_id, "Only say hello to Sam", fields)
    smaller = practice.steps.find(smaller_id)
    assert (smaller.what, smaller.trusted, smaller.day, str(week)) == (
        "Only say hello to Sam",
        None,
        4,
        "2026-W47",
    )
    assert practice.steps.status(step_id) == "smaller"


def test_the_draft_saved_in_the_background_reaches_the_file_and_says_so(
    practice: Practice, durf_home: Path
) -> None:
    answered = threading.Event()
    saved: list[StepDraft] = []
    thread = practice.steps.save_draft_in_background(
        guide("Tell Kim I am unsure"), None, lambda d: (saved.append(d), answered.set()), print
    )
    assert answered.wait(30)
    thread.join(30)
    assert saved[0].answers["challenge"] == "Tell Kim I am unsure"
    assert on_disk(durf_home).state.step_draft.answers["challenge"] == "Tell Kim I am unsure"
    assert practice.changes  # type: ignore[attr-defined]


def test_a_running_session_is_kept_with_every_save(practice: Practice, durf_home: Path) -> None:
    plan = practice.session.plan(10)
    assert plan.parts[0].kind == "checkin"
    run = SessionRun(plan, NOW)
    practice.session.begin(run)
    run.results.append(PartResult("checkin", "done"))
    practice.affirmations.add_own("Ik mag twijfelen.")
    assert run.kept
    record = next(r for r in on_disk(durf_home).state.history if r.exercise == "session")
    assert record.id == run.id
    practice.session.end(run)
    assert practice.session.run is None


def test_own_affirmations_and_favourites(practice: Practice) -> None:
    practice.affirmations.add_own("I can ask [b]for[/b] help.")
    own = practice.affirmations.own()[0]
    assert own.text == "I can ask [b]for[/b] help."
    key = f"own/{own.id}"
    assert practice.affirmations.toggle_favourite(key) is True
    assert practice.affirmations.is_favourite(key)
    favourites = next(s for s in practice.affirmations.sources() if s.key == "favourites")
    assert [item.text for item in favourites.items] == ["I can ask [b]for[/b] help."]
    practice.affirmations.archive_own(own.id, True)
    assert practice.affirmations.item(key) is None  # out of practice, still kept
    practice.affirmations.delete_own(own.id)
    assert practice.affirmations.own() == []


def test_a_stopped_exercise_is_kept_once(practice: Practice, durf_home: Path) -> None:
    flow = practice.breathing.flow_now(practice.breathing.current_pattern(), 3)
    flow.breathed = True
    practice.keep(flow, completed=False)
    practice.keep(flow, completed=False)
    history = on_disk(durf_home).state.history
    assert [(r.exercise, r.completed) for r in history] == [("breathe", False)]


def test_settings_are_saved_with_the_time_of_the_change(
    practice: Practice, durf_home: Path
) -> None:
    settings = practice.data.change_settings(breath_pace=1.2, sound_cue=True)
    assert (settings.breath_pace, settings.sound_cue) == (1.2, True)
    assert on_disk(durf_home).state.settings.changed_at["breath_pace"] == NOW


def test_after_forgetting_nothing_is_saved_until_the_screens_are_closed(
    practice: Practice, durf_home: Path
) -> None:
    practice.affirmations.add_own("Kept until forgotten.")
    practice.data.forget()
    with pytest.raises(Forgetting):
        practice.affirmations.add_own("Saved by a screen on its way out.")
    assert not (durf_home / "state.json").exists()
    practice.data.forgotten()
    practice.affirmations.add_own("A fresh start.")
    assert [a.text for a in on_disk(durf_home).state.own_affirmations] == ["A fresh start."]


def test_a_failed_save_raises_and_leaves_the_state_as_it_was(
    practice: Practice, durf_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    practice.affirmations.add_own("Before the disk filled up.")
    before = (durf_home / "state.json").read_bytes()

    def full(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(StateWriteError):
        practice.affirmations.add_own("Lost?")
    monkeypatch.undo()
    assert [a.text for a in practice.affirmations.own()] == ["Before the disk filled up."]
    assert (durf_home / "state.json").read_bytes() == before


def test_an_export_says_what_it_holds(practice: Practice, tmp_path: Path) -> None:
    practice.affirmations.add_own("Mine.")
    what = practice.data.export_to(tmp_path / "out.json", "json")
    assert (tmp_path / "out.json").exists()
    assert what  # the words for the notice
