"""The yardstick: a bare Textual app with a Header, a line of text and a Footer.

Each keypress changes its one line of text, the least work a keypress can cause: `1`
answers (the line says so) and Enter moves on to the next "Question N of M". The
benchmarks time the questionnaire's own steps against it. Run as a program
(`python benchmarks/bare_app.py`) it is the app in a terminal; imported, it runs under Pilot.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Header, Static

FIRST_LINE = "How ready is your organisation to bid?"


def position(number: int, total: int) -> str:
    """What marks a question on screen, in the questionnaire and in the bare app alike."""
    return f"Question {number} of {total}"


class BareApp(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "answer", show=False),
        Binding("enter", "next", show=False),
    ]

    def __init__(self, total: int = 100) -> None:
        super().__init__()
        self.total = total
        self.number = 1

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(FIRST_LINE, id="line")
        yield Footer()

    def action_answer(self) -> None:
        self._show(f"{position(self.number, self.total)}: answered 1")

    def action_next(self) -> None:
        self.number += 1
        self._show(position(self.number, self.total))

    def _show(self, text: str) -> None:
        self.query_one("#line", Static).update(text)


if __name__ == "__main__":
    BareApp().run()
