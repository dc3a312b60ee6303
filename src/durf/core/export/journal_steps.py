"""The journal's entries for small steps: each step, its guide, its look back, the draft."""

from __future__ import annotations

from typing import TYPE_CHECKING

from durf.core.dates import long_date
from durf.core.export.journal_page import JournalPage
from durf.core.i18n import t
from durf.core.steps import GUIDE_PAGES, STATUS_MARKS
from durf.core.weeks import Week

if TYPE_CHECKING:
    from durf.core.state import Step


class StepEntries(JournalPage):
    """Writes a small step with everything the user wrote about it."""

    def step(self, step: Step, week: Week) -> None:
        self.field(0, STATUS_MARKS.get(step.status, "-"), step.what)
        facts = [t(f"step_status.{step.status}") if step.status in STATUS_MARKS else step.status]
        if step.day is not None:
            facts.append(long_date(week.day(step.day)))
        if (
            step.scariness is not None
            and step.reflection is not None
            and step.reflection.scariness_after is not None
        ):
            felt = step.reflection.scariness_after
            facts.append(t("board.scary_felt", scariness=step.scariness, felt=felt))
        elif step.scariness is not None:
            facts.append(t("board.scary", scariness=step.scariness))
        elif step.reflection is not None and step.reflection.scariness_after is not None:
            facts.append(t("board.felt", felt=step.reflection.scariness_after))
        if step.with_whom and step.trusted is not None:
            facts.append(t("export.md.trust", answer=t(f"trust.{step.trusted}")))
        if step.moved_from in self.steps:
            earlier = Week.parse(self.steps[step.moved_from].week)
            facts.append(t("export.md.moved_from", number=earlier.number))
        self.facts(1, facts)
        if step.with_whom:
            self.field(1, t("export.md.with_whom"), step.with_whom)
        if step.smaller_of in self.steps:
            self.field(1, t("export.md.smaller_of"), self.steps[step.smaller_of].what)
        ladder = self.ladders.get(step.ladder_id)
        if ladder is not None and ladder.desire and "desire" not in step.guide:
            self.field(1, t("export.md.guide.desire"), ladder.desire)
        if step.sentence:
            self.field(1, t("board.sentence"), step.sentence)
        origin = self.steps.get(step.moved_from or "")
        if origin is None or origin.guide != step.guide:
            # A step carried on to a later week keeps its guide: said once is enough.
            self.guide_answers(1, step.guide)
        if step.reflection is not None:
            self.reflection(step)

    def guide_answers(self, depth: int, answers: dict[str, str]) -> None:
        known = [key for key in GUIDE_PAGES if key in answers]
        for key in known + [key for key in answers if key not in GUIDE_PAGES]:
            if answers[key]:
                label = t(f"export.md.guide.{key}") if key in GUIDE_PAGES else f"{key}:"
                self.field(depth, label, answers[key])

    def reflection(self, step: Step) -> None:
        reflection = step.reflection
        assert reflection is not None
        written = long_date(self.local_date(reflection.written_at))
        self.add(f"  - {t('export.md.looking_back', date=written)}")
        if reflection.what_happened:
            self.field(2, t("reflect.what_happened"), reflection.what_happened)
        if reflection.their_reaction:
            reaction = (
                t("reflect.their_reaction_named", person=step.with_whom)
                if step.with_whom and "\n" not in step.with_whom
                else t("reflect.their_reaction")
            )
            self.field(2, reaction, reflection.their_reaction)
        if reflection.learned:
            self.field(2, t("reflect.learned"), reflection.learned)
        if reflection.scariness_after is not None:
            self.facts(2, [f"{t('reflect.scariness_after')} {reflection.scariness_after}/10"])

    def draft(self) -> None:
        draft = self.state.step_draft
        if draft is None:
            return
        self.add()
        self.add(f"## {t('export.md.draft')}")
        self.add()
        self.add(t("export.md.draft_written", date=long_date(self.local_date(draft.updated_at))))
        self.add()
        self.guide_answers(0, draft.answers)
        if draft.with_whom:
            self.field(0, t("export.md.with_whom"), draft.with_whom)
        if draft.sentence:
            self.field(0, t("board.sentence"), draft.sentence)
