"""A practice session: the exercises strung together into a few calm minutes.

The session does no practice of its own. It plans which parts fit the minutes
asked for and what is open in the user's week, and it keeps one record that
links the parts. Each part is the exercise itself, saved by that exercise's own
functions with the session's id in its details.

Pure functions over plain data: the screens ask the app, the app asks these.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Literal

from durf.core.ids import new_id
from durf.core.weeks import Week

if TYPE_CHECKING:
    from durf.core.affirm import Item
    from durf.core.state import HonestSentence, SessionRecord, State, Step

PartKind = Literal[
    "checkin", "breathe", "affirm", "step", "guide", "sentence", "question", "quadrant", "checkout"
]
PART_OF = "session"
"""The key in a part's own record that holds the id of its session."""
PartStatus = Literal["done", "stopped", "skipped"]
"""``stopped``: begun and left half way (what was done is kept); ``skipped``: passed by."""

DEFAULT_MINUTES = 10
MIN_MINUTES = 3
MAX_MINUTES = 30

# Rough seconds people take for the parts that are not on a timer. They decide
# what fits; the user is never hurried by them.
CHECK_IN_SECONDS = 45
CHECK_OUT_SECONDS = 30
BELIEF_SECONDS = 20
"""The belief ratings before and after the affirmations."""
STEP_SECONDS = 180
"""Looking at this week's step, marking it and a few words of looking back."""
GUIDE_SECONDS = 360
GUIDE_RESUME_SECONDS = 180
SENTENCE_SECONDS = 30
QUESTION_SECONDS = 180
QUADRANT_SECONDS = 300

MIN_BREATHS, MAX_BREATHS = 3, 60
MIN_AFFIRMATIONS, MAX_AFFIRMATIONS = 2, 60
BREATHING_SHARE = 0.45
"""Of the time left for the timed practice, the share that goes to breathing."""


@dataclass(frozen=True)
class Part:
    """One part of a planned session and what it needs to start."""

    kind: PartKind
    seconds: float
    """How long it is expected to take."""
    breaths: int = 0
    pattern_id: str = ""
    affirmations: tuple[str, ...] = ()
    """The keys of the affirmations to practise, in order."""
    seconds_each: int = 0
    step_id: str | None = None
    sentence_id: str | None = None
    prompt_key: str | None = None
    """``set-id/prompt-id`` of the reflection question."""
    resume: bool = False
    """For the guide: carry on with the draft left last time."""
    quadrant_id: str | None = None
    """For the core quadrant: which one."""


@dataclass(frozen=True)
class SessionPlan:
    """The parts of one session, in order, for the minutes asked."""

    minutes: int
    parts: tuple[Part, ...]

    @property
    def seconds(self) -> float:
        """The expected length of the whole session."""
        return sum(part.seconds for part in self.parts)

    @property
    def kinds(self) -> tuple[PartKind, ...]:
        """The kind of each part, in order."""
        return tuple(part.kind for part in self.parts)


def clamp_minutes(minutes: int) -> int:
    """Minutes within what a session offers."""
    return max(MIN_MINUTES, min(MAX_MINUTES, minutes))


def plan_session(
    state: State,
    *,
    minutes: int,
    today: date,
    breath_cycle: float,
    pattern_id: str,
    affirmations: Sequence[Item],
    seconds_each: int,
    prompts: Sequence[str],
    quadrant_id: str | None = None,
) -> SessionPlan:
    """Plan a session of about ``minutes`` from what is open in the user's week.

    Always a check-in, breathing, affirmations and a check-out. Then, as they
    fit: this week's step to mark (or the guide to plan one when there is none,
    or an open honest sentence to follow up) and one reflection question. The
    guide is reflection enough, so it comes with a question only in a long
    session. What time is left goes to the breathing and the affirmations, up
    to what makes sense in one sitting: a long session with quick rhythms can
    plan less than was asked.

    ``pattern_id`` is empty when there is no breathing pattern (then no breathing),
    ``breath_cycle`` the seconds of one breath at the user's pace,
    ``affirmations`` every affirmation that can be practised (in the mix's
    order), ``prompts`` the keys of the reflection questions in order.
    ``quadrant_id`` is the core quadrant to offer in place of the question, when
    one is due (see ``durf.core.quadrant.due_in_session``); it is offered only where
    the question would have been.
    """
    minutes = clamp_minutes(minutes)
    budget = minutes * 60 - CHECK_IN_SECONDS - CHECK_OUT_SECONDS
    breathing = bool(pattern_id)
    practice_at_least = 0.0
    if breathing:
        practice_at_least += MIN_BREATHS * breath_cycle
    if affirmations:
        budget -= BELIEF_SECONDS
        practice_at_least += MIN_AFFIRMATIONS * seconds_each

    extras: list[Part] = []
    week_part = _week_part(state, today, budget - practice_at_least)
    if week_part is not None:
        extras.append(week_part)
        budget -= week_part.seconds
    prompt = question_for_today(state.history, prompts, today)
    # The guide is reflection enough; a long session has room for the question as well.
    room_for_question = QUESTION_SECONDS + (
        GUIDE_SECONDS if week_part is not None and week_part.kind == "guide" else 0
    )
    room_for_quadrant = room_for_question - QUESTION_SECONDS + QUADRANT_SECONDS
    if quadrant_id is not None and budget - room_for_quadrant >= practice_at_least:
        extras.append(Part("quadrant", QUADRANT_SECONDS, quadrant_id=quadrant_id))
        budget -= QUADRANT_SECONDS
    elif prompt is not None and budget - room_for_question >= practice_at_least:
        extras.append(Part("question", QUESTION_SECONDS, prompt_key=prompt))
        budget -= QUESTION_SECONDS

    breaths = count = 0
    if breathing and affirmations:
        breaths = _fit(budget * BREATHING_SHARE / breath_cycle, MIN_BREATHS, MAX_BREATHS)
        count = _fit(
            (budget - breaths * breath_cycle) / seconds_each, MIN_AFFIRMATIONS, MAX_AFFIRMATIONS
        )
    elif breathing:
        breaths = _fit(budget / breath_cycle, MIN_BREATHS, MAX_BREATHS)
    elif affirmations:
        count = _fit(budget / seconds_each, MIN_AFFIRMATIONS, MAX_AFFIRMATIONS)
    parts = [Part("checkin", CHECK_IN_SECONDS)]
    if breaths:
        parts.append(
            Part("breathe", breaths * breath_cycle, breaths=breaths, pattern_id=pattern_id)
        )
    if count:
        keys = practice_order(state, affirmations)
        chosen = tuple(keys[index % len(keys)] for index in range(count))
        parts.append(
            Part(
                "affirm",
                count * seconds_each + BELIEF_SECONDS,
                affirmations=chosen,
                seconds_each=seconds_each,
            )
        )
    parts += extras
    parts.append(Part("checkout", CHECK_OUT_SECONDS))
    return SessionPlan(minutes, tuple(parts))


def _fit(value: float, lowest: int, highest: int) -> int:
    return max(lowest, min(highest, int(value + 0.5)))


def _week_part(state: State, today: date, room: float) -> Part | None:
    """This week's step, the guide, or a sentence to follow up: whichever fits first."""
    from durf.core.steps import draft_has_words

    step = step_to_mark(state, today)
    if step is not None and room >= STEP_SECONDS:
        return Part("step", STEP_SECONDS, step_id=step.id)
    if step is None and not _closed_this_week(state, today):
        resume = draft_has_words(state.step_draft)
        seconds = GUIDE_RESUME_SECONDS if resume else GUIDE_SECONDS
        if seconds <= room:
            return Part("guide", seconds, resume=resume)
    sentence = sentence_to_follow_up(state)
    if sentence is not None and room >= SENTENCE_SECONDS:
        return Part("sentence", SENTENCE_SECONDS, sentence_id=sentence.id)
    return None


def step_to_mark(state: State, today: date) -> Step | None:
    """The step to look at now: one planned for this week, else one left open from before.

    Of several, the one planned for the earliest day comes first.
    """
    this_week = Week.of(today)
    open_steps = [
        step
        for step in state.steps
        if step.status == "planned" and _week_of(step.week) is not None
        if _week_of(step.week) <= this_week  # type: ignore[operator]
    ]
    if not open_steps:
        return None
    label = str(this_week)
    now = [step for step in open_steps if step.week == label]
    if now:
        return min(now, key=lambda step: (step.day or 8, step.created_at))
    return max(open_steps, key=lambda step: (step.week, step.created_at))


def _closed_this_week(state: State, today: date) -> bool:
    """Whether this week already has a step that is done, or let go of: then no new guide."""
    label = str(Week.of(today))
    return any(step.week == label and step.status != "planned" for step in state.steps)


def _week_of(text: str) -> Week | None:
    try:
        return Week.parse(text)
    except ValueError:
        return None


def sentence_to_follow_up(state: State) -> HonestSentence | None:
    """The open honest sentence asked about longest ago (or never)."""
    waiting = [sentence for sentence in state.sentences if sentence.status == "open"]
    if not waiting:
        return None
    return min(waiting, key=lambda sentence: sentence.checked_at or sentence.created_at)


def latest_beliefs(history: Sequence[SessionRecord]) -> dict[str, int]:
    """The last belief rating of every affirmation rated, by key (one walk of the history)."""
    beliefs: dict[str, int] = {}
    for record in history:
        if record.exercise != "affirm":
            continue
        belief = record.details.get("belief")
        if not isinstance(belief, dict) or not isinstance(belief.get("key"), str):
            continue
        rating = belief.get("after")
        if not _is_rating(rating):
            rating = belief.get("before")
        if _is_rating(rating):
            beliefs[belief["key"]] = rating
    return beliefs


def _is_rating(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 10


def practice_order(state: State, affirmations: Sequence[Item]) -> list[str]:
    """Affirmation keys in the order a session practises them.

    The one believed least comes first (it is the one that needs practice),
    then the favourites, then the rest in their usual order.
    """
    keys = [item.key for item in affirmations]
    beliefs = latest_beliefs(state.history)
    rated = sorted((key for key in keys if key in beliefs), key=lambda key: beliefs[key])
    first = rated[:1]
    favourites = [key for key in keys if key in set(state.favourite_affirmations)]
    ordered: list[str] = []
    for key in [*first, *favourites, *keys]:
        if key not in ordered:
            ordered.append(key)
    return ordered


def question_for_today(
    history: Sequence[SessionRecord], prompts: Sequence[str], today: date
) -> str | None:
    """The reflection question for a session today: never the one asked the day before.

    A second session on the same day asks today's question again; otherwise the
    question after the last one asked comes round, in the order of the files.
    """
    if not prompts:
        return None
    for record in reversed(history):
        asked = asked_question(record)
        if asked is None:
            continue
        if record.started_at.date() == today and asked in prompts:
            return asked
        if asked in prompts:
            return prompts[(list(prompts).index(asked) + 1) % len(prompts)]
        return prompts[0]
    return prompts[0]


def last_answer(history: Sequence[SessionRecord], prompt_key: str) -> str:
    """The latest answer written to a question, or an empty string."""
    for record in reversed(history):
        if asked_question(record) == prompt_key:
            answer = record.details["question"].get("answer")
            if isinstance(answer, str) and answer.strip():
                return answer
    return ""


def asked_question(record: SessionRecord) -> str | None:
    """The key of the question a session asked, if it asked one."""
    if record.exercise != "session":
        return None
    question = record.details.get("question")
    if isinstance(question, dict) and isinstance(question.get("key"), str):
        return question["key"]
    return None


# -- one session as it runs ----------------------------------------------------------


@dataclass
class PartResult:
    """What became of one part."""

    kind: PartKind
    status: PartStatus
    record_id: str | None = None
    """The exercise's own record of this part, when it keeps one."""
    step_id: str | None = None
    sentence_id: str | None = None
    outcome: str | None = None
    """For a step: what was decided (done, planned, smaller, moved, not_this_time);
    for a sentence: the answer (said, open, not_needed)."""

    def details(self) -> dict[str, Any]:
        """This part as written into the session's record."""
        written: dict[str, Any] = {"kind": self.kind, "status": self.status}
        for name in ("record_id", "step_id", "sentence_id", "outcome"):
            value = getattr(self, name)
            if value is not None:
                written[name] = value
        return written


@dataclass
class SessionRun:
    """One session in progress: the plan, what became of each part, and the check-ins."""

    plan: SessionPlan
    started_at: datetime
    id: str = field(default_factory=new_id)
    results: list[PartResult] = field(default_factory=list)
    areas: list[str] = field(default_factory=list)
    tension_before: int | None = None
    tension_after: int | None = None
    question_key: str | None = None
    question_text: str = ""
    answer: str = ""
    """The answer to the reflection question, exactly as typed."""
    completed: bool = False
    """Set when the last part is over (done or passed by with ``n``); a session ended
    early (Esc, quitting, a closed terminal) stays not completed."""
    kept: bool = False
    """Whether the record is in the state file (then every later save updates it)."""

    @property
    def position(self) -> int:
        """The index of the part now due (equal to the number of parts when all are over)."""
        return len(self.results)

    @property
    def current(self) -> Part | None:
        """The part now due, or None when the session is over."""
        parts = self.plan.parts
        return parts[self.position] if self.position < len(parts) else None

    @property
    def worth_keeping(self) -> bool:
        """Whether anything was done: an empty session is not kept."""
        return (
            any(result.status != "skipped" for result in self.results)
            or self.tension_before is not None
            or bool(self.answer.strip())
        )

    def details(self) -> dict[str, Any]:
        """The session's details as written into the state file."""
        written: dict[str, Any] = {
            "minutes": self.plan.minutes,
            "planned": list(self.plan.kinds),
            "parts": [result.details() for result in self.results],
            "areas": list(self.areas),
            "tension_before": self.tension_before,
            "tension_after": self.tension_after,
        }
        if self.question_key is not None:
            written["question"] = {
                "key": self.question_key,
                "text": self.question_text,
                "answer": self.answer,
            }
        return written

    def record(self, ended: datetime) -> SessionRecord:
        """The session as one record, linking its parts."""
        from durf.core.state import SessionRecord

        return SessionRecord(
            id=self.id,
            exercise="session",
            started_at=self.started_at,
            ended_at=max(ended, self.started_at),
            completed=self.completed,
            details=self.details(),
        )


def keep_session(state: State, run: SessionRun, ended: datetime) -> State:
    """The state with the session's record added, or brought up to date."""
    record = run.record(ended)
    history = list(state.history)
    for index in range(len(history) - 1, -1, -1):
        if history[index].id == run.id:
            history[index] = record
            break
    else:
        history.append(record)
    return state.model_copy(update={"history": history})


def skip_rest(run: SessionRun) -> None:
    """Mark every part not reached as skipped (a session ended early)."""
    run.results += [PartResult(part.kind, "skipped") for part in run.plan.parts[run.position :]]


def within_session(before: State, after: State, run: SessionRun, ended: datetime) -> State:
    """``after``, a change made during ``run``, with the session kept in the same save.

    Records the change added (an exercise's own record of a part) are tied to
    the session by its id, so the figures count their time once, as the
    session's; the session's own record is added or brought up to date.
    """
    known = len(before.history)
    added = [
        record
        if record.id == run.id
        else record.model_copy(update={"details": {**record.details, PART_OF: run.id}})
        for record in after.history[known:]
    ]
    if not added and not run.kept and not run.worth_keeping:
        return after
    state = after.model_copy(update={"history": [*after.history[:known], *added]})
    return keep_session(state, run, ended)


def part_record(state: State, run: SessionRun, exercise: str) -> str | None:
    """The id of the latest record of ``exercise`` kept as a part of ``run``."""
    for record in reversed(state.history):
        if record.exercise == exercise and record.details.get(PART_OF) == run.id:
            return record.id
        if record.started_at < run.started_at:
            return None
    return None


def is_part(record: SessionRecord) -> bool:
    """Whether a record is a part of a session: its time and count are the session's.

    The session's record is written in the same save as its first part, so a
    part never exists without it (short of a hand edit).
    """
    return isinstance(record.details.get(PART_OF), str)


def practice_count(history: Sequence[SessionRecord]) -> int:
    """How many practice sessions the history holds: a session with its parts is one."""
    return sum(1 for record in history if not is_part(record))


def parts_done(run: SessionRun) -> tuple[int, int]:
    """How many parts were done (fully or in part), of how many planned."""
    return sum(1 for result in run.results if result.status != "skipped"), len(run.plan.parts)
