"""Both languages are complete, and the language is chosen in the documented order."""

from __future__ import annotations

import re

import pytest

from durf.core.i18n import (
    catalog,
    detect_language,
    get_language,
    language_from_locale,
    placeholders,
    set_language,
    t,
    tn,
)


def test_both_catalogs_have_the_same_keys() -> None:
    assert set(catalog("nl")) == set(catalog("en"))


@pytest.mark.parametrize("key", sorted(catalog("en")))
def test_both_languages_use_the_same_placeholders(key: str) -> None:
    assert placeholders(catalog("nl")[key]) == placeholders(catalog("en")[key]), key


def _words(message: str) -> list[str]:
    """The words a translator writes: placeholders (like a date's parts) are not words."""
    return re.sub(r"\{\w+\}", "", message).split()


def test_no_message_is_empty_or_left_untranslated() -> None:
    same = [
        key
        for key in catalog("en")
        if catalog("en")[key] == catalog("nl")[key] and len(_words(catalog("en")[key])) >= 4
    ]
    assert all(catalog(lang)[key].strip() for lang in ("nl", "en") for key in catalog(lang))
    # Identical sentences would mean a copy that nobody wrote in Dutch.
    assert same == []


def test_messages_follow_the_active_language() -> None:
    set_language("nl")
    assert t("settings.title") == "Instellingen"
    set_language("en")
    assert t("settings.title") == "Settings"


def test_plural_forms() -> None:
    assert tn("home.days_this_week", 1) == "This week you practised on one day"
    assert tn("home.days_this_week", 3) == "This week you practised on 3 days"
    set_language("nl")
    assert tn("home.days_this_week", 2) == "Deze week heb je op 2 dagen geoefend"


@pytest.mark.parametrize(
    ("cli", "saved", "environ", "expected"),
    [
        ("nl", "en", {"LANG": "en_US.UTF-8"}, "nl"),
        (None, "nl", {"LANG": "en_US.UTF-8"}, "nl"),
        (None, None, {"LANG": "nl_NL.UTF-8"}, "nl"),
        (None, None, {"LANGUAGE": "nl:en", "LANG": "en_GB.UTF-8"}, "nl"),
        (None, None, {"LANGUAGE": "fr:nl"}, "nl"),
        (None, None, {"LC_ALL": "nl_BE.UTF-8", "LANG": "en_US.UTF-8"}, "nl"),
        (None, None, {"LC_MESSAGES": "nl_NL", "LANG": "C"}, "nl"),
        (None, None, {"LC_ALL": "C", "LANG": "nl_NL.UTF-8"}, "en"),
        (None, None, {"LANG": "POSIX"}, "en"),
        (None, None, {"LANG": "de_DE.UTF-8"}, "en"),
        (None, None, {}, "en"),
        ("xx", "yy", {"LANG": "nl_NL"}, "nl"),
    ],
)
def test_language_is_chosen_cli_then_saved_then_locale_then_english(
    cli: str | None, saved: str | None, environ: dict[str, str], expected: str
) -> None:
    assert detect_language(cli, saved, environ) == expected


def test_locale_values() -> None:
    assert language_from_locale("nl_NL.UTF-8@euro") == "nl"
    assert language_from_locale("C.UTF-8") == "en"
    assert language_from_locale("") is None
    assert language_from_locale("sv_SE") is None


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        set_language("fr")  # type: ignore[arg-type]
    assert get_language() == "en"
