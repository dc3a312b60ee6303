"""The exercise file of a core quadrant: a quality, its pitfall, challenge and allergy.

The four corners are fixed (that is what makes it a quadrant); what a file
chooses is the quality and the examples offered on each corner's page. A user
may write one for another quality of theirs in ``<home>/exercises/``.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from durf.core.i18n import t
from durf.core.library_base import Id, Strict, Text

CORNERS = ("quality", "pitfall", "challenge", "allergy")
"""The pages of a quadrant, in the order they are walked through."""
Corner = Literal["quality", "pitfall", "challenge", "allergy"]


class Example(Strict):
    """One example to tick on a corner's page."""

    id: Id
    text: Text


class CornerPage(Strict):
    """One corner of the quadrant: what it asks, and examples to tick."""

    title: Text
    """Short: it heads the corner in the summary too."""
    prompt: Text
    examples: Annotated[list[Example], Field(min_length=1, max_length=12)]

    @model_validator(mode="after")
    def _ids_differ(self) -> CornerPage:
        seen: set[str] = set()
        for example in self.examples:
            if example.id in seen:
                raise ValueError(t("library.reason.example_twice", id=example.id))
            seen.add(example.id)
        return self


class Quadrant(Strict):
    """A core quadrant (after Daniel Ofman) for one quality."""

    kind: Literal["quadrant"]
    id: Id
    name: Text
    """The quality, as the user picks it: "Vulnerability"."""
    intro: Text
    quality: CornerPage
    pitfall: CornerPage
    challenge: CornerPage
    allergy: CornerPage
    practise: Text
    """The question of the last page: one sentence of what you want to practise."""

    def corner(self, corner: str) -> CornerPage:
        """The page of ``corner`` (one of ``CORNERS``)."""
        if corner not in CORNERS:
            raise KeyError(corner)
        page: CornerPage = getattr(self, corner)
        return page
