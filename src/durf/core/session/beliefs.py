"""Which affirmations a session practises first: by how much each is believed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from durf.core.affirm import Item
    from durf.core.state import SessionRecord, State


def latest_beliefs(history: Sequence[SessionRecord]) -> dict[str, int]:
    """The last belief rating of every affirmation rated, by key (one walk of the history)."""
    beliefs: dict[str, int] = {}
    for record in history:
        if record.exercise != "affirm":
            continue
        belief = record.details.get("belief")
        if not isinstance(belief, dict) or not isinstance(belief.get("key"), str):
            continue
        rating = belief.get("after")
        if not _is_rating(rating):
            rating = belief.get("before")
        if _is_rating(rating):
            beliefs[belief["key"]] = rating
    return beliefs


def _is_rating(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 10


def practice_order(state: State, affirmations: Sequence[Item]) -> list[str]:
    """Affirmation keys in the order a session practises them.

    The one believed least comes first (it is the one that needs practice),
    then the favourites, then the rest in their usual order.
    """
    keys = [item.key for item in affirmations]
    beliefs = latest_beliefs(state.history)
    rated = sorted((key for key in keys if key in beliefs), key=lambda key: beliefs[key])
    first = rated[:1]
    favourites = [key for key in keys if key in set(state.favourite_affirmations)]
    ordered: list[str] = []
    for key in [*first, *favourites, *keys]:
        if key not in ordered:
            ordered.append(key)
    return ordered
