"""Planning a session: which parts fit the minutes asked and what is open in the week."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from durf.core.session.beliefs import practice_order
from durf.core.session.parts import Part, SessionPlan
from durf.core.session.questions import question_for_today
from durf.core.session.timing import (
    BELIEF_SECONDS,
    BREATHING_SHARE,
    CHECK_IN_SECONDS,
    CHECK_OUT_SECONDS,
    GUIDE_RESUME_SECONDS,
    GUIDE_SECONDS,
    MAX_AFFIRMATIONS,
    MAX_BREATHS,
    MIN_AFFIRMATIONS,
    MIN_BREATHS,
    QUADRANT_SECONDS,
    QUESTION_SECONDS,
    SENTENCE_SECONDS,
    STEP_SECONDS,
    clamp_minutes,
)
from durf.core.weeks import Week

if TYPE_CHECKING:
    from durf.core.affirm import Item
    from durf.core.state import HonestSentence, State, Step


def plan_session(
    state: State,
    *,
    minutes: int,
    today: date,
    breath_cycle: float,
    pattern_id: str,
    affirmations: Sequence[Item],
    seconds_each: int,
    prompts: Sequence[str],
    quadrant_id: str | None = None,
) -> SessionPlan:
    """Plan a session of about ``minutes`` from what is open in the user's week.

    Always a check-in, breathing, affirmations and a check-out. Then, as they
    fit: this week's step to mark (or the guide to plan one when there is none,
    or an open honest sentence to follow up) and one reflection question. The
    guide is reflection enough, so it comes with a question only in a long
    session. What time is left goes to the breathing and the affirmations, up
    to what makes sense in one sitting: a long session with quick rhythms can
    plan less than was asked.

    ``pattern_id`` is empty when there is no breathing pattern (then no breathing),
    ``breath_cycle`` the seconds of one breath at the user's pace,
    ``affirmations`` every affirmation that can be practised (in the mix's
    order), ``prompts`` the keys of the reflection questions in order.
    ``quadrant_id`` is the core quadrant to offer in place of the question, when
    one is due (see ``durf.core.quadrant.answers.due_in_session``); it is offered only where
    the question would have been.
    """
    minutes = clamp_minutes(minutes)
    budget = minutes * 60 - CHECK_IN_SECONDS - CHECK_OUT_SECONDS
    breathing = bool(pattern_id)
    practice_at_least = 0.0
    if breathing:
        practice_at_least += MIN_BREATHS * breath_cycle
    if affirmations:
        budget -= BELIEF_SECONDS
        practice_at_least += MIN_AFFIRMATIONS * seconds_each

    extras: list[Part] = []
    week_part = _week_part(state, today, budget - practice_at_least)
    if week_part is not None:
        extras.append(week_part)
        budget -= week_part.seconds
    prompt = question_for_today(state.history, prompts, today)
    # The guide is reflection enough; a long session has room for the question as well.
    room_for_question = QUESTION_SECONDS + (
        GUIDE_SECONDS if week_part is not None and week_part.kind == "guide" else 0
    )
    room_for_quadrant = room_for_question - QUESTION_SECONDS + QUADRANT_SECONDS
    if quadrant_id is not None and budget - room_for_quadrant >= practice_at_least:
        extras.append(Part("quadrant", QUADRANT_SECONDS, quadrant_id=quadrant_id))
        budget -= QUADRANT_SECONDS
    elif prompt is not None and budget - room_for_question >= practice_at_least:
        extras.append(Part("question", QUESTION_SECONDS, prompt_key=prompt))
        budget -= QUESTION_SECONDS

    breaths = count = 0
    if breathing and affirmations:
        breaths = _fit(budget * BREATHING_SHARE / breath_cycle, MIN_BREATHS, MAX_BREATHS)
        count = _fit(
            (budget - breaths * breath_cycle) / seconds_each, MIN_AFFIRMATIONS, MAX_AFFIRMATIONS
        )
    elif breathing:
        breaths = _fit(budget / breath_cycle, MIN_BREATHS, MAX_BREATHS)
    elif affirmations:
        count = _fit(budget / seconds_each, MIN_AFFIRMATIONS, MAX_AFFIRMATIONS)
    parts = [Part("checkin", CHECK_IN_SECONDS)]
    if breaths:
        parts.append(
            Part("breathe", breaths * breath_cycle, breaths=breaths, pattern_id=pattern_id)
        )
    if count:
        keys = practice_order(state, affirmations)
        chosen = tuple(keys[index % len(keys)] for index in range(count))
        parts.append(
            Part(
                "affirm",
                count * seconds_each + BELIEF_SECONDS,
                affirmations=chosen,
                seconds_each=seconds_each,
            )
        )
    parts += extras
    parts.append(Part("checkout", CHECK_OUT_SECONDS))
    return SessionPlan(minutes, tuple(parts))


def _fit(value: float, lowest: int, highest: int) -> int:
    return max(lowest, min(highest, int(value + 0.5)))


def _week_part(state: State, today: date, room: float) -> Part | None:
    """This week's step, the guide, or a sentence to follow up: whichever fits first."""
    from durf.core.steps import draft_has_words

    step = step_to_mark(state, today)
    if step is not None and room >= STEP_SECONDS:
        return Part("step", STEP_SECONDS, step_id=step.id)
    if step is None and not _closed_this_week(state, today):
        resume = draft_has_words(state.step_draft)
        seconds = GUIDE_RESUME_SECONDS if resume else GUIDE_SECONDS
        if seconds <= room:
            return Part("guide", seconds, resume=resume)
    sentence = sentence_to_follow_up(state)
    if sentence is not None and room >= SENTENCE_SECONDS:
        return Part("sentence", SENTENCE_SECONDS, sentence_id=sentence.id)
    return None


def step_to_mark(state: State, today: date) -> Step | None:
    """The step to look at now: one planned for this week, else one left open from before.

    Of several, the one planned for the earliest day comes first.
    """
    this_week = Week.of(today)
    open_steps = [
        step
        for step in state.steps
        if step.status == "planned" and _week_of(step.week) is not None
        if _week_of(step.week) <= this_week  # type: ignore[operator]
    ]
    if not open_steps:
        return None
    label = str(this_week)
    now = [step for step in open_steps if step.week == label]
    if now:
        return min(now, key=lambda step: (step.day or 8, step.created_at))
    return max(open_steps, key=lambda step: (step.week, step.created_at))


def _closed_this_week(state: State, today: date) -> bool:
    """Whether this week already has a step that is done, or let go of: then no new guide."""
    label = str(Week.of(today))
    return any(step.week == label and step.status != "planned" for step in state.steps)


def _week_of(text: str) -> Week | None:
    try:
        return Week.parse(text)
    except ValueError:
        return None


def sentence_to_follow_up(state: State) -> HonestSentence | None:
    """The open honest sentence asked about longest ago (or never)."""
    waiting = [sentence for sentence in state.sentences if sentence.status == "open"]
    if not waiting:
        return None
    return min(waiting, key=lambda sentence: sentence.checked_at or sentence.created_at)
