"""Enter in a box for a typed answer, pressed or clicked in the key list, moves on; keys
typed faster than the program takes them each go where they would have gone had they been
typed slowly (to the next question, into a window just opened, back to the question when
it closes), and quitting loses none of them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input
from textual.widgets._footer import FooterKey

from consortium_ready.store.drafts import load_draft
from consortium_ready.store.files import draft_path
from consortium_ready.tui.screens.dialogs import NoteDialog
from consortium_ready.tui.screens.question import CHOICE_KINDS, QuestionScreen
from consortium_ready.tui.widgets.typed import NUMBER_BOX, TEXT_BOX
from tests.functional.helpers import click, press, send_at_once, settle, under_way

NUMBER_QUESTION = "weeks-to-deadline"
TEXT_QUESTION = "agreement-notes"


async def _on_until(pilot: Pilot, there: Callable[[QuestionScreen], bool]) -> QuestionScreen:
    """On through the questions until `there`, answering 1 (or nothing, where an answer is
    typed) on the way."""
    screen = pilot.app.screen
    assert isinstance(screen, QuestionScreen)
    while not there(screen):
        await press(pilot, *(["1"] if screen.question.kind in CHOICE_KINDS else []), "enter")
    return screen


async def _at(pilot: Pilot, question_id: str) -> QuestionScreen:
    """On to `question_id`."""
    return await _on_until(pilot, lambda screen: screen.current == question_id)


async def _before(pilot: Pilot, question_id: str) -> QuestionScreen:
    """On to the question asked just before `question_id`."""
    return await _on_until(
        pilot, lambda screen: screen.questionnaire.after(screen.current).id == question_id
    )


async def _typed_at_once(pilot: Pilot, *keys: str) -> None:
    """Send `keys` together, and let the app catch up."""
    send_at_once(pilot.app, *keys)
    await settle(pilot)


def _saved(reports: Path) -> dict[str, object]:
    draft = load_draft(draft_path(reports))
    assert draft is not None
    return dict(draft.answers)


async def test_enter_clicked_in_the_key_list_moves_on_with_the_number(make_app, reports):
    async with under_way(make_app(), role="lead", stage="bidding") as pilot:
        screen = await _at(pilot, NUMBER_QUESTION)
        await press(pilot, "7")
        await click(pilot, next(key for key in screen.query(FooterKey) if key.key == "enter"))
        assert screen.current == screen.questionnaire.after(NUMBER_QUESTION).id
        await pilot.app.saver.finished()
        assert _saved(reports)[NUMBER_QUESTION] == 7


async def test_a_key_typed_after_enter_goes_to_the_next_question(make_app, reports):
    async with under_way(make_app(), role="lead", stage="bidding") as pilot:
        screen = await _at(pilot, NUMBER_QUESTION)
        following = screen.questionnaire.after(NUMBER_QUESTION)
        assert following is not None and following.kind in CHOICE_KINDS
        await _typed_at_once(pilot, "7", "enter", "2")
        assert screen.current == following.id
        await pilot.app.saver.finished()
        answers = _saved(reports)
    assert answers[NUMBER_QUESTION] == 7
    assert answers[following.id] == following.options[1].value


async def test_quitting_keeps_a_number_typed_and_not_yet_entered(make_app, reports):
    async with under_way(make_app(), role="lead", stage="bidding") as pilot:
        await _at(pilot, NUMBER_QUESTION)
        await press(pilot, "7", "ctrl+q")
    assert _saved(reports)[NUMBER_QUESTION] == 7


async def test_quitting_keeps_text_typed_and_not_yet_entered(make_app, reports):
    async with under_way(make_app(), role="lead", stage="bidding") as pilot:
        await _at(pilot, TEXT_QUESTION)
        await press(pilot, "o", "k", "ctrl+q")
    assert _saved(reports)[TEXT_QUESTION] == "ok"


@pytest.mark.parametrize("keys", [("7", "ctrl+q"), ("7", "enter", "ctrl+q")])
async def test_quitting_at_once_after_typing_keeps_what_was_typed(make_app, reports, keys):
    async with under_way(make_app(), role="lead", stage="bidding") as pilot:
        await _at(pilot, NUMBER_QUESTION)
        await _typed_at_once(pilot, *keys)
    assert _saved(reports)[NUMBER_QUESTION] == 7


async def test_an_answer_typed_after_enter_is_the_next_questions(make_app, reports):
    async with under_way(make_app(), role="lead", stage="bidding") as pilot:
        screen = pilot.app.screen
        assert isinstance(screen, QuestionScreen)
        first = screen.question
        second = screen.questionnaire.after(first.id)
        assert second is not None and second.kind in CHOICE_KINDS
        await _typed_at_once(pilot, "1", "enter", "2", "enter")
        assert screen.current == screen.questionnaire.after(second.id).id
        await pilot.app.saver.finished()
        answers = _saved(reports)
    assert answers[first.id] == first.options[0].value
    assert answers[second.id] == second.options[1].value


@pytest.mark.parametrize(
    ("question_id", "box", "keys", "typed"),
    [
        (TEXT_QUESTION, TEXT_BOX, ("enter", "o", "k"), "ok"),  # from options
        (NUMBER_QUESTION, NUMBER_BOX, ("enter", "7"), "7"),  # from a text answer
    ],
)
async def test_keys_typed_after_enter_go_into_the_next_questions_box(
    make_app, reports, question_id, box, keys, typed
):
    async with under_way(make_app(), role="lead", stage="bidding") as pilot:
        screen = await _before(pilot, question_id)
        await _typed_at_once(pilot, *keys)
        assert screen.current == question_id
        assert screen.query_one(f"#{box}", Input).value == typed


@pytest.mark.parametrize("where", ["options", NUMBER_QUESTION])
async def test_keys_typed_after_n_go_into_the_note(make_app, reports, where):
    async with under_way(make_app(), role="lead", stage="bidding") as pilot:
        screen = await _at(pilot, where) if where != "options" else pilot.app.screen
        await _typed_at_once(pilot, "n", "A", "5", "k")
        dialog = pilot.app.screen
        assert isinstance(dialog, NoteDialog)
        assert dialog.typed == "A5k"
        assert screen.query_one(f"#{NUMBER_BOX}", Input).value == ""


@pytest.mark.parametrize("close", ["enter", "escape"])
async def test_a_key_typed_after_the_note_closes_answers_the_question(make_app, reports, close):
    async with under_way(make_app(), role="lead", stage="bidding") as pilot:
        screen = pilot.app.screen
        assert isinstance(screen, QuestionScreen)
        question = screen.question
        await _typed_at_once(pilot, "n", "A", close, "2")
        assert pilot.app.screen is screen
        await pilot.app.saver.finished()
    draft = load_draft(draft_path(reports))
    assert draft is not None
    assert draft.notes == ({question.id: "A"} if close == "enter" else {})
    assert draft.answers[question.id] == question.options[1].value
