"""The export as JSON: the state file's own format, so ``durf import`` takes it back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from durf.core.state_codec import serialise_state

if TYPE_CHECKING:
    from durf.core.state import State


def export_json(state: State) -> bytes:
    """The whole state in the state file's own documented format (``durf import`` reads it)."""
    return serialise_state(state)
