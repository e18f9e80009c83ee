"""The boxes typed answers go in: wherever one shows, it looks as its focus says.

A box keeps its focused look while hidden, rather than being restyled as it loses the
focus there; these tests hold it to looking right whenever it shows."""

from __future__ import annotations

from collections import Counter

from textual.pilot import Pilot

from consortium_ready.tui.screens.question import CHOICE_KINDS, QuestionScreen
from consortium_ready.tui.widgets.choices import AnswerChoices
from consortium_ready.tui.widgets.typed import TypedBox
from tests.functional.helpers import click, looks, press, restyled_alike, settle, under_way


def _showing(boxes: list[TypedBox]) -> list[TypedBox]:
    """The boxes laid out on the screen."""
    return [box for box in boxes if box.region]


def _styled_astray(pilot: Pilot, boxes: list[TypedBox]) -> list[str]:
    """The boxes showing whose look is not the one a restyle gives them now."""
    return [
        f"{box.id} (focus: {box.has_focus})"
        for box in _showing(boxes)
        if not restyled_alike(pilot, box)
    ]


async def test_a_box_looks_as_its_focus_says_and_is_not_restyled_while_hidden(
    make_app, monkeypatch
):
    """Through a whole questionnaire: at each question, and with the focus clicked away from
    a box that shows, every box showing looks as a restyle would make it; and no box is
    restyled at a step that hides it."""
    async with under_way(make_app(), role="partner") as pilot:
        screen = pilot.app.screen
        assert isinstance(screen, QuestionScreen)
        boxes = list(screen.query(TypedBox))
        restyled: Counter[str | None] = Counter()
        styled = TypedBox.notify_style_update

        def counted(box: TypedBox) -> None:
            restyled[box.id] += 1
            styled(box)

        monkeypatch.setattr(TypedBox, "notify_style_update", counted)
        kinds = []
        while pilot.app.screen is screen:
            question = screen.question
            kinds.append(question.kind)
            assert not _styled_astray(pilot, boxes), f"at {question.id}"
            if question.kind not in CHOICE_KINDS:
                await click(pilot, screen.query_one(AnswerChoices))
                await settle(pilot)
                assert not _styled_astray(pilot, boxes), f"the focus clicked away, {question.id}"
                (showing,) = _showing(boxes)
                await click(pilot, showing)
                await settle(pilot)
            restyled.clear()
            await press(pilot, "enter")
            await settle(pilot)
            hidden = pilot.app.screen is screen and screen.question.kind in CHOICE_KINDS
            if question.kind not in CHOICE_KINDS and hidden:
                assert not restyled, "a box hidden as it lost the focus was restyled"
        assert {"number", "text"} <= set(kinds) and set(kinds) & set(CHOICE_KINDS)


async def test_a_box_shown_again_without_the_focus_loses_its_focused_look(make_app):
    """Hidden as it lost the focus, a box kept its focused look: shown again while the focus
    is elsewhere, it is restyled without it."""
    async with under_way(make_app(), role="partner", stage="forming") as pilot:
        app = pilot.app
        app.open_question("weeks-to-deadline")
        await settle(pilot)
        screen = app.screen
        box = screen.query_one("#number-answer").query_one(TypedBox)
        assert box.has_focus
        focused_look = looks(box)
        await press(pilot, "enter")  # on to a question with options: the box is hidden
        await settle(pilot)
        assert not box.has_focus and not box.region
        assert looks(box) == focused_look, "kept while hidden"
        screen.query_one("#number-answer").display = True
        await settle(pilot)
        assert box.region and not box.has_focus
        assert looks(box) != focused_look
        assert not _styled_astray(pilot, [box])
