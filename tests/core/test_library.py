"""Exercise files: the bundled ones are valid; bad ones are skipped with file, field, reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from durf.core.i18n import set_language
from durf.core.library import (
    KINDS,
    check_files,
    default_pattern,
    exercise_files,
    load_file,
    load_library,
)
from durf.core.paths import bundled_exercises_dir

GOOD_PATTERN = """
kind = "breathing"
id = "{id}"
name = {{ nl = "Vier-zes", en = "Four-six" }}
purpose = {{ nl = "Rustig.", en = "Calm." }}
phases = [{{ kind = "in", seconds = {inhale} }}, {{ kind = "out", seconds = 6 }}]
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_every_bundled_file_is_valid_and_every_kind_is_there() -> None:
    library = load_library([bundled_exercises_dir()])
    assert library.problems == []
    assert {kind for kind, _ in library.files} == set(KINDS)
    pattern = default_pattern(library)
    assert pattern is not None and pattern.default


def test_every_bundled_text_has_dutch_and_english() -> None:
    library = load_library([bundled_exercises_dir()])
    for guide in library.step_guides:
        for step in guide.steps:
            assert step.prompt.get("nl") != step.prompt.get("en")


def test_user_files_are_loaded_after_the_bundled_ones(tmp_path: Path) -> None:
    user = tmp_path / "exercises"
    write(user, "mine.toml", GOOD_PATTERN.format(id="my-four-six", inhale=4))
    library = load_library([bundled_exercises_dir(), user])
    assert library.breathing[-1].id == "my-four-six"
    assert library.files[("breathing", "my-four-six")] == user / "mine.toml"


@pytest.mark.parametrize(
    ("text", "field", "reason"),
    [
        (GOOD_PATTERN.format(id="x", inhale=0), "phases[0].seconds", "in-breath lasts between 1"),
        (
            GOOD_PATTERN.format(id="x", inhale=4).replace(
                '"out", seconds = 6', '"hold", seconds = 60'
            ),
            "phases[1].seconds",
            "hold lasts between 1 and 10",
        ),
        (GOOD_PATTERN.format(id="Not An Id", inhale=4), "id", "lowercase letters"),
        (
            GOOD_PATTERN.format(id="x", inhale=4).replace('en = "Calm."', 'en = "  "'),
            "purpose",
            "en",
        ),
        (GOOD_PATTERN.format(id="x", inhale=4) + "\ncolour = 'blue'\n", "colour", "not known"),
        ("kind = 'breathing'\nid = 'x'\n", "name", "required"),
        ("id = 'x'\n", "kind", "missing"),
        ("kind = 'poem'\n", "kind", "“poem” is not a kind"),
        ("kind = = 3", "(toml)", "Invalid"),
    ],
    ids=[
        "zero-inhale",
        "long-hold",
        "bad-id",
        "blank-text",
        "typo",
        "missing",
        "no-kind",
        "unknown-kind",
        "toml-syntax",
    ],
)
def test_a_bad_file_names_field_and_reason(
    tmp_path: Path, text: str, field: str, reason: str
) -> None:
    path = write(tmp_path, "bad.toml", text)
    exercise, problems = load_file(path)
    assert exercise is None
    assert any(
        p.file == path and p.field.startswith(field) and reason in p.reason for p in problems
    ), problems


def test_reasons_are_in_the_users_language(tmp_path: Path) -> None:
    set_language("nl")
    path = write(tmp_path, "bad.toml", GOOD_PATTERN.format(id="x", inhale=0))
    _, [problem] = load_file(path)
    assert problem.reason == "een inademing duurt tussen 1 en 12 seconden"


def test_a_bad_file_is_skipped_and_the_rest_still_load(tmp_path: Path) -> None:
    write(tmp_path, "a-good.toml", GOOD_PATTERN.format(id="good", inhale=4))
    write(tmp_path, "b-bad.toml", "kind = 'breathing'")
    write(tmp_path, "c-binary.toml", "")
    (tmp_path / "c-binary.toml").write_bytes(b"\xff\xfe\x00")
    library = load_library([tmp_path])
    assert [pattern.id for pattern in library.breathing] == ["good"]
    assert {problem.file.name for problem in library.problems} == {"b-bad.toml", "c-binary.toml"}


def test_a_reused_id_is_reported_against_the_later_file(tmp_path: Path) -> None:
    first = write(tmp_path / "a", "one.toml", GOOD_PATTERN.format(id="same", inhale=4))
    second = write(tmp_path / "b", "two.toml", GOOD_PATTERN.format(id="same", inhale=5))
    library = load_library([tmp_path / "a", tmp_path / "b"])
    [problem] = library.problems
    assert (problem.file, problem.field) == (second, "id")
    assert str(first) in problem.reason


def test_check_files_compares_ids_with_the_bundled_exercises(tmp_path: Path) -> None:
    clash = write(tmp_path, "clash.toml", GOOD_PATTERN.format(id="calm-long-exhale", inhale=4))
    fresh = write(tmp_path, "fresh.toml", GOOD_PATTERN.format(id="something-new", inhale=4))
    problems = check_files([clash, fresh, tmp_path / "missing.toml"], [bundled_exercises_dir()])
    assert [(p.file.name, p.field) for p in problems] == [
        ("clash.toml", "id"),
        ("missing.toml", "(file)"),
    ]


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = write(tmp_path, "huge.toml", "# " + "x" * 300_000)
    _, [problem] = load_file(path)
    assert "larger than" in problem.reason


def test_files_are_found_in_subfolders_in_a_stable_order(tmp_path: Path) -> None:
    write(tmp_path / "b", "z.toml", "")
    write(tmp_path / "a", "y.toml", "")
    write(tmp_path, "notes.txt", "")
    assert [p.relative_to(tmp_path).as_posix() for p in exercise_files(tmp_path)] == [
        "a/y.toml",
        "b/z.toml",
    ]


def test_the_quick_pattern_reader_agrees_with_the_full_library(tmp_path: Path) -> None:
    from durf.core.patterns import find_patterns

    write(tmp_path, "a-ok.toml", GOOD_PATTERN.format(id="fine", inhale=4))
    write(tmp_path, "b-zero.toml", GOOD_PATTERN.format(id="zero", inhale=0))
    write(
        tmp_path,
        "c-no-name.toml",
        GOOD_PATTERN.format(id="nameless", inhale=4).replace(
            'name = { nl = "Vier-zes", en = "Four-six" }', ""
        ),
    )
    write(
        tmp_path,
        "d-typo.toml",
        GOOD_PATTERN.format(id="typo", inhale=4).replace("seconds = 6", "secs = 6"),
    )
    folders = [bundled_exercises_dir(), tmp_path]
    full = load_library(folders)
    quick = find_patterns(folders)
    assert [p.id for p in quick] == [p.id for p in full.breathing]
    for light, validated in zip(quick, full.breathing, strict=True):
        assert [(ph.kind, ph.seconds) for ph in light.phases] == [
            (ph.kind, ph.seconds) for ph in validated.phases
        ]
        assert light.default == validated.default


def test_breathe_reads_only_the_wanted_bundled_pattern_and_finds_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``durf breathe --pattern ID`` reads one file for a bundled pattern (issue 21), and
    finds what the whole scan would: a user's pattern, and never a user's copy of a
    bundled id (the bundled one comes first)."""
    from durf.core import patterns

    user = tmp_path / "exercises"
    write(user, "mine.toml", GOOD_PATTERN.format(id="my-four-six", inhale=4))
    write(user, "aaa-box.toml", GOOD_PATTERN.format(id="box", inhale=5))
    folders = [bundled_exercises_dir(), user]
    scanned = patterns.find_patterns(folders)
    bundled = {pattern.id for pattern in patterns.find_patterns(folders[:1])}
    assert "box" in bundled and "my-four-six" not in bundled
    read: list[Path] = []
    real = patterns.read_pattern

    def counting(path: Path) -> patterns.QuickPattern | None:
        read.append(path)
        return real(path)

    monkeypatch.setattr(patterns, "read_pattern", counting)
    for pattern in scanned:
        read.clear()
        assert patterns.pattern_by_id(folders, pattern.id) == pattern
        if pattern.id in bundled:
            assert len(read) == 1, f"{pattern.id}: its file is not named by its id"
    assert patterns.pattern_by_id(folders, "box").phases[0].seconds == 4  # the bundled box
    assert patterns.pattern_by_id(folders, "nowhere") is None
    assert patterns.pattern_by_id(folders, "../breathing/box") is None


def test_the_bundled_exercises_hold_enough_for_months_of_practice() -> None:
    library = load_library([bundled_exercises_dir()])
    [questions] = [p for p in library.prompts if p.id == "reflection"]
    assert len(questions.prompts) >= 30
    assert sum(len(o.sentences) for o in library.openers) >= 30
    sets = {s.id: s for s in library.affirmations}
    assert {"self-compassion", "open-leadership"} <= set(sets)
    affirmations = [a for s in sets.values() for a in s.affirmations]
    # Only the few that are already gentle have no softer version.
    assert sum(a.stepping_stone is None for a in affirmations) <= 5
    for a in affirmations:
        if a.stepping_stone is None:
            continue
        for language, softer_word in (("nl", " nog"), ("en", " yet")):
            stone, text = getattr(a.stepping_stone, language), getattr(a.text, language)
            # A stone is a softer sentence, not the same one with "still" or "yet" in it.
            assert stone.replace(softer_word, "") != text.replace(softer_word, ""), a.id
