"""Two first-class languages: the message catalogs, lookup and locale detection.

Messages use ``str.format`` placeholders with names (``{path}``), so a translator
can move them around a sentence. The active language is process-wide because the
CLI and the app both speak one language at a time; tests switch it explicitly.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from importlib import import_module
from string import Formatter
from typing import Literal, get_args

Language = Literal["nl", "en"]
LANGUAGES: tuple[Language, ...] = get_args(Language)
DEFAULT_LANGUAGE: Language = "en"

# Checked in this order, as gettext does; the first one that is set decides.
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_current: Language = DEFAULT_LANGUAGE
_catalogs: dict[str, Mapping[str, str]] = {}


def catalog(language: Language) -> Mapping[str, str]:
    """Return the message catalog of one language (imported on first use)."""
    if language not in _catalogs:
        _catalogs[language] = import_module(f"durf.core.locales.{language}").MESSAGES
    return _catalogs[language]


def is_language(value: object) -> bool:
    """Tell whether ``value`` names a language durf speaks."""
    return value in LANGUAGES


def set_language(language: Language) -> None:
    """Make ``language`` the one every later ``t()`` call speaks."""
    global _current
    if not is_language(language):
        raise ValueError(f"unknown language: {language!r}")
    _current = language


def get_language() -> Language:
    """Return the active language."""
    return _current


def t(key: str, /, **values: object) -> str:
    """Translate ``key`` into the active language and fill in its placeholders.

    A key missing from the active catalog falls back to English rather than
    crashing in front of the user; a test keeps both catalogs complete.
    """
    text = catalog(_current).get(key)
    if text is None:
        text = catalog(DEFAULT_LANGUAGE)[key]
    return text.format(**values) if values else text


def tn(key: str, count: int, /, **values: object) -> str:
    """Translate a message that depends on a number: ``key.one`` or ``key.other``.

    Dutch and English both have just these two forms.
    """
    return t(f"{key}.{'one' if count == 1 else 'other'}", count=count, **values)


def placeholders(text: str) -> set[str]:
    """Return the names of the ``{placeholders}`` in a message."""
    return {field for _, field, _, _ in Formatter().parse(text) if field is not None}


def language_from_locale(value: str | None) -> Language | None:
    """Map one locale value (``nl_NL.UTF-8``, ``nl:en``, ``C``) to a language.

    ``LANGUAGE`` may hold a colon-separated preference list; the first entry
    durf speaks wins. ``C`` and ``POSIX`` mean English.
    """
    if not value:
        return None
    for entry in value.split(":"):
        code = entry.split(".")[0].split("@")[0].strip()
        if code in ("C", "POSIX"):
            return "en"
        base = code.split("_")[0].split("-")[0].lower()
        if is_language(base):
            return base  # type: ignore[return-value]
    return None


def detect_language(
    cli: str | None = None,
    saved: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> Language:
    """Choose the language: ``--lang`` > saved setting > locale variables > English."""
    if is_language(cli):
        return cli  # type: ignore[return-value]
    if is_language(saved):
        return saved  # type: ignore[return-value]
    env = os.environ if environ is None else environ
    for name in LOCALE_VARIABLES:
        value = env.get(name)
        if value:
            # The first variable that is set decides, even if durf does not
            # speak it; then we fall back to English rather than look further.
            return language_from_locale(value) or DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE
