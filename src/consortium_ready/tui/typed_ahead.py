"""Keys typed ahead: each is taken as if it had been typed slowly."""

from __future__ import annotations

from collections import deque
from time import monotonic
from typing import TYPE_CHECKING

from textual import events
from textual.app import App

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.dom import DOMNode
    from textual.timer import Timer

WAIT_AT_MOST = 1.0
"""The longest a key waits for the one before it: were what it waits for lost, it goes on
after this (s)."""


class KeysTakenInTurn(App[None]):
    """Keys are taken one at a time, each once the key before it has done all it set off.

    Textual sends a key to the widget with the focus as it arrives, to wait in its queue.
    A key the widget does not take goes up, through the widgets it is in, to the screen's
    and the app's keys, and what that sets off (a message that an answer was chosen, or
    that Enter was pressed) goes up the same way. Keys typed quickly, or while the program
    was busy, were taken before the screen had moved on: the answer meant for the next
    question changed the one before, and what was typed after Enter went into the box
    just left.

    Here a key is sent on only once the key before it has gone up to the app, and what
    that set off has gone up to the screen: so it goes to what has the focus by then (a
    window it opened, say, or the next question).
    """

    def __init__(self) -> None:
        super().__init__()
        self._waiting: deque[events.Key] = deque()
        self._taking = False
        """Whether a key's turn is under way: keys that come meanwhile wait."""
        self._turn = 0
        """The count of turns begun; a key's turn is over once it has done all it set off."""
        self._since = 0.0
        """When the present turn began."""
        self._watching: Timer | None = None

    async def on_event(self, event: events.Event) -> None:
        """A key as it arrives waits its turn; everything else goes on as Textual sends it."""
        if isinstance(event, events.Key) and not event.is_forwarded:
            self._waiting.append(event)
            if self._taking:
                self._watch()
            else:
                await self._take_next()
        else:
            await super().on_event(event)

    async def _take_next(self) -> None:
        """Send the next waiting key on, and follow what it sets off."""
        if not self._waiting:
            self._taking = False
            self._stop_watching()
            return
        self._taking = True
        self._turn += 1
        turn = self._turn
        self._since = monotonic()
        key = self._waiting.popleft()
        sent_to = self.focused or self.screen  # where Textual sends it
        await super().on_event(key)
        # Up to the app, where it is taken if no widget took it; then, from the same widget
        # again, what taking it set off.
        self._follow(sent_to, lambda: self._follow(sent_to, lambda: self._turn_over(turn)))

    def _follow(self, node: DOMNode, then: Callable[[], object]) -> None:
        """Call `then` once `node`, the widgets it is in, its screen and the app have each,
        in turn, handled what they held."""
        parent = node.parent
        step = then if parent is None else (lambda: self._follow(parent, then))
        if not node.call_later(step):  # closed: nothing more will come from it
            self.call_later(then)

    async def _turn_over(self, turn: int) -> None:
        if turn == self._turn:  # not given up on (`_late`)
            await self._take_next()

    def _watch(self) -> None:
        """Keep an eye on keys that wait: were what they wait for lost, they go on."""
        if self._watching is None:
            self._watching = self.set_interval(WAIT_AT_MOST / 4, self._late)

    def _stop_watching(self) -> None:
        if self._watching is not None:
            self._watching.stop()
            self._watching = None

    async def _late(self) -> None:
        """Give up on a turn that has lasted too long."""
        if self._taking and monotonic() - self._since >= WAIT_AT_MOST:
            await self._take_next()
