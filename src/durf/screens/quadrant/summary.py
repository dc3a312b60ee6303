"""A core quadrant drawn as Ofman draws it, and the choice of quadrant when there are several.

Quality and pitfall on top, allergy and challenge below: too much of the quality
is the pitfall, whose opposite is the challenge; too much of the challenge is the
allergy, whose opposite is the quality again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from durf.core.dates import long_date
from durf.core.i18n import get_language, t
from durf.core.quadrant.answers import CornerView, corner_views
from durf.core.text import shown
from durf.screens.base import DurfScreen

if TYPE_CHECKING:
    from durf.core.state import SessionRecord

DRAWN = (("quality", "→", "pitfall"), ("↑", "", "↓"), ("allergy", "←", "challenge"))
"""The grid, row by row: a corner, or the arrow between two."""


def corner_content(view: CornerView) -> Content:
    """What one corner holds: the examples ticked, then the user's own words (literally)."""
    lines: list[Content] = [Content.assemble("• ", shown(text)) for text in view.ticked]
    if view.own.strip():
        lines.append(Content.styled(shown(view.own), "italic"))
    if not lines:
        lines.append(Content.styled(t("quadrant.nothing"), "$text-muted"))
    return Content("\n").join(lines)


class QuadrantSummaryScreen(DurfScreen):
    """One walk through a quadrant, drawn as a quadrant; r does it again."""

    TITLE_KEY = "quadrant.title"
    DEFAULT_CSS = """
    QuadrantSummaryScreen #summary-heading {
        text-style: bold;
        color: $accent;
    }
    QuadrantSummaryScreen #summary-when {
        color: $text-muted;
    }
    QuadrantSummaryScreen #quadrant {
        grid-size: 3 3;
        grid-columns: 1fr 3 1fr;
        grid-rows: auto 1 auto;
        height: auto;
        max-width: 110;
        margin: 1 0 0 0;
    }
    QuadrantSummaryScreen .corner {
        border: round $primary;
        border-title-color: $accent;
        border-title-style: bold;
        border-subtitle-color: $text-muted;
        padding: 0 1;
        height: auto;
    }
    QuadrantSummaryScreen #corner-quality {
        border-subtitle-align: right;
    }
    QuadrantSummaryScreen #corner-challenge {
        border-subtitle-align: left;
    }
    QuadrantSummaryScreen .arrow {
        width: 100%;
        height: 100%;
        content-align: center middle;
        color: $text-muted;
    }
    QuadrantSummaryScreen #summary-practise {
        margin: 1 0 0 0;
        max-width: 110;
    }
    """
    KEY_HINTS: ClassVar = [
        ("r", "quadrant.key_redo"),
        ("↑↓", "keys.scroll"),
        ("Esc", "quadrant.key_close"),
        ("?", "keys.help"),
    ]
    BINDINGS: ClassVar = [
        Binding("r", "redo", show=False),
        Binding("enter", "back", show=False),
    ]

    def __init__(self, record_id: str) -> None:
        super().__init__()
        self.record_id = record_id

    def _record(self) -> SessionRecord | None:
        return self.practice.quadrants.walk(self.record_id)

    def compose_body(self) -> ComposeResult:
        """The heading, the four corners with arrows between them, and the sentence."""
        record = self._record()
        if record is None:
            yield Static(t("quadrant.missing"), markup=False)
            return
        language = get_language()
        quadrant_id = str(record.details.get("quadrant", ""))
        quadrant = self.practice.quadrants.by_id(quadrant_id)
        name = quadrant.name.get(language) if quadrant is not None else quadrant_id
        views = {view.corner: view for view in corner_views(record.details, quadrant, language)}
        with VerticalScroll(id="summary"):
            yield Static(Content(t("quadrant.summary_title", name=name)), id="summary-heading")
            when = long_date(record.started_at.date())
            key = "quadrant.done_on" if record.completed else "quadrant.left_on"
            note = t(key, date=when)
            if quadrant is None:
                note += " " + t("quadrant.gone")
            yield Static(note, id="summary-when", markup=False)
            with Grid(id="quadrant"):
                for row in DRAWN:
                    for cell in row:
                        if cell in views:
                            box = Static(corner_content(views[cell]), classes="corner")
                            box.border_title = shown(views[cell].title)
                            box.id = f"corner-{cell}"
                            if cell == "quality":
                                box.border_subtitle = f"{t('quadrant.too_much')} →"
                            elif cell == "challenge":
                                box.border_subtitle = f"← {t('quadrant.too_much')}"
                            yield box
                        else:
                            yield Static(self._arrow(cell), classes="arrow", markup=False)
            sentence = record.details.get("sentence")
            said = sentence if isinstance(sentence, str) and sentence.strip() else ""
            yield Static(
                Content.assemble(
                    (t("quadrant.practise"), "bold"),
                    " ",
                    f"“{shown(said)}”" if said else (t("quadrant.no_sentence"), "$text-muted"),
                ),
                id="summary-practise",
            )

    @staticmethod
    def _arrow(cell: str) -> str:
        if cell in ("→", "←"):
            return cell
        if cell in ("↑", "↓"):
            return f"{cell} {t('quadrant.opposite')}"
        return ""

    def action_redo(self) -> None:
        """Walk through this quadrant again, starting from what was chosen here."""
        self.durf.redo_quadrant(self.record_id, replacing=self)


class QuadrantChoiceScreen(DurfScreen):
    """Several quadrants in the library: which one now?"""

    TITLE_KEY = "quadrant.title"
    KEY_HINTS: ClassVar = [("↑↓", "keys.move"), ("Enter", "keys.open"), ("Esc", "keys.back")]
    DEFAULT_CSS = """
    QuadrantChoiceScreen #quadrants {
        height: auto;
        max-height: 1fr;
        background: transparent;
        margin: 1 0;
    }
    """

    def compose_body(self) -> ComposeResult:
        """The quadrants by name, and a word on writing one."""
        language = get_language()
        self._ids = [quadrant.id for quadrant in self.practice.quadrants.all()]
        yield Static(t("quadrant.choose_title"), classes="page-title", markup=False)
        yield OptionList(
            *[Option(Content(q.name.get(language))) for q in self.practice.quadrants.all()],
            id="quadrants",
        )
        yield Static(t("quadrant.choose_hint"), classes="hint", markup=False)

    @on(OptionList.OptionSelected, "#quadrants")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.durf.open_quadrant(self._ids[event.option_index], replacing=self)
