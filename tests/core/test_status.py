"""``durf status``: one line about this week's steps, read from the head of the state file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from durf.__main__ import main
from durf.core import status
from durf.core.i18n import set_language
from durf.core.state import State, StepDraft, StepReflection
from durf.core.status import StatusUnreadable, glance, one_line, status_line
from durf.core.steps import (
    let_go,
    make_smaller,
    mark_done,
    move_to_next_week,
    plan_step,
    save_draft,
)
from durf.core.store import Store
from durf.core.weeks import Week
from tests.core.factories import AMSTERDAM_WINTER, state_with_sessions

NOW = datetime(2026, 11, 18, 9, 0, tzinfo=AMSTERDAM_WINTER)
TODAY = date(2026, 11, 18)  # a Wednesday in week 47
THIS_WEEK = Week.of(TODAY)
LONG_STEP = "Tell my sister that I would like to visit her more often this winter"


def draft(what: str = "Call Anna back", *, day: int | None = None) -> StepDraft:
    return StepDraft(
        started_at=NOW - timedelta(minutes=5),
        updated_at=NOW,
        answers={"desire": "Be close to the people I love", "challenge": what},
        day=day,
    )


def plan(state: State, what: str, week: Week = THIS_WEEK, day: int | None = None) -> State:
    return plan_step(state, draft(what, day=day), week, NOW)[0]


def every_kind_of_step(state: State, week: Week) -> State:
    """One step of each status in ``week``, and two planned: one on Thursday, one any day."""
    state, done = plan_step(state, draft("Say thank you to Bram"), week, NOW)
    reflection = StepReflection(what_happened="He smiled.", written_at=NOW)
    state = mark_done(state, done, reflection, NOW, NOW - timedelta(minutes=3))
    state, big = plan_step(state, draft("Tell the whole team how I feel"), week, NOW)
    state = make_smaller(state, big, "Tell Mira how I feel", week, NOW)[0]
    state, later = plan_step(state, draft("Ask for a day off"), week, NOW)
    state = move_to_next_week(state, later, week, NOW)[0]
    state, dropped = plan_step(state, draft("Join the choir"), week, NOW)
    state = let_go(state, dropped, NOW)
    return plan(state, "Call Anna back", week, day=4)


def save(home: Path, change: Callable[[State], State]) -> bytes:
    """Write the state through the real store; return the file's bytes."""
    Store(home).update(change)
    return (home / "state.json").read_bytes()


def line_for(home: Path, today: date = TODAY) -> str:
    return status_line(glance(home), today)


def files_in(home: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(home.iterdir())}


# -- the line ----------------------------------------------------------------------------


def test_without_a_state_file_there_is_no_small_step_yet(durf_home: Path) -> None:
    assert line_for(durf_home) == "Week 47: no small step yet (durf step new)"
    set_language("nl")
    assert line_for(durf_home) == "Week 47: nog geen klein stapje (durf step new)"
    assert not durf_home.exists()


def test_counts_each_kind_of_step_and_names_the_next_one(durf_home: Path) -> None:
    save(durf_home, lambda state: every_kind_of_step(state, THIS_WEEK))
    assert line_for(durf_home) == (
        "Week 47: 1 done · 2 planned · 1 made smaller · 1 carried over · 1 not this time"
        " · next: Thu Call Anna back"
    )
    set_language("nl")
    assert line_for(durf_home) == (
        "Week 47: 1 gedaan · 2 gepland · 1 kleiner gemaakt · 1 doorgeschoven"
        " · 1 niet deze keer · volgende: do Call Anna back"
    )


def test_a_step_without_a_day_is_named_when_no_step_has_one(durf_home: Path) -> None:
    save(durf_home, lambda state: plan(plan(state, "Ring the doorbell"), "Wave at Sam"))
    assert line_for(durf_home) == "Week 47: 2 planned · next: Ring the doorbell"


def test_all_steps_done_means_nothing_next(durf_home: Path) -> None:
    def one_done(state: State) -> State:
        state, step = plan_step(state, draft("Say thank you"), THIS_WEEK, NOW)
        reflection = StepReflection(written_at=NOW)
        return mark_done(state, step, reflection, NOW, NOW)

    save(durf_home, one_done)
    assert line_for(durf_home) == "Week 47: 1 done"


def test_steps_of_other_weeks_are_not_counted(durf_home: Path) -> None:
    def spread(state: State) -> State:
        state = every_kind_of_step(state, THIS_WEEK)  # moves one step on to week 48
        state = plan(state, "Last week's step", THIS_WEEK.shifted(-1))
        state = plan(state, "The same week a year ago", Week(2025, 47))
        return plan(state, "A step in two weeks", THIS_WEEK.shifted(2), day=1)

    save(durf_home, spread)
    assert line_for(durf_home).startswith("Week 47: 1 done · 2 planned · 1 made smaller · ")
    assert (
        line_for(durf_home, TODAY + timedelta(days=7))
        == "Week 48: 1 planned · next: Ask for a day off"
    )
    assert line_for(durf_home, TODAY - timedelta(days=7)) == (
        "Week 46: 1 planned · next: Last week's step"
    )


def test_a_long_step_is_shortened_with_an_ellipsis(durf_home: Path) -> None:
    save(durf_home, lambda state: plan(state, LONG_STEP, day=5))
    assert line_for(durf_home) == (
        "Week 47: 1 planned · next: Fri Tell my sister that I would like to…"
    )


def test_one_line_keeps_text_of_exactly_the_length_and_cuts_one_more() -> None:
    forty = "x" * 40
    assert one_line(forty) == forty
    assert one_line(forty + "y") == "x" * 39 + "…"
    assert len(one_line(LONG_STEP)) <= status.SHOWN_TEXT_LENGTH
    assert one_line(LONG_STEP).endswith(" to…")  # a whole word before the ellipsis
    assert one_line("Zeg het   \n\n  gewoon\t") == "Zeg het gewoon"


def test_windows_line_endings_are_line_breaks_too() -> None:
    assert one_line("Call Anna\r\nand listen") == "Call Anna and listen"


def test_user_text_with_line_breaks_and_escapes_stays_on_one_safe_line(
    durf_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    this_week = Week.of(date.today())
    save(durf_home, lambda state: plan(state, "Say no\n\x1b]0;owned\x07kindly", this_week))
    assert main(["status"]) == 0
    out = capsys.readouterr().out
    assert out == f"Week {this_week.number}: 1 planned · next: Say no ␛]0;owned␇kindly\n"
    assert "\x1b" not in out and "\x07" not in out


def test_a_waiting_draft_is_mentioned(durf_home: Path) -> None:
    save(durf_home, lambda state: save_draft(state, draft("Half way")))
    assert line_for(durf_home) == (
        "Week 47: no small step yet (durf step new) · a draft is waiting"
    )
    # Planning uses up the draft; a new one is started right after.
    save(durf_home, lambda state: save_draft(plan(state, "Wave at Sam", day=3), draft("Next")))
    set_language("nl")
    assert line_for(durf_home) == (
        "Week 47: 1 gepland · volgende: wo Wave at Sam · er wacht een concept"
    )


# -- reading the file --------------------------------------------------------------------


def many_steps(state: State) -> State:
    """Enough steps in earlier weeks to fill several chunks, then one for this week."""
    for number in range(300):
        week = THIS_WEEK.shifted(-1 - number % 40)
        state = plan(state, f"Stap {number}: zeg één eerlijke zin tegen je broer 🙂 " * 3, week)
    return plan(state, "Één zin 🙂 tegen Jan", day=2)


def test_a_list_of_steps_longer_than_one_chunk_still_reads(durf_home: Path) -> None:
    raw = save(durf_home, many_steps)
    assert raw.index(b'"ladders"') > 2 * status.CHUNK_BYTES
    assert line_for(durf_home) == "Week 47: 1 planned · next: Tue Één zin 🙂 tegen Jan"


def test_any_chunk_size_gives_the_same_glance(
    durf_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cut the file at every byte once, inside keys, numbers and multi-byte characters."""
    raw = save(
        durf_home,
        lambda state: save_draft(every_kind_of_step(state, THIS_WEEK), draft('Één 🙂 \\ "')),
    )
    expected = glance(durf_home)
    assert expected.draft_waiting
    for size in range(1, raw.index(b'"history"') + 2):
        monkeypatch.setattr(status, "CHUNK_BYTES", size)
        assert glance(durf_home) == expected, size


def test_a_long_history_gives_the_right_line(durf_home: Path) -> None:
    def long_history(state: State) -> State:
        return every_kind_of_step(state_with_sessions(20_000), THIS_WEEK)

    raw = save(durf_home, long_history)
    assert raw.count(b'"exercise":"breathe"') == 20_000
    assert line_for(durf_home).startswith("Week 47: 1 done · 2 planned · ")


def test_glance_reads_only_the_head_of_a_long_history(
    durf_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = save(durf_home, lambda state: plan(state_with_sessions(20_000), "Wave at Sam"))
    read: list[int] = []
    real_open = Path.open

    class CountingReader:
        def __init__(self, handle: object) -> None:
            self.handle = handle

        def read(self, size: int = -1) -> bytes:
            data = self.handle.read(size)  # type: ignore[attr-defined]
            read.append(len(data))
            return data

        def __enter__(self) -> CountingReader:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()  # type: ignore[attr-defined]

    monkeypatch.setattr(
        Path, "open", lambda path, *a, **k: CountingReader(real_open(path, *a, **k))
    )
    assert line_for(durf_home) == "Week 47: 1 planned · next: Wave at Sam"
    assert sum(read) <= status.CHUNK_BYTES < len(raw) // 50


def test_a_broken_history_does_not_matter_to_the_glance(durf_home: Path) -> None:
    raw = save(durf_home, lambda state: plan(state_with_sessions(50), "Wave at Sam", day=1))
    head = raw[: raw.index(b'"history"')]
    (durf_home / "state.json").write_bytes(head + b'"history": [{"id": oops, nothing here')
    assert line_for(durf_home) == "Week 47: 1 planned · next: Mon Wave at Sam"
    # Without a step_draft key the walk goes on until it meets the history, and stops there.
    steps = json.loads(raw)["steps"]
    text = '{"schema_version": 1, "steps": ' + json.dumps(steps) + ', "history": [{{{ not json'
    (durf_home / "state.json").write_text(text, encoding="utf-8")
    seen = glance(durf_home)
    assert not seen.draft_waiting
    assert status_line(seen, TODAY) == "Week 47: 1 planned · next: Mon Wave at Sam"


# -- files durf status cannot read -------------------------------------------------------


def test_a_file_cut_in_the_middle_of_the_steps_is_reported_and_left_alone(
    durf_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = save(durf_home, lambda state: every_kind_of_step(state, Week.of(date.today())))
    (durf_home / "state.json").write_bytes(raw[: raw.index(b"Tell Mira how") + 6])
    before = files_in(durf_home)
    with pytest.raises(StatusUnreadable):
        glance(durf_home)
    assert main(["status"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert str(durf_home / "state.json") in captured.err
    assert "nothing has been changed" in captured.err
    assert files_in(durf_home) == before


@pytest.mark.parametrize(
    "content",
    [
        b"this is not json",
        b"",
        b"\x00\xff\xfe binary",
        b"[1, 2, 3]",
        b'{"schema_version": 1, "steps": "none"}',
        b'{"schema_version": 1 "steps": []}',
    ],
)
def test_a_file_that_is_not_a_state_makes_status_fail(
    durf_home: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    durf_home.mkdir()
    (durf_home / "state.json").write_bytes(content)
    assert main(["status"]) == 1
    assert str(durf_home / "state.json") in capsys.readouterr().err
    assert files_in(durf_home) == {"state.json": content}


def test_a_folder_in_place_of_the_file_makes_status_fail(
    durf_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (durf_home / "state.json").mkdir(parents=True)
    assert main(["status"]) == 1
    assert str(durf_home / "state.json") in capsys.readouterr().err


def test_a_file_from_a_newer_durf_is_refused(
    durf_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    durf_home.mkdir()
    newer = b'{"schema_version": 99, "settings": {}, "steps": []}'
    (durf_home / "state.json").write_bytes(newer)
    assert main(["status"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "newer durf (format version 99" in captured.err
    assert (durf_home / "state.json").read_bytes() == newer


def hand_edited(home: Path, steps: list[dict[str, object]]) -> None:
    """A state file as a user might edit it; the app itself loads it (pydantic coerces)."""
    this_week = str(Week.of(date.today()))
    base = {"id": "x", "ladder_id": "l", "week": this_week, "created_at": NOW.isoformat()}
    document = {"schema_version": 1, "steps": [{**base, **step} for step in steps]}
    home.mkdir()
    (home / "state.json").write_text(json.dumps(document), encoding="utf-8")
    assert len(Store(home).state.steps) == len(steps)


def test_a_day_written_as_text_does_not_crash_status(
    durf_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hand_edited(durf_home, [{"what": "Call Anna", "day": "4"}, {"what": "Wave at Sam"}])
    assert main(["status"]) == 0
    assert ": 2 planned · next: Thu Call Anna" in capsys.readouterr().out


def test_a_day_written_as_true_does_not_crash_status(
    durf_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hand_edited(durf_home, [{"what": "Call Anna", "day": True}])
    assert main(["status"]) == 0
    assert ": 1 planned · next: Mon Call Anna" in capsys.readouterr().out


# -- speed -------------------------------------------------------------------------------


def test_status_imports_neither_textual_nor_pydantic(durf_home: Path) -> None:
    this_week = Week.of(date.today())
    save(durf_home, lambda state: save_draft(plan(state, "Wave at Sam", this_week), draft()))
    code = (
        "import sys; from durf.__main__ import main; main(['status']); "
        "print('textual' in sys.modules, 'pydantic' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "DURF_HOME": str(durf_home)},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines == [
        f"Week {this_week.number}: 1 planned · next: Wave at Sam · a draft is waiting",
        "False False",
    ]
