"""The Markdown journal's page: what it indexes once, and how a line is written.

The user's words are written as typed: a text of several lines is quoted line by
line (``> ``) so that it stays inside its list item, and nothing is escaped.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING

from durf.core.export.times import local_time
from durf.core.session import PART_OF
from durf.core.weeks import Week

if TYPE_CHECKING:
    from durf.core.quadrant.exercise_file import Quadrant
    from durf.core.state import HonestSentence, SessionRecord, State, Step


class JournalPage:
    """The journal's lines so far, and the state indexed once for every week's entries."""

    def __init__(
        self, state: State, zone: tzinfo | None, quadrants: Mapping[str, Quadrant] | None = None
    ) -> None:
        self.state = state
        self.zone = zone
        self.quadrants = quadrants or {}
        """The core quadrants by id, to write the examples ticked in words."""
        self.lines: list[str] = []
        self.steps = {step.id: step for step in state.steps}
        self.ladders = {ladder.id: ladder for ladder in state.ladders}
        session_ids = {record.id for record in state.history}
        self.sentence_of_session = {
            sentence.session_id: sentence
            for sentence in state.sentences
            if sentence.session_id in session_ids
        }
        # Grouped once: looking through everything for each week would take a
        # minute for a history of years.
        self.sessions_by_week: dict[Week, list[SessionRecord]] = {}
        self.parts_of: dict[str, list[SessionRecord]] = {}
        """The parts of each practice session, written under it rather than on their own."""
        for record in sorted(state.history, key=lambda record: record.started_at):
            session_id = record.details.get(PART_OF)
            if isinstance(session_id, str) and session_id in session_ids:
                self.parts_of.setdefault(session_id, []).append(record)
                continue
            week = Week.of(self.local_date(record.started_at))
            self.sessions_by_week.setdefault(week, []).append(record)
        self.steps_by_week: dict[str, list[Step]] = {}
        for step in state.steps:
            self.steps_by_week.setdefault(step.week, []).append(step)
        kept = {id(sentence) for sentence in self.sentence_of_session.values()}
        self.loose_by_week: dict[Week, list[HonestSentence]] = {}
        for sentence in state.sentences:
            if id(sentence) not in kept:
                week = Week.of(self.local_date(sentence.created_at))
                self.loose_by_week.setdefault(week, []).append(sentence)

    # -- writing helpers -------------------------------------------------------------

    def add(self, line: str = "") -> None:
        """One more line (an empty one by default)."""
        self.lines.append(line)

    def field(self, depth: int, label: str, text: str) -> None:
        """A list item with the user's ``text`` exactly as written.

        One line goes after the label; several lines are quoted one by one under it,
        so a blank line or a ``-`` at the start of a line stays part of the item.
        """
        pad = "  " * depth
        head = f"{pad}- {label}".rstrip()
        parts = text.split("\n")
        if len(parts) == 1:
            self.add(f"{head} {text}" if label else f"{pad}- {text}")
            return
        self.add(head)
        for part in parts:
            self.add(f"{pad}  > {part}" if part else f"{pad}  >")

    def facts(self, depth: int, parts: list[str]) -> None:
        """Short facts on one list item, ``·`` between them; nothing when there are none."""
        if parts:
            self.add(f"{'  ' * depth}- {' · '.join(parts)}")

    def local_date(self, moment: datetime) -> date:
        """The day of ``moment`` on the journal's wall clock."""
        return local_time(moment, self.zone).date()
