"""The questionnaire app: its options, the keys that work everywhere, and the first screen.

What it does is split by seam: `navigation` (which screen opens for what),
`lifecycle` (the assessment in progress and its draft on disk), `quitting` and
`typed_ahead` (keys typed faster than they are taken).
Only what the start screen needs is imported here; the bank, the core and the
other screens are loaded after the first paint.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from consortium_ready.tui.quitting import Quitting
from consortium_ready.tui.screens.start import StartScreen
from consortium_ready.tui.sizing import SizeGuard
from consortium_ready.tui.typed_ahead import KeysTakenInTurn

if TYPE_CHECKING:
    from textual.command import Provider

    from consortium_ready.tui.host import Host


def utc_now() -> datetime:
    return datetime.now(UTC)


def _assessment_commands() -> type[Provider]:
    from consortium_ready.tui.commands import AssessmentCommands

    return AssessmentCommands


class ConsortiumReadyApp(SizeGuard, KeysTakenInTurn, Quitting):
    """Walks an organisation through its assessment, saving every answer as it is given."""

    TITLE = "Consortium ready"
    SUB_TITLE = "ready to bid together?"
    CSS_PATH = Path(__file__).with_name("app.tcss")
    COMMANDS = App.COMMANDS | {_assessment_commands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+q",
            "quit",
            "Quit",
            id="quit",
            priority=True,
            tooltip="Save your answers and close the program.",
        ),
        Binding(
            "f1,question_mark",
            "help",
            "Help",
            id="help",
            tooltip="What this screen is for, and the keys you can use.",
        ),
        Binding("ctrl+s", "save_elsewhere", "Save elsewhere", id="save-elsewhere"),
    ]

    def __init__(
        self,
        *,
        reports: Path,
        questions: Path | None = None,
        seeds: Path | None = None,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        super().__init__()
        self.reports = reports
        self.questions = questions
        self.seeds = seeds
        self.clock = clock

    def get_default_screen(self) -> Screen[None]:
        """The start screen (its styles are in app.tcss, read before the first paint)."""
        return StartScreen()

    def get_system_commands(self, screen: Screen[object]) -> Iterator[SystemCommand]:
        """Help and Quit, in the palette's words; not Textual's own (screenshots, themes,
        "quit as soon as possible"), which mean nothing to the people this is for."""
        yield SystemCommand(
            "Help on this screen", "What it is for, and the keys you can use", self.action_help
        )
        yield SystemCommand("Quit", "Close the program; your answers are kept", self.action_quit)

    def action_help(self) -> None:
        from consortium_ready.tui.screens.dialogs import HelpDialog

        if not isinstance(self.screen, HelpDialog):
            self.push_screen(HelpDialog(self.screen))


if TYPE_CHECKING:
    _checked: type[Host] = ConsortiumReadyApp  # what the screens expect of the app, it offers
