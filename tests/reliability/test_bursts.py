"""Every README flow, its keys sent in one burst and one at a time: the same saved state.

Each flow runs the real ``durf`` in a pseudo-terminal on a fresh home, twice (see
``bursts.py``). Besides the two runs agreeing, each flow checks that the words
typed are where the user put them: a Tab inside a burst moves on to the next
field, an Enter that opens a screen hands the keys after it to that screen.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.reliability.bursts import Burst, Flow, burst_and_slow
from tests.reliability.test_signals import planned_step_this_week, seed_state

QUICK_BREATH = {
    "safety_seen": True,
    "breath_count": 1,
    "breath_pace": 0.6,
    "breath_pattern": "gentle-start",
}
"""One short breath (seven seconds of pattern at the fastest pace): breathing takes
its time whatever the keys do, so the flows keep it short."""


def with_settings(**settings: object):  # type: ignore[no-untyped-def]
    """A seed: a home whose settings are ``settings``."""

    def seed(home: Path) -> None:
        seed_state(
            home.parent,
            lambda state: state.model_copy(
                update={"settings": state.settings.model_copy(update=settings)}
            ),
        )

    return seed


def with_a_planned_step(what: str, **settings: object):  # type: ignore[no-untyped-def]
    """A seed: one step planned this week (and ``settings``)."""

    def seed(home: Path) -> None:
        plan = planned_step_this_week(what)
        seed_state(
            home.parent,
            lambda state: plan(state).model_copy(
                update={"settings": state.settings.model_copy(update=settings)}
            ),
        )

    return seed


def with_own_affirmations(*texts: str, **settings: object):  # type: ignore[no-untyped-def]
    """A seed: these affirmations of one's own (and ``settings``)."""

    def seed(home: Path) -> None:
        from datetime import datetime

        from durf.core.affirm import add_own

        def build(state):  # type: ignore[no-untyped-def]
            for text in texts:
                state = add_own(state, text, datetime.now().astimezone())
            return state.model_copy(update={"settings": state.settings.model_copy(update=settings)})

        seed_state(home.parent, build)

    return seed


def only(records: list[dict[str, Any]], exercise: str) -> dict[str, Any]:
    """The one history record of ``exercise``."""
    [record] = [r for r in records if r["exercise"] == exercise]
    return record


# -- what each flow must have saved ------------------------------------------------------


def guide_saved(state: dict[str, Any], _home: Path) -> None:
    [step] = state["steps"]
    assert step["guide"] == {
        "thoughts": "They will think I am slow.",
        "fear": "That Sam sighs.",
        "accept": "The fear may be there.",
        "desire": "Ask for help",
    }
    assert step["what"] == "Ask Sam one question"
    assert (step["with_whom"], step["day"], step["scariness"]) == ("Sam", 7, 6)
    assert step["sentence"] == "Hello, can I ask you something?"
    assert state["step_draft"] is None


def breathing_saved(state: dict[str, Any], _home: Path) -> None:
    record = only(state["history"], "breathe")
    details = record["details"]
    assert record["completed"] is True
    assert details["areas"] == ["throat"]
    assert (details["tension_before"], details["tension_after"]) == (6, 3)
    assert details["sentence"] == "I find this hard to say."
    assert details["for_whom"] == "Sam"


def dutch_guide_saved(state: dict[str, Any], _home: Path) -> None:
    [step] = state["steps"]
    assert step["guide"] == {
        "thoughts": "Dat ze me traag vinden.",
        "fear": "Dat Sam zucht.",
        "accept": "De angst mag er zijn.",
        "desire": "Om hulp vragen 🙂",
    }
    assert step["what"] == "Eén vraag aan Sam stellen"
    assert (step["with_whom"], step["day"], step["scariness"]) == ("Sam", 7, 6)
    assert step["sentence"] == "Mag ik je iets vragen, óók als het dom is?"


def dutch_breathing_saved(state: dict[str, Any], _home: Path) -> None:
    details = only(state["history"], "breathe")["details"]
    assert details["areas"] == ["throat"]
    assert (details["tension_before"], details["tension_after"]) == (6, 3)
    assert (details["sentence"], details["for_whom"]) == ("Ik vind dit lastig.", "Sam")


def own_affirmations_saved(state: dict[str, Any], _home: Path) -> None:
    assert [a["text"] for a in state["own_affirmations"]] == ["I may ask.", "I am enough."]


def read_mode_saved(state: dict[str, Any], _home: Path) -> None:
    details = only(state["history"], "affirm")["details"]
    assert details["mode"] == "read"
    assert (details["belief"]["before"], details["belief"]["after"]) == (3, 7)
    assert details["shown"] == 9
    assert state["settings"]["affirm_seconds"] == 6


def recall_mode_saved(state: dict[str, Any], _home: Path) -> None:
    details = only(state["history"], "affirm")["details"]
    assert details["mode"] == "recall"
    assert details["recalled"] == 2
    assert (details["belief"]["before"], details["belief"]["after"]) == (4, 8)


def look_back_saved(state: dict[str, Any], _home: Path) -> None:
    [step] = state["steps"]
    assert step["status"] == "done"
    reflection = step["reflection"]
    assert reflection["what_happened"] == "It went fine."
    assert reflection["their_reaction"] == "Kind."
    assert reflection["learned"] == "Ask sooner."
    assert reflection["scariness_after"] == 2


def smaller_moved_and_undone(state: dict[str, Any], _home: Path) -> None:
    big, small, carried = state["steps"]
    assert (big["what"], big["status"]) == ("Ask Sam one question", "smaller")
    assert (small["what"], small["with_whom"], small["scariness"]) == ("Say hello to Sam", "Kim", 3)
    assert small["smaller_of"] == big["id"]
    # x then u left it planned, so m could carry it over to next week.
    assert small["status"] == "moved"
    assert (carried["what"], carried["moved_from"]) == ("Say hello to Sam", small["id"])
    assert carried["status"] == "planned" and carried["week"] != small["week"]


def exported(state: dict[str, Any], home: Path) -> None:
    written = home / "user" / "my durf.md"
    assert written.is_file(), "the typed file name was not used"
    assert "Ask Sam one question" in written.read_text("utf-8")


def settings_saved(state: dict[str, Any], _home: Path) -> None:
    settings = state["settings"]
    assert settings["language"] == "nl"
    assert settings["reduced_motion"] is True
    assert settings["sound_cue"] is True


def session_saved(state: dict[str, Any], _home: Path) -> None:
    session = only(state["history"], "session")
    details = session["details"]
    assert session["completed"] is True
    assert details["areas"] == ["throat"]
    assert (details["tension_before"], details["tension_after"]) == (6, 4)
    assert details["question"]["answer"] == "My shoulders rise."
    parts = {part["kind"]: part for part in details["parts"]}
    assert parts["affirm"]["status"] == "stopped", "the belief rating given was not kept"
    affirm = only(state["history"], "affirm")
    assert affirm["details"]["belief"]["before"] == 3
    [step] = state["steps"]
    assert step["status"] == "done"
    assert step["reflection"]["what_happened"] == "It went fine."
    assert step["reflection"]["their_reaction"] == "Kind."


BOARD_STEP = "Ask Sam one question"

FLOWS = [
    Flow(
        "the guide with the step's details",
        ("step", "new"),
        (
            Burst(
                "1 of 5",
                (
                    "They will think I am slow.",
                    "<pagedown>",
                    "That Sam sighs.",
                    "<pagedown>",
                    "The fear may be there.",
                    "<pagedown>",
                    "Ask for help",
                    "<pagedown>",
                    "Ask Sam one question",
                    "<pagedown>",
                    "Sam",
                    "<tab>",
                    "<tab>",
                    "<left>",
                    "<tab>",
                    "6",
                    "<tab>",
                    "Hello, can I ask you something?",
                    "<pagedown>",
                    "<ctrl+q>",
                ),
            ),
        ),
        guide_saved,
    ),
    Flow(
        "breathing with the check-in and a sentence",
        ("breathe",),
        (
            Burst(
                "Where do you feel it?", ("<down>", "<space>", "<tab>", "6", "<enter>", "<enter>")
            ),
            Burst(
                "Ideas",
                ("I find this hard to say.", "<tab>", "Sam", "<ctrl+r>", "<enter>", "3", "<enter>"),
            ),
            Burst("A practice session", ("<ctrl+q>",)),
        ),
        breathing_saved,
        seed=with_settings(**QUICK_BREATH),
    ),
    Flow(
        "the guide in Dutch in the smallest window",
        ("step", "new"),
        (
            Burst(
                "1 van 5",
                (
                    "Dat ze me traag vinden.",
                    "<pagedown>",
                    "Dat Sam zucht.",
                    "<pagedown>",
                    "De angst mag er zijn.",
                    "<pagedown>",
                    "Om hulp vragen 🙂",
                    "<pagedown>",
                    "Eén vraag aan Sam stellen",
                    "<pagedown>",
                    "Sam",
                    "<tab>",
                    "<tab>",
                    "<left>",
                    "<tab>",
                    "6",
                    "<tab>",
                    "Mag ik je iets vragen, óók als het dom is?",
                    "<pagedown>",
                    "<ctrl+q>",
                ),
            ),
        ),
        dutch_guide_saved,
        size=(40, 16),
        language="nl",
    ),
    Flow(
        "breathing in Dutch in the smallest window",
        ("breathe",),
        (
            Burst("Waar voel je het?", ("<down>", "<space>", "<tab>", "6", "<enter>", "<enter>")),
            Burst(
                "Ideeën",
                ("Ik vind dit lastig.", "<tab>", "Sam", "<ctrl+r>", "<enter>", "3", "<enter>"),
            ),
            Burst("oefensessie", ("<ctrl+q>",)),
        ),
        dutch_breathing_saved,
        seed=with_settings(**QUICK_BREATH),
        size=(40, 16),
        language="nl",
    ),
    Flow(
        "your own affirmations",
        ("affirm",),
        (
            Burst(
                "A mix of everything",
                ("o", "I may ask.", "<enter>", "I am enough.", "<enter>", "<ctrl+q>"),
            ),
        ),
        own_affirmations_saved,
    ),
    Flow(
        "affirmations read aloud",
        ("affirm",),
        (
            Burst(
                "A mix of everything",
                ("<down>", "<down>", "<down>", "<enter>", "<left>", "<left>"),
            ),
            Burst("Seconds for each: 6", ("<enter>", "3", "<enter>")),
            Burst("1 of 9", ("<right>",) * 9),
            Burst("from 0 to 10", ("7", "<enter>", "<ctrl+q>")),
        ),
        read_mode_saved,
    ),
    Flow(
        "affirmations from memory",
        ("affirm",),
        (
            Burst("Your own", ("<end>", "<up>", "<enter>", "r", "<enter>", "4", "<enter>")),
            Burst(
                "1 of 2",
                ("I may ask.", "<enter>", "<enter>", "I am enough.", "<enter>", "<enter>"),
            ),
            Burst("from 0 to 10", ("8", "<enter>", "<ctrl+q>")),
        ),
        recall_mode_saved,
        seed=with_own_affirmations("I may ask.", "I am enough.", affirm_seconds=60),
    ),
    Flow(
        "the board's look back",
        ("step",),
        (
            Burst(
                BOARD_STEP,
                (
                    "<enter>",
                    "It went fine.",
                    "<tab>",
                    "Kind.",
                    "<tab>",
                    "Ask sooner.",
                    "<tab>",
                    "2",
                    "<ctrl+s>",
                    "<ctrl+q>",
                ),
            ),
        ),
        look_back_saved,
        seed=with_a_planned_step(BOARD_STEP),
    ),
    Flow(
        "a smaller step, carried over, let go and undone",
        ("step",),
        (
            Burst(
                BOARD_STEP,
                (
                    "s",
                    "Say hello to Sam",
                    "<tab>",
                    "Kim",
                    "<tab>",
                    "<tab>",
                    "<tab>",
                    "3",
                    "<ctrl+s>",
                    "x",
                    "u",
                    "m",
                    "<ctrl+q>",
                ),
            ),
        ),
        smaller_moved_and_undone,
        seed=with_a_planned_step(BOARD_STEP),
    ),
    Flow(
        "the export dialog",
        (),
        (Burst("A practice session", ("5", "e", "<ctrl+u>", "my durf.md", "<enter>", "<ctrl+q>")),),
        exported,
        seed=with_a_planned_step(BOARD_STEP),
    ),
    Flow(
        "settings",
        (),
        (
            Burst(
                "A practice session",
                ("6", "<left>", "<space>", "<tab>", "<tab>", "<space>", "<tab>", "<space>"),
            ),
            Burst("Rustige beweging", ("<ctrl+q>",)),
        ),
        settings_saved,
    ),
    Flow(
        "a practice session",
        ("session",),
        (
            Burst(
                "A session of about 10 minutes",
                (
                    "<enter>",
                    "<down>",
                    "<space>",
                    "<tab>",
                    "6",
                    "<enter>",
                    "n",
                    "3",
                    "<enter>",
                    "n",
                    "<enter>",
                    "It went fine.",
                    "<tab>",
                    "Kind.",
                    "<tab>",
                    "Ask sooner.",
                    "<tab>",
                    "2",
                    "<ctrl+s>",
                    "My shoulders rise.",
                    "<ctrl+n>",
                    "4",
                    "<enter>",
                ),
            ),
            Burst("A practice session", ("<ctrl+q>",)),
        ),
        session_saved,
        seed=with_a_planned_step(BOARD_STEP, safety_seen=True),
    ),
]


@pytest.mark.parametrize("flow", FLOWS, ids=[flow.name for flow in FLOWS])
def test_a_burst_saves_what_the_same_keys_one_at_a_time_save(flow: Flow, tmp_path: Path) -> None:
    burst_and_slow(flow, tmp_path)
