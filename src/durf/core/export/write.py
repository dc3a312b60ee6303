"""Writing an export to a file: atomically, readable only by you, never over a file unasked."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from durf.core.i18n import t
from durf.core.store import write_private


class ExportError(Exception):
    """An export that could not be written; ``str()`` is the message for the user."""


class ExportFileExists(ExportError):
    """The target file is already there and replacing it was not asked for."""


def write_export(path: Path, data: bytes, *, overwrite: bool = False) -> None:
    """Write ``data`` to ``path`` atomically, readable only by you (0600).

    An existing file is replaced only with ``overwrite``; otherwise
    ``ExportFileExists``. The new file appears whole or not at all.
    """
    if path.is_dir():
        raise ExportError(t("export.is_folder", path=str(path)))
    folder = path.parent
    if not folder.is_dir():
        raise ExportError(t("export.no_folder", folder=str(folder), path=str(path)))
    if not overwrite and (path.exists() or path.is_symlink()):
        raise ExportFileExists(t("export.exists", path=str(path)))
    tmp = folder / f".{path.name}.{secrets.token_hex(4)}.tmp"
    try:
        write_private(tmp, data)
        if overwrite:
            os.replace(tmp, path)
        else:
            _place_without_replacing(tmp, path)
    except OSError as error:
        raise ExportError(
            t("export.cannot_write", path=str(path), reason=error.strerror or str(error))
        ) from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def _place_without_replacing(tmp: Path, path: Path) -> None:
    # A hard link fails when the name was taken meanwhile, where a rename would
    # silently replace it; filesystems without links get a last look and a rename.
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise ExportFileExists(t("export.exists", path=str(path))) from None
    except OSError:
        if path.exists() or path.is_symlink():
            raise ExportFileExists(t("export.exists", path=str(path))) from None
        os.replace(tmp, path)
