"""The home screen: what durf offers, open honest sentences, and a kind word about practice."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
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
    HomeEntry("session", "session.title", "home.session_description", "app.start_session"),
    HomeEntry("breathe", "breathe.title", "home.breathe_description", "app.start_breathing"),
    HomeEntry("affirm", "affirm.title", "home.affirm_description", "app.start_affirmations"),
    HomeEntry("steps", "steps.title", "home.steps_description", "app.open_steps"),
    HomeEntry("progress", "progress.title", "home.progress_description", "app.open_progress"),
    HomeEntry("settings", "settings.title", "home.settings_description", "app.open_settings"),
    HomeEntry("help", "help.title", "home.help_description", "app.open_help"),
    HomeEntry("about", "about.title", "home.about_description", "app.open_about"),
    # Ninth, so that the numbers people (and tests) know by heart stay where they are.
    HomeEntry("quadrant", "quadrant.title", "home.quadrant_description", "app.open_quadrant"),
]


def progress_parts(summary: HomeSummary | None) -> list[str]:
    """The parts of the progress line: a welcome on the first run, then a gentle summary."""
    if summary is None or summary.sessions == 0:
        return [t("home.welcome")]
    if summary.days_this_week == 0:
        # A new week: no count of zero days, just a welcome (and a run still going).
        parts = [t("home.welcome_back")]
    else:
        parts = [tn("home.days_this_week", summary.days_this_week)]
        if summary.minutes_this_week:
            parts.append(t("home.minutes_this_week", minutes=summary.minutes_this_week))
    if summary.streak > 1:
        parts.append(t("home.streak", count=summary.streak))
    return parts


def progress_text(summary: HomeSummary | None) -> str:
    """The progress line on one line, for the narrow home screen."""
    return "  ·  ".join(progress_parts(summary))


WIDE_ENOUGH = 78
"""From this many columns the progress card stands beside the menu."""


class HomeScreen(DurfScreen):
    """The first screen."""

    TITLE_KEY = "home.title"
    KEY_HINTS: ClassVar = [
        ("↑↓", "keys.move"),
        ("Enter", "keys.open"),
        (f"1-{len(HOME_ENTRIES)}", "keys.choose"),
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
    # Inline rather than a CSS_PATH: the default screen is laid out before a
    # screen's own stylesheet is read, and the menu beside the card must never
    # be measured without its width (an option list of width 0 cannot wrap).
    DEFAULT_CSS = """
    HomeScreen #progress {
        height: auto;
        margin: 0 0 1 0;
        color: $text;
        display: none;
    }

    HomeScreen.-narrow #progress {
        display: block;
    }

    HomeScreen #top {
        height: auto;
        max-height: 1fr;
    }

    HomeScreen #menu {
        width: 36;
        height: auto;
        background: transparent;
    }

    HomeScreen #glance {
        width: 1fr;
        height: auto;
        margin: 0 0 0 2;
    }

    HomeScreen.-narrow #glance, HomeScreen.-narrow #menu-description {
        display: none;
    }

    HomeScreen.-narrow #menu {
        width: 100%;
    }

    HomeScreen #menu-description {
        height: auto;
        margin: 0 0 0 1;
        color: $text-muted;
        text-style: italic;
    }

    HomeScreen #open-heading {
        display: none;
        margin: 1 0 0 0;
        text-style: bold;
    }

    HomeScreen #open-sentences {
        display: none;
        height: auto;
        max-height: 6;
        background: transparent;
    }
    """

    def compose_body(self) -> ComposeResult:
        """The progress line or card, the menu, and any sentences waiting to be said."""
        yield Static(progress_text(None), id="progress", markup=False)
        options = [
            Option(
                Content.assemble((f"{number}  ", "$text-muted"), (t(entry.title_key), "bold")),
                id=entry.id,
            )
            for number, entry in enumerate(HOME_ENTRIES, start=1)
        ]
        with Horizontal(id="top"):
            yield OptionList(*options, id="menu")
            yield Static(id="glance")
        yield Static(id="menu-description", markup=False)
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
        summary = self.practice.progress.summary()
        progress.first(Static).update(progress_text(summary))
        board = self.practice.progress.dashboard()
        card: Content | str = progress_text(None)
        if board is not None:
            # Imported with the first figures: the charts need the state models (pydantic),
            # which the first frame, drawn before the state is read, does without.
            from durf.screens.home_card import glance

            card = glance(board, progress_parts(summary))
        self.query_one("#glance", Static).update(card)
        self._show_open_sentences()

    def _fit(self, width: int, height: int) -> None:
        super()._fit(width, height)
        self.set_class(width < WIDE_ENOUGH, "-narrow")

    @on(OptionList.OptionHighlighted, "#menu")
    def _describe(self, event: OptionList.OptionHighlighted) -> None:
        entry = HOME_ENTRIES[event.option_index]
        self.query_one("#menu-description", Static).update(t(entry.description_key))

    def after_relocalize(self) -> None:
        """The rebuilt screen shows the state again, not the first-run welcome."""
        self._refresh_from_state()

    def _show_open_sentences(self) -> None:
        state = self.practice.state
        from_state = []
        if state is not None:
            from durf.core.breathing import open_sentences

            from_state = open_sentences(state)
        listing = self.query_one("#open-sentences", OptionList)
        highlighted = listing.highlighted
        if listing.option_count or from_state:  # a first frame has nothing to clear
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
        # Hidden by the style sheet until needed: set again, the same value restyles.
        if not has_open and listing.has_focus:
            # The last one answered from the list: the keys go back to the menu, not
            # to a list that is no longer there.
            self.query_one("#menu", OptionList).focus()
        for widget in self.query("#open-heading, #open-sentences"):
            if widget.display != has_open:
                widget.display = has_open
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
        if self.attempt(lambda: self.practice.breathing.answer_sentence(sentence_id, answer)):
            self.app.notify(t(f"followup.answered_{answer}"), timeout=4)

    @on(OptionList.OptionSelected, "#menu")
    async def _selected(self, event: OptionList.OptionSelected) -> None:
        await self.run_action(HOME_ENTRIES[event.option_index].action)
