"""About your organisation: name, expected role, the consortium's stage and kind, name, deadline."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Header, Input, RadioSet, Static

from consortium_ready.domain.profilefields import KINDS, ROLES, STAGES
from consortium_ready.session.wording import KIND_HINT, REBIDDING_LABEL, ROLE_HINT, STAGE_HINT
from consortium_ready.tui import guides
from consortium_ready.tui.screens.base import WorkScreen, foot
from consortium_ready.tui.widgets.marks import RadioChoice, TickBox

INTRO = (
    "Tell us about your organisation and its consortium. The questions that follow depend "
    "on your answers here. Move between boxes with Tab, or click them."
)
FIELDS = ("organisation", "role", "stage", "kind", "consortium", "tender_deadline")
TEXT_FIELDS = ("organisation", "consortium", "tender_deadline")
NEXT_FIELD = {"organisation": "role", "consortium": "tender_deadline"}


class ProfileScreen(WorkScreen):
    """The organisation's details, each checked where it is typed."""

    CSS_PATH = "profile.tcss"
    HELP = guides.PROFILE
    HELP_KEYS = guides.PROFILE_KEYS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="back"),
    ]

    def __init__(self, intro: str | None = None) -> None:
        super().__init__()
        self._intro = intro

    def compose(self) -> ComposeResult:
        draft = self.session.draft.profile
        yield Header()
        with VerticalScroll(id="form"):
            yield Static("About your organisation", classes="title")
            yield Static(self._intro or INTRO, classes="hint", markup=False)
            yield from self._field(
                "organisation",
                "Your organisation's name",
                Input(draft.organisation, id="organisation", max_length=300),
            )
            yield from self._field(
                "role",
                "The role your organisation expects in the consortium",
                self._choice("role", ROLES.items(), draft.role),
                ROLE_HINT,
            )
            yield from self._field(
                "stage",
                "How far the consortium has got",
                self._choice("stage", STAGES.items(), draft.stage),
                STAGE_HINT,
            )
            yield TickBox(REBIDDING_LABEL, draft.rebidding, id="rebidding")
            yield from self._field(
                "kind",
                "What kind of consortium it is",
                self._choice("kind", KINDS.items(), draft.kind),
                KIND_HINT,
            )
            yield from self._field(
                "consortium",
                "The consortium's name, if it has one",
                Input(draft.consortium, id="consortium", max_length=300),
            )
            yield from self._field(
                "tender_deadline",
                "The tender deadline, if you know it",
                Input(
                    draft.tender_deadline,
                    id="tender_deadline",
                    placeholder="day/month/year, for example 31/03/2027",
                ),
            )
        yield from foot(
            [Button("Back", id="back-button")],
            [Button("Continue to the questions", id="continue-button", variant="primary")],
        )

    @staticmethod
    def _field(name: str, label: str, box: Widget, hint: str = "") -> Iterator[Widget]:
        """A labelled box, an optional hint, and the place its problem is shown."""
        yield Static(label, classes="label")
        yield box
        if hint:
            yield Static(hint, classes="hint", markup=False)
        yield Static(id=f"{name}-problem", classes="problem")

    @staticmethod
    def _choice(name: str, choices: Iterable[tuple[str, str]], chosen: str | None) -> RadioSet:
        """A button for each (value, label), the one `chosen` pressed."""
        return RadioSet(
            *(
                RadioChoice(label, value=chosen == value, id=f"{name}-{value}")
                for value, label in choices
            ),
            id=name,
        )

    def on_mount(self) -> None:
        self._show_rebidding()
        self.query_one("#organisation", Input).focus()

    def _show_rebidding(self) -> None:
        """Only a consortium that is delivering can also be bidding again."""
        self.query_one("#rebidding").display = self.session.draft.profile.stage == "delivering"

    def _show_problem(self, field: str, only_if_shown: bool = False) -> None:
        """Show (or clear) the problem with one field, right below it."""
        shown = self.query_one(f"#{field}-problem", Static)
        if only_if_shown and not shown.has_class("-shown"):
            return
        message = self.session.draft.profile.problems().get(field, "")
        shown.update(message)
        shown.set_class(bool(message), "-shown")
        if message:
            shown.scroll_visible()

    @on(Input.Changed, ", ".join(f"#{field}" for field in TEXT_FIELDS))
    def _typed(self, event: Input.Changed) -> None:
        field = event.input.id or ""
        self.session.update_profile(**{field: event.value})
        self._show_problem(field, only_if_shown=True)

    @on(Input.Blurred)
    def _left(self, event: Input.Blurred) -> None:
        if event.input.id in TEXT_FIELDS and event.value.strip():
            self._show_problem(event.input.id)

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        """Enter moves to the box after this one (the same one however often it is pressed)."""
        following = NEXT_FIELD.get(event.input.id or "")
        if following is None:
            self.action_continue()
        else:
            self.query_one(f"#{following}").focus()

    @on(RadioSet.Changed)
    def _picked(self, event: RadioSet.Changed) -> None:
        field = event.radio_set.id or ""
        value = (event.pressed.id or "").removeprefix(f"{field}-")
        self.session.update_profile(**{field: value})
        self._show_problem(field)
        self._show_rebidding()

    @on(Checkbox.Changed, "#rebidding")
    def _rebidding(self, event: Checkbox.Changed) -> None:
        self.session.update_profile(rebidding=event.value)

    @on(Button.Pressed, "#continue-button")
    def action_continue(self) -> None:
        problems = self.session.draft.profile.problems()
        for field in FIELDS:
            self._show_problem(field)
        if problems:
            first = next(iter(problems))
            self.query_one(f"#{first}").focus()
            self.query_one(f"#{first}-problem").scroll_visible(animate=False)
            return
        self.app.open_question(self.session.draft.current)

    @on(Button.Pressed, "#back-button")
    def action_back(self) -> None:
        self.app.back_to_start()
