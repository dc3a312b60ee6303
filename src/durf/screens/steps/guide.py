"""The small-step guide: five questions, then the step's details, saved while typing.

The pages are composed in ``step_guide_pages`` and what is typed is kept in
``step_guide_draft``; this screen holds the keys, moves between the pages,
offers a smaller step when the planned one is scary, and plans it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding

from durf.core.i18n import t
from durf.core.steps import GUIDE_PAGES, SMALLER_OFFER_FROM, draft_has_words
from durf.screens.confirm import ConfirmScreen
from durf.screens.steps.guide_draft import GuideDraftKeeping
from durf.screens.steps.guide_pages import DETAILS_PAGE

if TYPE_CHECKING:
    from durf.core.library import StepGuide
    from durf.core.state import StepDraft


class GuideScreen(GuideDraftKeeping):
    """One page per question; PgDn and PgUp move between pages and keep what was typed."""

    TITLE_KEY = "steps.title"
    CSS_PATH = Path(__file__).with_name("steps.tcss")
    AUTO_FOCUS = ""
    """Focus is set in ``on_mount``: Textual's auto-focus would scroll the form before layout."""
    KEY_HINTS: ClassVar = [
        ("PgDn", "keys.next"),
        ("PgUp", "keys.previous"),
        ("Ctrl+R", "guide.key_start_again"),
        ("Esc", "guide.key_pause"),
    ]
    DETAILS_HINTS: ClassVar = [
        ("PgDn", "guide.key_plan"),
        ("PgUp", "keys.previous"),
        ("Tab", "keys.next_field"),
        ("Esc", "guide.key_pause"),
    ]
    BINDINGS: ClassVar = [
        Binding("pagedown,ctrl+n", "next", show=False, priority=True),
        Binding("pageup", "previous", show=False, priority=True),
        Binding("ctrl+r", "start_again", show=False, priority=True),
    ]

    def __init__(self, draft: StepDraft, guide: StepGuide | None, *, resumed: bool) -> None:
        super().__init__(draft, guide, resumed=resumed)
        self.offered_smaller = False

    # -- moving between pages ----------------------------------------------------------

    def _go_to_page(self, page: int) -> None:
        self.remember()
        self.page = page
        self.draft.page = page
        self.keep_typed()
        self._show_page()

    def action_next(self) -> None:
        """The next page; from the details, plan the step."""
        self._next_now()

    def _next_now(self) -> None:
        self.remember()
        if (
            self.page == GUIDE_PAGES.index("challenge")
            and not self.draft.answers.get("challenge", "").strip()
        ):
            self.app.notify(t("guide.step_needs_words"), timeout=6)
            return
        if self.page < DETAILS_PAGE:
            self._go_to_page(self.page + 1)
            return
        self._plan_or_offer_smaller()

    def action_previous(self) -> None:
        """The page before, with everything typed there still in place."""
        if self.page > 0:
            self._go_to_page(self.page - 1)

    def _plan_or_offer_smaller(self) -> None:
        scariness = self.draft.scariness
        if scariness is not None and scariness >= SMALLER_OFFER_FROM and not self.offered_smaller:

            def answered(smaller: bool | None) -> None:
                if smaller is None:
                    return  # Esc: back to the details, nothing decided
                self.offered_smaller = True
                if smaller:
                    self.making_smaller = True
                    self.query_one("#smaller-hint").display = True
                    self._go_to_page(GUIDE_PAGES.index("challenge"))
                else:
                    self._plan()

            self.app.push_screen(
                ConfirmScreen(
                    t("guide.smaller_offer", scariness=scariness),
                    t("guide.smaller_offer_detail"),
                    escape_cancels=True,
                ),
                answered,
            )
            return
        self._plan()

    def _plan(self) -> None:
        if not self.keep_typed():
            return
        step_id = self.attempt(lambda: self.practice.steps.plan(self.draft, self.opened_at))
        if step_id is None:
            return
        self._stop_timer()
        self._base = None
        self.app.notify(t("guide.planned"), timeout=5)
        self.planned(step_id)

    def planned(self, step_id: str) -> None:
        """The step is planned: show it on the board."""
        self.durf.show_step_board(step_id, replacing=self)

    def action_start_again(self) -> None:
        """Throw the draft away (after asking) and begin with empty pages."""
        self.remember()
        if not draft_has_words(self.draft):
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            self._stop_timer()
            if self.attempt(self.practice.steps.drop_draft):
                self._base = None
                self.app.notify(t("guide.started_again"), timeout=5)
                self.begin_again()

        self.app.push_screen(
            ConfirmScreen(t("guide.start_again_question"), t("guide.start_again_detail")),
            answered,
        )

    def begin_again(self) -> None:
        """Open the guide afresh, with empty pages (the draft is gone)."""
        self.app.pop_screen()
        self.app.call_later(self.durf.action_new_step)

    def action_back(self) -> None:
        """Pause the guide: the draft is kept for next time (and the guide stays if it was not)."""
        self.remember()
        had_draft = self._base is not None
        if not self.keep_typed():
            return
        if draft_has_words(self.draft):
            self.app.notify(t("guide.paused"), timeout=5)
        elif had_draft and self.attempt(self.practice.steps.drop_draft):
            self._base = None  # every word was deleted: no empty draft left to wait
        super().action_back()
