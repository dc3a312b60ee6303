"""``durf where``, ``durf check``, ``durf status`` and ``durf affirm add``: answers in the shell.

They never open the app, so they never import Textual: they answer at once, in
scripts and shell prompts. What each needs beyond the paths is imported inside it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from durf.cli.exit_status import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE
from durf.core.i18n import t, tn
from durf.core.paths import bundled_exercises_dir, merged_dir, state_file, user_exercises_dir
from durf.core.schema import SCHEMA_VERSION
from durf.core.text import say

if TYPE_CHECKING:
    from durf.core.library import Problem
    from durf.core.quicklook import QuickLook


def cmd_where(home: Path) -> int:
    """Print where durf keeps the state file and looks for exercise files."""
    path = state_file(home)
    user_dir = user_exercises_dir(home)
    # A linked state file keeps its backup beside what it links to (as the store does).
    real = Path(os.path.realpath(path)) if path.is_symlink() else path
    rows = [(t("where.state_file"), str(path), path.exists())]
    if real != path:
        rows.append((t("where.linked_to"), str(real), real.exists()))
    merged = merged_dir(home)
    rows += [
        (t("where.backup"), str(real.with_name(real.name + ".bak")), None),
        (t("where.merged"), str(merged), merged.is_dir()),
        (t("where.user_exercises"), str(user_dir), user_dir.is_dir()),
        (t("where.bundled_exercises"), str(bundled_exercises_dir()), None),
    ]
    width = max(len(label) for label, _, _ in rows)
    for label, value, exists in rows:
        note = f"  ({t('where.not_yet')})" if exists is False else ""
        say(f"{label.ljust(width)}  {value}{note}")
    say()
    say(t("where.two_computers"))
    return EXIT_OK


def cmd_status(home: Path, look: QuickLook) -> int:
    """Print one line about this week's small steps; fast, for a shell prompt."""
    from datetime import date

    from durf.core.status import StatusUnreadable, glance, status_line

    if look.schema_version is not None and look.schema_version > SCHEMA_VERSION:
        say(t("store.newer", version=look.schema_version, known=SCHEMA_VERSION), error=True)
        return EXIT_PROBLEM
    try:
        seen = glance(home)
    except StatusUnreadable:
        say(t("status.unreadable", path=str(state_file(home))), error=True)
        return EXIT_PROBLEM
    today = date.today()
    say(status_line(seen, today))
    from durf.cli.remind import status_nudge

    nudge = status_nudge(home, today)
    if nudge is not None:
        say(nudge)
    return EXIT_OK


def cmd_check(home: Path, files: list[Path]) -> int:
    """Validate exercise files and print each problem; exit status 1 if any."""
    from durf.core.library import check_files, exercise_files, load_library

    folders = [bundled_exercises_dir(), user_exercises_dir(home)]
    if files:
        problems, checked = check_files(files, folders), len(files)
    else:
        library = load_library(folders)
        problems = library.problems
        checked = sum(len(exercise_files(folder)) for folder in folders)
    by_file: dict[Path, list[Problem]] = {}
    for problem in problems:
        by_file.setdefault(problem.file, []).append(problem)
    for path, file_problems in by_file.items():
        say(str(path))
        for problem in file_problems:
            say(f"  {problem.field}: {problem.reason}")
    if by_file:
        say(tn("check.summary_bad", len(by_file), checked=checked))
        return EXIT_PROBLEM
    say(tn("check.summary_good", checked))
    return EXIT_OK


def cmd_affirm_add(home: Path, words: list[str]) -> int:
    """``durf affirm add "TEXT"``: saved through the store, without opening the app."""
    if words[0] != "add":
        say(t("cli.affirm_help"), error=True)
        return EXIT_USAGE
    return _add_affirmation(home, " ".join(words[1:]))


def _add_affirmation(home: Path, text: str) -> int:
    from durf.core.affirm import add_own
    from durf.core.clock import SystemClock
    from durf.core.store import Store, StoreError

    if not text.strip():
        say(t("cli.empty_affirmation"), error=True)
        return EXIT_USAGE
    if not is_utf8_text(text):
        say(t("cli.not_utf8"), error=True)
        return EXIT_USAGE
    when = SystemClock().now()
    store = Store(home)
    try:
        store.update(lambda state: add_own(state, text, when))
    except StoreError as error:
        say(str(error), error=True)
        return EXIT_PROBLEM
    # An unreadable state file was set aside on the way: say where it is now.
    for notice in store.take_notices():
        say(notice, error=True)
    say(t("cli.added", text=text))
    return EXIT_OK


def is_utf8_text(text: str) -> bool:
    """Whether ``text`` can be saved as UTF-8.

    Python hands over command-line bytes that are not UTF-8 (a terminal set to
    another encoding) as lone surrogates, which no UTF-8 file can hold.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
