"""The history: every session and step in time order, filtered by exercise and week."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from durf.core.clock import today
from durf.core.dates import week_heading
from durf.core.history import Entry, history_view, weeks_with_history
from durf.core.i18n import t, tn
from durf.core.progress import EXERCISES
from durf.core.session import is_part
from durf.core.weeks import Week
from durf.screens.base import PHONE_WIDTH, DurfScreen
from durf.screens.progress.history_lines import entry_line, when

FILTERS = (None, *EXERCISES)
"""What ``f`` cycles through: everything, then each exercise."""
SHOWN_AT_MOST = 500
"""Lines in the list when no week is chosen; older ones are a week away."""


class HistoryScreen(DurfScreen):
    """The history list; Enter opens an entry with everything it holds, exactly as typed."""

    TITLE_KEY = "history.title"
    KEY_HINTS: ClassVar = [
        ("Enter", "keys.open"),
        ("Tab", "history.key_exercise"),
        ("←→", "history.key_week"),
        ("a", "history.key_all_weeks"),
        ("Esc", "keys.back"),
    ]
    BINDINGS: ClassVar = [
        Binding("tab", "next_filter", show=False),
        Binding("left", "week(-1)", show=False),
        Binding("right", "week(1)", show=False),
        Binding("a", "all_weeks", show=False),
    ]
    CSS_PATH = Path(__file__).with_name("history.tcss")

    def __init__(self) -> None:
        super().__init__()
        self.exercise: str | None = None
        self.week: Week | None = None
        self._entries: list[Entry] = []

    def compose_body(self) -> ComposeResult:
        """The filter line, the list, and a note when the list is cut or empty."""
        yield Static(id="filter-line")
        yield OptionList(id="history-list")
        yield Static(id="history-note", markup=False)

    def on_mount(self) -> None:
        """Fill the list once laid out (``_fit``), and again whenever the state changes."""
        super().on_mount()
        self.watch(self.app, "state_revision", self._show, init=False)

    def after_relocalize(self) -> None:
        """A rebuilt screen keeps its filters and lists in the new language."""
        self._show()

    def _today(self) -> date:
        return today(self.durf.clock)

    def _show(self, _revision: int = 0) -> None:
        state = self.practice.state
        if state is None or not self.query("#history-list"):
            return
        limit = None if self.week is not None else SHOWN_AT_MOST
        view = history_view(state, exercise=self.exercise, week=self.week, limit=limit)
        self._entries = view.entries
        this_year = self._today().year
        listing = self.query_one("#history-list", OptionList)
        width = (listing.size.width or self.app.size.width - 4) - 1
        when_width = 2 + max((len(when(e.at, this_year)) for e in view.entries), default=16)
        stacked = self.app.size.width < PHONE_WIDTH
        listing.clear_options()
        listing.add_options(
            [
                Option(entry_line(entry, this_year, width, when_width, stacked=stacked))
                for entry in view.entries
            ]
        )
        if view.entries:
            listing.highlighted = len(view.entries) - 1
            self.call_after_refresh(listing.scroll_to_highlight)
        self.query_one("#filter-line", Static).update(self._filter_words())
        note = self.query_one("#history-note", Static)
        if not view.entries:
            if not state.history and not state.steps:
                note.update(t("history.empty"))
            elif self.week is None:
                note.update(t("history.empty_exercise"))
            else:
                note.update(t("history.empty_filtered"))
        elif view.matching > len(view.entries):
            note.update(t("history.cut", shown=len(view.entries), total=view.matching))
        else:
            note.update(tn("history.count", view.matching))

    def _filter_words(self) -> Content:
        exercise = (
            t("history.all_exercises")
            if self.exercise is None
            else t(f"history.kind.{self.exercise}")
        )
        week = (
            t("history.all_weeks")
            if self.week is None
            else week_heading(self.week, Week.of(self._today()))
        )
        return Content.assemble(
            (t("history.showing"), "$text-muted"),
            " ",
            (exercise, "bold"),
            ("  ·  ", "$text-muted"),
            (week, "bold"),
        )

    def action_next_filter(self) -> None:
        """Show the next exercise that has anything (then everything again)."""
        state = self.practice.state
        if state is None:
            return
        present = {r.exercise for r in state.history if not is_part(r)}
        if state.steps:
            present.add("step")
        choices = [None, *(kind for kind in FILTERS[1:] if kind in present)]
        at = choices.index(self.exercise) if self.exercise in choices else 0
        self.exercise = choices[(at + 1) % len(choices)]
        self._show()

    def _fit(self, width: int, height: int) -> None:
        super()._fit(width, height)
        self.call_after_refresh(self._show)

    def action_week(self, direction: int) -> None:
        """Step to the previous or next week that holds anything; past the last, all weeks."""
        state = self.practice.state
        if state is None:
            return
        weeks = weeks_with_history(state)
        if not weeks:
            return
        if self.week is None:
            self.week = weeks[-1] if direction < 0 else None
        else:
            later = [week for week in weeks if week > self.week]
            earlier = [week for week in weeks if week < self.week]
            if direction > 0:
                self.week = later[0] if later else None
            elif earlier:
                self.week = earlier[-1]
        self._show()

    def action_all_weeks(self) -> None:
        """Drop the week filter."""
        self.week = None
        self._show()

    @on(OptionList.OptionSelected, "#history-list")
    def _open(self, event: OptionList.OptionSelected) -> None:
        from durf.screens.progress.entry import EntryScreen

        self.app.push_screen(EntryScreen(self._entries[event.option_index]))
