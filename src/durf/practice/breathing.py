"""Breathing before speaking: the patterns, a new run, and the honest sentences' answers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from durf.practice.flows import BreatheFlow

if TYPE_CHECKING:
    from durf.core.library import BreathingPattern, OpenerSet
    from durf.core.patterns import QuickPattern
    from durf.core.state import State
    from durf.practice.keeper import StateKeeper


class BreathingPractice:
    """What the breathing screens ask of the practice layer."""

    def __init__(self, keeper: StateKeeper) -> None:
        self._keeper = keeper

    def patterns(self) -> list[BreathingPattern]:
        """Every breathing pattern, bundled first, then the user's own."""
        return list(self._keeper.library.breathing)

    def openers(self) -> list[OpenerSet]:
        """The sets of first honest sentences to start from."""
        return list(self._keeper.library.openers)

    def current_pattern(self) -> BreathingPattern | None:
        """The pattern chosen last, or the bundled default."""
        from durf.core.library import default_pattern

        library = self._keeper.library
        chosen = self._keeper.settings.breath_pattern
        for pattern in library.breathing:
            if pattern.id == chosen:
                return pattern
        return default_pattern(library)

    def pattern_by_id(self, pattern_id: str) -> BreathingPattern | None:
        """The breathing pattern with this id, if it is (still) there."""
        return next((p for p in self._keeper.library.breathing if p.id == pattern_id), None)

    def new_flow(self) -> BreatheFlow:
        """A fresh, empty run of the exercise, from its check-in."""
        from durf.core.breathing import BreathingSession

        return BreatheFlow(BreathingSession(started_at=self._keeper.clock.now()))

    def flow_now(self, pattern: BreathingPattern | QuickPattern, breaths: int) -> BreatheFlow:
        """A run that starts breathing at once (``durf breathe --pattern``)."""
        flow = self.new_flow()
        flow.pattern = pattern
        flow.session.breaths_planned = breaths
        return flow

    def answer_sentence(self, sentence_id: str, answer: str) -> State:
        """Record whether an open honest sentence was said (``said``), not yet (``open``)
        or no longer needs saying (``not_needed``); the new state."""
        from typing import get_args

        from durf.core.breathing import follow_up
        from durf.core.state import SentenceStatus

        if answer not in get_args(SentenceStatus):
            raise ValueError(f"not an answer to a sentence: {answer!r}")
        when = self._keeper.clock.now()
        return self._keeper.change(
            lambda state: follow_up(state, sentence_id, answer, when)  # type: ignore[arg-type]
        )
