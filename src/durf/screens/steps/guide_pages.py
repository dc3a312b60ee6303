"""The small-step guide's pages: five questions, then the step's details.

All pages are mounted at once and only shown in turn: turning a page moves the
focus at once. Words written before are offered where they fit: earlier
desires under the desire, earlier honest sentences among the details.
``GuidePages`` is the base of ``GuideScreen`` (in ``step_guide``), which holds
the keys and moves between the pages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import ContentSwitcher, Input, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from durf.core.clock import today
from durf.core.i18n import get_language, t
from durf.core.steps import GUIDE_PAGES, earlier_desires
from durf.core.text import one_line, shown
from durf.core.weeks import Week
from durf.screens.base import DurfScreen
from durf.screens.steps.fields import (
    StepFields,
    compose_step_fields,
    show_trust_question,
    take_earlier_sentence,
)
from durf.widgets.shown_fields import ShownTextArea

if TYPE_CHECKING:
    from durf.core.library import StepGuide
    from durf.core.state import StepDraft
    from durf.widgets.keybar import KeyHint

DETAILS_PAGE = len(GUIDE_PAGES)
"""After the five questions: who, when, how scary, and the first sentence."""


class GuidePages(DurfScreen):
    """One page per question and one for the details, composed at once and shown in turn."""

    DETAILS_HINTS: ClassVar[list[KeyHint]]
    """The key hints on the details page (``KEY_HINTS`` on the questions)."""

    def __init__(self, draft: StepDraft, guide: StepGuide | None, *, resumed: bool) -> None:
        super().__init__()
        self.draft = draft
        self.guide = guide
        self.resumed = resumed
        self.opened_at = draft.updated_at
        """When this sitting began (set at mount); the session kept in the history starts here."""
        self.page = min(draft.page, DETAILS_PAGE)
        self.making_smaller = False
        """Set once the user takes the offer of a smaller step: the challenge page says so."""
        self._focused_id: str | None = None
        self._desires: list[str] = []
        self._earlier_sentences: list[str] = []

    def compose_body(self) -> ComposeResult:
        """Every page, one shown at a time."""
        with ContentSwitcher(initial=page_id(self.page), id="pages"):
            for page in range(len(GUIDE_PAGES)):
                yield from self._compose_question(page)
            yield from self._compose_details()

    def _compose_question(self, page: int) -> ComposeResult:
        language = get_language()
        step_id = GUIDE_PAGES[page]
        guide_step = self._guide_step(step_id)
        title = guide_step.title.get(language) if guide_step else step_id
        with VerticalScroll(id=page_id(page), classes="guide-page", can_focus=False):
            yield Static(
                t("guide.page", number=page + 1, total=len(GUIDE_PAGES), title=title),
                classes="page-title",
                markup=False,
            )
            if step_id == "challenge":
                hint = Static(t("guide.smaller_hint"), id="smaller-hint", classes="hint")
                hint.display = self.making_smaller
                yield hint
            if guide_step is not None:
                yield Static(guide_step.prompt.get(language), classes="prompt", markup=False)
                yield Static(
                    t("guide.example", example=guide_step.example.get(language)),
                    classes="example",
                    markup=False,
                )
            yield ShownTextArea(
                self.draft.answers.get(step_id, ""),
                soft_wrap=True,
                tab_behavior="focus",
                show_line_numbers=False,
                placeholder=t(
                    "guide.step_placeholder" if step_id == "challenge" else "guide.placeholder"
                ),
                id=f"answer-{step_id}",
                classes="answer",
            )
            if step_id == "desire":
                yield from self._compose_earlier_desires()

    def _compose_earlier_desires(self) -> ComposeResult:
        state = self.practice.state
        ladders = earlier_desires(state) if state is not None else []
        self._desires = [ladder.desire for ladder in ladders if ladder.desire.strip()]
        if self._desires:
            yield Static(t("guide.earlier_desires"), classes="muted", markup=False)
            yield OptionList(
                *[
                    Option(Content.assemble(("↑ ", "$accent"), shown(text)))
                    for text in self._desires
                ],
                id="earlier-desires",
            )

    def _compose_details(self) -> ComposeResult:
        from durf.core.breathing import earlier_sentences

        state = self.practice.state
        self._earlier_sentences = earlier_sentences(state, limit=8) if state is not None else []
        with VerticalScroll(id=page_id(DETAILS_PAGE), can_focus=False):
            yield Static(t("guide.details_title"), classes="page-title", markup=False)
            yield Static(self._recap(), id="recap", classes="recap")
            yield from compose_step_fields(
                StepFields.of(self.draft),
                self._this_week(),
                self._earlier_sentences,
            )

    def _recap(self) -> Content:
        return Content.assemble(
            (t("guide.your_step"), "$text-muted"),
            " ",
            one_line(self.draft.answers.get("challenge", ""), 70),
        )

    def _guide_step(self, step_id: str):  # type: ignore[no-untyped-def]
        if self.guide is None:
            return None
        return next((step for step in self.guide.steps if step.id == step_id), None)

    def _this_week(self) -> Week:
        return Week.of(today(self.durf.clock))

    def answer_box(self, page: int | None = None) -> TextArea:
        """The text box of a question page (the current one by default)."""
        return self.query_one(
            f"#answer-{GUIDE_PAGES[self.page if page is None else page]}", TextArea
        )

    def on_mount(self) -> None:
        """Put the cursor where the user writes, and say so when a draft came back."""
        super().on_mount()
        self.opened_at = self.durf.clock.now()
        self._show_page()
        if self.resumed:
            self.app.notify(t("guide.resumed"), timeout=6)

    def after_relocalize(self) -> None:
        """The page, its hints and the field that had the focus, as before the rebuild."""
        self._show_page(focus_id=self._focused_id)

    def _show_page(self, focus_id: str | None = None) -> None:
        from durf.widgets.keybar import KeyBar

        self.query_one("#pages", ContentSwitcher).current = page_id(self.page)
        on_details = self.page == DETAILS_PAGE
        self.query_one(KeyBar).show_hints(self.DETAILS_HINTS if on_details else self.KEY_HINTS)
        if on_details:
            self.query_one("#recap", Static).update(self._recap())
            show_trust_question(self)
        target = self.query(f"#{focus_id}") if focus_id else None
        if target:
            widget = target.first()
        elif on_details:
            widget = self.query_one("#with-whom", Input)
        else:
            widget = self.answer_box()
        # Synchronously, so a key right after the page turn already lands here.
        self.set_focus(widget, scroll_visible=False)
        if isinstance(widget, TextArea):
            widget.move_cursor(widget.document.end)
        elif isinstance(widget, Input):
            widget.cursor_position = len(widget.value)

    @on(OptionList.OptionSelected, "#earlier-desires")
    def _take_desire(self, event: OptionList.OptionSelected) -> None:
        answer = self.answer_box(GUIDE_PAGES.index("desire"))
        answer.text = self._desires[event.option_index]
        answer.focus()
        answer.move_cursor(answer.document.end)

    @on(OptionList.OptionSelected, "#earlier-sentences")
    def _take_sentence(self, event: OptionList.OptionSelected) -> None:
        take_earlier_sentence(self, self._earlier_sentences, event.option_index)


def page_id(page: int) -> str:
    """The id of a page's container (``page-0`` to ``page-5``)."""
    return f"page-{page}"
