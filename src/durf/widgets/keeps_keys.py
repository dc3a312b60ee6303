"""Text fields that pass on keys which reach them after the focus has moved on.

Textual hands each key to the widget that had the focus when the key was read.
When a page turns (PgDn in the step guide) keys typed in the same instant are
already queued for the old page's field; these fields send such keys on to the
field that has the focus now, so fast typing over a slow link lands where the
user sees the cursor.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input, TextArea

from durf.widgets.shown_fields import ShownInput, ShownTextArea


def _forwarded(widget: TextArea | Input, event: events.Key) -> bool:
    focused = widget.screen.focused if widget.is_attached else None
    if focused is None or focused is widget:
        return False
    event.prevent_default()
    event.stop()
    focused.post_message(events.Key(event.key, event.character))
    return True


class KeptTextArea(ShownTextArea):
    """A TextArea that forwards keys arriving after it lost the focus."""

    async def _on_key(self, event: events.Key) -> None:
        if not _forwarded(self, event):
            await super()._on_key(event)


class KeptInput(ShownInput):
    """An Input that forwards keys arriving after it lost the focus."""

    async def _on_key(self, event: events.Key) -> None:
        if not _forwarded(self, event):
            await super()._on_key(event)
