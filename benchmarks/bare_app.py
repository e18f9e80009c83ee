"""The yardstick: a bare Textual app with a Header, a line of text and a Footer.

Each keypress changes its one line of text, the least work a keypress can cause: `1`
answers (the line says so) and Enter moves on to the next "Question N of M". The
benchmarks time the questionnaire's own steps against it. `w` opens a window over it, as
Textual's own examples do: a title, a list of twelve lines and the keys below, centred
over the app dimmed; Escape closes it. The windows the questionnaire opens are timed
against that. Run as a program
(`python benchmarks/bare_app.py`) it is the app in a terminal; imported, it runs under Pilot.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Header, OptionList, Static

FIRST_LINE = "How ready is your organisation to bid?"
WINDOW_TITLE = "A window over the app"


def position(number: int, total: int) -> str:
    """What marks a question on screen, in the questionnaire and in the bare app alike."""
    return f"Question {number} of {total}"


class Window(ModalScreen[None]):
    DEFAULT_CSS = """
    Window { align: center middle; }
    Window > Vertical {
        width: 72; height: auto; border: thick $primary; background: $surface;
    }
    Window OptionList { height: auto; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(WINDOW_TITLE)
            yield OptionList(*(f"Line {number}" for number in range(1, 13)))
        yield Footer()


class BareApp(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "answer", show=False),
        Binding("enter", "next", show=False),
        Binding("w", "window", show=False),
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

    def action_window(self) -> None:
        self.push_screen(Window())

    def _show(self, text: str) -> None:
        self.query_one("#line", Static).update(text)


if __name__ == "__main__":
    BareApp().run()
