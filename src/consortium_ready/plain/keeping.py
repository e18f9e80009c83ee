"""Keeping the draft on disk: each change written at once, and a failure said out loud."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from consortium_ready.plain.console import Console
from consortium_ready.store.autosave import LatestWriter
from consortium_ready.store.drafts import Draft, remove_draft, save_draft, set_aside
from consortium_ready.store.files import draft_path


class DraftKeeper:
    """Writes every new state of the draft before the next prompt (or removes it, for None).

    A damaged draft found at the start is kept under a new name before the
    first write replaces it. `failure` says why writing fails, while it does.
    """

    def __init__(
        self, folder: Path, damaged: bool, console: Console, clock: Callable[[], datetime]
    ) -> None:
        self.folder = folder
        self._damaged = damaged
        self._console = console
        self._clock = clock
        self._latest: Draft | None = None
        self._writer: LatestWriter[Draft | None] = LatestWriter(self._write, self._done)
        self.failure: OSError | None = None

    @property
    def path(self) -> Path:
        return draft_path(self.folder)

    def keep(self, draft: Draft | None) -> None:
        self._latest = draft
        if self._writer.submit(draft):
            self._writer.drain()

    def move_to(self, folder: Path) -> bool:
        """Keep the draft in `folder` from now on; True once the latest draft is written there."""
        self.folder = folder
        self.keep(self._latest)
        return self.failure is None

    def _write(self, draft: Draft | None) -> None:
        path = self.path
        if self._damaged:
            kept = set_aside(path, self._clock())
            self._damaged = False
            self._console.say(f"The unreadable unfinished assessment was kept as {kept}.")
        if draft is None:
            remove_draft(path)
        else:
            save_draft(path, draft)

    def _done(self, draft: Draft | None, error: OSError | None) -> None:
        if (error is None) == (self.failure is None):
            self.failure = error
            return
        self.failure = error
        if error is not None:
            self._console.say(
                f"Warning: your answers could not be saved in {self.folder}: "
                f"{error.strerror or error}. They are kept while this program runs; when you "
                "stop, you will be asked for another folder to save them in."
            )
        else:
            self._console.say(f"Your answers are being saved again, in {self.folder}.")
