"""The assessments saved in the reports folder, newest first, each a key or a click away."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from consortium_ready.tui import guides
from consortium_ready.tui.screens.base import Overlay
from consortium_ready.tui.text import literal, plural, shown_path, when

if TYPE_CHECKING:
    from consortium_ready.assessment import Assessment
    from consortium_ready.history import Entry, Scan


def saved_option(index: int, entry: Entry) -> Option:
    verdict = (f"{entry.band}, {entry.score:.0f} out of 100" if entry.score is not None
               else "not scored")
    return Option(Content.assemble(literal(entry.organisation, "bold"), "\n",
                                   (f"{when(entry.created)}: {verdict}", "dim")), id=str(index))


class HistoryScreen(Overlay):
    """Saved assessments; choosing one shows its result."""

    CSS_PATH = "history.tcss"
    HELP = guides.HISTORY

    entries: list[Entry] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="history"):
            yield Static("Saved assessments", classes="title")
            yield Static(f"Looking in {shown_path(self.app.reports)}…", id="history-note",
                         classes="hint", markup=False)
            yield OptionList(id="saved")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.look()

    @work(thread=True, group="history")
    def look(self) -> Scan:
        from consortium_ready.history import scan

        return scan(self.app.reports)

    @work(thread=True, group="open")
    def open_saved(self, entry: Entry) -> tuple[Entry, Assessment | None, Assessment | None]:
        """Load a saved assessment and the one its organisation saved before it."""
        from consortium_ready.tui.startup import loaded

        mine = [e for e in self.entries if e.key == entry.key]
        earlier = [e for e in mine if e.created < entry.created]
        return (entry, loaded(entry.load),
                loaded(max(earlier, key=lambda e: e.created).load) if earlier else None)

    @on(Worker.StateChanged)
    def _worked(self, event: Worker.StateChanged) -> None:
        if event.state != WorkerState.SUCCESS:
            return
        if event.worker.group == "history":
            self._list(event.worker.result)
        elif event.worker.group == "open":
            self._show(*event.worker.result)

    def _list(self, found: Scan) -> None:
        self.entries = sorted(found.entries, key=lambda entry: entry.created, reverse=True)
        note = (f"{plural(len(self.entries), 'assessment')} saved in "
                f"{shown_path(self.app.reports)}. Pick one and press Enter, or click it, to see "
                "its result.")
        if found.warnings:
            note += (f" {plural(len(found.warnings), 'file')} could not be read and were left "
                     "alone.")
        self.query_one("#history-note", Static).update(note)
        saved = self.query_one("#saved", OptionList)
        saved.set_options(saved_option(i, entry) for i, entry in enumerate(self.entries))
        saved.highlighted = 0 if self.entries else None
        saved.focus()

    @on(OptionList.OptionSelected, "#saved")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.open_saved(self.entries[int(event.option.id or 0)])

    def _show(self, entry: Entry, assessment: Assessment | None,
              previous: Assessment | None) -> None:
        from consortium_ready.tui.screens.result import SavedResultScreen

        if assessment is None:
            self.notify(f"{shown_path(entry.path)} can no longer be read; it may have been "
                        "changed or moved.", severity="error", markup=False)
            return
        self.app.push_screen(SavedResultScreen(entry.path, assessment, previous))
