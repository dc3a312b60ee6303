"""Your data in three shapes: the state file's JSON, a CSV of sessions, a Markdown journal.

Everything here is a pure function of the state, plus one careful file writer.
The user's words are kept byte for byte in every format: JSON as the state file
writes them, CSV through the ``csv`` module (which quotes instead of changing),
and Markdown as written, with a text of several lines quoted line by line
(``> ``) so that it stays inside its list item. Nothing is escaped: a ``*`` or
a ``[b]`` the user typed is what the file holds.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import secrets
from collections.abc import Iterator, Mapping
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from durf.core.breathing import BODY_AREAS
from durf.core.dates import long_date, week_range
from durf.core.i18n import Language, get_language, set_language, t, tn
from durf.core.quadrant import quadrant_rows
from durf.core.session import PART_OF, practice_count
from durf.core.state import HonestSentence, SessionRecord, State, Step
from durf.core.state_codec import serialise_state
from durf.core.steps import GUIDE_PAGES, STATUS_MARKS
from durf.core.store import write_private
from durf.core.weeks import Week

if TYPE_CHECKING:
    from durf.core.quadrant_file import Quadrant

ExportFormat = Literal["json", "csv", "md"]
FORMATS: tuple[ExportFormat, ...] = ("json", "csv", "md")
SUFFIXES: dict[str, str] = {"json": ".json", "csv": ".csv", "md": ".md"}


class ExportError(Exception):
    """An export that could not be written; ``str()`` is the message for the user."""


class ExportFileExists(ExportError):
    """The target file is already there and replacing it was not asked for."""


# -- JSON ------------------------------------------------------------------------------


def export_json(state: State) -> bytes:
    """The whole state in the state file's own documented format (``durf import`` reads it)."""
    return serialise_state(state)


# -- CSV -------------------------------------------------------------------------------

CSV_COLUMNS = (
    "id",
    "exercise",
    "started_at",
    "ended_at",
    "minutes",
    "completed",
    "tension_before",
    "tension_after",
    "breaths",
    "sentence",
    "for_whom",
    "affirmation",
    "belief_before",
    "belief_after",
    "step_id",
    "step",
    "part_of",
    "details",
)
"""The field names of the state file, not words of one language, so that a formula or
script keeps working whichever language the export was made in."""


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int, float)):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def _local(moment: datetime, zone: tzinfo | None) -> datetime:
    """``moment`` on the wall clock of ``zone``; by default, as it was recorded.

    A session is kept with the UTC offset of where it was practised, and the
    dashboard and history show it on that wall clock: an export does the same,
    so an evening practised while travelling stays on that evening and in its week.
    """
    return moment if zone is None else moment.astimezone(zone)


def _minutes(record: SessionRecord) -> float | None:
    if record.ended_at is None:
        return None
    return round((record.ended_at - record.started_at).total_seconds() / 60, 1)


def export_csv(state: State, zone: tzinfo | None = None) -> str:
    """One row per session, oldest first, with the main details in their own columns.

    The last column holds all of a session's details as JSON, so nothing is lost.
    Times are local, with their UTC offset.
    """
    steps = {step.id: step for step in state.steps}
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for record in sorted(state.history, key=lambda record: record.started_at):
        details = record.details
        belief = details.get("belief")
        belief = belief if isinstance(belief, dict) else {}
        step_id = details.get("step_id")
        step = steps.get(step_id) if isinstance(step_id, str) else None
        ended = record.ended_at
        writer.writerow(
            [
                record.id,
                record.exercise,
                _local(record.started_at, zone).isoformat(sep=" ", timespec="seconds"),
                _local(ended, zone).isoformat(sep=" ", timespec="seconds") if ended else "",
                _cell(_minutes(record)),
                _cell(record.completed),
                _cell(details.get("tension_before")),
                _cell(details.get("tension_after")),
                _cell(details.get("breaths_done")),
                _cell(details.get("sentence")),
                _cell(details.get("for_whom")),
                _cell(belief.get("text")),
                _cell(belief.get("before")),
                _cell(belief.get("after")),
                _cell(step_id),
                step.what if step is not None else "",
                _cell(details.get(PART_OF)),
                json.dumps(details, ensure_ascii=False),
            ]
        )
    return buffer.getvalue()


# -- Markdown --------------------------------------------------------------------------


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
        return _Journal(state, zone, quadrants).render(when)


def _rating(value: object) -> str:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else "–"


class _Journal:
    """Builds the Markdown text line by line."""

    def __init__(
        self, state: State, zone: tzinfo | None, quadrants: Mapping[str, Quadrant] | None = None
    ) -> None:
        self.state = state
        self.zone = zone
        self.quadrants = quadrants or {}
        """The core quadrants by id, to write the examples ticked in words."""
        self.lines: list[str] = []
        self.steps = {step.id: step for step in state.steps}
        self.ladders = {ladder.id: ladder for ladder in state.ladders}
        session_ids = {record.id for record in state.history}
        self.sentence_of_session = {
            sentence.session_id: sentence
            for sentence in state.sentences
            if sentence.session_id in session_ids
        }
        # Grouped once: looking through everything for each week would take a
        # minute for a history of years.
        self.sessions_by_week: dict[Week, list[SessionRecord]] = {}
        self.parts_of: dict[str, list[SessionRecord]] = {}
        """The parts of each practice session, written under it rather than on their own."""
        for record in sorted(state.history, key=lambda record: record.started_at):
            session_id = record.details.get(PART_OF)
            if isinstance(session_id, str) and session_id in session_ids:
                self.parts_of.setdefault(session_id, []).append(record)
                continue
            week = Week.of(self.local_date(record.started_at))
            self.sessions_by_week.setdefault(week, []).append(record)
        self.steps_by_week: dict[str, list[Step]] = {}
        for step in state.steps:
            self.steps_by_week.setdefault(step.week, []).append(step)
        kept = {id(sentence) for sentence in self.sentence_of_session.values()}
        self.loose_by_week: dict[Week, list[HonestSentence]] = {}
        for sentence in state.sentences:
            if id(sentence) not in kept:
                week = Week.of(self.local_date(sentence.created_at))
                self.loose_by_week.setdefault(week, []).append(sentence)

    # -- writing helpers -------------------------------------------------------------

    def add(self, line: str = "") -> None:
        self.lines.append(line)

    def field(self, depth: int, label: str, text: str) -> None:
        """A list item with the user's ``text`` exactly as written.

        One line goes after the label; several lines are quoted one by one under it,
        so a blank line or a ``-`` at the start of a line stays part of the item.
        """
        pad = "  " * depth
        head = f"{pad}- {label}".rstrip()
        parts = text.split("\n")
        if len(parts) == 1:
            self.add(f"{head} {text}" if label else f"{pad}- {text}")
            return
        self.add(head)
        for part in parts:
            self.add(f"{pad}  > {part}" if part else f"{pad}  >")

    def facts(self, depth: int, parts: list[str]) -> None:
        if parts:
            self.add(f"{'  ' * depth}- {' · '.join(parts)}")

    def local_date(self, moment: datetime) -> date:
        return _local(moment, self.zone).date()

    # -- the journal -----------------------------------------------------------------

    def render(self, today: date) -> str:
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

    # -- a small step ----------------------------------------------------------------

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

    # -- a practice session ----------------------------------------------------------

    def session(self, record: SessionRecord, depth: int = 0) -> None:
        start = _local(record.started_at, self.zone).strftime("%H:%M")
        names = {
            "breathe": "breathe.title",
            "affirm": "affirm.title",
            "step": "steps.title",
            "session": "history.kind_long.session",
            "quadrant": "history.kind_long.quadrant",
        }
        head = [start, t(names.get(record.exercise, "export.md.exercise.session"))]
        minutes = _minutes(record)
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

    # -- what is not tied to a week --------------------------------------------------

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


# -- choosing and writing --------------------------------------------------------------


def export_bytes(
    state: State,
    export_format: str,
    language: Language,
    *,
    today: date | None = None,
    zone: tzinfo | None = None,
    quadrants: Mapping[str, Quadrant] | None = None,
) -> bytes:
    """The export in one of the three ``FORMATS``, as UTF-8 bytes.

    ``quadrants`` (by id) lets the journal name the examples a core quadrant ticked.
    """
    if export_format == "json":
        return export_json(state)
    if export_format == "csv":
        return export_csv(state, zone).encode("utf-8")
    if export_format == "md":
        journal = export_markdown(state, language, today=today, zone=zone, quadrants=quadrants)
        return journal.encode("utf-8")
    raise ValueError(f"not an export format: {export_format!r}")


def format_of(path: Path) -> ExportFormat | None:
    """The format a file name asks for by its suffix, if it names one."""
    suffix = path.suffix.lower()
    for export_format, known in SUFFIXES.items():
        if suffix == known:
            return export_format
    return "md" if suffix == ".markdown" else None


def write_export(path: Path, data: bytes, *, overwrite: bool = False) -> None:
    """Write ``data`` to ``path`` atomically, readable only by you (0600).

    An existing file is replaced only with ``overwrite``; otherwise
    ``ExportFileExists``. The new file appears whole or not at all.
    """
    if path.is_dir():
        raise ExportError(t("export.is_folder", path=str(path)))
    folder = path.parent
    if not folder.is_dir():
        raise ExportError(t("export.no_folder", folder=str(folder), path=str(path)))
    if not overwrite and (path.exists() or path.is_symlink()):
        raise ExportFileExists(t("export.exists", path=str(path)))
    tmp = folder / f".{path.name}.{secrets.token_hex(4)}.tmp"
    try:
        write_private(tmp, data)
        if overwrite:
            os.replace(tmp, path)
        else:
            _place_without_replacing(tmp, path)
    except OSError as error:
        raise ExportError(
            t("export.cannot_write", path=str(path), reason=error.strerror or str(error))
        ) from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def _place_without_replacing(tmp: Path, path: Path) -> None:
    # A hard link fails when the name was taken meanwhile, where a rename would
    # silently replace it; filesystems without links get a last look and a rename.
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise ExportFileExists(t("export.exists", path=str(path))) from None
    except OSError:
        if path.exists() or path.is_symlink():
            raise ExportFileExists(t("export.exists", path=str(path))) from None
        os.replace(tmp, path)
