"""One draft, two modes: started in plain mode, carried on in the full-screen questionnaire."""

from __future__ import annotations

import io

from consortium_ready.plain.console import Console
from consortium_ready.plain.run import PlainRun
from consortium_ready.tui.screens.question import QuestionScreen
from tests.functional.helpers import SMALL, fixed_clock, note_shown, press, settle


async def test_answers_given_in_plain_mode_are_there_in_the_terminal(make_app, reports, tui_bank):
    typed = ["Harrow CVS", "1", "3", "", "", "", "2", "n", "Asked the council", "2"]
    console = Console(io.StringIO("".join(f"{line}\n" for line in typed)), io.StringIO())
    assert PlainRun(tui_bank, reports, console, fixed_clock).run() == 0

    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await press(pilot, "enter")  # Carry on where you left off
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.current == "lead-can-guarantee"
        await press(pilot, "escape")
        assert app.screen.current == "guarantor-plan"
        assert app.screen.query_one("#page").chosen == {"talks"}
        assert "Asked the council" in note_shown(pilot)
        await press(pilot, "escape")
        assert app.screen.query_one("#page").chosen == {"no"}
        assert not note_shown(pilot)
