"""Answer levels shown with their anchors, chosen with a number key, the arrows or a click."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.containers import ScrollableContainer
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import var
from textual.strip import Strip
from textual.widget import Widget

from consortium_ready.tui.text import literal

if TYPE_CHECKING:
    from consortium_ready.domain.bank import Option

NUMBER_KEYS = 9
MARK_WIDTH = 7
EDGE = "▌"
GAP = 1
"""Blank lines between one level and the next."""


class AnswerLevels(Widget):
    """Answer levels drawn as one widget: each an edge, a mark, then its label and what it
    looks like in practice, indented under the label.

    One widget rather than one per level, so that showing another question's levels, or
    choosing one, redraws a single widget and restyles nothing. It draws its own lines
    (Textual's line API): the wrapped words of each level are kept for each width, for as
    long as its options stay, and the lines drawn until a level or its state changes.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "answer-levels--label",
        "answer-levels--anchor",
        "answer-levels--edge",
        "answer-levels--chosen",
        "answer-levels--chosen-text",
        "answer-levels--edge-highlighted",
        "answer-levels--edge-cursor",
        "answer-levels--cursor",
        "answer-levels--hover",
    }

    hovered: var[int | None] = var(None)

    def __init__(self, options: list[Option], marks: list[str], id: str | None = None) -> None:
        super().__init__(id=id)
        self.options = options
        self.marks = marks
        self.chosen_levels: frozenset[int] = frozenset()
        self._words_at: dict[tuple[int, int], list[Content]] = {}
        self._drawn_at: tuple[int, list[Strip]] | None = None

    def show_levels(self, options: list[Option], marks: list[str], chosen: frozenset[int]) -> None:
        """Show these options, their marks and which are chosen, in this same widget."""
        if options is not self.options:
            self.options = options
            self._words_at.clear()
            self.refresh(layout=True)
        self.marks = marks
        self.chosen_levels = chosen
        self.redraw()

    def redraw(self) -> None:
        """Draw the levels again, as a state they are shown in has changed."""
        self._drawn_at = None
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._words_at.clear()
        self._drawn_at = None

    # Drawing ----------------------------------------------------------------------------

    def _words(self, index: int, width: int) -> list[Content]:
        """The label's lines, then the anchor's, wrapped to `width`."""
        if (index, width) not in self._words_at:
            option = self.options[index]
            label = literal(option.label).stylize(
                self.get_visual_style("answer-levels--label", partial=True)
            )
            anchor = literal(option.anchor).stylize(
                self.get_visual_style("answer-levels--anchor", partial=True)
            )
            self._words_at[index, width] = [*label.wrap(width), *anchor.wrap(width)]
        return self._words_at[index, width]

    def _text_width(self, width: int) -> int:
        """The columns for a level's words: what the edge, the mark and a space at the right
        end leave of `width`."""
        return max(10, width - len(EDGE) - MARK_WIDTH - 1)

    def level_tops(self) -> list[int]:
        """The line each level starts on."""
        inside = self._text_width(self.content_region.width)
        tops, line = [], 0
        for index in range(len(self.options)):
            tops.append(line)
            line += len(self._words(index, inside)) + GAP
        return tops

    def level_at(self, y: int) -> int | None:
        """The level drawn on line `y`, if any (not the gap after it)."""
        inside = self._text_width(self.content_region.width)
        for index, top in enumerate(self.level_tops()):
            if top <= y < top + len(self._words(index, inside)):
                return index
        return None

    def level_states(self, index: int) -> tuple[str, ...]:
        """The component classes level `index` is drawn with: its background, as a
        stylesheet would pick it (the cursor over the mouse over chosen), and chosen's text."""
        chosen = index in self.chosen_levels
        if self.is_cursor(index):
            background = "answer-levels--cursor"
        elif index == self.hovered:
            background = "answer-levels--hover"
        else:
            background = "answer-levels--chosen" if chosen else ""
        return tuple(filter(None, [background, "answer-levels--chosen-text" if chosen else ""]))

    def is_cursor(self, index: int) -> bool:
        """Whether level `index` has the keyboard's cursor on it."""
        return False

    def edge_state(self, index: int) -> str:
        """The component class that colours the edge of level `index`."""
        return "answer-levels--edge"

    def _level(self, index: int, width: int) -> list[Content]:
        """Level `index`'s lines, each as wide as the widget."""
        words = self._words(index, self._text_width(width))
        states = self.level_states(index)
        edge = Content.styled(EDGE, self.get_visual_style(*states, self.edge_state(index)))
        margins = [self.marks[index].ljust(MARK_WIDTH)] + [" " * MARK_WIDTH] * (len(words) - 1)
        style = self.get_visual_style(*states)
        return [
            edge
            + (margin + line)
            .pad_right(width - len(EDGE) - MARK_WIDTH - line.cell_length)
            .stylize_before(style)
            for margin, line in zip(margins, words, strict=True)
        ]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        inside = self._text_width(width)
        return sum(len(self._words(index, inside)) + GAP for index in range(len(self.options)))

    def _drawn(self, width: int) -> list[Strip]:
        """Every line, drawn once for each width until a level or its state changes."""
        if self._drawn_at is None or self._drawn_at[0] != width:
            base = self.visual_style
            gap = [Strip.blank(width, base.rich_style)] * GAP
            lines: list[Strip] = []
            for index in range(len(self.options)):
                lines += [
                    Strip(line.render_segments(base), width) for line in self._level(index, width)
                ]
                lines += gap
            self._drawn_at = (width, lines)
        return self._drawn_at[1]

    def render_line(self, y: int) -> Strip:
        width = self.content_region.width
        lines = self._drawn(width)
        return lines[y] if y < len(lines) else Strip.blank(width, self.visual_style.rich_style)

    # The mouse ---------------------------------------------------------------------------

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self.hovered = self.level_at(event.y)

    def on_leave(self) -> None:
        self.hovered = None

    def watch_hovered(self) -> None:
        self.redraw()


def _mark(number: int, chosen: bool, multiple: bool) -> str:
    key = str(number) if number <= NUMBER_KEYS else " "
    box = ("[x]" if chosen else "[ ]") if multiple else ("(•)" if chosen else "( )")
    return f" {key} {box}"


class AnswerChoices(AnswerLevels, can_focus=True):
    """The options of a single, yes/no or multiple-choice question.

    What is marked chosen is what is saved. With one answer, a number key, a
    click or the arrows choose, as radio buttons do. With several, the arrows
    move the highlight and Space or a number key ticks. Enter only moves on.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("space", "choose", "Choose", show=False),
        Binding("enter", "confirm", "Next", id="next"),
    ]

    highlighted: var[int | None] = var(None)
    chosen: var[frozenset[str]] = var(frozenset())

    class Changed(Message):
        """The chosen options of question `subject` changed; `values` in the bank's order."""

        def __init__(self, choices: AnswerChoices, subject: str, values: list[str]) -> None:
            super().__init__()
            self.choices = choices
            self.subject = subject
            self.values = values

        @property
        def control(self) -> AnswerChoices:
            return self.choices

    class Confirmed(Message):
        """Enter was pressed: move on."""

        def __init__(self, choices: AnswerChoices) -> None:
            super().__init__()
            self.choices = choices

        @property
        def control(self) -> AnswerChoices:
            return self.choices

    def __init__(
        self,
        subject: str,
        options: list[Option],
        chosen: list[str],
        multiple: bool,
        id: str | None = None,
    ) -> None:
        super().__init__([], [], id=id)
        self.show(subject, options, chosen, multiple)

    def show(self, subject: str, options: list[Option], chosen: list[str], multiple: bool) -> None:
        """Show the options of question `subject`, the id each change is reported with."""
        self.subject = subject
        self.multiple = multiple
        self.set_reactive(AnswerChoices.chosen, frozenset(chosen))
        first = next((i for i, o in enumerate(options) if o.value in chosen), None)
        self.set_reactive(AnswerChoices.highlighted, first)
        self._draw(options)

    def _draw(self, options: list[Option]) -> None:
        chosen = frozenset(i for i, option in enumerate(options) if option.value in self.chosen)
        marks = [_mark(i + 1, i in chosen, self.multiple) for i in range(len(options))]
        self.show_levels(options, marks, chosen)

    def edge_state(self, index: int) -> str:
        if index != self.highlighted:
            return super().edge_state(index)
        return "answer-levels--edge-cursor" if self.has_focus else "answer-levels--edge-highlighted"

    def is_cursor(self, index: int) -> bool:
        return index == self.highlighted and self.has_focus

    def watch_highlighted(self, new: int | None) -> None:
        self.redraw()
        if new is not None:
            self._bring_into_view(new)

    def _bring_into_view(self, index: int) -> None:
        """Scroll the container this sits in, if any, until level `index` shows."""
        inside = self._text_width(self.content_region.width)
        x, y, width, _ = self.content_region
        level = Region(x, y + self.level_tops()[index], width, len(self._words(index, inside)))
        scroller = next((a for a in self.ancestors if isinstance(a, ScrollableContainer)), None)
        if scroller is not None:
            within = level.translate(scroller.scroll_offset - scroller.content_region.offset)
            scroller.scroll_to_region(within, animate=False, immediate=True)

    def watch_chosen(self) -> None:
        self._draw(self.options)

    def on_focus(self) -> None:
        self.redraw()

    def on_blur(self) -> None:
        self.redraw()

    def action_move(self, step: int) -> None:
        if self.highlighted is None:
            index = 0 if step > 0 else len(self.options) - 1
        else:
            index = max(0, min(len(self.options) - 1, self.highlighted + step))
        if self.multiple:
            self.highlighted = index
        else:
            self.pick(index)

    def action_choose(self) -> None:
        if self.highlighted is not None:
            self.pick(self.highlighted)

    def action_confirm(self) -> None:
        self.post_message(self.Confirmed(self))

    def pick(self, index: int) -> None:
        """Choose (or, for multiple choice, tick or untick) the option at `index`."""
        if 0 <= index < len(self.options):
            self.highlighted = index
            self._choose(index, toggle=self.multiple)

    def _choose(self, index: int, toggle: bool) -> None:
        option = self.options[index]
        if not self.multiple:
            chosen = {option.value}
        elif option.value in self.chosen and toggle:
            chosen = set(self.chosen) - {option.value}
        elif option.exclusive:
            chosen = {option.value}
        else:
            exclusive = {o.value for o in self.options if o.exclusive}
            chosen = (set(self.chosen) - exclusive) | {option.value}
        if chosen != self.chosen:
            self.chosen = frozenset(chosen)
            order = [o.value for o in self.options]
            self.post_message(self.Changed(self, self.subject, sorted(chosen, key=order.index)))

    def on_click(self, event: events.Click) -> None:
        index = self.level_at(event.y)
        if index is not None:
            self.focus()
            self.pick(index)
