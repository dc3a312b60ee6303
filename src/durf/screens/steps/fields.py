"""The fields that describe a step beyond its words, shared by the guide and the step form.

With whom (and whether they have shown they can be trusted with it), which day,
how scary it feels, and the first honest sentence for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Input, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from durf.core.dates import day_label
from durf.core.i18n import t
from durf.core.text import shown
from durf.practice.steps import StepFields
from durf.widgets.choices import Choices
from durf.widgets.scale import Scale
from durf.widgets.shown_fields import ShownInput

if TYPE_CHECKING:
    from textual.screen import Screen

    from durf.core.weeks import Week

MAX_WITH_WHOM = 120
MAX_SENTENCE = 280
ANY_DAY = 0
"""The day picker's value for "any day this week" (``None`` in the state file)."""


def compose_step_fields(fields: StepFields, week: Week, earlier: list[str]) -> ComposeResult:
    """The fields, filled with ``fields``; ``earlier`` sentences can be picked to reuse."""
    yield Static(t("stepform.with_whom"), classes="question", markup=False)
    yield ShownInput(
        value=fields.with_whom,
        placeholder=t("stepform.with_whom_placeholder"),
        max_length=MAX_WITH_WHOM,
        select_on_focus=False,
        id="with-whom",
    )
    yield Static(t("stepform.trusted"), id="trusted-question", classes="question", markup=False)
    yield Choices(
        [(t(f"trust.{answer}"), answer) for answer in ("yes", "unsure", "no")],
        fields.trusted,
        id="trusted",
    )
    yield Static(t("stepform.trust_note"), id="trust-note", classes="note", markup=False)
    yield Static(t("stepform.day"), classes="question", markup=False)
    yield Choices(
        [(day_label(week.day(weekday)), weekday) for weekday in range(1, 8)]
        + [(t("stepform.any_day"), ANY_DAY)],
        ANY_DAY if fields.day is None else fields.day,
        narrow_labels=[t(f"weekday.short.{weekday}") for weekday in range(1, 8)]
        + [t("stepform.any_day")],
        id="day",
    )
    yield Static(t("stepform.scariness"), classes="question", markup=False)
    yield Scale(fields.scariness, "scale.scary_low", "scale.scary_high", id="scariness")
    yield Static(t("stepform.sentence"), classes="question", markup=False)
    yield ShownInput(
        value=fields.sentence,
        placeholder=t("stepform.sentence_placeholder"),
        max_length=MAX_SENTENCE,
        select_on_focus=False,
        id="sentence",
    )
    if earlier:
        yield Static(t("stepform.earlier_sentences"), classes="muted", markup=False)
        yield OptionList(
            *[Option(Content.assemble(("★ ", "$accent"), shown(text))) for text in earlier],
            id="earlier-sentences",
        )


def read_step_fields(screen: Screen) -> StepFields:
    """What the fields on ``screen`` hold now."""
    day = screen.query_one("#day", Choices).value
    return StepFields(
        with_whom=screen.query_one("#with-whom", Input).value,
        trusted=screen.query_one("#trusted", Choices).value,
        day=None if day in (None, ANY_DAY) else day,
        scariness=screen.query_one("#scariness", Scale).value,
        sentence=screen.query_one("#sentence", Input).value,
    )


def show_trust_question(screen: Screen) -> None:
    """The gentle note only after a doubtful answer about a named person.

    The question itself always shows, so that Tab always takes the same path
    through the form (a row that appears while typing would make a fast Tab skip it).
    """
    if not screen.query("#with-whom"):
        return  # a late message from a page that is being replaced
    named = bool(screen.query_one("#with-whom", Input).value.strip())
    doubtful = screen.query_one("#trusted", Choices).value in ("unsure", "no")
    screen.query_one("#trust-note").display = named and doubtful


def take_earlier_sentence(screen: Screen, earlier: list[str], index: int) -> None:
    """Put an earlier sentence in the sentence field, ready to change."""
    sentence = screen.query_one("#sentence", Input)
    sentence.value = earlier[index]
    sentence.focus()
    sentence.cursor_position = len(sentence.value)


def focus_again(screen: Screen, widget_id: str) -> None:
    """Focus a field by id, with the cursor after its words (after a rebuild)."""
    found = screen.query(f"#{widget_id}")
    if not found:
        return
    widget = found.first()
    screen.set_focus(widget, scroll_visible=False)
    if isinstance(widget, TextArea):
        widget.move_cursor(widget.document.end)
    elif isinstance(widget, Input):
        widget.cursor_position = len(widget.value)
