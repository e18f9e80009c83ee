"""Keys: each window's own key list, help in words, the palette's commands, buttons and menus."""

from __future__ import annotations

import pytest
from rich.table import Table
from textual.widgets import OptionList, Static
from textual.widgets._footer import FooterKey

from consortium_ready.tui.screens.dialogs import ConfirmDialog, HelpDialog
from consortium_ready.tui.screens.question import CHOICE_KINDS, QuestionScreen
from consortium_ready.tui.widgets.choices import AnswerChoices
from tests.functional.helpers import (
    SMALL,
    drawn,
    press,
    screen_lines,
    settle,
    shown,
    under_way,
    use_the_palette,
)


@pytest.mark.parametrize(
    ("key", "own"), [("n", "esc Cancel"), ("t", "esc Close"), ("f1", "esc Close")]
)
async def test_a_window_over_the_question_shows_its_own_keys(make_app, key, own):
    async with under_way(make_app(), role="partner") as pilot:
        await press(pilot, key)
        keys = screen_lines(pilot)[-1]
        assert own in keys
        assert "Themes" not in keys and "Finish" not in keys, "the question's keys do nothing here"


def help_keys(pilot) -> dict[str, str]:
    """The help's keys, each with what it does."""
    table = pilot.app.screen.query_one("#keys", Static).content
    assert isinstance(table, Table)
    keys, does = ([str(cell) for cell in column.cells] for column in table.columns)
    return dict(zip(keys, does, strict=True))


async def test_help_says_the_keys_in_words_and_how_to_close_it(make_app):
    async with under_way(make_app(), role="partner") as pilot:
        app = pilot.app
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpDialog)
        keys = help_keys(pilot)
        assert keys["Enter"] == "Keep the answer and go to the next question"
        assert keys["d"] == "Don't know"
        assert keys["n"].startswith("Add a note")
        assert keys["Escape"] == "Go back to the question before"
        assert keys["Ctrl+Q"] == "Quit (your answers are kept)"
        assert not [does for does in keys.values() if "Focus" in does or "Copy" in does]
        assert "To close this help, press Escape or Enter" in shown(app.screen.query(".hint")[-1])
        lines = screen_lines(pilot)
        assert any(line.strip("█ ") == "Close" for line in lines), "its button is in view"
        await press(pilot, "enter")
        assert isinstance(app.screen, QuestionScreen)
        await press(pilot, "f1", "escape")
        assert isinstance(app.screen, QuestionScreen)


async def test_the_palette_offers_the_apps_commands_in_its_own_words(make_app):
    async with under_way(make_app(), role="partner") as pilot:
        app = pilot.app
        offered = [command.title for command in app.get_system_commands(app.screen)]
        assert offered == ["Help on this screen", "Quit"]
        await use_the_palette(pilot, "help on this screen")
        assert isinstance(app.screen, HelpDialog)
        assert "Answer one question at a time" in shown(app.screen.query(Static)[1])


async def test_left_and_right_move_between_buttons_and_stop_at_the_ends(make_app):
    async with under_way(make_app(), role="partner") as pilot:
        app = pilot.app
        app.open_result(save=True)  # nothing answered: it asks first
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        for key, focused in [("left", "yes"), ("left", "yes"), ("right", "no"), ("right", "no")]:
            await press(pilot, key)
            assert app.screen.focused.id == focused, key
        await press(pilot, "escape")
        app.screen.query_one("#back-button").focus()
        await press(pilot, "right")
        assert app.screen.focused.id == "cases-button"


async def test_the_start_menu_stops_at_its_first_and_last_choice(make_app):
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        choices = app.screen.query_one("#choices", OptionList)
        await press(pilot, "up")
        assert choices.highlighted == 0, "Up on the first choice does not go round to Quit"
        last = choices.option_count - 1
        await press(pilot, *["down"] * last)
        assert choices.highlighted == last
        await press(pilot, "down")
        assert choices.highlighted == last
        await press(pilot, "enter")
    assert app.return_code == 0, "the last choice is Quit"


async def test_d_chooses_dont_know_and_shows_it(make_app):
    async with under_way(make_app(), role="partner") as pilot:
        app = pilot.app
        await press(pilot, "d")
        assert app.session.draft.answers == {"guarantor": "dont-know"}
        assert app.screen.current == "guarantor", "like a number key, it chooses and stays"
        choices = app.screen.query_one(AnswerChoices)
        assert drawn(choices)[choices.level_tops()[2]].startswith("▌ 3 (•)")


async def test_the_key_list_keeps_its_keys_and_dims_those_that_do_not_apply(make_app):
    """Asked to redraw with the same keys (as on each change of focus), the footer keeps
    its keys. From question to question it keeps them too, in the same places: a key that
    does not apply (the number keys where there are no options, the letters while a box
    is typed in) is dimmed, and where it applies again it works again, clicked as well as
    pressed."""
    async with under_way(make_app(), role="partner") as pilot:
        screen = pilot.app.screen
        assert isinstance(screen, QuestionScreen)
        keys = list(screen.query(FooterKey))
        screen.refresh_bindings()
        await settle(pilot)
        kinds_seen = set()
        while pilot.app.screen is screen:
            question = screen.question
            kinds_seen.add(question.kind)
            assert list(screen.query(FooterKey)) == keys, "the same keys are not mounted anew"
            (choose,) = (key for key in keys if key.description == "Choose")
            assert choose.has_class("-disabled") == (question.kind not in CHOICE_KINDS)
            (themes,) = (key for key in keys if key.description == "Themes")
            typed = question.kind not in CHOICE_KINDS
            assert themes.has_class("-disabled") == typed, "t is typed in a box"
            (note,) = (key for key in keys if key.description == "Note")
            assert note.has_class("-disabled") == (question.kind == "text"), "n, but in text"
            if question.kind in CHOICE_KINDS:
                await pilot.click(choose)
                await settle(pilot)
                assert pilot.app.session.draft.answers[question.id] in (
                    question.options[0].value,
                    [question.options[0].value],
                ), "a click on 1-9 chooses the first answer"
            await press(pilot, "enter")
            await settle(pilot)  # the footer redraws after the screen has
        assert len(kinds_seen) > 1, "the walk met questions of more than one kind"
