"""A question's options on its page, chosen with a number key, the arrows or a click."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import var

from consortium_ready.tui.widgets.page import QuestionPage

if TYPE_CHECKING:
    from collections.abc import Sequence

    from consortium_ready.domain.bank import Option
    from consortium_ready.tui.widgets.page_words import Level, Passages

NUMBER_KEYS = 9


def _mark(number: int, chosen: bool, multiple: bool) -> str:
    key = str(number) if number <= NUMBER_KEYS else " "
    box = ("[x]" if chosen else "[ ]") if multiple else ("(•)" if chosen else "( )")
    return f" {key} {box}"


class AnswerChoices(QuestionPage, can_focus=True):
    """The page under a question, and on it the options of a single, yes/no or
    multiple-choice question to choose from (`show_options`).

    What is marked chosen is what is saved. With one answer, a number key, a
    click or the arrows choose, as radio buttons do. With several, the arrows
    move the highlight and Space or a number key ticks. Enter only moves on.
    Showing a page with nothing to choose (`show_page`), the arrows scroll it.
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

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self.subject = ""
        self.options: list[Option] = []
        self.multiple = False

    def show_options(
        self,
        subject: str,
        options: list[Option],
        chosen: list[str],
        multiple: bool,
        passages: Passages,
    ) -> None:
        """Show the options of question `subject`, the id each change is reported with, and
        the passages above, below and aside them."""
        self.subject, self.options, self.multiple = subject, options, multiple
        self.set_reactive(AnswerChoices.chosen, frozenset(chosen))
        first = next((i for i, o in enumerate(options) if o.value in chosen), None)
        self.set_reactive(AnswerChoices.highlighted, first)
        marks, levels = self._marked()
        super().show_page(options, marks, levels, passages)

    def show_page(
        self,
        levels: Sequence[Level],
        marks: list[str],
        chosen: frozenset[int],
        passages: Passages,
    ) -> None:
        """Show a page with nothing on it to choose."""
        self.subject, self.options = "", []
        self.set_reactive(AnswerChoices.chosen, frozenset())
        self.set_reactive(AnswerChoices.highlighted, None)
        super().show_page(levels, marks, chosen, passages)

    def _marked(self) -> tuple[list[str], frozenset[int]]:
        """Each option's mark, and the places of those chosen."""
        places = frozenset(
            i for i, option in enumerate(self.options) if option.value in self.chosen
        )
        marks = [_mark(i + 1, i in places, self.multiple) for i in range(len(self.options))]
        return marks, places

    def edge_state(self, index: int) -> str:
        if index != self.highlighted:
            return super().edge_state(index)
        return "question-page--edge-cursor" if self.has_focus else "question-page--edge-highlighted"

    def is_cursor(self, index: int) -> bool:
        return index == self.highlighted and self.has_focus

    def watch_highlighted(self, new: int | None) -> None:
        self.redraw()
        if new is not None:
            self.scroll_to_region(self.level_region(new), animate=False, immediate=True)

    def watch_chosen(self) -> None:
        self.show_levels(*self._marked())

    def watch_has_focus(self, _has_focus: bool) -> None:
        """Not restyled as the focus comes and goes, as Textual restyles a widget: no rule of
        the stylesheet looks at the page's focus (a test keeps it so), and restyling its
        thirteen parts takes about 5 ms. Only the cursor shows the focus, drawn again on
        focus and on blur."""

    def on_focus(self) -> None:
        self.redraw()

    def on_blur(self) -> None:
        self.redraw()

    def action_move(self, step: int) -> None:
        if not self.options:
            self.scroll_relative(y=step, animate=False)
            return
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
        index = self.level_under(event)
        if index is not None and self.options:
            self.focus()
            self.pick(index)
