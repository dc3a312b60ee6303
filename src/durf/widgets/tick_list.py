"""A multiple choice whose long choices wrap under themselves instead of being cut off."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import OptionList, SelectionList
from textual.widgets._toggle_button import ToggleButton


class TickList(SelectionList[str]):
    """Textual's ``SelectionList``, with each choice wrapped to the width it has.

    In a phone-width window a choice such as "Saying what I feel, even when it is
    uncomfortable" must be read whole before it is ticked; the stock list cuts it
    off with an ellipsis. Wrapped lines of one choice share its tick box.

    The stock list draws its box on every line, so this one reads OptionList's line
    cache (``_lines``, ``_heights``, ``_index_to_line``) to tell a choice's first line
    from the rest. That is not public API: the tests run on the pinned Textual, and
    ``tests/app/test_small_window.py`` fails if a new one draws the choices otherwise.
    """

    DEFAULT_CSS = """
    TickList {
        text-wrap: wrap;
        text-overflow: fold;
    }
    """

    _last_highlighted: int | None = None

    def _on_selection_list_selection_highlighted(
        self, _event: SelectionList.SelectionHighlighted[str]
    ) -> None:
        # The list grows to its full height inside a scrolling page, so the page, not
        # the list, has to follow the highlighted choice down a small window. The first
        # highlight comes with focus, and the page shows its question above the list then.
        moved = self._last_highlighted is not None
        self._last_highlighted = self.highlighted
        if moved:
            self.call_after_refresh(self._show_highlighted)

    def _show_highlighted(self) -> None:
        page = next(
            (a for a in self.ancestors if isinstance(a, Widget) and a.allow_vertical_scroll), None
        )
        if self.highlighted is None or page is None:
            return
        line = self._index_to_line[self.highlighted]
        on_screen = Region(
            self.content_region.x,
            self.content_region.y - self.scroll_offset.y + line,
            self.content_region.width,
            self._heights[self.highlighted],
        )
        in_page = on_screen.translate(page.scroll_offset - page.content_region.offset)
        page.scroll_to_region(in_page, animate=False, immediate=True)

    def render_line(self, y: int) -> Strip:
        """One line of a choice: its first line after the tick box, the rest indented."""
        line = OptionList.render_line(self, y)
        try:
            index, line_in_choice = self._lines[self.scroll_offset.y + y]
            choice = self.get_option_at_index(index)
        except IndexError:
            return line
        prompt_style = next(iter(line)).style or self.rich_style
        gutter = self._get_left_gutter_width()
        if line_in_choice:
            return Strip([Segment(" " * gutter, prompt_style), *line])
        component = "selection-list--button"
        if choice.value in self._selected:
            component += "-selected"
        if self.highlighted == index:
            component += "-highlighted"
        button = self.get_component_rich_style(component) + Style(meta={"option": index})
        side = Style.from_color(button.bgcolor, prompt_style.bgcolor) + Style(
            meta={"option": index}
        )
        return Strip(
            [
                Segment(ToggleButton.BUTTON_LEFT, side),
                Segment(ToggleButton.BUTTON_INNER, button),
                Segment(ToggleButton.BUTTON_RIGHT, side),
                Segment(" ", prompt_style),
                *line,
            ]
        )
