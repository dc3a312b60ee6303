"""The home screen: what durf offers, and a short, kind word about your practice."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from durf.core.i18n import t, tn
from durf.core.progress import HomeSummary
from durf.screens.base import DurfScreen


@dataclass(frozen=True)
class HomeEntry:
    """One line of the home menu: what it is called, what it does, which action opens it."""

    id: str
    title_key: str
    description_key: str
    action: str


HOME_ENTRIES: list[HomeEntry] = [
    HomeEntry("settings", "settings.title", "home.settings_description", "app.open_settings"),
    HomeEntry("help", "help.title", "home.help_description", "app.open_help"),
    HomeEntry("about", "about.title", "home.about_description", "app.open_about"),
]


def progress_text(summary: HomeSummary | None) -> str:
    """The progress line: a welcome on the first run, then a gentle summary."""
    if summary is None or summary.sessions == 0:
        return t("home.welcome")
    parts = [tn("home.days_this_week", summary.days_this_week)]
    if summary.minutes_this_week:
        parts.append(t("home.minutes_this_week", minutes=summary.minutes_this_week))
    if summary.streak > 1:
        parts.append(t("home.streak", count=summary.streak))
    elif summary.days_this_week == 0:
        parts = [t("home.welcome_back")]
    return "  ·  ".join(parts)


class HomeScreen(DurfScreen):
    """The first screen."""

    TITLE_KEY = "home.title"
    KEY_HINTS: ClassVar = [
        ("↑↓", "keys.move"),
        ("Enter", "keys.open"),
        ("1-9", "keys.choose"),
        ("?", "keys.help"),
        ("Ctrl+Q", "keys.quit"),
    ]
    BINDINGS: ClassVar = [
        Binding(str(number), f"choose({number})", show=False) for number in range(1, 10)
    ]
    CSS_PATH = "home.tcss"

    def compose_body(self) -> ComposeResult:
        """The progress line above the menu."""
        yield Static(progress_text(None), id="progress", markup=False)
        options = [
            Option(
                Content.assemble(
                    (f"{number}  ", "$text-muted"),
                    (t(entry.title_key), "bold"),
                    "\n   ",
                    (t(entry.description_key), "$text-muted"),
                ),
                id=entry.id,
            )
            for number, entry in enumerate(HOME_ENTRIES, start=1)
        ]
        yield OptionList(*options, id="menu")

    def on_mount(self) -> None:
        """Show progress as soon as the state has been read."""
        super().on_mount()
        self.watch(self.app, "state_revision", self._show_progress)

    def _show_progress(self, _revision: int) -> None:
        summary = self.durf.home_summary()
        self.query_one("#progress", Static).update(progress_text(summary))

    def action_back(self) -> None:
        """Esc on the home screen does nothing: quitting is Ctrl+Q, on purpose."""

    async def action_choose(self, number: int) -> None:
        """Open the menu entry with this number."""
        if 1 <= number <= len(HOME_ENTRIES):
            self.query_one("#menu", OptionList).highlighted = number - 1
            await self.run_action(HOME_ENTRIES[number - 1].action)

    @on(OptionList.OptionSelected, "#menu")
    async def _selected(self, event: OptionList.OptionSelected) -> None:
        await self.run_action(HOME_ENTRIES[event.option_index].action)
