"""state.json as a link into a synced or dotfiles folder (issue 15, finding 15)."""

from __future__ import annotations

import json
import stat
from datetime import UTC, datetime
from pathlib import Path

from durf.core.affirm import add_own
from durf.core.forget import forget
from durf.core.store import Store

WHEN = datetime(2026, 11, 21, 12, tzinfo=UTC)


def linked_home(tmp_path: Path, durf_home: Path) -> tuple[Path, Path]:
    """A home whose state.json links to a file in a synced folder; (link, target)."""
    synced = tmp_path / "Sync" / "durf"
    synced.mkdir(parents=True)
    target = synced / "state.json"
    Store(synced / "seed").update(lambda state: add_own(state, "I may ask.", WHEN))
    (synced / "seed" / "state.json").rename(target)
    durf_home.mkdir(parents=True, exist_ok=True)
    link = durf_home / "state.json"
    link.symlink_to(target)
    return link, target


def own(path: Path) -> list[str]:
    return [item["text"] for item in json.loads(path.read_text("utf-8"))["own_affirmations"]]


def test_a_save_keeps_the_link_and_updates_its_target(tmp_path: Path, durf_home: Path) -> None:
    link, target = linked_home(tmp_path, durf_home)
    store = Store(durf_home)
    assert [item.text for item in store.state.own_affirmations] == ["I may ask."]
    store.update(lambda state: add_own(state, "I am enough.", WHEN))
    store.update(lambda state: add_own(state, "Één stap 🌱", WHEN))
    assert link.is_symlink() and link.resolve() == target
    assert own(target) == ["I may ask.", "I am enough.", "Één stap 🌱"]
    # The backup, the lock and no leftover temporary file sit beside the target.
    backup = target.with_name("state.json.bak")
    assert backup.is_file() and not backup.is_symlink()
    assert own(backup) == ["I may ask.", "I am enough."]
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert target.with_name("state.json.lock").exists()
    assert sorted(path.name for path in durf_home.iterdir()) == ["state.json"]
    assert not [path for path in target.parent.iterdir() if path.name.endswith(".tmp")]


def test_another_store_on_the_same_link_sees_the_save(tmp_path: Path, durf_home: Path) -> None:
    linked_home(tmp_path, durf_home)
    first, second = Store(durf_home), Store(durf_home)
    assert second.state.own_affirmations
    first.update(lambda state: add_own(state, "I am enough.", WHEN))
    second.update(lambda state: add_own(state, "I can wait.", WHEN))
    assert own(durf_home / "state.json") == ["I may ask.", "I am enough.", "I can wait."]


def test_forget_removes_the_linked_state_and_its_backup(tmp_path: Path, durf_home: Path) -> None:
    link, target = linked_home(tmp_path, durf_home)
    store = Store(durf_home)
    store.update(lambda state: add_own(state, "I am enough.", WHEN))
    forget(store)
    assert not link.exists() and not link.is_symlink()
    assert not target.exists() and not target.with_name("state.json.bak").exists()
    assert not target.with_name("state.json.lock").exists()
