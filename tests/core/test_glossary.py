"""The glossary (CONTENT.md section 9) holds in both catalogs and every bundled exercise file.

Each rule here is a word or a form the glossary replaced: finding it again means a
screen names one thing two ways, or a sentence reads as translated.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from durf.core.locales.en import MESSAGES as EN
from durf.core.locales.nl import MESSAGES as NL

EXERCISES = Path(__file__).parents[2] / "exercises"

NOT_IN_DUTCH: list[tuple[str, str]] = [
    (r"\bbeginscherm", "the first screen is the startscherm"),
    (r"\btrager\b", "the breath pace is langzamer / sneller"),
    (r"\bopslag\b", "a save is opgeslagen, not opslag (storage)"),
    (r"\bonthouden\b", "recall mode is uit je hoofd"),
    (r"\bwis\b", "removing something is verwijderen"),
    (r"\bdeze keer niet\b", "letting a step go is niet deze keer"),
    (r"\bmaak het kleiner\b", "a smaller step is een kleiner stapje"),
    (r"\bkleinere stap\b", "a smaller step is een kleiner stapje"),
    (r"\bstap(je)? nemen\b", "in Dutch you zet a step"),
    (r"\bmerk de spanning\b(?! op)", "merken needs op here"),
    (r"\bvragen naar\b", "vragen naar means asking about"),
    (r"\bware\b|\bwaar stukje\b", "true is eerlijk"),
    (r"\bechter\b", "echter reads as however"),
    (r"\bresonantie", "say what the breath does, not the English term"),
    (r"\bhet moe\b", "Belgian; say het zat or zwaar"),
    (r"\bop een timer\b", "met een timer"),
    (r"\bsamen ongeveer\b", "a total is in totaal"),
    (r"\bergste dat\b", "het ergste wat"),
    (r"\bgaat verder met niets\b", "reads as translated"),
    (r"\bwat deze schakelaar ook zegt\b", "reads as translated"),
    (r"\bom het aan te vragen\b", "reads as translated"),
    (r"\bdit is een lang antwoord\b|\bdat is een lang antwoord\b", "sounds like a judgement"),
]

NOT_IN_ENGLISH: list[tuple[str, str]] = [
    (r"\bcarr(y|ied|ies) (it )?on to\b|\bcarried on from\b", "a step is carried over"),
    (r"\bmoved on\b", "a step is carried over"),
    (
        r"\bsession kept\b|\bkept as not finished\b|\bis kept\b(?!, unchanged)(?! as it is)(?! at)",
        "saved",
    ),
    (r"\bI may\b", "reads as possibility, not permission"),
    (r"\btouches me\b", "reads as Dutch in English words"),
    (r"\ballowed to be here\b", "reads as Dutch in English words"),
    (r"\bfalling and getting up\b", "reads as Dutch in English words"),
    (r"\btakes (it|one) over\b", "reads as Dutch in English words"),
    (r"\byou dared\b", "reads as Dutch in English words"),
    (r"\bhome screen\b", "the first screen is home"),
    (r"\bBreathing before speaking\b", "the exercise is Breathe before speaking"),
    (r"\bfrom memory\b.*\brecall\b|\brecall mode\b", "recall mode is from memory"),
]

SCARY_IN_THE_UI = r"\bscary\b"
"""Too strong for spannend in the app's own words: a step is daunting. (An opener may
still say it: naming that something is scary is the point of some first sentences.)"""

STRAIGHT_QUOTES = r"(^|[\s(:])'[^']+'(?=$|[\s.,;:)?!])"
"""Text in straight single quotes: Dutch uses “…” (‘…’ inside), English “…”."""


def texts(node: object, language: str) -> Iterator[str]:
    """Every text of ``language`` in a parsed exercise file, however deep."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == language and isinstance(value, str):
                yield value
            else:
                yield from texts(value, language)
    elif isinstance(node, list):
        for item in node:
            yield from texts(item, language)


def exercise_texts(language: str) -> list[tuple[str, str]]:
    """(file, text) for every text of ``language`` in the bundled exercise files."""
    found = []
    for path in sorted(EXERCISES.rglob("*.toml")):
        document = tomllib.loads(path.read_text("utf-8"))
        found += [(path.name, text) for text in texts(document, language)]
    return found


def everything(language: str) -> list[tuple[str, str]]:
    """(where, text) for every user-visible text of ``language``."""
    catalog = NL if language == "nl" else EN
    return [(key, text) for key, text in catalog.items()] + exercise_texts(language)


def breaking(rules: list[tuple[str, str]], language: str) -> list[str]:
    return [
        f"{where}: {text!r} ({why})"
        for pattern, why in rules
        for where, text in everything(language)
        if re.search(pattern, text, re.IGNORECASE)
    ]


def test_the_bundled_files_are_read_at_all() -> None:
    # Guards the rules below: an empty walk would let every word through.
    assert len(exercise_texts("nl")) > 200
    assert len(exercise_texts("nl")) == len(exercise_texts("en"))


def test_dutch_follows_the_glossary() -> None:
    assert breaking(NOT_IN_DUTCH, "nl") == []


def test_english_follows_the_glossary() -> None:
    assert breaking(NOT_IN_ENGLISH, "en") == []


def test_a_step_is_daunting_in_the_english_screens() -> None:
    assert [key for key, text in EN.items() if re.search(SCARY_IN_THE_UI, text, re.I)] == []


@pytest.mark.parametrize("language", ["nl", "en"])
def test_quotes_are_curly(language: str) -> None:
    straight = [
        f"{where}: {text!r}"
        for where, text in everything(language)
        if re.search(STRAIGHT_QUOTES, text) or '"' in text
    ]
    assert straight == []


# An address such as 127.0.0.1 is written with dots in every language.
IP_ADDRESS = r"\d+(\.\d+){3}"


def test_dutch_writes_a_decimal_comma() -> None:
    decimals = [
        f"{w}: {text!r}"
        for w, text in everything("nl")
        if re.search(r"\d\.\d", re.sub(IP_ADDRESS, "", text))
    ]
    assert decimals == []


def test_dutch_key_labels_are_imperatives() -> None:
    # Key labels in footers: "kies", "bewaar", "sluit"; an infinitive ("bewaren",
    # "sluiten") beside them reads as a second voice.
    infinitives = {
        "bewaren",
        "sluiten",
        "wijzigen",
        "beginnen",
        "stoppen",
        "oefenen",
        "kiezen",
        "plannen",
        "exporteren",
        "loslaten",
        "aanpassen",
        "scrollen",
    }
    labels = {k: v for k, v in NL.items() if k.startswith("keys.") or ".key_" in k}
    assert [f"{k}: {v!r}" for k, v in labels.items() if set(v.split()) & infinitives] == []


def test_the_glossary_words_are_there() -> None:
    # The other side of the rules: the chosen words are the ones actually shown.
    assert NL["smaller.title"] == "Een kleiner stapje"
    assert NL["board.key_smaller"] == "kleiner" and EN["board.key_smaller"] == "smaller"
    assert NL["stepform.scariness"] == "Hoe spannend voelt het?"
    assert EN["stepform.scariness"] == "How daunting does it feel?"
    assert NL["keys.delete"] == "verwijder" and EN["keys.delete"] == "delete"
    assert NL["affirm.mode_recall"] == "uit je hoofd" and EN["affirm.mode_recall"] == "from memory"
    assert EN["history.step_moved"] == "carried over to week {week}"
    assert NL["history.step_moved"] == "doorgeschoven naar week {week}"
    assert EN["progress.exercises_heading"] == "Exercises"
