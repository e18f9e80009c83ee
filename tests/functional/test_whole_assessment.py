"""A whole assessment from the keyboard, saved exactly as `consortium-ready assess` saves it."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import Input

from consortium_ready.cli import main
from consortium_ready.tui.screens.dialogs import NoteDialog
from consortium_ready.tui.screens.question import QuestionScreen
from consortium_ready.tui.screens.result import ResultScreen
from consortium_ready.tui.screens.review import ReviewScreen
from consortium_ready.tui.widgets.choices import AnswerChoices
from tests.functional.helpers import (
    QUESTIONS,
    SEEDS,
    click,
    drawn,
    note_shown,
    press,
    settle,
    shown,
    under_way,
)

EXPECTED_ANSWERS = {
    "guarantor": "no",
    "guarantor-plan": "plan",
    "lead-can-guarantee": "partly",
    "agreement-status": "signed",
    "solicitor-check": "no",
    "agreement-notes": "[Draft] 2",
    "weeks-to-deadline": 4,
    "specification-access": "dont-know",
    "support-used": ["funding", "training"],
}
EXPECTED_NOTES = {"lead-can-guarantee": "See [minutes]"}


def position(pilot) -> str:
    return shown(pilot.app.screen.query_one("#position"))


async def type_text(pilot, text: str) -> None:
    await pilot.press(*text)
    await settle(pilot)


async def test_a_whole_assessment_from_the_keyboard_saves_what_assess_saves(make_app, here):
    async with under_way(
        make_app(), organisation="Harrow CVS", role="lead", stage="bidding", typed=True
    ) as pilot:
        app = pilot.app
        assert isinstance(app.screen, QuestionScreen)
        assert position(pilot).startswith("Question 1 of 7")
        await press(pilot, "2")
        assert position(pilot).startswith("Question 1 of 8"), "the follow-up now counts"
        await press(pilot, "enter", "1", "enter")
        await press(pilot, "2", "n")
        await type_text(pilot, EXPECTED_NOTES["lead-can-guarantee"])
        await press(pilot, "enter")
        assert "See [minutes]" in note_shown(pilot)
        await press(pilot, "enter", "1", "enter")
        assert position(pilot).startswith("Question 5 of 9"), "the solicitor question opened"
        await press(pilot, "2", "enter")
        await type_text(pilot, EXPECTED_ANSWERS["agreement-notes"])
        await press(pilot, "enter")
        await type_text(pilot, "4")
        await press(pilot, "enter", "3", "enter", "1", "3", "enter")
        assert isinstance(app.screen, ReviewScreen)
        await press(pilot, "r")
        assert isinstance(app.screen, ResultScreen)
        await press(pilot, "s")
        await settle(pilot)
        saved_in = here / "reports" / "harrow-cvs"
        assert f"Saved in {saved_in}\n" in shown(app.screen.query_one("#saved-line"))

    saved = json.loads(next((here / "reports" / "harrow-cvs").glob("*.json")).read_text())
    assert saved["answers"] == EXPECTED_ANSWERS
    assert saved["notes"] == EXPECTED_NOTES
    assert not (here / "reports" / ".draft.json").exists(), "the draft is done with"

    answers = here / "answers.json"
    answers.write_text(
        json.dumps(
            {"profile": saved["profile"], "answers": EXPECTED_ANSWERS, "notes": EXPECTED_NOTES}
        )
    )
    assert (
        main(
            [
                "--questions",
                str(QUESTIONS),
                "--seeds",
                str(SEEDS),
                "assess",
                "--answers",
                str(answers),
                "--reports",
                "by-assess",
            ]
        )
        == 0
    )
    by_assess = json.loads(next(Path("by-assess/harrow-cvs").glob("*.json")).read_text())
    for part in ("profile", "answers", "notes", "result", "bank", "schema_version"):
        assert saved[part] == by_assess[part], part
    report_names = sorted(p.suffix for p in Path("reports/harrow-cvs").iterdir())
    assert report_names == sorted(p.suffix for p in Path("by-assess/harrow-cvs").iterdir())


async def test_a_number_answer_is_checked_and_dont_know_is_a_button(make_app):
    async with under_way(make_app(), role="partner", stage="forming") as pilot:
        app = pilot.app
        app.open_question("weeks-to-deadline")
        await settle(pilot)
        box = app.screen.query_one("#typed", Input)
        await type_text(pilot, "abc.")
        assert box.value == ".", "letters cannot be typed"
        await press(pilot, "enter")
        assert app.screen.current == "weeks-to-deadline", "it stays on the question"
        assert "is not a number" in shown(app.screen.query_one("#typed-problem"))
        await press(pilot, "n")
        assert isinstance(app.screen, NoteDialog), "n adds a note even in a number box"
        await press(pilot, "escape", "d")
        assert app.session.draft.answers["weeks-to-deadline"] == "dont-know"
        assert app.screen.current == "specification-access"
        await press(pilot, "escape")
        assert shown(app.screen.query_one("#typed-problem")) == "You answered: Don't know."
        await click(pilot, "#dont-know")
        assert app.screen.current == "specification-access"


async def test_the_mouse_chooses_an_answer_and_the_buttons_move_on(make_app):
    async with under_way(make_app(), role="partner") as pilot:
        app = pilot.app
        choices = app.screen.query_one(AnswerChoices)
        await click(pilot, choices, offset=(10, choices.level_tops()[1]))
        assert app.session.draft.answers["guarantor"] == "no"
        assert drawn(choices)[choices.level_tops()[1]].startswith("▌ 2 (•)")
        assert app.screen.current == "guarantor", "a click chooses; it does not move on"
        await click(pilot, "#next-button")
        assert app.screen.current == "guarantor-plan"
        await click(pilot, "#back-button")
        assert app.screen.current == "guarantor"


async def test_enter_with_nothing_chosen_moves_on_without_answering(make_app):
    async with under_way(make_app(), role="partner") as pilot:
        app = pilot.app
        await press(pilot, "enter")
        assert app.session.draft.answers == {}
        assert app.screen.current == "agreement-status"
        await press(pilot, "f")
        assert isinstance(app.screen, ReviewScreen)
        assert len(app.screen.query_one("#unanswered").options) == 6


async def test_the_band_of_the_number_typed_is_marked_and_shown_again_on_coming_back(make_app):
    """The number answer is one set of widgets, shown with each number question in turn:
    coming back, it shows the number saved and marks its band afresh."""
    async with under_way(make_app(), role="partner", stage="forming") as pilot:
        app = pilot.app
        app.open_question("weeks-to-deadline")
        await settle(pilot)
        page = app.screen.query_one(AnswerChoices)

        def marked() -> list[str]:
            return [page.levels[index].value for index in sorted(page.chosen_levels)]  # type: ignore[attr-defined]

        assert marked() == []
        await type_text(pilot, "5")
        assert marked() == ["two-to-six"]
        await press(pilot, "enter", "escape")
        assert app.screen.current == "weeks-to-deadline"
        assert app.screen.query_one("#typed", Input).value == "5"
        assert marked() == ["two-to-six"], "marked again for the number saved"
        await type_text(pilot, "7")  # the number shown is selected, and typing replaces it
        assert app.screen.query_one("#typed", Input).value == "7"
        assert marked() == ["six-plus"]
