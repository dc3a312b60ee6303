"""Hostile text leaving durf: exports keep it byte for byte, messages never obey it.

The exports are data: JSON, CSV and Markdown hold the user's words exactly
(a round trip gives them back). The command line's messages are for a person
at a terminal: a file name, a path or a sentence echoed there shows its
control characters as pictures instead of sending them to the terminal.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from durf.__main__ import main
from durf.core.export import export_bytes
from durf.core.store import Store, parse_state
from tests.app.conftest import FROZEN_NOW
from tests.reliability.hostile import ALL_CONTROLS, PROBES, hostile_state

RAW_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
HOSTILE_TEXTS = [probe.text for probe in PROBES.values()]
any_text = st.one_of(
    st.sampled_from(HOSTILE_TEXTS),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=40),
    st.text(st.sampled_from([*ALL_CONTROLS, "[", "]", "/", "@", "=", "a", " ", "你", "\u202e"])),
)
"""Any text a person could keep (lone surrogates cannot be UTF-8, so no file holds them)."""


def _user_texts(state) -> list[str]:  # type: ignore[no-untyped-def]
    sentence = state.sentences[0]
    step = state.steps[0]
    return [sentence.text, sentence.for_whom, step.what, step.with_whom, step.sentence]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=any_text)
def test_every_export_gives_the_words_back_exactly(text: str) -> None:
    state = hostile_state(text, FROZEN_NOW)

    again = parse_state(export_bytes(state, "json", "en", today=FROZEN_NOW.date()))
    assert again == state
    assert _user_texts(again) == [text] * 5

    table = export_bytes(state, "csv", "en", today=FROZEN_NOW.date()).decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(table, newline="")))
    assert [row["sentence"] for row in rows if row["exercise"] == "breathe"] == [text]

    journal = export_bytes(state, "md", "en", today=FROZEN_NOW.date()).decode("utf-8")
    for line in text.split("\n"):
        assert line.strip() in journal


def _said(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    return captured.out + captured.err


def test_affirm_add_keeps_the_words_and_echoes_them_harmlessly(
    durf_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = PROBES["escape sequences"].text + " " + PROBES["markup"].text
    assert main(["--lang", "en", "affirm", "add", text]) == 0
    said = _said(capsys)
    assert not RAW_CONTROL.findall(said), said
    assert "␛[2J␛]0;owned␇" in said and "[b]Ik[/b]" in said
    stored = json.loads((durf_home / "state.json").read_text("utf-8"))
    assert stored["own_affirmations"][0]["text"] == text


def test_check_names_a_hostile_exercise_file_harmlessly(
    durf_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = durf_home / "exercises" / "breathing"
    folder.mkdir(parents=True)
    (folder / "calm\x1b[2J\x1b]0;owned\x07.toml").write_text(
        'id = "\\u001b]0;owned\\u0007"\n[name]\nnl = "\\u001b[31m"\nen = "[b]x"\n', "utf-8"
    )
    assert main(["--lang", "en", "check"]) == 1
    said = _said(capsys)
    assert not RAW_CONTROL.findall(said), said
    assert "calm␛[2J␛]0;owned␇.toml" in said


def test_where_and_status_show_a_hostile_home_harmlessly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "home\x1b]0;owned\x07 [b]"
    monkeypatch.setenv("DURF_HOME", str(home))
    Store(home).update(lambda _: hostile_state(PROBES["escape sequences"].text, FROZEN_NOW))
    assert main(["--lang", "en", "where"]) == 0
    assert main(["--lang", "en", "status"]) == 0
    said = _said(capsys)
    assert not RAW_CONTROL.findall(said), said
    assert "home␛]0;owned␇ [b]" in said


def test_importing_a_hostile_file_says_so_harmlessly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Both a good file and a broken one: the messages name the file and quote its contents."""
    good = tmp_path / "from\x1b[2J.json"
    state = hostile_state(PROBES["control characters"].text, FROZEN_NOW)
    good.write_bytes(export_bytes(state, "json", "en", today=FROZEN_NOW.date()))
    broken = tmp_path / "broken\x1b]0;owned\x07.json"
    broken.write_text('{"schema_version": 1, "sentences": "\x1b[2J\\u001b]0;x\\u0007"}', "utf-8")
    main(["--lang", "en", "import", str(good)])
    main(["--lang", "en", "import", str(broken)])
    said = _said(capsys)
    assert not RAW_CONTROL.findall(said), said
    assert "from␛[2J.json" in said and "broken␛]0;owned␇.json" in said
