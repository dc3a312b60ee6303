"""The first screen: home, or the exercise a command opens at once (``durf breathe``),
drawn as the first frame itself with no home composed and styled under it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.await_complete import AwaitComplete
from textual.screen import Screen

if TYPE_CHECKING:
    from durf.app import DurfApp


class FirstScreen(App[None]):
    """The app's part of choosing the first screen, and of home taking its place."""

    make_first_screen: Callable[[DurfApp], Screen[None]] | None = None
    """Makes the screen a command opens at once, in place of home."""

    def get_default_screen(self: DurfApp) -> Screen[None]:
        """Home, or the exercise a command opens at once: the first frame is the real one.

        Home takes the exercise's place when it is left (``pop_screen``). Its module is
        imported only when it is shown: the exercise's first frame need not wait for it.
        """
        if self.make_first_screen is None:
            from durf.screens.home import HomeScreen

            return HomeScreen()
        screen = self.make_first_screen(self)
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
        from durf.screens.home import HomeScreen

        if len(self.screen_stack) == 1 and not isinstance(self.screen, HomeScreen):
            return self.switch_screen(HomeScreen())
        return super().pop_screen()
