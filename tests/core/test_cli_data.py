"""``durf export``, ``durf import`` and ``durf forget`` as a user types them in a shell."""

from __future__ import annotations

import io
import json
import stat
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from durf.__main__ import main
from durf.cli.exit_status import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE
from durf.core.state import State
from durf.core.store import Store
from tests.core.data_story import NOW, everything
from tests.core.factories import session


class Keyboard(io.StringIO):
    """Standard input as a terminal with someone typing ``answer`` at it."""

    def isatty(self) -> bool:
        return True


def saved(home: Path, state: State | None = None) -> State:
    """Save ``state`` (default: a rich one) as durf would, and return it."""
    state = state or everything()
    Store(home).update(lambda _: state)
    return state


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


# -- help ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ["write all your data", "add what is in an exported", "delete everything"]),
        ("nl", ["schrijf al je gegevens", "voeg toe wat in een", "verwijder alles wat durf"]),
    ],
)
def test_help_lists_the_data_commands(
    capsys: pytest.CaptureFixture[str], language: str, words: list[str]
) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", language, "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert all(word in help_text for word in words)


def test_the_data_commands_never_import_textual(durf_home: Path, tmp_path: Path) -> None:
    saved(durf_home)
    export = tmp_path / "all.json"
    for argv in (
        ["export", "--format", "md"],
        ["export", "--out", str(export)],
        ["import", str(export), "--dry-run"],
        ["forget", "--yes"],
    ):
        code = (
            "import sys\nfrom durf.__main__ import main\n"
            f"status = main({argv!r})\n"
            "assert 'textual' not in sys.modules, 'textual was imported'\n"
            "sys.exit(status)\n"
        )
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        assert result.returncode == 0, (argv, result.stderr)
    assert not durf_home.exists()


# -- export -------------------------------------------------------------------------------


def test_export_prints_the_journal_in_the_chosen_language(
    durf_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved(durf_home)  # its saved language is Dutch
    status, out, _ = run(capsys, "export", "--format", "md")
    assert status == EXIT_OK
    assert out.startswith("# durf: je dagboek\n")
    _, out, _ = run(capsys, "--lang", "en", "export", "--format", "md")
    assert out.startswith("# durf: your journal\n")


def test_export_to_a_file_is_private_and_never_replaces_one_unasked(
    durf_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved(durf_home)
    target = tmp_path / "my data.json"
    status, out, _ = run(capsys, "--lang", "en", "export", "--out", str(target))
    assert status == EXIT_OK
    assert target.read_bytes() == (durf_home / "state.json").read_bytes()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert f"Exported to {target}: 15 exercises, 9 small steps and 3 honest sentences." in out

    target.write_bytes(b"something of mine")
    status, _, err = run(capsys, "--lang", "en", "export", "--out", str(target))
    assert status == EXIT_PROBLEM
    assert f"There is already a file at {target}." in err and "--force" in err
    assert target.read_bytes() == b"something of mine"

    status, _, _ = run(capsys, "export", "--out", str(target), "--force")
    assert status == EXIT_OK
    assert target.read_bytes() == (durf_home / "state.json").read_bytes()


def test_export_takes_its_format_from_the_file_name(
    durf_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved(durf_home)
    run(capsys, "export", "--out", str(tmp_path / "sessions.csv"))
    run(capsys, "export", "--out", str(tmp_path / "journal.md"))
    assert (tmp_path / "sessions.csv").read_text("utf-8").startswith("id,exercise,started_at")
    assert (tmp_path / "journal.md").read_text("utf-8").startswith("# durf")


def test_export_into_a_missing_folder_says_which(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "nowhere" / "durf.md"
    status, _, err = run(capsys, "--lang", "nl", "export", "--out", str(target))
    assert status == EXIT_PROBLEM
    assert f"De map {tmp_path / 'nowhere'} bestaat niet" in err


# -- import -------------------------------------------------------------------------------


def exported(home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    target = tmp_path / "from-the-laptop.json"
    assert main(["--home", str(home), "export", "--out", str(target)]) == EXIT_OK
    capsys.readouterr()
    return target


def test_export_then_import_into_an_empty_home_gives_back_everything(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    laptop, desktop = tmp_path / "laptop", tmp_path / "desktop"
    original = saved(laptop)
    export = exported(laptop, tmp_path, capsys)
    status, out, _ = run(capsys, "--lang", "en", "--home", str(desktop), "import", str(export))
    assert status == EXIT_OK
    assert out.startswith(f"Added from {export}: 15 exercises, 9 small steps, 4 desires")
    assert "your draft in the guide and the settings." in out
    assert Store(desktop).load() == original
    assert (desktop / "state.json").read_bytes() == (laptop / "state.json").read_bytes()


def test_a_dry_run_shows_what_would_come_and_changes_nothing(
    durf_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved(tmp_path / "laptop")
    export = exported(tmp_path / "laptop", tmp_path, capsys)
    status, out, _ = run(capsys, "import", str(export), "--dry-run")
    assert status == EXIT_OK
    assert "would add 15 exercises, 9 small steps" in out
    assert "nothing was changed" in out
    assert not durf_home.exists()

    saved(durf_home, State(history=[session(NOW)]))
    before = (durf_home / "state.json").read_bytes()
    status, out, _ = run(capsys, "import", str(export), "--dry-run")
    assert status == EXIT_OK and "would add 15 exercises" in out
    assert (durf_home / "state.json").read_bytes() == before
    assert sorted(path.name for path in durf_home.iterdir()) == ["state.json", "state.json.lock"]


def test_importing_twice_adds_nothing_and_keeps_what_is_here(
    durf_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = saved(durf_home)
    export = exported(durf_home, tmp_path, capsys)
    mine = original.steps[0].model_copy(update={"what": "Changed here, after the export"})
    here = Store(durf_home).update(
        lambda state: state.model_copy(update={"steps": [mine, *state.steps[1:]]})
    )
    before = (durf_home / "state.json").read_bytes()
    status, out, _ = run(capsys, "--lang", "en", "import", str(export))
    assert status == EXIT_OK
    # Not "everything is here": the file holds another version of one step.
    assert out.startswith(f"Nothing was added from {export}: every id in it is here already.")
    assert "One of those differs from the file; the one here is kept as it is." in out
    assert (durf_home / "state.json").read_bytes() == before
    assert Store(durf_home).load() == here

    extra = session(NOW, sentence="from elsewhere")
    other = json.loads(export.read_text("utf-8"))
    other["history"].append(json.loads(extra.model_dump_json()))
    export.write_text(json.dumps(other), "utf-8")
    status, out, _ = run(capsys, "--lang", "en", "import", str(export))
    assert f"Added from {export}: one exercise." in out
    assert "the one here is kept as it is" in out
    merged = Store(durf_home).load()
    assert merged.steps[0].what == "Changed here, after the export"
    assert extra.id in {record.id for record in merged.history}


def test_a_draft_here_is_kept_and_the_import_says_its_own_was_left_out(
    durf_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = saved(durf_home)
    export = exported(durf_home, tmp_path, capsys)
    assert original.step_draft is not None
    answers = {**original.step_draft.answers, "fear": "Written here, after the export"}
    mine = original.step_draft.model_copy(update={"answers": answers})
    Store(durf_home).update(lambda state: state.model_copy(update={"step_draft": mine}))
    before = (durf_home / "state.json").read_bytes()
    status, out, _ = run(capsys, "--lang", "en", "import", str(export))
    assert status == EXIT_OK
    # Not "everything is here": the file's draft differs, and it was not taken.
    assert out.startswith(f"Nothing was added from {export}: every id in it is here already.")
    assert "a different draft of the small-step guide; the draft here stays as it is." in out
    assert (durf_home / "state.json").read_bytes() == before

    status, out, _ = run(capsys, "--lang", "nl", "import", str(export), "--dry-run")
    assert status == EXIT_OK
    assert "ander concept van de stapjesgids; het concept hier blijft." in out


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (None, "There is no file"),
        (b"just some words", "it is not valid JSON"),
        (b'{"schema_version": 1, "history": 5}', "history"),
        (b"[1, 2]", "it does not hold a JSON object"),
        (b'{"schema_version": 7, "settings": {}}', "was made by a newer durf (format version 7"),
    ],
    ids=["missing", "not-json", "invalid", "not-an-object", "newer"],
)
def test_a_file_that_cannot_be_imported_is_named_and_nothing_changes(
    durf_home: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: bytes | None,
    reason: str,
) -> None:
    saved(durf_home)
    before = (durf_home / "state.json").read_bytes()
    bad = tmp_path / "not [b]really an export.json"
    if content is not None:
        bad.write_bytes(content)
    status, out, err = run(capsys, "--lang", "en", "import", str(bad))
    assert status == EXIT_PROBLEM
    assert out == ""
    assert str(bad) in err and reason in err and "Nothing was changed." in err
    assert (durf_home / "state.json").read_bytes() == before


def test_importing_a_folder_is_refused_in_dutch_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(capsys, "--lang", "nl", "import", str(tmp_path))
    assert status == EXIT_PROBLEM
    assert err == f"{tmp_path} is een map, geen geëxporteerd bestand. Er is niets veranderd.\n"


# -- forget -------------------------------------------------------------------------------


def test_forget_yes_leaves_nothing_behind(
    durf_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved(durf_home)
    Store(durf_home).update(lambda state: state)  # a backup too
    (durf_home / "state.json.corrupt-20261120-081500").write_text("{", "utf-8")
    status, out, _ = run(capsys, "--lang", "en", "forget", "--yes")
    assert status == EXIT_OK
    assert f"{durf_home / 'state.json.corrupt-20261120-081500'}" in out
    assert "15 exercises, 9 small steps and 3 honest sentences" in out
    assert "Deleted 4 files." in out
    assert f"Nothing is left: the folder {durf_home} is gone too." in out
    assert not durf_home.exists()


def test_forget_refuses_without_a_terminal_to_ask(
    durf_home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    original = saved(durf_home)
    monkeypatch.setattr(sys, "stdin", io.StringIO("yes\n"))
    status, _, err = run(capsys, "--lang", "en", "forget")
    assert status == EXIT_USAGE
    assert "Add --yes to delete without asking. Nothing was deleted." in err
    assert Store(durf_home).load() == original


@pytest.mark.parametrize(
    ("language", "answer", "deleted"),
    [("en", "yes", True), ("en", "no", False), ("nl", "ja", True), ("nl", "", False)],
)
def test_forget_asks_and_does_only_what_you_answer(
    durf_home: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    language: str,
    answer: str,
    deleted: bool,
) -> None:
    saved(durf_home)
    monkeypatch.setattr(sys, "stdin", Keyboard(answer + "\n"))
    status, out, _ = run(capsys, "--lang", language, "forget")
    question = {"en": "Type yes to delete all of this: ", "nl": "Typ ja om dit allemaal"}
    assert question[language] in out
    assert durf_home.exists() is not deleted
    assert status == (EXIT_OK if deleted else EXIT_PROBLEM)
    if not deleted:
        assert out.rstrip().endswith(("Nothing was deleted.", "Er is niets verwijderd."))
        assert len(Store(durf_home).load().history) == 15


def test_forget_keeps_your_own_exercises_and_says_so(
    durf_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved(durf_home)
    mine = durf_home / "exercises" / "mine.toml"
    mine.parent.mkdir()
    mine.write_text('kind = "prompts"\n', "utf-8")
    status, out, _ = run(capsys, "--lang", "en", "forget", "--yes")
    assert status == EXIT_OK
    assert f"Your own exercise files are still in {mine.parent}" in out
    assert [path.name for path in durf_home.iterdir()] == ["exercises"]
    assert mine.read_text("utf-8") == 'kind = "prompts"\n'
    status, out, _ = run(capsys, "--lang", "en", "forget", "--yes")
    assert (status, out) == (
        EXIT_OK,
        f"There is nothing to delete: durf keeps no data in {durf_home}.\n",
    )


def test_an_unreadable_state_file_is_reported_and_left_where_it_is(
    durf_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    durf_home.mkdir()
    (durf_home / "state.json").write_bytes(b"{ half a file")
    status, out, err = run(capsys, "export", "--out", str(tmp_path / "out.json"))
    assert (status, out) == (EXIT_PROBLEM, "")
    assert f"durf cannot read its state file {durf_home / 'state.json'}" in err
    assert [path.name for path in durf_home.iterdir()] == ["state.json"]
    assert not (tmp_path / "out.json").exists()


def test_on_a_terminal_escape_codes_in_your_words_are_shown_not_obeyed(
    durf_home: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    retitle = "Hi \x1b]0;gotcha\x07 there"
    saved(durf_home, State(history=[session(NOW, sentence=retitle)]))
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    _, on_screen, _ = run(capsys, "export", "--format", "csv")
    assert "Hi ␛]0;gotcha␇ there" in on_screen and "\x1b" not in on_screen
    assert on_screen.count("\r\n") == 2  # the CSV's own line ends are left alone
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False)
    _, piped, _ = run(capsys, "export", "--format", "csv")
    run(capsys, "export", "--format", "csv", "--out", str(tmp_path / "raw.csv"))
    assert retitle in piped
    assert retitle in (tmp_path / "raw.csv").read_bytes().decode("utf-8")


def test_a_reader_that_stops_early_is_no_problem(durf_home: Path) -> None:
    saved(durf_home, State(history=[session(NOW + timedelta(days=day)) for day in range(2000)]))
    reader = subprocess.Popen(
        [sys.executable, "-m", "durf", "export", "--format", "csv"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert reader.stdout is not None and reader.stderr is not None
    reader.stdout.close()  # like `| head` giving up before durf is done
    assert reader.wait(timeout=60) == EXIT_OK
    assert b"Traceback" not in reader.stderr.read()


def test_importing_an_unchanged_export_again_says_everything_is_here(
    durf_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = exported(durf_home, tmp_path, capsys)
    same_status, same_out, _ = run(capsys, "--lang", "en", "import", str(export))
    assert same_status == EXIT_OK
    assert same_out == f"Everything in {export} is already here. Nothing was changed.\n"
