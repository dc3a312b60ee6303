"""The core quadrant without a screen: its file kind, its record, its place in sessions."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from durf.core.clock import FixedClock
from durf.core.export import export_bytes
from durf.core.i18n import set_language
from durf.core.library import load_file, load_library
from durf.core.paths import bundled_exercises_dir
from durf.core.quadrant.answers import (
    QuadrantAnswers,
    answers_from,
    due_in_session,
    last_quadrant,
    quadrant_rows,
    record_quadrant,
)
from durf.core.state import State
from durf.core.store import parse_state, serialise_state
from tests.core.factories import AMSTERDAM_WINTER, session
from tests.core.test_session import plan, step

NOW = FixedClock(__import__("datetime").datetime(2026, 11, 21, 9, 30, tzinfo=AMSTERDAM_WINTER))
OWN = "[b]mine[/b] \x1b[31m “quoted”\nsecond line"


def bundled():  # type: ignore[no-untyped-def]
    return load_library([bundled_exercises_dir()]).quadrants[0]


def walked(completed: bool = True, days_ago: int = 0) -> State:
    answers = QuadrantAnswers(
        quadrant_id="vulnerability",
        started_at=NOW.now() - timedelta(days=days_ago, minutes=5),
        ticked={"quality": ["not-knowing", "feeling"], "allergy": ["advice"]},
        own={"quality": OWN, "pitfall": "too fast"},
        sentence="I say “I don't know” once this week.",
        page=4,
    )
    return record_quadrant(State(), answers, NOW.now() - timedelta(days=days_ago), completed)


def test_the_bundled_quadrant_has_every_corner_in_both_languages() -> None:
    quadrant = bundled()
    assert quadrant.id == "vulnerability"
    assert quadrant.name.nl == "Kwetsbaarheid" and quadrant.name.en == "Vulnerability"
    titles = [quadrant.corner(c).title.nl for c in ("quality", "pitfall", "challenge", "allergy")]
    assert titles == ["Kwaliteit", "Valkuil", "Uitdaging", "Allergie"]
    allergy = [example.text.en for example in quadrant.allergy.examples]
    assert "Giving advice I did not ask for" in allergy


@pytest.mark.parametrize(
    ("change", "field", "reason"),
    [
        (lambda text: text.replace("[pitfall]", "[pitfal]"), "pitfall", "this field is required"),
        (
            lambda text: text.replace('id = "doubt"', 'id = "not-knowing"'),
            "quality",
            "the example id “not-knowing” is used twice on this page",
        ),
        (
            lambda text: text.replace('en = "Pitfall"', 'en = "  "'),
            "pitfall.title",
            "the en text is empty",
        ),
        (lambda text: text.replace("examples = [", "examples = [] # ", 1), "(toml)", ""),
    ],
)
def test_a_bad_quadrant_file_names_file_field_and_reason(
    tmp_path: Path, change, field: str, reason: str
) -> None:  # type: ignore[no-untyped-def]
    source = (bundled_exercises_dir() / "quadrants" / "vulnerability.toml").read_text("utf-8")
    path = tmp_path / "mine.toml"
    path.write_text(change(source), "utf-8")
    exercise, problems = load_file(path)
    assert exercise is None
    assert problems and all(problem.file == path for problem in problems)
    assert any(p.field == field and reason in p.reason for p in problems), problems


def test_durf_check_reports_a_bad_quadrant(durf_home: Path) -> None:
    source = (bundled_exercises_dir() / "quadrants" / "vulnerability.toml").read_text("utf-8")
    user = durf_home / "exercises"
    user.mkdir(parents=True)
    mine = user / "courage.toml"
    mine.write_text(
        source.replace('id = "vulnerability"', 'id = "courage"').replace("[allergy]", "[allergie]"),
        "utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "durf", "check"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert f"{mine}\n  allergy: this field is required\n" in result.stdout
    assert "  allergie: this field is not known (a typo?)" in result.stdout


def test_a_walk_is_kept_exactly_as_typed_and_survives_the_file() -> None:
    state = parse_state(serialise_state(walked()))
    record = last_quadrant(state.history)
    assert record is not None and record.exercise == "quadrant" and record.completed
    assert record.details["ticked"]["quality"] == ["not-knowing", "feeling"]
    assert record.details["ticked"]["challenge"] == []
    assert record.details["own"]["quality"] == OWN
    assert record.details["sentence"] == "I say “I don't know” once this week."
    assert record.details["quadrant"] == "vulnerability"


def test_carrying_on_starts_from_the_unfinished_walk_and_says_so() -> None:
    record = walked(completed=False).history[-1]
    again = answers_from(record, NOW.now())
    assert again.id != record.id
    assert again.continues == record.id
    assert again.ticked["quality"] == ["not-knowing", "feeling"] and again.own["quality"] == OWN
    assert again.page == 4
    # Redoing a finished one is a new walk of its own.
    assert answers_from(walked().history[-1], NOW.now()).continues is None


def test_the_rows_name_what_was_ticked_in_the_language_shown() -> None:
    details = walked().history[-1].details
    set_language("nl")
    try:
        rows = dict(quadrant_rows(details, bundled(), "nl"))
    finally:
        set_language("en")
    assert rows["Kernkwadrant"] == "Kwetsbaarheid"
    assert rows["Kwaliteit"] == (
        "• Zeggen dat ik het (nog) niet weet\n• Zeggen wat ik voel, ook als het ongemakkelijk is\n"
        + OWN
    )
    assert rows["Allergie"] == "• Advies geven waar ik niet om vroeg"
    assert "Uitdaging" not in rows  # nothing chosen there
    # Without its file, what was chosen is still shown, by id.
    assert dict(quadrant_rows(details, None, "en"))["allergy"] == "• advice"


def test_the_exports_hold_the_quadrant() -> None:
    state = walked()
    quadrants = {"vulnerability": bundled()}
    again = json.loads(export_bytes(state, "json", "en"))
    assert again["history"][0]["details"]["own"]["quality"] == OWN
    journal = export_bytes(
        state, "md", "en", today=NOW.now().date(), zone=AMSTERDAM_WINTER, quadrants=quadrants
    ).decode()
    assert "Core quadrant · 5 min" in journal
    assert "- Quality:\n" in journal and "> • Saying I don't know (yet)" in journal
    assert "> [b]mine[/b]" in journal
    assert "- Allergy: • Giving advice I did not ask for" in journal
    assert "- To practise: I say “I don't know” once this week." in journal
    set_language("en")


def test_sessions_offer_the_quadrant_now_and_then() -> None:
    today = NOW.now().date()
    assert due_in_session([], 12, today)
    assert not due_in_session([], 11, today)
    assert not due_in_session(walked(days_ago=27).history, 20, today)
    assert due_in_session(walked(days_ago=28).history, 20, today)
    # Left half way counts too: it waits to be carried on from home, not pressed again.
    assert not due_in_session(walked(completed=False, days_ago=3).history, 20, today)


def test_a_long_session_plans_the_quadrant_in_place_of_the_question() -> None:
    state = State(history=[session(NOW.now() - timedelta(days=1))], steps=[step()])
    offered = plan(state, minutes=15, quadrant_id="vulnerability")
    assert offered.kinds == ("checkin", "breathe", "affirm", "step", "quadrant", "checkout")
    assert offered.parts[4].quadrant_id == "vulnerability"
    assert 15 * 60 - 150 <= offered.seconds <= 15 * 60 + 10
    plain = plan(state, minutes=15)
    assert plain.kinds == ("checkin", "breathe", "affirm", "step", "question", "checkout")
