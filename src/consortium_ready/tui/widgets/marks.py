"""Radio buttons and tick boxes marked in shape, not only in colour, so that NO_COLOR shows them.

Textual draws every radio button with a dot and every tick box with an X,
and tells the chosen ones apart only by colour. These leave the button empty when off.
"""

from __future__ import annotations

from textual.widgets import Checkbox, RadioButton


class RadioChoice(RadioButton):
    """A radio button with a dot only when it is the one chosen."""

    BUTTON_INNER = " "

    def watch_value(self) -> None:
        self.BUTTON_INNER = RadioButton.BUTTON_INNER if self.value else " "
        super().watch_value()


class TickBox(Checkbox):
    """A tick box with an X only when it is ticked."""

    BUTTON_INNER = " "

    def watch_value(self) -> None:
        self.BUTTON_INNER = Checkbox.BUTTON_INNER if self.value else " "
        super().watch_value()
