"""Small steps: the guide's draft, planning, moving, letting go, finishing with a look
back, making a step smaller, and reading the weekly board."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from durf.core.clock import today

if TYPE_CHECKING:
    from datetime import datetime
    from threading import Thread

    from durf.core.library import StepGuide
    from durf.core.state import State, Step, StepDraft, StepReflection
    from durf.core.weeks import Week
    from durf.practice.keeper import StateKeeper


@dataclass
class StepFields:
    """What describes a step beyond its words, as typed: with whom (and whether they
    have shown they can be trusted with it), which day, how daunting, and the first
    honest sentence for it."""

    with_whom: str = ""
    trusted: str | None = None
    day: int | None = None
    scariness: int | None = None
    sentence: str = ""

    @classmethod
    def of(cls, source: Step | StepDraft) -> StepFields:
        """What a saved step or the guide's draft says in these fields."""
        return cls(source.with_whom, source.trusted, source.day, source.scariness, source.sentence)

    def details(self) -> dict[str, object]:
        """These fields as a step's details (trust only counts when a person is named)."""
        return {
            "with_whom": self.with_whom,
            "trusted": self.trusted if self.with_whom.strip() else None,
            "day": self.day,
            "scariness": self.scariness,
            "sentence": self.sentence,
        }


@dataclass(frozen=True)
class GuideStart:
    """Where the five-step guide begins: the draft (a copy), its questions, and whether
    it carries on with the draft left last time."""

    draft: StepDraft
    guide: StepGuide | None
    resumed: bool


class StepsPractice:
    """What the step screens ask of the practice layer."""

    def __init__(self, keeper: StateKeeper) -> None:
        self._keeper = keeper

    @property
    def this_week(self) -> Week:
        """The ISO week today falls in, by the layer's clock."""
        from durf.core.weeks import Week

        return Week.of(today(self._keeper.clock))

    # -- reading ---------------------------------------------------------------------

    def find(self, step_id: str) -> Step:
        """The step with this id; raises ``StepError`` if it is gone."""
        from durf.core.steps import find_step

        return find_step(self._keeper.state, step_id)

    def status(self, step_id: str) -> str | None:
        """The step's status, or None if it is gone (another durf deleted everything)."""
        from durf.core.steps import StepError

        try:
            return self.find(step_id).status
        except StepError:
            return None

    def smaller_week(self, step_week: str) -> Week:
        """The week a smaller step is for: the big step's, or this week if that passed."""
        from durf.core.weeks import Week

        return max(Week.parse(step_week), self.this_week)

    def guide_start(self, draft: StepDraft | None = None) -> GuideStart:
        """The guide on ``draft``, or on the saved draft, or on a new one."""
        from durf.core.state import StepDraft

        saved = self._keeper.state.step_draft
        if draft is None:
            draft = saved
        resumed = draft is not None and draft is saved
        if draft is None:
            now = self._keeper.clock.now()
            draft = StepDraft(started_at=now, updated_at=now)
        guides = self._keeper.library.step_guides
        return GuideStart(draft.model_copy(deep=True), guides[0] if guides else None, resumed)

    # -- the guide's draft -------------------------------------------------------------

    @staticmethod
    def _draft_change(
        draft: StepDraft, base: StepDraft | None, saved: list[StepDraft]
    ) -> Callable[[State], State]:
        """The change that saves ``draft`` merged with the one on disk; ``saved`` gets it."""
        from durf.core.steps import merge_draft, save_draft

        def change(state: State) -> State:
            merged = merge_draft(base, draft, state.step_draft)
            saved[:] = [merged]
            return save_draft(state, merged)

        return change

    def save_draft(self, draft: StepDraft, base: StepDraft | None) -> StepDraft:
        """Keep the guide as typed so far, merged with what another durf wrote meanwhile
        (``base`` is the draft both started from); the draft as saved."""
        saved: list[StepDraft] = []
        self._keeper.change(self._draft_change(draft, base, saved))
        return saved[0]

    def save_draft_in_background(
        self,
        draft: StepDraft,
        base: StepDraft | None,
        done: Callable[[StepDraft], None],
        failed: Callable[[Exception], None],
    ) -> Thread:
        """``save_draft`` on a thread of its own: with a long history a save takes a
        while, and typing must not stall. ``done`` gets the draft as saved."""
        saved: list[StepDraft] = []
        return self._keeper.change_in_background(
            self._draft_change(draft, base, saved), lambda _state: done(saved[0]), failed
        )

    def drop_draft(self) -> State:
        """Throw the guide's draft away."""
        from durf.core.steps import drop_draft

        return self._keeper.change(drop_draft)

    # -- changing a step ---------------------------------------------------------------

    def plan(self, draft: StepDraft, opened_at: datetime | None) -> str:
        """Turn the finished guide into this week's step; its id.

        Raises ``StepError`` when the step has no words.
        """
        from durf.core.steps import plan_step

        planned: list[str] = []
        week, now = self.this_week, self._keeper.clock.now()

        def change(state: State) -> State:
            new_state, step_id = plan_step(state, draft, week, now, opened_at)
            planned[:] = [step_id]
            return new_state

        self._keeper.change(change)
        return planned[0]

    def move(self, step_id: str) -> Week:
        """Carry a planned step over to the week after its own (never into the past);
        the week it is in now. Raises ``StepConflict`` if it changed meanwhile."""
        from durf.core.steps import move_target, move_to_next_week

        week = self.this_week
        target = move_target(self.find(step_id), week)
        now = self._keeper.clock.now()
        self._keeper.change(lambda state: move_to_next_week(state, step_id, week, now)[0])
        return target

    def let_go(self, step_id: str) -> State:
        """Not this time."""
        from durf.core.steps import let_go

        now = self._keeper.clock.now()
        return self._keeper.change(lambda state: let_go(state, step_id, now))

    def reopen(self, step_id: str) -> State:
        """Undo done or not this time."""
        from durf.core.steps import reopen

        now = self._keeper.clock.now()
        return self._keeper.change(lambda state: reopen(state, step_id, now))

    def keep_reflection(self, step_id: str, reflection: StepReflection) -> State:
        """Keep a look back as written so far, without marking the step done."""
        from durf.core.steps import keep_reflection

        return self._keeper.change(lambda state: keep_reflection(state, step_id, reflection))

    def finish(self, step_id: str, reflection: StepReflection, opened_at: datetime | None) -> bool:
        """Mark a planned step done with its look back, or save a done step's new look
        back; whether it was marked done now."""
        from durf.core.steps import mark_done

        if self.find(step_id).status == "done":
            self.keep_reflection(step_id, reflection)
            return False
        now = self._keeper.clock.now()
        started = opened_at or now
        self._keeper.change(lambda state: mark_done(state, step_id, reflection, now, started))
        return True

    def make_smaller(self, step_id: str, what: str, fields: StepFields) -> tuple[str, Week]:
        """Put a smaller step, on the same ladder, in place of a planned one; its id and
        its week."""
        from durf.core.steps import make_smaller

        week = self.smaller_week(self.find(step_id).week)
        now = self._keeper.clock.now()
        made: list[str] = []

        def change(state: State) -> State:
            new_state, smaller_id = make_smaller(
                state, step_id, what, week, now, **fields.details()
            )
            made[:] = [smaller_id]
            return new_state

        self._keeper.change(change)
        return made[0], week

    def edit(self, step_id: str, what: str, fields: StepFields) -> State:
        """Save new words or details for a planned step."""
        from durf.core.steps import edit_step

        return self._keeper.change(
            lambda state: edit_step(state, step_id, what=what, **fields.details())
        )
