"""Small steps: the guide's draft, planning a step, and what can happen to it.

Every function here takes a state and returns a new one. A step that did not
happen is never a failure: it can be made smaller (a new, linked step), moved
to the next week (a linked copy), or let go ("not this time").

Where each part lives: ``draft`` (the guide in progress), ``plan`` (a guide
becomes a step), ``changes`` (what can happen to it), ``ladders`` (steps towards
one desire), ``board`` (a week's steps) and ``status`` (the marks, the errors and
finding a step).
"""

from durf.core.steps.board import steps_in_week, weeks_with_steps
from durf.core.steps.changes import (
    SMALLER_DETAILS,
    edit_step,
    keep_reflection,
    let_go,
    make_smaller,
    mark_done,
    move_target,
    move_to_next_week,
    reopen,
)
from durf.core.steps.draft import (
    GUIDE_PAGES,
    SMALLER_OFFER_FROM,
    draft_has_words,
    drop_draft,
    merge_draft,
    save_draft,
)
from durf.core.steps.ladders import (
    LadderView,
    Rung,
    desire_key,
    earlier_desires,
    find_ladder,
    ladder_of,
    ladder_view,
    rung_of,
)
from durf.core.steps.plan import plan_step
from durf.core.steps.status import (
    OPEN_STATUSES,
    STATUS_MARKS,
    StepConflict,
    StepError,
    find_step,
)

__all__ = [
    "GUIDE_PAGES",
    "OPEN_STATUSES",
    "SMALLER_DETAILS",
    "SMALLER_OFFER_FROM",
    "STATUS_MARKS",
    "LadderView",
    "Rung",
    "StepConflict",
    "StepError",
    "desire_key",
    "draft_has_words",
    "drop_draft",
    "earlier_desires",
    "edit_step",
    "find_ladder",
    "find_step",
    "keep_reflection",
    "ladder_of",
    "ladder_view",
    "let_go",
    "make_smaller",
    "mark_done",
    "merge_draft",
    "move_target",
    "move_to_next_week",
    "plan_step",
    "reopen",
    "rung_of",
    "save_draft",
    "steps_in_week",
    "weeks_with_steps",
]
