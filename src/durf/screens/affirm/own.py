"""Your own affirmations: add, edit, favourite, archive, delete. Kept exactly as typed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from durf.core.affirm import OWN
from durf.core.i18n import t
from durf.core.text import shown
from durf.screens.base import DurfScreen
from durf.screens.confirm import ConfirmScreen
from durf.widgets.shown_fields import ShownInput

if TYPE_CHECKING:
    from durf.core.state import OwnAffirmation

MAX_AFFIRMATION = 200


class OwnScreen(DurfScreen):
    """A line to write in, and your affirmations below it."""

    TITLE_KEY = "affirm.own"
    CSS_PATH = Path(__file__).with_name("affirm.tcss")
    KEY_HINTS: ClassVar = [
        ("Enter", "keys.save"),
        ("e", "keys.edit"),
        ("*", "keys.favourite"),
        ("a", "keys.archive"),
        ("d", "keys.delete"),
        # Esc (back) is left to the help screen here: with the glossary's
        # "verwijder" the Dutch bar would not fit a 60-column window.
    ]
    BINDINGS: ClassVar = [
        Binding("e", "edit", show=False),
        Binding("asterisk", "favourite", show=False),
        Binding("a", "archive", show=False),
        Binding("d", "delete", show=False),
    ]

    def compose_body(self) -> ComposeResult:
        """The writing line, then the list."""
        yield Static(t("own.intro"), classes="intro", markup=False)
        yield ShownInput(
            placeholder=t("own.placeholder"),
            max_length=MAX_AFFIRMATION,
            select_on_focus=False,
            id="text",
        )
        yield OptionList(id="own")

    def on_mount(self) -> None:
        """Show the list; writing a new one is the first thing offered."""
        super().on_mount()
        self.editing: str | None = None
        self.ids: list[str] = []
        self.watch(self.app, "state_revision", self._fill)
        self.query_one("#text", Input).focus()

    def _fill(self, _revision: int = 0) -> None:
        state = self.practice.loaded_state
        favourites = set(state.favourite_affirmations)
        listing = self.query_one("#own", OptionList)
        highlighted = listing.highlighted
        listing.clear_options()
        ordered = [a for a in state.own_affirmations if not a.archived] + [
            a for a in state.own_affirmations if a.archived
        ]
        self.ids = [a.id for a in ordered]
        for own in ordered:
            star = "★ " if f"{OWN}/{own.id}" in favourites else "  "
            parts: list[str | tuple[str, str]] = [(star, "$accent"), shown(own.text)]
            if own.archived:
                parts = [(star, "$text-muted"), (shown(own.text), "$text-muted")]
                parts.append(("   " + t("own.archived"), "italic $text-muted"))
            listing.add_option(Option(Content.assemble(*parts)))
        if self.ids:
            listing.highlighted = min(highlighted or 0, len(self.ids) - 1)

    def _selected_id(self) -> str | None:
        index = self.query_one("#own", OptionList).highlighted
        return self.ids[index] if index is not None and self.ids else None

    @on(Input.Submitted, "#text")
    def _save(self, event: Input.Submitted) -> None:
        text = event.value
        if not text.strip():
            self.app.notify(t("own.empty"), timeout=4)
            return
        affirmations = self.practice.affirmations
        if self.editing is None:
            done = self.attempt(lambda: affirmations.add_own(text))
        else:
            own_id = self.editing
            done = self.attempt(lambda: affirmations.edit_own(own_id, text))
        if done is not None:
            # Only cleared once saved: a failed save keeps every typed word in the line.
            self.editing = None
            event.input.value = ""
            self.app.notify(t("own.saved"), timeout=3)

    def _highlighted_own(self) -> OwnAffirmation | None:
        """The affirmation highlighted in the list, unless the line is being typed in."""
        own_id = self._selected_id()
        if own_id is None or self.focused is self.query_one("#text", Input):
            return None
        return self.practice.affirmations.own_one(own_id)

    def action_edit(self) -> None:
        """Put the highlighted affirmation in the line to change it."""
        own = self._highlighted_own()
        if own is None:
            return
        line = self.query_one("#text", Input)
        line.value = own.text
        line.cursor_position = len(own.text)
        self.editing = own.id
        line.focus()

    def action_favourite(self) -> None:
        """Mark or unmark the highlighted one as a favourite."""
        own_id = self._selected_id()
        if own_id is not None and self.focused is not self.query_one("#text", Input):
            self.attempt(lambda: self.practice.affirmations.toggle_favourite(f"{OWN}/{own_id}"))

    def action_archive(self) -> None:
        """Archive the highlighted one (out of practice, kept), or bring it back."""
        own = self._highlighted_own()
        if own is not None:
            own_id, archived = own.id, not own.archived
            self.attempt(lambda: self.practice.affirmations.archive_own(own_id, archived))

    def action_delete(self) -> None:
        """Delete the highlighted one, after asking."""
        own = self._highlighted_own()
        if own is None:
            return
        own_id = own.id

        def answered(yes: bool | None) -> None:
            if yes:
                self.attempt(lambda: self.practice.affirmations.delete_own(own_id))

        self.app.push_screen(ConfirmScreen(t("own.delete_question"), shown(own.text)), answered)
