"""The breath orb: a disc of braille dots that grows on the in-breath and shrinks on the out.

Braille cells hold 2 x 4 dots, and a dot is about as wide as it is high, so the
disc is round and moves in quarter-cell steps. The in-breath is a solid disc; the
out-breath is an open, dotted disc with a solid rim, so the two differ by shape
and not by colour alone. The widget repaints only when the quantised picture
changes, not on every tick.
"""

from __future__ import annotations

import math
from functools import lru_cache

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from durf.core.pacer import PhaseKind

BRAILLE_BASE = 0x2800
# Bit of each dot in a braille cell, by (column, row) within the 2 x 4 cell.
DOT_BITS = {(0, 0): 0x01, (0, 1): 0x02, (0, 2): 0x04, (1, 0): 0x08,
            (1, 1): 0x10, (1, 2): 0x20, (0, 3): 0x40, (1, 3): 0x80}  # fmt: skip
MIN_SHARE = 0.22
"""The empty-lungs disc, as a share of the largest: never a vanishing point."""


STEP_DOTS = 2
"""The radius moves in steps of two dots (half a cell): smooth to the eye, and half
the repaints of single-dot steps."""


@lru_cache(maxsize=512)
def orb_lines(width: int, height: int, radius: int, open_texture: bool) -> tuple[str, ...]:
    """The orb as ``height`` lines of ``width`` braille characters (blank cells are spaces)."""
    dots_w, dots_h = width * 2, height * 4
    cx, cy = (dots_w - 1) / 2, (dots_h - 1) / 2
    rim = radius - 1.2
    cells = [[0] * width for _ in range(height)]
    for y in range(dots_h):
        dy = y - cy
        if abs(dy) > radius:
            continue
        # One square root per row: the disc covers a span of x, the open centre a
        # smaller span inside it.
        half = math.sqrt(radius * radius - dy * dy)
        inner = math.sqrt(rim * rim - dy * dy) if open_texture and abs(dy) < rim else -1.0
        row = cells[y // 4]
        for x in range(max(0, math.ceil(cx - half)), min(dots_w, math.floor(cx + half) + 1)):
            inside = abs(x - cx) < inner
            if inside and ((x + y) % 2 or y % 2):
                continue
            row[x // 2] |= DOT_BITS[(x % 2, y % 4)]
    # Empty cells are plain spaces: some fonts draw the blank braille pattern as dots.
    return tuple(
        "".join(chr(BRAILLE_BASE + bits) if bits else " " for bits in row) for row in cells
    )


def _radius_range(width: int, height: int) -> tuple[float, float]:
    largest = max(1.0, min(width * 2, height * 4) / 2 - 0.5)
    return largest * MIN_SHARE, largest


def orb_radius(width: int, height: int, fullness: float) -> int:
    """The disc's radius in dots for a fullness between 0 and 1, in whole steps."""
    smallest, largest = _radius_range(width, height)
    exact = smallest + (largest - smallest) * max(0.0, min(1.0, fullness))
    return max(1, round(exact / STEP_DOTS) * STEP_DOTS)


def step_edges(width: int, height: int, fullness: float) -> tuple[float, float]:
    """The fullness just below and just above which the drawn radius changes."""
    smallest, largest = _radius_range(width, height)
    span = largest - smallest
    radius = orb_radius(width, height, fullness)
    if span <= 0:
        return 0.0, 1.0
    low = (radius - STEP_DOTS / 2 - smallest) / span
    high = (radius + STEP_DOTS / 2 - smallest) / span
    return low, high


class BreathOrb(Widget):
    """Shows one moment of the breath; set ``fullness`` and ``kind`` to move it."""

    DEFAULT_CSS = """
    BreathOrb {
        width: auto;
        height: 1fr;
        color: $accent;
    }
    BreathOrb.-out {
        color: $secondary;
    }
    """

    fullness: reactive[float] = reactive(0.0, layout=False, repaint=False)
    kind: reactive[PhaseKind] = reactive("in", repaint=False)

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._shown: tuple[int, int, int, bool] | None = None

    def show(self, fullness: float, kind: PhaseKind) -> bool:
        """Move the orb; repaint only if the picture changes. Returns whether it did."""
        self.fullness, self.kind = fullness, kind
        picture = self._picture()
        if picture == self._shown:
            return False
        self._shown = picture
        self.set_class(kind == "out", "-out")
        self.refresh()
        return True

    def next_edges(self) -> tuple[float, float]:
        """The fullness values at which the picture will change next, below and above."""
        return step_edges(self.content_size.width, self.content_size.height, self.fullness)

    def _picture(self) -> tuple[int, int, int, bool]:
        width, height = self.content_size.width, self.content_size.height
        return (width, height, orb_radius(width, height, self.fullness), self.kind == "out")

    def get_content_width(self, container: Size, viewport: Size) -> int:
        """As wide as the disc: cells are twice as tall as wide, so twice the height.

        ``container`` is the row the orb fills the height of, so the width is right in
        the first layout (no second one once the height is known), and a narrow widget
        is cheaper to repaint: nothing is drawn for empty sides.
        """
        return min(container.width, 2 * container.height)

    def on_resize(self) -> None:
        """Draw the disc for the new size."""
        self._shown = self._picture()
        self.refresh()

    def render_line(self, y: int) -> Strip:
        """One line of the disc, from a cache: a repaint builds no text, only looks up strips."""
        width, height, radius, open_texture = self._shown or self._picture()
        if width <= 0 or height <= 0 or y >= height:
            return Strip.blank(max(0, width), self.rich_style)
        return _strip(orb_lines(width, height, radius, open_texture)[y], self.rich_style)


@lru_cache(maxsize=2048)
def _strip(line: str, style: Style) -> Strip:
    return Strip([Segment(line, style)], len(line))
