"""The journal's entries for practice sessions: one line each, with what it held."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from durf.core.breathing import BODY_AREAS
from durf.core.export.journal_page import JournalPage
from durf.core.export.times import local_time, minutes_taken
from durf.core.i18n import get_language, t, tn
from durf.core.quadrant.answers import quadrant_rows

if TYPE_CHECKING:
    from durf.core.state import HonestSentence, SessionRecord


def _rating(value: object) -> str:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else "–"


class SessionEntries(JournalPage):
    """Writes a practice session, a session's parts under it, and honest sentences."""

    def session(self, record: SessionRecord, depth: int = 0) -> None:
        start = local_time(record.started_at, self.zone).strftime("%H:%M")
        names = {
            "breathe": "breathe.title",
            "affirm": "affirm.title",
            "step": "steps.title",
            "session": "history.kind_long.session",
            "quadrant": "history.kind_long.quadrant",
        }
        head = [start, t(names.get(record.exercise, "export.md.exercise.session"))]
        minutes = minutes_taken(record)
        if minutes is not None:
            whole = round(minutes)
            head.append(
                t("export.md.minutes", minutes=whole) if whole else t("export.md.under_a_minute")
            )
        if not record.completed:
            head.append(t("export.md.stopped"))
        self.add(f"{'  ' * depth}- {' · '.join(head)}")
        details = record.details
        inner = depth + 1
        if record.exercise == "breathe":
            self.breathing(record, details, inner)
        elif record.exercise == "affirm":
            self.affirmations(details, inner)
        elif record.exercise == "step":
            self.step_session(details, inner)
        elif record.exercise == "quadrant":
            quadrant = self.quadrants.get(str(details.get("quadrant")))
            for label, text in quadrant_rows(details, quadrant, get_language()):
                self.field(inner, f"{label}:", text)
        elif record.exercise == "session":
            self.practice_session(details, inner)
            for part in self.parts_of.get(record.id, []):
                self.session(part, inner)

    def practice_session(self, details: dict[str, Any], depth: int) -> None:
        before, after = details.get("tension_before"), details.get("tension_after")
        if before is not None or after is not None:
            self.facts(
                depth, [t("export.md.tension", before=_rating(before), after=_rating(after))]
            )
        question = details.get("question")
        if isinstance(question, dict) and isinstance(question.get("text"), str):
            answer = question.get("answer")
            if isinstance(answer, str) and answer:
                self.field(depth, question["text"], answer)

    def breathing(self, record: SessionRecord, details: dict[str, Any], depth: int) -> None:
        facts = []
        done, planned = details.get("breaths_done"), details.get("breaths_planned")
        if isinstance(done, int) and isinstance(planned, int):
            facts.append(t("export.md.breaths", done=done, planned=planned))
        before, after = details.get("tension_before"), details.get("tension_after")
        if before is not None or after is not None:
            facts.append(t("export.md.tension", before=_rating(before), after=_rating(after)))
        areas = details.get("areas")
        if isinstance(areas, list) and areas:
            words = [t(f"area.{a}").lower() if a in BODY_AREAS else str(a) for a in areas]
            facts.append(t("export.md.felt_in", areas=", ".join(words)))
        self.facts(depth, facts)
        sentence = self.sentence_of_session.get(record.id)
        if sentence is not None:
            self.sentence(depth, sentence)
        elif isinstance(details.get("sentence"), str) and details["sentence"]:
            self.field(depth, t("export.md.sentence"), details["sentence"])
            if isinstance(details.get("for_whom"), str) and details["for_whom"]:
                self.field(depth + 1, t("export.md.for_whom"), details["for_whom"])

    def sentence(self, depth: int, sentence: HonestSentence) -> None:
        self.field(depth, t("export.md.sentence"), sentence.text)
        if sentence.for_whom:
            self.field(depth + 1, t("export.md.for_whom"), sentence.for_whom)
        self.facts(depth + 1, [t(f"export.md.sentence_status.{sentence.status}")])

    def affirmations(self, details: dict[str, Any], depth: int) -> None:
        facts = []
        shown = details.get("shown")
        if isinstance(shown, int):
            facts.append(tn("affirm.count", shown))
        if details.get("mode") in ("read", "recall"):
            facts.append(t(f"affirm.mode_{details['mode']}"))
        self.facts(depth, facts)
        belief = details.get("belief")
        if isinstance(belief, dict) and isinstance(belief.get("text"), str) and belief["text"]:
            label = t(
                "export.md.belief",
                before=_rating(belief.get("before")),
                after=_rating(belief.get("after")),
            )
            self.field(depth, label, belief["text"])

    def step_session(self, details: dict[str, Any], depth: int) -> None:
        step = self.steps.get(details.get("step_id") or "")
        if step is None:
            return
        key = (
            "export.md.looked_back_on"
            if details.get("part") == "reflection"
            else "export.md.planned"
        )
        self.field(depth, t(key), step.what)
