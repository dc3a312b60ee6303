"""The core quadrant: which quadrants there are, the walks through them, a new walk."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from durf.core.quadrant.answers import QuadrantAnswers
    from durf.core.quadrant.exercise_file import Quadrant
    from durf.core.state import SessionRecord
    from durf.practice.keeper import StateKeeper


class QuadrantPractice:
    """What the quadrant screens ask of the practice layer."""

    def __init__(self, keeper: StateKeeper) -> None:
        self._keeper = keeper

    def all(self) -> list[Quadrant]:
        """Every quadrant in the library (bundled first, then the user's own)."""
        return list(self._keeper.library.quadrants)

    def by_id(self, quadrant_id: str) -> Quadrant | None:
        """The quadrant with this id, if its file is (still) there."""
        return next((q for q in self.all() if q.id == quadrant_id), None)

    def last_walk(self, quadrant_id: str | None = None) -> SessionRecord | None:
        """The latest walk through a quadrant (of ``quadrant_id`` if given), finished or not."""
        from durf.core.quadrant.answers import last_quadrant

        return last_quadrant(self._keeper.state.history, quadrant_id)

    def walk(self, record_id: str) -> SessionRecord | None:
        """The history record with this id, if it is a walk through a quadrant."""
        return next(
            (
                r
                for r in self._keeper.state.history
                if r.id == record_id and r.exercise == "quadrant"
            ),
            None,
        )

    def new_answers(
        self, quadrant_id: str, start_from: SessionRecord | None = None
    ) -> QuadrantAnswers:
        """A new walk through a quadrant, empty or starting from a record's answers."""
        from durf.core.quadrant.answers import QuadrantAnswers, answers_from

        now = self._keeper.clock.now()
        if start_from is None:
            return QuadrantAnswers(quadrant_id=quadrant_id, started_at=now)
        answers = answers_from(start_from, now)
        answers.quadrant_id = quadrant_id
        if start_from.completed:
            answers.page = 0  # redoing: from the first page, with last time's choices
        return answers
