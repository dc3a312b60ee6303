"""Exercise files under fuzzing: nothing a file holds can crash the loader or ``durf check``.

Whatever the bytes (random, TOML-like, a bundled file mangled, valid TOML of
the wrong shape, huge or odd strings), loading either gives an exercise or
problems that each name the file, a field and a reason, printable on a
terminal as they are. The quick pattern reader used by ``durf breathe`` takes
exactly the patterns the full library takes. Example counts are modest here;
``-m slow`` runs the same properties with many more.
"""

from __future__ import annotations

import contextlib
import io
import math
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from durf.__main__ import main
from durf.core.library import KINDS, BreathingPattern, load_file
from durf.core.pacer import PHASE_LIMITS
from durf.core.paths import bundled_exercises_dir
from durf.core.patterns import read_pattern
from durf.core.text import has_control_characters

DEFAULT_EXAMPLES = 100
SLOW_EXAMPLES = 2000


def fuzz_settings(examples: int) -> settings:
    """Hypothesis settings without a deadline: a slow machine is not a failure."""
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# -- writing TOML ------------------------------------------------------------------


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string; control characters escaped as TOML requires."""
    out = []
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def toml_value(value: Any) -> str:
    """Any TOML value, inline (arrays and tables on one line)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return (
            "{" + ", ".join(f"{toml_string(k)} = {toml_value(v)}" for k, v in value.items()) + "}"
        )
    raise TypeError(value)


def toml_document(document: dict[str, Any]) -> str:
    """A whole file: one ``key = value`` line per top-level key."""
    return "".join(f"{toml_string(key)} = {toml_value(value)}\n" for key, value in document.items())


# -- strategies ----------------------------------------------------------------------

FIELD_NAMES = [
    "kind",
    "id",
    "name",
    "purpose",
    "description",
    "phases",
    "seconds",
    "default",
    "nl",
    "en",
    "text",
    "sentences",
    "affirmations",
    "stepping_stone",
    "steps",
    "title",
    "prompt",
    "example",
    "prompts",
]
odd_text = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["", " ", "\n", "in", "out", "hold", "\x1b[31m", "[/]", "\u202e", "é" * 3]),
    st.sampled_from(KINDS),
    st.integers(min_value=1000, max_value=120_000).map(lambda n: "x" * n),
)
keys = st.one_of(st.sampled_from(FIELD_NAMES), st.text(min_size=1, max_size=12))
scalars = st.one_of(
    odd_text,
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(),
    st.booleans(),
    st.datetimes(timezones=st.just(UTC)),
    st.datetimes(),
    st.dates(),
    st.times(),
)
toml_values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=6),
        st.dictionaries(keys, inner, max_size=6),
    ),
    max_leaves=25,
)
documents = st.dictionaries(keys, toml_values, max_size=8).flatmap(
    lambda body: st.sampled_from([*KINDS, "poem", None]).map(
        lambda kind: body if kind is None else {"kind": kind, **body}
    )
)


plain_words = st.sampled_from(["Rustig", "Calm", "In op vier, uit op zes.", "Box breathing"])
odd_values = st.one_of(odd_text, toml_values, st.floats(allow_nan=True, allow_infinity=True))


@st.composite
def valid_phase(draw: st.DrawFn, kind: str) -> dict[str, Any]:
    low, high = PHASE_LIMITS[kind]
    number = st.integers(min_value=math.ceil(low), max_value=math.floor(high))
    exact = st.floats(min_value=low, max_value=high)
    return {"kind": kind, "seconds": draw(st.one_of(number, exact))}


def places(value: Any) -> list[tuple[Any, Any]]:
    """Every (container, key) inside a document, so one can be changed."""
    found = []
    items = value.items() if isinstance(value, dict) else enumerate(value)
    for key, inner in list(items):
        found.append((value, key))
        if isinstance(inner, dict | list) and inner:
            found.extend(places(inner))
    return found


def tweaked(value: Any) -> st.SearchStrategy[Any]:
    """A value a little off: text with a control character or only spaces, a number
    just outside its limits or of another type."""
    if isinstance(value, str):
        control = st.characters(max_codepoint=0x9F).filter(lambda char: not char.isprintable())
        return st.one_of(
            st.sampled_from(["", "  ", "\t", value.upper(), value + "\n"]),
            control.map(lambda char: value + char),
        )
    if isinstance(value, int | float) and not isinstance(value, bool):
        return st.sampled_from(
            [0, -1, value - 12, value + 12, value + 1e-9, str(value), True, math.nan, math.inf]
        )
    return odd_values


@st.composite
def nearly_valid_patterns(draw: st.DrawFn) -> dict[str, Any]:
    """A valid breathing pattern with up to three faults: a value replaced by an odd
    one, something taken away, or a field added. Random documents almost never get
    past the first check; these reach every check inside a pattern."""
    kinds = [*draw(st.lists(st.sampled_from(["in", "hold", "out"]), max_size=5)), "in", "out"]
    document: dict[str, Any] = {
        "kind": "breathing",
        "id": draw(st.sampled_from(["calm", "box-2", "x", "a" * 63])),
        "name": {"nl": draw(plain_words), "en": draw(plain_words)},
        "purpose": {"nl": draw(plain_words), "en": draw(plain_words)},
        "phases": [draw(valid_phase(kind)) for kind in draw(st.permutations(kinds))],
    }
    if draw(st.booleans()):
        document["default"] = draw(st.booleans())
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        container, key = draw(st.sampled_from(places(document)))
        change = draw(st.sampled_from(["tweak", "tweak", "replace", "remove", "add"]))
        if change == "tweak":
            container[key] = draw(tweaked(container[key]))
        elif change == "replace":
            container[key] = draw(odd_values)
        elif change == "remove":
            del container[key]
        elif isinstance(container, dict):
            container[draw(keys)] = draw(odd_values)
        else:
            container.append(draw(odd_values))
    return document


TOML_PIECES = [
    *("[", "]", "[[", "]]", "{", "}", "=", ",", ".", '"', "'", '"""', "#", "\\", "\n", " "),
    *("kind", "id", "phases", "seconds", "nl", "en", "breathing", "true", "nan", "inf"),
    *("1979-05-27T07:32:00Z", "2023-02-30", "1e999", "0x1F", "\\u00e9", "\\uD800"),
    *("\x00", "\x1b", "\r\n"),
]
"""Pieces of TOML syntax that random text would rarely hit."""
toml_tokens = st.lists(
    st.one_of(st.sampled_from(TOML_PIECES), st.text(max_size=4)), max_size=60
).map("".join)


def bundled_texts() -> list[str]:
    return [path.read_text("utf-8") for path in sorted(bundled_exercises_dir().rglob("*.toml"))]


@st.composite
def mangled_bundled_files(draw: st.DrawFn) -> bytes:
    """A bundled exercise file with a few bytes cut, doubled or replaced."""
    raw = bytearray(draw(st.sampled_from(bundled_texts())).encode("utf-8"))
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        start = draw(st.integers(min_value=0, max_value=len(raw)))
        end = draw(st.integers(min_value=start, max_value=min(len(raw), start + 40)))
        action = draw(st.sampled_from(["cut", "double", "replace"]))
        if action == "cut":
            del raw[start:end]
        elif action == "double":
            raw[start:start] = raw[start:end]
        else:
            raw[start:end] = draw(st.binary(max_size=8))
    return bytes(raw)


file_contents = st.one_of(
    st.binary(max_size=300),
    toml_tokens.map(lambda text: text.encode("utf-8", "surrogatepass")),
    mangled_bundled_files(),
    documents.map(lambda document: toml_document(document).encode("utf-8")),
    nearly_valid_patterns().map(lambda document: toml_document(document).encode("utf-8")),
)


# -- the properties -----------------------------------------------------------------------


BOX = {
    "kind": "breathing",
    "id": "box",
    "name": {"nl": "Vierkant", "en": "Box"},
    "purpose": {"nl": "Rust", "en": "Calm"},
    "phases": [{"kind": "in", "seconds": 4}, {"kind": "out", "seconds": 4}],
}


def assert_loads_or_names_file_field_and_reason(path: Path) -> None:
    """The loader's promise for any file."""
    exercise, problems = load_file(path)
    if exercise is not None:
        assert problems == []
        assert exercise.kind in KINDS
        return
    assert problems, "a file was refused without a reason"
    for problem in problems:
        assert problem.file == path
        assert problem.field.strip() and problem.reason.strip(), problem
        # What ``durf check`` and the app print must not steer the terminal.
        assert not has_control_characters(problem.field), problem
        assert not has_control_characters(problem.reason), problem
        assert len(problem.field) < 400 and len(problem.reason) < 1000, problem


def assert_quick_reader_agrees(path: Path) -> None:
    """``durf breathe`` uses a pattern exactly when the full library accepts it."""
    exercise, _ = load_file(path)
    quick = read_pattern(path)
    if isinstance(exercise, BreathingPattern):
        assert quick is not None, f"the library takes {path.read_bytes()[:300]!r}, breathe not"
        assert quick.id == exercise.id
        assert [(p.kind, p.seconds) for p in quick.phases] == [
            (p.kind, p.seconds) for p in exercise.phases
        ]
        assert quick.default == exercise.default
    else:
        assert quick is None, f"breathe takes {path.read_bytes()[:300]!r}, the library not"


def assert_check_reports_it(path: Path) -> None:
    """``durf check FILE`` finishes with 0 or 1 and names the file when it is bad."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["check", str(path)])
    assert status in (0, 1)
    _, problems = load_file(path)
    if problems:
        assert status == 1, out.getvalue()
        assert all(problem.field in out.getvalue() for problem in problems)
    if status == 1:
        # Also a good file whose id a bundled exercise already has.
        assert out.getvalue().startswith(str(path) + "\n")
    assert "\x1b" not in out.getvalue()


def run_on(folder: Path, content: bytes, *checks: Any) -> None:
    path = folder / "fuzzed.toml"
    path.write_bytes(content)
    for check in checks:
        check(path)


def check_any_file(examples: int, folder: Path) -> None:
    @fuzz_settings(examples)
    @given(file_contents)
    def property_(content: bytes) -> None:
        run_on(folder, content, assert_loads_or_names_file_field_and_reason)

    property_()


def check_patterns(examples: int, folder: Path) -> None:
    @fuzz_settings(examples)
    @given(nearly_valid_patterns().map(toml_document))
    def property_(text: str) -> None:
        run_on(folder, text.encode("utf-8"), assert_quick_reader_agrees)

    property_()


def check_cli(examples: int, folder: Path) -> None:
    @fuzz_settings(examples)
    @given(file_contents)
    def property_(content: bytes) -> None:
        run_on(folder, content, assert_check_reports_it)

    property_()


def test_any_file_loads_or_names_file_field_and_reason(tmp_path: Path) -> None:
    check_any_file(DEFAULT_EXAMPLES * 2, tmp_path)


def test_breathe_takes_exactly_the_patterns_the_library_takes(tmp_path: Path) -> None:
    check_patterns(DEFAULT_EXAMPLES * 2, tmp_path)


def test_durf_check_reports_any_file_without_crashing(tmp_path: Path) -> None:
    check_cli(DEFAULT_EXAMPLES, tmp_path)


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("a = " + "[" * 5000 + "]" * 5000, "(toml)"),
        ("kind = 'breathing'\nname = " + "{ a = " * 400 + "1" + " }" * 400, "(toml)"),
        ('kind = "breathing"\n"\\u001b]0;owned\\u0007" = 1\n', "␛]0;owned␇"),
        ('kind = "' + "\\u001b[2J" * 20_000 + '"', "kind"),
    ],
    ids=["deep-arrays", "deep-tables", "escape-in-a-key", "huge-escaping-kind"],
)
def test_files_that_once_crashed_or_steered_the_terminal(
    tmp_path: Path, text: str, field: str
) -> None:
    path = tmp_path / "hostile.toml"
    path.write_text(text, "utf-8")
    assert_loads_or_names_file_field_and_reason(path)
    assert_check_reports_it(path)
    _, problems = load_file(path)
    assert any(problem.field == field for problem in problems), problems


@pytest.mark.slow
def test_many_more_files_load_or_are_reported(tmp_path: Path) -> None:
    check_any_file(SLOW_EXAMPLES, tmp_path)
    check_patterns(SLOW_EXAMPLES, tmp_path)
    check_cli(SLOW_EXAMPLES // 4, tmp_path)


def test_breathe_and_the_library_refuse_an_id_ending_in_a_line_break(tmp_path: Path) -> None:
    path = tmp_path / "newline.toml"
    path.write_text(toml_document({**BOX, "id": "box\n"}), "utf-8")
    assert load_file(path)[0] is None
    assert read_pattern(path) is None


def test_breathe_and_the_library_refuse_the_same_large_files(tmp_path: Path) -> None:
    from durf.core import library, patterns

    assert patterns.MAX_FILE_BYTES == library.MAX_FILE_BYTES
    good = tmp_path / "good.toml"
    good.write_text(toml_document(BOX) + "#" * library.MAX_FILE_BYTES, "utf-8")
    assert load_file(good)[0] is None
    assert read_pattern(good) is None
