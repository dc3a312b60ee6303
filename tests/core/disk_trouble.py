"""Disks that misbehave, simulated: a read-only home and a full disk.

Simulated rather than made with permissions, because the tests may run as
root, whom file permissions do not stop.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

WRITING = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


@contextlib.contextmanager
def read_only(home: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Make ``home`` behave as on a read-only file system, whoever runs the tests.

    Every way durf changes a folder (creating, renaming, linking, deleting a file,
    making a folder) fails there with EROFS, as it would on a read-only mount.
    """

    def inside(path: object) -> bool:
        return Path(os.fsdecode(path)).parent == home or Path(os.fsdecode(path)) == home  # type: ignore[arg-type]

    def refuse(path: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), os.fsdecode(path))  # type: ignore[arg-type]

    real_open, real_replace, real_link, real_unlink, real_mkdir = (
        os.open,
        os.replace,
        os.link,
        os.unlink,
        os.mkdir,
    )

    def guarded_open(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if flags & WRITING and inside(path):
            refuse(path)
        return real_open(path, flags, *args, **kwargs)

    def guarded(real: Callable[..., object]) -> Callable[..., object]:
        def call(source, *args, **kwargs):  # type: ignore[no-untyped-def]
            targets = [source, *(arg for arg in args if isinstance(arg, str | os.PathLike))]
            if any(inside(target) for target in targets):
                refuse(source)
            return real(source, *args, **kwargs)

        return call

    monkeypatch.setattr(os, "open", guarded_open)
    monkeypatch.setattr(os, "replace", guarded(real_replace))
    monkeypatch.setattr(os, "link", guarded(real_link))
    monkeypatch.setattr(os, "unlink", guarded(real_unlink))
    monkeypatch.setattr(os, "mkdir", guarded(real_mkdir))
    yield
    monkeypatch.undo()


def no_space(*_: object, **__: object) -> object:
    """Stands in for any ``os`` call that writes: the disk is full."""
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


no_space_for_copies = no_space
"""Stands in for ``os.link``, ``os.replace`` and ``shutil.copy2`` on a full disk."""
