"""The ``durf`` command.

``--help``, ``--version`` and the non-interactive commands never import Textual:
they must answer at once, in scripts and shell prompts. The app is imported only
when it is about to start.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from durf import __version__
from durf.core.i18n import LANGUAGES, detect_language, set_language, t, tn
from durf.core.paths import bundled_exercises_dir, durf_home, state_file, user_exercises_dir
from durf.core.state import SCHEMA_VERSION
from durf.core.store import quick_look

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


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, in the active language."""
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
    for name, help_key in (("where", "cli.where_help"), ("check", "cli.check_help")):
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
        command._positionals.title = t("cli.arguments")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run durf with ``argv`` (default: the process arguments); return the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    early = _prescan(args_list)
    home = durf_home(early.home)
    look = quick_look(home)
    saved_language = look.settings.language if look.settings else None
    set_language(detect_language(early.lang, saved_language))

    args = build_parser().parse_args(args_list)
    if args.command == "where":
        return cmd_where(home)
    if args.command == "check":
        return cmd_check(home, args.files)
    if look.schema_version is not None and look.schema_version > SCHEMA_VERSION:
        print(t("store.newer", version=look.schema_version, known=SCHEMA_VERSION), file=sys.stderr)
        return EXIT_PROBLEM
    return run_app(home, cli_language=args.lang)


def cmd_where(home: Path) -> int:
    """Print where durf keeps the state file and looks for exercise files."""
    path = state_file(home)
    user_dir = user_exercises_dir(home)
    rows = [
        (t("where.state_file"), str(path), path.exists()),
        (t("where.backup"), str(path.with_name(path.name + ".bak")), None),
        (t("where.user_exercises"), str(user_dir), user_dir.is_dir()),
        (t("where.bundled_exercises"), str(bundled_exercises_dir()), None),
    ]
    width = max(len(label) for label, _, _ in rows)
    for label, value, exists in rows:
        note = f"  ({t('where.not_yet')})" if exists is False else ""
        print(f"{label.ljust(width)}  {value}{note}")
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
        print(str(path))
        for problem in file_problems:
            print(f"  {problem.field}: {problem.reason}")
    if by_file:
        print(tn("check.summary_bad", len(by_file), checked=checked))
        return EXIT_PROBLEM
    print(tn("check.summary_good", checked))
    return EXIT_OK


def run_app(home: Path, cli_language: str | None) -> int:
    """Start the full-screen app; only now is Textual imported."""
    from durf.app import DurfApp
    from durf.core.store import Store

    app = DurfApp(store=Store(home), cli_language=cli_language)
    app.run()
    if app.fatal_message:
        print(app.fatal_message, file=sys.stderr)
        return EXIT_PROBLEM
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
