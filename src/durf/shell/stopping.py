"""Leaving durf: quitting, and a closed terminal or a polite kill, each of which first
keeps what is in progress, so that nothing typed is lost on the way out."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import App

from durf.core.i18n import t

if TYPE_CHECKING:
    from durf.app import DurfApp


class Stopping(App[None]):
    """The app's part of stopping."""

    _stopping = False

    def keep_everything(self: DurfApp) -> None:
        """Save what is in progress: an exercise (marked as not finished) and typed words.

        Called before quitting, and when the terminal closes (SIGHUP) or durf is
        asked to stop (SIGTERM), so that nothing typed is lost on the way out.
        """
        for screen in self.open_flows():
            if screen.flow.worth_keeping and not screen.flow.saved:
                screen.remember()
                self.attempt(lambda screen=screen: self.practice.keep(screen.flow, False))
        for screen in self.screen_stack:
            keep_typed = getattr(screen, "keep_typed", None)
            if keep_typed is not None:
                keep_typed()

    async def action_quit(self: DurfApp) -> None:
        """Quit at once; an exercise in progress is kept first, marked as not finished,
        and words typed in the step guide or a reflection are saved."""
        self.keep_everything()
        await super().action_quit()

    def action_help_quit(self) -> None:
        """Ctrl+C does not quit in a TUI; say which key does, in the user's language."""
        self.notify(t("notice.how_to_quit"), title=t("notice.how_to_quit_title"))

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

    def _stop_on_signal(self: DurfApp) -> None:
        if self._stopping:
            return
        self._stopping = True
        try:
            self.keep_everything()
        finally:
            self.exit()
