"""The argument parser of ``durf``, with argparse's own words in the user's language.

Built on every start, the app's included, so it imports only what the options need:
never the code of a command, never Textual. A command's own options are added only
when its name is among the arguments: argparse hands a command's options only to
the command named, and the app's first frame need not wait for the others.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path

from durf import __version__
from durf.core.i18n import LANGUAGES, t


def prescan(argv: Sequence[str]) -> argparse.Namespace:
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


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser, in the active language, for ``argv`` (``None``: for any).

    Every command is listed; only the commands named in ``argv`` get their options.
    """
    named = None if argv is None else set(argv)
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
        if named is not None and name not in named:
            continue
        command._optionals.title = t("cli.options")
        command.add_argument("-h", "--help", action="help", help=t("cli.help_help"))
        if name == "check":
            command.add_argument(
                "files", nargs="*", metavar="FILE", type=Path, help=t("cli.check_files_help")
            )
        if name == "session":
            from durf.core.session import MAX_MINUTES, MIN_MINUTES

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
            from durf.cli.remind_args import add_nudge_options, add_remind_options

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


def _whole_number(low: int, high: int) -> Callable[[str], int]:
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
