"""Questions appear and disappear as role and answers change, and the counts follow."""

from __future__ import annotations

from consortium_ready.tui.screens.profile import ProfileScreen
from consortium_ready.tui.screens.question import QuestionScreen
from consortium_ready.tui.widgets.themes import ThemeList
from tests.functional.helpers import WIDE, fill_details, press, settle, shown, under_way


def lead_body_progress(app) -> str:
    themes = app.screen.query_one("#theme-list", ThemeList)
    return themes.get_option("lead-body").prompt.plain


async def walk(pilot) -> list[str]:
    """The questions met pressing Enter from the first to the review."""
    app = pilot.app
    app.open_question(app.session.questionnaire.asked[0].id)
    await settle(pilot)
    seen = []
    while isinstance(app.screen, QuestionScreen):
        seen.append(app.screen.current)
        await press(pilot, "enter")
    return seen


async def test_a_lead_only_question_appears_and_disappears_as_the_role_changes(make_app):
    async with under_way(make_app(), size=WIDE, role="lead") as pilot:
        app = pilot.app
        assert shown(app.screen.query_one("#position")).startswith("Question 1 of 7")
        assert "0 of 2" in lead_body_progress(app)
        app.open_question("lead-can-guarantee")
        await settle(pilot)
        await press(pilot, "2")
        assert "1 of 2" in lead_body_progress(app)
        assert "lead-can-guarantee" in await walk(pilot)

        app.open_profile()
        await settle(pilot)
        assert isinstance(app.screen, ProfileScreen)
        await fill_details(pilot, "Harrow CVS", role="partner", stage="bidding")
        assert isinstance(app.screen, QuestionScreen)
        assert " of 6 · " in shown(app.screen.query_one("#position"))
        assert "0 of 1" in lead_body_progress(app)
        assert "lead-can-guarantee" not in await walk(pilot)
        assert "lead-can-guarantee" not in app.session.answer_set().answers

        app.open_profile()
        await settle(pilot)
        await fill_details(pilot, "Harrow CVS", role="lead", stage="bidding")
        assert "1 of 2" in lead_body_progress(app), "the answer given as a lead is kept"
        assert app.session.answer_set().answers["lead-can-guarantee"] == "partly"


async def test_a_follow_up_opens_and_closes_with_the_answer_before_it(make_app):
    async with under_way(make_app(), size=WIDE, role="partner") as pilot:
        app = pilot.app
        await press(pilot, "2")
        assert "0 of 2" not in lead_body_progress(app)
        assert "1 of 2" in lead_body_progress(app)
        await press(pilot, "enter")
        assert app.screen.current == "guarantor-plan"
        await press(pilot, "escape", "1")
        assert "done" in lead_body_progress(app)
        await press(pilot, "enter")
        assert app.screen.current == "agreement-status"
