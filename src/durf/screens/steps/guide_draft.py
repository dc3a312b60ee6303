"""Keeping what is typed in the small-step guide: in the state file's draft, while typing.

Every change is kept in the draft a moment after the last key (in a background
thread, so a long history never freezes the typing), and at once when the page
changes, the guide is paused, durf quits or the terminal closes. A draft another
window changed meanwhile is merged, never overwritten.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.widgets import Input, TextArea

from durf.core.i18n import t
from durf.core.steps import GUIDE_PAGES, draft_has_words, merge_draft
from durf.screens.steps.fields import read_step_fields, show_trust_question
from durf.screens.steps.guide_pages import GuidePages
from durf.widgets.choices import Choices
from durf.widgets.scale import Scale

if TYPE_CHECKING:
    from textual.timer import Timer

    from durf.core.library import StepGuide
    from durf.core.state import StepDraft

SAVE_AFTER_SECONDS = 0.4
"""A pause in typing this long saves the draft."""
MAX_ANSWER = 4000


class GuideDraftKeeping(GuidePages):
    """The guide's pages, with every change kept in the draft (see the module's docstring)."""

    def __init__(self, draft: StepDraft, guide: StepGuide | None, *, resumed: bool) -> None:
        super().__init__(draft, guide, resumed=resumed)
        self._save_timer: Timer | None = None
        self._base: StepDraft | None = draft.model_copy(deep=True) if resumed else None
        """The draft as this window last read or saved it: what another window's changes
        are measured against."""
        self._saves_asked = 0
        self._saves_applied = 0

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


def _same_draft(first: StepDraft, second: StepDraft) -> bool:
    return first.model_dump(exclude={"updated_at", "page"}) == second.model_dump(
        exclude={"updated_at", "page"}
    )
