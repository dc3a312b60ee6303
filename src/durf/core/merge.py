"""Bringing an exported state into this one, by id, without losing anything already here.

Every record carries a random id that is unique across computers, so merging is
a union by id. Where both sides hold the same id, the record already here wins:
an import adds, it never overwrites. Importing the same file twice adds nothing
the second time.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from durf.core.state import State

MERGED_KINDS = ("history", "steps", "ladders", "sentences", "own_affirmations")
"""The lists merged by id, in the order a report names them."""

FAVOURITES = "favourite_affirmations"


@dataclass(frozen=True)
class KindReport:
    """What happened to one kind of record."""

    added: int = 0
    """New here: taken from the import."""
    same: int = 0
    """Already here, exactly the same."""
    differs: int = 0
    """Already here under the same id but different: the one here is kept."""


@dataclass(frozen=True)
class MergeReport:
    """What an import adds, by kind, and what it leaves alone."""

    kinds: dict[str, KindReport]
    """By state field: ``history``, ``steps``, ``ladders``, ``sentences``,
    ``own_affirmations`` and ``favourite_affirmations``."""
    draft_added: bool = False
    """The guide's draft came from the import (there was none here)."""
    draft_kept: bool = False
    """The import had another guide draft, and the one here was kept."""
    settings_taken: bool = False
    """The settings came from the import (this home held nothing at all)."""
    unknown_fields_taken: bool = False
    """Top-level fields a later durf wrote came along (into a home that held nothing)."""

    @property
    def added(self) -> int:
        """How many records the import adds, of every kind together."""
        return sum(kind.added for kind in self.kinds.values())

    @property
    def already_here(self) -> int:
        """How many records of the import were here already (same or different)."""
        return sum(kind.same + kind.differs for kind in self.kinds.values())

    @property
    def kept_yours(self) -> int:
        """How many records differ from the import and were kept as they are here."""
        return sum(kind.differs for kind in self.kinds.values())

    @property
    def changes_anything(self) -> bool:
        """Whether the merged state differs from the current one."""
        return bool(
            self.added or self.draft_added or self.settings_taken or self.unknown_fields_taken
        )


def _merge_by_id(
    current: Sequence[Any], incoming: Sequence[Any], when: Callable[[Any], datetime]
) -> tuple[list[Any], KindReport]:
    """Current records untouched and in their order, new ones slotted in by time.

    ``heapq.merge`` keeps each side's own order and interleaves the two by
    ``when``: two lists in time order give one list in time order, and an empty
    side gives the other back exactly as it was (so a restore is a true copy).
    """
    known = {record.id: record for record in current}
    new: list[Any] = []
    same = differs = 0
    for record in incoming:
        here = known.get(record.id)
        if here is None:
            known[record.id] = record
            new.append(record)
        elif here.model_dump() == record.model_dump():
            same += 1
        else:
            differs += 1
    report = KindReport(added=len(new), same=same, differs=differs)
    if not new:
        return list(current), report
    return list(heapq.merge(current, new, key=when)), report


def _created(record: Any) -> datetime:
    return record.created_at


def _started(record: Any) -> datetime:
    return record.started_at


def merge(current: State, incoming: State) -> tuple[State, MergeReport]:
    """Merge ``incoming`` (an export, say from another computer) into ``current``.

    Sessions, steps, ladders, sentences and own affirmations are merged by id;
    favourites are a union; the guide's draft is taken only when there is none
    here. Settings stay as they are here, except in a home that holds nothing at
    all (a new computer, or after ``durf forget``): there the import's settings
    come too, so that restoring an export gives back exactly what was exported.
    """
    fresh_home = current == State()
    update: dict[str, Any] = {}
    kinds: dict[str, KindReport] = {}
    for kind in MERGED_KINDS:
        when = _started if kind == "history" else _created
        merged, report = _merge_by_id(getattr(current, kind), getattr(incoming, kind), when)
        kinds[kind] = report
        if report.added:
            update[kind] = merged
    favourites = list(current.favourite_affirmations)
    have = set(favourites)
    new_favourites = [
        key for key in dict.fromkeys(incoming.favourite_affirmations) if key not in have
    ]
    kinds[FAVOURITES] = KindReport(
        added=len(new_favourites), same=len(set(incoming.favourite_affirmations) & have)
    )
    if new_favourites:
        update[FAVOURITES] = favourites + new_favourites
    draft_added = current.step_draft is None and incoming.step_draft is not None
    draft_kept = (
        current.step_draft is not None
        and incoming.step_draft is not None
        and current.step_draft != incoming.step_draft
    )
    if draft_added:
        update["step_draft"] = incoming.step_draft
    settings_taken = fresh_home and incoming.settings != current.settings
    if settings_taken:
        update["settings"] = incoming.settings
    unknown_fields = {
        name: value
        for name, value in (incoming.model_extra or {}).items()
        if fresh_home and name not in (current.model_extra or {})
    }
    # Fields a later durf wrote at the top of the file travel with a restore too.
    update.update(unknown_fields)
    report = MergeReport(
        kinds=kinds,
        draft_added=draft_added,
        draft_kept=draft_kept,
        settings_taken=settings_taken,
        unknown_fields_taken=bool(unknown_fields),
    )
    return (current.model_copy(update=update) if update else current), report
