"""Affirmations: choose what to practise (a set, favourites, your own, a mix)."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from durf.core.i18n import t, tn
from durf.core.text import shown
from durf.screens.base import DurfScreen


class AffirmScreen(DurfScreen):
    """The sources of affirmations, each with how many it holds."""

    TITLE_KEY = "affirm.title"
    CSS_PATH = Path(__file__).with_name("affirm.tcss")
    KEY_HINTS: ClassVar = [
        ("↑↓", "keys.move"),
        ("Enter", "keys.choose_this"),
        ("o", "keys.own"),
        ("Esc", "keys.back"),
    ]
    BINDINGS: ClassVar = [Binding("o", "own", show=False)]

    def compose_body(self) -> ComposeResult:
        """An intro line and the list of sources."""
        yield Static(t("affirm.intro"), classes="intro", markup=False)
        yield OptionList(id="sources")

    def on_mount(self) -> None:
        """Fill the list, and again whenever the state changes (your own, favourites)."""
        super().on_mount()
        self.watch(self.app, "state_revision", self._fill)

    def _fill(self, _revision: int = 0) -> None:
        listing = self.query_one("#sources", OptionList)
        highlighted = listing.highlighted
        listing.clear_options()
        self.sources = self.practice.affirmations.sources()
        for source, title, description, items in self.sources:
            listing.add_option(
                Option(
                    Content.assemble(
                        (shown(title), "bold"),
                        ("   " + tn("affirm.count", len(items)), "$text-muted"),
                        "\n",
                        (shown(description), "$text-muted"),
                    ),
                    id=source,
                    disabled=not items,
                )
            )
        listing.highlighted = highlighted if highlighted is not None else 0

    def after_relocalize(self) -> None:
        """Titles in the new language."""
        self._fill()

    def action_own(self) -> None:
        """Manage your own affirmations."""
        from durf.screens.affirm.own import OwnScreen

        self.app.push_screen(OwnScreen())

    @on(OptionList.OptionSelected, "#sources")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        from durf.screens.affirm.setup import AffirmSetupScreen

        source = self.sources[event.option_index][0]
        self.app.push_screen(AffirmSetupScreen(self.practice.affirmations.new_flow(source)))
