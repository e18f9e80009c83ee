"""Every screen's styles, read together while the start screen is read, rather than each on
its screen's first opening.

Textual reads a screen's `.tcss` file when the screen first opens, and then parses the
whole stylesheet again from nothing, its widgets' styles included: 9 to 30 ms each time,
more as the styles grow, at the first opening of each kind of window and screen. Read
ahead, every screen's styles cost one parse of their own (about 7 ms), and Textual,
finding them already read, parses nothing when a screen opens.

Read together, each screen's rules apply from the start to every screen: each names the
screen it is for (held by tests/functional/test_styles_read_ahead.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App

SCREEN_STYLES = tuple(sorted((Path(__file__).resolve().parent / "screens").glob("*.tcss")))
"""Each screen's styles, as Textual names them (beside the screen's module, resolved)."""


def read_ahead(app: App[object]) -> None:
    """Add every screen's styles not yet read to `app`'s stylesheet, and parse them."""
    stylesheet = app.stylesheet
    unread = [path for path in SCREEN_STYLES if not stylesheet.has_source(str(path))]
    if unread:
        stylesheet.read_all(unread)
        stylesheet.parse()  # what was parsed before is taken from Textual's cache
