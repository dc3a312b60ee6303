"""The breathing exercise's records and the follow-up of honest sentences."""

from __future__ import annotations

from datetime import datetime, timedelta

from durf.core.breathing import (
    BreathingSession,
    earlier_sentences,
    follow_up,
    open_sentences,
    record_session,
)
from durf.core.state import State
from tests.core.factories import AMSTERDAM_WINTER

START = datetime(2026, 11, 21, 8, 30, tzinfo=AMSTERDAM_WINTER)


def session(sentence: str = "", **changes: object) -> BreathingSession:
    run = BreathingSession(started_at=START, pattern_id="box", sentence=sentence, rehearsed=True)
    for name, value in changes.items():
        setattr(run, name, value)
    return run


def test_a_session_is_kept_with_everything_it_gathered() -> None:
    run = session(
        "Ik vind dit [echt] spannend.",
        for_whom="Sam",
        areas=["throat", "chest"],
        tension_before=7,
        tension_after=4,
        breaths_planned=6,
        breaths_done=6,
        breathing_seconds=96.04,
        completed=True,
    )
    state = record_session(State(), run, START + timedelta(minutes=4))
    [record] = state.history
    assert (record.exercise, record.completed) == ("breathe", True)
    assert record.details["areas"] == ["throat", "chest"]
    assert (record.details["tension_before"], record.details["tension_after"]) == (7, 4)
    assert record.details["breathing_seconds"] == 96.0
    [sentence] = state.sentences
    assert (sentence.text, sentence.for_whom, sentence.status) == (
        "Ik vind dit [echt] spannend.",
        "Sam",
        "open",
    )
    assert sentence.session_id == record.id


def test_a_stopped_session_without_a_sentence_opens_nothing_to_follow_up() -> None:
    state = record_session(State(), session("   ", completed=False), START)
    assert state.history[0].completed is False
    assert state.sentences == []


def test_a_sentence_never_rehearsed_is_kept_but_not_followed_up() -> None:
    state = record_session(State(), session("half typed", rehearsed=False), START)
    assert state.history[0].details["sentence"] == "half typed"
    assert state.sentences == []


def test_follow_up_said_not_yet_and_no_longer_needed() -> None:
    state = State()
    for text in ("een", "twee", "drie"):
        state = record_session(state, session(text), START)
    first, second, third = (s.id for s in state.sentences)
    later = START + timedelta(days=2)
    state = follow_up(state, first, "said", later)
    state = follow_up(state, second, "open", later)  # not yet
    state = follow_up(state, third, "not_needed", later)
    assert [s.text for s in open_sentences(state)] == ["twee"]
    assert {s.text: s.status for s in state.sentences} == {
        "een": "said",
        "twee": "open",
        "drie": "not_needed",
    }
    assert all(s.checked_at == later for s in state.sentences)


def test_earlier_sentences_are_newest_first_and_unique() -> None:
    state = State()
    for text in ("a", "b", "a", "c"):
        state = record_session(state, session(text), START)
    assert earlier_sentences(state) == ["c", "a", "b"]
