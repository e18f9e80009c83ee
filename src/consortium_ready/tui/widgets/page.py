"""A question's page, drawn and scrolled as one widget: the question (or the heading of its
answer levels), the answer levels, the note, and why the question matters with what the
sources show, set beside the levels when there is room.

One widget rather than a container of many, so that moving to the next question changes
what this one draws and lays out nothing within it. It draws its own lines (Textual's line
API): the wrapped words of each level and passage are kept for each width for as long as
they are shown, and each line, once drawn, until something shown changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, NamedTuple, Protocol

from rich.segment import Segment
from textual import events
from textual.content import Content
from textual.geometry import Region, Size
from textual.reactive import var
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style

from consortium_ready.tui.text import literal

MARK_WIDTH = 7
EDGE = "▌"
ASIDE_WIDTH = 40
"""The columns of the passages set beside the levels, when there is room."""
MAIN_MIN_WIDTH = 48
"""The fewest columns the levels keep when passages are set beside them: with the edge and
the mark, 39 for their words."""
GUTTER = "  │  "
"""Between the levels and the passages beside them."""


class Level(Protocol):
    """An answer level: an option, or the range of a number."""

    @property
    def label(self) -> str: ...
    @property
    def anchor(self) -> str: ...


class Link(NamedTuple):
    """Words that run `action` when clicked."""

    words: str
    action: str


class Passage(NamedTuple):
    """Prose on the page: `text` under an optional `heading`, then any `links`, one a line;
    a `note` is drawn as one."""

    text: Content
    heading: str = ""
    note: bool = False
    links: tuple[Link, ...] = ()


Words = tuple[Content, str]
"""A line of wrapped words, and the component class they are drawn in ("" for none)."""


def _wrapped(text: Content, width: int, component: str) -> list[Words]:
    """`text`'s lines at `width` (none if it is empty), each with the component class given."""
    return [(line, component) for line in text.wrap(width)] if text else []


class _Layout(NamedTuple):
    """Where everything on the page goes at one width."""

    main_width: int
    """The columns of the levels, and of all else when nothing is set beside them."""
    lines: list[Words | int | None]
    """Each line: a passage's, a level's (by the level's index), or a blank."""
    tops: list[int]
    """The line each level starts on."""
    aside: list[Words | None]
    """The lines set beside the others, if there is room; else none."""


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
        scrollbar-gutter: stable;
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

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self.levels: Sequence[Level] = []
        self.marks: list[str] = []
        self.chosen_levels: frozenset[int] = frozenset()
        self.above: Sequence[Passage] = ()
        self.below: Sequence[Passage] = ()
        self.aside: Sequence[Passage] = ()
        self._wrapped_at: dict[tuple[str, int, int], list[Words]] = {}
        self._layout_at: dict[int, _Layout] = {}
        self._drawn: dict[tuple[int, int], Strip] = {}
        self._levels_drawn: dict[tuple[int, int], list[Strip]] = {}

    # What is shown ------------------------------------------------------------------------

    def show_page(
        self,
        levels: Sequence[Level],
        marks: list[str],
        chosen: frozenset[int],
        above: Sequence[Passage] = (),
        below: Sequence[Passage] = (),
        aside: Sequence[Passage] = (),
    ) -> None:
        """Show a question's levels and passages, from the top."""
        self.levels, self.above, self.below, self.aside = levels, above, below, aside
        self._rewrap()
        self.show_levels(marks, chosen)
        self.scroll_home(animate=False, immediate=True)

    def show_levels(self, marks: list[str], chosen: frozenset[int]) -> None:
        """Mark the levels shown, and which of them are chosen."""
        self.marks, self.chosen_levels = marks, chosen
        self.redraw()

    def show_chosen(self, chosen: frozenset[int]) -> None:
        """Mark the levels at these places chosen."""
        self.show_levels(self.marks, chosen)

    def show_below(self, below: Sequence[Passage]) -> None:
        """Show other passages under the levels."""
        self.below = below
        self._rewrap()
        self.redraw()

    def redraw(self) -> None:
        """Draw the page again, as something it shows has changed."""
        width = self._width
        if width:  # else it is not yet laid out, and is sized when it is
            self.virtual_size = Size(width, len(self._layout(width).lines))
        self._undraw()

    def _undraw(self) -> None:
        """Forget the lines drawn, and draw those in view again."""
        self._drawn.clear()
        self._levels_drawn.clear()
        self.refresh()

    def _rewrap(self) -> None:
        """Forget the words wrapped and where they went, as what is shown has changed."""
        self._wrapped_at.clear()
        self._layout_at.clear()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._undraw()

    def on_resize(self) -> None:
        if self.virtual_size.width != self._width:
            self.redraw()

    @property
    def _width(self) -> int:
        return self.scrollable_content_region.width

    # Where things are --------------------------------------------------------------------

    def _beside(self, width: int) -> bool:
        """Whether the passages aside are set beside the levels at `width`."""
        room = width >= MAIN_MIN_WIDTH + len(GUTTER) + ASIDE_WIDTH
        return room and bool(self.levels) and bool(self.aside)

    def _main_width(self, width: int) -> int:
        return width - len(GUTTER) - ASIDE_WIDTH if self._beside(width) else width

    def _text_width(self, width: int) -> int:
        """The columns for a level's words: what the edge, the mark and a space at the right
        end leave of the levels' `width`."""
        return max(10, width - len(EDGE) - MARK_WIDTH - 1)

    def _level_words(self, index: int, width: int) -> list[Words]:
        """Level `index`'s label's lines, then its anchor's, wrapped to `width`."""
        key = ("level", index, width)
        if key not in self._wrapped_at:
            level = self.levels[index]
            self._wrapped_at[key] = [
                *_wrapped(literal(level.label), width, "question-page--label"),
                *_wrapped(literal(level.anchor), width, "question-page--anchor"),
            ]
        return self._wrapped_at[key]

    def _passage_lines(self, passage: Passage, key: tuple[str, int, int]) -> list[Words]:
        """A passage's lines, its heading then its text, wrapped to the width in `key`."""
        if key not in self._wrapped_at:
            width = key[2]
            heading = Content(passage.heading)
            links = [
                Content.styled(link.words, Style.from_meta({"@click": link.action}))
                for link in passage.links
            ]
            self._wrapped_at[key] = [
                *_wrapped(heading, width, "question-page--heading"),
                *_wrapped(passage.text, width, "question-page--note" if passage.note else ""),
                *(line for link in links for line in _wrapped(link, width, "question-page--link")),
            ]
        return self._wrapped_at[key]

    def _passages(self, where: str, passages: Sequence[Passage], width: int) -> list[Words | None]:
        """The lines of the passages `where` (above, below, aside), a blank (None) after each
        but a heading alone, which leads straight on to what follows it."""
        lines: list[Words | None] = []
        for index, passage in enumerate(passages):
            lines += self._passage_lines(passage, (where, index, width))
            if passage.text or passage.links:
                lines.append(None)
        return lines

    def _layout(self, width: int) -> _Layout:
        """Where everything goes at `width`, worked out once for each width."""
        if width not in self._layout_at:
            main = self._main_width(width)
            lines: list[Words | int | None] = [*self._passages("above", self.above, main)]
            tops = []
            for index in range(len(self.levels)):
                tops.append(len(lines))
                lines += [index] * len(self._level_words(index, self._text_width(main))) + [None]
            lines += self._passages("below", self.below, main)
            aside = self._passages("aside", self.aside, ASIDE_WIDTH if main < width else width)
            if main == width:
                lines += aside
                aside = []
            while lines and lines[-1] is None:
                lines.pop()
            while aside and aside[-1] is None:
                aside.pop()
            if aside:  # set beside: as many lines in each column
                rows = max(len(lines), len(aside))
                lines += [None] * (rows - len(lines))
                aside += [None] * (rows - len(aside))
            self._layout_at[width] = _Layout(main, lines, tops, aside)
        return self._layout_at[width]

    def level_tops(self) -> list[int]:
        """The line of the page each level starts on."""
        return self._layout(self._width).tops

    def level_region(self, index: int) -> Region:
        """Where on the page level `index` is drawn."""
        layout = self._layout(self._width)
        height = len(self._level_words(index, self._text_width(layout.main_width)))
        return Region(0, layout.tops[index], layout.main_width, height)

    def level_at(self, x: int, y: int) -> int | None:
        """The level drawn at column `x` of line `y` of the page, if any (not a gap)."""
        layout = self._layout(self._width)
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

    def _level(self, index: int, width: int) -> list[Strip]:
        """Level `index`'s lines, each `width` wide, drawn once until it or its state changes."""
        if (index, width) not in self._levels_drawn:
            states = self.level_states(index)
            style = self.visual_style + self.get_visual_style(*states)
            edge = Segment(EDGE, self.get_visual_style(*states, self.edge_state(index)).rich_style)
            words = self._level_words(index, self._text_width(width))
            margins = [self.marks[index].ljust(MARK_WIDTH)] + [" " * MARK_WIDTH] * (len(words) - 1)
            self._levels_drawn[index, width] = [
                Strip(
                    [edge, Segment(margin, style.rich_style), *self._segments(words, style)]
                ).adjust_cell_length(width, style.rich_style)
                for margin, words in zip(margins, words, strict=True)
            ]
        return self._levels_drawn[index, width]

    def _segments(self, words: Words, style: Style) -> list[Segment]:
        """`words` drawn over `style`, in the style of their component class."""
        line, component = words
        if component:
            style += self.get_visual_style(component, partial=True)
        return list(line.render_segments(style))

    def _line(self, line: Words | int | None, y: int, layout: _Layout, width: int) -> Strip:
        """Line `y` of a column `width` wide: a passage's line, a level's, or a blank."""
        base = self.visual_style
        if isinstance(line, int):
            return self._level(line, width)[y - layout.tops[line]]
        strip = Strip(self._segments(line, base)) if line else Strip([])
        return strip.adjust_cell_length(width, base.rich_style)

    def render_line(self, y: int) -> Strip:
        return self._page_line(y + self.scroll_offset.y)

    def _page_line(self, y: int) -> Strip:
        """Line `y` of the page, drawn once until something shown changes."""
        width = self._width
        if (y, width) not in self._drawn:
            layout = self._layout(width)
            if y >= len(layout.lines):
                return Strip.blank(width, self.visual_style.rich_style)
            strip = self._line(layout.lines[y], y, layout, layout.main_width)
            if layout.aside:
                gutter = self.get_visual_style("question-page--gutter").rich_style
                strip = Strip.join(
                    [
                        strip,
                        Strip([Segment(GUTTER, gutter)]),
                        self._line(layout.aside[y], y, layout, ASIDE_WIDTH),
                    ]
                )
            self._drawn[y, width] = strip
        return self._drawn[y, width]

    @property
    def lines(self) -> list[str]:
        """The page's lines in plain text, as drawn at its width."""
        return [self._page_line(y).text for y in range(self.virtual_size.height)]

    # The mouse ---------------------------------------------------------------------------

    def level_under(self, event: events.MouseEvent) -> int | None:
        """The level under the mouse, if any."""
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        return self.level_at(offset.x, offset.y + self.scroll_offset.y)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self.hovered = self.level_under(event)

    def on_leave(self) -> None:
        self.hovered = None

    def watch_hovered(self) -> None:
        self._undraw()
