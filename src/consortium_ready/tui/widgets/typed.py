"""Answers typed in: a number (checked as it is typed) or free text."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from consortium_ready.domain.bank import DONT_KNOW
from consortium_ready.session.entries import parse_number
from consortium_ready.words import plain_number

if TYPE_CHECKING:
    from consortium_ready.domain.bank import AnswerValue, Question

NUMBER_BOX = "typed"
_LEFT_TO_THE_SCREEN = frozenset("nd")
"""Letters a number box leaves to the screen: add a note, and don't know."""
TEXT_BOX = "typed-text"


def _set_value(box: Input, value: str) -> None:
    """Put `value` in `box`, with the cursor at its end, as a person would leave it."""
    box.value = value
    box.cursor_position = len(value)


class TypedBox(Input):
    """A box for a typed answer: Enter goes to the next question, and the footer says so,
    as it does over the options."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "submit", "Next")]

    _styled_with_focus = False
    """Whether the box's styles were last worked out while it had the focus."""

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styled_with_focus = self.has_focus

    def watch_has_focus(self, has_focus: bool) -> None:
        """Restyled as the focus comes and goes (a box's look follows it), but not while
        hidden, nor when it already looks as it should.

        A box loses the focus as it is hidden, at a step from a typed answer to options,
        and gains it as it is shown again. So it keeps its focused look while hidden, and
        needs no restyle at either step: each took 3 to 10 ms.
        """
        if has_focus != self._styled_with_focus and (has_focus or self._displayed()):
            self.update_node_styles()

    def on_show(self) -> None:
        """Shown again without the focus, it loses the focused look it kept while hidden."""
        if self.has_focus != self._styled_with_focus:
            self.update_node_styles()

    def _displayed(self) -> bool:
        """Whether the box, and every widget it is in, is displayed."""
        return all(node.display for node in self.ancestors_with_self if isinstance(node, Widget))

    async def action_submit(self) -> None:
        """Enter, pressed or clicked in the footer: on to the next question."""
        await self.run_action("screen.next")


class NumberBox(TypedBox):
    """A box for a number, where `n` (add a note) and `d` (don't know) still work: it
    leaves them to the screen, and the footer shows them working."""

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return super().check_consume_key(key, character) and character not in _LEFT_TO_THE_SCREEN

    def on_key(self, event: events.Key) -> None:
        if event.character in _LEFT_TO_THE_SCREEN:
            event.prevent_default()  # not typed here: on to the screen's keys


class NumberAnswer(Vertical):
    """A number box, a "don't know" button if offered, and a line for a problem or "don't
    know"; what each range of numbers means is shown on the page below (`band_marks`,
    `band_of`). Mounted once, it shows each number question in turn (`show`).
    """

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id, classes="typed-answer")
        self.question: Question | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(classes="typed-row"):
            yield NumberBox(
                placeholder="for example 8",
                restrict=r"[0-9]*\.?[0-9]*",
                max_length=9,
                id=NUMBER_BOX,
                classes="typed-box",
            )
            yield Static(classes="unit", markup=False)
            yield Button("Don't know (d)", id="dont-know")
        yield Static(classes="problem-or-note", id="typed-problem", markup=False)

    @property
    def box(self) -> NumberBox:
        """The box the number is typed in."""
        return self.query_one(NumberBox)

    def show(self, question: Question, value: AnswerValue | None) -> None:
        """Ask `question`, with `value` the answer given so far."""
        self.question = question
        typed = plain_number(value) if isinstance(value, int | float) else ""
        dont_know = value == DONT_KNOW
        box = self.box
        with box.prevent(Input.Changed):
            _set_value(box, typed)
        self.query_one(".unit", Static).update(question.unit or "")
        button = self.query_one("#dont-know", Button)
        button.display = question.option(DONT_KNOW) is not None
        button.variant = "primary" if dont_know else "default"
        self.query_one("#typed-problem", Static).update(
            "You answered: Don't know." if dont_know else ""
        )

    @on(Input.Changed, f"#{NUMBER_BOX}")
    def _typed(self) -> None:
        self.query_one("#typed-problem", Static).update("")

    def band_marks(self) -> list[str]:
        """The mark of each of the question's bands: the least number in it."""
        assert self.question is not None
        return [f"{plain_number(band.from_ or 0)}+" for band in self.question.number_bands]

    def band_of(self, text: str) -> frozenset[int]:
        """The place, among the question's bands, of the band the number `text` falls in
        (none if it is not a number)."""
        assert self.question is not None
        try:
            number = parse_number(text, self.question)
        except ValueError:
            return frozenset()
        if number is None:  # nothing typed
            return frozenset()
        band = self.question.number_option(number)
        return frozenset(i for i, option in enumerate(self.question.number_bands) if option is band)

    def answer(self) -> AnswerValue | None:
        """The number typed, or None; ValueError, shown below the box, if it is not a number."""
        assert self.question is not None
        try:
            return parse_number(self.box.value, self.question)
        except ValueError as error:
            self.query_one("#typed-problem", Static).update(str(error))
            raise


class TextAnswer(Vertical):
    """A free-text answer: not scored, kept with the assessment. Mounted once, it shows each
    text question's answer in turn (`show`)."""

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id, classes="typed-answer")

    def compose(self) -> ComposeResult:
        yield TypedBox(
            placeholder="Type your answer here, or leave it empty",
            id=TEXT_BOX,
            classes="typed-box",
        )
        yield Static("This answer is not scored; it is kept with your assessment.", classes="hint")

    @property
    def box(self) -> TypedBox:
        """The box the answer is typed in."""
        return self.query_one(TypedBox)

    def show(self, value: AnswerValue | None) -> None:
        """Show `value`, the answer given so far."""
        _set_value(self.box, value if isinstance(value, str) else "")

    def answer(self) -> AnswerValue | None:
        return self.box.value.strip() or None
