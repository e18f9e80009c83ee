"""Small windows over a screen: help, a yes-or-no question, a note, a folder, a theme to jump to.

Each has its own key list at the foot of the window, so that the keys of the screen
underneath (which do nothing while it is open) are not what it shows.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, TypeVar

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Footer, Input, OptionList, Static

from consortium_ready.tui import guides
from consortium_ready.tui.text import literal
from consortium_ready.tui.widgets.buttonrow import ButtonRow
from consortium_ready.tui.widgets.menu import Menu

if TYPE_CHECKING:
    from consortium_ready.domain.questionnaire import ThemeProgress

Answer = TypeVar("Answer")


class Dialog(ModalScreen[Answer]):
    """A window over the current screen: what it says (scrolling if the window is short),
    a row of buttons always in view, and its keys below; Escape closes it without an answer."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Close", id="close"),
    ]
    READ_WITH_KEYS = False
    """Whether the words take the focus, so that the arrow keys scroll them."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            with VerticalScroll(classes="dialog-body", can_focus=self.READ_WITH_KEYS):
                yield from self.body()
            with ButtonRow(classes="buttons"):
                yield from self.buttons()
        yield Footer(show_command_palette=False)

    def body(self) -> ComposeResult:
        """What the window says and asks."""
        yield from ()

    def buttons(self) -> ComposeResult:
        """The buttons at its foot, left to right."""
        yield Button("Close", id="close", variant="primary")

    @on(Button.Pressed, "#cancel, #close")
    def action_cancel(self) -> None:
        self.dismiss(None)


def _keys_table(keys: guides.Keys) -> Table:
    """The keys in one column, what each does beside them, wrapped in its own column: one
    widget for them all (a widget for each cell made the help slow to open)."""
    table = Table.grid(padding=(0, 2), expand=True)
    table.add_column(style="bold", no_wrap=True)
    table.add_column(ratio=1)
    for key, meaning in keys:
        table.add_row(Text(key), Text(meaning))
    return table


class HelpDialog(Dialog[None]):
    """What the screen underneath is for, and its keys, in words."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter", "cancel", "Close", id="close"),
    ]
    READ_WITH_KEYS = True

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self._guide: str = screen.HELP or ""
        self._keys: guides.Keys = getattr(screen, "HELP_KEYS", ())

    def body(self) -> ComposeResult:
        yield Static("Help", classes="title")
        if self._guide:
            yield Static(self._guide, markup=False)
        yield Static("Keys you can use here", classes="heading")
        yield Static(_keys_table((*self._keys, *guides.EVERYWHERE)), id="keys")
        yield Static(
            "The mouse works too: click a choice or a button. To close this help, press "
            "Escape or Enter, or click Close.",
            classes="hint",
        )

    def on_mount(self) -> None:
        self.query_one(".dialog-body").focus()


class ConfirmDialog(Dialog[bool]):
    """A yes-or-no question, with both answers spelt out on the buttons."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="close"),
    ]

    def __init__(self, question: str, yes: str, no: str) -> None:
        super().__init__()
        self._question, self._yes, self._no = question, yes, no

    def body(self) -> ComposeResult:
        yield Static(self._question, markup=False)

    def buttons(self) -> ComposeResult:
        yield Button(self._yes, id="yes", variant="warning")
        yield Button(self._no, id="no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#no").focus()

    @on(Button.Pressed, "#yes, #no")
    def _answered(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")


class UnsavedDialog(Dialog[str]):
    """Quitting while the answers cannot be written: save elsewhere, quit anyway, or stay."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Stay", id="close"),
    ]

    def body(self) -> ComposeResult:
        yield Static("Your latest answers could not be saved", classes="title")
        yield Static(
            "The reports folder cannot be written to, so if you quit now the answers you "
            "gave since the last successful save are lost. Save them in another folder "
            "first, or stay and try again later.",
            markup=False,
        )

    def buttons(self) -> ComposeResult:
        yield Button("Save in another folder", id="elsewhere", variant="primary")
        yield Button("Quit without saving", id="quit", variant="error")
        yield Button("Stay", id="stay")

    def on_mount(self) -> None:
        self.query_one("#elsewhere").focus()

    @on(Button.Pressed, "#elsewhere, #quit, #stay")
    def _chosen(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)


class InputDialog(Dialog[Answer]):
    """A box to type in, with a button to accept what is typed and one to cancel."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="close"),
    ]
    ACCEPT = "OK"
    placeholder = ""

    def __init__(self, value: str) -> None:
        super().__init__()
        self._value = value

    def explain(self) -> ComposeResult:
        """The title and the words above the box."""
        yield from ()

    def body(self) -> ComposeResult:
        yield from self.explain()
        yield Input(self._value, id="typed-in", placeholder=self.placeholder)
        yield Static("", id="typed-in-problem", classes="problem")

    def buttons(self) -> ComposeResult:
        yield Button(self.ACCEPT, id="accept", variant="primary")
        yield Button("Cancel", id="cancel")

    @property
    def typed(self) -> str:
        """What is in the box now."""
        return self.query_one("#typed-in", Input).value

    @on(Input.Submitted, "#typed-in")
    @on(Button.Pressed, "#accept")
    def _accept(self) -> None:
        try:
            self.dismiss(self.accept(self.typed))
        except ValueError as problem:
            self.query_one("#typed-in-problem", Static).update(str(problem))

    def accept(self, typed: str) -> Answer:
        """What the dialog answers for the text typed; ValueError (shown) if it will not do."""
        raise NotImplementedError


class FolderDialog(InputDialog[Path]):
    """Ask for a folder to save in instead of one that cannot be written."""

    ACCEPT = "Save here"

    def __init__(self, current: Path) -> None:
        from consortium_ready.tui.text import home_folder

        super().__init__(str(home_folder()))
        self._current = current

    def explain(self) -> ComposeResult:
        from consortium_ready.tui.text import shown_path

        yield Static("Save in another folder", classes="title")
        yield Static(
            f"Your answers cannot be saved in {shown_path(self._current)}. Type the folder "
            "to save them in instead (it is created if it does not exist), then press "
            "Enter. Everything from now on is saved there.",
            markup=False,
        )

    def accept(self, typed: str) -> Path:
        if not typed.strip():
            raise ValueError("Type a folder name.")
        return Path(typed.strip()).expanduser()


class NoteDialog(InputDialog[str]):
    """An evidence note for one answer: what shows it, where it is kept."""

    ACCEPT = "Keep the note"
    placeholder = "For example: minutes of the partners' meeting, 3 March"

    def __init__(self, question: str, note: str, evidence: str | None) -> None:
        super().__init__(note)
        self._question, self._evidence = question, evidence

    def explain(self) -> ComposeResult:
        yield Static("Add a note to this answer", classes="title")
        yield Static(literal(self._question))
        if self._evidence:
            yield Static(
                Content.assemble(
                    ("A commissioner may ask to see: ", "bold"), literal(self._evidence)
                )
            )
        yield Static(
            "Press Enter to keep the note, or Escape to leave it as it was. Empty "
            "the box to remove the note.",
            classes="hint",
        )

    def accept(self, typed: str) -> str:
        return typed


class ThemeDialog(Dialog[str]):
    """The themes, how far each has got, and a way to jump to one."""

    def __init__(self, themes: list[ThemeProgress], current: str | None) -> None:
        super().__init__()
        self._themes, self._current = themes, current

    def body(self) -> ComposeResult:
        from consortium_ready.tui.widgets.themes import theme_option

        yield Static("Go to a theme", classes="title")
        yield Static(
            "Pick a theme with the arrow keys and press Enter, or click it.", classes="hint"
        )
        yield Menu(*(theme_option(theme) for theme in self._themes), id="themes")

    def on_mount(self) -> None:
        themes = self.query_one("#themes", OptionList)
        if self._current is not None:
            themes.highlighted = themes.get_option_index(self._current)
        themes.focus()

    @on(OptionList.OptionSelected, "#themes")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
