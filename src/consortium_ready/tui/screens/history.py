"""The assessments saved in the reports folder, newest first: open one, or compare two.

To compare, mark one (m, or a click on its box) and pick another (m, Enter or a
click); or press p to compare the highlighted one with its organisation's
assessment before it. The earlier of the two is always "before". Delete (or x)
takes one out of history, into the reports folder's bin.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.reactive import var
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from consortium_ready.tui import guides
from consortium_ready.tui.screens.base import Overlay
from consortium_ready.tui.text import literal, shown_path
from consortium_ready.tui.widgets.saved import SavedList, saved_option
from consortium_ready.words import local_when, plural

if TYPE_CHECKING:
    from consortium_ready.domain.assessment import Assessment
    from consortium_ready.domain.compare import Comparison
    from consortium_ready.store.history import Entry, Scan

HOW_TO_COMPARE = (
    "To compare two, press m on each, or click their boxes. Press p to compare "
    "the highlighted one with the one its organisation saved before it."
)


class HistoryScreen(Overlay):
    """Saved assessments; choosing one shows its result, choosing two compares them.

    Given an organisation's name, its latest two are compared as soon as the list is read.
    """

    CSS_PATH = "history.tcss"
    HELP = guides.HISTORY
    HELP_KEYS = guides.HISTORY_KEYS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "mark", "Mark to compare", id="mark"),
        Binding("m", "compare_marked", "Compare with marked", id="compare-marked"),
        Binding("m,escape", "unmark", "Unmark", id="unmark"),
        *Overlay.BINDINGS,
        Binding("p", "compare_previous", "Compare with previous", id="compare-previous"),
        Binding("delete,x", "remove", "Remove", id="remove"),
    ]

    marked: var[int | None] = var(None, init=False)
    """The index in `entries` of the assessment marked to compare, if one is."""

    def __init__(self, compare_latest: str | None = None) -> None:
        super().__init__()
        self._compare_latest = compare_latest
        self.entries: list[Entry] = []
        """The saved assessments, newest first, once the folder has been read."""

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="history"):
            yield Static("Saved assessments", classes="title")
            yield Static(
                f"Looking in {shown_path(self.app.reports)}…",
                id="history-note",
                classes="hint",
                markup=False,
            )
            yield Static("", id="compare-hint", classes="hint", markup=False)
            yield SavedList(id="saved")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.look()

    @work(thread=True, group="history")
    def look(self) -> Scan:
        from consortium_ready.store.history import scan

        return scan(self.app.reports)

    @work(thread=True, group="open")
    def open_saved(self, entry: Entry) -> tuple[Entry, Assessment | None, Assessment | None]:
        """Load a saved assessment and the one its organisation saved before it."""
        earlier = self._before(entry)
        return entry, self._loaded(entry), self._loaded(earlier) if earlier else None

    @work(thread=True, exclusive=True, group="compare")
    def compare_saved(self, one: Entry, other: Entry) -> Comparison | Entry:
        """Compare two saved assessments, the earlier as before; or the one that cannot be read."""
        from consortium_ready.domain.compare import compare

        old, new = sorted((one, other), key=lambda entry: entry.created)
        before, after = self._loaded(old), self._loaded(new)
        if before is None or after is None:
            return old if before is None else new
        return compare(before, after, self.bank)

    def _loaded(self, entry: Entry) -> Assessment | None:
        """The saved assessment, checked against the bank as the command line checks it."""
        from consortium_ready.store.history import loaded

        return loaded(functools.partial(entry.load, self.bank))

    @work(thread=True, group="remove")
    def remove_saved(self, entry: Entry) -> Scan:
        """Move a saved assessment to the bin, then read the folder again."""
        from consortium_ready.store.binned import move_to_bin
        from consortium_ready.store.history import scan

        move_to_bin(entry.path, self.app.reports)
        return scan(self.app.reports)

    @on(Worker.StateChanged)
    def _worked(self, event: Worker.StateChanged) -> None:
        """Each group's result is what its worker above returns."""
        if event.state != WorkerState.SUCCESS:
            return
        result = event.worker.result
        if event.worker.group in ("history", "remove"):
            self._list(cast("Scan", result))
        elif event.worker.group == "open":
            self._show(*cast("tuple[Entry, Assessment | None, Assessment | None]", result))
        elif event.worker.group == "compare":
            self._compared(cast("Comparison | Entry", result))

    def _list(self, found: Scan) -> None:
        self.entries = sorted(found.entries, key=lambda entry: entry.created, reverse=True)
        note = (
            f"{plural(len(self.entries), 'assessment')} saved in "
            f"{shown_path(self.app.reports)}. Pick one and press Enter, or click it, to see "
            "its result."
        )
        if found.warnings:
            note += f" {plural(len(found.warnings), 'file')} could not be read and were left alone."
        self.query_one("#history-note", Static).update(note)
        self._hint()
        saved = self.query_one("#saved", SavedList)
        saved.set_options(self._option(index) for index in range(len(self.entries)))
        saved.highlighted = 0 if self.entries else None
        saved.focus()
        self.refresh_bindings()
        if self._compare_latest is not None:
            self._latest_two(found.for_organisation(self._compare_latest))

    def _latest_two(self, mine: list[Entry]) -> None:
        if len(mine) < 2:
            self.notify(
                f"{self._compare_latest} has {plural(len(mine), 'saved assessment')} "
                "in this folder; comparing needs two.",
                markup=False,
            )
        else:
            self.compare_saved(mine[-2], mine[-1])

    def _option(self, index: int) -> Option:
        """The assessment at `index` as listed, with a box to mark it if there are two."""
        return saved_option(
            index, self.entries[index], marked=index == self.marked, box=len(self.entries) > 1
        )

    def _before(self, entry: Entry) -> Entry | None:
        """The assessment the same organisation saved last before `entry`, if any."""
        earlier = [e for e in self.entries if e.key == entry.key and e.created < entry.created]
        return max(earlier, key=lambda e: e.created, default=None)

    # Marking and choosing -------------------------------------------------------------

    def _hint(self) -> None:
        """How to compare; once one is marked, which one, and how to pick the second."""
        hint = self.query_one("#compare-hint", Static)
        if self.marked is not None:
            entry = self.entries[self.marked]
            hint.update(
                Content.assemble(
                    "Marked: ",
                    literal(entry.organisation),
                    f", {local_when(entry.created)}. Press m or Enter on another, or click it, "
                    "to compare the two.",
                )
            )
        else:
            hint.update(HOW_TO_COMPARE)
        hint.display = len(self.entries) > 1

    def watch_marked(self, before: int | None, now: int | None) -> None:
        saved = self.query_one("#saved", SavedList)
        for index in (i for i in {before, now} if i is not None):
            saved.replace_option_prompt_at_index(index, self._option(index).prompt)
        self._hint()
        self.refresh_bindings()

    def _pick(self, index: int) -> None:
        """Mark the first of two; unmark it if picked again; compare once two are picked."""
        if self.marked is None:
            self.marked = index
        elif self.marked == index:
            self.marked = None
        else:
            self._compare(self.entries[self.marked], self.entries[index])

    def _compare(self, one: Entry, other: Entry) -> None:
        self.marked = None
        self.compare_saved(one, other)

    def action_mark(self) -> None:
        """m: mark the highlighted one, or compare it with the marked one (as the footer says)."""
        index = self.query_one("#saved", SavedList).highlighted
        if index is not None:
            self._pick(index)

    action_compare_marked = action_mark

    def action_unmark(self) -> None:
        self.marked = None

    @on(SavedList.BoxClicked, "#saved")
    def _box_clicked(self, event: SavedList.BoxClicked) -> None:
        self._pick(event.index)

    @on(OptionList.OptionSelected, "#saved")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        index = event.option_index
        if self.marked is not None and self.marked != index:
            self._pick(index)
        else:
            self.open_saved(self.entries[index])

    def action_compare_previous(self) -> None:
        index = self.query_one("#saved", SavedList).highlighted
        entry = None if index is None else self.entries[index]
        earlier = self._before(entry) if entry else None
        if entry is not None and earlier is not None:
            self._compare(earlier, entry)

    def action_remove(self) -> None:
        """Delete or x: take the highlighted assessment out of history, into the bin, once
        the person has said yes."""
        from consortium_ready.tui.screens.dialogs import ConfirmDialog

        index = self.query_one("#saved", SavedList).highlighted
        if index is None:
            return
        entry = self.entries[index]
        question = (
            f"Take {entry.organisation}'s assessment of {local_when(entry.created)} out of "
            f"history? Its files move to {shown_path(self.app.reports / '.bin')}; nothing "
            "is deleted."
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self.marked = None
                self.remove_saved(entry)

        self.app.push_screen(ConfirmDialog(question, yes="Remove", no="Keep it"), answered)

    @on(OptionList.OptionHighlighted, "#saved")
    def _moved(self) -> None:
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """m marks, then compares (or unmarks, on the marked one); Escape unmarks, then goes
        back; p only where there is an earlier assessment to compare with."""
        index = self.query_one("#saved", SavedList).highlighted if self.is_mounted else None
        marked, entry = self.marked, None if index is None else self.entries[index]
        return {
            "mark": marked is None and len(self.entries) > 1,
            "compare_marked": marked is not None and marked != index,
            "unmark": marked is not None,
            "close": marked is None,
            "compare_previous": entry is not None and self._before(entry) is not None,
            "remove": entry is not None and marked is None,
        }.get(action, True)

    # Showing what was chosen -------------------------------------------------------------

    def _unreadable(self, entry: Entry) -> None:
        self.notify(
            f"{shown_path(entry.path)} can no longer be read; it may have been changed or moved.",
            severity="error",
            markup=False,
        )

    def _show(
        self, entry: Entry, assessment: Assessment | None, previous: Assessment | None
    ) -> None:
        from consortium_ready.tui.screens.result import SavedResultScreen

        if assessment is None:
            self._unreadable(entry)
        else:
            self.app.push_screen(SavedResultScreen(entry.path, assessment, previous))

    def _compared(self, result: Comparison | Entry) -> None:
        from consortium_ready.store.history import Entry
        from consortium_ready.tui.screens.comparison import ComparisonScreen

        if isinstance(result, Entry):
            self._unreadable(result)
        else:
            self.app.push_screen(ComparisonScreen(result))
