"""A practice session: its plan for today, the reflection questions, and the run kept
along with every save while it lasts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from durf.core.clock import today
from durf.core.i18n import get_language

if TYPE_CHECKING:
    from durf.core.session import SessionPlan, SessionRun
    from durf.core.state import HonestSentence, State
    from durf.practice.affirmations import AffirmationsPractice
    from durf.practice.breathing import BreathingPractice
    from durf.practice.keeper import StateKeeper
    from durf.practice.quadrants import QuadrantPractice


class SessionPractice:
    """What the practice session's screens ask of the practice layer."""

    def __init__(
        self,
        keeper: StateKeeper,
        breathing: BreathingPractice,
        affirmations: AffirmationsPractice,
        quadrants: QuadrantPractice,
    ) -> None:
        self._keeper = keeper
        self._breathing = breathing
        self._affirmations = affirmations
        self._quadrants = quadrants

    def plan(self, minutes: int) -> SessionPlan:
        """A session of about ``minutes`` for today, from the user's state and settings."""
        from durf.core.pacer import clamp_pace
        from durf.core.quadrant.answers import due_in_session
        from durf.core.session import plan_session

        keeper = self._keeper
        settings = keeper.settings
        day = today(keeper.clock)
        pattern = self._breathing.current_pattern()
        pace = clamp_pace(settings.breath_pace)
        cycle = pattern.cycle_seconds * pace if pattern is not None else 10.0
        quadrants = self._quadrants.all()
        return plan_session(
            keeper.state,
            minutes=minutes,
            today=day,
            breath_cycle=cycle,
            pattern_id=pattern.id if pattern is not None else "",
            affirmations=self._affirmations.practice_items(),
            seconds_each=settings.affirm_seconds,
            prompts=list(self.prompts()),
            quadrant_id=(
                quadrants[0].id
                if quadrants and due_in_session(keeper.state.history, minutes, day)
                else None
            ),
        )

    # -- the run ---------------------------------------------------------------------

    @property
    def run(self) -> SessionRun | None:
        """The session in progress, if one has begun."""
        return self._keeper.session_run

    def begin(self, run: SessionRun) -> None:
        """From now on every save keeps ``run`` too."""
        self._keeper.session_run = run

    def end(self, run: SessionRun | None) -> None:
        """``run`` is over (or its screen gone): saves no longer keep it."""
        if self._keeper.session_run is run:
            self._keeper.session_run = None

    def keep(self) -> State:
        """Save the session as it is now (every save while it runs keeps it)."""
        return self._keeper.change(lambda state: state)

    def record_of_part(self, run: SessionRun, exercise: str) -> str | None:
        """The id of the history record a part of ``run`` kept, if it kept one."""
        from durf.core.session import part_record

        return part_record(self._keeper.state, run, exercise)

    # -- questions and sentences -----------------------------------------------------

    def prompts(self) -> dict[str, str]:
        """Every reflection question, by ``set-id/prompt-id``, in the user's language."""
        language = get_language()
        return {
            f"{prompt_set.id}/{prompt.id}": prompt.text.get(language)
            for prompt_set in self._keeper.library.prompts
            for prompt in prompt_set.prompts
        }

    def prompt_text(self, key: str) -> str:
        """The words of a reflection question (its key if its file is gone)."""
        return self.prompts().get(key, key)

    def last_answer(self, prompt_key: str) -> str:
        """What was written the last time this question was asked, if anything."""
        from durf.core.session import last_answer

        return last_answer(self._keeper.state.history, prompt_key)

    def sentence(self, sentence_id: str | None) -> HonestSentence | None:
        """The honest sentence with this id, if it is still there."""
        return next((s for s in self._keeper.state.sentences if s.id == sentence_id), None)

    def sentence_still_open(self, sentence_id: str | None) -> bool:
        """Whether the sentence a part follows up is still waiting for an answer."""
        found = self.sentence(sentence_id)
        return found is not None and found.status == "open"
