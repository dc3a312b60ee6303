"""The rows of one history entry: labels from the catalogs, values exactly as typed.

Apart from the entry screen so that each exercise's rows stay easy to find.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from durf.core.dates import long_date, week_heading
from durf.core.i18n import catalog, get_language, t
from durf.core.progress import session_minutes
from durf.core.quadrant.answers import SHOWN_IN_ROWS, quadrant_rows
from durf.core.session import PART_OF
from durf.core.steps import GUIDE_PAGES
from durf.core.weeks import Week

if TYPE_CHECKING:
    from durf.core.quadrant.exercise_file import Quadrant
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
    "quadrant": SHOWN_IN_ROWS,
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


def record_rows(
    record: SessionRecord,
    patterns: dict[str, str] | None = None,
    quadrants: dict[str, Quadrant] | None = None,
) -> Iterator[Row]:
    """The rows of a session: when, how long, how it ended, and what it recorded.

    ``patterns`` names breathing patterns by id, in the user's language;
    ``quadrants`` holds the core quadrants by id.
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
    elif record.exercise == "quadrant":
        quadrant = (quadrants or {}).get(str(details.get("quadrant")))
        yield from quadrant_rows(details, quadrant, get_language())
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
