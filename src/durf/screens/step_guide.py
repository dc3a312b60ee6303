"""The small-step guide: five questions, then the step's details, saved while typing.

Every change is kept in the state file's draft a moment after the last key (in
a background thread, so a long history never freezes the typing), and at once
when the page changes, the guide is paused, durf quits or the terminal closes.

All pages are mounted at once and only shown in turn: turning a page moves the
focus at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import ContentSwitcher, Input, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from durf.core.clock import today
from durf.core.i18n import get_language, t
from durf.core.steps import (
    GUIDE_PAGES,
    SMALLER_OFFER_FROM,
    draft_has_words,
    earlier_desires,
    merge_draft,
)
from durf.core.text import one_line, shown
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
from durf.widgets.shown_fields import ShownTextArea

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
        self._base: StepDraft | None = draft.model_copy(deep=True) if resumed else None
        """The draft as this window last read or saved it: what another window's changes
        are measured against."""
        self._saves_asked = 0
        self._saves_applied = 0
        self._focused_id: str | None = None
        self._desires: list[str] = []
        self._earlier_sentences: list[str] = []

    # -- composing -----------------------------------------------------------------

    def compose_body(self) -> ComposeResult:
        """Every page, one shown at a time."""
        with ContentSwitcher(initial=_page_id(self.page), id="pages"):
            for page in range(len(GUIDE_PAGES)):
                yield from self._compose_question(page)
            yield from self._compose_details()

    def _compose_question(self, page: int) -> ComposeResult:
        language = get_language()
        step_id = GUIDE_PAGES[page]
        guide_step = self._guide_step(step_id)
        title = guide_step.title.get(language) if guide_step else step_id
        with VerticalScroll(id=_page_id(page), classes="guide-page", can_focus=False):
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
        with VerticalScroll(id=_page_id(DETAILS_PAGE), can_focus=False):
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

        self.query_one("#pages", ContentSwitcher).current = _page_id(self.page)
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

    # -- keeping what is typed -----------------------------------------------------------

    def remember(self) -> None:
        """Copy every page's fields into the draft (before a rebuild or a save)."""
        if not self.query("#pages"):
            return
        for page, step_id in enumerate(GUIDE_PAGES):
            text = self.answer_box(page).text
            if text or step_id in self.draft.answers:
                self.draft.answers[step_id] = text
        fields = read_step_fields(self)
        self.draft.with_whom = fields.with_whom
        self.draft.trusted = fields.trusted  # type: ignore[assignment]
        self.draft.day = fields.day
        self.draft.scariness = fields.scariness
        self.draft.sentence = fields.sentence
        self.draft.page = self.page
        focused = self.focused
        self._focused_id = focused.id if focused is not None else None

    def _worth_saving(self) -> bool:
        if self._base is not None:
            # The page counts here: the guide opens again where the user was.
            return self._base.model_dump(exclude={"updated_at"}) != self.draft.model_dump(
                exclude={"updated_at"}
            )
        return draft_has_words(self.draft)

    def keep_typed(self) -> bool:
        """Save the draft now; False (the user has been told) if it could not be saved."""
        self.remember()
        self._stop_timer()
        if not self._worth_saving():
            return True
        self.draft.updated_at = self.durf.clock.now()
        self._saves_asked += 1
        sent = self.draft.model_copy(deep=True)
        copy = sent.model_copy(deep=True)
        merged = self.attempt(lambda: self.practice.steps.save_draft(copy, self._base))
        if merged is None:
            return False
        self._saved(self._saves_asked, merged, sent)
        return True

    def _save_in_background(self) -> None:
        self._save_timer = None
        self.remember()
        if not self._worth_saving():
            return
        self.draft.updated_at = self.durf.clock.now()
        self._saves_asked += 1
        number = self._saves_asked
        sent = self.draft.model_copy(deep=True)
        self.practice.steps.save_draft_in_background(
            sent.model_copy(deep=True),
            self._base,
            lambda merged: self._saved(number, merged, sent),
            self.durf.refused,
        )

    def _saved(self, number: int, merged: StepDraft, sent: StepDraft) -> None:
        """A save finished; if another window had changed the draft, show the merged words.

        ``merged`` is measured against ``sent``, what this save wrote, not against the
        fields now: keys typed while a background save was under way are this window's
        own, not another window's (a false "changed in another window", and those
        keys overwritten by the older words, in a QA pass).
        """
        if number < self._saves_applied:
            return  # an older save finishing late: a newer one already set the base
        self._saves_applied = number
        self.remember()
        self._base = merged.model_copy(deep=True)
        if _same_draft(merged, sent):
            return
        # Another window wrote to the draft meanwhile: what both wrote is in ``merged``,
        # and what was typed here since the save began goes on top of it.
        merged = merge_draft(sent, self.draft, merged)
        merged.page = self.page
        self.draft = merged.model_copy(deep=True)
        for page, step_id in enumerate(GUIDE_PAGES):
            box = self.answer_box(page)
            if box.text != merged.answers.get(step_id, ""):
                box.text = merged.answers.get(step_id, "")
        self.query_one("#with-whom", Input).value = merged.with_whom
        self.query_one("#sentence", Input).value = merged.sentence
        self.app.notify(t("guide.merged"), timeout=10)

    def _stop_timer(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None

    def _soon(self) -> None:
        self._stop_timer()
        self._save_timer = self.set_timer(SAVE_AFTER_SECONDS, self._save_in_background)

    @on(TextArea.Changed)
    @on(Input.Changed)
    @on(Choices.Changed)
    @on(Scale.Changed)
    def _typed(self, event: object) -> None:
        if not self.query("#pages"):
            return  # a late message from a screen being rebuilt
        show_trust_question(self)
        if isinstance(event, TextArea.Changed) and len(event.text_area.text) > MAX_ANSWER:
            # A paste of a whole document: kept, but the guide asks for a few lines.
            self.app.notify(t("guide.long_answer"), timeout=6)
        self._soon()

    @on(OptionList.OptionSelected, "#earlier-desires")
    def _take_desire(self, event: OptionList.OptionSelected) -> None:
        answer = self.answer_box(GUIDE_PAGES.index("desire"))
        answer.text = self._desires[event.option_index]
        answer.focus()
        answer.move_cursor(answer.document.end)

    @on(OptionList.OptionSelected, "#earlier-sentences")
    def _take_sentence(self, event: OptionList.OptionSelected) -> None:
        take_earlier_sentence(self, self._earlier_sentences, event.option_index)

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


def _page_id(page: int) -> str:
    return f"page-{page}"


def _same_draft(first: StepDraft, second: StepDraft) -> bool:
    return first.model_dump(exclude={"updated_at", "page"}) == second.model_dump(
        exclude={"updated_at", "page"}
    )
