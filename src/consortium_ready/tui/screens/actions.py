"""The action plan as a tracker: each action's owner, due date, status and note, set and saved.

Opened from a saved result. Every change is written to the saved assessment at
once and its reports are made again; a change that cannot be saved stays on
screen, marked unsaved, until it can.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid
from textual.content import Content
from textual.widgets import Button, Header, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from consortium_ready.domain.tracking import STATUSES, UNTRACKED, Tracking, action_key
from consortium_ready.tui import guides
from consortium_ready.tui.screens.base import Overlay, foot
from consortium_ready.tui.screens.dialogs import ConfirmDialog, Dialog
from consortium_ready.tui.text import literal, shown_path
from consortium_ready.words import day_words, local_date

if TYPE_CHECKING:
    from consortium_ready.domain.assessment import Assessment
    from consortium_ready.domain.result import Action


def action_option(action: Action, tracking: Tracking, today: date) -> Option:
    """An action on two lines or more: its rank and words, then its status, owner and date."""
    progress = [STATUSES[tracking.status], tracking.owner or "no owner yet"]
    progress.append(f"due {day_words(tracking.due)}" if tracking.due else "no date")
    if tracking.overdue(today):
        progress.append("OVERDUE")
    return Option(
        Content.assemble(
            (f"{action.rank:>2}. ", "bold"),
            literal(action.text),
            "\n    ",
            (" · ".join(progress), "italic"),
        ),
        id=action_key(action),
    )


class TrackingDialog(Dialog[Tracking]):
    """Set one action's owner, due date, status and note."""

    def __init__(self, action: Action, tracking: Tracking) -> None:
        super().__init__()
        self._action, self._tracking = action, tracking

    def body(self) -> ComposeResult:
        tracking = self._tracking
        yield Static("Who does this, and by when", classes="title")
        yield Static(literal(self._action.text))
        with Grid(classes="fields"):
            yield Label("Owner", classes="label")
            yield Input(tracking.owner, id="owner", compact=True, placeholder="Who sees it done")
            yield Label("Due", classes="label")
            yield Input(
                tracking.due.isoformat() if tracking.due else "",
                id="due",
                compact=True,
                placeholder="A date such as 2027-03-31 or 31/03/2027; empty for none",
            )
            yield Label("Status", classes="label")
            yield Select(
                [(words, status) for status, words in STATUSES.items()],
                value=tracking.status,
                allow_blank=False,
                compact=True,
                id="status",
            )
            yield Label("Note", classes="label")
            yield Input(tracking.note, id="note", compact=True, placeholder="What is next")
        yield Static("", id="due-problem", classes="problem")

    def buttons(self) -> ComposeResult:
        yield Button("Save", id="accept", variant="primary")
        yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#owner").focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#accept")
    def _accept(self) -> None:
        from consortium_ready.content.actionscsv import parse_due

        try:
            due = parse_due(self.query_one("#due", Input).value)
        except ValueError as problem:
            self.query_one("#due-problem", Static).update(str(problem))
            self.query_one("#due").focus()
            return
        self.dismiss(
            Tracking(
                owner=self.query_one("#owner", Input).value,
                due=due,
                status=self.query_one("#status", Select).selection or self._tracking.status,
                note=self.query_one("#note", Input).value,
            )
        )


class ActionsScreen(Overlay):
    """Every action of a saved assessment, to give each an owner, a date and a status.

    `saved` is told of the assessment as each change is saved, so that the screen beneath
    can show it.
    """

    CSS_PATH = "actions.tcss"
    HELP = guides.ACTIONS
    HELP_KEYS = guides.ACTIONS_KEYS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "edit", "Owner and date", id="edit", show=True),
    ]

    def __init__(
        self,
        path: Path,
        assessment: Assessment,
        previous: Assessment | None,
        saved: Callable[[Assessment], None],
    ) -> None:
        super().__init__()
        self.path, self.assessment, self.previous = path, assessment, previous
        self._told = saved
        self._unsaved: dict[str, Tracking] | None = None

    @property
    def tracking(self) -> dict[str, Tracking]:
        """The tracking shown: the saved one, or the one that could not be saved yet."""
        return self._unsaved if self._unsaved is not None else dict(self.assessment.tracking)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            f"The action plan of {local_date(self.assessment.created)}: pick an action and "
            "press Enter to give it an owner, a due date and a status.",
            classes="hint",
            markup=False,
        )
        yield OptionList(*self._options(), id="actions")
        yield from foot(
            [Button("Back", id="back-button")],
            [Button("Owner and date", id="edit-button", variant="primary")],
            Static(f"Saved in {shown_path(self.path)}.", id="saved-line", markup=False),
        )

    def _options(self) -> list[Option | None]:
        """Each action, a line between each two."""
        today, tracking = self.app.clock().astimezone().date(), self.tracking
        options: list[Option | None] = []
        for action in self.assessment.result.actions:
            options += [None] if options else []
            options.append(
                action_option(action, tracking.get(action_key(action), UNTRACKED), today)
            )
        return options

    def on_mount(self) -> None:
        self.query_one("#actions").focus()

    @on(Button.Pressed, "#back-button")
    def action_close(self) -> None:
        """Back to the result; first, if the last change could not be saved, ask."""
        if self._unsaved is None:
            self.dismiss()
            return
        self.app.push_screen(
            ConfirmDialog(
                "Your last change to the actions could not be saved. Go back without it?",
                yes="Go back without it",
                no="Stay",
            ),
            callback=self._leave_if,
        )

    def _leave_if(self, leave: bool | None) -> None:
        if leave:
            self.dismiss()

    @on(OptionList.OptionSelected, "#actions")
    @on(Button.Pressed, "#edit-button")
    def action_edit(self) -> None:
        actions = self.query_one("#actions", OptionList)
        chosen = actions.highlighted_option
        if chosen is None or chosen.id is None:
            return
        key = chosen.id
        action = next(a for a in self.assessment.result.actions if action_key(a) == key)
        self.app.push_screen(
            TrackingDialog(action, self.tracking.get(key, UNTRACKED)),
            callback=lambda tracked: self._tracked(key, tracked),
        )

    def _tracked(self, key: str, tracked: Tracking | None) -> None:
        if tracked is None or tracked == self.tracking.get(key, UNTRACKED):
            return
        self._unsaved = {**self.tracking, key: tracked}
        self._show()
        self.save(self._unsaved)

    def _show(self) -> None:
        actions = self.query_one("#actions", OptionList)
        highlighted = actions.highlighted
        actions.set_options(self._options())
        actions.highlighted = highlighted

    @work(thread=True, exclusive=True, group="tracking", exit_on_error=False)
    def save(self, tracking: dict[str, Tracking]) -> Assessment:
        from consortium_ready.reports.saving import save_tracking

        return save_tracking(self.path, self.assessment, tracking, self.bank, self.previous)

    @on(Worker.StateChanged)
    def _saved(self, event: Worker.StateChanged) -> None:
        line = self.query_one("#saved-line", Static)
        if event.state == WorkerState.SUCCESS:
            self.assessment, self._unsaved = cast("Assessment", event.worker.result), None
            self._told(self.assessment)
            line.update(f"Saved in {shown_path(self.path)}, and its reports made again.")
            line.set_class(False, "-unsaved")
        elif event.state == WorkerState.ERROR:
            error = event.worker.error
            if not isinstance(error, OSError):
                raise error or RuntimeError("saving failed")
            line.update(
                f"Not saved: {shown_path(self.path)} cannot be written "
                f"({error.strerror or error}). Your change stays here; make another to try again."
            )
            line.set_class(True, "-unsaved")
