"""How long a session may be, and the time its parts are planned to take.

Nothing to import: the command line reads the minutes from here before anything
heavy is loaded.
"""

from __future__ import annotations

DEFAULT_MINUTES = 10
MIN_MINUTES = 3
MAX_MINUTES = 30

# Rough seconds people take for the parts that are not on a timer. They decide
# what fits; the user is never hurried by them.
CHECK_IN_SECONDS = 45
CHECK_OUT_SECONDS = 30
BELIEF_SECONDS = 20
"""The belief ratings before and after the affirmations."""
STEP_SECONDS = 180
"""Looking at this week's step, marking it and a few words of looking back."""
GUIDE_SECONDS = 360
GUIDE_RESUME_SECONDS = 180
SENTENCE_SECONDS = 30
QUESTION_SECONDS = 180
QUADRANT_SECONDS = 300

MIN_BREATHS, MAX_BREATHS = 3, 60
MIN_AFFIRMATIONS, MAX_AFFIRMATIONS = 2, 60
BREATHING_SHARE = 0.45
"""Of the time left for the timed practice, the share that goes to breathing."""


def clamp_minutes(minutes: int) -> int:
    """Minutes within what a session offers."""
    return max(MIN_MINUTES, min(MAX_MINUTES, minutes))
