"""The answer saved is always the answer marked on screen, however it was chosen.

Every mix of a number key, the arrows, Space and Enter is pressed on a
one-answer question, and after each the answer marked chosen on screen is held
against the draft written to disk; after Enter, and again after coming back.
"""

from __future__ import annotations

from itertools import product
from pathlib import Path

from textual.pilot import Pilot

from consortium_ready.store.drafts import load_draft
from consortium_ready.store.files import draft_path
from consortium_ready.tui.screens.question import QuestionScreen
from consortium_ready.tui.widgets.choices import AnswerChoices
from tests.functional.helpers import drawn, press, settle, under_way

KEYS = ("2", "down", "up", "space")
SEQUENCES = [list(keys) for length in (1, 2) for keys in product(KEYS, repeat=length)]


def marked(pilot: Pilot) -> list[str]:
    """The answers the screen marks chosen: (•) or [x] before them."""
    choices = pilot.app.screen.query_one(AnswerChoices)
    lines = drawn(choices)
    return [
        option.value
        for option, top in zip(choices.options, choices.level_tops(), strict=True)
        if "(•)" in lines[top] or "[x]" in lines[top]
    ]


async def saved(pilot: Pilot, reports: Path, question: str) -> list[str]:
    """The answer to `question` in the draft on disk, as a list."""
    await pilot.app.saver.finished()  # type: ignore[attr-defined]
    draft = load_draft(draft_path(reports))
    assert draft is not None
    answer = draft.answers.get(question)
    return [] if answer is None else answer if isinstance(answer, list) else [str(answer)]


async def test_every_way_of_choosing_saves_what_is_shown(make_app, reports):
    async with under_way(make_app(), role="lead", stage="bidding") as pilot:
        app = pilot.app
        question = app.screen.question.id
        for keys in SEQUENCES:
            await press(pilot, *keys)
            on_screen = marked(pilot)
            assert on_screen == await saved(pilot, reports, question), keys
            await press(pilot, "enter")
            assert await saved(pilot, reports, question) == on_screen, (keys, "after Enter")
            await press(pilot, "escape")
            assert isinstance(app.screen, QuestionScreen) and app.screen.question.id == question
            assert marked(pilot) == on_screen, (keys, "coming back")


async def test_a_down_arrow_from_a_number_moves_the_choice_and_enter_keeps_it(make_app, reports):
    async with under_way(make_app(), role="lead", stage="bidding") as pilot:
        question = pilot.app.screen.question.id
        await press(pilot, "1", "down")
        second = pilot.app.screen.query_one(AnswerChoices).options[1].value
        assert marked(pilot) == [second]
        await press(pilot, "enter")
        await settle(pilot)
        assert await saved(pilot, reports, question) == [second]


async def test_a_key_that_reaches_the_last_questions_options_is_not_saved_for_the_next(
    make_app, reports
):
    """Under load a number pressed just after Enter can reach the options still showing,
    before the screen has moved on: it must not become the next question's answer."""
    async with under_way(make_app(), role="lead", stage="bidding") as pilot:
        screen = pilot.app.screen
        first = screen.question.id
        choices = screen.query_one(AnswerChoices)
        values = [option.value for option in choices.options]
        choices.pick(0)
        choices.action_confirm()
        choices.pick(1)  # handled by the options before the screen handles Enter
        await settle(pilot)
        following = screen.question.id
        assert following != first
        assert await saved(pilot, reports, first) == [values[0]]
        assert await saved(pilot, reports, following) == []
