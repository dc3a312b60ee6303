"""DurfApp: the screens, the keys that work everywhere, the theme, and the store.

Screens never write files: they ask the app, which changes the state through a
pure function and saves it through the store at once.

Start-up is kept light on purpose: the first frame needs only Textual, the
home screen and the settings from a quick look at the state file. pydantic,
the full state and the exercise library are loaded right after that frame.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import constants, work
from textual.app import SystemCommand
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.command import CommandPalette
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.reactive import reactive
from textual.screen import Screen

from durf.app_quadrant import QuadrantActions
from durf.core.clock import Clock, SystemClock, today
from durf.core.i18n import get_language, is_language, set_language, t
from durf.core.paths import bundled_exercises_dir, user_exercises_dir
from durf.core.quicklook import QuickLook, quick_look
from durf.core.text import shown
from durf.keys_in_order import KeysInOrder
from durf.screens.home import HomeScreen

if TYPE_CHECKING:
    from durf.core.library import BreathingPattern, Library
    from durf.core.patterns import QuickPattern
    from durf.core.progress import Dashboard, HomeSummary, Practice
    from durf.core.session import SessionPlan, SessionRun
    from durf.core.state import Settings, State
    from durf.core.store import Store
    from durf.screens.flow import Flow

DEFAULT_THEME = "textual-dark"
FIRST_FRAME_GRACE = 0.1
"""Seconds between the first frame and starting the background load."""


class DurfCommandPalette(CommandPalette):
    """Textual's command palette, with its one fixed English sentence translated."""

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual hard-codes "No matches found"; the rest of the palette is ours to word.
        from rich.align import Align
        from rich.text import Text
        from textual.command import CommandList
        from textual.widgets.option_list import Option

        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(t("palette.no_matches"), style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


def _step_details(fields: Any) -> dict[str, Any]:
    """A step form's fields as a step's details (trust only counts when a person is named)."""
    return {
        "with_whom": fields.with_whom,
        "trusted": fields.trusted if fields.with_whom.strip() else None,
        "day": fields.day,
        "scariness": fields.scariness,
        "sentence": fields.sentence,
    }


class Relocalized(Message):
    """Sent to the active screen after it was rebuilt in a new language."""


class DurfApp(QuadrantActions, KeysInOrder):
    """The durf terminal app."""

    TITLE = "durf"
    CSS_PATH = "app.tcss"
    # Every screen and dialog gets -phone below 60 columns and -low below 20 rows
    # (a phone, a split pane), so its stylesheet can stack, shrink and drop margins.
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-phone"), (60, "-roomy")]
    VERTICAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-low"), (20, "-tall")]
    BINDINGS: ClassVar = [
        Binding("ctrl+q", "quit", "quit", show=False, priority=True),
        Binding("question_mark", "open_help", show=False),
        Binding("f", "toggle_focus_mode", show=False),
        Binding("ctrl+c", "help_quit", show=False, system=True),
    ]

    state_revision: reactive[int] = reactive(0, init=False)
    """Bumped whenever the state changes, so screens can re-render from it."""
    focus_mode: reactive[bool] = reactive(False, init=False)
    """The calm layout: no title bar, only the keys needed now."""

    def __init__(
        self,
        home: Path,
        *,
        cli_language: str | None = None,
        clock: Clock | None = None,
        look: QuickLook | None = None,
        start: Callable[[DurfApp], None] | None = None,
        first: Callable[[DurfApp], Screen[Any]] | None = None,
    ) -> None:
        super().__init__()
        self.home = home
        self.clock = clock or SystemClock()
        self.cli_language = cli_language
        self.fatal_message: str | None = None
        self.fatal_status = 1
        """The exit status that goes with ``fatal_message``."""
        self.library: Library | None = None
        """The exercises, once loaded after the first frame."""
        self._look = look or quick_look(home)
        self._store: Store | None = None
        self._start = start
        self._first = first
        """Makes the screen a command opens at once, in place of home (``durf breathe``)."""
        self._environment_animation_level = constants.TEXTUAL_ANIMATIONS
        self._stopping = False
        self._kept_practice: tuple[list[Any], Practice] | None = None
        self._forgetting = False
        """Set from deleting everything until the screens above home are closed: a screen
        on its way out must not save anything back."""
        self.session_run: SessionRun | None = None
        """The practice session in progress: every save while it runs keeps it too."""
        self._when_loaded: list[Callable[[], None]] = []

    # -- start-up --------------------------------------------------------------

    def get_default_screen(self) -> Screen[Any]:
        """Home, or the exercise a command opens at once: the first frame is the real one.

        An exercise opened at once (``durf breathe --pattern``) is the first screen
        itself, with no home composed and styled under it; home takes its place when
        it is left (``pop_screen``).
        """
        if self._first is None:
            return HomeScreen()
        screen = self._first(self)
        # What Textual does for a pushed screen and not for the first: add the screen's
        # own stylesheet (as a source, parsed with the rest when the styles are first
        # applied: pushing would parse every source again), and give it the result
        # callback that moving on to the next step (``switch_screen``) takes away.
        for path in screen.css_path:
            if not self.stylesheet.has_source(str(path)):
                css = Path(path).read_text(encoding="utf-8")
                self.stylesheet.add_source(css, read_from=(str(path), ""))
        screen._push_result_callback(self, None)
        return screen

    def pop_screen(self) -> AwaitComplete:
        """Close the screen on top; the exercise a command opened first gives way to home."""
        if len(self.screen_stack) == 1 and not isinstance(self.screen, HomeScreen):
            return self.switch_screen(HomeScreen())
        return super().pop_screen()

    def on_mount(self) -> None:
        """Apply the saved look, then read the state and exercises after the first frame."""
        self._apply_theme(self._look.setting("theme", str), announce=False)
        self._apply_motion(self._look.setting("reduced_motion", bool, False))
        self.focus_mode = self._look.setting("focus_mode", bool, False)
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self._listen_for_stop_signals()
        # Keys typed before the state is read wait for it (and for the screen the
        # command opens), instead of acting on a screen that is not ready for them.
        self.hold_keys()
        if self._start is not None:
            self._start(self)
        self.call_after_refresh(self._after_first_frame)

    def _after_first_frame(self) -> None:
        # The command held the garbage collector off while starting (``run_app``):
        # nothing made then is garbage, and its passes only delayed the first frame.
        gc.enable()
        # A moment after the first frame has been drawn (the exercise's, when a command
        # opens one): the loader thread imports pydantic and would otherwise compete
        # with the first paint for the interpreter, and the breathing clock is running.
        self.set_timer(FIRST_FRAME_GRACE, self._load_in_background)

    @property
    def store(self) -> Store:
        """The state store, created (and pydantic imported) on first use."""
        if self._store is None:
            from durf.core.store import Store

            self._store = Store(self.home)
        return self._store

    @work(thread=True, exclusive=True, group="load")
    def _load_in_background(self) -> None:
        from durf.core.store import StoreError

        try:
            self.store.load()
            # What the other computer saved while a sync tool was catching up is
            # shown from the first screen on, not only after the next save.
            self.store.take_in_conflict_copies()
            state = self.store.state
        except StoreError as error:
            self.call_from_thread(self._fail, str(error))
            return
        library = self._read_library()
        # The walk over a long history is the slow part of the progress figures:
        # done here, the home card appears without a pause on the interface thread.
        from durf.core.progress import practice_of

        self._kept_practice = (state.history, practice_of(state.history, today(self.clock)))
        self.call_from_thread(self._loaded, state, library)

    def _read_library(self) -> Library:
        from durf.core.library import load_library

        return load_library([bundled_exercises_dir(), user_exercises_dir(self.home)])

    def ensure_library(self) -> Library:
        """The exercises, loading them now if the background load has not finished."""
        if self.library is None:
            self.library = self._read_library()
        return self.library

    def _loaded(self, state: State, library: Library) -> None:
        problems_before = self.library.problems if self.library is not None else None
        self.library = library
        settings = state.settings
        # The quick look before start-up can miss (say, a broken file restored from its
        # backup); the loaded settings are the truth.
        if settings.theme != self._look.setting("theme", str) or (
            settings.theme is not None and settings.theme not in self.available_themes
        ):
            self._apply_theme(settings.theme, announce=True)
        self._apply_motion(settings.reduced_motion)
        self.focus_mode = settings.focus_mode
        if (
            self.cli_language is None
            and is_language(settings.language)
            and settings.language != get_language()
        ):
            set_language(settings.language)  # type: ignore[arg-type]
            self.call_later(self.relocalize)
        self._show_store_notices()
        if library.problems and problems_before is None:
            lines = "\n".join(str(problem) for problem in library.problems)
            self._tell(lines, "notice.exercises_title")
        self.state_revision += 1
        waiting, self._when_loaded = self._when_loaded, []
        for callback in waiting:
            callback()
        self.release_keys()

    def when_loaded(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` once the state is read (at once if it already is)."""
        if self.state is not None:
            callback()
        else:
            self._when_loaded.append(callback)

    def _fail(self, message: str) -> None:
        self.fatal_message = message
        self.exit(return_code=1)

    # -- state -----------------------------------------------------------------

    @property
    def state(self) -> State | None:
        """The state once loaded, else ``None`` (the first frame does not wait for it)."""
        return self.store.state if self._store is not None and self.store.loaded else None

    def refresh_state(self) -> bool:
        """Show what another durf saved meanwhile; whether anything changed.

        Screens ask before acting on what they show, so a change is never refused (or
        made) on the strength of a picture that is no longer true.
        """
        if self._store is None or not self.store.loaded:
            return False
        # Imported only now: before the load, this runs on the first frame (a screen's
        # first resume), which must not wait for pydantic.
        from durf.core.store import StoreError

        try:
            changed = self.store.refresh()
        except StoreError as error:
            self._fail(str(error))
            return False
        if changed:
            self._show_store_notices()
            self.state_revision += 1
        return changed

    def setting(self, name: str, kind: type, default: Any = None) -> Any:
        """One setting: the saved one once loaded, before that the quick look's.

        Lets the first frame of a screen read a setting without waiting for the load.
        """
        if self.state is not None:
            return getattr(self.settings, name)
        return self._look.setting(name, kind, default)

    @property
    def settings(self) -> Settings:
        """The saved settings (waits for the load if it is still running)."""
        return self.store.state.settings

    def home_summary(self) -> HomeSummary | None:
        """The figures for the home screen's progress line."""
        practice = self._practice()
        return None if practice is None else practice.summary()

    def _practice(self) -> Practice | None:
        """The walk over the history, kept until the history or the day changes.

        Most changes (a draft saved, a step marked) leave the history list itself
        untouched, so the one part of the figures that grows with years of
        practice is computed once per new session, not once per key.
        """
        state = self.state
        if state is None:
            return None
        from durf.core.progress import practice_of

        day = today(self.clock)
        kept = self._kept_practice
        if kept is not None and kept[0] is state.history and kept[1].today == day:
            return kept[1]
        practice = practice_of(state.history, day)
        self._kept_practice = (state.history, practice)
        return practice

    def dashboard(self) -> Dashboard | None:
        """Every progress figure, or None while the state is still loading."""
        practice = self._practice()
        if practice is None or self.state is None:
            return None
        from durf.core.progress import dashboard

        return dashboard(self.state, practice.today, practice=practice)

    def change_state(self, change: Callable[[State], State]) -> bool:
        """Apply a pure change to the state and save it at once.

        Returns False, after telling the user, when the save failed; the state
        in memory and on disk is then the previous one.
        """
        from durf.core.store import StateWriteError, StoreError

        if self._forgetting:
            return False
        run = self.session_run
        if run is not None:
            change = self._within_session(change, run)
        try:
            self.store.update(change)
        except StateWriteError as error:
            self._tell(str(error), "notice.not_saved_title", "error")
            return False
        except StoreError as error:
            self._fail(str(error))
            return False
        if run is not None and run.worth_keeping:
            run.kept = True
        self._show_store_notices()
        self.state_revision += 1
        return True

    def _within_session(
        self, change: Callable[[State], State], run: SessionRun
    ) -> Callable[[State], State]:
        """``change``, with the session in progress kept in the same save."""
        from durf.core.session import within_session

        def change_within(state: State) -> State:
            return within_session(state, change(state), run, self.clock.now())

        return change_within

    def _show_store_notices(self) -> None:
        for notice in self.store.take_notices():
            self._tell(notice, "notice.state_title")

    def _tell(self, message: str, title_key: str, severity: SeverityLevel = "warning") -> None:
        """A notice that stays long enough to read, whose text may hold a path or user text."""
        self.notify(shown(message), title=t(title_key), severity=severity, timeout=30, markup=False)

    def change_settings(self, **changes: object) -> bool:
        """Save new values for some settings."""
        from durf.core.sync_merge import stamp_settings

        def change(state: State) -> State:
            changed = state.model_copy(
                update={"settings": state.settings.model_copy(update=changes)}
            )
            # With the time of each change, so that the later one wins when a sync
            # tool leaves a conflict copy made on another computer.
            return stamp_settings(state, changed, self.clock.now())

        return self.change_state(change)

    # -- language --------------------------------------------------------------

    def change_language(self, language: str) -> None:
        """Switch language, remember it, and rebuild the open screens in it."""
        if not is_language(language) or not self.change_settings(language=language):
            return
        set_language(language)  # type: ignore[arg-type]
        # Rebuilt from the app's own queue: a screen cannot await its own removal.
        self.call_later(self.relocalize)

    async def relocalize(self) -> None:
        """Compose every open screen again, so that all its words are in the new language."""
        for screen in self.screen_stack:
            remember = getattr(screen, "remember", None)
            if remember is not None:
                remember()
        for screen in self.screen_stack:
            await screen.recompose()
            after = getattr(screen, "after_relocalize", None)
            if after is not None:
                after()
        self.screen.post_message(Relocalized())

    # -- theme -----------------------------------------------------------------

    def _apply_theme(self, name: str | None, announce: bool) -> None:
        if name is None:
            self.theme = DEFAULT_THEME
        elif name in self.available_themes:
            self.theme = name
        else:
            self.theme = DEFAULT_THEME
            if announce:
                self.notify(
                    t("notice.unknown_theme", name=shown(name), fallback=DEFAULT_THEME),
                    severity="warning",
                    timeout=15,
                    markup=False,
                )

    def _theme_changed(self, theme: Any) -> None:
        if self.state is None:
            return  # applying the saved theme at start-up is not a change
        saved = self.settings.theme
        if theme.name != saved and (saved is not None or theme.name != DEFAULT_THEME):
            self.change_settings(theme=theme.name)

    def action_change_theme(self) -> None:
        """Pick a theme from a searchable list; the choice is saved."""
        from textual.theme import ThemeProvider

        self.push_screen(
            DurfCommandPalette(providers=[ThemeProvider], placeholder=t("palette.themes"))
        )

    # -- motion and sound ------------------------------------------------------

    @property
    def motion_reduced_by_environment(self) -> bool:
        """``TEXTUAL_ANIMATIONS=none`` asks for calm output whatever the setting says."""
        return self._environment_animation_level == "none"

    @property
    def reduced_motion(self) -> bool:
        """Whether exercises should use calm text instead of animation."""
        return bool(self.setting("reduced_motion", bool, False)) or (
            self.motion_reduced_by_environment
        )

    def _apply_motion(self, reduced: bool) -> None:
        self.animation_level = "none" if reduced else self._environment_animation_level

    def change_reduced_motion(self, on: bool) -> None:
        """Turn reduced motion on or off, and save it."""
        if self.change_settings(reduced_motion=on):
            self._apply_motion(on)

    def watch_focus_mode(self, focus: bool) -> None:
        """The calm layout is a class on the app: every screen's style follows it."""
        self.set_class(focus, "-focus")
        # Textual restyles the screen on top; those underneath must follow too.
        for screen in self.screen_stack:
            screen.update_node_styles(animate=False)

    def action_toggle_focus_mode(self) -> None:
        """f: the calm layout on or off, remembered for next time."""
        focus = not self.focus_mode
        if self.state is not None and not self.change_settings(focus_mode=focus):
            return
        self.focus_mode = focus
        self.notify(t("focus.on" if focus else "focus.off"), timeout=3)

    def change_sound_cue(self, on: bool) -> None:
        """Turn the bell on or off, and save it; ring once so the user hears it."""
        if self.change_settings(sound_cue=on) and on:
            self.bell()

    # -- breathing ---------------------------------------------------------------

    def current_pattern(self) -> BreathingPattern | None:
        """The pattern chosen last, or the bundled default."""
        from durf.core.library import default_pattern

        library = self.ensure_library()
        chosen = self.settings.breath_pattern
        for pattern in library.breathing:
            if pattern.id == chosen:
                return pattern
        return default_pattern(library)

    def action_start_breathing(self) -> None:
        """Open the breathing-before-speaking exercise at its check-in (one at a time)."""
        from durf.screens.breathe_checkin import CheckInScreen

        if self._open_flows():
            self._say_already_open()
            return
        self.push_screen(CheckInScreen(self.new_breathing_flow()))

    def start_breathing_now(self, pattern: BreathingPattern | QuickPattern, breaths: int) -> None:
        """Skip the check-in and setup: breathe at once, over what is open."""
        self.push_screen(self.breathing_screen(pattern, breaths))

    def breathing_screen(
        self, pattern: BreathingPattern | QuickPattern, breaths: int
    ) -> Screen[Any]:
        """The breathing itself, without check-in and setup (``durf breathe --pattern``)."""
        from durf.screens.breathe import BreatheScreen

        flow = self.new_breathing_flow()
        flow.pattern = pattern
        flow.session.breaths_planned = breaths
        return BreatheScreen(flow)

    def new_breathing_flow(self) -> Any:
        """A fresh, empty exercise run."""
        from durf.core.breathing import BreathingSession
        from durf.screens.flow import BreatheFlow

        return BreatheFlow(BreathingSession(started_at=self.clock.now()))

    def save_flow(self, flow: Flow, completed: bool) -> bool:
        """Keep a finished or stopped exercise session, once."""
        if flow.saved:
            return True
        ended = self.clock.now()
        if self.change_state(lambda state: flow.record(state, ended, completed)):
            flow.saved = True
        return flow.saved

    def _session_hub(self) -> Any:
        """The practice session's plan screen, if one is open."""
        from durf.screens.session import SessionScreen

        return next((s for s in self.screen_stack if isinstance(s, SessionScreen)), None)

    def _say_already_open(self) -> None:
        from durf.screens.session import SessionScreen

        in_session = any(isinstance(screen, SessionScreen) for screen in self.screen_stack)
        self.notify(t("session.already_open" if in_session else "breathe.already_open"), timeout=5)

    def _open_flows(self) -> list[Any]:
        from durf.screens.flow import FlowScreen

        return [screen for screen in self.screen_stack if isinstance(screen, FlowScreen)]

    def keep_everything(self) -> None:
        """Save what is in progress: an exercise (marked as not finished) and typed words.

        Called before quitting, and when the terminal closes (SIGHUP) or durf is
        asked to stop (SIGTERM), so that nothing typed is lost on the way out.
        """
        for screen in self._open_flows():
            if screen.flow.worth_keeping and not screen.flow.saved:
                screen.remember()
                self.save_flow(screen.flow, completed=False)
        for screen in self.screen_stack:
            keep_typed = getattr(screen, "keep_typed", None)
            if keep_typed is not None:
                keep_typed()

    async def action_quit(self) -> None:
        """Quit at once; an exercise in progress is kept first, marked as not finished,
        and words typed in the step guide or a reflection are saved."""
        self.keep_everything()
        await super().action_quit()

    def _listen_for_stop_signals(self) -> None:
        """A closed terminal (SIGHUP) or a polite kill (SIGTERM) saves, then exits."""
        import asyncio
        import signal

        try:
            loop = asyncio.get_running_loop()
            for number in (signal.SIGHUP, signal.SIGTERM):
                loop.add_signal_handler(number, self._stop_on_signal)
        except (NotImplementedError, RuntimeError, AttributeError, ValueError):
            pass  # not on the main thread (tests), or a platform without these signals

    def _stop_on_signal(self) -> None:
        if self._stopping:
            return
        self._stopping = True
        try:
            self.keep_everything()
        finally:
            self.exit()

    def answer_sentence(self, sentence_id: str, answer: str) -> bool:
        """Record whether an open honest sentence was said (one key on the home screen)."""
        from durf.core.breathing import follow_up

        when = self.clock.now()
        return self.change_state(
            lambda state: follow_up(state, sentence_id, answer, when)  # type: ignore[arg-type]
        )

    # -- affirmations ------------------------------------------------------------

    def affirmation_sources(self) -> list[tuple[str, str, str, list[Any]]]:
        """Every way to choose what to practise: (source, title, description, items)."""
        from durf.core.affirm import Item, favourites, mix, own_items

        language = get_language()
        sources: list[tuple[str, str, str, list[Any]]] = []
        set_items = []
        for affirmation_set in self.ensure_library().affirmations:
            items = [
                Item(
                    f"{affirmation_set.id}/{a.id}",
                    a.text.get(language),
                    a.stepping_stone.get(language) if a.stepping_stone else None,
                )
                for a in affirmation_set.affirmations
            ]
            set_items.append(items)
            sources.append(
                (
                    f"set:{affirmation_set.id}",
                    affirmation_set.name.get(language),
                    affirmation_set.description.get(language),
                    items,
                )
            )
        state = self.store.state
        own = own_items(state.own_affirmations)
        everything = [item for items in set_items for item in items] + own
        sources.append(
            (
                "favourites",
                t("affirm.favourites"),
                t("affirm.favourites_description"),
                favourites(everything, state.favourite_affirmations),
            )
        )
        sources.append(("own", t("affirm.own"), t("affirm.own_description"), own))
        sources.append(("mix", t("affirm.mix"), t("affirm.mix_description"), mix(*set_items, own)))
        return sources

    def items_for(self, source: str) -> list[Any]:
        """The affirmations of one source (empty if it is unknown or has none)."""
        for key, _, _, items in self.affirmation_sources():
            if key == source:
                return items
        return []

    def practice_items(self) -> list[Any]:
        """Every affirmation that can be practised, a little from each set in turn."""
        return self.items_for("mix")

    def affirmation_item(self, key: str) -> Any:
        """The affirmation with this key, or None if it is gone (an archived own one)."""
        return next((item for item in self.practice_items() if item.key == key), None)

    def action_start_affirmations(self) -> None:
        """Open the affirmations: choose what to practise, or manage your own."""
        from durf.screens.affirm import AffirmScreen

        if self._open_flows():
            self._say_already_open()
            return
        self.push_screen(AffirmScreen())

    def new_affirm_flow(self, source: str) -> Any:
        """A fresh affirmation session for ``source``, with the remembered settings."""
        from durf.core.affirm import AffirmSession
        from durf.screens.affirm_flow import AffirmFlow

        settings = self.settings
        session = AffirmSession(
            started_at=self.clock.now(),
            source=source,
            mode=settings.affirm_mode,
            seconds_each=settings.affirm_seconds,
        )
        return AffirmFlow(session, items=self.items_for(source))

    def start_affirmations_now(self, flow: Any, rounds: int | None, minutes: int | None) -> None:
        """Skip the choices: practise at once (``durf affirm --set``)."""
        from durf.core.affirm import plan_session
        from durf.screens.affirm_session import AffirmSessionScreen

        flow.plan = plan_session(
            flow.items, flow.session.seconds_each, rounds=rounds, minutes=minutes
        )
        self.push_screen(AffirmSessionScreen(flow))

    # -- a practice session --------------------------------------------------------

    def action_start_session(self, minutes: int | None = None) -> None:
        """Open a practice session: its plan first, then the parts one after another."""
        from durf.core.session import DEFAULT_MINUTES
        from durf.screens.session import SessionScreen

        if self._open_flows():
            self._say_already_open()
            return
        self.push_screen(SessionScreen(minutes or DEFAULT_MINUTES))

    def prompts(self) -> dict[str, str]:
        """Every reflection question, by ``set-id/prompt-id``, in the user's language."""
        language = get_language()
        return {
            f"{prompt_set.id}/{prompt.id}": prompt.text.get(language)
            for prompt_set in self.ensure_library().prompts
            for prompt in prompt_set.prompts
        }

    def prompt_text(self, key: str) -> str:
        """The words of a reflection question (its key if its file is gone)."""
        return self.prompts().get(key, key)

    def last_answer(self, prompt_key: str) -> str:
        """What was written the last time this question was asked, if anything."""
        from durf.core.session import last_answer

        return last_answer(self.store.state.history, prompt_key)

    def pattern_by_id(self, pattern_id: str) -> BreathingPattern | None:
        """The breathing pattern with this id, if it is (still) there."""
        return next((p for p in self.ensure_library().breathing if p.id == pattern_id), None)

    def plan_session(self, minutes: int) -> SessionPlan:
        """A session of about ``minutes`` for today, from the user's state and settings."""
        from durf.core.pacer import clamp_pace
        from durf.core.quadrant import due_in_session
        from durf.core.session import plan_session

        settings = self.settings
        pattern = self.current_pattern()
        pace = clamp_pace(settings.breath_pace)
        cycle = pattern.cycle_seconds * pace if pattern is not None else 10.0
        return plan_session(
            self.store.state,
            minutes=minutes,
            today=today(self.clock),
            breath_cycle=cycle,
            pattern_id=pattern.id if pattern is not None else "",
            affirmations=self.practice_items(),
            seconds_each=settings.affirm_seconds,
            prompts=list(self.prompts()),
            quadrant_id=(
                quadrants[0].id
                if (quadrants := self.quadrants())
                and due_in_session(self.store.state.history, minutes, today(self.clock))
                else None
            ),
        )

    def session_affirm_flow(self, part: Any) -> Any:
        """The affirmations of a session's part, with the remembered mode; None if all are gone."""
        from durf.core.affirm import AffirmSession, Plan
        from durf.screens.affirm_flow import AffirmFlow

        items = [self.affirmation_item(key) for key in part.affirmations]
        items = [item for item in items if item is not None]
        if not items:
            return None
        session = AffirmSession(
            started_at=self.clock.now(),
            source="session",
            mode=self.settings.affirm_mode,
            seconds_each=part.seconds_each,
        )
        flow = AffirmFlow(session, items=items)
        flow.plan = Plan(tuple(items), float(part.seconds_each))
        return flow

    # -- small steps -------------------------------------------------------------

    @property
    def this_week(self) -> Any:
        """The ISO week today falls in, by this app's clock."""
        from durf.core.weeks import Week

        return Week.of(today(self.clock))

    def action_open_steps(self) -> None:
        """Open the weekly board of small steps (not during a session: it has its own step)."""
        from durf.screens.step_board import StepBoardScreen

        if self.session_run is not None:
            self._say_already_open()
            return
        self._open(StepBoardScreen)

    def action_new_step(self) -> None:
        """Open the five-step guide, carrying on with its draft if one was left."""
        from durf.screens.step_guide import GuideScreen

        if any(isinstance(screen, GuideScreen) for screen in self.screen_stack):
            self.notify(t("guide.already_open"), timeout=5)
            return
        if self.session_run is not None:
            self._say_already_open()
            return
        self.push_screen(self.guide_screen(GuideScreen))

    def guide_screen(self, kind: type[Any], draft: Any = None) -> Any:
        """A guide screen of ``kind`` on ``draft``, or on the saved draft, or on a new one."""
        from durf.core.state import StepDraft

        if draft is None:
            draft = self.store.state.step_draft
        resumed = draft is not None and draft is self.store.state.step_draft
        if draft is None:
            now = self.clock.now()
            draft = StepDraft(started_at=now, updated_at=now)
        guides = self.ensure_library().step_guides
        return kind(draft.model_copy(deep=True), guides[0] if guides else None, resumed=resumed)

    @staticmethod
    def _draft_change(draft: Any, base: Any, saved: list[Any]) -> Callable[[State], State]:
        """The change that saves ``draft`` merged with the one on disk; ``saved`` gets it."""
        from durf.core.steps import merge_draft, save_draft

        def change(state: State) -> State:
            merged = merge_draft(base, draft, state.step_draft)
            saved[:] = [merged]
            return save_draft(state, merged)

        return change

    def save_step_draft(self, draft: Any, base: Any) -> Any:
        """Keep the guide as typed so far, merged with what another durf wrote meanwhile.

        Returns the draft as saved, or ``None`` (the user has been told) if it was not.
        """
        saved: list[Any] = []
        changed = self.change_state(self._draft_change(draft, base, saved))
        return saved[0] if changed and saved else None

    def save_step_draft_in_background(
        self, draft: Any, base: Any, done: Callable[[Any], None]
    ) -> None:
        """``save_step_draft`` off the interface thread: with a long history a save takes
        a while, and typing must not stall. ``done`` gets the saved draft."""
        self._save_draft_worker(draft, base, done)

    @work(thread=True, group="draft")
    def _save_draft_worker(self, draft: Any, base: Any, done: Callable[[Any], None]) -> None:
        from durf.core.store import StoreError

        saved: list[Any] = []
        try:
            self.store.update(self._draft_change(draft, base, saved))
        except StoreError as error:
            self.call_from_thread(self._tell, str(error), "notice.not_saved_title", "error")
            return
        self.call_from_thread(self._after_background_save, saved[0], done)

    def _after_background_save(self, merged: Any, done: Callable[[Any], None]) -> None:
        self._show_store_notices()
        self.state_revision += 1
        done(merged)

    def drop_step_draft(self) -> bool:
        """Throw the guide's draft away."""
        from durf.core.steps import drop_draft

        return self.change_state(drop_draft)

    def _change_steps(self, change: Callable[[State], State]) -> bool:
        """Like ``change_state``, but a step changed meanwhile (another durf) is said kindly."""
        from durf.core.steps import StepConflict, StepError

        try:
            return self.change_state(change)
        except StepConflict:
            self.notify(t("board.changed_elsewhere"), severity="warning", timeout=8)
            self.state_revision += 1
            return False
        except StepError:
            self.notify(t("guide.step_needs_words"), severity="warning", timeout=8)
            return False

    def plan_step(self, draft: Any, opened_at: Any) -> str | None:
        """Turn the finished guide into this week's step; its id, or ``None`` if not saved."""
        from durf.core.steps import plan_step

        planned: list[str] = []

        def change(state: State) -> State:
            new_state, step_id = plan_step(
                state, draft, self.this_week, self.clock.now(), opened_at
            )
            planned[:] = [step_id]
            return new_state

        return planned[0] if self._change_steps(change) and planned else None

    def show_step_board(self, step_id: str | None, *, replacing: Screen[Any]) -> None:
        """Close ``replacing`` and show the board at this week, the given step highlighted."""
        from durf.screens.step_board import StepBoardScreen

        def swap() -> None:
            if self.screen is replacing:
                self.pop_screen()
            if isinstance(self.screen, StepBoardScreen):
                self._show_on_board(step_id, self.this_week)
            else:
                self.push_screen(StepBoardScreen(focus_step=step_id))

        self.call_later(swap)

    def move_step(self, step_id: str) -> bool:
        """Carry a planned step on to the week after its own (never into the past)."""
        from durf.core.steps import find_step, move_target, move_to_next_week

        target = move_target(find_step(self.store.state, step_id), self.this_week)
        moved = self._change_steps(
            lambda state: move_to_next_week(state, step_id, self.this_week, self.clock.now())[0]
        )
        if moved:
            self.notify(t("board.moved", number=target.number), timeout=6)
        return moved

    def let_go_step(self, step_id: str) -> bool:
        """Not this time."""
        from durf.core.steps import let_go

        return self._change_steps(lambda state: let_go(state, step_id, self.clock.now()))

    def reopen_step(self, step_id: str) -> bool:
        """Undo done or not this time."""
        from durf.core.steps import reopen

        return self._change_steps(lambda state: reopen(state, step_id, self.clock.now()))

    def keep_step_reflection(self, step_id: str, reflection: Any) -> bool:
        """Keep a reflection as written so far, without marking the step done."""
        from durf.core.steps import keep_reflection

        return self._change_steps(lambda state: keep_reflection(state, step_id, reflection))

    def finish_step(self, step_id: str, reflection: Any, opened_at: Any) -> bool:
        """Mark a planned step done with its reflection, or save a done step's new reflection."""
        from durf.core.steps import find_step, mark_done

        if find_step(self.store.state, step_id).status == "done":
            return self.keep_step_reflection(step_id, reflection)
        now = self.clock.now()
        done = self._change_steps(
            lambda state: mark_done(state, step_id, reflection, now, opened_at or now)
        )
        if done:
            self.notify(t("reflect.done"), timeout=6)
        return done

    def smaller_step_week(self, step_week: str) -> Any:
        """The week a smaller step is for: the big step's week, or this week if that has passed."""
        from durf.core.weeks import Week

        return max(Week.parse(step_week), self.this_week)

    def make_step_smaller(self, step_id: str, what: str, fields: Any) -> bool:
        """Put a smaller step, on the same ladder, in place of a planned one."""
        from durf.core.steps import find_step, make_smaller

        week = self.smaller_step_week(find_step(self.store.state, step_id).week)
        made: list[str] = []

        def change(state: State) -> State:
            new_state, smaller_id = make_smaller(
                state,
                step_id,
                what,
                week,
                self.clock.now(),
                **_step_details(fields),
            )
            made[:] = [smaller_id]
            return new_state

        if not self._change_steps(change):
            return False
        self.notify(t("smaller.saved"), timeout=6)
        self._show_on_board(made[0], week)
        return True

    def _show_on_board(self, step_id: str | None, week: Any) -> None:
        """Have the board underneath show ``week`` with ``step_id`` highlighted."""
        from durf.screens.step_board import StepBoardScreen

        for screen in self.screen_stack:
            if isinstance(screen, StepBoardScreen):
                screen.week = week
                screen.focus_step = step_id
        self.state_revision += 1

    def edit_step(self, step_id: str, what: str, fields: Any) -> bool:
        """Save new words or details for a planned step."""
        from durf.core.steps import edit_step

        return self._change_steps(
            lambda state: edit_step(state, step_id, what=what, **_step_details(fields))
        )

    # -- navigation ------------------------------------------------------------

    def _open(self, kind: type[Screen[Any]]) -> None:
        if not isinstance(self.screen, kind):
            self.push_screen(kind())

    # -- your data: export and forget ------------------------------------------

    def action_export(self) -> None:
        """Open the export dialog: a format, a file, Enter."""
        from durf.screens.export import ExportScreen

        if not isinstance(self.screen, ExportScreen):
            self.push_screen(ExportScreen(today(self.clock)))

    def export_to(self, path: Path, export_format: str, *, overwrite: bool = False) -> None:
        """Write all data to ``path`` in ``export_format`` (atomic, readable only by you).

        Raises ``ExportFileExists`` when a file is there and ``overwrite`` is not
        set, and ``ExportError`` (a message naming the path) when writing fails.
        """
        from durf.core.export import export_bytes, write_export
        from durf.core.words import what_it_holds

        state = self.store.state
        quadrants = {quadrant.id: quadrant for quadrant in self.quadrants()}
        data = export_bytes(
            state, export_format, get_language(), today=today(self.clock), quadrants=quadrants
        )
        write_export(path, data, overwrite=overwrite)
        message = t("export.written", path=str(path), what=what_it_holds(state))
        self.notify(shown(message), timeout=10, markup=False)

    def forget_everything(self) -> bool:
        """Delete every file durf keeps (never your own exercise files) and start empty.

        Open exercises and forms close without being kept: they are part of
        everything. Returns False, after telling the user, if it could not be done.
        """
        from durf.core.forget import forget
        from durf.core.store import StoreError

        try:
            forget(self.store)
        except StoreError as error:
            self._tell(str(error), "notice.state_title", "error")
            return False
        self._forgetting = True
        self.session_run = None
        self.call_later(self._back_to_the_start)
        self.state_revision += 1
        self.notify(t("forget.done"), timeout=8)
        return True

    async def _back_to_the_start(self) -> None:
        # Popped, not stopped: stopping an exercise would save it again. The last one
        # may be the exercise a command opened first, which home then replaces.
        while len(self.screen_stack) > 1 or not isinstance(self.screen, HomeScreen):
            await self.pop_screen()
        self._forgetting = False

    def action_open_settings(self) -> None:
        """Open the settings."""
        from durf.screens.settings import SettingsScreen

        self._open(SettingsScreen)

    def action_open_progress(self) -> None:
        """Open the progress dashboard."""
        from durf.screens.dashboard import DashboardScreen

        self._open(DashboardScreen)

    def action_open_history(self) -> None:
        """Open the history of every session and step."""
        from durf.screens.history import HistoryScreen

        self._open(HistoryScreen)

    def action_open_about(self) -> None:
        """Open the about page."""
        from durf.screens.about import AboutScreen

        self._open(AboutScreen)

    def action_open_help(self) -> None:
        """Open the help page."""
        from durf.screens.help import HelpScreen

        self._open(HelpScreen)

    async def action_go_home(self) -> None:
        """Close every screen above home; an exercise is stopped the usual way (it asks)."""
        hub = self._session_hub()
        if hub is not None and hub.run is not None:
            hub.ask_to_end(hub.part_on_screen())  # it closes everything once it has ended
            return
        flows = self._open_flows()
        if flows:
            while self.screen is not flows[-1]:
                await self.pop_screen()
            flows[-1].action_back()
            return
        while len(self.screen_stack) > 1:
            await self.pop_screen()

    def action_command_palette(self) -> None:
        """Open the command palette, worded in the user's language."""
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(
                DurfCommandPalette(id="--command-palette", placeholder=t("palette.placeholder"))
            )

    def action_help_quit(self) -> None:
        """Ctrl+C does not quit in a TUI; say which key does, in the user's language."""
        self.notify(t("notice.how_to_quit"), title=t("notice.how_to_quit_title"))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Every exercise and setting, reachable by name from the command palette."""
        yield SystemCommand(t("palette.home"), t("palette.home_help"), self.action_go_home)
        yield SystemCommand(
            t("session.title"), t("home.session_description"), self.action_start_session
        )
        yield SystemCommand(
            t("breathe.title"), t("home.breathe_description"), self.action_start_breathing
        )
        yield SystemCommand(
            t("affirm.title"), t("home.affirm_description"), self.action_start_affirmations
        )
        yield SystemCommand(t("steps.title"), t("home.steps_description"), self.action_open_steps)
        yield SystemCommand(t("guide.palette"), t("guide.palette_help"), self.action_new_step)
        yield SystemCommand(
            t("quadrant.title"), t("home.quadrant_description"), self.action_open_quadrant
        )
        yield SystemCommand(
            t("progress.title"), t("home.progress_description"), self.action_open_progress
        )
        yield SystemCommand(t("history.title"), t("history.palette_help"), self.action_open_history)
        yield SystemCommand(
            t("settings.title"), t("home.settings_description"), self.action_open_settings
        )
        for code in ("nl", "en"):
            if code != get_language():
                yield SystemCommand(
                    t("palette.language", language=t(f"language.{code}")),
                    t("palette.language_help"),
                    lambda code=code: self.change_language(code),
                )
        yield SystemCommand(t("palette.theme"), t("palette.theme_help"), self.action_change_theme)
        focus_key = "palette.focus_off" if self.focus_mode else "palette.focus_on"
        yield SystemCommand(t(focus_key), t("palette.focus_help"), self.action_toggle_focus_mode)
        motion_key = "palette.motion_off" if self.settings.reduced_motion else "palette.motion_on"
        yield SystemCommand(
            t(motion_key),
            t("settings.reduced_motion_hint"),
            lambda: self.change_reduced_motion(not self.settings.reduced_motion),
        )
        sound_key = "palette.sound_off" if self.settings.sound_cue else "palette.sound_on"
        yield SystemCommand(
            t(sound_key),
            t("settings.sound_cue_hint"),
            lambda: self.change_sound_cue(not self.settings.sound_cue),
        )
        yield SystemCommand(t("palette.export"), t("palette.export_help"), self.action_export)
        yield SystemCommand(t("help.title"), t("home.help_description"), self.action_open_help)
        yield SystemCommand(t("about.title"), t("home.about_description"), self.action_open_about)
        yield SystemCommand(t("palette.quit"), t("palette.quit_help"), self.action_quit)
