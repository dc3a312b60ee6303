"""The progress dashboard: the way so far, in figures that encourage and never scold."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from durf.core.i18n import t, tn
from durf.core.progress import CALENDAR_WEEKS, STEP_OUTCOMES, Dashboard
from durf.core.text import one_line
from durf.screens.base import DurfScreen
from durf.widgets import charts

WIDE_ENOUGH = 78
"""From this many columns the charts and the figures stand side by side."""
SENTENCES_SHOWN = 3
FIGURES_WIDTH = 36
"""The width of the figures column in an 80-column window."""
CHARTS_WIDTH = 38
"""The width of the charts column (as in dashboard.tcss)."""


def kind_words(board: Dashboard) -> str:
    """The first line: what the days say, framed so that a missed day is no failure."""
    if board.sessions == 0:
        return t("progress.kind.first")
    if board.streak >= 2:
        words = t("progress.kind.streak", count=board.streak)
        # A record is named only while it is being set: an older, longer run shown
        # beside this one would invite a comparison the user did not ask for.
        if board.streak >= board.longest_streak and board.days_practised > board.streak:
            words += " " + t("progress.kind.longest")
        return words
    if board.days_in_last_fortnight:
        return tn("progress.kind.fortnight", board.days_in_last_fortnight)
    return tn("progress.kind.back", board.days_practised)


def exercises_table(board: Dashboard) -> Content:
    """Sessions and minutes per exercise, in aligned columns."""
    rows = [(t(f"history.kind.{count.exercise}"), count) for count in board.exercises]
    width = max(len(name) for name, _ in rows)
    lines = []
    for name, count in rows:
        times = tn("progress.times", count.sessions)
        lines.append(
            Content.assemble(
                name.ljust(width + 2),
                (times.rjust(9), "bold" if count.sessions else "$text-muted"),
                ("  " + t("progress.minutes", minutes=count.minutes), "$text-muted"),
            )
        )
    return Content("\n").join(lines)


def before_after(labels: tuple[str, str], before: float, after: float, count_words: str) -> Content:
    """Two 0-10 values as bars under each other, and what they are an average of."""
    width = max(len(label) for label in labels) + 1
    return Content("\n").join(
        [
            Content.assemble(labels[0].ljust(width), charts.meter(before)),
            Content.assemble(labels[1].ljust(width), charts.meter(after, style="$success")),
            Content.styled(count_words, "$text-muted"),
        ]
    )


def tension_lines(board: Dashboard) -> Content:
    """Average tension before and after breathing."""
    if board.tension is None:
        return Content.styled(t("progress.tension_none"), "$text-muted")
    tension = board.tension
    return before_after(
        (t("progress.before"), t("progress.after")),
        tension.before,
        tension.after,
        tn("progress.tension_count", tension.sessions),
    )


def belief_lines(board: Dashboard) -> Content:
    """Belief in the affirmations at first and now."""
    if board.belief is None:
        return Content.styled(t("progress.belief_none"), "$text-muted")
    belief = board.belief
    return before_after(
        (t("progress.at_first"), t("progress.now")),
        belief.first,
        belief.latest,
        tn("progress.belief_count", belief.ratings),
    )


def steps_lines(board: Dashboard) -> Content:
    """The last weeks' small steps as marks, and the totals in words."""
    total = sum(week.total for week in board.steps)
    if not total:
        return Content.styled(t("progress.steps_none"), "$text-muted")
    counts = dict.fromkeys(STEP_OUTCOMES, 0)
    for week in board.steps:
        for outcome, count in week.outcomes.items():
            counts[outcome] += count
    totals = [
        Content.assemble(
            (charts.STATUS_MARKS[outcome] + " ", charts.STEP_STYLES[outcome]),
            (t(f"progress.outcome.{outcome}", count=count), "$text-muted"),
        )
        for outcome, count in counts.items()
        if count
    ]
    return Content("\n").join([charts.step_strip(board.steps), *packed(totals, CHARTS_WIDTH)])


def packed(items: list[Content], width: int, gap: str = "  ") -> list[Content]:
    """``items`` side by side in lines of at most ``width``, never breaking an item apart."""
    lines: list[Content] = []
    line = Content("")
    for item in items:
        if line.cell_length and line.cell_length + len(gap) + item.cell_length > width:
            lines.append(line)
            line = Content("")
        line = line + gap + item if line.cell_length else item
    if line.cell_length:
        lines.append(line)
    return lines


def sentences_lines(board: Dashboard, width: int = FIGURES_WIDTH) -> Content:
    """The honest sentences still waiting, literally, each cut to one line of ``width``."""
    if not board.open_sentences:
        return Content.styled(t("progress.sentences_none"), "$text-muted")
    lines = []
    for sentence in board.open_sentences[:SENTENCES_SHOWN]:
        person = one_line(sentence.for_whom, 12) if sentence.for_whom.strip() else ""
        room = width - 2 - (len(person) + 4 if person else 0)
        parts: list[str | tuple[str, str]] = [
            ("“", "$text-muted"),
            one_line(sentence.text, room),
            ("”", "$text-muted"),
        ]
        if person:
            parts += [("  · ", "$text-muted"), (person, "italic")]
        lines.append(Content.assemble(*parts))
    more = len(board.open_sentences) - SENTENCES_SHOWN
    if more > 0:
        lines.append(Content.styled(tn("progress.sentences_more", more), "$text-muted"))
    return Content("\n").join(lines)


class DashboardScreen(DurfScreen):
    """Every progress figure on one screen; charts left, figures right, or stacked when narrow."""

    TITLE_KEY = "progress.title"
    KEY_HINTS: ClassVar = [
        ("h", "keys.history"),
        ("e", "keys.export"),
        ("↑↓", "keys.scroll"),
        ("Esc", "keys.back"),
        ("?", "keys.help"),
    ]
    BINDINGS: ClassVar = [
        Binding("h", "app.open_history", show=False),
        Binding("e", "app.export", show=False),
    ]
    CSS_PATH = Path(__file__).with_name("dashboard.tcss")

    def compose_body(self) -> ComposeResult:
        """The kind line, then the charts and the figures."""
        with VerticalScroll(id="dashboard"):
            yield Static(id="kind-line", markup=False)
            with Horizontal(id="columns"):
                with Vertical(id="charts"):
                    yield from self._section("minutes-chart", t("progress.minutes_heading"))
                    yield from self._section(
                        "calendar", t("progress.calendar_heading", weeks=CALENDAR_WEEKS)
                    )
                    yield Static(id="legend")
                    yield from self._section("steps", t("progress.steps_heading"))
                with Vertical(id="figures"):
                    yield from self._section("exercises", t("progress.exercises_heading"))
                    yield from self._section("tension", t("progress.tension_heading"))
                    yield from self._section("belief", t("progress.belief_heading"))
                    yield from self._section("sentences", t("progress.sentences_heading"))

    @staticmethod
    def _section(name: str, heading: str) -> ComposeResult:
        yield Static(heading, id=f"{name}-heading", classes="heading", markup=False)
        yield Static(id=name)

    def on_mount(self) -> None:
        """Draw the figures, and again whenever the state changes."""
        super().on_mount()
        self.watch(self.app, "state_revision", self._show)

    def after_relocalize(self) -> None:
        """A rebuilt screen draws its figures in the new language."""
        self._show()

    def _fit(self, width: int, height: int) -> None:
        super()._fit(width, height)
        self.set_class(width < WIDE_ENOUGH, "-narrow")

    def _show(self, _revision: int = 0) -> None:
        if not self.query("#kind-line"):
            return  # being rebuilt (a language change); after_relocalize draws it
        board = self.practice.progress.dashboard()
        if board is None:
            return
        self.query_one("#kind-line", Static).update(kind_words(board))
        self.query_one("#minutes-chart", Static).update(charts.minutes_chart(board))
        self.query_one("#calendar", Static).update(charts.calendar(board))
        self.query_one("#legend", Static).update(charts.calendar_legend())
        self.query_one("#exercises", Static).update(exercises_table(board))
        self.query_one("#tension", Static).update(tension_lines(board))
        self.query_one("#belief", Static).update(belief_lines(board))
        self.query_one("#steps", Static).update(steps_lines(board))
        sentences = self.query_one("#sentences", Static)
        sentences.update(sentences_lines(board))
        heading = t("progress.sentences_heading")
        if board.open_sentences:
            heading = f"{heading} ({len(board.open_sentences)})"
        self.query_one("#sentences-heading", Static).update(heading)
