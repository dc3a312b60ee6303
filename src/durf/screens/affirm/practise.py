"""The practice: one affirmation at a time, large and calm, with a countdown.

Which affirmation is on screen is computed from the active time on the injected
clock, so pauses do not count and nothing drifts. In recall mode the words are
hidden until the user has typed them from memory (or the time is up).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.timer import Timer
from textual.widgets import Input, Static

from durf.core.affirm import Position, closeness, position, recall_matches, start_of
from durf.core.countdown import Stopwatch
from durf.core.i18n import t
from durf.core.text import shown
from durf.screens.flow import FlowScreen
from durf.widgets.keybar import KeyBar
from durf.widgets.shown_fields import ShownInput

ALMOST = 0.8
"""A recall this close is "almost": we say so kindly and show the words."""


class AffirmSessionScreen(FlowScreen):
    """The affirmation, the seconds left, where you are; a line to type in recall mode."""

    TITLE_KEY = "affirm.title"
    CSS_PATH = Path(__file__).with_name("affirm.tcss")
    STOP_QUESTION: ClassVar = ("affirm.stop_question", "breathe.stop_detail")
    KEY_HINTS: ClassVar = [
        ("keyname.space", "keys.pause"),
        ("← →", "keys.back_forward"),
        ("*", "keys.favourite"),
        ("Esc", "keys.stop"),
    ]
    RECALL_HINTS: ClassVar = [
        ("Enter", "keys.check_then_next"),
        ("Ctrl+T", "keys.pause"),
        ("Ctrl+F", "keys.favourite"),
        ("Esc", "keys.stop"),
    ]
    """In recall mode the line takes letters, spaces and arrows: only keys that are not typing."""
    BINDINGS: ClassVar = [
        Binding("asterisk", "favourite", show=False),
        Binding("space", "toggle_pause", show=False),
        Binding("left", "step(-1)", show=False),
        Binding("right", "step(1)", show=False),
        # Above the answer line's own keys, so that they work while typing.
        Binding("ctrl+t", "toggle_pause", show=False, priority=True),
        Binding("ctrl+f", "favourite", show=False, priority=True),
    ]

    def compose_body(self) -> ComposeResult:
        """The affirmation in the middle, the countdown under it."""
        yield Static(id="affirmation", markup=False)
        if self.flow.session.mode == "recall":
            yield ShownInput(
                placeholder=t("recall.placeholder"), select_on_focus=False, id="recall"
            )
        yield Static(id="feedback", markup=False)
        yield Static(id="progress", markup=False)

    def on_mount(self) -> None:
        """Start the clock."""
        super().on_mount()
        self.plan = self.flow.plan
        self.flow.session.planned = len(self.plan.items)
        self.stopwatch = Stopwatch(self.durf.clock)
        # Where the round is jumps with ← and →; the time practised only runs on, so a
        # skipped affirmation does not count as practised (finding 9).
        self.practised = Stopwatch(self.durf.clock)
        self._timer: Timer | None = None
        self._index = -1
        self._revealed = False
        self._held = False
        """Recall mode: the time for an affirmation ran out while an answer was being
        typed, so the countdown waits for Enter rather than wipe the words."""
        self.flow.started = True
        if self.flow.session.mode == "recall":
            self.query_one(KeyBar).show_hints(self.RECALL_HINTS)
        self.stopwatch.start()
        self.practised.start()
        self._tick()

    def _tick(self) -> None:
        where = position(self.plan, self.stopwatch.elapsed())
        if (where.finished or where.index != self._index) and self._typing():
            self._hold()
            return
        if where.finished:
            self._done()
            return
        if where.index != self._index:
            self._show_new(where.index)
        self._show_progress(where)
        if self.stopwatch.running:
            # Wake for the next whole second of the countdown (or the next affirmation).
            self._timer = self.set_timer(max(0.02, where.seconds_left % 1.0 or 1.0), self._tick)

    def _typing(self) -> bool:
        """An answer typed in recall mode and not yet checked."""
        return (
            self.flow.session.mode == "recall"
            and self._index >= 0
            and not self._revealed
            and bool(self.query_one("#recall", Input).value.strip())
        )

    def _hold(self) -> None:
        self._held = True
        self.stopwatch.pause()
        self.stopwatch.set_elapsed(start_of(self.plan, self._index + 1) - 1e-3)
        self.query_one("#progress", Static).update(self._held_words(), layout=False)

    def _held_words(self) -> str:
        return t("recall.enter_goes_on" if self._revealed else "recall.time_up")

    def _show_new(self, index: int) -> None:
        if self._index >= 0 and self.practice.setting("sound_cue", bool, False):
            self.app.bell()
        self._index = index
        self._revealed = self.flow.session.mode == "read"
        self.flow.session.shown = max(self.flow.session.shown, index + 1)
        self.query_one("#feedback", Static).update("", layout=False)
        if self.flow.session.mode == "recall":
            line = self.query_one("#recall", Input)
            line.value = ""
            line.focus()
        self._show_text()

    def _show_text(self) -> None:
        item = self.plan.items[self._index]
        if self._revealed:
            text = shown(item.text)
        else:
            first_word = item.text.split()[0] if item.text.split() else ""
            text = shown(first_word) + " …"
        self.query_one("#affirmation", Static).update(text)

    def _show_progress(self, where: Position) -> None:
        seconds = max(1, math.ceil(where.seconds_left - 1e-6))
        if self.stopwatch.running:
            text = t(
                "affirm.progress",
                number=where.index + 1,
                total=len(self.plan.items),
                seconds=seconds,
            )
        elif self._held:
            text = self._held_words()
        else:
            # In recall mode Space types a space: only Ctrl+T goes on.
            recall = self.flow.session.mode == "recall"
            text = t("affirm.paused_recall" if recall else "breathe.paused")
        self.query_one("#progress", Static).update(text, layout=False)

    @on(Input.Submitted, "#recall")
    def _recalled(self, event: Input.Submitted) -> None:
        if self._index < 0:
            return
        if self._revealed:
            # Enter once checks; Enter again, with the words shown, goes on.
            self._go(1)
            return
        item = self.plan.items[self._index]
        if recall_matches(event.value, item.text):
            self.flow.session.recalled += 1
            feedback = t("recall.right")
        elif closeness(event.value, item.text) >= ALMOST:
            feedback = t("recall.almost")
        else:
            feedback = t("recall.here_it_is")
        self._revealed = True
        self._show_text()
        self.query_one("#feedback", Static).update(feedback, layout=False)
        if self._held:
            self.query_one("#progress", Static).update(self._held_words(), layout=False)

    def action_favourite(self) -> None:
        """Mark (or unmark) the affirmation on screen as a favourite."""
        if self._index < 0:
            return
        key = self.plan.items[self._index].key
        marked = self.attempt(lambda: self.practice.affirmations.toggle_favourite(key))
        if marked is not None:
            self.app.notify(
                t("affirm.favourite_on" if marked else "affirm.favourite_off"), timeout=3
            )

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def action_toggle_pause(self) -> None:
        """Space: pause or go on (in recall mode, type a space in the line instead)."""
        self._stop_timer()
        if self._held:
            # The countdown already waits for Enter; a pause stops the time practised.
            if self.practised.running:
                self.practised.pause()
                self.query_one("#progress", Static).update(t("affirm.paused_recall"))
            else:
                self.practised.start()
                self.query_one("#progress", Static).update(self._held_words())
            return
        if self.stopwatch.toggle():
            self.practised.start()
        else:
            self.practised.pause()
        self._tick()

    def action_step(self, direction: int) -> None:
        """Back to the previous affirmation, or on to the next."""
        if self.flow.session.mode == "recall" and self.focused is self.query_one("#recall"):
            return  # the arrows move the cursor while typing
        self._go(direction)

    def _go(self, direction: int) -> None:
        self._stop_timer()
        if self._held:
            self._held = False
            self.stopwatch.start()
        self.stopwatch.set_elapsed(start_of(self.plan, self._index + direction))
        self._index = -1  # show the affirmation afresh, even if it is the same one
        self._tick()

    def on_screen_suspend(self) -> None:
        """Help or a question on top: the clock waits."""
        self._was_running = self.stopwatch.running
        self._stop_timer()
        self.stopwatch.pause()
        self.practised.pause()

    def on_screen_resume(self) -> None:
        """Back on top: go on if it was running."""
        if getattr(self, "_was_running", False):
            self.stopwatch.start()
            self.practised.start()
            self._tick()

    def remember(self) -> None:
        """The practice time so far goes into the session."""
        self.flow.session.practice_seconds = self.practised.elapsed()

    def _done(self) -> None:
        self.remember()
        from durf.screens.affirm.belief import BeliefScreen

        self.go_to(BeliefScreen(self.flow, stage="after"))

    def on_unmount(self) -> None:
        """No tick may outlive the screen."""
        self._stop_timer()
