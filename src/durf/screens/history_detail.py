"""One entry of the history, with everything it holds, exactly as it was typed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from durf.core.clock import today
from durf.core.dates import long_date, week_heading
from durf.core.i18n import catalog, get_language, t
from durf.core.progress import session_minutes
from durf.core.session import PART_OF
from durf.core.steps import GUIDE_PAGES
from durf.core.text import shown
from durf.core.weeks import Week
from durf.screens.base import DurfScreen

if TYPE_CHECKING:
    from durf.core.history import Entry
    from durf.core.state import SessionRecord, Step

Row = tuple[str, str]
"""A label (from the catalogs) and a value (possibly the user's own words)."""

BREATHE_FIELDS = ("tension_before", "tension_after", "breaths_done", "breaths_planned")
AFFIRM_FIELDS = ("shown",)
SHOWN_ELSEWHERE = {
    # Timings and plans are the app's bookkeeping; the length of the session says it.
    "breathe": {
        *BREATHE_FIELDS,
        "areas",
        "sentence",
        "for_whom",
        "pattern",
        "pace",
        "breathing_seconds",
    },
    "affirm": {
        *AFFIRM_FIELDS,
        "belief",
        "mode",
        "source",
        "practice_seconds",
        "planned",
        "recalled",
        "seconds_each",
    },
    "step": {"part", "step_id", "scariness", "scariness_after"},
    "session": {
        "minutes",
        "planned",
        "parts",
        "areas",
        "tension_before",
        "tension_after",
        "question",
    },
}
"""Details each exercise's rows already show; anything else is listed as it is stored."""


def _value(value: object) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def record_minutes(record: SessionRecord) -> int:
    """A session's length in whole minutes (at least 1 once it has an end)."""
    if record.ended_at is None:
        return 0
    return max(1, round(session_minutes(record)))


def record_rows(record: SessionRecord, patterns: dict[str, str] | None = None) -> Iterator[Row]:
    """The rows of a session: when, how long, how it ended, and what it recorded.

    ``patterns`` names breathing patterns by id, in the user's language.
    """
    started = record.started_at
    yield t("entry.when"), f"{long_date(started.date())} {started:%H:%M}"
    if record.ended_at is not None:
        yield t("entry.length"), t("progress.minutes", minutes=record_minutes(record))
    yield t("entry.ended"), t("entry.completed" if record.completed else "entry.stopped_early")
    details = record.details
    if record.exercise == "breathe":
        pattern = details.get("pattern")
        if isinstance(pattern, str) and pattern:
            yield t("entry.pattern"), (patterns or {}).get(pattern, pattern)
        yield from _breathe_rows(details)
    elif record.exercise == "affirm":
        yield from _affirm_rows(details)
    elif record.exercise == "session":
        yield from _session_rows(details)
    # Every part of a session says which session it was part of: the session shows it.
    known = SHOWN_ELSEWHERE.get(record.exercise, set()) | {PART_OF}
    for key, value in details.items():
        if key not in known and value not in (None, "", [], {}):
            yield key, _value(value)


PART_MARKS = {"done": "✓", "stopped": "◐", "skipped": "·"}


def _session_rows(details: dict[str, Any]) -> Iterator[Row]:
    minutes = details.get("minutes")
    if isinstance(minutes, int) and not isinstance(minutes, bool):
        yield t("entry.minutes_asked"), t("progress.minutes", minutes=minutes)
    yield from _breathe_rows(
        {key: details.get(key) for key in ("areas", "tension_before", "tension_after")}
    )
    kept = details.get("parts")
    if isinstance(kept, list):
        for part in kept:
            if not isinstance(part, dict) or not isinstance(part.get("kind"), str):
                yield t("entry.part"), _value(part)
                continue
            status = str(part.get("status", ""))
            words = [PART_MARKS.get(status, "?"), _part_name(part["kind"])]
            if status in PART_MARKS:
                words.append("· " + t(f"entry.part_{status}"))
            outcome = part.get("outcome")
            if isinstance(outcome, str) and f"entry.outcome.{outcome}" in catalog(get_language()):
                words.append("· " + t(f"entry.outcome.{outcome}"))
            yield t("entry.part"), " ".join(words)
    question = details.get("question")
    if isinstance(question, dict):
        if isinstance(question.get("text"), str) and question["text"]:
            yield t("entry.question"), question["text"]
        if isinstance(question.get("answer"), str) and question["answer"]:
            yield t("entry.answer"), question["answer"]


def _part_name(kind: str) -> str:
    """A part's kind by its name in the catalog, or as stored."""
    key = f"entry.part_kind.{kind}"
    return t(key) if key in catalog(get_language()) else kind


def _breathe_rows(details: dict[str, Any]) -> Iterator[Row]:
    areas = details.get("areas")
    if isinstance(areas, list) and areas:
        yield t("entry.areas"), ", ".join(_area(area) for area in areas)
    for key in BREATHE_FIELDS:
        if details.get(key) is not None:
            yield t(f"entry.{key}"), _value(details[key])
    for key in ("sentence", "for_whom"):
        value = details.get(key)
        if isinstance(value, str) and value:
            yield t(f"entry.{key}"), value


def _area(area: object) -> str:
    """A body area by its name in the catalog; one the catalog does not know, as stored."""
    if isinstance(area, str) and f"area.{area}" in catalog(get_language()):
        return t(f"area.{area}")
    return _value(area)


def _affirm_rows(details: dict[str, Any]) -> Iterator[Row]:
    mode = details.get("mode")
    if mode in ("read", "recall"):
        yield t("entry.mode"), t(f"affirm.mode_{mode}")
    for key in AFFIRM_FIELDS:
        if details.get(key) is not None:
            yield t(f"entry.{key}"), _value(details[key])
    if mode == "recall" and details.get("recalled") is not None:
        yield t("entry.recalled"), _value(details["recalled"])
    seconds = details.get("seconds_each")
    if isinstance(seconds, int | float) and not isinstance(seconds, bool):
        yield t("entry.seconds_each"), f"{seconds:g}".replace(".", t("number.decimal_sign"))
    belief = details.get("belief")
    if isinstance(belief, dict):
        if isinstance(belief.get("text"), str) and belief["text"]:
            yield t("entry.belief_text"), belief["text"]
        for moment in ("before", "after"):
            if belief.get(moment) is not None:
                yield t(f"entry.belief_{moment}"), _value(belief[moment])


def step_rows(step: Step, this_week: Week, desire: str = "") -> Iterator[Row]:
    """The rows of a small step: the step, its details, the guide's answers and the look back.

    ``desire`` is the ladder's: a step made smaller or moved on has no guide answers
    of its own, but it still climbs towards what was wished for.
    """
    yield t("entry.step"), step.what
    if desire and not step.guide.get("desire"):
        yield t("entry.towards"), desire
    try:
        yield t("entry.week"), week_heading(Week.parse(step.week), this_week)
    except ValueError:
        yield t("entry.week"), step.week
    yield t("entry.status"), t(f"step_status.{step.status}")
    if step.with_whom:
        yield t("entry.with_whom"), step.with_whom
    if step.day is not None:
        yield t("entry.day"), t(f"weekday.long.{step.day}")
    if step.scariness is not None:
        yield t("entry.scariness"), str(step.scariness)
    if step.sentence:
        yield t("entry.sentence"), step.sentence
    for page, answer in step.guide.items():
        if answer:
            yield t(f"entry.guide.{page}") if page in GUIDE_PAGES else page, answer
    reflection = step.reflection
    if reflection is not None:
        for key in ("what_happened", "their_reaction", "learned"):
            value = getattr(reflection, key)
            if value:
                yield t(f"entry.{key}"), value
        if reflection.scariness_after is not None:
            yield t("entry.scariness_after"), str(reflection.scariness_after)


LABEL_WIDTH_MAX = 24


def label_width(rows: list[Row]) -> int:
    """The label column: as wide as the longest label, up to a limit."""
    return min(LABEL_WIDTH_MAX, max((len(label) for label, _ in rows), default=0) + 2)


def compose_rows(rows: list[Row], section: str) -> ComposeResult:
    """One line per row: the label, then the value wrapping in its own column."""
    width = label_width(rows)
    with Vertical(id=section, classes="rows"):
        for label, value in rows:
            with Horizontal(classes="row"):
                label_box = Static(label, classes="label", markup=False)
                label_box.styles.width = width
                yield label_box
                yield Static(Content(shown(value)), classes="value")


class EntryScreen(DurfScreen):
    """Everything one session or step holds."""

    TITLE_KEY = "entry.title"
    DEFAULT_CSS = """
    EntryScreen #entry > Static, EntryScreen .rows, EntryScreen .row {
        height: auto;
        max-width: 100;
    }
    EntryScreen .label {
        text-style: bold;
        color: $text-muted;
    }
    EntryScreen .value {
        width: 1fr;
        height: auto;
    }
    EntryScreen #entry > .entry-heading {
        margin: 1 0 0 0;
    }
    EntryScreen #entry > .entry-heading:first-child {
        margin: 0;
    }
    /* A phone's width: each label above its value, the value using the whole line. */
    EntryScreen.-phone .row {
        layout: vertical;
    }
    EntryScreen.-phone .value {
        width: 100%;
        padding: 0 0 0 2;
    }
    """
    KEY_HINTS: ClassVar = [("↑↓", "keys.scroll"), ("Esc", "keys.back"), ("?", "keys.help")]

    def __init__(self, entry: Entry) -> None:
        super().__init__()
        self.entry = entry

    def compose_body(self) -> ComposeResult:
        """A heading, the session's rows, and the step's rows when it is about one."""
        entry = self.entry
        with VerticalScroll(id="entry"):
            yield Static(
                Content.styled(t(f"history.kind_long.{entry.exercise}"), "bold $accent"),
                classes="entry-heading",
            )
            if entry.record is not None:
                rows = record_rows(entry.record, self._pattern_names())
                yield from compose_rows(list(rows), "session-rows")
                if entry.exercise == "session" and self.durf.state is not None:
                    yield from self._compose_parts(entry.record)
            if entry.step is not None:
                yield Static(
                    Content.styled(t("entry.step_heading"), "bold $accent"),
                    classes="entry-heading",
                )
                this_week = Week.of(today(self.durf.clock))
                rows = step_rows(entry.step, this_week, self._desire(entry.step))
                yield from compose_rows(list(rows), "step-rows")

    def _compose_parts(self, session: SessionRecord) -> ComposeResult:
        """Each exercise the session held, with what it recorded."""
        from durf.core.history import session_parts

        for number, part in enumerate(session_parts(self.durf.store.state, session)):
            yield Static(
                Content.styled(t(f"history.kind_long.{part.exercise}"), "bold $accent"),
                classes="entry-heading",
            )
            rows = [row for row in record_rows(part, self._pattern_names())][1:]
            yield from compose_rows(rows, f"part-rows-{number}")

    def _pattern_names(self) -> dict[str, str]:
        library = self.durf.library
        if library is None:
            return {}
        language = get_language()
        return {pattern.id: pattern.name.get(language) for pattern in library.breathing}

    def _desire(self, step: Step) -> str:
        state = self.durf.state
        ladders = state.ladders if state is not None else []
        return next((ladder.desire for ladder in ladders if ladder.id == step.ladder_id), "")
