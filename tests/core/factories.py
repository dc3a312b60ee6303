"""Small builders of realistic state for tests."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from uuid import uuid4

from durf.core.state import SessionRecord, State

AMSTERDAM_WINTER = timezone(timedelta(hours=1))


def session(
    started: datetime,
    *,
    minutes: float = 5,
    exercise: str = "breathe",
    completed: bool = True,
    **details: object,
) -> SessionRecord:
    """One session starting at ``started`` and lasting ``minutes``."""
    return SessionRecord(
        id=uuid4().hex,
        exercise=exercise,  # type: ignore[arg-type]
        started_at=started,
        ended_at=started + timedelta(minutes=minutes),
        completed=completed,
        details=dict(details),
    )


def state_with_sessions(count: int, start: datetime | None = None) -> State:
    """A state with ``count`` sessions, one a day from ``start``."""
    first = start or datetime(2026, 1, 5, 8, 30, tzinfo=AMSTERDAM_WINTER)
    return State(
        history=[
            session(first + timedelta(days=day), tension_before=6, tension_after=3)
            for day in range(count)
        ]
    )


STORY_TEXT = {
    "en": {
        "home": "Show at home how I really feel",
        "work": "Ask for help at work without shame",
        "no": "Say no without explaining myself",
        "tired": "Tell Mia I'm tired instead of saying 'fine'",
        "figures": "Ask Sam to explain the figures in the team meeting",
        "one_question": "Ask Sam one question after the meeting",
        "draft": "Ask Sam to look at my draft before Friday",
        "shift": "Say no to the extra Saturday shift",
        "interview": "Tell Mia about the job interview",
        "miss": "Send Mia a message that I miss our walks",
        "sentence": "I'd like a second pair of eyes on this.",
        "happened": "I asked right after the meeting. It took ten seconds.",
        "reaction": "Sam smiled and drew it on the whiteboard.",
        "learned": "Nobody thought less of me. The question helped others too.",
    },
    "nl": {
        "home": "Thuis laten zien hoe ik me echt voel",
        "work": "Op mijn werk om hulp vragen zonder schaamte",
        "no": "Nee zeggen zonder mezelf uit te leggen",
        "tired": "Mia zeggen dat ik moe ben in plaats van 'goed hoor'",
        "figures": "Sam in het teamoverleg vragen de cijfers uit te leggen",
        "one_question": "Sam na het overleg één vraag stellen",
        "draft": "Sam vragen vóór vrijdag naar mijn concept te kijken",
        "shift": "Nee zeggen tegen de extra zaterdagdienst",
        "interview": "Mia vertellen over het sollicitatiegesprek",
        "miss": "Mia een berichtje sturen dat ik onze wandelingen mis",
        "sentence": "Ik zou graag een tweede paar ogen op dit stuk willen.",
        "happened": "Ik vroeg het meteen na het overleg. Het duurde tien seconden.",
        "reaction": "Sam glimlachte en tekende het uit op het bord.",
        "learned": "Niemand dacht minder over me. De vraag hielp anderen ook.",
    },
}


def step_story(language: str, now: datetime) -> State:
    """Three weeks of small steps up to ``now``'s week, in the user's own words.

    Two ladders climbed over several weeks, a step made smaller and then done,
    one moved on, one let go, one planned: what a board looks like after a while.
    """
    from durf.core.state import StepDraft, StepReflection
    from durf.core.steps import let_go, make_smaller, mark_done, move_to_next_week, plan_step
    from durf.core.weeks import Week

    words = STORY_TEXT[language]
    this_week = Week.of(now.date())

    def guided(
        state: State, what: str, desire: str, weeks_ago: int, **fields: object
    ) -> tuple[State, str]:
        week = this_week.shifted(-weeks_ago)
        when = datetime.combine(week.monday, now.timetz()) + timedelta(days=1)
        draft = StepDraft(
            started_at=when - timedelta(minutes=7),
            updated_at=when,
            answers={"desire": desire, "challenge": what},
            **fields,  # type: ignore[arg-type]
        )
        return plan_step(state, draft, week, when, when - timedelta(minutes=7))

    def looked_back(felt: int, *, full: bool = False) -> StepReflection:
        return StepReflection(
            what_happened=words["happened"] if full else "",
            their_reaction=words["reaction"] if full else "",
            learned=words["learned"] if full else "",
            scariness_after=felt,
            written_at=now,
        )

    state, tired = guided(State(), words["tired"], words["home"], 2, scariness=7, with_whom="Mia")
    state = mark_done(state, tired, looked_back(4), now, now)
    state, figures = guided(state, words["figures"], words["work"], 1, scariness=9, day=2)
    state, question = make_smaller(
        state, figures, words["one_question"], this_week.shifted(-1), now, scariness=6, day=2
    )
    state = mark_done(state, question, looked_back(3, full=True), now, now)
    state, _ = guided(
        state,
        words["draft"],
        words["work"],
        0,
        scariness=6,
        day=4,
        with_whom="Sam",
        trusted="yes",
        sentence=words["sentence"],
    )
    state, miss = guided(state, words["miss"], words["home"], 0, scariness=3, with_whom="Mia")
    state = mark_done(state, miss, looked_back(2), now, now)
    state, interview = guided(state, words["interview"], words["home"], 0, scariness=8)
    state, _ = move_to_next_week(state, interview, this_week, now)
    state, shift = guided(state, words["shift"], words["no"], 0, scariness=8, day=6)
    state = let_go(state, shift, now)
    return state


PRACTICE_TEXT = {
    "en": {
        "sentences": [
            "I find this hard to say, but I need your help.",
            "I don't know yet, and that's all right.",
            "It feels scary to tell you this.",
        ],
        "for_whom": ["Sam", "Mia", ""],
        "affirmation": "Asking for help takes courage.",
    },
    "nl": {
        "sentences": [
            "Ik vind dit lastig om te zeggen, maar ik heb je hulp nodig.",
            "Ik weet het nog niet, en dat mag.",
            "Het voelt spannend om je dit te vertellen.",
        ],
        "for_whom": ["Sam", "Mia", ""],
        "affirmation": "Om hulp vragen vraagt moed.",
    },
}


def practice_story(language: str, now: datetime, *, seed: int = 47) -> State:
    """About eleven weeks of practice up to ``now``, with the small steps of ``step_story``.

    Breathing sessions whose tension drops a little more as the weeks go by,
    affirmation sessions with belief that grows, some days off, a few sessions
    stopped early, the last five days in a row, and three sentences waiting.
    """
    import random

    from durf.core.breathing import BreathingSession, record_session

    rng = random.Random(seed)
    words = PRACTICE_TEXT[language]
    state = step_story(language, now)
    history = list(state.history)
    records = []
    for days_ago in range(76, -1, -1):
        practised = days_ago < 5 or rng.random() < 0.55
        if not practised or (5 <= days_ago <= 6):
            continue
        day_start = (now - timedelta(days=days_ago)).replace(hour=8, minute=10)
        progress = 1 - days_ago / 76
        before = min(10, max(0, round(7 - progress + rng.uniform(-1, 1))))
        after = max(0, before - round(1 + 2 * progress + rng.uniform(0, 1)))
        records.append(
            session(
                day_start,
                minutes=rng.choice((3, 4, 6, 8)),
                completed=rng.random() > 0.1,
                tension_before=before,
                tension_after=after,
                breaths_done=6,
                breaths_planned=6,
                areas=["throat", "chest"],
            )
        )
        if rng.random() < 0.6:
            belief_before = min(10, round(3 + 4 * progress + rng.uniform(-1, 1)))
            records.append(
                session(
                    day_start + timedelta(hours=12),
                    minutes=rng.choice((2, 3, 5)),
                    exercise="affirm",
                    shown=8,
                    mode="read",
                    belief={
                        "key": "set/ask-for-help",
                        "text": words["affirmation"],
                        "before": belief_before,
                        "after": min(10, belief_before + 1),
                    },
                )
            )
    history = sorted(history + records, key=lambda record: record.started_at)
    state = state.model_copy(update={"history": history})
    for index, text in enumerate(words["sentences"]):
        moment = now - timedelta(days=2 * index + 1)
        breathing = BreathingSession(
            started_at=moment,
            sentence=text,
            for_whom=words["for_whom"][index],
            rehearsed=True,
            completed=True,
            breaths_done=6,
            tension_before=6,
            tension_after=3,
        )
        state = record_session(state, breathing, moment + timedelta(minutes=5))
    return state.model_copy(
        update={"history": sorted(state.history, key=lambda record: record.started_at)}
    )
