"""What screens may ask of the app beyond Textual's own ``App``: typed, so that no
screen needs to import ``durf.app`` (which imports the screens)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:
    from textual.screen import Screen

    from durf.core.clock import Clock
    from durf.core.state import StepDraft
    from durf.core.weeks import Week
    from durf.practice import Practice
    from durf.screens.steps.guide import GuideScreen

Result = TypeVar("Result")
Guide = TypeVar("Guide", bound="GuideScreen")


class Shell(Protocol):
    """The durf app as its screens see it."""

    home: Path
    clock: Clock
    practice: Practice
    state_revision: int
    focus_mode: bool

    def attempt(self, action: Callable[[], Result]) -> Result | None:
        """Run a call into the practice layer; what goes wrong becomes a notice (None)."""
        ...

    def refused(self, error: Exception) -> None:
        """Tell the user why the practice layer did not do what was asked."""
        ...

    def refresh_state(self) -> bool:
        """Show what another durf saved meanwhile; whether anything changed."""
        ...

    @property
    def reduced_motion(self) -> bool:
        """Whether exercises should use calm text instead of animation."""
        ...

    @property
    def motion_reduced_by_environment(self) -> bool:
        """Whether ``TEXTUAL_ANIMATIONS=none`` asks for calm output."""
        ...

    def change_language(self, language: str) -> None:
        """Switch language, remember it, and rebuild the open screens in it."""
        ...

    def change_reduced_motion(self, on: bool) -> None:
        """Turn reduced motion on or off, and save it."""
        ...

    def change_sound_cue(self, on: bool) -> None:
        """Turn the bell on or off, and save it."""
        ...

    def forget_everything(self) -> bool:
        """Delete every file durf keeps and start empty."""
        ...

    def action_new_step(self) -> None:
        """Open the five-step guide."""
        ...

    def guide_screen(self, kind: type[Guide], draft: StepDraft | None = None) -> Guide:
        """A guide screen of ``kind`` on ``draft``, the saved draft, or a new one."""
        ...

    def show_step_board(self, step_id: str | None, *, replacing: Screen[None]) -> None:
        """Close ``replacing`` and show the board with ``step_id`` highlighted."""
        ...

    def show_on_board(self, step_id: str | None, week: Week) -> None:
        """Have the board underneath show ``week`` with ``step_id`` highlighted."""
        ...

    def open_quadrant(self, quadrant_id: str, replacing: Screen[None] | None = None) -> None:
        """The last walk through this quadrant to look at, or a walk to carry on."""
        ...

    def redo_quadrant(self, record_id: str, replacing: Screen[None] | None) -> None:
        """Walk through a quadrant again, from what this record chose."""
        ...
