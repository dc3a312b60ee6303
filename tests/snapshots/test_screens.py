"""What the shell's screens look like at 80x24, in Dutch and in English."""

from __future__ import annotations

import pytest

from durf.core.i18n import set_language
from tests.snapshots.conftest import keys

LANGUAGES = ["en", "nl"]


@pytest.mark.parametrize("language", LANGUAGES)
class TestShell:
    """Home, help, settings and about."""

    def test_home(self, snap_compare, picture_app, language: str) -> None:
        set_language(language)
        assert snap_compare(picture_app(), terminal_size=(80, 24), run_before=keys())

    def test_help(self, snap_compare, picture_app, language: str) -> None:
        set_language(language)
        assert snap_compare(picture_app(), terminal_size=(80, 24), run_before=keys("question_mark"))

    def test_settings(self, snap_compare, picture_app, language: str) -> None:
        set_language(language)
        assert snap_compare(picture_app(), terminal_size=(80, 24), run_before=keys("6"))

    def test_about(self, snap_compare, picture_app, language: str) -> None:
        set_language(language)
        assert snap_compare(picture_app(), terminal_size=(80, 24), run_before=keys("8"))


def test_home_at_60x20_is_still_usable(snap_compare, picture_app) -> None:
    assert snap_compare(picture_app(), terminal_size=(60, 20), run_before=keys())


def test_too_small_window(snap_compare, picture_app) -> None:
    set_language("nl")
    assert snap_compare(picture_app(), terminal_size=(40, 12), run_before=keys())
