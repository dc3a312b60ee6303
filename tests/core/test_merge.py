"""Merging an export by id: everything new comes in, nothing already here is lost."""

from __future__ import annotations

from datetime import timedelta

from durf.core.export import export_json
from durf.core.merge import merge
from durf.core.state import Settings, State, StepDraft
from durf.core.store import parse_state
from tests.core.data_story import NOW, TRICKY, everything
from tests.core.factories import session


def through_a_file(state: State) -> State:
    """What ``durf import`` reads back from ``durf export``."""
    return parse_state(export_json(state))


def test_an_export_restored_into_an_empty_home_is_exactly_the_same() -> None:
    original = everything()
    restored, report = merge(State(), through_a_file(original))
    assert restored == original
    assert restored.model_dump() == original.model_dump()
    assert export_json(restored) == export_json(original)
    assert report.settings_taken and report.draft_added
    assert report.kinds["history"].added == len(original.history)
    assert report.already_here == 0


def test_importing_twice_adds_nothing_the_second_time() -> None:
    incoming = through_a_file(everything())
    once, first = merge(State(), incoming)
    twice, second = merge(once, incoming)
    assert twice == once
    assert first.changes_anything and not second.changes_anything
    assert second.added == 0
    assert second.already_here == first.added


def test_a_record_here_wins_over_the_same_id_in_the_import() -> None:
    mine = everything()
    theirs = through_a_file(mine)
    changed_step = theirs.steps[0].model_copy(update={"what": "rewritten elsewhere"})
    changed_session = theirs.history[0].model_copy(update={"completed": False})
    theirs = theirs.model_copy(
        update={"steps": [changed_step, *theirs.steps[1:]], "history": [changed_session]}
    )
    merged, report = merge(mine, theirs)
    assert merged == mine
    assert report.kinds["steps"].differs == 1
    assert report.kinds["history"].differs == 1
    assert report.kept_yours == 2
    assert not report.changes_anything


def test_new_sessions_slot_in_by_time_and_what_is_here_keeps_its_order() -> None:
    monday, tuesday, wednesday, thursday = (NOW - timedelta(days=days) for days in (5, 4, 3, 2))
    here = State(history=[session(monday), session(wednesday)])
    there = State(history=[session(tuesday), session(thursday), here.history[0]])
    merged, report = merge(here, there)
    assert [record.started_at for record in merged.history] == [
        monday,
        tuesday,
        wednesday,
        thursday,
    ]
    assert merged.history[0] is here.history[0] and merged.history[2] is here.history[1]
    assert (report.kinds["history"].added, report.kinds["history"].same) == (2, 1)


def test_favourites_are_a_union_and_settings_stay_as_they_are_here() -> None:
    here = State(
        settings=Settings(language="en"),
        favourite_affirmations=["a/1", "b/2"],
        history=[session(NOW)],
    )
    there = State(
        settings=Settings(language="nl", theme="nord"),
        favourite_affirmations=["b/2", "c/3", "c/3"],
    )
    merged, report = merge(here, there)
    assert merged.favourite_affirmations == ["a/1", "b/2", "c/3"]
    assert merged.settings == here.settings
    assert not report.settings_taken
    assert report.kinds["favourite_affirmations"].added == 1


def test_the_guides_draft_comes_only_when_there_is_none_here() -> None:
    def draft(words: str) -> StepDraft:
        return StepDraft(started_at=NOW, updated_at=NOW, answers={"fear": words})

    empty_here = State(history=[session(NOW)])
    with_draft, report = merge(empty_here, State(step_draft=draft(TRICKY)))
    assert with_draft.step_draft == draft(TRICKY) and report.draft_added
    kept, report = merge(with_draft, State(step_draft=draft("theirs")))
    assert kept.step_draft == draft(TRICKY) and not report.draft_added


def test_a_different_draft_in_the_import_is_reported_as_not_taken() -> None:
    # ``durf import`` tells the user the file's draft was left out only from this report.
    def draft(words: str) -> StepDraft:
        return StepDraft(started_at=NOW, updated_at=NOW, answers={"fear": words})

    here = State(history=[session(NOW)], step_draft=draft("mine"))
    kept, report = merge(here, State(step_draft=draft("theirs")))
    assert kept.step_draft == draft("mine")
    assert report.draft_kept and not report.draft_added
    _, same = merge(here, State(step_draft=draft("mine")))
    assert not same.draft_kept
    _, no_draft_in_file = merge(here, State())
    assert not no_draft_in_file.draft_kept


def test_fields_from_a_newer_durf_come_only_into_an_empty_home() -> None:
    incoming = through_a_file(everything())
    later_fields = incoming.model_extra or {}
    assert later_fields, "the data story holds a field a later durf wrote"

    restored, report = merge(State(), incoming)
    assert restored.model_extra == later_fields and report.unknown_fields_taken

    # A home with its own data keeps its own file's shape: fields some other durf
    # wrote about its own data mean nothing to this home's, and are not mixed in.
    here = State(history=[session(NOW + timedelta(days=1))])
    merged, report = merge(here, incoming)
    assert not report.unknown_fields_taken
    assert not merged.model_extra
    assert all(f'"{name}"'.encode() not in export_json(merged) for name in later_fields)
    assert {record.id for record in merged.history} >= {record.id for record in incoming.history}


def test_records_from_both_sides_are_all_there_after_a_merge() -> None:
    laptop = everything()
    desktop_session = session(NOW + timedelta(hours=1), sentence=TRICKY)
    desktop = State(history=[desktop_session], settings=Settings(theme="dracula"))
    merged, report = merge(laptop, desktop)
    assert {record.id for record in merged.history} == {
        record.id for record in [*laptop.history, desktop_session]
    }
    assert merged.steps == laptop.steps and merged.sentences == laptop.sentences
    assert merged.settings == laptop.settings
    assert report.added == 1
