"""``durf export``, ``durf import`` and ``durf forget``: your data, from the shell.

Like every command that does not open the app, they never import Textual.
Reading here never changes the home: an unreadable state file is reported, not
moved aside (the app does that, and says where).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from durf.cli.exit_status import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE
from durf.core.i18n import get_language, t, tn
from durf.core.paths import state_file, user_exercises_dir
from durf.core.schema import SCHEMA_VERSION
from durf.core.text import say, shown
from durf.core.words import describe_additions, what_it_holds

if TYPE_CHECKING:
    from durf.core.merge import MergeReport
    from durf.core.quadrant.exercise_file import Quadrant
    from durf.core.state import State


class _Problem(Exception):
    """A message for the user; the command stops with exit status 1."""


def _say_problem(problem: Exception) -> int:
    say(str(problem), error=True)
    return EXIT_PROBLEM


def read_current(home: Path) -> State:
    """The state in ``home`` as it is on disk (empty if there is none), without changing it."""
    from durf.core.state import State
    from durf.core.store import NewerStateError, parse_state

    path = state_file(home)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return State()
    except OSError as error:
        raise _Problem(t("store.cannot_read", path=str(path), reason=error.strerror)) from None
    try:
        return parse_state(raw)
    except NewerStateError as error:
        raise _Problem(str(error)) from None
    except ValueError as error:
        raise _Problem(t("data.state_unreadable", path=str(path), reason=str(error))) from None


# -- export ----------------------------------------------------------------------------


def _for_terminal(text: str) -> str:
    # A terminal would obey an escape code inside someone's sentence: show control
    # characters as pictures there. CSV's own line ends stay as they are.
    return "\r\n".join(shown(part) for part in text.split("\r\n"))


def _print_export(data: bytes) -> int:
    try:
        if sys.stdout.isatty():
            sys.stdout.write(_for_terminal(data.decode("utf-8")))
            sys.stdout.flush()
        else:
            # Into a file or a pipe the bytes go as they are: no decoding and encoding
            # again (a tenth of a second at 100,000 records).
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
    except BrokenPipeError:
        # The reader stopped early (``| head``, a closed pager): nothing went wrong
        # here. Point stdout at nothing so the exit does not fail a second time.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return EXIT_OK


def cmd_export(home: Path, args: argparse.Namespace) -> int:
    """Print the export, or write it to ``--out`` (atomically, 0600, never replacing
    a file unless ``--force``)."""
    from durf.core.export import (
        ExportError,
        ExportFileExists,
        export_bytes,
        format_of,
        write_export,
    )

    out = Path(args.out).expanduser() if args.out else None
    export_format = args.format or (format_of(out) if out is not None else None) or "json"
    try:
        state = read_current(home)
    except _Problem as problem:
        return _say_problem(problem)
    # Only the journal names the examples a quadrant ticked: the other formats need
    # no exercise files read.
    quadrants = _quadrants(home) if export_format == "md" else None
    data = export_bytes(state, export_format, get_language(), quadrants=quadrants)
    if out is None:
        return _print_export(data)
    try:
        write_export(out, data, overwrite=args.force)
    except ExportFileExists as error:
        say(f"{error} {t('export.use_force')}", error=True)
        return EXIT_PROBLEM
    except ExportError as error:
        return _say_problem(error)
    say(t("export.written", path=str(out), what=what_it_holds(state)))
    return EXIT_OK


# -- import ----------------------------------------------------------------------------


def read_import(path: Path) -> State:
    """An exported state file, or ``_Problem`` naming the file and what is wrong with it."""
    from durf.core.store import NewerStateError, parse_state

    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise _Problem(t("import.no_file", path=str(path))) from None
    except IsADirectoryError:
        raise _Problem(t("import.is_folder", path=str(path))) from None
    except OSError as error:
        raise _Problem(t("import.cannot_read", path=str(path), reason=error.strerror)) from None
    try:
        return parse_state(raw)
    except NewerStateError:
        version = json.loads(raw).get("schema_version")
        raise _Problem(
            t("import.newer", path=str(path), version=version, known=SCHEMA_VERSION)
        ) from None
    except ValueError as error:
        raise _Problem(t("import.invalid", path=str(path), reason=str(error))) from None


def _already_here(report: MergeReport) -> None:
    if report.already_here:
        say(tn("import.already_here", report.already_here))
    if report.kept_yours:
        say(tn("import.kept_yours", report.kept_yours))
    if report.draft_kept:
        say(t("import.draft_kept"))


def cmd_import(home: Path, args: argparse.Namespace) -> int:
    """Merge an exported JSON file into this home by id; ``--dry-run`` only tells."""
    from durf.core.merge import merge
    from durf.core.store import Store, StoreError

    path = Path(args.file).expanduser()
    try:
        incoming = read_import(path)
        current = read_current(home)
    except _Problem as problem:
        return _say_problem(problem)
    _, preview = merge(current, incoming)
    if not preview.changes_anything:
        return _nothing_to_add(path, preview)
    if args.dry_run:
        say(t("import.would_add", path=str(path), what=describe_additions(preview)))
        _already_here(preview)
        say(t("import.dry_run_note"))
        return EXIT_OK
    reports: list[MergeReport] = []

    def change(state: State) -> State:
        # Runs on the newest state on disk, under the lock: another durf may have
        # saved since the preview.
        merged, report = merge(state, incoming)
        reports[:] = [report]
        return merged

    store = Store(home)
    try:
        store.update(change)
    except StoreError as error:
        return _say_problem(error)
    for notice in store.take_notices():
        say(notice, error=True)
    if not reports[0].changes_anything:
        # A sync tool's conflict copy, merged just before, already brought it all.
        return _nothing_to_add(path, reports[0])
    say(t("import.added", path=str(path), what=describe_additions(reports[0])))
    _already_here(reports[0])
    return EXIT_OK


def _nothing_to_add(path: Path, report: MergeReport) -> int:
    if report.kept_yours or report.draft_kept:
        # Not "everything is here": the file holds other versions, and they were
        # not taken. Say so, so nobody believes the two homes are now the same.
        say(t("import.nothing_added", path=str(path)))
        _already_here(report)
    else:
        say(t("import.nothing_new", path=str(path)))
    return EXIT_OK


# -- forget ----------------------------------------------------------------------------


def _ask_to_forget() -> bool:
    try:
        answer = input(t("forget.ask"))
    except EOFError:
        say()
        return False
    return answer.strip().lower() in {"yes", t("forget.yes_word")}


def cmd_forget(home: Path, args: argparse.Namespace) -> int:
    """List what durf keeps, ask (unless ``--yes``), then delete it all."""
    from durf.cli.remind import forget_reminders, list_installed, reminders_for_forget
    from durf.core.forget import data_files, forget
    from durf.core.store import Store, StoreError

    files = data_files(home)
    reminders = reminders_for_forget()
    if not files and not reminders:
        say(t("forget.nothing", home=str(home)))
        return EXIT_OK
    if files:
        say(t("forget.will_remove", home=str(home)))
    for path in files:
        say(f"  {path}")
    if reminders:
        say(t("forget.will_remove_reminders"))
        list_installed(reminders)
    # An unreadable file is deleted all the same; there is just nothing to count in it,
    # and with only a backup or quarantined copies left there is no state to count.
    if state_file(home).exists():
        with contextlib.suppress(_Problem):
            say(t("forget.holds", what=what_it_holds(read_current(home))))
    exercises = user_exercises_dir(home)
    if exercises.exists():
        say(t("forget.keeps_exercises", folder=str(exercises)))
    say(t("forget.other_window"))
    if not args.yes:
        if not sys.stdin.isatty():
            say(t("forget.not_a_terminal"), error=True)
            return EXIT_USAGE
        if not _ask_to_forget():
            say(t("forget.kept"))
            return EXIT_PROBLEM
    if reminders and not forget_reminders():
        return EXIT_PROBLEM
    if not files:
        return EXIT_OK
    try:
        forgotten = forget(Store(home))
    except StoreError as error:
        return _say_problem(error)
    say(tn("forget.removed", len(forgotten.removed)))
    if forgotten.home_removed:
        say(t("forget.home_gone", home=str(home)))
    else:
        say(t("forget.nothing_left", home=str(home)))
    if forgotten.kept_exercises is not None:
        say(t("forget.kept_exercises", folder=str(forgotten.kept_exercises)))
    if forgotten.kept_other:
        names = ", ".join(path.name for path in forgotten.kept_other)
        say(t("forget.kept_other", names=names))
    return EXIT_OK


def _quadrants(home: Path) -> dict[str, Quadrant]:
    """The core quadrants by id, bundled and the user's own, to name what was ticked."""
    from durf.core.library import load_library
    from durf.core.paths import bundled_exercises_dir

    library = load_library([bundled_exercises_dir(), user_exercises_dir(home)])
    return {quadrant.id: quadrant for quadrant in library.quadrants}
