"""Your data: the settings, an export to a file, and forgetting everything."""

from __future__ import annotations

from typing import TYPE_CHECKING

from durf.core.clock import today
from durf.core.i18n import get_language

if TYPE_CHECKING:
    from pathlib import Path

    from durf.core.forget import Forgotten
    from durf.core.state import Settings, State
    from durf.practice.keeper import StateKeeper
    from durf.practice.quadrants import QuadrantPractice


class DataPractice:
    """What the settings and export screens ask of the practice layer."""

    def __init__(self, keeper: StateKeeper, quadrants: QuadrantPractice) -> None:
        self._keeper = keeper
        self._quadrants = quadrants

    @property
    def state_path(self) -> Path:
        """Where the state file is (or will be) kept."""
        return self._keeper.store.path

    def change_settings(self, **changes: object) -> Settings:
        """Save new values for some settings; the settings as saved."""
        from durf.core.sync.merging import stamp_settings

        now = self._keeper.clock.now()

        def change(state: State) -> State:
            changed = state.model_copy(
                update={"settings": state.settings.model_copy(update=changes)}
            )
            # With the time of each change, so that the later one wins when a sync
            # tool leaves a conflict copy made on another computer.
            return stamp_settings(state, changed, now)

        return self._keeper.change(change).settings

    def export_to(self, path: Path, export_format: str, *, overwrite: bool = False) -> str:
        """Write all data to ``path`` in ``export_format`` (atomic, readable only by
        you); a sentence of what it holds, for the notice.

        Raises ``ExportFileExists`` when a file is there and ``overwrite`` is not
        set, and ``ExportError`` (a message naming the path) when writing fails.
        """
        from durf.core.export import export_bytes, write_export
        from durf.core.words import what_it_holds

        state = self._keeper.state
        quadrants = {quadrant.id: quadrant for quadrant in self._quadrants.all()}
        day = today(self._keeper.clock)
        data = export_bytes(state, export_format, get_language(), today=day, quadrants=quadrants)
        write_export(path, data, overwrite=overwrite)
        return what_it_holds(state)

    def what_it_holds(self) -> str:
        """A few words on what is saved (so many sessions, steps, sentences)."""
        from durf.core.words import what_it_holds

        return what_it_holds(self._keeper.state)

    def forget(self) -> Forgotten:
        """Delete every file durf keeps (never your own exercise files) and start empty.

        From now until ``forgotten`` is called, no change is saved: the screens on
        their way out are part of everything. Raises ``StoreError``.
        """
        from durf.core.forget import forget

        forgotten = forget(self._keeper.store)
        self._keeper.forgetting = True
        self._keeper.session_run = None
        self._keeper.on_change()
        return forgotten

    def forgotten(self) -> None:
        """The screens above home are closed: changes are saved again."""
        self._keeper.forgetting = False
