"""The practice layer: everything between the screens and the store, without Textual.

The app creates one ``Practice`` from the home, the clock and the quick look at the
state file; each exercise has its own small typed part (``practice.steps.move(...)``,
``practice.affirmations.sources()``, ``practice.session.plan(minutes)``,
``practice.data.export_to(...)``). A part returns what its change made, or raises
the store's errors (``StoreError``, ``StateWriteError``), ``StepError`` and
``StepConflict`` for a step that changed meanwhile, and ``Forgetting`` while
everything is being deleted; the app turns them into notices.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING

from durf.practice.keeper import Forgetting, Setting, StateKeeper
from durf.practice.progress import ProgressPractice

if TYPE_CHECKING:
    from pathlib import Path

    from durf.core.clock import Clock
    from durf.core.library import Library
    from durf.core.quicklook import QuickLook
    from durf.core.state import Settings, State
    from durf.practice.affirmations import AffirmationsPractice
    from durf.practice.breathing import BreathingPractice
    from durf.practice.data import DataPractice
    from durf.practice.flows import Flow
    from durf.practice.quadrants import QuadrantPractice
    from durf.practice.session import SessionPractice
    from durf.practice.steps import StepsPractice

__all__ = ["Forgetting", "Practice"]


class Practice:
    """One home's practice: its state, its exercises, and a part per exercise."""

    def __init__(
        self,
        home: Path,
        clock: Clock,
        *,
        look: QuickLook | None = None,
        on_change: Callable[[], None] | None = None,
        hand_over: Callable[[Callable[[], None]], None] | None = None,
    ) -> None:
        """``on_change`` runs after every saved change and every change found on disk;
        ``hand_over`` runs a background save's answer on the interface thread."""
        self.keeper = StateKeeper(home, clock, look=look, on_change=on_change, hand_over=hand_over)
        # Made now, not on first use: the loading thread walks the history into it
        # while the interface thread may ask for it, and from Python 3.12 on a
        # ``cached_property`` made by two threads at once gives each its own.
        self.progress: ProgressPractice = ProgressPractice(self.keeper)

    # The other parts are made (and their modules imported) when first asked for,
    # on the interface thread: a first frame needs none of them, and their modules
    # cost a few milliseconds of it.

    @cached_property
    def breathing(self) -> BreathingPractice:
        """Breathing before speaking: patterns, a run, its sentence and follow-up."""
        from durf.practice.breathing import BreathingPractice

        return BreathingPractice(self.keeper)

    @cached_property
    def affirmations(self) -> AffirmationsPractice:
        """Affirmation sets, your own ones, favourites and a timed run."""
        from durf.practice.affirmations import AffirmationsPractice

        return AffirmationsPractice(self.keeper)

    @cached_property
    def quadrants(self) -> QuadrantPractice:
        """The core quadrant: its exercise files and a walk through one."""
        from durf.practice.quadrants import QuadrantPractice

        return QuadrantPractice(self.keeper)

    @cached_property
    def session(self) -> SessionPractice:
        """A practice session: its plan and its record, over the other parts."""
        from durf.practice.session import SessionPractice

        return SessionPractice(self.keeper, self.breathing, self.affirmations, self.quadrants)

    @cached_property
    def steps(self) -> StepsPractice:
        """Small steps: the guide's draft, planning, moving, finishing, the board."""
        from durf.practice.steps import StepsPractice

        return StepsPractice(self.keeper)

    @cached_property
    def data(self) -> DataPractice:
        """Settings, export, import and forgetting everything."""
        from durf.practice.data import DataPractice

        return DataPractice(self.keeper, self.quadrants)

    @property
    def home(self) -> Path:
        """The folder durf keeps its files in."""
        return self.keeper.home

    @property
    def clock(self) -> Clock:
        """The clock every change is timed by."""
        return self.keeper.clock

    # -- reading -----------------------------------------------------------------

    @property
    def loaded(self) -> bool:
        """Whether the state has been read."""
        return self.keeper.loaded

    @property
    def state(self) -> State | None:
        """The state once loaded, else ``None`` (a first frame does not wait for it)."""
        return self.keeper.state_if_loaded

    @property
    def loaded_state(self) -> State:
        """The state, for screens that open only once it is read (read now otherwise)."""
        return self.keeper.state

    @property
    def settings(self) -> Settings:
        """The saved settings (read now if the state has not been read yet)."""
        return self.keeper.settings

    def setting(self, name: str, kind: type[Setting], default: Setting) -> Setting:
        """One setting: the saved one once loaded, before that the quick look's, so a
        first frame can read it without waiting for the load."""
        return self.keeper.setting(name, kind, default)

    @property
    def library(self) -> Library:
        """The exercises (read now if the background load has not finished)."""
        return self.keeper.library

    @property
    def library_if_loaded(self) -> Library | None:
        """The exercises once read, else ``None``."""
        return self.keeper.library_if_loaded

    def load(self) -> tuple[State, Library]:
        """Read the state, the conflict copies beside it and the exercises, and walk
        over the history for the home card: the background load. Raises ``StoreError``."""
        state = self.keeper.load()
        library = self.keeper.read_library()
        self.progress.walk_ahead(state.history)
        return state, library

    def refresh(self) -> bool:
        """Take in what another durf saved meanwhile; whether anything changed."""
        return self.keeper.refresh()

    def take_notices(self) -> list[str]:
        """What the store has to say since last asked (a backup used, a copy merged)."""
        return self.keeper.take_notices()

    # -- keeping an exercise -----------------------------------------------------------

    def keep(self, flow: Flow, completed: bool) -> State:
        """Keep a finished or stopped exercise run, once (a second call saves nothing);
        the state with it."""
        if flow.saved:
            return self.keeper.state
        ended = self.keeper.clock.now()
        state = self.keeper.change(lambda state: flow.record(state, ended, completed))
        flow.saved = True
        return state
