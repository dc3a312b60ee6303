"""The arguments of ``durf remind`` and ``durf nudge``, apart from the commands themselves.

The parser is built on every start, the app's included: these need only the
scheduler names, not the code that installs reminders or shows a nudge.
"""

from __future__ import annotations

import argparse

from durf.core.i18n import t
from durf.core.reminders.files import SCHEDULERS


def add_remind_options(command: argparse.ArgumentParser) -> None:
    """The arguments of ``durf remind``."""
    command.add_argument(
        "action",
        nargs="?",
        choices=("daily", "step", "off"),
        metavar="daily|step|off",
        help=t("remind.action_help"),
    )
    command.add_argument("time", nargs="?", metavar="HH:MM", help=t("remind.time_help"))
    command.add_argument("--days", metavar="mon,tue,...", help=t("remind.days_help"))
    command.add_argument("--dry-run", action="store_true", help=t("remind.dry_run_help"))
    command.add_argument("--scheduler", choices=SCHEDULERS, help=t("remind.scheduler_help"))


def add_nudge_options(command: argparse.ArgumentParser) -> None:
    """The arguments of ``durf nudge``."""
    command.add_argument(
        "--kind", choices=("daily", "step"), default="daily", help=t("nudge.kind_help")
    )
