"""How durf looks and sounds: the theme, reduced motion, the calm layout (focus mode),
the bell, and the language every open screen is rebuilt in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import App
from textual.message import Message

from durf.core.i18n import is_language, set_language, t
from durf.core.text import shown

if TYPE_CHECKING:
    from textual.theme import Theme

    from durf.app import DurfApp

DEFAULT_THEME = "textual-dark"


class Relocalized(Message):
    """Sent to the active screen after it was rebuilt in a new language."""


class LookAndFeel(App[None]):
    """The app's part of the look: applied at start, changed from settings and palette."""

    def apply_theme(self, name: str | None, announce: bool) -> None:
        """Use the theme called ``name`` (the default one if it is unknown, said once)."""
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

    def theme_picked(self: DurfApp, theme: Theme) -> None:
        """A theme chosen in the palette is saved (applying the saved one is not a change)."""
        if self.practice.state is None:
            return
        saved = self.practice.settings.theme
        if theme.name != saved and (saved is not None or theme.name != DEFAULT_THEME):
            self.attempt(lambda: self.practice.data.change_settings(theme=theme.name))

    # -- motion and sound ------------------------------------------------------

    @property
    def motion_reduced_by_environment(self: DurfApp) -> bool:
        """``TEXTUAL_ANIMATIONS=none`` asks for calm output whatever the setting says."""
        return self.environment_animation_level == "none"

    @property
    def reduced_motion(self: DurfApp) -> bool:
        """Whether exercises should use calm text instead of animation."""
        return self.practice.setting("reduced_motion", bool, False) or (
            self.motion_reduced_by_environment
        )

    def apply_motion(self: DurfApp, reduced: bool) -> None:
        """Animate, or not, whatever Textual's environment said."""
        self.animation_level = "none" if reduced else self.environment_animation_level

    def change_reduced_motion(self: DurfApp, on: bool) -> None:
        """Turn reduced motion on or off, and save it."""
        if self.attempt(lambda: self.practice.data.change_settings(reduced_motion=on)):
            self.apply_motion(on)

    def change_sound_cue(self: DurfApp, on: bool) -> None:
        """Turn the bell on or off, and save it; ring once so the user hears it."""
        if self.attempt(lambda: self.practice.data.change_settings(sound_cue=on)) and on:
            self.bell()

    # -- the calm layout ---------------------------------------------------------

    def watch_focus_mode(self, focus: bool) -> None:
        """The calm layout is a class on the app: every screen's style follows it."""
        self.set_class(focus, "-focus")
        # Textual restyles the screen on top; those underneath must follow too.
        for screen in self.screen_stack:
            screen.update_node_styles(animate=False)

    def action_toggle_focus_mode(self: DurfApp) -> None:
        """f: the calm layout on or off, remembered for next time."""
        focus = not self.focus_mode
        if self.practice.state is not None and not self.attempt(
            lambda: self.practice.data.change_settings(focus_mode=focus)
        ):
            return
        self.focus_mode = focus
        self.notify(t("focus.on" if focus else "focus.off"), timeout=3)

    # -- language ----------------------------------------------------------------

    def change_language(self: DurfApp, language: str) -> None:
        """Switch language, remember it, and rebuild the open screens in it."""
        if not is_language(language) or not self.attempt(
            lambda: self.practice.data.change_settings(language=language)
        ):
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
