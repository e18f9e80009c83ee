"""Answers typed in: a number (checked as it is typed) or free text."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from consortium_ready.domain.bank import DONT_KNOW
from consortium_ready.session.entries import parse_number
from consortium_ready.tui.widgets.choices import AnswerLevels
from consortium_ready.words import plain_number

if TYPE_CHECKING:
    from consortium_ready.domain.bank import AnswerValue, Question

TYPED_ID = "typed"


class NumberBox(Input):
    """A box for a number, where `n` (add a note) and `d` (don't know) still work."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "screen.note", "Note", show=False, priority=True),
        Binding("d", "screen.dont_know", "Don't know", show=False, priority=True),
    ]


class NumberAnswer(Vertical):
    """A number box, a "don't know" button if offered, and what each range of numbers means."""

    def __init__(self, question: Question, value: AnswerValue | None) -> None:
        super().__init__(classes="typed-answer")
        self.question = question
        self._initial = plain_number(value) if isinstance(value, int | float) else ""
        self._dont_know = value == DONT_KNOW

    def compose(self) -> ComposeResult:
        with Horizontal(classes="typed-row"):
            yield NumberBox(
                self._initial,
                placeholder="for example 8",
                restrict=r"[0-9]*\.?[0-9]*",
                max_length=9,
                id=TYPED_ID,
            )
            yield Static(self.question.unit or "", classes="unit", markup=False)
            if self.question.option(DONT_KNOW):
                yield Button(
                    "Don't know (d)",
                    id="dont-know",
                    variant="primary" if self._dont_know else "default",
                )
        yield Static(
            "You answered: Don't know." if self._dont_know else "",
            classes="problem-or-note",
            id="typed-problem",
            markup=False,
        )
        yield Static("What each number means", classes="heading")
        bands = self.question.number_bands
        yield AnswerLevels(bands, [f"{plain_number(band.from_ or 0)}+" for band in bands])

    def on_mount(self) -> None:
        self._show_band(self._initial)

    @on(Input.Changed, f"#{TYPED_ID}")
    def _typed(self, event: Input.Changed) -> None:
        self.query_one("#typed-problem", Static).update("")
        self._show_band(event.value)

    def _show_band(self, text: str) -> None:
        try:
            number = parse_number(text, self.question)
        except ValueError:
            number = None
        band = self.question.number_option(number) if number is not None else None
        levels = self.query_one(AnswerLevels)
        chosen = frozenset(i for i, option in enumerate(levels.options) if option is band)
        levels.show_levels(levels.options, levels.marks, chosen)

    def answer(self) -> AnswerValue | None:
        """The number typed, or None; ValueError, shown below the box, if it is not a number."""
        try:
            return parse_number(self.query_one(f"#{TYPED_ID}", Input).value, self.question)
        except ValueError as error:
            self.query_one("#typed-problem", Static).update(str(error))
            raise


class TextAnswer(Vertical):
    """A free-text answer: not scored, kept with the assessment."""

    def __init__(self, value: AnswerValue | None) -> None:
        super().__init__(classes="typed-answer")
        self._initial = value if isinstance(value, str) else ""

    def compose(self) -> ComposeResult:
        yield Input(
            self._initial, placeholder="Type your answer here, or leave it empty", id=TYPED_ID
        )
        yield Static("This answer is not scored; it is kept with your assessment.", classes="hint")

    def answer(self) -> AnswerValue | None:
        return self.query_one(f"#{TYPED_ID}", Input).value.strip() or None
