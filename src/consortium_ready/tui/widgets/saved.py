"""The saved assessments as a list: a box to mark one for comparing, the organisation, the score.

Clicking an assessment's box marks it (the list posts `BoxClicked`); clicking
anywhere else on it chooses it, as Enter does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events, on
from textual.content import Content
from textual.message import Message
from textual.style import Style
from textual.widgets.option_list import Option

from consortium_ready.tui.text import literal
from consortium_ready.tui.widgets.menu import Menu
from consortium_ready.words import local_when, score_number, verdict

if TYPE_CHECKING:
    from consortium_ready.store.history import Entry

BOX = Style.from_meta({"box": True})


def saved_option(index: int, entry: Entry, marked: bool, box: bool) -> Option:
    """`[ ] Organisation` over `date: band, score`; `[x]` and words when marked to compare.

    Without a `box` (there is nothing to compare it with), the organisation comes first.
    A partial assessment says how much of it was answered.
    """
    partial = f" (partial: {score_number(entry.coverage)}% answered)" if entry.partial else ""
    return Option(
        Content.assemble(
            (("[x] " if marked else "[ ] ") if box else "", BOX),
            literal(entry.organisation, "bold"),
            ("  (marked to compare)", "italic") if marked else "",
            "\n    " if box else "\n",
            (f"{local_when(entry.created)}: {verdict(entry.band, entry.score)}{partial}", "dim"),
        ),
        id=str(index),
    )


class SavedList(Menu):
    """The saved assessments; a click on a box marks rather than chooses."""

    class BoxClicked(Message):
        """The box of the assessment at `index` was clicked."""

        def __init__(self, saved: SavedList, index: int) -> None:
            super().__init__()
            self.saved, self.index = saved, index

        @property
        def control(self) -> SavedList:
            return self.saved

    @on(events.Click)
    def _box_clicked(self, event: events.Click) -> None:
        index = event.style.meta.get("option")
        if event.style.meta.get("box") and index is not None:
            event.prevent_default()
            self.highlighted = index
            self.post_message(self.BoxClicked(self, index))
