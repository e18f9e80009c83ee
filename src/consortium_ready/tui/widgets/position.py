"""Where the questionnaire has got to, in words and a bar, on one line of fixed height.

One widget rather than a line of text beside Textual's ProgressBar (a bar and a percentage,
each a widget): a step redraws this one line and never asks for a layout.
"""

from __future__ import annotations

from typing import ClassVar

from textual.content import Content

from consortium_ready.tui.widgets.line import TextLine

BAR_WIDTH = 16
_GAP = 2
_PERCENT_WIDTH = 5


class PositionLine(TextLine):
    """`Question 12 of 80 · 11 answered`, then a bar and the share answered at the right.

    When the line is too narrow for both, the words give way, ending in an ellipsis.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "position-line--done",
        "position-line--to-go",
        "position-line--complete",
    }
    DEFAULT_CSS = """
    PositionLine {
        & > .position-line--done { color: $primary; }
        & > .position-line--complete { color: $success; }
        & > .position-line--to-go { color: $surface; }
    }
    """

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self._share = 0.0

    def show_position(self, number: int, asked: int, given: int) -> None:
        """Question `number` of `asked`, with `given` answered."""
        self._share = min(given / asked, 1.0) if asked else 0.0
        self.show(f"Question {number} of {asked} · {given} answered")

    def content(self, width: int) -> Content:
        bar = self._bar()
        room = width - bar.cell_length - _GAP
        words = Content(self.words).truncate(max(room, 0), ellipsis=True, pad=True)
        return Content.assemble(words, " " * _GAP, bar)

    def _bar(self) -> Content:
        """The bar, in half cells, and the share answered as a percentage."""
        halves = round(self._share * BAR_WIDTH * 2)
        done = "━" * (halves // 2) + ("╸" if halves % 2 else "")
        done_style = "position-line--complete" if self._share >= 1 else "position-line--done"
        return Content.assemble(
            (done, self.get_visual_style(done_style)),
            ("━" * (BAR_WIDTH - len(done)), self.get_visual_style("position-line--to-go")),
            f"{self._share:.0%}".rjust(_PERCENT_WIDTH),
        )
