"""Small text charts of the progress figures, drawn with block characters.

Each chart is one ``Content``: it reads the same in any terminal, copies as
text, and needs no colour to be understood (the shades and marks carry the
meaning; colour only helps).
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from durf.core.i18n import t
from durf.core.progress import Dashboard, StepWeek
from durf.core.steps import STATUS_MARKS

BARS = " ▁▂▃▄▅▆▇█"
"""Eighths of a cell from the bottom, from empty to full."""
LEFT_BARS = " ▏▎▍▌▋▊▉█"
"""Eighths of a cell from the left, for bars that grow sideways."""
SHADES = ("·", "░", "▒", "▓", "█")
"""A calendar day: not practised, then more and more minutes."""
SHADE_MINUTES = (1, 10, 20, 30)
"""The least minutes for each shade after the first (a session of seconds still shows)."""
STEP_STYLES = {
    "done": "bold $success",
    "smaller": "bold $accent",
    "moved": "$secondary",
    "not_this_time": "$text-muted",
    "planned": "$text",
}
CELL = 2
"""Columns per week in the calendar and the minutes chart, so the two line up."""
LABEL = 4
"""Columns for the weekday labels in front of the calendar."""

Part = str | tuple[str, str]


def shade(minutes: int, sessions: int) -> int:
    """Which shade a day gets: 0 for no practice, up to 4 for half an hour or more."""
    if not sessions:
        return 0
    level = 1
    for threshold in SHADE_MINUTES[1:]:
        if minutes >= threshold:
            level += 1
    return level


def minutes_chart(board: Dashboard, rows: int = 2) -> Content:
    """Minutes per week as columns of bars, one column per calendar week.

    The top row carries the highest week's minutes in the label column, as the
    scale; this week's column has the accent colour.
    """
    peak = max(board.minutes_by_week, default=0)
    lines: list[Content] = []
    for row in range(rows - 1, -1, -1):
        label = " " * LABEL
        if row == rows - 1 and peak:
            scale = str(peak) if peak < 1000 else f"{round(peak / 1000)}k"
            label = scale[: LABEL - 1].rjust(LABEL - 1) + " "
        parts: list[Part] = [(label, "$text-muted")]
        for index, minutes in enumerate(board.minutes_by_week):
            eighths = 0 if not peak else round(minutes / peak * rows * 8)
            if minutes and not eighths:
                eighths = 1  # a little practice is never drawn as none
            filled = min(8, max(0, eighths - row * 8))
            style = "$accent" if index == len(board.minutes_by_week) - 1 else "$primary"
            parts.append((BARS[filled], style))
            parts.append(" " * (CELL - 1))
        lines.append(Content.assemble(*parts).rstrip())
    return Content("\n").join(lines)


def calendar(board: Dashboard) -> Content:
    """The last weeks as a grid: a column per week, a row per weekday, shaded by minutes."""
    lines: list[Content] = []
    for weekday in range(7):
        label = t(f"weekday.short.{weekday + 1}")[:3].ljust(LABEL)
        parts: list[Part] = [(label, "$text-muted")]
        for week in board.calendar:
            cell = week[weekday]
            if cell.to_come:
                parts.append(" " * CELL)
                continue
            level = shade(cell.minutes, cell.sessions)
            style = "$text-muted" if level == 0 else "$success"
            if cell.day == board.today:
                style = "bold reverse $accent" if level else "bold $accent"
            parts.append((SHADES[level], style))
            parts.append(" " * (CELL - 1))
        lines.append(Content.assemble(*parts))
    lines.append(_month_labels(board))
    return Content("\n").join(lines)


def _month_labels(board: Dashboard) -> Content:
    """Short month names under the week in which each month begins."""
    line = [" "] * (LABEL + CELL * len(board.weeks) + 4)
    taken_until = 0
    for index, week in enumerate(board.weeks):
        first_of_month = next((week.day(n) for n in range(1, 8) if week.day(n).day == 1), None)
        # The first column names its month, unless the next month begins in the
        # very next column and would have no room for its name.
        if (
            index == 0
            and first_of_month is None
            and not any(board.weeks[1].day(n).day == 1 for n in range(1, 8))
        ):
            first_of_month = week.monday
        if first_of_month is None:
            continue
        name = t(f"month.short.{first_of_month.month}")
        column = LABEL + index * CELL
        if column < taken_until:
            continue
        line[column : column + len(name)] = list(name)
        taken_until = column + len(name) + 1
    return Content.styled("".join(line).rstrip(), "$text-muted")


def calendar_legend() -> Content:
    """What the shades mean."""
    parts: list[Part] = [(SHADES[0], "$text-muted"), " " + t("progress.legend_none") + "  "]
    for level in range(1, len(SHADES)):
        parts.append((SHADES[level], "$success"))
    parts.append(" " + t("progress.legend_more", minutes=SHADE_MINUTES[-1]))
    return Content.assemble(*parts)


def meter(value: float, width: int = 10, style: str = "$primary") -> Content:
    """A 0-10 value as a bar of ``width`` cells, with the value after it."""
    full, rest = divmod(round(value / 10 * width * 8), 8)
    bar = "█" * full + (LEFT_BARS[rest] if rest and full < width else "")
    return Content.assemble(
        (bar, style), ("░" * (width - len(bar)), "$text-muted"), "  " + decimal(value)
    )


def decimal(value: float) -> str:
    """One decimal, with the decimal sign of the language (6.5 / 6,5)."""
    return f"{value:.1f}".replace(".", t("number.decimal_sign"))


def step_strip(weeks: Sequence[StepWeek], width: int = 4) -> Content:
    """Each week's step outcomes as marks, under its week number.

    A week with more steps than fit shows the first few and a ``+``; the totals
    beside the strip give the exact counts.
    """
    room = width - 1
    heads: list[Part] = []
    marks: list[Part] = []
    for week in weeks:
        heads.append((str(week.week.number).ljust(width), "$text-muted"))
        outcomes = [outcome for outcome, count in week.outcomes.items() for _ in range(count)]
        if len(outcomes) > room:
            outcomes = outcomes[: room - 1]
            marks += [(STATUS_MARKS[outcome], STEP_STYLES[outcome]) for outcome in outcomes]
            marks.append(("+", "$text-muted"))
            marks.append(" ")
            continue
        marks += [(STATUS_MARKS[outcome], STEP_STYLES[outcome]) for outcome in outcomes]
        marks.append(" " * (width - len(outcomes)))
    return Content("\n").join(
        [Content.assemble(*heads).rstrip(), Content.assemble(*marks).rstrip()]
    )
