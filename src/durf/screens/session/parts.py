"""Which screen begins which part of a session.

Each part is the exercise's own screen with the session's keys (see
``session_part_base``): breathing's check-in, breathing and check-out in
``session_breathing``, the affirmations in ``session_affirm``, this week's step
in ``session_steps``, a sentence to follow up in ``session_sentence``, the
question in ``session_question`` and the quadrant in ``session_quadrant``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from durf.screens.session.affirm import SessionBelief
from durf.screens.session.breathing import SessionBreathe, SessionCheckIn, SessionCheckOut
from durf.screens.session.hub import SessionFlow
from durf.screens.session.question import SessionQuestion
from durf.screens.session.sentence import SessionSentence
from durf.screens.session.steps import SessionGuide, SessionStepScreen

if TYPE_CHECKING:
    from durf.core.session import Part
    from durf.screens.session.hub import SessionScreen
    from durf.screens.session.part_base import SessionPart


def screen_for(hub: SessionScreen, part: Part) -> SessionPart | None:
    """The screen that begins ``part``, or None when there is nothing to do for it now."""
    app = hub.durf
    run = hub.run
    screen: SessionPart | None
    if part.kind == "checkin":
        screen = SessionCheckIn(SessionFlow(run))
    elif part.kind == "checkout":
        screen = SessionCheckOut(SessionFlow(run))
    elif part.kind == "breathe":
        breathing = app.practice.breathing
        pattern = breathing.pattern_by_id(part.pattern_id) or breathing.current_pattern()
        if pattern is None:
            return None
        flow = breathing.flow_now(pattern, part.breaths)
        screen = SessionBreathe(flow)
    elif part.kind == "affirm":
        flow = app.practice.affirmations.session_flow(part)
        if flow is None:
            return None
        screen = SessionBelief(flow, stage="before")
    elif part.kind == "step":
        still_open = app.practice.steps.status(str(part.step_id)) == "planned"
        if not still_open:
            return None
        screen = SessionStepScreen(str(part.step_id))
    elif part.kind == "guide":
        screen = app.guide_screen(SessionGuide)
    elif part.kind == "sentence":
        if not app.practice.session.sentence_still_open(part.sentence_id):
            return None
        screen = SessionSentence(str(part.sentence_id))
    elif part.kind == "quadrant":
        from durf.screens.session.quadrant import session_quadrant_screen

        screen = session_quadrant_screen(app.practice, part)
        if screen is None:
            return None
    else:
        screen = SessionQuestion(str(part.prompt_key))
    screen.hub, screen.part = hub, part
    return screen
