"""The core and the practice layer never import Textual, and the quick commands never
do either."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import durf.core
import durf.practice

CORE_DIR = Path(durf.core.__file__).parent
PRACTICE_DIR = Path(durf.practice.__file__).parent


def modules_after(code: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys; print('\\n'.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(result.stdout.split())


@pytest.mark.parametrize("folder", [CORE_DIR, PRACTICE_DIR], ids=["core", "practice"])
def test_importing_every_module_does_not_import_textual(folder: Path) -> None:
    package = f"durf.{folder.name}."
    names = sorted(
        package + ".".join(path.relative_to(folder).with_suffix("").parts)
        for path in folder.rglob("*.py")
        if path.name != "__init__.py"
    )
    modules = modules_after("\n".join(f"import {name}" for name in names))
    assert set(names) <= modules
    assert not {name for name in modules if name.split(".")[0] in ("textual", "rich")}


@pytest.mark.parametrize("folder", [CORE_DIR, PRACTICE_DIR], ids=["core", "practice"])
def test_no_source_mentions_textual(folder: Path) -> None:
    offenders = [
        path.name
        for path in folder.rglob("*.py")
        if "import textual" in path.read_text() or "from textual" in path.read_text()
    ]
    assert offenders == []


def test_version_help_where_and_check_answer_without_textual(tmp_path: Path) -> None:
    commands = (["--version"], ["--help"], ["where"], ["check"], ["--lang", "nl", "--help"])
    for argv in (*commands, ["serve", "--help"]):
        code = (
            "import sys\nfrom durf.__main__ import main\n"
            f"try:\n    main({argv!r})\nexcept SystemExit:\n    pass\n"
            "assert 'textual' not in sys.modules, 'textual was imported'\n"
            "assert 'aiohttp' not in sys.modules, 'aiohttp was imported'\n"
        )
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        assert result.returncode == 0, (argv, result.stderr)


def _main_of(argv: list[str]) -> str:
    return f"from durf.__main__ import main\ntry:\n    main({argv!r})\nexcept SystemExit:\n    pass"


def test_the_command_line_loads_only_the_minutes_of_a_session() -> None:
    """``durf session --help`` shows the minutes a session may take; the rest of the
    session (and uuid) waits, and a command that is not ``session`` loads none of it."""
    later = {"durf.core.session.plan", "durf.core.session.run", "uuid"}
    for code in ("import durf.__main__", _main_of(["breathe", "--help"])):
        modules = modules_after(code)
        assert not {"durf.core.session", "durf.core.session.timing"} & modules, code
    asked = modules_after(_main_of(["session", "--help"]))
    assert "durf.core.session.timing" in asked
    assert not later & asked


def test_every_name_the_session_package_offers_is_there() -> None:
    import durf.core.session as session

    missing = [name for name in session.__all__ if not hasattr(session, name)]
    assert missing == []
    assert set(session.__all__) <= set(dir(session))


def test_the_first_frame_of_home_and_of_breathing_needs_no_pydantic() -> None:
    """pydantic costs ~100 ms to import: the first frame must not wait for it."""
    modules = modules_after(
        "import durf.__main__, durf.cli.start_app, durf.app, durf.screens.home\n"
        "import durf.screens.breathe.breathing\n"
        "import durf.screens.breathe.checkin, durf.core.patterns, durf.core.breathing\n"
        "from durf.core.patterns import find_patterns\n"
        "from durf.core.paths import bundled_exercises_dir\n"
        "assert find_patterns([bundled_exercises_dir()])\n"
    )
    assert "textual" in modules
    assert "pydantic" not in modules
    # Only ``durf serve`` needs the web server.
    assert not {"aiohttp", "textual_serve"} & modules
