"""The command palette: every exercise and setting by name, worded in the user's language."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.command import CommandPalette

from durf.core.i18n import get_language, t

if TYPE_CHECKING:
    from textual.screen import Screen

    from durf.app import DurfApp


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


class PaletteCommands(App[None]):
    """The app's part of the palette: opening it, its commands, and the theme picker."""

    def action_command_palette(self) -> None:
        """Open the command palette, worded in the user's language."""
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(
                DurfCommandPalette(id="--command-palette", placeholder=t("palette.placeholder"))
            )

    def action_change_theme(self) -> None:
        """Pick a theme from a searchable list; the choice is saved."""
        from textual.theme import ThemeProvider

        self.push_screen(
            DurfCommandPalette(providers=[ThemeProvider], placeholder=t("palette.themes"))
        )

    def get_system_commands(self: DurfApp, screen: Screen[None]) -> Iterable[SystemCommand]:  # type: ignore[override]
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
        settings = self.practice.settings
        motion_key = "palette.motion_off" if settings.reduced_motion else "palette.motion_on"
        yield SystemCommand(
            t(motion_key),
            t("settings.reduced_motion_hint"),
            lambda: self.change_reduced_motion(not self.practice.settings.reduced_motion),
        )
        sound_key = "palette.sound_off" if settings.sound_cue else "palette.sound_on"
        yield SystemCommand(
            t(sound_key),
            t("settings.sound_cue_hint"),
            lambda: self.change_sound_cue(not self.practice.settings.sound_cue),
        )
        yield SystemCommand(t("palette.export"), t("palette.export_help"), self.action_export)
        yield SystemCommand(t("help.title"), t("home.help_description"), self.action_open_help)
        yield SystemCommand(t("about.title"), t("home.about_description"), self.action_open_about)
        yield SystemCommand(t("palette.quit"), t("palette.quit_help"), self.action_quit)
