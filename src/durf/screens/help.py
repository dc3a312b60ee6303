"""Help: the keys that work everywhere and on each screen, in the user's language."""

from __future__ import annotations

import textwrap
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from durf.core.i18n import t
from durf.screens.base import DurfScreen
from durf.screens.home import HOME_ENTRIES
from durf.widgets.keybar import key_label

GLOBAL_KEYS = [
    ("?", "keys.help"),
    ("f", "keys.focus_long"),
    ("Esc", "keys.back"),
    ("Ctrl+P", "keys.palette"),
    ("Ctrl+Q", "keys.quit"),
]
HOME_KEYS = [
    ("↑ ↓", "keys.move"),
    (f"1-{len(HOME_ENTRIES)}", "keys.choose"),
    ("Enter", "keys.open"),
]
BREATHE_KEYS = [
    ("keyname.space", "keys.pause"),
    ("←", "keys.slower"),
    ("→", "keys.faster"),
    ("Esc", "keys.stop"),
]
SESSION_KEYS = [
    ("Enter", "keys.start"),
    ("← →", "help.session_minutes"),
    ("n / Ctrl+N", "help.session_next_part"),
    ("Esc", "help.session_end"),
    ("Ctrl+S", "help.session_keep_answer"),
]
AFFIRM_KEYS = [
    ("keyname.space", "keys.pause"),
    ("← →", "keys.back_forward"),
    ("*", "help.favourite"),
    ("Enter", "help.recall_enter"),
    ("Ctrl+T", "help.recall_pause"),
    ("Ctrl+F", "help.recall_favourite"),
]
FOLLOW_UP_KEYS = [
    ("keyname.yes", "followup.key_said"),
    ("n", "followup.key_not_yet"),
    ("x", "followup.key_not_needed"),
]
SENTENCE_KEYS = [
    ("Ctrl+R", "keys.rehearse"),
    ("↓", "keys.ideas"),
]
GUIDE_KEYS = [
    ("PgDn / Ctrl+N", "keys.next"),
    ("PgUp", "keys.previous"),
    ("Ctrl+R", "guide.key_start_again"),
    ("Esc", "guide.key_pause"),
]
BOARD_KEYS = [
    ("Enter / d", "board.key_done"),
    ("s", "board.key_smaller"),
    ("m", "board.key_move"),
    ("x", "board.key_let_go"),
    ("u", "keys.reopen"),
    ("e", "keys.edit_step"),
    ("n", "keys.new_step"),
    ("← →", "board.key_weeks"),
    ("t", "keys.this_week"),
]
QUADRANT_KEYS = [
    ("keyname.space", "quadrant.key_tick"),
    ("Tab", "keys.next_field"),
    ("PgDn / Enter", "keys.next"),
    ("PgUp", "keys.previous"),
    ("r", "quadrant.key_redo"),
    ("Esc", "quadrant.key_stop"),
]
PROGRESS_KEYS = [
    ("h", "keys.history"),
    ("e", "keys.export"),
    ("↑ ↓", "keys.scroll"),
]
HISTORY_KEYS = [
    ("Tab", "history.key_exercise_long"),
    ("← →", "history.key_week_long"),
    ("a", "history.key_all_weeks"),
    ("Enter", "history.key_open_long"),
]
FORM_KEYS = [
    ("Tab", "keys.next_field"),
    ("Shift+Tab", "keys.previous_field"),
    ("keyname.space_enter", "keys.change"),
    ("Ctrl+S", "stepform.key_save"),
]


def key_table(keys: list[tuple[str, str]], *, narrow: bool = False) -> Content:
    """Keys in a column, what they do beside them.

    ``narrow`` (a phone's width, 36 columns): a narrower key column, and what a key
    does wrapped under itself rather than back under the keys.
    """
    column, room = (12, 22) if narrow else (14, 0)
    lines = []
    for key, description in keys:
        words = t(description)
        if narrow:
            words = ("\n" + " " * column).join(textwrap.wrap(words, room))
        lines.append(Content.assemble((key_label(key).ljust(column), "bold $accent"), words))
    return Content("\n").join(lines)


class HelpScreen(DurfScreen):
    """How to move around durf with the keyboard (the mouse works too)."""

    TITLE_KEY = "help.title"
    CSS_PATH = Path(__file__).with_name("help.tcss")

    def compose_body(self) -> ComposeResult:
        """Sections of keys, then a word on the mouse and the command palette."""
        with VerticalScroll(id="help"):
            yield Static(t("help.intro"), classes="paragraph", markup=False)
            for heading, keys in (
                ("help.everywhere", GLOBAL_KEYS),
                ("help.on_home", HOME_KEYS),
                ("help.in_session", SESSION_KEYS),
                ("help.while_breathing", BREATHE_KEYS),
                ("help.on_sentence", SENTENCE_KEYS),
                ("help.while_affirming", AFFIRM_KEYS),
                ("help.open_sentences", FOLLOW_UP_KEYS),
                ("help.in_guide", GUIDE_KEYS),
                ("help.on_board", BOARD_KEYS),
                ("help.in_quadrant", QUADRANT_KEYS),
                ("help.on_progress", PROGRESS_KEYS),
                ("help.in_history", HISTORY_KEYS),
                ("help.in_forms", FORM_KEYS),
            ):
                yield Static(t(heading), classes="heading", markup=False)
                yield Static(key_table(keys), classes="keys")
                yield Static(key_table(keys, narrow=True), classes="keys narrow-keys")
            yield Static(t("help.palette"), classes="paragraph", markup=False)
