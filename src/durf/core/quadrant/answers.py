"""The core quadrant as practice: what was ticked and written, kept in the history.

A quadrant walked through is one record of kind ``quadrant``; its details hold
the quadrant's id, the ids of the examples ticked on each corner's page, the
user's own words on each page and the sentence of what they want to practise,
all exactly as typed. A quadrant left half way is kept the same way, marked as
not finished, and is where the next one carries on.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from durf.core.ids import new_id
from durf.core.quadrant.exercise_file import CORNERS

if TYPE_CHECKING:
    from durf.core.i18n import Language
    from durf.core.quadrant.exercise_file import Quadrant
    from durf.core.state import SessionRecord, State

EXERCISE = "quadrant"
PAGES = len(CORNERS) + 1
"""The four corners, then the sentence."""
SESSION_FROM_MINUTES = 12
"""A practice session this long or longer may offer the quadrant instead of the question."""
SESSION_EVERY_DAYS = 28
"""...when no quadrant was walked through (finished or not) in this many days."""


@dataclass
class QuadrantAnswers:
    """One walk through a quadrant, as far as it got."""

    quadrant_id: str
    started_at: datetime
    id: str = field(default_factory=new_id)
    ticked: dict[str, list[str]] = field(default_factory=dict)
    """Ids of the examples ticked, by corner, in the order of the file."""
    own: dict[str, str] = field(default_factory=dict)
    """The user's own words, by corner, exactly as typed."""
    sentence: str = ""
    """What the user wants to practise, exactly as typed."""
    page: int = 0
    """The page the user was on (0-3 the corners, 4 the sentence)."""
    continues: str | None = None
    """The unfinished record this walk carries on from, if any."""

    @property
    def has_words(self) -> bool:
        """Whether anything was ticked or written: only then is stopping worth keeping."""
        return (
            any(self.ticked.get(corner) for corner in CORNERS)
            or any(text.strip() for text in self.own.values())
            or bool(self.sentence.strip())
        )

    def words(self) -> tuple[object, ...]:
        """What was ticked and written, to tell whether anything changed."""
        return (
            tuple(tuple(self.ticked.get(corner, [])) for corner in CORNERS),
            tuple(self.own.get(corner, "") for corner in CORNERS),
            self.sentence,
        )

    def details(self) -> dict[str, Any]:
        """The record's details as written into the state file."""
        written: dict[str, Any] = {
            "quadrant": self.quadrant_id,
            "ticked": {corner: list(self.ticked.get(corner, [])) for corner in CORNERS},
            "own": {corner: self.own.get(corner, "") for corner in CORNERS},
            "sentence": self.sentence,
            "page": self.page,
        }
        if self.continues is not None:
            written["continues"] = self.continues
        return written

    def record(self, ended: datetime, completed: bool) -> SessionRecord:
        """This walk as one history record."""
        from durf.core.state import SessionRecord

        return SessionRecord(
            id=self.id,
            exercise="quadrant",
            started_at=self.started_at,
            ended_at=max(ended, self.started_at),
            completed=completed,
            details=self.details(),
        )


def answers_from(record: SessionRecord, started_at: datetime) -> QuadrantAnswers:
    """A new walk that starts from what ``record`` holds (to redo it, or carry on).

    Whatever the record holds that is not of the right type (a hand edit) is left out.
    """
    details = record.details
    ticked_in = details.get("ticked")
    own_in = details.get("own")
    ticked: dict[str, list[str]] = {}
    own: dict[str, str] = {}
    for corner in CORNERS:
        ids = ticked_in.get(corner) if isinstance(ticked_in, dict) else None
        if isinstance(ids, list):
            ticked[corner] = [item for item in ids if isinstance(item, str)]
        words = own_in.get(corner) if isinstance(own_in, dict) else None
        if isinstance(words, str):
            own[corner] = words
    sentence = details.get("sentence")
    page = details.get("page")
    return QuadrantAnswers(
        quadrant_id=str(details.get("quadrant", "")),
        started_at=started_at,
        ticked=ticked,
        own=own,
        sentence=sentence if isinstance(sentence, str) else "",
        page=page if isinstance(page, int) and 0 <= page < PAGES else 0,
        continues=None if record.completed else record.id,
    )


def record_quadrant(
    state: State, answers: QuadrantAnswers, ended: datetime, completed: bool
) -> State:
    """The state with this walk added to the history."""
    history = [*state.history, answers.record(ended, completed)]
    return state.model_copy(update={"history": history})


def last_quadrant(
    history: Sequence[SessionRecord], quadrant_id: str | None = None
) -> SessionRecord | None:
    """The latest quadrant record (of ``quadrant_id`` if given), finished or not."""
    for record in reversed(history):
        if record.exercise != EXERCISE:
            continue
        if quadrant_id is None or record.details.get("quadrant") == quadrant_id:
            return record
    return None


def due_in_session(history: Sequence[SessionRecord], minutes: int, today: date) -> bool:
    """Whether a session of ``minutes`` today offers the quadrant in place of the question.

    Only in sessions of ``SESSION_FROM_MINUTES`` or more, and at most once every
    ``SESSION_EVERY_DAYS`` days: a quadrant walked through in that time, on its
    own or in a session, finished or not, means not yet.
    """
    if minutes < SESSION_FROM_MINUTES:
        return False
    last = last_quadrant(history)
    return last is None or last.started_at.date() <= today - timedelta(days=SESSION_EVERY_DAYS)


@dataclass(frozen=True)
class CornerView:
    """One corner as shown: its title, the examples ticked (as words), the user's words."""

    corner: str
    title: str
    ticked: tuple[str, ...]
    own: str


def corner_views(
    details: Mapping[str, Any], quadrant: Quadrant | None, language: Language
) -> list[CornerView]:
    """The four corners of a record in words, in ``CORNERS`` order.

    An example whose file is gone (or was changed) is shown by its id: what was
    chosen is never hidden.
    """
    ticked_in = details.get("ticked")
    own_in = details.get("own")
    views = []
    for corner in CORNERS:
        page = quadrant.corner(corner) if quadrant is not None else None
        words = {ex.id: ex.text.get(language) for ex in page.examples} if page else {}
        ids = ticked_in.get(corner) if isinstance(ticked_in, dict) else None
        ticked = tuple(words.get(item, item) for item in ids or () if isinstance(item, str))
        own = own_in.get(corner) if isinstance(own_in, dict) else None
        title = page.title.get(language) if page else corner
        views.append(CornerView(corner, title, ticked, own if isinstance(own, str) else ""))
    return views


def ticked_count(details: Mapping[str, Any]) -> int:
    """How many examples a record has ticked, on all four pages."""
    ticked = details.get("ticked")
    if not isinstance(ticked, dict):
        return 0
    return sum(len(ids) for ids in ticked.values() if isinstance(ids, list))


def quadrant_rows(
    details: Mapping[str, Any], quadrant: Quadrant | None, language: Language
) -> list[tuple[str, str]]:
    """A record's rows in the history: which quadrant, each corner, the sentence.

    Labels come from the catalog and the file; values are the user's words as typed.
    """
    from durf.core.i18n import t

    quadrant_id = str(details.get("quadrant", ""))
    rows = [(t("entry.quadrant"), quadrant.name.get(language) if quadrant else quadrant_id)]
    for view in corner_views(details, quadrant, language):
        words = [f"• {text}" for text in view.ticked]
        if view.own.strip():
            words.append(view.own)
        if words:
            rows.append((view.title, "\n".join(words)))
    sentence = details.get("sentence")
    if isinstance(sentence, str) and sentence.strip():
        rows.append((t("entry.practise"), sentence))
    return rows


SHOWN_IN_ROWS = frozenset({"quadrant", "ticked", "own", "sentence", "page", "continues"})
"""The details ``quadrant_rows`` shows (or that are bookkeeping)."""
