"""The guide in progress: its pages, its draft, and one draft written in two windows."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from durf.core.state import State, StepDraft

SMALLER_OFFER_FROM = 8
"""A step rated this scary or more is offered to be made smaller before it is planned."""

GUIDE_PAGES = ("thoughts", "fear", "accept", "desire", "challenge")
"""The guide's questions in order; the answer to ``challenge`` is the step itself."""


def save_draft(state: State, draft: StepDraft) -> State:
    """The state with ``draft`` as the guide in progress."""
    return state.model_copy(update={"step_draft": draft})


def drop_draft(state: State) -> State:
    """The state without a guide in progress."""
    return state.model_copy(update={"step_draft": None})


def draft_has_words(draft: StepDraft | None) -> bool:
    """Whether a draft holds anything the user wrote (an empty one is not worth keeping)."""
    if draft is None:
        return False
    return any(text.strip() for text in draft.answers.values()) or bool(
        draft.with_whom.strip() or draft.sentence.strip()
    )


def _merge_text(base: str, mine: str, theirs: str) -> str:
    if mine == theirs or theirs == base or theirs in mine:
        return mine
    if mine == base or mine in theirs:
        return theirs
    # Both wrote something different: keep both, theirs first, rather than lose either.
    return f"{theirs}\n\n{mine}"


def merge_draft(base: StepDraft | None, mine: StepDraft, theirs: StepDraft | None) -> StepDraft:
    """Combine this window's draft with the one on disk, written meanwhile by another durf.

    ``base`` is the draft this window last read or saved. Where only one side
    changed a field, that change wins; where both changed a text differently,
    both texts are kept. No word written in either window is lost.
    """
    if theirs is None or base == theirs:
        return mine
    from durf.core.state import StepDraft

    start = base or StepDraft(started_at=mine.started_at, updated_at=mine.started_at)
    merged = mine.model_copy(deep=True)
    keys = [*theirs.answers, *(key for key in mine.answers if key not in theirs.answers)]
    merged.answers = {
        key: _merge_text(
            start.answers.get(key, ""), mine.answers.get(key, ""), theirs.answers.get(key, "")
        )
        for key in keys
    }
    for name in ("with_whom", "sentence"):
        setattr(
            merged,
            name,
            _merge_text(getattr(start, name), getattr(mine, name), getattr(theirs, name)),
        )
    for name in ("trusted", "day", "scariness"):
        if getattr(mine, name) == getattr(start, name):
            setattr(merged, name, getattr(theirs, name))
    merged.started_at = min(mine.started_at, theirs.started_at)
    return merged
