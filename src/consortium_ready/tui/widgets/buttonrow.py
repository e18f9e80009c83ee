"""A row of buttons that Left and Right move along."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Button


class ButtonRow(Horizontal):
    """Buttons side by side; Left and Right move from one to the next, stopping at either end."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "step(-1)", "Button to the left", show=False),
        Binding("right", "step(1)", "Button to the right", show=False),
    ]

    def action_step(self, step: int) -> None:
        buttons = [button for button in self.query(Button) if button.focusable]
        focused = self.screen.focused
        if focused in buttons:
            index = buttons.index(focused) + step
            if 0 <= index < len(buttons):
                buttons[index].focus()
