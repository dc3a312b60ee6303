"""How a step and its ladder read on the weekly board, as lines of text."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from textual.content import Content

from durf.core.dates import day_label
from durf.core.i18n import t, tn
from durf.core.steps import STATUS_MARKS
from durf.core.text import one_line

if TYPE_CHECKING:
    from durf.core.state import Step
    from durf.core.steps import LadderView
    from durf.core.weeks import Week


def step_line(step: Step, week: Week, width: int | None = None) -> Content:
    """How one step reads on the board: its words, then day, person, scariness and status.

    With a ``width`` (a narrow window) the words and the facts wrap under themselves,
    two columns in, instead of being cut or running back to the edge.
    """
    facts: list[str] = []
    if step.day is not None:
        facts.append(day_label(week.day(step.day)))
    if step.with_whom.strip():
        facts.append(t("board.with", person=one_line(step.with_whom, 30)))
    felt = step.reflection.scariness_after if step.reflection and step.status == "done" else None
    if step.scariness is not None and felt is not None:
        facts.append(t("board.scary_felt", scariness=step.scariness, felt=felt))
    elif step.scariness is not None:
        facts.append(t("board.scary", scariness=step.scariness))
    elif felt is not None:
        facts.append(t("board.felt", felt=felt))
    facts.append(t(f"step_status.{step.status}"))
    what, facts_line = one_line(step.what, 66), " · ".join(facts)
    if width is not None:
        what = "\n  ".join(textwrap.wrap(what, max(10, width - 2)))
        facts_line = "\n  ".join(textwrap.wrap(facts_line, max(10, width - 2)))
    return Content.assemble(
        (STATUS_MARKS[step.status] + " ", "bold $accent"),
        what,
        "\n  ",
        (facts_line, "$text-muted"),
    )


def ladder_lines(view: LadderView, here: str) -> Content:
    """Where a step stands on its ladder (``here`` is its rung's id): the rungs, how many
    are done, expected and felt."""
    desire = one_line(view.ladder.desire, 64) if view.ladder.desire.strip() else ""
    parts: list[str | tuple[str, str]] = [
        (t("board.ladder"), "bold"),
        " ",
        f"“{desire}”" if desire else (t("board.ladder_unnamed"), "italic $text-muted"),
        "\n",
    ]
    for index, rung in enumerate(view.rungs):
        if index:
            parts.append(("─", "$text-muted"))
        mark = STATUS_MARKS[rung.step.status]
        parts.append((f"[{mark}]", "reverse bold") if rung.step.id == here else f" {mark} ")
    summary = [tn("board.ladder_done", view.done) if view.done else t("board.ladder_begun")]
    if view.current is not None and view.current.id == here:
        summary.append(t("board.ladder_here"))
    elif view.current is not None:
        summary.append(t("board.ladder_now", what=one_line(view.current.what, 36)))
    parts += ["  ", (" · ".join(summary), "$text-muted")]
    compared = [
        t("board.expected_felt", expected=rung.predicted, felt=rung.felt)
        for rung in view.rungs
        if rung.predicted is not None and rung.felt is not None
    ]
    if compared:
        parts += [
            "\n",
            (t("board.expected_felt_heading") + " " + ", ".join(compared), "$text-muted"),
        ]
    return Content.assemble(*parts)
