"""The app as its screens see it: what they may read, and what they may ask it to do.

Screens type `self.app` as a `HostApp`, so they never import the App class
(`tui.app` imports every screen; the screens importing it back made a loop).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from textual.app import App

    from consortium_ready.domain.assessment import Assessment
    from consortium_ready.domain.bank import Bank
    from consortium_ready.session.session import Session
    from consortium_ready.store.drafts import Draft
    from consortium_ready.tui.startup import Surroundings


class Host(Protocol):
    """What the screens need of the app, beyond what every Textual app offers."""

    reports: Path
    """The folder the draft, the saved assessments and their reports go in."""
    questions: Path | None
    seeds: Path | None
    clock: Callable[[], datetime]
    bank: Bank | None
    """The question bank, once the start screen has loaded it (None if it cannot be used)."""
    session: Session | None
    """The assessment being worked on, if one is."""

    @property
    def unfinished_draft(self) -> Draft | None: ...

    # The session and its draft (tui.assessing, tui.saving)

    def surveyed(self, found: Surroundings, damaged: Path | None) -> None: ...
    def resume(self) -> None: ...
    def start_new(self) -> None: ...
    def start_from(self, saved: Assessment) -> None: ...
    def draft_saved_as_assessment(self) -> None: ...
    def choose_folder(self, then: Callable[[], object] | None = None) -> None: ...

    # Which screen opens for what (tui.navigation)

    def open_profile(self, intro: str | None = None) -> None: ...
    def open_question(self, question_id: str | None = None) -> None: ...
    def open_theme(self, theme_id: str) -> None: ...
    def open_review(self) -> None: ...
    def open_result(self, save: bool = False) -> None: ...
    def open_case(self, case_id: str | None = None) -> None: ...
    def open_history(self, compare_latest: str | None = None) -> None: ...
    def open_consortium(self) -> None: ...
    def back_to_start(self) -> None: ...


if TYPE_CHECKING:

    class HostApp(App[None], Host):
        """A Textual app that is also a `Host`: the type of `self.app` on this app's screens."""
