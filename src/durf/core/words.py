"""Counting the user's data in words, for the commands and screens that handle all of it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from durf.core.i18n import t, tn
from durf.core.session import practice_count

if TYPE_CHECKING:
    from durf.core.merge import MergeReport
    from durf.core.state import State


def and_list(parts: list[str]) -> str:
    """``a, b and c`` in the active language."""
    if len(parts) < 2:
        return "".join(parts)
    return t("data.and", first=", ".join(parts[:-1]), last=parts[-1])


def what_it_holds(state: State) -> str:
    """``12 sessions, 7 small steps and 3 honest sentences``."""
    return and_list(
        [
            tn("data.sessions", practice_count(state.history)),
            tn("data.steps", len(state.steps)),
            tn("data.sentences", len(state.sentences)),
        ]
    )


def describe_additions(report: MergeReport) -> str:
    """What a merge adds, in words: ``3 sessions, 1 small step and the settings``."""
    words = {
        "history": "data.sessions",
        "steps": "data.steps",
        "ladders": "data.ladders",
        "sentences": "data.sentences",
        "own_affirmations": "data.own_affirmations",
        "favourite_affirmations": "data.favourites",
    }
    parts = [
        tn(key, report.kinds[kind].added)
        for kind, key in words.items()
        if kind in report.kinds and report.kinds[kind].added
    ]
    if report.draft_added:
        parts.append(t("import.draft"))
    if report.settings_taken:
        parts.append(t("import.settings"))
    if report.unknown_fields_taken and not parts:
        parts.append(t("import.unknown_fields"))
    return and_list(parts)
