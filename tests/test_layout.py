"""The house rules a newcomer relies on to find things: the app is a small shell, screens
reach the practice layer and never the store or the app module, no module grows past
300 lines, and the practice layer's public signatures are typed without ``Any``."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

import durf
import durf.practice

SOURCE = Path(durf.__file__).parent
LONGEST = 300
CATALOGS = {SOURCE / "core" / "locales" / "nl.py", SOURCE / "core" / "locales" / "en.py"}
SCREENS_AND_WIDGETS = [
    path for folder in ("screens", "widgets") for path in (SOURCE / folder).rglob("*.py")
]


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_no_module_but_the_catalogs_is_over_300_lines() -> None:
    long = {
        str(path.relative_to(SOURCE)): count
        for path in SOURCE.rglob("*.py")
        if path not in CATALOGS and (count := len(path.read_text("utf-8").splitlines())) > LONGEST
    }
    assert long == {}


@pytest.mark.parametrize("path", SCREENS_AND_WIDGETS, ids=lambda p: p.stem)
def test_screens_and_widgets_never_import_the_app_nor_touch_the_store(path: Path) -> None:
    imported = _imported_modules(path)
    assert "durf.app" not in imported
    assert not {name for name in imported if name.startswith("durf.core.store")}
    text = path.read_text("utf-8")
    assert "store.state" not in text and ".store." not in text


def _public_callables() -> list[tuple[str, object]]:
    found: list[tuple[str, object]] = []
    for module_path in (SOURCE / "practice").glob("*.py"):
        name = "durf.practice" if module_path.stem == "__init__" else module_path.stem
        module = __import__(
            name if name == "durf.practice" else f"durf.practice.{name}", fromlist=["_"]
        )
        for attribute, value in vars(module).items():
            if attribute.startswith("_") or getattr(value, "__module__", "") != module.__name__:
                continue
            found.append((f"{module.__name__}.{attribute}", value))
            if inspect.isclass(value):
                for member, method in vars(value).items():
                    if not member.startswith("_") or member == "__init__":
                        found.append((f"{module.__name__}.{attribute}.{member}", method))
    return found


def test_the_practice_layer_signatures_have_no_any() -> None:
    untyped = []
    for name, value in _public_callables():
        target = value.fget if isinstance(value, property) else value
        if isinstance(target, staticmethod | classmethod):
            target = target.__func__
        annotations = getattr(target, "__annotations__", {})
        if any("Any" in str(annotation) for annotation in annotations.values()):
            untyped.append(name)
    assert untyped == []
    assert len(_public_callables()) > 60  # the walk found the layer's verbs


def test_the_app_is_a_shell_under_300_lines() -> None:
    assert len((SOURCE / "app.py").read_text("utf-8").splitlines()) < LONGEST
