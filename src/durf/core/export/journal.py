"""The export as a Markdown journal by ISO week, to read yourself or to share with a coach."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING

from durf.core.dates import long_date, week_range
from durf.core.export.journal_sessions import SessionEntries
from durf.core.export.journal_steps import StepEntries
from durf.core.i18n import Language, get_language, set_language, t, tn
from durf.core.session import practice_count
from durf.core.weeks import Week

if TYPE_CHECKING:
    from durf.core.quadrant.exercise_file import Quadrant
    from durf.core.state import State


@contextlib.contextmanager
def _speaking(language: Language) -> Iterator[None]:
    """Word the journal in ``language`` without changing the language of the rest of durf."""
    before = get_language()
    set_language(language)
    try:
        yield
    finally:
        set_language(before)


def export_markdown(
    state: State,
    language: Language,
    *,
    today: date | None = None,
    zone: tzinfo | None = None,
    quadrants: Mapping[str, Quadrant] | None = None,
) -> str:
    """A journal by ISO week, to read yourself or to share with a coach.

    Per week: the small steps with their status, guide answers and look back, then
    the practice sessions day by day with their check-ins, sentences and belief
    ratings. Sentences still waiting to be said come first. Dates are local.
    """
    with _speaking(language):
        when = today or datetime.now(zone).date()
        return Journal(state, zone, quadrants).render(when)


class Journal(StepEntries, SessionEntries):
    """Builds the Markdown text line by line: the head, then week after week, newest first."""

    def render(self, today: date) -> str:
        """The whole journal as it reads on ``today``."""
        state = self.state
        self.add(f"# {t('export.md.title')}")
        self.add()
        self.add(
            t(
                "export.md.exported",
                date=long_date(today),
                year=today.year,
                sessions=tn("data.sessions", practice_count(state.history)),
                steps=tn("data.steps", len(state.steps)),
                sentences=tn("data.sentences", len(state.sentences)),
            )
        )
        self.add(t("export.md.order"))
        weeks = self.weeks()
        if not weeks and not state.own_affirmations and state.step_draft is None:
            self.add()
            self.add(t("export.md.empty"))
        self.open_sentences()
        for week in weeks:
            self.week(week)
        self.draft()
        self.own_affirmations()
        return "\n".join(self.lines) + "\n"

    def weeks(self) -> list[Week]:
        """Every week with a session, a step or a sentence in it, newest first.

        Newest first because whoever opens the journal (you, or a coach you share it
        with) mostly wants to know how it goes now; within a week the days run in
        order, Monday first, because a week reads best as one short story.
        """
        found = set(self.sessions_by_week) | set(self.loose_by_week)
        found |= {Week.parse(step.week) for step in self.state.steps}
        return sorted(found, reverse=True)

    def open_sentences(self) -> None:
        waiting = [s for s in self.state.sentences if s.status == "open"]
        if not waiting:
            return
        self.add()
        self.add(f"## {t('followup.heading')}")
        self.add()
        for sentence in waiting:
            self.field(0, "", sentence.text)
            if sentence.for_whom:
                self.field(1, t("export.md.for_whom"), sentence.for_whom)
            since = long_date(self.local_date(sentence.created_at))
            self.facts(1, [t("export.md.since", date=since)])

    def week(self, week: Week) -> None:
        self.add()
        self.add(f"## {t('date.week_heading', number=week.number, days=week_range(week))}")
        steps = self.steps_by_week.get(str(week), [])
        if steps:
            self.add()
            self.add(f"### {t('steps.title')}")
            self.add()
            for step in steps:
                self.step(step, week)
        sessions = self.sessions_by_week.get(week, [])
        if sessions:
            self.add()
            self.add(f"### {t('export.md.practice')}")
            day: date | None = None
            for record in sessions:
                if self.local_date(record.started_at) != day:
                    day = self.local_date(record.started_at)
                    self.add()
                    self.add(f"#### {long_date(day)}")
                    self.add()
                self.session(record)
        loose = self.loose_by_week.get(week, [])
        if loose:
            self.add()
            self.add(f"### {t('export.md.sentences')}")
            self.add()
            for sentence in loose:
                self.sentence(0, sentence)

    def own_affirmations(self) -> None:
        own = self.state.own_affirmations
        if not own:
            return
        self.add()
        self.add(f"## {t('export.md.own_affirmations')}")
        self.add()
        for affirmation in own:
            label = f"({t('own.archived')})" if affirmation.archived else ""
            self.field(0, label, affirmation.text)
