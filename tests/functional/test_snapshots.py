"""What each screen looks like at 80x24 and 130x40, and a window too small (textual-snapshot).

Review a changed snapshot in snapshot_report.html before accepting it with
`pytest tests/functional/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from consortium_ready.domain.bank import Bank
from consortium_ready.domain.profile import Profile
from consortium_ready.store.drafts import Draft, ProfileDraft, save_draft
from consortium_ready.store.files import draft_path
from tests.functional.helpers import NOW, SMALL, WIDE, press, save_run, settle, start_new, still

HARROW = Profile(organisation="Harrow CVS", role="lead", stage="bidding")


def earlier_assessment(reports: Path, bank: Bank) -> None:
    """An assessment Harrow CVS saved in January, to compare with."""
    save_run(
        reports,
        bank,
        HARROW,
        {
            "guarantor": "no",
            "guarantor-plan": "talks",
            "agreement-status": "none",
            "weeks-to-deadline": 3,
            "specification-access": "all",
        },
        NOW.replace(month=1),
    )


def two_assessments(reports: Path, bank: Bank) -> None:
    """Harrow CVS in January, and again in March with a lead agreed and more time."""
    earlier_assessment(reports, bank)
    save_run(
        reports,
        bank,
        HARROW,
        {
            "guarantor": "yes",
            "lead-can-guarantee": "partly",
            "agreement-status": "draft",
            "weeks-to-deadline": 8,
            "specification-access": "all",
        },
    )


def a_draft_and_an_earlier_assessment(reports: Path, bank: Bank) -> None:
    earlier_assessment(reports, bank)
    save_draft(
        draft_path(reports),
        Draft(
            saved=NOW,
            profile=ProfileDraft.of(HARROW),
            answers={"guarantor": "yes"},
            current="guarantor",
        ),
    )


async def profile_with_problems(pilot: Pilot) -> None:
    await settle(pilot)
    await press(pilot, "enter")
    pilot.app.screen.query_one("#tender_deadline").value = "31/13/2027"
    await press(pilot, "tab", "enter")
    await pilot.click("#continue-button")


async def question_with_a_note(pilot: Pilot) -> None:
    await start_new(pilot)
    await press(pilot, "2", "enter", "1", "enter", "2", "enter", "2", "n")
    await pilot.press(*"Minutes [draft 3]")
    await press(pilot, "enter")


async def help_over_a_question(pilot: Pilot) -> None:
    await start_new(pilot)
    await press(pilot, "f1")


async def review_with_gaps(pilot: Pilot) -> None:
    await start_new(pilot)
    await press(pilot, "3", "enter", "2", "enter", "f")


async def result_with_flags(pilot: Pilot) -> None:
    await start_new(pilot)
    await press(
        pilot, "2", "enter", "2", "enter", "2", "enter", "1", "enter", "1", "enter", "enter"
    )
    await pilot.press("3")
    await press(pilot, "enter", "3", "f", "r")
    if pilot.app.size.width < WIDE[0]:
        report = pilot.app.screen.query_one("#report")
        report.scroll_to_widget(report.query_one("#change-note"), animate=False, top=True)


async def case_study(pilot: Pilot) -> None:
    await settle(pilot)
    pilot.app.open_case("leeds")


async def one_marked(pilot: Pilot) -> None:
    await settle(pilot)
    pilot.app.open_history()
    await settle(pilot)
    await press(pilot, "down", "m")


async def comparison(pilot: Pilot) -> None:
    await one_marked(pilot)
    await press(pilot, "up", "m")


Before = Callable[[Path, Bank], None]
Steps = Callable[[Pilot], Awaitable[None]]
SCREENS: dict[str, tuple[Before | None, Steps]] = {
    "start-with-every-choice": (a_draft_and_an_earlier_assessment, settle),
    "profile-with-problems-in-place": (None, profile_with_problems),
    "question-with-anchors-reasons-lessons-and-a-note": (None, question_with_a_note),
    "help-over-a-question": (None, help_over_a_question),
    "review-of-what-is-left": (None, review_with_gaps),
    "result-with-flags-bars-and-change": (earlier_assessment, result_with_flags),
    "case-study": (None, case_study),
    "history-with-one-marked-to-compare": (two_assessments, one_marked),
    "comparison-of-two-assessments": (two_assessments, comparison),
}


@pytest.mark.parametrize("size", [SMALL, WIDE], ids=["80x24", "130x40"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen(snap_compare, make_app, reports, tui_bank, screen, size):
    before, steps = SCREENS[screen]
    if before is not None:
        before(reports, tui_bank)

    async def run_before(pilot: Pilot) -> None:
        await steps(pilot)
        await still(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


def test_a_window_too_small(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(60, 20), run_before=still)
