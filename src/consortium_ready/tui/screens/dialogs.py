"""Small windows over a screen: help, a yes-or-no question, a note, a folder, a theme to jump to."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Input, OptionList, Static

from consortium_ready.tui.text import literal

if TYPE_CHECKING:
    from consortium_ready.domain.questionnaire import ThemeProgress

Answer = TypeVar("Answer")


class Dialog(ModalScreen[Answer]):
    """A window over the current screen; Escape closes it without an answer."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Close", id="close"),
    ]

    @on(Button.Pressed, "#cancel, #close")
    def action_cancel(self) -> None:
        self.dismiss(None)


class HelpDialog(Dialog[None]):
    """What the screen underneath is for, and the keys that work on it."""

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self._guide = screen.HELP or ""
        self._keys: dict[str, str] = {}
        for active in screen.active_bindings.values():
            binding = active.binding
            if active.node in (screen, screen.app) and binding.description:
                self._keys.setdefault(binding.description, self.app.get_key_display(binding))

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Help", classes="title")
            with VerticalScroll():
                yield Static(self._guide, markup=False)
                yield Static("Keys you can use here", classes="heading")
                yield Static(
                    Content("\n").join(
                        Content.assemble((f"{key:>10}", "bold"), "  ", description)
                        for description, key in self._keys.items()
                    )
                )
                yield Static(
                    "The mouse works too: click a choice or a button. Press ctrl+p "
                    "for a list of everything you can do.",
                    classes="hint",
                )
            with Horizontal(classes="buttons"):
                yield Button("Close", id="close", variant="primary")


class ConfirmDialog(Dialog[bool]):
    """A yes-or-no question, with both answers spelt out on the buttons."""

    def __init__(self, question: str, yes: str, no: str) -> None:
        super().__init__()
        self._question, self._yes, self._no = question, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self._question, markup=False)
            with Horizontal(classes="buttons"):
                yield Button(self._yes, id="yes", variant="warning")
                yield Button(self._no, id="no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#no").focus()

    @on(Button.Pressed)
    def _answered(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")


class UnsavedDialog(Dialog[str]):
    """Quitting while the answers cannot be written: save elsewhere, quit anyway, or stay."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Your latest answers could not be saved", classes="title")
            yield Static(
                "The reports folder cannot be written to, so if you quit now the answers you "
                "gave since the last successful save are lost. Save them in another folder "
                "first, or stay and try again later.",
                markup=False,
            )
            with Horizontal(classes="buttons"):
                yield Button("Save in another folder", id="elsewhere", variant="primary")
                yield Button("Quit without saving", id="quit", variant="error")
                yield Button("Stay", id="stay")

    def on_mount(self) -> None:
        self.query_one("#elsewhere").focus()

    @on(Button.Pressed)
    def _chosen(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)


class InputDialog(Dialog[Answer]):
    """A box to type in, with a button to accept what is typed and one to cancel."""

    ACCEPT = "OK"
    placeholder = ""

    def __init__(self, value: str) -> None:
        super().__init__()
        self._value = value

    def explain(self) -> ComposeResult:
        """The title and the words above the box."""
        yield from ()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield from self.explain()
            yield Input(self._value, id="typed-in", placeholder=self.placeholder)
            yield Static("", id="typed-in-problem", classes="problem")
            with Horizontal(classes="buttons"):
                yield Button(self.ACCEPT, id="accept", variant="primary")
                yield Button("Cancel", id="cancel")

    @on(Input.Submitted, "#typed-in")
    @on(Button.Pressed, "#accept")
    def _accept(self) -> None:
        try:
            self.dismiss(self.accept(self.query_one("#typed-in", Input).value))
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

    def compose(self) -> ComposeResult:
        from consortium_ready.tui.widgets.themes import theme_option

        with Vertical(classes="dialog"):
            yield Static("Go to a theme", classes="title")
            yield Static(
                "Pick a theme with the arrow keys and press Enter, or click it.", classes="hint"
            )
            yield OptionList(*(theme_option(theme) for theme in self._themes), id="themes")

    def on_mount(self) -> None:
        themes = self.query_one("#themes", OptionList)
        if self._current is not None:
            themes.highlighted = themes.get_option_index(self._current)
        themes.focus()

    @on(OptionList.OptionSelected, "#themes")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
