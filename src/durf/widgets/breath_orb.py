"""The breath orb: a disc of braille dots that grows on the in-breath and shrinks on the out.

Braille cells hold 2 x 4 dots, and a dot is about as wide as it is high, so the
disc is round and moves in quarter-cell steps. The in-breath is a solid disc; the
out-breath is an open, dotted disc with a solid rim, so the two differ by shape
and not by colour alone. The widget repaints only when the quantised picture
changes, not on every tick.
"""

from __future__ import annotations

from functools import lru_cache

from textual.reactive import reactive
from textual.widget import Widget

from durf.core.pacer import PhaseKind

BRAILLE_BASE = 0x2800
# Bit of each dot in a braille cell, by (column, row) within the 2 x 4 cell.
DOT_BITS = {(0, 0): 0x01, (0, 1): 0x02, (0, 2): 0x04, (1, 0): 0x08,
            (1, 1): 0x10, (1, 2): 0x20, (0, 3): 0x40, (1, 3): 0x80}  # fmt: skip
MIN_SHARE = 0.22
"""The empty-lungs disc, as a share of the largest: never a vanishing point."""


@lru_cache(maxsize=512)
def orb_lines(width: int, height: int, radius: int, open_texture: bool) -> tuple[str, ...]:
    """The orb as ``height`` lines of ``width`` braille characters."""
    dots_w, dots_h = width * 2, height * 4
    cx, cy = (dots_w - 1) / 2, (dots_h - 1) / 2
    rim = radius - 1.2
    cells = [[0] * width for _ in range(height)]
    for y in range(dots_h):
        for x in range(dots_w):
            distance = ((x - cx) ** 2 + (y - cy) ** 2) ** 0.5
            if distance > radius:
                continue
            if open_texture and distance < rim and (x + y) % 2:
                continue
            if open_texture and distance < rim and y % 2:
                continue
            cells[y // 4][x // 2] |= DOT_BITS[(x % 2, y % 4)]
    # Empty cells are plain spaces: some fonts draw the blank braille pattern as dots.
    return tuple(
        "".join(chr(BRAILLE_BASE + bits) if bits else " " for bits in row) for row in cells
    )


def orb_radius(width: int, height: int, fullness: float) -> int:
    """The disc's radius in dots for a fullness between 0 and 1."""
    largest = max(1.0, min(width * 2, height * 4) / 2 - 0.5)
    smallest = largest * MIN_SHARE
    return round(smallest + (largest - smallest) * max(0.0, min(1.0, fullness)))


class BreathOrb(Widget):
    """Shows one moment of the breath; set ``fullness`` and ``kind`` to move it."""

    DEFAULT_CSS = """
    BreathOrb {
        width: 1fr;
        height: 1fr;
        color: $accent;
        content-align: center middle;
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

    def _picture(self) -> tuple[int, int, int, bool]:
        width, height = self.content_size.width, self.content_size.height
        return (width, height, orb_radius(width, height, self.fullness), self.kind == "out")

    def on_resize(self) -> None:
        """A new size is a new picture."""
        self._shown = self._picture()
        self.refresh()

    def render(self) -> str:
        """The disc at its current size."""
        width, height, radius, open_texture = self._shown or self._picture()
        if width <= 0 or height <= 0:
            return ""
        return "\n".join(orb_lines(width, height, radius, open_texture))
