"""The copies of the state file that sync tools leave beside it, and where they go after.

When two computers both save before the sync tool has carried one save across,
the tool keeps one file under the name and renames the other. Each tool has its
own naming; these are the ones durf knows, each from the tool's own source or
documentation (for ``state.json``; the stem and suffix follow the real file):

* Syncthing: ``state.sync-conflict-20261203-114205-ABCDEF7.json`` (date, time,
  and the short id of the device that made the change; versions before 1.x had no
  device part). Source: syncthing/syncthing ``lib/model/folder_sendrecv.go``,
  ``conflictName``: ``".sync-conflict-20060102-150405-" + lastModBy + ext``;
  https://github.com/syncthing/syncthing/blob/main/lib/model/folder_sendrecv.go
* Nextcloud and ownCloud desktop clients: ``state (conflicted copy 2026-12-03
  114205).json``, with the user's name before the date when the server keeps
  conflict files (``(conflicted copy Jan 2026-12-03 114205)``); clients before
  2.5 wrote ``state_conflict-20261203-114205.json``. Source: nextcloud/desktop
  ``src/common/utility.cpp``, ``Utility::makeConflictFileName`` and
  ``isConflictFile`` (old and new pattern; ownCloud's client shares that code);
  https://github.com/nextcloud/desktop/blob/master/src/common/utility.cpp and the
  manual's example ``mydata (conflicted copy 2018-04-10 093612).txt``,
  https://docs.nextcloud.com/server/latest/user_manual/ca/desktop/conflicts.html
* Dropbox: ``state (Jan's conflicted copy 2026-12-03).json``: "conflicted copy",
  the name of the person or computer, and the date; a counter is added when that
  name is taken (``... 2026-12-03 (1))``). Source: Dropbox Help, "What's a
  conflicted copy?", https://www.dropbox.com/help/36
* OneDrive: ``state-LAPTOP-JAN.json`` (the computer's name added); the OneDrive
  client for Linux adds ``-safeBackup-0001`` after it. Sources:
  https://github.com/skilion/onedrive/issues/265 and
  https://github.com/abraunegg/onedrive/issues/1144

Nothing here reads what is inside a copy: that is the store's and the merge's.
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from durf.core.paths import merged_dir
from durf.core.statefile import write_private

Tool = Literal["syncthing", "nextcloud", "dropbox", "onedrive"]
TOOL_NAMES: dict[Tool, str] = {
    "syncthing": "Syncthing",
    "nextcloud": "Nextcloud/ownCloud",
    "dropbox": "Dropbox",
    "onedrive": "OneDrive",
}
"""How each tool calls itself: the same in every language."""


@dataclass(frozen=True)
class ConflictCopy:
    """A file a sync tool made of the state file when two computers saved at once."""

    path: Path
    tool: Tool
    device: str | None = None
    """The device, person or computer the name mentions, if it mentions one."""


def _patterns(stem: str, suffix: str) -> list[tuple[Tool, re.Pattern[str]]]:
    s, x = re.escape(stem), re.escape(suffix)
    return [
        (
            "syncthing",
            re.compile(
                rf"\A{s}\.sync-conflict-[0-9]{{8}}-[0-9]{{6}}(?:-(?P<device>[A-Z0-9]+))?{x}\Z"
            ),
        ),
        (
            "nextcloud",
            re.compile(
                rf"\A{s} \(conflicted copy (?:(?P<device>[^()]+) )?"
                rf"[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}} [0-9]{{6}}\){x}\Z"
            ),
        ),
        (
            "nextcloud",
            re.compile(rf"\A{s}_conflict-(?:(?P<device>[^.]+)-)?[0-9]{{8}}-[0-9]{{6}}{x}\Z"),
        ),
        (
            "dropbox",
            re.compile(
                rf"\A{s} \((?P<device>.+?)['\u2019]s conflicted copy "
                rf"[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}(?: \([0-9]+\))?\){x}\Z"
            ),
        ),
        (
            "onedrive",
            re.compile(
                rf"\A{s}-(?P<device>[A-Za-z0-9][A-Za-z0-9_-]{{0,62}}?)"
                rf"(?:-safeBackup-[0-9]{{4}})?{x}\Z"
            ),
        ),
    ]


def recognise(name: str, target_name: str) -> ConflictCopy | None:
    """Which tool made ``name`` as a conflict copy of the file ``target_name``, if any."""
    target = Path(target_name)
    if name == target_name:
        return None
    for tool, pattern in _patterns(target.stem, target.suffix):
        match = pattern.match(name)
        if match:
            return ConflictCopy(Path(name), tool, match.group("device"))
    return None


def conflict_copies(target: Path) -> list[ConflictCopy]:
    """The conflict copies beside the real state file, oldest first by name within a tool.

    One look at the folder: cheap enough to run before every save.
    """
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return []
    found = []
    for entry in entries:
        copy = recognise(entry.name, target.name)
        if copy is None:
            continue
        with contextlib.suppress(OSError):
            if entry.is_file():
                found.append(ConflictCopy(target.parent / entry.name, copy.tool, copy.device))
    return sorted(found, key=lambda copy: copy.path.name)


def keep_merged(copy: Path, data: bytes, home: Path) -> Path:
    """Put ``data`` (the copy's bytes) into ``<home>/merged/`` (0600), then remove the copy.

    Written anew rather than renamed: in the symlinked set-up the copy sits in the
    synced folder, which may be another filesystem. An existing name is never
    replaced: a number is added instead. Raises ``OSError`` if it cannot be done;
    the copy is then still where it was.
    """
    folder = merged_dir(home)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    destination = folder / copy.name
    number = 1
    while True:
        try:
            write_private(destination, data)
            break
        except FileExistsError:
            number += 1
            destination = folder / f"{copy.stem}-{number}{copy.suffix}"
    copy.unlink()
    return destination
