"""Whose assessments to see together: the organisations in a folder, to tick and show as one.

The folder is the reports folder to start with, or any folder of the files
partners sent back. The organisations that name the consortium named most often
are ticked to start with; the consortium screen then shows them together.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Header, Input, SelectionList, Static
from textual.widgets.selection_list import Selection
from textual.worker import Worker, WorkerState

from consortium_ready.domain.organisations import organisation_key, same_organisation
from consortium_ready.domain.profile import ROLES
from consortium_ready.tui import guides
from consortium_ready.tui.screens.base import Overlay, foot
from consortium_ready.tui.text import literal, shown_path
from consortium_ready.words import local_date, plural

if TYPE_CHECKING:
    from consortium_ready.domain.consortium import Consortium
    from consortium_ready.store.gathered import Gathered


def most_named(found: Gathered) -> str | None:
    """The consortium's name that most of the organisations give (spelt as first given);
    names that differ only in capitals, spaces and punctuation count as one."""
    names: dict[str, list[str]] = {}
    for item in found.returned:
        if name := item.assessment.profile.consortium:
            names.setdefault(organisation_key(name), []).append(name)
    return max(names.values(), key=len)[0] if names else None


class PartnersScreen(Overlay):
    """The organisations found in a folder, ticked or not; Show puts the ticked ones together."""

    CSS_PATH = "consortium.tcss"
    HELP = guides.PARTNERS
    HELP_KEYS = guides.PARTNERS_KEYS
    BINDINGS: ClassVar[list[BindingType]] = [
        *Overlay.BINDINGS,
        Binding("a", "tick_all", "Tick all", id="tick-all"),
        Binding("n", "tick_none", "Tick none", id="tick-none"),
        Binding("s", "show", "Show together", id="show"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.found: Gathered | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="partners"):
            yield Static("Partners' assessments together", classes="title")
            yield Static(
                "Read a folder: the reports folder, or one holding the files partners sent "
                "back. Tick the organisations to see together, then press s or Show.",
                classes="hint",
            )
            with Horizontal(id="folder-row"):
                yield Input(str(self.app.reports), id="folder")
                yield Button("Read", id="read")
            yield Static("", id="found-note", classes="hint", markup=False)
            yield SelectionList[int](id="chosen")
        yield from foot(
            [Button("Back", id="back-button")],
            [Button("Show together", id="show-button", variant="primary")],
        )

    def on_mount(self) -> None:
        self.read(self.app.reports)

    @on(Input.Submitted, "#folder")
    @on(Button.Pressed, "#read")
    def _read_again(self) -> None:
        self.read(Path(self.query_one("#folder", Input).value.strip() or "."))

    @work(thread=True, exclusive=True, group="read")
    def read(self, folder: Path) -> Gathered | str:
        """The assessments in `folder`, or why they cannot be read."""
        from consortium_ready.errors import InputError
        from consortium_ready.store.gathered import gather

        if not folder.is_dir():
            return f"{shown_path(folder)} is not a folder."
        try:
            return gather([folder])
        except InputError as error:  # a damaged invitation list
            return "; ".join(str(problem) for problem in error.problems)

    @work(thread=True, exclusive=True, group="show")
    def together(self, chosen: list[int]) -> tuple[Consortium, list[Path]]:
        from consortium_ready.domain.aggregate import aggregate

        assert self.found is not None
        found = self.found
        consortium = aggregate(
            [found.returned[index] for index in chosen],
            self.bank,
            invitation=found.invitation,
            skipped=[f"{p.file}: {p.message}" for p in found.warnings],
        )
        return consortium, [found.paths[index] for index in chosen]

    @on(Worker.StateChanged)
    def _worked(self, event: Worker.StateChanged) -> None:
        if event.state != WorkerState.SUCCESS:
            return
        if event.worker.group == "read":
            self._list(cast("Gathered | str", event.worker.result))
        elif event.worker.group == "show":
            from consortium_ready.tui.screens.consortium import ConsortiumScreen

            consortium, paths = cast("tuple[Consortium, list[Path]]", event.worker.result)
            self.app.push_screen(ConsortiumScreen(consortium, paths))

    def _list(self, found: Gathered | str) -> None:
        note = self.query_one("#found-note", Static)
        chosen = self.query_one("#chosen", SelectionList)
        chosen.clear_options()
        if isinstance(found, str):
            self.found = None
            note.update(found)
            return
        self.found = found
        named = most_named(found)
        for index, item in enumerate(found.returned):
            profile = item.assessment.profile
            consortium = profile.consortium or "no consortium named"
            prompt = Content.assemble(
                literal(profile.organisation, "bold"),
                "  ",
                literal(
                    f"{ROLES[profile.role]}, {local_date(item.assessment.created)}; {consortium}",
                    "dim",
                ),
            )
            ticked = named is None or same_organisation(profile.consortium or "", named)
            chosen.add_option(Selection(prompt, index, ticked))
        words = [f"{plural(len(found.returned), 'organisation')} found"]
        if named is not None:
            words.append(f"those that name “{named}” are ticked")
        if found.warnings:
            words.append(f"{plural(len(found.warnings), 'file')} could not be read")
        note.update("; ".join(words) + ".")
        chosen.highlighted = 0 if found.returned else None
        chosen.focus()
        self.refresh_bindings()

    def action_tick_all(self) -> None:
        self.query_one("#chosen", SelectionList).select_all()

    def action_tick_none(self) -> None:
        self.query_one("#chosen", SelectionList).deselect_all()

    @on(Button.Pressed, "#show-button")
    def action_show(self) -> None:
        chosen = sorted(
            cast("SelectionList[int]", self.query_one("#chosen", SelectionList)).selected
        )
        if not chosen:
            self.notify("Tick at least one organisation first.")
            return
        self.together(chosen)

    @on(Button.Pressed, "#back-button")
    def _back(self) -> None:
        self.dismiss()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The ticking keys only once something is listed, and never while typing a folder."""
        if action in ("tick_all", "tick_none", "show"):
            typing = isinstance(self.focused, Input)
            return self.found is not None and bool(self.found.returned) and not typing
        return True
