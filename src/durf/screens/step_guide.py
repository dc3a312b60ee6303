"""The small-step guide: five questions, then the step's details, saved while typing.

Every change is kept in the state file's draft a moment after the last key, and
at once when the page changes, the guide is paused or durf quits: a closed
terminal mid-guide loses at most the last fraction of a second of typing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Input, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from durf.core.clock import today
from durf.core.i18n import get_language, t
from durf.core.status import one_line
from durf.core.steps import GUIDE_PAGES, SMALLER_OFFER_FROM, earlier_desires
from durf.core.text import shown
from durf.core.weeks import Week
from durf.screens.base import DurfScreen
from durf.screens.confirm import ConfirmScreen
from durf.screens.step_fields import (
    StepFields,
    compose_step_fields,
    read_step_fields,
    show_trust_question,
    take_earlier_sentence,
)
from durf.widgets.choices import Choices
from durf.widgets.scale import Scale

if TYPE_CHECKING:
    from textual.timer import Timer

    from durf.core.library import StepGuide
    from durf.core.state import StepDraft

DETAILS_PAGE = len(GUIDE_PAGES)
"""After the five questions: who, when, how scary, and the first sentence."""
SAVE_AFTER_SECONDS = 0.4
"""A pause in typing this long saves the draft."""
MAX_ANSWER = 4000


class GuideScreen(DurfScreen):
    """One page per question; PgDn and PgUp move between pages and keep what was typed."""

    TITLE_KEY = "steps.title"
    CSS_PATH = "steps.tcss"
    AUTO_FOCUS = ""
    """Focus is set in ``on_mount``: Textual's auto-focus would scroll the form before layout."""
    KEY_HINTS: ClassVar = [
        ("PgDn", "keys.next"),
        ("PgUp", "keys.previous"),
        ("Tab", "keys.next_field"),
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
    ]

    def __init__(self, draft: StepDraft, guide: StepGuide | None, *, resumed: bool) -> None:
        super().__init__()
        self.draft = draft
        self.guide = guide
        self.resumed = resumed
        self.opened_at = draft.updated_at
        """When this sitting began (set at mount); the session kept in the history starts here."""
        self.page = min(draft.page, DETAILS_PAGE)
        self.offered_smaller = False
        self.making_smaller = False
        self._save_timer: Timer | None = None
        self._saved_copy: StepDraft | None = draft.model_copy(deep=True) if resumed else None
        self._desires: list[str] = []
        self._earlier_sentences: list[str] = []

    # -- composing -----------------------------------------------------------------

    def compose_body(self) -> ComposeResult:
        """The page the user is on."""
        if self.page == DETAILS_PAGE:
            yield from self._compose_details()
        else:
            yield from self._compose_question()

    def _compose_question(self) -> ComposeResult:
        language = get_language()
        step_id = GUIDE_PAGES[self.page]
        guide_step = self._guide_step(step_id)
        title = guide_step.title.get(language) if guide_step else step_id
        with VerticalScroll(id="guide-page", can_focus=False):
            yield Static(
                t("guide.page", number=self.page + 1, total=len(GUIDE_PAGES), title=title),
                classes="page-title",
                markup=False,
            )
            if self.making_smaller and step_id == "challenge":
                yield Static(t("guide.smaller_hint"), classes="note", markup=False)
            if guide_step is not None:
                yield Static(guide_step.prompt.get(language), classes="prompt", markup=False)
                yield Static(
                    t("guide.example", example=guide_step.example.get(language)),
                    classes="example",
                    markup=False,
                )
            yield TextArea(
                self.draft.answers.get(step_id, ""),
                soft_wrap=True,
                tab_behavior="focus",
                show_line_numbers=False,
                placeholder=t(
                    "guide.step_placeholder" if step_id == "challenge" else "guide.placeholder"
                ),
                id="answer",
            )
            if step_id == "desire":
                yield from self._compose_earlier_desires()

    def _compose_earlier_desires(self) -> ComposeResult:
        state = self.durf.state
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

        state = self.durf.state
        self._earlier_sentences = earlier_sentences(state, limit=8) if state is not None else []
        draft = self.draft
        with VerticalScroll(id="details", can_focus=False):
            yield Static(t("guide.details_title"), classes="page-title", markup=False)
            yield Static(
                Content.assemble(
                    (t("guide.your_step"), "$text-muted"),
                    " ",
                    one_line(draft.answers.get("challenge", ""), 70),
                ),
                classes="recap",
            )
            yield from compose_step_fields(
                StepFields(
                    draft.with_whom, draft.trusted, draft.day, draft.scariness, draft.sentence
                ),
                self._this_week(),
                self._earlier_sentences,
            )

    def _guide_step(self, step_id: str):  # type: ignore[no-untyped-def]
        if self.guide is None:
            return None
        return next((step for step in self.guide.steps if step.id == step_id), None)

    def _this_week(self) -> Week:
        return Week.of(today(self.durf.clock))

    def on_mount(self) -> None:
        """Put the cursor where the user writes, and say so when a draft came back."""
        super().on_mount()
        self.opened_at = self.durf.clock.now()
        self._after_page_change()
        if self.resumed:
            self.app.notify(t("guide.resumed"), timeout=6)

    def after_relocalize(self) -> None:
        """The page's hints and focus, as after turning to it."""
        self._after_page_change()

    def _after_page_change(self) -> None:
        from durf.widgets.keybar import KeyBar

        on_details = self.page == DETAILS_PAGE
        self.query_one(KeyBar).show_hints(self.DETAILS_HINTS if on_details else self.KEY_HINTS)
        if on_details:
            show_trust_question(self)
            self.query_one("#with-whom", Input).focus(scroll_visible=False)
        else:
            answer = self.query_one("#answer", TextArea)
            answer.focus(scroll_visible=False)
            answer.move_cursor(answer.document.end)

    # -- keeping what is typed -----------------------------------------------------------

    def remember(self) -> None:
        """Copy the page's fields into the draft (before a rebuild or a save)."""
        if self.page == DETAILS_PAGE:
            if not self.query("#with-whom"):
                return
            fields = read_step_fields(self)
            self.draft.with_whom = fields.with_whom
            self.draft.trusted = fields.trusted  # type: ignore[assignment]
            self.draft.day = fields.day
            self.draft.scariness = fields.scariness
            self.draft.sentence = fields.sentence
        else:
            answers = self.query("#answer")
            if answers:
                text = answers.first(TextArea).text
                step_id = GUIDE_PAGES[self.page]
                if text or step_id in self.draft.answers:
                    self.draft.answers[step_id] = text
        self.draft.page = self.page

    def keep_typed(self) -> None:
        """Save the draft now (the app calls this before it quits)."""
        self.remember()
        self._save_draft()

    def _save_draft(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        if self._saved_copy is not None and _same_draft(self._saved_copy, self.draft):
            return
        if self._saved_copy is None and not _has_words(self.draft):
            return  # nothing typed yet: no draft to keep
        self.draft.updated_at = self.durf.clock.now()
        copy = self.draft.model_copy(deep=True)
        if self.durf.save_step_draft(copy):
            self._saved_copy = copy

    def _soon(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_AFTER_SECONDS, self.keep_typed)

    @on(TextArea.Changed)
    @on(Input.Changed)
    @on(Choices.Changed)
    @on(Scale.Changed)
    def _typed(self, event: object) -> None:
        if self.page == DETAILS_PAGE:
            show_trust_question(self)
        elif isinstance(event, TextArea.Changed) and len(event.text_area.text) > MAX_ANSWER:
            # A paste of a whole document: kept, but the guide asks for a few lines.
            self.app.notify(t("guide.long_answer"), timeout=6)
        self._soon()

    @on(OptionList.OptionSelected, "#earlier-desires")
    def _take_desire(self, event: OptionList.OptionSelected) -> None:
        answer = self.query_one("#answer", TextArea)
        answer.text = self._desires[event.option_index]
        answer.focus()
        answer.move_cursor(answer.document.end)

    @on(OptionList.OptionSelected, "#earlier-sentences")
    def _take_sentence(self, event: OptionList.OptionSelected) -> None:
        take_earlier_sentence(self, self._earlier_sentences, event.option_index)

    # -- moving between pages ----------------------------------------------------------

    async def _go_to_page(self, page: int) -> None:
        self.remember()
        # The fields on screen still belong to the old page: save without reading them.
        self.page = page
        self.draft.page = page
        self._save_draft()
        await self.recompose()
        self._after_page_change()

    async def action_next(self) -> None:
        """The next page; from the details, plan the step."""
        self.remember()
        if (
            self.page == GUIDE_PAGES.index("challenge")
            and not self.draft.answers.get("challenge", "").strip()
        ):
            self.app.notify(t("guide.step_needs_words"), timeout=6)
            return
        if self.page < DETAILS_PAGE:
            await self._go_to_page(self.page + 1)
            return
        self._plan_or_offer_smaller()

    async def action_previous(self) -> None:
        """The page before, with everything typed there still in place."""
        if self.page > 0:
            await self._go_to_page(self.page - 1)

    def _plan_or_offer_smaller(self) -> None:
        scariness = self.draft.scariness
        if scariness is not None and scariness >= SMALLER_OFFER_FROM and not self.offered_smaller:
            self.offered_smaller = True

            async def answered(smaller: bool | None) -> None:
                if smaller:
                    self.making_smaller = True
                    await self._go_to_page(GUIDE_PAGES.index("challenge"))
                else:
                    self._plan()

            self.app.push_screen(
                ConfirmScreen(
                    t("guide.smaller_offer", scariness=scariness), t("guide.smaller_offer_detail")
                ),
                answered,
            )
            return
        self._plan()

    def _plan(self) -> None:
        self.keep_typed()
        step_id = self.durf.plan_step(self.draft, self.opened_at)
        if step_id is None:
            return
        if self._save_timer is not None:
            self._save_timer.stop()
        self.app.notify(t("guide.planned"), timeout=5)
        self.durf.show_step_board(step_id, replacing=self)

    def action_back(self) -> None:
        """Pause the guide: the draft is kept for next time."""
        had_words = _has_words(self.draft) or self._saved_copy is not None
        self.keep_typed()
        if had_words or _has_words(self.draft):
            self.app.notify(t("guide.paused"), timeout=5)
        super().action_back()


def _has_words(draft: StepDraft) -> bool:
    return any(text.strip() for text in draft.answers.values()) or bool(
        draft.with_whom.strip() or draft.sentence.strip()
    )


def _same_draft(first: StepDraft, second: StepDraft) -> bool:
    return first.model_dump(exclude={"updated_at"}) == second.model_dump(exclude={"updated_at"})
