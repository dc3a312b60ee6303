"""``durf nudge``: the one kind line, shown through a fake notifier, in Dutch and English."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from durf.__main__ import main
from durf.cli import remind as cli_remind
from durf.cli.exit_status import EXIT_OK
from durf.core.reminders.nudge import system_notifier
from durf.core.state import State, StepDraft
from durf.core.steps import plan_step
from durf.core.store import Store
from durf.core.weeks import Week
from tests.core.factories import AMSTERDAM_WINTER, session

THURSDAY = date(2026, 11, 19)
NOW = datetime(2026, 11, 19, 19, 0, tzinfo=AMSTERDAM_WINTER)
LAST_WEEK = NOW - timedelta(days=7)


class FakeNotifier:
    """Keeps every notification it is asked to show."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []

    def __call__(self, title: str, body: str) -> bool:
        self.shown.append((title, body))
        return True


@pytest.fixture
def notifier(monkeypatch: pytest.MonkeyPatch) -> FakeNotifier:
    fake = FakeNotifier()
    monkeypatch.setattr(cli_remind, "notifier_for_nudge", lambda: fake)
    monkeypatch.setattr(cli_remind, "today", lambda: THURSDAY)
    return fake


def step_on(state: State, day: int, what: str = "Call Anna back") -> State:
    """``state`` with a small step planned for ``day`` of this week, planned last week."""
    draft = StepDraft(
        started_at=LAST_WEEK,
        updated_at=LAST_WEEK,
        answers={"desire": "Be close to the people I love", "challenge": what},
        day=day,
    )
    state = plan_step(state, draft, Week.of(THURSDAY), LAST_WEEK)[0]
    return state


def save(home: Path, state: State) -> None:
    Store(home).update(lambda _: state)


def nudge(*argv: str) -> int:
    return main([*argv, "nudge"])


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("en", "Ten calm minutes? durf session"),
        ("nl", "Tien rustige minuten? durf session"),
    ],
)
def test_nothing_planned_offers_ten_calm_minutes(
    language: str, line: str, notifier: FakeNotifier, durf_home: Path
) -> None:
    save(durf_home, State(history=[session(LAST_WEEK)]))
    assert nudge("--lang", language) == EXIT_OK
    assert notifier.shown == [("durf", line)]


@pytest.mark.parametrize("language", ["en", "nl"])
def test_nothing_planned_and_only_steps_asked_for_says_nothing(
    language: str, notifier: FakeNotifier, durf_home: Path
) -> None:
    save(durf_home, step_on(State(), day=5))  # Friday's, not today's
    assert main(["--lang", language, "nudge", "--kind", "step"]) == EXIT_OK
    assert notifier.shown == []


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("en", "Thursday's step: Call Anna back · durf step"),
        ("nl", "Je stapje voor donderdag: Call Anna back · durf step"),
    ],
)
@pytest.mark.parametrize("kind", ["daily", "step"])
def test_a_step_due_today_is_named(
    kind: str, language: str, line: str, notifier: FakeNotifier, durf_home: Path
) -> None:
    save(durf_home, step_on(State(), day=4))
    assert main(["--lang", language, "nudge", "--kind", kind]) == EXIT_OK
    assert notifier.shown == [("durf", line)]


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_day_already_practised_gets_no_nudge(
    language: str, notifier: FakeNotifier, durf_home: Path
) -> None:
    practised = step_on(State(), day=4)
    practised = practised.model_copy(
        update={"history": [*practised.history, session(NOW - timedelta(hours=9))]}
    )
    save(durf_home, practised)
    for kind in ("daily", "step"):
        assert main(["--lang", language, "nudge", "--kind", kind]) == EXIT_OK
    assert notifier.shown == []


def test_a_step_done_is_not_asked_for_again(notifier: FakeNotifier, durf_home: Path) -> None:
    state = step_on(State(), day=4)
    done = [step.model_copy(update={"status": "done"}) for step in state.steps]
    save(durf_home, state.model_copy(update={"steps": done}))
    assert main(["nudge", "--kind", "step"]) == EXIT_OK
    assert notifier.shown == []


def test_someone_elses_words_cannot_steer_the_notifier(
    notifier: FakeNotifier, durf_home: Path
) -> None:
    save(durf_home, step_on(State(), day=4, what="--help\nrm -rf ~"))
    assert nudge() == EXIT_OK
    assert notifier.shown == [("durf", "Thursday's step: --help rm -rf ~ · durf step")]


def fake_notify_send(folder: Path) -> Path:
    """A notify-send that writes down its arguments, one a line."""
    program = folder / "notify-send"
    program.write_text(
        '#!/bin/sh\nfor a in "$@"; do echo "$a"; done > "$NOTIFY_LOG"\n', encoding="utf-8"
    )
    program.chmod(0o755)
    return program


def test_without_a_desktop_nothing_is_shown_and_all_is_well(
    no_real_scheduler: Path,
    monkeypatch: pytest.MonkeyPatch,
    durf_home: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    fake_notify_send(no_real_scheduler)
    monkeypatch.setenv("NOTIFY_LOG", str(tmp_path / "notified"))
    monkeypatch.setenv("SSH_CONNECTION", "127.0.0.1 50000 127.0.0.1 22")
    assert system_notifier(platform="linux") is None
    assert nudge() == EXIT_OK
    assert capsys.readouterr() == ("", "")
    assert not (tmp_path / "notified").exists()


def test_on_a_desktop_notify_send_gets_the_line(
    no_real_scheduler: Path, monkeypatch: pytest.MonkeyPatch, durf_home: Path, tmp_path: Path
) -> None:
    fake_notify_send(no_real_scheduler)
    monkeypatch.setenv("NOTIFY_LOG", str(tmp_path / "notified"))
    monkeypatch.setenv("DISPLAY", ":0")
    assert nudge("--lang", "nl") == EXIT_OK
    shown = (tmp_path / "notified").read_text(encoding="utf-8").splitlines()
    assert shown == [
        "--app-name=durf",
        "--urgency=low",
        "--",
        "durf",
        "Tien rustige minuten? durf session",
    ]


def test_status_carries_the_line_once_a_reminder_is_set_up(
    monkeypatch: pytest.MonkeyPatch, durf_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cli_remind, "today", lambda: THURSDAY)
    save(durf_home, State())
    main(["status"])
    assert len(capsys.readouterr().out.splitlines()) == 1
    assert main(["remind", "daily", "19:00", "--scheduler", "systemd"]) != EXIT_OK
    out = capsys.readouterr().out
    assert "Written:" in out  # the files are there; the refusing systemctl did not load them
    main(["--lang", "nl", "status"])
    assert capsys.readouterr().out.splitlines()[1] == "Tien rustige minuten? durf session"
