"""The reflection question of a session: which one today, and the answer written last time."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from durf.core.state import SessionRecord


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
