"""The smallest window the screens are laid out for, and what shows while the window is smaller.

Below it, buttons, key lists and choices would be cut off without a word. So a screen
covers everything and says what size is needed; it goes away as soon as the window is
large enough again, and every screen, with whatever was typed in it, is as it was.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import App, ComposeResult
from textual.containers import Center, Middle
from textual.content import Content
from textual.geometry import Size
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

MINIMUM = Size(80, 24)
"""Columns and lines: the size every screen is tried at."""


def too_small(size: Size) -> bool:
    return size.width < MINIMUM.width or size.height < MINIMUM.height


def size_words(size: Size) -> str:
    return f"{size.width} characters wide and {size.height} lines high"


class TooSmallScreen(ModalScreen[None]):
    """Covers the screens while the window is too small, and says how large it needs to be."""

    DEFAULT_CSS: ClassVar[str] = """
    TooSmallScreen {
        background: $background;
    }
    TooSmallScreen #too-small {
        width: 100%;
        max-width: 60;
        height: auto;
        padding: 0 1;
    }
    """

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Static(id="too-small")

    def on_mount(self) -> None:
        self.show_size(self.app.size)

    def on_resize(self, event: events.Resize) -> None:
        self.show_size(event.size)

    def show_size(self, size: Size) -> None:
        self.query_one("#too-small", Static).update(
            Content.assemble(
                ("This window is too small for Consortium ready.", "bold"),
                f" It is {size_words(size)}; it needs to be at least {size_words(MINIMUM)}."
                "\n\nMake the window larger, or the text smaller (in most terminals, hold "
                "Ctrl and press minus). Everything comes back as you left it: your answers "
                "are kept.\n\nTo quit, press Ctrl+Q.",
            )
        )


class SizeGuard(App[None]):
    """Shows `TooSmallScreen` over whatever is open while the window is below `MINIMUM`."""

    def on_mount(self) -> None:
        self.screen_change_signal.subscribe(self, self._screen_changed)

    def on_resize(self, event: events.Resize) -> None:
        # App's own handler, which records the new size, runs after this one.
        self.call_later(self.fit_the_window)

    def _screen_changed(self, screen: Screen[object]) -> None:
        # A screen opened while the window is too small goes under the message.
        self.call_later(self.fit_the_window)

    def fit_the_window(self) -> None:
        """Cover the screens if the window is too small; uncover them once it is not."""
        covered = isinstance(self.screen, TooSmallScreen)
        if too_small(self.size) and not covered:
            self.push_screen(TooSmallScreen())
        elif covered and not too_small(self.size):
            self.pop_screen()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the message shows, only quitting works."""
        if isinstance(self.screen, TooSmallScreen) and action != "quit":
            return False
        return super().check_action(action, parameters)
