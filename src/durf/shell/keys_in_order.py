"""Keys handled one after another: each key reaches its target only after the
previous key's effects have happened.

Why this exists: Textual's App reads a key from its queue and posts it to the
widget focused *at that moment*, then reads the next key at once, without
waiting for the first to be handled. Keys that arrive together (over SSH, from a
fast typist, in a paste) are therefore already queued on the old target when a
Tab moves the focus, an Enter pushes a screen or a key dismisses one: the words
typed after a Tab end in the first field, the letters typed after an Enter land
on the screen underneath, and a Ctrl+Q quits before the letters typed before it
have reached their field. A user typing slowly never sees this; a user over a
slow link loses words.

So the app holds every key (and paste) from the terminal in a queue of its own
and hands the next one on only once the previous one has settled: the key has
travelled from the focused widget up to the app (each node handles its messages
in order, so a callback sent after the key along the same path runs after it),
the messages that key caused along that path have been handled, the screen it
may have pushed has been composed and given its focus, and callbacks waiting for
the next repaint have run. Settling is decided by what the app is doing, never
by a pause, so it holds on a slow or busy machine as well as a fast one.

The app may also hold keys back while it is not ready for them (the state still
loading, the screen the command asked for not yet shown): they wait, in order.
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

from textual import events
from textual.app import App

if TYPE_CHECKING:
    from textual.message_pump import MessagePump

MAX_ROUNDS = 12
"""Rounds a key may take to settle: a busy screen (a breathing timer) always has
a message queued, and must not hold the next key for ever."""

UserInput = events.Key | events.Paste


class KeysInOrder(App[None]):
    """An App whose keys and pastes from the terminal are handled strictly in turn."""

    def __init__(self) -> None:
        super().__init__()
        self._keys_waiting: deque[UserInput] = deque()
        self._key_settling = False
        self._keys_held = 0

    async def on_event(self, event: events.Event) -> None:
        """Queue keys and pastes from the terminal; everything else as Textual does."""
        if isinstance(event, events.Key | events.Paste) and not event.is_forwarded:
            self._keys_waiting.append(event)
            await self._hand_on_next_key()
            return
        await super().on_event(event)

    def hold_keys(self) -> None:
        """Keep keys waiting until ``release_keys`` (calls nest)."""
        self._keys_held += 1

    def release_keys(self) -> None:
        """Let the keys that waited go on, once what was done meanwhile has settled."""
        self._keys_held = max(0, self._keys_held - 1)
        if self._keys_held == 0 and not self._key_settling:
            self._key_settling = True
            self._settle(round_number=1)

    @property
    def keys_waiting(self) -> int:
        """How many keys from the terminal have not been handed on yet."""
        return len(self._keys_waiting) + (1 if self._key_settling else 0)

    async def _hand_on_next_key(self) -> None:
        if self._key_settling or self._keys_held or not self._keys_waiting:
            return
        event = self._keys_waiting.popleft()
        self._key_settling = True
        try:
            # Priority bindings first, then to the focused widget: Textual's own dispatch.
            await super().on_event(event)
        finally:
            self._settle(round_number=0)

    # -- settling --------------------------------------------------------------

    def _where_keys_go(self) -> tuple[int, ...]:
        """What decides the next key's target: the screens and the focused widget."""
        return (*map(id, self.screen_stack), id(self.focused))

    def _path(self) -> list[MessagePump]:
        """Where the key's effects may still be on their way: every widget of the screen
        with messages waiting (deepest first, as messages bubble up), then the focused
        widget up to the screen.

        A key often acts through widgets off its own path: Space on a radio set presses
        a button inside it, whose message bubbles back up through the set.
        """
        screen = self.screen
        waiting = [
            node
            for node in screen.walk_children(with_self=False)
            if not node._message_queue.empty()
        ]
        node: MessagePump | None = self.focused or screen
        path: list[MessagePump] = list(reversed(waiting))
        while node is not None and node is not self:
            if node not in path:
                path.append(node)
            node = node._parent
        if screen not in path:
            path.append(screen)
        return path

    def _settle(self, round_number: int) -> None:
        """Send a callback along the key's path; it reaches the app after the key did."""
        before = self._where_keys_go()
        path = self._path()

        def hop(index: int) -> None:
            if index < len(path) and path[index].call_later(hop, index + 1):
                return
            if index < len(path):
                # A node that closed (its screen was dismissed) has nothing left to do.
                hop(index + 1)
                return
            self.call_later(self._round_done, before, path, round_number)

        hop(0)

    async def _round_done(
        self, before: tuple[int, ...], path: list[MessagePump], round_number: int
    ) -> None:
        if round_number + 1 < MAX_ROUNDS and self._still_moving(before, path, round_number):
            self._settle(round_number + 1)
            return
        if self._after_repaint_pending() and round_number + 1 < MAX_ROUNDS:
            self.screen.call_after_refresh(self._settle, round_number + 1)
            return
        self._key_settling = False
        await self._hand_on_next_key()

    def _still_moving(
        self, before: tuple[int, ...], path: list[MessagePump], round_number: int
    ) -> bool:
        # Round 0 carries the key itself; the messages its handlers sent (a selection,
        # a press) travel the same path and are met by round 1.
        if round_number == 0 or self._where_keys_go() != before:
            return True
        screen = self.screen
        return self._app_has_work() or any(
            not node._message_queue.empty()
            for node in (*path, screen, *screen.walk_children(with_self=False))
            if not node._closed
        )

    def _app_has_work(self) -> bool:
        """Whether the app's own queue holds more than keys from the terminal: a callback
        a handler sent it (a rebuild in another language, a focus) is the key's effect too."""
        pending = list(self._message_queue.values)
        return any(not isinstance(message, events.Key | events.Paste) for message in pending)

    def _after_repaint_pending(self) -> bool:
        """Callbacks waiting for the next repaint (a part that ends opens the next one so)."""
        return bool(self.screen._callbacks)
