"""The answer levels, drawn as one widget: the arrows keep the cursor in view, and the mouse
shows the level it is over."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.geometry import Region

from consortium_ready.tui.widgets.choices import AnswerChoices
from tests.functional.conftest import RecordingApp
from tests.functional.helpers import press, settle, under_way

SHORT = (80, 24)


def _on_screen(choices: AnswerChoices, index: int) -> Region:
    """Where level `index` is drawn on the screen."""
    top = choices.level_tops()[index]
    height = choices.level_tops()[index + 1] - top - 1 if index + 1 < len(choices.options) else 1
    return Region(choices.region.x, choices.region.y + top, choices.region.width, height)


async def test_the_arrows_scroll_the_chosen_level_into_view(reports):
    """On the built-in bank's question with the most answer levels, in a short window."""
    app = RecordingApp(reports=reports)
    async with under_way(app, size=SHORT, role="lead", stage="bidding") as pilot:
        asked = app.session.questionnaire.asked  # type: ignore[union-attr]
        most = max(asked, key=lambda question: len(question.options))
        app.open_question(most.id)
        await settle(pilot)
        body = app.screen.query_one("#body", VerticalScroll)
        choices = app.screen.query_one(AnswerChoices)
        last = len(choices.options) - 1
        assert not body.content_region.contains_region(_on_screen(choices, last))
        await press(pilot, *["down"] * len(choices.options))
        assert choices.highlighted == last
        assert body.content_region.contains_region(_on_screen(choices, last))
        await press(pilot, *["up"] * len(choices.options))
        assert choices.highlighted == 0
        assert body.content_region.contains_region(_on_screen(choices, 0))


async def test_the_level_under_the_mouse_is_drawn_apart(make_app):
    async with under_way(make_app(), role="lead", stage="bidding") as pilot:
        choices = pilot.app.screen.query_one(AnswerChoices)
        tops = choices.level_tops()

        def background(index: int) -> object:
            *_, last = choices.render_line(tops[index])
            return last.style.bgcolor if last.style else None

        assert background(1) == background(2), "neither chosen nor under the mouse"
        await pilot.hover(choices, offset=(20, tops[1]))
        assert choices.hovered == 1
        assert background(1) != background(2)
        await pilot.hover(choices, offset=(20, tops[2] - 1))  # the gap after level 1
        assert choices.hovered is None
        assert background(1) == background(2)
