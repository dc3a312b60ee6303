"""The ``durf`` command.

``--help``, ``--version`` and the non-interactive commands never import Textual:
they must answer at once, in scripts and shell prompts. The app is imported only
when it is about to start.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from durf import __version__
from durf.core.i18n import LANGUAGES, detect_language, set_language, t, tn
from durf.core.paths import (
    bundled_exercises_dir,
    durf_home,
    merged_dir,
    state_file,
    user_exercises_dir,
)
from durf.core.quicklook import QuickLook, quick_look
from durf.core.schema import SCHEMA_VERSION
from durf.core.session import MAX_MINUTES, MIN_MINUTES
from durf.core.text import say

if TYPE_CHECKING:
    from textual.screen import Screen

    from durf.app import DurfApp

EXIT_OK = 0
EXIT_PROBLEM = 1
EXIT_USAGE = 2


def _prescan(argv: Sequence[str]) -> argparse.Namespace:
    """Find ``--lang`` and ``--home`` before the real parser, whose help is translated."""
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--lang")
    early.add_argument("--home")
    known, _ = early.parse_known_args(list(argv))
    return known


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Keeps our line breaks and says "usage" in the user's language."""

    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        # argparse passes "" when it builds a subcommand's prog; keep that as is.
        super().add_usage(usage, actions, groups, t("cli.usage") if prefix is None else prefix)


ARGPARSE_WORDS = {
    "argument %(argument_name)s: %(message)s": "cli.argparse.argument",
    "unrecognized arguments: %s": "cli.argparse.unrecognized",
    "not allowed with argument %s": "cli.argparse.not_allowed_with",
    "the following arguments are required: %s": "cli.argparse.required",
    "expected one argument": "cli.argparse.expected_one",
    "ambiguous option: %(option)s could match %(matches)s": "cli.argparse.ambiguous",
    "invalid %(type)s value: %(value)r": "cli.argparse.invalid_value",
    "invalid choice: %(value)r (choose from %(choices)s)": "cli.argparse.invalid_choice",
    "%(prog)s: error: %(message)s\n": "cli.argparse.error",
}
"""argparse's own sentences a user can meet, by their English text, and our catalog keys.
argparse words them through ``gettext``; these give them in the user's language."""


def _argparse_words(english: str) -> str:
    key = ARGPARSE_WORDS.get(english)
    return t(key) if key is not None else english


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, in the active language."""
    argparse._ = _argparse_words  # type: ignore[attr-defined]
    parser = argparse.ArgumentParser(
        prog="durf",
        description=t("cli.description"),
        epilog=t("cli.epilog"),
        formatter_class=_Formatter,
        add_help=False,
    )
    # argparse words its own parts in English; these are the ones a user reads.
    parser._optionals.title = t("cli.options")
    parser.add_argument("-h", "--help", action="help", help=t("cli.help_help"))
    parser.add_argument(
        "--version", action="version", version=f"durf {__version__}", help=t("cli.version_help")
    )
    parser.add_argument("--lang", choices=LANGUAGES, help=t("cli.lang_help"))
    parser.add_argument("--home", metavar="PATH", help=t("cli.home_help"))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title=t("cli.commands"))
    for name, help_key in (
        ("where", "cli.where_help"),
        ("check", "cli.check_help"),
        ("session", "cli.session_help"),
        ("breathe", "cli.breathe_help"),
        ("affirm", "cli.affirm_help"),
        ("step", "cli.step_help"),
        ("status", "cli.status_help"),
        ("export", "cli.export_help"),
        ("import", "cli.import_help"),
        ("forget", "cli.forget_help"),
        ("serve", "cli.serve_help"),
        ("remind", "cli.remind_help"),
        ("nudge", "cli.nudge_help"),
    ):
        command = commands.add_parser(
            name,
            help=t(help_key),
            description=t(help_key),
            add_help=False,
            formatter_class=_Formatter,
        )
        command._optionals.title = t("cli.options")
        command.add_argument("-h", "--help", action="help", help=t("cli.help_help"))
        if name == "check":
            command.add_argument(
                "files", nargs="*", metavar="FILE", type=Path, help=t("cli.check_files_help")
            )
        if name == "session":
            command.add_argument(
                "--minutes",
                type=_whole_number(MIN_MINUTES, MAX_MINUTES),
                metavar="N",
                help=t("cli.session_minutes_help"),
            )
        if name == "breathe":
            command.add_argument("--pattern", metavar="ID", help=t("cli.pattern_help"))
            length = command.add_mutually_exclusive_group()
            length.add_argument(
                "--breaths", type=_whole_number(1, 60), metavar="N", help=t("cli.breaths_help")
            )
            length.add_argument(
                "--minutes", type=_whole_number(1, 30), metavar="M", help=t("cli.minutes_help")
            )
        if name == "affirm":
            command.add_argument(
                "words", nargs="*", metavar="add TEXT", help=t("cli.affirm_text_help")
            )
            command.add_argument("--set", dest="source", metavar="ID", help=t("cli.set_help"))
            command.add_argument(
                "--seconds", type=_whole_number(3, 120), metavar="N", help=t("cli.seconds_help")
            )
            length = command.add_mutually_exclusive_group()
            length.add_argument(
                "--rounds", type=_whole_number(1, 20), metavar="N", help=t("cli.rounds_help")
            )
            length.add_argument(
                "--minutes", type=_whole_number(1, 30), metavar="M", help=t("cli.minutes_help")
            )
            command.add_argument("--mode", choices=("read", "recall"), help=t("cli.mode_help"))
        if name == "step":
            command.add_argument(
                "action", nargs="?", choices=("new",), metavar="new", help=t("cli.step_new_help")
            )
        if name in ("export", "import", "forget"):
            _add_data_options(name, command)
        if name == "serve":
            command.add_argument(
                "--port", type=_whole_number(0, 65535), metavar="N", help=t("cli.port_help")
            )
            command.add_argument("--open", action="store_true", help=t("cli.open_help"))
        if name in ("remind", "nudge"):
            from durf.cli_remind_args import add_nudge_options, add_remind_options

            (add_remind_options if name == "remind" else add_nudge_options)(command)
        command._positionals.title = t("cli.arguments")
    return parser


def _add_data_options(name: str, command: argparse.ArgumentParser) -> None:
    """The options of ``durf export``, ``durf import`` and ``durf forget``."""
    if name == "export":
        command.add_argument("--format", choices=("json", "csv", "md"), help=t("cli.format_help"))
        command.add_argument("--out", metavar="FILE", help=t("cli.out_help"))
        command.add_argument("--force", action="store_true", help=t("cli.force_help"))
    if name == "import":
        command.add_argument("file", metavar="FILE", help=t("cli.import_file_help"))
        command.add_argument("--dry-run", action="store_true", help=t("cli.dry_run_help"))
    if name == "forget":
        command.add_argument("--yes", action="store_true", help=t("cli.yes_help"))


def _whole_number(low: int, high: int):  # type: ignore[no-untyped-def]
    """An argparse type: a whole number from ``low`` to ``high``, with a clear message."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = low - 1
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(t("cli.number_range", low=low, high=high, got=text))
        return value

    return parse


def main(argv: Sequence[str] | None = None) -> int:
    """Run durf with ``argv`` (default: the process arguments); return the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    early = _prescan(args_list)
    home = durf_home(early.home)
    look = quick_look(home)
    set_language(detect_language(early.lang, look.setting("language", str)))

    args = build_parser().parse_args(args_list)
    if args.command == "where":
        return cmd_where(home)
    if args.command == "check":
        return cmd_check(home, args.files)
    if args.command == "status":
        return cmd_status(home, look)
    if args.command in ("remind", "nudge"):
        from durf.cli_remind import cmd_nudge, cmd_remind

        return (cmd_remind if args.command == "remind" else cmd_nudge)(home, args)
    if args.command == "forget":
        # Before the check below: a file from a newer durf is still yours to delete.
        from durf.cli_data import cmd_forget

        return cmd_forget(home, args)
    if look.schema_version is not None and look.schema_version > SCHEMA_VERSION:
        say(t("store.newer", version=look.schema_version, known=SCHEMA_VERSION), error=True)
        return EXIT_PROBLEM
    if args.command == "serve":
        from durf.serve.command import DEFAULT_PORT, cmd_serve

        port = DEFAULT_PORT if args.port is None else args.port
        return cmd_serve(home, args.lang, port, args.open)
    if args.command in ("export", "import"):
        from durf.cli_data import cmd_export, cmd_import

        return (cmd_export if args.command == "export" else cmd_import)(home, args)
    if args.command == "session":
        minutes = args.minutes

        def start_session(app: DurfApp) -> None:
            app.action_start_session(minutes)

        return run_app(home, look, cli_language=args.lang, start=start_session)
    if args.command == "breathe":
        return cmd_breathe(home, look, args)
    if args.command == "affirm":
        return cmd_affirm(home, look, args)
    if args.command == "step":
        start = _new_step if args.action == "new" else _open_steps
        return run_app(home, look, cli_language=args.lang, start=start)
    return run_app(home, look, cli_language=args.lang)


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
    from durf.cli_remind import status_nudge

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
    by_file: dict[Path, list] = {}
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

    def first(app: DurfApp) -> Screen[Any]:
        return app.breathing_screen(pattern, breaths)

    return run_app(home, look, cli_language=args.lang, first=first)


def cmd_affirm(home: Path, look: QuickLook, args: argparse.Namespace) -> int:
    """Open the affirmations, start a session at once, or add one of your own."""
    if args.words:
        if args.words[0] != "add":
            say(t("cli.affirm_help"), error=True)
            return EXIT_USAGE
        return _add_affirmation(home, " ".join(args.words[1:]))
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
        sources = app.affirmation_sources()
        if wanted not in {key for key, _, _, items in sources if items}:
            valid = ", ".join(key.removeprefix("set:") for key, _, _, items in sources if items)
            app.fatal_message = t("cli.unknown_source", source=source, valid=valid)
            app.fatal_status = EXIT_USAGE
            app.exit()
            return
        flow = app.new_affirm_flow(wanted)
        if args.seconds is not None:
            flow.session.seconds_each = float(args.seconds)
        if args.mode is not None:
            flow.session.mode = args.mode
        rounds = args.rounds if args.minutes is None else None
        app.start_affirmations_now(flow, rounds or (None if args.minutes else 1), args.minutes)

    return run_app(home, look, cli_language=args.lang, start=start)


def _add_affirmation(home: Path, text: str) -> int:
    """``durf affirm add "TEXT"``: saved through the store, without opening the app."""
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


def _open_affirmations(app: DurfApp) -> None:
    app.action_start_affirmations()


def _unknown_pattern(home: Path, wanted: str) -> int:
    """Say that a pattern id is unknown, and list the valid ones."""
    from durf.core.library import load_library

    library = load_library([bundled_exercises_dir(), user_exercises_dir(home)])
    valid = ", ".join(p.id for p in library.breathing)
    say(t("cli.unknown_pattern", pattern=wanted, valid=valid), error=True)
    return EXIT_USAGE


def _open_steps(app: DurfApp) -> None:
    app.action_open_steps()


def _new_step(app: DurfApp) -> None:
    # The guide resumes a saved draft, so it needs the state.
    app.when_loaded(app.action_new_step)


def _start_checkin(app: DurfApp) -> None:
    app.action_start_breathing()


def run_app(
    home: Path,
    look: QuickLook,
    cli_language: str | None,
    start: Callable[[DurfApp], None] | None = None,
    first: Callable[[DurfApp], Screen[Any]] | None = None,
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


if __name__ == "__main__":
    sys.exit(main())
