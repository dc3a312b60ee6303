"""Step 1 of breathing before speaking: where is the tension, and how strong?"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import SelectionList, Static
from textual.widgets.selection_list import Selection

from durf.core.breathing import BODY_AREAS, areas_after_ticking
from durf.core.i18n import t
from durf.screens.flow import FlowScreen
from durf.widgets.scale import Scale
from durf.widgets.tick_list import TickList


class CheckInScreen(FlowScreen):
    """Notice the body before breathing. Everything here may be skipped."""

    TITLE_KEY = "breathe.title"
    CSS_PATH = Path(__file__).with_name("breathe.tcss")
    KEY_HINTS: ClassVar = [
        ("keyname.space", "keys.mark"),
        ("Tab", "keys.next_field"),
        ("Enter", "keys.next"),
        ("s", "keys.skip"),
        ("Esc", "keys.back"),
    ]
    AUTO_FOCUS = ""
    BINDINGS: ClassVar = [
        Binding("enter", "next", show=False, priority=True),
        Binding("s", "skip", show=False),
    ]

    def compose_body(self) -> ComposeResult:
        """The body areas as a multiple choice, then the 0-10 scale; scrolls when small."""
        with VerticalScroll(id="check-in", can_focus=False):
            yield Static(t("checkin.intro"), classes="intro", markup=False)
            yield Static(t("checkin.where"), classes="question", markup=False)
            yield TickList(
                *[
                    Selection(t(f"area.{area}"), area, area in self.flow.session.areas)
                    for area in BODY_AREAS
                ],
                id="areas",
            )
            yield Static(t("checkin.how_strong"), classes="question", markup=False)
            yield Scale(
                self.flow.session.tension_before,
                "scale.tension_low",
                "scale.tension_high",
                id="tension",
            )

    def on_mount(self) -> None:
        """The list takes the keys, and the page stays at its top.

        Textual's own first focus scrolls the whole list into view, which in a low
        window hides the question the list answers.
        """
        self.query_one("#areas", SelectionList).focus(scroll_visible=False)

    def on_selection_list_selection_toggled(
        self, event: SelectionList.SelectionToggled[str]
    ) -> None:
        """Ticking "Nowhere, really" unticks the areas, and ticking an area unticks it."""
        areas = event.selection_list
        keep = areas_after_ticking(list(areas.selected), event.selection.value)
        for area in set(areas.selected) - set(keep):
            areas.deselect(area)

    def remember(self) -> None:
        """The marked areas and the rating go into the session."""
        self.flow.session.areas = list(self.query_one("#areas", SelectionList).selected)
        self.flow.session.tension_before = self.query_one("#tension", Scale).value

    def action_next(self) -> None:
        """Keep the answers and go on."""
        self._answered()

    def _answered(self) -> None:
        if self.app.screen is self:
            self.remember()
            self._continue()

    def action_skip(self) -> None:
        """Go straight to the breathing, noting nothing."""
        self.flow.session.areas = []
        self.flow.session.tension_before = None
        self._continue()

    def _continue(self) -> None:
        from durf.screens.breathe.setup import SetupScreen

        self.go_to(SetupScreen(self.flow))
