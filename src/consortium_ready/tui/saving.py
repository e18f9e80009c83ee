"""Autosaving the draft in a background thread: one writer, the latest state wins."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.message import Message

from consortium_ready.store.autosave import LatestWriter
from consortium_ready.store.drafts import Draft, remove_draft, save_draft, set_aside

if TYPE_CHECKING:
    from textual.app import App

WORKER_GROUP = "draft-writer"


@dataclass(frozen=True)
class DraftWrite:
    """Write `draft` to `path`, or remove the file there when `draft` is None."""

    path: Path
    draft: Draft | None


class DraftWritten(Message):
    """The outcome of one write of the draft; `error` is None when it worked."""

    def __init__(
        self, write: DraftWrite, error: OSError | None, was_failing: bool, kept: Path | None
    ) -> None:
        super().__init__()
        self.write = write
        self.error = error
        self.was_failing = was_failing
        """Whether the write before this one had failed."""
        self.kept = kept
        """Where a damaged draft was kept, when this write moved it out of the way."""


class DraftSaver:
    """Hands each new state of the draft to a single background writer.

    A damaged draft found at start-up is kept, under a new name, before the
    first write replaces it.
    """

    def __init__(self, app: App[Any], damaged: Path | None, clock: Callable[[], datetime]) -> None:
        self._app = app
        self._damaged = damaged
        self._kept: Path | None = None
        self._clock = clock
        self._writer: LatestWriter[DraftWrite] = LatestWriter(self._write, self._done)
        self.failure: OSError | None = None
        """Why the last write failed, while writes are failing."""

    def save(self, path: Path, draft: Draft | None) -> None:
        """Write `draft` (or remove the file, for None) as soon as the writer is free."""
        if self._writer.submit(DraftWrite(path, draft)):
            self._app.run_worker(
                self._writer.drain, name="save the draft", group=WORKER_GROUP, thread=True
            )

    async def finished(self) -> None:
        """Wait until every change given so far has been written (or has failed)."""
        writers = [w for w in self._app.workers if w.group == WORKER_GROUP]
        await self._app.workers.wait_for_complete(writers)

    def _write(self, write: DraftWrite) -> None:
        if self._damaged is not None and self._damaged == write.path:
            self._kept = set_aside(write.path, self._clock())
            self._damaged = None
        if write.draft is None:
            remove_draft(write.path)
        else:
            save_draft(write.path, write.draft)

    def _done(self, write: DraftWrite, error: OSError | None) -> None:
        kept, self._kept = self._kept, None
        was_failing, self.failure = self.failure is not None, error
        self._app.post_message(DraftWritten(write, error, was_failing, kept))
