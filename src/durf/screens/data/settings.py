"""Settings: language, theme, reduced motion and the sound cue, saved at once; and the
way to delete everything, after asking."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Label, RadioButton, RadioSet, Select, Static, Switch

from durf.core.i18n import LANGUAGES, get_language, t
from durf.core.text import shown
from durf.screens.base import DurfScreen
from durf.screens.confirm import CarefulConfirmScreen


class SettingsScreen(DurfScreen):
    """Every choice that persists, each changed and saved the moment it is made."""

    TITLE_KEY = "settings.title"
    KEY_HINTS: ClassVar = [
        ("Tab", "keys.next_field"),
        ("keyname.space_enter", "keys.change"),
        ("Esc", "keys.back"),
        ("?", "keys.help"),
    ]
    CSS_PATH = Path(__file__).with_name("settings.tcss")

    def compose_body(self) -> ComposeResult:
        """One row per setting: a label, a control, and a line saying what it does."""
        settings = self.practice.settings
        language = get_language()
        with Horizontal(classes="row"):
            yield Label(t("settings.language"), classes="name")
            with RadioSet(id="language"):
                for code in LANGUAGES:
                    yield RadioButton(t(f"language.{code}"), value=code == language, name=code)
        with Horizontal(classes="row"):
            yield Label(t("settings.theme"), classes="name")
            yield Select(
                [(name, name) for name in sorted(self.app.available_themes)],
                value=self.app.theme,
                allow_blank=False,
                id="theme",
            )
        with Horizontal(classes="row"):
            yield Label(t("settings.reduced_motion"), classes="name")
            yield Switch(value=settings.reduced_motion, id="reduced-motion")
            yield Static(self._motion_hint(), classes="hint", id="motion-hint", markup=False)
        with Horizontal(classes="row"):
            yield Label(t("settings.sound_cue"), classes="name")
            yield Switch(value=settings.sound_cue, id="sound-cue")
            yield Static(t("settings.sound_cue_hint"), classes="hint", markup=False)
        yield Static(t("settings.saved_note"), id="saved-note", markup=False)
        with Horizontal(classes="row", id="forget-row"):
            yield Button(t("forget.button"), id="forget", variant="error", compact=True)
            yield Static(t("forget.button_hint"), classes="hint", markup=False)

    def _motion_hint(self) -> str:
        if self.durf.motion_reduced_by_environment:
            return t("settings.reduced_motion_env")
        return t("settings.reduced_motion_hint")

    def on_mount(self) -> None:
        """Start the language choice's highlight on the language in use, not the first."""
        super().on_mount()
        language_choice = self.query_one("#language", RadioSet)
        for _ in range(LANGUAGES.index(get_language())):
            language_choice.action_next_button()

    def on_relocalized(self) -> None:
        """Keep the focus on the language choice the user just made."""
        self.query_one("#language", RadioSet).focus()

    @on(RadioSet.Changed, "#language")
    def _language_changed(self, event: RadioSet.Changed) -> None:
        code = event.pressed.name
        if code and code != get_language():
            self.durf.change_language(code)

    @on(Select.Changed, "#theme")
    def _theme_changed(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and event.value != self.app.theme:
            self.app.theme = event.value

    @on(Switch.Changed, "#reduced-motion")
    def _motion_changed(self, event: Switch.Changed) -> None:
        self.durf.change_reduced_motion(event.value)

    @on(Switch.Changed, "#sound-cue")
    def _sound_changed(self, event: Switch.Changed) -> None:
        self.durf.change_sound_cue(event.value)

    @on(Button.Pressed, "#forget")
    def _forget_pressed(self) -> None:
        detail = t(
            "forget.detail", what=self.practice.data.what_it_holds(), home=str(self.durf.home)
        )
        self.app.push_screen(
            CarefulConfirmScreen(t("forget.question"), shown(detail)), self._forget_answered
        )

    def _forget_answered(self, yes: bool | None) -> None:
        if yes:
            self.durf.forget_everything()
