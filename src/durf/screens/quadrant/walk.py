"""The core quadrant: four pages to tick and write on, then one sentence to practise.

All pages are mounted at once and shown in turn (as in the step guide), so turning
a page moves the focus at once and keys typed right after it land on the new page.
Leaving half way (Esc, quitting, a closed terminal) keeps what was ticked and
written as a record marked as not finished; the next walk carries on from it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import ContentSwitcher, Input, SelectionList, Static
from textual.widgets.selection_list import Selection

from durf.core.i18n import get_language, t
from durf.core.quadrant.answers import PAGES
from durf.core.quadrant.exercise_file import CORNERS
from durf.practice.flows import QuadrantFlow
from durf.screens.flow import FlowScreen
from durf.widgets.shown_fields import ShownInput
from durf.widgets.tick_list import TickList

if TYPE_CHECKING:
    pass

SENTENCE_PAGE = len(CORNERS)
MAX_WORDS = 2000


def _page_id(page: int) -> str:
    return f"page-{page}"


class QuadrantScreen(FlowScreen):
    """The four corners and the sentence; PgDn and PgUp turn the pages."""

    TITLE_KEY = "quadrant.title"
    CSS_PATH = Path(__file__).with_name("quadrant.tcss")
    AUTO_FOCUS = ""
    STOP_QUESTION: ClassVar = ("quadrant.stop_question", "quadrant.stop_detail")
    KEY_HINTS: ClassVar = [
        ("keyname.space", "quadrant.key_tick"),
        ("Tab", "keys.next_field"),
        ("PgDn", "keys.next"),
        ("PgUp", "keys.previous"),
        ("Esc", "quadrant.key_stop"),
    ]
    SENTENCE_HINTS: ClassVar = [
        ("Enter", "quadrant.key_finish"),
        ("PgUp", "keys.previous"),
        ("Esc", "quadrant.key_stop"),
    ]
    BINDINGS: ClassVar = [
        Binding("pagedown", "next", show=False, priority=True),
        Binding("pageup", "previous", show=False, priority=True),
    ]

    flow: QuadrantFlow

    def __init__(self, flow: QuadrantFlow) -> None:
        super().__init__(flow)
        self.page = min(flow.answers.page, SENTENCE_PAGE)

    def compose_body(self) -> ComposeResult:
        """Every page, one shown at a time."""
        with ContentSwitcher(initial=_page_id(self.page), id="pages"):
            for page, corner in enumerate(CORNERS):
                yield from self._compose_corner(page, corner)
            yield from self._compose_sentence()

    def _compose_corner(self, page: int, corner: str) -> ComposeResult:
        language = get_language()
        side = self.flow.quadrant.corner(corner)
        ticked = set(self.flow.answers.ticked.get(corner, []))
        title = side.title.get(language)
        with VerticalScroll(id=_page_id(page), classes="quadrant-page", can_focus=False):
            yield Static(self._page_title(page, title), classes="page-title", markup=False)
            yield Static(side.prompt.get(language), classes="prompt", markup=False)
            yield Static(t("quadrant.tick_hint"), classes="hint", markup=False)
            yield TickList(
                *[
                    Selection(Content(ex.text.get(language)), ex.id, ex.id in ticked)
                    for ex in side.examples
                ],
                id=f"ticks-{corner}",
                classes="ticks",
            )
            yield Static(t("quadrant.own_words"), classes="label", markup=False)
            yield ShownInput(
                self.flow.answers.own.get(corner, ""),
                placeholder=t("quadrant.own_placeholder"),
                max_length=MAX_WORDS,
                id=f"own-{corner}",
                classes="own",
            )

    def _compose_sentence(self) -> ComposeResult:
        language = get_language()
        with VerticalScroll(id=_page_id(SENTENCE_PAGE), classes="quadrant-page", can_focus=False):
            yield Static(
                self._page_title(SENTENCE_PAGE, t("quadrant.sentence_title")),
                classes="page-title",
                markup=False,
            )
            yield Static(self.flow.quadrant.practise.get(language), classes="prompt", markup=False)
            yield ShownInput(
                self.flow.answers.sentence,
                placeholder=t("quadrant.sentence_placeholder"),
                max_length=MAX_WORDS,
                id="sentence",
                classes="own",
            )

    def _page_title(self, page: int, title: str) -> str:
        name = self.flow.quadrant.name.get(get_language())
        heading = t("quadrant.page", number=page + 1, total=PAGES, title=title)
        return f"{name} · {heading}"

    def on_mount(self) -> None:
        """Focus the page the walk is on."""
        super().on_mount()
        self._show_page()

    # -- turning pages -------------------------------------------------------------

    def _show_page(self) -> None:
        self.query_one("#pages", ContentSwitcher).current = _page_id(self.page)
        hints = self.SENTENCE_HINTS if self.page == SENTENCE_PAGE else self.KEY_HINTS
        self.show_hints(hints)
        if self.page == SENTENCE_PAGE:
            self.query_one("#sentence", Input).focus(scroll_visible=False)
        else:
            self.query_one(f"#ticks-{CORNERS[self.page]}", SelectionList).focus(
                scroll_visible=False
            )

    def show_hints(self, hints: list[tuple[str, str]]) -> None:
        """The key bar for this page (a session part adds its own keys)."""
        from durf.widgets.keybar import KeyBar

        self.query_one(KeyBar).show_hints(hints)

    def remember(self) -> None:
        """Copy what is ticked and written on every page into the walk."""
        answers = self.flow.answers
        for corner in CORNERS:
            chosen = set(self.query_one(f"#ticks-{corner}", SelectionList).selected)
            examples = self.flow.quadrant.corner(corner).examples
            answers.ticked[corner] = [ex.id for ex in examples if ex.id in chosen]
            answers.own[corner] = self.query_one(f"#own-{corner}", Input).value
        answers.sentence = self.query_one("#sentence", Input).value
        answers.page = self.page

    def action_next(self) -> None:
        """The next page; after the sentence, the summary."""
        if self.page >= SENTENCE_PAGE:
            self.finish(completed=True)
            return
        self.page += 1
        self._show_page()

    def action_previous(self) -> None:
        """The page before (what was typed stays)."""
        if self.page > 0:
            self.page -= 1
            self._show_page()

    @on(SelectionList.SelectedChanged)
    @on(Input.Changed)
    def _changed(self) -> None:
        # Kept in the walk at once, so that Esc, quitting or a closed terminal finds
        # every tick and word there (they ask the walk whether it is worth keeping).
        self.remember()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_next()

    # -- ending ----------------------------------------------------------------------

    def finish(self, completed: bool) -> None:
        """Save the walk; a finished one is shown as a quadrant, a stopped one goes home."""
        self.remember()
        if not self.attempt(lambda: self.practice.keep(self.flow, completed)):
            return  # the app said why; everything is still here to try again
        self.app.notify(t("quadrant.saved" if completed else "quadrant.saved_stopped"), timeout=4)
        self.after_saved(completed)

    def after_saved(self, completed: bool) -> None:
        """Show the quadrant just made, or leave."""
        from durf.screens.quadrant.summary import QuadrantSummaryScreen

        if self.app.screen is not self:
            return
        if completed:
            self.app.switch_screen(QuadrantSummaryScreen(self.flow.answers.id))
        else:
            self.app.pop_screen()
