"""Affirmations on a timer: what to practise, when each one shows, and recall matching.

Pure functions over plain data. Timing is a plan with a fixed number of seconds
per affirmation: the one on screen is computed from the active time, so pauses
do not count and nothing drifts; a ten-minute session lasts ten minutes.
"""

from __future__ import annotations

import difflib
import string
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from durf.core.ids import new_id

if TYPE_CHECKING:
    from durf.core.state import OwnAffirmation, State

SECONDS_MIN, SECONDS_MAX = 3, 120
ROUNDS_MAX = 20
LOW_BELIEF = 4
"""At or below this (0-10), belief counts as low."""
LOW_BELIEF_SESSIONS = 3
"""After this many sessions in a row with low belief, the softer version is offered."""
OWN = "own"


@dataclass(frozen=True)
class Item:
    """One affirmation as practised: a stable key, its text, and an optional softer version."""

    key: str
    """``set-id/affirmation-id`` for built-in ones, ``own/<id>`` for your own."""
    text: str
    stepping_stone: str | None = None


@dataclass(frozen=True)
class Plan:
    """The affirmations of one session, in order, each shown for the same seconds."""

    items: tuple[Item, ...]
    seconds_each: float

    @property
    def total_seconds(self) -> float:
        """How long the whole session lasts, pauses not counted."""
        return len(self.items) * self.seconds_each


@dataclass(frozen=True)
class Position:
    """Which affirmation is on screen at a moment, and for how much longer."""

    index: int
    seconds_left: float
    finished: bool


def plan_session(
    items: Sequence[Item],
    seconds_each: float,
    *,
    rounds: int | None = None,
    minutes: float | None = None,
) -> Plan:
    """Lay out ``items`` for a number of rounds, or as many as fit in ``minutes``."""
    if not items:
        raise ValueError("nothing to practise")
    seconds_each = max(SECONDS_MIN, min(SECONDS_MAX, seconds_each))
    if minutes is not None:
        count = max(1, int(minutes * 60 // seconds_each))
        planned = [items[i % len(items)] for i in range(count)]
    else:
        planned = list(items) * max(1, min(ROUNDS_MAX, rounds or 1))
    return Plan(tuple(planned), float(seconds_each))


def position(plan: Plan, elapsed: float) -> Position:
    """Where the session is after ``elapsed`` active seconds."""
    if elapsed >= plan.total_seconds - 1e-9:
        return Position(len(plan.items) - 1, 0.0, True)
    index, into = divmod(max(0.0, elapsed), plan.seconds_each)
    return Position(int(index), plan.seconds_each - into, False)


def start_of(plan: Plan, index: int) -> float:
    """The elapsed time at which item ``index`` begins (for back and forward).

    Forward from the last item is the end of the session.
    """
    return max(0, min(len(plan.items), index)) * plan.seconds_each


# -- recall ------------------------------------------------------------------------

_PUNCTUATION = str.maketrans("", "", string.punctuation + "‘’“”„«»–—…¡¿")


def normalise(text: str) -> str:
    """Lowercase, without accents, punctuation or extra spaces: what recall compares."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().translate(_PUNCTUATION).split())


def recall_matches(typed: str, expected: str) -> bool:
    """Whether ``typed`` is the affirmation, ignoring case, punctuation and accents."""
    return normalise(typed) == normalise(expected) != ""


def closeness(typed: str, expected: str) -> float:
    """How close a recall attempt is, from 0 to 1 (for a gentle "almost")."""
    return difflib.SequenceMatcher(None, normalise(typed), normalise(expected)).ratio()


# -- choosing what to practise -----------------------------------------------------


def own_items(affirmations: Iterable[OwnAffirmation], *, archived: bool = False) -> list[Item]:
    """The user's own affirmations as practice items (not archived ones, unless asked)."""
    return [Item(f"{OWN}/{a.id}", a.text) for a in affirmations if a.archived == archived]


def favourites(items: Iterable[Item], favourite_keys: Iterable[str]) -> list[Item]:
    """The items marked as favourite, in their usual order."""
    wanted = set(favourite_keys)
    return [item for item in items if item.key in wanted]


def mix(*groups: Sequence[Item]) -> list[Item]:
    """Interleave several groups, so a mix visits each of them in turn."""
    mixed: list[Item] = []
    longest = max((len(group) for group in groups), default=0)
    for index in range(longest):
        mixed.extend(group[index] for group in groups if index < len(group))
    return mixed


# -- belief --------------------------------------------------------------------------


def belief_ratings(state: State, key: str) -> list[tuple[datetime, int | None, int | None]]:
    """Every (when, before, after) rating of the affirmation ``key``, oldest first."""
    ratings = []
    for record in state.history:
        belief = record.details.get("belief") if record.exercise == "affirm" else None
        if isinstance(belief, dict) and belief.get("key") == key:
            ratings.append((record.started_at, belief.get("before"), belief.get("after")))
    return ratings


def needs_stepping_stone(state: State, key: str) -> bool:
    """Whether belief in ``key`` stayed low for the last few rated sessions."""
    recent = belief_ratings(state, key)[-LOW_BELIEF_SESSIONS:]
    if len(recent) < LOW_BELIEF_SESSIONS:
        return False
    lasts = [after if after is not None else before for _, before, after in recent]
    return all(value is not None and value <= LOW_BELIEF for value in lasts)


# -- your own affirmations ---------------------------------------------------------


def add_own(state: State, text: str, when: datetime) -> State:
    """Add an affirmation of your own, exactly as typed (blank text is refused)."""
    from durf.core.state import OwnAffirmation

    if not text.strip():
        raise ValueError("an affirmation needs words")
    own = OwnAffirmation(id=new_id(), text=text, created_at=when)
    return state.model_copy(update={"own_affirmations": [*state.own_affirmations, own]})


def edit_own(state: State, own_id: str, **changes: object) -> State:
    """Change the text, favourite or archived flag of one of your own affirmations."""
    if "text" in changes and not str(changes["text"]).strip():
        raise ValueError("an affirmation needs words")
    updated = [
        a.model_copy(update=changes) if a.id == own_id else a for a in state.own_affirmations
    ]
    return state.model_copy(update={"own_affirmations": updated})


def delete_own(state: State, own_id: str) -> State:
    """Remove one of your own affirmations (its past ratings stay in the history)."""
    kept = [a for a in state.own_affirmations if a.id != own_id]
    favs = [key for key in state.favourite_affirmations if key != f"{OWN}/{own_id}"]
    return state.model_copy(update={"own_affirmations": kept, "favourite_affirmations": favs})


def toggle_favourite(state: State, key: str) -> State:
    """Mark or unmark any affirmation, built-in or your own, as a favourite."""
    favs = list(state.favourite_affirmations)
    favs = [k for k in favs if k != key] if key in favs else [*favs, key]
    return state.model_copy(update={"favourite_affirmations": favs})


# -- one practice session ------------------------------------------------------------


@dataclass
class AffirmSession:
    """What one affirmation session gathers before it is saved."""

    started_at: datetime
    source: str
    """``set:<id>``, ``favourites``, ``own`` or ``mix``."""
    mode: str = "read"
    """``read`` (read it, say it aloud) or ``recall`` (type it from memory)."""
    seconds_each: float = 10.0
    planned: int = 0
    shown: int = 0
    recalled: int = 0
    practice_seconds: float = 0.0
    belief_key: str | None = None
    belief_text: str = ""
    belief_before: int | None = None
    belief_after: int | None = None

    def details(self) -> dict[str, object]:
        """The session's details as written into the state file."""
        return {
            "source": self.source,
            "mode": self.mode,
            "seconds_each": self.seconds_each,
            "planned": self.planned,
            "shown": self.shown,
            "recalled": self.recalled,
            "practice_seconds": round(self.practice_seconds, 1),
            "belief": {
                "key": self.belief_key,
                "text": self.belief_text,
                "before": self.belief_before,
                "after": self.belief_after,
            },
        }


def record_affirm_session(
    state: State, session: AffirmSession, ended: datetime, completed: bool
) -> State:
    """Add a finished or stopped affirmation session to the history."""
    from durf.core.state import SessionRecord

    record = SessionRecord(
        id=new_id(),
        exercise="affirm",
        started_at=session.started_at,
        ended_at=ended,
        completed=completed,
        details=session.details(),
    )
    return state.model_copy(update={"history": [*state.history, record]})
