"""``durf``'s ``main``: choose the language and home, read the arguments, run the command.

Each command's module is imported only when that command runs, so ``--help``,
``--version`` and the commands that answer in the shell never import Textual.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from durf.cli.exit_status import EXIT_PROBLEM
from durf.cli.parser import build_parser, prescan
from durf.core.i18n import detect_language, set_language, t
from durf.core.paths import durf_home
from durf.core.quicklook import quick_look
from durf.core.schema import SCHEMA_VERSION
from durf.core.text import say


def main(argv: Sequence[str] | None = None) -> int:
    """Run durf with ``argv`` (default: the process arguments); return the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    early = prescan(args_list)
    home = durf_home(early.home)
    look = quick_look(home)
    set_language(detect_language(early.lang, look.setting("language", str)))

    args = build_parser(args_list).parse_args(args_list)
    if args.command in ("where", "check", "status"):
        from durf.cli.quick import cmd_check, cmd_status, cmd_where

        if args.command == "where":
            return cmd_where(home)
        if args.command == "check":
            return cmd_check(home, args.files)
        return cmd_status(home, look)
    if args.command in ("remind", "nudge"):
        from durf.cli.remind import cmd_nudge, cmd_remind

        return (cmd_remind if args.command == "remind" else cmd_nudge)(home, args)
    if args.command == "forget":
        # Before the check below: a file from a newer durf is still yours to delete.
        from durf.cli.data import cmd_forget

        return cmd_forget(home, args)
    if look.schema_version is not None and look.schema_version > SCHEMA_VERSION:
        say(t("store.newer", version=look.schema_version, known=SCHEMA_VERSION), error=True)
        return EXIT_PROBLEM
    if args.command == "serve":
        from durf.serve.command import DEFAULT_PORT, cmd_serve

        port = DEFAULT_PORT if args.port is None else args.port
        return cmd_serve(home, args.lang, port, args.open)
    if args.command in ("export", "import"):
        from durf.cli.data import cmd_export, cmd_import

        return (cmd_export if args.command == "export" else cmd_import)(home, args)
    if args.command == "affirm" and args.words:
        from durf.cli.quick import cmd_affirm_add

        return cmd_affirm_add(home, args.words)
    from durf.cli import start_app

    if args.command == "session":
        return start_app.cmd_session(home, look, args)
    if args.command == "breathe":
        return start_app.cmd_breathe(home, look, args)
    if args.command == "affirm":
        return start_app.cmd_affirm(home, look, args)
    if args.command == "step":
        return start_app.cmd_step(home, look, args)
    return start_app.run_app(home, look, cli_language=args.lang)
