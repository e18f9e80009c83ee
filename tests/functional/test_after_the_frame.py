"""The work a question's frame sets off waits until that frame has had time to reach the
terminal: the place to resume is saved, and the next question's page made ready, a moment
after the question is drawn, not while its frame is being written."""

from __future__ import annotations

import time

from consortium_ready.tui.screens.question import QuestionScreen
from consortium_ready.tui.widgets import page
from consortium_ready.tui.widgets.choices import AnswerChoices
from tests.functional.helpers import press, settle, under_way

WAIT = 0.05
"""The wait after a frame, made longer than a frame takes to finish here (a few ms), so that
work begun as the frame finishes could not pass for work that waited."""


async def test_the_place_is_saved_only_once_the_frame_has_had_time_to_go_out(make_app, monkeypatch):
    drawn: list[float] = []
    begun: list[tuple[float, str]] = []
    render_lines = AnswerChoices.render_lines
    once_painted = QuestionScreen._once_painted

    def drawing(page: AnswerChoices, crop):
        if page._after_drawing is not None:  # the frame that shows a new question
            drawn.append(time.monotonic())
        return render_lines(page, crop)

    def after(screen: QuestionScreen) -> None:
        begun.append((time.monotonic(), screen.current))
        once_painted(screen)

    monkeypatch.setattr(page, "AFTER_THE_FRAME", WAIT)
    monkeypatch.setattr(AnswerChoices, "render_lines", drawing)
    monkeypatch.setattr(QuestionScreen, "_once_painted", after)
    async with under_way(make_app(), role="lead", stage="bidding") as pilot:
        screen = pilot.app.screen
        assert isinstance(screen, QuestionScreen)
        for _ in range(3):
            await press(pilot, "1", "enter")
        await settle(pilot)
        assert len(drawn) == len(begun) == 4  # the first question, and three steps on
        for when_drawn, (when_begun, _) in zip(drawn, begun, strict=True):
            assert when_begun - when_drawn >= WAIT
        assert begun[-1][1] == screen.current == screen.session.draft.current
