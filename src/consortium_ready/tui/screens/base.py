"""What the screens share: the app (as a `Host`), its bank and session, and two kinds of screen."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Static

from consortium_ready.tui.guides import Keys
from consortium_ready.tui.widgets.buttonrow import ButtonRow
from consortium_ready.tui.widgets.footer import SteadyFooter

if TYPE_CHECKING:
    from textual import getters

    from consortium_ready.domain.bank import Bank
    from consortium_ready.session.session import Session
    from consortium_ready.tui.host import HostApp


class AppScreen(Screen[None]):
    """A screen of this app, with typed access to it."""

    HELP_KEYS: ClassVar[Keys] = ()
    """The keys its help lists, in words (`HELP` says what it is for)."""

    if TYPE_CHECKING:
        app = getters.app(HostApp)

    @property
    def bank(self) -> Bank:
        bank = self.app.bank
        assert bank is not None, "screens past the start open once the bank is loaded"
        return bank

    @property
    def session(self) -> Session:
        session = self.app.session
        assert session is not None, "an assessment is under way on this screen"
        return session


class WorkScreen(AppScreen):
    """A step of the assessment (details, questions, review, result); one shows at a time."""

    def keep_typed(self) -> None:
        """Record what is typed here but not yet entered, as the program quits (a screen with
        a box for an answer says how)."""


class Overlay(AppScreen):
    """Something to read (case studies, saved assessments) opened on top; Escape closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back", id="back"),
    ]

    def action_close(self) -> None:
        self.dismiss()


def foot(
    left: Sequence[Button], right: Sequence[Button], note: Widget | None = None
) -> ComposeResult:
    """The foot of a screen: an optional line, the buttons (the next step on the right), the keys.

    It stays in view however the screen above it scrolls.
    """
    with Vertical(classes="buttons"):
        if note is not None:
            yield note
        with ButtonRow():
            yield from left
            yield Static(classes="push")
            yield from right
    yield SteadyFooter()
