"""Exports: the state file's JSON, a CSV a spreadsheet reads, and a journal a person reads."""

from __future__ import annotations

import csv
import io
import json
import stat
from datetime import UTC, date, timedelta, timezone
from pathlib import Path

import pytest

from durf.core.export import (
    CSV_COLUMNS,
    ExportError,
    ExportFileExists,
    export_csv,
    export_json,
    export_markdown,
    write_export,
)
from durf.core.i18n import get_language
from durf.core.state import State
from durf.core.store import Store, parse_state
from tests.core.data_story import MULTI_LINE, NOW, TRICKY, everything
from tests.core.factories import AMSTERDAM_WINTER, STORY_TEXT, session


def quoted(text: str, indent: str) -> str:
    """How a text of several lines sits in the journal: each line quoted, nothing else changed."""
    return "\n".join(f"{indent}> {line}" if line else f"{indent}>" for line in text.split("\n"))


# -- JSON ---------------------------------------------------------------------------------


def test_json_export_is_byte_for_byte_the_state_file(durf_home: Path) -> None:
    state = everything()
    Store(durf_home).update(lambda _: state)
    assert export_json(state) == (durf_home / "state.json").read_bytes()


def test_json_export_parses_back_to_the_same_state() -> None:
    state = everything()
    assert parse_state(export_json(state)) == state
    assert parse_state(export_json(State())) == State()


# -- CSV ----------------------------------------------------------------------------------


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_has_one_row_per_session_oldest_first() -> None:
    state = everything()
    rows = read_csv(export_csv(state))
    assert len(rows) == len(state.history)
    in_time = sorted(state.history, key=lambda record: record.started_at)
    assert [row["id"] for row in rows] == [record.id for record in in_time]
    assert list(rows[0]) == list(CSV_COLUMNS)


def test_csv_keeps_user_text_exactly() -> None:
    state = everything()
    rows = {row["id"]: row for row in read_csv(export_csv(state))}
    for record in state.history:
        row = rows[record.id]
        if record.exercise == "breathe":
            assert row["sentence"] == record.details["sentence"]
            assert row["for_whom"] == record.details["for_whom"]
        assert json.loads(row["details"]) == record.details
    texts = {row["sentence"] for row in rows.values()} | {
        row["affirmation"] for row in rows.values()
    }
    assert {MULTI_LINE, TRICKY} <= texts
    assert TRICKY in {row["for_whom"] for row in rows.values()}


def test_csv_puts_the_main_details_in_their_own_columns() -> None:
    state = everything()
    rows = read_csv(export_csv(state, UTC))
    breathing = next(row for row in rows if row["sentence"] == MULTI_LINE)
    assert (breathing["tension_before"], breathing["tension_after"], breathing["breaths"]) == (
        "7",
        "4",
        "6",
    )
    assert breathing["started_at"] == "2026-11-18 06:30:00+00:00"
    assert (breathing["minutes"], breathing["completed"]) == ("5.0", "true")
    affirm = next(row for row in rows if row["exercise"] == "affirm")
    assert (affirm["affirmation"], affirm["belief_before"], affirm["belief_after"]) == (
        TRICKY,
        "3",
        "6",
    )
    step_rows = [row for row in rows if row["exercise"] == "step"]
    steps = {step.id: step.what for step in state.steps}
    assert step_rows and all(row["step"] == steps[row["step_id"]] for row in step_rows)


def test_csv_times_are_on_the_local_clock() -> None:
    state = State(history=[session(NOW)])
    amsterdam = read_csv(export_csv(state, AMSTERDAM_WINTER))[0]
    tokyo = read_csv(export_csv(state, timezone(timedelta(hours=9))))[0]
    assert amsterdam["started_at"] == "2026-11-21 09:30:00+01:00"
    assert tokyo["started_at"] == "2026-11-21 17:30:00+09:00"


# -- Markdown -----------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "nl"])
def test_markdown_holds_every_reflection_sentence_and_answer_literally(language: str) -> None:
    state = everything(language)
    journal = export_markdown(state, language, today=NOW.date(), zone=AMSTERDAM_WINTER)
    for step in state.steps:
        assert step.what in journal
        for answer in step.guide.values():
            assert answer in journal or quoted(answer, "    ") in journal
        if step.reflection is not None:
            for text in (
                step.reflection.what_happened,
                step.reflection.their_reaction,
                step.reflection.learned,
            ):
                assert text in journal or quoted(text, "      ") in journal
    for sentence in state.sentences:
        assert sentence.text in journal or quoted(sentence.text, "  ") in journal
    assert quoted(MULTI_LINE, "      ") in journal  # the look back on "Call my sister"
    for word in STORY_TEXT[language].values():
        assert word in journal


def test_markdown_never_escapes_user_text() -> None:
    journal = export_markdown(everything(), "en", today=NOW.date(), zone=AMSTERDAM_WINTER)
    assert f"- Your desire: {TRICKY}\n" in journal
    assert "\\[" not in journal and "&quot;" not in journal


def test_markdown_is_grouped_by_week_newest_first_with_days_in_order() -> None:
    journal = export_markdown(everything(), "en", today=NOW.date(), zone=AMSTERDAM_WINTER)
    weeks = [line for line in journal.splitlines() if line.startswith("## Week")]
    assert weeks == [
        "## Week 48 · 23–29 November 2026",
        "## Week 47 · 16–22 November 2026",
        "## Week 46 · 9–15 November 2026",
        "## Week 45 · 2–8 November 2026",
    ]
    this_week = journal.split("## Week 47")[1].split("## Week 46")[0]
    days = [line for line in this_week.splitlines() if line.startswith("#### ")]
    assert days == [
        "#### Tuesday 17 November",
        "#### Wednesday 18 November",
        "#### Friday 20 November",
        "#### Saturday 21 November",
    ]
    assert "- 07:30 · Breathe before speaking · 5 min" in this_week
    assert "6 of 6 breaths · tension 7 → 4 · felt in: throat, chest" in this_week
    assert f"Belief 3 → 6: {TRICKY}" in this_week


def test_markdown_speaks_the_chosen_language_and_leaves_the_app_in_its_own() -> None:
    journal = export_markdown(everything("nl"), "nl", today=NOW.date(), zone=AMSTERDAM_WINTER)
    assert journal.startswith("# durf: je dagboek\n")
    assert "Geëxporteerd uit durf op zaterdag 21 november 2026" in journal
    assert "### Kleine stapjes" in journal and "#### woensdag 18 november" in journal
    assert "- Eerlijke zin:\n" in journal and "Teruggekeken op:" in journal
    assert get_language() == "en"


def test_markdown_puts_waiting_sentences_first() -> None:
    journal = export_markdown(everything(), "en", today=NOW.date(), zone=AMSTERDAM_WINTER)
    waiting = journal.split("## Sentences waiting to be said")[1].split("## Week")[0]
    assert quoted(MULTI_LINE, "  ") in waiting
    assert f"  - For whom: {TRICKY}" in waiting
    assert "I made a mistake" not in waiting  # said already: only in its week


def test_an_empty_journal_says_so_kindly() -> None:
    journal = export_markdown(State(), "en", today=date(2026, 11, 21))
    assert "0 exercises, 0 small steps and 0 honest sentences" in journal
    assert "Nothing written down yet." in journal


# -- writing the file ---------------------------------------------------------------------


def test_an_export_file_is_private_and_whole(tmp_path: Path) -> None:
    target = tmp_path / "durf.md"
    write_export(target, b"journal")
    assert target.read_bytes() == b"journal"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [path.name for path in tmp_path.iterdir()] == ["durf.md"]


def test_an_existing_file_is_replaced_only_when_asked(tmp_path: Path) -> None:
    target = tmp_path / "durf.json"
    target.write_bytes(b"mine")
    with pytest.raises(ExportFileExists, match="There is already a file at"):
        write_export(target, b"new")
    assert target.read_bytes() == b"mine"
    write_export(target, b"new", overwrite=True)
    assert target.read_bytes() == b"new"
    assert [path.name for path in tmp_path.iterdir()] == ["durf.json"]


def test_a_missing_folder_or_a_folder_as_target_is_said_plainly(tmp_path: Path) -> None:
    with pytest.raises(ExportError) as missing:
        write_export(tmp_path / "no such [b]folder" / "durf.md", b"x")
    assert f"The folder {tmp_path / 'no such [b]folder'} does not exist" in str(missing.value)
    with pytest.raises(ExportError, match="is a folder"):
        write_export(tmp_path, b"x")
