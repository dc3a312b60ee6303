"""The error a save raises; the others (unreadable, newer, any store error) are ``statefile``'s."""

from __future__ import annotations

from durf.core.statefile import StoreError


class StateWriteError(StoreError):
    """A change could not be saved; the file on disk is still the previous one."""
