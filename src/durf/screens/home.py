"""The home screen: what durf offers, open honest sentences, and a kind word about practice."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from durf.core.i18n import t, tn
from durf.core.text import shown
from durf.screens.base import DurfScreen
from durf.widgets.keybar import KeyBar

if TYPE_CHECKING:
    from durf.core.progress import HomeSummary


@dataclass(frozen=True)
class HomeEntry:
    """One line of the home menu: what it is called, what it does, which action opens it."""

    id: str
    title_key: str
    description_key: str
    action: str


HOME_ENTRIES: list[HomeEntry] = [
    HomeEntry("breathe", "breathe.title", "home.breathe_description", "app.start_breathing"),
    HomeEntry("affirm", "affirm.title", "home.affirm_description", "app.start_affirmations"),
    HomeEntry("steps", "steps.title", "home.steps_description", "app.open_steps"),
    HomeEntry("settings", "settings.title", "home.settings_description", "app.open_settings"),
    HomeEntry("help", "help.title", "home.help_description", "app.open_help"),
    HomeEntry("about", "about.title", "home.about_description", "app.open_about"),
]


def progress_text(summary: HomeSummary | None) -> str:
    """The progress line: a welcome on the first run, then a gentle summary."""
    if summary is None or summary.sessions == 0:
        return t("home.welcome")
    if summary.days_this_week == 0:
        # A new week: no count of zero days, just a welcome (and a run still going).
        parts = [t("home.welcome_back")]
    else:
        parts = [tn("home.days_this_week", summary.days_this_week)]
        if summary.minutes_this_week:
            parts.append(t("home.minutes_this_week", minutes=summary.minutes_this_week))
    if summary.streak > 1:
        parts.append(t("home.streak", count=summary.streak))
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
        *[Binding(str(number), f"choose({number})", show=False) for number in range(1, 10)],
        Binding("y,j", "answer('said')", show=False),
        Binding("n", "answer('open')", show=False),
        Binding("x", "answer('not_needed')", show=False),
    ]
    FOLLOW_UP_HINTS: ClassVar = [
        ("keyname.yes", "followup.key_said"),
        ("n", "followup.key_not_yet_short"),
        ("x", "followup.key_not_needed"),
        ("Tab", "keys.switch_list"),
        ("?", "keys.help"),
    ]
    """When sentences wait, the key bar says how to answer them (one key each)."""
    CSS_PATH = "home.tcss"

    def compose_body(self) -> ComposeResult:
        """The progress line, the menu, and any sentences waiting to be said."""
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
        yield Static(t("followup.heading"), id="open-heading", markup=False)
        yield OptionList(id="open-sentences")

    def on_mount(self) -> None:
        """Show progress and open sentences as soon as the state has been read."""
        super().on_mount()
        self._open_ids: list[str] = []
        self._show_open_sentences()
        self.watch(self.app, "state_revision", self._refresh_from_state)

    def _refresh_from_state(self, _revision: int = 0) -> None:
        progress = self.query("#progress")
        if not progress:
            return  # being rebuilt (a language change); after_relocalize fills it in
        progress.first(Static).update(progress_text(self.durf.home_summary()))
        self._show_open_sentences()

    def after_relocalize(self) -> None:
        """The rebuilt screen shows the state again, not the first-run welcome."""
        self._refresh_from_state()

    def _show_open_sentences(self) -> None:
        state = self.durf.state
        from_state = []
        if state is not None:
            from durf.core.breathing import open_sentences

            from_state = open_sentences(state)
        listing = self.query_one("#open-sentences", OptionList)
        highlighted = listing.highlighted
        listing.clear_options()
        self._open_ids = [sentence.id for sentence in from_state]
        for sentence in from_state:
            parts: list[str | tuple[str, str]] = [
                ("“", "$text-muted"),
                shown(sentence.text),
                ("”", "$text-muted"),
            ]
            if sentence.for_whom.strip():
                parts += [
                    ("  ·  ", "$text-muted"),
                    (shown(sentence.for_whom), "italic $text-muted"),
                ]
            listing.add_option(Option(Content.assemble(*parts)))
        has_open = bool(from_state)
        for selector in ("#open-heading", "#open-sentences"):
            self.query_one(selector).display = has_open
        if has_open:
            listing.highlighted = min(highlighted or 0, len(from_state) - 1)
        self.query_one(KeyBar).show_hints(self.FOLLOW_UP_HINTS if has_open else self.KEY_HINTS)

    def action_back(self) -> None:
        """Esc on the home screen does nothing: quitting is Ctrl+Q, on purpose."""

    async def action_choose(self, number: int) -> None:
        """Open the menu entry with this number."""
        if 1 <= number <= len(HOME_ENTRIES):
            self.query_one("#menu", OptionList).highlighted = number - 1
            await self.run_action(HOME_ENTRIES[number - 1].action)

    def action_answer(self, answer: str) -> None:
        """One key answers the highlighted open sentence: said, not yet, no longer needed."""
        listing = self.query_one("#open-sentences", OptionList)
        if not self._open_ids or listing.highlighted is None:
            return
        sentence_id = self._open_ids[listing.highlighted]
        if self.durf.answer_sentence(sentence_id, answer):
            self.app.notify(t(f"followup.answered_{answer}"), timeout=4)

    @on(OptionList.OptionSelected, "#menu")
    async def _selected(self, event: OptionList.OptionSelected) -> None:
        await self.run_action(HOME_ENTRIES[event.option_index].action)
