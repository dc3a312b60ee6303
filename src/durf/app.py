"""DurfApp: the shell around the practice layer.

It holds the screens, the keys that work everywhere, the theme, the calm layout and
the stop signals, and it turns the practice layer's errors into notices. What an
exercise does lives in ``durf.practice``; screens ask it, never the store.

Start-up is kept light on purpose: the first frame needs only Textual, the
home screen and the settings from a quick look at the state file. pydantic,
the full state and the exercise library are loaded right after that frame.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual import constants, work
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.reactive import reactive
from textual.screen import Screen

from durf.core.clock import Clock, SystemClock
from durf.core.i18n import get_language, is_language, set_language, t
from durf.core.quicklook import QuickLook, quick_look
from durf.core.text import shown
from durf.practice import Forgetting, Practice
from durf.shell.first_screen import FirstScreen
from durf.shell.keys_in_order import KeysInOrder
from durf.shell.look import LookAndFeel
from durf.shell.navigation import Navigation
from durf.shell.palette import PaletteCommands
from durf.shell.stopping import Stopping

if TYPE_CHECKING:
    from durf.core.library import Library
    from durf.core.state import State

FIRST_FRAME_GRACE = 0.1
"""Seconds between the first frame and starting the background load."""
Result = TypeVar("Result")


class DurfApp(FirstScreen, Navigation, LookAndFeel, PaletteCommands, Stopping, KeysInOrder):
    """The durf terminal app."""

    TITLE = "durf"
    CSS_PATH = "app.tcss"
    # Every screen and dialog gets -phone below 60 columns and -low below 20 rows
    # (a phone, a split pane), so its stylesheet can stack, shrink and drop margins.
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-phone"), (60, "-roomy")]
    VERTICAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-low"), (20, "-tall")]
    BINDINGS: ClassVar = [
        Binding("ctrl+q", "quit", "quit", show=False, priority=True),
        Binding("question_mark", "open_help", show=False),
        Binding("f", "toggle_focus_mode", show=False),
        Binding("ctrl+c", "help_quit", show=False, system=True),
    ]

    state_revision: reactive[int] = reactive(0, init=False)
    """Bumped whenever the state changes, so screens can re-render from it."""
    focus_mode: reactive[bool] = reactive(False, init=False)
    """The calm layout: no title bar, only the keys needed now."""

    def __init__(
        self,
        home: Path,
        *,
        cli_language: str | None = None,
        clock: Clock | None = None,
        look: QuickLook | None = None,
        start: Callable[[DurfApp], None] | None = None,
        first: Callable[[DurfApp], Screen[None]] | None = None,
    ) -> None:
        """``start`` acts once the app runs (opens a screen over home); ``first`` makes
        the first screen itself, for an exercise that starts at once."""
        super().__init__()
        self.make_first_screen = first
        self.home = home
        self.clock = clock or SystemClock()
        self.cli_language = cli_language
        self.fatal_message: str | None = None
        self.fatal_status = 1
        """The exit status that goes with ``fatal_message``."""
        self._look = look or quick_look(home)
        self.practice = Practice(
            home,
            self.clock,
            look=self._look,
            on_change=self._changed,
            hand_over=self._hand_over,
        )
        self._start = start
        self.environment_animation_level = constants.TEXTUAL_ANIMATIONS
        self._when_loaded: list[Callable[[], None]] = []

    # -- start-up --------------------------------------------------------------

    def on_mount(self) -> None:
        """Apply the saved look, then read the state and exercises after the first frame."""
        self.apply_theme(self._look.setting("theme", str), announce=False)
        self.apply_motion(self._look.setting("reduced_motion", bool, False))
        self.focus_mode = self._look.setting("focus_mode", bool, False)
        self.theme_changed_signal.subscribe(self, self.theme_picked)
        self._listen_for_stop_signals()
        # Keys typed before the state is read wait for it (and for the screen the
        # command opens), instead of acting on a screen that is not ready for them.
        self.hold_keys()
        if self._start is not None:
            self._start(self)
        # A moment after the first frame has been drawn (the exercise's, when a command
        # opens one): the loader thread imports pydantic and would otherwise compete
        # with the first paint for the interpreter, and the breathing clock is running.
        self.call_after_refresh(self._after_first_frame)

    def _after_first_frame(self) -> None:
        # The command held the garbage collector off while starting (``run_app``):
        # nothing made then is garbage, and its passes only delayed the first frame.
        gc.enable()
        self.set_timer(FIRST_FRAME_GRACE, self._load_in_background)

    @work(thread=True, exclusive=True, group="load")
    def _load_in_background(self) -> None:
        from durf.core.store import StoreError

        try:
            state, library = self.practice.load()
        except StoreError as error:
            self.call_from_thread(self._fail, str(error))
            return
        self.call_from_thread(self._loaded, state, library)

    def _loaded(self, state: State, library: Library) -> None:
        read_before = self.practice.library_if_loaded is not None
        self.practice.keeper.keep_library(library)
        settings = state.settings
        # The quick look before start-up can miss (say, a broken file restored from its
        # backup); the loaded settings are the truth.
        if settings.theme != self._look.setting("theme", str) or (
            settings.theme is not None and settings.theme not in self.available_themes
        ):
            self.apply_theme(settings.theme, announce=True)
        self.apply_motion(settings.reduced_motion)
        self.focus_mode = settings.focus_mode
        if (
            self.cli_language is None
            and is_language(settings.language)
            and settings.language != get_language()
        ):
            set_language(settings.language)  # type: ignore[arg-type]
            self.call_later(self.relocalize)
        self._show_store_notices()
        if library.problems and not read_before:
            lines = "\n".join(str(problem) for problem in library.problems)
            self.tell(lines, "notice.exercises_title")
        self.state_revision += 1
        waiting, self._when_loaded = self._when_loaded, []
        for callback in waiting:
            callback()
        self.release_keys()

    def when_loaded(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` once the state is read (at once if it already is)."""
        if self.practice.state is not None:
            callback()
        else:
            self._when_loaded.append(callback)

    def _fail(self, message: str) -> None:
        self.fatal_message = message
        self.exit(return_code=1)

    # -- changes and what goes wrong with them -------------------------------------

    def attempt(self, action: Callable[[], Result]) -> Result | None:
        """Run a call into the practice layer; what goes wrong becomes a notice (None)."""
        from durf.core.steps import StepError
        from durf.core.store import StoreError

        try:
            return action()
        except (Forgetting, StepError, StoreError) as error:
            self.refused(error)
            return None

    def refused(self, error: Exception) -> None:
        """Tell the user why the practice layer did not do what was asked.

        A save that failed leaves the state in memory and on disk as it was, so the
        user can try again; a state file that can no longer be read ends durf with
        its message, as at start.
        """
        from durf.core.steps import StepConflict, StepError
        from durf.core.store import StateWriteError

        if isinstance(error, Forgetting):
            return  # a screen on its way out after everything was deleted
        if isinstance(error, StepConflict):
            self.notify(t("board.changed_elsewhere"), severity="warning", timeout=8)
            self.state_revision += 1
        elif isinstance(error, StepError):
            self.notify(t("guide.step_needs_words"), severity="warning", timeout=8)
        elif isinstance(error, StateWriteError):
            self.tell(str(error), "notice.not_saved_title", "error")
        else:
            self._fail(str(error))

    def refresh_state(self) -> bool:
        """Show what another durf saved meanwhile; whether anything changed.

        Screens ask before acting on what they show, so a change is never refused (or
        made) on the strength of a picture that is no longer true.
        """
        # Only once loaded: before that, this runs on the first frame (a screen's first
        # resume), which must not wait for pydantic.
        if not self.practice.loaded:
            return False
        return bool(self.attempt(self.practice.refresh))

    def _hand_over(self, callback: Callable[[], None]) -> None:
        """Run a background save's answer on the interface thread, if it is still there:
        a save that ends after durf quit is on disk, and nobody is left to tell."""
        if self.is_running:
            self.call_from_thread(callback)

    def _changed(self) -> None:
        self._show_store_notices()
        self.state_revision += 1

    def _show_store_notices(self) -> None:
        for notice in self.practice.take_notices():
            self.tell(notice, "notice.state_title")

    def tell(self, message: str, title_key: str, severity: SeverityLevel = "warning") -> None:
        """A notice that stays long enough to read, whose text may hold a path or user text."""
        self.notify(shown(message), title=t(title_key), severity=severity, timeout=30, markup=False)

    def forget_everything(self) -> bool:
        """Delete every file durf keeps (never your own exercise files) and start empty.

        Open exercises and forms close without being kept: they are part of
        everything. Returns False, after telling the user, if it could not be done.
        """
        from durf.core.store import StoreError

        try:
            self.practice.data.forget()
        except StoreError as error:
            self.tell(str(error), "notice.state_title", "error")
            return False
        self.call_later(self._back_to_the_start)
        self.notify(t("forget.done"), timeout=8)
        return True

    async def _back_to_the_start(self) -> None:
        # Popped, not stopped: stopping an exercise would save it again. The last one
        # may be the exercise a command opened first, which home then replaces.
        from durf.screens.home import HomeScreen

        while len(self.screen_stack) > 1 or not isinstance(self.screen, HomeScreen):
            await self.pop_screen()
        self.practice.data.forgotten()
