"""The app's keys, taken in turn: a key typed straight after one that opens a window goes
into the window, and were what a key waits for ever lost, the keys behind it still go on."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import ClassVar

import pytest
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from consortium_ready.tui import typed_ahead
from consortium_ready.tui.typed_ahead import KeysTakenInTurn
from tests.functional.helpers import send_at_once

LOST = 0.1
"""How long a key waits for one whose turn was lost, in the second test (s)."""


class Window(ModalScreen[None]):
    def compose(self) -> ComposeResult:
        yield Input(id="box")


class Opener(KeysTakenInTurn):
    """`o` opens a window with a box in it; other keys typed here go into the box below."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("o", "open", "Open")]

    def compose(self) -> ComposeResult:
        yield Static("Press o")
        yield Input(id="below")

    def action_open(self) -> None:
        self.push_screen(Window())


async def _until(happened: Callable[[], bool], seconds: float = 5.0) -> bool:
    """Whether `happened` comes true within `seconds`."""
    for _ in range(int(seconds / 0.01)):
        if happened():
            return True
        await asyncio.sleep(0.01)
    return happened()


async def test_keys_typed_after_one_that_opens_a_window_go_into_it():
    app = Opener()
    async with app.run_test() as pilot:
        await pilot.pause()
        app.set_focus(None)  # so that "o" is not typed in the box below, but opens the window
        send_at_once(app, *"oabc")
        assert await _until(lambda: isinstance(app.screen, Window))
        box = app.screen.query_one("#box", Input)
        assert await _until(lambda: len(box.value) == 3)
        assert box.value == "abc"


async def test_keys_still_go_on_if_what_they_wait_for_is_lost(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(typed_ahead, "WAIT_AT_MOST", LOST)
    monkeypatch.setattr(KeysTakenInTurn, "_follow", lambda self, node, then: None)
    app = Opener()
    async with app.run_test() as pilot:
        await pilot.pause()
        send_at_once(app, *"xyz")
        below = app.query_one("#below", Input)
        assert await _until(lambda: below.value == "xyz")  # two of them given up on
