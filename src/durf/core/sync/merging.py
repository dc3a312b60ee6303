"""Taking a sync tool's conflict copy into the state: merged by id, settings newest first.

Pure functions of states, the one reader of the copies (``take_in``), and the
words that tell the user what came from where. The store calls ``take_in``
under its lock before each save, saves, and only then puts the copies away
(``core/sync/copies.py``), so a crash in between merges them again, harmlessly.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from durf.core.i18n import t, tn
from durf.core.merge import MergeReport, merge
from durf.core.state import Settings, State
from durf.core.statefile import NewerStateError, UnreadableState, parse_state
from durf.core.steps import merge_draft
from durf.core.sync.copies import TOOL_NAMES, ConflictCopy
from durf.core.words import and_list, describe_additions

STAMPS = "changed_at"
SETTING_NAMES = tuple(name for name in Settings.model_fields if name != STAMPS)
"""The settings that carry a time of change, in the order the settings screen has them."""


@dataclass(frozen=True)
class CopyReport:
    """What merging one conflict copy did."""

    merge: MergeReport
    settings_taken: tuple[str, ...] = ()
    """Settings changed later on the other computer, so taken from the copy."""
    draft_joined: bool = False
    """Both sides had a different guide draft: they were joined, no word dropped."""

    @property
    def changes_anything(self) -> bool:
        """Whether the copy brought anything that was not here."""
        return bool(self.merge.changes_anything or self.settings_taken or self.draft_joined)


def stamp_settings(before: State, after: State, now: datetime) -> State:
    """``after``, with ``now`` as the time of change of every setting that differs from ``before``.

    Run on every save, so that a conflict copy can tell, setting by setting,
    which computer changed it last. A file without times (from before they were
    kept) counts as older than any time.
    """
    if after.settings == before.settings:
        return after
    old, new = before.settings, after.settings
    # A setting that came with its own time (settings restored by ``durf import``)
    # keeps it: it was changed then, not now.
    changed = [
        name
        for name in SETTING_NAMES
        if getattr(old, name) != getattr(new, name)
        and old.changed_at.get(name) == new.changed_at.get(name)
    ]
    if not changed:
        return after
    stamps = {**new.changed_at, **dict.fromkeys(changed, now)}
    return after.model_copy(update={"settings": new.model_copy(update={STAMPS: stamps})})


def merge_settings(here: Settings, copy: Settings) -> tuple[Settings, tuple[str, ...]]:
    """Per setting, the later change wins; a tie (or no times at all) keeps the one here."""
    values: dict[str, object] = {}
    stamps = dict(here.changed_at)
    taken = []
    for name in SETTING_NAMES:
        mine, theirs = here.changed_at.get(name), copy.changed_at.get(name)
        if getattr(here, name) == getattr(copy, name):
            if theirs is not None and (mine is None or theirs > mine):
                stamps[name] = theirs  # the same value: remember its latest time
            continue
        if theirs is not None and (mine is None or theirs > mine):
            values[name] = getattr(copy, name)
            stamps[name] = theirs
            taken.append(name)
    if not values and stamps == here.changed_at:
        return here, ()
    return here.model_copy(update={**values, STAMPS: stamps}), tuple(taken)


def merge_copy(current: State, incoming: State) -> tuple[State, CopyReport]:
    """Merge a conflict copy of the state into ``current``: nothing lost, nothing doubled.

    Records by id (the later change of a record both sides changed wins);
    favourites as a union; settings one by one, the later change winning; two
    different guide drafts joined the way two open windows' drafts are.
    """
    merged, report = merge(current, incoming, newer_wins=True)
    settings_taken: tuple[str, ...] = ()
    if not report.settings_taken:
        settings, settings_taken = merge_settings(merged.settings, incoming.settings)
        if settings is not merged.settings:
            merged = merged.model_copy(update={"settings": settings})
    draft_joined = False
    if report.draft_kept and merged.step_draft is not None and incoming.step_draft is not None:
        joined = merge_draft(None, merged.step_draft, incoming.step_draft)
        draft_joined = joined != merged.step_draft
        merged = merged.model_copy(update={"step_draft": joined})
    return merged, CopyReport(report, settings_taken, draft_joined)


@dataclass(frozen=True)
class Merged:
    """A copy whose contents are now in the state: to be put away once that is saved."""

    copy: ConflictCopy
    data: bytes
    report: CopyReport


@dataclass
class TakenIn:
    """The state with every readable copy merged, the copies merged, and what to tell."""

    state: State
    merged: list[Merged]
    notices: list[str]


def take_in(current: State, copies: list[ConflictCopy], told: set[tuple[str, int]]) -> TakenIn:
    """Merge every readable copy into ``current``; name the others once each.

    A copy that cannot be read, or was written by a newer durf, stays where it
    is, untouched. ``told`` holds the copies (path and size) already named, so
    that a copy left in place is not named again at every save.
    """
    merged: list[Merged] = []
    notices: list[str] = []
    state = current
    for copy in copies:
        try:
            data = copy.path.read_bytes()
            incoming = parse_state(data)
        except (OSError, UnreadableState, NewerStateError) as problem:
            key = (str(copy.path), _size(copy))
            if key not in told:
                told.add(key)
                notices.append(_problem(copy, problem))
            continue
        state, report = merge_copy(state, incoming)
        merged.append(Merged(copy, data, report))
    return TakenIn(state, merged, notices)


def _size(copy: ConflictCopy) -> int:
    try:
        return os.stat(copy.path).st_size
    except OSError:
        return -1


def _problem(copy: ConflictCopy, problem: Exception) -> str:
    if isinstance(problem, NewerStateError):
        try:
            version = json.loads(copy.path.read_bytes()).get("schema_version")
        except (OSError, ValueError, AttributeError):
            version = "?"
        return describe_newer(copy, version)
    if isinstance(problem, OSError):
        return describe_unreadable(copy, problem.strerror or str(problem))
    return describe_unreadable(copy, str(problem))


# -- telling the user ------------------------------------------------------------------


def _source(copy: ConflictCopy) -> str:
    tool = TOOL_NAMES[copy.tool]
    if copy.device:
        return t("sync.source_device", tool=tool, device=copy.device)
    return t("sync.source", tool=tool)


def describe_merged(copy: ConflictCopy, report: CopyReport, kept_in: Path) -> str:
    """What one merged copy brought, and where the copy is now: told once."""
    lines = [t("sync.merged", source=_source(copy), name=copy.path.name)]
    added = describe_additions(report.merge)
    if added:
        lines.append(t("sync.added", what=added))
    elif not report.changes_anything:
        lines.append(t("sync.nothing_new"))
    if report.merge.taken:
        lines.append(tn("sync.taken", report.merge.taken))
    if report.merge.kept_yours:
        lines.append(tn("sync.kept_here", report.merge.kept_yours))
    if report.settings_taken:
        names = and_list([t(f"sync.setting.{name}") for name in report.settings_taken])
        lines.append(t("sync.settings_taken", names=names))
    if report.draft_joined:
        lines.append(t("sync.draft_joined"))
    lines.append(t("sync.kept_in", folder=str(kept_in)))
    return "\n".join(lines)


def describe_unreadable(copy: ConflictCopy, reason: str) -> str:
    """A copy durf cannot read: left where it is, named so the user can look."""
    return t("sync.unreadable", source=_source(copy), path=str(copy.path), reason=reason)


def describe_newer(copy: ConflictCopy, version: object) -> str:
    """A copy from a newer durf: neither merged nor moved."""
    return t("sync.newer", source=_source(copy), path=str(copy.path), version=version)


def describe_not_moved(copy: ConflictCopy, reason: str) -> str:
    """Merged, but the copy could not be put away: it will be merged again, harmlessly."""
    return t("sync.not_moved", path=str(copy.path), reason=reason)
