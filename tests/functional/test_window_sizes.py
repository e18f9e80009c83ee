"""The screens at 80x24 and 100x30: what says where you are, the review, the saved files."""

from __future__ import annotations

import re

import pytest

from consortium_ready.tui.screens.result import ResultScreen
from tests.functional.helpers import SMALL, click, press, screen_lines, settle, shown, under_way

MIDDLE = (100, 30)
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
