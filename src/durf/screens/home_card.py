"""The progress card beside the home menu: the kind words, minutes per week, this week.

Its charts need the state models: home imports this module once there are figures.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content

from durf.core.i18n import t
from durf.widgets import charts

if TYPE_CHECKING:
    from durf.core.progress import Dashboard


def glance(board: Dashboard, words: list[str]) -> Content:
    """The progress card beside the menu: the kind words, minutes per week, and this week."""
    if board.sessions == 0 and not any(week.total for week in board.steps):
        return Content("  ·  ".join(words))
    parts: list[Content] = [Content("\n".join([words[0], "  ·  ".join(words[1:])]).rstrip())]
    if sum(1 for minutes in board.minutes_by_week if minutes) >= 2:
        # One lone bar says nothing yet; from the second week the chart shows a way.
        parts += [
            charts.minutes_chart(board),
            Content.styled(t("home.glance_chart", weeks=len(board.weeks)), "$text-muted"),
        ]
    figures: list[str | tuple[str, str]] = []
    if board.tension is not None:
        figures.append(
            t(
                "home.glance_tension",
                before=charts.decimal(board.tension.before),
                after=charts.decimal(board.tension.after),
            )
        )
    if board.belief is not None:
        figures.append(
            t(
                "home.glance_belief",
                first=charts.decimal(board.belief.first),
                latest=charts.decimal(board.belief.latest),
            )
        )
    if figures:
        parts.append(Content.styled("\n".join(figures), "$text-muted"))
    this_week = board.steps[-1]
    if this_week.total:
        marks: list[str | tuple[str, str]] = [t("home.glance_steps") + " "]
        for outcome, count in this_week.outcomes.items():
            if count:
                marks += [(f"{charts.STATUS_MARKS[outcome]}{count} ", charts.STEP_STYLES[outcome])]
        parts.append(Content.assemble(*marks).rstrip())
    return Content("\n").join(parts)
