"""One line of words, cut short with an ellipsis when the line is too narrow.

It draws its one line itself (Textual's line API), once until it changes. A Static of one
line would do the same, but turns its text into a visual, wraps and formats it each time
it changes: about a millisecond, where this takes a tenth of that. It is changed at every
step of the questionnaire.
"""

from __future__ import annotations

from textual.content import Content
from textual.strip import Strip
from textual.widget import Widget


def content_width(widget: Widget) -> int:
    """The columns within `widget`'s padding, border and scroll bars: its content region's
    width, without looking up where the widget is on the screen."""
    return widget.outer_size.width - widget.gutter.width


class TextLine(Widget):
    """A line of words that fits its width, ending in an ellipsis when they do not."""

    DEFAULT_CSS = """
    TextLine {
        height: 1;
    }
    """

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self._words = ""
        self._drawn: Strip | None = None

    @property
    def words(self) -> str:
        """The words the line shows, before any are cut for want of room."""
        return self._words

    def show(self, words: str) -> None:
        """Show these words."""
        self._words = words
        self.redraw()

    def redraw(self) -> None:
        """Draw the line again, as what it shows has changed."""
        self._drawn = None
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.redraw()

    def content(self, width: int) -> Content:
        """What the line shows at `width`, before it is cut to fit."""
        return Content(self._words)

    def render_line(self, y: int) -> Strip:
        width = content_width(self)
        if self._drawn is None or self._drawn.cell_length != width:
            line = self.content(width).truncate(width, ellipsis=True, pad=True)
            self._drawn = Strip(line.render_segments(self.visual_style), width)
        return self._drawn if y == 0 else Strip.blank(width, self.visual_style.rich_style)
