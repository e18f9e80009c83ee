"""A question's page, drawn and scrolled as one widget: the question (or the heading of its
answer levels), the answer levels, the note, and why the question matters with what the
sources show, set beside the levels when there is room.

One widget rather than a container of many, so that moving to the next question changes
what this one draws and lays out nothing on the screen. It draws its own lines (Textual's
line API), each once until something shown changes, from the words wrapped in `page_words`
(the next question's can be wrapped beforehand), and its own scroll bar beside them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar, NamedTuple

from rich.segment import Segment
from textual import events
from textual.geometry import Region, Size
from textual.reactive import var
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style

from consortium_ready.tui.widgets.line import content_width
from consortium_ready.tui.widgets.page_words import (
    ASIDE_WIDTH,
    EDGE,
    GUTTER,
    LEVEL_MARGIN,
    MARK_WIDTH,
    Layout,
    Level,
    PageWords,
    Passage,
    Passages,
    Words,
)
from consortium_ready.tui.widgets.thumb import offset_for, thumb_rows

BAR_WIDTH = 2
"""The columns of the page's scroll bar, as wide as Textual's."""
AFTER_THE_FRAME = 0.005
"""Seconds from a frame's drawing to the work that waits for it (`call_after_drawing`): the
frame first goes to the terminal. Textual's writer thread writes it, and must wait for
this process to let go of the interpreter; begun at once, the work held the frame back by
up to 5 ms (the interpreter's switch interval), and kept the processor from the terminal."""


class _Frame(NamedTuple):
    """What every line of a frame shares, worked out once a frame rather than once a line:
    the page's width, its top line in view, the thumb's rows, and the bar's state."""

    width: int
    top: int
    thumb: range
    bar: str


class QuestionPage(ScrollView):
    """A question's page, top to bottom: passages `above` the levels (the question, or the
    levels' heading), the levels, each an edge, a mark, then its label and what it looks like
    in practice, indented under the label; then passages `below` (the note), then the
    passages `aside` (why, and the sources), which are set beside the levels when wide.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "question-page--label",
        "question-page--anchor",
        "question-page--edge",
        "question-page--chosen",
        "question-page--chosen-text",
        "question-page--edge-highlighted",
        "question-page--edge-cursor",
        "question-page--cursor",
        "question-page--hover",
        "question-page--heading",
        "question-page--note",
        "question-page--gutter",
        "question-page--link",
    }
    DEFAULT_CSS = """
    QuestionPage {
        height: 1fr;
        overflow: hidden hidden;  /* it draws its own scroll bar */
        & > .question-page--label { text-style: bold; }
        & > .question-page--anchor { color: $text-muted; }
        & > .question-page--edge { color: $surface; }
        & > .question-page--chosen { background: $primary 25%; }
        & > .question-page--chosen-text { text-style: bold; }
        & > .question-page--hover { background: $boost; }
        & > .question-page--edge-highlighted { color: $border-blurred; }
        & > .question-page--edge-cursor { color: $accent; }
        & > .question-page--cursor { background: $accent 20%; }
        & > .question-page--heading { text-style: bold; color: $text-accent; }
        & > .question-page--note { color: $text-success; }
        & > .question-page--gutter { color: $border-blurred; }
        & > .question-page--link { color: $text-accent; text-style: underline; }
    }
    """

    hovered: var[int | None] = var(None)
    """The level under the mouse, if any."""
    over_bar: var[bool] = var(False)
    """Whether the mouse is over the scroll bar."""

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self.marks: list[str] = []
        self.chosen_levels: frozenset[int] = frozenset()
        self._shown = PageWords([], Passages())
        self._ready: PageWords | None = None
        self._after_drawing: Callable[[], None] | None = None
        self._frame: _Frame | None = None
        self._grip: int | None = None
        """Where on the thumb the mouse holds it, while it does."""
        self._styles: dict[tuple[str, ...], Style] = {}
        self._drawn: dict[tuple[int, int], Strip] = {}
        self._levels_drawn: dict[tuple[int, int], list[list[Segment]]] = {}

    # What is shown ------------------------------------------------------------------------

    @property
    def levels(self) -> Sequence[Level]:
        """The levels shown."""
        return self._shown.levels

    @property
    def passages(self) -> Passages:
        """The passages shown above, below and aside the levels."""
        return self._shown.passages

    def show_page(
        self,
        levels: Sequence[Level],
        marks: list[str],
        chosen: frozenset[int],
        passages: Passages,
    ) -> None:
        """Show a question's levels and passages, from the top."""
        ready = self._ready
        self._ready = None
        self._shown = (
            ready if ready and ready.shows(levels, passages) else PageWords(levels, passages)
        )
        self.show_levels(marks, chosen)
        self.scroll_home(animate=False, immediate=True)

    def get_ready(self, levels: Sequence[Level], passages: Passages) -> None:
        """Wrap and lay out a page that is likely to be shown next, at this page's width."""
        self._ready = PageWords(levels, passages)
        if self._width:
            self._ready.layout(self._width)

    def call_after_drawing(self, callback: Callable[[], None]) -> None:
        """Call `callback` once the page has next been drawn and the frame it is in painted,
        and that frame has had time to reach the terminal (AFTER_THE_FRAME).
        (`call_after_refresh` may call it before the screen is refreshed, when the widgets
        changed have yet to tell the screen.)"""
        self._after_drawing = callback

    def show_levels(self, marks: list[str], chosen: frozenset[int]) -> None:
        """Mark the levels shown, and which of them are chosen."""
        self.marks, self.chosen_levels = marks, chosen
        self.redraw()

    def show_chosen(self, chosen: frozenset[int]) -> None:
        """Mark the levels at these places chosen."""
        self.show_levels(self.marks, chosen)

    def show_below(self, below: Sequence[Passage]) -> None:
        """Show other passages under the levels."""
        self._shown = PageWords(self.levels, self.passages._replace(below=below))
        self.redraw()

    def redraw(self) -> None:
        """Draw the page again, as something it shows has changed."""
        width = self._width
        if width:  # else it is not yet laid out, and is sized when it is
            self._scroll_over(Size(width, len(self._shown.layout(width).lines)))
        self._undraw()

    def _scroll_over(self, size: Size) -> None:
        """Scroll over a page of `size`. The page keeps its place and size, whatever its
        length, so nothing on the screen is laid out again."""
        self.set_reactive(QuestionPage.virtual_size, size)
        self.scroll_y = self.validate_scroll_y(self.scroll_y)

    def _undraw(self) -> None:
        """Forget the lines drawn, and draw those in view again."""
        self._drawn.clear()
        self._levels_drawn.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._undraw()

    def on_resize(self) -> None:
        if self.virtual_size.width != self._width:
            self.redraw()

    @property
    def _width(self) -> int:
        """The page's columns: what its scroll bar leaves."""
        return content_width(self) - BAR_WIDTH

    @property
    def allow_vertical_scroll(self) -> bool:
        """Whether the page is longer than its window (Textual shows it no scroll bar)."""
        return self.max_scroll_y > 0

    # Where things are --------------------------------------------------------------------

    def level_tops(self) -> list[int]:
        """The line of the page each level starts on."""
        return self._shown.layout(self._width).tops

    def level_region(self, index: int) -> Region:
        """Where on the page level `index` is drawn."""
        layout = self._shown.layout(self._width)
        height = len(self._shown.level(index, layout.main_width))
        return Region(0, layout.tops[index], layout.main_width, height)

    def level_at(self, x: int, y: int) -> int | None:
        """The level drawn at column `x` of line `y` of the page, if any (not a gap)."""
        layout = self._shown.layout(self._width)
        if x >= layout.main_width or not 0 <= y < len(layout.lines):
            return None
        level = layout.lines[y]
        return level if isinstance(level, int) else None

    # Drawing ----------------------------------------------------------------------------

    def level_states(self, index: int) -> tuple[str, ...]:
        """The component classes level `index` is drawn with: its background, as a
        stylesheet would pick it (the cursor over the mouse over chosen), and chosen's text."""
        chosen = index in self.chosen_levels
        if self.is_cursor(index):
            background = "question-page--cursor"
        elif index == self.hovered:
            background = "question-page--hover"
        else:
            background = "question-page--chosen" if chosen else ""
        return tuple(filter(None, [background, "question-page--chosen-text" if chosen else ""]))

    def is_cursor(self, index: int) -> bool:
        """Whether level `index` has the keyboard's cursor on it."""
        return False

    def edge_state(self, index: int) -> str:
        """The component class that colours the edge of level `index`."""
        return "question-page--edge"

    def _style(self, *components: str) -> Style:
        """The page's style with these component classes' over it, in order, worked out once
        until the page's styles change. All at once, so that a colour such as the theme's
        muted text is worked out against the background it is drawn on."""
        if components not in self._styles:
            self._styles[components] = self.get_visual_style(*components)
        return self._styles[components]

    def _level(self, index: int, width: int) -> list[list[Segment]]:
        """Level `index`'s lines, each `width` wide, drawn once until it or its state changes."""
        if (index, width) not in self._levels_drawn:
            states = self.level_states(index)
            edge = Segment(EDGE, self._style(*states, self.edge_state(index)).rich_style)
            words = self._shown.level(index, width)
            margins = [self.marks[index].ljust(MARK_WIDTH)] + [" " * MARK_WIDTH] * (len(words) - 1)
            self._levels_drawn[index, width] = [
                [
                    edge,
                    Segment(margin, self._style(*states).rich_style),
                    *self._words(line, width - LEVEL_MARGIN, states),
                ]
                for margin, line in zip(margins, words, strict=True)
            ]
        return self._levels_drawn[index, width]

    def _words(
        self, words: Words | None, width: int, states: tuple[str, ...] = ()
    ) -> list[Segment]:
        """A line of `words` (or a blank) in the style of their component class over
        `states`, filled out with spaces to `width` cells."""
        if words is None:
            return [Segment(" " * width, self._style(*states).rich_style)]
        line, component = words
        style = self._style(*states, component) if component else self._style(*states)
        segments = line.render_segments(style)
        room = width - line.cell_length
        if room > 0:
            segments.append(Segment(" " * room, self._style(*states).rich_style))
        elif room < 0:  # a word longer than the line, cut short
            segments = list(Strip(segments).crop(0, width))
        return segments

    def _column(
        self, line: Words | int | None, y: int, layout: Layout, width: int
    ) -> list[Segment]:
        """Line `y` of a column `width` wide: a passage's line, a level's, or a blank."""
        if isinstance(line, int):
            return self._level(line, width)[y - layout.tops[line]]
        return self._words(line, width)

    def render_lines(self, crop: Region) -> list[Strip]:
        self._frame = self._frame_now()
        try:
            lines = super().render_lines(crop)
        finally:
            self._frame = None
        if self._after_drawing is not None:  # called once this frame is painted and written
            self.set_timer(AFTER_THE_FRAME, self._after_drawing)
            self._after_drawing = None
        return lines

    def _frame_now(self) -> _Frame:
        """What every line of a frame drawn now shares."""
        thumb = self.thumb
        bar = "held" if self._grip is not None else "hover" if self.over_bar else ""
        return _Frame(self._width, self.scroll_offset.y, thumb, bar)

    def render_line(self, y: int) -> Strip:
        frame = self._frame or self._frame_now()
        line = self._page_line(y + frame.top, frame.width)
        return Strip([*line, self._bar(y, frame)], line.cell_length + BAR_WIDTH)

    @property
    def thumb(self) -> range:
        """The rows of the scroll bar its thumb covers."""
        window = self.container_size.height
        return thumb_rows(window, self.virtual_size.height, self.scroll_offset.y)

    def _bar(self, y: int, frame: _Frame) -> Segment:
        """Row `y` of the scroll bar: the thumb, the track, or a blank if the page fits."""
        style = self._bar_style(frame.bar, y in frame.thumb) if frame.thumb else self._style()
        return Segment(" " * BAR_WIDTH, style.rich_style)

    def _bar_style(self, state: str, on_thumb: bool) -> Style:
        """The scroll bar's track, or its thumb, held, under the mouse or neither (`state`),
        in the page's scroll-bar colours, as Textual draws its own bar."""
        key = ("scroll-bar", state, "thumb" if on_thumb else "track")
        if key not in self._styles:
            styles = self.styles
            track, thumb = {
                "held": (styles.scrollbar_background_active, styles.scrollbar_color_active),
                "hover": (styles.scrollbar_background_hover, styles.scrollbar_color_hover),
                "": (styles.scrollbar_background, styles.scrollbar_color),
            }[state]
            if track.a < 1:
                track = self.background_colors[0] + track
            self._styles[key] = Style(background=track + thumb if on_thumb else track)
        return self._styles[key]

    def _page_line(self, y: int, width: int) -> Strip:
        """Line `y` of the page `width` wide, drawn once until something shown changes."""
        if (y, width) not in self._drawn:
            layout = self._shown.layout(width)
            if y >= len(layout.lines):
                return Strip.blank(width, self._style().rich_style)
            segments = self._column(layout.lines[y], y, layout, layout.main_width)
            if layout.aside:
                segments = [
                    *segments,
                    Segment(GUTTER, self._style("question-page--gutter").rich_style),
                    *self._column(layout.aside[y], y, layout, ASIDE_WIDTH),
                ]
            self._drawn[y, width] = Strip(segments, width)
        return self._drawn[y, width]

    @property
    def lines(self) -> list[str]:
        """The page's lines in plain text, as drawn at its width."""
        width = self._width
        return [self._page_line(y, width).text for y in range(self.virtual_size.height)]

    # The mouse ---------------------------------------------------------------------------

    def level_under(self, event: events.MouseEvent) -> int | None:
        """The level under the mouse, if any."""
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        return self.level_at(offset.x, offset.y + self.scroll_offset.y)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._grip is not None:
            self._drag(event.get_content_offset_capture(self).y)
        else:
            self.hovered = self.level_under(event)
            offset = event.get_content_offset(self)
            self.over_bar = offset is not None and offset.x >= self._width

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """Hold the scroll bar's thumb, or move it to the row of the track clicked."""
        offset = event.get_content_offset(self)
        thumb = self.thumb
        if offset is None or offset.x < self._width or not thumb:
            return
        self._grip = offset.y - thumb.start if offset.y in thumb else len(thumb) // 2
        self.capture_mouse()
        self._drag(offset.y)

    def on_mouse_up(self) -> None:
        if self._grip is not None:
            self._grip = None
            self.release_mouse()
            self.refresh()

    def _drag(self, row: int) -> None:
        """Scroll so that the thumb, held at its grip, is at `row` of the bar."""
        assert self._grip is not None
        window, total = self.container_size.height, self.virtual_size.height
        top = row - self._grip
        self.scroll_to(y=offset_for(window, total, len(self.thumb), top), animate=False)
        self.refresh()

    def on_leave(self) -> None:
        self.hovered = None
        self.over_bar = False

    def watch_over_bar(self) -> None:
        self.refresh()

    def watch_hovered(self) -> None:
        self._undraw()
