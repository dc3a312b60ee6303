"""The command line, as a user in a shell would use it."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from durf import __version__
from durf.cli.parser import build_parser


def durf(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "durf", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=60,
    )


def test_version() -> None:
    result = durf("--version")
    assert (result.returncode, result.stdout.strip()) == (0, f"durf {__version__}")


def test_help_is_in_the_chosen_language() -> None:
    assert "show where durf keeps your data" in durf("--help").stdout
    dutch = durf("--lang", "nl", "--help").stdout
    assert dutch.startswith("gebruik: durf")
    assert "toon waar durf je gegevens bewaart" in dutch


def test_help_follows_the_locale() -> None:
    assert "opdrachten" in durf("--help", env={"LANG": "nl_NL.UTF-8"}).stdout


def test_where_prints_the_state_file_and_exercise_folders(durf_home: Path) -> None:
    result = durf("where")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].split()[-4:] == [str(durf_home / "state.json"), "(not", "there", "yet)"]
    assert str(durf_home / "exercises") in result.stdout


def test_home_flag_beats_the_environment(tmp_path: Path) -> None:
    other = tmp_path / "elsewhere with spaces"
    assert str(other / "state.json") in durf("--home", str(other), "where").stdout


def test_check_finds_the_bundled_files_valid() -> None:
    result = durf("check")
    assert result.returncode == 0, result.stdout
    assert "all good" in result.stdout


def test_check_reports_each_bad_file_with_field_and_reason(durf_home: Path) -> None:
    user = durf_home / "exercises"
    user.mkdir(parents=True)
    (user / "mine.toml").write_text(
        'kind = "breathing"\nid = "mine"\nname = { nl = "a", en = "b" }\n'
        'purpose = { nl = "a", en = "b" }\n'
        'phases = [{ kind = "in", seconds = 0 }, { kind = "out", seconds = 6 }]\n',
        encoding="utf-8",
    )
    result = durf("check")
    assert result.returncode == 1
    assert str(user / "mine.toml") in result.stdout
    assert "phases[0].seconds: an in-breath lasts between 1 and 12 seconds" in result.stdout


def test_check_named_files(tmp_path: Path) -> None:
    good = tmp_path / "good.toml"
    good.write_text(
        'kind = "prompts"\nid = "mine"\nname = { nl = "Vragen", en = "Questions" }\n'
        '[[prompts]]\nid = "one"\ntext = { nl = "Wat voel je?", en = "What do you feel?" }\n',
        encoding="utf-8",
    )
    assert durf("check", str(good)).returncode == 0
    missing = durf("check", str(tmp_path / "nope.toml"))
    assert missing.returncode == 1
    assert "there is no such file" in missing.stdout


def test_app_refuses_a_state_file_from_a_newer_durf(durf_home: Path) -> None:
    durf_home.mkdir()
    newer = json.dumps({"schema_version": 99, "settings": {}}).encode()
    (durf_home / "state.json").write_bytes(newer)
    result = durf()
    assert result.returncode == 1
    assert "newer durf" in result.stderr
    assert (durf_home / "state.json").read_bytes() == newer


def test_breathe_with_an_unknown_pattern_lists_the_valid_ones() -> None:
    result = durf("breathe", "--pattern", "nope", "--breaths", "3")
    assert result.returncode == 2
    assert "There is no breathing pattern “nope”" in result.stderr
    assert "calm-long-exhale" in result.stderr and "box" in result.stderr


def test_breathe_refuses_an_absurd_number_of_breaths() -> None:
    result = durf("--lang", "nl", "breathe", "--breaths", "500")
    assert result.returncode == 2
    assert "gebruik een heel getal van 1 tot 60, niet “500”" in result.stderr


def test_affirm_add_saves_your_own_text_exactly(durf_home: Path) -> None:
    result = durf("affirm", "add", "Ik mag [b]twijfelen[/b] 🙂")
    assert result.returncode == 0, result.stderr
    state = json.loads((durf_home / "state.json").read_text("utf-8"))
    assert [a["text"] for a in state["own_affirmations"]] == ["Ik mag [b]twijfelen[/b] 🙂"]
    assert durf("affirm", "add", "   ").returncode == 2


def test_affirm_with_an_unknown_set_lists_the_valid_ones() -> None:
    result = durf("affirm", "--set", "nope", "--seconds", "5")
    assert result.returncode == 2
    assert "There is nothing to practise called “nope”" in result.stderr
    assert "asking-for-help" in result.stderr and "mix" in result.stderr


def test_a_wrong_command_is_answered_in_the_users_language() -> None:
    dutch = durf("--lang", "nl", "stap")
    assert dutch.returncode == 2
    assert "'stap' is geen van de keuzes" in dutch.stderr
    assert "invalid choice" not in dutch.stderr
    english = durf("step", "blah", env={"LANG": "C"})
    assert "'blah' is not one of the choices ('new')" in english.stderr


def test_without_a_terminal_durf_says_so_and_names_the_script_commands(durf_home: Path) -> None:
    # Finding 14 of issue 15: input from a pipe and output to a file drew the screens
    # anyway and hung. Run with no terminal at all (capture_output gives pipes).
    result = subprocess.run(
        [sys.executable, "-m", "durf", "--lang", "en"],
        input="",
        capture_output=True,
        text=True,
        env={**os.environ, "DURF_HOME": str(durf_home)},
        timeout=60,
    )
    assert result.returncode == 2
    assert "durf needs a terminal" in result.stderr
    assert "durf status" in result.stderr and "durf export" in result.stderr
    assert not (durf_home / "state.json").exists()


def test_term_dumb_is_refused_in_dutch_too(durf_home: Path) -> None:
    result = durf("--lang", "nl", env={"DURF_HOME": str(durf_home), "TERM": "dumb"})
    assert result.returncode == 2
    assert "durf status" in result.stderr and "terminal" in result.stderr
    assert "durf needs" not in result.stderr


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--lang", "nl"],
        ["breathe", "--pattern", "box", "--breaths", "12"],
        ["--home", "breathe", "session", "--minutes", "5"],
        ["--home=session", "affirm", "add", "I", "can", "ask"],
        ["affirm", "--set", "core", "--rounds", "2", "--mode", "recall"],
        ["export", "--format", "md", "--out", "session"],
        ["import", "breathe.json", "--dry-run"],
        ["remind", "daily", "07:30", "--days", "mon,tue"],
        ["check", "a.toml", "b.toml"],
    ],
)
def test_the_parser_built_for_the_arguments_reads_them_as_the_whole_parser(
    argv: list[str],
) -> None:
    """Only the commands named in the arguments get their options; the answer is the same."""
    assert vars(build_parser(argv).parse_args(argv)) == vars(build_parser().parse_args(argv))


@pytest.mark.parametrize(
    "argv",
    [
        ["-h"],
        ["--lang", "nl", "--help"],
        ["breathe", "-h"],
        ["--home=breathe", "-h"],
        ["session", "--min", "0"],
        ["breathe", "--pat", "box", "--br", "3", "--minutes", "2"],
        ["breath"],
        ["--minutes", "3"],
    ],
)
def test_help_and_errors_are_the_same_from_the_parser_built_for_the_arguments(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """What a user reads when the parser stops (help, a wrong word) does not depend on
    which commands got their options."""

    def stops_with(parser: argparse.ArgumentParser) -> tuple[object, str, str]:
        with pytest.raises(SystemExit) as stopped:
            parser.parse_args(argv)
        out, err = capsys.readouterr()
        return stopped.value.code, out, err

    assert stops_with(build_parser(argv)) == stops_with(build_parser())
