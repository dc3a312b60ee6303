"""The state as the practice layer keeps it: read once, changed through pure functions,
saved at once through the store's atomic save.

Nothing here imports Textual or pydantic at import time: the app creates the layer
before its first frame, which must not wait for the models.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from durf.core.paths import bundled_exercises_dir, user_exercises_dir
from durf.core.quicklook import QuickLook, quick_look

if TYPE_CHECKING:
    from durf.core.clock import Clock
    from durf.core.library import Library
    from durf.core.session import SessionRun
    from durf.core.state import Settings, State
    from durf.core.store import Store

Setting = TypeVar("Setting")


class Forgetting(Exception):
    """A change asked for while everything is being deleted: it is not saved.

    A screen on its way out after "forget everything" would otherwise save its
    exercise back into the empty home.
    """


def _call_here(callback: Callable[[], None]) -> None:
    callback()


class StateKeeper:
    """One home's state: the store, the exercise library, and the session in progress."""

    def __init__(
        self,
        home: Path,
        clock: Clock,
        *,
        look: QuickLook | None = None,
        on_change: Callable[[], None] | None = None,
        hand_over: Callable[[Callable[[], None]], None] | None = None,
    ) -> None:
        """``on_change`` runs after every saved or refreshed change, on the thread that
        asked; ``hand_over`` runs a callback on that thread from a background save."""
        self.home = home
        self.clock = clock
        self.look = look or quick_look(home)
        self.on_change = on_change or (lambda: None)
        self.hand_over = hand_over or _call_here
        self.session_run: SessionRun | None = None
        """The practice session in progress: every save while it runs keeps it too."""
        self.forgetting = False
        """Set while everything is deleted and the screens above home close."""
        self._store: Store | None = None
        self._library: Library | None = None
        self._saving = threading.Lock()

    # -- reading -----------------------------------------------------------------

    @property
    def store(self) -> Store:
        """The state store, created (and pydantic imported) on first use."""
        if self._store is None:
            from durf.core.store import Store

            self._store = Store(self.home)
        return self._store

    @property
    def loaded(self) -> bool:
        """Whether the state has been read."""
        return self._store is not None and self._store.loaded

    @property
    def state(self) -> State:
        """The state as saved last (read now if it has not been read yet)."""
        return self.store.state

    @property
    def state_if_loaded(self) -> State | None:
        """The state once loaded, else ``None`` (a first frame does not wait for it)."""
        return self.store.state if self.loaded else None

    def load(self) -> State:
        """Read the state and take in conflict copies a sync tool left; raises StoreError."""
        self.store.load()
        # What the other computer saved while a sync tool was catching up is shown
        # from the first screen on, not only after the next save.
        self.store.take_in_conflict_copies()
        return self.store.state

    def refresh(self) -> bool:
        """Take in what another durf saved meanwhile; whether anything changed.

        Raises ``StoreError`` when the file on disk can no longer be read.
        """
        if not self.loaded:
            return False
        changed = self.store.refresh()
        if changed:
            self.on_change()
        return changed

    def take_notices(self) -> list[str]:
        """What the store has to say since last asked (a backup used, a copy merged)."""
        return self.store.take_notices() if self._store is not None else []

    def setting(self, name: str, kind: type[Setting], default: Setting) -> Setting:
        """One setting: the saved one once loaded, before that the quick look's.

        Lets the first frame of a screen read a setting without waiting for the load.
        """
        if self.loaded:
            return getattr(self.store.state.settings, name)  # type: ignore[no-any-return]
        return self.look.setting(name, kind, default)  # type: ignore[no-any-return]

    @property
    def settings(self) -> Settings:
        """The saved settings (read now if the state has not been read yet)."""
        return self.store.state.settings

    # -- the exercises -------------------------------------------------------------

    def read_library(self) -> Library:
        """Read the bundled and the user's exercise files (without keeping them)."""
        from durf.core.library import load_library

        return load_library([bundled_exercises_dir(), user_exercises_dir(self.home)])

    @property
    def library(self) -> Library:
        """The exercises, read now if the background load has not finished."""
        if self._library is None:
            self._library = self.read_library()
        return self._library

    @property
    def library_if_loaded(self) -> Library | None:
        """The exercises once read, else ``None``."""
        return self._library

    def keep_library(self, library: Library) -> None:
        """Use ``library`` from now on (read in the background)."""
        self._library = library

    # -- changing ------------------------------------------------------------------

    def change(self, change: Callable[[State], State]) -> State:
        """Apply a pure change to the state and save it at once; the new state.

        While a practice session runs, the same save keeps the session's record.
        Raises ``StateWriteError`` when the save failed (the state in memory and on
        disk is then the previous one), ``StoreError`` when the file cannot be read,
        and ``Forgetting`` while everything is being deleted.
        """
        state = self._save(change)
        self.on_change()
        return state

    def _save(self, change: Callable[[State], State]) -> State:
        if self.forgetting:
            raise Forgetting
        run = self.session_run
        if run is not None:
            change = self._within_session(change, run)
        with self._saving:
            state = self.store.update(change)
        if run is not None and run.worth_keeping:
            run.kept = True
        return state

    def change_in_background(
        self,
        change: Callable[[State], State],
        done: Callable[[State], None],
        failed: Callable[[Exception], None],
    ) -> threading.Thread:
        """``change`` saved on a thread of its own: with a long history a save takes a
        while, and typing must not stall. ``done`` (with the new state) or ``failed``
        (with the store's error) then runs through ``hand_over``."""
        from durf.core.store import StoreError

        def save() -> None:
            try:
                state = self._save(change)
            except (StoreError, Forgetting) as error:
                self.hand_over(lambda problem=error: failed(problem))
                return

            def after() -> None:
                self.on_change()
                done(state)

            self.hand_over(after)

        # Not a daemon: a save under way finishes before the process ends.
        thread = threading.Thread(target=save, name="durf-save", daemon=False)
        thread.start()
        return thread

    def _within_session(
        self, change: Callable[[State], State], run: SessionRun
    ) -> Callable[[State], State]:
        """``change``, with the session in progress kept in the same save."""
        from durf.core.session import within_session

        def change_within(state: State) -> State:
            return within_session(state, change(state), run, self.clock.now())

        return change_within
