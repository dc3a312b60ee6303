"""Step 3: paced breathing with a long out-breath.

The picture is computed from the active time on the injected clock, never
counted from ticks. The next tick is timed for the next moment the picture can
change (at most ~20 times a second, exactly at a phase change), and the screen
repaints only when the orb's size or the words actually change.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Static

from durf.core.countdown import Stopwatch
from durf.core.i18n import t
from durf.core.pacer import PACE_STEP, Pacer, PaceState, clamp_pace
from durf.screens.breathe.orb import BreathOrb
from durf.screens.flow import FlowScreen

SAFETY_DELAY = 0.8
MIN_DELAY = 1 / 30
"""Never wake more often than this, however fast the orb would change."""
ARROWS = {"in": "↑", "hold": "·", "out": "↓"}


class BreatheScreen(FlowScreen):
    """The orb (or calm text), the phase word, the seconds left, the breath count."""

    TITLE_KEY = "breathe.title"
    CSS_PATH = Path(__file__).with_name("breathing.tcss")
    KEY_HINTS: ClassVar = [
        ("keyname.space", "keys.pause"),
        ("←", "keys.slower"),
        ("→", "keys.faster"),
        ("Esc", "keys.stop"),
    ]
    BINDINGS: ClassVar = [
        Binding("space", "toggle_pause", show=False),
        Binding("left,minus", "pace(1)", show=False),
        Binding("right,plus,equals_sign", "pace(-1)", show=False),
    ]

    def compose_body(self) -> ComposeResult:
        """Orb or calm text, then the words."""
        self.calm = self.durf.reduced_motion
        with Vertical(id="breath-area"):
            if self.calm:
                yield Static(id="calm-word", markup=False)
            else:
                with Horizontal(id="orb-row"):
                    yield BreathOrb(id="orb")
            yield Static(id="phase", markup=False)
            yield Static(id="count", markup=False)
        yield Static(
            "\n".join([t("safety.first_time"), t("safety.dismiss")]),
            id="safety-notice",
            markup=False,
        )

    def on_mount(self) -> None:
        """Lay the session out in time and start breathing."""
        super().on_mount()
        pattern = self.flow.pattern
        assert pattern is not None, "the setup step chooses a pattern"
        pace = clamp_pace(self.practice.setting("breath_pace", float, 1.0))
        self.flow.session.pattern_id = pattern.id
        self.flow.session.pace = pace
        self.pacer = Pacer(
            [(phase.kind, phase.seconds) for phase in pattern.phases],
            breaths=self.flow.session.breaths_planned,
            pace=pace,
        )
        self.stopwatch = Stopwatch(self.durf.clock)
        # Position in the pattern moves when the pace changes; the time actually spent
        # breathing does not. The second stopwatch keeps that for the record.
        self.breathing_time = Stopwatch(self.durf.clock)
        self._suspended_while_running = False
        self._timer: Timer | None = None
        self._safety_timer: Timer | None = None
        self._last_phase: tuple[int, int] | None = None
        self._shown_words: tuple[str, str] | None = None
        self.flow.breathed = True
        self.stopwatch.start()
        self.breathing_time.start()
        self._tick()
        if not self.practice.setting("safety_seen", bool, False):
            # Shown once, during the first in-breath, before the breaths go deep; a moment
            # after the first frame, which then carries only the breath (and no save).
            self._safety_timer = self.set_timer(SAFETY_DELAY, self._show_safety_once)

    def _show_safety_once(self) -> None:
        self._safety_timer = None
        # It stays until the user has seen it and pressed a key: a notice that left
        # by itself could go while their eyes were closed for the breath.
        self.query_one("#safety-notice", Static).add_class("-shown")
        self.change_settings(safety_seen=True)

    @property
    def safety_notice_shown(self) -> bool:
        """Whether the first-time safety line is on screen, waiting for a key."""
        return self.query_one("#safety-notice", Static).has_class("-shown")

    def on_key(self, event: events.Key) -> None:
        """Any key puts the safety line away; that key does nothing else."""
        if self.safety_notice_shown:
            self.query_one("#safety-notice", Static).remove_class("-shown")
            event.stop()
            event.prevent_default()

    # -- the clock ---------------------------------------------------------------

    def _tick(self) -> None:
        elapsed = self.stopwatch.elapsed()
        state = self.pacer.at(elapsed)
        self._show(state)
        if state.finished:
            self._breathing_done(elapsed)
            return
        if self.stopwatch.running:
            delay = max(MIN_DELAY, self._until_picture_changes(elapsed, state) + 0.002)
            self._timer = self.set_timer(delay, self._tick)

    def _until_picture_changes(self, elapsed: float, state: PaceState) -> float:
        """Seconds until anything shown changes: a phase, the count, or the orb's size.

        Waking only then, rather than polling, keeps the CPU quiet while breathing.
        """
        waits = [
            self.pacer.next_change(elapsed) - elapsed,
            state.seconds_left % 1.0 or 1.0,  # the whole seconds shown count down
        ]
        if not self.calm:
            for level in self.query_one("#orb", BreathOrb).next_edges():
                when = self.pacer.when_fullness(elapsed, level)
                if when is not None and when > elapsed:
                    waits.append(when - elapsed)
        return min(waits)

    def _show(self, state: PaceState) -> None:
        phase_key = (state.breath, state.phase_index)
        if phase_key != self._last_phase:
            if self._last_phase is not None and self.practice.setting("sound_cue", bool, False):
                self.app.bell()
            self._last_phase = phase_key
        word = t(f"phase.{state.kind}")
        seconds = max(1, math.ceil(state.seconds_left - 1e-6))
        if not self.stopwatch.running:
            phase_text = f"{t('breathe.paused')}"
        else:
            phase_text = f"{ARROWS[state.kind]}  {word}  {seconds}"
        count_text = t(
            "breathe.breath_of",
            number=min(state.breath + 1, self.pacer.breaths),
            total=self.pacer.breaths,
        )
        if self.pacer.pace != 1.0:
            percent = round(abs(self.pacer.pace - 1.0) * 100)
            key = "breathe.pace_slower" if self.pacer.pace > 1.0 else "breathe.pace_faster"
            count_text += "  ·  " + t(key, percent=percent)
        if self.calm:
            self.query_one("#calm-word", Static).update(
                "\n".join([word, "", str(seconds)]) if self.stopwatch.running else word,
                layout=False,
            )
            # The calm words already say the phase; the line below only speaks when paused.
            self.query_one("#phase", Static).display = not self.stopwatch.running
        else:
            self.query_one("#orb", BreathOrb).show(state.fullness, state.kind)
        if (phase_text, count_text) != self._shown_words:
            self._shown_words = (phase_text, count_text)
            # Fixed-size lines: new words need a repaint, not a new layout of the screen.
            self.query_one("#phase", Static).update(phase_text, layout=False)
            self.query_one("#count", Static).update(count_text, layout=False)

    def catch_up(self) -> None:
        """Show the present moment now, without waiting for the next scheduled wake-up.

        Used when the clock moved by more than the timer knows (tests that fast-forward
        an injected clock).
        """
        self._stop_timer()
        self._tick()

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    # -- keys --------------------------------------------------------------------

    def _pause(self) -> None:
        self._stop_timer()
        self.stopwatch.pause()
        self.breathing_time.pause()

    def _resume(self) -> None:
        self.stopwatch.start()
        self.breathing_time.start()
        self._tick()

    def action_toggle_pause(self) -> None:
        """Space: pause, or go on exactly where it was."""
        if self.stopwatch.running:
            self._pause()
            self._tick()
        else:
            self._resume()

    def on_screen_suspend(self) -> None:
        """Another screen on top (help, settings): the breath waits for the user.

        So does the safety notice: it is for this screen, and it saves that it was
        seen, which must not happen behind a question to delete everything.
        """
        self._suspended_while_running = self.stopwatch.running
        self._pause()
        if self._safety_timer is not None:
            self._safety_timer.stop()

    def on_screen_resume(self) -> None:
        """Back on top: go on if it was running when it was covered (the safety
        notice, if it was still to come, a moment later)."""
        if self._safety_timer is not None:
            self._safety_timer.stop()  # resumed as it first shows, too: one notice only
            self._safety_timer = self.set_timer(SAFETY_DELAY, self._show_safety_once)
        if getattr(self, "_suspended_while_running", False):
            self._suspended_while_running = False
            self._resume()

    def after_relocalize(self) -> None:
        """New words after a language change: show them at once, even when paused."""
        self._shown_words = None
        self.catch_up()

    def action_pace(self, direction: int) -> None:
        """Slower (1) or faster (-1); the new pace is remembered for next time."""
        pace = clamp_pace(self.pacer.pace + direction * PACE_STEP)
        if pace == self.pacer.pace:
            return
        self.pacer, elapsed = self.pacer.retimed(self.stopwatch.elapsed(), pace)
        self.stopwatch.set_elapsed(elapsed)
        self.flow.session.pace = pace
        self.change_settings(breath_pace=pace)
        self._stop_timer()
        self._tick()

    def remember(self) -> None:
        """What was breathed so far goes into the session."""
        self._note_progress(self.stopwatch.elapsed())

    def action_back(self) -> None:
        """Esc: ask before stopping (the confirm screen pauses the breath); no carries on."""
        self.remember()

        def answered(stop: bool | None) -> None:
            if stop:
                self.finish(completed=False)

        from durf.screens.confirm import ConfirmScreen

        self.app.push_screen(
            ConfirmScreen(t("breathe.stop_question"), t("breathe.stop_detail")), answered
        )

    # -- the end -----------------------------------------------------------------

    def _note_progress(self, elapsed: float) -> None:
        session = self.flow.session
        session.breathing_seconds = self.breathing_time.elapsed()
        session.breaths_done = min(self.pacer.breaths, int(elapsed // self.pacer.cycle))

    def _breathing_done(self, elapsed: float) -> None:
        self._note_progress(elapsed)
        from durf.screens.breathe.sentence import SentenceScreen

        self.go_to(SentenceScreen(self.flow))

    def on_unmount(self) -> None:
        """No tick may outlive the screen."""
        self._stop_timer()
