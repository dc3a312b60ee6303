"""The parts of a session: each exercise's own screen, with the session's keys.

In a session, ``n`` goes on to the next part (Ctrl+N where a text field has
the keys) and Esc ends the session. Where an exercise would go on to its own
next step (breathing to the honest sentence, the guide to the board), the part
is over instead and the session shows the next one. The few screens only a
session has (this week's step, a sentence to follow up, the question) are here
too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import OptionList, SelectionList, Static, TextArea
from textual.widgets.option_list import Option

from durf.core.i18n import t
from durf.core.session import PartResult
from durf.core.text import one_line, shown
from durf.screens.affirm_belief import BeliefScreen
from durf.screens.affirm_session import AffirmSessionScreen
from durf.screens.base import DurfScreen
from durf.screens.breathe import BreatheScreen
from durf.screens.breathe_checkin import CheckInScreen
from durf.screens.breathe_checkout import CheckOutScreen
from durf.screens.session import SessionFlow
from durf.screens.step_guide import GuideScreen
from durf.widgets.scale import Scale
from durf.widgets.shown_fields import ShownTextArea

if TYPE_CHECKING:
    from textual.timer import Timer

    from durf.core.session import Part, PartStatus
    from durf.screens.session import SessionScreen

NEXT_PART: tuple[str, str] = ("n", "session.key_next_part")
NEXT_PART_TYPING: tuple[str, str] = ("Ctrl+N", "session.key_next_part")
END: tuple[str, str] = ("Esc", "session.key_end")
SAVE_AFTER_SECONDS = 1.0
"""A pause in writing the answer this long keeps it."""
BARELY_SECONDS = 3.0
"""A timed part left within this many seconds was passed by, not practised: it is not kept."""


SESSION_KEYS = [
    Binding("n", "next_part", show=False),
    Binding("ctrl+n", "next_part", show=False, priority=True),
]
"""Every part's own keys, besides the exercise's."""


class SessionPart:
    """What every part shares: its place in the title, n for the next part, Esc to end.

    A mixin put before the exercise's screen class, which stays the first screen
    base so that the exercise's styles (``CheckInScreen #areas``) still apply.
    Textual merges only screen classes' bindings: each part lists ``SESSION_KEYS``.
    """

    IN_SESSION: ClassVar[bool] = True
    hub: SessionScreen
    part: Part
    app: Any
    durf: Any

    def title_text(self) -> str:
        """Where in the session this part is."""
        return t("app.title", screen=self.hub.title_of(self.part))

    def action_next_part(self) -> None:
        """On to the next part; what this one did so far is kept."""
        self.hub.part_over(self.keep_part(completed=False))

    def action_back(self) -> None:
        """Esc ends the whole session (after asking)."""
        self.hub.ask_to_end(self)

    def keep_part(self, completed: bool, quitting: bool = False) -> PartResult:
        """Save what this part did and say what became of it."""
        return PartResult(self.part.kind, "done" if completed else "skipped")

    def carry_on_as(self, screen: SessionPart) -> None:
        """Go on to the next screen of the same part (it belongs to the same session)."""
        screen.hub, screen.part = self.hub, self.part
        self.go_to(screen)  # type: ignore[attr-defined]


def _flow_result(screen: Any, completed: bool, quitting: bool, barely: bool) -> PartResult:
    """Keep an exercise's flow (finished, or stopped part way) and say how it went.

    ``barely``: so little was done that the part counts as passed by, and is not kept.
    """
    kind = screen.part.kind
    if quitting and screen.flow.saved:
        # Kept on the way out (``keep_everything``), however little it held.
        return PartResult(kind, "stopped")
    if not completed and (barely or not screen.flow.worth_keeping):
        return PartResult(kind, "skipped")
    if not quitting:
        screen.remember()
        if not screen.attempt(lambda: screen.practice.keep(screen.flow, completed)):
            return PartResult(kind, "stopped")
    status: PartStatus = "done" if completed else "stopped"
    return PartResult(kind, status)


# -- check-in and check-out ------------------------------------------------------------


class SessionCheckIn(SessionPart, CheckInScreen):
    """Where is the tension, and how strong: the check-in of breathing, for the session."""

    BINDINGS: ClassVar = SESSION_KEYS

    KEY_HINTS: ClassVar = [
        ("keyname.space", "keys.mark"),
        ("Tab", "keys.next_field"),
        ("Enter", "keys.next"),
        NEXT_PART,
        END,
    ]

    def _continue(self) -> None:
        self.hub.part_over(self.keep_part(completed=True))

    def keep_part(self, completed: bool, quitting: bool = False) -> PartResult:
        """The answers go into the session, also when it goes on or ends from here."""
        self.remember()
        run = self.hub.run
        noted = run is not None and (run.tension_before is not None or bool(run.areas))
        return PartResult("checkin", "done" if noted else "skipped")

    def action_skip(self) -> None:
        """s, as in breathing: go on, noting nothing."""
        self.query_one("#tension", Scale).value = None
        self.query_one("#areas", SelectionList).deselect_all()
        self.action_next_part()


class SessionCheckOut(SessionPart, CheckOutScreen):
    """The tension now, before and after side by side, and what the session held."""

    BINDINGS: ClassVar = SESSION_KEYS

    KEY_HINTS: ClassVar = [("← →", "keys.rate"), ("Enter", "keys.finish"), END]

    def compose_body(self) -> ComposeResult:
        """The check-out of breathing, and a line on each part."""
        yield from super().compose_body()
        yield Static(self._summary(), id="session-summary")

    def _summary(self) -> Content:
        run = self.hub.run
        assert run is not None
        lines: list[Content] = []
        for part, result in zip(run.plan.parts, run.results, strict=False):
            mark, style = ("✓", "$success") if result.status == "done" else ("·", "$text-muted")
            if result.status == "stopped":
                mark, style = ("◐", "$warning")
            lines.append(
                Content.assemble((f"{mark} ", style), (self.hub.part_name(part), "$text-muted"))
            )
        return Content("\n").join(lines)

    def _done_when_rated(self) -> None:
        if self.app.screen is self:
            self.hub.part_over(self.keep_part(completed=True))

    def keep_part(self, completed: bool, quitting: bool = False) -> PartResult:
        """The rating goes into the session."""
        self.remember()
        run = self.hub.run
        rated = run is not None and run.tension_after is not None
        return PartResult("checkout", "done" if rated or completed else "skipped")


# -- breathing ----------------------------------------------------------------------------


class SessionBreathe(SessionPart, BreatheScreen):
    """Paced breathing with the remembered rhythm; the part is over with the last breath."""

    BINDINGS: ClassVar = SESSION_KEYS

    KEY_HINTS: ClassVar = [
        ("keyname.space", "keys.pause"),
        ("← →", "keys.slower_faster"),
        NEXT_PART,
        END,
    ]

    def _breathing_done(self, elapsed: float) -> None:
        self._note_progress(elapsed)
        self.hub.part_over(self.keep_part(completed=True))

    def keep_part(self, completed: bool, quitting: bool = False) -> PartResult:
        """Kept as a breathing session of its own, tied to this session."""
        if not quitting:
            self.remember()
        barely = self.flow.session.breathing_seconds < BARELY_SECONDS
        return _flow_result(self, completed, quitting, barely)


# -- affirmations -------------------------------------------------------------------------


class SessionBelief(SessionPart, BeliefScreen):
    """How much do you believe it: before and after the affirmations of the session."""

    BINDINGS: ClassVar = SESSION_KEYS

    KEY_HINTS: ClassVar = [("← →", "keys.rate"), ("Enter", "keys.next"), NEXT_PART, END]

    def _next(self) -> None:
        if self.stage == "before":
            self.carry_on_as(SessionAffirmPractice(self.flow))
            return
        result = self.keep_part(completed=True)
        if result.status == "done":
            self.offer_stepping_stone()
        self.hub.part_over(result)

    def keep_part(self, completed: bool, quitting: bool = False) -> PartResult:
        """Kept as an affirmation session of its own, tied to this session."""
        return _flow_result(self, completed, quitting, barely=False)


class SessionAffirmPractice(SessionPart, AffirmSessionScreen):
    """The affirmations on their timer, in the order the session chose."""

    BINDINGS: ClassVar = SESSION_KEYS

    KEY_HINTS: ClassVar = [
        ("keyname.space", "keys.pause"),
        ("← →", "keys.back_forward"),
        ("*", "keys.favourite"),
        NEXT_PART,
        END,
    ]

    RECALL_HINTS: ClassVar = [
        ("Enter", "keys.check_then_next"),
        ("Ctrl+T", "keys.pause"),
        ("Ctrl+F", "keys.favourite"),
        NEXT_PART_TYPING,
        END,
    ]

    def _done(self) -> None:
        self.remember()
        self.carry_on_as(SessionBelief(self.flow, stage="after"))

    def keep_part(self, completed: bool, quitting: bool = False) -> PartResult:
        """Kept as an affirmation session of its own, tied to this session."""
        if not quitting:
            self.remember()
        session = self.flow.session
        # A rating is something the user gave: never passed by, however quick the part.
        barely = session.practice_seconds < BARELY_SECONDS and session.belief_before is None
        return _flow_result(self, completed, quitting, barely)


# -- this week's step ---------------------------------------------------------------------


class SessionGuide(SessionPart, GuideScreen):
    """The five-step guide, to plan this week's step; the draft is kept whatever happens."""

    BINDINGS: ClassVar = SESSION_KEYS

    KEY_HINTS: ClassVar = [
        ("PgDn", "keys.next"),
        ("PgUp", "keys.previous"),
        NEXT_PART_TYPING,
        END,
    ]
    DETAILS_HINTS: ClassVar = [
        ("PgDn", "guide.key_plan"),
        ("PgUp", "keys.previous"),
        NEXT_PART_TYPING,
        END,
    ]

    def planned(self, step_id: str) -> None:
        """The step is planned: the part is over (the board can wait)."""
        self.hub.part_over(PartResult("guide", "done", step_id=step_id, outcome="planned"))

    def begin_again(self) -> None:
        """Empty pages, still within the session."""
        from durf.core.state import StepDraft

        now = self.durf.clock.now()
        fresh = self.durf.guide_screen(SessionGuide, StepDraft(started_at=now, updated_at=now))
        self.carry_on_as(fresh)

    def keep_part(self, completed: bool, quitting: bool = False) -> PartResult:
        """The draft is kept for next time; the part was begun if it holds words."""
        from durf.core.steps import draft_has_words

        if not quitting:
            self.keep_typed()
        status: PartStatus = "stopped" if draft_has_words(self.draft) else "skipped"
        return PartResult("guide", status)


class SessionStepScreen(SessionPart, DurfScreen):
    """This week's step: did it happen, not yet, smaller, next week, or not this time."""

    BINDINGS: ClassVar = SESSION_KEYS

    TITLE_KEY = "session.title"
    CSS_PATH = "session.tcss"
    KEY_HINTS: ClassVar = [("Enter", "keys.choose_this_one"), NEXT_PART, END]
    CHOICES: ClassVar = ("done", "not_yet", "smaller", "moved", "not_this_time")

    def __init__(self, step_id: str) -> None:
        super().__init__()
        self.step_id = step_id

    def compose_body(self) -> ComposeResult:
        """The step as planned, and what can become of it."""
        from durf.core.steps import StepError, find_step, move_target

        try:
            step = find_step(self.practice.loaded_state, self.step_id)
        except StepError:
            yield from _gone_elsewhere(self, PartResult("step", "skipped", step_id=self.step_id))
            return
        this_week = self.practice.steps.this_week
        heading = (
            t("session.step_heading")
            if step.week == str(this_week)
            else t("session.step_heading_earlier", number=int(step.week[-2:]))
        )
        with VerticalScroll(id="step-part", can_focus=False):
            yield Static(heading, classes="question", markup=False)
            yield Static(shown(step.what), id="step-what", markup=False)
            details = []
            if step.with_whom.strip():
                details.append(t("session.step_with", who=one_line(step.with_whom, 40)))
            if step.sentence.strip():
                details.append(t("session.step_sentence", sentence=one_line(step.sentence, 60)))
            if details:
                yield Static("\n".join(details), classes="muted", markup=False)
            target = move_target(step, this_week)
            words = {
                "done": t("session.step.done"),
                "not_yet": t("session.step.not_yet"),
                "smaller": t("session.step.smaller"),
                "moved": t("session.step.moved", number=target.number),
                "not_this_time": t("session.step.not_this_time"),
            }
            yield OptionList(
                *[Option(words[choice], id=choice) for choice in self.CHOICES], id="step-choices"
            )

    def on_mount(self) -> None:
        """The choices have the keys."""
        self.after_relocalize()

    def after_relocalize(self) -> None:
        """Rebuilt in another language: the choices have the keys again."""
        for choices in self.query("#step-choices").results(OptionList):
            choices.focus()

    @on(OptionList.OptionSelected, "#step-choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        from durf.screens.step_form import StepFormScreen
        from durf.screens.step_reflect import ReflectScreen

        choice = event.option.id
        if choice == "done":
            self.app.push_screen(ReflectScreen(self.step_id))
        elif choice == "smaller":
            self.app.push_screen(StepFormScreen(self.step_id, smaller=True))
        elif choice == "not_yet":
            self.hub.part_over(PartResult("step", "done", step_id=self.step_id, outcome="planned"))
        elif choice == "moved":
            week = self.attempt(lambda: self.practice.steps.move(self.step_id))
            if week is not None:
                self.app.notify(t("board.moved", number=week.number), timeout=6)
                self._decided()
        elif choice == "not_this_time" and self.attempt(
            lambda: self.practice.steps.let_go(self.step_id)
        ):
            self.app.notify(t("board.let_go"), timeout=6)
            self._decided()

    def on_screen_resume(self) -> None:
        """Back from the look back or the smaller step: over once the step was changed."""
        self._decided()

    def _status(self) -> str | None:
        from durf.core.steps import StepError, find_step

        try:
            return find_step(self.practice.loaded_state, self.step_id).status
        except StepError:
            return None

    def _decided(self) -> None:
        status = self._status()
        if status is not None and status != "planned":
            self.hub.part_over(PartResult("step", "done", step_id=self.step_id, outcome=status))

    def keep_part(self, completed: bool, quitting: bool = False) -> PartResult:
        """Done if the step was decided on; a reflection written is kept by its own screen."""
        status = self._status()
        if status is not None and status != "planned":
            return PartResult("step", "done", step_id=self.step_id, outcome=status)
        return PartResult("step", "skipped", step_id=self.step_id)


class SessionSentence(SessionPart, DurfScreen):
    """An honest sentence rehearsed earlier: did you say it?"""

    BINDINGS: ClassVar = SESSION_KEYS

    TITLE_KEY = "session.title"
    CSS_PATH = "session.tcss"
    KEY_HINTS: ClassVar = [("Enter", "keys.choose_this_one"), NEXT_PART, END]
    ANSWERS: ClassVar = ("said", "open", "not_needed")

    def __init__(self, sentence_id: str) -> None:
        super().__init__()
        self.sentence_id = sentence_id

    def compose_body(self) -> ComposeResult:
        """The sentence exactly as written, for whom, and the three answers."""
        sentence = next(
            (s for s in self.practice.loaded_state.sentences if s.id == self.sentence_id), None
        )
        if sentence is None:
            gone = PartResult("sentence", "skipped", sentence_id=self.sentence_id)
            yield from _gone_elsewhere(self, gone)
            return
        yield Static(t("session.sentence_heading"), classes="question", markup=False)
        yield Static(shown(sentence.text), id="sentence-text", markup=False)
        if sentence.for_whom.strip():
            yield Static(
                t("rehearse.for_whom", who=shown(sentence.for_whom)), classes="muted", markup=False
            )
        yield OptionList(
            *[Option(t(f"session.sentence.{answer}"), id=answer) for answer in self.ANSWERS],
            id="sentence-answers",
        )

    def on_mount(self) -> None:
        """The answers have the keys."""
        self.after_relocalize()

    def after_relocalize(self) -> None:
        """Rebuilt in another language: the answers have the keys again."""
        for answers in self.query("#sentence-answers").results(OptionList):
            answers.focus()

    @on(OptionList.OptionSelected, "#sentence-answers")
    def _answered(self, event: OptionList.OptionSelected) -> None:
        answer = str(event.option.id)
        if self.attempt(
            lambda: self.practice.breathing.answer_sentence(self.sentence_id, answer)  # type: ignore[arg-type]
        ):
            self.app.notify(t(f"followup.answered_{answer}"), timeout=4)
            self.hub.part_over(
                PartResult("sentence", "done", sentence_id=self.sentence_id, outcome=answer)
            )


class SessionQuestion(SessionPart, DurfScreen):
    """One reflection question, with room to write; the answer is kept as typed."""

    TITLE_KEY = "session.title"
    CSS_PATH = "session.tcss"
    AUTO_FOCUS = ""
    KEY_HINTS: ClassVar = [("Ctrl+S", "session.key_keep"), NEXT_PART_TYPING, END]
    BINDINGS: ClassVar = [*SESSION_KEYS, Binding("ctrl+s", "keep", show=False, priority=True)]

    def __init__(self, prompt_key: str) -> None:
        super().__init__()
        self.prompt_key = prompt_key

    def compose_body(self) -> ComposeResult:
        """The question, the last answer to it, and the writing room."""
        run = self.hub.run
        assert run is not None
        run.question_key = self.prompt_key
        run.question_text = self.practice.session.prompt_text(self.prompt_key)
        yield Static(shown(run.question_text), classes="question", id="question", markup=False)
        earlier = self.practice.session.last_answer(self.prompt_key)
        if earlier:
            yield Static(
                t("session.last_answer", answer=one_line(earlier, 70)),
                classes="muted",
                id="last-answer",
                markup=False,
            )
        yield ShownTextArea(
            run.answer,
            soft_wrap=True,
            tab_behavior="focus",
            show_line_numbers=False,
            id="answer",
        )
        yield Static(t("session.question_note"), classes="note", markup=False)

    def on_mount(self) -> None:
        """Straight into writing."""
        self._save_timer: Timer | None = None
        self.after_relocalize()

    def after_relocalize(self) -> None:
        """Rebuilt in another language: back in the answer, at the end of its words."""
        area = self.query_one("#answer", TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    @on(TextArea.Changed, "#answer")
    def _typed(self, event: TextArea.Changed) -> None:
        run = self.hub.run
        if run is not None and run.answer != event.text_area.text:
            run.answer = event.text_area.text
            # Kept a moment after the typing stops, as the guide does: a crash or a
            # killed terminal loses at most the last few words.
            if self._save_timer is not None:
                self._save_timer.stop()
            self._save_timer = self.set_timer(SAVE_AFTER_SECONDS, self.hub.keep_now)

    def action_keep(self) -> None:
        """Keep the answer and go on."""
        self.hub.part_over(self.keep_part(completed=True))

    def keep_part(self, completed: bool, quitting: bool = False) -> PartResult:
        """The answer goes into the session's record (saved with it)."""
        run = self.hub.run
        if run is not None and self.query("#answer"):
            run.answer = self.query_one("#answer", TextArea).text
        answered = run is not None and bool(run.answer.strip())
        return PartResult("question", "done" if answered else "skipped")


# -- which screen for which part ------------------------------------------------------------


def _gone_elsewhere(screen: SessionPart, result: PartResult) -> ComposeResult:
    """What a part shows when another durf closed its step or sentence meanwhile: a
    word on it, and then the next part."""
    yield Static(t("session.changed_elsewhere"), classes="question", markup=False)
    screen.call_after_refresh(screen.hub.part_over, result)


def screen_for(hub: SessionScreen, part: Part) -> SessionPart | None:
    """The screen that begins ``part``, or None when there is nothing to do for it now."""
    app = hub.durf
    run = hub.run
    screen: SessionPart | None
    if part.kind == "checkin":
        screen = SessionCheckIn(SessionFlow(run))
    elif part.kind == "checkout":
        screen = SessionCheckOut(SessionFlow(run))
    elif part.kind == "breathe":
        breathing = app.practice.breathing
        pattern = breathing.pattern_by_id(part.pattern_id) or breathing.current_pattern()
        if pattern is None:
            return None
        flow = breathing.flow_now(pattern, part.breaths)
        screen = SessionBreathe(flow)
    elif part.kind == "affirm":
        flow = app.practice.affirmations.session_flow(part)
        if flow is None:
            return None
        screen = SessionBelief(flow, stage="before")
    elif part.kind == "step":
        from durf.core.steps import StepError, find_step

        try:
            still_open = find_step(app.practice.loaded_state, str(part.step_id)).status == "planned"
        except StepError:
            still_open = False
        if not still_open:
            return None
        screen = SessionStepScreen(str(part.step_id))
    elif part.kind == "guide":
        screen = app.guide_screen(SessionGuide)
    elif part.kind == "sentence":
        waiting = any(
            s.id == part.sentence_id and s.status == "open"
            for s in app.practice.loaded_state.sentences
        )
        if not waiting:
            return None
        screen = SessionSentence(str(part.sentence_id))
    elif part.kind == "quadrant":
        from durf.screens.session_quadrant import session_quadrant_screen

        screen = session_quadrant_screen(app.practice, part)
        if screen is None:
            return None
    else:
        screen = SessionQuestion(str(part.prompt_key))
    screen.hub, screen.part = hub, part
    return screen
