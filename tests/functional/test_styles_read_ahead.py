"""Every screen's styles are read while the start screen is read, so that no window or
screen opened later makes Textual parse the whole stylesheet again; and, read together,
each screen's styles stay within it."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest
from textual.app import App
from textual.css.model import SelectorType
from textual.css.stylesheet import Stylesheet
from textual.screen import ModalScreen, Screen

import consortium_ready.tui.screens
from consortium_ready.tui.styles import SCREEN_STYLES
from tests.functional.helpers import press, settle, under_way


def _screens() -> list[type[Screen[object]]]:
    """Every screen the program defines, its modules imported."""
    package = consortium_ready.tui.screens
    for module in pkgutil.iter_modules(package.__path__, f"{package.__name__}."):
        importlib.import_module(module.name)
    found, waiting = [], [Screen]
    while waiting:
        for screen in waiting.pop().__subclasses__():
            waiting.append(screen)
            if screen.__module__.startswith("consortium_ready."):
                found.append(screen)
    return found


def test_every_screens_styles_are_among_those_read_ahead() -> None:
    named = {
        (Path(inspect.getfile(screen)).parent / screen.CSS_PATH).resolve()
        for screen in _screens()
        if isinstance(screen.CSS_PATH, str)  # their own, not a list or the app's
    }
    assert named  # the screens were found
    assert named <= set(SCREEN_STYLES)


def test_each_screens_styles_name_the_screen_they_are_for() -> None:
    """A rule begins with a screen's name, or with an id only one screen's module gives: read
    with every other screen's, `#themes` for the consortium's table also stretched the list
    in the window of themes."""
    screens = {screen.__name__ for screen in _screens()} | {ModalScreen.__name__}
    modules = [
        path.read_text() for path in Path(consortium_ready.tui.screens.__file__).parent.glob("*.py")
    ]
    stylesheet = Stylesheet(variables=App().get_css_variables())
    stylesheet.read_all(SCREEN_STYLES)
    reaching_out = []
    for rule in stylesheet.rules:
        for selectors in rule.selector_set:
            first = selectors.selectors[0]
            a_screen = first.type == SelectorType.TYPE and first.name in screens
            own_id = (
                first.type == SelectorType.ID
                and sum(f'id="{first.name}"' in module for module in modules) == 1
            )
            if not (a_screen or own_id):
                reaching_out.append(selectors.css)
    assert reaching_out == []


async def test_windows_and_screens_open_without_the_styles_parsed_again(
    make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed_again: list[Stylesheet] = []
    reparse = Stylesheet.reparse

    def counted(stylesheet: Stylesheet) -> None:
        parsed_again.append(stylesheet)
        reparse(stylesheet)

    monkeypatch.setattr(Stylesheet, "reparse", counted)
    async with under_way(make_app()) as pilot:
        app = pilot.app
        await press(pilot, "t", "escape", "n", "escape", "f1", "escape")
        app.open_case()
        await settle(pilot)
        await press(pilot, "escape", "f")
        app.open_result()
        await settle(pilot)
        assert type(app.screen).__name__ == "ResultScreen"
    assert parsed_again == []
