"""Strange state files and misbehaving disks, met by the app as it starts and saves.

The app starts fresh (with the old file set aside and a notice), keeps running
with saves refused, or stops with a message; it never crashes with a traceback.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from durf.core.store import Store
from tests.app.conftest import make_app, settle
from tests.core.data_story import everything
from tests.core.disk_trouble import no_space, read_only

DEEP = 50_000


def messages(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [notification.message for notification in app._notifications]


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b'{"schema_version": 2, "settings": ' + b"[" * DEEP + b"]" * DEEP + b"}", "JSON"),
        (b'{"x": ' + b"[" * DEEP + b"]" * DEEP + b', "schema_version": 1}', "nested too deep"),
        (b'{"schema_version": 2, "settings": {"breath_pace": 0.0}}', "settings.breath_pace"),
    ],
    ids=["nested-settings", "nested-hand-edited", "pace-zero"],
)
async def test_an_unusable_file_is_set_aside_and_the_app_starts_fresh(
    durf_home: Path, raw: bytes, reason: str
) -> None:
    durf_home.mkdir()
    (durf_home / "state.json").write_bytes(raw)
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.is_running
        [aside] = durf_home.glob("state.json.corrupt-*")
        [notice] = [message for message in messages(app) if str(aside) in message]
        assert reason in notice
        assert app.attempt(lambda: app.practice.data.change_settings(theme="nord"))
    assert aside.read_bytes() == raw
    assert Store(durf_home).load().settings.theme == "nord"


async def test_a_folder_in_place_of_the_file_stops_the_app_with_a_message(
    durf_home: Path,
) -> None:
    (durf_home / "state.json").mkdir(parents=True)
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
    assert app.fatal_message is not None
    assert str(durf_home / "state.json") in app.fatal_message
    assert "folder" in app.fatal_message
    assert (durf_home / "state.json").is_dir()


async def test_in_a_read_only_home_the_app_reads_and_refuses_each_save_plainly(
    durf_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = everything()
    Store(durf_home).update(lambda _: story)
    (durf_home / "state.json.lock").unlink()
    before = (durf_home / "state.json").read_bytes()
    with read_only(durf_home, monkeypatch):
        app = make_app(durf_home)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert app.practice.state == story
            assert not app.attempt(lambda: app.practice.data.change_settings(theme="nord"))
            await pilot.pause()
            assert app.is_running
            assert any("Read-only file system" in message for message in messages(app))
            assert app.practice.state == story
    assert (durf_home / "state.json").read_bytes() == before


async def test_a_full_disk_refuses_the_save_and_the_app_goes_on(
    durf_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = everything()
    Store(durf_home).update(lambda _: story)
    before = (durf_home / "state.json").read_bytes()
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        monkeypatch.setattr(os, "fsync", no_space)
        assert not app.attempt(lambda: app.practice.data.change_settings(theme="nord"))
        monkeypatch.undo()
        await pilot.pause()
        assert app.is_running
        # The story's settings speak Dutch: "De schijf is vol".
        assert any("schijf is vol" in message for message in messages(app)), messages(app)
        assert (durf_home / "state.json").read_bytes() == before
        assert app.attempt(lambda: app.practice.data.change_settings(theme="nord"))
    assert Store(durf_home).load().settings.theme == "nord"
