"""A list of choices whose highlight stops at either end instead of wrapping round."""

from __future__ import annotations

from textual.widgets import OptionList


class Menu(OptionList):
    """An option list where Up on the first choice stays there (and Down on the last).

    Textual's list wraps round, so that Up on the top choice of the start menu went
    straight to Quit.
    """

    def action_cursor_up(self) -> None:
        self._step(-1)

    def action_cursor_down(self) -> None:
        self._step(1)

    def _step(self, step: int) -> None:
        """Highlight the next choice that can be chosen `step` away, if there is one."""
        here = self.highlighted
        if here is None:
            self.action_first() if step > 0 else self.action_last()
            return
        ahead = range(here + step, self.option_count if step > 0 else -1, step)
        self.highlighted = next((i for i in ahead if not self.options[i].disabled), here)
