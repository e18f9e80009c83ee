"""The keys at the foot of a screen, redrawn only when they change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Footer

if TYPE_CHECKING:
    from textual.app import ComposeResult
    from textual.screen import Screen

Keys = tuple[tuple[str, str, bool, str], ...]


class SteadyFooter(Footer):
    """Textual's Footer, which mounts its keys anew only when the keys shown change.

    The Footer redraws on every change of focus, and each key it drops stays referenced
    by the footer for as long as it lives (Textualize/textual#6666): between questions,
    the collector had ever more of them to walk.

    A key is what it shows: its key, words, whether it works, and its tooltip, in order.
    Enter's "Next" bound to another action as the focus moves is not a change: a click on
    a key presses it, so either action is reached.
    """

    def __init__(self) -> None:
        super().__init__(show_command_palette=False)
        self._drawn: Keys | None = None

    def _keys(self, screen: Screen[object]) -> Keys:
        """The keys the Footer shows on `screen`."""
        return tuple(
            (binding.key, binding.description, enabled, tooltip)
            for _, binding, enabled, tooltip in screen.active_bindings.values()
            if binding.show
        )

    def bindings_changed(self, screen: Screen[object]) -> None:
        if self._drawn is None or self._keys(screen) != self._drawn:
            super().bindings_changed(screen)

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._drawn = self._keys(self.screen)
        return super().compose()
