"""Ids for everything kept in the state file."""

from __future__ import annotations

from uuid import uuid4


def new_id() -> str:
    """A random id that will not collide across computers (imports merge by id)."""
    return uuid4().hex
