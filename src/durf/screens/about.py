"""About durf: what it is, the safety line, and where your data lives."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from durf import __version__
from durf.core.i18n import t
from durf.core.text import shown
from durf.screens.base import DurfScreen


class AboutScreen(DurfScreen):
    """A calm page of plain facts."""

    TITLE_KEY = "about.title"
    CSS_PATH = Path(__file__).with_name("about.tcss")

    def compose_body(self) -> ComposeResult:
        """What durf is, the safety line, version and data location."""
        with VerticalScroll(id="about"):
            yield Static(t("about.what"), classes="paragraph", markup=False)
            yield Static(t("about.vulnerability"), classes="paragraph", markup=False)
            yield Static(t("safety.line"), id="safety", classes="paragraph", markup=False)
            yield Static(
                t("about.data", path=shown(str(self.practice.data.state_path))),
                classes="paragraph",
                markup=False,
            )
            yield Static(t("about.version", version=__version__), classes="paragraph")
