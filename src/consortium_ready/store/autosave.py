"""Writing only the newest state, one write at a time, so that saves never land out of order.

A front end hands every change to `submit`; whoever is told to, runs `drain`
(in a background thread). Values superseded while a write is in progress are
skipped: the file always ends up holding the latest state.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

Value = TypeVar("Value")


class LatestWriter(Generic[Value]):
    """Hands the newest value to a single writer; reports each write's outcome."""

    def __init__(
        self,
        write: Callable[[Value], None],
        done: Callable[[Value, OSError | None], None],
    ) -> None:
        self._write = write
        self._done = done
        self._lock = threading.Lock()
        self._waiting: list[Value] = []
        self._busy = False

    def submit(self, value: Value) -> bool:
        """Make `value` the next to write. True if no writer runs, so the caller must `drain`."""
        with self._lock:
            self._waiting[:] = [value]
            if self._busy:
                return False
            self._busy = True
            return True

    def drain(self) -> None:
        """Write the newest value until none is waiting. Run by one thread at a time."""
        try:
            while True:
                with self._lock:
                    if not self._waiting:
                        self._busy = False
                        return
                    value = self._waiting.pop()
                try:
                    self._write(value)
                except OSError as error:
                    self._done(value, error)
                else:
                    self._done(value, None)
        except BaseException:
            with self._lock:
                self._busy = False
            raise
