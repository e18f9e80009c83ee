"""What a question's page shows, and where its words go at each width: the levels, the
passages above, below and aside them, wrapped and laid out once for each width.

Apart from the page that draws them, so that the next question's page can be wrapped while
the person reads this one, and moving on only draws it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple, Protocol

from textual.content import Content
from textual.style import Style

from consortium_ready.tui.text import literal

MARK_WIDTH = 7
EDGE = "▌"
LEVEL_MARGIN = len(EDGE) + MARK_WIDTH
"""The columns before a level's words: its edge and its mark."""
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


class Passages(NamedTuple):
    """The passages `above` the levels (the question, or the levels' heading), `below` them
    (the note), and `aside` (why, and the sources): set beside the levels when wide."""

    above: Sequence[Passage] = ()
    below: Sequence[Passage] = ()
    aside: Sequence[Passage] = ()


Words = tuple[Content, str]
"""A line of wrapped words, and the component class they are drawn in ("" for none)."""


def _wrapped(text: Content, width: int, component: str) -> list[Words]:
    """`text`'s lines at `width` (none if it is empty), each with the component class given."""
    return [(line, component) for line in text.wrap(width)] if text else []


def _text_width(width: int) -> int:
    """The columns for a level's words: what the edge, the mark and a space at the right end
    leave of the levels' `width`."""
    return max(10, width - LEVEL_MARGIN - 1)


class Layout(NamedTuple):
    """Where everything on the page goes at one width."""

    main_width: int
    """The columns of the levels, and of all else when nothing is set beside them."""
    lines: list[Words | int | None]
    """Each line: a passage's, a level's (by the level's index), or a blank."""
    tops: list[int]
    """The line each level starts on."""
    aside: list[Words | None]
    """The lines set beside the others, if there is room; else none."""


class PageWords:
    """The `levels` and `passages` of a page, wrapped and laid out once for each width."""

    def __init__(self, levels: Sequence[Level], passages: Passages) -> None:
        self.levels = levels
        self.passages = passages
        self._wrapped: dict[tuple[str, int, int], list[Words]] = {}
        self._layouts: dict[int, Layout] = {}

    def shows(self, levels: Sequence[Level], passages: Passages) -> bool:
        """Whether these are the levels and passages wrapped here."""
        return (levels, passages) == (self.levels, self.passages)

    def _beside(self, width: int) -> bool:
        """Whether the passages aside are set beside the levels at `width`."""
        room = width >= MAIN_MIN_WIDTH + len(GUTTER) + ASIDE_WIDTH
        return room and bool(self.levels) and bool(self.passages.aside)

    def level(self, index: int, width: int) -> list[Words]:
        """Level `index`'s label's lines, then its anchor's, for levels `width` wide."""
        key = ("level", index, width)
        if key not in self._wrapped:
            level, words = self.levels[index], _text_width(width)
            self._wrapped[key] = [
                *_wrapped(literal(level.label), words, "question-page--label"),
                *_wrapped(literal(level.anchor), words, "question-page--anchor"),
            ]
        return self._wrapped[key]

    def _passage(self, passage: Passage, key: tuple[str, int, int]) -> list[Words]:
        """A passage's lines, its heading then its text, wrapped to the width in `key`."""
        if key not in self._wrapped:
            width = key[2]
            heading = Content(passage.heading)
            links = [
                Content.styled(link.words, Style.from_meta({"@click": link.action}))
                for link in passage.links
            ]
            self._wrapped[key] = [
                *_wrapped(heading, width, "question-page--heading"),
                *_wrapped(passage.text, width, "question-page--note" if passage.note else ""),
                *(line for link in links for line in _wrapped(link, width, "question-page--link")),
            ]
        return self._wrapped[key]

    def _lines(self, where: str, passages: Sequence[Passage], width: int) -> list[Words | None]:
        """The lines of the `passages` (those above, below or aside: `where`), a blank (None)
        after each but a heading alone, which leads straight on to what follows it."""
        lines: list[Words | None] = []
        for index, passage in enumerate(passages):
            lines += self._passage(passage, (where, index, width))
            if passage.text or passage.links:
                lines.append(None)
        return lines

    def layout(self, width: int) -> Layout:
        """Where everything goes on a page `width` wide."""
        if width not in self._layouts:
            main = width - len(GUTTER) - ASIDE_WIDTH if self._beside(width) else width
            above, below, aside_passages = self.passages
            lines: list[Words | int | None] = [*self._lines("above", above, main)]
            tops = []
            for index in range(len(self.levels)):
                tops.append(len(lines))
                lines += [index] * len(self.level(index, main)) + [None]
            lines += self._lines("below", below, main)
            aside = self._lines("aside", aside_passages, ASIDE_WIDTH if main < width else width)
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
            self._layouts[width] = Layout(main, lines, tops, aside)
        return self._layouts[width]
