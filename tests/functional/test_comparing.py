"""Comparing two saved assessments from the list of saved assessments.

Harrow CVS saves an assessment in January with no lead agreed and three weeks
to the deadline (two red flags), and another in March with a lead and eight
weeks. With the test bank, that moves the overall score from 22 (Not ready) to
61 (Nearly ready) and "Lead body and guarantor" from 20 to 100.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.pilot import Pilot

from consortium_ready.content.loader import load_bank
from consortium_ready.domain.profile import Profile
from consortium_ready.tui.app import ConsortiumReadyApp
from consortium_ready.tui.screens.comparison import ComparisonScreen
from consortium_ready.tui.screens.dialogs import ConfirmDialog
from consortium_ready.tui.screens.history import HistoryScreen
from consortium_ready.tui.screens.result import SavedResultScreen
from consortium_ready.tui.widgets.bars import ThemeBars
from tests.functional.helpers import (
    NOW,
    QUESTIONS,
    SEEDS,
    WIDE,
    click,
    press,
    save_run,
    screen_text,
    settle,
    shown,
    under_way,
    use_the_palette,
)

HARROW = Profile(organisation="Harrow CVS", role="partner", stage="bidding")
JANUARY = NOW.replace(month=1)
EARLIER = {
    "guarantor": "no",
    "guarantor-plan": "talks",
    "agreement-status": "none",
    "weeks-to-deadline": 3,
    "specification-access": "all",
}
LATER = {
    "guarantor": "yes",
    "agreement-status": "draft",
    "weeks-to-deadline": 8,
    "specification-access": "all",
}


@pytest.fixture
def two_runs(reports, tui_bank) -> None:
    """Harrow CVS in January and in March; the list shows March first."""
    save_run(reports, tui_bank, HARROW, EARLIER, JANUARY)
    save_run(reports, tui_bank, HARROW, LATER)


@asynccontextmanager
async def in_history(app: ConsortiumReadyApp, size: tuple[int, int] = WIDE) -> AsyncIterator[Pilot]:
    """The app (at 130x40 unless told), showing the list of saved assessments."""
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        app.open_history()
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        yield pilot


def on_screen(pilot: Pilot) -> str:
    """What the screen shows, its runs of spaces made one."""
    return " ".join(screen_text(pilot).split())


def comparison_text(pilot: Pilot) -> str:
    """Everything the comparison says, scrolled into view or not, a line per widget."""
    screen = pilot.app.screen
    assert isinstance(screen, ComparisonScreen)
    return "\n".join(shown(widget) for widget in screen.query("#comparison > *"))


def theme_line(pilot: Pilot, title: str) -> str:
    """A theme's line of the bars (one line each at 130 columns)."""
    bars = shown(pilot.app.screen.query_one(ThemeBars)).splitlines()
    return " ".join(next(line for line in bars if line.startswith(title)).split())


async def test_marking_two_shows_what_changed_with_the_earlier_as_before(make_app, two_runs):
    async with in_history(make_app()) as pilot:
        app = pilot.app
        await press(pilot, "m")  # March, the later one, first
        assert "[x] Harrow CVS (marked to compare)" in on_screen(pilot)
        assert "Marked: Harrow CVS, 12 March 2027 at 14:05" in shown(
            app.screen.query_one("#compare-hint")
        )
        assert "Compare with marked" not in on_screen(pilot), "not on the marked one itself"
        await press(pilot, "down")
        assert "m Compare with marked" in on_screen(pilot)
        await press(pilot, "m")
        assert isinstance(app.screen, ComparisonScreen)
        text = comparison_text(pilot)
        assert "What changed: Harrow CVS" in text
        assert "Before: 12 January 2027, 14:05\nAfter:  12 March 2027, 14:05" in text
        assert "Not ready, 22 out of 100 → Nearly ready, 61 out of 100  ▲ +39" in text
        assert theme_line(pilot, "Lead body and guarantor").endswith("20 → 100 Ready ▲ +80")
        assert theme_line(pilot, "Written agreements").endswith("0 → 30 Not ready ▲ +30")
        assert (
            "Cleared (2)\n• No partner is ready to be lead body and guarantor\n"
            "• Less than six weeks to put the bid together\nRaised (0): none\n"
            "Still raised (0): none"
        ) in text
        assert "Done (3)" in text and "New (0): none" in text
        assert (
            "Has one organisation agreed to hold the contract and guarantee the other "
            "partners?\nNo (0) → Yes (100)  ▲ +100" in text
        )
        assert "a written agreement [between all partners]?" in text, "bank text is literal"
        assert "Note:" not in text
        await press(pilot, "escape")
        assert isinstance(app.screen, HistoryScreen)
        assert "[x]" not in on_screen(pilot), "the mark is gone once the two are compared"


async def test_enter_on_a_second_compares_and_on_the_marked_one_opens_it(make_app, two_runs):
    async with in_history(make_app()) as pilot:
        app = pilot.app
        await press(pilot, "down", "m", "enter")
        assert isinstance(app.screen, SavedResultScreen), "Enter on the marked one opens it"
        await press(pilot, "escape", "up", "enter")
        assert isinstance(app.screen, ComparisonScreen)
        assert "Before: 12 January 2027" in comparison_text(pilot)


async def test_marks_come_off_with_m_or_escape_and_then_escape_goes_back(make_app, two_runs):
    async with in_history(make_app()) as pilot:
        app = pilot.app
        await press(pilot, "m", "m")
        assert "[x]" not in on_screen(pilot)
        await press(pilot, "m")
        assert "esc Unmark" in on_screen(pilot)
        await press(pilot, "escape")
        assert isinstance(app.screen, HistoryScreen) and "[x]" not in on_screen(pilot)
        assert "To compare two, press m on each" in shown(app.screen.query_one("#compare-hint"))
        await press(pilot, "escape")
        assert not isinstance(app.screen, HistoryScreen)


async def test_the_mouse_marks_with_the_box_and_compares_with_a_click(make_app, two_runs):
    async with in_history(make_app()) as pilot:
        app = pilot.app
        # Inside the list's border and padding: each assessment takes two lines, box first.
        await click(pilot, "#saved", offset=(4, 3))
        assert isinstance(app.screen, HistoryScreen), "the box marks; it does not open"
        assert "[x] Harrow CVS" in on_screen(pilot)
        await click(pilot, "#saved", offset=(30, 1))
        assert isinstance(app.screen, ComparisonScreen)
        assert "▲ +39" in comparison_text(pilot)


async def test_p_compares_with_the_one_before_where_there_is_one(make_app, two_runs):
    async with in_history(make_app()) as pilot:
        app = pilot.app
        await press(pilot, "down")
        assert "Compare with previous" not in on_screen(pilot), "January is the first"
        await press(pilot, "p")
        assert isinstance(app.screen, HistoryScreen)
        await press(pilot, "up", "p")
        assert isinstance(app.screen, ComparisonScreen)
        assert "Before: 12 January 2027" in comparison_text(pilot)


async def test_two_organisations_are_compared_with_a_note_saying_so(make_app, reports, tui_bank):
    leeds = Profile(organisation="Leeds [DISC]", role="lead", stage="bidding")
    save_run(reports, tui_bank, leeds, LATER)
    save_run(reports, tui_bank, HARROW, EARLIER, JANUARY)
    async with in_history(make_app()) as pilot:
        await press(pilot, "m", "down", "m")
        text = comparison_text(pilot)
        assert "What changed between two organisations" in text
        assert "Before: Harrow CVS, 12 January 2027, 14:05" in text
        assert "After:  Leeds [DISC], 12 March 2027, 14:05" in text
        assert (
            "Note: These are assessments of two organisations: “Harrow CVS” and “Leeds [DISC]”."
        ) in text


def changed_bank(folder: Path) -> Path:
    """The test bank as version 0.2.0, without its note about the agreement, and with a
    question it lacks."""
    questions = shutil.copytree(QUESTIONS, folder / "questions")
    bank = questions / "bank.yaml"
    bank.write_text(bank.read_text().replace("version: 0.1.0", "version: 0.2.0"))
    agreements = questions / "themes" / "02-agreements.yaml"
    text = agreements.read_text()
    agreements.write_text(text[: text.index("  - id: agreement-notes")])
    with (questions / "themes" / "03-bid.yaml").open("a") as bid:
        bid.write("""
  - id: partners-met
    kind: yes_no
    text: Have all the partners met in person?
    weight: 1
    why: Lancashire's partners found bidding took more time than anyone expected.
    cites: [lancashire.more-time-than-expected]
    action: Arrange a meeting of all the partners.
    options:
      - value: "yes"
        label: "Yes"
        score: 100
        anchor: Every partner has been to a meeting.
      - value: "no"
        label: "No"
        score: 0
        anchor: Some partners have never met.
""")
    return questions


async def test_a_changed_question_bank_is_explained(make_app, reports, tui_bank, here):
    earlier_bank = load_bank(changed_bank(here / "earlier"), SEEDS)
    save_run(reports, earlier_bank, HARROW, {**EARLIER, "partners-met": "yes"}, JANUARY)
    save_run(reports, tui_bank, HARROW, {**LATER, "agreement-notes": "Draft [v2] with the lead"})
    async with in_history(make_app()) as pilot:
        await press(pilot, "p")
        text = comparison_text(pilot)
        assert re.search(
            r"Note: The question bank changed between the runs \(version 0\.2\.0, "
            r"then 0\.1\.0\): 1 question only in "
            r"the later run, 1 only in the earlier; answers are compared on the "
            r"\d+ questions both hold\.",
            text,
        )
        assert (
            "Added to the question bank (1)\n• Anything else about your agreement that the "
            "report should mention? (agreement-notes)"
        ) in text
        assert "Removed from the question bank (1)\n• partners-met (no longer in the bank)" in text
        assert (
            "Before: 12 January 2027, 14:05 (Consortium readiness (test bank), version "
            "0.2.0)\nAfter:  12 March 2027, 14:05 (Consortium readiness (test bank), version "
            "0.1.0)"
        ) in text


async def test_a_file_gone_since_the_list_was_read_is_named(make_app, reports, two_runs):
    async with in_history(make_app()) as pilot:
        app, screen = pilot.app, pilot.app.screen
        screen.entries[1].path.unlink()
        await press(pilot, "p")
        assert isinstance(app.screen, HistoryScreen)
        assert any(
            "can no longer be read" in told and screen.entries[1].path.name in told
            for told in app.told
        )


async def test_the_palette_compares_the_organisations_last_two(make_app, reports, tui_bank):
    bracketed = HARROW.model_copy(update={"organisation": "Harrow [CVS]"})
    async with under_way(make_app(), organisation="Harrow [CVS]") as pilot:
        await use_the_palette(pilot, "compare the last two")
        assert isinstance(pilot.app.screen, HistoryScreen)
        assert (
            "Harrow [CVS] has 0 saved assessments in this folder; comparing needs two."
            in pilot.app.told
        )
        await press(pilot, "escape")
        save_run(reports, tui_bank, bracketed, EARLIER, JANUARY)
        save_run(reports, tui_bank, bracketed, LATER)
        await use_the_palette(pilot, "harrow [cvs]")
        assert isinstance(pilot.app.screen, ComparisonScreen)
        assert "What changed: Harrow [CVS]" in comparison_text(pilot)


async def test_delete_takes_an_assessment_out_of_history_into_the_bin(make_app, two_runs, reports):
    async with in_history(make_app()) as pilot:
        app = pilot.app
        await press(pilot, "delete")
        assert isinstance(app.screen, ConfirmDialog)
        await click(pilot, "#yes")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        assert len(app.screen.entries) == 1
        assert len(list((reports / ".bin").rglob("*.json"))) == 1
        assert len(list(reports.glob("*/*.json"))) == 1


async def test_an_answer_the_bank_does_not_offer_is_named_not_shown(make_app, reports, two_runs):
    """A saved file edited by hand to an answer its own bank never offered is refused, as the
    command line refuses it, rather than shown with a score that answer could not have."""
    async with in_history(make_app()) as pilot:
        app, screen = pilot.app, pilot.app.screen
        path = screen.entries[0].path
        path.write_text(
            path.read_text(encoding="utf-8").replace('"guarantor": "yes"', '"guarantor": "maybe"'),
            encoding="utf-8",
        )
        await press(pilot, "enter")
        assert isinstance(app.screen, HistoryScreen)
        assert any("can no longer be read" in told and path.name in told for told in app.told)
