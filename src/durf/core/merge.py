"""Bringing an exported state into this one, by id, without losing anything already here.

Every record carries a random id that is unique across computers, so merging is
a union by id. Where both sides hold the same id, the record already here wins:
an import adds, it never overwrites. Importing the same file twice adds nothing
the second time.

A conflict copy left by a sync tool is merged with ``newer_wins``: it is the same
user's other computer, not an outside file, so where both sides changed one record
the later change is kept, whichever side it is on. With that rule (and a fixed
order) two computers that merge each other's copies end up holding the same.
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
    taken: int = 0
    """Here under the same id but changed later in the copy: the copy's is taken
    (only with ``newer_wins``)."""


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
        return sum(kind.same + kind.differs + kind.taken for kind in self.kinds.values())

    @property
    def taken(self) -> int:
        """How many records were here but changed later in the copy, and were taken from it."""
        return sum(kind.taken for kind in self.kinds.values())

    @property
    def kept_yours(self) -> int:
        """How many records differ from the import and were kept as they are here."""
        return sum(kind.differs for kind in self.kinds.values())

    @property
    def changes_anything(self) -> bool:
        """Whether the merged state differs from the current one."""
        return bool(
            self.added
            or self.taken
            or self.draft_added
            or self.settings_taken
            or self.unknown_fields_taken
        )


def _last_change(record: Any) -> tuple[datetime, str]:
    """When a record was last changed, as far as it says, and its JSON to break ties.

    Steps say when they changed and were looked back on, sentences when they were
    answered, sessions when they ended; own affirmations and ladders only when they
    were made. The JSON makes the choice the same on both computers when the
    times are equal.
    """
    reflection = getattr(record, "reflection", None)
    moments = [
        getattr(record, name, None)
        for name in ("created_at", "started_at", "ended_at", "changed_at", "checked_at")
    ]
    moments.append(getattr(reflection, "written_at", None))
    latest = max(moment for moment in moments if moment is not None)
    return latest, record.model_dump_json()


def _merge_by_id(
    current: Sequence[Any],
    incoming: Sequence[Any],
    when: Callable[[Any], datetime],
    *,
    newer_wins: bool = False,
) -> tuple[list[Any], KindReport]:
    """Current records untouched and in their order, new ones slotted in by time.

    ``heapq.merge`` keeps each side's own order and interleaves the two by
    ``when``: two lists in time order give one list in time order, and an empty
    side gives the other back exactly as it was (so a restore is a true copy).
    With ``newer_wins`` a record changed later in ``incoming`` replaces the one
    here, and a changed list is put in one fixed order (time, then id), so that
    the result does not depend on which side merged which (also when nothing
    is new: the order is the same on both computers).
    """
    known = {record.id: record for record in current}
    new: list[Any] = []
    replaced: dict[str, Any] = {}
    same = differs = 0
    for record in incoming:
        here = known.get(record.id)
        if here is None:
            known[record.id] = record
            new.append(record)
        elif here.model_dump() == record.model_dump():
            same += 1
        elif newer_wins and _last_change(record) > _last_change(here):
            known[record.id] = replaced[record.id] = record
        else:
            differs += 1
    report = KindReport(added=len(new), same=same, differs=differs, taken=len(replaced))
    if newer_wins:
        every = [replaced.get(record.id, record) for record in current] + new
        return sorted(every, key=lambda record: (when(record), record.id)), report
    if not new:
        return list(current), report
    return list(heapq.merge(current, new, key=when)), report


def _created(record: Any) -> datetime:
    return record.created_at


def _started(record: Any) -> datetime:
    return record.started_at


def merge(
    current: State, incoming: State, *, newer_wins: bool = False
) -> tuple[State, MergeReport]:
    """Merge ``incoming`` (an export, say from another computer) into ``current``.

    Sessions, steps, ladders, sentences and own affirmations are merged by id;
    favourites are a union; the guide's draft is taken only when there is none
    here. Settings stay as they are here, except in a home that holds nothing at
    all (a new computer, or after ``durf forget``): there the import's settings
    come too, so that restoring an export gives back exactly what was exported.
    ``newer_wins`` is for a sync tool's conflict copy (see the module's docstring).
    """
    fresh_home = current == State()
    update: dict[str, Any] = {}
    kinds: dict[str, KindReport] = {}
    for kind in MERGED_KINDS:
        when = _started if kind == "history" else _created
        merged, report = _merge_by_id(
            getattr(current, kind), getattr(incoming, kind), when, newer_wins=newer_wins
        )
        kinds[kind] = report
        if report.added or report.taken or newer_wins:
            update[kind] = merged
    favourites = list(current.favourite_affirmations)
    have = set(favourites)
    new_favourites = [
        key for key in dict.fromkeys(incoming.favourite_affirmations) if key not in have
    ]
    kinds[FAVOURITES] = KindReport(
        added=len(new_favourites), same=len(set(incoming.favourite_affirmations) & have)
    )
    if newer_wins:
        # Favourites are a set to every screen; for a copy, one fixed order makes
        # both computers' lists the same.
        update[FAVOURITES] = sorted(set(favourites + new_favourites))
    elif new_favourites:
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
