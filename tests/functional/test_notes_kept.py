"""A note is never lost when its question stops applying: it is kept in the draft, shown in
the review and saved with the assessment, and is back in place if the question returns."""

from __future__ import annotations

import json

from consortium_ready.tui.screens.question import QuestionScreen
from consortium_ready.tui.screens.review import ReviewScreen
from tests.functional.helpers import note_shown, press, screen_text, settle, shown, under_way

NOTE = "Ask Hillside by May"


async def test_a_note_on_a_follow_up_outlives_the_answer_that_hid_it(make_app, reports):
    async with under_way(make_app(), role="lead", stage="bidding") as pilot:
        app = pilot.app
        assert app.screen.question.id == "guarantor"
        await press(pilot, "2", "enter")  # No: the plan to find a guarantor is asked
        assert app.screen.question.id == "guarantor-plan"
        await press(pilot, "n")
        await pilot.press(*NOTE)
        await press(pilot, "enter", "escape")
        assert app.screen.question.id == "guarantor"
        await press(pilot, "1")  # Yes: the plan is no longer asked
        await press(pilot, "f")
        assert isinstance(app.screen, ReviewScreen)
        assert "Notes on questions no longer asked (1)" in screen_text(pilot)
        (kept,) = app.screen.query(".kept-note")
        assert NOTE in shown(kept)
        await app.saver.finished()  # type: ignore[union-attr]
        draft = json.loads((reports / ".draft.json").read_text())
        assert draft["notes"] == {"guarantor-plan": NOTE}
        await press(pilot, "escape")
        assert isinstance(app.screen, QuestionScreen)
        await press(pilot, "2", "enter")  # No again: the plan, and its note, are back
        await settle(pilot)
        assert app.screen.question.id == "guarantor-plan"
        assert NOTE in note_shown(pilot)


async def test_quitting_keeps_a_note_being_written(make_app, reports):
    async with under_way(make_app(), role="lead", stage="bidding") as pilot:
        question_id = pilot.app.screen.question.id
        await press(pilot, "n")
        await pilot.press(*NOTE)
        await press(pilot, "ctrl+q")
    draft = json.loads((reports / ".draft.json").read_text())
    assert draft["notes"] == {question_id: NOTE}


async def test_a_note_left_with_escape_is_not_kept_on_quitting(make_app, reports):
    async with under_way(make_app(), role="lead", stage="bidding") as pilot:
        await press(pilot, "n")
        await pilot.press(*NOTE)
        await press(pilot, "escape", "ctrl+q")
    draft = json.loads((reports / ".draft.json").read_text())
    assert draft["notes"] == {}
