"""The screens at 80x24 and 100x30, and what a window smaller than 80x24 shows instead."""

from __future__ import annotations

import re

import pytest

from consortium_ready.tui.screens.dialogs import ConfirmDialog, NoteDialog
from consortium_ready.tui.screens.question import QuestionScreen
from consortium_ready.tui.screens.result import ResultScreen
from consortium_ready.tui.screens.start import StartScreen
from consortium_ready.tui.sizing import TooSmallScreen
from tests.functional.helpers import SMALL, click, press, screen_lines, settle, shown, under_way

MIDDLE = (100, 30)
TOO_SMALL = (60, 20)
SIZES = pytest.mark.parametrize("size", [SMALL, MIDDLE], ids=["80x24", "100x30"])


def on_a_line(pilot, *parts: str) -> bool:
    """Whether one line of the screen holds every one of `parts`."""
    return any(all(part in line for part in parts) for line in screen_lines(pilot))


@SIZES
async def test_where_you_are_takes_a_line_each_and_never_wraps(make_app, size):
    async with under_way(make_app(), size=size, role="partner") as pilot:
        pilot.app.open_question("specification-access")
        await settle(pilot)
        assert any(
            re.fullmatch(r" Question \d of \d · 0 answered +━+ +0%", line)
            for line in screen_lines(pilot)
        )
        assert on_a_line(pilot, "Time and information for the bid · 0 of 3 answered")


@SIZES
async def test_the_review_opens_at_its_heading(make_app, size):
    async with under_way(make_app(), size=size, role="partner") as pilot:
        await press(pilot, "f")
        assert on_a_line(pilot, "Check your answers")
        assert on_a_line(pilot, "Not answered yet (6)")
        assert pilot.app.screen.focused.id == "unanswered"


@SIZES
async def test_saving_says_where_with_the_whole_path_and_nothing_covers_it(make_app, here, size):
    async with under_way(make_app(), size=size, role="partner") as pilot:
        app = pilot.app
        app.open_result(save=True)
        await settle(pilot)
        await click(pilot, "#yes")
        assert isinstance(app.screen, ResultScreen)
        line = shown(app.screen.query_one("#saved-line")).splitlines()
        assert line[0] == f"Saved in {here / 'reports' / 'harrow-cvs'}"
        assert on_a_line(pilot, "as 2027-03-12-140500.json, .html, .md and .csv.")
        assert on_a_line(pilot, "The .html and .md files are the report, to read, print or email.")
        assert not [told for told in app.told if "Saved" in told], "no notice over the names"


async def test_a_window_too_small_says_what_it_needs_and_then_all_comes_back(make_app):
    async with under_way(make_app(), role="partner") as pilot:
        app = pilot.app
        await press(pilot, "2", "n")
        await pilot.press(*"Minutes")
        await pilot.resize_terminal(*TOO_SMALL)
        await settle(pilot)
        assert isinstance(app.screen, TooSmallScreen)
        said = " ".join(line.strip() for line in screen_lines(pilot))
        assert "It is 60 characters wide and 20 lines high;" in said
        assert "it needs to be at least 80 characters wide and 24 lines high." in said
        await press(pilot, "escape", "f1", "ctrl+p", "enter")
        assert isinstance(app.screen, TooSmallScreen), "nothing underneath answers keys"
        await pilot.resize_terminal(*MIDDLE)
        await settle(pilot)
        assert isinstance(app.screen, NoteDialog)
        assert app.screen.query_one("#typed-in").value == "Minutes"
        await press(pilot, "enter")
        assert isinstance(app.screen, QuestionScreen)
        assert app.session.draft.answers == {"guarantor": "no"}
        assert app.session.draft.notes == {"guarantor": "Minutes"}


async def test_a_window_too_small_from_the_start(make_app):
    app = make_app()
    async with app.run_test(size=TOO_SMALL) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(*SMALL)
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        assert on_a_line(pilot, "Start a new assessment")
        await pilot.resize_terminal(79, 24)
        await settle(pilot)
        assert isinstance(app.screen, TooSmallScreen), "one column short is too small"


async def test_a_window_opened_while_too_small_waits_under_the_message(make_app):
    app = make_app()
    async with app.run_test(size=TOO_SMALL) as pilot:
        await settle(pilot)
        answers: list[bool | None] = []
        app.push_screen(ConfirmDialog("Sure?", yes="Yes", no="No"), answers.append)
        await settle(pilot)
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(*SMALL)
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await press(pilot, "escape")
        assert answers == [None]
        assert isinstance(app.screen, StartScreen), "the message that was under it went too"
