"""Answer levels shown with their anchors, chosen with a number key, the arrows or a click."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import var
from textual.widget import Widget

from consortium_ready.tui.text import literal

if TYPE_CHECKING:
    from consortium_ready.domain.bank import Option

NUMBER_KEYS = 9
MARK_WIDTH = 7


class AnswerLevel(Widget):
    """One answer level: a mark, then its label and what it looks like in practice, indented.

    Its lines are worked out once for each width it is laid out at, until its option or
    mark changes: a layout asks for them more than once, at more than one width.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"answer-level--label", "answer-level--anchor"}

    mark: var[str] = var("")

    def __init__(self, mark: str, option: Option) -> None:
        super().__init__(classes="answer-level")
        self.set_reactive(AnswerLevel.mark, mark)
        self.option = option
        self._lines_at: dict[int, list[Content]] = {}

    def show(self, mark: str, option: Option) -> None:
        """Show another option (or mark) in this same widget."""
        if option is not self.option:
            self.option = option
            self._lines_at.clear()
            self.refresh(layout=True)
        self.mark = mark

    def watch_mark(self) -> None:
        self._lines_at.clear()
        self.refresh()

    def _lines(self, width: int) -> list[Content]:
        if width not in self._lines_at:
            self._lines_at[width] = self._wrap(width)
        return self._lines_at[width]

    def _wrap(self, width: int) -> list[Content]:
        inside = max(10, width - MARK_WIDTH)
        label = literal(self.option.label).stylize(self.get_visual_style("answer-level--label"))
        anchor = literal(self.option.anchor).stylize(self.get_visual_style("answer-level--anchor"))
        words = [*label.wrap(inside), *anchor.wrap(inside)]
        margins = [Content(self.mark.ljust(MARK_WIDTH))] + [Content(" " * MARK_WIDTH)] * len(words)
        return [margin + line for margin, line in zip(margins, words, strict=False)]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> Content:
        return Content("\n").join(self._lines(self.content_region.width))


def _mark(number: int, chosen: bool, multiple: bool) -> str:
    key = str(number) if number <= NUMBER_KEYS else " "
    box = ("[x]" if chosen else "[ ]") if multiple else ("(•)" if chosen else "( )")
    return f" {key} {box}"


class AnswerChoices(Vertical, can_focus=True):
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
        super().__init__(id=id)
        self._set_options(subject, options, chosen, multiple)

    def _set_options(
        self, subject: str, options: list[Option], chosen: list[str], multiple: bool
    ) -> None:
        """Show the options of question `subject`, the id each change is reported with."""
        self.subject = subject
        self.options = options
        self.multiple = multiple
        self.set_reactive(AnswerChoices.chosen, frozenset(chosen))
        first = next((i for i, o in enumerate(options) if o.value in chosen), None)
        self.set_reactive(AnswerChoices.highlighted, first)

    def compose(self) -> ComposeResult:
        for number, option in enumerate(self.options, start=1):
            yield AnswerLevel(_mark(number, option.value in self.chosen, self.multiple), option)

    def on_mount(self) -> None:
        self._show_levels()

    def show(self, subject: str, options: list[Option], chosen: list[str], multiple: bool) -> None:
        """Show another question's options in this same widget (it keeps the focus): its
        levels are reused, and only the ones never needed before are mounted."""
        self._set_options(subject, options, chosen, multiple)
        missing = len(options) - len(self.children)
        if missing > 0:
            self.mount_all(AnswerLevel("", option) for option in options[-missing:])
        self._show_levels()

    def _show_levels(self) -> None:
        """Each level its option, mark and state; levels beyond the options hidden."""
        for index, level in enumerate(self.query_children(AnswerLevel)):
            level.display = index < len(self.options)
            if level.display:
                option = self.options[index]
                is_chosen = option.value in self.chosen
                level.show(_mark(index + 1, is_chosen, self.multiple), option)
                level.set_class(is_chosen, "-chosen")
                level.set_class(index == self.highlighted, "-highlighted")

    @property
    def levels(self) -> list[AnswerLevel]:
        """The levels showing this question's options, in order."""
        return list(self.query_children(AnswerLevel))[: len(self.options)]

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        levels = self.levels
        if old is not None and old < len(levels):
            levels[old].remove_class("-highlighted")
        if new is not None and new < len(levels):
            levels[new].add_class("-highlighted")
            levels[new].scroll_visible(animate=False)

    def watch_chosen(self) -> None:
        self._show_levels()

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
        if isinstance(event.widget, AnswerLevel):
            self.focus()
            self.pick(self.levels.index(event.widget))
