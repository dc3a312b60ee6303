"""The commands that start the full-screen app, and what each asks it to open first.

Textual is imported only in ``run_app``, once the app is about to draw. What can be
answered before that (an unknown pattern or set of affirmations, no terminal) is
answered here in the shell, without the app.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from durf.cli.exit_status import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE
from durf.core.i18n import t
from durf.core.paths import bundled_exercises_dir, user_exercises_dir
from durf.core.quicklook import QuickLook
from durf.core.text import say

if TYPE_CHECKING:
    from textual.screen import Screen

    from durf.app import DurfApp


def cmd_session(home: Path, look: QuickLook, args: argparse.Namespace) -> int:
    """Open the app on today's session, ``--minutes`` long when given."""
    minutes = args.minutes

    def start_session(app: DurfApp) -> None:
        app.action_start_session(minutes)

    return run_app(home, look, cli_language=args.lang, start=start_session)


def cmd_step(home: Path, look: QuickLook, args: argparse.Namespace) -> int:
    """Open the small steps, or with ``new`` the guide that plans one."""
    start = _new_step if args.action == "new" else _open_steps
    return run_app(home, look, cli_language=args.lang, start=start)


def cmd_breathe(home: Path, look: QuickLook, args: argparse.Namespace) -> int:
    """Open the breathing exercise; with a pattern or length, start breathing at once."""
    if args.pattern is None and args.breaths is None and args.minutes is None:
        return run_app(home, look, cli_language=args.lang, start=_start_checkin)
    from durf.core.pacer import PACE_MAX, PACE_MIN, breaths_for_minutes
    from durf.core.patterns import find_patterns, pattern_by_id

    # The standard-library reader, not the pydantic library: breathing starts at once.
    folders = [bundled_exercises_dir(), user_exercises_dir(home)]
    wanted = args.pattern or look.setting("breath_pattern", str)
    pattern = pattern_by_id(folders, wanted) if wanted else None
    if pattern is None and args.pattern is not None:
        return _unknown_pattern(home, args.pattern)
    if pattern is None:
        patterns = find_patterns(folders)
        pattern = next((p for p in patterns if p.default), None)
        pattern = pattern or (patterns[0] if patterns else None)
    if pattern is None:
        say(t("cli.no_patterns"), error=True)
        return EXIT_PROBLEM
    pace = look.number_within("breath_pace", PACE_MIN, PACE_MAX, 1.0)
    if args.minutes is not None:
        breaths = breaths_for_minutes(args.minutes, pattern.cycle_seconds * pace)
    else:
        breaths = args.breaths or int(look.number_within("breath_count", 1, 60, 6))

    def first(app: DurfApp) -> Screen[None]:
        return app.breathing_screen(pattern, breaths)

    return run_app(home, look, cli_language=args.lang, first=first)


def _unknown_pattern(home: Path, wanted: str) -> int:
    """Say that a pattern id is unknown, and list the valid ones."""
    from durf.core.library import load_library

    library = load_library([bundled_exercises_dir(), user_exercises_dir(home)])
    valid = ", ".join(p.id for p in library.breathing)
    say(t("cli.unknown_pattern", pattern=wanted, valid=valid), error=True)
    return EXIT_USAGE


def cmd_affirm(home: Path, look: QuickLook, args: argparse.Namespace) -> int:
    """Open the affirmations, or with a set, length or mode start a session at once."""
    if (
        args.source is None
        and args.seconds is None
        and args.rounds is None
        and (args.minutes is None and args.mode is None)
    ):
        return run_app(home, look, cli_language=args.lang, start=_open_affirmations)

    source = args.source or "mix"
    wanted = source if source in ("favourites", "own", "mix") else f"set:{source}"
    if wanted.startswith("set:"):
        # A wrong name is a usage error, answered before (and without) a terminal.
        from durf.core.library import load_library

        library = load_library([bundled_exercises_dir(), user_exercises_dir(home)])
        set_ids = [s.id for s in library.affirmations if s.affirmations]
        if source not in set_ids:
            valid = ", ".join([*set_ids, "mix"])
            say(t("cli.unknown_source", source=source, valid=valid), error=True)
            return EXIT_USAGE

    def start(app: DurfApp) -> None:
        sources = app.practice.affirmations.sources()
        if wanted not in {key for key, _, _, items in sources if items}:
            valid = ", ".join(key.removeprefix("set:") for key, _, _, items in sources if items)
            app.fatal_message = t("cli.unknown_source", source=source, valid=valid)
            app.fatal_status = EXIT_USAGE
            app.exit()
            return
        flow = app.practice.affirmations.new_flow(wanted)
        if args.seconds is not None:
            flow.session.seconds_each = float(args.seconds)
        if args.mode is not None:
            flow.session.mode = args.mode
        rounds = args.rounds if args.minutes is None else None
        app.start_affirmations_now(flow, rounds or (None if args.minutes else 1), args.minutes)

    return run_app(home, look, cli_language=args.lang, start=start)


def _open_affirmations(app: DurfApp) -> None:
    app.action_start_affirmations()


def _open_steps(app: DurfApp) -> None:
    app.action_open_steps()


def _new_step(app: DurfApp) -> None:
    # The guide resumes a saved draft, so it needs the state.
    app.when_loaded(app.action_new_step)


def _start_checkin(app: DurfApp) -> None:
    app.action_start_breathing()


def has_a_terminal() -> bool:
    """Whether the app can draw: a real terminal on both sides, and not a dumb one.

    Without one (``echo | durf``, ``durf > file``, ``TERM=dumb``) the interface would
    draw into a pipe and wait for keys that can never come. A browser tab
    (textual-serve sets ``TEXTUAL_DRIVER``) draws through its own driver.
    """
    if os.environ.get("TEXTUAL_DRIVER"):
        return True
    if os.environ.get("TERM", "") == "dumb":
        return False
    return sys.stdin.isatty() and sys.stdout.isatty()


def run_app(
    home: Path,
    look: QuickLook,
    cli_language: str | None,
    start: Callable[[DurfApp], None] | None = None,
    first: Callable[[DurfApp], Screen[None]] | None = None,
) -> int:
    """Start the full-screen app; only now is Textual imported.

    ``start`` acts once the app runs (opens a screen over home); ``first`` makes
    the first screen itself, for an exercise that starts at once.
    """
    if not has_a_terminal():
        say(t("cli.needs_terminal"), error=True)
        return EXIT_USAGE
    import gc

    # Starting makes some hundred thousand objects that live as long as the app
    # (modules, classes, styles) and no garbage: the collector's passes over them
    # only delay the first frame. The app turns it back on once that is drawn.
    gc.disable()
    from durf.app import DurfApp

    app = DurfApp(home, cli_language=cli_language, look=look, start=start, first=first)
    try:
        app.run()
    finally:
        gc.enable()
    if app.fatal_message:
        say(app.fatal_message, error=True)
        return app.fatal_status
    return EXIT_OK
