"""What every exercise file model shares: strict tables, ids, and text in both languages.

Apart from ``library`` so that a kind with a module of its own (the core quadrant)
can build on it without importing the whole loader.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from durf.core.i18n import Language, t
from durf.core.text import has_control_characters

Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{0,62}$")]


class Strict(BaseModel):
    """Exercise files reject unknown fields: a typo should be reported, not ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """One piece of text in both languages."""

    nl: Annotated[str, Field(min_length=1)]
    en: Annotated[str, Field(min_length=1)]

    def get(self, language: Language) -> str:
        """The text in ``language``."""
        return self.nl if language == "nl" else self.en

    @model_validator(mode="after")
    def _not_blank(self) -> Text:
        for language in ("nl", "en"):
            text = getattr(self, language)
            if not text.strip():
                raise ValueError(t("library.reason.blank", language=language))
            if has_control_characters(text.replace("\n", " ")):
                raise ValueError(t("library.reason.control", language=language))
        return self
