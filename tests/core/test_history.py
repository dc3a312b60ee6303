"""The history list: every session and step once, in time order, filtered and cut."""

from __future__ import annotations

from datetime import timedelta

from durf.core.history import history_view, weeks_with_history
from durf.core.state import State
from durf.core.weeks import Week
from tests.app.conftest import FROZEN_NOW
from tests.core.factories import session, step_story


def test_a_step_planned_in_the_guide_appears_once_through_its_session() -> None:
    state = step_story("en", FROZEN_NOW)
    view = history_view(state)
    planned = [e for e in view.entries if e.record and e.record.details.get("part") == "guide"]
    lone = [e for e in view.entries if e.record is None]
    assert {e.step.id for e in planned} | {e.step.id for e in lone} == {s.id for s in state.steps}
    assert not {e.step.id for e in planned} & {e.step.id for e in lone}
    # Made smaller and moved on: the two steps that came about without the guide.
    assert sorted((e.step.smaller_of is not None, e.step.moved_from is not None) for e in lone) == [
        (False, True),
        (True, False),
    ]
    assert [e.at for e in view.entries] == sorted(e.at for e in view.entries)
    assert view.matching == len(view.entries) == len(state.history) + 2


def test_filters_by_exercise_and_by_week() -> None:
    monday = Week.of(FROZEN_NOW.date()).monday
    sunday_before = FROZEN_NOW - timedelta(days=FROZEN_NOW.weekday() + 1)
    history = [
        session(sunday_before, exercise="affirm"),
        session(FROZEN_NOW.replace(day=monday.day), exercise="breathe"),
        session(FROZEN_NOW, exercise="affirm"),
    ]
    state = State(history=history)
    this_week = Week.of(FROZEN_NOW.date())
    assert [e.record for e in history_view(state, week=this_week).entries] == history[1:]
    assert [e.record for e in history_view(state, exercise="affirm").entries] == [
        history[0],
        history[2],
    ]
    both = history_view(state, exercise="affirm", week=this_week.shifted(-1))
    assert [e.record for e in both.entries] == [history[0]]
    assert history_view(state, exercise="session").entries == []
    assert weeks_with_history(state) == [this_week.shifted(-1), this_week]


def test_a_limit_keeps_the_latest_and_counts_them_all() -> None:
    state = step_story("en", FROZEN_NOW)
    everything = history_view(state)
    latest = history_view(state, limit=3)
    assert latest.entries == everything.entries[-3:]
    assert latest.matching == everything.matching


def test_an_entry_shows_what_the_user_did_not_the_bookkeeping() -> None:
    from durf.core.i18n import set_language
    from durf.screens.progress.entry import record_rows

    breathing = session(
        FROZEN_NOW, pattern="calm", breathing_seconds=61.3, breaths_done=6, tension_before=7
    )
    rows = dict(record_rows(breathing, {"calm": "Rustig uit"}))
    assert rows["Rhythm"] == "Rustig uit"
    assert rows["Breaths taken"] == "6"
    assert "breathing_seconds" not in rows

    set_language("nl")
    reading = session(FROZEN_NOW, exercise="affirm", mode="read", recalled=0, seconds_each=7.5)
    rows = dict(record_rows(reading))
    assert rows["Seconden per stuk"] == "7,5"
    assert "Uit je hoofd getypt" not in rows  # only asked in recall mode
    recalling = session(FROZEN_NOW, exercise="affirm", mode="recall", recalled=3)
    assert dict(record_rows(recalling))["Uit je hoofd getypt"] == "3"
