"""Step 2: choose the breathing pattern and how many breaths. Remembered for next time."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from durf.core.i18n import get_language, t, tn
from durf.core.pacer import breaths_for_minutes
from durf.screens.flow import FlowScreen

MAX_BREATHS = 60
MAX_MINUTES = 30


class SetupScreen(FlowScreen):
    """A list of patterns, each with its purpose, and the number of breaths."""

    TITLE_KEY = "breathe.title"
    CSS_PATH = Path(__file__).with_name("breathe.tcss")
    KEY_HINTS: ClassVar = [
        ("↑↓", "keys.choose_pattern"),
        ("← →", "keys.fewer_more"),
        ("m", "keys.breaths_or_minutes"),
        ("Enter", "keys.start"),
        ("Esc", "keys.back"),
    ]
    BINDINGS: ClassVar = [
        Binding("left,minus", "length(-1)", show=False),
        Binding("right,plus,equals_sign", "length(1)", show=False),
        Binding("m", "toggle_unit", show=False),
    ]

    def compose_body(self) -> ComposeResult:
        """The patterns, and the breaths line."""
        language = get_language()
        # The default first: it is where a newcomer should start.
        patterns = self.practice.breathing.patterns()
        self.patterns = sorted(patterns, key=lambda pattern: not pattern.default)
        yield Static(t("setup.choose"), classes="question", markup=False)
        yield OptionList(
            *[
                Option(
                    Content.assemble(
                        (pattern.name.get(language), "bold"),
                        ("   " + self._rhythm(pattern), "$text-muted"),
                        "\n",
                        (pattern.purpose.get(language), "$text-muted"),
                    ),
                    id=pattern.id,
                )
                for pattern in self.patterns
            ],
            id="patterns",
        )
        yield Static(id="breaths", markup=False)

    @staticmethod
    def _rhythm(pattern: object) -> str:
        symbols = {"in": "↑", "hold": "·", "out": "↓"}
        return " ".join(
            f"{symbols[p.kind]}" + f"{p.seconds:g}".replace(".", t("number.decimal_sign"))
            for p in pattern.phases  # type: ignore[attr-defined]
        )

    def on_mount(self) -> None:
        """Start on the pattern and count chosen last time."""
        super().on_mount()
        settings = self.practice.settings
        self.breaths = settings.breath_count
        self.minutes = settings.breath_minutes
        self.by_minutes = settings.breath_unit == "minutes"
        chosen = self.practice.breathing.current_pattern()
        self._restore(chosen.id if chosen is not None else None)

    def _restore(self, pattern_id: str | None) -> None:
        ids = [pattern.id for pattern in self.patterns]
        options = self.query_one("#patterns", OptionList)
        if pattern_id in ids:
            options.highlighted = ids.index(pattern_id)
        options.focus()
        self._show_breaths()

    def remember(self) -> None:
        """Keep the highlighted rhythm across a rebuild."""
        pattern = self._highlighted()
        self._remembered = pattern.id if pattern is not None else None

    def after_relocalize(self) -> None:
        """Back on the rhythm the user had highlighted, with the focus on the list."""
        self._restore(getattr(self, "_remembered", None))

    def _planned_breaths(self) -> int:
        """Breaths for the session: as chosen, or as many as fit in the minutes."""
        pattern = self._highlighted()
        if not self.by_minutes or pattern is None:
            return self.breaths
        cycle = pattern.cycle_seconds * self.practice.settings.breath_pace
        return breaths_for_minutes(self.minutes, cycle)

    def _show_breaths(self) -> None:
        pattern = self._highlighted()
        breaths = self._planned_breaths()
        if self.by_minutes:
            text = tn("setup.minutes", self.minutes) + "  ·  " + tn("setup.breaths", breaths)
        else:
            text = tn("setup.breaths", breaths)
            if pattern is not None:
                seconds = pattern.cycle_seconds * breaths * self.practice.settings.breath_pace
                text += "  ·  " + t("setup.about_minutes", minutes=max(1, round(seconds / 60)))
        self.query_one("#breaths", Static).update(text)

    def _highlighted(self):  # type: ignore[no-untyped-def]
        index = self.query_one("#patterns", OptionList).highlighted
        return self.patterns[index] if index is not None and self.patterns else None

    def action_back(self) -> None:
        """Back to the check-in, with what was noted there still filled in."""
        from durf.screens.breathe.checkin import CheckInScreen

        self.go_to(CheckInScreen(self.flow))

    @on(OptionList.OptionHighlighted, "#patterns")
    def _pattern_moved(self) -> None:
        self._show_breaths()

    def action_length(self, delta: int) -> None:
        """A breath (or a minute) more or fewer."""
        if self.by_minutes:
            self.minutes = max(1, min(MAX_MINUTES, self.minutes + delta))
        else:
            self.breaths = max(1, min(MAX_BREATHS, self.breaths + delta))
        self._show_breaths()

    def action_toggle_unit(self) -> None:
        """m: count the session in breaths or in minutes."""
        self.by_minutes = not self.by_minutes
        self._show_breaths()

    @on(OptionList.OptionSelected, "#patterns")
    def _start(self) -> None:
        pattern = self._highlighted()
        if pattern is None:
            return
        self.change_settings(
            breath_pattern=pattern.id,
            breath_count=self.breaths,
            breath_minutes=self.minutes,
            breath_unit="minutes" if self.by_minutes else "breaths",
        )
        self.flow.pattern = pattern
        self.flow.session.breaths_planned = self._planned_breaths()
        from durf.screens.breathe.breathing import BreatheScreen

        self.go_to(BreatheScreen(self.flow))
