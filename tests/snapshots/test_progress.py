"""What progress looks like after eleven weeks: the home card, the dashboard, the history."""

from __future__ import annotations

from pathlib import Path

import pytest

from durf.app import DurfApp
from durf.core.clock import FixedClock
from durf.core.i18n import set_language
from durf.core.store import Store
from tests.app.conftest import FROZEN_NOW
from tests.core.factories import practice_story
from tests.snapshots.conftest import keys

SIZE = (80, 24)
NARROW = (60, 20)


def app_with_practice(home: Path, language: str) -> DurfApp:
    """A home with about eleven weeks of practice and steps, written in ``language``."""
    Store(home).update(lambda _: practice_story(language, FROZEN_NOW))
    return DurfApp(home, clock=FixedClock(FROZEN_NOW))


@pytest.mark.parametrize("language", ["en", "nl"])
class TestProgress:
    """The same history seen from home, on the dashboard, and line by line."""

    def test_home_card(self, snap_compare, durf_home, language) -> None:
        set_language(language)
        app = app_with_practice(durf_home, language)
        assert snap_compare(app, terminal_size=SIZE, run_before=keys())

    def test_dashboard(self, snap_compare, durf_home, language) -> None:
        set_language(language)
        app = app_with_practice(durf_home, language)
        assert snap_compare(app, terminal_size=SIZE, run_before=keys("5"))

    def test_dashboard_narrow(self, snap_compare, durf_home, language) -> None:
        set_language(language)
        app = app_with_practice(durf_home, language)
        assert snap_compare(app, terminal_size=NARROW, run_before=keys("5"))

    def test_history_this_week(self, snap_compare, durf_home, language) -> None:
        set_language(language)
        app = app_with_practice(durf_home, language)
        assert snap_compare(app, terminal_size=SIZE, run_before=keys("5", "h", "left"))

    def test_history_entry(self, snap_compare, durf_home, language) -> None:
        set_language(language)
        app = app_with_practice(durf_home, language)
        run = keys("5", "h", "tab", "tab", "tab", "up", "up", "up", "enter")
        assert snap_compare(app, terminal_size=SIZE, run_before=run)
