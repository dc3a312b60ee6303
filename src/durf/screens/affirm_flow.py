"""What an affirmation session carries from step to step, and where its items come from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from durf.core.affirm import AffirmSession, Item, Plan, record_affirm_session

if TYPE_CHECKING:
    from datetime import datetime

    from durf.core.state import State


@dataclass
class AffirmFlow:
    """One run of the affirmations exercise."""

    session: AffirmSession
    items: list[Item] = field(default_factory=list)
    plan: Plan | None = None
    started: bool = False
    """Whether any affirmation was shown: only then is a stopped session kept."""
    saved: bool = False

    @property
    def worth_keeping(self) -> bool:
        """A session is kept once practice began."""
        return self.started

    def record(self, state: State, ended: datetime, completed: bool) -> State:
        """The state with this session added."""
        return record_affirm_session(state, self.session, ended, completed)
