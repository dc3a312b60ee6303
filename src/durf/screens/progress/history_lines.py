"""How one history entry reads in the list: when, which exercise, and what happened."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from textual.content import Content

from durf.core.history import Entry
from durf.core.i18n import t, tn
from durf.core.quadrant.answers import ticked_count
from durf.core.steps import STATUS_MARKS
from durf.core.text import one_line

if TYPE_CHECKING:
    from durf.core.state import Step

KIND_WIDTH = 11
"""Columns for the exercise's short name in a history line."""


def when(moment: datetime, this_year: int) -> str:
    """``Sat 21 Nov 09:12``, with the year when it is not this year's."""
    day = moment.date()
    text = t(
        "history.when",
        weekday=t(f"weekday.short.{day.isoweekday()}"),
        day=day.day,
        month=t(f"month.short.{day.month}"),
        time=moment.strftime("%H:%M"),
    )
    if day.year != this_year:
        text = t("history.when_year", when=text, year=day.year)
    return text


def _rating_pair(key: str, before: object, after: object) -> str | None:
    if isinstance(before, int) and isinstance(after, int):
        return t(key, before=before, after=after)
    if isinstance(before, int):
        return t(key + "_before", before=before)
    return None


def summary(entry: Entry, room: int = 46) -> list[str | tuple[str, str]]:
    """What an entry's line says after its time and exercise, in about ``room`` columns.

    User text is shown literally and cut to what is left of the line, so every
    entry stays on one line.
    """
    record, step = entry.record, entry.step
    parts: list[str] = []
    quote = ""
    if record is not None and entry.exercise == "breathe":
        details = record.details
        breaths = details.get("breaths_done")
        if isinstance(breaths, int):
            parts.append(tn("history.breaths", breaths))
        pair = _rating_pair(
            "history.tension", details.get("tension_before"), details.get("tension_after")
        )
        if pair:
            parts.append(pair)
        sentence = details.get("sentence")
        if isinstance(sentence, str) and sentence.strip():
            quote = sentence
    elif record is not None and entry.exercise == "affirm":
        details = record.details
        shown_count = details.get("shown")
        if isinstance(shown_count, int):
            parts.append(tn("history.affirmations", shown_count))
        belief = details.get("belief")
        if isinstance(belief, dict):
            pair = _rating_pair("history.belief", belief.get("before"), belief.get("after"))
            if pair:
                parts.append(pair)
    elif record is not None and entry.exercise == "session":
        details = record.details
        kept = details.get("parts")
        if isinstance(kept, list) and kept:
            done = sum(
                1 for part in kept if isinstance(part, dict) and part.get("status") != "skipped"
            )
            parts.append(t("history.parts", done=done, total=len(kept)))
        pair = _rating_pair(
            "history.tension", details.get("tension_before"), details.get("tension_after")
        )
        if pair:
            parts.append(pair)
        question = details.get("question")
        if isinstance(question, dict) and isinstance(question.get("answer"), str):
            quote = question["answer"] if question["answer"].strip() else ""
    elif record is not None and entry.exercise == "quadrant":
        parts.append(tn("history.quadrant_ticked", ticked_count(record.details)))
        sentence = record.details.get("sentence")
        quote = sentence if isinstance(sentence, str) else ""
    elif entry.exercise == "step":
        part = record.details.get("part") if record is not None else None
        if step is None:
            parts.append(t("history.step_gone"))
        else:
            parts.append(f"{STATUS_MARKS.get(step.status, '')} {_step_label(step, part)}")
            quote = step.what
    stopped = ""
    if record is not None and not record.completed:
        stopped = "  · " + t("history.stopped_early")
    # In a narrow window the count goes first, then the quote: the line never wraps.
    while len(parts) > 1 and len(" · ".join(parts)) + len(stopped) > room:
        parts.pop(0)
    facts = " · ".join(parts)
    line: list[str | tuple[str, str]] = [facts]
    left = room - len(facts) - len(stopped) - 4
    if quote and left >= 8:
        text = one_line(quote, left)
        line += ["  " if parts else "", text if entry.exercise == "step" else f"“{text}”"]
    if stopped:
        line.append((stopped, "$text-muted"))
    return line


def _step_label(step: Step, part: object) -> str:
    """What the entry did to the step: planned it, looked back, or made it in another way."""
    if part == "reflection":
        return t("history.step_looked_back")
    if part == "guide":
        return t("history.step_planned")
    if step.smaller_of is not None:
        return t("history.step_smaller")
    if step.moved_from is not None:
        return t("history.step_moved", week=step.week.rsplit("W", 1)[-1].lstrip("0"))
    return t("history.step_planned")


def entry_line(
    entry: Entry, this_year: int, width: int = 76, when_width: int = 18, *, stacked: bool = False
) -> Content:
    """One line of the list, in ``width`` columns: when, which exercise, and what happened.

    ``stacked`` (a phone's width): when and which on one line, what happened under it.
    """
    kind = t(f"history.kind.{entry.exercise}")
    if stacked:
        return Content.assemble(
            (when(entry.at, this_year), "$text-muted"),
            "  ",
            (kind, "bold"),
            "\n  ",
            *summary(entry, room=width - 2),
        )
    return Content.assemble(
        (when(entry.at, this_year).ljust(when_width), "$text-muted"),
        (kind.ljust(KIND_WIDTH), "bold"),
        *summary(entry, room=width - when_width - KIND_WIDTH),
    )
