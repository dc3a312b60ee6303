"""A state that holds every kind of record, with words that trip up careless exports."""

from __future__ import annotations

from datetime import datetime, timedelta

from durf.core.affirm import AffirmSession, add_own, record_affirm_session
from durf.core.breathing import BreathingSession, follow_up, record_session
from durf.core.state import HonestSentence, Settings, State, StepDraft, StepReflection
from durf.core.steps import mark_done, plan_step
from durf.core.weeks import Week
from tests.core.factories import AMSTERDAM_WINTER, step_story

NOW = datetime(2026, 11, 21, 9, 30, tzinfo=AMSTERDAM_WINTER)

TRICKY = 'She said "no", then [b]laughed[/b] 🙂; fine?'
"""Commas, quotes, markup-like brackets and an emoji on one line."""
MULTI_LINE = "First, a line with a comma\n\n- not a list item\n> not a quote\n  indented [/] end"
"""A blank line, list and quote markers, leading spaces and a stray closing tag."""


def everything(language: str = "en") -> State:
    """Three weeks of steps plus breathing, affirmations, own words, a draft and settings."""
    state = step_story(language, NOW)
    spoken = BreathingSession(
        started_at=NOW - timedelta(days=3, hours=2),
        pattern_id="calm-long-exhale",
        breaths_done=6,
        areas=["throat", "chest"],
        tension_before=7,
        tension_after=4,
        sentence=MULTI_LINE,
        for_whom=TRICKY,
        rehearsed=True,
        completed=True,
    )
    state = record_session(state, spoken, NOW - timedelta(days=3, hours=1, minutes=55))
    quiet = BreathingSession(
        started_at=NOW - timedelta(days=9),
        breaths_done=2,
        tension_before=8,
        sentence=TRICKY,
    )
    state = record_session(state, quiet, NOW - timedelta(days=9) + timedelta(minutes=1))
    said = BreathingSession(
        started_at=NOW - timedelta(days=15),
        sentence="I made a mistake, and I'm sorry.",
        rehearsed=True,
        completed=True,
    )
    state = record_session(state, said, NOW - timedelta(days=15, minutes=-4))
    state = follow_up(state, state.sentences[-1].id, "said", NOW - timedelta(days=14))
    lost = HonestSentence(
        id="f" * 32,
        text="Could you help me with this?\nJust the first part.",
        created_at=NOW - timedelta(days=4),
        session_id="from-a-session-that-was-not-kept",
    )
    state = state.model_copy(update={"sentences": [*state.sentences, lost]})
    affirm = AffirmSession(
        started_at=NOW - timedelta(days=1),
        source="own",
        shown=6,
        belief_key="own/x",
        belief_text=TRICKY,
        belief_before=3,
        belief_after=6,
    )
    state = record_affirm_session(state, affirm, NOW - timedelta(days=1, minutes=-5), True)
    state = add_own(state, TRICKY, NOW - timedelta(days=20))
    state = add_own(state, MULTI_LINE, NOW - timedelta(days=19))
    archived = state.own_affirmations[1].model_copy(update={"archived": True})
    week = Week.of(NOW.date())
    draft = StepDraft(
        started_at=NOW - timedelta(days=2),
        updated_at=NOW - timedelta(days=2),
        answers={"thoughts": MULTI_LINE, "desire": TRICKY, "challenge": "Call my sister"},
    )
    state, brave = plan_step(state, draft, week, NOW - timedelta(hours=3), None)
    reflection = StepReflection(
        what_happened=MULTI_LINE,
        their_reaction=TRICKY,
        learned="That I can.",
        scariness_after=0,
        written_at=NOW - timedelta(hours=1),
    )
    state = mark_done(state, brave, reflection, NOW - timedelta(hours=1), NOW - timedelta(hours=2))
    waiting = StepDraft(
        started_at=NOW - timedelta(hours=1),
        updated_at=NOW,
        page=2,
        answers={"fear": TRICKY, "accept": MULTI_LINE},
    )
    return State.model_validate(
        {
            **state.model_dump(),
            "own_affirmations": [state.own_affirmations[0].model_dump(), archived.model_dump()],
            "favourite_affirmations": ["asking-for-help/first", f"own/{archived.id}"],
            "step_draft": waiting.model_dump(),
            "settings": Settings(language="nl", theme="nord", breath_count=8).model_dump(),
            "written_by_a_later_durf": {"kept": True},
        }
    )
