"""Small pickers that act on keys as they arrive, not through bindings.

A binding runs only after its key has travelled up to the app, so a key that
saves a form (Ctrl+S, PgDn) pressed right after a number could otherwise read the
picker before the number. Handling the key in the widget's own queue keeps order.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events


class ActsOnKeys:
    """Mixin for a focusable widget: ``KEYS`` maps a key to ``(action name, argument)``."""

    KEYS: ClassVar[dict[str, tuple[str, int]]] = {}

    async def _on_key(self, event: events.Key) -> None:
        handled = self.KEYS.get(event.key)
        if handled is None:
            return
        event.stop()
        event.prevent_default()
        action, argument = handled
        getattr(self, f"action_{action}")(argument)
